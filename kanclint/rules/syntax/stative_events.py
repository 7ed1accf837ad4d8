"""KC201: a participle that usually tells a state tells an act when «был» or «будет» makes it one.

«В издании представлены пословицы», «музей основан в 1921 году» say how things are, and stay
(:data:`~kanclint.rules.syntax.impersonal_rewrite.STATIVE`).  «Все рисунки будут представлены
на выставке» announces an act to come: «Все рисунки представят на выставке»; «Сборник будет издан к
юбилею» → «Сборник издадут к юбилею»; «Отопление будет включено» → «Отопление включат».

A display that lasts is a state even in the future: «Выставка будет представлена в фойе до 30
апреля» (on show until then) is no «Выставку представят… до 30 апреля» (read: by then), so
«представить» with a span («до», «по», «в течение», «ежедневно») keeps its passive; so does
«Вниманию гостей будет представлена…», a formula the active would keep («Вниманию гостей представят»).

Only the future and only these verbs: the past «Музей был основан в 1921 году», «Выставка была
представлена в фойе» is history or a state again (kept); a book «будет написана» has one author (no
«напишут»), and damage «будет повреждена» has no people to name.
"""

from __future__ import annotations

from kanclint.rules.syntax.passive_detection import _Passive
from kanclint.text.document import Sentence

# announced acts: «будут представлены», «будет издан», «будет включён в программу»
_FUTURE_ACTS = frozenset({"представить", "издать", "включить",
                          "уничтожить"})  # «Продукция будет уничтожена» is an act to come; «уничтожена баня» a fire's


# words of a span of time or of attention: «до 30 апреля», «с 1 по 15 мая», «в течение месяца», «вниманию»
_SPAN_WORDS = frozenset({"до", "по", "течение", "ежедневно", "постоянно", "вниманию"})


def told_as_act(sentence: Sentence, f: _Passive) -> bool:
    """Whether the future auxiliary turns the state participle ``f`` into an act with an unnamed doer."""
    if f.reflexive or f.aux is None or f.aux.lemma != "быть" or f.conj:
        return False
    if f.lemma == "представить" and any(t.key in _SPAN_WORDS for t in sentence.words):
        return False  # «Выставка будет представлена в фойе до 30 апреля»: on show until then
    return "futr" in f.aux.grammemes and f.lemma in _FUTURE_ACTS
