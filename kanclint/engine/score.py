"""The 0–10 score: a calibrated model of the register, 10 being a living conversational post.

The score is ``10 × σ(b + Σ wᵢ·xᵢ)``: a logistic model whose features are the register
signals of :mod:`kanclint.engine.signals` and the densities of findings by group.  The
coefficients are data (``dictionaries/register/model.toml``), fitted on real labelled
posts by ``benchmarks/fit_register.py``; editing that file changes the score without
touching Python.  The formula and the fitting are described in docs/scoring.md.

Fairness is built into the features, not patched on afterwards:
* Findings cost once per span: where several rules flag overlapping text, the span
  counts once, for its heaviest finding.
* Every feature is a share or a density, so repeating the whole text keeps the score.
* Findings saturate per group (``1 − exp(−d / scale)``), so one flooded group can
  neither take the whole score nor hide another group.
* Finding weights are never positive and conversational signals never negative (the
  fit is constrained), so fixing a finding cannot lower the score.
* Cosmetic signs (emoji, «!», «Друзья,») raise the score by at most ``cosmetic-cap``
  points: they do not turn a report into a living post.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Iterable, Mapping, NamedTuple

from kanclint.dictionaries import builtin_dir
from kanclint.engine.signals import SPEC_BY_NAME, Signals
from kanclint.model import CategoryScore, Diagnostic, Severity
from kanclint.text.russian import plural

SEVERITY_WEIGHT = {Severity.ERROR: 2.0, Severity.WARNING: 1.0, Severity.INFO: 0.35}
FINDINGS_SCALE = 4.0  # weighted findings per 100 words at which a group feature reaches ~63%

CATEGORY_TITLES = {
    "bureaucratese": "Канцелярит",
    "formula": "Канцелярские формулы",
    "verbal-noun": "Отглагольные существительные",
    "derived-preposition": "Производные предлоги",
    "cliche": "Штампы",
    "time-filler": "Канцелярские указания времени",
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

# Finding groups: each is one feature of the model and one sub-score of the report.
GROUPS: dict[str, tuple[str, ...]] = {
    "lexicon": ("bureaucratese", "formula", "derived-preposition", "cliche", "time-filler", "pleonasm",
                "verbal-noun"),
    "lexicon-soft": ("evaluation", "intensifier", "filler", "vagueness", "modality"),
    "syntax": ("passive", "genitive-chain"),
    "structure": ("press-release",),
    "readability": ("length", "readability", "typography"),
}
_GROUP_OF = {c: g for g, cats in GROUPS.items() for c in cats}
GROUP_TITLES = {
    "lexicon": "лексика", "lexicon-soft": "оценки и вода", "syntax": "синтаксис", "structure": "структура",
    "readability": "читаемость", "register": "регистр", "opening": "начало и форма поста",
}
# Findings about the post as a whole (its opening, its overall shape) come once per post: they are
# counted, not divided by the length, so a text repeated twice keeps its score.
OPENING_CODES = frozenset({"KC301", "KC303", "KC306"})
FINDING_GROUPS = (*GROUPS, "opening")
FINDING_FEATURES = tuple(f"findings-{g}" for g in FINDING_GROUPS)


def finding_group(d: Diagnostic) -> str:
    """The finding feature (and sub-score) a finding counts in."""
    return "opening" if d.code in OPENING_CODES else group_of(d.category)


def category_title(category: str) -> str:
    return CATEGORY_TITLES.get(category, category)


def group_of(category: str) -> str:
    """The sub-score a finding category counts in; unknown (plugin) categories count as lexicon."""
    return _GROUP_OF.get(category, "lexicon")


# -- the model file -------------------------------------------------------------------------------

class ModelError(ValueError):
    """The coefficients file is broken; the message names the file and key."""


@dataclass(frozen=True)
class Feature:
    name: str
    weight: float
    cap: float  # the value is clipped to [0, cap] before it is weighted
    ref: float = 0.0  # a typical value: the feature moves the score by weight × (value − ref)
    cosmetic: bool = False
    group: str = "register"


@dataclass(frozen=True)
class RegisterModel:
    intercept: float
    features: tuple[Feature, ...]
    cosmetic_cap: float  # points cosmetic signs may add at most
    path: str = ""


def model_path() -> Path:
    return builtin_dir() / "register" / "model.toml"


def parse_model(data: Mapping[str, Any], where: str) -> RegisterModel:
    """Validate the coefficients table; every problem names the key."""
    def number(value: Any, key: str) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise ModelError(f"{where}: {key} должно быть числом")
        return float(value)

    known = set(SPEC_BY_NAME) | set(FINDING_FEATURES)
    features = []
    table = data.get("features")
    if not isinstance(table, dict) or not table:
        raise ModelError(f"{where}: нет таблицы [features]")
    for name, spec in table.items():
        if name not in known:
            raise ModelError(f"{where}: features.{name}: такого признака нет (есть: {', '.join(sorted(known))})")
        if not isinstance(spec, dict):
            raise ModelError(f"{where}: features.{name} должна быть таблицей")
        cap = number(spec.get("cap", 1.0), f"features.{name}.cap")
        if cap <= 0:
            raise ModelError(f"{where}: features.{name}.cap должно быть больше нуля")
        group = name.removeprefix("findings-") if name in FINDING_FEATURES else "register"
        features.append(Feature(name, number(spec.get("weight", 0.0), f"features.{name}.weight"), cap,
                                number(spec.get("ref", 0.0), f"features.{name}.ref"),
                                bool(spec.get("cosmetic", False)), group))
    return RegisterModel(number(data.get("intercept", 0.0), "intercept"), tuple(features),
                         number(data.get("cosmetic-cap", 0.5), "cosmetic-cap"), where)


@cache
def load_model(path: str | None = None) -> RegisterModel:
    """The shipped coefficients (or ``path``), read once per process."""
    target = Path(path) if path else model_path()
    try:
        with target.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ModelError(f"{target}: не удалось прочитать коэффициенты оценки: {exc}") from None
    return parse_model(data, str(target))


# -- features -------------------------------------------------------------------------------------

# Findings reported but not scored: the length of the whole post is no sign of its register (and
# would make a text repeated twice score lower), and a missing address to the reader is already
# the absence of the second-person and invitation signals.
UNSCORED_CATEGORIES = frozenset({"meta", "length"})
# KC307 sums KC301–KC304; KC405, KC406: signals; KC308 (readers as «посетители») is the absence of «вы»
UNSCORED_CODES = frozenset({"KC305", "KC307", "KC308", "KC405", "KC406"})
OPENING_CATEGORIES = frozenset({"press-release"})  # about the post's shape: never merged with phrases
MAX_STRUCTURAL_SPAN = 80  # characters: a longer finding is about a sentence or more, not a phrase


def scored_findings(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.category not in UNSCORED_CATEGORIES and d.code not in UNSCORED_CODES]


def fix_edits(diagnostics: Iterable[Diagnostic]) -> list[tuple[int, int, str]]:
    """The edits of phrase findings' fixes, non-overlapping, in text order.

    The signals read the text as it will be once these fixes are applied (see
    signals.compute), so applying a fix changes nothing but removing its finding: a formula
    flagged as канцелярит («Информируем вас о том, что») is no conversational sign.
    """
    edits = sorted(
        (e.start, e.end, e.replacement)
        for d in diagnostics
        if d.fix is not None and d.category != "meta" and group_of(d.category) in ("lexicon", "lexicon-soft")
        for e in d.fix.edits
    )
    chosen: list[tuple[int, int, str]] = []
    end = -1
    for edit in edits:
        if edit[0] >= end or edit[0] == edit[1] == end:
            chosen.append(edit)
            end = max(end, edit[1])
    return chosen


def _clusters(diagnostics: Iterable[Diagnostic]) -> list[list[Diagnostic]]:
    """Findings grouped by span: a phrase and the findings on it or inside it, the phrase first.

    Findings longer than a phrase (a whole sentence or paragraph) stand alone: they must not
    swallow the phrases inside them.  Spans that only overlap («В период» and «период эпидемии
    гриппа») are two clusters: were they charged once, fixing the first would leave the second
    to be charged in its own group, and a fix could lower the score.
    """
    clusters: list[list[Diagnostic]] = []
    phrase_end = -1
    last: list[Diagnostic] | None = None  # the cluster of the phrase that reaches ``phrase_end``
    for d in sorted(diagnostics, key=lambda d: (d.start, -d.end)):
        if d.end - d.start > MAX_STRUCTURAL_SPAN or d.category in OPENING_CATEGORIES:
            clusters.append([d])
            continue
        if last is not None and d.start < phrase_end and d.start < d.end <= phrase_end:
            last.append(d)
            continue
        clusters.append([d])
        if d.end > d.start:
            last, phrase_end = clusters[-1], d.end
    return clusters


def _group_values(weights: Mapping[str, float], words: int) -> dict[str, float]:
    per_word = 100.0 / max(words, 1)
    values = {f"findings-{g}": 1.0 - math.exp(-w * per_word / FINDINGS_SCALE) for g, w in weights.items()}
    values["findings-opening"] = 1.0 - math.exp(-weights["opening"])
    return values


def _penalty(chosen: Iterable[Diagnostic], words: int, model: RegisterModel) -> float:
    """How much the finding features of ``chosen`` lower the model's logit."""
    weights = {g: 0.0 for g in FINDING_GROUPS}
    for d in chosen:
        weights[finding_group(d)] += SEVERITY_WEIGHT[d.severity]
    values = _group_values(weights, words)
    total = 0.0
    for f in model.features:
        if f.name in values:
            x = min(max(values[f.name], 0.0), f.cap)
            total -= f.weight * (x - f.ref)
    return total


