"""The lazy layers plugins read (docs/plugins.md): Document.syntax / syntax_of and
Document.entities / entities_between, with their documented fields filled (issue #11)."""

from __future__ import annotations

from kanclint import Document

TEXT = "Работы были выполнены подрядчиком в срок. Глава района Иван Петров открыл школу в Петрозаводске."


def test_syntax_gives_heads_relations_pos_and_features():
    doc = Document(TEXT)
    first = doc.syntax_of(doc.sentences[:1])[0]
    by_text = {t.text: t for t in first}
    assert [t.text for t in first][:4] == ["Работы", "были", "выполнены", "подрядчиком"]
    doer = by_text["подрядчиком"]
    assert doer.pos == "NOUN" and doer.feats["Case"] == "Ins" and doer.feats["Number"] == "Sing"
    verb = by_text["выполнены"]
    assert verb.pos == "PRTS" and verb.feats.get("Voice") == "Pass" and verb.feats.get("Variant") == "Short"
    ids = {t.id for t in first}
    root = [t for t in first if t.rel == "root"]
    assert len(root) == 1
    assert all(t.head_id in ids for t in first if t.rel != "root")  # heads point inside the sentence
    assert by_text["подрядчиком"].head_id == verb.id  # the doer hangs on the passive verb
    for t in first:
        assert TEXT[t.start:t.end] == t.text  # offsets into the original text
    assert len(doc.syntax) == len(doc.sentences)


def test_entities_between_finds_people_and_places():
    doc = Document(TEXT)
    found = {(TEXT[s:e], kind) for s, e, kind in doc.entities_between(0, len(TEXT))}
    assert ("Иван Петров", "PER") in found
    assert ("Петрозаводске", "LOC") in found
    assert set(doc.entities) >= {(s, e, k) for s, e, k in doc.entities_between(0, len(TEXT))}
