"""The 0–10 score: 10 is a living conversational post.  The formula is in docs/scoring.md.

For each category c, the weighted findings per 100 words become a saturating
penalty ``p_c = 1 − exp(−d_c / S)``; the score is ``10 × Π (1 − cap_c × p_c)``.

* Density, not count: a 2,000-word text with one finding keeps ~9.9 points.
* A floor of ``MIN_WORDS`` words in the density: a 20-word post with one
  finding is judged as if it had 100 words, so one word does not sink it.
* Saturation per category with a cap: forty «данный» cost at most ``cap_c`` of
  the score, and every other category still costs its own share, so one
  category can neither hide another nor be hidden.
"""

from __future__ import annotations

import math
from typing import Iterable

from .model import CategoryScore, Diagnostic, Severity
from .russian import plural

MIN_WORDS = 100
SCALE = 2.0  # findings per 100 words at which a category takes ~63% of its cap
SEVERITY_WEIGHT = {Severity.ERROR: 2.0, Severity.WARNING: 1.0, Severity.INFO: 0.35}
DEFAULT_CAP = 0.35
CATEGORY_CAP = {
    "bureaucratese": 0.45,
    "formula": 0.45,
    "verbal-noun": 0.45,
    "derived-preposition": 0.4,
    "cliche": 0.45,
    "press-release": 0.5,
    "passive": 0.4,
    "genitive-chain": 0.35,
    "time-filler": 0.3,
    "filler": 0.3,
    "pleonasm": 0.3,
    "evaluation": 0.25,
    "intensifier": 0.25,
    "vagueness": 0.25,
    "modality": 0.25,
    "length": 0.3,
    "readability": 0.3,
    "typography": 0.2,
}

CATEGORY_TITLES = {
    "bureaucratese": "Канцелярит",
    "formula": "Канцелярские формулы",
    "verbal-noun": "Отглагольные существительные",
    "derived-preposition": "Производные предлоги",
    "cliche": "Штампы",
    "time-filler": "Паразиты времени",
    "evaluation": "Необъективные оценки",
    "intensifier": "Усилители",
    "filler": "Вода и вводные слова",
    "vagueness": "Неопределённость",
    "modality": "Модальность",
    "pleonasm": "Плеоназмы",
    "passive": "Пассив",
    "genitive-chain": "Цепочки родительного падежа",
    "press-release": "Пресс-релиз",
    "length": "Длина",
    "readability": "Читаемость",
    "typography": "Оформление",
}


def category_title(category: str) -> str:
    return CATEGORY_TITLES.get(category, category)


GROUPS = {
    "lexicon": ("bureaucratese", "formula", "derived-preposition", "cliche", "time-filler", "evaluation",
                "intensifier", "filler", "vagueness", "modality", "pleonasm"),
    "syntax": ("passive", "verbal-noun", "genitive-chain"),
    "structure": ("press-release",),
    "readability": ("length", "readability"),
}
_GROUP_OF = {c: g for g, cats in GROUPS.items() for c in cats}


def _factors(diagnostics: Iterable[Diagnostic], words: int) -> tuple[dict[str, float], dict[str, float], dict[str, int]]:
    """Per category: the factor it multiplies the score by, its weighted findings and its count."""
    weights: dict[str, float] = {}
    counts: dict[str, int] = {}
    for d in diagnostics:
        weights[d.category] = weights.get(d.category, 0.0) + SEVERITY_WEIGHT[d.severity]
        counts[d.category] = counts.get(d.category, 0) + 1
    denominator = max(words, MIN_WORDS)
    factors: dict[str, float] = {}
    for cat, w in weights.items():
        density = 100.0 * w / denominator
        penalty = 1.0 - math.exp(-density / SCALE)
        factors[cat] = 1.0 - CATEGORY_CAP.get(cat, DEFAULT_CAP) * penalty
    return factors, weights, counts


def subscores(diagnostics: Iterable[Diagnostic], words: int) -> dict[str, float]:
    """0–10 per group (lexicon, syntax, structure, readability): where the points went."""
    factors, _, _ = _factors(diagnostics, words)
    result = {}
    for group in GROUPS:
        product = math.prod(f for c, f in factors.items() if _GROUP_OF.get(c, "lexicon") == group)
        result[group] = round(10.0 * product, 1)
    return result


def compute(diagnostics: Iterable[Diagnostic], words: int) -> tuple[float, dict[str, CategoryScore], tuple[str, ...]]:
    """Score, per-category breakdown and the reasons points were lost, biggest first."""
    factors, weights, counts = _factors(diagnostics, words)
    product = math.prod(factors.values()) if factors else 1.0
    raw = 10.0 * product
    score = round(raw, 1)
    lost = 10.0 - raw
    logs = {c: -math.log(f) for c, f in factors.items()}
    total_log = sum(logs.values())
    categories: dict[str, CategoryScore] = {}
    for cat in weights:
        share = lost * logs[cat] / total_log if total_log > 0 else 0.0
        categories[cat] = CategoryScore(cat, counts[cat], weights[cat], share)
    reasons = tuple(
        f"{category_title(c.category)}: {plural(c.findings, 'находка', 'находки', 'находок')}, −{c.penalty:.1f}"
        for c in sorted(categories.values(), key=lambda c: -c.penalty)
        if c.penalty >= 0.05
    )
    return score, categories, reasons

