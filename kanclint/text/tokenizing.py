"""razdel's word tokenizer and sentence splitter, with the same output and a fraction of the cost.

razdel's ``tokenize`` cuts a text into atoms (a run of Cyrillic or Latin letters, of
digits, or one other character) with one regular expression, then asks its rules
whether each pair of neighbouring atoms joins (``мастер-класс``, ``3,5``, ``?!``, ``:-)``)
and finally looks every token up again with ``str.find``.  A pair separated by
whitespace never joins (``TokenSegmenter.segment`` splits on any delimiter before a
rule is asked), yet razdel builds a split object with its windows of atoms for every
pair.  In post text most pairs are separated by a space, so most of that work is spent
on answers known in advance.

:func:`tokenize` keeps razdel's atoms and razdel's own rules (imported, not copied) and
asks them only about atoms that touch, with the same windows of up to three atoms on
each side; the offsets come from the atoms, which is what ``find_substrings`` finds
(only whitespace lies between two tokens).  ``tests/test_tokenizing.py`` compares the
result with ``razdel.tokenize`` on generated and real texts.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from razdel.rule import JOIN
from razdel.segmenters.punct import DASHES
from razdel.segmenters.sentenize import SentSplit
from razdel.segmenters.sentenize import sentenize as _razdel_sentenize
from razdel.segmenters.tokenize import ATOM, INT, OTHER, PUNCT, Atom, TokenSplit
from razdel.segmenters.tokenize import tokenize as _razdel_tokenize

from kanclint.text.morphology import INVISIBLE_MARKS

_RULES = tuple(_razdel_tokenize.rules)
_WINDOW = _razdel_tokenize.split.window
# What razdel's rules need before one of them can join two touching atoms: a dash or an
# underscore (DashRule, UnderscoreRule), «.,» or «/\\» next to a number (FloatRule,
# FractionRule), two punctuation atoms (punct), an OTHER atom (other), a «!» after
# «yahoo» in any case (yahoo: every other «!» after a word is left to the pairs above).
# Only these pairs are handed to the rules; every other pair is a token boundary.
_DASHES = frozenset(DASHES) | {"_"}
_NUMBER_MARKS = frozenset(".,/\\")


def _joins(rules: tuple, split: TokenSplit | SentSplit) -> bool:
    """razdel's ``Segmenter.join`` (for tokens and for sentences): the first rule with an opinion decides."""
    for rule in rules:
        action = rule(split)
        if action:
            return action == JOIN
    return False


def _may_join(left: "re.Match[str]", right: "re.Match[str]") -> bool:
    """Whether any of razdel's rules could join these touching atoms (see ``_DASHES``)."""
    lt, rt = left.lastgroup, right.lastgroup
    if lt == OTHER or rt == OTHER or (lt == PUNCT and rt == PUNCT):
        return True
    lx, rx = left.group(), right.group()
    return (
        lx in _DASHES or rx in _DASHES or (rx == "!" and lx.lower() == "yahoo")
        or (lx in _NUMBER_MARKS and rt == INT) or (rx in _NUMBER_MARKS and lt == INT)
    )


def _tokenize_atoms(text: str) -> list[tuple[int, int, str]]:
    """razdel's tokens of ``text`` from its atoms: the rules decide only pairs of touching atoms."""
    matches = list(ATOM.finditer(text))
    if not matches:
        return []
    out: list[tuple[int, int, str]] = []
    atoms: list[Atom | None] = [None] * len(matches)

    def atom(i: int) -> Atom:
        found = atoms[i]
        if found is None:
            m = matches[i]
            found = atoms[i] = Atom(m.start(), m.end(), m.lastgroup, m.group())
        return found

    start, stop = matches[0].span()
    previous = matches[0]
    for i in range(1, len(matches)):
        current = matches[i]
        a, b = current.span()
        if a == stop and _may_join(previous, current):  # razdel's rules decide, on its windows
            left = [atom(j) for j in range(max(0, i - _WINDOW), i)]
            right = [atom(j) for j in range(i, min(len(matches), i + _WINDOW))]
            split = TokenSplit(left, "", right)
            split.buffer = text[start:stop]
            if _joins(_RULES, split):
                stop = b
                previous = current
                continue
        out.append((start, stop, text[start:stop]))
        start, stop = a, b
        previous = current
    out.append((start, stop, text[start:stop]))
    return out


# Between two runs of non-space characters razdel never joins, so each run is cut on its own and
# the cut of a run is remembered like a word's parse.  One thing reaches across a space: the rules
# for «-» and «_» (join unless a side is punctuation) and for «.», «,», «/», «\\» (join two numbers)
# read the atom on the far side of the delimiter (``left_2``, ``right_2``), which lies in the next
# run when the delimiter is the run's first or last atom.  Such a run, when the atom beside the
# delimiter lets the rule join, is cut with its neighbours.
_RUN = re.compile(r"\S+")
_JOINING_DASHES = frozenset(DASHES) | {"_"}
_NUMBER_JOINS = frozenset(".,/\\")


def _reads_across(edge: "re.Match[str]", inner: "re.Match[str]") -> bool:
    """Whether a rule of razdel may read past ``edge`` (the first or last atom of a run) to decide
    the pair ``edge``, ``inner``: the answer then depends on the atom beyond the space."""
    mark = edge.group()
    if mark in _JOINING_DASHES:
        return inner.lastgroup != PUNCT
    return mark in _NUMBER_JOINS and inner.lastgroup == INT


