"""Notices of a service said as what the reader may do: «Запись осуществляется по телефону» →
«Записаться можно по телефону», «Осуществляется подача заявок» → «Можно подать заявки».

«Записывают по телефону» (the third person plural) says no more than the passive, and «мы
записываем» is a guess about who answers the phone; the reader's own verb with «можно» is how
such a notice is said aloud.  The nouns and the reader's verbs are data (``modal-notices`` in
dictionaries/lexicon/syntax.toml; «подать:accs» takes the noun's genitive object in the
accusative: «подача заявок» → «подать заявки»).  Only the plain shape is rewritten: the bare noun
(no adjective but «предварительная», which says «заранее»: «Записаться заранее можно по телефону»), its object if the verb takes one, at most a phrase with
«на» or «в» that the verb takes as it is («запись на приём» → «записаться на приём»), present
or future tense («будет осуществляться» → «можно будет»), no «не».  A payment due by a date («Оплата производится до 25 числа») is an obligation,
not a permission, and is left alone.
"""

from __future__ import annotations

from kanclint.lexicon import word_list, word_map
from kanclint.model import Edit
from kanclint.rules.phrases.clauses import _into, _noun_phrase
from kanclint.rules.syntax.rewrite_objects import _Subject
from kanclint.rules.syntax.passive_detection import _Passive
from kanclint.text.document import Sentence, Token
from kanclint.text.inflection import capitalise

_SERVICE_VERBS = frozenset({"осуществлять", "производить", "проводить", "вести"})
_PLACE_PREPOSITIONS = frozenset({"на", "в", "во"})
_AFTER_VERB_FIRST = frozenset({"на", "в", "во", "с", "со", "до", "по", "через", "только", "онлайн"})
_PHRASE_POS = frozenset({"NOUN", "ADJF", "PRTF"})
_DEADLINES = frozenset({"до", "позднее", "срок"})
# what the reader owes by a date («Уплата налога производится до 1 декабря», «Прохождение техосмотра …
# до 1 марта»): with a deadline a duty, never «можно»; a payment is the reader's only when said how
_DUTIES = frozenset({"оплатить", "уплатить", "пройти"})
_PAYMENTS = frozenset({"оплатить", "уплатить"})
# how a reader pays: only then is «Оплата осуществляется…» a notice to the reader
_PAYING_WAYS = frozenset({"наличные", "наличными", "карта", "перевод", "терминал", "касса", "банкомат", "сайт",
                          "приложение", "госуслуга", "qr-код", "онлайн", "банк", "кабинет", "через", "ежемесячно",
                          "помощью", "платёж"})  # «с помощью единого налогового платежа»


def modal_notice(sentence: Sentence, f: _Passive, subject: _Subject, group: list[Token], tense: str) -> Edit | None:
    """The «можно» rewrite of a service notice, or ``None`` when the sentence is not one."""
    manner = _manner(subject)
    if not f.reflexive or f.lemma not in _SERVICE_VERBS or manner is None:
        return None
    # «Запись будет осуществляться по телефону» → «Записаться можно будет…»: the future of the same
    # notice, «будет» right before the infinitive (an adverb between is no plain shape)
    future = tense == "futr" and f.aux is not None and f.reading.pos == "INFN" and group == [f.aux, f.verb] \
        and sentence.position(f.verb) == sentence.position(f.aux) + 1 and f.aux.key == "будет"
    if tense != "pres" and not future:
        return None
    mapped = word_map("modal-notices").get(subject.head.lemma)
    if mapped is None or not any(p.pos == "NOUN" and {"nomn", "sing"} <= p.grammemes for p in subject.head.parses):
        return None  # «Возврат» reads first as an accusative: the subject's reading is any nominative one
    verb, _, case = mapped.partition(":")
    tokens = sentence.tokens
    head, first, last = (sentence.position(t) for t in (subject.head, group[0], group[-1]))
    if first > 0 and tokens[first - 1].key == "не" or head > 0 and tokens[head - 1].key == "не":
        return None
    if verb in _DUTIES and (any(t.key in _DEADLINES for t in tokens[last + 1:])
                            or verb in _PAYMENTS and not any(t.key in _PAYING_WAYS or t.lemma in _PAYING_WAYS for t in tokens[last + 1:])):
        return None  # «до 25 числа»: a duty; «из средств бюджета»: not the reader's payment at all
    if head < first:  # «Запись [на приём] осуществляется по телефону», «Подача заявок осуществляется…»
        said = _verb_phrase(tokens, head + 1, first, verb, case)
        if said is None:
            return None
        modal = "можно будет" if future else "можно"
        opening = subject.modifiers[0][0] if subject.modifiers else subject.head
        said = " ".join(w for w in (said, manner, modal) if w)
        start, end, capital = opening.start, group[-1].end, opening.text[:1].isupper()
    elif manner:
        return None
    elif head == last + 1:  # «Осуществляется запись [в кружки]», «Осуществляется подача заявок»
        said, object_end = _verb_with_object(tokens, head + 1, verb, case)
        if said is None:
            return None
        after = tokens[object_end] if object_end < len(tokens) else None
        if after is not None and after.is_word and after.key not in _AFTER_VERB_FIRST:
            return None  # «осуществляется запись детей»: «записаться детей» has no place for them
        end = tokens[object_end - 1].end if object_end > head + 1 else subject.head.end
        modal = "можно будет" if future else "можно"
        said, start, capital = f"{modal} {said}", group[0].start, group[0].text[:1].isupper()
    else:
        return None
    return Edit(start, end, capitalise(said) if capital else said)


