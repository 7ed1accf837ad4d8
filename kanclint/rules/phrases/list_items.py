"""An infinitive in a list under a modal lead-in stays an infinitive (issue #12).

«Перед сдачей крови необходимо:\\n✅ исключить жирную пищу;\\n✅ при себе иметь паспорт» —
every item continues «необходимо…».  «возьмите с собой паспорт» reads well alone, but under
«необходимо:» the item no longer agrees with its lead-in, so such a fix is only offered.
"""

from __future__ import annotations

import re
from typing import Sequence

from kanclint.text.document import Token
from kanclint.text.morphology import parse

_ITEM = re.compile(r"[ \t]*(?:[-–—•·*▪▫◦●○✅✔☑️🔹🔸➖➡️👉]+|\d{1,2}[.)])\s*")
_MODAL_LEAD = re.compile(
    r"\b(необходимо|нужно|надо|следует|требуется|рекомендуется|можно|нельзя|запрещается|запрещено|"
    r"должны|должен|должна|обязательно|важно|стоит|советуем|просим)\b", re.IGNORECASE)


def _is_item(line: str) -> bool:
    return bool(line.strip()) and _ITEM.match(line) is not None and _ITEM.match(line).end() > 0  # type: ignore[union-attr]


def _lead_in(text: str, offset: int) -> str | None:
    """The line that introduces the list the line at ``offset`` belongs to, or ``None`` when that
    line is no list item or its list has no lead-in ending with a colon."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start:end if end >= 0 else len(text)]
    if not _is_item(line):
        return None
    while start > 0:
        above_end = start - 1
        above_start = text.rfind("\n", 0, above_end) + 1
        above = text[above_start:above_end]
        if not above.strip():
            return None  # a blank line: the list has no lead-in in its paragraph
        if not _is_item(above):
            return above if above.rstrip().endswith(":") else None
        start = above_start
    return None


def breaks_a_modal_list(text: str, matched: Sequence[Token], replacement: str) -> bool:
    """Whether the fix turns an infinitive into another form inside a list item whose lead-in is
    modal («необходимо:», «нужно:», «запрещается:»), so the item no longer continues its lead-in."""
    if not matched or not any(t.pos == "INFN" for t in matched):
        return False
    new_words = replacement.split()
    if any(p.pos == "INFN" for w in new_words for p in parse(w)[:1]):
        return False  # «при себе иметь» → «с собой взять»: still an infinitive
    lead = _lead_in(text, matched[0].start)
    return lead is not None and _MODAL_LEAD.search(lead) is not None
