"""Word lists of the code rules are data with examples (dictionaries/lexicon/*.toml, issue #11)."""

from __future__ import annotations

import pytest

import kanclint
from kanclint import lexicon
from kanclint.engine.config import Config
from kanclint.rules.press_release.words import INSTITUTION_NOUNS
from kanclint.rules.syntax.words import ORGANISATIONS

EXAMPLES = lexicon.examples()


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: f"{e.list_name}:{e.rule}:{e.text[:20]}")
def test_lexicon_example(example):
    cfg = Config(select=(example.rule,), use_ignore_file=False, we=example.we)
    found = [d for d in kanclint.lint(example.text, config=cfg).diagnostics if d.code == example.rule]
    if example.flagged:
        assert found, (example.rule, example.text)
        assert any(example.says in d.message for d in found), [d.message for d in found]
    else:
        assert found == [], (example.rule, example.text, [d.message for d in found])
    if example.fix is not None:
        fixed = kanclint.fix(example.text, unsafe=True, config=Config(use_ignore_file=False, we=example.we))
        assert fixed.text == example.fix, (example.text, fixed.text)


def test_every_list_has_a_flagged_example():
    assert {e.list_name for e in EXAMPLES if e.flagged} == set(lexicon._tables())


def test_shared_words_are_written_once_and_reach_both_rules():
    shared = lexicon.word_list("bodies")
    assert shared and shared <= ORGANISATIONS and shared <= INSTITUTION_NOUNS
    own = [set(lexicon._tables()[n][1]["lemmas"]) for n in ("acting-bodies", "institutions")]
    assert not (own[0] & shared) and not (own[1] & shared)
    assert ORGANISATIONS == shared | own[0] and INSTITUTION_NOUNS == shared | own[1]


@pytest.fixture()
def own_lexicon(monkeypatch, tmp_path):
    """A lexicon folder of the test's own, with every cache that read the real one forgotten before
    and after (the caches are process-wide)."""
    (tmp_path / "lexicon").mkdir()
    monkeypatch.setattr(lexicon, "builtin_dir", lambda: tmp_path)
    caches = (lexicon._tables, lexicon.word_list, lexicon.word_map)
    for c in caches:
        c.cache_clear()
    yield tmp_path / "lexicon"
    monkeypatch.undo()
    for c in caches:
        c.cache_clear()


def test_a_list_that_extends_itself_is_refused(own_lexicon):
    (own_lexicon / "loop.toml").write_text(
        '[a]\nextends = "b"\nlemmas = ["x"]\n[b]\nextends = "a"\nlemmas = ["y"]\n', encoding="utf-8")
    with pytest.raises(lexicon.LexiconError, match="по кругу"):
        lexicon.word_list("a")


def test_a_map_must_cover_every_lemma_of_its_list(own_lexicon):
    """A noun added to a rewrite list without its verb would be silently skipped: refused instead."""
    (own_lexicon / "m.toml").write_text(
        '[goals]\nlemmas = ["повышение", "снижение"]\nmap = { "повышение" = "повысить" }\n', encoding="utf-8")
    with pytest.raises(lexicon.LexiconError, match="map"):
        lexicon.word_map("goals")


def test_the_clause_lists_map_every_noun():
    goals = lexicon.word_map("goal-verbs")
    assert goals["повышение"] == "повысить" and goals["борьба"] == "бороться:с+ablt"
    assert lexicon.word_map("frame-prepositions")["проект"] == "по"
