"""Words after a light verb's verbal noun whose case a one-verb rewrite could not change.

«Проведена замена 2 километров сетей» → «заменили 2 километров», «благоустройство трёх дворов» →
«благоустроят трёх дворов», «проведение Дня здоровья» → «провели Дня здоровья»: a count or a name
keeps the genitive the new verb does not take, so :mod:`impersonal_rewrite` leaves such a passive.
"""

from __future__ import annotations

from kanclint.rules.syntax.rewrite_guards import MONTHS
from kanclint.text.document import Sentence, Token


def count_later(sentence: Sentence, at: int) -> bool:
    """A numeral from ``at`` to the end of the clause, not after a preposition: the noun's counted
    object further on («передача в пользование больнице двух автомобилей» → «передали … двух
    автомобилей») would keep the genitive the new verb does not take."""
    tokens = sentence.tokens
    for i in range(at, len(tokens)):
        token = tokens[i]
        if token.text in _CLAUSE_ENDS:
            return False
        if token.pos == "NUMR" and (i == 0 or tokens[i - 1].pos != "PREP"):
            return True
    return False


_CLAUSE_ENDS = frozenset({",", ";", ":", "—", "–", ".", "!", "?", "(", ")"})


def date_at(sentence: Sentence, at: int) -> bool:
    """«отключение электроэнергии [14 и 15 марта]»: a date after the object, not a count of it."""
    words = [t.key for t in sentence.tokens[at : at + 4]]
    if len(words) > 1 and words[1] in MONTHS:
        return True
    return len(words) > 3 and words[1] in ("и", ",", "-", "–") and words[2][:1].isdigit() and words[3] in MONTHS


def named_genitive(token: Token) -> bool:
    """A capitalised word in the genitive after the verbal noun: the noun's object, a name the
    rewrite may not put into another case («проведение Дня здоровья», «реализация Программы»)."""
    return token.is_word and token.text[:1].isupper() and any(
        "gent" in p.grammemes and p.pos in ("NOUN", "ADJF", "PRTF") for p in token.parses)


