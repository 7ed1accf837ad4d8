"""«Участниками фестиваля стали 12 коллективов» → «В фестивале участвовали 12 коллективов» (KC105).

«Стать участниками» is the report's turn for the plain verb «участвовать», as «выступить
организатором» is for «организовать» (:mod:`.organiser`).  The rewrite is built from the sentence,
and only where it is certain:

* the turn opens its sentence, with a short genitive phrase between «участниками» and the verb
  («Участниками областного конкурса стали…»), and the phrase's head is an event
  (``participated-events`` in dictionaries/lexicon/clauses.toml: a festival, a contest, an action);
* the phrase goes into the prepositional after «в/во» («областного конкурса» → «в областном конкурсе»);
* «участвовать» takes the number and gender of «стать» in the past («стали» → «участвовали»); a
  future «станут» would need «будут участвовать» and is left to the author, as is anything with a
  comma, a quote or a number inside the phrase.

«Фестиваль объединил 300 мастеров» is the same report's turn the other way round (:func:`united`):
«В фестивале участвовали 300 мастеров».  Only in the past, with the event right before the verb as
its subject (adjectives before it, a genitive phrase after it), a count in digits whose noun reads the
same in the nominative (not «21 участника», not «3 мастеров»), and no «участников» counted
(«участвовали 300 участников» says it twice).  Not where the uniting is the news («Встреча
объединила 3 поколения выпускников»: generations, peoples brought together), nor where the event is
the subject of a later verb too («Фестиваль объединил 12 коллективов, но не смог…»).
"""

from __future__ import annotations

from functools import cache

from kanclint.lexicon import word_list
from kanclint.model import Edit
from kanclint.patterns import Match
from kanclint.rules.phrases.clauses import _into, _noun_phrase
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.inflection import capitalise, inflect_word, keep_capital
from kanclint.text.morphology import Parse, fold
from kanclint.text.russian import preposition_form

_PHRASE_WORDS = 2


def participated(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«Участниками конкурса стали 40 школьников» → «В конкурсе участвовали 40 школьников»."""
    first, verb = m.tokens[0], m.tokens[-1]
    if sentence.words[0] is not first or not verb.parses or verb.parses[0].pos != "VERB" \
            or "past" not in verb.parses[0].grammemes:
        return None
    found = _noun_phrase(sentence.tokens, sentence.position(first) + 1)
    if found is None or found[1] != sentence.position(verb) or len(found[0]) > _PHRASE_WORDS:
        return None  # the phrase must fill the gap exactly: no comma, quote or number inside
    words = found[0]
    if words[-1][1].lemma not in word_list("participated-events"):
        return None
    phrase, said = _into(words, "loct"), inflect_word("участвовать", verb.parses[0])
    if phrase is None or said is None:
        return None
    preposition = preposition_form("в", phrase) or "в"
    return Edit(first.start, verb.end, capitalise(f"{preposition} {phrase} {said}"))


_GENITIVE_TAIL = 3
_COUNT_WORDS = frozenset({"более", "около", "свыше", "почти", "порядка", "больше"})
# what an event unites rather than what takes part in it: «объединила 3 поколения»
_UNITED_NOT_PARTICIPANTS = frozenset({"поколение", "народ", "национальность", "конфессия", "эпоха", "культура"})


@cache
def _events() -> frozenset[str]:
    """The folded lemmas of ``participated-events``."""
    return frozenset(fold(w) for w in word_list("participated-events"))


def _event_subject(tokens: list[Token], verb: int, gender: set[str]) -> tuple[int, list[tuple[Token, Parse]]] | None:
    """The event before ``tokens[verb]`` as its subject: where it starts and its words in the
    nominative («Молодёжный форум [народного творчества] объединил»), the head last."""
    for head in range(verb - 1, max(-1, verb - 2 - _GENITIVE_TAIL), -1):
        t = tokens[head]
        if not t.is_word or t.protected:
            return None
        reading = next((p for p in t.parses if p.pos == "NOUN" and {"nomn", "sing"} | gender <= p.grammemes), None)
        if reading is not None and fold(reading.lemma) in _events():
            break
        if not any("gent" in p.grammemes and p.pos in ("NOUN", "ADJF") for p in t.parses):
            return None  # only a genitive phrase may stand between the event and the verb
    else:
        return None
    words = [(t, reading)]
    start = head
    while start > 0 and tokens[start - 1].is_word and not tokens[start - 1].protected:
        adj = next((p for p in tokens[start - 1].parses if p.pos == "ADJF" and {"nomn", "sing"} | gender <= p.grammemes), None)
        if adj is None:
            break
        start -= 1
        words.insert(0, (tokens[start], adj))
    if start > 0 and tokens[start - 1].is_word and tokens[start - 1].pos == "PREP":
        return None
    return start, words


def _count_reads_nominative(tokens: list[Token], i: int) -> bool:
    """«25 старшеклассников», «22 участника» read the same as a subject; «21 участника», «3 мастеров»
    would change; no «участников» after «участвовали»."""
    number = tokens[i].text
    noun = next((t for t in tokens[i + 1:i + 4] if t.is_word and t.pos == "NOUN"), None)
    if not number.isdigit() or noun is None or noun.lemma in ("участник", "участница") \
            or noun.lemma in _UNITED_NOT_PARTICIPANTS:
        return False
    tail, last = int(number[-2:]) if len(number) > 1 else int(number), int(number[-1])
    if 11 <= tail <= 14 or last in (0, 5, 6, 7, 8, 9):
        return any({"gent", "plur"} <= p.grammemes for p in noun.parses if p.pos == "NOUN")
    if last in (2, 3, 4):
        return any({"gent", "sing"} <= p.grammemes for p in noun.parses if p.pos == "NOUN")
    return False


def united(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«В этом году форум объединил 25 школьников» → «В этом году в форуме участвовали 25 школьников»."""
    verb = m.tokens[0]
    reading = next((p for p in verb.parses if p.pos == "VERB" and p.lemma == "объединить"), None)
    tokens = list(sentence.tokens)
    at = tokens.index(verb)
    count = at + 1 + (tokens[at + 1].key in _COUNT_WORDS if at + 1 < len(tokens) else 0)
    if reading is None or "past" not in reading.grammemes or "sing" not in reading.grammemes \
            or count >= len(tokens) or not _count_reads_nominative(tokens, count):
        return None
    if any(t.pos == "VERB" and "sing" in t.grammemes for t in tokens[at + 1:]):
        return None  # «Фестиваль объединил 12 коллективов, но не смог…»: the event does more
    found = _event_subject(tokens, at, set(reading.grammemes & {"masc", "femn", "neut"}))
    if found is None:
        return None
    start, words = found
    phrase = _into(words, "loct")
    if phrase is None:
        return None
    head_end = words[-1][0].end
    said = f"{preposition_form('в', phrase) or 'в'} {phrase}"
    between = document.text[head_end:verb.start]
    return Edit(tokens[start].start, verb.end, f"{keep_capital(tokens[start].text, said)}{between}участвовали")
