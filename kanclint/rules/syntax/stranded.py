"""A participle the active rewrite of a passive would leave behind in the nominative.

The old subject becomes the object and goes to the accusative; a participle clause that agreed
with it must follow it there («проведена экскурсия, посвящённая…» → «провели экскурсию,
посвящённую…»).  When the clause does not stand right after the object, the rewrite cannot move
it with certainty, and a sentence where it agrees with nothing is worse than the passive.
"""

from __future__ import annotations

from typing import Sequence

from kanclint.rules.syntax.morph import _inflect, _reading
from kanclint.text.document import Sentence, Token


def stranded_participle(sentence: Sentence, subject: Token, end: int) -> bool:
    """A participle after the edit that agrees with the old subject in the nominative and whose
    accusative differs: «проведена экскурсия для школьников, посвящённая Дню Победы» → «провели
    экскурсию для школьников, посвящённая…» would leave it agreeing with nothing, so the rewrite
    is not offered.  «изучены проекты, присланные…» reads the same in the accusative and stays."""
    head = _reading(subject, "NOUN", "nomn")
    if head is None:
        return False
    agree = head.grammemes & {"sing", "plur"} | (head.grammemes & {"masc", "femn", "neut"} if "sing" in head.grammemes else set())
    want = {"accs"} | (head.grammemes & {"anim", "inan"} if head.grammemes & {"masc", "plur"} else set())
    for t in sentence.tokens:
        if t.start >= end and t.is_word and t.parses and t.parses[0].pos == "PRTF":
            best = t.parses[0]
            if "nomn" in best.grammemes and agree <= best.grammemes and _inflect(best, want) != t.text.lower():
                return True
    return False


# what a noun of help or support is, told after it: «помощь в виде питания», «поддержка в размере 5 000»
_AS_WHAT = frozenset({"виде", "форме", "размере", "сумме"})


def described_as(sentence: Sentence, noun: Token) -> bool:
    """Whether «в виде», «в форме», «в размере» follow ``noun`` and lean on it: said as one verb, the
    noun is gone and the phrase has nothing to describe."""
    tokens = sentence.tokens
    at = sentence.position(noun) + 1
    return at + 1 < len(tokens) and tokens[at].key == "в" and tokens[at + 1].key in _AS_WHAT


def genitive_next(sentence: Sentence, noun: Token) -> bool:
    """Whether a word that can be a genitive follows ``noun`` (its object: «проверка готовности»)."""
    at = sentence.position(noun) + 1
    return at < len(sentence.tokens) and any("gent" in p.grammemes for p in sentence.tokens[at].parses)


def genitive_left_by_doer(sentence: Sentence, agent_tokens: Sequence[Token], subject_tokens: Sequence[Token]) -> bool:
    """A genitive right after the doer that the parse hung elsewhere: «проводиться инструкторами
    спорткомплекса» → «Инструкторы будут проводить занятия спорткомплекса» (judge h28)."""
    last = max(agent_tokens, key=lambda t: t.end)
    taken = {t.start for t in (*agent_tokens, *subject_tokens)}
    at = sentence.position(last) + 1
    return at < len(sentence.tokens) and sentence.tokens[at].start not in taken and genitive_next(sentence, last)


def phrase_after_subject(sentence: Sentence, subject_tokens: Sequence[Token], group: Sequence[Token]) -> bool:
    """A prepositional phrase between a subject with a genitive chain and its verb: «Вопрос
    безопасности детей на пути в школу поднимался жителями» — the phrase is the children's way,
    and the active rewrite would hang it on the new subject («Жители на пути в школу поднимали…»,
    judge h32).  The parse cannot tell, so the passive stays."""
    nouns = [t for t in subject_tokens if t.is_word and t.parses and t.parses[0].pos == "NOUN"]
    last = max(subject_tokens, key=lambda t: t.end)
    if len(nouns) < 2 or last.start > group[0].start:
        return False
    at = sentence.position(last) + 1
    return at < len(sentence.tokens) and sentence.tokens[at].pos == "PREP" and sentence.tokens[at].start < group[0].start


# «с участием», «с привлечением», «с помощью»: who took part or helped, never what an act was on
WITH_WHOM = frozenset({"участием", "привлечением", "помощью", "использованием", "применением"})


def participants_next(sentence: Sentence, noun: Token) -> bool:
    """«проверка с участием родителей»: after the noun, who took part, not what it was on."""
    at = sentence.position(noun) + 1
    keys = [t.key for t in sentence.tokens[at:at + 2]]
    return len(keys) == 2 and keys[0] in ("с", "со") and keys[1] in WITH_WHOM


def continues_object(sentence: Sentence, end: int) -> bool:
    """A word after the rewritten span that goes on with the object («… помощь [с начала года] 412
    семьям»): a phrase moved after the object would split them, so it goes before the verb.  Before
    a phrase of its own («извлекли пострадавшего из воды через 3 минуты») it stays after the object
    (judge h46)."""
    following = [t for t in sentence.tokens if t.start >= end][:1]
    return bool(following) and following[0].text[:1].isalnum() and following[0].pos != "PREP"


_ACTIVITY_ENDINGS = ("ние", "тие")
_ACTIVITIES = frozenset({"работа", "помощь", "забота", "борьба", "охрана", "экспертиза", "реставрация", "проверка"})


def agent_attached_elsewhere(sentence: Sentence, agent: Token) -> bool:
    """The instrumental may hang on the noun before it, not on the passive: «после проведения
    реставрационных работ специалистами центра» (the works' doers, judge h54), «профилактики поведения
    несовершеннолетних специалистами центра проведены» (a genitive chain runs into the doer)."""
    at = sentence.position(agent) - 1
    tokens = sentence.tokens
    while at >= 0 and tokens[at].is_word and tokens[at].parses and tokens[at].parses[0].pos in ("ADJF", "PRTF") \
            and "ablt" in tokens[at].parses[0].grammemes:
        at -= 1  # the doer's own adjectives
    if at < 0 or not tokens[at].is_word or not tokens[at].parses:
        return False
    before = tokens[at].parses[0]
    if before.pos == "NOUN" and (before.lemma.endswith(_ACTIVITY_ENDINGS) or before.lemma in _ACTIVITIES):
        return True
    if "gent" not in before.grammemes or before.pos not in ("ADJF", "PRTF"):
        return False  # only a word standing for people («несовершеннолетних») may run on from a chain
    prev = tokens[at - 1] if at > 0 else None
    return prev is not None and prev.is_word and bool(prev.parses) and prev.parses[0].pos == "NOUN"
