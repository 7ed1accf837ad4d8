"""natasha (slovnet) syntax and NER, loaded lazily once per process.

Imported only by the syntax/entity layers of :class:`~kanclint.text.document.Document`,
so a run whose rules need no syntax never pays for loading the models.  The
models ship inside the ``natasha`` package: nothing is downloaded.  natasha's
pymorphy2-based ``MorphVocab`` is never created: lemmas come from pymorphy3.

A cold CLI run pays for every model it loads, so each is loaded on its own
(a post that needs the parser does not load the NER tagger), straight from
natasha's data files through slovnet and navec: ``import natasha`` would also
import its rule-based extractors (yargy) and display helpers, and navec's word
list, which slovnet never reads, takes longer to load than the vectors.  If
natasha's files are not where natasha 1.x keeps them, its own classes are used.

The parser is the slowest part of a lint (about 15,000 tokens a second), so it
gets only what rules ask for: the sentences a cheap morphological filter picked,
as the Document's own razdel tokens (no second segmentation), in one batch
(about twice as fast as one sentence at a time).  Parses are cached per sentence,
so an edit in an editor re-parses only the sentence that changed.
"""

from __future__ import annotations

from collections import OrderedDict
from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any, Iterable, Sequence

Arcs = tuple[tuple[int, int, str], ...]  # (id, head id, relation) per token, ids from 1

_PARSE_CACHE: "OrderedDict[tuple[str, ...], Arcs]" = OrderedDict()
PARSE_CACHE_SIZE = 20_000

# natasha's data files (natasha.data.NEWS_EMBEDDING, NEWS_SYNTAX, NEWS_NER in natasha 1.x)
EMBEDDING_FILE = ("emb", "navec_news_v1_1B_250K_300d_100q.tar")
SYNTAX_FILE = ("model", "slovnet_syntax_news_v1.tar")
NER_FILE = ("model", "slovnet_ner_news_v1.tar")


def _natasha_file(parts: tuple[str, str]) -> Path | None:
    """A data file of the installed natasha, found without importing natasha."""

    try:
        spec = find_spec("natasha")
    except (ImportError, ValueError):
        return None
    for base in (spec.submodule_search_locations or []) if spec is not None else []:
        path = Path(base, "data", *parts)
        if path.is_file():
            return path
    return None


@cache
def _embedding() -> Any:
    """navec's quantised vectors for slovnet, or ``None`` to fall back to natasha's classes.

    slovnet reads only the embedding's id and its PQ arrays (``inject_navec``),
    so navec's 250,000-word vocabulary is not loaded, nor are the vector norms
    navec precomputes for similarity queries.
    """
    path = _natasha_file(EMBEDDING_FILE)
    if path is None:
        return None
    try:
        from navec import Navec
        from navec.meta import Meta
        from navec.pq import PQ
        from navec.tar import Tar
    except ImportError:  # pragma: no cover - another navec layout
        return None

    class ArraysOnlyPQ(PQ):  # type: ignore[misc]
        def precompute(self) -> None:
            """Norms for ``sim``: slovnet never asks for a similarity."""

    with Tar(str(path)) as tar:
        meta = Meta.from_file(tar.load("meta.json"))
        Meta.check_protocol(meta.protocol)
        pq = ArraysOnlyPQ.from_file(tar.load("pq.bin"))
    return Navec(meta, None, pq)


@cache
def _natasha_embedding() -> Any:  # pragma: no cover - only when natasha's files moved
    from natasha import NewsEmbedding

    return NewsEmbedding()


@cache
def _parser() -> Any:
    """The dependency parser: ``map(list of token lists)`` → markups whose tokens have id, head_id, rel."""
    path, emb = _natasha_file(SYNTAX_FILE), _embedding()
    if path is None or emb is None:  # pragma: no cover
        from natasha import NewsSyntaxParser

        return NewsSyntaxParser(_natasha_embedding())
    from slovnet import Syntax

    return _padding_once(Syntax.load(str(path)).navec(emb))


