"""Formats for machines: JSON Lines, GitHub workflow annotations, SARIF 2.1.0, JUnit XML."""

from __future__ import annotations

import json
from typing import Any, Iterable

from kanclint.engine.registry import all_rules
from kanclint.model import Diagnostic, Report, Severity, line_index
from kanclint.version import __version__

_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def format_json_lines(reports: Iterable[Report], errors: list[tuple[str, str]]) -> str:
    """Per file, one ``"kind": "diagnostic"`` object per finding (with its path), then one
    ``"kind": "file"`` object with the score (the JSON file record without its diagnostics,
    with their count), so a clean file still has its line; then one per unreadable file.
    """
    lines = []
    for r in reports:
        record = r.to_dict()
        diagnostics = record.pop("diagnostics")
        for d in diagnostics:
            lines.append(json.dumps({"kind": "diagnostic", "path": r.path, **d}, ensure_ascii=False))
        lines.append(json.dumps({"kind": "file", **record, "findings": len(diagnostics)}, ensure_ascii=False))
    for path, message in errors:
        lines.append(json.dumps({"kind": "file", "path": path, "error": message}, ensure_ascii=False))
    return "\n".join(lines)


def _gh_escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(reports: Iterable[Report], errors: list[tuple[str, str]]) -> str:
    lines = []
    for r in reports:
        index = line_index(r.text)
        for d in r.diagnostics:
            line, col = index.line_column(d.start)
            end_line, end_col = index.line_column(d.end)
            lines.append(
                f"::{_GITHUB_LEVEL[d.severity]} file={_gh_escape(r.path or '-', True)},line={line},col={col},"
                f"endLine={end_line},endColumn={end_col},title={_gh_escape(f'{d.code} {d.name}', True)}::"
                f"{_gh_escape(d.message)}"
            )
    for path, message in errors:
        lines.append(f"::error file={_gh_escape(path, True)}::{_gh_escape(message)}")
    return "\n".join(lines)


def format_sarif(reports: Iterable[Report], errors: list[tuple[str, str]]) -> str:
    reports = list(reports)
    rules = list(all_rules())
    index = {r.code: i for i, r in enumerate(rules)}
    descriptors = [_sarif_rule(r) for r in rules]
    results = []
    for rep in reports:
        lines = line_index(rep.text)
        for d in rep.diagnostics:
            results.append(_sarif_result(rep, d, lines, index))
    notifications = [
        {"level": "error", "message": {"text": message}, "locations": [
            {"physicalLocation": {"artifactLocation": {"uri": path}}}]}
        for path, message in errors
    ]
    run = {
        "tool": {"driver": {
            "name": "kanclint", "version": __version__, "informationUri": "https://github.com/kanclint/kanclint",
            "rules": descriptors,
        }},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [{"executionSuccessful": not errors, "toolExecutionNotifications": notifications}],
    }
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)


def format_junit(reports: Iterable[Report], errors: list[tuple[str, str]]) -> str:
    """One test case per file; findings at warning or above are failures."""
    from xml.sax.saxutils import escape, quoteattr  # here: it pulls in urllib and ssl, a cost every run paid

    reports = list(reports)
    cases = []
    failures = 0
    for r in reports:
        name = quoteattr(r.path or "stdin")
        bad = [d for d in r.diagnostics if d.severity.rank >= Severity.WARNING.rank]
        if not bad:
            cases.append(f'  <testcase classname="kanclint" name={name} />')
            continue
        failures += 1
        index = line_index(r.text)
        body = "\n".join(
            "{}:{}: {} [{}] {}".format(*index.line_column(d.start), d.code, d.severity.value, d.message)
            for d in bad
        )
        cases.append(
            f'  <testcase classname="kanclint" name={name}>\n'
            f'    <failure message={quoteattr(f"{r.score_phrase}, замечаний: {len(bad)}")}>{escape(body)}</failure>\n'
            f"  </testcase>"
        )
    for path, message in errors:
        cases.append(f'  <testcase classname="kanclint" name={quoteattr(path)}>\n'
                     f'    <error message={quoteattr(message)} />\n  </testcase>')
    header = (f'<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="kanclint" tests="{len(cases)}" '
              f'failures="{failures}" errors="{len(errors)}">')
    return "\n".join([header, *cases, "</testsuite>"])


def _sarif_rule(r: Any) -> dict[str, Any]:
    """A rule as a SARIF reportingDescriptor."""
    return {
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.title},
        "fullDescription": {"text": r.what},
        "help": {"text": f"{r.why}\n\nПример: {r.example}\nКак лучше: {r.instead}"},
        "helpUri": getattr(r, "url", None) or "",
        "defaultConfiguration": {"level": _SARIF_LEVEL[Severity.parse(r.severity)]},
        "properties": {"category": r.category},
    }


def _sarif_result(rep: Report, d: Diagnostic, lines: Any, index: dict[str, int]) -> dict[str, Any]:
    """One finding as a SARIF result, with its fix as artifactChanges."""
    line, col = lines.line_column(d.start)
    end_line, end_col = lines.line_column(d.end)
    result: dict[str, Any] = {
        "ruleId": d.code,
        "level": _SARIF_LEVEL[d.severity],
        "message": {"text": d.message},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": rep.path or "stdin"},
                "region": {
                    "startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col,
                    "charOffset": d.start, "charLength": d.end - d.start,
                    "snippet": {"text": d.match},
                },
            }
        }],
    }
    if d.code in index:
        result["ruleIndex"] = index[d.code]
    if d.fix is not None:
        result["fixes"] = [{
            "description": {"text": d.fix.title},
            "artifactChanges": [{
                "artifactLocation": {"uri": rep.path or "stdin"},
                "replacements": [{
                    "deletedRegion": {"charOffset": e.start, "charLength": e.end - e.start},
                    "insertedContent": {"text": e.replacement},
                } for e in d.fix.edits],
            }],
        }]
    return result
