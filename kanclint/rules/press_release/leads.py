"""Detectors of a press-release opening: ceremonial leads and protocol verbs."""

from __future__ import annotations

import re
from typing import Sequence

from kanclint.rules.press_release.helpers import (
    Marker,
    _followed_by_that,
    _has_lemma,
    _is_number,
    _name_like,
    _past_or_passive,
    _persons,
    opening_sentences,
    paragraph_openers,
)
from kanclint.rules.press_release.words import (
    EVENT_NOUNS,
    MONTHS,
    OFFICIAL_REPORTING,
    PASSIVE_REPORTING,
    PERIOD_NOUNS,
    PROTOCOL_VERBS,
    RECENT_ADJECTIVES,
    RELATIVE_DAYS,
    STRONG_REPORTING,
    TIME_NOUNS,
    TITLE_WORDS,
    WEEKDAYS,
)
from kanclint.text.document import Document, Sentence, Token

# -- detectors --------------------------------------------------------------------------


def _date_expression(content: Sequence[Token]) -> int:
    """Length in tokens of a date or day expression at the start of ``content``, 0 if none."""
    if not content:
        return 0
    first = content[0]
    key = first.key
    if _is_number(first) and len(content) > 1 and _has_lemma(content[1], MONTHS):
        n = 2
        if len(content) > n and _is_number(content[n]) and len(content[n].text) == 4:
            n += 1
            if len(content) > n and content[n].key in {"года", "г"}:
                n += 1
        return n
    if re.fullmatch(r"\d{1,2}\.\d{1,2}(?:\.\d{2,4})?", first.text):
        return 1
    if key in RELATIVE_DAYS:
        return 1
    if key == "на" and len(content) > 1 and content[1].key == "днях":
        return 2
    if key in {"в", "во", "на"}:
        n = 1
        adjectives = 0
        while n < len(content) and adjectives < 2 and _has_lemma(content[n], RECENT_ADJECTIVES):
            n += 1
            adjectives += 1
        if n < len(content):
            noun = content[n]
            if _has_lemma(noun, WEEKDAYS):
                return n + 1
            if adjectives and (_has_lemma(noun, PERIOD_NOUNS) or noun.key in {"выходные"}):
                return n + 1
    return 0


def _protocol_verb(token: Token) -> bool:
    return _has_lemma(token, PROTOCOL_VERBS) and _past_or_passive(token)


def _time_passing(content: Sequence[Token], i: int) -> bool:
    """«Прошло 10 лет», «прошёл уже год»: time passes, no event is reported."""
    for t in content[i + 1 : i + 4]:
        if _is_number(t) or t.key in {"уже", "ещё", "еще", "почти", "около", "более", "менее", "целых"}:
            return True
        if _has_lemma(t, TIME_NOUNS) or "NUMR" in t.grammemes:
            return True
        if t.pos == "NOUN":
            return False
    return False


def _event_subject(content: Sequence[Token], i: int) -> bool:
    """After «прошло»/«прошла» without a date, is the subject an event (a noun in nominative)?"""
    if _time_passing(content, i):
        return False
    for t in content[i + 1 : i + 4]:
        if t.pos == "NOUN":
            return any("nomn" in p.grammemes for p in t.parses)
    return False


_SUBJECT_PRONOUNS = frozenset({"кто", "мы", "вы", "я", "ты", "он", "она", "оно", "они", "все", "каждый", "никто"})


def _implied_we(content: Sequence[Token], n: int, k: int) -> bool:
    """«Сегодня провели первую тренировку», «Вчера в музее провели урок»: an active «провели» with no
    subject before it is the page's own «мы» left out, as people say it («23 мая мы провели…»
    is never a dateline either).  A plural noun in the nominative before it («Сегодня школьники
    провели акцию») is the subject: then the post reports what others did, unless they are «наши»
    («Сегодня наши старшеклассники провели урок для первоклашек»)."""
    verb = content[k]
    active = any(
        p.pos == "VERB" and "plur" in p.grammemes and "past" in p.grammemes and p.lemma in {"провести", "проводить"}
        for p in verb.parses
    )
    if not active:
        return False
    for i in range(n, k):
        t = content[i]
        if i > n and content[i - 1].pos == "PREP":
            continue  # «в школе», «на стадионе»: never the subject
        if t.text.isupper() or t.key in _SUBJECT_PRONOUNS:
            return False
        if any(p.pos in {"NOUN", "NPRO"} and "nomn" in p.grammemes and "plur" in p.grammemes for p in t.parses):
            # «Сегодня наши старшеклассники провели урок»: the page's own people, told as a story
            return i > n and "наш" in content[i - 1].lemmas
    return True


