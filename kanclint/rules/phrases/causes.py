"""«В связи с установлением жаркой погоды» → «Из-за жаркой погоды»: an empty verbal noun of a cause.

«Установление» and «возникновение» of weather or of a trouble name nothing beyond the
thing itself, and «из-за» takes the genitive the thing already has, so only the opening words change.
Only weather and troubles qualify: «в связи с установлением новых тарифов» is a decision, not a
cause, and «из-за новых тарифов» would blame them.
"""

from __future__ import annotations

from kanclint.model import Edit
from kanclint.patterns import Match
from kanclint.text.document import Document, Sentence
from kanclint.text.inflection import capitalise
from kanclint.text.morphology import fold

# what can set in, arise or come and be a cause by itself
_CAUSES = frozenset(fold(w) for w in (
    "погода", "жара", "мороз", "холод", "ситуация", "обстановка", "температура", "гололёд", "гололедица",
    "угроза", "неисправность", "авария", "паводок", "половодье", "снегопад", "похолодание", "оттепель",
    "ненастье", "метель", "заморозок", "заморозки", "засуха", "буря", "ураган", "подтопление"))
# «с наступлением холодов» is a time («when the cold comes»), not a cause: it stays
_EMPTY = frozenset({"установлением", "возникновением"})


def empty_cause(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """Replace «в связи с установлением» by «из-за» when the genitive after it is weather or a trouble."""
    words = [t for t in m.tokens if t.is_word]
    noun = words[-1]
    if not (noun.lemmas & _CAUSES) or noun.protected or not any("gent" in p.grammemes for p in noun.parses):
        return None
    empty = next((t for t in words if t.key in _EMPTY), None)
    if empty is None:
        return None
    tail = [t for t in sentence.tokens if t.start >= m.end]
    if tail and tail[0].key in ("и", "или"):
        return None  # «установлением жары и отключением воды»: the second member keeps «с»
    replacement = "из-за"
    if document.text[m.start].isupper():
        replacement = capitalise(replacement)
    return Edit(m.start, empty.end, replacement)
