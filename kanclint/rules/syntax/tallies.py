"""A result counted up to now or to a date, which KC201 keeps passive: «На данный момент установлено
20 фонарей», «На 1 декабря зарегистрировано 312 безработных».  «Сейчас установили 20 фонарей» or «На
1 декабря зарегистрировали…» would say it was all done just then."""

from __future__ import annotations

from kanclint.rules.syntax.passive_detection import _Passive
from kanclint.text.document import Sentence

_NOW_WORDS = frozenset({"сейчас", "ныне"})
_NOW_PHRASES = (("на", "данный", "момент"), ("в", "данный", "момент"), ("на", "текущий", "момент"),
                ("в", "настоящее", "время"), ("в", "настоящий", "момент"), ("по", "состоянию", "на"))
# not «на сегодняшний день», «на сегодня»: KC106 says them as «уже», and «Уже выдали 58 сертификатов» reads right


def tally_so_far(sentence: Sentence, f: _Passive) -> bool:
    """«На данный момент установлено 20 фонарей», «Сейчас отремонтировано 3 км», «На 1 декабря
    зарегистрировано 312 безработных»: a result counted up to now or to a date; «Сейчас установили 20
    фонарей», «На 1 декабря зарегистрировали…» would say it was done just then, so the passive stays."""
    if f.reflexive or f.aux is not None or f.reading.pos != "PRTS":
        return False
    keys = [t.key for t in sentence.tokens if t.is_word and t.start < f.verb.start]
    if any(k in _NOW_WORDS for k in keys):
        return True
    before = [t for t in sentence.tokens if t.start < f.verb.start]
    if any(a.key == "на" and b.text[:1].isdigit() for a, b in zip(before, before[1:])):
        return True  # «На 5 августа обмолочено 12 тысяч гектаров»: a tally up to that date
    return any(tuple(keys[i:i + len(p)]) == p for p in _NOW_PHRASES for i in range(len(keys)))


def counted_doers(sentence: Sentence) -> bool:
    """«паспорта готовности получены 214 многоквартирными домами»: a count in the instrumental names who
    did it, and the third person plural would leave it hanging («получили 214 домами», judge h23)."""
    tokens = sentence.tokens
    for i, t in enumerate(tokens):
        if not t.text.isdigit() or (i and tokens[i - 1].is_word and tokens[i - 1].pos == "PREP"):
            continue
        k = i + 1
        while k < len(tokens) and tokens[k].is_word and tokens[k].pos in ("ADJF", "PRTF"):
            k += 1
        noun = tokens[k] if k < len(tokens) and tokens[k].is_word and tokens[k].pos == "NOUN" else None
        if noun is not None and all("ablt" in p.grammemes for p in noun.parses if p.pos == "NOUN"):
            return True  # every noun reading is instrumental: «домами», not «домов»
    return False