def _has_own_subject(content: Sequence[Token], i: int) -> bool:
    """«Ребята, кто ещё не прошёл медосмотр»: «прошёл» has a person as its subject (a pronoun
    before it) or is negated — somebody passes a check-up, no event «took place».  «У нас прошло
    собрание» is the page telling its own news, like «мы»."""
    before = content[:i]
    return bool(before) and (
        before[-1].key == "не"
        or any(t.key in _SUBJECT_PRONOUNS for t in before)
        or any(t.key == "нас" and j > 0 and before[j - 1].key == "у" for j, t in enumerate(before))
    )


def find_ceremonial_leads(document: Document) -> list[Marker]:
    markers: list[Marker] = []
    seen: set[int] = set()
    for sentence in paragraph_openers(document):
        content = sentence.content
        n = _date_expression(content)
        if not n:
            continue
        for k, t in enumerate(content[n:], start=n):
            if t.key in {"мы", "я"} or t.key == "нас" and k > 0 and content[k - 1].key == "у":
                break  # «23 мая мы провели…», «На прошлой неделе у нас прошло…» is the page's own voice
            if _protocol_verb(t) and _implied_we(content, n, k):
                break  # «Сегодня провели первую тренировку»: the same voice, «мы» left out
            if _protocol_verb(t) and not (_has_lemma(t, {"пройти", "проходить"}) and _time_passing(content, k)):
                start, end = content[0].start, t.end
                markers.append(
                    Marker(
                        start, end,
                        f"«{document.text[start:end]}…» — так начинается пресс-релиз: дата и «{t.text}» "
                        "сообщают о мероприятии, а не о том, что оно даёт людям. Начните с главного для "
                        "читателя: что изменилось, что можно сделать, куда прийти.",
                        "dateline",
                    )
                )
                seen.add(sentence.index)
                break
    for sentence in opening_sentences(document):
        if sentence.index in seen:
            continue
        content = sentence.content
        for i, t in enumerate(content[:8]):
            if t.pos != "VERB" or "past" not in t.grammemes:
                continue
            if _has_own_subject(content, i):
                continue
            if _has_lemma(t, {"состояться"}) or (_has_lemma(t, {"пройти"}) and _event_subject(content, i)):
                start, end = content[0].start, t.end
                markers.append(
                    Marker(
                        start, end,
                        f"«{document.text[start:end]}» — протокольное начало пресс-релиза. Читателю важнее "
                        "не «" + t.text.lower() + "», а что из этого следует для него: начните с этого.",
                        "dateline",
                    )
                )
                break
    markers.sort(key=lambda m: m.start)
    return markers


def _near_first_person(tokens: Sequence[Token], i: int) -> bool:
    return any(t.key in {"мы", "я"} for t in tokens[max(0, i - 3) : i])


def _official_in_sentence(document: Document, sentence: Sentence) -> bool:
    if any(_has_lemma(t, TITLE_WORDS) for t in sentence.words):
        return True
    if not any(_name_like(sentence.tokens)):
        return False
    return bool(_persons(document, sentence.start, sentence.end))


# A word each formula below starts with or needs: a sentence without one is skipped.
_PROTOCOL_WORDS = PASSIVE_REPORTING | STRONG_REPORTING | OFFICIAL_REPORTING | {"ходе", "участие"}


