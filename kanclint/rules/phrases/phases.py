"""KC103: a phase verb whose subject is a verbal noun, said with the noun's own verb.

«В спортзале завершилась замена старых окон» → «В спортзале заменили старые окна»; «Началась
выдача пропусков» → «Начали выдавать пропуска»; «Продолжается ремонт дороги» → «Продолжают
ремонтировать дорогу»; «На улице идёт (ведётся) укладка асфальта» → «На улице укладывают асфальт»;
the same with «работа по» between («Завершилась работа по расчистке русла» → «Расчистили русло»),
or after a subject already there («Волонтёры начали работу по уборке берега» → «Волонтёры начали
убирать берег»; «начали ремонт дороги» is plain Russian and stays); «объявили старт приёма заявок»
→ «начали принимать заявки».

The nouns and their verbs, perfective and imperfective, are data (``dictionaries/lexicon/clauses.toml``,
phase-nouns): works whose end is their result («завершился ремонт школы» is «отремонтировали
школу»), never a period a service is open for (open-period-nouns, said with a verb only after
«начался»: «завершился приём заявок» is no «приняли заявки», «идёт приём заявок» is a notice that it
is open).  Only where the whole rewrite is certain: the verbal noun right after the verb, its
genitive object there, plain words in the accusative with certain animacy and no people («приём
граждан», «сбор ветеранов»), nothing after it that would stay in the genitive (a second member, a
participle after a comma, a count), no «как идёт», «полным ходом», «по графику» that tell how the
work goes, and no office as the doer of a work of hands.  Anything else keeps the sentence as written.
"""

from __future__ import annotations

from typing import Callable

from kanclint.lexicon import word_list, word_map
from kanclint.model import Edit
from kanclint.patterns import Match
from kanclint.rules.phrases.clauses import _JOINED, _gent, _into, _noun_phrase, _tail_end
from kanclint.rules.phrases.decisions import _animacy_certain
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.inflection import inflect_raw, keep_capital
from kanclint.text.morphology import Parse, fold, parse

# phase verbs: a finished work is its perfective verb, a started or continued one «начали / продолжают» + its
# imperfective, a work under way its imperfective alone
_FINISHED = frozenset({"завершиться", "закончиться"})
_STARTED = frozenset({"начаться"})
_GOING_ON = frozenset({"продолжаться", "продолжиться"})
_UNDER_WAY = frozenset({"идти", "вестись"})
_PHASES = _FINISHED | _STARTED | _GOING_ON | _UNDER_WAY
_FORM = frozenset({"past", "pres", "futr", "sing", "plur", "1per", "2per", "3per", "masc", "femn", "neut"})
_PHASE_OF_WORK = frozenset({"начать", "продолжить", "продолжать", "завершить", "закончить"})
# adjectives of praise before «работу по» that say nothing the verb loses: «начали важную работу по…»
# (not a feeling or a size: «увлекательную», «огромную» say something the verb would lose)
_EMPTY_PRAISE = frozenset({"важный", "активный", "планомерный", "системный", "систематический", "целенаправленный"})


def _verbs(noun: Token, case: str = "nomn") -> tuple[str, str] | None:
    """The noun's perfective and imperfective infinitives, read from phase-nouns; ``None`` when the
    noun is not there or not in ``case`` singular."""
    reading = next((p for p in noun.parses if p.pos == "NOUN" and {case, "sing"} <= p.grammemes), None)
    if reading is None or noun.protected or noun.text[:1].isupper():
        return None
    table = {fold(k): v for k, v in word_map("phase-nouns").items()}
    said = table.get(fold(reading.lemma))
    if said is None:
        return None
    perfective, _, imperfective = said.partition("/")
    return perfective, imperfective


def _finite(verb: str, want: set[str]) -> str | None:
    """``verb`` (an infinitive) in the form ``want``; a verb pymorphy3 reads as both aspects
    («реконструировать») gives its future for the present, which is the same word."""
    reading = next((p for p in parse(verb) if p.pos == "INFN"), None)
    if reading is None:
        return None
    form = inflect_raw(reading.raw, frozenset(want))
    if form is None and "pres" in want:
        form = inflect_raw(reading.raw, frozenset(want - {"pres"} | {"futr"}))
    return form


