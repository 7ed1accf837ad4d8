"""Whether a post speaks as «мы»: the text's own voice, read once per document.

A fix that writes «мы» («приглашаем», «наш») is certain only in a post that already says it; the
rules of every family ask this, so it lives under them, in the text layer.
"""

from __future__ import annotations

import re

from kanclint.text.document import Document
from kanclint.text.morphology import parse

_WE_WORDS = frozenset({"мы", "нас", "нам", "нами", "наш"})
# «Напомним, …», «Отметим, …»: a turn of the report, not an act of the page's own
_REMARKS = frozenset({"напомнить", "отметить", "подчеркнуть", "добавить", "уточнить", "сказать", "заметить"})


def _we_verb(pos: str | None, grammemes: frozenset[str]) -> bool:
    return pos == "VERB" and {"1per", "plur"} <= grammemes and "impr" not in grammemes


def says_we(document: Document) -> bool:
    """Whether the post speaks as «мы» outside quotes: «мы», «наш», a verb in the «мы» form
    («Благодарим фонд…», «Приглашаем»), not a remark of the report («Напомним, …»).
    Worked out once per post: ask ``document.shared(says_we)``."""
    return any(not t.protected and (t.lemma in _WE_WORDS or _we_verb(t.pos, t.grammemes) and t.lemma not in _REMARKS)
               for t in document.words)


def in_we_form(replacement: str) -> bool:
    """Whether a rewrite speaks as «мы»: the pronoun, or a verb in its form («Приглашаем»), not
    the third person plural that a doer-less rewrite falls back on («Проект реализуют»)."""
    for word in _LETTERS.findall(replacement):
        readings = parse(word)
        if word.lower() == "мы" or readings and _we_verb(readings[0].pos, readings[0].grammemes):
            return True
    return False


_LETTERS = re.compile(r"[^\W\d_]+")
