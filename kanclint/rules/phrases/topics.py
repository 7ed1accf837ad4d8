"""«круглый стол по вопросам терминологии, орфографии и топонимии» → «круглый стол о терминологии,
орфографии и топонимии»: the topics of a talk said with «о».

«Вопрос» adds nothing between an event of talk and its topics. A single topic is already said
with «по» (``po-voprosam-chego``); a list of them, which that entry leaves alone because only
its first member would change its case, goes into the prepositional here, each member agreeing
on its own, after one «о / об / обо». Only right after a talk that is not a name («семинар»,
«лекция», «круглый стол»); a body or a post («комиссия по вопросам…», «заместитель главы по
вопросам…»), a capitalised or quoted name, a person as a topic, and a member with words of its own
before the next comma keep the words as written.
"""

from __future__ import annotations

from kanclint.lexicon import word_list
from kanclint.model import Edit
from kanclint.patterns import Match
from kanclint.rules.phrases.clauses import _into, _noun_phrase
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.morphology import Parse
from kanclint.text.russian import preposition_form


def _talk_before(tokens: list[Token], at: int) -> bool:
    """A talk right before «по вопросам»: «семинар», «лекция», «круглый стол», written in lower case."""
    if at < 0 or not tokens[at].is_word or _named(tokens, at):
        return False
    if tokens[at].lemma == "стол":
        return at > 0 and tokens[at - 1].lemma == "круглый" and not _named(tokens, at - 1)
    return tokens[at].lemma in word_list("talk-events")


def _named(tokens: list[Token], at: int) -> bool:
    """A capital that does not only open the sentence: «Молодёжная сессия», «Круглый стол» in a name."""
    first = next(k for k, t in enumerate(tokens) if t.is_word)
    return tokens[at].text[:1].isupper() and at != first


def _member(tokens: list[Token], i: int) -> tuple[list[tuple[Token, Parse]], int] | None:
    """One topic: adjectives and a thing (not a person) in the genitive, in lower case."""
    found = _noun_phrase(tokens, i)
    if found is None:
        return None
    words, after = found
    if any(t.text[:1].isupper() or not t.text.isalpha() for t, _ in words) or "anim" in words[-1][1].grammemes:
        return None
    return words, after


def _members(tokens: list[Token], i: int) -> list[list[tuple[Token, Parse]]] | None:
    """The list of topics from ``i``: members parted by commas, the last one after «и»."""
    members = []
    while True:
        found = _member(tokens, i)
        if found is None:
            return None
        words, i = found
        members.append(words)
        if i < len(tokens) and tokens[i].text == "," and i + 1 < len(tokens) and tokens[i + 1].key != "и":
            i += 1
            continue
        if i < len(tokens) and tokens[i].key == "и":
            last = _member(tokens, i + 1)
            if last is None:
                return None
            members.append(last[0])
            return members if _list_ends(tokens, last[1], last[0][-1][0]) else None
        return None  # a member with words of its own («охраны труда, …»), or no «и» to close the list


def _list_ends(tokens: list[Token], i: int, noun: Token) -> bool:
    """After the last topic: the sentence goes on with punctuation, a preposition, genitive words
    that hang on it («и топонимии [на языках народов]») or the main verb, never another «и»; a
    verb right after a last noun that may be a nominative («и территории пострадали») may have it
    as its subject, a new clause joined by «и»."""
    if i >= len(tokens) or not tokens[i].is_word:
        return True
    if tokens[i].key in ("и", "или", "либо"):
        return False
    if tokens[i].pos in ("VERB", "PRTS", "INFN"):
        return not any(p.pos == "NOUN" and "nomn" in p.grammemes for p in noun.parses)
    return True


def talk_topics(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«семинар по вопросам охраны, благоустройства и ремонта» → «семинар об охране, благоустройстве и ремонте»."""
    tokens = list(sentence.tokens)
    first = sentence.position(m.tokens[1])  # the match opens with the talk: «стол по вопросам …»
    if not _talk_before(tokens, first - 1):
        return None
    members = _members(tokens, sentence.position(m.tokens[2]) + 1)
    if members is None or len(members) < 2:
        return None
    said = [_into(words, "loct") for words in members]
    if any(s is None for s in said):
        return None
    pieces, at = [], members[0][0][0].start
    for words, form in zip(members, said):
        pieces += [document.text[at:words[0][0].start], form or ""]
        at = words[-1][0].end
    text = "".join(pieces)
    if "\n" in text:
        return None
    about = preposition_form("о", said[0].split()[0])  # type: ignore[union-attr]
    return Edit(tokens[first].start, at, f"{about} {text}")
