"""«Участниками фестиваля стали 12 коллективов» → «В фестивале участвовали 12 коллективов» (KC105).

«Стать участниками» is the report's turn for the plain verb «участвовать», as «выступить
организатором» is for «организовать» (:mod:`.organiser`).  The rewrite is built from the sentence,
and only where it is certain:

* the turn opens its sentence, with a short genitive phrase between «участниками» and the verb
  («Участниками областного конкурса стали…»), and the phrase's head is an event
  (``participated-events`` in dictionaries/lexicon/clauses.toml: a festival, a contest, an action);
* the phrase goes into the prepositional after «в/во» («областного конкурса» → «в областном конкурсе»);
* «участвовать» takes the number and gender of «стать» in the past («стали» → «участвовали»); a
  future «станут» would need «будут участвовать» and is left to the author, as is anything with a
  comma, a quote or a number inside the phrase.
"""

from __future__ import annotations

from kanclint.lexicon import word_list
from kanclint.model import Edit
from kanclint.patterns import Match
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.inflection import capitalise, inflect_raw, inflect_word
from kanclint.text.morphology import Parse
from kanclint.text.russian import preposition_form

_PHRASE_WORDS = 2
_MODIFIERS = frozenset({"ADJF", "PRTF"})


def _genitive(token: Token, pos: frozenset[str]) -> Parse | None:
    return next((p for p in token.parses if p.pos in pos and "gent" in p.grammemes), None)


def _prepositional(words: list[Token]) -> list[str] | None:
    """«областного конкурса» → ["областном", "конкурсе"]: adjectives then an event noun, or None."""
    head = _genitive(words[-1], frozenset({"NOUN"}))
    if head is None or head.lemma not in word_list("participated-events"):
        return None
    number = "plur" if "plur" in head.grammemes else "sing"
    out: list[str] = []
    for word in words[:-1]:
        reading = _genitive(word, _MODIFIERS)
        form = inflect_raw(reading.raw, frozenset({"loct", number})) if reading and number in reading.grammemes else None
        if form is None:
            return None
        out.append(form)
    noun = inflect_raw(head.raw, frozenset({"loct", number}))
    return None if noun is None else [*out, noun]


def participated(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«Участниками конкурса стали 40 школьников» → «В конкурсе участвовали 40 школьников»."""
    first, verb = m.tokens[0], m.tokens[-1]
    if sentence.words[0] is not first or not verb.parses or verb.parses[0].pos != "VERB" \
            or "past" not in verb.parses[0].grammemes:
        return None
    middle = [t for t in sentence.words if first.start < t.start < verb.start]
    if not middle or len(middle) > _PHRASE_WORDS or any(t.protected for t in middle) or any(
            not (ch.isalpha() or ch in " -") for ch in document.text[first.end:verb.start]):
        return None
    phrase, said = _prepositional(middle), inflect_word("участвовать", verb.parses[0])
    if phrase is None or said is None:
        return None
    preposition = preposition_form("в", phrase[0]) or "в"
    return Edit(first.start, verb.end, capitalise(" ".join([preposition, *phrase, said])))