def charged_findings(diagnostics: Iterable[Diagnostic], words: int | None = None,
                     model: RegisterModel | None = None) -> list[Diagnostic]:
    """One finding per span: phrase findings of several rules on one span (or inside it) cost
    once, as the one of them that costs the post most.

    Which one costs most depends on the rest of the post: a group's feature saturates, so a
    word finding («аннулирована») inside a passive («будет аннулирована») may cost less in a
    group that already has findings than the passive in its own.  Choosing the costliest is
    what makes fixing any of them never lower the score: the choice left after a fix is one
    that was open before.  Without ``words`` the heaviest by severity is taken.
    """
    clusters = _clusters(diagnostics)
    # most clusters are one finding: it is their choice, and a choice open to nothing else
    chosen = [c[0] if len(c) == 1 else max(c, key=lambda d: SEVERITY_WEIGHT[d.severity]) for c in clusters]
    open_ = [i for i, c in enumerate(clusters) if len(c) > 1 and len({finding_group(d) for d in c}) > 1]
    if words is None or not open_:
        return chosen
    model = model or load_model()
    for _ in range(2):  # coordinate ascent: a second pass settles clusters that affect each other
        for i in open_:
            best, best_penalty = chosen[i], _penalty(chosen, words, model)
            for d in clusters[i]:
                if d is best:
                    continue
                chosen[i] = d
                penalty = _penalty(chosen, words, model)
                if penalty > best_penalty + 1e-12:
                    best, best_penalty = d, penalty
            chosen[i] = best
    return chosen


