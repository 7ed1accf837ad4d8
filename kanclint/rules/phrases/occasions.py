"""«концерт, приуроченный ко Дню матери» → «концерт ко Дню матери»: an occasion said with «к».

«Приуроченный к X» only says «for X»; the bare preposition after the noun says the same. The
participle and its opening comma go; the closing comma goes too when the predicate follows it
(«Концерт, приуроченный ко Дню матери, собрал…» → «Концерт ко Дню матери собрал…»). Anywhere
else the closing comma may be another clause's («…ко Дню матери, который…»), so nothing changes.
"""

from __future__ import annotations

from kanclint.model import Edit
from kanclint.patterns import Match
from kanclint.text.document import Document, Sentence

_CLOSERS = frozenset({";", ":", "—", "–", "(", ")"})
_CLAUSE_OPENERS = frozenset({"где", "когда", "куда", "откуда"})


def _agrees(participle_grammemes: frozenset[str], noun_parses: list) -> bool:
    """The participle belongs to the noun right before the comma: same case and number (and gender)."""
    case = next((g for g in ("nomn", "gent", "datv", "accs", "ablt", "loct") if g in participle_grammemes), None)
    number = "plur" if "plur" in participle_grammemes else "sing"
    gender = next((g for g in ("masc", "femn", "neut") if g in participle_grammemes), None)
    for p in noun_parses:
        if p.pos != "NOUN" or case not in p.grammemes or number not in p.grammemes:
            continue
        if number == "sing" and gender is not None and gender not in p.grammemes and "Ms-f" not in p.grammemes:
            continue
        return True
    return False


def occasion(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """Drop «, приуроченный» after its noun, keeping «к X»."""
    tokens = list(sentence.tokens)
    at = next((k for k, t in enumerate(tokens) if t.start >= m.start and t.is_word), None)
    if at is None or at < 2 or at + 2 >= len(tokens):
        return None
    participle = tokens[at]
    parses = [p for p in participle.parses if p.pos == "PRTF"]
    if not parses or tokens[at + 1].key not in ("к", "ко") or tokens[at - 1].text != ",":
        return None
    # its noun right before the comma or a few genitive words back («День открытых дверей, приуроченный»)
    head = at - 2
    while head >= 0 and tokens[head].is_word and not tokens[head].protected and at - 2 - head < 4:
        if any(_agrees(p.grammemes, tokens[head].parses) for p in parses):
            break
        head -= 1
    else:
        return None
    if head < 0 or not tokens[head].is_word or tokens[head].protected:
        return None
    end = at + 1
    while end < len(tokens) and tokens[end].text not in (",", ".", "!", "?", "…") and tokens[end].text not in _CLOSERS:
        end += 1
    if end < len(tokens) and tokens[end].text in _CLOSERS:
        return None
    phrase = document.text[tokens[at + 1].start:tokens[end - 1].end]
    if end >= len(tokens) or tokens[end].text != ",":
        return Edit(tokens[at - 1].start, tokens[end - 1].end, " " + phrase)  # the sentence ends here
    follower = tokens[end + 1] if end + 1 < len(tokens) else None
    if follower is not None and any(t.is_word and (t.lemma == "который" or t.key in _CLAUSE_OPENERS)
                                    for t in tokens[end + 1:end + 3]):
        # «…ко Дню матери, во время которого…»: the comma opens the next clause and stays
        return Edit(tokens[at - 1].start, tokens[end - 1].end, " " + phrase)
    if follower is None or not follower.is_word or not follower.parses or follower.parses[0].pos not in ("VERB", "PRTS"):
        return None
    return Edit(tokens[at - 1].start, tokens[end].end, " " + phrase)
