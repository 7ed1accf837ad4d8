"""One word, one treatment in a paragraph (issue #12).

«для проживающих на закреплённой территории» kept by a guard and «не проживающих на
закреплённой территории» → «не живущих» a sentence later: one rule now names its two groups
differently.  «взамен земельного участка» → «вместо…» next to «взамен земельному участку» (no
match: the noun is in the wrong case) leaves one «взамен» of two.  When a dictionary entry's own
word (the one word it fixes, not a ``<…>`` slot) also stands in the paragraph where that entry
gives no fix, none of its occurrences there is fixed: each stays an option.
"""

from __future__ import annotations

from typing import Iterable, Mapping, Sequence

from kanclint.model import Fix
from kanclint.patterns import Match
from kanclint.text.document import Document, Sentence, Token

def is_swap(m: Match, fix: Fix | None) -> bool:
    """Whether ``fix`` swaps the match word for word («взамен старых» → «вместо старых»): a
    deletion («Процесс перемещения» → «Перемещение») leaves no other name beside the one kept."""
    if fix is None or len(fix.edits) != 1:
        return False
    return len(fix.edits[0].replacement.split()) == sum(1 for t in m.tokens if t.is_word)


def own_word(m: Match) -> Token | None:
    """The entry's single fixed word of a match (``None`` for a phrase of several fixed words)."""
    generic = {t.start for k, t in m.slots.items() if k < 0}
    fixed = [t for t in m.tokens if t.is_word and t.start not in generic]
    return fixed[0] if len(fixed) == 1 else None


def _paragraph(document: Document, at: int) -> tuple[int, int]:
    """The bounds of the paragraph holding offset ``at`` (the document splits them once)."""
    return next(((p.start, p.end) for p in document.paragraphs if p.start <= at < p.end), (0, len(document.text)))


def stands_unfixed(document: Document, m: Match, fixed_starts: Iterable[int]) -> bool:
    """Whether the match's own word stands elsewhere in its paragraph (same lemma) where no fix
    of the same entry covers it (``fixed_starts``: where that entry's fixes put the word)."""
    word = own_word(m)
    if word is None or not word.lemma:
        return False
    start, end = _paragraph(document, m.start)
    covered = set(fixed_starts)
    for sentence in document.sentences:
        if sentence.end <= start or sentence.start >= end:
            continue
        for t in sentence.words:
            if t.start != word.start and t.start not in covered and word.lemma in t.lemmas:
                return True
    return False


def taken_by_entries(found: Mapping[str, Sequence[tuple[Sentence, Sequence[Match]]]]) -> dict[int, set[str]]:
    """Where a word stands → the entries (of any rule of the family, ``found`` as its scan gives
    them) whose match holds it: a word another entry treats is that entry's business, not a
    second occurrence left as it was."""
    taken: dict[int, set[str]] = {}
    for rows in found.values():
        for _sentence, matches in rows:
            for m in matches:
                for t in m.tokens:
                    taken.setdefault(t.start, set()).add(m.payload.id)
    return taken
