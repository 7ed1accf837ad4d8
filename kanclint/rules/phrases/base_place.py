"""KC104: «на базе школы прошла встреча» → «в школе прошла встреча».

In a post «на базе» before a place where people gather (a school, a library, a stadium) says only
where something happens: «в школе», «на стадионе».  The same words before anything else mean «based
on» («на базе искусственного интеллекта», «на базе автомобиля»), so the entry matches only the
places of ``dictionaries/lexicon/clauses.toml`` (``base-places``, each with its preposition), and the
rewrite is refused where «на базе» may still mean a foundation: a sentence that creates or
reorganises something («колледж создан на базе двух техникумов»), a capitalised name, a word
pymorphy3 reads two ways.
"""

from __future__ import annotations

from kanclint.lexicon import word_map
from kanclint.model import Edit
from kanclint.patterns import Match
from kanclint.rules.phrases.clauses import _into, _noun_phrase
from kanclint.text.document import Document, Sentence
from kanclint.text.inflection import capitalise
from kanclint.text.russian import preposition_form

# verbs after which «на базе X» is what a new thing grew out of, not where it is
_FOUNDING = frozenset({"создать", "создавать", "образовать", "образовывать", "реорганизовать",
                       "преобразовать", "преобразовывать", "сформировать", "формировать", "объединить",
                       "разработать", "разрабатывать", "построить", "строить"})


def base_place(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«на базе районной библиотеки» → «в районной библиотеке», «на базе стадиона» → «на стадионе»."""
    tokens = sentence.tokens
    if any(t.is_word and any(p.lemma in _FOUNDING for p in t.parses[:1]) for t in tokens):
        return None  # «отделение создано на базе больницы»: what it grew out of, the author's words
    found = _noun_phrase(tokens, sentence.position(m.tokens[1]) + 1)
    if found is None:
        return None
    words, _ = found
    places = word_map("base-places")
    noun = words[-1][1]
    if words[-1][0] is not m.tokens[-1] or noun.lemma not in places or "sing" not in noun.grammemes:
        return None  # «на базе двух школ», a plural: the author's
    if any(t.protected or t.text[:1].isupper() for t, _ in words):
        return None  # «на базе Дома культуры»: a name keeps its letters and its case
    if len(words) == 1 and noun.lemma == "центр":
        return None  # a bare «в центре» reads first as «in the city centre»
    said = _into(words, "loct")
    if said is None:
        return None
    replacement = f"{preposition_form(places[noun.lemma], said) or places[noun.lemma]} {said}"
    if document.text[m.start].isupper():
        replacement = capitalise(replacement)
    return Edit(m.start, m.end, replacement)
