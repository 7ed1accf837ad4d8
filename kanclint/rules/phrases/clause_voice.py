"""A replacement that speaks as «мы» cannot go into a clause that reports someone else.

«Администрация сообщает, что 1 июня состоится открытие тропы» → «…сообщает, что 1 июня
приглашаем на открытие» puts the author's own voice inside a clause the third person governs;
«…площадка, на которой приглашаем…» breaks the same way.  The dictionaries cannot see this: a
guard pattern cannot reach over the time «11:00» to the «что».  Such a fix is only offered.
"""

from __future__ import annotations

from typing import Sequence

from kanclint.text.document import Sentence, Token
from kanclint.text.morphology import parse

# words that open a clause the main clause governs
_SUBORDINATORS = frozenset({"что", "чтобы", "который", "где", "когда", "если"})


def _first_person(text: str) -> bool:
    """Whether ``text`` has a finite verb in the first person («приглашаем», «благодарим»)."""
    for word in text.split():
        readings = parse(word.strip(".,;:!?«»\"()"))
        if readings and readings[0].pos == "VERB" and "1per" in readings[0].grammemes:
            return True
    return False


def we_in_subordinate_clause(sentence: Sentence, matched: Sequence[Token], replacement: str) -> bool:
    """Whether ``replacement`` says «мы» and the match stands in a «что …» or «который …» clause:
    one of those words before it with no comma between («Если концерт отменят, мы вернём…» is
    the main clause again)."""
    if not matched or not _first_person(replacement) or _first_person(" ".join(t.text for t in matched)):
        return False  # no «мы» brought in, or the clause already had it («я сообщил, что направлю…»)
    for t in reversed([t for t in sentence.tokens if t.end <= matched[0].start]):
        if t.text in (",", ";", "—", "–"):  # not «:», which is also the one of «11:00»
            return False
        if t.is_word and (t.key in _SUBORDINATORS or t.lemma in _SUBORDINATORS):
            return True
    return False
