"""KC105 rewrites of the phrases that give credit: «благодаря совместной работе администрации и
депутатов» → «благодаря администрации и депутатам», «концерт в исполнении воспитанников студии» →
«концерт воспитанников студии».

«Совместная работа», «усилия» and «в исполнении» are the words a report puts between a deed and
the people who did it; a post names the people.  The rewrite is made only where the people are
certain: one or two plain noun phrases in the genitive (no name, no quotation, no word pymorphy3
reads in two numbers), the genitive words that hang on them copied as they are, and nothing joined
after those words that could be a third member or a member of the tail («усилиям жителей сёл и
деревень»: who are «деревни»?).  «В исполнении» goes only after a noun that names a performance
(«концерт», «спектакль», «номер»), never after a work («песни Анны», «произведения учащихся»
would name the authors), never after a verb («прозвучали в исполнении хора песни») or
after the author of a work («произведения Чайковского в исполнении оркестра»).
"""

from __future__ import annotations

from kanclint.model import Edit
from kanclint.patterns import Match
from kanclint.rules.phrases.clauses import _JOINED, _gent, _into, _noun_phrase
from kanclint.text.document import Document, Sentence, Token

# Nouns that name a performance: the genitive after them can only name the performers.  A work
# («произведения», «песни», «стихи», «музыка») is not here: «произведения учащихся» reads as
# written by the pupils.
_PERFORMANCES = frozenset({"концерт", "спектакль", "номер", "программа", "постановка", "танец"})


def _people(tokens: list[Token], i: int) -> tuple[list[tuple[Token, object]], int] | None:
    """A plain genitive noun phrase from ``i`` (no capitals, no quotation) and the index after it."""
    found = _noun_phrase(tokens, i)
    if found is None or any(t.text[:1].isupper() or t.protected for t, _ in found[0]):
        return None
    return found  # type: ignore[return-value]


def _tail(tokens: list[Token], i: int) -> int | None:
    """The index after the genitive words that hang on a member («сотрудников [центра]»);
    ``None`` when a joined word follows them: it could be a member or a part of the tail."""
    tail = i
    while tail < len(tokens) and tokens[tail].is_word and not tokens[tail].protected \
            and _gent(tokens[tail]) is not None:
        tail += 1
    if tail < len(tokens) and (tokens[tail].key in _JOINED or tokens[tail].text == ","
                               and tail + 1 < len(tokens) and _gent(tokens[tail + 1]) is not None):
        return None
    if tail > i and any(tokens[k].protected for k in range(i, min(tail + 1, len(tokens)))):
        return None
    return tail


def _second_member_after_tail(tokens: list[Token], i: int) -> int | None:
    """Where a second member of people starts after the first one's tail: «сотрудников [библиотеки]
    и родителей» — the tail names things, the word after «и» names people, so it cannot belong to
    the tail.  ``None`` when there is no tail, no «и» after it, or the reading is unsure («жителей
    сёл и деревень»)."""
    tail = i
    while tail < len(tokens) and tokens[tail].is_word and not tokens[tail].protected \
            and _gent(tokens[tail]) is not None:
        tail += 1
    if tail == i or tail + 1 >= len(tokens) or tokens[tail].key != "и":
        return None
    things = not any(p.pos == "NOUN" and "anim" in p.grammemes for t in tokens[i:tail] for p in t.parses[:2])
    found = _noun_phrase(tokens, tail + 1)
    if not things or found is None:
        return None
    head = found[0][-1][1]
    return tail + 1 if "anim" in head.grammemes else None


def thanks_to(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«Благодаря совместной работе администрации и депутатов» → «Благодаря администрации и депутатам»."""
    tokens = list(sentence.tokens)
    start = sentence.position(m.tokens[1])
    i = sentence.position(m.tokens[-1]) + 1
    first = _people(tokens, i)
    if first is None:
        return None
    words, after = first
    members = [words]
    joined = _second_member_after_tail(tokens, after)
    if joined is not None or after < len(tokens) and tokens[after].key == "и":
        second = _people(tokens, after + 1 if joined is None else joined)
        if second is None:
            return None
        members.append(second[0])
        after = second[1]
    if _tail(tokens, after) is None:
        return None
    parts: list[str] = []
    for k, member in enumerate(members):
        dative = _into(member, "datv")  # type: ignore[arg-type]
        if dative is None:
            return None
        if k:
            parts.append(document.text[members[k - 1][-1][0].end:member[0][0].start])
        parts.append(dative)
    return Edit(tokens[start].start, members[-1][-1][0].end, "".join(parts))


def performed_by(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«концерт в исполнении воспитанников студии» → «концерт воспитанников студии»."""
    tokens = list(sentence.tokens)
    before = sentence.position(m.tokens[0]) - 1
    if before < 0 or not tokens[before].is_word or tokens[before].protected:
        return None
    if not any(p.pos == "NOUN" and p.lemma in _PERFORMANCES for p in tokens[before].parses[:1]):
        return None
    i = sentence.position(m.tokens[-1]) + 1
    found = _people(tokens, i)
    if found is None:
        return None
    if any("gent" in p.grammemes for p in tokens[before].parses) and _genitive_nouns(tokens, i) >= 2:
        return None  # «песни хора ветеранов»: a chain of three genitives is no easier to read
    return Edit(m.start, tokens[i].start, "")


def _genitive_nouns(tokens: list[Token], i: int) -> int:
    """How many nouns the genitive words from ``i`` hold («хора ветеранов» → 2)."""
    count = 0
    while i < len(tokens) and tokens[i].is_word and _gent(tokens[i]) is not None:
        count += tokens[i].pos == "NOUN"
        i += 1
    return count
