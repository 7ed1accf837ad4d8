"""Rule documentation in ruff's fixed sections, generated from the rules themselves.

The same text serves ``kanclint rule KC101``, the pages in ``docs/rules/`` and
the editor hover, so they can never disagree; a test fails when a page in
``docs/`` is stale or a section is empty.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kanclint.engine.registry import all_rules
from kanclint.engine.score import category_title, group_of
from kanclint.model import Severity
from kanclint.text.russian import plural

SECTIONS = ("Что ищет", "Чем вредит посту", "Пример", "Как лучше", "Безопасность исправления")


NO_FIX = (
    "Правило не исправляет текст само: как переписать фразу, решает автор. "
    "`kanclint --fix` эти находки не трогает."
)


def fix_safety(rule: Any) -> str:
    """The «Безопасность исправления» section, as ruff's "Fix safety": what ``--fix`` may change.

    A code rule that fixes says so in ``fix_safety``; a dictionary is counted entry by entry.
    """
    told = str(getattr(rule, "fix_safety", "") or "").strip()
    if told:
        return told
    entries = list(getattr(rule, "entries", ()))
    if not entries:
        return NO_FIX
    fixing = [e for e in entries if e.autofix and e.replacements]
    safe = sum(1 for e in fixing if e.safe)
    counts = (
        f"Безопасных исправлений (`kanclint --fix`) — {safe}, требующих проверки (`--fix --unsafe-fixes`) — "
        f"{len(fixing) - safe}, только подсказок — {len(entries) - len(fixing)} из "
        f"{plural(len(entries), 'записи', 'записей', 'записей')}."
    )
    return (
        f"{counts} Замена ставится в форму заменяемого слова (падеж, число, род); если у слова несколько "
        "разборов, дающих разные формы, или нужную форму построить нельзя, безопасное исправление "
        "становится требующим проверки или подсказкой."
    )


def rule_markdown(rule: Any, max_entries: int | None = None) -> str:
    severity = Severity.parse(rule.severity).value
    lines = [
        f"# {rule.code} {rule.name}",
        "",
        f"**{rule.title}** · категория `{rule.category}` · уровень `{severity}`",
        "",
        f"## {SECTIONS[0]}",
        "",
        rule.what.strip(),
        "",
        f"## {SECTIONS[1]}",
        "",
        rule.why.strip(),
        "",
        f"## {SECTIONS[2]}",
        "",
        _quote(rule.example),
        "",
        f"## {SECTIONS[3]}",
        "",
        _quote(rule.instead),
        "",
        f"## {SECTIONS[4]}",
        "",
        fix_safety(rule),
        "",
    ]
    options = getattr(rule, "options", {})
    if options:
        lines += ["## Настройки", "", "| настройка | по умолчанию |", "|---|---|"]
        for key, attr in options.items():
            lines.append(f"| `{key}` | {getattr(rule, attr)} |")
        first = next(iter(options))
        lines += [
            "",
            "В `pyproject.toml` (или без `tool.kanclint.` в `kanclint.toml`):",
            "",
            "```toml",
            f"[tool.kanclint.rule-options.{rule.name}]",
            f"{first} = {getattr(rule, options[first])}",
            "```",
            "",
        ]
    lines += _entries_table(rule, max_entries)
    return "\n".join(lines)


def _entries_table(rule: Any, max_entries: int | None) -> list[str]:
    """A dictionary rule's entries as a table: pattern, replacement, an example with its fix."""
    entries = list(getattr(rule, "entries", ()))
    lines: list[str] = []
    if entries:
        shown = entries if max_entries is None else entries[:max_entries]
        lines += [f"## Словарь ({plural(len(entries), 'запись', 'записи', 'записей')})", "", "| шаблон | замена | пример |", "|---|---|---|"]
        for e in shown:
            pattern = " / ".join(p.source for p in e.patterns)
            repl = " / ".join(r if r else "(убрать)" for r in e.replacements) or "—"
            bad = next((x for x in e.examples if x.bad), None)
            example = ""
            if bad is not None:
                example = bad.text[: bad.span[0]] + "**" + bad.text[bad.span[0]: bad.span[1]] + "**" + bad.text[bad.span[1]:]
                if bad.fix:
                    example += f" → {bad.fix}"
            lines.append(f"| `{_cell(pattern)}` | {_cell(repl)} | {_cell(example)} |")
        if len(shown) < len(entries):
            lines.append(f"| … | ещё {len(entries) - len(shown)} | |")
        lines.append("")
    return lines


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.strip().splitlines())


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def doc_filename(rule: Any) -> str:
    return f"{rule.code}-{rule.name}.md"


def rule_pages() -> dict[str, str]:
    """Every docs/rules page, by file name, plus the index ``README.md``."""

    pages: dict[str, str] = {}
    index = ["# Правила kanclint", "", "| код | имя | категория | уровень | что ищет |", "|---|---|---|---|---|"]
    for rule in all_rules():
        if not rule.code.startswith("KC"):
            continue  # third-party rules document themselves
        name = doc_filename(rule)
        pages[name] = rule_markdown(rule)
        index.append(
            f"| [{rule.code}]({name}) | `{rule.name}` | `{rule.category}` | "
            f"{Severity.parse(rule.severity).value} | {_cell(rule.title)} |"
        )

    index += ["", "## Категории", "", "| категория | название | правила | группа оценки |", "|---|---|---|---|"]
    by_category: dict[str, list[str]] = {}
    for rule in all_rules():
        by_category.setdefault(rule.category, []).append(f"[{rule.code}]({doc_filename(rule)})")
    for category, codes in sorted(by_category.items()):
        group = "—" if category == "meta" else f"`findings-{group_of(category)}`"
        index.append(f"| `{category}` | {category_title(category)} | {', '.join(codes)} | {group} |")
    pages["README.md"] = "\n".join(index) + "\n"
    return pages


def write_pages(folder: str) -> list[str]:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    pages = rule_pages()
    for old in out.glob("KC*.md"):
        if old.name not in pages:
            old.unlink()
    for name, text in pages.items():
        (out / name).write_text(text, encoding="utf-8")
    return sorted(pages)


if __name__ == "__main__":  # python -m kanclint.docs docs/rules
    import sys

    for name in write_pages(sys.argv[1] if len(sys.argv) > 1 else "docs/rules"):
        print(name)
