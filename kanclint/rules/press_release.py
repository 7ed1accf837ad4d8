"""Press-release shape: the genre a conversational post of a state body must not take.

A press release reports an event to journalists: a dateline, «состоялось»,
officials with their titles and initials, «отметил», «приняли участие», the
organisation naming itself in the third person and no word addressed to the
reader.  Each marker alone is tolerable; together they make a post nobody reads.
The detectors below are plain functions so that KC307 can count the markers the
single rules find without running them twice over different logic.

All rules here are structural (``lexical = False``): a quoted official is itself
a press-release marker, so quotes are read, not skipped.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterable, Iterator, Sequence

from ..analysis import Document, Sentence, Token
from ..model import Diagnostic, Severity
from ..protected import SpanIndex
from ..russian import plural
from .base import Rule

CATEGORY = "press-release"

# -- word lists --------------------------------------------------------------------------

MONTHS = frozenset(
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь".split()
)
WEEKDAYS = frozenset("понедельник вторник среда четверг пятница суббота воскресенье".split())
RELATIVE_DAYS = frozenset({"сегодня", "вчера", "накануне", "позавчера"})
RECENT_ADJECTIVES = frozenset(
    {"минувший", "прошлый", "прошедший", "этот", "нынешний", "текущий", "последний", "предыдущий"}
)
PERIOD_NOUNS = frozenset({"выходной", "выходные", "неделя", "уикенд"})

# «состояться, пройти, провести» in the past or passive: the verbs of a report
PROTOCOL_VERBS = frozenset({"состояться", "пройти", "проходить", "провести", "проводить"})
# what «прошло…» is about when it is time passing, not an event
TIME_NOUNS = frozenset(
    {"год", "лето", "время", "неделя", "месяц", "день", "час", "минута", "полгода", "срок",
     "век", "десятилетие", "сутки", "секунда", "зима", "весна", "осень", "пора", "много", "мало"}
)

TITLE_WORDS = frozenset(
    {"глава", "заместитель", "замглавы", "зам", "мэр", "губернатор", "вице-губернатор", "министр",
     "замминистра", "директор", "руководитель", "начальник", "председатель", "зампредседателя",
     "депутат", "заведующий", "заведующая", "врио", "уполномоченный", "ректор", "проректор",
     "прокурор", "сенатор", "советник", "секретарь", "президент", "вице-президент", "полпред",
     "представитель", "спикер", "атаман", "префект", "градоначальник", "сити-менеджер",
     "главврач", "ведущий", "специалист", "инспектор", "председательница", "управляющий"}
)

# reporting verbs that mark a report whatever their subject
STRONG_REPORTING = frozenset(
    {"подчеркнуть", "подчёркивать", "подчеркивать", "проинформировать", "акцентировать",
     "констатировать", "резюмировать"}
)
# reporting verbs that mark a report only when an official is speaking
# «рассказал(а)» is not here: it is the plain verb the messages recommend.
OFFICIAL_REPORTING = frozenset(
    {"отметить", "сообщить", "заявить", "пояснить", "добавить", "напомнить",
     "отмечать", "сообщать", "заявлять", "пояснять", "обозначить", "озвучить"}
)
# «было отмечено», «отмечено, что», «отмечалось»
PASSIVE_REPORTING = frozenset(
    {"отметить", "подчеркнуть", "сказать", "сообщить", "заявить", "озвучить", "обозначить",
     "указать", "отмечаться", "подчеркиваться", "подчёркиваться", "говориться", "сообщаться"}
)
EVENT_NOUNS = frozenset(
    {"мероприятие", "встреча", "заседание", "совещание", "визит", "поездка", "приём", "прием",
     "собрание", "беседа", "конференция", "форум", "обсуждение", "стол", "церемония",
     "семинар", "диалог", "акция", "праздник", "осмотр", "инспекция", "объезд"}
)
QUOTE_REPORTING = frozenset(
    OFFICIAL_REPORTING | STRONG_REPORTING | {"сказать", "говорить", "считать", "поделиться", "подчеркнуть"}
)

INSTITUTION_NOUNS = frozenset(
    {"администрация", "учреждение", "управление", "комитет", "министерство", "департамент",
     "отдел", "школа", "больница", "библиотека", "центр", "мэрия", "правительство", "ведомство",
     "служба", "инспекция", "отделение", "поликлиника", "гимназия", "лицей", "колледж",
     "техникум", "музей", "фонд", "филиал", "агентство", "дума", "совет", "прокуратура",
     "предприятие", "организация", "клуб", "театр", "училище", "университет",
     "институт", "госинспекция", "казначейство", "филармония", "диспансер",
     "стационар", "детсад", "палата", "аппарат"}
)
INSTITUTION_ACRONYMS = frozenset(
    {"МБУ", "МКУ", "МАУ", "МБОУ", "МАОУ", "МКОУ", "МБДОУ", "МАДОУ", "МКДОУ", "МБУК", "МАУК", "МКУК",
     "МБУДО", "МАУДО", "МКУДО", "ГБУ", "ГКУ", "ГАУ", "ГБУЗ", "ГАУЗ", "ГБОУ", "ГАОУ", "ГБПОУ",
     "ГАПОУ", "ГБУК", "ГАУК", "ФГБУ", "ФГБОУ", "ФГКУ", "ОГБУ", "ОГКУ", "ОГАУ", "КГБУ", "КГКУ",
     "КГАУ", "ОГБУЗ", "КГБУЗ", "МУП", "ГУП", "ФГУП", "МФЦ", "ЦБС", "ЦРБ", "ЦСОН", "КЦСОН", "ДШИ",
     "ДК", "СДК", "РДК", "ЦДТ", "ДЮСШ", "СОШ", "ООШ", "УФНС", "ИФНС", "ОМВД", "МО", "ОСФР", "СФР",
     "ПФР", "ФСС", "ГУ", "УМВД", "ГУМВД", "ЦЗН", "ЗАГС", "ЖКХ", "УК", "ТСЖ", "ТОС"}
)
_ACRONYM_SHAPE = re.compile(r"^(?:Ф?Г|М|О?Г|К?Г|О|К)[БКАО][А-ЯЁ]{0,3}У[А-ЯЁ]{0,3}$")

CALL_TO_ACTION = frozenset(
    {"приходите", "пишите", "звоните", "записывайтесь", "ждём", "ждем", "присоединяйтесь",
     "приглашаем", "давайте", "смотрите", "участвуйте", "голосуйте", "оставляйте", "делитесь",
     "подписывайтесь", "регистрируйтесь", "спрашивайте", "обращайтесь"}
)
SECOND_PERSON = frozenset({"вы", "вас", "вам", "вами", "ваш", "ваша", "ваше", "ваши", "вашего",
                           "вашей", "вашему", "вашим", "вашими", "ваших", "вашу", "вашем", "ты",
                           "тебя", "тебе", "тобой", "твой", "твоя", "твоё", "твое", "твои"})
FIRST_PERSON_PLURAL = frozenset({"мы", "нас", "нам", "нами", "наш", "наша", "наше", "наши", "нашего",
                                 "нашей", "нашему", "нашим", "нашими", "наших", "нашу", "нашем"})

# -- helpers ----------------------------------------------------------------------------


def _is_number(token: Token) -> bool:
    return token.text.isdigit()


def _past_or_passive(token: Token) -> bool:
    return any(
        ("VERB" in p.grammemes and "past" in p.grammemes)
        or ("PRTS" in p.grammemes and "pssv" in p.grammemes)
        for p in token.parses
    )


def _has_lemma(token: Token, lemmas: frozenset[str]) -> bool:
    return bool(token.lemmas & lemmas)


def _trimmed(document: Document, start: int, end: int) -> tuple[int, int]:
    text = document.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def paragraph_openers(document: Document) -> list[Sentence]:
    """The first sentence of every paragraph: where a dateline would stand."""
    openers: list[Sentence] = []
    sentences = [s for s in document.sentences if s.content]
    starts = [s.start for s in sentences]  # sorted: a bisection per paragraph, not a scan
    for paragraph in document.paragraphs:
        i = bisect.bisect_left(starts, paragraph.start)
        if i < len(sentences) and sentences[i].start < paragraph.end:
            openers.append(sentences[i])
    return openers


def opening_sentences(document: Document) -> list[Sentence]:
    """The post's first sentence, and the next one when the first is a bare headline."""
    sentences = [s for s in document.sentences if s.content]
    if not sentences:
        return []
    first = sentences[0]
    has_verb = any(t.pos == "VERB" for t in first.tokens)
    if not has_verb and len(sentences) > 1 and len(first.words) <= 8:
        return sentences[:2]
    return sentences[:1]


