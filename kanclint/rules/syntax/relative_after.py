"""Whether a KC201 rewrite keeps the noun a following «который» clause refers to.

«…проведена встреча с жителями, в ходе которой…»: «которой» agrees with «встреча» in gender and
number, so the clause stays right whatever case the noun takes in the active sentence («провёл
встречу…, в ходе которой»).  The dictionaries may then say the light verb and its noun as one verb
(«встретился с жителями»), and the clause loses its noun; such a rewrite is not offered.
"""

from __future__ import annotations

import re

from kanclint.text.morphology import Parse, parse

_WORDS = re.compile(r"[^\W\d_]+")
# «, которая…», «, в ходе которой…», «, во время которого…»: the relative word within three words
_RELATIVE = re.compile(r"\s*,\s*(?:[^\W\d_]+\s+){0,2}(котор[^\W\d_]*)", re.IGNORECASE)
_GENDERS = ("masc", "femn", "neut")
_VERB_POS = frozenset({"VERB", "PRTS", "INFN"})


def _agrees(noun: Parse, relative: Parse) -> bool:
    if "plur" in relative.grammemes:
        return "plur" in noun.grammemes
    return "sing" in noun.grammemes and any(g in noun.grammemes and g in relative.grammemes for g in _GENDERS)


def antecedent_lost(original: str, replacement: str, after: str) -> bool:
    """Whether a noun of ``original`` that the «который» opening ``after`` may refer to is missing
    from ``replacement`` (compared by lemma)."""
    comma = after.find(",")
    if comma > 0:  # the edit may end before the rest of the clause: «мы встретились [с жителями], в ходе…»
        original, replacement, after = original + after[:comma], replacement + after[:comma], after[comma:]
    found = _RELATIVE.match(after)
    if found is None:
        return False
    relatives = [p for p in parse(found.group(1)) if p.lemma == "который"]
    kept = {p.lemma for w in _WORDS.findall(replacement) for p in parse(w) if p.pos == "NOUN"}
    words = _WORDS.findall(original)
    verbs = [i for i, w in enumerate(words) if any(p.pos in _VERB_POS for p in parse(w)[:1])]
    # the doer before the verb («Главой района … проведён приём, в ходе которого») is not what «который» means
    for word in words[verbs[-1] + 1:] if verbs else words:
        readings = [p for p in parse(word) if p.pos == "NOUN"]
        if any(_agrees(n, r) for n in readings for r in relatives) and not {n.lemma for n in readings} & kept:
            return True
    return False
