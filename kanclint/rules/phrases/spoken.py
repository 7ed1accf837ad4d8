"""Phrases that are spoken words in one use and канцелярит in another, told apart by punctuation.

Dictionary patterns ignore punctuation, so an entry cannot say «only when no comma follows».
«В общем, мы решили: каток работает до 22:00» opens a sentence the way people talk, like «ну» or
«кстати» — a good sign in a post, not the vague hedge the entry is about («работа в общем
выполнена», «праздник в общем удался»).
"""

from __future__ import annotations

import re

from kanclint.patterns import Match
from kanclint.text.document import Document, Sentence

# entries whose phrase, opening its sentence and set off by a comma, is a spoken discourse word
SPOKEN_OPENERS = frozenset({"v-obshchem"})
# words that may stand before such an opener in speech: «Ну, в общем, мы решили…»
_LEAD_INS = frozenset({"ну", "так", "и", "а", "вот"})
_COMMA_AFTER = re.compile(r"[^\S\n]*,")


def spoken_opener(document: Document, sentence: Sentence, m: Match) -> bool:
    """Whether match ``m`` of an entry in :data:`SPOKEN_OPENERS` is a discourse word that opens
    its sentence («В общем, …», «Ну, в общем, …») rather than a hedge inside it."""
    if not _COMMA_AFTER.match(document.text, m.end):
        return False
    before = [t for t in sentence.words if t.end <= m.start]
    return all(t.key in _LEAD_INS for t in before)
