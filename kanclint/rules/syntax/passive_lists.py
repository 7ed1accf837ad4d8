"""KC201 on a list of doer-less passives: all of them said actively at once, or none.

«Было вывезено 12 тонн мусора, побелены бордюры, высажено 40 деревьев» is the report's own list,
and rewriting one of its passives alone mixes two voices in one sentence (which
:func:`.rewrite_guards.parallel_passive` refuses).  Here every passive of the sentence is
rewritten with the same tense — the future of a shared «будет» carries over to the bare
participles after it — and the edits are joined into one, so the author takes the whole list or
leaves it: «Вывезли 12 тонн мусора, побелили бордюры, высадили 40 деревьев».

Nothing is offered when any passive of the sentence cannot be rewritten on its own terms, when
one of them is a «-ся» passive (a process, not a result: «оказывается помощь, организован пункт»),
when the voices would differ («мы» for one act, «they» for another), or when a short passive is
left in the result.
"""

from __future__ import annotations

from typing import Callable

from kanclint.model import Edit
from kanclint.rules.syntax.impersonal_rewrite import doerless_rewrite
from kanclint.rules.syntax.joined import joined_passives
from kanclint.rules.syntax.passive_detection import _Passive, morph_passives
from kanclint.rules.syntax.rewrite_guards import short_passive_readings
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.morphology import parse

_MOST = 4  # passives in one sentence: a longer list is a table the author rewrites by hand


def rewrite_together(
    document: Document, sentence: Sentence, f: _Passive,
    candidate: Callable[[Token], _Passive | None], tense_of: Callable[[_Passive], str],
) -> Edit | None:
    """One edit that says every doer-less passive of ``sentence`` actively, or ``None``.

    ``candidate`` reads a token as the rule reads it (:meth:`PassiveVoice._candidate`);
    ``tense_of`` gives a passive's own tense (:meth:`PassiveVoice._tense`).
    """
    found: list[_Passive] = []
    joined: set[int] = set()
    for token, _ in morph_passives(sentence):
        if token.start in joined:
            continue
        c = f if token is f.verb else candidate(token)
        if c is None:
            continue
        if c is not f:
            c.conj = joined_passives(sentence, c)
        joined.update(t.start for t in c.conj)
        found.append(c)
    if not 2 <= len(found) <= _MOST or any(c.agent is not None or c.reflexive for c in found):
        return None
    own = {c.verb.start: tense_of(c) for c in found if c.aux is not None}
    shared = "futr" if "futr" in own.values() else "past"
    edits = []
    for c in found:
        edit = doerless_rewrite(document, sentence, c, own.get(c.verb.start, shared), together=True)
        if edit is None:
            return None
        edits.append(edit)
    edits.sort(key=lambda e: e.start)
    if any(a.end > b.start for a, b in zip(edits, edits[1:])):
        return None
    said_as_we = {e.replacement.split()[0].lower() == "мы" for e in edits}
    if len(said_as_we) > 1:
        return None  # «вывезли…, мы побелили бордюры» would say «мы» of one act and «they» of the next
    if said_as_we == {True}:  # «Мы вывезли мусор, побелили бордюры»: one «мы» for the list
        edits = [edits[0], *(Edit(e.start, e.end, e.replacement.split(" ", 1)[1]) for e in edits[1:])]
    text = document.text
    joined_text = "".join(
        (text[edits[k - 1].end:e.start] if k else "") + e.replacement for k, e in enumerate(edits))
    if any(short_passive_readings(parse(w.strip(",.;:!?«»\"()"))) for w in joined_text.split()):
        # a short passive left in the result («открыто два сада», read first as an adverb): two voices
        return None
    return Edit(edits[0].start, edits[-1].end, joined_text)
