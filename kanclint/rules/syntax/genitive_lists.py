"""A verbal noun's genitive object that opens a list, said with one verb: «произведена замена окон,
дверей, инженерных сетей» → «заменили окна, двери, инженерные сети».

The one-verb rewrite turns only the first item into the new verb's object; the later items are
turned here, each an inanimate noun with its adjectives in the genitive put into the accusative.
Anything else in the list (a verb of its own, an animate noun, a name, a word pymorphy3 cannot
put into the accusative) leaves the sentence alone: the items would stay in the genitive.
"""

from __future__ import annotations

from typing import Sequence

from kanclint.rules.syntax.morph import _inflect
from kanclint.text.document import Sentence, Token
from kanclint.text.inflection import keep_capital
from kanclint.text.morphology import Parse

_ITEM_MODIFIERS = frozenset({"ADJF", "PRTF"})
# what may follow the list: the sentence ends, or a phrase of its own begins («в кабинетах»)
_AFTER_LIST = frozenset({".", "!", ";", "…"})


def listed_objects(sentence: Sentence, last: Token, said: str) -> tuple[str, Token] | None:
    """The later items in the accusative as they follow ``said`` («, двери, инженерные сети»), and
    the list's last word; ``None`` when the list cannot be said so.  ``last`` is the first item's
    noun, and ``said`` must end with it in the accusative."""
    first = _accusative_noun(last)
    if first is None or not said.lower().endswith(first.lower()):
        return None
    return genitive_items(sentence, last)


def genitive_items(sentence: Sentence, last: Token) -> tuple[str, Token] | None:
    """The items after ``last`` in the accusative with their joiners, and the list's last word;
    ``None`` when what follows ``last`` is no such list («документов, представленных заявителями»)."""
    tokens = sentence.tokens
    i = sentence.position(last) + 1
    out: list[str] = []
    end = last
    while i < len(tokens) and (tokens[i].text == "," or tokens[i].key == "и"):
        out.append(", " if tokens[i].text == "," else " и ")
        i += 1
        j = i
        while j < len(tokens) and tokens[j].is_word and tokens[j].pos in _ITEM_MODIFIERS:
            j += 1
        if j >= len(tokens) or not tokens[j].is_word:
            return None
        item = _item(tokens[i:j], tokens[j])
        if item is None:
            return None
        out.append(item)
        end, i = tokens[j], j + 1
    if not out or i < len(tokens) and not (tokens[i].text in _AFTER_LIST or tokens[i].pos == "PREP"):
        return None  # «замена окон, двери покрашены»: a clause of its own, not an item
    if any(t.text == "," or t.key in ("и", "или") for t in tokens[i:]):
        return None  # «очистка улиц, подъездов к школам и тротуаров»: the list goes on after a phrase
    return "".join(out), end


def _item(modifiers: Sequence[Token], noun: Token) -> str | None:
    """«инженерных сетей» → «инженерные сети»: the item in the accusative, or ``None``."""
    reading = _genitive(noun, "NOUN")
    if reading is None or "inan" not in reading.grammemes or noun.protected or noun.text[:1].isupper():
        return None
    number = "plur" if "plur" in reading.grammemes else "sing"
    words = []
    for t in modifiers:
        agrees = [p for p in t.parses if p.pos in _ITEM_MODIFIERS and {"gent", number} <= p.grammemes
                  and (number == "plur" or reading.grammemes & p.grammemes & {"masc", "femn", "neut"})]
        form = _inflect(agrees[0], {"accs", number, "inan"} if number == "plur" else {"accs"}) if agrees else None
        if form is None or t.protected:
            return None
        words.append(keep_capital(t.text, form))
    noun_form = _inflect(reading, {"accs", number})
    if noun_form is None:
        return None
    return " ".join([*words, keep_capital(noun.text, noun_form)])


def _accusative_noun(noun: Token) -> str | None:
    reading = _genitive(noun, "NOUN")
    if reading is None:
        return None
    return _inflect(reading, {"accs", "plur" if "plur" in reading.grammemes else "sing"})


def _genitive(token: Token, pos: str) -> Parse | None:
    return next((p for p in token.parses if p.pos == pos and "gent" in p.grammemes), None)
