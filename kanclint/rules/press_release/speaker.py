"""Who says «я» or «мы» for the configured author, and with which gender.

A person («Глава района Сергей Иванов») says «я», and the past tense shows the gender the name
tells («я провела» for «Наталья Волкова»); without a first name or a surname that shows it, the
gender is unknown and no past form is written.  An organisation says «мы».
"""

from __future__ import annotations

from functools import cache

from kanclint.rules.press_release.voice import author_profile
from kanclint.text.document import Document

_GENDERS = ("masc", "femn")


@cache
def author_gender(author: str) -> str | None:
    """«femn» for «Министр … Наталья Волкова»: the gender the first name (or else the surname) shows."""
    words = [t for t in Document(author).tokens if t.is_word and t.text[:1].isupper()]
    for kind in ("Name", "Surn"):
        genders = {g for t in words for p in t.parses if kind in p.grammemes and "nomn" in p.grammemes
                   for g in _GENDERS if g in p.grammemes}
        if len(genders) == 1:
            return genders.pop()
        if genders:
            return None  # «Волкова» reads as a man's genitive too: not a guess
    return None


def person_author(document: Document) -> bool:
    """Whether the configured author is a person (says «я»), not an organisation."""
    profile = author_profile(document)
    return profile is not None and profile.person


def speaker(document: Document) -> tuple[str, str, str | None]:
    """The author's pronoun, number and gender: («я», "sing", "femn") or («мы», "plur", None)."""
    if person_author(document):
        return "я", "sing", author_gender(document.author or "")
    return "мы", "plur", None
