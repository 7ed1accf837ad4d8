"""KC201: passives joined to the one found by «и» (or a comma), rewritten with it.

«Ёлка поставлена и наряжена» → «Ёлку поставили и нарядили»: short participles, read from the
words, not the parse (natasha often hangs the second participle on the noun that follows).
«Каждый экспонат упаковывается и размещается в коробке» → «…упаковывают и размещают…»: after a
reflexive passive, a second «-ся» verb of a transitive one in the same tense and number shares its
subject and is a passive too (never a middle verb: «открывается и закрывается»).
"""

from __future__ import annotations

from kanclint.rules.syntax.morph import _best, _reading
from kanclint.rules.syntax.passive_detection import _form_passive, _Passive
from kanclint.rules.syntax.words import MIDDLE_REFLEXIVES
from kanclint.text.document import Sentence, Token


def reflexive_conjunct(first: Token, token: Token) -> str | None:
    """The active lemma of ``token`` when it is a reflexive passive that can be joined to ``first``
    («упаковывается и [размещается]»): same tense, person and number, not a middle verb."""
    found = _form_passive(token.text)
    if found is None or not found[1] or not token.parses or not first.parses:
        return None
    if token.parses[0].lemma in MIDDLE_REFLEXIVES:
        return None
    keys = {"pres", "past", "futr", "sing", "plur", "3per", "masc", "femn", "neut"}
    return found[0] if first.parses[0].grammemes & keys == token.parses[0].grammemes & keys else None


def conjunct_lemma(token: Token) -> str | None:
    """The active lemma of a joined passive: a participle's, or a «-ся» verb's."""
    reading = _reading(token, "PRTS", "pssv")
    if reading is not None:
        return reading.lemma
    found = _form_passive(token.text)
    return found[0] if found is not None and found[1] else None


def joined_passives(sentence: Sentence, found: _Passive) -> list[Token]:
    """The passives joined to ``found`` by «и» or a comma: «поставлена и наряжена»; for a reflexive
    one, one «-ся» verb right after «и»."""
    tokens = sentence.tokens
    i = sentence.position(found.verb) + 1
    if found.reflexive:
        if found.reading.pos != "VERB" or i + 1 >= len(tokens) or tokens[i].text != "и":
            return []
        return [tokens[i + 1]] if reflexive_conjunct(found.verb, tokens[i + 1]) is not None else []
    out = []
    while i + 1 < len(tokens) and tokens[i].text in ("и", ","):
        t = tokens[i + 1]
        reading = _reading(t, "PRTS", "pssv")
        best = _best(t)
        if reading is None or best is None or reading.score < best.score * 0.9:
            break
        out.append(t)
        i += 2
    return out
