"""The language server's incremental lint gives exactly what ``kanclint.lint`` gives on the final text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kanclint
from kanclint.engine.config import Config, from_mapping
from kanclint.engine.incremental import IncrementalLinter, chunks
from kanclint.text.document import segment
from kanclint.text.document import Document

ROOT = Path(__file__).resolve().parents[1]
BASES = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*")) if p.is_file()] + [
    p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "fixtures").glob("*.txt"))][:6]
SNIPPETS = [
    "!!!", "!", "\n\n", "\n", " ", "  ", "\r\n\r\n", "«", "»", "ё", "е", "ВНИМАНИЕ ВСЕМ", "МФЦ", "(МФЦ)",
    "многофункциональный центр (МФЦ) ", "https://example.com/a b", "#праздник ", "Доводим до вашего сведения, что ",
    "в целях обеспечения ", "осуществляется контроль за ", "было проведено совещание. ", "Ждём всех! ",
    "Иван Петров открыл школу. ", "\n\n   Данный вопрос является актуальным.\n\n", "— ", ",",
    "<!-- kanclint-disable KC401 -->", "<!-- kanclint-enable -->", "Уважаемые жители!\n\n",
    "Глава района сказал:\n\n«Данный вопрос является актуальным в целях обеспечения»", "ещё ", "еще ",
    "Состоялось заседание комиссии по вопросам благоустройства территории района. ",
]


def same(a: kanclint.Report, b: kanclint.Report) -> None:
    assert a.diagnostics == b.diagnostics
    assert a.to_dict() == b.to_dict()


edit = st.tuples(st.floats(0, 1), st.integers(0, 60), st.sampled_from(SNIPPETS) | st.text(max_size=8))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(base=st.sampled_from(BASES), edits=st.lists(edit, min_size=1, max_size=6),
       cfg=st.sampled_from([None, {"select": ["ALL"]}, {"ignore": ["KC1"], "allow": ["данный"]}]))
def test_every_version_equals_a_full_lint(base: str, edits: list[tuple[float, int, str]], cfg) -> None:
    config = from_mapping(cfg, "test") if cfg else Config()
    linter = IncrementalLinter(max_paragraphs=8)
    text = base
    same(linter.lint(text, config=config), kanclint.lint(text, config=config))
    for where, cut, insert in edits:
        at = int(where * len(text))
        text = text[:at] + insert + text[at + cut:]
        same(linter.lint(text, config=config), kanclint.lint(text, config=config))


def test_an_edit_rechecks_only_its_paragraph() -> None:
    linter = IncrementalLinter()
    text = "\n\n".join(BASES[:3])
    linter.lint(text)
    paragraphs = len(chunks(Document(text)))
    assert linter.misses == paragraphs and linter.hits == 0
    at = text.index("\n\n") + 2  # the start of the second paragraph
    edited = text[:at] + "Доводим до вашего сведения, что " + text[at:]
    report = linter.lint(edited)
    assert linter.misses == paragraphs + 1 and linter.hits == paragraphs - 1
    assert any(d.code == "KC102" and d.start == at for d in report.diagnostics)
    same(report, kanclint.lint(edited))


def test_the_cache_is_bounded_and_follows_the_configuration() -> None:
    linter = IncrementalLinter(max_paragraphs=2)
    text = "\n\n".join(BASES[:3])
    linter.lint(text)
    assert len(linter._cache) == 2
    strict = from_mapping({"ignore": ["KC401"]}, "test")
    report = linter.lint("Ждём всех!!!", config=strict)
    assert not any(d.code == "KC401" for d in report.diagnostics)
    assert any(d.code == "KC401" for d in linter.lint("Ждём всех!!!").diagnostics)
    assert any(d.code == "KC401" for d in linter.lint("Ждём всех!!!", path="a.txt").diagnostics)


def test_two_documents_keep_their_paragraphs_cached() -> None:
    linter = IncrementalLinter()
    a, b = "\n\n".join(BASES[:2]), "\n\n".join(BASES[2:4])
    strict = from_mapping({"ignore": ["KC401"]}, "test")
    linter.lint(a, path="a.txt")
    linter.lint(b, config=strict, path="b.txt")
    misses = linter.misses
    same(linter.lint(a, path="a.txt"), kanclint.lint(a, path="a.txt"))
    same(linter.lint(b, config=strict, path="b.txt"), kanclint.lint(b, config=strict, path="b.txt"))
    assert linter.misses == misses  # switching documents recomputed nothing


def _layout(sentences) -> list:
    return [(s.index, s.start, s.end, [(t.index, t.start, t.end, t.text, t.sentence, t.protected) for t in s.tokens])
            for s in sentences]


@settings(max_examples=150, deadline=None)
@given(base=st.sampled_from(BASES), edits=st.lists(edit, min_size=0, max_size=4))
def test_sentences_assembled_from_paragraphs_equal_the_documents_own(base: str, edits) -> None:
    text = base
    for where, cut, insert in edits:
        at = int(where * len(text))
        text = text[:at] + insert + text[at + cut:]
    document = Document(text)
    pieces = [(start, segment(text[start:end])) for start, end in chunks(document)]
    assert _layout(Document(text).assemble(pieces)) == _layout(document.sentences)
