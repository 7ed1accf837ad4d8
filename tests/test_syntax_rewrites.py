"""Issue #12: the register rewrites of syntax (tests/fixtures/rewrites/syntax.tsv) leave clean Russian behind.

The pair runner (tests/test_rewrite_pairs.py) checks each row's exact output; here every rewritten
sentence is linted again, and no phrase, syntax or third-person finding may sit on the words the
rewrite wrote: a suggestion of kanclint must never be flagged by kanclint.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

import kanclint
from kanclint import Config

TABLE = Path(__file__).parent / "fixtures" / "rewrites" / "syntax.tsv"
CHECKED = re.compile(r"^KC(1\d\d|2\d\d|304)$")


def _config(cell: str) -> Config:
    if cell == "we":
        return Config(use_ignore_file=False, we=True)
    if cell.startswith("author="):
        return Config(use_ignore_file=False, author=cell.removeprefix("author="))
    return Config(use_ignore_file=False)


def _rows() -> list[tuple[str, str, str, str]]:
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, config, source, expected = line.split("\t")
            rows.append((kind, config, source, source if expected == "=" else expected))
    return rows


ROWS = _rows()
CHANGED = [pytest.param(*row, id=f"{n}") for n, row in enumerate(ROWS, 1) if row[2] != row[3]]


def changed_spans(source: str, result: str) -> list[tuple[int, int]]:
    """Character spans of ``result`` that the rewrite wrote (word-level diff against ``source``)."""
    words = list(re.finditer(r"\S+", result))
    matcher = difflib.SequenceMatcher(None, source.split(), [w.group() for w in words], autojunk=False)
    spans = []
    for op, _, _, j1, j2 in matcher.get_opcodes():
        if op in ("replace", "insert") and j2 > j1:
            spans.append((words[j1].start(), words[j2 - 1].end()))
    return spans


def test_the_table_is_big_enough():
    """At least 150 pairs, 40 of them negatives that must stay byte-identical."""
    assert len(ROWS) >= 150
    assert sum(kind.startswith("keep-") for kind, *_ in ROWS) >= 40
    assert {"passive-doer", "passive-we", "passive-they", "light-verb", "v-celyakh", "v-ramkakh"} <= {
        kind for kind, *_ in ROWS
    }
    assert any(config != "-" for kind, config, *_ in ROWS if kind == "passive-we")


def test_changed_spans_find_the_rewritten_words():
    spans = changed_spans("Была произведена замена труб в мае.", "Заменили трубы в мае.")
    assert [("Заменили трубы в мае."[s:e]) for s, e in spans] == ["Заменили трубы"]


def _stems(text: str) -> set[str]:
    return {w[:4] for w in re.findall(r"\w+", text.lower())}


@pytest.mark.parametrize("kind, config, source, expected", CHANGED)
def test_rewritten_words_are_not_flagged_again(kind, config, source, expected):
    """No new finding on the rewritten words.

    A finding the draft already had on a word the rewrite only carried over («мероприятие» moved
    from subject to object, KC304 on «Фонд» that stays the subject) is the author's, not the
    rewrite's: it counts as new only when the draft had no finding of that code on those words.
    """
    spans = changed_spans(source, expected)
    if not spans:  # a pure deletion («Спектакли в рамках фестиваля» → «Спектакли фестиваля») writes no word
        assert len(expected) < len(source) and set(_stems(expected)) <= set(_stems(source))
        assert not [d for d in kanclint.lint(expected, config=_config(config)).diagnostics
                    if d.code == "KC104"], "the deletion must leave no derived preposition behind"
        return
    cfg = _config(config)
    before = [(d.code, _stems(source[d.start:d.end])) for d in kanclint.lint(source, config=cfg).diagnostics]
    flagged = [
        (d.code, expected[d.start:d.end])
        for d in kanclint.lint(expected, config=cfg).diagnostics
        if CHECKED.match(d.code) and any(d.start < end and start < d.end for start, end in spans)
        and not any(code == d.code and stems & _stems(expected[d.start:d.end]) for code, stems in before)
    ]
    assert flagged == []