def _persons(document: Document, start: int, end: int) -> list[tuple[int, int]]:
    """Names (natasha NER) that start in ``[start, end)``; NER runs only on the sentences asked for."""
    return [(s, e) for s, e, kind in document.entities_between(start, end) if kind == "PER" and start <= s < end]


_NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})
_PLACE_GRAMMEMES = frozenset({"Geox", "Orgn"})


def _name_like(tokens: Sequence[Token]) -> list[bool]:
    """Which tokens may belong to a person's name: the cheap test before NER.

    A capitalised word pymorphy3 knows as a first name, surname or patronymic
    (and does not read first as a place or an organisation), or an initial: a
    capital letter with its dot.  NER costs as much as a whole lint of a short
    post, so it runs only where such words are.
    """
    flags = []
    for i, t in enumerate(tokens):
        text = t.text
        if not text[:1].isupper():
            flags.append(False)
        elif len(text) == 1:
            flags.append(i + 1 < len(tokens) and tokens[i + 1].text == ".")
        else:
            flags.append(
                any(p.grammemes & _NAME_GRAMMEMES for p in t.parses)
                and not t.grammemes & _PLACE_GRAMMEMES
            )
    return flags


# -- detectors --------------------------------------------------------------------------


@dataclass(frozen=True)
class Marker:
    start: int
    end: int
    message: str
    kind: str = ""


