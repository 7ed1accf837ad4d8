"""Whether people's names follow the old subject in apposition: «награждены солистки Мария Ковалёва
и Дарья Ильина».

The rewrite puts the subject into the accusative («наградили солисток») but the names after it
stay in the nominative («…солисток Мария Ковалёва»): the sentence no longer agrees.  Declining
names is a guess (surnames, foreign names), so the passive is left for the author to reword.
"""

from __future__ import annotations

from kanclint.text.document import Sentence, Token
from kanclint.text.grammar import PERSON_NAMES


def _name(token: Token) -> bool:
    return token.is_word and token.text[:1].isupper() and any(
        p.grammemes & PERSON_NAMES and "nomn" in p.grammemes for p in token.parses[:3])


def _surely_nominative(token: Token) -> bool:
    """«Кравцов», «Иванов», «Анна»: the best reading is a person's name in the nominative."""
    best = token.parses[0] if token.parses else None
    return best is not None and bool(best.grammemes & PERSON_NAMES) and "nomn" in best.grammemes


def names_in_apposition(sentence: Sentence, last: Token) -> bool:
    """A capitalised first name or surname in the nominative after ``last`` (the subject's last
    word), maybe after a comma or a dash, in the same phrase: «солистки Мария Ковалёва», «педагог —
    Анна Петрова», «инспектор ОГИБДД ОМВД России по Лесному округу лейтенант полиции А. В. Кравцов»
    (the rank and the initials between are the apposition too).  The phrase ends at a punctuation
    mark other than an initial's full stop, or at a verb."""
    tokens = sentence.tokens
    at = sentence.position(last) + 1
    if at < len(tokens) and tokens[at].text in {",", "—", "–", ":"}:
        at += 1
    for k in range(at, min(len(tokens), at + _PHRASE)):
        t = tokens[k]
        if _name(t) and (k == at or _surely_nominative(t)):
            return True  # further on, «на улицах Ленина» is a genitive first: only a name read as nominative first
        if len(t.text) == 1 and t.text.isupper() and k + 1 < len(tokens) and tokens[k + 1].text == ".":
            continue  # «А.» of «А. В. Кравцов»: an initial, not «а» the conjunction
        if t.is_word and t.parses and t.parses[0].pos in _CLAUSE_POS:
            return False  # «…, который рассказал»: a clause of its own begins
        if not t.is_word and not t.text.isdigit() and t.text not in {"№", "«", "»"} and not _initial_stop(tokens, k):
            return False
    return False


_PHRASE = 14  # tokens of an apposition: «инспектор ОГИБДД ОМВД России по Лесному округу лейтенант полиции А. В.»
_CLAUSE_POS = frozenset({"VERB", "PRTS", "GRND", "INFN", "CONJ"})


def _initial_stop(tokens: tuple[Token, ...] | list[Token], k: int) -> bool:
    """The full stop of an initial: «А.» in «А. В. Кравцов»."""
    before = tokens[k - 1] if k > 0 else None
    return tokens[k].text == "." and before is not None and len(before.text) == 1 and before.text.isupper()
