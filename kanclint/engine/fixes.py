"""Applying fixes: non-overlapping edits, repeated until nothing changes.

Everything outside the edited spans stays byte-identical; when two fixes
overlap, the one that starts first wins and the other waits for the next round
(the text is re-linted between rounds, so its offsets are fresh).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Sequence

from kanclint.model import Applicability, Diagnostic, Edit, Fix, apply_edits, apply_fix  # noqa: F401  (re-exported)
from kanclint.text import facts as facts_mod
from kanclint.text.protection import SpanIndex
from kanclint.text.untouchable import quoted_spans

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


_SENTENCE_END = re.compile(r"[.!?…\n]")
_WORD = re.compile(r"[^\W\d_]{4,}")


def _brought(text: str, d: Diagnostic) -> set[str]:
    """Longer words a fix writes that the text it replaces did not have («время» of «во время»)."""
    edits = d.fix.edits  # type: ignore[union-attr]
    old = {w.lower().replace("ё", "е") for e in edits for w in _WORD.findall(text[e.start:e.end])}
    return {w.lower().replace("ё", "е") for e in edits for w in _WORD.findall(e.replacement)} - old


def _sentence_of(text: str, at: int) -> tuple[int, int]:
    """Rough bounds of the sentence around ``at`` (an end mark or a line break closes it)."""
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, at)), default=0)
    found = _SENTENCE_END.search(text, at)
    return start, found.start() if found else len(text)


def defer_repeats(text: str, chosen: list[Diagnostic]) -> list[Diagnostic]:
    """``chosen`` without the fixes that would write a word another fix of the round writes in the
    same sentence: «в ходе рейда … в период запрета» → «во время рейда … во время запрета» (judge
    h25).  The deferred finding is linted again next round, where its rule sees the word already
    there and keeps the fix an option."""
    kept: list[Diagnostic] = []
    written: list[tuple[tuple[int, int], set[str]]] = []
    for d in chosen:
        new = _brought(text, d)
        where = _sentence_of(text, d.fix.start)  # type: ignore[union-attr]
        if new and any(span == where and new & words for span, words in written):
            continue
        kept.append(d)
        written.append((where, new))
    return kept


@dataclass(frozen=True)
class Change:
    """One applied fix as the author reviews it: where it is in the *result*, what it replaced.

    ``start``/``end`` are code points into the fixed text (later rounds shift them), so a
    surface can mark the change in the text it shows; ``before`` is the original wording.
    """

    code: str
    name: str
    start: int
    end: int
    before: str
    after: str
    applicability: Applicability

    @property
    def safe(self) -> bool:
        return self.applicability is Applicability.SAFE

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code, "name": self.name, "start": self.start, "end": self.end,
                "before": self.before, "after": self.after, "applicability": self.applicability.value}


def _shift(position: int, edits: Sequence[Edit], *, at_end: bool) -> int:
    """``position`` of the old text in the text after ``edits`` (sorted, non-overlapping).

    An end that touches an edit's end moves with it; a start inside an edit stays at the
    edit's start, so a change that a later round edits again grows to cover both.
    """
    delta = 0
    for e in edits:
        if e.end < position or (e.end == position and (at_end or e.start < e.end)):
            delta += len(e.replacement) - (e.end - e.start)
        elif e.start < position:  # inside an edit: to its start, or the end of its replacement
            return e.start + delta + (len(e.replacement) if at_end else 0)
        else:
            break
    return position + delta


def _back(position: int, edits: Sequence[Edit], *, at_end: bool) -> int:
    """``position`` of the text after ``edits`` (sorted, non-overlapping) in the text before them.

    A position inside a replacement goes to the replaced span's start (or end, for an end), so
    a span over text a round wrote covers the words that text replaced; an end at a deletion's
    point covers the deleted words (a change that only deleted says what it deleted)."""
    delta = 0
    for e in edits:
        new_start = e.start + delta
        new_end = new_start + len(e.replacement)
        if position < new_start or (position == new_start and (not at_end or new_end > new_start)):
            return position - delta
        if position < new_end or (position == new_end and at_end):
            return e.end if at_end else e.start
        delta += len(e.replacement) - (e.end - e.start)
    return position - delta


def track_changes(changes: Sequence[Change], chosen: Sequence[Diagnostic], before: str, after: str) -> list[Change]:
    """The changes so far moved into the new text, plus those of this round's ``chosen`` fixes."""
    edits = sorted((e for d in chosen for e in d.fix.edits), key=lambda e: (e.start, e.end))  # type: ignore[union-attr]
    moved = [replace(c, start=_shift(c.start, edits, at_end=False), end=_shift(c.end, edits, at_end=True))
             for c in changes]
    for d in chosen:
        fix = d.fix
        assert fix is not None
        start = _shift(fix.start, edits, at_end=False)
        end = _shift(fix.end, edits, at_end=True)
        moved.append(Change(d.code, d.name, start, end, before[fix.start:fix.end], after[start:end],
                            fix.applicability))
    return sorted(moved, key=lambda c: (c.start, c.end))


