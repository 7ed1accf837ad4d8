"""«Программа семинара прилагается.» → «Программа семинара — ниже.»: an attachment said plainly.

«Прилагается», «прилагаем» come from a covering letter; in a post the file or picture stands right
under the text, so «— ниже» says where it is. Only a sentence that is nothing but the thing and the
verb: the thing first (in the nominative with «прилагается», in the accusative with «прилагаем»,
a genitive tail and a quoted name after it), the verb last, then only punctuation or an emoji.
Anything else («К заявлению прилагается копия паспорта», «прилагаем к письму») keeps its words.
"""

from __future__ import annotations

from kanclint.model import Edit
from kanclint.patterns import Match
from kanclint.rules.phrases.clauses import _into, _noun_phrase
from kanclint.text.document import Document, Sentence, Token


_OPENING = frozenset({"«", "„", "“"})
_CLOSING = frozenset({"»", "”"})


def _tail_only(tokens: list[Token], i: int, end: int) -> bool:
    """Between ``i`` and ``end`` only words that hang on the thing: genitives, prepositions with
    their nouns («для родителей», «к стадиону») and quoted names; no pronoun, verb or nominative."""
    depth = 0
    for t in tokens[i:end]:
        if t.text in _OPENING or t.text in _CLOSING:
            depth += 1 if t.text in _OPENING else -1
            continue
        if t.protected or depth > 0:
            continue  # a quoted name: «Положение о конкурсе «Зелёный двор»»
        if not t.is_word or t.pos not in ("NOUN", "ADJF", "PRTF", "PREP", "NUMR"):
            return False
        if t.pos != "PREP" and all("nomn" in p.grammemes for p in t.parses[:1]):
            return False
    return True


def attached_below(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«Проект программы прилагается 👇» → «Проект программы — ниже 👇»; «Программу семинара
    прилагаем.» → «Программа семинара — ниже.»."""
    tokens = list(sentence.tokens)
    verb = sentence.position(m.tokens[-1])
    if any(t.is_word or any(ch.isalnum() for ch in t.text) for t in tokens[verb + 1:]):
        return None  # the verb does not end the sentence: «прилагается к заявлению», a link after it
    first = next((k for k, t in enumerate(tokens) if t.is_word), None)
    if first is None or first >= verb or any(not t.is_word and t.text in ",:;—–-()" for t in tokens[first:verb]):
        return None
    we = m.tokens[-1].key == "прилагаем"
    found = _noun_phrase(tokens, first, "accs" if we else "nomn")
    if found is None or found[1] > verb or not _tail_only(tokens, found[1], verb):
        return None
    words, after = found
    if any(t.text[1:2].isupper() or any(ch.isdigit() for ch in t.text) for t, _ in words):
        return None  # an abbreviation or a number: left to the author
    previous = tokens[verb - 1]
    if not we:
        return Edit(previous.end, m.tokens[-1].end, " — ниже")
    said = _into(words, "nomn")
    if said is None or any(p.pos == "NOUN" and "anim" in p.grammemes for _, p in words):
        return None
    if words[0][0].text[:1].isupper():
        said = said[:1].upper() + said[1:]
    rest = document.text[words[-1][0].end:previous.end]
    return Edit(words[0][0].start, m.tokens[-1].end, said + rest + " — ниже")
