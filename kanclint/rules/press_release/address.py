"""Detectors of a post that ignores its reader: no address, a wall of text, official quotes; all markers together."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from kanclint.rules.press_release.helpers import (
    Marker,
    _has_lemma,
    _name_like,
    _persons,
    _trimmed,
)
from kanclint.rules.press_release.leads import (
    find_ceremonial_leads,
    find_protocol_verbs,
)
from kanclint.rules.press_release.persons import (
    find_official_titles,
    find_third_person_self,
)
from kanclint.rules.press_release.words import (
    CALL_TO_ACTION,
    FIRST_PERSON_PLURAL,
    QUOTE_REPORTING,
    SECOND_PERSON,
    TITLE_WORDS,
)
from kanclint.text.document import Document, Sentence
from kanclint.text.protection import SpanIndex


@dataclass(frozen=True)
class AddressCheck:
    """What a post does to speak to its reader; all False means it speaks to nobody."""

    you: bool
    we: bool
    imperative: bool
    question: bool
    call: bool
    spoken: bool = False  # «ну», «кстати», «вот», «ведь»: the author talks, as people do

    @property
    def any(self) -> bool:
        return self.you or self.we or self.imperative or self.question or self.call or self.spoken


# Particles of speech, not of documents: a text that uses them talks to someone.
SPOKEN_PARTICLES = frozenset({"ну", "кстати", "вот", "ведь"})


MIN_SENTENCES_FOR_ADDRESS = 5  # "longer than 4 sentences"


def _quote_spans(document: Document) -> list[tuple[int, int]]:
    return [(s, e) for s, e, kind in document.protected_spans if kind == "quotes"]


def reader_address(document: Document) -> AddressCheck:
    """Address to the reader outside quoted speech (an official's «мы» is not the page's)."""
    quotes = SpanIndex(_quote_spans(document))
    you = we = imperative = question = call = spoken = False
    tokens = document.tokens
    for i, t in enumerate(tokens):
        if quotes and quotes.contains(t.start):
            continue
        if "?" in t.text:
            question = True
            continue
        if not t.is_word:
            continue
        key = t.key
        if key in SECOND_PERSON:
            # «доводим до вашего сведения» is a formula, not a word to the reader
            formula = key == "вашего" and i + 1 < len(tokens) and tokens[i + 1].key == "сведения"
            if not formula:
                you = True
        if key in FIRST_PERSON_PLURAL:
            we = True
        if key in CALL_TO_ACTION:
            call = True
        if key in SPOKEN_PARTICLES:
            spoken = True
        g = t.grammemes
        if "impr" in g and "VERB" in g:
            imperative = True
        elif t.pos == "VERB" and "2per" in g:
            you = True
        elif t.pos == "VERB" and "1per" in g and "plur" in g:
            we = True
    return AddressCheck(you, we, imperative, question, call, spoken)


def _content_sentences(document: Document) -> list[Sentence]:
    return [s for s in document.sentences if s.content]


def find_no_reader_address(document: Document) -> list[Marker]:
    sentences = _content_sentences(document)
    if len(sentences) < MIN_SENTENCES_FOR_ADDRESS:
        return []
    if reader_address(document).any:
        return []
    first = sentences[0]
    start, end = _trimmed(document, first.start, first.end)
    return [Marker(start, end,
        f"В посте {len(sentences)} предложений, но ни одного слова читателю: нет «вы» и «мы», нет "
        "вопроса, нет призыва («приходите», «пишите», «звоните»). Обратитесь к людям напрямую: "
        "скажите, что это значит для них, и закончите вопросом или приглашением.", "no-address")]


WALL_OPENING = 600  # characters in the first paragraph
WALL_UNBROKEN = 800  # characters in a post without paragraph breaks


def find_wall_of_text(document: Document) -> list[Marker]:
    paragraphs = document.paragraphs
    if not paragraphs:
        return []
    first = paragraphs[0]
    length = first.end - first.start
    if len(paragraphs) == 1 and length > WALL_UNBROKEN:
        why = f"весь пост ({length} знаков) — один сплошной абзац"
    elif length > WALL_OPENING:
        why = f"первый абзац занимает {length} знаков"
    else:
        return []
    sentences = [s for s in _content_sentences(document) if first.start <= s.start < first.end]
    span = (sentences[0].start, sentences[0].end) if sentences else (first.start, first.end)
    start, end = _trimmed(document, *span)
    return [Marker(start, end,
        f"Стена текста: {why}. В ленте такой блок пролистывают. Разбейте текст на абзацы по 2–3 "
        "предложения и начните с короткого первого абзаца о главном.", "wall")]


def find_official_quotes(document: Document) -> list[Marker]:
    """Quoted words of an official: a quote with a reporting verb, a title or a name beside it."""
    markers: list[Marker] = []
    tokens = document.tokens
    starts = [t.start for t in tokens]  # sorted: the tokens near a quote by bisection
    for qs, qe in _quote_spans(document):
        lo, hi = qs - 120, qe + 120
        window = tokens[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]
        near = [t for t in window if not (qs <= t.start < qe)]
        official = any(_has_lemma(t, QUOTE_REPORTING) or _has_lemma(t, TITLE_WORDS) for t in near)
        if not official and any(_name_like(near)):
            official = any(not (qs <= s < qe) for s, _ in _persons(document, max(0, lo), hi))
        if official:
            markers.append(Marker(qs, qe, "цитата должностного лица", "quote"))
    return markers


MARKER_NAMES = {
    "dateline": "дата и «состоялось» в начале",
    "protocol": "протокольные глаголы и формулы",
    "title": "должности с инициалами или список участников",
    "third-person": "организация о себе в третьем лице",
    "no-address": "нет обращения к читателю",
    "wall": "стена текста",
    "quote": "цитата должностного лица",
}
MIN_MARKERS = 3


def press_release_markers(document: Document) -> dict[str, list[Marker]]:
    """Every press-release marker of the post, by kind (empty kinds left out)."""
    found = {  # shared with KC301–KC306, which report the same markers one by one
        "dateline": document.shared(find_ceremonial_leads),
        "protocol": document.shared(find_protocol_verbs),
        "title": document.shared(find_official_titles),
        "third-person": document.shared(find_third_person_self),
        "no-address": document.shared(find_no_reader_address),
        "wall": document.shared(find_wall_of_text),
        "quote": document.shared(find_official_quotes),
    }
    return {k: v for k, v in found.items() if v}
