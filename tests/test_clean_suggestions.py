"""Issue #12: no proposal of kanclint is flagged by another kanclint rule.

Every replacement of every dictionary entry is applied to each of the entry's `bad` examples,
and the proposals of the code rules that write words (KC201's rewrites, KC304's «мы», the advice
templates of KC301/KC305) are applied to sentences written here; the text after each proposal
is linted again.  What «flagged» means (and the shape rules that may stay) is in
tests/clean_suggestions.py.
"""

from __future__ import annotations

import pytest
from clean_suggestions import SHAPE_RULES, _check, flagged, proposals

import kanclint
from kanclint import Config, Diagnostic, Severity
from kanclint.dictionaries import builtin_files, read_dictionary
from kanclint.rules.phrases import PhraseRule
from kanclint.rules.phrases.cleaning import clean_edits, clean_phrase
from kanclint.text.document import Document

DEFAULT = Config(use_ignore_file=False)
WE = Config(use_ignore_file=False, we=True)
DICTIONARIES = [read_dictionary(p) for p in builtin_files()]


def _entry_proposals(dictionary):
    """(entry id, example, proposal, what flags it) for every flagged proposal of the file's entries."""
    found = []
    for entry in dictionary.entries:
        rule = PhraseRule(dictionary.spec, [entry])
        for example in entry.examples:
            if not example.bad:
                continue
            hits = [d for d in rule.check(Document(example.text, skip=())) if (d.start, d.end) == example.span]
            if not hits:
                continue  # the examples' own test reports this
            before = kanclint.lint(example.text, config=DEFAULT).diagnostics
            for proposal, after, edits in proposals(example.text, hits[0]):
                for f in _check(dictionary.spec.code, proposal, example.text, after, edits, before, DEFAULT):
                    found.append((entry.id, example.text, proposal, f.by))
    return found


@pytest.mark.parametrize("dictionary", DICTIONARIES, ids=lambda d: d.spec.name)
def test_no_dictionary_replacement_is_flagged_by_another_rule(dictionary):
    assert _entry_proposals(dictionary) == []


PASSIVES = [
    "Мероприятие было проведено администрацией района.",
    "Ремонт осуществляется подрядной организацией.",
    "Решение принимается комиссией.",
    "Нами была проведена проверка столовой.",
    "Мной было принято решение о переносе.",
    "Проверка будет проведена прокуратурой города в мае.",
    "Решение было принято на сессии.",
    "Будут приняты меры.",
    "Жителям будет оказана помощь.",
    "Ремонт дороги будет проведён летом.",
    "Заявки будут рассмотрены до пятницы.",
    "Нами была оказана помощь семьям погорельцев.",
]


@pytest.mark.parametrize("config", [DEFAULT, WE], ids=["default", "we"])
@pytest.mark.parametrize("text", PASSIVES)
def test_kc201_proposals_are_clean(text, config):
    assert flagged(text, config, only="KC201") == []


SELF = [
    ("Администрация района осуществляет приём граждан по понедельникам.", WE),
    ("Администрация района проводит мониторинг цен.", WE),
    ("Школа провела проверку столовой.", WE),
    ("Министерство доводит до вашего сведения, что приём переносится.", WE),
    ("Администрация района информирует жителей о графике.", WE),
    ("Администрация района оказывает помощь семьям.", Config(use_ignore_file=False, author="Администрация Тальменского района")),
    ("Глава района проводит приём граждан.", Config(use_ignore_file=False, author="Глава Тальменского района")),
    ("Администрация района осуществляет приём граждан по понедельникам.", DEFAULT),
    ("Праздник прошёл при поддержке администрации района.", Config(use_ignore_file=False, author="Администрация Тальменского района")),
    ("23 мая администрация района провела проверку дорог.", WE),
    ("Администрация района провела опрос.", Config(use_ignore_file=False, author="Администрация Тальменского района")),
    ("В этом году администрация района провела опрос жителей.", Config(use_ignore_file=False, author="Администрация Тальменского района")),
    ("Депутат Пётр Волков встретился с жителями.", Config(use_ignore_file=False, author="Пётр Волков")),
]


@pytest.mark.parametrize("text, config", SELF)
def test_kc304_proposals_are_clean(text, config):
    assert [d for d in kanclint.lint(text, config=config).diagnostics if d.code == "KC304"]
    assert flagged(text, config, only="KC304") == []


def test_kc304_advice_names_the_plain_verb_not_the_bureaucratic_one():
    (d,) = [d for d in kanclint.lint("Администрация района осуществляет приём граждан.", config=DEFAULT).diagnostics
            if d.code == "KC304"]
    assert "«Принимаем граждан»" in d.message
    assert "осуществляем" not in d.message
    assert d.fix is None  # no configuration: advice only
    assert "we = true" in d.message


def test_kc201_advice_names_no_body_in_the_third_person():
    """Its old sample doer «Администрация района проведёт…» was itself KC304's find."""
    (d,) = [d for d in kanclint.lint("Ремонт дороги будет проведён летом.", config=DEFAULT).diagnostics if d.code == "KC201"]
    assert "Администрация" not in d.message
    assert "«Мы проведём…»" in d.message


def test_the_check_catches_a_flagged_proposal():
    """The helper is not vacuous: a proposal that writes канцелярит is reported."""
    text = "Школа принимает документы по будням."
    bad = Diagnostic("KC999", "test", "test", Severity.INFO, 6, 15, "принимает", "test", suggestions=("осуществляет приём",))
    (proposal, after, edits), = proposals(text, bad)
    assert after == "Школа осуществляет приём документы по будням."
    found = _check("KC999", proposal, text, after, edits, kanclint.lint(text, config=DEFAULT).diagnostics, DEFAULT)
    assert found and any(code.startswith("KC1") for code, _ in found[0].by)


def test_shape_rules_are_sentence_and_post_rules_only():
    codes = {r.code for r in kanclint.all_rules()}
    assert SHAPE_RULES <= codes
    assert not {c for c in SHAPE_RULES if c.startswith("KC1")}


def test_clean_edits_rewrites_the_written_words_only():
    text = "Администрация района осуществляет приём граждан."
    from kanclint import Edit

    edit = clean_edits(text, 0, len(text), [Edit(0, 33, "Осуществляем")])
    assert edit is not None and kanclint.model.apply_edits(text, [edit]) == "Принимаем граждан."
    # the author's own канцелярит around the edit is not the edit's business
    text = "Данная школа приглашает детей."
    edit = clean_edits(text, 0, len(text), [Edit(13, 23, "зовёт")])
    assert edit == Edit(13, 23, "зовёт")


def test_clean_phrase_gives_none_when_no_dictionary_fix_exists():
    assert clean_phrase("Мы проведём") == "Мы проведём"
    assert clean_phrase("Мы оказываем помощь") == "Мы помогаем"
    # «граждан» written by the advice itself is flagged and has no fix: no clean phrase
    assert clean_phrase("Мы принимаем граждан") is None
