"""Issue #9: every stage is linear in the size of a text, and invisible marks do not hide words.

Speed itself is measured by ``benchmarks/scaling.py``; these tests count the work
(comparisons, index builds) so that a quadratic loop fails whatever the machine.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

import kanclint
from kanclint import model
from kanclint.engine.running import _drop_nested_phrases
from kanclint.text.morphology import fold
from kanclint.text.protection import SpanIndex
from kanclint.rules.press_release import paragraph_openers


class Counter:
    reads = 0


class CountingFinding:
    """A duck-typed finding that counts how often its position is read."""

    def __init__(self, start: int, end: int, code: str = "KC101"):
        self._start, self._end, self.code = start, end, code
        self.entry = "e"
        self.fix = None

    @property
    def start(self) -> int:
        Counter.reads += 1
        return self._start

    @property
    def end(self) -> int:
        Counter.reads += 1
        return self._end


def test_nested_phrases_are_dropped_in_one_sweep():
    n = 3000
    found = [CountingFinding(10 * i, 10 * i + 5) for i in range(n)]
    Counter.reads = 0
    kept = _drop_nested_phrases(found)
    assert kept == found
    # the old loop compared each finding with every kept one: ~n²/2 = 4.5 million reads
    assert Counter.reads < 20 * n


def _old_drop_nested(found):
    """The pre-#9 algorithm, as the reference for what is kept."""
    phrases = [d for d in found if d.entry is not None]
    if len(phrases) < 2:
        return found
    order = sorted(phrases, key=lambda d: (d.start, -d.end, d.fix is None, d.code))
    kept, dropped = [], set()
    for d in order:
        if any(k.start <= d.start and d.end <= k.end for k in kept):
            dropped.add(id(d))
        else:
            kept.append(d)
    return [d for d in found if id(d) not in dropped]


@dataclass(eq=False)
class Finding:
    start: int
    end: int
    code: str
    entry: str | None
    fix: object = None


spans = st.lists(
    st.tuples(st.integers(0, 40), st.integers(0, 12), st.sampled_from(["KC101", "KC105"]), st.booleans()),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(spans)
def test_the_sweep_keeps_what_the_pairwise_loop_kept(raw):
    found = [Finding(s, s + w, code, "e" if phrase else None) for s, w, code, phrase in raw]
    found.sort(key=lambda d: (d.start, d.end, d.code))
    assert _drop_nested_phrases(found) == _old_drop_nested(found)


@dataclass
class Para:
    start: int
    end: int


@dataclass
class Sent:
    start: int
    content: tuple = (1,)


class CountingDocument:
    def __init__(self, n: int):
        self.reads = 0
        self._sentences = [Sent(10 * i) for i in range(n)]
        self._paragraphs = [Para(10 * i, 10 * i + 9) for i in range(n)]

    @property
    def sentences(self):
        return self._sentences

    @property
    def paragraphs(self):
        return self._paragraphs


class CountingSent(Sent):
    reads = 0

    def __getattribute__(self, name):
        if name == "start":
            CountingSent.reads += 1
        return object.__getattribute__(self, name)


def test_paragraph_openers_do_not_walk_all_sentences_per_paragraph():
    n = 2000
    doc = CountingDocument(n)
    doc._sentences = [CountingSent(10 * i) for i in range(n)]
    CountingSent.reads = 0
    openers = paragraph_openers(doc)  # type: ignore[arg-type]
    assert [s.start for s in openers] == [10 * i for i in range(n)]
    assert CountingSent.reads < 10 * n  # was about n²/2 = 2 million


def test_paragraph_openers_on_a_real_document():
    from kanclint.text.document import Document

    text = "Первый абзац. Ещё предложение.\n\n\n😀\n\nВторой абзац! И ещё.\n\nТретий"
    doc = Document(text)
    assert [text[s.start:s.end] for s in paragraph_openers(doc)] == ["Первый абзац.", "Второй абзац!", "Третий"]


def _old_line_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    line_start = text.rfind("\n", 0, offset) + 1
    return line, offset - line_start + 1


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab\n\r😀\u2028", max_size=40), st.data())
def test_line_index_answers_as_counting_from_the_start(text, data):
    offset = data.draw(st.integers(0, len(text)))
    assert model.line_column(text, offset) == _old_line_column(text, offset)
    assert model.LineIndex(text).line_column(offset) == _old_line_column(text, offset)


def test_crlf_is_one_break_and_columns_are_code_points():
    text = "😀 a\r\nbb\r\n\nc"
    assert model.line_column(text, text.index("bb")) == (2, 1)
    assert model.line_column(text, text.index("c")) == (4, 1)
    assert model.line_column(text, text.index("a")) == (1, 3)


def test_report_to_dict_builds_the_line_index_once(monkeypatch):
    built = []
    real = model.LineIndex.__init__

    def counting(self, text):
        built.append(len(text))
        real(self, text)

    monkeypatch.setattr(model.LineIndex, "__init__", counting)
    model.line_index.cache_clear()
    text = "Данный вопрос.\n" * 50
    report = kanclint.lint(text)
    assert len(report.diagnostics) >= 50
    data = report.to_dict()
    assert len(built) == 1
    assert data["diagnostics"][-1]["line"] == 50


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 10))), st.integers(-2, 70))
def test_span_index_agrees_with_a_scan(raw, offset):
    pairs = [(s, s + w) for s, w in raw]
    assert SpanIndex(pairs).contains(offset) == any(s <= offset < e for s, e in pairs)


