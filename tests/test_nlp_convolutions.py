"""The parser's and the tagger's convolutions pad their input once (kanclint.text.nlp._padding_once).

The subclass must compute exactly what slovnet's ``Conv1d`` computes — the same numbers,
bit for bit — or parses, and with them findings, would drift.
"""

from __future__ import annotations

import numpy as np
import pytest
from slovnet.exec.model import Conv1d

from kanclint.text import nlp


@pytest.mark.parametrize("load", [nlp._parser, nlp._ner])
def test_every_convolution_gives_slovnets_numbers(load):
    layers = load().infer.model.encoder.layers
    assert layers and all(type(layer.conv) is not Conv1d and isinstance(layer.conv, Conv1d) for layer in layers)
    rng = np.random.default_rng(13)
    for layer in layers:
        conv = layer.conv
        dim = conv.weight.shape[1]
        for batch, length in [(1, 1), (1, 9), (3, 20), (8, 61)]:
            contiguous = rng.standard_normal((batch, dim, length)).astype(np.float32)
            swapped = np.swapaxes(rng.standard_normal((batch, length, dim)).astype(np.float32), 2, 1)  # as the encoder passes it
            for x in (contiguous, swapped):
                ours, theirs = conv(x), Conv1d.__call__(conv, x)
                assert ours.dtype == theirs.dtype and ours.shape == theirs.shape
                assert np.array_equal(ours, theirs)


def test_the_parser_reads_sentences_as_before():
    sentences = [["Ремонт", "дороги", "был", "проведён", "подрядчиком", "."],
                 ["Мы", "ждём", "всех", "на", "празднике", "!"]]
    parser = nlp._parser()
    ours = [[(t.id, t.head_id, t.rel) for t in m.tokens] for m in parser.map(sentences)]
    convs = [layer.conv for layer in parser.infer.model.encoder.layers]
    patched = convs[0].__class__
    try:
        for conv in convs:
            conv.__class__ = Conv1d
        theirs = [[(t.id, t.head_id, t.rel) for t in m.tokens] for m in parser.map(sentences)]
    finally:
        for conv in convs:
            conv.__class__ = patched
    assert ours == theirs and len(ours[0]) == 6