def carried_object(document: Document, tokens: list[Token], i: int) -> tuple[str, Token] | None:
    """The genitive object from ``tokens[i]`` in the accusative and its last word; ``None`` when it is
    not plain words, its animacy is unsure, or something after it would stay behind in the genitive."""
    found = _noun_phrase(tokens, i)
    if found is None or any(t.text[:1].isupper() for t, _ in found[0]):
        return None  # no object, or a name whose case is the author's business
    words, after = found
    if not _animacy_certain(*words[-1]) or _counted(tokens, i):
        return None
    obj = _into(words, "accs")
    if obj is None:
        return None
    end = _tail_end(tokens, after)
    if end < len(tokens):
        nxt = tokens[end]
        if nxt.key in _JOINED or nxt.text[:1].isdigit() or nxt.text in ("(", "«", "\"", "[") or nxt.protected:
            return None  # «замена окон и дверей», «ремонт дороги (2 км)»: what follows hangs on the object
        if nxt.text in (":", "—", "–"):
            return None
    if _member_after(tokens, end):
        return None  # «замена окон, дверей», «ремонт школы, построенной…»: it would stay genitive
    if end > after and any(t.protected for t in tokens[after:end]):
        return None
    return obj, words[-1][0]


# words after a comma that open another member of the object's list: «, а также скамеек»
_LIST_OPENERS = frozenset({"а", "также", "и", "или", "ещё", "еще", "кроме", "того", "в", "том", "числе"})


def _member_after(tokens: list[Token], end: int) -> bool:
    """A later genitive or agreeing participle after a comma or «и» in the sentence: another member of
    the object's list or a clause on the object, which would stay in the genitive."""
    for j in range(end, len(tokens)):
        if tokens[j].text not in (",", ";") and tokens[j].key not in _JOINED:
            continue
        k = j + 1
        while k < len(tokens) and tokens[k].key in _LIST_OPENERS:
            k += 1
        if k < len(tokens) and tokens[k].is_word and (
                _gent(tokens[k]) is not None or tokens[k].pos in ("PRTF", "ADJF")):
            return True
    return False


def _person_object(last: Token) -> bool:
    """People after a noun of works: «приём граждан» names an office's hours, «сбор ветеранов» a
    meeting; «начали принимать граждан», «начали собирать ветеранов» would say something else."""
    readings = [p for p in last.parses if p.pos == "NOUN" and "gent" in p.grammemes
                and not p.grammemes & {"Name", "Surn", "Patr"}]  # «барака» is no Barack
    return not readings or any("anim" in p.grammemes for p in readings)


def _counted(tokens: list[Token], i: int) -> bool:
    """A numeral in the object keeps its own case: «ремонт трёх дворов» → «отремонтировали трёх дворов»."""
    return any(t.pos == "NUMR" or t.text[:1].isdigit() for t in tokens[max(0, i - 1):i + 1])


def _adjacent(document: Document, left: Token, right: Token) -> bool:
    return document.text[left.end:right.start] == " "


# words that make «идёт» / «продолжается» tell how a work progresses: «как идёт ремонт», «идёт по графику»
_PROGRESS_BEFORE = frozenset({"как", "так", "хорошо", "плохо", "медленно", "быстро", "успешно", "активно",
                              "интенсивно", "планово", "нормально", "штатно"})
_PROGRESS_ANYWHERE = frozenset({"ходом", "графику", "графиком", "плану", "планом", "темпами", "темпом", "сроками"})


def _how_it_goes(sentence: Sentence, verb: Token) -> bool:
    at = sentence.position(verb)
    before = sentence.tokens[at - 1] if at else None
    return (before is not None and before.key in _PROGRESS_BEFORE) or any(
        t.key in _PROGRESS_ANYWHERE for t in sentence.tokens)