# an adjective of the service that the reader's verb says as an adverb: «предварительная запись» → «записаться заранее»
_MANNER = {"предварительный": "заранее"}


def _manner(subject: _Subject) -> str | None:
    """``""`` for a bare noun, the adverb of its one manner adjective right before it, else ``None``."""
    if not subject.modifiers:
        return ""
    if len(subject.modifiers) > 1:
        return None
    token, reading = subject.modifiers[0]
    return _MANNER.get(reading.lemma) if token.end < subject.head.start else None


def _verb_with_object(tokens: list[Token], i: int, verb: str, case: str) -> tuple[str | None, int]:
    """The reader's verb and, when it takes one, the noun's genitive object from ``tokens[i]`` in
    ``case``; with the index after the object."""
    if not case:
        return verb, i
    if i >= len(tokens) or not tokens[i].is_word or not any("gent" in p.grammemes for p in tokens[i].parses):
        return verb, i  # «Оплата осуществляется наличными» → «Оплатить можно наличными»: no object said
    found = _noun_phrase(tokens, i)
    if found is None or any(t.text[:1].isupper() for t, _ in found[0]) \
            or found[0][-1][1].lemma not in word_list("modal-notice-objects"):
        return None, i  # «подача воды», «оплата труда»: no service the reader asks for
    obj = _into(found[0], case)
    return (f"{verb} {obj}" if obj is not None else None), found[1]


def _verb_phrase(tokens: list[Token], i: int, stop: int, verb: str, case: str) -> str | None:
    """The words from ``tokens[i]`` up to the verb group (``stop``) said after the reader's verb."""
    said, i = _verb_with_object(tokens, i, verb, case)
    between = tokens[i:stop]
    if said is None or between and not _place_phrase(between, verb):
        return None  # «оплата услуг»: a genitive the verb cannot take as it is
    return " ".join([said, *(t.text for t in between)])


def _place_phrase(words: list[Token], verb: str) -> bool:
    """«на приём [к врачу]», «в кружок рисования»: a phrase with «на» or «в» of plain words, which
    keeps its case after the verb as it had after the noun.  After «в» the noun must be a group one
    joins («в кружок», «в школу»): «запись в журнал» is an entry in a log, not a sign-up; «к» goes
    only with «записаться» («запись к врачу» → «записаться к врачу»)."""
    to_whom = verb == "записаться" and words[0].key in ("к", "ко")
    if not (words[0].key in _PLACE_PREPOSITIONS or to_whom) or not 2 <= len(words) <= 6:
        return False
    if not all(t.is_word and not t.protected and (t.pos in _PHRASE_POS or t.key in ("к", "ко")) for t in words[1:]):
        return False
    noun = next((t for t in words[1:] if t.pos == "NOUN"), None)
    return words[0].key == "на" or to_whom or noun is not None and noun.lemma in word_list("sign-up-places")
