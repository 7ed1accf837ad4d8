"""Where a doer-less passive's subject is, read from morphology: the noun phrase that opens the sentence
(or follows a time or frame phrase) and ends at the verb, or the one right after the verb.

The parse costs more than all the rules together, so :mod:`.impersonal_rewrite` finds the subject
here from the words' readings alone, and takes it only where the border of the phrase is sure:
a name, a clause, a list or a word that may belong to the phrase before leaves the passive as it is.
"""

from __future__ import annotations

from kanclint.rules.syntax.morph import many_count
from kanclint.rules.syntax.rewrite_guards import _BETWEEN_POS, _MODIFIER_POS
from kanclint.rules.syntax.rewrite_objects import _Subject
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.morphology import Parse

# bounds of a count said before it: «более 80 мешков» is one object with its bound
_ABOUT_COUNTS = frozenset({"более", "свыше", "около", "почти", "больше", "порядка", "менее", "меньше"})

_LONGEST_SUBJECT = 8  # words: a longer run before the verb is more than one noun phrase


def _nominative(token: Token, number: str, gender: str | None) -> Parse | None:
    """A noun reading of ``token`` that can be the verb's subject: nominative, agreeing with it."""
    if not token.is_word or token.protected:
        return None
    for p in token.parses:
        g = p.grammemes
        if p.pos == "NOUN" and "nomn" in g and number in g and (gender is None or gender in g):
            if g & {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"}:
                return None  # a name is a fact: never put into another case by a guess
            return p
    return None


def _modifier(token: Token, number: str, gender: str | None) -> Parse | None:
    """An adjective, participle or pronoun agreeing with the subject: «все», «новые», «эта»."""
    if not token.is_word or token.protected:
        return None
    for p in token.parses:
        g = p.grammemes
        if p.pos in _MODIFIER_POS and "nomn" in g and number in g and (gender is None or gender in g):
            return p
    return None


def _subject_before(
    document: Document, sentence: Sentence, group: list[Token], number: str, gender: str | None
) -> _Subject | None:
    """«Итоги конкурса будут объявлены…»: the noun phrase that opens the sentence and ends at the verb."""
    tokens = sentence.tokens
    start = next((i for i, t in enumerate(tokens) if t.is_word), None)
    end = sentence.position(group[0])
    if start is None or start >= end or any(
        t.protected and t.is_word or t.text in "«\"(" for t in tokens[:start]
    ):  # a name or a quote opens the sentence; an emoji («✅ Размер капитала…») is no part of the subject
        return None
    while end > start and tokens[end - 1].is_word and tokens[end - 1].pos in _BETWEEN_POS:
        end -= 1  # «не», «уже», «также» before the verb stay with the verb
    words = tokens[start:end]
    if not words or len(words) > _LONGEST_SUBJECT:
        return None
    return _opening_subject(words, number, gender) or _subject_after_opener(words, number, gender)


_OPENER_LINKS = frozenset({"и", "или", "а", "но", "не", "же", "по", "с", "со"})
_OPENER_MOST = 6  # words of a time or frame phrase before the subject («С 3 по 14 июня»)
_SUBJECT_AFTER_OPENER_MOST = 4


def _subject_after_opener(words: list[Token], number: str, gender: str | None) -> _Subject | None:
    """«По итогам программы победители будут награждены»: a time or frame phrase (a preposition or an
    adverb first, no comma, no verb) and then the subject, up to the verb.

    Without a parse the border between the two is a guess, so it is taken only where it is sure: the
    subject's first word cannot be a genitive (which could still belong to the phrase before it:
    «в школах города будут открыты», «На сегодняшний день работы завершены» stay), and its other
    words are genitives of its own."""
    if not words[0].is_word or words[0].pos not in ("PREP", "ADVB"):
        return None
    for k in range(1, min(len(words), _OPENER_MOST + 1)):
        opener, rest = words[:k], words[k:]
        if any(not (t.is_word or t.text.isdigit()) or t.protected or t.pos in _CLAUSE_POS for t in opener):
            return None
        if opener[-1].pos in ("PREP", "ADJF", "NUMR", "NPRO") or opener[-1].key in _OPENER_LINKS:
            continue  # «На [классный час]», «Во [время рейда]»: the preposition's own noun, not the subject
        if not rest or len(rest) > _SUBJECT_AFTER_OPENER_MOST:
            continue
        first = rest[0]
        if not first.is_word or first.text[:1].isupper() or any("gent" in p.grammemes for p in first.parses):
            continue
        subject = _opening_subject(rest, number, gender)
        if subject is not None and all(any("gent" in p.grammemes for p in t.parses) for t in rest[len(subject.modifiers) + 1:]):
            return subject
    return None


# parts of speech that make a run of words a clause, not a phrase
_CLAUSE_POS = frozenset({"VERB", "INFN", "PRTS", "GRND", "CONJ", "PRTF"})


def _opening_subject(words: list[Token], number: str, gender: str | None) -> _Subject | None:
    """``words`` (up to the verb) read as one noun phrase agreeing with it: modifiers, the head in the
    nominative, then words that are no clause, list or name."""
    modifiers = []
    i = 0
    while i < len(words) and (reading := _modifier(words[i], number, gender)) is not None:
        if _nominative(words[i], number, gender) is not None and i + 1 == len(words):
            break  # the last word must be the head
        modifiers.append((words[i], reading))
        i += 1
    if i >= len(words) or (head := _nominative(words[i], number, gender)) is None:
        return None
    rest = words[i + 1 :]
    if any(
        not (t.is_word or t.text.isdigit() or t.text == "№") or t.protected or t.text[:1].isupper()
        or t.pos in ("VERB", "INFN", "PRTS", "GRND", "CONJ") for t in rest
    ):
        return None  # a clause, a list or a name inside: not one noun phrase
    if any(t.text[:1].isupper() for t, _ in modifiers[1:]) or (modifiers and words[i].text[:1].isupper()):
        return None
    return _Subject(list(words), modifiers, words[i], head)


def _subject_after(sentence: Sentence, group: list[Token], number: str, gender: str | None) -> _Subject | None:
    """«Была произведена замена труб», «было вручено 20 дипломов»: the noun phrase right after the verb."""
    tokens = sentence.tokens
    i = sentence.position(group[-1]) + 1
    first = i
    if i + 1 < len(tokens) and tokens[i].key in _ABOUT_COUNTS and tokens[i + 1].text.isdigit():
        i += 1  # «было собрано более 80 мешков»: the bound stays with its count
    if i < len(tokens) and tokens[i].text.isdigit():  # «было вручено 20 дипломов»: as written
        j = i + 1
        while j < len(tokens) and tokens[j].is_word and tokens[j].pos in _MODIFIER_POS:
            j += 1
        if j >= len(tokens):
            return None
        noun = tokens[j]
        if not noun.is_word or noun.protected or noun.text[:1].isupper() or noun.pos != "NOUN":
            return None
        if "anim" in noun.grammemes and not many_count(tokens[i].text) or not (number == "plur" or gender == "neut"):
            return None  # «два участника» → «двух участников»: left to the author; «120 человек» reads the same
        return _Subject(tokens[first : j + 1], [], noun, None)
    modifiers = []
    while i < len(tokens) and (reading := _modifier(tokens[i], number, gender)) is not None:
        if _nominative(tokens[i], number, gender) is not None and not (
            i + 1 < len(tokens) and _nominative(tokens[i + 1], number, gender)
        ):
            break
        modifiers.append((tokens[i], reading))
        i += 1
    if i >= len(tokens) or (head := _nominative(tokens[i], number, gender)) is None:
        return None
    if tokens[i].text[:1].isupper() or any(t.text[:1].isupper() for t, _ in modifiers):
        return None
    tail = []
    j = i + 1
    while j < len(tokens) and tokens[j].is_word and not tokens[j].protected and not tokens[j].text[:1].isupper():
        if not any("gent" in p.grammemes and p.pos in ("NOUN", "ADJF", "PRTF") for p in tokens[j].parses):
            break
        tail.append(tokens[j])
        j += 1
    if j < len(tokens) and tokens[j].is_word and tokens[j].text[:1].islower() and not tail and any(
            p.pos in ("NOUN", "ADJF", "PRTF") and "nomn" in p.grammemes for p in tokens[j].parses):
        return None  # «участковый уполномоченный полиции»: the phrase goes on in the nominative
    return _Subject([t for t, _ in modifiers] + [tokens[i]], modifiers, tokens[i], head, tail)
