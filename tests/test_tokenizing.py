"""kanclint.text.tokenizing must cut every text exactly as razdel.tokenize and razdel.sentenize do.

The fast tokenizer hands razdel's rules only the pairs of touching atoms one of them
could join; a pair it skips wrongly would change a token, and with it findings.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from razdel import sentenize as razdel_sentenize
from razdel import tokenize as razdel_tokenize

from kanclint.text.tokenizing import sentenize, split_glued, tokenize, words

ROOT = Path(__file__).resolve().parents[1]

# Pieces that razdel's rules join or split: dashes, underscores, decimal marks, fractions,
# runs of punctuation and smileys, «yahoo!», letters of other scripts, emoji, odd spaces.
PIECES = [
    "слово", "Мастер", "класс", "abc", "Yahoo", "yahoo", "2024", "3", "14", "ё",
    "-", "‑", "–", "—", "−", "_", ".", ",", "/", "\\", "!", "?", "...", "…", ":", ";", ")", "(",
    "«", "»", '"', "'", "*", "**", "--", ":-)", ";)", "№", "%", "$", "@", "#", "+", "=",
    "Δ", "σ", "ї", "😀", "❗️", "\u200b", "\u00ad", " ", "  ", "\n", "\t", "\u00a0",
]


def razdel_tokens(text: str) -> list[tuple[int, int, str]]:
    return [(t.start, t.stop, t.text) for t in razdel_tokenize(text)]




def test_joined_tokens_keep_their_offsets():
    text = "Мастер-класс 3,5 часа?! yahoo! 1/2 :-)"
    assert [t for _, _, t in tokenize(text)] == ["Мастер-класс", "3,5", "часа", "?!", "yahoo!", "1/2", ":", "-", ")"]
    assert all(text[a:b] == t for a, b, t in tokenize(text))


# Pieces around the places razdel may end a sentence: the marks, what follows them (a space or
# not, a capital, a lower-case word, a dash), abbreviations, initials, list bullets and smileys.
SENTENCE_PIECES = [
    "слово", "Мастер", "т", "т.е", "г", "им", "А", "В", "abc", "2024", "3", " ", "  ", "\n", "\t", "\u00a0",
    ".", "!", "?", "…", ";", ":", ",", "-", "—", "«", "»", '"', "'", "„", "“", "”", "‘", "’", "(", ")", "[", "]",
    ":-)", ";)", "=(((", "1)", "а)", "II.", "§", "ул.", "д.", "см", "пр", "и.о", "т.д.", "😀", "ё",
]


def razdel_sentences(text: str) -> list[tuple[int, int, str]]:
    return [(s.start, s.stop, s.text) for s in razdel_sentenize(text)]


# Each of our segmenters beside razdel's own, with the pieces that exercise its rules.
SEGMENTERS = [
    pytest.param(tokenize, razdel_tokens, PIECES, id="tokens"),
    pytest.param(sentenize, razdel_sentences, SENTENCE_PIECES, id="sentences"),
]


@pytest.mark.parametrize("ours, razdels, pieces", SEGMENTERS)
@settings(max_examples=3000, deadline=None)
@given(data=st.data())
def test_same_as_razdel_on_tricky_pieces(ours, razdels, pieces, data):
    text = "".join(data.draw(st.lists(st.sampled_from(pieces), max_size=30)))
    assert ours(text) == razdels(text)


@pytest.mark.parametrize("ours, razdels, pieces", SEGMENTERS)
@settings(max_examples=1000, deadline=None)
@given(text=st.text(max_size=60))
def test_same_as_razdel_on_any_text(ours, razdels, pieces, text):
    assert ours(text) == razdels(text)


@pytest.mark.parametrize("ours, razdels, pieces", SEGMENTERS)
def test_same_as_razdel_on_the_repository_texts(ours, razdels, pieces):
    paths = [p for folder in ("examples", "tests/fixtures", "docs") for p in sorted((ROOT / folder).rglob("*"))
             if p.is_file() and p.suffix in {".txt", ".md"}]
    assert paths
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert ours(text) == razdels(text), path


def test_a_mark_before_a_non_space_never_ends_a_sentence():
    text = "Т.е. всё «готово», да?! Приходите (в 10:00). Ждём"
    assert [t for _, _, t in sentenize(text)] == ["Т.е. всё «готово», да?!", "Приходите (в 10:00).", "Ждём"]


# A run of non-space characters is cut once and remembered; the cut of a run that starts or ends
# with «-», «_», «.», «,», «/» or «\\» depends on the word beyond the space, so it is cut with it.
@pytest.mark.parametrize("text, expected", [
    ("2024. 5", ["2024.", "5"]),
    ("2024. abc", ["2024", ".", "abc"]),
    ("слово -то", ["слово", "-то"]),
    ("! -то", ["!", "-", "то"]),
    ("a _b", ["a", "_b"]),
    ("x 1/ 2", ["x", "1/", "2"]),
    ("😀Данная мастер-класс", ["😀", "Данная", "мастер-класс"]),
])
def test_words_read_the_neighbouring_run_where_razdel_does(text, expected):
    for _ in range(2):  # the second time from the remembered cuts
        assert [t for _, _, t in words(text)] == expected
        assert words(text) == split_glued(tokenize(text))


@settings(max_examples=3000, deadline=None)
@given(data=st.data())
def test_words_cut_as_tokenize_and_split_glued(data):
    text = "".join(data.draw(st.lists(st.sampled_from([*PIECES, "😀Данная", "1.5", "-то"]), max_size=30)))
    assert words(text) == split_glued(tokenize(text))
