"""A dictionary replacement written in the form of the text it replaces.

``{лемма}`` words take the case, number, gender, person and tense of the matched slot (or of the
slot ``@N``, or of the carried word ``@<N>``), ``<N:case>`` carries a matched word over in another
case, and an adjective of the replacement agrees with the noun written after it.  Uncertain forms
make the fix unsafe; forms that cannot be built make the replacement a plain suggestion.
"""

from __future__ import annotations

import re
from typing import Sequence

from kanclint.dictionaries import Entry
from kanclint.patterns import AnyWord, Lemma, Match
from kanclint.text.grammar import CASE_ALIAS, DECLINABLE, GENDERS, MAIN_CASES, NUMBERS
from kanclint.text.inflection import inflect_raw, inflect_word, match_case, spell_yo
from kanclint.text.morphology import parse

BRACE_RE = re.compile(r"\{([^{}@]+)(?:@(\d+|<\d+>))?\}")
_ANGLE_RE = re.compile(r"<(\d+)(?::([^<>]+))?>")


# words after which, in the same clause, a «-ите» form of a perfective verb is the future, not a request
_FUTURE_CUES = frozenset({"вы", "если", "когда", "пока", "как", "что", "чтобы", "ли", "где"})
_CLAUSE_BREAK_RE = re.compile(r"[,;:—–]")


def request_mood(text: str, sentence, start: int) -> bool | None:
    """Whether a «-ите» form at ``start`` reads as a request («Предъявите билет», «Чтобы
    записаться, предъявите паспорт»): False after a cue of its own clause («Если вы предъявите…»),
    None when «вы» stands in an earlier clause («Вы, как и прежде, предъявите…» or «Чтобы вы
    успели, предъявите…»: the mood is not certain), else True."""
    if _FUTURE_CUES.isdisjoint(sentence.vocabulary):
        return True
    mood: bool | None = True
    for w in sentence.words:
        if w.start >= start or w.key not in _FUTURE_CUES:
            continue
        if not _CLAUSE_BREAK_RE.search(text, w.end, start):
            return False
        if w.key == "вы":
            mood = None
    return mood


def render(
    replacement: str, m: Match[Entry], matched: str, writes_yo: bool = True, requests: bool | None = False
) -> tuple[str, bool | None] | None:
    """The replacement in the form of the matched text, and whether that form is certain.

    ``requests`` (:func:`request_mood`): True reads a «-ите» form as a request («Предъявите
    билет»), False as a future («Если вы предъявите…»); None when the context cannot tell, and a
    word whose request and future give different forms is then only offered."""
    return render_all((replacement,), m, matched, writes_yo, requests)[0]


def render_all(
    replacements: Sequence[str], m: Match[Entry], matched: str, writes_yo: bool = True,
    requests: bool | None = False,
) -> list[tuple[str, bool | None] | None]:
    """:func:`render` of each replacement of one match; what they share is read from the match once."""
    agreeing = _agreeing_readings(m)
    slot_items = {item.slot: item for item in m.pattern.items if isinstance(item, Lemma)}
    any_items = {item.ordinal: item for item in m.pattern.items if isinstance(item, AnyWord)}
    return [_render(r, m, matched, writes_yo, requests, agreeing, slot_items, any_items) for r in replacements]


