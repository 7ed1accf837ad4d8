"""Issue #12 on whole posts: what `--fix` applies without review (safe) and what it leaves to the author.

A safe fix is applied by `kanclint --fix` without a look from the author, so a replacement whose
sense depends on context must not be one; these are the cases found wrong-but-safe on whole posts.
"""

from __future__ import annotations

import pytest

import kanclint
from kanclint import Config
from kanclint.text.facts import lost

_ISOLATED = Config(use_ignore_file=False)


@pytest.mark.parametrize("text", [
    # the rules of благоустройства mean the ground around a house, also outside a private fence
    "Во вторник на придомовой территории покрасили скамейки.",
    "Вывоз веток с придомовых территорий начнётся в мае.",
])
def test_context_dependent_replacement_is_not_safe(text: str) -> None:
    assert kanclint.fix(text, config=_ISOLATED).text == text
    assert kanclint.fix(text, config=_ISOLATED, unsafe=True).text != text  # still offered for review


def test_the_laws_ground_is_only_offered() -> None:
    """In a rule or a duty, or by a private house, «придомовая территория» is the law's ground:
    «во дворе» stays an option the author may take, never a fix."""
    text = "Складирование дров на придомовой территории запрещено правилами благоустройства."
    assert kanclint.fix(text, config=_ISOLATED, unsafe=True).text == text
    found = [d for d in kanclint.lint(text, config=_ISOLATED).diagnostics if d.code == "KC101"]
    assert found and found[0].fix is None and "во дворе" in found[0].suggestions


def test_counted_cases_keep_their_count_in_a_safe_fix() -> None:
    result = kanclint.fix("В большинстве случаев аферисты звонили вечером.", config=_ISOLATED)
    assert result.text == "Чаще всего аферисты звонили вечером."
    assert all(change.safe for change in result.changes)


def test_a_numbered_name_is_a_fact_no_rewrite_may_part() -> None:
    assert lost("Рекорд установлен ученицей СОШ № 2.", "Ученица СОШ установила рекорд № 2.")
    assert not lost("Рекорд установлен ученицей СОШ № 2.", "Ученица СОШ № 2 установила рекорд.")
    text = "Кубок района завоёван командой ДЮСШ № 3 по итогам сезона."
    assert "ДЮСШ № 3" in kanclint.fix(text, config=_ISOLATED, unsafe=True).text
