"""KC201: a light-verb passive whose doer, a person, stands inside or right after the subject.

«Приём граждан главой района осуществляется по вторникам», «Приём граждан осуществляется главой
района по вторникам»: the sentence opens with a verbal noun and its genitive object, the empty verb
is a «-ся» passive (present, past, or future with «будет»), and a noun naming people in the instrumental,
with its genitives, stands between the object and the verb or right after the verb.  The parser
hangs such a doer on the object («граждан главой»), so neither the detector nor the parse rewrite
sees it.  Said actively, the doer is the subject and the light verb with its noun is one verb, as
the split-predicate dictionary says it: «Глава района принимает граждан по вторникам».

Only people are rewritten («главой района», «специалистами центра»): an institution in the
instrumental may be the author speaking of itself, which KC304 decides (see the header of
tests/fixtures/rewrites/syntax.tsv).  Everything else stays: a name, a number, a quote, «не», a
list, a second doer sharing the verb, the past tense of one doer (its gender is a guess: «глава»).
"""

from __future__ import annotations

from kanclint.model import Edit
from kanclint.rules.syntax.active_rewrite import _active_verbs, _sentence_initial, _verb_group
from kanclint.rules.syntax.light_verbs import has_light_verb, one_verb
from kanclint.rules.syntax.linear_active import _nominative_doer, _people
from kanclint.rules.syntax.passive_detection import _Passive, future_aux
from kanclint.rules.syntax.words import EMPTY_VERBS, ORGANISATIONS
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.inflection import capitalise, inflect_raw

_LONGEST_OBJECT = 3  # words of the verbal noun's genitive object


def _plain(token: Token) -> bool:
    """A lowercase word the rewrite may move or put into another case: no name, number or quote."""
    return token.is_word and not token.protected and token.text[:1].islower() and token.pos not in ("CONJ", "PREP", "PRCL")


def _genitives(tokens: list[Token], i: int, limit: int) -> int:
    """The index after the lowercase genitive nouns and adjectives from ``tokens[i]`` (their first
    reading: «главой» is also an adjective in the genitive)."""
    while i < len(tokens) and limit > 0 and _plain(tokens[i]) and tokens[i].parses and (
            "gent" in (best := tokens[i].parses[0]).grammemes and best.pos in ("NOUN", "ADJF", "PRTF")):
        i += 1
        limit -= 1
    return i


def _doer_at(tokens: list[Token], i: int) -> int | None:
    """The index after a people noun in the instrumental at ``tokens[i]`` and its genitives."""
    if i >= len(tokens) or not _plain(tokens[i]) or tokens[i].pos != "NOUN" or not _people(tokens[i]):
        return None
    if not any(p.pos == "NOUN" and "ablt" in p.grammemes and "anim" in p.grammemes for p in tokens[i].parses):
        return None
    return _genitives(tokens, i + 1, _LONGEST_OBJECT)


def _shape(sentence: Sentence, f: _Passive) -> tuple[int, int, int, int] | None:
    """(object end, doer start, doer end, span end) of «Noun + object [+ doer] + verb [+ doer]»."""
    tokens = sentence.tokens
    group = _verb_group(sentence, f)
    aux = future_aux(sentence, f.verb) if f.verb.pos == "INFN" else None
    if group is not None and f.aux is None and aux is not None:
        group = [aux, *group]  # the doer is read before ``f.aux`` is set
    if group is None or not tokens or not tokens[0].is_word or tokens[0].protected or tokens[0].pos != "NOUN":
        return None
    first, last = sentence.position(group[0]), sentence.position(group[-1])
    if last - first != len(group) - 1:
        return None  # «будет также осуществляться»: an adverb inside
    object_end = _genitives(tokens, 1, _LONGEST_OBJECT)
    if object_end == 1:
        return None
    if object_end < first:  # «Приём граждан главой района осуществляется»
        doer_end = _doer_at(tokens, object_end)
        return (object_end, object_end, doer_end, last + 1) if doer_end == first else None
    if object_end == first:  # «Приём граждан осуществляется главой района»
        doer_end = _doer_at(tokens, last + 1)
        if doer_end is None or doer_end < len(tokens) and not (tokens[doer_end].pos == "PREP" or tokens[doer_end].text == "."):
            return None  # a comma or another word after the doer: it may begin a list or a clause
        if doer_end < len(tokens) and tokens[doer_end].key == "по" and tokens[doer_end - 1].lemmas & ORGANISATIONS:
            return None  # «специалистами районных станций по борьбе с болезнями животных»: the body's name goes on (judge h47)
        return object_end, last + 1, doer_end, doer_end
    return None


def _shares_verb(tokens: list[Token], end: int) -> bool:
    """«…по вторникам, а заместителем — по средам»: a later part of the sentence says the verb again
    for another doer (a dash, «а», «но», another people noun in the instrumental)."""
    return any(t.text in ("—", "–", "-") or t.key in ("а", "но", "или") or t.is_word and t.pos == "NOUN" and _people(t)
               and any("ablt" in p.grammemes for p in t.parses[:1]) for t in tokens[end:])


def doer_inside_subject(sentence: Sentence, doer: Token, f: _Passive) -> bool:
    """Whether ``doer`` is the people doer of the shape the module reads («главой» of «Приём граждан
    главой района осуществляется»)."""
    shape = _shape(sentence, f) if f.reflexive and f.lemma in EMPTY_VERBS else None
    return shape is not None and sentence.position(doer) == shape[1] and not _shares_verb(sentence.tokens, shape[3])


def doer_inside_rewrite(document: Document, sentence: Sentence, f: _Passive, tense: str) -> Edit | None:
    """«Глава района принимает граждан», or ``None`` when the sentence is not of that shape."""
    if f.agent is None or not f.reflexive or f.lemma not in EMPTY_VERBS or f.conj:
        return None
    shape = _shape(sentence, f)
    tokens = sentence.tokens
    if shape is None or tokens[shape[1]] is not f.agent or _shares_verb(tokens, shape[3]):
        return None
    object_end, doer_start, doer_end, span_end = shape
    noun = tokens[0]
    reading = next((p for p in noun.parses if p.pos == "NOUN" and {"nomn", "sing", "inan"} <= p.grammemes), None)
    accusative = inflect_raw(reading.raw, frozenset({"accs", "sing"})) if reading is not None else None
    if accusative is None:
        return None  # the dictionary reads «осуществлять выдачу»: the noun goes into the accusative
    doer = _nominative_doer(tokens[doer_start:doer_start + 1])
    if doer is None or tense == "past" and doer[1] != "plur":
        return None  # «главой района осуществлялся»: «принимал» or «принимала» is a guess
    named = " ".join([doer[0], *(t.text for t in tokens[doer_start + 1:doer_end])])
    verbs = _active_verbs(f, tense, "3per", doer[1], doer[2])
    if verbs is None:
        return None
    phrase = " ".join([verbs, accusative.lower(), *(t.text for t in tokens[1:object_end])])
    said = one_verb(phrase)
    if said is None or said == phrase or has_light_verb(said):
        return None  # the dictionary has no one verb for it: the split predicate stays the author's
    replacement = f"{named} {said}"
    if _sentence_initial(document, sentence, noun):
        replacement = capitalise(replacement)
    return Edit(noun.start, tokens[span_end - 1].end, replacement)
