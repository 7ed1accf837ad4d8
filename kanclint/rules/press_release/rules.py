"""KC301–KC307: the press-release rules, each reporting what one detector finds."""

from __future__ import annotations

from typing import Iterable, Iterator

from kanclint.model import Applicability, Diagnostic, Edit, Fix, Severity
from kanclint.rules.base import Rule
from kanclint.rules.press_release.address import (
    MARKER_NAMES,
    MIN_MARKERS,
    WALL_OPENING,
    WALL_UNBROKEN,
    _content_sentences,
    find_no_reader_address,
    find_wall_of_text,
    press_release_markers,
)
from kanclint.rules.press_release.advice import closing_question, opening_speaks_to_reader, opening_template
from kanclint.text.our_voice import says_we
from kanclint.rules.press_release.helpers import Marker, _trimmed, opening_sentences
from kanclint.rules.press_release.leads import (
    find_ceremonial_leads,
    find_protocol_verbs,
)
from kanclint.rules.press_release.persons import (
    find_official_titles,
    find_third_person_self,
    third_person_message,
    third_person_span,
)
from kanclint.rules.press_release.oblique_self import first_person_blocked, oblique_mentions
from kanclint.rules.press_release.place_self import place_mentions
from kanclint.rules.press_release.ours import owned_mentions
from kanclint.rules.press_release.pronoun_self import pronoun_mentions
from kanclint.rules.press_release.quote_self import said_by_author
from kanclint.rules.press_release.said import said_edit
from kanclint.rules.press_release.voice import self_rewrites
from kanclint.rules.press_release.words import CATEGORY
from kanclint.text.document import Document
from kanclint.text.russian import plural

# -- rules ------------------------------------------------------------------------------


class _PressReleaseRule(Rule):
    category = CATEGORY
    lexical = False

    def markers(self, document: Document) -> Iterable[Marker]:  # pragma: no cover - abstract
        raise NotImplementedError

    def check(self, document: Document) -> Iterator[Diagnostic]:
        for m in self.markers(document):
            yield self.diagnostic(document, m.start, m.end, m.message + self.advice(document, m))

    def advice(self, document: Document, marker: Marker) -> str:
        """A template drawn from the post that some rules add to their message (see .advice)."""
        return ""


class CeremonialLead(_PressReleaseRule):
    """KC301: a report opens with its date and «состоялось» — the reader learns nothing yet."""

    code = "KC301"
    name = "ceremonial-lead"
    severity = Severity.WARNING
    title = "Протокольное начало: дата и «состоялось»"
    what = (
        "Абзац начинается с даты или дня («23 мая», «Сегодня, 5 марта», «В минувшую пятницу»), "
        "а дальше в том же предложении — «состоялось», «прошло», «проведено». Ещё — «состоялось» "
        "или «прошла (встреча)» в первых словах поста."
    )
    why = (
        "Так начинаются пресс-релизы для журналистов. В ленте первые слова решают, прочтут ли пост, "
        "а дата и «состоялось» ничего не говорят читателю о том, что изменится для него."
    )
    example = "23 мая в администрации района состоялось совещание по ремонту дорог."
    instead = "Летом отремонтируем дороги на Лесной и Садовой — договорились об этом на совещании 23 мая."

    def markers(self, document: Document) -> Iterable[Marker]:
        return document.shared(find_ceremonial_leads)

    def advice(self, document: Document, marker: Marker) -> str:
        return f" Например: «{opening_template(document)}»."


class ProtocolVerb(_PressReleaseRule):
    """KC302: reporting speech of a protocol, mildly: the same phrases may be in dictionaries."""

    code = "KC302"
    name = "protocol-verb"
    severity = Severity.INFO
    title = "Протокольные глаголы и формулы"
    what = (
        "«Подчеркнул», «проинформировала», «отметил» и «сообщил» после имени или должности, "
        "«было отмечено», «в ходе мероприятия», «приняли участие»."
    )
    why = (
        "Это язык отчёта о мероприятии. Читатель слышит протокол, а не живую речь, и не понимает, "
        "что из сказанного важно для него."
    )
    example = "В ходе мероприятия глава района подчеркнул важность ремонта дорог."
    instead = "Глава района рассказал, какие дороги отремонтируют летом."
    fix_safety = (
        "Исправление требует проверки (`--fix --unsafe-fixes`) и предлагается, только когда глагол вводит "
        "пересказ «…, что»: «глава района отметил, что…» → «глава района сказал, что…». В остальных "
        "случаях («подчеркнул важность») нужно перестроить фразу, и правило только советует."
    )
    needs = frozenset({"entities"})

    def markers(self, document: Document) -> Iterable[Marker]:
        return document.shared(find_protocol_verbs)

    def check(self, document: Document) -> Iterator[Diagnostic]:
        for m in self.markers(document):
            edit = said_edit(document, m) if m.kind == "protocol" else None
            fix = Fix(f"Заменить на «{edit.replacement}»", (edit,), Applicability.UNSAFE) if edit else None
            yield self.diagnostic(document, m.start, m.end, m.message + self.advice(document, m), fix=fix)


