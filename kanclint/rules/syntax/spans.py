"""Spans of tokens the syntax rules share: titles, quoted words, contiguous runs."""

from __future__ import annotations

from typing import Sequence

from kanclint.text.document import Document, Token


def _titles(document: Document) -> frozenset[int]:
    """Start offsets of words inside «…»: names of programmes and events the author cannot reword."""
    return document.shared(_quoted_word_starts)


def _quoted_word_starts(document: Document) -> frozenset[int]:
    if "«" not in document.text and "„" not in document.text:
        return frozenset()  # no opening mark, no quoted word (most posts): no walk over every token
    starts: set[int] = set()
    for sentence in document.sentences:
        depth = 0
        for t in sentence.tokens:
            if t.text in ("«", "„"):
                depth += 1
            elif t.text in ("»", "“") and depth:
                depth -= 1
            elif depth and t.is_word:
                starts.add(t.start)
    return frozenset(starts)


def _adjoin(document: Document, start: int, end: int, tokens: Sequence[Token]) -> tuple[int, int]:
    """``[start, end)`` grown by ``tokens`` when they are contiguous and touch it on either side."""
    if not tokens or not _contiguous(document, tokens):
        return start, end
    text = document.text
    if tokens[-1].end <= start and not text[tokens[-1].end:start].strip():
        return tokens[0].start, end
    if tokens[0].start >= end and not text[end:tokens[0].start].strip():
        return start, tokens[-1].end
    return start, end


def _contiguous(document: Document, tokens: Sequence[Token]) -> bool:
    """True when only blanks separate consecutive ``tokens``."""
    return all(not document.text[a.end:b.start].strip() for a, b in zip(tokens, tokens[1:]))


# -- KC201 passive voice -------------------------------------------------------------------
