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
# the grammemes pymorphy3 gives a person's first name, surname and patronymic
PERSON_NAMES = frozenset({"Name", "Surn", "Patr"})

# Parts of speech by how they inflect.
VERB_FORMS = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})
NOMINAL = frozenset({"NOUN", "NPRO"})
ADJECTIVAL = frozenset({"ADJF", "PRTF", "NUMR"})
DECLINABLE = NOMINAL | ADJECTIVAL  # words that take a case and agree in it

# pymorphy3's grammemes as Universal Dependencies features, for SyntaxToken.feats: plugin
# authors who know UD (natasha's own morphology speaks it) read «Case=Ins», not «ablt».
UD_FEATURES: dict[str, tuple[str, str]] = {
    "nomn": ("Case", "Nom"), "gent": ("Case", "Gen"), "gen2": ("Case", "Gen"), "datv": ("Case", "Dat"),
    "accs": ("Case", "Acc"), "acc2": ("Case", "Acc"), "ablt": ("Case", "Ins"), "loct": ("Case", "Loc"),
    "loc2": ("Case", "Loc"), "voct": ("Case", "Voc"),
    "sing": ("Number", "Sing"), "plur": ("Number", "Plur"),
    "masc": ("Gender", "Masc"), "femn": ("Gender", "Fem"), "neut": ("Gender", "Neut"),
    "anim": ("Animacy", "Anim"), "inan": ("Animacy", "Inan"),
    "perf": ("Aspect", "Perf"), "impf": ("Aspect", "Imp"),
    "past": ("Tense", "Past"), "pres": ("Tense", "Pres"), "futr": ("Tense", "Fut"),
    "1per": ("Person", "1"), "2per": ("Person", "2"), "3per": ("Person", "3"),
    "actv": ("Voice", "Act"), "pssv": ("Voice", "Pass"),
    "indc": ("Mood", "Ind"), "impr": ("Mood", "Imp"),
    "INFN": ("VerbForm", "Inf"), "PRTF": ("VerbForm", "Part"), "PRTS": ("VerbForm", "Part"),
    "GRND": ("VerbForm", "Conv"), "Short": ("Variant", "Short"),
}


def ud_features(grammemes: frozenset[str]) -> dict[str, str]:
    """The UD features of one pymorphy3 reading (``{"Case": "Ins", "Number": "Sing"}``)."""
    feats = dict(UD_FEATURES[g] for g in sorted(grammemes) if g in UD_FEATURES)
    if "PRTS" in grammemes:
        feats["Variant"] = "Short"
    return feats
