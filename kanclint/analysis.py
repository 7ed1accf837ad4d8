"""One analysis pass: a :class:`Document` is tokenised and lemmatised once, rules only read it.

Tokens, sentences and paragraphs come from razdel with code-point offsets into
the original text.  Morphology comes from pymorphy3 through the per-process
cache in :mod:`kanclint.morphology`.  Syntax and named entities (natasha) are
expensive, so they are computed on first access and only for rules that ask.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Iterable, Sequence

from . import protected
from .morphology import Parse, fold, parse

_WORD = re.compile(r"[^\W\d_]", re.UNICODE)
_BLANK_LINES = re.compile(r"\n[ \t\r]*\n(?:[ \t\r]*\n)*")


@dataclass(frozen=True)
class Token:
    """A razdel token with its readings; ``parses`` is empty for punctuation and numbers."""

    index: int
    start: int
    end: int
    text: str
    parses: tuple[Parse, ...]
    sentence: int
    protected: bool

    @property
    def is_word(self) -> bool:
        return bool(_WORD.search(self.text))

    @cached_property
    def key(self) -> str:
        return fold(self.text)

    @property
    def lemma(self) -> str:
        return self.parses[0].lemma if self.parses else self.key

    @property
    def pos(self) -> str | None:
        return self.parses[0].pos if self.parses else None

    @property
    def grammemes(self) -> frozenset[str]:
        return self.parses[0].grammemes if self.parses else frozenset()

    @cached_property
    def lemmas(self) -> frozenset[str]:
        return frozenset(p.lemma for p in self.parses)


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    tokens: tuple[Token, ...]

    @property
    def words(self) -> tuple[Token, ...]:
        return tuple(t for t in self.tokens if t.is_word)

    @cached_property
    def linked_words(self) -> tuple[tuple[Token, ...], tuple[bool, ...]]:
        """Word and number tokens, and whether each links to the next (see kanclint.patterns)."""
        from .patterns import sentence_words

        words, links = sentence_words(self)
        return tuple(words), tuple(links)


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int


@dataclass(frozen=True)
class SyntaxToken:
    """A natasha syntax node mapped back to offsets of the original text."""

    start: int
    end: int
    text: str
    id: str
    head_id: str
    rel: str
    pos: str
    feats: dict[str, str]


class Document:
    """The text and every layer rules read; heavy layers are lazy and cached.

    ``skip`` names the kinds of protected text (see :mod:`kanclint.protected`)
    that lexical rules must not flag; ``platform`` (vk, ok, telegram,
    telegram-caption) sets the length limits structural rules apply.
    """

    def __init__(
        self,
        text: str,
        path: str | None = None,
        *,
        skip: Iterable[str] = protected.KINDS,
        platform: str = "vk",
    ):
        self.text = text
        self.path = path
        self.skip = tuple(skip)
        self.platform = platform

    # -- cheap layers -------------------------------------------------------------------
    @cached_property
    def protected_spans(self) -> list[tuple[int, int, str]]:
        return protected.find(self.text, self.skip)

    @cached_property
    def _protected_index(self) -> tuple[list[int], list[int]]:
        merged: list[list[int]] = []
        for start, end, _ in self.protected_spans:
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        return [s for s, _ in merged], [e for _, e in merged]

    def is_protected(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` overlaps protected text."""
        starts, ends = self._protected_index
        i = bisect.bisect_right(starts, end - 1 if end > start else start) - 1
        return i >= 0 and ends[i] > start

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        from razdel import sentenize, tokenize

        sentences: list[Sentence] = []
        index = 0
        for s_index, sent in enumerate(_split_sentences(self.text, sentenize)):
            tokens = []
            for piece_start, piece_stop, text in _split_glued(tokenize(sent.text)):
                start = sent.start + piece_start
                end = sent.start + piece_stop
                parses = parse(text) if _WORD.search(text) else ()
                tokens.append(
                    Token(index, start, end, text, parses, s_index, self.is_protected(start, end))
                )
                index += 1
            sentences.append(Sentence(s_index, sent.start, sent.stop, tuple(tokens)))
        return tuple(sentences)

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        return tuple(t for s in self.sentences for t in s.tokens)

    @cached_property
    def words(self) -> tuple[Token, ...]:
        return tuple(t for t in self.tokens if t.is_word)

    @cached_property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        paragraphs = []
        pos = 0
        for m in _BLANK_LINES.finditer(self.text):
            _add_paragraph(paragraphs, self.text, pos, m.start())
            pos = m.end()
        _add_paragraph(paragraphs, self.text, pos, len(self.text))
        return tuple(paragraphs)

    @cached_property
    def writes_yo(self) -> bool:
        """Whether replacements should spell «ё»: yes unless the author visibly writes «е» for it."""
        if "ё" in self.text.lower():
            return True
        for t in self.words:
            if t.parses and all("ё" in p.raw.word for p in t.parses):  # type: ignore[attr-defined]
                return False  # «еще», «актеры»: this author leaves ё out
        return True

    # -- lazy NLP layers ----------------------------------------------------------------
    @cached_property
    def syntax(self) -> tuple[tuple[SyntaxToken, ...], ...]:
        """Dependency parse per natasha sentence (loaded on first use, once per process)."""
        from .nlp import parse_syntax

        return parse_syntax(self.text)

    @cached_property
    def entities(self) -> tuple[tuple[int, int, str], ...]:
        """Named entities ``(start, end, type)`` with ``type`` in PER, LOC, ORG."""
        from .nlp import find_entities

        return find_entities(self.text)


