"""KC201 on a plan whose subject is a verbal noun: «Завершение работ на объектах планируется до
1 сентября» → «Завершить работы на объектах планируют до 1 сентября».

The plain third-person rewrite keeps the noun as the object («Завершение работ … планируют»): the
passive goes, the verbal noun the editor objects to stays, and the sentence is no better.  A plan
is said with the infinitive of the act: the noun becomes its verb (the lists of
``decision-verbs`` and the plans of :mod:`kanclint.rules.phrases.plans`) and its genitive object
the accusative («работ» → «работы»).  Where that cannot be built (an adjective before the noun, a
list or a clause after the object, punctuation before the verb) the sentence stays as written
(after the verb the plain rewrite «Планируют завершение работ» may stand).  A
noun no list knows keeps the plain rewrite: «Собрание жителей планируют на 10 мая» is an event, not
an act to say with a verb.
"""

from __future__ import annotations

from kanclint.lexicon import word_map
from kanclint.model import Edit
from kanclint.rules.phrases.clauses import _into, _noun_phrase
from kanclint.rules.phrases.plans import _PLANNED
from kanclint.rules.syntax.passive_detection import _Passive
from kanclint.rules.syntax.rewrite_objects import _Subject
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.inflection import capitalise

_PLAN_VERBS = frozenset({"планировать", "предполагать"})
_JOINS = frozenset({"и", "или", "либо", "а", "также"})


def _verbs() -> dict[str, str]:
    return {**word_map("decision-verbs"), **_PLANNED}


# :func:`planned_rewrite` of a passive that is no plan of an act: the other rewrites decide
NOT_A_PLAN = Edit(-1, -1, "")


def planned_rewrite(document: Document, sentence: Sentence, f: _Passive, subject: _Subject, group: list[Token],
                    verbs: str, paired: bool) -> Edit | None:
    """The rewrite of «Завершение работ планируется» (a plan whose subject is an act said as a noun):
    the infinitive, or ``None`` before the verb, where «Завершение работ … планируют» would keep the
    noun; after the verb («Планируют завершение работ», no worse than the passive) the plain
    rewrite may stand (:data:`NOT_A_PLAN`), as it does for every other passive."""
    if f.lemma not in _PLAN_VERBS or subject.head.lemma not in _verbs():
        return NOT_A_PLAN
    planned = None if paired else planned_infinitive(document, sentence, subject, group, verbs)
    return planned if planned is not None or subject.tokens[0].start < group[0].start else NOT_A_PLAN


def planned_infinitive(document: Document, sentence: Sentence, subject: _Subject, group: list[Token],
                       verbs: str) -> Edit | None:
    """«Завершение работ на объектах планируется» → «Завершить работы на объектах планируют»;
    «Планируется завершение работ» → «Планируют завершить работы»; ``None`` where it is not certain."""
    head, tokens = subject.head, sentence.tokens
    verb = _verbs().get(head.lemma)
    if verb is None or subject.tokens[0] is not head or head.protected:
        return None  # «Полное завершение работ»: the adjective has no place beside the infinitive
    found = _noun_phrase(list(tokens), sentence.position(head) + 1)
    if found is None or any(t.text[:1].isupper() for t, _ in found[0]):
        return None
    obj = _into(found[0], "accs")
    if obj is None:
        return None
    act = f"{verb} {obj}"
    if head.start > group[-1].end:  # «Планируется завершение работ»: the verb first, the act after it
        rest = tokens[found[1]:]
        if sentence.position(head) != sentence.position(group[-1]) + 1 or _joined(tokens, found[1], len(tokens)) or any(
                t.is_word and t.parses and t.parses[0].pos == "PRTF" for t in rest):
            return None  # «обсуждение вопросов, касающихся…»: the participle would keep the genitive
        said = f"{verbs} {act}"
        return Edit(group[0].start, found[0][-1][0].end, capitalise(said) if group[0].text[:1].isupper() else said)
    verb_at = sentence.position(group[0])
    rest = tokens[found[1]:verb_at]
    if any(not t.is_word or t.protected or t.pos in ("VERB", "PRTS", "INFN") for t in rest) or _joined(
            tokens, found[1], verb_at) or rest and rest[0].pos == "PRTF":
        return None  # «работ, начатых в мае,»; «работ и поставки»: the object does not end where it seems
    kept = document.text[rest[0].start:rest[-1].end] + " " if rest else ""
    said = f"{act} {kept}{verbs}"
    return Edit(head.start, group[-1].end, capitalise(said) if head.text[:1].isupper() else said)


def _joined(tokens: tuple[Token, ...], start: int, end: int) -> bool:
    """A second member after the object («завершение работ и сдача объекта»): the case change spreads."""
    return any(t.key in _JOINS for t in tokens[start:end])
