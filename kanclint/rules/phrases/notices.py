"""A notice label with its event: «Место проведения круглого стола:» → «Где пройдёт круглый стол:».

The bare label «Место проведения:» is already «Где:» (``mesto-provedeniya``); with the event after
it the label says «where the holding of the round table is», and the plain question names the event
in the nominative with «пройдёт» agreeing in number («Где пройдут соревнования:»). Only a label:
it opens its line and the event's words end at its colon; a name in capitals or quotes keeps its
case only as a genitive tail, never as the event itself.
"""

from __future__ import annotations

from kanclint.model import Edit
from kanclint.patterns import Match
from kanclint.rules.phrases.clauses import _into, _noun_phrase
from kanclint.text.document import Document, Sentence, Token

_QUESTIONS = {"mesto-provedeniya-chego": "Где", "vremya-provedeniya-chego": "Когда"}


def _genitive_tail(tokens: list[Token], i: int) -> int:
    """The index after lower-case genitive words that hang on the event («стола [по шахматам]» is not one)."""
    while i < len(tokens) and tokens[i].is_word and not tokens[i].protected and not tokens[i].text[:1].isupper() \
            and any(p.pos in ("NOUN", "ADJF", "PRTF") and "gent" in p.grammemes for p in tokens[i].parses):
        i += 1
    return i


def labelled_event(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«📍Место проведения круглого стола:» → «📍Где пройдёт круглый стол:»."""
    line_start = document.text.rfind("\n", 0, m.start) + 1
    if any(ch.isalnum() for ch in document.text[line_start:m.start]):
        return None  # inside a sentence: «Уточните место проведения круглого стола: …»
    tokens = list(sentence.tokens)
    found = _noun_phrase(tokens, sentence.position(m.tokens[1]) + 1)
    if found is None:
        return None
    words, after = found
    end = _genitive_tail(tokens, after)
    if end < len(tokens) and tokens[end].text == "«":  # a quoted name: «конкурса «Мисс села»:»
        end = next((k + 1 for k in range(end + 1, len(tokens)) if tokens[k].text == "»"), len(tokens))
    if end >= len(tokens) or tokens[end].text != ":":
        return None
    if any(t.text[:1].isupper() or not t.text.replace("-", "").isalpha() for t, _ in words):
        return None
    said = _into(words, "nomn")
    if said is None:
        return None
    verb = "пройдут" if "plur" in words[-1][1].grammemes else "пройдёт"
    question = _QUESTIONS[m.payload.id]
    if not document.text[m.start].isupper():
        question = question.lower()
    return Edit(m.start, words[-1][0].end, f"{question} {verb} {said}")
