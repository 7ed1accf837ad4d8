"""KC204 stacked participles: participial clauses piled into one sentence."""

from __future__ import annotations

from typing import Iterator

from kanclint.model import Diagnostic, Severity
from kanclint.rules.base import Rule
from kanclint.rules.syntax.morph import _best, is_verbal_noun
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.grammar import CASES, NUMBERS
from kanclint.text.russian import plural

# -- KC204 stacked participles -------------------------------------------------------------

class StackedParticiples(Rule):
    """KC204: participial clauses stack up the sentence and push the point to its end.

    Two or more participles with their own dependents in one sentence, or a
    single participle that governs a verbal noun («направленных на
    обеспечение…»), which starts a chain of actions no one performs.

    Morphology is enough here, without the parse: a participle opens a clause
    when the next words are a preposition or a noun it does not agree with
    («направленные на…», «проводимые администрацией»), and the clause runs to
    the next punctuation mark (Russian sets a postposed clause off with commas)
    or to the noun a preposed clause describes.
    """

    code = "KC204"
    name = "stacked-participles"
    category = "verbal-noun"
    severity = Severity.INFO
    title = "Нагромождение причастных оборотов"
    what = "Два и больше причастных оборота в одном предложении или оборот вроде «направленных на обеспечение…»."
    why = (
        "Причастный оборот — книжная конструкция: читатель должен удержать определяемое слово, "
        "пока дочитывает оборот. Два оборота подряд или оборот с отглагольным существительным "
        "превращают пост в документ."
    )
    example = "Мероприятия, направленные на обеспечение безопасности, проводимые администрацией, завершены."
    instead = "Администрация закончила работы. Теперь на улицах безопаснее."
    lexical = False
    max_clause_words = 12

    def check(self, document: Document) -> Iterator[Diagnostic]:
        for sentence in document.sentences:
            clauses = [c for c in (self._clause(sentence, t) for t in self._participles(sentence)) if c]
            if not clauses:
                continue
            if len(clauses) >= 2:
                start = min(c[1] for c in clauses)
                end = max(c[2] for c in clauses)
                listed = ", ".join(f"«{c[0].text}»" for c in clauses[:4])
                message = (
                    f"{plural(len(clauses), 'причастный оборот', 'причастных оборота', 'причастных оборотов')} "
                    f"в одном предложении ({listed}). Разбейте предложение или замените обороты "
                    f"глаголами: «которые…», «чтобы…», «мы сделали…»."
                )
                yield self.diagnostic(document, start, end, message)
                continue
            participle, start, end, verbal = clauses[0]
            if verbal is None:
                continue
            message = (
                f"Оборот «{document.text[start:end]}»: причастие тянет за собой отглагольное "
                f"существительное «{verbal.text}». Назовите действие глаголом, например: «направленные на "
                "улучшение дорог» → «чтобы улучшить дороги»."
            )
            yield self.diagnostic(document, start, end, message)

    @staticmethod
    def _participles(sentence: Sentence) -> list[Token]:
        out = []
        for token in sentence.words:
            best = _best(token)
            if not token.protected and best is not None and best.pos == "PRTF":
                out.append(token)
        return out

    def _clause(self, sentence: Sentence, token: Token) -> tuple[Token, int, int, Token | None] | None:
        """The participle, its clause span and the verbal noun it governs, if it heads a clause."""
        governed = _governed_noun(sentence, token)
        if governed is None:
            return None
        reading = _best(token)
        assert reading is not None
        agree = reading.grammemes & (CASES | NUMBERS)
        tokens = sentence.tokens
        i = sentence.position(governed)
        end = governed.end
        words = 0
        for t in tokens[i + 1:]:
            if not t.is_word or words >= self.max_clause_words:
                break  # punctuation closes a postposed clause
            best = _best(t)
            if best is None or best.pos in ("VERB", "PRTF", "PRTS", "GRND", "CONJ") and t.key not in ("и", "или"):
                break  # a verb or another participle starts the next part of the sentence
            if best.pos == "NOUN" and agree and agree <= best.grammemes:
                break  # «направленные на обеспечение безопасности меры»: the noun the clause describes
            end = t.end
            words += 1
        verbal = governed if is_verbal_noun(governed) else None
        return token, token.start, end, verbal


def _governed_noun(sentence: Sentence, participle: Token) -> Token | None:
    """The noun right after a participle that the participle governs, by morphology alone."""
    tokens = sentence.tokens
    i = sentence.position(participle) + 1
    reading = _best(participle)
    assert reading is not None
    cases = reading.grammemes & CASES
    preposition = False
    while i < len(tokens) and tokens[i].is_word:
        t = tokens[i]
        best = _best(t)
        if best is None:
            return None
        if best.pos == "PREP" and not preposition:
            preposition = True
        elif best.pos in ("ADJF", "PRTF", "NUMR") or (best.pos == "ADVB" and not preposition):
            pass
        elif best.pos in ("NOUN", "NPRO"):
            if preposition or not (best.grammemes & cases):
                return t
            return None  # «прошедшие выходные»: the noun the participle agrees with
        else:
            return None
        i += 1
    return None
