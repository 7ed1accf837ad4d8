"""Text the author cannot change: links, addresses, mentions, hashtags, emoji, quoted speech, code.

Lexical rules skip findings inside these spans (a quote from an official is the
official's words, a hashtag is a name).  Structural rules still see everything.
"""

from __future__ import annotations

import bisect
import re
from typing import Callable, Iterable

KINDS = ("urls", "emails", "mentions", "hashtags", "emoji", "quotes", "code")

# The opening of a VK mention, «[club123|Дом дружбы]»: the text after «|» is read as the post's own
# words (a noun phrase of the sentence), the markup before it names a page.
VK_MENTION = re.compile(r"\[(?:club|public|event|id)\d+\|")

# a joiner (U+200D) or tag only continues an emoji: alone inside a word it is no emoji,
# and protecting it would hide the word from every rule
EMOJI = re.compile(
    "["
    "\U0001F000-\U0001FAFF"
    "\u2600-\u27BF"
    "\u2B00-\u2BFF"
    "\u2300-\u23FF"
    "\uFE0F\u20E3"
    "]["
    "\U0001F000-\U0001FAFF"
    "\u2600-\u27BF"
    "\u2B00-\u2BFF"
    "\u2300-\u23FF"
    "\uFE0F\u200D\u20E3"
    "\U000E0020-\U000E007F"
    "]*"
)

_PATTERNS: dict[str, re.Pattern[str]] = {
    "emails": re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    "urls": re.compile(
        r"(?:https?://|www\.)[^\s<>«»\"]+"
        r"|\b[\w-]+(?:\.[\w-]+)*\.(?:ru|рф|su|com|org|net|info|online|gov\.ru|me|cc)\b(?:/[^\s<>«»\"]*)?",
        re.IGNORECASE,
    ),
    "mentions": re.compile(r"(?<![\w@])@\w[\w.]*"),
    "hashtags": re.compile(r"(?<![\w#])#\w+(?:#\w+)*"),  # glued «#музей#вепсы» is one run of tags
    "emoji": EMOJI,
    # Markdown `inline code` (one to three backticks, on one line); fenced blocks: _fenced_code
    "code": re.compile(r"(?<!`)(`{1,3})(?!`)(?:[^`\n]|(?<!`)`(?=[^`\n]))+?(?<!`)\1(?!`)"),
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


_AT_LEAST_ZWJ = re.compile("[\u200d-\U0010ffff]")
_URL_HINT = re.compile(r"https?://|www\.|\.(?:ru|рф|su|com|org|net|info|online|me|cc)\b", re.IGNORECASE)

# A character each kind cannot do without: most posts have no «@» or «#», and the
# regular expressions cost more than these membership tests.
_NEEDS: dict[str, Callable[[str], bool]] = {
    "emails": lambda text: "@" in text,
    "mentions": lambda text: "@" in text,
    "hashtags": lambda text: "#" in text,
    "urls": lambda text: _URL_HINT.search(text) is not None,
    "emoji": lambda text: _AT_LEAST_ZWJ.search(text) is not None,  # U+200D (ZWJ): the lowest code point of the class
    "code": lambda text: "`" in text,
    "quotes": lambda text: ":" in text or "«" in text or "—" in text or "–" in text,
}


_EMAIL_CHAR = re.compile(r"[\w.+-]")


def _email_start(text: str) -> int:
    """Where an e-mail address can first start: the run of its characters before the first «@»
    (a run that ends anywhere else cannot reach an «@»)."""
    start = text.find("@")
    while start > 0 and _EMAIL_CHAR.match(text, start - 1):
        start -= 1
    return start


# Where a match of a kind can first start (its search begins there; lookbehinds still see the
# text before it).  The patterns of these kinds open with a lookbehind or a repeat, which makes
# the regular expression engine try every position before the first «@» or «#».
_FIRST: dict[str, Callable[[str], int]] = {
    "emails": _email_start,
    "mentions": lambda text: text.find("@"),
    "hashtags": lambda text: text.find("#"),
}


_FENCE = re.compile(r"^[ \t]*```([^\n]*)$", re.MULTILINE)


def _fenced_code(text: str) -> list[tuple[int, int, str]]:
    """```-fenced blocks, paired in one pass over the fence lines (a regex search for the
    closing fence from every opening one would be quadratic on a text of unclosed fences)."""
    spans: list[tuple[int, int, str]] = []
    opened: int | None = None
    for m in _FENCE.finditer(text):
        if opened is None:
            opened = m.start()
        elif not m.group(1).strip():  # a closing fence carries no info string
            spans.append((opened, m.end(), "code"))
            opened = None
    return spans


def find(text: str, kinds: Iterable[str] = KINDS) -> list[tuple[int, int, str]]:
    """Sorted ``(start, end, kind)`` spans of protected text."""
    spans: list[tuple[int, int, str]] = []
    for kind in kinds:
        if not _NEEDS[kind](text):
            continue
        if kind == "code":
            spans.extend(_fenced_code(text))
        first = _FIRST[kind](text) if kind in _FIRST else 0
        for m in _PATTERNS[kind].finditer(text, max(first, 0)):
            start, end = m.span()
            # a quote span may start with the spaces after the colon
            while start < end and text[start].isspace():
                start += 1
            if start < end:
                spans.append((start, end, kind))
    spans.sort()
    return spans


class SpanIndex:
    """Sorted, merged spans answering «is this offset inside one?» by bisection.

    Rules test every token of a post against the quotes or links in it; a scan of
    all spans per token made long texts quadratic.
    """

    __slots__ = ("starts", "ends")

    def __init__(self, spans: Iterable[tuple[int, int]]):
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if start >= end:
                continue
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def __bool__(self) -> bool:
        return bool(self.starts)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span shares a code point with ``[start, end)``."""
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.ends[i] > start

    def spans_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """The merged spans that share a code point with ``[start, end)``, in text order."""
        first = max(0, bisect.bisect_right(self.ends, start))
        out: list[tuple[int, int]] = []
        for i in range(first, len(self.starts)):
            if self.starts[i] >= end:
                break
            out.append((self.starts[i], self.ends[i]))
        return out

    def contains(self, offset: int) -> bool:
        """Whether some span has ``start <= offset < end``."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]
