"""What «a suggestion of kanclint is flagged by another kanclint rule» means, for the tests (issue #12).

A proposal is the fix of a finding applied, or one of its suggestions put in place of the
finding's span.  It is *flagged* when the text after it has a finding that touches the words
the proposal wrote and that the draft did not already have:

* a word-level finding (dictionaries, KC201, KC302, KC304, KC407) on a written word counts
  unless the very same finding (rule, dictionary entry, matched text, or for a dictionary entry
  the same lemmas) was in the draft: the author's own «земельного участка» next to a replaced
  preposition is not the proposal's fault, nor is the draft's «провела опрос» that KC304 says
  as «Мы провели опрос»;
* KC304 (an organisation in the third person) on a body the draft itself named, when no
  `we`/`author` is configured: KC201's «Администрация района провела мероприятие» puts the
  author's own doer first, and only the configuration can tell whether that body is the author
  (with it, the rewrite says «Мы провели…» and KC304 is silent; that case is not excused);
* KC201's *hint* (info: a passive without a doer) on a word that replaced a passive word of the
  draft («приобретено» → «куплено», «осуществляется» → «ведётся»): the voice is the author's
  construction, kept as it was; KC201's own rewrite of it is the next step.  A replacement that
  turns an active word into a passive is not excused, nor is KC201's warning (a doer named);
* a shape or metric finding (:data:`SHAPE_RULES`: a genitive chain, a noun-heavy or long
  sentence, stacked participles, a ceremonial opening, a post without an address…) judges
  the sentence or the post, not a word; it counts only when the draft had no finding of that
  rule there, i.e. when the proposal created it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import kanclint
from kanclint import Config, Diagnostic, Document, Edit, Severity
from kanclint.model import apply_edits

# Rules that judge the shape of a sentence or a post rather than a word; see the module docstring.
SHAPE_RULES = frozenset({
    "KC202", "KC203", "KC204", "KC205", "KC301", "KC303", "KC305", "KC306", "KC307",
    "KC402", "KC403", "KC404", "KC405",
})


@dataclass(frozen=True)
class Flagged:
    rule: str  # the rule that proposed
    proposal: str
    text: str  # the text after the proposal
    by: tuple[tuple[str, str], ...]  # (code, matched text) of the findings on the written words


def proposals(text: str, d: Diagnostic) -> list[tuple[str, str, tuple[Edit, ...]]]:
    """(what is proposed, the text after it, its edits) for the fix and every suggestion."""
    out = []
    if d.fix is not None:
        out.append((" / ".join(e.replacement for e in d.fix.edits), apply_edits(text, list(d.fix.edits)), d.fix.edits))
    for s in d.suggestions:
        edit = Edit(d.start, d.end, s)
        if d.fix is not None and d.fix.edits == (edit,):
            continue
        out.append((s, apply_edits(text, [edit]), (edit,)))
    return out


_WORD = re.compile(r"[\w-]+")


def _written_spans(text: str, edits: tuple[Edit, ...]) -> list[tuple[int, int]]:
    """Where the proposal wrote words of its own in the new text.

    A word the replaced text already had («уникальная» of «очень уникальная», «граждан» carried
    into «принимаем граждан») is the author's, not the proposal's.  A deletion writes nothing: its
    span is the empty join point, which a finding touches only by spanning it («приняли | меры»).
    """
    spans, shift = [], 0
    for e in sorted(edits, key=lambda e: e.start):
        start = e.start + shift
        had = {w.casefold() for w in _WORD.findall(text[e.start:e.end])}
        written = [(start + m.start(), start + m.end()) for m in _WORD.finditer(e.replacement)
                   if m.group().casefold() not in had]
        spans.extend(written if e.replacement.strip() else [(start, start)])
        shift += len(e.replacement) - (e.end - e.start)
    return spans


def _touches(d: Diagnostic, spans: list[tuple[int, int]]) -> bool:
    return any(d.start < b and a < d.end if a < b else d.start < a < d.end for a, b in spans)


def _replaced_passive(text: str, edits: tuple[Edit, ...]) -> bool:
    """Every edit replaced a passive participle or a «-ся» verb of the draft."""
    for e in edits:
        words = [t for t in Document(text).tokens if t.is_word and e.start <= t.start < e.end]
        if not words or not all(
            any("pssv" in p.grammemes or (p.pos == "VERB" and t.key.endswith(("ся", "сь"))) for p in t.parses)
            for t in words
        ):
            return False
    return True


def _named_by_draft(a: Diagnostic, text: str, after_text: str, spans: list[tuple[int, int]]) -> bool:
    """Every word of the finding but its verb is a word of the draft, in some form
    («прокуратурой» → «Прокуратура»): the proposal moved the author's body, it named none."""
    stems = {w.casefold()[:5] for w in _WORD.findall(text)}
    words = [m.group().casefold() for m in _WORD.finditer(after_text, a.start, a.end)]
    return len(words) > 1 and all(w[:5] in stems for w in words[:-1])


def _lemmas(match: str) -> tuple[str, ...]:
    return tuple(t.lemma for t in Document(match).tokens if t.is_word)


def _same(a: Diagnostic, b: Diagnostic, first_edit: int) -> bool:
    """The draft's own finding: same rule and entry, and the same words (in any form: «провела опрос»
    said as «мы провели опрос» by KC304 is the draft's finding, not the proposal's) or the same
    start before the edit."""
    if a.code != b.code or a.entry != b.entry:
        return False
    return a.match.casefold() == b.match.casefold() or a.start == b.start < first_edit or (
        a.entry is not None and _lemmas(a.match) == _lemmas(b.match))


def flagged(text: str, config: Config | None = None, only: str | None = None) -> list[Flagged]:
    """Every proposal of every finding in ``text`` (of rule ``only``, if given) that another finding flags."""
    config = config or Config(use_ignore_file=False)
    before = kanclint.lint(text, config=config).diagnostics
    found: list[Flagged] = []
    for d in before:
        if only is not None and d.code != only:
            continue
        for proposal, after_text, edits in proposals(text, d):
            found.extend(_check(d.code, proposal, text, after_text, edits, before, config))
    return found


def _check(code, proposal, text, after_text, edits, before, config) -> list[Flagged]:
    spans = _written_spans(text, edits)
    old_spans = [(e.start, e.end) for e in edits]
    after = kanclint.lint(after_text, config=config).diagnostics
    hits = []
    for a in after:
        if not _touches(a, spans):
            continue
        if a.code in SHAPE_RULES:
            if any(b.code == a.code and (b.start < max(e for _, e in old_spans) and min(s for s, _ in old_spans) < b.end
                                         or b.start <= min(s for s, _ in old_spans) <= b.end) for b in before):
                continue
        elif any(_same(a, b, min(s for s, _ in old_spans)) for b in before):
            continue
        elif a.code == "KC201" and a.severity is Severity.INFO and _replaced_passive(text, edits):
            continue
        elif a.code == "KC304" and not (config.we or config.author) and _named_by_draft(a, text, after_text, spans):
            continue
        hits.append((a.code, a.match))
    return [Flagged(code, proposal, after_text, tuple(hits))] if hits else []
