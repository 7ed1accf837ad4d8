"""Properties that hold for any string: no crash, offsets valid, deterministic output, fixes idempotent."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kanclint
from kanclint.engine.fixes import apply_edits, choose_fixes

WORDS = [
    "данный", "данной", "в целях", "осуществляет контроль за", "следует отметить, что", "Мы", "вы",
    "ну", "кстати", "😀", "👍🏽", "ё", "Ёлка", "!!!", "?", "#тег", "@user", "https://x.ru", "«цитата»",
    ":", "—", "\n", "\r\n", "\n\n", " ", "в рамках", "принять участие", "на сегодняшний день",
    "было проведено", "администрацией", "района", "И. А. Иванов", "МФЦ", "ВНИМАНИЕ", "Следует", "отметить",
]

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join),
    st.lists(st.sampled_from(WORDS), max_size=60).map("".join),
)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(texts)
def test_never_crashes_and_offsets_are_on_the_matched_text(text):
    report = kanclint.lint(text)
    if report.score is None:  # no words, or not Russian (then KC002 says so)
        assert report.metrics["words"] == 0 or "KC002" in {d.code for d in report.diagnostics}
    else:
        assert 0.0 <= report.score <= 10.0
    for d in report.diagnostics:
        assert 0 <= d.start <= d.end <= len(text)
        assert text[d.start:d.end] == d.match
        if d.fix is not None:
            for e in d.fix.edits:
                assert 0 <= e.start <= e.end <= len(text)


@SETTINGS
@given(texts)
def test_output_is_deterministic(text):
    assert kanclint.lint(text).to_dict() == kanclint.lint(text).to_dict()


@SETTINGS
@given(texts)
def test_chosen_fixes_never_overlap_and_keep_the_rest_byte_identical(text):
    report = kanclint.lint(text)
    chosen = choose_fixes(report.diagnostics, unsafe=True)
    edits = sorted((e for d in chosen for e in d.fix.edits), key=lambda e: (e.start, e.end))
    for a, b in zip(edits, edits[1:]):
        assert a.end <= b.start and not (a.start == a.end == b.start)
    result = apply_edits(text, edits)
    # outside the edited spans the text is unchanged
    pos = 0
    out = 0
    for e in edits:
        assert result[out:out + e.start - pos] == text[pos:e.start]
        out += e.start - pos + len(e.replacement)
        pos = e.end
    assert result[out:] == text[pos:]


@SETTINGS
@given(texts)
def test_fixing_twice_changes_nothing(text):
    once = kanclint.fix(text, unsafe=True)
    twice = kanclint.fix(once.text, unsafe=True)
    assert twice.text == once.text


@SETTINGS
@given(texts)
def test_token_protection_agrees_with_the_protected_spans(text):
    """The sweep that marks tokens while building them gives what a lookup per token gives."""
    from kanclint.text.document import Document

    document = Document(text)
    for token in document.tokens:
        assert token.protected == document.is_protected(token.start, token.end), token
        assert text[token.start:token.end] == token.text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="абв где ёжA1\t  ,:-—«()[{=;.)!?\u00a0\u3000😀\ufeff", max_size=60))
def test_lines_without_a_delimiter_are_split_as_razdel_would(line):
    """A line with no place razdel could end a sentence skips sentenize: the result must be the same."""
    from razdel import sentenize

    from kanclint.text.document import _split_sentences

    if not line.strip():
        return
    got = [(p.start, p.stop, p.text) for p in _split_sentences(line, sentenize)]
    assert got == [(s.start, s.stop, s.text) for s in sentenize(line)]


def test_a_quoted_name_with_full_stops_is_one_sentence():
    """razdel ends a sentence inside «Война. Память. Книга»; the name and the participle after it
    belong to one sentence, so a rewrite of the noun before it sees what agrees with it."""
    from kanclint.text.document import Document

    text = "Открыта выставка «Война. Память. Книга», приуроченная к юбилею. Приходите!"
    sentences = Document(text).sentences
    assert [text[s.start:s.end] for s in sentences] == [
        "Открыта выставка «Война. Память. Книга», приуроченная к юбилею.", "Приходите!"]


def test_an_unclosed_quote_glues_no_more_than_a_few_pieces():
    """A stray «» never turns a whole post into one sentence: the join reaches only a closing mark."""
    from kanclint.text.document import Document

    text = "Открыта выставка «Война. Зал один. Зал два. Зал три. Зал четыре. Приходите!"
    assert len(Document(text).sentences) > 2


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="абв где«». ,!?\n", max_size=80))
def test_sentences_still_cover_the_text_in_order(text):
    """Joining pieces inside quotes keeps sentences in text order, disjoint, with true offsets."""
    from kanclint.text.document import Document

    document = Document(text)
    last = 0
    for sentence in document.sentences:
        assert last <= sentence.start <= sentence.end <= len(text)
        last = sentence.end
        for token in sentence.tokens:
            assert text[token.start:token.end] == token.text


def test_past_quoted_name_counts_nested_marks():
    """A name with a name inside («ООО «Ромашка»») is stepped over whole; an unclosed one is not."""
    from kanclint.text.document import Document
    from kanclint.text.untouchable import past_quoted_name

    tokens = Document("Выставка «Мир «Ромашки»», посвящённая юбилею.").sentences[0].tokens
    at = next(i for i, t in enumerate(tokens) if t.text == "«")
    assert tokens[past_quoted_name(tokens, at)].text == ","
    assert past_quoted_name(tokens, 0) == 0  # no quote opens at the first word
    open_only = Document("Выставка «Мир без конца, посвящённая юбилею.").sentences[0].tokens
    start = next(i for i, t in enumerate(open_only) if t.text == "«")
    assert past_quoted_name(open_only, start) == start