def _phase_form(reading: Parse, perfective: str, imperfective: str) -> str | None:
    """«завершилась» → «заменили», «началась» → «начали заменять», «продолжается» → «продолжают
    заменять», «идёт» → «заменяют»: the third person plural of no one in particular."""
    g = reading.grammemes
    tense = "past" if "past" in g else "futr" if "futr" in g else "pres" if "pres" in g else None
    if tense is None or "indc" not in g:
        return None
    want = {"past", "plur"} if tense == "past" else {tense, "3per", "plur"}
    if reading.lemma in _FINISHED and tense != "pres":
        return _finite(perfective, want) if perfective else None
    if reading.lemma in _UNDER_WAY and tense != "futr":
        return _finite(imperfective, want)
    phase = "начать" if reading.lemma in _STARTED else reading.lemma[:-2] if reading.lemma in _GOING_ON else None
    if phase is None:
        return None
    said = _finite(phase, want)
    return f"{said} {imperfective}" if said else None


def _phase_reading(verb: Token) -> Parse | None:
    reading = next((p for p in verb.parses if p.pos == "VERB" and p.lemma in _PHASES), None)
    if reading is None or "3per" not in reading.grammemes and "past" not in reading.grammemes:
        return None  # «идём», «начнёмся»: not a work's phase
    return reading


def _phase_rewrite(document: Document, sentence: Sentence, verb: Token, noun: Token, verbs: tuple[str, str],
                   at: int) -> Edit | None:
    """The phase verb ``verb`` and its verbal noun ``noun`` (with «работа по» between, or none) said as
    the noun's verb with its object from ``tokens[at]``."""
    reading = _phase_reading(verb)
    if reading is None or reading.lemma not in _STARTED and fold(noun.lemma) in {fold(w) for w in word_list("open-period-nouns")}:
        return None  # «завершился приём заявок»: the window closed; «идёт приём заявок» is a notice that it is open
    if reading.lemma in _UNDER_WAY | _GOING_ON and _how_it_goes(sentence, verb):
        return None  # «проверяет, как идёт ремонт дороги»: how the work progresses, not that it is done
    carried = carried_object(document, sentence.tokens, at)
    said = _phase_form(reading, *verbs)
    if carried is None or said is None:
        return None
    obj, last = carried
    if verbs[0] and _person_object(last):
        return None
    return Edit(verb.start, last.end, f"{keep_capital(verb.text, said)} {obj}")


