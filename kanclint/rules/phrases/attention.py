"""KC102: «Мы хотим обратить ваше внимание на X» opening a sentence → «Обратите внимание на X».

The entry ``my-hotim-obratit-vnimanie`` says the phrase inside a sentence as «мы хотим рассказать
про X» («Сегодня мы хотим рассказать про редкую книгу»): a story the author opens.  Opening the
sentence it is a notice, and a notice asks the reader to look: «Обратите внимание на новые часы
работы».  «на» stays, so X keeps its case and its words.
"""

from __future__ import annotations

from kanclint.model import Edit
from kanclint.patterns import Match
from kanclint.text.document import Document, Sentence


def attention_notice(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«Обратите внимание на» for the phrase opening its sentence; ``None`` elsewhere (the entry's
    own «мы хотим рассказать про» stands)."""
    words = sentence.words
    if not words or m.tokens[0] is not words[0] or sentence.tokens[0] is not words[0] or m.tokens[1].key != "хотим":
        return None  # «Мы хотели обратить…»: a past wish is the author's story
    return Edit(m.start, m.end, "Обратите внимание на")
