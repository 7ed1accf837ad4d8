"""Syntax and structure: the sentence shapes that turn a post into a report.

A reader of a post wants to know who did what.  The passive hides the doer
(«ремонт осуществляется подрядной организацией»), chains of genitives hide the
action inside nouns («обеспечения безопасности дорожного движения населения»),
and a sentence built of verbal nouns and participial clauses has to be read
twice.  These rules find such shapes; the words themselves are the business of
the phrase dictionaries (KC1xx).

Offsets always come from :class:`~kanclint.text.document.Document` tokens, and the
natasha parser reads those same tokens (``document.syntax_of``).  The parser
costs more than all other rules together, so only KC201 uses it, and only
where it changes the answer: a passive with a possible doer in the instrumental,
a subject from :data:`PLAIN_PASSIVES`, or a «мы» verb pymorphy3 also reads as a
participle.  Other passives and the participial clauses of KC204 are read from
pymorphy3 alone.  natasha's parser gives relations only (no case
features), so case always comes from pymorphy3.
"""

from __future__ import annotations

from kanclint.rules.syntax.genitives import GenitiveChain
from kanclint.rules.syntax.morph import is_verbal_noun
from kanclint.rules.syntax.nominal import NounHeavySentence
from kanclint.rules.syntax.participles import StackedParticiples
from kanclint.rules.syntax.passive import PassiveVoice
from kanclint.rules.syntax.relative_clauses import ParticipleClause
from kanclint.text.syntax_view import MAX_PARSED_TOKENS

# The entry point ``kanclint.rules: KC2 = "kanclint.rules.syntax"`` reads this list.
RULES = [PassiveVoice, GenitiveChain, NounHeavySentence, StackedParticiples, ParticipleClause]

__all__ = [
    "MAX_PARSED_TOKENS", "RULES", "GenitiveChain", "NounHeavySentence", "ParticipleClause", "PassiveVoice",
    "StackedParticiples",
    "is_verbal_noun",
]
