"""The message of a dictionary finding: the entry's note, said about *this* text.

A note is written once for many texts, often around an example: «В ходе встречи» — это «во время
встречи».  Put in front of «в ходе рейда» as is, it reads as if kanclint quoted the post and got it
wrong.  So a note that opens with an example of other words is introduced as an example, after the
words actually found («Громоздкий составной предлог: «в ходе». Например, «в ходе встречи» — …»),
and a note that never names what was found gets it named first.  The options follow the note;
a note that already says «проще» does not get a second «Проще:».
"""

from __future__ import annotations

import re
from functools import lru_cache

from kanclint.dictionaries import Entry
from kanclint.text.morphology import fold, parse

_QUOTE = re.compile(r"«([^«»]*)»")
_LETTERS = re.compile(r"[\W_]+")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# a name in an example keeps its capital: «Москва», «Дом культуры»
_NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"})
# a title that says «word» gets «phrase» when the finding is several words
_PHRASE_TITLES = {"Канцелярское слово": "Канцелярский оборот", "Лишнее слово (плеоназм)": "Плеоназм"}


def _words(text: str) -> list[set[str]]:
    """Each word of ``text`` (short function words aside) as the set of its possible lemmas."""
    return [{p.lemma for p in parse(w)} | {fold(w)} for w in _WORD.findall(text) if len(w) > 2]


def _lemmas(text: str) -> set[str]:
    return set().union(*_words(text))


@lru_cache(maxsize=None)  # a quotation of a dictionary note: the dictionaries' own text, never a post's
def _quote_words(quoted: str) -> tuple[str, tuple[frozenset[str], ...]]:
    """A note's quotation read once: its letters folded, and the lemma sets of its words."""
    return _LETTERS.sub("", fold(quoted)), tuple(frozenset(w) for w in _words(quoted))


@lru_cache(maxsize=None)  # keyed by a dictionary note, as above
def _note_quotes(note: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The quotations of a note and the lemmas of all of them."""
    quotes = tuple(_QUOTE.findall(note))
    said: set[str] = set()
    for q in quotes:
        said.update(*_quote_words(q)[1])
    return quotes, frozenset(said)


class _Found:
    """The words found, read once however many quotations of the note are compared with them."""

    __slots__ = ("matched", "_letters", "_lemmas")

    def __init__(self, matched: str):
        self.matched = matched
        self._letters: str | None = None
        self._lemmas: set[str] | None = None

    @property
    def letters(self) -> str:
        if self._letters is None:
            self._letters = _LETTERS.sub("", fold(self.matched))
        return self._letters

    @property
    def lemmas(self) -> set[str]:
        if self._lemmas is None:
            self._lemmas = _lemmas(self.matched)
        return self._lemmas


def _names(quoted: str, found: _Found) -> bool:
    """Whether a quotation of a note names the words found: the same words, or some of them in
    other forms («Приняли участие» for «принявшим участие», «Является» for «является приоритетом»)."""
    letters, said = _quote_words(quoted)
    if letters == found.letters:
        return True  # «и т. д.» names «и т.д»
    return bool(said) and all(w & found.lemmas for w in said)


def _is_example(note: str, found: _Found) -> bool:
    """Whether a note opens with an example of other words than the ones found.

    «В ходе встречи» — это «во время встречи» is an example when the post says «в ходе рейда»;
    a note that quotes the found words anywhere («подлежит размещению», «подлежат удалению») is
    about them."""
    quotes = _note_quotes(note)[0]
    return bool(quotes) and note.startswith("«") and not any(_names(q, found) for q in quotes)


def _lower_first(quoted_note: str) -> str:
    """«В ходе встречи» → «в ходе встречи» inside a sentence; names keep their capital."""
    m = _WORD.search(quoted_note)
    if m is None or not m.group()[:1].isupper() or (len(m.group()) > 1 and m.group().isupper()):
        return quoted_note
    if any(p.grammemes & _NAME_TAGS for p in parse(m.group())[:1]):
        return quoted_note
    return quoted_note[:m.start()] + m.group()[:1].lower() + quoted_note[m.start() + 1:]


def _title(title: str, matched: str) -> str:
    return _PHRASE_TITLES.get(title, title) if len(matched.split()) > 1 else title


def note_head(title: str, note: str | None, matched: str) -> str:
    """The first part of the message: the note about the words actually found."""
    shown = " ".join(matched.split())
    named = f"{_title(title, matched)}: «{shown}»."
    if not note:
        return named
    note = note if note.rstrip()[-1:] in ".!?…" else note.rstrip() + "."
    found = _Found(matched)
    if _is_example(note, found):
        return f"{named} Например, {_lower_first(note)}"
    said = _note_quotes(note)[1] if "«" in note else frozenset()
    if not (said & found.lemmas) and fold(shown) not in fold(note):
        return f"{named} {note}"
    return note


def phrase_message(title: str, entry: Entry, matched: str, rendered, suggestions: list[str]) -> str:
    """The entry's note (or the rule's title) and the options the note does not already give."""
    head = note_head(title, entry.note, matched)
    said = head.lower()
    first = rendered[0] if rendered else None
    options: list[str] = [first[0]] if first is not None else []
    options.extend(s for s in suggestions if s not in options)
    options = [o.lstrip(",;: ") if o else o for o in options]  # «, так как» is said «так как»
    tail: list[str] = []
    if options and options[0] == "":
        if "убер" not in said and "убрать" not in said:
            tail.append("Можно убрать.")
        options = options[1:]
    shown = [o for o in options if o and f"«{o.lower()}»" not in said][:3]
    if shown:
        label = "Или: " if tail else ("Здесь: " if "проще" in said else "Проще: ")
        tail.append(label + " или ".join(f"«{o}»" for o in shown) + ".")
    return " ".join([head, *tail])
