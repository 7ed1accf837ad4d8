"""Length and readability: what makes a reader give up before the first word is judged.

Typography rules (KC401) live in :mod:`.typography`; this package adds post
length against platform limits, long sentences and paragraphs, a readability
index, unexplained abbreviations and CAPS LOCK.

The platform (vk, ok, telegram, telegram-caption) comes from the configuration
through ``Document.platform``; a document without that attribute (a plugin
building its own) is read as :data:`DEFAULT_PLATFORM`.
"""

from __future__ import annotations

from kanclint.rules.readability.capitals import (
    CapsLock,
    UnexplainedAbbreviation,
    is_acronym,
)
from kanclint.rules.readability.common import (
    DEFAULT_PLATFORM,
    PLATFORM_FOR,
    PLATFORM_WHERE,
)
from kanclint.rules.readability.index import HardToRead, readability_metrics, syllables
from kanclint.rules.readability.length import LongParagraph, LongSentence, PostLength
from kanclint.rules.typography import RULES as _TYPOGRAPHY
from kanclint.rules.typography import RepeatedExclamation

RULES = [
    *_TYPOGRAPHY,
    PostLength,
    LongSentence,
    LongParagraph,
    HardToRead,
    UnexplainedAbbreviation,
    CapsLock,
]

__all__ = [
    "DEFAULT_PLATFORM", "PLATFORM_FOR", "PLATFORM_WHERE", "RULES", "CapsLock", "HardToRead", "LongParagraph",
    "LongSentence", "PostLength", "RepeatedExclamation", "UnexplainedAbbreviation", "is_acronym",
    "readability_metrics", "syllables",
]
