"""natasha (slovnet) syntax and NER, loaded lazily once per process.

Imported only by the syntax/entity layers of :class:`~kanclint.analysis.Document`,
so a run whose rules need no syntax never pays for loading the models.  The
models ship inside the ``natasha`` package: nothing is downloaded.  natasha's
pymorphy2-based ``MorphVocab`` is never created: lemmas come from pymorphy3.

The parser is the slowest part of a lint (about 15,000 tokens a second), so it
gets only what rules ask for: the sentences a cheap morphological filter picked,
as the Document's own razdel tokens (no second segmentation), in one batch
(about twice as fast as one sentence at a time).  Parses are cached per sentence,
so an edit in an editor re-parses only the sentence that changed.
"""

from __future__ import annotations

from collections import OrderedDict
from functools import cache, lru_cache
from typing import Sequence

Arcs = tuple[tuple[int, int, str], ...]  # (id, head id, relation) per token, ids from 1

_PARSE_CACHE: "OrderedDict[tuple[str, ...], Arcs]" = OrderedDict()
PARSE_CACHE_SIZE = 20_000


@cache
def _models():
    from natasha import NewsEmbedding, NewsNERTagger, NewsSyntaxParser

    emb = NewsEmbedding()
    return NewsSyntaxParser(emb), NewsNERTagger(emb)


def parse_sentences(sentences: Sequence[tuple[str, ...]]) -> list[Arcs]:
    """Dependency arcs for each sentence (a tuple of token texts), parsing the new ones in one batch."""
    missing = list(dict.fromkeys(s for s in sentences if s and s not in _PARSE_CACHE))
    if missing:
        parser, _ = _models()
        for words, markup in zip(missing, parser.map([list(w) for w in missing])):
            _PARSE_CACHE[words] = tuple(
                (int(t.id), int(t.head_id), t.rel or "") for t in markup.tokens
            )
        while len(_PARSE_CACHE) > PARSE_CACHE_SIZE:
            _PARSE_CACHE.popitem(last=False)
    out = []
    for s in sentences:
        arcs = _PARSE_CACHE.get(s, ()) if s else ()
        if s:
            _PARSE_CACHE.move_to_end(s)
        out.append(arcs)
    return out


def clear_caches() -> None:
    """Forget cached parses and entities (benchmarks use it to time cold sentences honestly)."""
    _PARSE_CACHE.clear()
    _entities.cache_clear()


@lru_cache(maxsize=20_000)
def _entities(chunk: str) -> tuple[tuple[int, int, str], ...]:
    """The tagger on one sentence directly: natasha's ``Doc`` would segment it again first."""
    _, ner = _models()
    return tuple((s.start, s.stop, s.type) for s in ner(chunk).spans)


def sentence_entities(text: str, start: int, end: int) -> tuple[tuple[int, int, str], ...]:
    """Entities of ``text[start:end]`` (one sentence), with offsets into ``text``; cached by content."""
    chunk = text[start:end]
    if not any(ch.isupper() for ch in chunk):
        return ()  # NER never finds a name without a capital letter
    return tuple((start + a, start + b, kind) for a, b, kind in _entities(chunk))
