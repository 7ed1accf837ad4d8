"""Issue #12, precision first: a word whose right replacement depends on what is meant is offered
as options to choose from, never applied by --fix or rewrite."""

import pytest

import kanclint
from kanclint import Config

CFG = Config(use_ignore_file=False)

CONTEXT_DEPENDENT = [
    ("Дорожные мероприятия продлятся до июля.", "мероприятия"),
    ("Заявления принимают от граждан старше 18 лет.", "граждан"),
    ("Во все образовательные организации района отправили письма.", "образовательные организации"),
    ("Автобус заедет во все населённые пункты района.", "населённые пункты"),
    ("Заявление подают законные представители ребёнка.", "законные представители"),
    ("Город живёт в преддверии нового учебного года.", "в преддверии"),  # a state of waiting: «перед» loses it
]


@pytest.mark.parametrize("text, words", CONTEXT_DEPENDENT)
def test_context_dependent_words_are_options_never_fixes(text, words):
    report = kanclint.lint(text, config=CFG)
    start = text.index(words)
    on_word = [d for d in report.diagnostics if d.start <= start < d.end]
    assert on_word, "the word is still pointed out"
    assert all(d.fix is None for d in on_word)
    assert any(d.suggestions for d in on_word), "the options are offered"
    fixed = kanclint.fix(text, unsafe=True, config=CFG).text
    assert words in fixed


# «данные» before a plural noun agreeing with it is the demonstrative: fixed as «эти», but only by an
# unsafe fix (the lead's review, h-fresh27); «данные» as data stays in every mode
@pytest.mark.parametrize("text, fixed", [
    ("Данные меры помогут сократить очереди.", "Эти меры помогут сократить очереди."),
    ("Для данных семей предусмотрена скидка на питание.", "Для этих семей предусмотрена скидка на питание."),
])
def test_plural_demonstrative_dannye_is_an_unsafe_fix(text, fixed):
    assert kanclint.fix(text, config=CFG).text == text
    assert kanclint.fix(text, unsafe=True, config=CFG).text == fixed


@pytest.mark.parametrize("text", [
    "Данные переписи опубликуют весной.",
    "Персональные данные участников никому не передаются.",
    "По данным переписи, в районе живёт 24 тысячи человек.",
    "Данные опросов показали рост доверия.",
])
def test_dannye_as_data_is_never_changed(text):
    assert kanclint.fix(text, unsafe=True, config=CFG).text == text


def test_keep_capital_reads_one_letter_words_but_not_ya():
    """«О проведении слушаний» → «О слушаниях» keeps the headline's capital; «Я» is upper case anywhere."""
    from kanclint.text.inflection import keep_capital

    assert keep_capital("О", "о") == "О"
    assert keep_capital("В", "во") == "Во"
    assert keep_capital("Я", "мне") == "мне"
    assert keep_capital("МУЗЕЙ", "музея") == "музея"