def _date_expression(content: Sequence[Token]) -> int:
    """Length in tokens of a date or day expression at the start of ``content``, 0 if none."""
    if not content:
        return 0
    first = content[0]
    key = first.key
    if _is_number(first) and len(content) > 1 and _has_lemma(content[1], MONTHS):
        n = 2
        if len(content) > n and _is_number(content[n]) and len(content[n].text) == 4:
            n += 1
            if len(content) > n and content[n].key in {"года", "г"}:
                n += 1
        return n
    if re.fullmatch(r"\d{1,2}\.\d{1,2}(?:\.\d{2,4})?", first.text):
        return 1
    if key in RELATIVE_DAYS:
        return 1
    if key == "на" and len(content) > 1 and content[1].key == "днях":
        return 2
    if key in {"в", "во", "на"}:
        n = 1
        adjectives = 0
        while n < len(content) and adjectives < 2 and _has_lemma(content[n], RECENT_ADJECTIVES):
            n += 1
            adjectives += 1
        if n < len(content):
            noun = content[n]
            if _has_lemma(noun, WEEKDAYS):
                return n + 1
            if adjectives and (_has_lemma(noun, PERIOD_NOUNS) or noun.key in {"выходные"}):
                return n + 1
    return 0


def _protocol_verb(token: Token) -> bool:
    return _has_lemma(token, PROTOCOL_VERBS) and _past_or_passive(token)


def _time_passing(content: Sequence[Token], i: int) -> bool:
    """«Прошло 10 лет», «прошёл уже год»: time passes, no event is reported."""
    for t in content[i + 1 : i + 4]:
        if _is_number(t) or t.key in {"уже", "ещё", "еще", "почти", "около", "более", "менее", "целых"}:
            return True
        if _has_lemma(t, TIME_NOUNS) or "NUMR" in t.grammemes:
            return True
        if t.pos == "NOUN":
            return False
    return False


