"""Whether KC201 may say «мы» for the doer of a doer-less passive, and whether a rewritten sentence
speaks of the author in the third person.

The account speaks for its organisation (``we`` or ``author``), but a post reports many acts of
others: history, laws, readers, suppliers, another body named before or after.  Each check lives
with the kind of doer it knows (:mod:`.who_acts`, :mod:`.doers_named`, :mod:`.achievements`, the
author's own mentions in :mod:`kanclint.rules.press_release.oblique_self`); this module only says
«мы» when none of them names someone else.  Where one does, the third person plural says nothing
wrong, and «мы» would be a guess.
"""

from __future__ import annotations

from typing import Callable

from kanclint.rules.press_release.oblique_self import (
    author_agents,
    first_person_blocked,
    paragraph_span,
    names_an_institution_place,
    names_author_in,
)
from kanclint.rules.press_release.first_body import says_i
from kanclint.text.our_voice import says_we
from kanclint.rules.press_release.persons import find_third_person_self
from kanclint.rules.press_release.speaker import person_author
from kanclint.rules.press_release.ours import owned_mentions
from kanclint.rules.press_release.voice import self_rewrites
from kanclint.rules.syntax.achievements import awarded_by_organisers, chosen_by_vote, competitors_achieved
from kanclint.rules.syntax.doers_named import (
    authorities_act,
    body_acted_before,
    on_another_site,
    set_by_law,
    supplied_by_others,
    utility_switched,
)
from kanclint.text.facts import acronym_runs
from kanclint.rules.syntax.other_actors import (across_region, another_actor_in_paragraph, duty_named_before,
                                               shared_with_others_before, wider_level)
from kanclint.rules.syntax.passive_detection import _Passive
from kanclint.rules.syntax.gifts import given_in_anothers_name
from kanclint.rules.syntax.programmes import built_under_programme
from kanclint.rules.syntax.who_acts import (
    adopted_act,
    cites_a_source,
    contractor_addressed,
    contractor_named,
    doer_named_later,
    done_by_others,
    guest_acted_before,
    history,
    in_relative_clause,
    inspected_act,
    meeting_named_before,
    meeting_of_another,
    names_another_body,
    office_named_before,
    paid_by_others,
    readers_act,
    received_from_others,
    regional_body_speaks,
    said_who_does_it,
    staff_acted_before,
)
from kanclint.rules.syntax.spans import _contiguous
from kanclint.rules.syntax.words import HANDS_ON_WORKS
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.syntax_view import _Node, _Syntax
from kanclint.text.inflection import capitalise
from kanclint.text.morphology import parse



def said_as_we(document: Document, sentence: Sentence, f: _Passive, head: Token, verb: Token) -> bool:
    """Whether «мы» may stand for the doer: the account speaks for an organisation that did it."""
    return (document.speaks_as_we and not person_author(document)  # «мы» is not the person who writes
          and not others_act(document, sentence, f, head)
          and not in_relative_clause(sentence, verb)
          and not _opens_in_third_person(document, sentence, verb)
          and not names_author_in(document, sentence)  # «В краевой больнице [мы] установили»
          and not first_person_blocked(document, sentence.start)  # the paragraph keeps «Комитет … проводит»
          and not speaks_as_i(document, sentence)  # «Мною направлено обращение. Ответ получен»: not «мы»
          and (f.agent is not None or not shared_with_others_before(document, sentence))  # «совместно с прокуратурой»
          and (f.agent is not None or document.shared(post_says_we)))  # a named doer was judged the page's own already


