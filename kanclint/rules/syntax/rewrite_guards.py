"""Sentence shapes where KC201's doer-less rewrite would read worse than the passive it replaces.

Found by reviewing rewrites of posts by schools, utilities and administrations: a passive that
shares its «будет» with another («будет отремонтировано 12 крыш и заменено 8 лифтов»), a list of
bare passives («рассмотрено…, проведено…»), an old subject that may itself act kept before the
new verb («Пожарные части привели…»), a «по …» complement that belonged to the verbal noun
(«рекомендации по организации»), the «не» that must follow «мы», and a subject that opens a list
(«проводятся беседы о здоровье, литературные чтения и мастер-классы»).
"""

from __future__ import annotations

from kanclint.rules.syntax.passive_detection import _Passive
from kanclint.rules.syntax.words import CIRCUMSTANCE_PO, NOT_AGENTS, ORGANISATIONS
from kanclint.text.document import Sentence, Token

_BETWEEN_POS = frozenset({"ADVB", "PRCL"})  # adverbs and particles that stand inside a verb group

# Groups of people that act, beside the bodies of ORGANISATIONS: «подготовлен ансамблем».
COLLECTIVES = frozenset(
    {"ансамбль", "хор", "оркестр", "отряд", "группа", "студия", "бригада", "экипаж", "кружок", "труппа", "дружина"}
)
_AUXILIARIES = frozenset({"быть"})
# bodies and teams beside ORGANISATIONS and COLLECTIVES that may act: «пожарные части», «команда»
_UNITS = frozenset({"часть", "служба", "подразделение", "команда"})


def parallel_passive(sentence: Sentence, group: list[Token], f: _Passive) -> bool:
    """A passive that shares its «быть» or parallels another bare one: «будет отремонтировано 12 крыш
    и заменено 8 лифтов», «рассмотрено 1 250 обращений, проведено 45 приёмов».  Rewriting one of
    them alone changes the tense of the other or mixes two voices in one list.  Passives with a
    «быть» each («была открыта школа, и в неё были переданы книги») stand apart."""
    mine = {t.start for t in group} | {t.start for t in f.conj} | ({f.aux.start} if f.aux is not None else set())
    words = sentence.words
    for i, t in enumerate(words):
        if t.start in mine:
            continue
        if f.aux is None and t.lemma in _AUXILIARIES and t.pos == "VERB":
            return True
        if any(p.pos == "PRTS" and "pssv" in p.grammemes for p in t.parses[:1]) and not _has_aux(words, i):
            return True
    return False


def _has_aux(words: list[Token], i: int) -> bool:
    """Whether the participle at ``i`` has its own «быть» right before it (adverbs aside)."""
    j = i - 1
    while j >= 0 and words[j].pos in _BETWEEN_POS:
        j -= 1
    return j >= 0 and words[j].lemma in _AUXILIARIES


def maybe_agent(token: Token) -> bool:
    """A noun that may itself act («пожарные части», «дети», «команда»): kept before an active verb it reads as the doer."""
    return any(p.pos == "NOUN" and ("anim" in p.grammemes or p.lemma in ORGANISATIONS or p.lemma in _UNITS
                                    or p.lemma in COLLECTIVES) for p in token.parses[:2])


def complement_after(sentence: Sentence, last: Token) -> bool:
    """«рекомендации по организации отдыха»: a «по» phrase after the noun is the noun's, not the new verb's.

    Where and when are the verb's as much as the noun's: «отключение электроэнергии по улицам
    Ленина» → «отключат электроэнергию по улицам Ленина» (:data:`CIRCUMSTANCE_PO`).
    """
    tokens = sentence.tokens
    at = sentence.position(last) + 1
    if at >= len(tokens) or tokens[at].key != "по":
        return False
    k = at + 1
    while k < len(tokens) and tokens[k].is_word and tokens[k].pos in ("ADJF", "PRTF"):
        k += 1
    return not (k < len(tokens) and tokens[k].is_word and tokens[k].lemmas & CIRCUMSTANCE_PO)


def negation_before(sentence: Sentence, first: Token) -> Token | None:
    """The «не» right before the verb group: with «мы» it goes after the pronoun («мы не провели»)."""
    at = sentence.position(first)
    return sentence.tokens[at - 1] if at > 0 and sentence.tokens[at - 1].key == "не" else None


def opening_instrumental(sentence: Sentence) -> bool:
    """«Пожарно-спасательной частью № 45 проведены занятия», «Районным Домом культуры проводится набор»:
    a sentence that opens with a noun in the instrumental names who acted even when the detector
    does not know the noun as a doer.  A doer-less rewrite would leave it hanging before the active
    verb («…частью № 45 провели занятия»), so none is offered.  «Летом», «таким образом» say when
    or how (:data:`NOT_AGENTS`), unless a number follows («частью № 45»)."""
    words = sentence.words
    i = 0
    while i < len(words) and words[i].pos in ("ADJF", "PRTF") and any(
        "ablt" in p.grammemes for p in words[i].parses[:3]
    ):
        i += 1
    if i >= len(words) or not words[i].parses:
        return False
    best = words[i].parses[0]
    if best.pos != "NOUN" or "ablt" not in best.grammemes:
        return False
    at = sentence.position(words[i]) + 1
    numbered = at < len(sentence.tokens) and sentence.tokens[at].text == "№"  # «частью № 45» is a unit
    return numbered or best.lemma not in NOT_AGENTS


_JOINERS = frozenset({"и", "или", "а", "также"})
_NOT_LISTED = frozenset({"который", "какой", "чей"})


def list_continues(sentence: Sentence, last: Token) -> Token | None:
    """The next item when the subject after the verb is the first item of a list: «проводятся беседы
    о здоровье, [литературные] чтения и мастер-классы».  A rewrite that changes the first item alone
    («мы говорим о здоровье», «проводят беседу») leaves the others with no verb or in the nominative."""
    tokens = sentence.tokens
    i = sentence.position(last) + 1
    while i < len(tokens) and tokens[i].is_word and tokens[i].key not in _JOINERS:
        if tokens[i].pos in ("VERB", "PRTS", "INFN"):
            return None  # a clause of its own begins
        i += 1  # the first item's own words: «о здоровье»
    if i >= len(tokens) or not (tokens[i].text == "," or tokens[i].key in _JOINERS):
        return None
    while i < len(tokens) and (tokens[i].text == "," or tokens[i].key in _JOINERS):
        i += 1
    if i >= len(tokens) or not tokens[i].is_word or tokens[i].lemma in _NOT_LISTED:
        return None
    if tokens[i].text[:1].isupper():
        return None  # «жителям улиц Лесной, Гагарина и Мира»: names of a phrase further on, not the subject's list
    nominative = any(p.pos in ("NOUN", "ADJF", "PRTF") and "nomn" in p.grammemes and "Apro" not in p.grammemes
                     for p in tokens[i].parses)  # any reading: «викторина» is first read as a form of «Виктор»
    return tokens[i] if nominative else None


def same_in_accusative(token: Token) -> bool:
    """Whether the list item reads the same as an object: an inanimate plural, masculine or neuter
    («выставки, викторины и десанты» stay as they are after «организуют»; «викторина» would not)."""
    return any(p.pos in ("NOUN", "ADJF", "PRTF") and "nomn" in p.grammemes and "anim" not in p.grammemes
               and p.grammemes & {"plur", "masc", "neut"} and not ("sing" in p.grammemes and "femn" in p.grammemes)
               for p in token.parses)
