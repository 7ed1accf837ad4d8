"""Contracts documented for plugin authors are honoured (issue #11).

``Rule.needs`` decides which models are loaded ahead; ``Document.syntax`` and
``Document.entities`` give the whole-post layers docs/plugins.md promises; every code
rule's documented example is flagged by that rule and its «instead» is clean.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

import kanclint
from kanclint.engine.config import Config
from kanclint.engine.registry import all_rules
from kanclint.engine.running import needed_layers
from kanclint.rules.phrases import PhraseRule

# KC001 judges the ignore file, not a text: its example describes a stale entry (tests/test_suppression.py).
CODE_RULES = [r for r in all_rules() if not isinstance(r, PhraseRule) and r.category != "meta"]


def test_needed_layers_follow_the_selection():
    assert needed_layers(Config()) == frozenset({"syntax", "entities"})
    assert needed_layers(Config(select=("KC201",))) == frozenset({"syntax"})
    assert needed_layers(Config(select=("KC302",))) == frozenset({"entities"})
    assert needed_layers(Config(select=("KC1", "KC202", "KC4"))) == frozenset()


def test_load_models_loads_only_the_declared_layers(tmp_path):
    code = (
        "import sys\n"
        "from kanclint.text import nlp\n"
        "print(nlp.load_models([]), 'natasha' in sys.modules or 'slovnet' in sys.modules)\n"
        "print(nlp.load_models(['syntax']), nlp._parser.cache_info().currsize, nlp._ner.cache_info().currsize)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                          encoding="utf-8")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == ["() False", "('syntax',) 1 0"]


def test_document_syntax_and_entities_cover_the_whole_post():
    text = "Работы производятся подрядчиком. Глава района Иван Петрович Смирнов открыл спорткомплекс."
    document = kanclint.Document(text)
    parses = document.syntax
    assert len(parses) == len(document.sentences)
    for sentence, tokens in zip(document.sentences, parses):
        assert [t.text for t in tokens] == [t.text for t in sentence.tokens]
        assert all(sentence.start <= t.start < t.end <= sentence.end for t in tokens)
    assert sum(1 for tokens in parses for t in tokens if t.rel == "root") == 2
    names = [text[a:b] for a, b, kind in document.entities if kind == "PER"]
    assert names == ["Иван Петрович Смирнов"]


@pytest.mark.parametrize("rule", CODE_RULES, ids=lambda r: r.code)
def test_documented_example_is_flagged_and_instead_is_clean(rule):
    cfg = Config(select=(rule.code,), use_ignore_file=False)
    example = getattr(rule, "example_text", "") or rule.example
    flagged = kanclint.lint(example, config=cfg).diagnostics
    assert [d.code for d in flagged if d.code == rule.code], (rule.code, example)
    clean = kanclint.lint(rule.instead, config=cfg).diagnostics
    assert [d for d in clean if d.code == rule.code] == [], (rule.code, rule.instead)


def test_clearing_the_data_caches_sees_an_edited_dictionary(tmp_path):
    from kanclint.engine import session
    from kanclint.rules.phrases import load

    path = tmp_path / "words.toml"
    head = (
        '[rule]\ncode = "KC199"\nname = "test-words"\ncategory = "bureaucratese"\nseverity = "info"\n'
        'title = "t"\nwhat = "w"\nwhy = "y"\nexample = "e"\ninstead = "i"\n\n'
    )
    entry = ('[[entry]]\nid = "{id}"\npattern = "{word}"\nreplacements = []\n'
             'examples = [{{ bad = "В [{word}] час." }}, {{ good = "В этот час." }}]\n\n')
    path.write_text(head + entry.format(id="odin", word="данный"), encoding="utf-8")
    first, _ = load(str(path), False)
    path.write_text(head + entry.format(id="odin", word="данный") + entry.format(id="dva", word="оный"),
                    encoding="utf-8")
    assert load(str(path), False)[0] is first  # read once per process
    session.clear_data_caches()
    again, _ = load(str(path), False)
    assert [e.id for e in again.entries] == ["odin", "dva"]
    rules = all_rules()
    session.clear_data_caches()
    assert all_rules() is not rules and [r.code for r in all_rules()] == [r.code for r in rules]
