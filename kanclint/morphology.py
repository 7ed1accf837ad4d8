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
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pymorphy3


def fold(word: str) -> str:
    """Lookup key of a word: lower case, ``ё`` → ``е``."""
    return word.lower().replace("ё", "е")


@cache
def analyzer() -> "pymorphy3.MorphAnalyzer":
    import pymorphy3

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
        readings = analyzer().parse(word.lower())
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