class OfficialTitleLead(_PressReleaseRule):
    """KC303: titles with initials and lists of attendees belong to a report, not a post."""

    code = "KC303"
    name = "official-title-lead"
    severity = Severity.WARNING
    title = "Должность с инициалами и списки участников"
    what = (
        "Должностное лицо с полной должностью и инициалами («глава района И. А. Щербаков», "
        "«заместитель главы администрации Петрова М. В.») и перечни из трёх и больше имён в одном "
        "предложении."
    )
    why = (
        "Полные должности и списки присутствующих — признак пресс-релиза. Они отодвигают новость и "
        "делают пост отчётом для начальства, а не сообщением для жителей."
    )
    example = "В совещании приняли участие глава района И. А. Щербаков, его заместители и депутаты."
    instead = "Иван Алексеевич Щербаков, глава района, пообещал, что дорогу отремонтируют до осени."
    needs = frozenset({"entities"})

    def markers(self, document: Document) -> Iterable[Marker]:
        return document.shared(find_official_titles)

    def advice(self, document: Document, marker: Marker) -> str:
        opening = opening_sentences(document)
        if not opening or marker.start >= opening[-1].end or opening_speaks_to_reader(document):
            return ""  # a title further down is not the post's opening; «Не забудьте…» already talks
        return f" Первое предложение — о читателе, например: «{opening_template(document)}»."


