"""The few public nouns every other module speaks: Edit, Fix, Diagnostic, Report.

They are frozen dataclasses so that rules can only *describe* findings; applying
them is the job of :func:`apply_edits` and :mod:`kanclint.engine.fixes`, and printing them is the job of
:mod:`kanclint.output`.  Offsets are code points into the untouched text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from typing import Any, Callable, Iterable, Protocol, Sequence, TypeVar


class Severity(str, Enum):
    """Ordered severities; ``error`` is the strongest."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @classmethod
    def parse(cls, value: str | "Severity") -> "Severity":
        if isinstance(value, Severity):
            return value
        try:
            return cls(str(value).lower())
        except ValueError:
            raise ValueError(
                f"неизвестный уровень «{value}»: допустимы error, warning, info"
            ) from None


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Applicability(str, Enum):
    """As in ruff: a safe fix keeps meaning and grammar, an unsafe one needs review."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "replacement": self.replacement}


@dataclass(frozen=True)
class Fix:
    """One coherent set of non-overlapping edits, applied all or nothing."""

    title: str
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.UNSAFE

    @property
    def start(self) -> int:
        return min(e.start for e in self.edits)

    @property
    def end(self) -> int:
        return max(e.end for e in self.edits)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "applicability": self.applicability.value,
            "edits": [e.to_dict() for e in self.edits],
        }


@dataclass(frozen=True)
class Diagnostic:
    """A finding: where, which rule, why, and what to write instead."""

    code: str
    name: str
    category: str
    severity: Severity
    start: int
    end: int
    match: str
    message: str
    fix: Fix | None = None
    suggestions: tuple[str, ...] = ()
    url: str | None = None
    entry: str | None = None  # dictionary entry id, for phrase rules

    def to_dict(self, text: str | None = None, lines: "LineIndex | None" = None) -> dict[str, Any]:
        """The JSON form; with ``text`` (or its ``lines`` index) also lines and columns."""
        data: dict[str, Any] = {
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "severity": self.severity.value,
            "message": self.message,
            "start": self.start,
            "end": self.end,
        }
        if lines is None and text is not None:
            lines = line_index(text)
        if lines is not None:
            line, column = lines.line_column(self.start)
            end_line, end_column = lines.line_column(self.end)
            data.update(line=line, column=column, end_line=end_line, end_column=end_column)
        data.update(
            match=self.match,
            fix=self.fix.to_dict() if self.fix else None,
            suggestions=list(self.suggestions),
            url=self.url,
        )
        if self.entry:
            data["entry"] = self.entry
        return data


class LineIndex:
    """Where each line of a text starts, found once, so a position costs a bisection.

    Counting line breaks from the start of the text for every finding made
    output quadratic in the size of a file.  Only ``\n`` ends a line, so CRLF
    counts as one break (the ``\r`` stays at the end of its line).
    """

    __slots__ = ("text", "starts")

    def __init__(self, text: str):
        self.text = text
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self.starts = starts

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of ``offset``."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1

    def line_start(self, line: int) -> int:
        return self.starts[line - 1]

    def line_end(self, line: int) -> int:
        """Offset of the end of ``line`` (1-based), before its ``\n``; a ``\r`` before it stays."""
        return self.starts[line] - 1 if line < len(self.starts) else len(self.text)


@lru_cache(maxsize=4)
def line_index(text: str) -> LineIndex:
    """The :class:`LineIndex` of ``text``, shared by every caller asking about the same text."""
    return LineIndex(text)


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in code points) of ``offset``; CRLF counts as one break."""
    return line_index(text).line_column(offset)


@dataclass(frozen=True)
class CategoryScore:
    """How one category contributed to the score."""

    category: str
    findings: int
    weight: float
    penalty: float  # points lost, 0..10

    def to_dict(self) -> dict[str, Any]:
        return {
            "findings": self.findings,
            "weight": round(self.weight, 3),
            "penalty": round(self.penalty, 2),
        }


