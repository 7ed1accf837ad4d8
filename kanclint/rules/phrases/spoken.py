"""Phrases that are spoken words in one use and канцелярит in another, told apart by punctuation.

Dictionary patterns ignore punctuation, so an entry cannot say «only when no comma follows».
«В общем, мы решили: каток работает до 22:00» opens a sentence the way people talk, like «ну» or
«кстати» — a good sign in a post, not the vague hedge the entry is about («работа в общем
выполнена», «праздник в общем удался»).  A notice label («Место проведения: стадион») is told from
the same words in a sentence («Место проведения — актовый зал») by its colon and by opening its line.
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


# Labels of a notice: «Место проведения: стадион» → «Где: стадион», «Начало мероприятия в 16:00» →
# «Начало в 16:00».  A label opens its line and is followed by a colon (or, for a start time, by «в»
# and a time); «Место проведения — актовый зал» and «Время проведения ярмарки не известно» are
# sentences that say the same in words, and the short «Где», «Когда» would not stand in them.
NOTICE_LABELS: dict[str, re.Pattern[str]] = {
    "mesto-provedeniya": re.compile(r"[^\S\n]*:"),
    "vremya-provedeniya": re.compile(r"[^\S\n]*:"),
    "nachalo-meropriyatiya": re.compile(r"[^\S\n]*(?::|—|–|-|в\s+\d{1,2}[:.]\d\d)"),
}


def not_a_label(document: Document, sentence: Sentence, m: Match) -> bool:
    """Whether match ``m`` of an entry in :data:`NOTICE_LABELS` stands inside a sentence rather
    than opening a notice line before its colon."""
    if not NOTICE_LABELS[m.payload.id].match(document.text, m.end):
        return True
    line_start = document.text.rfind("\n", 0, m.start) + 1
    return any(ch.isalnum() for ch in document.text[line_start:m.start])  # «📍 Место проведения:» is a label
