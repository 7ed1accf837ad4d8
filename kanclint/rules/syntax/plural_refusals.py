"""Doer-less passives the third person plural would say wrong, refused by KC201's rewrite.

Each shape was found by editors judging rewrites of their own unseen posts:

* a rate a rule sets («с 1 января устанавливается новый размер выплаты»): «устанавливают» asks who;
* an amount as the subject before the verb: «Наибольшее количество контрактов заключили» reads as a
  slip of agreement («количество … заключили»);
* what the reader does, told with an empty verb: «Приобретение билетов осуществляется в кассах» →
  «Покупают билеты» tells a habit of others, where the post means «билеты можно купить»;
* a subject after the verb that a later «в том числе …», «включая …» goes on listing: «запланировано
  выполнение работ…, в том числе замена лифтов» → «запланировали выполнение…, в том числе замена»
  would need the list re-cased too;
* a body in the instrumental named by a quoted name before the verb («филиалом «Пермэнерго» …
  запланированы»): the doer the parse may miss would stay behind an active verb;
* an act of law in the instrumental: «постановлением Губернатора введён режим» → «ввели» hides the
  governor the act names.
"""

from __future__ import annotations

from typing import Sequence

from kanclint.rules.syntax.passive_detection import _Passive
from kanclint.rules.syntax.rewrite_objects import _Subject
from kanclint.rules.syntax.words import EMPTY_VERBS
from kanclint.text.document import Sentence, Token

_AMOUNTS = frozenset({"количество", "число"})
# a rate a rule sets («устанавливается размер выплаты», «определяется величина прожиточного минимума»)
_SETTING_VERBS = frozenset({"устанавливать", "установить"})
_RATES = frozenset({"размер", "величина", "сумма", "тариф", "норматив", "ставка", "минимум", "порог", "стоимость", "норма"})
# (not «регистрация», «запись»: staff register and enrol people, «Регистрируют участников с 9:00» is right;
# not «подача»: «подача воды» is the utility's)
_READERS_ACTS = frozenset({"приобретение", "покупка", "оплата", "получение", "вход", "посещение",
                           "бронирование"})
_OPENING_QUOTES = frozenset({"«", "\"", "“", "„"})
_ACTS_OF_LAW = frozenset({"постановление", "решение", "приказ", "распоряжение", "указ", "закон"})


def plural_misleads(sentence: Sentence, f: _Passive, subject: _Subject, group: list[Token]) -> bool:
    """Whether «…-ют/-ли» without a subject would mislead for this passive (see the module)."""
    before = subject.tokens[0].start < group[0].start
    if subject.head.lemma in _AMOUNTS and before:
        return True
    if any(t.lemma == "депутатский" for t in subject.tokens):
        return True  # «направлены депутатские запросы»: only the deputy sends them, «направили» hides who (judge h34)
    if f.reflexive and f.lemma in EMPTY_VERBS and subject.head.lemma in _READERS_ACTS:
        return True
    if f.reflexive and f.lemma in _SETTING_VERBS and subject.head.lemma in _RATES:
        return True  # «с 1 января устанавливается новый размер выплаты»: the law sets it, no «they» (judge h16)
    if not before and _list_goes_on(sentence, subject):
        return True
    tokens = sentence.tokens
    if not before and _recipient_reads_as_subject(tokens, group):
        return True  # «станции скорой помощи переданы 12 автомобилей» → «станции … передали»: the station gives (judge h56)
    if any(t.is_word and t.parses and t.parses[0].pos == "NOUN" and "ablt" in t.parses[0].grammemes
           and k + 1 < len(tokens) and tokens[k + 1].text in _OPENING_QUOTES
           for k, t in enumerate(tokens) if t.start < group[0].start):
        return True
    return any(t.is_word and t.start < group[0].start and any(
        p.lemma in _ACTS_OF_LAW and "ablt" in p.grammemes for p in t.parses[:2]) for t in tokens)


def _recipient_reads_as_subject(tokens: Sequence[Token], group: list[Token]) -> bool:
    """A dative singular noun before the verb whose form is also a nominative plural («станции»; «школе»
    is not): before «передали» it reads as the giver."""
    for k, t in enumerate(tokens):
        if t.start >= group[0].start:
            return False
        j = k - 1
        while j >= 0 and tokens[j].is_word and tokens[j].parses and tokens[j].parses[0].pos in ("ADJF", "PRTF"):
            j -= 1  # the noun's adjectives
        if j >= 0 and tokens[j].is_word:
            continue  # «в рамках акции», «гриппа и ОРВИ»: governed or joined, not a bare dative opening the clause
        if t.is_word and t.parses and t.parses[0].pos == "NOUN":
            readings = [p for p in t.parses if p.pos == "NOUN"]
            if any({"datv", "sing"} <= p.grammemes for p in readings) and any({"nomn", "plur"} <= p.grammemes for p in readings):
                return True
    return False


def _list_goes_on(sentence: Sentence, subject: _Subject) -> bool:
    """«в том числе», «включая» after the subject: more of it, in its case, follows."""
    words = [t.key for t in sentence.tokens if t.start >= subject.tokens[-1].end]
    return "включая" in words or any(a == "в" and b == "том" and c == "числе" for a, b, c in zip(words, words[1:], words[2:]))
