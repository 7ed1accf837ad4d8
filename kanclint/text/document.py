"""One analysis pass: a :class:`Document` is tokenised and lemmatised once, rules only read it.

Tokens, sentences and paragraphs come from razdel with code-point offsets into
the original text.  Morphology comes from pymorphy3 through the per-process
cache in :mod:`kanclint.text.morphology`.  Syntax and named entities (natasha) are
expensive, so they are computed on first access and only for rules that ask.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import (
    Any,
    Callable,
    Generic,
    Iterable,
    Mapping,
    Sequence,
    TypeVar,
    overload,
)

from kanclint.text import grammar, nlp
from kanclint.text import protection as protected
from kanclint.text.morphology import Parse, fold, parse
from kanclint.text.sentence_pieces import split_sentences as _split_sentences
from kanclint.text.tokenizing import sentenize, words

T = TypeVar("T")


class cached_property(Generic[T]):
    """``functools.cached_property`` without its per-access lock (Python 3.11 takes an RLock).

    Rules read these layers tens of thousands of times per post; the lock alone
    cost a few percent of a lint.  Documents are not shared between threads.
    """

    def __init__(self, func: Callable[[Any], T]):
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> "cached_property[T]": ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value

_WORD = re.compile(r"[^\W\d_]", re.UNICODE)
_BLANK_LINES = re.compile(r"\n[ \t\r]*\n(?:[ \t\r]*\n)*")


@lru_cache(maxsize=200_000)
def _word_info(
    text: str,
) -> tuple[tuple[Parse, ...], bool, str, str, str | None, frozenset[str], frozenset[str]]:
    """Readings and the derived fields of one written form, worked out once per process."""
    is_word = bool(_WORD.search(text))
    parses = parse(text) if is_word else ()
    key = fold(text)
    best = parses[0] if parses else None
    return (
        parses, is_word, key, best.lemma if best else key, best.pos if best else None,
        best.grammemes if best else frozenset(), frozenset(p.lemma for p in parses),
    )


@lru_cache(maxsize=200_000)
def _spelled_without_yo(text: str) -> bool:
    """Whether every reading of the written form has «ё» where ``text`` has «е» (worked out once per form)."""
    parses = _word_info(text)[0]
    return bool(parses) and all("ё" in p.raw.word for p in parses)  # type: ignore[attr-defined]


@lru_cache(maxsize=50_000)
def _has_digit(text: str) -> bool:
    """Whether a written form has a digit (numbers are content), worked out once per form."""
    return any(c.isdigit() for c in text)


class Token:
    """A razdel token with its readings; ``parses`` is empty for punctuation and numbers.

    What rules ask of a token thousands of times per post (its folded form, best
    lemma and part of speech, all lemmas) is computed once here, not on each access.
    Tokens compare by identity: two equal words in a text are two tokens.
    """

    __slots__ = ("index", "start", "end", "text", "parses", "sentence", "protected",
                 "is_word", "key", "lemma", "pos", "grammemes", "lemmas")

    def __init__(self, index: int, start: int, end: int, text: str, sentence: int, protected: bool):
        self.index = index
        self.start = start
        self.end = end
        self.text = text
        self.sentence = sentence
        self.protected = protected
        (self.parses, self.is_word, self.key, self.lemma, self.pos, self.grammemes,
         self.lemmas) = _word_info(text)

    def __repr__(self) -> str:
        return f"Token({self.index}, {self.start}, {self.end}, {self.text!r})"


class _TokenRun:
    """What a sentence and a whole document both answer about their tokens."""

    tokens: tuple[Token, ...]

    @cached_property
    def words(self) -> tuple[Token, ...]:
        return tuple(t for t in self.tokens if t.is_word)


@dataclass(frozen=True, eq=False)
class Sentence(_TokenRun):
    index: int
    start: int
    end: int
    tokens: tuple[Token, ...]

    def position(self, token: Token) -> int:
        """Where ``token`` stands in ``tokens``: a sentence's tokens are consecutive in the
        document, so this is arithmetic on ``Token.index``, never a scan."""
        return token.index - self.tokens[0].index

    @cached_property
    def content(self) -> tuple[Token, ...]:
        """Words and numbers: what a reader reads, without emoji and punctuation."""
        return tuple(t for t in self.tokens if t.is_word or _has_digit(t.text))

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every folded form and lemma in the sentence: a quick test before a costly search."""
        words = self.linked_words[0]  # the words the position maps index, without building them
        return frozenset([t.key for t in words]).union(*[t.lemmas for t in words])

    @cached_property
    def linked_words(self) -> tuple[tuple[Token, ...], tuple[bool, ...]]:
        """Word and number tokens, and whether each links to the next (see kanclint.patterns)."""
        words, links = sentence_words(self)
        return tuple(words), tuple(links)

    @cached_property
    def guard_links(self) -> tuple[bool, ...]:
        """:attr:`linked_words`' links with quotation marks linking too: a guard that keeps a swap
        back reads across them («проведёт «горячую линию» по вопросам…» is a hot line's topic),
        where a match never reaches into or out of a quoted name."""
        return tuple(sentence_words(self, quotes_link=True)[1])


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int