def find_protocol_verbs(document: Document) -> list[Marker]:
    markers: list[Marker] = []
    for sentence in document.sentences:
        if sentence.vocabulary.isdisjoint(_PROTOCOL_WORDS):
            continue  # none of the formulas below can start here
        tokens = sentence.content
        official: list[bool] = []  # computed on demand, once per sentence

        def has_official() -> bool:
            if not official:
                official.append(_official_in_sentence(document, sentence))
            return official[0]

        i = 0
        while i < len(tokens):
            found = (_passive_report(document, tokens, i) or _in_course_of(document, tokens, i)
                     or _took_part(document, tokens, i))
            if found is not None:
                markers.append(found[0])
                i = found[1]
                continue
            marker = _reporting_verb(tokens, i, has_official)
            if marker is not None:
                markers.append(marker)
            i += 1
    return markers


def _passive_report(document: Document, tokens: Sequence[Token], i: int) -> tuple[Marker, int] | None:
    """«было отмечено», «было подчёркнуто», «отмечено, что», «отмечалось»."""
    t = tokens[i]
    reporting = not t.lemmas.isdisjoint(PASSIVE_REPORTING)
    reflexive = reporting and any(
        "VERB" in p.grammemes and "past" in p.grammemes and p.lemma.endswith("ся")
        and p.lemma in PASSIVE_REPORTING for p in t.parses
    )
    neuter = reporting and any(
        "PRTS" in p.grammemes and "pssv" in p.grammemes and "neut" in p.grammemes
        and p.lemma in PASSIVE_REPORTING for p in t.parses
    )
    if not (reflexive or neuter):
        return None
    start = t.start
    if neuter and i > 0 and tokens[i - 1].key == "было":
        start = tokens[i - 1].start
    if not (start != t.start or reflexive or _followed_by_that(document, t)):
        return None
    text = document.text[start:t.end]
    return Marker(start, t.end,
        f"«{text}» — формула протокола: непонятно, кто это сказал. Напишите, кто и что "
        "сказал, простыми словами: «Глава района рассказал, что…» — или перескажите суть "
        "от себя.", "protocol"), i + 1


def _in_course_of(document: Document, tokens: Sequence[Token], i: int) -> tuple[Marker, int] | None:
    """«в ходе мероприятия»."""
    t = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if not (t.key == "в" and nxt is not None and nxt.key == "ходе"):
        return None
    j = i + 2
    while j < len(tokens) and j < i + 5 and tokens[j].pos in {"ADJF", "PRTF"}:
        j += 1
    if not (j < len(tokens) and _has_lemma(tokens[j], EVENT_NOUNS)):
        return None
    end = tokens[j].end
    return Marker(t.start, end,
        f"«{document.text[t.start:end]}» — оборот из протокола. В посте это лишнее: "
        "просто расскажите, что произошло, или напишите «на встрече».", "protocol"), j + 1


def _took_part(document: Document, tokens: Sequence[Token], i: int) -> tuple[Marker, int] | None:
    """«приняли участие», «участие приняли»."""
    t = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None:
        return None
    # «Кто хочет принять участие?», «Примите участие!» invite; the formula reports («приняли участие»)
    verb_first = (_has_lemma(t, {"принять", "принимать"}) and nxt.key == "участие"
                  and t.pos not in {"INFN", "GRND"} and "impr" not in t.grammemes)
    noun_first = t.key == "участие" and _has_lemma(nxt, {"принять", "принимать"}) and nxt.pos == "VERB"
    if not (verb_first or noun_first):
        return None
    return Marker(t.start, nxt.end,
        f"«{document.text[t.start:nxt.end]}» — формула пресс-релиза. Лучше «пришли», "
        "«участвовали», «были» — или скажите, что люди делали.", "protocol"), i + 2


def _reporting_verb(tokens: Sequence[Token], i: int, has_official) -> Marker | None:
    """«подчеркнул», «проинформировала»; «отметил», «сообщил» after an official."""
    t = tokens[i]
    verb = t.pos == "VERB" and "past" in t.grammemes and "indc" in t.grammemes
    if not verb or _near_first_person(tokens, i):
        return None
    strong = _has_lemma(t, STRONG_REPORTING)
    weak = _has_lemma(t, OFFICIAL_REPORTING)
    if weak and not strong:
        weak = has_official()
    if not (strong or weak):
        return None
    return Marker(t.start, t.end,
        f"«{t.text}» — глагол из отчёта о мероприятии. В посте он звучит как протокол: "
        "лучше перескажите мысль своими словами или напишите просто «сказал», "
        "«рассказал», «считает».", "protocol")
