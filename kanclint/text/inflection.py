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

from kanclint.text.morphology import Parse, fold, parse

CASES = {"nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen2", "acc2", "loc2"}
_CASE_NORMAL = {"gen2": "gent", "acc2": "accs", "loc2": "loct", "voct": "nomn"}
NUMBERS = {"sing", "plur"}
GENDERS = {"masc", "femn", "neut"}
PERSONS = {"1per", "2per", "3per"}
TENSES = {"past", "pres", "futr"}
MOODS = {"indc", "impr"}
VERB_FORMS = {"VERB", "INFN", "PRTF", "PRTS", "GRND"}
NOMINAL = {"NOUN", "NPRO"}
ADJECTIVAL = {"ADJF", "PRTF", "NUMR"}


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
    if result is None:
        # gender or animacy may not exist for this word (e.g. pluralia tantum)
        result = base.inflect(want - GENDERS - {"anim", "inan"})  # type: ignore[attr-defined]
    if result is None:
        return None
    if "Supr" in base.tag and result.word[:3] != word.lower()[:3]:  # type: ignore[attr-defined]
        return None  # pymorphy3 files «лучший» under «хороший» and builds «наихорошую»
    return result.word


def match_case(source: str, replacement: str) -> str:
    """Give ``replacement`` the author's capitalisation of ``source``."""
    letters = [c for c in source if c.isalpha()]
    if not replacement or not letters:
        return replacement
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if letters[0].isupper() and source.lstrip()[:1].isupper():
        return replacement[0].upper() + replacement[1:]
    return replacement