def others_act(document: Document, sentence: Sentence, f: _Passive, head: Token) -> bool:
    """Whether the post says, or lets one read, that somebody other than the author did it: history,
    a law, readers, a contractor, another body named before or after, another actor in the paragraph,
    work spread over a region.  Then the third person plural says nothing wrong."""
    return (history(sentence) or done_by_others(sentence)
            or adopted_act(f, head) or readers_act(f, head)
            or inspected_act(f, head) or competitors_achieved(f, head) or chosen_by_vote(sentence, f)
            or set_by_law(f, head) or (not on_own_outlet(sentence, f) and body_acted_before(document, sentence))
            or authorities_act(f, sentence) or awarded_by_organisers(document, sentence, f)
            or office_named_before(document, sentence) or guest_acted_before(document, sentence, head)
            or regional_body_speaks(document, sentence)
            or supplied_by_others(f, head) or utility_switched(sentence, f)
            or on_another_site(sentence) or built_under_programme(sentence, f)
            or given_in_anothers_name(document, sentence, f)
            or paid_by_others(sentence)
            or contractor_named(document) and not contractor_addressed(sentence) or meeting_of_another(sentence)
            or said_who_does_it(document, sentence, f)
            or names_another_body(document, sentence)
            or staff_acted_before(document, sentence)
            or cites_a_source(document, sentence)
            or received_from_others(document, sentence, f)
            or meeting_named_before(document, sentence, head)
            or doer_named_later(document, sentence, head, f.lemma)
            or names_an_institution_place(document, sentence)
            or another_actor_in_paragraph(document, sentence)  # «Сотрудники МЧС провели…»: maybe theirs
            or duty_named_before(document, sentence)  # «обязанность предоставления…»: the obliged act
            or wider_level(document, sentence)  # «итоги муниципального этапа»: the stage's organiser
            or across_region(document, sentence))  # «площадки по всей республике»: many bodies' work


_INVITING = frozenset({"пригласить", "приглашать"})


def invites_readers(document: Document, sentence: Sentence, f: _Passive, head: Token, verb: Token, tense: str) -> bool:
    """«К участию приглашаются семьи округа» on the page of the body that runs the contest: an
    invitation on a page is the page's own word to its readers, «приглашаем», even where the post
    tells its other acts in the third person («Отделом культуры организован фотоконкурс») or never
    says «мы» before.  Not on a person's page, not in the past (a report of who was invited, whose
    doer the usual checks judge), not where the post says another body invites."""
    return (document.speaks_as_we and not person_author(document) and f.lemma in _INVITING and tense != "past"
            and not in_relative_clause(sentence, verb) and not _opens_in_third_person(document, sentence, verb)
            and not others_act(document, sentence, f, head))


# What a head does in person by office: «Подрядчику поставлена задача», «Работа будет продолжена»,
# «Обращение направлено в прокуратуру» on the head's page are his own acts («поставили» detaches him).
_OWN_ACTS_OF_OFFICE = frozenset({"поставить", "ставить", "дать", "давать", "поручить", "поручать", "продолжить",
                                 "продолжать", "взять", "брать", "направить", "направлять", "подписать",
                                 "подписывать", "утвердить", "утверждать", "отправить", "отправлять", "вынести",
                                 "выносить", "внести", "вносить"})


def kept_as_passive(document: Document, sentence: Sentence, f: _Passive, head: Token, tense: str) -> bool:
    """A doer-less passive that neither «мы» nor the third person plural may say, so it stays (the
    finding a hint): on a person's page («Глава округа»), «Подрядчику поставили задачу» detaches the
    head from his own act and «я поставил» would be a guess; on an organisation's page, the paragraph
    tells the author's own act with its name as the doer («отделом культуры организован конкурс»),
    and «К участию приглашают семьи» beside it gives the invitation to somebody else.  Unless the
    post says another did it (:func:`others_act`), or it is work done by hands («котельную
    отремонтируют»: the workers).  A person's present tense tells how things are done («При переезде
    пересчитывают плату», «Право дают детям военнослужащих»): a rule or an office's routine, not an act
    of the person, and the third person plural says it."""
    if not document.author or f.lemma in HANDS_ON_WORKS or head.lemma in HANDS_ON_WORKS or others_act(
            document, sentence, f, head):
        return False
    if person_author(document):
        # only the head's own acts of office: «Итоги конкурса объявят», «Обращения рассмотрят» say
        # nothing wrong in the plural and stay rewritten
        return tense != "pres" and f.lemma in _OWN_ACTS_OF_OFFICE
    start, end = paragraph_span(document, sentence.start)
    return any(start <= a < max(end, sentence.end) for a, _ in document.shared(author_agents))


def post_says_we(document: Document) -> bool:
    """Whether the post itself speaks as «мы» somewhere: «мы», «наш», a verb in the «мы» form, or a
    name of the page's own body that KC304 turns into «мы» (or into «наш»: «по почте отдела культуры»).

    ``we`` and ``author`` say whose page it is, not whose acts a passive reports: a page announces
    its partners' festivals and the ministry's contests in the same passives («Было организовано
    75 площадок» by local partners, «будут объявлены победители» by the ministry), and on real
    posts «мы» for them was wrong five times in six.  A post that already says «мы» tells of its own
    acts; one that never does keeps the third person plural, which says nothing wrong.
    """
    return document.shared(says_we) or any(found.edits for found in document.shared(self_rewrites)) or bool(
        document.shared(owned_mentions))


