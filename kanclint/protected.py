"""Text the author cannot change: links, addresses, mentions, hashtags, emoji, quoted speech.

Lexical rules skip findings inside these spans (a quote from an official is the
official's words, a hashtag is a name).  Structural rules still see everything.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

KINDS = ("urls", "emails", "mentions", "hashtags", "emoji", "quotes")

_PATTERNS: dict[str, re.Pattern[str]] = {
    "emails": re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    "urls": re.compile(
        r"(?:https?://|www\.)[^\s<>«»\"]+"
        r"|\b[\w-]+(?:\.[\w-]+)*\.(?:ru|рф|su|com|org|net|info|online|gov\.ru|me)\b(?:/[^\s<>«»\"]*)?",
        re.IGNORECASE,
    ),
    "mentions": re.compile(r"(?<![\w@])@\w[\w.]*"),
    "hashtags": re.compile(r"(?<![\w#])#\w+"),
    "emoji": re.compile(
        "["
        "\U0001F000-\U0001FAFF"
        "\u2600-\u27BF"
        "\u2B00-\u2BFF"
        "\u2300-\u23FF"
        "\uFE0F\u200D\u20E3"
        "\U000E0020-\U000E007F"
        "]+"
    ),
    "quotes": re.compile(
        # «…» or "…" after a colon
        r"(?<=:)\s*(?:«[^»\n]*»|\"[^\"\n]*\"|„[^“\n]*“)"
        # a quotation followed by its attribution: «…», — сказала
        r"|«[^»\n]{15,}»(?=\s*,?\s*[—–])"
        # a line of direct speech opened with a dash
        r"|^[ \t]*[—–][ \t].*$",
        re.MULTILINE,
    ),
}


_URL_HINT = re.compile(r"https?://|www\.|\.(?:ru|рф|su|com|org|net|info|online|me)\b", re.IGNORECASE)

# A character each kind cannot do without: most posts have no «@» or «#», and the
# regular expressions cost more than these membership tests.
_NEEDS: dict[str, Callable[[str], bool]] = {
    "emails": lambda text: "@" in text,
    "mentions": lambda text: "@" in text,
    "hashtags": lambda text: "#" in text,
    "urls": lambda text: _URL_HINT.search(text) is not None,
    "emoji": lambda text: bool(text) and max(text) >= "\u200d",  # U+200D (ZWJ) is the lowest code point of the class
    "quotes": lambda text: ":" in text or "«" in text or "—" in text or "–" in text,
}


def find(text: str, kinds: Iterable[str] = KINDS) -> list[tuple[int, int, str]]:
    """Sorted ``(start, end, kind)`` spans of protected text."""
    spans: list[tuple[int, int, str]] = []
    for kind in kinds:
        if not _NEEDS[kind](text):
            continue
        for m in _PATTERNS[kind].finditer(text):
            start, end = m.span()
            # a quote span may start with the spaces after the colon
            while start < end and text[start].isspace():
                start += 1
            if start < end:
                spans.append((start, end, kind))
    spans.sort()
    return spans
