"""The «что» clause that goes on speaking of the author after KC304 turns it into «я» / «мы».

«Ольга Белова отметила, что будет и дальше помогать школам» has one subject for both verbs:
the clause leaves it out.  When the main clause becomes «Я сказала, …», the clause must say
«буду», or the sentence is broken («Я сказала, что будет…»).  So the first verb of the clause is
put into the first person when nothing in the clause can be its own subject; when a word may be
either its subject or its object («что продолжит ремонт» — «ремонт» reads both ways), nobody can
tell without the meaning, and the rewrite is not offered.
"""

from __future__ import annotations

from typing import Sequence

from kanclint.model import Edit
from kanclint.text.document import Sentence, Token
from kanclint.text.inflection import inflect_raw

_CLAUSE_END = frozenset({",", ".", ";", ":", "—", "–", "(", ")", "!", "?", "«", "»", "\""})
_FREE_POS = frozenset({"ADVB", "PRCL", "CONJ", "INTJ", "COMP"})
_SUBJECT_POS = frozenset({"NOUN", "NPRO", "ADJF", "PRTF", "NUMR"})
_NUMBERS = frozenset({"sing", "plur"})


class Unclear(Exception):
    """The clause's verb may or may not share the author as its subject: offer no rewrite."""


def _verb_reading(token: Token):
    return next((p for p in token.parses if p.pos == "VERB" and "indc" in p.grammemes), None)


def _first_person(token: Token, person: bool) -> str | None:
    """«провела» → «провели», «напоминает» → «напоминаем» («я»: «провела», «напоминаю»)."""
    reading = _verb_reading(token)
    if reading is None:
        return None
    if "past" in reading.grammemes:
        if person:
            return token.text
        wanted = {"plur"}
    else:
        wanted = {"1per", "sing"} if person else {"1per", "plur"}
    try:
        return inflect_raw(reading.raw, frozenset(wanted)) or None
    except Exception:  # pragma: no cover - pymorphy3 refuses odd tags
        return None


def _nominatives(words: Sequence[Token]) -> list[Token]:
    """Words that may be a subject: nominative nominals outside a prepositional phrase."""
    out = []
    after_preposition = False
    for t in words:
        if t.pos == "PREP":
            after_preposition = True
            continue
        if after_preposition and t.pos in _SUBJECT_POS:
            continue  # «в ближайшее время»: the preposition governs it
        after_preposition = False
        if any(p.pos in _SUBJECT_POS and "nomn" in p.grammemes for p in t.parses):
            out.append(t)
    return out


def _clause(sentence: Sentence, after: Token) -> list[Token]:
    """The words of the first «, что …» clause after ``after``, up to its punctuation."""
    tokens = sentence.tokens
    i = sentence.position(after) + 1
    while i + 1 < len(tokens):
        if tokens[i].text == "," and tokens[i + 1].key == "что":
            words = []
            for t in tokens[i + 2:]:
                if t.text in _CLAUSE_END:
                    break
                words.append(t)
            return words
        if tokens[i].text in {".", ";", ":", "!", "?"}:
            break
        i += 1
    return []


def clause_verbs(sentence: Sentence, after: Token, person: bool, subject: Token) -> list[tuple[Token, str]]:
    """The verbs of the «что» clause after ``after`` in the author's new person, as (token, form).

    ``subject`` is the old subject's verb (its number and gender say whether the clause's verb
    shares it).  Raises :class:`Unclear` when a word of the clause reads both as its subject and as
    an object, so that the verb's person cannot be told.
    """
    words = _clause(sentence, after)
    verb_at = next((i for i, t in enumerate(words) if t.pos in {"VERB", "PRTS", "INFN", "ADJS", "PRED"}), None)
    if verb_at is None or words[verb_at].pos != "VERB":
        return []
    before, verb, rest = words[:verb_at], words[verb_at], words[verb_at + 1:]
    if any(t.is_word and t.pos not in _FREE_POS for t in before if t not in _in_phrases(before)):
        return []  # «что школа будет…», «что в районе построят…»: the clause has words of its own
    if any(not t.is_word and not t.text.isdigit() for t in before):
        return []
    reading = _verb_reading(verb)
    own = _verb_reading(subject)
    if reading is None or own is None:
        return []
    number = reading.grammemes & _NUMBERS
    if number != own.grammemes & _NUMBERS or "1per" in reading.grammemes or "2per" in reading.grammemes:
        return []  # «…, что будут построены дороги»: another subject
    past = "past" in reading.grammemes
    if past and (reading.grammemes & {"masc", "femn", "neut"}) != (own.grammemes & {"masc", "femn", "neut"}):
        return []
    # «открыто» reads first as an adverb: a short participle is looked for among all its readings
    nxt = next((t for i, t in enumerate(rest) if t.is_word and (t.pos not in _FREE_POS or _short_form(rest, i))), None)
    if nxt is not None and _short_form(rest, rest.index(nxt)):
        return []  # «что будет построена школа», «что будет открыто 3 сада»: the clause is about them
    # «что будет проводить приём» leaves out the author; «что будет осуществляться продажа абонементов»
    # has its own subject after a «-ся» infinitive, so it is looked for there too
    if not (nxt is not None and nxt.pos == "INFN" and not nxt.text.endswith(("ся", "сь"))):
        subjects = [t for t in _nominatives(rest) if _agrees(t, reading)]
        objects = [t for t in subjects if _also_object(t)]
        if "tran" in reading.grammemes and objects and not _object_right_after(rest, objects, subjects):
            raise Unclear  # «что продолжит ремонт библиотека»: an object or the clause's own subject
        subjects = [t for t in subjects if t not in objects] if "tran" in reading.grammemes else subjects
        if subjects:
            return []  # «что в районе появится новая школа»
    if past:
        if person:
            return []  # «я сказала, что провела»: the past has no person
        form = inflect_raw(reading.raw, frozenset({"plur"}))
    else:
        form = inflect_raw(reading.raw, frozenset({"1per", "sing" if person else "plur"}))
    if not form:
        raise Unclear
    return [(verb, form)]


