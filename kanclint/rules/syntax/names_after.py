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


def names_in_apposition(sentence: Sentence, last: Token) -> bool:
    """A capitalised first name or surname in the nominative right after ``last`` (the subject's
    last word), maybe after a comma or a dash: «солистки Мария Ковалёва», «педагог — Анна Петрова»."""
    tokens = sentence.tokens
    at = sentence.position(last) + 1
    if at < len(tokens) and tokens[at].text in {",", "—", "–", ":"}:
        at += 1
    return at < len(tokens) and _name(tokens[at])
