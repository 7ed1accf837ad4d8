"""KC112: «повышение уровня правовой грамотности» → «повышение правовой грамотности».

«Уровень» before a quality that has no other measure (грамотность, безопасность, квалификация…)
adds a word and nothing else: what rises is the quality itself.  The qualities are data
(``dictionaries/lexicon/clauses.toml``, ``level-qualities``); a measured thing keeps its level
(«повышение уровня воды», «уровня жизни», «уровня сахара»), and so does a phrase whose noun
cannot be read with certainty.
"""

from __future__ import annotations

from kanclint.lexicon import word_list
from kanclint.model import Edit
from kanclint.patterns import Match
from kanclint.rules.phrases.clauses import _noun_phrase
from kanclint.text.document import Document, Sentence


def bare_quality(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """Delete «уровня » before a quality from ``level-qualities``: «уровня безопасности» → «безопасности»."""
    tokens = list(sentence.tokens)
    i = sentence.position(m.tokens[-1])
    found = _noun_phrase(tokens, i + 1)
    if found is None or any(t.protected for t, _ in found[0]):
        return None
    if found[0][-1][1].lemma not in word_list("level-qualities"):
        return None
    return Edit(tokens[i].start, tokens[i + 1].start, "")
