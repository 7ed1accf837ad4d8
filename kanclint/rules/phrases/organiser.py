"""«Организатором фестиваля выступил музей» → «Фестиваль организовал музей» (KC105).

«Выступить организатором» is a protocol turn for the plain verb «организовать».  The rewrite
is built from the sentence, and only where it is certain:

* the turn opens its sentence with a short genitive phrase between «организатором» and the verb
  («Организаторами конкурса выступили…», «Организатором областного слёта выступила…»), or the verb
  comes first with the phrase right after («Музей выступил организатором конференции»);
* the phrase's head noun and the adjectives before it go into the accusative the new verb governs
  («акции» → «акцию», «областного слёта» → «областной слёт»), a genitive after the head stays
  («фестиваля театров» → «фестиваль театров»), a quoted name after it is never touched;
* «организовать» takes the tense, number and gender of «выступить» («выступила» → «организовала»).

Partners, sponsors and initiators have no one verb that says the same, so they are left to the
author, as is anything with a comma, a quote or a number inside the phrase.
"""

from __future__ import annotations

from kanclint.model import Edit
from kanclint.patterns import Match
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.inflection import capitalise, inflect_raw, inflect_word
from kanclint.text.morphology import Parse

_ORGANISER = frozenset({"организатор"})
_MODIFIERS = frozenset({"ADJF", "PRTF"})
_PHRASE_WORDS = 2  # words of the genitive phrase the rewrite carries into the accusative


def _genitive(token: Token, pos: frozenset[str]) -> Parse | None:
    return next((p for p in token.parses if p.pos in pos and "gent" in p.grammemes), None)


def _accusative_phrase(words: list[Token]) -> list[str] | None:
    """«областного слёта» → ["областной", "слёт"]; None unless the words are adjectives then a noun."""
    head_at = next((i for i, t in enumerate(words) if _genitive(t, frozenset({"NOUN"})) is not None), None)
    if head_at is None or head_at != len(words) - 1 and head_at != 0:
        return None  # «областного слёта»: adjectives before the head; «фестиваля театров»: a genitive after
    head = _genitive(words[head_at], frozenset({"NOUN"}))
    assert head is not None
    number = "plur" if "plur" in head.grammemes else "sing"
    animacy = {"anim"} if "anim" in head.grammemes else {"inan"}
    out: list[str] = []
    for i, word in enumerate(words):
        if i < head_at:
            reading = _genitive(word, _MODIFIERS)
            if reading is None or number not in reading.grammemes:
                return None
            form = inflect_raw(reading.raw, frozenset({"accs"} | animacy))
        elif i == head_at:
            form = inflect_raw(head.raw, frozenset({"accs", number}))
        else:
            if _genitive(word, frozenset({"NOUN"})) is None:
                return None
            form = word.text
        if form is None:
            return None
        out.append(form)
    return out


def _organised(verb: Token) -> str | None:
    if not verb.parses or verb.parses[0].pos != "VERB":
        return None
    return inflect_word("организовать", verb.parses[0])


def _opening(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«Организаторами конкурса выступили библиотека и ДК» → «Конкурс организовали библиотека и ДК»."""
    first, verb = m.tokens[0], m.tokens[-1]
    if sentence.words[0] is not first or first.lemma not in _ORGANISER:
        return None
    middle = [t for t in sentence.words if first.start < t.start < verb.start]  # the pattern's gap
    text = document.text
    if not middle or len(middle) > _PHRASE_WORDS or any(
            not (ch.isalpha() or ch in " -") for ch in text[first.end:verb.start]):
        return None
    phrase, said = _accusative_phrase(middle), _organised(verb)
    if phrase is None or said is None:
        return None
    return Edit(first.start, verb.end, capitalise(" ".join([*phrase, said])))


def _after_verb(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«Музей выступил организатором конференции» → «Музей организовал конференцию»."""
    verb, noun = m.tokens[0], m.tokens[-1]
    if noun.lemma not in _ORGANISER or len(m.tokens) != 2:
        return None
    at = sentence.position(noun) + 1
    phrase_words: list[Token] = []
    for token in sentence.tokens[at:at + _PHRASE_WORDS]:
        if not token.is_word or token.protected:
            break
        phrase_words.append(token)
        if _genitive(token, frozenset({"NOUN"})) is not None:
            break
    if not phrase_words or _genitive(phrase_words[-1], frozenset({"NOUN"})) is None:
        return None
    phrase, said = _accusative_phrase(phrase_words), _organised(verb)
    if phrase is None or said is None:
        return None
    said = capitalise(said) if document.text[verb.start].isupper() else said
    return Edit(verb.start, phrase_words[-1].end, " ".join([said, *phrase]))


def organised(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """The rewrite of «выступить организатором», or None where the author must reword."""
    if m.tokens[0].lemma in _ORGANISER:
        return _opening(document, sentence, m)
    return _after_verb(document, sentence, m)
