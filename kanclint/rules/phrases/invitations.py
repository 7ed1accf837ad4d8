"""«К участию в конкурсе приглашаются школьники района» → «К участию в конкурсе приглашают
школьников района».

The passive rewrite (KC201) turns «приглашаются команды» into «приглашают команды»: an inanimate
plural reads the same as an object.  An animate one («школьники») makes the passive detector read
the verb as a true reflexive, and the object would need the accusative («школьников»), so it is
said here, and only where the people invited are a plain noun phrase: adjectives, a plural
animate noun, a genitive tail («района», «начальных классов»), and then the end of the sentence.
A list («дети и их родители»), a participle clause (a «…, которые…» clause may follow), a phrase with a preposition
(«дети от 7 лет»), a quoted or capitalised word, a doer in the instrumental keep the sentence as written.
"""

from __future__ import annotations

from kanclint.model import Edit
from kanclint.patterns import Match
from kanclint.rules.phrases.plans import instrumental_doer_before
from kanclint.rules.phrases.clauses import _gent, _into, _noun_phrase
from kanclint.text.document import Document, Sentence
from kanclint.text.inflection import capitalise

_ENDS = frozenset({".", "!", "…"})


def _which_clause(tokens, end: int) -> bool:
    """«…жители района, которые интересуются…»: «которые» takes its case in its own clause, so
    «приглашают жителей района, которые…» still agrees (a participle would not: «интересующиеся»)."""
    return (tokens[end].text == "," and end + 1 < len(tokens) and tokens[end + 1].is_word
            and tokens[end + 1].lemma == "который")


def invited_people(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«приглашаются школьники района» → «приглашают школьников района»."""
    tokens = sentence.tokens
    at = sentence.position(m.tokens[0])
    if instrumental_doer_before(tokens, at):
        return None  # «администрацией приглашаются…»
    found = _noun_phrase(tokens, at + 1, "nomn")
    if found is None or any(t.text[:1].isupper() or t.protected for t, _ in found[0]):
        return None
    head = found[0][-1][0]
    nouns = [p for p in head.parses if p.pos == "NOUN" and "nomn" in p.grammemes]
    if not nouns or any(not {"anim", "plur"} <= p.grammemes for p in nouns):
        return None  # «команды»: KC201's; «субботники» may be days of work
    end = found[1]
    while end < len(tokens) and tokens[end].is_word and not tokens[end].protected:
        if tokens[end].text[:1].isupper() and tokens[end - 1].text[:1].isupper() and end > found[1]:
            end += 1  # «жители Республики Карелия»: a name goes on as written
            continue
        reading = _gent(tokens[end])
        if reading is None or not tokens[end].parses or tokens[end].parses[0].pos not in ("NOUN", "ADJF"):
            return None  # «дети от 7 лет», «школьники, желающие…»: more than a genitive tail
        end += 1
    if end < len(tokens) and tokens[end].text not in _ENDS and not _which_clause(tokens, end):
        return None
    obj = _into(found[0], "accs")
    if obj is None:
        return None
    said = f"приглашают {obj}"
    return Edit(m.start, head.end, capitalise(said) if m.tokens[0].text[:1].isupper() else said)
