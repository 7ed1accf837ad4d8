"""Whole-text behaviour on real texts: the decree that started the project and our example drafts.

The decree is an official document (not an object of copyright, Civil Code art. 1259(6)) and
ships as a fixture with its source; the lively side is our own text, so the suite needs nothing beside the checkout.
"""

from pathlib import Path

import kanclint
from kanclint import Config

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
DECREE = FIXTURES / "decree-414.txt"
LIVELY_NEWS = FIXTURES / "lively-news.txt"
EXAMPLES = ROOT / "examples"
ISOLATED = Config(use_ignore_file=False)


def lint_path(path: Path):
    return kanclint.lint(path.read_text(encoding="utf-8"), config=ISOLATED, path=None)


def test_decree_is_recognised_as_bureaucratic():
    report = lint_path(DECREE)
    categories = {d.category for d in report.diagnostics}
    assert report.score <= 3.0, report.reasons
    assert len(report.diagnostics) >= 15
    assert len(categories) >= 5, categories


def test_conversational_news_scores_at_least_seven_and_far_above_the_decree():
    decree = lint_path(DECREE).score
    news = lint_path(LIVELY_NEWS).score
    assert news >= 7.0 and news >= decree + 4.0, (news, decree)


def test_example_drafts_are_ordered():
    press = lint_path(EXAMPLES / "press-release.txt")
    mixed = lint_path(EXAMPLES / "mixed.txt")
    chat = lint_path(EXAMPLES / "conversational.txt")
    assert chat.score >= 9.0, [d.message for d in chat.diagnostics]
    assert press.score + 3.0 <= mixed.score <= chat.score
    assert {"press-release", "bureaucratese", "derived-preposition"} <= {d.category for d in press.diagnostics}


def test_conversational_signs_are_never_findings():
    text = "Ну что, друзья, кстати: мы открыли каток! Вы уже были? 😀 #зима @sport_city"
    report = kanclint.lint(text, config=ISOLATED)
    flagged = {d.match.lower() for d in report.diagnostics}
    for word in ("ну", "кстати", "мы", "вы", "😀", "#зима", "@sport_city", "?", "!"):
        assert word not in flagged
    assert report.score >= 9.5


def test_a_phrase_inside_a_longer_phrase_of_another_dictionary_is_reported_once():
    text = "Сотрудники осуществляют контроль за ходом ремонта."
    report = kanclint.lint(text, config=ISOLATED)
    phrase_findings = [d for d in report.diagnostics if d.entry]
    assert [(d.code, d.match) for d in phrase_findings] == [("KC103", "осуществляют контроль за")]


def test_decree_has_the_shape_of_a_press_release():
    report = lint_path(DECREE)
    assert "KC307" in {d.code for d in report.diagnostics}


def test_conversational_news_has_no_press_release_finding():
    """The lively news piece about officials' pages is not a press release."""
    report = lint_path(LIVELY_NEWS)
    found = [(d.code, d.match) for d in report.diagnostics if d.category == "press-release"]
    assert found == []
