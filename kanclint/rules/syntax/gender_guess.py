"""Whether a rewrite guesses a person's sex: «Инспектором была проведена беседа» → «Инспектор
поговорил» in a post that named the inspector «Анна Петровна Кузина» (judge h50).

A title noun («инспектор», «врач», «глава») takes a masculine past verb only while nobody says who
holds it; once the paragraph names a woman, the passive that hid the verb's gender is the safer text.
"""

from __future__ import annotations

from kanclint.text.document import Document
from kanclint.text.morphology import parse


def guesses_gender(document: Document, replacement: str) -> bool:
    """Whether ``replacement`` says a masculine past singular verb while ``document`` names a woman."""
    return any(_masculine_past(word.strip(",.!?«»")) for word in replacement.split()) and document.shared(names_a_woman)


def _masculine_past(word: str) -> bool:
    readings = parse(word)
    return bool(readings) and readings[0].pos == "VERB" and {"past", "sing", "masc"} <= readings[0].grammemes


def names_a_woman(document: Document) -> bool:
    """A capitalised first name or patronymic whose best reading is feminine («Анной Петровной»).
    Worked out once per post: ask ``document.shared(names_a_woman)``."""
    for token in document.words:
        if token.text[:1].isupper() and token.parses:
            best = token.parses[0]
            if best.grammemes & {"Name", "Patr"} and "femn" in best.grammemes:
                return True
    return False
