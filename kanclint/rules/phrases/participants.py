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
from kanclint.rules.phrases.clauses import _into, _noun_phrase
from kanclint.text.document import Document, Sentence
from kanclint.text.inflection import capitalise, inflect_word
from kanclint.text.russian import preposition_form

_PHRASE_WORDS = 2


def participated(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«Участниками конкурса стали 40 школьников» → «В конкурсе участвовали 40 школьников»."""
    first, verb = m.tokens[0], m.tokens[-1]
    if sentence.words[0] is not first or not verb.parses or verb.parses[0].pos != "VERB" \
            or "past" not in verb.parses[0].grammemes:
        return None
    found = _noun_phrase(sentence.tokens, sentence.position(first) + 1)
    if found is None or found[1] != sentence.position(verb) or len(found[0]) > _PHRASE_WORDS:
        return None  # the phrase must fill the gap exactly: no comma, quote or number inside
    words = found[0]
    if words[-1][1].lemma not in word_list("participated-events"):
        return None
    phrase, said = _into(words, "loct"), inflect_word("участвовать", verb.parses[0])
    if phrase is None or said is None:
        return None
    preposition = preposition_form("в", phrase) or "в"
    return Edit(first.start, verb.end, capitalise(f"{preposition} {phrase} {said}"))
