"""KC101: «о проведении публичных слушаний» → «о публичных слушаниях».

«Проведение» adds nothing between «о» and an event: what the post tells of is the event itself.
The event goes from the genitive into the prepositional case, and «о» becomes «об» before a vowel
(«об акции»), which a dictionary replacement cannot choose.  A name («о проведении Дня города»)
or a word pymorphy3 reads two ways keeps the author's words; the entry's guards keep «проведение
газа» (laying a pipe).
"""

from __future__ import annotations

from kanclint.model import Edit
from kanclint.patterns import Match
from kanclint.rules.phrases.clauses import _into, _noun_phrase
from kanclint.text.document import Document, Sentence
from kanclint.text.inflection import capitalise


def about_event(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«о проведении собрания» → «о собрании», «о проведении акции» → «об акции»."""
    tokens = sentence.tokens
    found = _noun_phrase(tokens, sentence.position(m.tokens[1]) + 1)
    if found is None or found[0][-1][0] is not m.tokens[-1]:
        return None
    words = found[0]
    if any(t.protected or t.text[:1].isupper() for t, _ in words):
        return None  # «о проведении Дня города»: a name keeps its letters and its case
    said = _into(words, "loct")
    if said is None:
        return None
    replacement = ("об " if said[:1].lower() in "аоуэи" else "о ") + said
    if document.text[m.start].isupper():
        replacement = capitalise(replacement)
    return Edit(m.start, m.end, replacement)
