"""What the one verb of a rewrite takes from the verbal noun it replaces: its object, a dative
recipient, an «о» phrase.

«Была произведена замена труб» → «заменили трубы» carries the object into the accusative;
«пострадавшим оказана помощь» → «пострадавшим помогли» keeps the dative only for a verb that
takes one; «принято решение о…» has no «решили о…»; «Ремонт проведён по проекту» →
«Отремонтировали по проекту» leaves the reader asking what.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kanclint.lexicon import word_list
from kanclint.rules.syntax.passive_detection import _after_preposition, _Passive
from kanclint.rules.syntax.stranded import participants_next
from kanclint.text.document import Sentence, Token
from kanclint.text.morphology import Parse, parse


@dataclass
class _Subject:
    """The old subject: the words that become the object, how they read, and what follows them."""

    tokens: list[Token]  # the words replaced (modifiers, head, and before the verb the rest of the phrase)
    modifiers: list[tuple[Token, Parse]]
    head: Token
    reading: Parse | None  # None for a counted phrase («20 дипломов»): it stays as written
    tail: list[Token] = field(default_factory=list)  # after the verb: genitives a light verb's object needs


_SHORT_NOTICE = 6  # words: a notice this short needs the object to read well actively


def _has_object(subject: _Subject) -> bool:
    """Whether the verbal noun carries its object («выдача справок»), which the new verb takes."""
    after = subject.tokens[subject.tokens.index(subject.head) + 1:] + subject.tail
    for t in after:
        if t.is_word and t.pos == "PREP":
            return False  # «вакцинация против клещевого энцефалита»: the genitive is the preposition's
        if t.is_word and any("gent" in p.grammemes for p in t.parses):
            return True
    return False


# Verbs that take a dative recipient, as the light verb did: «пострадавшим оказали помощь» →
# «пострадавшим помогли».  After any other verb a dative left behind is wrong.
DATIVE_VERBS = frozenset(
    {
        "помочь", "помогать", "содействовать", "посодействовать", "способствовать", "сообщить",
        "сообщать", "рассказать", "рассказывать", "ответить", "отвечать", "вручить", "вручать",
        "выдать", "выдавать", "передать", "передавать", "предоставить", "предоставлять",
        "показать", "показывать", "объяснить", "объяснять", "разъяснить", "разъяснять",
        "посоветовать", "советовать", "пообещать", "обещать", "выплатить", "выплачивать",
    }
)


# verbs a light verb collapses into that say nothing without their recipient in the dative:
# «Помощь оказана по постановлению» → «Помогли по постановлению» (whom?)
NEEDS_RECIPIENT = frozenset({"помочь", "помогать", "содействовать", "посодействовать"})


def _has_dative(sentence: Sentence, subject: _Subject) -> bool:
    """Whether the clause has a recipient in the dative without a preposition («семьям оказана»)."""
    tokens = sentence.tokens
    mine = {t.start for t in subject.tokens}
    for j, t in enumerate(tokens):
        best = t.parses[0] if t.is_word and t.parses else None
        if best is None or t.start in mine or best.pos not in ("NOUN", "ADJF", "PRTF", "NPRO"):
            continue
        if "datv" in best.grammemes and not _after_preposition(tokens, j) and not _postposed_modifier(tokens, j):
            return True
    return False


def _postposed_modifier(tokens: list[Token], j: int) -> bool:
    """«на улице Лесной», «на улицах Лесной, Садовой и Полевой»: an adjective after a noun that
    follows a preposition names that noun (a locative), it is no recipient in the dative."""
    if tokens[j].pos not in ("ADJF", "PRTF"):
        return False
    k = j - 1
    while k >= 0 and (tokens[k].text in (",", "и") or (tokens[k].is_word and tokens[k].pos in ("ADJF", "PRTF"))):
        k -= 1
    return k >= 1 and tokens[k].is_word and tokens[k].pos == "NOUN" and _after_preposition(tokens, k)


# verbs of advice that say nothing without what is advised: «даны рекомендации руководителям» →
# «посоветовали руководителям» (what?); «рекомендовано родителям не отправлять…» keeps its infinitive
NEEDS_CONTENT = frozenset({"посоветовать", "советовать", "порекомендовать", "рекомендовать"})


def content_after(sentence: Sentence, last: Token) -> bool:
    """Whether an infinitive or a «что»/«чтобы» clause follows the verbal noun in its sentence."""
    return any(t.pos == "INFN" or t.key in ("что", "чтобы")
               for t in sentence.tokens[sentence.position(last) + 1:] if t.is_word)


# One verbs that take no «о» phrase, though their nouns do: «решение о…», «поручение о…»
_NO_ABOUT = frozenset({"решить", "решать", "поручить", "поручать"})


def _about_after(sentence: Sentence, last: Token) -> bool:
    """Whether an «о»/«об» phrase follows the verbal noun: it belongs to the noun."""
    at = sentence.position(last) + 1
    return at < len(sentence.tokens) and sentence.tokens[at].key in ("о", "об", "обо")


# verbs pymorphy3 reads as intransitive («рассчитывать на помощь») that here need what is counted:
# «расчёт производится по среднему» → «рассчитывают по среднему» (what?) (judge h51)
_COUNTED_THINGS = frozenset({"рассчитывать", "рассчитать", "пересчитывать", "пересчитать"})


def _object_missing(sentence: Sentence, subject: _Subject, said: str, subject_first: bool, last: Token) -> bool:
    """Whether the one verb is transitive but the verbal noun named no object for it.

    «Ремонт проведён по проекту» → «Отремонтировали по проекту» and «в школах проводится
    вакцинация.» → «в школах прививают.» leave the reader asking what: the noun stood for
    the thing of the previous sentence, or for the whole activity.  A noun after the verb
    with words of its own behind it («осуществляется запись на диспансеризацию») still
    reads whole, so only a noun before the verb or one that ends the sentence is held back.
    A «к» phrase right after it is the noun's goal, not an object: «осуществляется подготовка
    к севу» → «готовят к севу» reads as a service to people («готовят к экзаменам»); a finished
    act («не подготовили к зиме») keeps the reader on the thing of the sentence.
    """
    if _has_object(subject):
        return False
    for word in said.split():
        readings = parse(word)
        if readings and readings[0].pos == "VERB":
            if "tran" not in readings[0].grammemes and readings[0].lemma not in _COUNTED_THINGS:
                return False
            ongoing = "impf" in readings[0].grammemes
            break
    else:
        return False
    if subject_first:
        return True
    at = sentence.position(last) + 1
    if ongoing and at < len(sentence.tokens) and sentence.tokens[at].key in ("к", "ко"):
        return True
    if participants_next(sentence, last):
        return True  # «проведена проверка с участием родителей» → «проверили с участием…» (what?, judge h39)
    return all(not t.is_word for t in sentence.tokens[at:])


def _new_verb(phrase: str) -> str | None:
    """The lemma of the first finite verb of ``phrase`` («мы поможем пострадавшим» → «помочь»)."""
    for word in phrase.split():
        readings = parse(word)
        if readings and readings[0].pos == "VERB":
            return readings[0].lemma
    return None


# papers of a notice's rule in the present: «Заявки принимаются до 10 мая» → «Заявки принимают до 10 мая»
_NOTICE_PAPERS = word_list("papers-from-readers") | {"ответ", "предложение", "обращение", "рисунок"}


def reads_as_subject(f: _Passive, subject: _Subject, obj: str) -> bool:
    """A plural kept before a plural verb in a form the nominative shares, where it reads as the
    doer: a notice's rule in the present («Экскурсии проводят по записи»; not papers a reader hands
    in: «Заявки принимают до 10 марта» reads right), or a plural of activities before a verb that
    only says «did» («Работы выполнили по проекту», lexicon: activity-nouns, doing-verbs).  No singular («Ремонт выполнили») and no
    thing acted on once («Старые деревья спилят в апреле») is taken that way."""
    if subject.reading is None or "plur" not in subject.reading.grammemes or obj.lower() != " ".join(
            t.text for t in subject.tokens).lower():
        return False
    lemma = subject.head.lemma  # «Лучшие работы покажут»: «работы» are also entries, whatever the verb
    if lemma in word_list("works-entries"):
        return True
    if f.reflexive and ("pres" in f.reading.grammemes or f.reading.pos == "INFN"):  # «будут проводиться»: the same notice
        # «Заявки принимают до 10 мая»: papers a reader hands in cannot be read as the ones who act
        return lemma not in _NOTICE_PAPERS
    return lemma in word_list("activity-nouns") and f.lemma in word_list("doing-verbs")
