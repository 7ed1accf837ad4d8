"""Every example of every entry of every shipped dictionary, plus the size and shape of the data."""

from collections import Counter

import pytest

from kanclint.dictionaries import builtin_files, read_dictionary
from kanclint.rules.phrases import example_problems

DICTIONARIES = [read_dictionary(p) for p in builtin_files()]
ENTRIES = [(d.spec, e) for d in DICTIONARIES for e in d.entries]


@pytest.mark.parametrize("dictionary", DICTIONARIES, ids=lambda d: d.spec.name)
def test_file_has_no_problems(dictionary):
    assert dictionary.problems == []


@pytest.mark.parametrize("spec, entry", ENTRIES, ids=[f"{s.code}:{e.id}" for s, e in ENTRIES])
def test_entry_examples(spec, entry):
    assert example_problems(spec, entry) == []


def test_size_and_replacement_share():
    assert len(ENTRIES) >= 600
    with_replacement = sum(1 for _, e in ENTRIES if e.replacements)
    assert with_replacement / len(ENTRIES) >= 0.8


def test_every_category_of_the_issue_is_covered():
    categories = Counter(d.spec.category for d in DICTIONARIES)
    expected = {
        "bureaucratese", "formula", "verbal-noun", "derived-preposition", "cliche", "time-filler",
        "evaluation", "intensifier", "filler", "vagueness", "modality", "pleonasm",
    }
    assert expected <= set(categories)
    sizes = Counter()
    for spec, _ in ENTRIES:
        sizes[spec.category] += 1
    assert all(sizes[c] >= 30 for c in expected), sizes


def test_codes_and_names_are_unique():
    codes = [d.spec.code for d in DICTIONARIES]
    names = [d.spec.name for d in DICTIONARIES]
    assert len(set(codes)) == len(codes) and len(set(names)) == len(names)


@pytest.mark.parametrize(
    "text",
    [
        "Ну что, друзья, мы открыли каток! Кстати, вы уже были? 😀",
        "Давайте вместе уберём двор в субботу.",
        "В этом здании раньше была школа, а давление в трубах теперь в норме.",
        "Новое поколение читателей любит комиксы.",
        "Этот факт нас порадовал.",
        "Программное обеспечение обновили, социальное обеспечение выплатят вовремя.",
        "Данные о погоде обновляются каждый час.",
    ],
)
def test_conversational_text_and_look_alikes_stay_clean(text):
    import kanclint
    from kanclint import Config

    report = kanclint.lint(text, config=Config(select=("KC1",), use_ignore_file=False))
    assert [(d.code, d.match) for d in report.diagnostics] == []