def _render(replacement: str, m: Match[Entry], matched: str, writes_yo: bool, requests: bool | None,
            agreeing: dict[int, list], slot_items: dict[int, Lemma], any_items: dict[int, AnyWord],
            ) -> tuple[str, bool | None] | None:
    certain: bool | None = True
    doubtful = False
    words: list[str] = []
    inflected: list[int] = []  # where in ``words`` each inflected «{…}» word stands
    n = 0
    for raw in replacement.split():
        am = _ANGLE_RE.fullmatch(raw)
        if am:
            carried = _carried(am, m, any_items)
            if carried is None:
                return None
            words.append(carried[0])
            doubtful = doubtful or carried[1] is None
            certain = certain and bool(carried[1])
            continue
        bm = BRACE_RE.fullmatch(raw)
        if not bm:
            words.append(raw)
            continue
        if bm.group(2) and bm.group(2).startswith("<"):
            # «наиболее <ADJF>» → «{самый@<1>} <1>»: agrees with a carried word
            ordinal = int(bm.group(2)[1:-1])
            token, any_item = m.slots.get(-ordinal), any_items.get(ordinal)
            if token is None or any_item is None:
                return None
            readings = any_item.readings(token)
        else:
            n += 1
            slot = int(bm.group(2)) if bm.group(2) else n
            token = m.slots.get(slot)
            item = slot_items.get(slot)
            if token is None or item is None:
                return None
            readings = agreeing.get(slot) or item.readings(token)
        if not readings:
            return None
        if requests:
            readings = _requests_first(readings)
        forms = {inflect_word(bm.group(1), r) for r in readings}
        first = inflect_word(bm.group(1), readings[0])
        if first is None or (requests is None and len(forms) > 1 and _moods_differ(readings)):
            return None  # «Вы, как и прежде, предъявите…»: «покажете» or «покажите» is not certain
        if len(forms) > 1:
            certain = False
        inflected.append(len(words))
        words.append(first)
    if not _agree_with_new_nouns(words, inflected):
        return None
    text = " ".join(words)
    text = spell_yo(text, writes_yo)
    return match_case(matched, text), None if doubtful else certain


def _requests_first(readings: list) -> list:
    """«Предъявите билет», «На входе, пожалуйста, предъявите паспорт»: a request, not a future,
    unless «вы» or «если» came before («Если вы предъявите…»)."""
    if any("impr" in r.grammemes for r in readings):
        return sorted(readings, key=lambda r: "impr" not in r.grammemes)
    return readings


def _moods_differ(readings: list) -> bool:
    """Some readings are requests, some are not («предъявите»: «покажите» or «покажете»)."""
    moods = {"impr" in r.grammemes for r in readings}
    return len(moods) > 1


# lemmas pymorphy3 ranks first for forms they share with a commoner word («большим», «больших»),
# though a post nearly always means the commoner one
_RARE_HOMOGRAPHS = frozenset({"больший"})
_RIVAL_SHARE = 0.3  # a reading of another word this likely (relative to the best) makes a form uncertain


def _carried(
    am: re.Match[str], m: Match[Entry], any_items: dict[int, AnyWord]
) -> tuple[str, bool | None] | None:
    """A matched word carried over, e.g. «замену труб» → «заменить <1:accs>» → «трубы», and whether
    its new form is certain (``None``: readings of different words give different forms, «осадками»
    of «осадок» and «осадка», so it is only offered); None when it cannot be built."""
    token = m.slots.get(-int(am.group(1)))
    item = any_items.get(int(am.group(1)))
    if token is None or item is None:
        return None
    if not am.group(2):
        return token.text, True
    grams = {g.strip() for g in am.group(2).split(",")}
    head = _next_noun(m, int(am.group(1)), any_items)
    readings = item.readings(token)
    if len({r.lemma for r in readings}) > 1:  # «большим»: «большой», not the rarer «больший» pymorphy3 ranks first
        readings = [r for r in readings if r.lemma not in _RARE_HOMOGRAPHS] or readings
    forms = {_reinflect(r, grams, head) for r in readings}
    first = _reinflect(readings[0], grams, head) if readings else None
    if first is None:
        return None
    if first.lower() == token.text.lower():
        return token.text, len(forms) <= 1  # same form: keep the author's letters («44-ФЗ»)
    # a rare word's reading («зала» of «зало») does not cast doubt on a common one («зал»)
    lemmas = {r.lemma for r in readings if r.score >= _RIVAL_SHARE * readings[0].score
              and _reinflect(r, grams, head) != first}
    certain = None if lemmas - {readings[0].lemma} else len(forms) <= 1
    return (match_case(token.text, first) if token.text[:1].isupper() else first), certain


