"""KC405: the readability index (Flesch, adapted for Russian) and the share of long words."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator

from kanclint.model import Diagnostic, Severity
from kanclint.rules.base import Rule
from kanclint.rules.readability.common import (
    _VOWEL_RE,
    _non_prose_spans,
    _prose_words,
    _trimmed,
)
from kanclint.text.document import Document, Token

# -- KC405 ------------------------------------------------------------------------------

MIN_WORDS_FOR_INDEX = 20  # below this the index of a short notice says nothing
MIN_EASE = 30.0
MAX_LONG_WORD_SHARE = 0.25
LONG_WORD_SYLLABLES = 4


@lru_cache(maxsize=100_000)
def syllables(word: str) -> int:
    """Syllables of a word: its vowels (Russian has no silent vowels, so this is exact enough)."""
    return len(_VOWEL_RE.findall(word))


def readability_metrics(document: Document) -> dict[str, float]:
    """Flesch reading ease adapted to Russian (Oborneva, 2006) and the share of long words.

    ``ease`` = 206.835 − 1.3·ASL − 60.1·ASW, where ASL is words per sentence and
    ASW syllables per word; ``long_word_share`` is the share of words with four
    syllables or more.  Links and hashtags are not counted; numbers are not words
    here (they have no vowels to count).
    """
    skip = _non_prose_spans(document)
    sentences = 0
    words: list[Token] = []
    for sentence in document.sentences:
        in_sentence = [t for t in _prose_words(sentence, skip) if t.is_word]
        if in_sentence:
            sentences += 1
            words.extend(in_sentence)
    n_words = len(words)
    counts = [max(1, syllables(t.text)) for t in words]
    total = sum(counts)
    long_words = sum(1 for c in counts if c >= LONG_WORD_SYLLABLES)
    asl = n_words / sentences if sentences else 0.0
    asw = total / n_words if n_words else 0.0
    ease = 206.835 - 1.3 * asl - 60.1 * asw if n_words else 100.0
    return {
        "sentences": float(sentences),
        "words": float(n_words),
        "syllables": float(total),
        "words_per_sentence": asl,
        "syllables_per_word": asw,
        "reading_ease": ease,
        "long_words": float(long_words),
        "long_word_share": long_words / n_words if n_words else 0.0,
    }


class HardToRead(Rule):
    """KC405: the whole text is hard going, even when no single phrase is wrong."""

    code = "KC405"
    name = "hard-to-read"
    category = "readability"
    severity = Severity.INFO
    title = "Текст трудно читать"
    what = (
        f"Индекс удобочитаемости Флеша в адаптации для русского языка ниже {MIN_EASE:.0f} или доля "
        f"длинных слов (от {LONG_WORD_SYLLABLES} слогов) выше {MAX_LONG_WORD_SHARE:.0%}. Текст короче "
        f"{MIN_WORDS_FOR_INDEX} слов не оценивается."
    )
    why = (
        "Индекс считается по формуле 206,835 − 1,3 × (слов в предложении) − 60,1 × (слогов в слове): "
        "это адаптация формулы Флеша для русского языка (И. В. Оборнева, 2006). Ниже 30 — уровень "
        "научной статьи и официального документа: такой пост большинство читателей не осилит."
    )
    example = (
        "Осуществляется информирование населения относительно необходимости своевременного "
        "предоставления документации для перерасчёта начислений, а непредоставление документации "
        "в установленные сроки влечёт невозможность осуществления перерасчёта."
    )
    instead = "Принесите документы до 1 марта — тогда мы пересчитаем плату."
    lexical = False

    def check(self, document: Document) -> Iterator[Diagnostic]:
        m = readability_metrics(document)
        if m["words"] < MIN_WORDS_FOR_INDEX:
            return
        ease, share = m["reading_ease"], m["long_word_share"]
        if ease >= MIN_EASE and share <= MAX_LONG_WORD_SHARE:
            return
        start, end = _trimmed(document.text, 0, len(document.text))
        yield self.diagnostic(
            document, start, end,
            f"Текст трудно читать: индекс удобочитаемости {ease:.0f} из 100 (нужно не ниже "
            f"{MIN_EASE:.0f}), длинных слов — {share:.0%} (лучше не больше {MAX_LONG_WORD_SHARE:.0%}). "
            "Пишите короткими предложениями и простыми словами: «помочь» вместо «оказать содействие».",
        )