class ThirdPersonSelf(_PressReleaseRule):
    """KC304: «Администрация провела» in the page's own voice; the law asks for «мы»."""

    code = "KC304"
    name = "third-person-self"
    severity = Severity.WARNING
    title = "Организация говорит о себе в третьем лице"
    what = (
        "Предложение начинается с названия учреждения, за которым идёт глагол: «Администрация "
        "района провела…», «Учреждение информирует…», «МБУК „ЦБС“ приглашает…»."
    )
    why = (
        "Пост на странице организации — это её собственная речь. Когда она называет себя в третьем "
        "лице, текст звучит как пресс-релиз, а не как разговор с жителями."
    )
    example = "Администрация района провела субботник в парке."
    instead = "Мы провели субботник в парке — спасибо всем, кто пришёл!"

    fix_safety = (
        "Исправление всегда требует проверки (`--fix --unsafe-fixes`) и предлагается, только когда в "
        "настройках сказано, кто пишет пост: `we = true` или `author = \"…\"`. Глагол ставится в форму "
        "«мы» («Министерство провело» → «Мы провели», «Администрация района напоминает» → «Напоминаем»); "
        "канцелярский глагол заменяется по словарю («осуществляет приём» → «принимаем»), а если замены "
        "нет, правило только советует. С `author` переписываются только упоминания самого автора "
        "(«Администрация района», «администрация», «Наша администрация» при `author = \"Администрация "
        "Тальменского района\"`: то же главное слово, остальные слова — из названия автора), каждое в абзаце, "
        "и в том числе после вводных слов («В этом году администрация района провела…»), после «Сообщаем, что» "
        "и после «, и» («…, и музей бережно хранит…» → «…, и мы бережно храним…»); о других "
        "организациях («Администрация области») правило молчит; упоминание в родительном падеже становится «нашим» («при поддержке "
        "администрации района» → «при нашей поддержке»), кроме «администрации и министерства». Если "
        "`author` — должность или имя («Глава Тальменского района», «Юлия Котова»), пишется «я»; должность "
        "без уточнений перед именем автора уходит вместе с ним («Депутат Юлия Котова встретилась» → «Я "
        "встретилась»), а должность с названием органа остаётся в третьем лице. С `we = true` переписываются "
        "только названия без прилагательных, имён собственных, номеров и кавычек: «Краеведческий музей» "
        "или «Министерство просвещения России» может быть и другой организацией. Цитаты не меняются. "
        "В абзаце, который говорит от первого лица, автор в косвенном падеже тоже меняется («обратились к "
        "депутату» → «обратились ко мне», «подарили музею» → «подарили нам»), а «Он»/«Она» после "
        "предложения об авторе становится «Я». Если автор остаётся в третьем лице там, где «я» или «мы» "
        "не подставить («По словам главы…», «— сказала Ольга Маслова»), абзац не переписывается: "
        "два голоса в одном абзаце хуже одного."
    )

    def markers(self, document: Document) -> Iterable[Marker]:  # pragma: no cover - check() is used
        return document.shared(find_third_person_self)

    def check(self, document: Document) -> Iterator[Diagnostic]:
        for found in document.shared(self_rewrites):
            start, end = third_person_span(found)
            fix = None
            if found.edits and not first_person_blocked(document, found.start):
                fix = Fix(f"Заменить на «{found.shown}»", found.edits, Applicability.UNSAFE)
            # the suggestion replaces exactly the finding's span, as every suggestion does
            exact = found.shown is not None and found.mention.clean_name and (start, end) == (found.start, found.end)
            yield self.diagnostic(
                document, start, end, third_person_message(document, found), fix=fix,
                suggestions=(found.shown,) if exact else (),
            )
        for owned in owned_mentions(document):  # «при поддержке администрации района» → «при нашей поддержке»
            edit = owned.edit
            said = document.text[edit.start:edit.end]
            kept = first_person_blocked(document, edit.start) or _subject_kept(document)  # one voice per post
            yield self.diagnostic(
                document, edit.start, edit.end,
                f"«{said}» — организация говорит о себе в третьем лице. На своей странице проще: "
                f"«{edit.replacement}».",
                fix=None if kept else Fix(f"Заменить на «{edit.replacement}»", (edit,), Applicability.UNSAFE),
                suggestions=(edit.replacement,),
            )
        for pronoun in document.shared(pronoun_mentions):  # «Я посетил стройку. Он осмотрел…» → «Я осмотрел…»
            if pronoun.edit is None or first_person_blocked(document, pronoun.start):
                continue
            yield self.diagnostic(
                document, pronoun.start, pronoun.end,
                f"«{document.text[pronoun.start:pronoun.end]}» — абзац уже говорит от первого лица. "
                f"Проще: «{pronoun.edit.replacement}».",
                fix=Fix(f"Заменить на «{pronoun.edit.replacement}»", (pronoun.edit,), Applicability.UNSAFE),
                suggestions=(pronoun.edit.replacement,) if (pronoun.edit.start, pronoun.edit.end) == (pronoun.start, pronoun.end) else (),
            )
        turned = any(found.edits and not first_person_blocked(document, found.start) for found in document.shared(self_rewrites))
        says = turned or document.shared(says_we)  # «Сегодня мы показываем…» says «мы» in the post's own words
        for edit in place_mentions(document, says and not _subject_kept(document)):  # «В МБОУ … прошёл» → «У нас прошёл»
            yield self._own_voice(document, edit, "пост уже говорит «мы», а здесь организация названа в третьем лице")
        for edit in oblique_mentions(document):  # «Жители обратились к депутату» → «…ко мне»
            own_words = document.text[edit.start:edit.end].lower().startswith("по словам")  # «По словам главы, …» → «…»
            yield self._own_voice(document, edit, "пост ваш, и ссылаться на собственные слова не нужно" if own_words
                                  else "абзац уже говорит от первого лица, а здесь автор назван в третьем")
        for edit in document.shared(said_by_author):  # «— сказал Николай Фёдоров» → «— сказал я»
            if not first_person_blocked(document, edit.start):
                yield self._own_voice(document, edit, "пост говорит от первого лица, а после цитаты автор назван в третьем")

    def _own_voice(self, document: Document, edit: Edit, why: str) -> Diagnostic:
        """A mention of the author in the third person where the post already speaks as «я» or «мы»."""
        said = document.text[edit.start:edit.end]
        if not edit.replacement:  # «, — отметила Елена Петровна» after the author's own quote
            return self.diagnostic(
                document, edit.start, edit.end, f"«{said.lstrip(', ')}» — {why}. Цитата и так ваша: подпись можно убрать.",
                fix=Fix("Убрать подпись под цитатой", (edit,), Applicability.UNSAFE))
        return self.diagnostic(
            document, edit.start, edit.end, f"«{said}» — {why}. Проще: «{edit.replacement}».",
            fix=Fix(f"Заменить на «{edit.replacement}»", (edit,), Applicability.UNSAFE),
            suggestions=(edit.replacement,),
        )


def _subject_kept(document: Document) -> bool:
    """The author named as a subject somewhere in the post stays in the third person («ГБУЗ «…»
    информирует, что…» with no fix): «на нашем сайте» in the next paragraph would make two voices."""
    return document.author is not None and any(
        not found.edits or first_person_blocked(document, found.start) for found in document.shared(self_rewrites))


