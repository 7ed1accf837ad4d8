"""«Состоялся» → «прошёл» only where «прошёл» still says «took place».

With a time, a place or the event after it («В субботу состоялся субботник в сквере») «прошёл»
reads as «was held».  Closing its clause with nothing after («Праздник состоялся.», «Встреча
состоялась, и это главное») or next to «несмотря на», «всё-таки» («Несмотря на дождь, концерт
состоялся») the verb stresses that the event was not cancelled, and a bare «праздник прошёл»
reads as «the holiday is over».  There the replacement is only offered.
"""

from __future__ import annotations

from typing import Callable

from kanclint.model import Edit
from kanclint.patterns import Match
from kanclint.rules.phrases.context_rewrites import OFFER_ONLY
from kanclint.text.document import Document, Sentence, Token

# words that make «состоялся» mean «was not cancelled after all»
_DESPITE = frozenset({"несмотря", "всё-таки", "все-таки", "таки", "наконец"})
_DESPITE_PAIRS = frozenset({("всё", "же"), ("все", "же"), ("всё", "равно"), ("все", "равно")})
_COMPLEMENT_OPENERS = "\"«„“[(#@"


def _has_complement(token: Token | None) -> bool:
    """The token after the verb starts something the verb governs or is placed by (a word, a date, a name)."""
    if token is None:
        return False
    return token.is_word or token.text[:1].isalnum() or token.text[:1] in _COMPLEMENT_OPENERS


def _despite(sentence: Sentence) -> bool:
    keys = [t.key for t in sentence.tokens if t.is_word]
    if any(k in _DESPITE for k in keys):
        return True
    return any(pair in _DESPITE_PAIRS for pair in zip(keys, keys[1:]))


def took_place(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """:data:`OFFER_ONLY` where «состоялся» means «was not cancelled»; ``None`` keeps «прошёл»."""
    at = sentence.position(m.tokens[-1]) + 1
    after = sentence.tokens[at] if at < len(sentence.tokens) else None
    if not _has_complement(after) or _despite(sentence):
        return OFFER_ONLY
    return None


TOOK_PLACE_REWRITES: dict[str, Callable[[Document, Sentence, Match], Edit | None]] = {"sostoyatsya": took_place}
