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
# Sentences this short are easy to follow whatever their words: in a notice of twenty-odd words
# three long ones («среднесуточная», «отопительному», «Госуслугах») decide both numbers, and
# «Пишите короткими предложениями» is advice the author already follows.  The long-word share
# counts only when the sentences are long as well; the index, when they are not short, or when
# it is off the scale (below 0: every word is long, as in a decree).
SHORT_SENTENCE_WORDS = 8.0
LONG_SENTENCE_WORDS = 12.0
OFF_THE_SCALE = 0.0


def hard_to_read(metrics: dict[str, float]) -> bool:
    """Whether :func:`readability_metrics` describe a hard text (see the thresholds above)."""
    if metrics["words"] < MIN_WORDS_FOR_INDEX:
        return False
    ease, share, asl = metrics["reading_ease"], metrics["long_word_share"], metrics["words_per_sentence"]
    if ease < OFF_THE_SCALE:
        return True
    if ease < MIN_EASE and asl > SHORT_SENTENCE_WORDS:
        return True
    return share > MAX_LONG_WORD_SHARE and asl > LONG_SENTENCE_WORDS


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
        f"Индекс удобочитаемости Флеша в адаптации для русского языка ниже {MIN_EASE:.0f} (в предложениях "
        f"в среднем больше {SHORT_SENTENCE_WORDS:.0f} слов) или ниже {OFF_THE_SCALE:.0f}; либо доля длинных "
        f"слов (от {LONG_WORD_SYLLABLES} слогов) выше {MAX_LONG_WORD_SHARE:.0%} в длинных предложениях "
        f"(в среднем больше {LONG_SENTENCE_WORDS:.0f} слов). Текст короче {MIN_WORDS_FOR_INDEX} слов не "
        "оценивается: в коротком посте из коротких предложений пара длинных слов ничего не говорит."
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
        if not hard_to_read(m):
            return
        ease, share = m["reading_ease"], m["long_word_share"]
        shown = str(round(ease) or 0).replace("-", "−")  # a typographic minus, as in the score lines
        start, end = _trimmed(document.text, 0, len(document.text))
        yield self.diagnostic(
            document, start, end,
            f"Текст трудно читать: индекс удобочитаемости {shown} из 100 (нужно не ниже "
            f"{MIN_EASE:.0f}), длинных слов — {share:.0%} (лучше не больше {MAX_LONG_WORD_SHARE:.0%}). "
            "Пишите короткими предложениями и простыми словами: «помочь» вместо «оказать содействие».",
        )