@lru_cache(maxsize=100_000)
def _run_tokens(run: str) -> tuple[tuple[int, int, str], ...] | None:
    """Tokens of one run of non-space characters (offsets in the run), glued words split as
    :func:`split_glued` does; ``()`` when the run is one token, ``None`` when a rule may read an
    atom of a neighbouring run."""
    matches = list(ATOM.finditer(run))
    if len(matches) > 1 and (_reads_across(matches[0], matches[1]) or _reads_across(matches[-1], matches[-2])):
        return None
    cut = split_glued(_tokenize_atoms(run))
    return () if len(cut) == 1 else cut  # one token, the whole run (most runs): nothing to keep


def _in_context(text: str, start: int, end: int, previous_start: int) -> list[tuple[int, int, str]]:
    """Tokens of the run ``text[start:end]`` cut together with the runs on both sides of it (see ``_RUN``)."""
    following = _RUN.search(text, end)
    lo, hi = previous_start, following.end() if following else end
    return [(lo + s, lo + e, t) for s, e, t in _tokenize_atoms(text[lo:hi]) if start <= lo + s < end]


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """``[(start, stop, text)]`` of razdel's tokens of ``text``, offsets in code points."""
    return _tokenize_atoms(text)


def words(text: str) -> tuple[tuple[int, int, str], ...]:
    """``split_glued(tokenize(text))``, run by run (see ``_RUN``): most runs of a post were cut before.

    ``str.split`` gives the runs (it splits at the characters ``\\s`` matches) and ``str.find``
    their offsets: only spaces lie between one run and the next.
    """
    out: list[tuple[int, int, str]] = []
    find = text.find
    previous_start = end = 0
    for chunk in text.split():
        base = find(chunk, end)
        end = base + len(chunk)
        cut = _run_tokens(chunk)
        if cut is None:
            out.extend(split_glued(_in_context(text, base, end, previous_start)))
        elif not cut:
            out.append((base, end, chunk))
        else:
            out.extend([(base + a, base + b, t) for a, b, t in cut])
        previous_start = base
    return tuple(out)


_GLUED = re.compile(r"[\w\-]+|[^\w\-]+")
_LETTER = re.compile(r"[^\W\d_]")


def split_glued(tokens: Iterable[tuple[int, int, str]]) -> tuple[tuple[int, int, str], ...]:
    """razdel keeps «😀Данная» and «❗️В» as one token; a word glued to an emoji is still a word.

    A zero-width space or joiner inside a word is not an emoji: «дан\u200bном» stays one token.
    """
    out: list[tuple[int, int, str]] = []
    for tok in tokens:
        start, stop, text = tok
        if len(text) == 1 or text.isalnum():
            out.append(tok)  # the common case (one character cannot be a word glued to anything)
        elif (
            not text.replace("-", "").isalnum()
            and _LETTER.search(text) and any(ord(c) > 0x2000 and c not in INVISIBLE_MARKS for c in text)
        ):
            out.extend((start + m.start(), start + m.end(), m.group()) for m in _GLUED.finditer(text))
        else:
            out.append(tok)
    return tuple(out)


_SENTENCE_RULES = tuple(_razdel_sentenize.rules)
_SENTENCE_DELIMITER = _razdel_sentenize.split.re
_SENTENCE_WINDOW = _razdel_sentenize.split.window


def sentenize(text: str) -> list[tuple[int, int, str]]:
    """``[(start, stop, text)]`` of razdel's sentences of ``text``, the same as ``razdel.sentenize``.

    razdel cuts at every possible end (``.``, ``!``, a closing quote or bracket…) and asks its
    rules, in order, whether the two sides join.  When the character after the mark is no
    space (or there is none), two of them answer «join» before any other is asked
    (``empty_side``, ``no_space_prefix``): a closing quote before a comma, «т.е.», «?!» —
    about a third of the marks of a post.  Those are joined here without building razdel's
    split object; every other mark gets that object and razdel's own rules.  The pieces are
    slices of ``text`` (razdel glues the same strings together) and are stripped and found
    again as razdel's ``find_substrings`` does.  ``tests/test_tokenizing.py`` compares the
    result with ``razdel.sentenize``.
    """
    chunks: list[str] = []
    start = 0  # where the sentence being built starts
    for match in _SENTENCE_DELIMITER.finditer(text):
        mark_start, mark_stop = match.span()
        after = text[mark_stop:mark_stop + 1]
        if not after or not after.isspace():
            continue  # joined: razdel's empty_side or no_space_prefix says so first
        split = SentSplit(text[max(0, mark_start - _SENTENCE_WINDOW):mark_start], match.group(1),
                          text[mark_stop:mark_stop + _SENTENCE_WINDOW])
        split.buffer = text[start:mark_start]
        if not _joins(_SENTENCE_RULES, split):
            chunks.append(text[start:mark_stop])
            start = mark_stop
    chunks.append(text[start:])
    out: list[tuple[int, int, str]] = []
    offset = 0
    for chunk in chunks:
        chunk = chunk.strip()
        begin = text.find(chunk, offset)
        offset = begin + len(chunk)
        out.append((begin, offset, chunk))
    return out