class NoReaderAddress(_PressReleaseRule):
    """KC305: a post of five sentences or more that never speaks to its reader."""

    code = "KC305"
    name = "no-reader-address"
    severity = Severity.WARNING
    title = "Нет обращения к читателю"
    what = (
        "В посте больше четырёх предложений, и нигде нет «вы», «мы», вопроса, повелительного "
        "наклонения, призыва («приходите», «пишите», «звоните», «ждём») или разговорных частиц "
        "(«ну», «кстати», «вот», «ведь»). Цитаты не считаются."
    )
    why = (
        "Пост в соцсети — разговор. Текст, в котором никто ни к кому не обращается, читается как "
        "пресс-релиз, и в комментарии к нему никто не пишет."
    )
    example = (
        "В библиотеке открылась выставка. Представлено 200 книг. Выставка работает до мая. Вход свободный. "
        "Экскурсии проводятся по субботам."
    )
    instead = "Мы открыли выставку — 200 книг! Приходите до конца мая. Какую книгу вы бы добавили?"

    def markers(self, document: Document) -> Iterable[Marker]:
        return document.shared(find_no_reader_address)

    def advice(self, document: Document, marker: Marker) -> str:
        # the full stop of the quoted sentence goes after the closing quote: «… в комментариях».
        return f" Например, в конце: «{closing_question(document).removesuffix('.')}»."


class WallOfText(_PressReleaseRule):
    """KC306: a wall of text in the feed is scrolled past unread."""

    code = "KC306"
    name = "wall-of-text"
    severity = Severity.WARNING
    title = "Стена текста"
    what = (
        f"Первый абзац длиннее {WALL_OPENING} знаков или весь пост длиннее {WALL_UNBROKEN} знаков "
        "без единого разрыва между абзацами."
    )
    why = (
        "В ленте видно только начало поста. Сплошной длинный блок выглядит как документ, и его "
        "пролистывают, не начав читать."
    )
    example = "(первый абзац на 700 знаков без разрывов)"
    example_text = "Сотрудники центра рассказали гостям о новых программах для школьников и их родителей. " * 9
    instead = "Короткий первый абзац о главном, дальше абзацы по 2–3 предложения с пустой строкой между ними."

    def markers(self, document: Document) -> Iterable[Marker]:
        return document.shared(find_wall_of_text)


class PressReleaseShape(Rule):
    """KC307: three markers together mean the whole post is a press release, not a few words."""

    code = "KC307"
    name = "press-release-shape"
    category = CATEGORY
    severity = Severity.WARNING
    title = "Пост построен как пресс-релиз"
    what = (
        "В посте три и больше признака пресс-релиза: дата и «состоялось» в начале, протокольные "
        "глаголы, должности с инициалами или списки участников, организация о себе в третьем лице, "
        "нет обращения к читателю, стена текста, цитата должностного лица."
    )
    why = (
        "По закону посты госпабликов пишутся разговорным языком, а не в формате пресс-релиза. "
        "Когда признаков много, правка отдельных слов не поможет: нужно перестроить пост."
    )
    example = (
        "15 апреля в администрации района состоялось совещание. В нём приняли участие глава района "
        "И. П. Смирнов и депутаты. Глава отметил важность ремонта дорог."
    )
    instead = (
        "Летом отремонтируем дороги на Лесной и Садовой. Мы обсудили это с депутатами и составили "
        "график. Какую улицу, по-вашему, нужно сделать первой?"
    )
    lexical = False
    needs = frozenset({"entities"})

    def check(self, document: Document) -> Iterator[Diagnostic]:
        found = press_release_markers(document)
        if len(found) < MIN_MARKERS:
            return
        sentences = _content_sentences(document)
        if not sentences:  # pragma: no cover - markers need sentences
            return
        start, end = _trimmed(document, sentences[0].start, sentences[0].end)
        names = ", ".join(MARKER_NAMES[k] for k in MARKER_NAMES if k in found)
        yield self.diagnostic(
            document, start, end,
            f"Пост построен как пресс-релиз: {plural(len(found), 'признак', 'признака', 'признаков')} из {len(MARKER_NAMES)} — {names}. "
            "Перестройте его: начните с того, что меняется для читателя; вместо названия организации "
            "пишите «мы»; закончите вопросом или призывом. "
            f"Начало, например: «{opening_template(document)}»; конец: «{closing_question(document).removesuffix('.')}».",
        )
