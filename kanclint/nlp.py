"""natasha (slovnet) syntax and NER, loaded lazily once per process.

Imported only by the syntax/entity layers of :class:`~kanclint.analysis.Document`,
so a run whose rules need no syntax never pays for loading the models.  The
models ship inside the ``natasha`` package: nothing is downloaded.  natasha's
pymorphy2-based ``MorphVocab`` is never created: lemmas come from pymorphy3.

The parser works sentence by sentence, so parses are cached per sentence: an
edit in an editor re-parses only the sentence that changed (the result is the
same as parsing the whole text).
"""

from __future__ import annotations

from functools import cache, lru_cache

from .analysis import SyntaxToken


@cache
def _models():
    from natasha import NewsEmbedding, NewsNERTagger, NewsSyntaxParser, Segmenter

    emb = NewsEmbedding()
    return Segmenter(), NewsSyntaxParser(emb), NewsNERTagger(emb)


def _doc(text: str):
    from natasha import Doc

    segmenter, _, _ = _models()
    doc = Doc(text)
    doc.segment(segmenter)
    return doc


@lru_cache(maxsize=20_000)
def _parse_sentence(words: tuple[str, ...]) -> tuple[tuple[str, str, str], ...]:
    """``(id, head_id, rel)`` per word, ids local to the sentence."""
    _, parser, _ = _models()
    markup = next(iter(parser.map([list(words)])))
    return tuple((t.id, t.head_id, t.rel or "") for t in markup.tokens)


def parse_syntax(text: str) -> tuple[tuple[SyntaxToken, ...], ...]:
    if not any(ch.isalnum() for ch in text):
        return ()
    doc = _doc(text)
    result = []
    for n, sent in enumerate(doc.sents, 1):
        if not sent.tokens:
            continue
        parsed = _parse_sentence(tuple(t.text for t in sent.tokens))
        result.append(tuple(
            SyntaxToken(t.start, t.stop, t.text, f"{n}_{i}", f"{n}_{h}", rel, "", {})
            for t, (i, h, rel) in zip(sent.tokens, parsed)
        ))
    return tuple(result)


@lru_cache(maxsize=5_000)
def _paragraph_entities(paragraph: str) -> tuple[tuple[int, int, str], ...]:
    _, _, ner = _models()
    doc = _doc(paragraph)
    doc.tag_ner(ner)
    return tuple((s.start, s.stop, s.type) for s in doc.spans)


def find_entities(text: str) -> tuple[tuple[int, int, str], ...]:
    """Entities found paragraph by paragraph (cached), so an edit re-tags one paragraph only."""
    import re

    found: list[tuple[int, int, str]] = []
    for m in re.finditer(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*", text):
        if any(ch.isalpha() for ch in m.group()):
            found.extend((m.start() + a, m.start() + b, kind) for a, b, kind in _paragraph_entities(m.group()))
    return tuple(found)
