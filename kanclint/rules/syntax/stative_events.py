"""KC201: a participle that usually tells a state tells an act when «был» or «будет» makes it one.

«В издании представлены пословицы», «музей основан в 1921 году» say how things are, and stay
(:data:`~kanclint.rules.syntax.impersonal_rewrite.STATIVE`).  «Все рисунки будут представлены
на выставке» announces an act to come: «Все рисунки представят на выставке»; «Сборник будет издан к
юбилею» → «Сборник издадут к юбилею»; «Отопление будет включено» → «Отопление включат».

Only the future and only these verbs: the past «Музей был основан в 1921 году», «Выставка была
представлена в фойе» is history or a state again (kept); a book «будет написана» has one author (no
«напишут»), and damage «будет повреждена» has no people to name.
"""

from __future__ import annotations

from kanclint.rules.syntax.passive_detection import _Passive

# announced acts: «будут представлены», «будет издан», «будет включён в программу»
_FUTURE_ACTS = frozenset({"представить", "издать", "включить"})


def told_as_act(f: _Passive) -> bool:
    """Whether the future auxiliary turns the state participle ``f`` into an act with an unnamed doer."""
    if f.reflexive or f.aux is None or f.aux.lemma != "быть" or f.conj:
        return False
    return "futr" in f.aux.grammemes and f.lemma in _FUTURE_ACTS