def _event_subject(content: Sequence[Token], i: int) -> bool:
    """After «прошло»/«прошла» without a date, is the subject an event (a noun in nominative)?"""
    if _time_passing(content, i):
        return False
    for t in content[i + 1 : i + 4]:
        if t.pos == "NOUN":
            return any("nomn" in p.grammemes for p in t.parses)
    return False


def find_ceremonial_leads(document: Document) -> list[Marker]:
    markers: list[Marker] = []
    seen: set[int] = set()
    for sentence in paragraph_openers(document):
        content = sentence.content
        n = _date_expression(content)
        if not n:
            continue
        for k, t in enumerate(content[n:], start=n):
            if t.key in {"мы", "я"}:
                break  # «23 мая мы провели…» is the page's own voice
            if _protocol_verb(t) and not (_has_lemma(t, {"пройти", "проходить"}) and _time_passing(content, k)):
                start, end = content[0].start, t.end
                markers.append(
                    Marker(
                        start, end,
                        f"«{document.text[start:end]}…» — так начинается пресс-релиз: дата и «{t.text}» "
                        "сообщают о мероприятии, а не о том, что оно даёт людям. Начните с главного для "
                        "читателя: что изменилось, что можно сделать, куда прийти.",
                        "dateline",
                    )
                )
                seen.add(sentence.index)
                break
    for sentence in opening_sentences(document):
        if sentence.index in seen:
            continue
        content = sentence.content
        for i, t in enumerate(content[:8]):
            if t.pos != "VERB" or "past" not in t.grammemes:
                continue
            if _has_lemma(t, {"состояться"}) or (_has_lemma(t, {"пройти"}) and _event_subject(content, i)):
                start, end = content[0].start, t.end
                markers.append(
                    Marker(
                        start, end,
                        f"«{document.text[start:end]}» — протокольное начало пресс-релиза. Читателю важнее "
                        "не то, что мероприятие «" + t.text + "», а что из него следует для него: начните с этого.",
                        "dateline",
                    )
                )
                break
    markers.sort(key=lambda m: m.start)
    return markers


def _near_first_person(tokens: Sequence[Token], i: int) -> bool:
    return any(t.key in {"мы", "я"} for t in tokens[max(0, i - 3) : i])


def _official_in_sentence(document: Document, sentence: Sentence) -> bool:
    if any(_has_lemma(t, TITLE_WORDS) for t in sentence.words):
        return True
    if not any(_name_like(sentence.tokens)):
        return False
    return bool(_persons(document, sentence.start, sentence.end))


def _name_runs(sentence: Sentence) -> int:
    """Runs of name-like words («И. А. Щербаков», «Анна Петрова»): at most one person each."""
    if sum(1 for t in sentence.words if t.text[:1].isupper()) < MIN_ATTENDEES:
        return 0  # fewer capitals than a list needs: no word to test
    runs = 0
    inside = False
    for t, name in zip(sentence.tokens, _name_like(sentence.tokens)):
        if name:
            runs += not inside
            inside = True
        elif t.text != "." or not inside:
            inside = False
    return runs


# A word each formula below starts with or needs: a sentence without one is skipped.
_PROTOCOL_WORDS = PASSIVE_REPORTING | STRONG_REPORTING | OFFICIAL_REPORTING | {"ходе", "участие"}


