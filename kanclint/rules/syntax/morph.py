"""pymorphy3 helpers the syntax rules share: readings, parts of speech, verb forms, verbal nouns."""

from __future__ import annotations

import re
from functools import lru_cache

from kanclint.rules.syntax.words import _VERB_POS, _VERBAL_SUFFIXES, HELD_EVENTS, HOMONYM_PARTICIPLES, NOT_VERBAL_NOUNS
from kanclint.text.document import Token, _word_info
from kanclint.text.grammar import PERSON_NAMES
from kanclint.text.inflection import inflect_raw
from kanclint.text.morphology import Parse, fold, parse

# -- morphology helpers --------------------------------------------------------------------

def _best(token: Token) -> Parse | None:
    return token.parses[0] if token.parses else None


def _reading(token: Token, *grammemes: str, min_score: float = 0.0) -> Parse | None:
    """The best reading carrying all ``grammemes`` (score at least ``min_score``)."""
    want = set(grammemes)
    for p in token.parses:
        if want <= p.grammemes and p.score >= min_score:
            return p
    return None


def surname_after_name(token: Token | None, name: Token | None, case: str) -> bool:
    """«Ольгой Смирновой»: the parse may hang the surname on the first name as a genitive; a
    surname in the name's case right after a first name is part of the name and agrees with it."""
    return (token is not None and name is not None and token.start > name.start
            and _reading(name, "Name", case) is not None and _reading(token, "Surn", case) is not None)


def _pos_share(token: Token, pos: str) -> float:
    return sum(p.score for p in token.parses if p.pos == pos)


def _is_noun(token: Token) -> bool:
    return token.pos == "NOUN"


def _is_verb_like(token: Token) -> bool:
    return token.pos in _VERB_POS



def _inflect(reading: Parse, want: set[str]) -> str | None:
    return inflect_raw(reading.raw, frozenset(want))


def _infinitive(lemma: str) -> Parse | None:
    for p in parse(lemma):
        if p.pos == "INFN" and p.lemma == fold(lemma):
            return p
    return None


def _biaspectual(lemma: str) -> bool:
    """A verb both perfective and imperfective («оцифровать», «использовать»): its present form is its future."""
    aspects = {a for p in parse(lemma) if p.pos == "INFN" and p.lemma == fold(lemma) for a in ("perf", "impf")
               if a in p.grammemes}
    # «проводить» is also the perfective «провОдить» (to see off): a homograph, not one verb of two
    # aspects; the verbs of both aspects a post uses are the «-овать» ones
    return aspects == {"perf", "impf"} and fold(lemma).endswith(("овать", "евать"))


@lru_cache(maxsize=20_000)
def _verb_form(lemma: str, tense: str, person: str, number: str, gender: str | None) -> str | None:
    """``lemma`` as a finite verb; ``None`` when the form needs two words or does not exist.

    Cached: pymorphy3 builds the whole paradigm for each inflection, and every
    passive finding asks for three forms of its verb.
    """
    inf = _infinitive(lemma)
    if inf is None or lemma in HOMONYM_PARTICIPLES:
        return None  # «развешано»: pymorphy3 knows only «развешать» (to weigh), «развешали» is not «развесили»
    perfective = "perf" in inf.grammemes
    if tense == "pres" and perfective:
        tense = "futr"
    if tense == "futr" and not perfective and _biaspectual(lemma):
        tense = "pres"  # «оцифровать», «организовать»: «оцифруют», never «будут оцифровать»
    if tense == "futr" and not perfective:
        aux = {("1per", "sing"): "буду", ("1per", "plur"): "будем", ("2per", "plur"): "будете",
               ("3per", "sing"): "будет", ("3per", "plur"): "будут"}.get((person, number))
        word = inf.raw.word  # type: ignore[attr-defined]
        return f"{aux} {word}" if aux else None
    want = {"VERB", "indc", tense, number}
    if tense == "past":
        if number == "sing":
            want.add(gender or "masc")
    else:
        want.add(person)
    return _inflect(inf, want)


def is_verbal_noun(token: Token) -> bool:
    """A noun naming an action: «проведение», «развитие», «реализация», not «здание».

    Nouns in -ция count only when a verb in -ировать/-овать stands behind them
    («реализация» ← «реализовать»), which keeps «станция» and «традиция» out.
    """
    return token.pos == "NOUN" and _verbal_lemma(token.lemma)


@lru_cache(maxsize=50_000)
def _verbal_lemma(lemma: str) -> bool:
    if len(lemma) < 6 or lemma in NOT_VERBAL_NOUNS or not lemma.isalpha():
        return False
    if lemma.endswith(_VERBAL_SUFFIXES):
        return True
    if lemma.endswith("ция"):
        return any(_infinitive(v) is not None and _is_known(v) for v in _verbs_behind(lemma))
    return False


def _verbs_behind(lemma: str) -> list[str]:
    if lemma.endswith("фикация"):
        return [lemma[: -len("кация")] + "цировать"]
    if lemma.endswith("ация"):
        stem = lemma[:-4]
        return [stem + "ировать", stem + "овать"]
    if lemma.endswith("екция"):
        return [lemma[:-5] + "ицировать"]
    if lemma.endswith("кция"):
        return [lemma[:-3] + "ировать"]
    return []


def _is_known(word: str) -> bool:
    readings = parse(word)
    return bool(readings) and bool(getattr(readings[0].raw, "is_known", False))




def _person_name(token: Token) -> bool:
    """A capitalised first name, surname or patronymic («Сергей Петрин»): it says who, so it is
    neither a link of a genitive chain nor a noun that makes a sentence heavy."""
    return _person_form(token.text)


@lru_cache(maxsize=50_000)
def _person_form(text: str) -> bool:
    """:func:`_person_name` of a written form (asked of every word by KC202 and KC203)."""
    return text[:1].isupper() and any(PERSON_NAMES & p.grammemes for p in _word_info(text)[0])


_PAST_MASCULINE = re.compile(r"\b(\w+л)\b(?!\()")


def feminine_too(text: str) -> str | None:
    """«я провёл встречу» → «я провёл(а) встречу» for an author whose gender is unknown; ``None``
    when the verb has no «-л» to mark («я встретился»: «(а)» cannot follow «-ся»), since the
    masculine alone would guess the author's gender."""
    marked = _PAST_MASCULINE.sub(r"\1(а)", text, count=1)
    return marked if marked != text else None


def many_count(digits: str) -> bool:
    """A count in digits not ending in 1–4 (11–14 do): «8», «15», «120».  It governs a genitive plural
    that reads the same in the accusative, whoever the noun names («выявили 8 водителей»)."""
    return digits.isdigit() and (digits[-1] not in "1234" or digits[-2:] in ("11", "12", "13", "14"))


def held_event(token: Token) -> Parse | None:
    """The inanimate nominative reading of a held event («проведён субботник»: the day of work, not the
    worker pymorphy3 also reads, whose accusative «субботника» would differ); ``None`` for other words."""
    return _reading(token, "NOUN", "nomn", "inan") if token.lemma in HELD_EVENTS else None

