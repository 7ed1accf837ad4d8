"""Checks on the verb a swap replaces, read from the sentence around it (used by :mod:`.agreement`).

* **a doer it must still take**: a reflexive or short passive with its doer in the instrumental
  swapped for a verb that cannot take one («осуществляется специалистами» → «идёт
  специалистами»).  The doer is looked for a few words either way, and at the opening of the
  clause, where a long name may stand far from its verb («Управлением ЖКХ администрации города
  совместно с управляющими компаниями проводится проверка» → «… проходит проверка» is no Russian);
* **a tense it must keep**: a past verb joined by «и» to an earlier past verb, swapped for a
  present form («пожелал выпускникам успехов и выразил уверенность…» → «пожелал … и уверен…»):
  the two predicates no longer tell the same moment, so the author rewords.
"""

from __future__ import annotations

from typing import Sequence

from kanclint.text.document import Sentence, Token
from kanclint.text.morphology import Parse, parse

_PREPOSITION = "PREP"
_AGENT_WINDOW = 6  # «Отделом МВД России по району проводится…»: the doer may stand before its genitive tail
_CLAUSE_MARKS = frozenset({",", ";", ":", "—", "–", "(", ")"})
_JOINING = frozenset({"и", "также"})  # «… и выразил», «…, а также выразил»


def _reflexive(p: Parse) -> bool:
    return p.pos in ("VERB", "INFN", "PRTF", "PRTS", "GRND") and p.lemma.endswith(("ся", "сь"))


def _short_passive(p: Parse) -> bool:
    return p.pos == "PRTS" and "pssv" in p.grammemes


def _is_agent(tokens: Sequence[Token], i: int) -> bool:
    token = tokens[i]
    if not token.is_word or token.pos != "NOUN" or "ablt" not in token.grammemes:
        return False
    if any(p.pos == "ADVB" for p in token.parses):
        return False  # «летом», «вечером»: time, not a doer
    j = i - 1
    while j >= 0 and tokens[j].is_word and tokens[j].pos in ("ADJF", "PRTF", "NPRO", "NOUN") and any(
            "ablt" in p.grammemes for p in tokens[j].parses):  # «местным»: dative first to pymorphy3
        j -= 1  # «опытными специалистами»; «с краеведом Николаем Орловым»: a name in apposition
    return not (j >= 0 and tokens[j].is_word and tokens[j].pos == _PREPOSITION)


def _clause_opens_with_agent(tokens: Sequence[Token], at: int) -> bool:
    """«Управлением ЖКХ … проводится»: the clause before ``at`` opens with a doer in the instrumental."""
    i = at
    while i > 0 and tokens[i - 1].text not in _CLAUSE_MARKS:
        i -= 1
    while i < at and not tokens[i].is_word:
        i += 1
    start = i
    while i < at and tokens[i].pos in ("ADJF", "PRTF") and any("ablt" in p.grammemes for p in tokens[i].parses[:4]):
        i += 1  # «Областным министерством»; «Межрайонной» reads first as a genitive
    if start < i < at and tokens[i].text.isupper() and len(tokens[i].text) > 1:
        return True  # «Межрайонной ИФНС России № 5 … проводятся»: the acronym shows no case, its adjective does (judge h38)
    return i < at and _is_agent(tokens, i)


def passive_with_doer(sentence: Sentence, matched: Sequence[Token], replacement: str) -> bool:
    """A passive with its doer in the instrumental swapped for a form that cannot take one:
    «осуществляется специалистами» → «идёт специалистами», «Управлением культуры подведены
    итоги» → «Управлением культуры объявили результаты»."""
    verbs = [t for t in matched if t.parses and (_reflexive(t.parses[0]) or _short_passive(t.parses[0]))]
    if not verbs:
        return False
    new = [p for w in replacement.split() for p in parse(w)[:1] if p.pos in ("VERB", "INFN", "PRTF", "PRTS")]
    if not new or all(_reflexive(p) or _short_passive(p) for p in new):
        return False  # «ведётся специалистами», «вручены специалистами» still take the doer
    tokens = sentence.tokens
    at = sentence.position(verbs[0])
    for step in (-1, 1):
        i, words = at + step, 0
        while 0 <= i < len(tokens) and tokens[i].text not in (",", ";", ":", "—"):
            if words >= _AGENT_WINDOW:
                return step < 0 and _clause_opens_with_agent(tokens, at)
            if tokens[i].is_word and tokens[i] not in matched:
                words += 1
                if _is_agent(tokens, i):
                    return True
            i += step
    return False


def _past_verb(token: Token) -> bool:
    return bool(token.parses) and token.parses[0].pos == "VERB" and "past" in token.parses[0].grammemes


def tense_clash(sentence: Sentence, matched: Sequence[Token], replacement: str) -> bool:
    """«пожелал успехов и выразил уверенность» → «пожелал успехов и уверен»: a past verb joined to
    an earlier past verb becomes a present form, and the two predicates part in time."""
    if not any(_past_verb(t) for t in matched):
        return False
    new = [p for w in replacement.split() for p in parse(w)[:1]]
    if not new or any(p.pos == "VERB" and "past" in p.grammemes for p in new):
        return False  # «выразил благодарность» → «поблагодарил»: still the past
    if not any(p.pos in ("ADJS", "PRTS", "PRED") or p.pos == "VERB" and "past" not in p.grammemes for p in new):
        return False
    tokens = sentence.tokens
    at = sentence.position(matched[0])
    before = [t for t in tokens[:at] if t.is_word]
    if not before or before[-1].key not in _JOINING:
        return False
    return any(_past_verb(t) for t in before[:-1])


def passive_left_beside(sentence: Sentence, matched: Sequence[Token], replacement: str) -> bool:
    """«Студентам были даны рекомендации…, представлена информация о мерах» → «…, рассказали о мерах»:
    one passive said actively beside another that stays joins two voices in one list of acts
    (judge h48); the author rewords both or neither."""
    if not any(t.parses and _short_passive(t.parses[0]) for t in matched):
        return False
    said = [parse(w) for w in replacement.split()]
    if any(_short_passive(r) for p in said for r in p) or not any(p and p[0].pos == "VERB" for p in said):
        return False  # still a passive («введено» → «открыто»), or no verb said actively
    inside = {t.start for t in matched}
    return any(t.start not in inside and t.parses and _short_passive(t.parses[0]) for t in sentence.words)
