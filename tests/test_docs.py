"""Every rule is documented in ruff's four sections, and docs/rules is up to date."""

from pathlib import Path

import pytest

from kanclint.docs import SECTIONS, rule_pages
from kanclint.engine.registry import all_rules

DOCS = Path(__file__).resolve().parents[1] / "docs" / "rules"


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_rule_has_every_section(rule):
    for attr in ("title", "what", "why", "example", "instead"):
        assert str(getattr(rule, attr, "")).strip(), f"{rule.code} has no `{attr}`"


def test_docs_pages_are_current():
    pages = rule_pages()
    stale = [name for name, text in pages.items() if not (DOCS / name).is_file() or (DOCS / name).read_text(encoding="utf-8") != text]
    assert not stale, f"run `python -m kanclint.docs docs/rules`; stale: {stale}"
    for name, text in pages.items():
        if name != "README.md":
            for section in SECTIONS:
                assert f"## {section}" in text


def test_every_category_has_a_docs_page():
    text = (DOCS / "README.md").read_text(encoding="utf-8")
    for rule in all_rules():
        if rule.code.startswith("KC"):
            assert f"`{rule.category}`" in text, rule.category


def test_signals_page_is_current():
    from kanclint.engine.signals import markdown

    page = Path(__file__).resolve().parents[1] / "docs" / "signals.md"
    assert page.read_text(encoding="utf-8") == markdown(), "run `python -m kanclint.engine.signals > docs/signals.md`"


def test_entry_counts_agree_with_their_number():
    """«83 записи», «238 записей», «21 запись»: one plural helper everywhere."""
    import re

    from kanclint.text.russian import plural

    for name, text in rule_pages().items():
        for n, word in re.findall(r"Словарь \((\d+) (\w+)\)", text):
            assert f"{n} {word}" == plural(int(n), "запись", "записи", "записей"), name
    assert plural(83, "запись", "записи", "записей") == "83 записи"
    assert plural(111, "запись", "записи", "записей") == "111 записей"


def test_rules_listing_counts_entries_with_the_plural_helper():
    import re

    from click.testing import CliRunner

    from kanclint.cli import main
    from kanclint.text.russian import plural

    out = CliRunner().invoke(main, ["rules"]).output
    counts = re.findall(r"\((\d+) (запис\w*)\)", out)
    assert counts
    for n, word in counts:
        assert f"{n} {word}" == plural(int(n), "запись", "записи", "записей")
