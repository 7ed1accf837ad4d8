"""KC203 noun-heavy sentence: a sentence built of verbal nouns and little else."""

from __future__ import annotations

from typing import Iterator, Sequence

from kanclint.model import Diagnostic, Severity
from kanclint.rules.base import Rule
from kanclint.rules.syntax.morph import _is_noun, _is_verb_like, _person_name, is_verbal_noun
from kanclint.rules.syntax.spans import _titles
from kanclint.text.document import Document, Token
from kanclint.text.inflection import capitalise
from kanclint.text.russian import plural

# -- KC203 noun-heavy sentences ------------------------------------------------------------

class NounHeavySentence(Rule):
    """KC203: a sentence of nouns reads like a register entry; verbs carry the action.

    Two signals, one finding per sentence: nouns far outnumbering verbs
    (at least ``min_nouns`` nouns and ``ratio`` × (verbs + 1)), and
    ``min_verbal_nouns`` or more verbal nouns (see :func:`is_verbal_noun`).
    """

    code = "KC203"
    name = "noun-heavy-sentence"
    category = "verbal-noun"
    severity = Severity.INFO
    title = "Предложение из одних существительных"
    what = "Предложение, где существительных намного больше, чем глаголов, или много отглагольных существительных: «проведение», «обеспечение», «реализация»."
    why = (
        "Действие, спрятанное в существительном, читается медленнее: «осуществление контроля за "
        "выполнением» вместо «проверяем, как выполняют». Глагол сразу говорит, кто и что делает."
    )
    example = (
        "Осуществление контроля за проведением работ по благоустройству территории и обеспечение "
        "содержания дорог возложено на администрацию района."
    )
    instead = "Администрация района следит, как благоустраивают улицы и чистят дороги."
    lexical = False
    min_nouns = 8
    ratio = 4
    min_verbal_nouns = 3
    options = {"min-nouns": "min_nouns", "ratio": "ratio", "min-verbal-nouns": "min_verbal_nouns"}

    def check(self, document: Document) -> Iterator[Diagnostic]:
        min_nouns, ratio = self.setting(document, "min-nouns"), self.setting(document, "ratio")
        min_verbal_nouns = self.setting(document, "min-verbal-nouns")
        titles = _titles(document)
        for sentence in document.sentences:
            words = [t for t in sentence.tokens if t.is_word and not t.protected and t.start not in titles]
            if not words:
                continue
            verbal = [t for t in words if is_verbal_noun(t)]
            if len(verbal) < min_verbal_nouns and (not verbal or len(words) < min_nouns):
                continue  # neither test can pass: the nouns counted below are some of ``words``
            nouns = _weighted_nouns(sentence.tokens, titles)
            verbs = sum(1 for t in words if _is_verb_like(t))
            # a verbless list of things («Неделя здоровья: зарядка, салат и игры на воздухе») is a
            # plain list; the register entry hides at least one action in a noun
            heavy = nouns >= min_nouns and nouns >= ratio * (verbs + 1) and bool(verbal)
            many_verbal = len(verbal) >= min_verbal_nouns
            if not heavy and not many_verbal:
                continue
            kept = [t for t in sentence.tokens if not t.protected]  # no emoji or hashtags at the edges
            start, end = kept[0].start, kept[-1].end
            parts = []
            if heavy:
                verb_part = (
                    "ни одного глагола" if verbs == 0
                    else plural(verbs, "глагол", "глагола", "глаголов")
                )
                parts.append(
                    f"{plural(nouns, 'существительное', 'существительных', 'существительных')} и {verb_part}"
                )
            if many_verbal:
                listed = ", ".join(f"«{t.text}»" for t in verbal[:5]) + ("…" if len(verbal) > 5 else "")
                parts.append(
                    f"{plural(len(verbal), 'отглагольное существительное', 'отглагольных существительных', 'отглагольных существительных')} ({listed})"
                )
            message = (
                f"{capitalise('; '.join(parts))}: предложение читается как справка. Верните действие "
                f"глаголам: «проверяем, как идёт ремонт» вместо «осуществление контроля за "
                f"проведением ремонта»."
            )
            yield self.diagnostic(document, start, end, message)


_LIST_JOINERS = frozenset({"и", "или", "либо", "а"})


def _weighted_nouns(tokens: Sequence[Token], titles: frozenset[int]) -> int:
    """Nouns that weigh on a reader; a list of bare items counts as one.

    «концерт, ярмарка, мастер-классы и салют» is an inventory, easy to read;
    the heaviness канцелярит brings is nouns governing nouns.  The sentence is
    cut at punctuation and «и/или/а»; a run of pieces that hold one noun each
    and no preposition or verb is one list and counts once.
    """
    pieces: list[list[Token]] = [[]]
    for t in tokens:
        if not t.is_word or t.key in _LIST_JOINERS:
            if pieces[-1]:
                pieces.append([])
            continue
        if not t.protected and t.start not in titles and not _person_name(t):
            pieces[-1].append(t)
    total = 0
    in_list = False
    for piece in pieces:
        nouns = sum(1 for t in piece if _is_noun(t))
        bare = nouns == 1 and not any(
            t.pos in ("PREP", "NPRO") or _is_verb_like(t) for t in piece
        )
        if bare:
            if not in_list:
                total += 1
            in_list = True
        else:
            total += nouns
            in_list = False if nouns else in_list
    return total
