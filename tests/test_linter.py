"""kanclint.Linter: the object a long-lived caller holds (issue #11) — its configuration, its
paragraph cache and the moment its rules and data were read, which refresh() renews."""

from __future__ import annotations

import pytest

import kanclint
from kanclint import Config, Linter
from kanclint.engine import registry
from kanclint.engine.session import DATA_CACHES

POST = "Данный пост осуществляет информирование.\n\nМы ждём вас в субботу!\n\nАдминистрация района провела встречу."


def test_a_linter_reports_what_kanclint_lint_reports():
    assert Linter().lint(POST).to_dict() == kanclint.lint(POST).to_dict()
    assert Linter(incremental=True).lint(POST).to_dict() == kanclint.lint(POST).to_dict()


def test_its_configuration_applies_unless_a_call_names_another():
    only_caps = Config(select=("KC407",))
    linter = Linter(only_caps)
    assert not linter.lint(POST).diagnostics
    assert linter.lint(POST, config=Config()).diagnostics
    assert linter.fix(POST).text == POST  # nothing selected, nothing fixed


def test_an_incremental_linter_rechecks_only_the_edited_paragraph():
    linter = Linter(incremental=True)
    linter.lint(POST)
    cache = linter.paragraph_cache
    misses = cache.misses
    edited = POST.replace("в субботу", "в воскресенье")
    assert linter.lint(edited).to_dict() == kanclint.lint(edited).to_dict()
    assert cache.misses - misses == 1


def test_refresh_forgets_rules_data_and_results():
    linter = Linter(incremental=True)
    linter.lint(POST)
    assert registry.all_rules.cache_info().currsize
    linter.refresh()
    assert linter.generation == 1
    assert all(c.cache_info().currsize == 0 for c in DATA_CACHES)  # type: ignore[attr-defined]
    misses = linter.paragraph_cache.misses
    assert linter.lint(POST).to_dict() == kanclint.lint(POST).to_dict()
    assert linter.paragraph_cache.misses - misses == 3  # every paragraph checked again


def test_fix_uses_the_linter_and_reports_changes():
    result = Linter(incremental=True).fix("Данный пост.", unsafe=True)
    assert result.text == "Этот пост." and [c.code for c in result.changes] == ["KC101"]


def test_a_wrong_config_type_is_a_clear_error():
    with pytest.raises(TypeError, match="kanclint.Config"):
        Linter({"select": ["KC1"]})  # type: ignore[arg-type]
