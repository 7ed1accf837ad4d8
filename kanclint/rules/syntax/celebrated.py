"""KC201: a holiday «отмечается» — people keep it, so Russian says «отмечают».

«В России этот день отмечается как День семьи» → «В России этот день отмечают как День семьи»,
«ко Дню посёлка, который отмечается в августе» → «ко Дню посёлка, который отмечают в августе».
Elsewhere «отмечаться» is a middle verb (:data:`~kanclint.rules.syntax.words.MIDDLE_REFLEXIVES`:
«участники отмечаются на входе», «в отчёте отмечается рост»), so only a holiday as its subject
turns it: a masculine or plural noun of :data:`HOLIDAYS` in the verb's clause (its accusative reads
as written, only the verb changes), or «который» / «которые» right after such a noun and a comma.
Left alone: an instrumental beside the verb («праздник отмечается концертом»: how, or who; a
pronoun too: «отмечается не всеми»), a
second nominative in the clause, the future «будет отмечаться».
"""

from __future__ import annotations

from kanclint.model import Applicability, Diagnostic, Edit, Fix, Severity
from kanclint.rules.base import Rule
from kanclint.rules.syntax.passive_detection import _CLAUSE_BREAKS, _after_preposition
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.grammar import PERSON_NAMES
from kanclint.text.inflection import capitalise

HOLIDAYS = frozenset({"день", "праздник", "юбилей"})
_ACTIVE = {"pres": "отмечают", "past": "отмечали"}
_RELATIVES = {"который": "sing", "которые": "plur"}
_PROPER = PERSON_NAMES | {"Geox", "Orgn"}  # «5 мая» is no «Мая», «в Республике Карелия» names a place


def _holiday(token: Token, number: str, case: str = "nomn") -> bool:
    return token.is_word and any(p.pos == "NOUN" and p.lemma in HOLIDAYS and {case, number} <= p.grammemes
                                 and "femn" not in p.grammemes for p in token.parses)


def _instrumental(token: Token) -> bool:
    """A noun or a pronoun read first in the instrumental: how the day is kept, or by whom («всеми»)."""
    best = token.parses[0] if token.is_word and token.parses else None
    return best is not None and "ablt" in best.grammemes and (
        best.pos in ("NOUN", "NPRO") or best.pos == "ADJF" and "Subx" in best.grammemes)


def _nominative_noun(token: Token) -> bool:
    return token.is_word and token.pos == "NOUN" and any(
        p.pos == "NOUN" and "nomn" in p.grammemes and not p.grammemes & _PROPER for p in token.parses[:3])


def _clause(sentence: Sentence, at: int, step: int) -> list[int]:
    """Positions of the words of the verb's clause on one side of it (up to punctuation or another verb)."""
    out, tokens = [], sentence.tokens
    j = at + step
    while 0 <= j < len(tokens) and tokens[j].text not in _CLAUSE_BREAKS and tokens[j].pos not in ("VERB", "INFN"):
        out.append(j)
        j += step
    return out


def _antecedent(sentence: Sentence, comma: int, number: str) -> bool:
    """«Дню карельских рун, который»: a holiday noun before the comma, only genitives between."""
    tokens = sentence.tokens
    j = comma - 1
    while j >= 0 and comma - j <= 6 and tokens[j].is_word:
        if any(p.pos == "NOUN" and p.lemma in HOLIDAYS and number in p.grammemes for p in tokens[j].parses):
            return True
        if tokens[j].key != "и" and not any("gent" in p.grammemes for p in tokens[j].parses):
            return False  # «Днём карельской и вепсской письменности»: genitives joined by «и»
        j -= 1
    return False


def holiday_kept(sentence: Sentence, verb: Token) -> bool:
    """Whether ``verb`` is «отмечается / отмечаются / отмечался…» of a holiday."""
    if not verb.parses or verb.parses[0].lemma != "отмечаться" or verb.parses[0].pos != "VERB":
        return False
    g = verb.parses[0].grammemes
    number = "plur" if "plur" in g else "sing"
    tokens = sentence.tokens
    at = sentence.position(verb)
    before, after = _clause(sentence, at, -1), _clause(sentence, at, 1)
    if any(tokens[i].key == "как" for i in after):  # «отмечается как День семьи»: what it is called, not its subject
        after = after[:[tokens[i].key for i in after].index("как")]
    if any(_instrumental(tokens[j]) and not _after_preposition(tokens, j) for j in before + after):
        return False  # «праздник отмечается концертом», «отмечается жителями», «не всеми», «нами»
    j = before[-1] if before else at  # ``before`` runs from the verb back to the clause's start
    if before and tokens[j].key in _RELATIVES and j >= 1 and tokens[j - 1].text == ",":
        rest = [i for i in before[:-1] if tokens[i].pos not in ("ADVB", "PRCL")]  # «который ежегодно отмечается»
        return not rest and _RELATIVES[tokens[j].key] == number and _antecedent(sentence, j - 1, number) and not any(
            _nominative_noun(tokens[i]) for i in after)
    subjects = [i for i in before if _nominative_noun(tokens[i]) and not _after_preposition(tokens, i)]
    later = [i for i in after if _nominative_noun(tokens[i]) and not _after_preposition(tokens, i)]
    if subjects:
        return len(subjects) == 1 and _holiday(tokens[subjects[0]], number) and not later
    return bool(later) and _holiday(tokens[later[0]], number)


def celebrated(rule: Rule, document: Document, sentence: Sentence, verb: Token) -> Diagnostic | None:
    """The finding for a holiday's «отмечается», with «отмечают» as its fix; ``None`` for any other verb."""
    if not holiday_kept(sentence, verb):
        return None
    said = _ACTIVE["past" if "past" in verb.parses[0].grammemes else "pres"]
    if verb.text[:1].isupper():
        said = capitalise(said)
    message = (f"Пассив «{verb.text}»: праздник отмечают люди. Скажите, как в разговоре: «{said}».")
    fix = Fix(f"Заменить на «{said}»", (Edit(verb.start, verb.end, said),), Applicability.UNSAFE)
    return rule.diagnostic(document, verb.start, verb.end, message, fix=fix, suggestions=[said], severity=Severity.INFO)
