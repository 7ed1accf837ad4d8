"""Grammatical constants: pymorphy3's grammemes grouped the way rules and inflection need them.

One place for them (issue #11: the set of cases was spelled out three times).
"""

from __future__ import annotations

# The six cases of school grammar, and pymorphy3's extra ones (second genitive, accusative
# and locative, vocative) with the main case each stands for.
MAIN_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct"})
CASE_ALIAS = {"gen2": "gent", "acc2": "accs", "loc2": "loct"}
CASE_NORMAL = {**CASE_ALIAS, "voct": "nomn"}
CASES = MAIN_CASES | frozenset(CASE_NORMAL)

NUMBERS = frozenset({"sing", "plur"})
GENDERS = frozenset({"masc", "femn", "neut"})
ANIMACY = frozenset({"anim", "inan"})
PERSONS = frozenset({"1per", "2per", "3per"})
TENSES = frozenset({"past", "pres", "futr"})
MOODS = frozenset({"indc", "impr"})

# Parts of speech by how they inflect.
VERB_FORMS = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})
NOMINAL = frozenset({"NOUN", "NPRO"})
ADJECTIVAL = frozenset({"ADJF", "PRTF", "NUMR"})
DECLINABLE = NOMINAL | ADJECTIVAL  # words that take a case and agree in it
