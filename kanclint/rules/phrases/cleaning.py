"""Proposals of code rules made clean by the dictionaries (issue #12).

A code rule that writes words («Мы осуществляем приём», «Приняли решение») must not propose
what a dictionary flags next.  :func:`clean_edits` applies the rule's edits to the sentence,
runs the shipped dictionaries over the words the rule wrote (never over the author's own words
around them), applies the dictionaries' fixes there («Принимаем граждан», «Решили») and gives
back one edit from the first to the last changed word.  When a dictionary flags a written word
and has no fix for it, there is no clean proposal: ``None``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from kanclint.model import Diagnostic, Edit, apply_edits
from kanclint.rules.phrases.loading import shipped_rules
from kanclint.text.document import Document

ROUNDS = 3  # a fix may reveal one more find («Мы осуществляем информирование» → «информируем» → «сообщаем»)


def _findings(doc: Document, start: int, end: int, kept: frozenset[str]) -> list[Diagnostic]:
    """Dictionary findings that touch a word of ``[start, end)`` the author did not write."""
    ours = [t for t in doc.tokens if t.is_word and start <= t.start < end and t.key not in kept]
    if not ours:
        return []
    # the judges of what is канцелярит; a finding is built only for a match that touches a written
    # word (building one costs more than the match: its fix is inflected and guarded)
    return [
        d for rule in shipped_rules()
        for d in rule.check(doc, lambda m: any(m.start < t.end and t.start < m.end for t in ours))
    ]


def _author_noun(doc: Document, d: Diagnostic, lemmas: frozenset[str]) -> bool:
    """Whether a finding lies only on nouns and adjectives the author wrote, in another case:
    «замена кровли» → «заменят кровлю».  An entry that only offers options there («кровля» →
    «крыша»?) flagged the draft as well; the rewrite does not make it worse, so it may stand.
    A verb the rule wrote («осуществляем») is never excused: the rule chose it."""
    words = [t for t in doc.tokens if t.is_word and d.start < t.end and t.start < d.end]
    return bool(words) and all(t.pos not in _WRITTEN_VERB_POS and t.lemmas & lemmas for t in words)


# «учащимися» → «учащиеся», «всеми желающими» → «все желающие»: a participle used as a noun is the author's word too
_AUTHOR_NOUN_POS = frozenset({"NOUN", "ADJF", "PRTF"})
_WRITTEN_VERB_POS = frozenset({"VERB", "INFN", "PRTS", "GRND"})  # «все» of «всеми» may read as a particle


def finding_key(doc: Document, d: Diagnostic) -> tuple[str, str | None, tuple[str, ...]]:
    """A finding told by its rule, its entry and the lemmas of its words: «провела опрос» and
    «провели опрос» are one finding in two forms."""
    return d.code, d.entry, tuple(t.lemma for t in doc.tokens if t.is_word and d.start < t.end and t.start < d.end)


def draft_findings(draft: str) -> frozenset[tuple[str, str | None, tuple[str, ...]]]:
    """The keys (:func:`finding_key`) of the dictionaries' findings in ``draft`` that offer no fix."""
    doc = Document(draft, draft=True)
    return frozenset(finding_key(doc, d) for d in _findings(doc, 0, len(draft), frozenset()) if d.fix is None)


def clean_text(text: str, start: int, end: int, kept: frozenset[str],
               kept_lemmas: frozenset[str] = frozenset(),
               excused: frozenset[tuple[str, str | None, tuple[str, ...]]] = frozenset()) -> tuple[str, int, int] | None:
    """``text`` with the dictionaries' fixes applied to the written words in ``[start, end)``.

    Returns the new text and the new bounds of the written region; ``None`` when a written
    word is flagged by an entry that offers no fix (unless it is the author's own noun put into
    another case, ``kept_lemmas``, or the draft had that very finding in another form, ``excused``:
    «Администрация провела опрос.» → «Мы провели опрос.» keeps the draft's «провела опрос», which
    has no fix without an object, and adds nothing to it).
    """
    for _ in range(ROUNDS):
        doc = Document(text, draft=True)  # one reading of the text for its findings and for whose nouns they lie on
        found = _findings(doc, start, end, kept)
        if kept_lemmas or excused:
            # the author's own words put into another case are never cleaned away: «проведена уникальная
            # операция» → «провели операцию» dropped a fact (judge h36); the draft's finding stays for its rule
            found = [d for d in found if not (kept_lemmas and _author_noun(doc, d, kept_lemmas)) and (
                d.fix is not None or finding_key(doc, d) not in excused)]
        if not found:
            return text, start, end
        fixable = [d for d in found if d.fix is not None]
        if not fixable or any(
            not any(f.start <= d.start and d.end <= f.end for f in fixable) for d in found if d.fix is None
        ):
            return None
        d = max(fixable, key=lambda f: f.end - f.start)
        assert d.fix is not None
        new = apply_edits(text, list(d.fix.edits))
        shift = len(new) - len(text)
        start, end = min(start, d.fix.start, len(new)), max(end + shift, d.fix.end + shift)
        text = new
    return None


def word_edit(old: str, new: str, base: int) -> Edit:
    """One edit from the first to the last changed word of ``old`` (offsets from ``base``)."""
    limit = min(len(old), len(new))
    prefix = 0
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    while prefix > 0 and (old[prefix - 1].isalnum() or old[prefix - 1] == "-"):
        prefix -= 1
    while suffix > 0 and (old[len(old) - suffix].isalnum() or old[len(old) - suffix] == "-"):
        suffix -= 1
    return Edit(base + prefix, base + len(old) - suffix, new[prefix:len(new) - suffix])


def clean_edits(text: str, start: int, end: int, edits: Sequence[Edit]) -> Edit | None:
    """The rule's ``edits`` inside ``text[start:end]`` (a sentence), made clean, as one edit.

    ``None`` when no clean proposal exists.  The author's words in the sentence are never
    judged: only what the edits wrote.
    """
    sentence = text[start:end]
    local = [Edit(e.start - start, e.end - start, e.replacement) for e in edits]
    words = [t for t in Document(sentence).tokens if t.is_word]
    kept = frozenset(t.key for t in words)
    lemmas = frozenset(lemma for t in words if t.pos in _AUTHOR_NOUN_POS for lemma in t.lemmas)
    new = apply_edits(sentence, local)
    first = min(e.start for e in local)
    written_end = max(e.end for e in local) + len(new) - len(sentence)
    cleaned = clean_text(new, first, written_end, kept, lemmas)
    if cleaned is None:
        return None
    if len(local) == 1 and cleaned[0] == new:
        return edits[0]  # nothing to clean: the rule's own edit, as it was
    diff = word_edit(sentence, cleaned[0], 0)
    # cover at least what the rule replaced, so its finding and its fix keep their span
    lo = min(diff.start, *(e.start for e in local))
    hi = max(diff.end, *(e.end for e in local))
    return Edit(start + lo, start + hi, cleaned[0][lo:hi + len(cleaned[0]) - len(sentence)])


@lru_cache(maxsize=4096)  # a pronoun and a verb form: the same few recur in every post
def clean_phrase(phrase: str) -> str | None:
    """A phrase a message proposes («Мы проинформируем»), with the dictionaries' fixes; None if none is clean."""
    cleaned = clean_text(phrase, 0, len(phrase), frozenset())
    return cleaned[0] if cleaned is not None else None
