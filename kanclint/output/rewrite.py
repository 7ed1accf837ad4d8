"""How ``kanclint rewrite`` shows what it did: the text with every change marked, the list of
changes with their rules, the score before and after, and what is left to do by hand.

An editor must be able to review a rewrite at a glance: a change that needs checking is
marked differently from a safe one, in the text and in the list, with or without colour.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Sequence

import click

from kanclint.engine.fixes import Change, FixResult
from kanclint.model import Report, line_column
from kanclint.text.russian import plural

SAFE_MARK = ("⟦", "⟧")
CHECK_MARK = ("⟦?", "⟧")
_SHORT = 60  # longer quotes are cut in the list of changes


def marked_text(text: str, changes: Sequence[Change], *, color: bool = False) -> str:
    """``text`` with each change wrapped: ⟦safe⟧ and ⟦?needs checking⟧ (green and yellow in colour)."""
    out: list[str] = []
    pos = 0
    for c in _outermost(changes):
        out.append(text[pos:c.start])
        opening, closing = SAFE_MARK if c.safe else CHECK_MARK
        piece = f"{opening}{text[c.start:c.end]}{closing}"
        out.append(click.style(piece, fg="green" if c.safe else "yellow") if color else piece)
        pos = c.end
    out.append(text[pos:])
    return "".join(out)


def _outermost(changes: Sequence[Change]) -> list[Change]:
    """Spans to mark: overlapping changes (a later round may edit an edit) become one, which
    needs checking if any of them does."""
    kept: list[Change] = []
    for c in sorted(changes, key=lambda c: (c.start, -c.end)):
        if kept and c.start < kept[-1].end:
            last = kept[-1]
            applicability = last.applicability if c.safe else c.applicability
            kept[-1] = replace(last, end=max(last.end, c.end), applicability=applicability)
            continue
        kept.append(c)
    return kept


def _quote(s: str) -> str:
    s = " ".join(s.split())
    return f"«{s if len(s) <= _SHORT else s[:_SHORT - 1] + '…'}»"


def format_rewrite(result: FixResult, score_before: float | None, after: Report, *, color: bool = False,
                   marks: bool = True, own_voice: tuple[str | None, int] = (None, 0)) -> str:
    """The whole text report of a rewrite (see the module docstring)."""
    lines = [(marked_text(result.text, result.changes, color=color) if marks else result.text).rstrip("\n"), ""]
    changes = result.changes
    safe = sum(1 for c in changes if c.safe)
    if changes:
        lines.append(f"— {plural(len(changes), 'изменение', 'изменения', 'изменений')}: "
                     f"безопасных — {safe}, требуют проверки — {len(changes) - safe}")
        for c in changes:
            line, col = line_column(result.text, c.start)
            label = "безопасно" if c.safe else "проверьте"
            lines.append(f"  {line}:{col} {c.code} {_quote(c.before)} → {_quote(c.after) if c.after else 'удалено'}"
                         f" ({label})")
    else:
        lines.append("— изменений нет")
    if score_before is None and after.score is None:
        lines.append("— оценки нет")
    else:
        before = "нет" if score_before is None else f"{score_before:.1f}"
        lines.append(f"— оценка: {before} → {after.score_text}")
    if after.diagnostics:
        lines.append("— что ещё поправить вручную:")
        for d in after.diagnostics:
            line, col = line_column(result.text, d.start)
            where = f"{line}:{col}" + (f" «{d.match}»" if d.match and len(d.match) < _SHORT else "")
            lines.append(f"  {where}: {d.code} {d.message}")
    lines.extend(_own_voice_line(*own_voice))
    return "\n".join(lines)


def _own_voice_line(author: str | None, more: int) -> list[str]:
    """The hint that a configured author would let the rewrite speak as «мы» / «я» in ``more`` places."""
    if not more:
        return []
    places = plural(more, "место", "места", "мест")
    if author:
        return [f"— если пост пишет «{author}», `kanclint rewrite --author \"{author}\"` перепишет от первого "
                f"лица ещё {places} (в настройках: author = \"{author}\")"]
    return [f"— если пост пишет сама организация, `kanclint rewrite --we` перепишет от первого лица ещё {places} "
            "(в настройках: we = true)"]


def rewrite_json(path: str, result: FixResult, score_before: float | None, after: Report,
                 safe_only: bool) -> dict[str, Any]:
    """The JSON form of a rewrite (schema ``kanclint-rewrite/2``)."""
    return {
        "schema": "kanclint-rewrite/2", "path": path, "text": result.text, "safe_only": safe_only,
        "score_before": score_before, "score_after": after.score,
        "changes": [c.to_dict() for c in result.changes],
        "applied": [{"code": d.code, "match": d.match, "fix": d.fix.to_dict() if d.fix else None}
                    for d in result.applied],
        "advice": [d.to_dict(result.text) for d in after.diagnostics],
    }