@dataclass(frozen=True)
class Report:
    """The result for one text: what ``kanclint.lint`` returns and JSON prints per file."""

    path: str | None
    text: str
    score: float | None  # None: not scored (the text is not Russian, see KC002)
    categories: dict[str, CategoryScore]
    diagnostics: tuple[Diagnostic, ...]
    metrics: dict[str, float] = field(default_factory=dict)
    reasons: tuple[str, ...] = ()
    subscores: dict[str, float] = field(default_factory=dict)
    features: dict[str, float] = field(default_factory=dict)  # inputs of the register model
    contributions: tuple[Any, ...] = ()  # kanclint.engine.score.Contribution per feature that moved the score, in points

    @property
    def score_text(self) -> str:
        """The score as people read it: «7.4», or a word when the text was not scored."""
        return "нет" if self.score is None else f"{self.score:.1f}"

    @property
    def score_phrase(self) -> str:
        """«оценка 7.4 из 10», or «оценки нет» (never the ungrammatical «оценка нет из 10»)."""
        return "оценки нет" if self.score is None else f"оценка {self.score:.1f} из 10"

    def to_dict(self) -> dict[str, Any]:
        lines = line_index(self.text)
        return {
            "path": self.path,
            "score": self.score,
            "subscores": dict(self.subscores),
            "categories": {k: v.to_dict() for k, v in sorted(self.categories.items())},
            "reasons": list(self.reasons),
            "metrics": {k: (v if isinstance(v, int) else round(v, 3)) for k, v in self.metrics.items()},
            "signals": [
                {"signal": c.feature, "value": round(c.value, 4), "points": round(c.points, 2)}
                for c in self.contributions if abs(c.points) >= 0.005
            ],
            "diagnostics": [d.to_dict(lines=lines) for d in self.diagnostics],
        }

    @classmethod
    def deferred(cls, path: str | None, text: str, score: float | None, diagnostics: tuple[Diagnostic, ...],
                 metrics: dict[str, float], later: Callable[[], dict[str, Any]]) -> "Report":
        """A Report whose explanation (:data:`DEFERRED_FIELDS`) ``later`` builds on first read.

        Why: a script or a CI gate reads the score and the findings; the reasons, categories,
        subscores and model inputs are a fifth of what a short post costs to lint.  The Report
        reads, compares, prints and pickles exactly as one built with every field given.
        """
        report = object.__new__(cls)
        report.__dict__.update(path=path, text=text, score=score, diagnostics=diagnostics, metrics=metrics,
                               _later=later)
        return report

    def __getstate__(self) -> dict[str, Any]:
        """Every field, the deferred ones built (the builder is a closure: it must not be pickled)."""
        return {f: getattr(self, f) for f in self.__dataclass_fields__}


# The fields of a Report that Report.deferred builds on first read, all at once.
DEFERRED_FIELDS = ("categories", "reasons", "subscores", "features", "contributions")


class _Deferred:
    """A class attribute standing in for a deferred field until its instance has it.

    A non-data descriptor: the value, once in the instance's ``__dict__``, is read directly
    (a Report built by its ``__init__`` has every field there and never reaches this).
    """

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, report: Report | None, owner: type | None = None) -> Any:
        if report is None:
            return self
        state = report.__dict__
        later = state.get("_later")
        if later is not None:  # two threads may both build it: the same values, the last one kept
            state.update(later())
            state.pop("_later", None)
        return state[self.name]


for _name in DEFERRED_FIELDS:
    setattr(Report, _name, _Deferred(_name))


# A rule's code (prefix + three digits) and kebab-case name: rules, dictionaries and the registry check them.
CODE_RE = re.compile(r"^[A-Z]{2,3}\d{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """The text with non-overlapping edits applied; everything outside them stays identical."""
    parts = []
    pos = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < pos:
            raise ValueError("overlapping edits")
        parts.append(text[pos:e.start])
        parts.append(e.replacement)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts)


def apply_fix(text: str, fix: Fix) -> str:
    return apply_edits(text, fix.edits)


class Span(Protocol):
    start: int
    end: int


S = TypeVar("S", bound=Span)


def outermost(items: Iterable[S], order: Callable[[S], Any], *, drop_overlapping: bool = False) -> list[S]:
    """The one overlap resolver: sweep ``items`` in ``order`` and keep those no kept span covers.

    ``order`` must sort by start first, longer spans first at a start (and then by preference),
    so every kept span starts at or before the current one: the current one lies inside a
    kept span exactly when the furthest kept end reaches its end.  With ``drop_overlapping``
    a span that only overlaps a kept one goes too (the matches of one phrase rule); without it
    only spans wholly inside a kept one go (findings of different dictionaries).  Kept spans
    come back in sweep order.
    """
    kept: list[S] = []
    reach = -1
    for item in sorted(items, key=order):
        if (item.start < reach) if drop_overlapping else (item.end <= reach):
            continue
        kept.append(item)
        reach = max(reach, item.end)
    return kept
