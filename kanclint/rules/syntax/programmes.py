"""Whether a doer-less passive builds something under a programme of a higher level, so «мы» is a guess.

«Здание построено по программе модернизации первичного звена здравоохранения» on a district's page:
such a building is ordered and paid for by the region or the state, and its builder is their
contractor; «Мы построили здание» would take their act.  A school buying desks with a subsidy
(«Парты закуплены по краевой программе») buys them itself, so only building verbs count here; a
programme of the author's own level («по муниципальной программе») keeps «мы».  The third person
plural («построили») says nothing wrong.
"""

from __future__ import annotations

from kanclint.rules.syntax.passive_detection import _Passive
from kanclint.text.document import Sentence

_BUILDING = frozenset({"построить", "строить", "возвести", "возводить", "реконструировать", "выстроить",
                       "создать", "создавать"})
_PROGRAMMES = frozenset({"программа", "госпрограмма", "нацпроект", "проект"})
_OWN_LEVEL = frozenset({"муниципальный", "районный", "городской", "поселковый", "сельский", "наш", "свой"})


def built_under_programme(sentence: Sentence, f: _Passive) -> bool:
    """«Здание построено по программе модернизации…», «ФАП возведён в рамках нацпроекта»."""
    if f.lemma not in _BUILDING:
        return False
    words = sentence.words
    for i, t in enumerate(words):
        if t.lemma in _PROGRAMMES and not any(w.lemma in _OWN_LEVEL for w in words[max(0, i - 2):i]):
            return True
    return False