def as_drafted(changes: Sequence[Change], rounds: Sequence[Sequence[Edit]], draft: str, text: str) -> list[Change]:
    """The changes as the author reviews them: each change's span in the final ``text`` and the
    words of the author's ``draft`` that span stands for (``rounds``: each round's sorted edits).

    A change a later round edited again, or made on words an earlier round wrote, would otherwise
    show a round's intermediate text («аппарат куплен») the author never wrote or will never see."""
    located = []
    for c in changes:
        start, end = c.start, c.end
        for edits in reversed(rounds):
            start, end = _back(start, edits, at_end=False), _back(end, edits, at_end=True)
        located.append((replace(c, before=draft[start:end], after=text[c.start:c.end]), start, end))
    return [c for i, (c, start, end) in enumerate(located) if not _inside_another(i, located)]


def _inside_another(i: int, located: Sequence[tuple[Change, int, int]]) -> bool:
    """Whether change ``i`` lies inside another one, in the draft and in the result: a later round
    rewrote the words it wrote («в ходе» → «во время», then the whole passive clause), or two rules
    ended on one span («в период» → «во время», «во время проведения» → «во время»).  The bigger
    change (the first of equal ones) shows both; listing both showed one word against a sentence."""
    c, start, end = located[i]
    for k, (o, o_start, o_end) in enumerate(located):
        if k == i or not (o_start <= start and end <= o_end and o.start <= c.start and c.end <= o.end):
            continue
        if (o_end - o_start, o.end - o.start) != (end - start, c.end - c.start) or k < i:
            return True
    return False


@dataclass(frozen=True)
class FixResult:
    """What ``kanclint.fix`` returns: the new text, what was applied, what remains."""

    text: str
    applied: tuple[Diagnostic, ...]
    remaining: tuple[Diagnostic, ...]
    rounds: int
    changes: tuple[Change, ...] = ()  # the applied fixes located in ``text``, for review

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def keep_facts(text: str, diagnostics: Sequence[Diagnostic], exempt: Sequence[str] = (),
               quotations: Callable[[], SpanIndex] | None = None) -> list[Diagnostic]:
    """The findings with every fix that would change a fact of ``text`` taken back.

    Such a fix is never applied, by any rule, whatever its applicability: a single-edit
    replacement of the finding's own span stays on offer as an option for the author to
    choose (``suggestions``), anything else is dropped.  The rest pass unchanged.
    ``quotations`` gives the text's quotations when a fix needs them (the engine passes the
    document's own, which the phrase rules have usually found already).
    """
    kept: list[Diagnostic] = []
    quotes: SpanIndex | None = None
    for d in diagnostics:
        if d.fix is None:
            kept.append(d)
            continue
        if quotes is None:
            quotes = quotations() if quotations is not None else SpanIndex(quoted_spans(text))
        if all(facts_mod.plain_edit(text, e.start, e.end, quotes) for e in d.fix.edits) \
                or fix_keeps_facts(text, d.fix.edits, exempt):
            kept.append(d)
            continue
        edits = d.fix.edits
        option = edits[0].replacement if len(edits) == 1 and (edits[0].start, edits[0].end) == (d.start, d.end) else None
        options = d.suggestions if option is None or option in d.suggestions else (option, *d.suggestions)
        kept.append(replace(d, fix=None, suggestions=options))
    return kept


FACT_WINDOW = 200  # characters of context on each side of an edit in which facts are compared


def fix_keeps_facts(text: str, edits: Sequence[Edit], exempt: Sequence[str] = ()) -> bool:
    """Whether applying ``edits`` to ``text`` keeps every fact (checked around the edits only).

    The window reaches to line breaks where they are near and is the same stretch of the
    text before and after, so what lies outside the edits counts the same on both sides
    and a long text costs no more per fix than a post.
    """
    if not edits:
        return True
    start = min(e.start for e in edits)
    end = max(e.end for e in edits)
    lo = text.rfind("\n", max(0, start - FACT_WINDOW), start) + 1 or max(0, start - FACT_WINDOW)
    hi = text.find("\n", end, end + FACT_WINDOW)
    if hi < 0:
        hi = min(len(text), end + FACT_WINDOW)
    while lo > 0 and not text[lo - 1].isspace() and lo > start - 2 * FACT_WINDOW:
        lo -= 1  # never cut a word or a number in two
    while hi < len(text) and not text[hi].isspace() and hi < end + 2 * FACT_WINDOW:
        hi += 1
    before = text[lo:hi]
    after = apply_edits(before, [Edit(e.start - lo, e.end - lo, e.replacement) for e in edits])
    return not facts_mod.lost(before, after, exempt)
