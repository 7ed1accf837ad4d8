"""Detectors of officials: titles with initials, an organisation naming itself in the third person."""

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
from kanclint.rules.press_release.words import (
    _ACRONYM_SHAPE,
    INSTITUTION_ACRONYMS,
    INSTITUTION_NOUNS,
    TITLE_WORDS,
)
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.inflection import inflect_raw

_INITIALS_AFTER = re.compile(
    r"(?<![\w.])[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
)
_INITIALS_BEFORE = re.compile(
    r"(?<![\w.])[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s[А-ЯЁ]\.\s?[А-ЯЁ]\.(?!\w)"
)


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
        if len(in_sentence) >= MIN_ATTENDEES:
            list_span = (in_sentence[0][0], in_sentence[-1][1])
            markers.append(Marker(list_span[0], list_span[1],
                f"Список из {len(in_sentence)} имён в одном предложении — так пишут отчёт для начальства. "
                "Читателю важнее, что люди сделали или решили; если имена нужны, вынесите их в конец "
                "поста или оставьте одно-два.", "attendees"))
        chunk = text[sentence.start : sentence.end]
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
                "В посте проще: имя и отчество или «глава района» без инициалов, а лучше начать с "
                "новости, а не с должности.", "title"))
    markers.sort(key=lambda m: m.start)
    return markers


def _institution_head(token: Token) -> bool:
    if token.text in INSTITUTION_ACRONYMS or _ACRONYM_SHAPE.match(token.text):
        return True
    return any(p.lemma in INSTITUTION_NOUNS and "nomn" in p.grammemes and "NOUN" in p.grammemes
               for p in token.parses)


def _finite_verb(token: Token) -> bool:
    g = token.grammemes
    return token.pos == "VERB" and "indc" in g and ("past" in g or "3per" in g)


def _plural_self(token: Token) -> str | None:
    """«провела» → «провели», «информирует» → «информируем»: the verb with «мы»."""
    raw = token.parses[0].raw if token.parses else None
    if raw is None:
        return None
    wanted = {"plur"} if "past" in token.grammemes else {"1per", "plur"}
    try:
        return inflect_raw(raw, frozenset(wanted)) or None
    except Exception:  # pragma: no cover - pymorphy3 refuses odd tags
        return None


VOCATIVES = frozenset({"друзья", "коллеги", "ребята", "подписчики", "земляки", "жители", "родители", "гости",
                       "дорогие", "уважаемые", "любимые", "милые"})


def _after_vocative(sentence: Sentence) -> tuple[Token, ...]:
    """The sentence's content after a leading address («Друзья, министерство провело…»)."""
    content = sentence.content
    if not content or content[0].key not in VOCATIVES:
        return content
    for t in sentence.tokens:
        if t.start > content[0].start and t.text in {",", "!"}:
            return tuple(c for c in content if c.start > t.start)
        if t.start > content[0].start and t.is_word and t.key not in VOCATIVES and t.pos not in {"NOUN", "ADJF"}:
            break
    return content


def find_third_person_self(document: Document) -> list[Marker]:
    markers: list[Marker] = []
    for sentence in document.sentences:
        content = _after_vocative(sentence)  # «Друзья,» does not turn a report into a talk
        if not content or not _institution_head(content[0]):
            continue
        head = content[0]
        head_sing = "plur" not in head.grammemes
        acronym = head.text.isupper()
        # walk over the modifiers («района», «„ЦБС“», «№ 5») to the first comma or verb
        verb: Token | None = None
        seen = 0
        for t in sentence.tokens:
            if t.start <= head.start:
                continue
            if t.text in {",", ";", ":", "—", "–", "(", "?", "!"}:
                break
            if not t.is_word:
                continue
            seen += 1
            if seen > 8:
                break
            if t.pos in {"VERB", "INFN", "PRTS", "ADJS", "PRED"}:
                if _finite_verb(t) and (acronym or not head_sing or "plur" not in t.grammemes):
                    verb = t
                break
        if verb is None:
            continue
        start, end = head.start, verb.end
        plural = _plural_self(verb)
        instead = f"«Мы {plural}…»" if plural else "«мы»"
        markers.append(Marker(start, end,
            f"«{document.text[start:end]}» — организация говорит о себе в третьем лице, как в "
            f"пресс-релизе. Если пост от её имени, напишите {instead}: так вы говорите с читателем "
            "напрямую.", "third-person"))
    return markers