def others_read_as_we(document: Document, sentence: Sentence, tense: str) -> bool:
    """«Мы открыли выставку. Всего в республике организовали 75 площадок»: in a post that says «мы», a
    past plural without its subject reads as «мы» (the two forms are one), so an act spread over a
    region or a country (:func:`across_region`) keeps its passive rather than be claimed for the page."""
    return tense == "past" and across_region(document, sentence) and document.shared(post_says_we)


_PUBLISHING = frozenset({"опубликовать", "публиковать", "разместить", "размещать", "выложить", "выкладывать"})
_OUTLETS = frozenset({"группа", "сайт", "страница", "канал", "соцсеть", "сообщество", "паблик", "аккаунт"})


def on_own_outlet(sentence: Sentence, f: _Passive) -> bool:
    """«Фотографии будут опубликованы в нашей группе»: what goes up on the page's own group or site
    is the page's act, whoever the post thanked or named before (the volunteers do not publish there)."""
    words = sentence.words
    return f.lemma in _PUBLISHING and any(
        a.lemma == "наш" and b.lemma in _OUTLETS for a, b in zip(words, words[1:]))


def speaks_as_i(document: Document, sentence: Sentence) -> bool:
    """Whether the paragraph of ``sentence`` speaks as «я» («Мною направлено обращение. Ответ
    получен»): the doer of the next passive is that person or somebody else, never «мы»."""
    start, end = paragraph_span(document, sentence.start)
    return says_i(document, start, end) if start != end else says_i(document, sentence.start, sentence.end)


def repeats_my_act(document: Document, sentence: Sentence, lemma: str) -> bool:
    """«Мною было принято решение … Данное решение принято по обращениям»: a doer-less passive of
    the verb an earlier sentence of the paragraph gave to «я» is that person's act again, and the
    third person plural («приняли») would give it to others.  «По моему обращению отремонтировали
    мост» is another verb: others did it, and the plural says so."""
    start, _ = paragraph_span(document, sentence.start)
    acts = {lemma} | _SAME_ACT.get(lemma, frozenset())
    return any(says_i(document, s.start, s.end) for s in document.sentences
               if start <= s.start < sentence.start and any(t.lemma in acts for t in s.tokens if t.is_word))


# «Я решил продлить работу… Это решение принято…»: «решил» is the act «принять решение» names
# (KC103 says «принял решение о продлении» as «решил продлить»)
_SAME_ACT = {"принять": frozenset({"решить"})}


def we_opened_before(document: Document, sentence: Sentence) -> bool:
    """Whether the sentence before, in the same paragraph, opens with «Мы»: a second «Мы …» in a row
    reads clumsy («Мы организовали… Мы принимаем заявки…»), and the verb alone says «мы» already."""
    start, _ = paragraph_span(document, sentence.start)
    before = [s for s in document.sentences if start <= s.start < sentence.start]
    if not before:
        return False
    first = next((t for t in before[-1].tokens if t.is_word), None)
    return first is not None and first.key == "мы"


def _opens_in_third_person(document: Document, sentence: Sentence, verb: Token) -> bool:
    """«Администрация Ключевского района доводит до сведения жителей, что … будут организованы
    сплавы»: the sentence's own subject is the body in the third person, and «мы организуем» in
    its clause would speak in two voices at once; the third person plural keeps one."""
    return speaks_of_itself(document.text[sentence.start:verb.start])


def speaks_of_itself(sentence: str) -> bool:
    """Whether a (rewritten) sentence opens with an institution and its verb, which KC304 flags."""
    return bool(find_third_person_self(Document(capitalise(sentence.strip()))))


def is_author(author: str | None, doer: str | None) -> bool:
    """Whether the doer («администрация района») names the configured author («Администрация
    Тальменского района»): every word of the doer is, by its lemma, a word of the author's name."""
    if not author or not doer:
        return False
    def lemmas(text: str) -> set[str]:
        return {p[0].lemma for w in text.split() if (p := parse(w.strip("«»\"")))}
    if lemmas(doer) <= lemmas(author):
        return True
    return _acronym_author(author, doer, lemmas)


