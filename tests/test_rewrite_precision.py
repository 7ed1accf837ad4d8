"""Issue #12, precision first: a word whose right replacement depends on what is meant is offered
as options to choose from, never applied by --fix or rewrite."""

import pytest

import kanclint
from kanclint import Config

CFG = Config(use_ignore_file=False)

CONTEXT_DEPENDENT = [
    ("Дорожные мероприятия продлятся до июля.", "мероприятия"),
    ("Заявления принимают от граждан старше 18 лет.", "граждан"),
    ("Данные меры помогут сократить очереди.", "Данные"),
    ("Во все образовательные организации района отправили письма.", "образовательные организации"),
    ("Автобус заедет во все населённые пункты района.", "населённые пункты"),
    ("Заявление подают законные представители ребёнка.", "законные представители"),
    ("В преддверии нового учебного года проверили школьные автобусы.", "В преддверии"),
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
