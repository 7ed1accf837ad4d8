"""A simple preposition put for a derived one needs a noun after it.

«По окончании курса выдаётся удостоверение» → «После курса…» is right, but a post also uses
«по окончании» alone, as an adverb: «Обучение бесплатное, по окончании выдаётся удостоверение».
«После выдают удостоверение» is no Russian: «после» cannot stand without what it is after.  So a
replacement that ends in a preposition is only offered when no noun phrase follows the match.
"""

from __future__ import annotations

from typing import Sequence

from kanclint.text.document import Sentence, Token
from kanclint.text.morphology import parse

# what may open a preposition's complement: a noun, its attribute, a pronoun or a number
_NOMINAL = frozenset({"NOUN", "ADJF", "PRTF", "NPRO", "NUMR"})
_OPENING_QUOTES = ("«", "\"", "„", "“")


def _takes_a_complement(token: Token) -> bool:
    if not token.is_word:
        return token.text.isdigit() or token.text.startswith(_OPENING_QUOTES)
    return token.text[:1].isupper() or any(p.pos in _NOMINAL for p in token.parses)


def preposition_left_alone(sentence: Sentence, matched: Sequence[Token], replacement: str) -> bool:
    """The replacement ends in a preposition and the match is followed by no noun for it to govern."""
    words = replacement.split()
    if not words:
        return False
    readings = parse(words[-1])
    if not readings or readings[0].pos != "PREP":
        return False
    tokens = sentence.tokens
    at = sentence.position(matched[-1]) + 1
    return at >= len(tokens) or not _takes_a_complement(tokens[at])
