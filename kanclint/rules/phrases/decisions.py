"""KC102: «приняли решение о проведении олимпиады» → «решили провести олимпиаду».

«Принять решение о + отглагольное существительное» says «решить» with the action hidden in a noun.
The rewrite puts «решить» in the form of «принять» («приняло» → «решило», «принято» → «решено»),
the noun's verb after it (``dictionaries/lexicon/clauses.toml``: goal-verbs, need-verbs and
decision-verbs) and the noun's genitive object in the accusative, agreeing.  Only where all of that
is certain: the object must be there and be plain words (no name, no quotation), nothing joined to
it may stay behind in the wrong case («о выделении средств и материалов»), a verb that governs
another case or a preposition is left alone, and a later «это решение» keeps the noun it points to.
"""

from __future__ import annotations

from kanclint.lexicon import word_map
from kanclint.model import Edit
from kanclint.patterns import Match
from kanclint.rules.phrases.clauses import _JOINED, _gent, _into, _noun_phrase, _tail_end
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.inflection import inflect_word, keep_capital
from kanclint.text.morphology import Parse


def _doer_before(tokens: list[Token], token: Token) -> bool:
    """A word in the instrumental before «принято» may be its doer («Мною было принято решение»),
    and «решено» takes none («Иваном Петровым было решено» is broken)."""
    return any(t.is_word and p.pos in ("NOUN", "NPRO") and "ablt" in p.grammemes
               for t in tokens if t.end <= token.start for p in t.parses[:2])


def _decided(tokens: list[Token], m: Match) -> str | None:
    """«решить» in the form of the matched «принять»; ``None`` for a form it cannot take."""
    token = m.tokens[0]
    reading = next((p for p in token.parses if p.lemma == "принять"), None)
    if reading is None or reading.pos not in ("VERB", "INFN", "PRTS"):
        return None  # «приняв решение»: a gerund's clause would need its own comma
    if reading.pos == "PRTS" and (not {"neut", "sing"} <= reading.grammemes or _doer_before(tokens, token)):
        return None  # only «принято решение» is «решено», and only with no doer
    form = inflect_word("решить", reading)
    return keep_capital(token.text, form) if form else None


def _animacy_certain(token: Token, reading: Parse) -> bool:
    """«субботника» reads as a person too (one who keeps the Sabbath): its accusative is unsure.

    Animacy shows only in a masculine singular or a plural accusative; a reading as a first name
    («Олимпиада») is not a word of this phrase.
    """
    if "sing" in reading.grammemes and "masc" not in reading.grammemes:
        return True
    number = reading.grammemes & {"sing", "plur"}
    kinds = {frozenset(p.grammemes & {"anim", "inan"}) for p in token.parses
             if p.pos == "NOUN" and "gent" in p.grammemes and number <= p.grammemes
             and not p.grammemes & {"Name", "Surn", "Patr"}}
    return len(kinds) == 1


def _named_again(document: Document, m: Match) -> bool:
    """«…приняли решение о ремонте школы. Это решение…»: a later «решение» would lose the noun it points to."""
    return any(t.is_word and t.start >= m.end and t.lemma == "решение" for t in document.tokens)


def decision_clause(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«приняло решение о проведении районной олимпиады» → «решило провести районную олимпиаду»."""
    tokens = list(sentence.tokens)
    if _named_again(document, m):
        return None
    decided = _decided(tokens, m)
    if decided is None:
        return None
    i = sentence.position(m.tokens[-1]) + 1
    if i >= len(tokens) or not tokens[i].is_word or tokens[i].protected:
        return None
    noun = _gent(tokens[i], "loct")
    verbs = word_map("goal-verbs") | word_map("need-verbs") | word_map("decision-verbs")
    if noun is None or noun.pos != "NOUN" or noun.lemma not in verbs or "sing" not in noun.grammemes:
        return None
    verb, _, government = verbs[noun.lemma].partition(":")
    if government:
        return None  # «не допустить пожаров», «бороться с…»: a case this rewrite does not check
    found = _noun_phrase(tokens, i + 1)
    if found is None or any(t.text[:1].isupper() for t, _ in found[0]):
        return None  # no object, or a name whose case is the author's business
    words, after = found
    if not _animacy_certain(*words[-1]):
        return None
    obj = _into(words, "accs")
    if obj is None:
        return None
    end = _tail_end(tokens, after)
    if end < len(tokens) and (tokens[end].key in _JOINED or tokens[end].text == ","
                              and end + 1 < len(tokens) and _gent(tokens[end + 1]) is not None):
        return None  # «о выделении средств и материалов»: the second member would stay genitive
    return Edit(m.start, words[-1][0].end, f"{decided} {verb} {obj}")


_WORKING = frozenset({"проводить", "вести", "осуществлять", "провести", "проделать", "работать"})


def work_clause(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«Библиотека проводит работу по привлечению детей к чтению» → «Библиотека привлекает детей к чтению»;
    «Специалисты работают над устранением повреждения» → «Специалисты устраняют повреждение».

    «Проводить работу по X» is X as a verb: an imperfective one for «проводит», «ведёт»
    (``work-verbs``), a perfective one for «провели» (the maps of «принять решение о», for the
    same nouns).  A work of hands is not there: «Отдел ведёт работу по благоустройству дворов»
    organises it, «благоустраивает дворы» would say the clerks dig.  The object
    must be there, plain and certain in the accusative, as for :func:`decision_clause`.
    """
    token = m.tokens[0]
    readings = [p for p in token.parses if p.lemma in _WORKING and p.pos in ("VERB", "INFN")]
    # «проводим» is also «проводить» = see off (perfective): work is led, so the imperfective reads first
    reading = next((p for p in readings if "impf" in p.grammemes), readings[0] if readings else None)
    if reading is None:
        return None
    tokens = list(sentence.tokens)
    i = sentence.position(m.tokens[-1]) + 1
    if i >= len(tokens) or not tokens[i].is_word or tokens[i].protected:
        return None
    noun = _gent(tokens[i], "ablt" if m.tokens[-1].key == "над" else "datv")  # «работают над устранением»
    verbs = word_map("work-verbs")  # never a work of hands: «отдел ведёт работу по благоустройству» organises it
    if "perf" in reading.grammemes:
        done = word_map("goal-verbs") | word_map("need-verbs") | word_map("decision-verbs")
        verbs = {noun: done[noun] for noun in verbs if noun in done}
    if noun is None or noun.pos != "NOUN" or noun.lemma not in verbs or "sing" not in noun.grammemes:
        return None
    verb, _, government = verbs[noun.lemma].partition(":")
    if government:
        return None
    found = _noun_phrase(tokens, i + 1)
    if found is None or any(t.text[:1].isupper() for t, _ in found[0]):
        return None
    words, after = found
    if not _animacy_certain(*words[-1]):
        return None
    obj = _into(words, "accs")
    form = inflect_word(verb, reading)
    if obj is None or form is None:
        return None
    end = _tail_end(tokens, after)
    if end < len(tokens) and (tokens[end].key in _JOINED or tokens[end].text == ","
                              and end + 1 < len(tokens) and _gent(tokens[end + 1]) is not None):
        return None
    return Edit(m.start, words[-1][0].end, f"{keep_capital(token.text, form)} {obj}")
