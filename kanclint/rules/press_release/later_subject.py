"""Where a person author's own name stands as the subject after an opening adverbial.

«Во время рабочей поездки Сергей Волков ознакомился с производством», «Затем Сергей Волков
осмотрел цех»: on the page of «Глава района Сергей Волков» these are the head's own acts as much
as «Сергей Волков посетил завод», which opens its sentence.  Left in the third person they make a
post speak in two voices («Я посетил завод. … Сергей Волков ознакомился…» reads as two people), so
KC304 reads the subject past such an opening: the name in the nominative (or the author's title
with the author's words after it: «Вместе с жителями глава поселения высадил…»), right before a
finite verb, after words that open no clause of their own (no comma, verb or «что» before the name).
"""

from __future__ import annotations

from typing import Sequence

from kanclint.rules.press_release.words import TITLE_WORDS
from kanclint.text.document import Token

_CLAUSE_WORDS = frozenset({"что", "чтобы", "который", "которая", "которое", "которые", "где", "когда",
                           "если", "как", "пока", "хотя", "словам", "мнению"})
_MAX_OPENING = 8


def _name_run(content: Sequence[Token], at: int, lemmas: frozenset[str]) -> int:
    """How many capitalised words of the author's name in the nominative start at ``at``."""
    n = 0
    while at + n < len(content) and n < 3:
        t = content[at + n]
        if not (t.is_word and t.text[:1].isupper() and (set(t.lemmas) | {t.key}) & lemmas):
            break
        if not any("nomn" in p.grammemes for p in t.parses[:2]):
            break
        n += 1
    return n


def person_after_opening(content: Sequence[Token], lemmas: frozenset[str], title: str) -> int:
    """The index in ``content`` where the author's name opens the main clause after an adverbial
    («Затем», «Во время поездки»), or 0 when the sentence does not read so.  An opening with the
    author's ``title`` («Глава района Сергей Волков посетил») is the name itself, read as a whole; so is
    any official title before the name when the author is configured by name alone."""
    if content and content[0].is_word and any(p.pos == "NOUN" and {"anim", "nomn"} <= p.grammemes for p in content[0].parses[:1]):
        return 0  # «Учитель лицея Анна Смирнова подготовила» on the director's page: her own title, another role
    for at in range(1, min(len(content), _MAX_OPENING + 1)):
        t = content[at - 1]
        if not t.is_word or t.pos in {"VERB", "INFN", "PRTS", "PRTF", "GRND", "CONJ"} or t.key in _CLAUSE_WORDS or (
                t.lemma == title):
            return 0  # a comma, a clause or a verb before it: not this sentence's subject for sure
        if t.lemma in TITLE_WORDS:
            return 0  # «Глава района Иван Петров принял…»: the title is the subject's own, no opening
        n = _name_run(content, at, lemmas) or _title_run(content, at, lemmas, title)
        if n >= 2 and t.pos != "PREP" and at + n < len(content) and _finite(content[at + n]):
            return at
    return 0


def _title_run(content: Sequence[Token], at: int, lemmas: frozenset[str], title: str) -> int:
    """«[Вместе с жителями] глава поселения высадил…»: the author's title in the nominative with the
    author's own words after it in the genitive; how many words that is, or 0."""
    t = content[at]
    if not (t.is_word and t.lemma == title and t.text[:1].islower() and any("nomn" in p.grammemes for p in t.parses[:2])):
        return 0
    n = 1
    while at + n < len(content) and n < 4 and (w := content[at + n]).is_word and w.text[:1].islower() and (
            set(w.lemmas) & lemmas and any("gent" in p.grammemes for p in w.parses[:2])):
        n += 1
    return n


def _finite(token: Token) -> bool:
    return token.pos == "VERB" and "indc" in token.grammemes
