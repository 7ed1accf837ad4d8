"""Put a replacement word into the grammatical form of the word it replaces.

A fix is only as good as its grammar: «данной программы» must become «этой
программы», «осуществляли контроль» must become «контролировали».  We copy the
agreement grammemes (case, number, gender, person, tense, mood) of the replaced
reading onto the replacement with ``pymorphy3``'s ``inflect`` and report whether
the result is certain: when the replaced word has readings that inflect the
replacement differently, the fix is downgraded to unsafe.
"""

from __future__ import annotations

from functools import lru_cache

from kanclint.text.grammar import (  # noqa: F401  (CASES, NUMBERS, ... re-exported for old imports)
    ADJECTIVAL,
    CASES,
    GENDERS,
    MOODS,
    NOMINAL,
    NUMBERS,
    PERSONS,
    TENSES,
    VERB_FORMS,
)
from kanclint.text.grammar import CASE_NORMAL as _CASE_NORMAL
from kanclint.text.morphology import Parse, analyzer, fold, parse


def _family(pos: str | None) -> str:
    if pos in VERB_FORMS:
        return "verb"
    if pos in NOMINAL:
        return "noun"
    if pos in ADJECTIVAL or pos == "ADJS":
        return "adj"
    return "other"


def _base_reading(word: str, target: Parse) -> object | None:
    """The replacement's dictionary reading, preferring the target's part of speech."""
    readings = [p.raw for p in parse(word) if p.lemma == fold(word)]
    if not readings:
        readings = [p.raw for p in parse(word)]
    family = _family(target.pos)
    for r in readings:
        if _family(r.tag.POS) == family:  # type: ignore[attr-defined]
            return r
    return readings[0] if readings else None


def target_grammemes(target: Parse, replacement_pos: str | None) -> set[str]:
    """Which grammemes of ``target`` the replacement must take."""
    tag = target.grammemes
    want: set[str] = set()
    fam = _family(replacement_pos)
    if fam == "verb":
        if target.pos in ("INFN", "GRND", "PRTF", "PRTS"):
            want.add(target.pos)
        want |= tag & (TENSES | NUMBERS | PERSONS | MOODS | {"incl", "excl"})
        if "past" in tag and "sing" in tag:
            want |= tag & GENDERS
        if target.pos in ("PRTF", "PRTS"):
            want |= tag & (CASES | GENDERS | {"actv", "pssv"})
            if "accs" in tag:
                want |= tag & {"anim", "inan"}  # «осуществляющий» (accs, inan) → «ухаживающий», not «ухаживающего» (judge h49)
        return {_CASE_NORMAL.get(g, g) for g in want}
    cases = {_CASE_NORMAL.get(g, g) for g in tag & CASES}
    want |= cases
    want |= tag & NUMBERS
    if fam == "adj":
        if "sing" in tag:
            want |= tag & GENDERS
        if "accs" in cases:
            want |= tag & {"anim", "inan"}
        if target.pos == "ADJS" or "ADJS" in tag:
            want.add("ADJS")
    return want


def inflect_word(word: str, target: Parse) -> str | None:
    """``word`` in the form of ``target``; None when pymorphy3 cannot build it."""
    return _inflect_cached(word, target)


@lru_cache(maxsize=50_000)
def _inflect_cached(word: str, target: Parse) -> str | None:
    base = _base_reading(word, target)
    if base is None:
        return None
    if _family(base.tag.POS) == "other" or _family(target.pos) == "other":  # type: ignore[attr-defined]
        return word
    want = target_grammemes(target, base.tag.POS)  # type: ignore[attr-defined]
    if not want:
        return word
    if base.tag.POS in ("VERB", "INFN") and "pres" in want and "perf" in base.tag:  # type: ignore[attr-defined]
        want = (want - {"pres"}) | {"futr"}
    if base.tag.POS in ("VERB", "INFN") and "futr" in want and "impf" in base.tag:  # type: ignore[attr-defined]
        return None  # «будет делать»: an analytic future needs two words
    special = target.grammemes & {"loc2", "gen2"}
    result = None
    if special and _family(base.tag.POS) == "noun":  # type: ignore[attr-defined]
        # «в году», «в саду»: the second locative only where the new noun has one
        result = base.inflect((want - {"loct", "gent"}) | special)  # type: ignore[attr-defined]
    if result is None:
        result = base.inflect(want)  # type: ignore[attr-defined]
    if result is None and want & {"anim", "inan"}:
        # animacy marks only a masculine or plural accusative: «нашу экспозицию», not «наш» with the gender lost
        result = base.inflect(want - {"anim", "inan"})  # type: ignore[attr-defined]
    if result is None:
        # gender or animacy may not exist for this word (e.g. pluralia tantum)
        result = base.inflect(want - GENDERS - {"anim", "inan"})  # type: ignore[attr-defined]
    if result is None:
        return None
    if "Supr" in base.tag and result.word[:3] != word.lower()[:3]:  # type: ignore[attr-defined]
        return None  # pymorphy3 files «лучший» under «хороший» and builds «наихорошую»
    if "GRND" in want and result.word.endswith("вши") and "impf" in base.tag:  # type: ignore[attr-defined]
        return None  # «участвовавши»: an imperfective verb has no living past gerund
    return result.word


