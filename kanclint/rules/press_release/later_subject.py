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

from typing import Callable, Sequence

from kanclint.rules.press_release.words import TITLE_WORDS
from kanclint.text.document import Token

QUOTE_MARKS = frozenset('«»"„“”')

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
        if not any("nomn" in p.grammemes for p in t.parses[:4]):  # «Соколова»: a genitive and a stem first
            break
        n += 1
    return n


def person_after_opening(content: Sequence[Token], lemmas: frozenset[str], title: str, named: bool = False) -> int:
    """The index in ``content`` where the author's name opens the main clause after an adverbial
    («Затем», «Во время поездки»), or 0 when the sentence does not read so.  An opening with the
    author's ``title`` («Глава района Сергей Волков посетил») is the name itself, read as a whole; so is
    any official title before the name when the author is configured by name alone.  A bare title after
    a one-word opening («Также глава вручил…») counts only when the post ``named`` the author before."""
    if content and content[0].is_word and any(p.pos == "NOUN" and {"anim", "nomn"} <= p.grammemes for p in content[0].parses[:1]):
        return 0  # «Учитель лицея Анна Смирнова подготовила» on the director's page: her own title, another role
    for at in range(1, min(len(content), _MAX_OPENING + 1)):
        t = content[at - 1]
        if not t.is_word or t.pos in {"VERB", "INFN", "PRTS", "PRTF", "GRND", "CONJ"} or t.key in _CLAUSE_WORDS or (
                t.lemma == title):
            return 0  # a comma, a clause or a verb before it: not this sentence's subject for sure
        if t.lemma in TITLE_WORDS:  # «Глава района Иван Петров принял…»: the title is the subject's own, no opening;
            n = _name_run(content, at, lemmas) if at > 1 else 0  # «…депутат Юлия Котова посетила»: a bare title
            return at - 1 if n and at + n < len(content) and _finite(content[at + n]) else 0
        n = _name_run(content, at, lemmas) or _title_run(content, at, lemmas, title)
        bare = named and n == 1 and at == 1 and t.pos in {"ADVB", "PRCL"} and content[at].lemma == title  # «Также глава вручил»
        if (n >= 2 or bare) and t.pos != "PREP" and at + n < len(content) and _finite(content[at + n]):
            return at
    return 0


def body_after_opening(text: str, content: Sequence[Token], is_body: Callable[[Token], bool]) -> int:
    """The index in ``content`` where a body's name opens the main clause after an adverbial, or 0.

    «В прошлом месяце библиотека провела анкетирование», «Для удобства читателей библиотека
    продлила часы работы»: on the library's own page these are its acts as much as «Библиотека
    провела…», which opens its sentence.  The body's noun (with its adjectives) must stand in the
    nominative right before a finite verb, after words that open no clause (no comma, verb,
    conjunction or «что» before it).  «Сообщаем, что школа участвует…» reads the same: the page
    that says «сообщаем» is the school of its «что» clause.
    """
    start = 1
    if said := _we_say_that(text, content):
        start = said  # «Сообщаем, что …», «С радостью сообщаем, что …»
    elif not content or content[0].pos not in {"PREP", "ADVB"}:
        return 0  # only an adverbial opens: «Лучших чтецов библиотека наградит» starts with an object
    for at in range(start, min(len(content), _MAX_OPENING + 1)):
        t = content[at - 1]
        if at > start and (not t.is_word or t.pos in {"VERB", "INFN", "PRTS", "PRTF", "GRND", "CONJ"}
                           or t.key in _CLAUSE_WORDS or "," in text[t.end:content[at].start]
                           or is_body(t) or t.text.isupper() or t.text in QUOTE_MARKS):
            return 0  # a clause, a verb or another name in the opening: not this sentence's subject for sure
        if t.pos == "PREP" or any(p.pos == "ADJF" and "nomn" in p.grammemes for p in t.parses[:1]):
            continue  # «В гимназии прошёл…»: a word after a preposition is its object; an adjective the name's own
        head = at
        while head < len(content) - 1 and any(p.pos == "ADJF" and "nomn" in p.grammemes for p in content[head].parses[:1]):
            head += 1
        noun = content[head]
        if head == at and t.pos == "NOUN" and any("gent" in p.grammemes for p in noun.parses):
            continue  # «заболеваний врачами поликлиники проводятся»: the body may be the noun's genitive
        verb = _after_genitives(content, head + 1)  # «администрация района провела»
        if is_body(noun) and "nomn" in noun.grammemes and noun.text[:1].islower() and verb < len(content) and _finite(content[verb]) and (
                ("plur" in noun.grammemes) == ("plur" in content[verb].grammemes)):
            return at
    return 0


def _we_say_that(text: str, content: Sequence[Token]) -> int:
    """The index after «что» when ``content`` opens with a «мы» verb and «, что» («Сообщаем, что»,
    «С радостью напоминаем, что»: at most two words of an adverbial before the verb), else 0."""
    for k in range(min(3, len(content) - 2)):
        verb, that = content[k], content[k + 1]
        if verb.pos == "VERB" and {"1per", "plur"} <= verb.grammemes and that.key == "что" and "," in text[verb.end:that.start]:
            opening = content[:k]
            return k + 2 if all(t.is_word and t.pos in {"PREP", "NOUN", "ADVB"} for t in opening) else 0
    return 0


def _after_genitives(content: Sequence[Token], at: int) -> int:
    """The index past up to three genitive words of a body's name from ``at`` («района», «Тальменского
    района»): an adjective or a noun in the genitive, no person's name, no quote."""
    end = at
    while end < len(content) and end - at < 3 and content[end].is_word and content[end].pos in {"NOUN", "ADJF"} and (
            "gent" in content[end].grammemes and "Name" not in content[end].grammemes and "Surn" not in content[end].grammemes):
        end += 1
    return end


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