def _acronym_author(author: str, doer: str, lemmas: Callable[[str], set[str]]) -> bool:
    """«Отделением Социального фонда России по Тверской области» names the author «Отделение СФР по
    Тверской области», «Государственной жилищной инспекцией области» the author «ГЖИ Тверской
    области»: a run of the doer's words whose initials spell an acronym of the author's name stands
    for it, and the doer's other words are the author's."""
    acronyms = [w for w in author.split() if len(w) >= 2 and w.isupper() and w.isalpha()]
    words = [w.strip("«»\",.") for w in doer.split()]
    for acronym in acronyms:
        named = " ".join(w for w in author.split() if w != acronym)
        for i in acronym_runs(words, acronym):
            rest = " ".join(words[:i] + words[i + len(acronym):])
            if not rest or lemmas(rest) <= lemmas(named):
                return True
    return False


# the people of a body, said as the body: «сотрудники нашей библиотеки» are the page that speaks
_STAFF = frozenset({"сотрудник", "специалист", "коллектив", "работник", "педагог", "команда", "персонал"})


def names_us(document: Document, doer: str | None) -> bool:
    """Whether the doer says «наш» of the page itself on a page that speaks as «мы»: «наше
    учреждение», «наш коллектив», «сотрудники нашей библиотеки».  The page calls only itself «наш»
    this way, so the doer is «мы» for certain; «наши волонтёры», «наши выпускники» are people the
    body speaks of, not the body, and «сотрудники полиции» names no «наш» at all."""
    if not document.speaks_as_we or person_author(document) or not doer:
        return False
    words = [p[0].lemma for w in doer.split() if (p := parse(w.strip("«»\",.")))]
    if words and words[-1] in _PARTS:
        return False  # «специалисты нашего отдела»: a part of the body, not the page that speaks
    if len(words) == 2 and words[0] == "наш":
        return words[1] not in _PEOPLE  # «наше учреждение», «наш коллектив», «наша школа»
    return len(words) == 3 and words[0] in _STAFF and words[1] == "наш"  # «сотрудники нашего музея»


# parts of a body: its people are some of «мы», and which ones the page may name on purpose
_PARTS = frozenset({"отдел", "отделение", "кабинет", "сектор", "филиал", "подразделение", "служба", "кафедра"})

# people a body speaks of as «наши», who are not the body itself
_PEOPLE = frozenset({"волонтёр", "волонтер", "выпускник", "ученик", "воспитанник", "спортсмен", "читатель",
                     "житель", "ветеран", "партнёр", "партнер", "друг", "гость", "земляк", "студент",
                     "учащийся", "участник", "подписчик", "коллега", "сотрудник", "специалист", "педагог"})


def authors_whole_name(syntax: _Syntax, nodes: list[_Node]) -> list[Token] | None:
    """«Управлением социальной защиты населения Кировского района» said as «мы»: the run of words the
    parse hung on the doer from its start is the configured author's name, so all of it goes; words
    it hung there from beyond the verb («… детям [из многодетных семей]») stay where they are."""
    tokens = [syntax.token(n) for n in nodes]
    words = sorted((t for t in tokens if t is not None), key=lambda t: t.start)
    if len(words) != len(tokens) or not words:
        return None
    run = next((words[:k] for k in range(len(words), 0, -1) if _contiguous(syntax.document, words[:k])), [])
    return run if run and is_author(syntax.document.author, " ".join(t.text for t in run)) else None


def names_person_author(document: Document, doer: str | None) -> bool:
    """«Начальником отдела полиции Дмитрием Лебедевым» on the page of «Начальник ОМВД … Дмитрий
    Алексеевич Лебедев»: the title is said another way, but the first name and the surname are the
    author's, so the doer is «я».  Both names must be there (a surname alone may be a namesake), and
    the title's head word must be the author's («Учителем лицея Анной Смирновой» is not the director)."""
    if not doer or not person_author(document):
        return False
    names = [p for w in doer.split()[1:] if w[:1].isupper() for p in parse(w)[:1]]
    kinds = {k for p in names for k in ("Name", "Surn") if k in p.grammemes}
    author = {p[0].lemma.replace("ё", "е") for w in (document.author or "").split() if (p := parse(w))}
    head = parse(doer.split()[0])[:1]  # «Начальником …» for «Начальник …»; «Учителем» is not «Директор»
    title = parse((document.author or "").split()[0])[:1] if document.author else []
    same_title = bool(head and title) and head[0].lemma == title[0].lemma
    return same_title and kinds == {"Name", "Surn"} and all(p.lemma.replace("ё", "е") in author for p in names)

