"""KC201 detection: a passive, its verb, subject and possible doer, from the parse or from pymorphy3."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

from kanclint.rules.syntax.morph import _best, _reading
from kanclint.rules.syntax.words import (
    EMPTY_VERBS,
    NOT_AGENTS,
    OBJECT_REFLEXIVES,
    ORGANISATIONS,
    PRONOUN_AGENTS,
    REPORT_PARTICIPLES,
    SUBSTANTIVE_DOERS,
)
from kanclint.text.document import Sentence, Token
from kanclint.text.grammar import MAIN_CASES, PERSON_NAMES
from kanclint.text.inflection import inflect_raw
from kanclint.text.morphology import Parse, active_of_reflexive
from kanclint.text.syntax_view import _Node, _Syntax


@dataclass
class _Passive:
    verb: Token
    reading: Parse
    reflexive: bool
    lemma: str  # the active verb: «провести», «осуществлять»
    aux: Token | None = None
    agent: Token | None = None
    subject: Token | None = None
    conj: list[Token] = field(default_factory=list)  # passives joined to this one by «и»


def _has_passive_kids(syntax: _Syntax, node: _Node) -> bool:
    return any(k.tok.rel in ("nsubj:pass", "aux:pass") for k in syntax.children(node))


_CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "(", ")", "«", "»", '"'})


def _morph_subject(sentence: Sentence, verb: Token) -> Token | None:
    """The passive subject of a «-ся» verb by morphology, when the sentence was not parsed.

    A noun in the nominative in the verb's clause (no punctuation or other verb
    between), agreeing in number (and gender in the past singular), not after a
    preposition.  Before the verb the leftmost one wins, since the subject opens
    the clause («Председатель каждое утро катается»: not «утро»); failing that,
    the first one after the verb («ведётся статистика»).  An animate subject
    («председатель катается») makes the verb reflexive, not passive: no subject.
    """
    tokens = sentence.tokens
    i = sentence.position(verb)
    if i + 1 < len(tokens) and tokens[i + 1].pos == "INFN":
        return None  # «рекомендуется разместить»: an impersonal formula, the modality dictionary's
    # «будут приниматься»: the infinitive has no number, its auxiliary has
    aux = future_aux(sentence, verb) if verb.pos == "INFN" else None
    shown = aux or verb
    number = "plur" if "plur" in shown.grammemes else "sing"
    gender = next((g for g in ("masc", "femn", "neut") if g in verb.grammemes), None)

    def nominative(j: int) -> Parse | None:
        for p in tokens[j].parses[:3]:  # «Заявки»: accusative, genitive, then nominative
            g = p.grammemes
            if p.pos != "NOUN" or "nomn" not in g or number not in g:
                continue
            if not tokens[j].text[:1].isupper() and not PERSON_NAMES.isdisjoint(g):
                continue  # «10 марта»: a lowercase word is no «Марта»
            if gender and number == "sing" and gender not in g:
                continue
            return None if _after_preposition(tokens, j) else p
        return None

    found: tuple[int, Parse] | None = None
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(tokens) and tokens[j].text not in _CLAUSE_BREAKS:
            if tokens[j].is_word and tokens[j].pos == "VERB" and tokens[j] is not aux:
                break  # another verb's clause; «будет» of «будет осуществляться» is the verb's own
            reading = nominative(j)
            if reading is not None:
                found = (j, reading)
                if step == 1:
                    break  # after the verb the nearest one
            j += step
        if found is not None:
            break
    if found is None:
        return None
    j, reading = found
    return None if "anim" in reading.grammemes else tokens[j]


def _morph_passive(token: Token) -> tuple[str, bool] | None:
    """The active lemma and whether the form is reflexive, when pymorphy3 reads ``token`` as a passive.

    A superset of what :meth:`PassiveVoice._candidate` accepts with the parse.
    It depends on the written form only, so it is worked out once per form.
    """
    return _form_passive(token.text) if token.parses else None


@lru_cache(maxsize=100_000)
def _form_passive(text: str) -> tuple[str, bool] | None:
    token = Token(0, 0, len(text), text, 0, False)
    if not token.parses:
        return None
    best = token.parses[0]
    prts = _reading(token, "PRTS", "pssv")
    if prts is not None and prts.score >= best.score * 0.9:
        return prts.lemma, False
    if (
        best.pos == "VERB" and token.key.endswith(("ся", "сь")) and "impf" in best.grammemes
        and not best.grammemes & {"1per", "2per", "impr"}
    ):  # the reflexive passive is made of imperfective verbs only: «отказался» is never one
        if best.lemma in OBJECT_REFLEXIVES:  # «интересуются вепсами»: never a passive
            return None
        base = active_of_reflexive(best.lemma)
        return (base, True) if base is not None else None
    return None


def morph_passives(sentence: Sentence) -> list[tuple[Token, tuple[str, bool]]]:
    """The tokens of ``sentence`` morphology reads as a passive (:func:`_morph_passive`,
    :func:`future_passive_infinitive`), each with its active lemma and whether it is reflexive."""
    out = []
    for t in sentence.tokens:
        if not t.parses:
            continue  # neither reads a form without readings
        found = _form_passive(t.text)  # :func:`_morph_passive`, without a call per token
        if found is None and t.pos == "INFN":
            found = future_passive_infinitive(sentence, t)
        if found is not None:
            out.append((t, found))
    return out


def future_passive_infinitive(sentence: Sentence, token: Token) -> tuple[str, bool] | None:
    """«Заявки будут приниматься до 15 мая»: a «-ся» infinitive after the future «будет / будут»
    (adverbs between allowed) is the future of the reflexive passive, read like «принимаются».

    Only the future auxiliary makes it one: «может проводиться», «рекомендуется обращаться» are
    a chance or advice with no act to name.
    """
    if not token.parses or token.parses[0].pos != "INFN" or not token.key.endswith(("ся", "сь")):
        return None
    found = _infinitive_passive(token.text)
    if found is None:
        return None
    return found if future_aux(sentence, token) is not None else None


def future_aux(sentence: Sentence, infinitive: Token) -> Token | None:
    """«будет / будут» right before the infinitive, adverbs between allowed («будут также приниматься»)."""
    tokens = sentence.tokens
    i = sentence.position(infinitive) - 1
    while i >= 0 and tokens[i].is_word and tokens[i].pos in ("ADVB", "PRCL") and tokens[i].key != "не":
        i -= 1
    return tokens[i] if i >= 0 and tokens[i].key in ("будет", "будут") else None


@lru_cache(maxsize=20_000)
def _infinitive_passive(text: str) -> tuple[str, bool] | None:
    token = Token(0, 0, len(text), text, 0, False)
    best = token.parses[0] if token.parses else None
    if best is None or best.pos != "INFN" or "impf" not in best.grammemes or best.lemma in OBJECT_REFLEXIVES:
        return None
    base = active_of_reflexive(best.lemma)
    return (base, True) if base is not None else None


def _is_proper(token: Token) -> bool:
    return bool(token.grammemes & {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"})


def _is_agent(token: Token, role_verb: bool) -> bool:
    """An instrumental that can be the doer: a person, a body, «нами» — not «летом» or «медалью»."""
    return _form_agent(token.text, role_verb)


@lru_cache(maxsize=100_000)
def _form_agent(text: str, role_verb: bool) -> bool:
    """:func:`_is_agent` of a written form: it reads the form only, so it is worked out once per form."""
    token = Token(0, 0, len(text), text, 0, False)
    if not token.is_word:
        return False
    if token.key in PRONOUN_AGENTS:
        best = _best(token)
        return best is not None and "ablt" in best.grammemes
    best = _best(token)
    if best is not None and best.pos in ("ADJF", "PRTF") and not role_verb:
        return _substantive_doer(token.key)
    if best is None or best.pos != "NOUN":
        return False
    capitalised = token.text[:1].isupper()
    readings = [
        p for p in token.parses
        if p.pos == "NOUN" and "ablt" in p.grammemes
        and (capitalised or not p.grammemes & PERSON_NAMES)  # «цветами» is not Цвета
    ]
    share = sum(p.score for p in readings)
    if share < 0.3:
        return False
    if any(p.lemma in NOT_AGENTS for p in readings):
        return False
    if any(p.lemma in ORGANISATIONS for p in readings):
        return True
    if role_verb:
        return False
    return sum(p.score for p in readings if "anim" in p.grammemes) >= share / 2


@lru_cache(maxsize=10_000)
def _substantive_doer(key: str) -> bool:
    """«желающими», «учащимися»: a participle or adjective used as a noun for people, in the
    instrumental plural (the singular «участвующим» is as often a dative plural)."""
    token = Token(0, 0, len(key), key, 0, False)
    for p in token.parses:
        if p.pos in ("ADJF", "PRTF") and {"ablt", "plur"} <= p.grammemes:
            said = inflect_raw(p.raw, frozenset({"nomn", "sing", "masc"}))
            if said in SUBSTANTIVE_DOERS:
                return True
    return False


def _after_preposition(tokens: Sequence[Token], i: int, depth: int = 0) -> bool:
    """«с подрядной организацией»: an instrumental after a preposition is not a doer.

    A word coordinated with one after a preposition shares it: «по средам и пятницам», «с
    волонтёрами и родителями».
    """
    j = i - 1
    cases = {g for p in tokens[i].parses for g in p.grammemes & _CASES}
    # «с подрядной организацией»: the adjective agrees; «среди несовершеннолетних сотрудниками»: it does
    # not, it is the preposition's own word, and «сотрудниками» stands on its own (judge h22)
    while j >= 0 and tokens[j].is_word and tokens[j].pos in ("ADJF", "PRTF", "NUMR") and (
            not cases or tokens[j].pos == "NUMR" or any(p.grammemes & cases for p in tokens[j].parses)):
        j -= 1
    if j >= 0 and tokens[j].pos == "PREP":
        return True
    if depth < 3 and j >= 1 and tokens[j].text in _COORDINATORS and tokens[j - 1].is_word:
        case = _case(tokens[i])
        if tokens[j].text == "," and _closes_a_clause(tokens, j - 1):
            return False  # «связанных с паводком, администрацией района организовано…»: the comma ends the clause (judge h37)
        return case is not None and _case(tokens[j - 1]) == case and _after_preposition(tokens, j - 1, depth + 1)
    return False


def _closes_a_clause(tokens: Sequence[Token], k: int) -> bool:
    """Whether the phrase ending at ``k`` hangs on a participle or a verb: a participial clause the
    comma after it closes («связанных с паводком,»), not the first member of a list («встреча с
    волонтёрами, родителями»)."""
    j = k - 1
    while j >= 0 and tokens[j].is_word and tokens[j].pos in ("ADJF", "PRTF", "NUMR"):
        j -= 1  # the phrase's own adjectives: «с весенним паводком»
    if j < 1 or tokens[j].pos != "PREP" or not tokens[j - 1].is_word:
        return False
    head = tokens[j - 1]
    return head.pos in ("PRTF", "GRND", "VERB", "INFN", "ADJF")  # «связанных с» reads as an adjective


_COORDINATORS = frozenset({"и", "или", ","})
_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct"})


def free_agents(tokens: Sequence[Token], role_verb: bool, memo: dict[bool, list[Token]]) -> list[Token]:
    """The tokens :func:`_is_agent` reads as a possible doer, none after a preposition: worked out
    once per sentence for each kind of verb (``memo``), not once per passive verb in it."""
    if role_verb not in memo:
        memo[role_verb] = [t for j, t in enumerate(tokens) if _is_agent(t, role_verb) and not _after_preposition(tokens, j)]
    return memo[role_verb]


def _case(token: Token) -> str | None:
    best = token.parses[0] if token.parses else None
    return next(iter(best.grammemes & MAIN_CASES), None) if best is not None else None


def told_as_report(lemma: str, reflexive: bool, aux: Token | None) -> bool:
    """Whether a doer-less passive in a short sentence reports an action rather than a state.

    «Магазин закрыт», «Приём продлён», «Запись ведётся» tell the reader how things
    stand, so short sentences are spared.  An auxiliary «быть» turns the participle
    into an event with a hidden doer («Была произведена замена труб», «Ремонт будет
    осуществлён до конца года»), and the empty report verbs of
    :data:`REPORT_PARTICIPLES` are a report on their own («Произведена замена труб»).
    """
    if reflexive:
        return lemma in EMPTY_VERBS  # «Запись осуществляется по телефону»: an empty verb is no state
    return aux is not None or lemma in REPORT_PARTICIPLES


# «своими силами», «общими силами»: how the work was done, not who did it («силами волонтёров» is who)
_MEANS_OWNERS = frozenset({"свой", "наш", "собственный", "общий", "совместный", "объединённый", "имеющийся"})


def means_not_doer(sentence: Sentence, token: Token) -> bool:
    """Whether the instrumental «силами» is a means: an owner word before it («своими силами»; in
    «общими силами жителей» the doer hides in a genitive, and the author rewords it better)."""
    if token.lemma != "сила":
        return False
    i = sentence.position(token)
    before = sentence.tokens[i - 1] if i > 0 else None
    return before is not None and bool(before.lemmas & _MEANS_OWNERS)


def unlike_conjunct(syntax: _Syntax, node: _Node) -> bool:
    """«По плану мероприятий, посвящённых Году семьи, отделом культуры … организовано»: the parse
    joined an instrumental to a genitive as if they were one list, but the items of a list share
    their case; one in another case is no item, and may be the passive's doer after all."""
    head = syntax.head(node)
    case, other = node.tok.feats.get("Case"), head.tok.feats.get("Case") if head is not None else None
    return case is not None and other is not None and case != other
