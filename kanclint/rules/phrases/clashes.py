"""Words a replacement brings that the sentence around it cannot take (see :mod:`.agreement`).

* **a recipient in the dative**: «выражают благодарность за помощь предпринимателю Смирновой» →
  «благодарят за помощь предпринимателю Смирновой»;
* **a modal word with nothing to govern**: «имеется возможность роста» → «можно роста»;
* **a comparative**: «более масштабный» → «более большой».
"""

from __future__ import annotations

from typing import Sequence

from kanclint.text.document import Sentence, Token
from kanclint.text.grammar import CASE_NORMAL
from kanclint.text.morphology import Parse, fold, parse

_PREPOSITION = "PREP"


def _case(p: Parse) -> set[str]:
    return {CASE_NORMAL.get(g, g) for g in p.grammemes if g in ("nomn", "gent", "datv", "accs", "ablt", "loct",
                                                                 "gen2", "acc2", "loc2", "voct")}


# verbs whose object is the person a light verb's noun addressed in the dative («выражать
# благодарность главе» → «благодарить главу»); «вручить паспорта школьникам» keeps its dative
_PERSON_OBJECT_VERBS = frozenset({
    "благодарить", "поблагодарить", "поздравить", "поздравлять", "поддержать", "поддерживать", "консультировать",
    "проконсультировать", "информировать", "проинформировать", "приветствовать", "чествовать", "наградить",
    "награждать", "сопровождать", "уважать"})


_MODALS = frozenset({"можно", "нельзя", "нужно", "надо", "необходимо"})
_MODAL_REACH = (4, 6)  # words before and after the replaced phrase in which its infinitive stands


def modal_without_infinitive(sentence: Sentence, matched: Sequence[Token], replacement: str) -> bool:
    """The replacement is «можно» (or «нельзя», «нужно»…) and no infinitive is near for it to govern."""
    words = replacement.split()
    if len(words) != 1 or fold(words[0]) not in _MODALS:
        return False
    if len(matched) == 1 and (fold(matched[0].text) in _MODALS or matched[0].lemma == "следовать"):
        return False  # «необходимо:» → «нужно:»: a modal for a modal governs what it governed
    tokens = sentence.tokens
    for start, step, reach in ((sentence.position(matched[0]) - 1, -1, _MODAL_REACH[0]),
                               (sentence.position(matched[-1]) + 1, 1, _MODAL_REACH[1])):
        i, seen = start, 0
        while 0 <= i < len(tokens) and seen < reach and tokens[i].text not in (".", "!", "?", ";", ":"):
            if tokens[i].is_word:
                if any(p.pos == "INFN" for p in tokens[i].parses[:2]):
                    return False
                seen += 1
            i += step
    return True


def _dative_recipient(token: Token) -> bool:
    """«предпринимателю», «главе»: a person in the dative that cannot be read as a subject or object."""
    readings = [p for p in token.parses if p.pos == "NOUN"]
    return any("datv" in p.grammemes and "anim" in p.grammemes for p in readings) and not any(
        _case(p) & {"nomn", "accs"} for p in readings)


def recipient_left_in_dative(sentence: Sentence, matched: Sequence[Token], replacement: str) -> bool:
    """A light verb whose noun took a dative recipient («выражают благодарность … главе района»)
    swapped for a transitive verb («благодарят»), with a person in the dative later in the
    sentence, not after a preposition: «благодарят … главе района» does not hold together."""
    words = replacement.split()
    if not words or not any(t.pos == "NOUN" for t in matched):
        return False
    first = parse(words[0])
    if not first or first[0].pos not in ("VERB", "INFN") or first[0].lemma not in _PERSON_OBJECT_VERBS:
        return False
    tokens = sentence.tokens
    for i in range(sentence.position(matched[-1]) + 1, len(tokens)):
        token = tokens[i]
        if token.is_word and _dative_recipient(token) and not (i > 0 and tokens[i - 1].pos == _PREPOSITION):
            return True
    return False


_ANALYTIC_DEGREE = frozenset({"более", "менее"})
_OWN_COMPARATIVE = frozenset({"большой", "хороший", "плохой", "маленький", "малый"})


def comparative_clash(sentence: Sentence, matched: Sequence[Token], replacement: str) -> bool:
    """«более масштабный проект» → «более большой проект»: the new adjective has its own comparative."""
    at = sentence.position(matched[0])
    before = sentence.tokens[at - 1] if at > 0 else None
    if before is None or before.key not in _ANALYTIC_DEGREE:
        return False
    words = replacement.split()
    return bool(words) and any(p.pos == "ADJF" and p.lemma in _OWN_COMPARATIVE for p in parse(words[0])[:1])