def _agree_with_new_nouns(words: list[str], inflected: list[int]) -> bool:
    """An adjective of the replacement agrees with the noun written after it, not with the old word.

    «настоящее постановление» → «{этот} {документ@2}»: «этот» took the neuter of «настоящее»,
    but the new noun is masculine, so «это документ» becomes «этот документ».  False when the
    adjective cannot be built in the noun's form (the fix is then not offered).
    """
    for i, j in zip(inflected, inflected[1:]):
        if j != i + 1:
            continue
        adj = next((p for p in parse(words[i]) if p.pos in ("ADJF", "PRTF")), None)
        noun = next((p for p in parse(words[j]) if p.pos == "NOUN" and adj is not None
                     and p.grammemes & MAIN_CASES & adj.grammemes), None)
        if adj is None or noun is None:
            continue
        want = set(noun.grammemes & (MAIN_CASES | NUMBERS))
        if "sing" in want:
            want |= noun.grammemes & GENDERS
        if "accs" in want:
            want |= noun.grammemes & {"anim", "inan"}
        if adj.grammemes & (GENDERS | NUMBERS) <= want:
            continue  # already agrees
        form = inflect_raw(adj.raw, frozenset(want)) or inflect_raw(adj.raw, frozenset(want - {"anim", "inan"}))
        if form is None:
            return False
        words[i] = match_case(words[i], form)
    return True


def _agreeing_readings(m: Match[Entry]) -> dict[int, list]:
    """Readings of the nominal slots that agree with each other in case and number.

    «юные дарования»: «дарования» alone may be genitive singular, but next to
    «юные» only the plural readings agree, so «дети» and not «ребёнка».
    """
    slot_items = [i for i in m.pattern.items if isinstance(i, Lemma)]
    options: dict[int, list] = {}
    for item in slot_items:
        token = m.slots.get(item.slot)
        if token is None:
            continue
        readings = [r for r in item.readings(token) if r.pos in DECLINABLE]
        if readings:
            options[item.slot] = readings
    if len(options) < 2:
        return {}

    def keys(r) -> set[tuple[str, str]]:
        cases = {CASE_ALIAS.get(g, g) for g in r.grammemes & (MAIN_CASES | set(CASE_ALIAS))} or {"?"}
        numbers = (r.grammemes & {"sing", "plur"}) or {"?"}
        return {(c, n) for c in cases for n in numbers}

    common = set.intersection(*(set().union(*(keys(r) for r in rs)) for rs in options.values()))
    if not common:
        return {}
    return {slot: [r for r in rs if keys(r) & common] for slot, rs in options.items()}


def _next_noun(m: Match[Entry], ordinal: int, any_items: dict[int, AnyWord]):
    """The reading of the carried noun right after carried word ``ordinal``, if any."""
    token = m.slots.get(-(ordinal + 1))
    item = any_items.get(ordinal + 1)
    if token is None or item is None:
        return None
    readings = [r for r in item.readings(token) if r.pos == "NOUN"]
    return readings[0] if readings else None


def _reinflect(reading, grams: set[str], head=None) -> str | None:
    """A carried word in a new case; an adjective keeps agreeing with its noun."""
    want = set(grams)
    if reading.pos in ("ADJF", "PRTF", "NPRO", "NUMR") or "Apro" in reading.grammemes:
        number = (head.grammemes if head is not None else reading.grammemes) & {"sing", "plur"}
        want |= number or (reading.grammemes & {"sing", "plur"})
        if "sing" in want:
            source = head if head is not None and head.grammemes & {"masc", "femn", "neut"} else reading
            want |= source.grammemes & {"masc", "femn", "neut"}
        if "accs" in want and head is not None:
            want |= head.grammemes & {"anim", "inan"}
    elif reading.pos == "NOUN":
        want |= reading.grammemes & {"sing", "plur"} if not (want & {"sing", "plur"}) else set()
    inflected = inflect_raw(reading.raw, frozenset(want))
    if inflected is None and want & {"anim", "inan"}:
        # neuter and feminine accusatives carry no animacy: «противопожарного состояния» →
        # «противопожарное состояние», never the masculine animate «противопожарного»
        inflected = inflect_raw(reading.raw, frozenset(want - {"anim", "inan"}))
    if inflected is None and want != grams:
        inflected = inflect_raw(reading.raw, frozenset(grams))
    return inflected
