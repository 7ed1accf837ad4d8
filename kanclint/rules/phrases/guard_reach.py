"""Context rewrites for what a dictionary guard cannot reach: a guard's words are matched around
the phrase without punctuation, so a quote mark or a comma between the phrase and the word that
decides it hides that word (:mod:`.context_rewrites` maps the entries to these functions).

* «по вопросам» after a quoted noun («работает «горячая линия» по вопросам…») is an option;
* «по вопросам X, Y и Z» → «по X(dat)» would leave Y and Z without «вопросам», «в сфере X, Y» → «в X(loc), Y»
  leaves Y in the genitive: an option;
* «проводится … «Новая школа» по инициативе координатора»: an initiator holds the event, so
  «проходит» is an option.
"""

from __future__ import annotations

from kanclint.model import Edit
from kanclint.patterns import Match
from kanclint.rules.phrases.clauses import OFFER_ONLY
from kanclint.text.document import Document, Sentence

_CLOSING_QUOTES = frozenset({"»", "\"", "“", "”"})


def after_quoted_noun(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«работает «горячая линия» по вопросам назначения пенсий»: the phrase hangs on the quoted noun
    as it does on a bare one (which the entry's guard «<NOUN> по вопросам» keeps), and «горячая линия»
    насчёт назначения» reads as speech pasted into a name (judge g12).  A guard cannot look past the
    quote mark, so the swap is an option here (:data:`OFFER_ONLY`)."""
    tokens = sentence.tokens
    k = sentence.position(m.tokens[0]) - 1
    if k < 1 or tokens[k].text not in _CLOSING_QUOTES:
        return None
    return OFFER_ONLY if tokens[k - 1].pos == "NOUN" else None


def genitive_list_after(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«по вопросам защиты прав потребителей, пенсионного обеспечения и налоговых вычетов» → «по защите
    прав…, пенсионного обеспечения…» leaves the later genitives of the list without their «вопросам»
    (judge h17): where a comma after the topic is followed by another genitive, the swap is an option
    (:data:`OFFER_ONLY`).  The entry's guard «по вопросам … и» cannot reach past the comma."""
    tokens = sentence.tokens
    k = sentence.position(m.tokens[-1]) + 1
    while k < len(tokens) and tokens[k].is_word and any("gent" in p.grammemes for p in tokens[k].parses):
        k += 1
    if k + 1 < len(tokens) and tokens[k].text == "," and tokens[k + 1].is_word and any(
            "gent" in p.grammemes and p.pos in ("NOUN", "ADJF", "PRTF") for p in tokens[k + 1].parses):
        return OFFER_ONLY
    return None


def held_by_someone(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«Фестиваль проводится в рамках проекта «Новая школа» по инициативе координатора»: an initiator
    holds the event, and «проходит … по инициативе» has nobody to hold it (judges f9, f10).  The
    entry's guard cannot reach past a quoted name, so anywhere in the sentence the swap is an option
    (:data:`OFFER_ONLY`)."""
    keys = [t.key for t in sentence.words]
    return OFFER_ONLY if any(a == "по" and b == "инициативе" for a, b in zip(keys, keys[1:])) else None