def finding_features(diagnostics: Iterable[Diagnostic], words: int,
                     charged: list[Diagnostic] | None = None) -> dict[str, float]:
    """Per group: ``1 − exp(−d / FINDINGS_SCALE)`` with ``d`` weighted findings per 100 words;
    the opening group: ``1 − exp(−n)`` with ``n`` its weighted findings (once-per-post facts).
    ``charged``: :func:`charged_findings` of the same findings, when the caller has it already."""
    weights = {g: 0.0 for g in FINDING_GROUPS}
    for d in charged if charged is not None else charged_findings(diagnostics, words):
        weights[finding_group(d)] += SEVERITY_WEIGHT[d.severity]
    return _group_values(weights, words)


def features(signals: Signals, diagnostics: Iterable[Diagnostic],
             charged: list[Diagnostic] | None = None) -> dict[str, float]:
    """Every model input for one document: the signals and the finding groups."""
    values = dict(signals.values)
    values.update(finding_features(diagnostics, signals.words, charged))
    return values


# -- the score ------------------------------------------------------------------------------------

class Contribution(NamedTuple):
    """How one feature moved the score, in points (negative: lowered it)."""

    feature: str
    value: float
    points: float
    group: str


@dataclass(frozen=True)
class Scored:
    score: float
    contributions: tuple[Contribution, ...]
    subscores: dict[str, float]


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def predict(values: Mapping[str, float], model: RegisterModel | None = None) -> Scored:
    """Score a feature vector and split the distance from the neutral score among the features
    that moved it (a feature at its reference value has no contribution).

    Raising and lowering are told apart: the points the conversational signals add are
    ``10σ(b + P) − 10σ(b)``, the points findings and report signals take are
    ``10σ(b + P) − 10σ(b + P + N)``; each side is shared in proportion to the terms.
    """
    model = model or load_model()
    b = model.intercept
    moved: list[tuple[str, float, float, bool, str]] = []  # the features whose term is not 0, in model order
    cosmetic, plain_pos, neg = _sums(values, model, moved)
    score, without, cosmetic_points = _score(model, plain_pos, cosmetic, neg)
    raised = 10.0 * _sigmoid(b + plain_pos) - 10.0 * _sigmoid(b)
    lowered = 10.0 * _sigmoid(b + plain_pos) - without
    up = raised / plain_pos if plain_pos else 0.0
    up_cosmetic = cosmetic_points / cosmetic if cosmetic else 0.0
    down = -lowered / neg if neg else 0.0
    contributions = []
    lost: dict[str, float] = {}
    make = tuple.__new__
    for name, x, t, is_cosmetic, group in moved:
        if t > 0.0:
            points = t * (up_cosmetic if is_cosmetic else up)
        else:
            points = t * down
            lost[group] = lost.get(group, 0.0) - points
        contributions.append(make(Contribution, (name, x, points, group)))
    subs = {g: round(max(0.0, 10.0 - lost.get(g, 0.0)), 1) for g in _SUBSCORE_GROUPS}
    return Scored(score, tuple(contributions), subs)


