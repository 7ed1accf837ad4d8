"""Formatters: turn Reports into text for people (full, concise) or machines (json)."""

from __future__ import annotations

import json
import os
import sys
import unicodedata
from collections import Counter
from typing import Iterable

import click

from kanclint.engine.running import to_json
from kanclint.engine.score import GROUP_TITLES, category_title
from kanclint.model import Diagnostic, Report, line_index

FORMATS = ("full", "concise", "json", "json-lines", "github", "sarif", "junit")


WINDOW = 100  # columns of a long source line shown around a finding, as ruff does
_BEFORE = 40  # of which, at most this many before the finding's start
ELLIPSIS = "…"

# One visible, one-column stand-in per control character, so a post cannot drive the
# terminal (ESC [ … m colours, ESC ] … BEL titles, a lone CR rewriting the line) and
# the carets stay under the finding: the mapping is one code point to one code point.
_CONTROL_PICTURES = {c: chr(0x2400 + c) for c in range(0x20)}  # ␀ … ␟ (␛ for ESC)
_CONTROL_PICTURES[0x7F] = "\u2421"  # ␡
_CONTROL_PICTURES[0x09] = " "  # a tab's width depends on the terminal: one space keeps the carets right
_REPLACED = {**_CONTROL_PICTURES, **{c: "\ufffd" for c in range(0x80, 0xA0)}}  # C1 controls
# bidirectional overrides and isolates (Trojan Source), line and paragraph separators
_REPLACED.update({c: "\ufffd" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x2028, 0x2029)})


def printable(text: str) -> str:
    """``text`` with every control character replaced by a visible placeholder of the same length."""
    return text.translate(_REPLACED)


def _window(line: str, col: int, width: int) -> tuple[str, int, int]:
    """A window of at most :data:`WINDOW` code points of ``line`` around ``[col, col + width)``.

    Returns the text to print (with «…» where the line was cut) and where the
    finding starts and how long it is inside that text, in code points.
    """
    if len(line) <= WINDOW:
        return line, col, width
    lo = max(0, col - _BEFORE)
    hi = min(len(line), lo + WINDOW)
    lo = max(0, hi - WINDOW)
    head = ELLIPSIS if lo > 0 else ""
    tail = ELLIPSIS if hi < len(line) else ""
    shown = min(width, hi - col)
    return head + line[lo:hi] + tail, col - lo + len(head), shown


_SEVERITY_COLOR = {"error": "red", "warning": "yellow", "info": "cyan"}


def format_full(report: Report, color: bool = False) -> str:
    """Each finding with its place in the source: a window of the line and carets under the match.

    Only a window of a long line is printed (a one-line post of 70 KB used to be
    printed whole for every finding), and control characters of the post are
    shown as placeholders, never sent to the terminal.
    """

    def paint(s: str, **style: object) -> str:
        return click.style(s, **style) if color else s  # type: ignore[arg-type]

    out: list[str] = []
    path = printable(report.path or "<stdin>")
    text = report.text
    lines = line_index(text)
    for d in report.diagnostics:
        line, col = lines.line_column(d.start)
        end_line, end_col = lines.line_column(d.end)
        start = lines.line_start(line)
        src = text[start : lines.line_end(line)].rstrip("\r")
        begin = col - 1
        width = (end_col - col) if end_line == line else len(src) - begin
        shown, at, length = _window(src, begin, max(0, min(width, len(src) - begin)))
        shown = printable(shown)
        severity = d.severity.value
        out.append(
            f"{paint(f'{path}:{line}:{col}:', bold=True)} "
            f"{paint(f'{d.code} [{severity}]', fg=_SEVERITY_COLOR.get(severity), bold=True)} "
            f"{printable(d.message)}"
        )
        gutter = f"{line:>4} | "
        out.append(paint(gutter, fg="blue") + shown)
        carets = "^" * max(1, _display_width(shown[at : at + length]))
        out.append(paint(" " * (len(gutter) - 2) + "| ", fg="blue") + " " * _display_width(shown[:at])
                   + paint(carets, fg=_SEVERITY_COLOR.get(severity), bold=True))
        if d.fix is not None:
            out.append(f"     = исправление ({_applicability(d)}): {printable(d.fix.title)}")
        for s in d.suggestions:
            out.append(f"     = вариант: «{printable(s)}»" if s else "     = вариант: убрать")
        out.append("")
    out.append(summary(report))
    return "\n".join(out)


_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\ufe0f")  # joiners, zero-width spaces, emoji style


def _display_width(s: str) -> int:
    """Columns a terminal gives ``s``: wide emoji take two, combining marks none."""

    width = 0
    for ch in s:
        if unicodedata.combining(ch) or ch in _ZERO_WIDTH:
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def use_color(choice: str = "auto", stream: object = None) -> bool:
    """``--color``: ``always``, ``never``, or ``auto`` — a terminal and no ``NO_COLOR`` (no-color.org)."""

    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    stream = stream if stream is not None else sys.stdout
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _applicability(d: Diagnostic) -> str:
    return "безопасное" if d.fix and d.fix.applicability.value == "safe" else "проверьте"


SUMMARY_REASONS = 8


def summary(report: Report) -> str:
    path = printable(report.path or "<stdin>")
    n = len(report.diagnostics)
    head = f"{path}: {report.score_phrase}, замечаний: {n}"
    if report.subscores and report.score is not None and report.score < 10.0:
        head += "\n  " + " · ".join(f"{GROUP_TITLES.get(k, k)} {v:.1f}" for k, v in report.subscores.items())
    if report.reasons:  # the biggest first; the rest is in --output-format json
        shown = report.reasons[:SUMMARY_REASONS]
        head += "\n  " + "\n  ".join(printable(r) for r in shown)
        if len(report.reasons) > len(shown):
            head += f"\n  … и ещё {len(report.reasons) - len(shown)} (подробно: --output-format json)"
    return head


def format_concise(report: Report) -> str:
    path = printable(report.path or "<stdin>")
    index = line_index(report.text)
    lines = []
    for d in report.diagnostics:
        line, col = index.line_column(d.start)
        lines.append(f"{path}:{line}:{col}: {d.code} [{d.severity.value}] {printable(d.message)}")
    lines.append(f"{path}: {report.score_phrase}")
    return "\n".join(lines)


def format_json(reports: Iterable[Report], errors: list[tuple[str, str]]) -> str:
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


__all__ = ["FORMATS", "format_full", "printable", "use_color", "format_concise", "format_json", "statistics", "summary", "category_title"]
