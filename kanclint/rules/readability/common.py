"""Platform limits and the prose words the readability rules (KC4xx) measure."""

from __future__ import annotations

import re
from typing import Sequence

from kanclint.text.document import Document, Sentence, Token
from kanclint.text.protection import SpanIndex

DEFAULT_PLATFORM = "vk"

# Hard limits are what the platform refuses to publish; soft targets are what people still read.
HARD_LIMITS: dict[str, int] = {"telegram": 4096, "telegram-caption": 1024}
SOFT_LIMITS: dict[str, int] = {"vk": 1500, "ok": 1500, "telegram": 1500, "telegram-caption": 800}
PLATFORM_WHERE = {  # «в …»
    "vk": "ВКонтакте",
    "ok": "Одноклассниках",
    "telegram": "Telegram",
    "telegram-caption": "подписи к фото в Telegram",
}
PLATFORM_FOR = {  # «для …»
    "vk": "ВКонтакте",
    "ok": "Одноклассников",
    "telegram": "Telegram",
    "telegram-caption": "подписи к фото в Telegram",
}

_VOWEL_RE = re.compile("[аеёиоуыэюяaeiouy]", re.IGNORECASE)
# links, addresses, mentions and hashtags are not words a reader reads as prose
_NON_PROSE = frozenset({"urls", "emails", "mentions", "hashtags", "code"})


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _word_start(text: str, offset: int) -> int:
    """Back to the start of the word ``offset`` falls in: a cut word does not fit either."""
    while offset > 0 and not text[offset - 1].isspace() and not text[offset].isspace():
        offset -= 1
    while offset < len(text) and text[offset].isspace():
        offset += 1
    return offset



def _non_prose_spans(document: Document) -> SpanIndex:
    return SpanIndex((s, e) for s, e, kind in document.protected_spans if kind in _NON_PROSE)


def _prose_words(sentence: Sentence, skip: SpanIndex) -> Sequence[Token]:
    """Words and numbers a reader reads, without links and hashtags."""
    if not skip:
        return sentence.content
    return [t for t in sentence.content if not skip.contains(t.start)]