def match_case(source: str, replacement: str) -> str:
    """Give ``replacement`` the author's capitalisation of ``source``."""
    letters = [c for c in source if c.isalpha()]
    if not replacement or not letters:
        return replacement
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if letters[0].isupper() and source.lstrip()[:1].isupper():
        return capitalise(replacement)
    return replacement


# Forms pymorphy3's dictionary lists first where today's Russian says another: «учители» is the
# plural of «учитель» as «teacher of a doctrine»; school teachers are «учителя».
_PREFERRED_FORMS = {"учители": "учителя"}


@lru_cache(maxsize=20_000)
def inflect_raw(raw: object, want: frozenset[str]) -> str | None:
    """One pymorphy3 reading in the form ``want``; cached, since pymorphy3 rebuilds the paradigm per call."""
    tag = raw.tag  # type: ignore[attr-defined]
    if "Fixd" in tag and "-" in raw.word and tag.POS in ("ADJF", "PRTF"):  # type: ignore[attr-defined]
        return _inflect_compound(raw, want)
    if "-" in raw.word and tag.POS == "NOUN" and (pair := _inflect_noun_pair(raw, want)) is not None:  # type: ignore[attr-defined]
        return pair
    inflected = raw.inflect(set(want))  # type: ignore[attr-defined]
    if inflected is None:
        return None
    return _PREFERRED_FORMS.get(inflected.word, inflected.word)


def _inflect_compound(raw: object, want: frozenset[str]) -> str | None:
    """A compound adjective pymorphy3 guessed as indeclinable («детско-родительских», tagged
    Fixd): only its last part declines, so «детско-родительских отношений» → «детско-родительские
    отношения», never the genitive kept beside an accusative noun."""
    first, _, last = raw.word.rpartition("-")  # type: ignore[attr-defined]
    keep = raw.tag.grammemes & (CASES | NUMBERS | GENDERS)  # type: ignore[attr-defined]
    for reading in analyzer().parse(last):
        if reading.tag.POS == raw.tag.POS and keep <= reading.tag.grammemes and "Fixd" not in reading.tag:  # type: ignore[attr-defined]
            inflected = reading.inflect(set(want))
            return None if inflected is None else f"{first}-{inflected.word}"
    return None


def _inflect_noun_pair(raw: object, want: frozenset[str]) -> str | None:
    """Two nouns in one case joined by a hyphen: both decline («дома-интерната» → «дом-интернат»,
    «школы-интерната» → «школу-интернат»).  pymorphy3 may read the first as a fixed prefix and
    decline the last alone («дома-интернат»); a first part that does not share the case
    («интернет-магазина») stays as it is (``None``: the caller's reading decides)."""
    first, _, last = raw.word.partition("-")  # type: ignore[attr-defined]
    keep = raw.tag.grammemes & (CASES | NUMBERS)  # type: ignore[attr-defined]
    # «мастер-класс» is a thing: the person «мастер» would make the accusative «мастера-класс»
    alive = raw.tag.grammemes & {"anim", "inan"}  # type: ignore[attr-defined]
    heads = [r for r in analyzer().parse(first) if r.tag.POS == "NOUN" and keep | alive <= r.tag.grammemes]
    tails = [r for r in analyzer().parse(last) if r.tag.POS == "NOUN" and keep <= r.tag.grammemes]
    if not first or not last or not heads or not tails:
        return None
    head, tail = heads[0].inflect(set(want)), tails[0].inflect(set(want))
    return None if head is None or tail is None else f"{head.word}-{tail.word}"


def spell_yo(text: str, writes_yo: bool) -> str:
    """``text`` spelled as the post spells «ё»: a post that writes «еще», «актеры» gets «е»."""
    return text if writes_yo else text.replace("ё", "е").replace("Ё", "Е")


def capitalise(text: str) -> str:
    """The first letter upper case, the rest as written («мы провели» → «Мы провели»)."""
    return text[:1].upper() + text[1:]


def keep_capital(source: str, form: str) -> str:
    """``form`` capitalised when ``source`` is written Like-this (a name, a sentence start; a one-letter
    word such as «О», «В» counts, but not «Я», which is written so anywhere), else as is."""
    one_letter = len(source) == 1 and source != "Я"
    return capitalise(form) if source[:1].isupper() and (one_letter or source[1:2].islower()) else form