def predict_score(values: Mapping[str, float], model: RegisterModel | None = None) -> float:
    """``predict(values).score`` without the contributions and subscores: what a lint needs at once
    (the rest is built only when a caller reads it, see :meth:`kanclint.model.Report.deferred`)."""
    model = model or load_model()
    cosmetic, plain_pos, neg = _sums(values, model, None)
    return _score(model, plain_pos, cosmetic, neg)[0]


def _sums(values: Mapping[str, float], model: RegisterModel,
          moved: list[tuple[str, float, float, bool, str]] | None) -> tuple[float, float, float]:
    """The model's raising terms (cosmetic, plain) and lowering terms, summed in model order; with
    ``moved``, the features whose term is not 0 are appended to it."""
    get = values.get
    cosmetic = plain_pos = neg = 0.0
    for name, weight, cap, ref, is_cosmetic, group, at_zero in _plan(model):  # plain tuples: this runs every lint
        x = get(name, 0.0)
        if x:
            x = 0.0 if x < 0.0 else cap if x > cap else x
            t = weight * (x - ref)
        else:
            t = at_zero  # most features are 0 in a post: their term is the model's constant
        if t > 0.0:
            if is_cosmetic:
                cosmetic += t
            else:
                plain_pos += t
        elif t < 0.0:
            neg += t
        else:
            continue  # a feature at its reference value moved nothing: no contribution to list
        if moved is not None:
            moved.append((name, x, t, is_cosmetic, group))
    return cosmetic, plain_pos, neg


