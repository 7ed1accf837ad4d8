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


def _names(quoted: str, matched: str) -> bool:
    """Whether a quotation of a note names the words found: the same words, or some of them in
    other forms («Приняли участие» for «принявшим участие», «Является» for «является приоритетом»)."""
    if _LETTERS.sub("", fold(quoted)) == _LETTERS.sub("", fold(matched)):
        return True  # «и т. д.» names «и т.д»
    said, found = _words(quoted), _lemmas(matched)
    return bool(said) and all(w & found for w in said)


def _is_example(note: str, matched: str) -> bool:
    """Whether a note opens with an example of other words than the ones found.

    «В ходе встречи» — это «во время встречи» is an example when the post says «в ходе рейда»;
    a note that quotes the found words anywhere («подлежит размещению», «подлежат удалению») is
    about them."""
    quotes = _QUOTE.findall(note)
    return bool(quotes) and note.startswith("«") and not any(_names(q, matched) for q in quotes)


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
    if _is_example(note, matched):
        return f"{named} Например, {_lower_first(note)}"
    said = set().union(*(_lemmas(q) for q in _QUOTE.findall(note))) if "«" in note else set()
    if not (said & _lemmas(matched)) and fold(shown) not in fold(note):
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
