"""Whether a post speaks as «мы»: the text's own voice, read once per document.

A fix that writes «мы» («приглашаем», «наш») is certain only in a post that already says it; the
rules of every family ask this, so it lives under them, in the text layer.
"""

from __future__ import annotations

from kanclint.text.document import Document

_WE_WORDS = frozenset({"мы", "нас", "нам", "нами", "наш"})
# «Напомним, …», «Отметим, …»: a turn of the report, not an act of the page's own
_REMARKS = frozenset({"напомнить", "отметить", "подчеркнуть", "добавить", "уточнить", "сказать", "заметить"})


def says_we(document: Document) -> bool:
    """Whether the post speaks as «мы» outside quotes: «мы», «наш», a verb in the «мы» form
    («Благодарим фонд…», «Приглашаем»), not a remark of the report («Напомним, …»).
    Worked out once per post: ask ``document.shared(says_we)``."""
    return any(not t.protected and (t.lemma in _WE_WORDS or t.pos == "VERB" and {"1per", "plur"} <= t.grammemes
                                    and "impr" not in t.grammemes and t.lemma not in _REMARKS)
               for t in document.words)
