"""Typography a reader notices before the words: shouting punctuation.

One «!» is a living post; «!!!» reads as a shout or as spam, and ЦУР guides
ask to avoid it.
"""

from __future__ import annotations

import re
from typing import Iterator

from kanclint.model import Applicability, Diagnostic, Edit, Fix, Severity
from kanclint.rules.base import Rule
from kanclint.text.document import Document

_REPEATED = re.compile(r"(?<![!?])([!?]*![!?]*)(?![!?])")


class RepeatedExclamation(Rule):
    """KC401: «!!!», «!!», «?!!» — more than one exclamation mark in a row."""

    code = "KC401"
    fix_safety = (
        "Исправление безопасно (`kanclint --fix`): несколько восклицательных знаков подряд заменяются "
        "одним («?!!» — на «?!»), остальной текст не меняется."
    )
    name = "repeated-exclamation"
    category = "readability"
    severity = Severity.WARNING
    title = "Несколько восклицательных знаков подряд"
    what = "Два и больше восклицательных знака подряд: «!!», «!!!», «?!!»."
    why = (
        "Один восклицательный знак передаёт живую интонацию, а несколько подряд читаются как крик "
        "или реклама. Официальной странице это вредит: читатель перестаёт доверять тону."
    )
    example = "Ждём всех на празднике!!!"
    instead = "Ждём всех на празднике!"
    lexical = False

    def check(self, document: Document) -> Iterator[Diagnostic]:
        if document.text.count("!") < 2:
            return  # every finding needs two «!»: most posts have fewer, and the regex tries every position
        for m in _REPEATED.finditer(document.text):
            marks = m.group(1)
            if marks.count("!") < 2:
                continue
            replacement = "?!" if "?" in marks else "!"
            fix = Fix(f"Заменить на «{replacement}»", (Edit(m.start(1), m.end(1), replacement),), Applicability.SAFE)
            yield self.diagnostic(
                document, m.start(1), m.end(1),
                f"«{marks}» читается как крик. Хватит одного знака: «{replacement}».",
                fix=fix,
            )


RULES = [RepeatedExclamation]
