"""The one pymorphy3 analyser of the process, and the folding used in every lookup key.

pymorphy3 loads its dictionaries in about a second and keeps them in memory, so
there is exactly one ``MorphAnalyzer`` per process and every word form is parsed
once (``lru_cache``).  The text itself is never normalised: ``fold`` is applied to
lookup keys only, so ``ё`` and ``е`` match each other while output keeps the
author's letter.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import pymorphy3

# Marks that do not change a word for its reader but would hide it from every
# dictionary: stress accents (U+0301, U+0300), the soft hyphen, zero-width spaces,
# joiners and the word joiner.  Tokens keep them (offsets point into the original
# text); lookups drop them.
INVISIBLE_MARKS = "\u0301\u0300\u00ad\u200b\u200c\u200d\u2060"
_DROP_MARKS = dict.fromkeys(map(ord, INVISIBLE_MARKS))


def strip_marks(word: str) -> str:
    """``word`` without :data:`INVISIBLE_MARKS` («да́нном» → «данном»)."""
    if word.isalpha() or word.isascii():  # the common case: no mark can be there (marks are not letters)
        return word
    for mark in INVISIBLE_MARKS:  # a few scans in C: translate() walks a whole post char by char
        if mark in word:
            return word.translate(_DROP_MARKS)
    return word


def fold(word: str) -> str:
    """Lookup key of a word: lower case, ``ё`` → ``е``, invisible marks dropped."""
    return strip_marks(word).lower().replace("ё", "е")


@cache
def analyzer() -> "pymorphy3.MorphAnalyzer":
    return pymorphy3.MorphAnalyzer()


@dataclass(frozen=True)
class Parse:
    """One reading of a word form, reduced to what rules need."""

    lemma: str  # folded normal form
    grammemes: frozenset[str]
    score: float
    raw: object  # the pymorphy3 Parse, for inflection
    pos: str | None = None  # read once here: pymorphy3's tag properties are slow in hot loops


@lru_cache(maxsize=200_000)
def parse(word: str) -> tuple[Parse, ...]:
    """All readings of ``word`` (any case), best first."""
    result = []
    try:
        readings = analyzer().parse(strip_marks(word).lower())
    except ValueError:  # pymorphy3 fails on letters without a Unicode name (e.g. Tangut)
        return ()
    top = readings[0].score if readings else 0.0
    for p in readings:
        if top >= 0.5 and p.score < 0.001:
            continue  # «в», «с», «и» as abbreviated nouns: noise that breaks <NOUN> patterns
        pos = p.tag.POS
        # a plain str: pymorphy3's typed grammeme validates every comparison, slowly
        result.append(Parse(fold(p.normal_form), frozenset(p.tag.grammemes), p.score, p, str(pos) if pos else None))
    return tuple(result)


@lru_cache(maxsize=20_000)
def active_of_reflexive(lemma: str) -> str | None:
    """«осуществляться» → «осуществлять»: the active verb of a reflexive passive, or None.

    A «-ся» verb is a passive only when the verb without «-ся» is a known transitive one
    («проводиться» → «проводить»); «смеяться», «нравиться», «становиться» are not.
    """
    if not lemma.endswith(("ся", "сь")):
        return None
    base = lemma[:-2]
    readings = parse(base)
    if not readings or not getattr(readings[0].raw, "is_known", False):
        return None
    inf = next((p for p in readings if p.pos == "INFN" and p.lemma == fold(base)), None)
    return base if inf is not None and "tran" in inf.grammemes else None
