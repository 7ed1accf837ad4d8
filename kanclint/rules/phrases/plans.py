"""A plan said with a verbal noun: «Летом планируется проведение субботника» → «Летом планируют
провести субботник», «На встрече предполагается обсуждение бюджета» → «…планируют обсудить бюджет».

The «планируется + infinitive» rewrite (context_rewrites.planiruem) leaves a verbal noun after the
verb alone: the noun is the subject there.  Where the noun is one whose verb is certain
(``_PLANNED``) and its object is a plain genitive phrase (adjectives and a noun, as
clauses._noun_phrase reads it), the plan keeps its modality («планируют», not «проведут»: a plan is
no promise) and the object goes into the accusative.  Anything that the changed case could break
is left as it is: a participle after the object («вопросов, касающихся…»), a second subject joined
by «и», «или», «а также», a doer in the instrumental («администрацией планируется»), a quoted or
capitalised object.
"""

from __future__ import annotations

from collections.abc import Sequence

from kanclint.model import Edit
from kanclint.patterns import Match
from kanclint.rules.phrases.clauses import _into, _noun_phrase
from kanclint.rules.phrases.context_rewrites import _person_subject
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.inflection import capitalise

# the verbal noun → the verb of the plan, each taking its object in the accusative
_PLANNED = {"проведение": "провести", "обсуждение": "обсудить", "рассмотрение": "рассмотреть",
            "открытие": "открыть", "строительство": "построить", "создание": "создать",
            "подписание": "подписать", "ремонт": "отремонтировать"}
# an instrumental that says when, not who: «весной планируется…»
WHEN = frozenset({"весна", "лето", "осень", "зима", "утро", "вечер", "день", "ночь"})
_JOINS = frozenset({"и", "или", "также", "либо"})


def instrumental_doer_before(tokens: Sequence[Token], at: int) -> bool:
    """A noun or pronoun read first in the instrumental before ``tokens[at]``, not a time of year or
    day («весной»): the doer of an impersonal «планируется», «приглашаются» («администрацией…»)."""
    return any(t.is_word and any("ablt" in p.grammemes and p.pos in ("NOUN", "NPRO") and p.lemma not in WHEN
                                 for p in t.parses[:1]) for t in tokens[:at])


def planned_act(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«планируется проведение субботника» → «планируют провести субботник» («планируем» for «мы»)."""
    tokens = sentence.tokens
    at, noun_at = sentence.position(m.tokens[0]), sentence.position(m.tokens[-1])
    noun = m.tokens[-1]
    verb = next((_PLANNED[p.lemma] for p in noun.parses if p.lemma in _PLANNED and "nomn" in p.grammemes
                 and "sing" in p.grammemes), None)
    if verb is None or noun_at != at + 1 or any(t.protected for t in m.tokens):
        return None
    if instrumental_doer_before(tokens, at):
        return None  # «администрацией планируется…»: the doer stands behind in the instrumental
    found = _noun_phrase(tokens, noun_at + 1)
    if found is None or any(t.text[:1].isupper() for t, _ in found[0]):
        return None
    head = found[0][-1][0]
    if len({frozenset(p.grammemes & {"anim", "inan"}) for p in head.parses if p.pos == "NOUN" and "gent" in p.grammemes}) > 1:
        return None  # «субботника» reads as a person too: «провести субботника»
    rest = tokens[found[1]:]
    if any(t.key in _JOINS for t in rest) or any(t.is_word and t.parses and t.parses[0].pos == "PRTF" for t in rest):
        return None  # «проведение ремонта и строительство…», «вопросов, касающихся…»: the case change spreads
    obj = _into(found[0], "accs")
    if obj is None:
        return None
    told_of = _person_subject(sentence) or document.author is not None and any(map(_person_subject, document.sentences))
    planned = "планируем" if document.speaks_as_we and not told_of else "планируют"
    said = f"{planned} {verb} {obj}"
    return Edit(m.start, head.end, capitalise(said) if m.tokens[0].text[:1].isupper() else said)
