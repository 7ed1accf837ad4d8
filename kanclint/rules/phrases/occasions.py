"""An occasion said with a plain preposition: «концерт, приуроченный ко Дню матери» → «концерт ко
Дню матери»; «в преддверии Дня города» → «перед Днём города» (:func:`before_occasion`).

«Приуроченный к X» only says «for X»; the bare preposition after the noun says the same. The
participle and its opening comma go; the closing comma goes too when the predicate follows it
(«Концерт, приуроченный ко Дню матери, собрал…» → «Концерт ко Дню матери собрал…»). Anywhere
else the closing comma may be another clause's («…ко Дню матери, который…»), so nothing changes.
"""

from __future__ import annotations

from kanclint.model import Edit
from kanclint.patterns import Match
from kanclint.rules.phrases.clauses import _into, _noun_phrase
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.facts import HOLIDAY_HEADS
from kanclint.text.inflection import capitalise
from kanclint.text.morphology import Parse

_CLOSERS = frozenset({";", ":", "—", "–", "(", ")"})
_CLAUSE_OPENERS = frozenset({"где", "когда", "куда", "откуда"})


def _agrees(participle_grammemes: frozenset[str], noun_parses: list) -> bool:
    """The participle belongs to the noun right before the comma: same case and number (and gender)."""
    case = next((g for g in ("nomn", "gent", "datv", "accs", "ablt", "loct") if g in participle_grammemes), None)
    number = "plur" if "plur" in participle_grammemes else "sing"
    gender = next((g for g in ("masc", "femn", "neut") if g in participle_grammemes), None)
    for p in noun_parses:
        if p.pos != "NOUN" or case not in p.grammemes or number not in p.grammemes:
            continue
        if number == "sing" and gender is not None and gender not in p.grammemes and "Ms-f" not in p.grammemes:
            continue
        return True
    return False


