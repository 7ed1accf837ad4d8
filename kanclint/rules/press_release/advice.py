"""Advice templates drawn from the post itself: a first sentence for the reader, a closing question.

A report-style opening (KC301, KC303 in the first sentence, KC307) is told *how* to begin: a
template for a first sentence about what changes for the reader, filled with what the post
already says — its date, its place, its event — with «…» where only the author knows the words:
«Спасибо всем, кто 23 мая пришёл на концерт в Доме культуры! Рассказываем, как это было: …»,
«23 мая в парке ждём вас на ярмарку: …», «23 мая в администрации района: … — что это значит для вас: …».  A post that never speaks to
its reader (KC305) gets a question or a call drawn from its event: «Придёте на выставку?
Напишите в комментариях.», «Были на празднике? Поделитесь впечатлениями в комментариях.»

These are advice in messages, never fixes: kanclint does not invent the author's news.  The
templates are built only from the author's own words and a few plain words of ours, and the test
suite lints them (tests/test_clean_suggestions.py): advice must not be канцелярит itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from kanclint.rules.press_release.helpers import opening_sentences
from kanclint.rules.press_release.leads import _date_expression
from kanclint.rules.press_release.words import EVENT_NOUNS, RELATIVE_DAYS, SECOND_PERSON
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.inflection import capitalise, inflect_raw

# Events a reader can come to: «Придёте на …?» / «Были на …?»
VISITED_EVENTS = frozenset({
    "праздник", "концерт", "выставка", "ярмарка", "фестиваль", "конкурс", "субботник", "экскурсия",
    "мастер-класс", "спектакль", "турнир", "соревнование", "лекция", "квиз", "забег", "акция",
    "встреча", "вечер", "презентация", "открытие", "марафон", "игра", "праздник", "ёлка", "елка",
    "митинг", "шествие", "флешмоб", "чемпионат", "слёт", "слет", "парад",
})
# Meetings of officials the reader does not attend: ask what they think instead
MEETINGS = EVENT_NOUNS - VISITED_EVENTS
_PLACE_PREPOSITIONS = frozenset({"в", "во", "на"})
_PLACE_STOP = frozenset({",", ".", "!", "?", ";", ":", "—", "–", "(", "«", "\""})


@dataclass(frozen=True)
class PostFacts:
    """What the opening says: when, where, and the event, as the author wrote them."""

    when: str  # «23 мая», «Сегодня»; "" if none
    where: str  # «в администрации района»; "" if none
    event: Token | None  # the first event noun of the post
    past: bool  # the post reports what happened


def _when(document: Document, sentence: Sentence) -> tuple[str, int]:
    content = sentence.content
    n = _date_expression(content)
    if not n and content and content[0].key in {"с", "со", "до", "к"}:
        n = _date_expression(content[1:]) and _date_expression(content[1:]) + 1  # «С 1 марта»
    if not n:
        return "", 0
    text = document.text[content[0].start:content[n - 1].end]
    if content[n - 1].key in {"г"} and document.text[content[n - 1].end:content[n - 1].end + 1] == ".":
        text += "."
    return text, n


def _where(document: Document, sentence: Sentence, skip: int) -> str:
    """The first «в/на + noun in the locative» with its genitive words: «в администрации района»."""
    tokens = sentence.tokens
    content_starts = {t.start for t in sentence.content[:skip]}
    for i, t in enumerate(tokens):
        if t.start in content_starts or t.key not in _PLACE_PREPOSITIONS or i + 1 >= len(tokens):
            continue
        head = tokens[i + 1]
        if head.text[:1].isdigit() or not any(p.pos == "NOUN" and "loct" in p.grammemes for p in head.parses):
            continue
        if head.lemma in EVENT_NOUNS or head.lemma in VISITED_EVENTS or head.key in RELATIVE_DAYS:
            continue  # «на совещании» is the event, not the place
        end = head.end
        previous = head
        for t2 in tokens[i + 2 : i + 6]:
            number = t2.text.isdigit() and previous.text == "№"  # «в школе № 5», not «Карелия 13 - 15 октября»
            previous = t2
            if t2.text in _PLACE_STOP or not (t2.is_word or t2.text in {"№"} or number):
                break
            if not (t2.text in {"№"} or number or t2.text[:1].isupper()  # «в Республике Карелия»
                    or any(p.pos in {"NOUN", "ADJF"} and "gent" in p.grammemes for p in t2.parses)):
                break
            end = t2.end
        return document.text[t.start:end]
    return ""


def _event(document: Document) -> Token | None:
    for t in document.tokens:
        if t.is_word and not t.protected and t.pos == "NOUN" and (t.lemma in EVENT_NOUNS or t.lemma in VISITED_EVENTS):
            return t
    return None


def _past(document: Document) -> bool:
    """Whether the post reports what is over: more verbs in the past than not («выставка открылась»
    and «работает до мая» still invite the reader)."""
    past = sum(1 for t in document.tokens if t.pos == "VERB" and "past" in t.grammemes)
    other = sum(1 for t in document.tokens if t.pos == "VERB" and "past" not in t.grammemes)
    return past > other


def post_facts(document: Document) -> PostFacts:
    opening = opening_sentences(document)
    when, where, skip = "", "", 0
    for sentence in opening:
        if not when:
            when, skip = _when(document, sentence)
        if not where:
            where = _where(document, sentence, skip)
    return PostFacts(when, where, _event(document), _past(document))


def _form(token: Token, case: str) -> str:
    reading = next((p for p in token.parses if p.pos == "NOUN"), None)
    if reading is None:
        return token.text.lower()
    number = "plur" if "plur" in reading.grammemes and "Pltm" not in reading.grammemes else "sing"
    return inflect_raw(reading.raw, frozenset({case, number})) or token.text.lower()


def opening_speaks_to_reader(document: Document) -> bool:
    """Whether the opening already addresses the reader («Не забудьте…», «вы», a question)."""
    for sentence in opening_sentences(document):
        if document.text[sentence.start:sentence.end].rstrip().endswith("?"):
            return True
        for t in sentence.tokens:
            if t.key in SECOND_PERSON or (t.pos == "VERB" and "impr" in t.grammemes):
                return True
    return False


def opening_template(document: Document) -> str:
    """A first sentence about the reader, with the post's date, place and event.

    An event people come to is said to them: «Спасибо всем, кто пришёл на концерт в Доме культуры!»
    when it is over, «23 мая в библиотеке ждём вас на выставку: …» when it is to come.  Anything
    else (a meeting, a change of rules) gets «23 мая в школе № 5: … — что это значит для вас: …».
    """
    facts = document.shared(post_facts)
    lead = " ".join(part for part in (facts.when, facts.where) if part)
    event = facts.event
    if event is not None and event.lemma in VISITED_EVENTS:
        if facts.past:
            when = f" {_mid_sentence(facts.when)}" if facts.when else ""
            where = f" {_mid_sentence(facts.where)}" if facts.where else ""
            return f"Спасибо всем, кто{when} пришёл на {_form(event, 'accs')}{where}! Рассказываем, как это было: …"
        return capitalise(f"{lead} ждём вас на {_form(event, 'accs')}: …" if lead else f"ждём вас на {_form(event, 'accs')}: …")
    if lead:
        return capitalise(lead) + ": … — что это значит для вас: …"
    return "Что это значит для вас: …"


_LOWER_OPENERS = frozenset({"в", "во", "на", "с", "со", "до", "к", "ко", "по"}) | RELATIVE_DAYS


def _mid_sentence(part: str) -> str:
    """«В минувшую пятницу» → «в минувшую пятницу» inside a sentence; «В Республике Карелия» keeps
    its name's capital («в Республике Карелия»), a date stays as written."""
    first = part.split(" ", 1)[0]
    return part[:1].lower() + part[1:] if first.lower() in _LOWER_OPENERS else part


def closing_question(document: Document) -> str:
    """A question or a call for the end of the post, drawn from its event."""
    facts = document.shared(post_facts)
    event = facts.event
    if event is not None and event.lemma in VISITED_EVENTS:
        if facts.past:
            return f"Были на {_form(event, 'loct')}? Поделитесь впечатлениями в комментариях."
        return f"Придёте на {_form(event, 'accs')}? Напишите в комментариях."
    if event is not None:
        return f"Какие вопросы вы бы задали на {_form(event, 'loct')}? Напишите в комментариях."
    return "Что вы об этом думаете? Напишите в комментариях."
