"""Words KC304 reads around the author's name: the name's own words, and a partner beside it.

«Комитет по физической культуре и спорту приглашает…»: with ``author`` naming that committee,
«по физической культуре и спорту» is the name, though a preposition starts it.  «Администрация
района совместно с лесничеством проводит акцию» names a partner between the name and the verb;
«Мы совместно с лесничеством проводим акцию» keeps it where it was.
"""

from __future__ import annotations

from typing import Sequence

from kanclint.rules.press_release.leads import _date_expression
from kanclint.text.document import Sentence, Token

_TOGETHER = frozenset({"совместно", "вместе"})
_WITH = frozenset({"с", "со"})


def author_word(token: Token, lemmas: frozenset[str]) -> bool:
    """A word of the configured author's name, written as in the name («культуре», «по», «и»)."""
    return token.is_word and token.key in lemmas


def partner(between: Sequence[Token]) -> bool:
    """«совместно с лесничеством», «вместе с волонтёрами»: a partner in the instrumental, nothing else."""
    words = [t for t in between if t.is_word or t.text.isdigit()]
    if len(words) < 3 or words[0].key not in _TOGETHER or words[1].key not in _WITH:
        return False
    if any(not t.is_word and t.text not in {"«", "»", "\""} and not t.text.isdigit() for t in between):
        return False
    rest = words[2:]
    return any(p.pos == "NOUN" and "ablt" in p.grammemes for p in rest[0].parses + rest[-1].parses) and all(
        t.text.isdigit() or t.text[:1].isupper() or any(
            p.pos in {"NOUN", "ADJF", "PRTF"} and p.grammemes & {"ablt", "gent"} for p in t.parses)
        or t.key == "и" for t in rest)


_FROM_TO = frozenset({"с", "со", "до", "к", "после"})


def date_opening(content: Sequence[Token]) -> int:
    """Length of a date that opens the sentence, with its preposition: «С 1 июня», «23 мая», «Вчера»;
    a clock time after it belongs to it («15 ноября в 18:00»)."""
    if content and content[0].key in _FROM_TO and (n := _date_expression(content[1:])):
        return _clock_after(content, n + 1)
    n = _date_expression(content)
    return _clock_after(content, n) if n else 0


def _clock_after(content: Sequence[Token], n: int) -> int:
    """``n`` past «в 18:00» («в 18 00» as the content reads it) right after a date."""
    if n + 2 < len(content) and content[n].key in {"в", "с"} and content[n + 1].text.isdigit() and (
            content[n + 2].text.isdigit() and len(content[n + 2].text) == 2):
        return n + 3
    return n


def says_that(sentence: Sentence, verb: Token) -> bool:
    """«Администрация сообщает, что …», «МФЦ информирует: …»: the news follows the announcing verb
    after «, что» or a colon."""
    after = sentence.tokens[sentence.position(verb) + 1:sentence.position(verb) + 3]
    if after and after[0].text == ":" and len(after) == 2 and (after[1].is_word or after[1].text[:1].isdigit()):
        return True
    return len(after) == 2 and after[0].text == "," and after[1].key == "что"
