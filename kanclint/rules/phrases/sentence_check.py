"""Does the sentence still hold together after a phrase is replaced?  The checks in the order they
are tried (each in its own module; agreement in :mod:`.agreement`, see its docstring for the list)."""

from __future__ import annotations

from typing import Sequence

from kanclint.model import Edit
from kanclint.patterns import Match
from kanclint.rules.phrases.agreement import _PREPOSITION_CASES, _agreement, _case, recased_last
from kanclint.rules.phrases.clashes import comparative_clash, modal_without_infinitive, recipient_left_in_dative
from kanclint.rules.phrases.complements import preposition_left_alone, sum_left_in_genitive
from kanclint.rules.phrases.coordination import coordinated_in_old_case
from kanclint.rules.phrases.objects import genitive_object_left, instrumental_object_missing, verb_left_without_object
from kanclint.rules.phrases.predicate_checks import passive_left_beside, passive_with_doer, tense_clash
from kanclint.text.document import Sentence, Token
from kanclint.text.morphology import fold, parse


def agreement_check(
    text: str, sentence: Sentence, matched: Sequence[Token], replacement: str
) -> tuple[str | None, list[tuple[Token, str]]]:
    """Why replacing ``matched`` with ``replacement`` would break the sentence (or ``None``),
    and the words after it to re-inflect so that it agrees."""
    if sum_left_in_genitive(sentence, matched, replacement):
        return "sum-case", []  # «выплату в размере 3 тысяч рублей» → «выплату 3 тысяч рублей»
    if not replacement or fold(replacement) == fold(" ".join(t.text for t in matched)):
        return None, []
    repairs = _agreement(sentence, matched, replacement)
    if repairs is None:
        return "agreement", []
    if passive_with_doer(sentence, matched, replacement):
        return "passive-doer", []
    if passive_left_beside(sentence, matched, replacement):
        return "passive-beside", []
    if tense_clash(sentence, matched, replacement):
        return "tense", []
    if verb_left_without_object(text, matched, replacement):
        return "no-object", []
    if instrumental_object_missing(sentence.tokens, matched, replacement):
        return "instrumental-object", []  # «осуществляющих управление в сфере…» → «управляющих в сфере…»
    if genitive_object_left(sentence.tokens, matched, replacement):
        return "genitive-object", []  # «вывозит твёрдых коммунальных отходов»
    if preposition_left_alone(sentence, matched, replacement):
        return "no-complement", []  # «Обучение бесплатное, по окончании выдаётся…» → «после выдают»
    if modal_without_infinitive(sentence, matched, replacement):
        return "no-infinitive", []
    if recipient_left_in_dative(sentence, matched, replacement):
        return "dative-recipient", []
    if comparative_clash(sentence, matched, replacement):
        return "comparative", []
    if coordinated_in_old_case(sentence, matched, replacement, [word for word, _ in repairs]):
        return "coordination", []
    return None, repairs


def clause_repairs(sentence: Sentence, m: Match, clause: Edit) -> list[Edit] | None:
    """The words after a rewrite of exactly the matched words that must follow it into the new case
    («В связи с обращениями жителей, поступившими…» → «По обращениям жителей, поступившим…», judge h46);
    ``None`` when the sentence cannot be made to agree (the rewrite stays an option).  A rewrite of a
    wider span builds its own sentence and is left as it is."""
    if (clause.start, clause.end) != (m.start, m.end) or not clause.replacement.strip():
        return []
    repairs = recased_last(sentence, m.tokens, clause.replacement.strip())
    if repairs is None:
        return None
    return [Edit(t.start, t.end, form) for t, form in repairs if t.end <= m.start or t.start >= m.end]


def misfits_preposition(sentence: Sentence, matched: Sequence[Token], replacement: str) -> bool:
    """«сведений о контактных данных» → «о контактов»: the form was taken from a word read in two cases
    (genitive or prepositional «данных»), and the preposition before the match governs the other one
    (judge h19).  True when the replacement's first declinable word has no reading the preposition takes."""
    at = sentence.position(matched[0]) - 1
    if at < 0 or not sentence.tokens[at].is_word or sentence.tokens[at].key not in _PREPOSITION_CASES:
        return False
    wanted = _PREPOSITION_CASES[sentence.tokens[at].key]
    for word in replacement.split():
        readings = [p for p in parse(word.strip(".,;:!?«»\"()")) if p.pos in ("NOUN", "ADJF", "PRTF", "NPRO")]
        if readings:
            return not any(_case(p) & wanted for p in readings)
    return False
