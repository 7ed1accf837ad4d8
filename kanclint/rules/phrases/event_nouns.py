"""KC101 «проведение» before an event: «к проведению смотра» → «к смотру», «о проведении встречи» → «о встрече».

An event is held by definition, so «проведение» adds nothing before a noun that names one
(конкурс, смотр, встреча, праздник, ...: lexicon ``event-nouns``).  The event noun takes the case
«проведение» had, its adjectives agree with it, and the preposition changes its form where
Russian wants it («о проведении акции» → «об акции»).  What is left alone:

* a noun that names work, not an event («проведение ремонта», «проведение проверки»): said with a
  verb («провести проверку»), which is another rewrite;
* a capitalised word (a name: «проведения Дня здоровья») is never re-inflected;
* prepositions where the event reads otherwise: «участие в проведении акции» is the organisers'
  part, «участие в акции» anyone's; «при проведении праздника» is no «при празднике»; «работа по
  проведению»; «заявка на проведение» (to hold it, not to take part); «в связи с проведением» has
  its own entry; the genitive prepositions («для», «до», «после», «во время») have their own entries too;
* «решение о проведении» is KC102's: «решили провести».
"""

from __future__ import annotations

from kanclint.lexicon import word_list
from kanclint.model import Edit
from kanclint.patterns import Match
from kanclint.rules.phrases.clauses import _into
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.inflection import keep_capital
from kanclint.text.russian import preposition_form
from kanclint.text.morphology import Parse
from kanclint.text.untouchable import past_quoted_name

_EVENTS = word_list("held-events")
# preposition → the case «проведение» has after it
_PREPOSITIONS = {
    "о": "loct", "об": "loct", "обо": "loct", "к": "datv", "ко": "datv", "на": "accs", "за": "accs",
    "перед": "ablt", "накануне": "gent", "без": "gent", "от": "gent",
}
# nouns before the preposition whose sense needs «проведение»: a request or a decision to hold it
_HOLDING = frozenset({"заявка", "заявление", "уведомление", "решение", "разрешение", "согласование", "договор"})


def _reading(token: Token, case: str) -> Parse | None:
    return next((p for p in token.parses if case in p.grammemes and p.lemma == "проведение"), None)


def _event_phrase(tokens: tuple[Token, ...], at: int) -> tuple[list[tuple[Token, Parse]], Token, Parse] | None:
    """The genitive adjectives and the event noun right after «проведение» (at position ``at``)."""
    modifiers: list[tuple[Token, Parse]] = []
    i = at
    while i < len(tokens) and tokens[i].is_word and not tokens[i].protected and tokens[i].text[:1].islower():
        token = tokens[i]
        noun = next((p for p in token.parses if p.pos == "NOUN" and "gent" in p.grammemes), None)
        if noun is not None and noun.lemma in _EVENTS:
            return modifiers, token, noun
        adjective = next((p for p in token.parses if p.pos in ("ADJF", "PRTF") and "gent" in p.grammemes), None)
        if adjective is None or len(modifiers) >= 3:
            return None
        modifiers.append((token, adjective))
        i += 1
    return None


def event_without_holding(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«подготовка к проведению смотра» → «подготовка к смотру»; ``None`` keeps the finding only."""
    tokens = sentence.tokens
    word = m.tokens[0]
    at = sentence.position(word)
    if at == 0 or len(m.tokens) != 1:
        return None
    preposition = tokens[at - 1]
    case = _PREPOSITIONS.get(preposition.key)
    reading = _reading(word, case) if case is not None else None
    if reading is None or at >= 2 and tokens[at - 2].lemma in _HOLDING:
        return None
    found = _event_phrase(tokens, at + 1)
    if found is None:
        return None
    modifiers, noun_token, noun = found
    if _attribute_after(tokens, sentence.position(noun_token) + 1):
        return None  # «о проведении конкурса «Живое слово», посвящённого…»: the participle stays genitive (judge h37)
    phrase = _into([*modifiers, (noun_token, noun)], case)  # None: a word pymorphy3 rebuilt from another lemma
    if phrase is None:
        return None
    form = preposition_form(preposition.text, phrase.split()[0]) or preposition.key
    said = f"{keep_capital(preposition.text, form)} {phrase}"
    return Edit(preposition.start, noun_token.end, said)


def _attribute_after(tokens: list[Token], k: int) -> bool:
    """A participle or adjective after a comma that still agrees with the event noun in the
    genitive, past the noun's genitive words and its quoted name."""
    while k < len(tokens) and tokens[k].is_word and any("gent" in p.grammemes for p in tokens[k].parses[:1]):
        k += 1
    k = past_quoted_name(tokens, k)
    return k + 1 < len(tokens) and tokens[k].text == "," and any(
        p.pos in ("PRTF", "ADJF") and "gent" in p.grammemes for p in tokens[k + 1].parses[:2])
