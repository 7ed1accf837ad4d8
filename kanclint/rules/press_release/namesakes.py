"""Whether a paragraph names another body of the author's kind, so the author's short name is ambiguous.

On the page of «МБОУ «Средняя школа № 3»», «Коллективу школы вручили сертификат» is «нашему
коллективу» — unless the paragraph has just said «Школа № 5 стала победителем»: then «школы» is
school № 5, and «нашему» would give the other school's prize to the author.  Likewise «Администрация
Южного района поделилась опытом. Администрация района провела ярмарку» on the Северный district's
page, «Областная больница провела приём. Специалисты больницы…» on the district hospital's.

A namesake is a noun with the author's head («школа», «администрация», «больница») whose own words
say it is another body: an adjective before it that is not one of the author's words («областная»,
«соседней»), a number after «№» that is not the author's, or a genitive after it that is not
(«Южного района»).  In such a paragraph KC304 rewrites only mentions that carry a word of the
author's that tells them apart (a number, a capitalised word): «Школа № 3 заняла второе место».
The third person says nothing wrong; «мы» would be a guess.
"""

from __future__ import annotations

from typing import Protocol, Sequence

from kanclint.text.document import Document, Token


class AuthorProfile(Protocol):
    """What is read of :class:`.voice.AuthorProfile` (voice.py imports this module, not the reverse)."""

    lemmas: frozenset[str]
    head: str
    person: bool
    heads: frozenset[str]

# words before the head that do not make it another body: «наша школа», «эта больница»
_NEUTRAL = frozenset({"наш", "свой", "этот", "тот", "данный", "муниципальный", "родной", "весь", "любимый"})
_NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})


def _keys(token: Token) -> set[str]:
    if token.text.isupper() and len(token.text) > 1 or token.text.isdigit():
        return {token.text.upper()}
    return set(token.lemmas) | {token.key}


def _foreign(token: Token, profile: AuthorProfile) -> bool:
    return not _keys(token) & profile.lemmas and not token.lemmas & _NEUTRAL


def _adjective(token: Token) -> bool:
    return token.is_word and bool(token.parses) and token.parses[0].pos in {"ADJF", "PRTF"}


def _other_before(tokens: Sequence[Token], i: int, profile: AuthorProfile) -> bool:
    """«Областная больница», «соседней школы»: an adjective that is not the author's."""
    k = i - 1
    while k >= 0 and i - k <= 3 and _adjective(tokens[k]):
        if _foreign(tokens[k], profile):
            return True
        k -= 1
    return False


def _other_after(tokens: Sequence[Token], i: int, profile: AuthorProfile) -> bool:
    """«Школа № 5», «Администрация Южного района»: a number or a genitive name not the author's."""
    rest = [t for t in tokens[i + 1:i + 5] if t.text not in {"«", "»", "\""}]
    if len(rest) >= 2 and rest[0].text == "№":
        return rest[1].text.isdigit() and _foreign(rest[1], profile)
    for t in rest[:2]:
        if not t.is_word or not t.parses or "gent" not in t.parses[0].grammemes:
            return False
        if t.parses[0].grammemes & _NAME_GRAMMEMES:
            return False  # «учителя школы Анны Ивановой»: a person, not the school's name
        if _foreign(t, profile) and (t.text[:1].isupper() or t.parses[0].pos == "ADJF"):
            return True
    return False


def _heads(profile: AuthorProfile) -> set[str]:
    return {profile.head} | set(profile.heads)


def is_namesake(tokens: Sequence[Token], i: int, profile: AuthorProfile) -> bool:
    """Whether ``tokens[i]`` is a noun of the author's kind that names another body."""
    t = tokens[i]
    if not t.is_word or not t.lemmas & _heads(profile) or not any(p.pos == "NOUN" for p in t.parses[:1]):
        return False
    return _other_before(tokens, i, profile) or _other_after(tokens, i, profile)


def namesake_near(document: Document, profile: AuthorProfile | None, offset: int) -> bool:
    """Whether the paragraph at ``offset`` names another body with the author's head noun."""
    if profile is None or profile.person:
        return False
    paragraph = next((p for p in document.paragraphs if p.start <= offset < max(p.end, p.start + 1)), None)
    start, end = (paragraph.start, paragraph.end) if paragraph is not None else (offset, offset + 1)
    for sentence in document.sentences:
        if sentence.end <= start or sentence.start >= end:
            continue
        tokens = sentence.tokens
        if any(is_namesake(tokens, i, profile) for i in range(len(tokens))):
            return True
    return False


def told_apart(name: Sequence[Token], head: Token, profile: AuthorProfile) -> bool:
    """Whether a mention of the author carries a word of the author's that tells it from a namesake:
    a number («Школа № 3»), a capitalised word («Администрация Северного района»), an adjective
    («районной больницы»); «района» of «администрации района» does not."""
    return any(t is not head and (t.text.isdigit() or t.text[:1].isupper() or _adjective(t))
               and bool(_keys(t) & profile.lemmas) for t in name)