@cache
def _ner() -> Any:
    """The NER tagger: ``tagger(text).spans`` → spans with start, stop, type."""
    path, emb = _natasha_file(NER_FILE), _embedding()
    if path is None or emb is None:  # pragma: no cover
        from natasha import NewsNERTagger

        return NewsNERTagger(_natasha_embedding())
    from slovnet import NER

    return _padding_once(NER.load(str(path)).navec(emb))


def _padding_once(api: Any) -> Any:
    """``api`` with the convolutions of its encoder padding their input into one zeroed array.

    slovnet's ``Conv1d`` pads with ``numpy.pad``, whose bookkeeping in Python costs more than
    the copy it makes for the short batches a post sends (a tenth of the parser's time).  The
    subclass writes the same zeros and values into one new array and then computes exactly
    as slovnet does, so every number, and with it every parse, stays the same.  An encoder
    of another layout is left as it is.
    """
    from slovnet.exec.model import Conv1d, np  # numpy, as slovnet's own module has it

    class PaddedOnceConv1d(Conv1d):  # type: ignore[misc]
        def __call__(self, input: Any) -> Any:
            batch_size, in_dim, length = input.shape
            padded = np.zeros((batch_size, in_dim, length + 2 * self.padding), dtype=input.dtype)
            padded[:, :, self.padding:self.padding + length] = input
            # from here on slovnet's Conv1d.__call__ (slovnet 0.6), on the padded array
            batch_size, in_dim, seq_len = padded.shape
            batch_stride, in_stride, seq_stride = padded.strides
            unit_stride = padded.data.itemsize
            filters_count, in_dim, kernel_size = self.weight.shape
            windows_count = seq_len - kernel_size + 1
            windows = np.ndarray(
                (batch_size, windows_count, in_dim, kernel_size), dtype=padded.dtype, buffer=padded.data,
                strides=(batch_stride, unit_stride, in_stride, seq_stride),
            )
            windows = windows.reshape(batch_size * windows_count, in_dim * kernel_size)
            weight = self.weight.array.reshape(filters_count, in_dim * kernel_size)
            output = np.matmul(windows, weight.T) + self.bias.array
            output = output.reshape(batch_size, windows_count, filters_count)
            return output.swapaxes(2, 1)

    try:
        layers = api.infer.model.encoder.layers
    except AttributeError:  # pragma: no cover - another slovnet layout
        return api
    for layer in layers:
        if type(getattr(layer, "conv", None)) is Conv1d:
            layer.conv.__class__ = PaddedOnceConv1d
    return api


def _models() -> tuple[Any, Any]:
    """Both models (tests and editor warm-up); rules load only the one they need."""
    return _parser(), _ner()


def load_models(layers: Iterable[str]) -> tuple[str, ...]:
    """Load ahead the models behind these Document layers (``syntax``, ``entities``); the ones loaded.

    The engine asks for the layers its selected rules declare in ``Rule.needs``, so an
    editor that runs no syntax rule never pays for the parser.
    """
    wanted = set(layers)
    loaders = (("syntax", _parser), ("entities", _ner))
    return tuple(layer for layer, load in loaders if layer in wanted and load() is not None)


def parse_sentences(sentences: Sequence[tuple[str, ...]]) -> list[Arcs]:
    """Dependency arcs for each sentence (a tuple of token texts), parsing the new ones in one batch."""
    missing = list(dict.fromkeys(s for s in sentences if s and s not in _PARSE_CACHE))
    if missing:
        parser = _parser()
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
    return tuple((s.start, s.stop, s.type) for s in _ner()(chunk).spans)


def sentence_entities(text: str, start: int, end: int) -> tuple[tuple[int, int, str], ...]:
    """Entities of ``text[start:end]`` (one sentence), with offsets into ``text``; cached by content."""
    chunk = text[start:end]
    if not any(ch.isupper() for ch in chunk):
        return ()  # NER never finds a name without a capital letter
    return tuple((start + a, start + b, kind) for a, b, kind in _entities(chunk))
