"""Applying fixes: non-overlapping edits, repeated until nothing changes.

Everything outside the edited spans stays byte-identical; when two fixes
overlap, the one that starts first wins and the other waits for the next round
(the text is re-linted between rounds, so its offsets are fresh).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from kanclint.model import Applicability, Diagnostic, Edit, Fix, apply_edits, apply_fix  # noqa: F401  (re-exported)

MAX_ROUNDS = 10


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
