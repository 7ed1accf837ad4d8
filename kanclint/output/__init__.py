"""Formatters: turn Reports into text for people (full, concise) or machines (json)."""

from __future__ import annotations

import json
from collections import Counter
from typing import Iterable

from ..model import Diagnostic, Report, line_column
from ..score import GROUP_TITLES, category_title

FORMATS = ("full", "concise", "json", "json-lines", "github", "sarif", "junit")


def _line_text(text: str, line: int) -> str:
    return text.split("\n")[line - 1].rstrip("\r")


def format_full(report: Report, color: bool = False) -> str:
    out: list[str] = []
    path = report.path or "<stdin>"
    for d in report.diagnostics:
        line, col = line_column(report.text, d.start)
        end_line, end_col = line_column(report.text, d.end)
        src = _line_text(report.text, line)
        width = (end_col - col) if end_line == line else len(src) - col + 1
        out.append(f"{path}:{line}:{col}: {d.code} [{d.severity.value}] {d.message}")
        gutter = f"{line:>4} | "
        out.append(f"{gutter}{src}")
        out.append(" " * (len(gutter) - 2) + "| " + " " * _display_width(src[: col - 1]) + "^" * max(1, _display_width(d.match[:width])))
        if d.fix is not None:
            out.append(f"     = исправление ({_applicability(d)}): {d.fix.title}")
        for s in d.suggestions:
            out.append(f"     = вариант: «{s}»" if s else "     = вариант: убрать")
        out.append("")
    out.append(summary(report))
    return "\n".join(out)


def _display_width(s: str) -> int:
    """Columns a terminal gives ``s``: wide emoji take two, combining marks none."""
    import unicodedata

    width = 0
    for ch in s:
        if unicodedata.combining(ch) or ch in "\u200d\ufe0f":
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _applicability(d: Diagnostic) -> str:
    return "безопасное" if d.fix and d.fix.applicability.value == "safe" else "проверьте"


def summary(report: Report) -> str:
    path = report.path or "<stdin>"
    n = len(report.diagnostics)
    head = f"{path}: оценка {report.score_text} из 10, замечаний: {n}"
    if report.subscores and report.score is not None and report.score < 10.0:
        head += "\n  " + " · ".join(f"{GROUP_TITLES.get(k, k)} {v:.1f}" for k, v in report.subscores.items())
    if report.reasons:
        head += "\n  " + "\n  ".join(report.reasons)
    return head


def format_concise(report: Report) -> str:
    path = report.path or "<stdin>"
    lines = []
    for d in report.diagnostics:
        line, col = line_column(report.text, d.start)
        lines.append(f"{path}:{line}:{col}: {d.code} [{d.severity.value}] {d.message}")
    lines.append(f"{path}: оценка {report.score_text}")
    return "\n".join(lines)


def format_json(reports: Iterable[Report], errors: list[tuple[str, str]]) -> str:
    from ..engine import to_json

    return json.dumps(to_json(list(reports), errors), ensure_ascii=False, indent=2)


def statistics(reports: Iterable[Report]) -> str:
    counts: Counter[tuple[str, str]] = Counter()
    fixable: Counter[str] = Counter()
    for r in reports:
        for d in r.diagnostics:
            counts[(d.code, d.name)] += 1
            if d.fix is not None:
                fixable[d.code] += 1
    rows = []
    for (code, name), n in counts.most_common():
        mark = "[*]" if fixable[code] else "   "
        rows.append(f"{n:>5}\t{code}\t{mark} {name}")
    return "\n".join(rows) if rows else "Замечаний нет."


__all__ = ["FORMATS", "format_full", "format_concise", "format_json", "statistics", "summary", "category_title"]