def _short_form(words: Sequence[Token], i: int) -> bool:
    """A short participle or adjective in any reading: «будет открыто», «будет построена»; an
    adverb before an infinitive stays one («будет лично контролировать»)."""
    after = words[i + 1] if i + 1 < len(words) else None
    if words[i].pos in _FREE_POS and after is not None and after.pos == "INFN":
        return False
    return any(p.pos in {"PRTS", "ADJS"} for p in words[i].parses)


def _in_phrases(words: Sequence[Token]) -> set[Token]:
    """Prepositions and the words they govern («в ближайшее время»), and numbers."""
    out: set[Token] = set()
    governed = noun_seen = False
    for t in words:
        if t.pos == "PREP":
            governed, noun_seen = True, False
            out.add(t)
        elif governed and (t.pos in _SUBJECT_POS or t.text.isdigit()) and (
                not noun_seen or any("gent" in p.grammemes for p in t.parses)):
            out.add(t)  # «за несвоевременную выплату заработной платы»: a genitive chain goes on
            noun_seen = noun_seen or t.pos == "NOUN"
        else:
            governed = False  # «… платы работодатель несёт»: a nominative after the chain is the subject
    return out


_GENDERS = frozenset({"masc", "femn", "neut"})


def _agrees(token: Token, verb) -> bool:
    """Whether ``token`` may be the subject of ``verb``: its number, and its gender in the past."""
    want = verb.grammemes & (_NUMBERS | (_GENDERS if "past" in verb.grammemes else frozenset()))
    return any("nomn" in p.grammemes and want <= p.grammemes | ({"sing"} | _GENDERS if "Fixd" in p.grammemes else set())
               for p in token.parses if p.pos in _SUBJECT_POS)


def _also_object(token: Token) -> bool:
    """A nominative that reads as an accusative too, and is not a person («ремонт», «учреждения»)."""
    return any("accs" in p.grammemes for p in token.parses if p.pos in _SUBJECT_POS) and not any(
        "anim" in p.grammemes for p in token.parses if p.pos == "NOUN")


def clause_edits(sentence: Sentence, after: Token, person: bool, subject: Token, base: int) -> list[Edit] | None:
    """:func:`clause_verbs` as edits relative to ``base``; ``None`` when the clause is unclear."""
    try:
        return [Edit(v.start - base, v.end - base, form) for v, form in clause_verbs(sentence, after, person, subject)]
    except Unclear:
        return None


def _object_right_after(rest: Sequence[Token], objects: list[Token], subjects: list[Token]) -> bool:
    """«что направит обращение в министерство»: the one noun that reads both ways opens what
    follows the transitive verb, the order of an object (a subject after the verb is rare there)."""
    first = next((t for t in rest if t.is_word and t.pos not in _FREE_POS), None)
    phrase_start = first is not None and (first is objects[0] or first.pos in {"ADJF", "PRTF"} and any(
        t is objects[0] for t in rest[rest.index(first):rest.index(first) + 3]))
    nouns = [t for t in subjects if t.pos in {"NOUN", "NPRO"}]
    return len(nouns) == 1 and nouns[0] is objects[-1] and phrase_start