def occasion(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """Drop «, приуроченный» after its noun, keeping «к X»."""
    tokens = list(sentence.tokens)
    at = next((k for k, t in enumerate(tokens) if t.start >= m.start and t.is_word), None)
    if at is None or at < 2 or at + 2 >= len(tokens):
        return None
    participle = tokens[at]
    parses = [p for p in participle.parses if p.pos == "PRTF"]
    if not parses or tokens[at + 1].key not in ("к", "ко") or tokens[at - 1].text != ",":
        return None
    # its noun right before the comma or a few genitive words back («День открытых дверей, приуроченный»)
    head = at - 2
    while head >= 0 and tokens[head].is_word and not tokens[head].protected and at - 2 - head < 4:
        if any(_agrees(p.grammemes, tokens[head].parses) for p in parses):
            break
        head -= 1
    else:
        return None
    if head < 0 or not tokens[head].is_word or tokens[head].protected:
        return None
    end = at + 1
    while end < len(tokens) and tokens[end].text not in (",", ".", "!", "?", "…") and tokens[end].text not in _CLOSERS:
        end += 1
    if end < len(tokens) and tokens[end].text in _CLOSERS:
        return None
    phrase = document.text[tokens[at + 1].start:tokens[end - 1].end]
    if end >= len(tokens) or tokens[end].text != ",":
        return Edit(tokens[at - 1].start, tokens[end - 1].end, " " + phrase)  # the sentence ends here
    follower = tokens[end + 1] if end + 1 < len(tokens) else None
    if follower is not None and any(t.is_word and (t.lemma == "который" or t.key in _CLAUSE_OPENERS)
                                    for t in tokens[end + 1:end + 3]):
        # «…ко Дню матери, во время которого…»: the comma opens the next clause and stays
        return Edit(tokens[at - 1].start, tokens[end - 1].end, " " + phrase)
    if follower is None or not follower.is_word or not follower.parses or follower.parses[0].pos not in ("VERB", "PRTS"):
        return None
    return Edit(tokens[at - 1].start, tokens[end].end, " " + phrase)


# «преддверие» as a place: the vestibule of a building or a cave, not the time before an event
_PLACES = frozenset({"храм", "пещера", "рай", "ад", "зал", "дворец", "дом", "здание", "собор", "церковь"})
_JOINED = frozenset({"и", "или", "либо", "а"})
# «живём в преддверии праздника», «город замер в преддверии»: a state of waiting, which «перед» loses
_WAITING = frozenset({"жить", "находиться", "стоять", "быть", "оказаться", "пребывать", "замереть", "замирать",
                      "встречать", "встретить", "ждать", "ожидать"})


def _head_phrase(tokens: list[Token], i: int) -> tuple[list[tuple[Token, Parse]], int] | None:
    """The noun phrase right after «в преддверии»: adjectives and their noun in the genitive."""
    found = _noun_phrase(tokens, i, "gent")
    if found is None:
        return None
    words, after = found
    for token, reading in words:
        if any(ch.isdigit() for ch in token.text) or token.text.isupper() and len(token.text) > 1:
            return None  # «8 Марта», «80-летия», «НТО»: left to the author
        if token.text[:1].isupper() and reading.lemma not in HOLIDAY_HEADS:
            return None  # a name whose case facts.py would not follow
    if words[-1][1].lemma in _PLACES:
        return None
    return words, after


def _genitive(token: Token, parts: tuple[str, ...] = ("NOUN", "ADJF", "PRTF", "NUMR")) -> bool:
    return token.is_word and not token.protected and any(
        p.pos in parts and "gent" in p.grammemes for p in token.parses)


def _tail_end(tokens: list[Token], i: int) -> int:
    """The index after the genitive words that hang on the phrase («Дня [народного единства]»),
    with adjectives joined inside them («Дня [карельской и вепсской письменности]»)."""
    while i < len(tokens):
        if _genitive(tokens[i]):
            i += 1
        elif (tokens[i].key == "и" and i + 1 < len(tokens) and tokens[i - 1].pos == "ADJF"
              and _genitive(tokens[i - 1], ("ADJF",)) and _genitive(tokens[i + 1], ("ADJF",))):
            i += 1  # two adjectives of one noun; «Нового года и Рождества» joins nouns and stops
        else:
            break
    return i


def _agreeing_after(tokens: list[Token], i: int) -> bool:
    """Words after the phrase that agree with its head and would need re-inflecting with it: a
    participle, adjective or noun in the genitive after a comma («Дня города, посвящённого…»,
    «праздника, Дня учителя,»), or anything set off by a dash or a bracket («праздника — Дня учителя —»)."""
    if i >= len(tokens) or tokens[i].text in ("—", "–", "-", "(", ":"):
        return i < len(tokens)
    return (i + 1 < len(tokens) and tokens[i].text == "," and tokens[i + 1].is_word
            and any(p.pos in ("PRTF", "ADJF", "NOUN") and "gent" in p.grammemes for p in tokens[i + 1].parses[:1]))


def _acts(tokens: list[Token]) -> bool:
    """The sentence tells of something done, not of a state of waiting: a verb that is not in
    ``_WAITING`` («Город в преддверии праздника.», «Живём в преддверии лета» keep their words)."""
    verbs = [t for t in tokens if t.is_word and t.pos in ("VERB", "PRTS", "INFN")]
    return bool(verbs) and not any(t.lemma in _WAITING for t in verbs)


def before_occasion(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«В преддверии Дня города в парке высадили цветы» → «Перед Днём города в парке высадили цветы».

    «Перед» keeps the time as open as «в преддверии» (a week or a year ahead), where «накануне»
    would say «the day before». Only the head phrase changes its case; the genitive words after
    it stay. A phrase joined to another («Нового года и Рождества»), one a participle after a
    comma agrees with, a number or an abbreviation, and a name other than a holiday's are left.
    """
    tokens = list(sentence.tokens)
    i = next((k for k, t in enumerate(tokens) if t.start >= m.end and t.is_word), None)
    if i is None or document.text[m.end:tokens[i].start].strip() or not _acts(tokens):
        return None
    before = [t for t in tokens if t.end <= m.start and t.is_word]
    if before and before[-1].key in _JOINED:
        return None  # «накануне и в преддверии праздника»: joined to another time, the pair stays
    found = _head_phrase(tokens, i)
    if found is None:
        return None
    words, after = found
    end = _tail_end(tokens, after)
    if end < len(tokens) and (tokens[end].key in _JOINED or _agreeing_after(tokens, end)):
        return None
    said = _into(words, "ablt")
    if said is None:
        return None
    forms = said.split(" ")
    forms = [f[:1].upper() + f[1:] if t.text[:1].isupper() else f for (t, _), f in zip(words, forms)]
    replacement = "перед " + " ".join(forms)
    if document.text[m.start].isupper():
        replacement = capitalise(replacement)
    return Edit(m.start, words[-1][0].end, replacement)