def test_metrics_counts_are_integers():
    report = kanclint.lint("Данный текст. Второе предложение!")
    metrics = report.to_dict()["metrics"]
    assert metrics["words"] == 4 and isinstance(metrics["words"], int)
    assert isinstance(metrics["sentences"], int) and isinstance(metrics["characters"], int)


# -- invisible marks -------------------------------------------------------------------------


MARKED = [
    "В да\u0301нном случае мы ждём вас.",  # stress accent
    "В да\u0300нном случае мы ждём вас.",  # grave accent
    "В дан\u00adном случае мы ждём вас.",  # soft hyphen
    "В дан\u200bном случае мы ждём вас.",  # zero-width space
    "В дан\u200cном случае мы ждём вас.",  # zero-width non-joiner
    "В дан\u200dном случае мы ждём вас.",  # zero-width joiner (not an emoji)
    "В дан\u2060ном случае мы ждём вас.",  # word joiner
]


def test_marks_inside_a_word_do_not_hide_it():
    plain = {(d.code, d.entry) for d in kanclint.lint("В данном случае мы ждём вас.").diagnostics}
    assert ("KC101", "dannyj") in plain
    for text in MARKED:
        report = kanclint.lint(text)
        found = {(d.code, d.entry) for d in report.diagnostics}
        assert found == plain, repr(text)
        d = next(d for d in report.diagnostics if d.entry == "dannyj")
        # reported on the original text, mark included
        assert text[d.start:d.end] == d.match and d.start == 2 and len(d.match) == 7
        assert fold(d.match) == "данном"


def test_a_stressed_last_letter_and_fixes_keep_offsets():
    # (a passive with its doer, «осуществляется силами волонтёров», is no longer swapped for
    # «идёт»: issue #12; a doer-less passive still is)
    text = "Заня\u0301тия проводя\u0301тся по суббо\u0301там."
    report = kanclint.lint(text)
    assert any(d.match == "проводя\u0301тся" for d in report.diagnostics)
    fixed = kanclint.fix(text, unsafe=True).text
    assert "проводя" not in fixed and fixed.endswith("по суббо\u0301там.")


def test_an_emoji_sequence_with_a_joiner_is_still_protected():
    from kanclint.text import protection as protected

    text = "Семья 👨\u200d👩\u200d👧 и дан\u200dный"
    spans = [(text[s:e], kind) for s, e, kind in protected.find(text) if kind == "emoji"]
    assert spans == [("👨\u200d👩\u200d👧", "emoji")]


# -- Markdown code ------------------------------------------------------------------------


