"""What a derived preposition governed must still read right once it is replaced or dropped.

* **a preposition needs its noun**: «По окончании курса выдаётся удостоверение» → «После курса…» is
  right, but a post also uses «по окончании» alone, as an adverb: «Обучение бесплатное, по окончании
  выдаётся удостоверение».  «После выдают удостоверение» is no Russian: «после» cannot stand without
  what it is after.  So a replacement that ends in a preposition is only offered when no noun phrase
  follows the match.
* **a sum keeps its case**: «выплату в размере 3 тысяч рублей» without «в размере» leaves the sum in
  the genitive («выплату 3 тысяч рублей»; right is «3 тысячи»).  After a number ending in 2, 3 or 4
  (not 12–14) a counted noun that is only genitive, or a numeral in words in the genitive («двух
  тысяч»), keeps the deletion an option; so does a genitive singular after 1, 21… («1 процента»).  «5 тысяч», «300 тысяч» and «1 млн» read the same either way.
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


def _whole(number: str) -> int | None:
    digits = number.replace("\u00a0", "").replace(" ", "")
    return int(digits) if digits.isdigit() else None


def _few(number: str) -> bool:
    """2, 3, 4, 22, 103…: numbers after which the nominative of a noun differs from its genitive plural."""
    value = _whole(number)
    return value is not None and value % 10 in (2, 3, 4) and value % 100 not in (12, 13, 14)


def _one(number: str) -> bool:
    """1, 21, 101…: numbers after which a noun stands in the singular of the case they are in."""
    value = _whole(number)
    return value is not None and value % 10 == 1 and value % 100 != 11


def sum_left_in_genitive(sentence: Sentence, matched: Sequence[Token], replacement: str) -> bool:
    """Dropping «в размере» (or leaving «в») would keep «3 тысяч рублей», «двух тысяч» in the genitive
    it governed, where the plain sum wants «3 тысячи», «в 3 тысячи»."""
    if replacement.strip() not in ("", "в") or matched[-1].pos != "NOUN":
        return False
    tokens = sentence.tokens
    at = sentence.position(matched[-1]) + 1
    if at >= len(tokens):
        return False
    first = tokens[at]
    if first.is_word:
        return bool(first.parses) and first.parses[0].pos == "NUMR" and "gent" in first.parses[0].grammemes
    noun = tokens[at + 1] if at + 1 < len(tokens) else None
    if noun is None or not noun.is_word:
        return False
    readings = [p for p in noun.parses if p.pos == "NOUN"]
    # «неустойку в размере 1 процента» → «неустойку 1 процента»: after 1 it is «1 процент»
    number = "plur" if _few(first.text) else "sing" if _one(first.text) else None
    return number is not None and bool(readings) and all(
        "gent" in p.grammemes and number in p.grammemes for p in readings)