def _score(model: RegisterModel, plain_pos: float, cosmetic: float, neg: float) -> tuple[float, float, float]:
    """The rounded score, the score without cosmetic signs, and the points those add (at most the cap)."""
    b = model.intercept
    without = 10.0 * _sigmoid(b + plain_pos + neg)
    with_cosmetic = 10.0 * _sigmoid(b + plain_pos + cosmetic + neg)
    cosmetic_points = min(with_cosmetic - without, model.cosmetic_cap)
    return round(min(10.0, without + cosmetic_points), 1), without, cosmetic_points


_Plan = tuple[tuple[str, float, float, float, bool, str, float], ...]
_PLANS: dict[int, tuple[RegisterModel, _Plan]] = {}


def _plan(model: RegisterModel) -> _Plan:
    """The model's features as plain tuples, built once per model (attribute reads cost in the hot loop);
    the last item is the feature's term at value 0, ``weight × (0 − ref)``."""
    known = _PLANS.get(id(model))
    if known is None or known[0] is not model:  # the model kept alive by the entry: its id is not reused
        if len(_PLANS) > 16:
            _PLANS.clear()
        known = _PLANS[id(model)] = (model, tuple((f.name, f.weight, f.cap, f.ref, f.cosmetic, f.group,
                                                   f.weight * (0.0 - f.ref)) for f in model.features))
    return known[1]


_SUBSCORE_GROUPS = ("register", *FINDING_GROUPS)


def breakdown(diagnostics: Iterable[Diagnostic], scored: Scored, words: int | None = None,
              charged: list[Diagnostic] | None = None) -> dict[str, CategoryScore]:
    """Per finding category: how many findings and how many points their groups' charges took
    (``words`` as given to :func:`finding_features`, so the same findings are charged; ``charged``:
    those findings, when the caller has them already)."""
    diagnostics = list(diagnostics)
    counts: dict[str, int] = {}
    for d in diagnostics:
        counts[d.category] = counts.get(d.category, 0) + 1
    if charged is None:
        charged = charged_findings(diagnostics, words)
    group_weight: dict[str, float] = {}
    for d in charged:
        g = finding_group(d)
        group_weight[g] = group_weight.get(g, 0.0) + SEVERITY_WEIGHT[d.severity]
    by_feature = {c.feature: c.points for c in scored.contributions}
    weights: dict[str, float] = {}
    shares: dict[str, float] = {}
    for d in charged:
        g, w = finding_group(d), SEVERITY_WEIGHT[d.severity]
        weights[d.category] = weights.get(d.category, 0.0) + w
        shares[d.category] = shares.get(d.category, 0.0) - by_feature.get(f"findings-{g}", 0.0) * w / group_weight[g]
    return {cat: CategoryScore(cat, n, weights.get(cat, 0.0), max(0.0, shares.get(cat, 0.0)))
            for cat, n in counts.items()}


def reasons(categories: Mapping[str, CategoryScore], scored: Scored, signals: Signals) -> tuple[str, ...]:
    """Where points went and where they came from, biggest first, in Russian."""
    lines: list[tuple[float, str]] = []
    for c in categories.values():
        if c.penalty >= 0.1:
            lines.append((-c.penalty, f"{category_title(c.category)}: "
                                      f"{plural(c.findings, 'находка', 'находки', 'находок')}, −{c.penalty:.1f}"))
    where_of = signals.where.get
    for feature, value, points, _ in scored.contributions:
        size = points if points >= 0.0 else -points  # abs() without the call: this runs on every lint
        if size < 0.1 or feature.startswith("findings-"):
            continue
        where = where_of(feature, ())
        tail = f" (предложения {', '.join(str(i + 1) for i in where[:5])})" if where else ""
        sign = "+" if points > 0 else "−"
        none = "нет, " if value == 0 else ""  # «Разговорные слова: нет, −0.6»: the lack of a sign cost it
        lines.append((-size, f"{SPEC_BY_NAME[feature].title}: {none}{sign}{size:.1f}{tail}"))
    lines.sort(key=lambda item: item[0])
    return tuple(text for _, text in lines)