_GLUED = re.compile(r"[\w\-]+|[^\w\-]+")


def _split_glued(tokens):
    """razdel keeps «😀Данная» and «❗️В» as one token; a word glued to an emoji is still a word."""
    for tok in tokens:
        text = tok.text
        if _WORD.search(text) and not text.replace("-", "").isalnum() and any(ord(c) > 0x2000 for c in text):
            for m in _GLUED.finditer(text):
                yield tok.start + m.start(), tok.start + m.end(), m.group()
        else:
            yield tok.start, tok.stop, text


@dataclass(frozen=True)
class _Piece:
    start: int
    stop: int
    text: str


def _split_sentences(text: str, sentenize) -> Sequence[_Piece]:
    """razdel sentences, also split at line breaks that end a paragraph or a list line.

    Posts use line breaks as structure (lists, short lines); razdel would glue a
    line without final punctuation to the next one, and a phrase match must never
    cross such a break.
    """
    pieces: list[_Piece] = []
    for block in re.finditer(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*", text):
        lines = _lines_as_units(block.group(), block.start())
        for line_start, line_text in lines:
            for s in sentenize(line_text):
                pieces.append(_Piece(line_start + s.start, line_start + s.stop, s.text))
    return pieces


def _lines_as_units(block: str, offset: int) -> list[tuple[int, str]]:
    """Split a block at line breaks, except where a line wraps mid-sentence.

    A break is a wrap when the line ends with a lower-case letter, a comma or a
    hyphen and the next line starts with a lower-case letter (hard-wrapped
    letters and decrees); anything else (lists, headers, emoji lines) is a unit.
    """
    units: list[tuple[int, str]] = []
    lines = block.split("\n")
    pos = 0
    cur_start = 0
    for i, line in enumerate(lines):
        line_end = pos + len(line)
        nxt = lines[i + 1].lstrip() if i + 1 < len(lines) else ""
        stripped = line.rstrip()
        wraps = bool(
            stripped
            and nxt
            and (stripped[-1].islower() or stripped[-1] in ",-")
            and nxt[0].islower()
        )
        if not wraps:
            units.append((offset + cur_start, block[cur_start:line_end]))
            cur_start = line_end + 1
        pos = line_end + 1
    return [(s, t) for s, t in units if t.strip()]


def _add_paragraph(paragraphs: list[Paragraph], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        paragraphs.append(Paragraph(start, end))