def find_protocol_verbs(document: Document) -> list[Marker]:
    markers: list[Marker] = []
    for sentence in document.sentences:
        if sentence.vocabulary.isdisjoint(_PROTOCOL_WORDS):
            continue  # none of the formulas below can start here
        tokens = sentence.content
        official = None  # computed on demand
        i = 0
        while i < len(tokens):
            t = tokens[i]
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            # «было отмечено», «было подчёркнуто», «отмечено, что», «отмечалось»
            reporting = not t.lemmas.isdisjoint(PASSIVE_REPORTING)
            reflexive = reporting and any(
                "VERB" in p.grammemes and "past" in p.grammemes and p.lemma.endswith("ся")
                and p.lemma in PASSIVE_REPORTING for p in t.parses
            )
            neuter = reporting and any(
                "PRTS" in p.grammemes and "pssv" in p.grammemes and "neut" in p.grammemes
                and p.lemma in PASSIVE_REPORTING for p in t.parses
            )
            if reflexive or neuter:
                start = t.start
                if neuter and i > 0 and tokens[i - 1].key == "было":
                    start = tokens[i - 1].start
                text = document.text[start:t.end]
                if start != t.start or reflexive or _followed_by_that(document, t):
                    markers.append(Marker(start, t.end,
                        f"«{text}» — формула протокола: непонятно, кто это сказал. Напишите, кто и что "
                        "сказал, простыми словами: «Глава района рассказал, что…» — или перескажите суть "
                        "от себя.", "protocol"))
                    i += 1
                    continue
            # «в ходе мероприятия»
            if t.key == "в" and nxt is not None and nxt.key == "ходе":
                j = i + 2
                while j < len(tokens) and j < i + 5 and tokens[j].pos in {"ADJF", "PRTF"}:
                    j += 1
                if j < len(tokens) and _has_lemma(tokens[j], EVENT_NOUNS):
                    end = tokens[j].end
                    markers.append(Marker(t.start, end,
                        f"«{document.text[t.start:end]}» — оборот из протокола. В посте это лишнее: "
                        "просто расскажите, что произошло, или напишите «на встрече».", "protocol"))
                    i = j + 1
                    continue
            # «приняли участие»
            if _has_lemma(t, {"принять", "принимать"}) and nxt is not None and nxt.key == "участие":
                markers.append(Marker(t.start, nxt.end,
                    f"«{document.text[t.start:nxt.end]}» — формула пресс-релиза. Лучше «пришли», "
                    "«участвовали», «были» — или скажите, что люди делали.", "protocol"))
                i += 2
                continue
            if t.key == "участие" and nxt is not None and _has_lemma(nxt, {"принять", "принимать"}) \
                    and nxt.pos == "VERB":
                markers.append(Marker(t.start, nxt.end,
                    f"«{document.text[t.start:nxt.end]}» — формула пресс-релиза. Лучше «пришли», "
                    "«участвовали», «были» — или скажите, что люди делали.", "protocol"))
                i += 2
                continue
            # «подчеркнул», «проинформировала»; «отметил», «сообщил» after an official
            verb = t.pos == "VERB" and "past" in t.grammemes and "indc" in t.grammemes
            if verb and not _near_first_person(tokens, i):
                strong = _has_lemma(t, STRONG_REPORTING)
                weak = _has_lemma(t, OFFICIAL_REPORTING)
                if weak and not strong:
                    if official is None:
                        official = _official_in_sentence(document, sentence)
                    weak = official
                if strong or weak:
                    markers.append(Marker(t.start, t.end,
                        f"«{t.text}» — глагол из отчёта о мероприятии. В посте он звучит как протокол: "
                        "лучше перескажите мысль своими словами или напишите просто «сказал», "
                        "«рассказал», «считает».", "protocol"))
            i += 1
    return markers


def _followed_by_that(document: Document, token: Token) -> bool:
    return bool(re.match(r"\s*,\s*что\b", document.text[token.end : token.end + 12]))


_INITIALS_AFTER = re.compile(
    r"(?<![\w.])[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
)
_INITIALS_BEFORE = re.compile(
    r"(?<![\w.])[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s[А-ЯЁ]\.\s?[А-ЯЁ]\.(?!\w)"
)
MIN_ATTENDEES = 3


def _title_before(tokens: Sequence[Token], name_start: int) -> Token | None:
    """The title word heading the words just before a name («глава района» И. А. Щербаков)."""
    before = [t for t in tokens if t.end <= name_start]
    words = 0
    title: Token | None = None
    for t in reversed(before):
        if not t.is_word:
            if t.text in {"-", "–", "—"}:
                continue
            break
        if _has_lemma(t, TITLE_WORDS):
            title = t  # keep walking: «заместитель главы администрации» starts at «заместитель»
        words += 1
        if words >= 7:
            break
    return title


