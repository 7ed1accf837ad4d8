"""Where a passive tells what a text says, not what anyone did: «В документе уделяется внимание…»,
«перечень будет приведён в приложении».  KC201 offers no doer for these."""

from __future__ import annotations

from kanclint.rules.syntax.passive_detection import _after_preposition
from kanclint.text.document import Sentence, Token


# Texts whose content a passive describes: «в документе уделяется внимание…», «в издании собраны…».
TEXT_NOUNS = frozenset(
    {
        "документ", "издание", "статья", "книга", "сборник", "закон", "законопроект", "постановление",
        "письмо", "отчёт", "отчет", "программа", "доклад", "брошюра", "памятка", "выставка", "экспозиция",
        "фильм", "приказ", "положение", "указ", "послание", "приложение", "таблица", "раздел",
    }
)


def _about_a_text(sentence: Sentence, group: list[Token]) -> bool:
    """«В документе уделяется внимание…», «перечень будет приведён в приложении»: the passive tells
    what a text says or where it says it; nobody acts."""
    tokens = sentence.tokens
    end = sentence.position(group[0])
    return any(
        t.lemma in TEXT_NOUNS and "loct" in t.grammemes and _after_preposition(tokens, j)
        and (j < end or _in_a_text(tokens, j))  # after the verb only «в …»: «по программе» is no place
        for j, t in enumerate(tokens) if j < end or j > sentence.position(group[-1])
    )


def _in_a_text(tokens: list[Token], j: int) -> bool:
    """«в приложении», «в новом приложении»: the preposition «в» before the noun and its adjectives."""
    k = j - 1
    while k >= 0 and tokens[k].is_word and tokens[k].pos in ("ADJF", "PRTF"):
        k -= 1
    return k >= 0 and tokens[k].key in ("в", "во")
