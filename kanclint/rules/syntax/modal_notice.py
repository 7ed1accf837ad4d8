"""Notices of a service said as what the reader may do: «Запись осуществляется по телефону» →
«Записаться можно по телефону», «Ведётся регистрация на забег» → «Можно зарегистрироваться на забег».

«Записывают по телефону» (the third person plural) says no more than the passive, and «мы
записываем» is a guess about who answers the phone; the reader's own verb with «можно» is how
such a notice is said aloud.  The nouns and their verbs are data (``modal-notices`` in
dictionaries/lexicon/syntax.toml).  Only the plain shape is rewritten: the bare noun (no
adjective: «предварительная запись»), at most a phrase with «на» or «в» that the verb takes as
it is («запись на приём» → «записаться на приём»), present tense, no «не».
"""

from __future__ import annotations

from kanclint.lexicon import word_map
from kanclint.model import Edit
from kanclint.rules.syntax.rewrite_objects import _Subject
from kanclint.rules.syntax.passive_detection import _Passive
from kanclint.text.document import Sentence, Token
from kanclint.text.inflection import capitalise

_SERVICE_VERBS = frozenset({"осуществлять", "производить", "проводить", "вести"})
_PLACE_PREPOSITIONS = frozenset({"на", "в", "во"})
_AFTER_VERB_FIRST = frozenset({"на", "в", "во", "с", "со", "до", "по", "через", "только", "онлайн"})
_PHRASE_POS = frozenset({"NOUN", "ADJF", "PRTF"})


def modal_notice(sentence: Sentence, f: _Passive, subject: _Subject, group: list[Token], tense: str) -> Edit | None:
    """The «можно» rewrite of a service notice, or ``None`` when the sentence is not one."""
    if not f.reflexive or f.lemma not in _SERVICE_VERBS or tense != "pres" or subject.modifiers:
        return None
    verb = word_map("modal-notices").get(subject.head.lemma)
    if verb is None or "nomn" not in subject.head.grammemes or "sing" not in subject.head.grammemes:
        return None
    tokens = sentence.tokens
    head, first, last = (sentence.position(t) for t in (subject.head, group[0], group[-1]))
    if first > 0 and tokens[first - 1].key == "не" or head > 0 and tokens[head - 1].key == "не":
        return None
    if head < first:  # «Запись [на приём] осуществляется по телефону»
        between = tokens[head + 1:first]
        if between and (verb == "оплатить" or not _place_phrase(between)):
            return None  # «оплата услуг»: the genitive would have to become an object
        said = " ".join([verb, *(t.text for t in between), "можно"])
        start, end = subject.head.start, group[-1].end
        capital = subject.head.text[:1].isupper()
    elif head == last + 1:  # «Ведётся запись [в кружки]»
        after = tokens[head + 1] if head + 1 < len(tokens) else None
        if after is not None and after.is_word and after.key not in _AFTER_VERB_FIRST:
            return None  # «ведётся запись детей»: «записаться детей» has no place for them
        said = f"можно {verb}"
        start, end = group[0].start, subject.head.end
        capital = group[0].text[:1].isupper()
    else:
        return None
    return Edit(start, end, capitalise(said) if capital else said)


def _place_phrase(words: list[Token]) -> bool:
    """«на приём», «в кружок рисования»: a phrase with «на» or «в» of plain words, which keeps its
    case after the verb as it had after the noun."""
    return (words[0].key in _PLACE_PREPOSITIONS and 2 <= len(words) <= 4
            and all(t.is_word and not t.protected and t.pos in _PHRASE_POS for t in words[1:]))