def find_official_titles(document: Document) -> list[Marker]:
    markers: list[Marker] = []
    text = document.text
    for sentence in document.sentences:
        # a list of names needs a separate run of name-like words per name: only then is NER worth running
        in_sentence = (
            _persons(document, sentence.start, sentence.end)
            if _name_runs(sentence) >= MIN_ATTENDEES else []
        )
        list_span: tuple[int, int] | None = None
        if len(in_sentence) >= MIN_ATTENDEES:
            list_span = (in_sentence[0][0], in_sentence[-1][1])
            markers.append(Marker(list_span[0], list_span[1],
                f"Список из {len(in_sentence)} имён в одном предложении — так пишут отчёт для начальства. "
                "Читателю важнее, что люди сделали или решили; если имена нужны, вынесите их в конец "
                "поста или оставьте одно-два.", "attendees"))
        chunk = text[sentence.start : sentence.end]
        names = [(m.start(), m.end()) for m in _INITIALS_AFTER.finditer(chunk)]
        names += [(m.start(), m.end()) for m in _INITIALS_BEFORE.finditer(chunk)
                  if not any(s <= m.start() < e for s, e in names)]
        for s, e in sorted(names):
            start, end = sentence.start + s, sentence.start + e
            title = _title_before(sentence.tokens, start)
            if title is None:
                continue
            if list_span is not None and list_span[0] <= start < list_span[1]:
                continue
            markers.append(Marker(title.start, end,
                f"«{text[title.start:end]}» — полная должность с инициалами, как в пресс-релизе. "
                "В посте проще: имя и отчество или «глава района» без инициалов, а лучше начать с "
                "новости, а не с должности.", "title"))
    markers.sort(key=lambda m: m.start)
    return markers


def _institution_head(token: Token) -> bool:
    if token.text in INSTITUTION_ACRONYMS or _ACRONYM_SHAPE.match(token.text):
        return True
    return any(p.lemma in INSTITUTION_NOUNS and "nomn" in p.grammemes and "NOUN" in p.grammemes
               for p in token.parses)


def _finite_verb(token: Token) -> bool:
    g = token.grammemes
    return token.pos == "VERB" and "indc" in g and ("past" in g or "3per" in g)


def _plural_self(token: Token) -> str | None:
    """«провела» → «провели», «информирует» → «информируем»: the verb with «мы»."""
    raw = token.parses[0].raw if token.parses else None
    if raw is None:
        return None
    wanted = {"plur"} if "past" in token.grammemes else {"1per", "plur"}
    try:
        form = raw.inflect(wanted)  # type: ignore[attr-defined]
    except Exception:  # pragma: no cover - pymorphy3 refuses odd tags
        form = None
    return form.word if form else None


VOCATIVES = frozenset({"друзья", "коллеги", "ребята", "подписчики", "земляки", "жители", "родители", "гости",
                       "дорогие", "уважаемые", "любимые", "милые"})


def _after_vocative(sentence: Sentence) -> tuple[Token, ...]:
    """The sentence's content after a leading address («Друзья, министерство провело…»)."""
    content = sentence.content
    if not content or content[0].key not in VOCATIVES:
        return content
    for t in sentence.tokens:
        if t.start > content[0].start and t.text in {",", "!"}:
            return tuple(c for c in content if c.start > t.start)
        if t.start > content[0].start and t.is_word and t.key not in VOCATIVES and t.pos not in {"NOUN", "ADJF"}:
            break
    return content