def test_inline_code_in_markdown_is_not_linted(tmp_path):
    text = "Впишите `данный` в поле, а в блоке:\n\n```\nосуществлять контроль\n```\n\nДанный ключ не подходит.\n"
    report = kanclint.lint(text, path=str(tmp_path / "post.md"))
    matches = [d.match for d in report.diagnostics if d.code.startswith("KC1")]
    assert "Данный" in matches
    assert "данный" not in matches and not any("осуществлять" in m for m in matches)


def test_unclosed_backticks_and_fences_protect_nothing():
    from kanclint.text import protection as protected

    text = "один ` без пары, и ```x\nданный\n"
    assert not [s for s in protected.find(text) if s[2] == "code"]
    assert any(d.match == "данный" for d in kanclint.lint(text).diagnostics)


# -- the campaign, small -------------------------------------------------------------------


def test_a_small_fuzz_campaign_finds_no_crash_and_no_violation():
    """300 examples of ``benchmarks/fuzz_campaign.py`` (the full campaign runs 20,000)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "fuzz_campaign.py"
    spec = importlib.util.spec_from_file_location("fuzz_campaign", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    result = module.campaign(300, random_seed=3, progress=False)
    assert result["counts"]["examples"] == 300
    assert not result["failing"], result["failing"]


# -- one giant sentence (a one-line post without full stops) ----------------------------------


def test_a_sentence_too_long_for_the_parser_is_not_parsed(monkeypatch):
    """The parser is quadratic in a sentence's length: past MAX_PARSED_TOKENS it is not called."""
    from kanclint.text import nlp
    from kanclint.rules import syntax

    asked: list[int] = []
    real = nlp.parse_sentences

    def spy(sentences):
        asked.extend(len(s) for s in sentences)
        return real(sentences)

    monkeypatch.setattr(nlp, "parse_sentences", spy)
    nlp.clear_caches()
    long = " ".join(["работы были выполнены подрядчиком"] * 100)  # one sentence of 400 words
    short = "Работы были выполнены подрядчиком."
    kanclint.lint(long + "\n\n" + short)
    assert asked and max(asked) <= syntax.MAX_PARSED_TOKENS


class CountingWords(tuple):
    """A sentence's word tuple that counts the words handed out by iteration."""

    walked = 0

    def __iter__(self):
        for item in tuple.__iter__(self):
            CountingWords.walked += 1
            yield item


def test_guards_do_not_rescan_a_long_sentence_per_match():
    """Per guarded match, the guard check used to map every word of the sentence; now it bisects."""
    from kanclint.text.document import Document
    from kanclint.engine.config import Config
    from kanclint.engine.running import run_rules

    text = " ".join(["в данном случае мы ждём вас"] * 300)  # one sentence, 300 guarded matches
    document = Document(text)
    (sentence,) = document.sentences
    words, links = sentence.linked_words
    sentence.__dict__["linked_words"] = (CountingWords(words), links)
    CountingWords.walked = 0
    found = run_rules(document, Config())
    assert sum(1 for d in found if d.entry == "dannyj") == 300
    assert CountingWords.walked < 5 * len(words)  # was 300 walks of 1,800 words


class CountingTokens(tuple):
    """A sentence's token tuple that counts the tokens handed out by iteration."""

    walked = 0

    def __iter__(self):
        for item in tuple.__iter__(self):
            CountingTokens.walked += 1
            yield item


def test_rules_do_not_walk_a_long_sentence_per_finding():
    """Passive, participle and deletion-fix code used to scan the sentence for every finding."""
    from kanclint.text.document import Document
    from kanclint.engine.config import Config
    from kanclint.engine.running import run_rules

    text = " ".join(["работы были выполнены подрядчиком и в данном случае мы ждём вас"] * 200)
    document = Document(text)
    (sentence,) = document.sentences
    object.__setattr__(sentence, "tokens", CountingTokens(sentence.tokens))
    CountingTokens.walked = 0
    found = run_rules(document, Config())
    assert sum(1 for d in found if d.entry == "dannyj") == 200
    assert CountingTokens.walked < 30 * len(sentence.tokens)  # was about 800 walks of the sentence
