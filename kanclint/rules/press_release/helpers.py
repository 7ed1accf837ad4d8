"""Helpers the press-release detectors share: numbers, openers, name-like words."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Sequence

from kanclint.text.document import Document, Sentence, Token
from kanclint.text.grammar import PERSON_NAMES

# -- helpers ----------------------------------------------------------------------------


def _is_number(token: Token) -> bool:
    return token.text.isdigit()


def _past_or_passive(token: Token) -> bool:
    return any(
        ("VERB" in p.grammemes and "past" in p.grammemes)
        or ("PRTS" in p.grammemes and "pssv" in p.grammemes)
        for p in token.parses
    )


def _has_lemma(token: Token, lemmas: frozenset[str]) -> bool:
    return bool(token.lemmas & lemmas)


def _trimmed(document: Document, start: int, end: int) -> tuple[int, int]:
    text = document.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def paragraph_openers(document: Document) -> list[Sentence]:
    """The first sentence of every paragraph: where a dateline would stand."""
    openers: list[Sentence] = []
    sentences = [s for s in document.sentences if s.content]
    starts = [s.start for s in sentences]  # sorted: a bisection per paragraph, not a scan
    for paragraph in document.paragraphs:
        i = bisect.bisect_left(starts, paragraph.start)
        if i < len(sentences) and sentences[i].start < paragraph.end:
            openers.append(sentences[i])
    return openers


def opening_sentences(document: Document) -> list[Sentence]:
    """The post's first sentence, and the next one when the first is a bare headline."""
    sentences = [s for s in document.sentences if s.content]
    if not sentences:
        return []
    first = sentences[0]
    has_verb = any(t.pos == "VERB" for t in first.tokens)
    if not has_verb and len(sentences) > 1 and len(first.words) <= 8:
        return sentences[:2]
    return sentences[:1]


def _persons(document: Document, start: int, end: int) -> list[tuple[int, int]]:
    """Names (natasha NER) that start in ``[start, end)``; NER runs only on the sentences asked for."""
    return [(s, e) for s, e, kind in document.entities_between(start, end) if kind == "PER" and start <= s < end]


_PLACE_GRAMMEMES = frozenset({"Geox", "Orgn"})


def _name_like(tokens: Sequence[Token]) -> list[bool]:
    """Which tokens may belong to a person's name: the cheap test before NER.

    A capitalised word pymorphy3 knows as a first name, surname or patronymic
    (and does not read first as a place or an organisation), or an initial: a
    capital letter with its dot.  NER costs as much as a whole lint of a short
    post, so it runs only where such words are.
    """
    flags = []
    for i, t in enumerate(tokens):
        text = t.text
        if not text[:1].isupper():
            flags.append(False)
        elif len(text) == 1:
            flags.append(i + 1 < len(tokens) and tokens[i + 1].text == ".")
        else:
            flags.append(
                any(p.grammemes & PERSON_NAMES for p in t.parses)
                and not t.grammemes & _PLACE_GRAMMEMES
            )
    return flags


@dataclass(frozen=True)
class Marker:
    start: int
    end: int
    message: str
    kind: str = ""


def _name_runs(sentence: Sentence) -> int:
    """Runs of name-like words («И. А. Щербаков», «Анна Петрова»): at most one person each."""
    if sum(1 for t in sentence.words if t.text[:1].isupper()) < MIN_ATTENDEES:
        return 0  # fewer capitals than a list needs: no word to test
    runs = 0
    inside = False
    for t, name in zip(sentence.tokens, _name_like(sentence.tokens)):
        if name:
            runs += not inside
            inside = True
        elif t.text != "." or not inside:
            inside = False
    return runs


def _followed_by_that(document: Document, token: Token) -> bool:
    return bool(re.match(r"\s*,\s*что\b", document.text[token.end : token.end + 12]))


MIN_ATTENDEES = 3


def bare_person_name(words: Sequence[Token]) -> bool:
    """«Иван Петров», «Петрова Анна Ивановна», «А. И. Петрова»: a configured author that is only a
    person's name (no title) is a person who says «я», never an organisation's «мы»."""
    names = [t for t in words if t.text[:1].isupper() and any(p.grammemes & PERSON_NAMES for p in t.parses[:3])]
    initials = [t for t in words if len(t.text) == 1 and t.text.isupper()]
    return len(words) >= 2 and bool(names) and len(names) + len(initials) == len(words)


def _name_word(t: Token) -> bool:
    # every reading: «Ершов» is first a short adjective and a town to pymorphy3, a surname fourth
    return t.text[:1].isupper() and any(p.grammemes & PERSON_NAMES and "nomn" in p.grammemes for p in t.parses)


def titled_person_name(author: str, words: Sequence[Token]) -> bool:
    """«Главный врач ЦРБ Михаил Орлов», «Михаил Орлов, главный врач ЦРБ»: a title the lists do not
    know with a person's name in the nominative at the end, or a name and a comma before it: a
    person who says «я».  An institution named after a person («школа имени Ивана Петрова», a name
    in quotes) is not one."""
    before_comma = Document(author.split(",", 1)[0]).words if "," in author else []
    if len(before_comma) >= 2 and all(_name_word(t) or len(t.text) == 1 and t.text.isupper() for t in before_comma):
        return True
    if any(mark in author for mark in "«»\"„“") or any(t.key in {"имени", "им"} for t in words):
        return False
    tail = 0
    for t in reversed(words):
        if not _name_word(t):
            break
        tail += 1
    return tail >= 2 and len(words) > tail


def title_head(words: Sequence[Token]) -> str:
    """The noun a person author's title is known by: «врач» of «Михаил Орлов, главный врач ЦРБ»
    (the first noun that is no part of the name), else the first noun or word."""
    nouns = [t for t in words if t.pos == "NOUN"]
    titled = [t for t in nouns if not any(p.grammemes & PERSON_NAMES for p in t.parses[:2])]
    return (titled or nouns or list(words))[0].lemma


def genitive_dependent(words: Sequence[Token], k: int) -> bool:
    """Whether ``words[k]`` may be a genitive hanging on the noun before it: «администрации» of
    «Отдел культуры администрации района» names the body the author belongs to, not the author,
    so «сайт администрации района» is not «наш сайт» on the department's page."""
    return k > 0 and words[k - 1].pos == "NOUN" and not words[k - 1].text.isupper() and any(
        "gent" in p.grammemes for p in words[k].parses)