def find_third_person_self(document: Document) -> list[Marker]:
    markers: list[Marker] = []
    for sentence in document.sentences:
        content = _after_vocative(sentence)  # «Друзья,» does not turn a report into a talk
        if not content or not _institution_head(content[0]):
            continue
        head = content[0]
        head_sing = "plur" not in head.grammemes
        acronym = head.text.isupper()
        # walk over the modifiers («района», «„ЦБС“», «№ 5») to the first comma or verb
        verb: Token | None = None
        seen = 0
        for t in sentence.tokens:
            if t.start <= head.start:
                continue
            if t.text in {",", ";", ":", "—", "–", "(", "?", "!"}:
                break
            if not t.is_word:
                continue
            seen += 1
            if seen > 8:
                break
            if t.pos in {"VERB", "INFN", "PRTS", "ADJS", "PRED"}:
                if _finite_verb(t) and (acronym or not head_sing or "plur" not in t.grammemes):
                    verb = t
                break
        if verb is None:
            continue
        start, end = head.start, verb.end
        plural = _plural_self(verb)
        instead = f"«Мы {plural}…»" if plural else "«мы»"
        markers.append(Marker(start, end,
            f"«{document.text[start:end]}» — организация говорит о себе в третьем лице, как в "
            f"пресс-релизе. Если пост от её имени, напишите {instead}: так вы говорите с читателем "
            "напрямую.", "third-person"))
    return markers


@dataclass(frozen=True)
class AddressCheck:
    """What a post does to speak to its reader; all False means it speaks to nobody."""

    you: bool
    we: bool
    imperative: bool
    question: bool
    call: bool
    spoken: bool = False  # «ну», «кстати», «вот», «ведь»: the author talks, as people do

    @property
    def any(self) -> bool:
        return self.you or self.we or self.imperative or self.question or self.call or self.spoken


# Particles of speech, not of documents: a text that uses them talks to someone.
SPOKEN_PARTICLES = frozenset({"ну", "кстати", "вот", "ведь"})


MIN_SENTENCES_FOR_ADDRESS = 5  # "longer than 4 sentences"


def _quote_spans(document: Document) -> list[tuple[int, int]]:
    return [(s, e) for s, e, kind in document.protected_spans if kind == "quotes"]


def reader_address(document: Document) -> AddressCheck:
    """Address to the reader outside quoted speech (an official's «мы» is not the page's)."""
    quotes = SpanIndex(_quote_spans(document))
    you = we = imperative = question = call = spoken = False
    tokens = document.tokens
    for i, t in enumerate(tokens):
        if quotes and quotes.contains(t.start):
            continue
        if "?" in t.text:
            question = True
            continue
        if not t.is_word:
            continue
        key = t.key
        if key in SECOND_PERSON:
            # «доводим до вашего сведения» is a formula, not a word to the reader
            formula = key == "вашего" and i + 1 < len(tokens) and tokens[i + 1].key == "сведения"
            if not formula:
                you = True
        if key in FIRST_PERSON_PLURAL:
            we = True
        if key in CALL_TO_ACTION:
            call = True
        if key in SPOKEN_PARTICLES:
            spoken = True
        g = t.grammemes
        if "impr" in g and "VERB" in g:
            imperative = True
        elif t.pos == "VERB" and "2per" in g:
            you = True
        elif t.pos == "VERB" and "1per" in g and "plur" in g:
            we = True
    return AddressCheck(you, we, imperative, question, call, spoken)


def _content_sentences(document: Document) -> list[Sentence]:
    return [s for s in document.sentences if s.content]


def find_no_reader_address(document: Document) -> list[Marker]:
    sentences = _content_sentences(document)
    if len(sentences) < MIN_SENTENCES_FOR_ADDRESS:
        return []
    if reader_address(document).any:
        return []
    first = sentences[0]
    start, end = _trimmed(document, first.start, first.end)
    return [Marker(start, end,
        f"В посте {len(sentences)} предложений, но ни одного слова читателю: нет «вы» и «мы», нет "
        "вопроса, нет призыва («приходите», «пишите», «звоните»). Обратитесь к людям напрямую: "
        "скажите, что это значит для них, и закончите вопросом или приглашением.", "no-address")]


WALL_OPENING = 600  # characters in the first paragraph
WALL_UNBROKEN = 800  # characters in a post without paragraph breaks