def phase_clause(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«В школе завершился ремонт спортзала» → «В школе отремонтировали спортзал»."""
    verb, noun = m.tokens[0], m.tokens[-1]
    verbs = _verbs(noun)
    if verbs is None or not _adjacent(document, verb, noun):
        return None
    return _phase_rewrite(document, sentence, verb, noun, verbs, sentence.position(noun) + 1)


def phase_work_subject(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«В посёлке завершилась работа по расчистке русла» → «В посёлке расчистили русло»; «ведётся
    работа по привлечению врачей» → «привлекают врачей» (work-verbs: only as work going on)."""
    verb = m.tokens[0]
    at = sentence.position(m.tokens[-1]) + 1
    if at >= len(sentence.tokens) or not _adjacent(document, verb, m.tokens[1]):
        return None
    noun = sentence.tokens[at]
    verbs = _verbs(noun, "datv")
    work_verbs = word_map("work-verbs")
    if verbs is None and noun.lemma in work_verbs and _gent(noun, "datv") is not None:
        verbs = ("", work_verbs[noun.lemma])
    if verbs is None or ":" in verbs[1]:
        return None
    return _phase_rewrite(document, sentence, verb, noun, verbs, at + 1)


def _praise_between(tokens: list[Token], verb: Token, work: Token) -> bool:
    """Only empty praise («важную», «активную и планомерную») between «начали» and «работу»."""
    between = tokens[tokens.index(verb) + 1:tokens.index(work)]
    return all(t.key == "и" or t.is_word and t.pos == "ADJF" and any(p.lemma in _EMPTY_PRAISE for p in t.parses[:2])
               for t in between) and (
        not between or between[-1].key != "и")


def _hands_fit(tokens: list[Token], verb: Token, reading: Parse) -> bool:
    """Who does a work of hands: people named before the verb («Сотрудники фондов начали») or no
    one named («В школе начали работу по ремонту»); an office («Администрация начала работу по
    благоустройству», or its «мы») organises it, and «начала благоустраивать» would have the clerks dig."""
    before = tokens[:tokens.index(verb)]
    if reading.grammemes & {"1per", "2per"} or reading.pos == "INFN" and any(
            t.is_word and t.parses and t.parses[0].pos == "VERB" and t.parses[0].grammemes & {"1per", "2per"}
            for t in before):
        return False  # «Мы продолжаем…», «Планируем начать…»: the «мы» may be the office
    nominative = [t for t in before if t.is_word and t.parses
                  and t.parses[0].pos in ("NOUN", "NPRO") and "nomn" in t.parses[0].grammemes]
    return all(t.parses[0].pos == "NOUN" and "anim" in t.parses[0].grammemes for t in nominative)


def _phase_of(verb: Token) -> Parse | None:
    return next((p for p in verb.parses if p.lemma in _PHASE_OF_WORK and p.pos in ("VERB", "INFN")), None)


def _with_phase(verb: Token, reading: Parse, verbs: tuple[str, str], first: Token, obj: str, last: Token) -> Edit | None:
    """«завершили» + the perfective verb's form, or «начали» / «продолжают» kept before the imperfective infinitive."""
    if reading.lemma not in ("завершить", "закончить"):
        return Edit(first.start, last.end, f"{verbs[1]} {obj}")
    if not verbs[0]:
        return None
    form = verbs[0] if reading.pos == "INFN" else _finite(verbs[0], set(reading.grammemes & _FORM))
    return Edit(verb.start, last.end, f"{keep_capital(verb.text, form)} {obj}") if form else None


def phase_work_clause(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«Волонтёры начали работу по уборке берега» → «Волонтёры начали убирать берег»;
    «Сотрудники завершили работу по заполнению шкафов» → «Сотрудники заполнили шкафы»."""
    verb, work = m.tokens[0], m.tokens[-2]
    tokens = list(sentence.tokens)
    reading = _phase_of(verb)
    at = sentence.position(m.tokens[-1]) + 1
    if reading is None or at >= len(tokens) or not _praise_between(tokens, verb, work):
        return None
    noun = tokens[at]
    verbs = _verbs(noun, "datv")
    work_verbs = word_map("work-verbs")
    if verbs is None and noun.lemma in work_verbs and _gent(noun, "datv") is not None:
        verbs = ("", work_verbs[noun.lemma])
    elif verbs is not None and not _hands_fit(tokens, verb, reading):
        return None
    if verbs is None or ":" in verbs[1]:
        return None
    carried = carried_object(document, tokens, at + 1)
    if carried is None or verbs[0] and _person_object(carried[1]):
        return None
    return _with_phase(verb, reading, verbs, tokens[tokens.index(verb) + 1], *carried)


def announced_start(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«Объявили старт приёма заявок на конкурс» → «Начали принимать заявки на конкурс» (also what
    KC201 builds for «объявлен старт…»): announcing the start of a work is starting it.  Only «they»
    or people («Организаторы объявили старт…»); «Глава района объявил старт приёма» did not accept
    a paper himself."""
    verb = m.tokens[0]
    tokens = list(sentence.tokens)
    reading = next((p for p in verb.parses if p.pos == "VERB" and p.lemma == "объявить"), None)
    at = sentence.position(m.tokens[-1]) + 1
    if reading is None or "plur" not in reading.grammemes or at >= len(tokens) or not _hands_fit(tokens, verb, reading):
        return None
    verbs = _verbs(tokens[at], "gent")
    carried = carried_object(document, tokens, at + 1) if verbs is not None else None
    if carried is None or _person_object(carried[1]):
        return None
    started = _finite("начать", set(reading.grammemes & _FORM))
    obj, last = carried
    return Edit(verb.start, last.end, f"{keep_capital(verb.text, started)} {verbs[1]} {obj}") if started else None


PHASE_REWRITES: dict[str, Callable[[Document, Sentence, Match], Edit | None]] = {
    "zavershilas-rabota": phase_clause,
    "nachalas-rabota": phase_clause,
    "prodolzhaetsya-rabota": phase_clause,
    "idet-rabota": phase_clause,
    "nachat-rabotu-po": phase_work_clause,
    "zavershilas-rabota-po": phase_work_subject,
    "obyavit-start": announced_start,
}
