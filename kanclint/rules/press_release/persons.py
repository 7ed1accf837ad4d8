"""Detectors of officials: titles with initials, an organisation naming itself in the third person
(found and rewritten in :mod:`.voice`)."""

from __future__ import annotations

import re
from typing import Sequence

from kanclint.rules.press_release.helpers import (
    MIN_ATTENDEES,
    Marker,
    _has_lemma,
    _name_runs,
    _persons,
)
from kanclint.rules.press_release.words import TITLE_WORDS
from kanclint.rules.press_release.voice import SelfRewrite, self_rewrites
from kanclint.text.document import Document, Token
from kanclint.text.inflection import capitalise

_INITIALS_AFTER = re.compile(
    r"(?<![\w.])[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
)
_INITIALS_BEFORE = re.compile(
    r"(?<![\w.])[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s[А-ЯЁ]\.\s?[А-ЯЁ]\.(?!\w)"
)
_INITIAL = re.compile(r"[А-ЯЁ]\.")  # what both patterns above contain: a quick test (it has no lookbehind)


def _title_before(tokens: Sequence[Token], name_start: int) -> Token | None:
    """The title word heading the words just before a name («глава района» И. А. Щербаков)."""
    before = [t for t in tokens if t.end <= name_start]
    words = 0
    title: Token | None = None
    for t in reversed(before):
        if not t.is_word:
            if t.text in {"-", "–", "—"}:
                continue
            break
        if _has_lemma(t, TITLE_WORDS):
            title = t  # keep walking: «заместитель главы администрации» starts at «заместитель»
        words += 1
        if words >= 7:
            break
    return title


def _first_names_only(tokens: Sequence[Token], persons: Sequence[tuple[int, int]]) -> bool:
    """«Полина, Аня и Вика, мы вами гордимся»: children or friends called by their first names, not
    the attendees of a report (those come with surnames and titles)."""
    for start, end in persons:
        words = [t for t in tokens if start <= t.start and t.end <= end and t.is_word]
        if len(words) != 1 or not any("Name" in p.grammemes for p in words[0].parses):
            return False
    return True


def find_official_titles(document: Document) -> list[Marker]:
    markers: list[Marker] = []
    text = document.text
    for sentence in document.sentences:
        # a list of names needs a separate run of name-like words per name: only then is NER worth running
        in_sentence = (
            _persons(document, sentence.start, sentence.end)
            if _name_runs(sentence) >= MIN_ATTENDEES else []
        )
        list_span: tuple[int, int] | None = None
        if len(in_sentence) >= MIN_ATTENDEES and not _first_names_only(sentence.tokens, in_sentence):
            list_span = (in_sentence[0][0], in_sentence[-1][1])
            markers.append(Marker(list_span[0], list_span[1],
                f"Список из {len(in_sentence)} имён в одном предложении — так пишут отчёт для начальства. "
                "Читателю важнее, что люди сделали или решили; если имена нужны, вынесите их в конец "
                "поста или оставьте одно-два.", "attendees"))
        chunk = text[sentence.start : sentence.end]
        if not _INITIAL.search(chunk):
            continue  # both patterns need an initial («А.»): most sentences have none
        names = [(m.start(), m.end()) for m in _INITIALS_AFTER.finditer(chunk)]
        names += [(m.start(), m.end()) for m in _INITIALS_BEFORE.finditer(chunk)
                  if not any(s <= m.start() < e for s, e in names)]
        for s, e in sorted(names):
            start, end = sentence.start + s, sentence.start + e
            title = _title_before(sentence.tokens, start)
            if title is None:
                continue
            if list_span is not None and list_span[0] <= start < list_span[1]:
                continue
            markers.append(Marker(title.start, end,
                f"«{text[title.start:end]}» — полная должность с инициалами, как в пресс-релизе. "
                "В посте проще: имя и отчество или короткая должность без инициалов, а лучше начать "
                "с новости, а не с должности.", "title"))
    markers.sort(key=lambda m: m.start)
    return markers


def find_third_person_self(document: Document) -> list[Marker]:
    markers: list[Marker] = []
    for found in document.shared(self_rewrites):
        markers.append(Marker(*third_person_span(found), third_person_message(document, found), "third-person"))
    return markers


def third_person_span(found: SelfRewrite) -> tuple[int, int]:
    """From the name to the verb, or to the end of the words the clean rewrite replaces."""
    return found.start, max(found.end, found.mention.verb.end)


def _shown(found: SelfRewrite, fallback: str) -> str:
    if not found.shown:
        return f"«{fallback}»"
    return f"«{capitalise(found.shown)}{'…' if found.more else ''}»"


def third_person_message(document: Document, found: SelfRewrite) -> str:
    start, end = third_person_span(found)
    said = document.text[start:end]
    if found.person:
        instead = _shown(found, "я")
        return (f"«{said}» — вы говорите о себе в третьем лице, как в пресс-релизе. "
                f"Напишите {instead}: так вы говорите с читателем напрямую.")
    instead = _shown(found, "мы")
    fixable = found.mention.clean_name and found.shown is not None
    tail = "" if document.speaks_as_we or not fixable else " С настройкой `we = true` или `author` kanclint исправит это сам."
    if document.author or document.speaks_as_we:
        return (f"«{said}» — организация говорит о себе в третьем лице, как в пресс-релизе. "
                f"Если пост от её имени, напишите {instead}: так вы говорите с читателем напрямую.{tail}")
    # without a configured author the body may be another one («Государственная Дума приняла закон»
    # on a deputy's page): the message says so instead of asserting it
    return (f"«{said}» — так пишут пресс-релизы. Если пост от имени этой организации, напишите {instead}: "
            f"так вы говорите с читателем напрямую. Если речь о другой организации, всё верно.{tail}")