def find_wall_of_text(document: Document) -> list[Marker]:
    paragraphs = document.paragraphs
    if not paragraphs:
        return []
    first = paragraphs[0]
    length = first.end - first.start
    if len(paragraphs) == 1 and length > WALL_UNBROKEN:
        why = f"весь пост ({length} знаков) — один сплошной абзац"
    elif length > WALL_OPENING:
        why = f"первый абзац занимает {length} знаков"
    else:
        return []
    sentences = [s for s in _content_sentences(document) if first.start <= s.start < first.end]
    span = (sentences[0].start, sentences[0].end) if sentences else (first.start, first.end)
    start, end = _trimmed(document, *span)
    return [Marker(start, end,
        f"Стена текста: {why}. В ленте такой блок пролистывают. Разбейте текст на абзацы по 2–3 "
        "предложения и начните с короткого первого абзаца о главном.", "wall")]


def find_official_quotes(document: Document) -> list[Marker]:
    """Quoted words of an official: a quote with a reporting verb, a title or a name beside it."""
    markers: list[Marker] = []
    tokens = document.tokens
    starts = [t.start for t in tokens]  # sorted: the tokens near a quote by bisection
    for qs, qe in _quote_spans(document):
        lo, hi = qs - 120, qe + 120
        window = tokens[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]
        near = [t for t in window if not (qs <= t.start < qe)]
        official = any(_has_lemma(t, QUOTE_REPORTING) or _has_lemma(t, TITLE_WORDS) for t in near)
        if not official and any(_name_like(near)):
            official = any(not (qs <= s < qe) for s, _ in _persons(document, max(0, lo), hi))
        if official:
            markers.append(Marker(qs, qe, "цитата должностного лица", "quote"))
    return markers


MARKER_NAMES = {
    "dateline": "дата и «состоялось» в начале",
    "protocol": "протокольные глаголы и формулы",
    "title": "должности с инициалами или список участников",
    "third-person": "организация о себе в третьем лице",
    "no-address": "нет обращения к читателю",
    "wall": "стена текста",
    "quote": "цитата должностного лица",
}
MIN_MARKERS = 3


def press_release_markers(document: Document) -> dict[str, list[Marker]]:
    """Every press-release marker of the post, by kind (empty kinds left out)."""
    found = {  # shared with KC301–KC306, which report the same markers one by one
        "dateline": document.shared(find_ceremonial_leads),
        "protocol": document.shared(find_protocol_verbs),
        "title": document.shared(find_official_titles),
        "third-person": document.shared(find_third_person_self),
        "no-address": document.shared(find_no_reader_address),
        "wall": document.shared(find_wall_of_text),
        "quote": document.shared(find_official_quotes),
    }
    return {k: v for k, v in found.items() if v}


# -- rules ------------------------------------------------------------------------------


class _PressReleaseRule(Rule):
    category = CATEGORY
    lexical = False

    def markers(self, document: Document) -> Iterable[Marker]:  # pragma: no cover - abstract
        raise NotImplementedError

    def check(self, document: Document) -> Iterator[Diagnostic]:
        for m in self.markers(document):
            yield self.diagnostic(document, m.start, m.end, m.message)


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
    needs = frozenset({"entities"})

    def markers(self, document: Document) -> Iterable[Marker]:
        return document.shared(find_protocol_verbs)


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

    def markers(self, document: Document) -> Iterable[Marker]:
        return document.shared(find_third_person_self)


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
    example = "В библиотеке открылась выставка. Представлено 200 книг. Выставка работает до мая."
    instead = "Мы открыли выставку — 200 книг! Приходите до конца мая. Какую книгу вы бы добавили?"

    def markers(self, document: Document) -> Iterable[Marker]:
        return document.shared(find_no_reader_address)


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
            "пишите «мы»; закончите вопросом или призывом — «приходите», «напишите в комментариях».",
        )


RULES = [
    CeremonialLead,
    ProtocolVerb,
    OfficialTitleLead,
    ThirdPersonSelf,
    NoReaderAddress,
    WallOfText,
    PressReleaseShape,
]
