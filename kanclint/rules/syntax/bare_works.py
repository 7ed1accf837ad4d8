"""KC201: a bare «перерасчёт» or «ремонт» with an empty passive verb, said with «сделают».

«Перерасчёт будет произведён в следующем месяце»: the verbal noun has no object, so the one verb
of the split-predicate dictionary («пересчитают») would leave out what is counted, and the doer-less
rewrite gives up.  Russian says such a job with «сделать», keeping the noun as the topic:
«Перерасчёт сделают в следующем месяце», «Ремонт сделали в срок».  Only nouns «сделать» takes
plainly (``_MADE``: «оплату сделают», «выплату сделают» are wrong), only the auxiliary «будет» or
«был» with «произведён / проведён / осуществлён» and the noun alone opening the sentence; nothing
after the verb but plain words and phrases (no comma, dash, «и», «не», names or another verb), unless
a comma opens a clause with its own verb that shares nothing with it («…, обращаться никуда не нужно»).
"""

from __future__ import annotations

from kanclint.model import Edit
from kanclint.rules.syntax.passive_detection import _Passive
from kanclint.text.document import Document, Sentence

_MADE = frozenset({"перерасчет", "ремонт"})  # token keys are folded: «ё» read as «е»
_EMPTY = frozenset({"произвести", "провести", "осуществить"})
_SAID = {("futr", "будет"): "сделают", ("past", "был"): "сделали"}
_FREE_POS = frozenset({"ADVB", "PREP", "NOUN", "ADJF", "PRTF", "NUMR"})


def made_rewrite(document: Document, sentence: Sentence, f: _Passive, tense: str) -> Edit | None:
    """«Перерасчёт сделают», or ``None`` when the sentence is not of that plain shape."""
    if f.agent is not None or f.reflexive or f.aux is None or f.lemma not in _EMPTY or f.conj or document.speaks_as_we:
        return None
    said = _SAID.get((tense, f.aux.key))
    tokens = sentence.tokens
    if said is None or len(tokens) < 4 or not {"masc", "sing"} <= f.reading.grammemes:
        return None
    noun, aux, verb = tokens[0], tokens[1], tokens[2]
    if aux is not f.aux or verb is not f.verb or not noun.is_word or noun.protected or noun.key not in _MADE or not any(p.pos == "NOUN" and "nomn" in p.grammemes for p in noun.parses):
        return None
    rest = tokens[3:]
    comma = next((i for i, t in enumerate(rest) if t.text == ","), None)
    if comma is not None and _own_clause(rest[comma + 1:]):
        rest = [*rest[:comma], rest[-1]]  # «…автоматически, обращаться никуда не нужно»: a clause of its own
    if rest[-1].text not in (".", "!") or any(
            not (t.is_word and t.pos in _FREE_POS and t.key not in ("не", "и", "или") and not t.text[:1].isupper()
                 or t.text.isdigit()) for t in rest[:-1]):
        return None  # a comma, a name, a second verb or a list after the verb: more than one plain clause
    return Edit(aux.start, verb.end, said)


def _own_clause(words: list) -> bool:
    """Whether the words after a comma are a clause with its own verb that shares nothing with the
    first («обращаться в органы соцзащиты не требуется»): no dash, no «а», «и», «но», «также»
    (those may reuse the verb: «…в школе, а покраска — в саду»)."""
    if any(t.text in ("—", "–", "-", ",", ";", ":") or t.key in ("а", "и", "но", "также", "или", "который", "которая",
                                                                  "которое", "которые") for t in words[:-1]):
        return False
    return any(t.is_word and t.pos == "VERB" for t in words) and words[-1].text in (".", "!")
