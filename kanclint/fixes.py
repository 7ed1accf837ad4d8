"""Applying fixes: non-overlapping edits, repeated until nothing changes.

Everything outside the edited spans stays byte-identical; when two fixes
overlap, the one that starts first wins and the other waits for the next round
(the text is re-linted between rounds, so its offsets are fresh).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from .model import Applicability, Diagnostic, Edit, Fix

MAX_ROUNDS = 10


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
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


def _overlap(a: Edit, b: tuple[int, int]) -> bool:
    start, end = b
    if a.start == a.end or start == end:  # an insertion conflicts with anything around its point
        return start <= a.start <= end or a.start <= start <= a.end
    return a.start < end and start < a.end


def choose_fixes(diagnostics: Iterable[Diagnostic], *, unsafe: bool = False) -> list[Diagnostic]:
    """Diagnostics whose fixes can be applied together in one round (first come, first served)."""
    allowed = {Applicability.SAFE} | ({Applicability.UNSAFE} if unsafe else set())
    chosen: list[Diagnostic] = []
    taken: list[tuple[int, int]] = []
    candidates = [d for d in diagnostics if d.fix is not None and d.fix.applicability in allowed]
    for d in sorted(candidates, key=lambda d: (d.fix.start, -d.fix.end)):  # type: ignore[union-attr]
        edits = d.fix.edits  # type: ignore[union-attr]
        if any(_overlap(e, t) for e in edits for t in taken):
            continue
        chosen.append(d)
        taken.extend((e.start, e.end) for e in edits)
    return chosen


@dataclass(frozen=True)
class FixResult:
    """What ``kanclint.fix`` returns: the new text, what was applied, what remains."""

    text: str
    applied: tuple[Diagnostic, ...]
    remaining: tuple[Diagnostic, ...]
    rounds: int

    @property
    def changed(self) -> bool:
        return bool(self.applied)
