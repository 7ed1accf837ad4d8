"""natasha (slovnet) syntax and NER, loaded lazily once per process.

Imported only by the syntax/entity layers of :class:`~kanclint.analysis.Document`,
so a run whose rules need no syntax never pays for loading the models.  The
models ship inside the ``natasha`` package: nothing is downloaded.  natasha's
pymorphy2-based ``MorphVocab`` is never created: lemmas come from pymorphy3.
"""

from __future__ import annotations

from functools import cache

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


def parse_syntax(text: str) -> tuple[tuple[SyntaxToken, ...], ...]:
    _, parser, _ = _models()
    doc = _doc(text)
    doc.parse_syntax(parser)
    return tuple(
        tuple(
            SyntaxToken(t.start, t.stop, t.text, t.id, t.head_id, t.rel or "", t.pos or "", dict(t.feats or {}))
            for t in sent.tokens
        )
        for sent in doc.sents
    )


def find_entities(text: str) -> tuple[tuple[int, int, str], ...]:
    _, _, ner = _models()
    doc = _doc(text)
    doc.tag_ner(ner)
    return tuple((s.start, s.stop, s.type) for s in doc.spans)
