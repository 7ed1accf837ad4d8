"""Coordination after a replaced noun: «в соответствии с программой … и позицией» → «по программе …
и позицией» leaves the second noun in the old case (a check of :func:`.sentence_check.agreement_check`)."""

from __future__ import annotations

from typing import Iterable, Sequence

from kanclint.rules.phrases.agreement import (_ATTRIBUTES, _COORDINATORS, _PREPOSITION_CASES, _agrees_reading, _case,
                                              _past_genitive_tail, _same_number_gender)
from kanclint.text.document import Sentence, Token
from kanclint.text.grammar import NUMBERS
from kanclint.text.morphology import Parse, parse

_CLAUSE_END = frozenset({",", ";", ":", ".", "!", "?", "—", "–", "(", ")", "…"})
_COORDINATION_WINDOW = 12  # words after the match in which a coordinated noun is looked for


def _substantive(token: Token) -> bool:
    """«обучающихся», «учащимся»: a participle or adjective standing for a noun."""
    return bool(token.parses) and token.parses[0].pos in _ATTRIBUTES and "Subx" in token.parses[0].grammemes


def _in_old_case(token: Token, old: set[str], new: set[str], noun: Parse | None = None) -> bool:
    """A noun, or a word standing for one or agreeing with ``noun``, read only in the old case."""
    readings = [p for p in token.parses if p.pos == "NOUN" or p.pos in _ATTRIBUTES]
    if noun is not None:  # «утверждённым» is also a dative plural: only the readings that agree with the noun count
        readings = [p for p in readings if p.pos == "NOUN" or _same_number_gender(p, noun)]
    return bool(readings) and any(_case(p) & old for p in readings) and not any(_case(p) & new for p in readings)


def coordinated_in_old_case(
    sentence: Sentence, matched: Sequence[Token], replacement: str, repaired: Iterable[Token] = ()
) -> bool:
    """«в соответствии с программой «Единой России» и позицией…» → «по программе … и позицией»:
    the replacement changed the case of the noun it governs, and a noun joined to it by «и» later
    in the clause keeps the old one, so the sentence no longer holds together.  So does a list
    member or an attribute after a comma («родителей, педагогов…», «района, прилегающего…»)
    or an apposition in brackets («родителей (законных представителей)») that is not re-inflected."""
    last = matched[-1]
    noun = next((p for p in last.parses if p.pos == "NOUN"), None)  # «мастерскими»: best read as an adjective
    if noun is None or last.parses[0].pos not in ("NOUN", "ADJF"):
        return False
    old = _case(noun)
    words = replacement.split()
    if not words or not old:
        return False
    number = noun.grammemes & NUMBERS
    readings = parse(words[-1].strip(".,;:!?«»\"()"))
    # «улиц» → «улицы»: of the new word's readings only those in the old number count (not «улицы», gen. sg.)
    readings = [p for p in readings if not number or not p.grammemes & NUMBERS or p.grammemes & number] or readings
    new = set().union(*(_case(p) for p in readings)) if readings else set()
    if len(words) > 1 and words[-1].lower() == last.text.lower() and words[-2].lower() in _PREPOSITION_CASES:
        new &= _PREPOSITION_CASES[words[-2].lower()]  # «в области организации» → «в организации»: now locative
    if not new or old & new:
        return False  # the case did not change: a coordinated noun still agrees
    tokens = sentence.tokens
    i = sentence.position(last) + 1
    tail = _past_genitive_tail(tokens, i)  # «по плану работы, утверждённому…»: the attribute may follow it
    for at in {i, tail}:
        if at + 1 < len(tokens) and tokens[at].text in (",", "(") and tokens[at + 1].is_word:
            after = tokens[at + 1]
            if after not in repaired and _in_old_case(after, old, new, noun) and (  # a member, an attribute
                at == i or after.parses[0].pos == "NOUN" or any(_agrees_reading(r, [noun]) for r in after.parses)
            ):
                return True
    seen = 0
    while i < len(tokens) and seen < _COORDINATION_WINDOW:
        t = tokens[i]
        if t.text == "(" and (close := next((k for k in range(i + 1, len(tokens)) if tokens[k].text == ")"), None)):
            i = close + 1
            continue  # «производства (38%) и торговли»: a bracket inside the list (judge h55)
        if t.text == "," and i > tail:
            return _member_in_old_case(tokens, i + 1, old, new)  # «образцами вооружения и техники, условиями…» (judge h54)
        if t.text in _CLAUSE_END:
            return False
        if t.is_word:
            seen += 1
            if t.key in _COORDINATORS:
                j = i + 1
                if j < len(tokens) and tokens[j].is_word and _substantive(tokens[j]):
                    return _in_old_case(tokens[j], old, new)  # «родителей и обучающихся»
                if not _member_in_old_case(tokens, j, old, new) and _member_in_old_case(tokens, j, {"gent"}, old | new):
                    i += 1
                    continue  # «образцами вооружения и военной техники»: the genitive tail goes on
                return _member_in_old_case(tokens, j, old, new)
        i += 1
    return False


def _member_in_old_case(tokens: Sequence[Token], j: int, old: set[str], new: set[str]) -> bool:
    """The noun at ``j`` (after its adjectives) is read in the old case and not in the new one."""
    while j < len(tokens) and tokens[j].is_word and tokens[j].pos in _ATTRIBUTES:
        j += 1
    if j < len(tokens) and tokens[j].is_word and tokens[j].parses:
        best = tokens[j].parses[0]
        return best.pos == "NOUN" and bool(_case(best) & old) and not _case(best) & new
    return False