@dataclass(frozen=True)
class SyntaxToken:
    """A natasha syntax node mapped back to offsets of the original text.

    natasha's parser gives the head and the relation; ``pos`` (pymorphy3's part of speech:
    NOUN, VERB, PRTF…) and ``feats`` (UD features: ``{"Case": "Ins"}``) come from the
    Document's own best reading of the token, so the two layers never disagree.
    """

    start: int
    end: int
    text: str
    id: str
    head_id: str
    rel: str
    pos: str
    feats: dict[str, str]


# Sentences of a text as plain offsets: start, stop, and tokens (start, end, text) relative to the sentence.
Segments = tuple[tuple[int, int, tuple[tuple[int, int, str], ...]], ...]


def segment(text: str) -> Segments:
    """razdel's sentences and tokens of ``text``, as :meth:`Document.assemble` takes them."""
    return tuple(
        (piece.start, piece.stop, words(piece.text))
        for piece in _split_sentences(text, sentenize)
    )


class Document(_TokenRun):
    """The text and every layer rules read; heavy layers are lazy and cached.

    ``skip`` names the kinds of protected text (see :mod:`kanclint.text.protection`)
    that lexical rules must not flag; ``platform`` (vk, ok, telegram,
    telegram-caption) sets the length limits structural rules apply; ``author`` and
    ``we`` say whether the post speaks for the organisation (rewrites to «мы»); ``draft`` marks a
    register rewrite's own draft, re-read to check it, not a post (see :mod:`kanclint.rules.phrases.cleaning`).
    """

    def __init__(
        self,
        text: str,
        path: str | None = None,
        *,
        skip: Iterable[str] = protected.KINDS,
        platform: str = "vk",
        options: Mapping[str, Mapping[str, Any]] | None = None,
        author: str | None = None,
        we: bool = False,
        draft: bool = False,
    ):
        self.text = text
        self.path = path
        self.skip = tuple(skip)
        self.platform = platform
        self.options = options or {}  # rule code → configured thresholds (see Rule.setting)
        # The configured author (see Config.author): register rewrites may say «мы» only for them.
        self.author = author
        self.speaks_as_we = we or author is not None
        # A rewrite's draft: what a fix on it may leave out is the rewrite's recorded decision
        # («Инспекторы проверят в мае» keeps no object), not the rules' for a post.
        self.draft = draft
        # Layers filled on demand, by sentence or by function: declared here, not added later.
        self._shared: dict[Callable[..., Any], Any] = {}
        self._syntax: dict[int, tuple[SyntaxToken, ...]] = {}
        self._entities: dict[int, tuple[tuple[int, int, str], ...]] = {}

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
        return self.assemble([(0, segment(self.text))])

    def assemble(self, pieces: Sequence[tuple[int, Segments]]) -> tuple[Sentence, ...]:
        """Sentences built from segmented pieces ``(offset, segments)`` in text order.

        :attr:`sentences` is one piece; the language server passes one piece per paragraph,
        each segmented once and cached by its text (kanclint.engine.incremental).  Token and
        sentence indices run over the whole text, and the protected flag comes from one sweep
        over the merged protected spans.
        """
        sentences: list[Sentence] = []
        index = 0
        starts = self._protected_index[0]
        spans = list(zip(*self._protected_index)) if starts else []
        span = 0  # tokens come in text order: sweep the merged protected spans once
        for offset, segments in pieces:
            for sent_start, sent_stop, words in segments:
                s_index = len(sentences)
                base = offset + sent_start
                clear = True  # the common case: no protected text in the sentence
                if words and span < len(spans):
                    first = base + words[0][0]
                    while span < len(spans) and spans[span][1] <= first:
                        span += 1  # the spans that end before the sentence
                    # clear when the next span starts after the last token (token ends only grow)
                    clear = span == len(spans) or spans[span][0] >= base + max(words[-1][1], words[-1][0] + 1)
                if clear:
                    tokens = tuple([Token(index + k, base + a, base + b, word, s_index, False)
                                    for k, (a, b, word) in enumerate(words)])
                    index += len(words)
                else:
                    made = []
                    for a, b, word in words:
                        start, end = base + a, base + b
                        while span < len(spans) and spans[span][1] <= start:
                            span += 1
                        protected_token = span < len(spans) and spans[span][0] < max(end, start + 1)
                        made.append(Token(index, start, end, word, s_index, protected_token))
                        index += 1
                    tokens = tuple(made)
                sentences.append(Sentence(s_index, base, offset + sent_stop, tokens))
        return tuple(sentences)

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        return tuple(t for s in self.sentences for t in s.tokens)

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
            if _spelled_without_yo(t.text):
                return False  # «еще», «актеры»: this author leaves ё out
        return True

    def shared(self, layer: Callable[["Document"], T]) -> T:
        """``layer(self)``, computed once per document and shared by every rule that reads it.

        For derived layers several rules need (the press-release markers KC301–KC307
        report one by one and count together); the result must not be mutated.
        """
        memo = self._shared
        if layer not in memo:
            memo[layer] = layer(self)
        return memo[layer]

    # -- lazy NLP layers ----------------------------------------------------------------
    def syntax_of(self, sentences: Iterable[Sentence]) -> dict[int, tuple[SyntaxToken, ...]]:
        """Dependency parses of ``sentences`` by sentence index (natasha, loaded on first use).

        Rules pass only the sentences where a morphological filter found something
        the parse must confirm: the parser costs more than everything else together.
        """
        cache = self._syntax
        wanted = [s for s in sentences if s.index not in cache]
        if wanted:
            texts = [tuple(t.text for t in s.tokens) for s in wanted]
            for sentence, arcs in zip(wanted, nlp.parse_sentences(texts)):
                n = sentence.index
                cache[n] = tuple(
                    SyntaxToken(tok.start, tok.end, tok.text, f"{n}_{i}", f"{n}_{h}", rel, tok.pos or "",
                                grammar.ud_features(tok.grammemes) if tok.is_word else {})
                    for tok, (i, h, rel) in zip(sentence.tokens, arcs)
                )
        return {s.index: cache[s.index] for s in sentences}

    @property
    def syntax(self) -> tuple[tuple[SyntaxToken, ...], ...]:
        """The parse of every sentence (prefer :meth:`syntax_of` with the sentences you need)."""
        parsed = self.syntax_of(self.sentences)
        return tuple(parsed[s.index] for s in self.sentences if parsed[s.index])

    def entities_between(self, start: int, end: int) -> tuple[tuple[int, int, str], ...]:
        """Named entities ``(start, end, type)`` of the sentences overlapping ``[start, end)``.

        NER runs sentence by sentence on demand (and is cached by content), so a
        rule that needs the names near one phrase does not tag the whole post.
        """
        cache = self._entities
        found: list[tuple[int, int, str]] = []
        for s in self.sentences:
            if s.start < end and start < s.end or s.start == start == end:
                if s.index not in cache:
                    cache[s.index] = nlp.sentence_entities(self.text, s.start, s.end)
                found.extend(cache[s.index])
        return tuple(found)

    @property
    def entities(self) -> tuple[tuple[int, int, str], ...]:
        """Named entities ``(start, end, type)`` with ``type`` in PER, LOC, ORG, over the whole text."""
        return self.entities_between(0, len(self.text))


def _add_paragraph(paragraphs: list[Paragraph], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        paragraphs.append(Paragraph(start, end))


_WORDLIKE = re.compile(r"\w")

# Punctuation that may stand between two words of one phrase.
LINKS = frozenset({",", "—", "–", "-", ".", "№"})  # «школы № 5» is one phrase
QUOTE_LINKS = LINKS | frozenset('«»"“”„')


def sentence_words(sentence: Sentence, quotes_link: bool = False) -> tuple[list[Token], list[bool]]:
    """Word and number tokens of a sentence and, for each, whether it links to the next one
    (``quotes_link``: across quotation marks too, as guards read)."""
    linking = QUOTE_LINKS if quotes_link else LINKS
    words: list[Token] = []
    links: list[bool] = []
    pending_ok = True
    for tok in sentence.tokens:
        if tok.is_word or _WORDLIKE.search(tok.text):
            if words:
                links.append(pending_ok)
            words.append(tok)
            pending_ok = True
        elif tok.text not in linking:
            pending_ok = False
    links.append(False)
    return words, links
