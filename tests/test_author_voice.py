"""Issue #12: the configured author in one voice per paragraph (h-fresh5's rounds)."""

from __future__ import annotations

import kanclint
from kanclint import Applicability, Config
from kanclint.rules.press_release.oblique_self import first_person_blocked
from kanclint.rules.press_release.speaker import author_gender
from kanclint.text.document import Document


def test_the_author_gender_comes_from_the_first_name():
    assert author_gender("Министр культуры края Ольга Синицына") == "femn"
    assert author_gender("Глава Ключевского района Пётр Смирнов") == "masc"
    assert author_gender("Глава Ключевского района") is None


def test_a_paragraph_that_keeps_the_author_in_the_third_person_is_blocked():
    author = "Депутат городской думы Игорь Шадрин"
    kept = Document("Игорь Шадрин провёл встречу. В приёмной депутата ждут жителей.", author=author)
    free = Document("Игорь Шадрин провёл встречу. Жители рассказали депутату о лужах.", author=author)
    # «По словам депутата, двор…» is rewritten to «Двор…» (the author's own words), so it blocks nothing
    own_words = Document("Игорь Шадрин провёл встречу. По словам депутата, двор благоустроят летом.", author=author)
    assert first_person_blocked(kept, 0)
    assert not first_person_blocked(free, 0)
    assert not first_person_blocked(own_words, 0)


def test_every_author_rewrite_needs_checking():
    """«я» / «мы» changes who speaks: never a safe fix."""
    text = "Игорь Шадрин встретился с жителями. Жители рассказали депутату о лужах. Он пообещал помочь."
    result = kanclint.fix(text, unsafe=True, config=Config(use_ignore_file=False, author="Депутат думы Игорь Шадрин"))
    assert result.text == "Я встретился с жителями. Жители рассказали мне о лужах. Я пообещал помочь."
    voice = [c for c in result.changes if c.code == "KC304"]
    assert len(voice) == 3 and all(c.applicability is Applicability.UNSAFE for c in voice)
    safe_only = kanclint.fix(text, config=Config(use_ignore_file=False, author="Депутат думы Игорь Шадрин"))
    assert safe_only.text == text


def test_without_an_author_nothing_turns_into_i():
    text = "Игорь Шадрин встретился с жителями. Жители рассказали депутату о лужах."
    assert kanclint.fix(text, unsafe=True, config=Config(use_ignore_file=False)).text == text
