"""Does a predicate still agree when a noun becomes a quantity word?

«ряд вопросов» → «несколько вопросов»: a quantity agrees as a neuter singular or a plural
(«несколько вопросов взято», «…взяты»), so a predicate in the masculine or feminine singular
that agreed with the old noun («ряд вопросов взят на контроль», «был рассмотрен ряд вопросов»)
would be left without a subject to agree with.
"""

from __future__ import annotations

from typing import Sequence

from kanclint.text.document import Sentence, Token

_PREDICATES = frozenset({"VERB", "ADJS", "PRTS"})
_GENDERED = ("masc", "femn")
_QUANTIFIED_WINDOW = 6  # words of the counted noun phrase: «ряд важных социальных вопросов»


def _gendered_singular(token: Token, old: Token) -> bool:
    """A past or short predicate in the old noun's masculine or feminine singular."""
    genders = {g for p in old.parses if p.pos == "NOUN" and "sing" in p.grammemes for g in _GENDERED
               if g in p.grammemes}
    for r in token.parses:
        if r.pos in _PREDICATES and ("past" in r.grammemes or r.pos != "VERB"):
            if "sing" in r.grammemes and genders & set(r.grammemes):
                return True
    return False


def quantity_clash(sentence: Sentence, matched: Sequence[Token], old: Token) -> bool:
    """Whether a predicate before the noun, or after its genitive tail, keeps the old noun's gender."""
    tokens = sentence.tokens
    at = sentence.position(matched[0])
    if at > 0 and _gendered_singular(tokens[at - 1], old):
        return True
    i = sentence.position(matched[-1]) + 1
    seen = 0
    while i < len(tokens) and seen < _QUANTIFIED_WINDOW and tokens[i].is_word:
        token = tokens[i]
        if token.pos in _PREDICATES or token.pos == "INFN":
            return _gendered_singular(token, old)
        if not any("gent" in p.grammemes for p in token.parses):
            return False
        seen += 1
        i += 1
    return False


# numerals with a feminine form of their own: «два павильона» but «две остановки»
_GENDERED_NUMERALS = frozenset({"два", "две", "оба", "обе", "полтора", "полторы"})
_ATTRIBUTES = frozenset({"ADJF", "PRTF"})


def numeral_gender_clash(sentence: Sentence, matched: Sequence[Token], new: Sequence[object]) -> bool:
    """«два новых остановочных павильона» → «два новых остановки»: «два», «оба», «полтора» before
    the noun (its adjectives aside) took the old noun's gender, and the new noun has the other one."""
    tokens = sentence.tokens
    at = sentence.position(matched[0]) - 1
    while at >= 0 and tokens[at].is_word and tokens[at].pos in _ATTRIBUTES:
        at -= 1
    if at < 0 or tokens[at].key not in _GENDERED_NUMERALS:
        return False
    old = next((t for t in matched if t.pos == "NOUN"), None)
    if old is None:
        return False
    feminine_before = {"femn" in p.grammemes for p in old.parses if p.pos == "NOUN"}
    feminine_after = {"femn" in p.grammemes for p in new}  # type: ignore[attr-defined]
    return bool(feminine_after) and not feminine_before & feminine_after
