"""KC304 with the author configured: who is «мы», who is «я», and who is somebody else (issue #12)."""

from __future__ import annotations

import kanclint
from kanclint import Applicability, Config

ADMIN = Config(use_ignore_file=False, author="Администрация Тальменского района")
HEAD = Config(use_ignore_file=False, author="Глава Тальменского района")
WE = Config(use_ignore_file=False, we=True)


def _kc304(text: str, config: Config):
    return [d for d in kanclint.lint(text, config=config).diagnostics if d.code == "KC304"]


def test_without_configuration_it_is_advice_with_the_clean_verb():
    (d,) = _kc304("Администрация района провела субботник.", Config(use_ignore_file=False))
    assert d.fix is None
    assert "«Мы провели…»" in d.message and "`we = true`" in d.message


def test_the_fix_is_unsafe_and_follows_the_dictionaries():
    (d,) = _kc304("Администрация района оказывает помощь семьям.", WE)
    assert d.fix is not None and d.fix.applicability is Applicability.UNSAFE
    assert kanclint.model.apply_fix("Администрация района оказывает помощь семьям.", d.fix) == "Помогаем семьям."


def test_another_body_is_not_reported_when_the_author_is_known():
    assert _kc304("Министерство просвещения России утвердило новый порядок.", ADMIN) == []
    assert _kc304("Администрация города провела субботник.", ADMIN) == []
    assert len(_kc304("Администрация района провела субботник.", ADMIN)) == 1


def test_a_person_author_speaks_as_i_and_the_organisation_is_someone_else():
    (d,) = _kc304("Глава района встретился с жителями.", HEAD)
    assert kanclint.model.apply_fix("Глава района встретился с жителями.", d.fix) == "Я встретился с жителями."
    assert "«Я встретился…»" in d.message
    assert _kc304("Администрация района провела субботник.", HEAD) == []
    # without a person author a title in the third person is nobody's self
    assert _kc304("Глава района встретился с жителями.", WE) == []


def test_we_alone_rewrites_no_proper_name_number_or_adjective():
    for text in ("Министерство просвещения России утвердило порядок.", "Школа № 5 провела вечер.",
                 "Краеведческий музей открыл выставку."):
        (d,) = _kc304(text, WE)
        assert d.fix is None, text


def test_a_quote_is_never_rewritten():
    text = "«Администрация района провела субботник», — написал читатель."
    assert all(d.fix is None for d in _kc304(text, ADMIN))


def test_the_oblique_mention_takes_nash_only_with_the_author():
    text = "Праздник прошёл при поддержке администрации района."
    (d,) = _kc304(text, ADMIN)
    assert kanclint.model.apply_fix(text, d.fix) == "Праздник прошёл при нашей поддержке."
    assert _kc304(text, WE) == [] and _kc304(text, Config(use_ignore_file=False)) == []


def test_kc201_with_the_author_as_doer_says_we():
    text = "Ярмарка была организована администрацией района."
    result = kanclint.fix(text, unsafe=True, config=ADMIN)
    assert result.text == "Мы организовали ярмарку."
    # without the author, «Администрация района организовала…» would be KC304's third person: no fix
    assert kanclint.fix(text, unsafe=True, config=Config(use_ignore_file=False, select=("KC201",))).text == text
