"""A linking phrase that draws a consequence still to come is the point of its sentence.

«Водителям стоит заранее сменить резину. Таким образом, число аварий удастся снизить»: without
«таким образом» the second sentence promises fewer accidents outright, where the author said they
follow from the advice.  A summary of what was done («Таким образом, жители сами выбрали проект»)
says nothing new with the link and may lose it.
"""

from __future__ import annotations

from typing import Sequence

from kanclint.text.document import Sentence, Token

# the links that say «as a result of what was just said»
_CONSEQUENCE_LINKS = frozenset({"таким образом", "тем самым"})
# a result that is expected, possible or allowed rather than done; a plain future («Таким образом,
# каток откроется в субботу») is a date the sentence states by itself
_PROSPECTIVE_LEMMAS = frozenset({"удаться", "позволить", "позволять", "мочь", "смочь", "получиться", "можно",
                                 "помочь"})


def draws_a_future_consequence(sentence: Sentence, dropped: Sequence[Token]) -> bool:
    """``dropped`` is a consequence link and the rest of ``sentence`` tells a result made possible."""
    if " ".join(t.key for t in dropped) not in _CONSEQUENCE_LINKS:
        return False
    after = sentence.tokens[sentence.position(dropped[-1]) + 1:]
    for token in after:
        if not token.is_word:
            continue
        best = token.parses[:1]
        if any(p.lemma in _PROSPECTIVE_LEMMAS and (p.pos != "VERB" or "past" not in p.grammemes) for p in best):
            return True
    return False
