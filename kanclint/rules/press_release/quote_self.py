"""A person author named after a quote: «„Низкий поклон вам“, — сказал Николай Фёдоров.» → «… — сказал я.»

On the page of «Глава поселения Николай Фёдоров» the words after the quote are the author's own,
and «— сказал Николай Фёдоров» under a post that says «Я встретился с ветеранами» reads as a second
person.  «— сказал я» is how a first-person account names its speaker, so KC304 turns the name
into «я» and the quote no longer keeps the whole post in the third person.  Only the plain shape:
a dash right after the quote, a past verb of saying, the author's name or title in the nominative
closing the sentence (nothing after it: «— сказал глава жителям» is left alone), in a post where
KC304 turns the author into «я» somewhere else.
"""

from __future__ import annotations

from typing import Sequence

from kanclint.model import Edit
from kanclint.rules.press_release.voice import author_profile, names_author, self_rewrites
from kanclint.text.document import Document, Sentence, Token

_DASHES = frozenset({"—", "–", "-"})
_QUOTE_ENDS = frozenset({",", "»", "\"", "“", "!", "?", "…"})
_SAYING = frozenset({"сказать", "отметить", "подчеркнуть", "заявить", "добавить", "пояснить", "заметить",
                     "рассказать", "сообщить", "признаться", "уточнить", "напомнить", "резюмировать"})
_SENTENCE_ENDS = frozenset({".", "!", "?", "…"})


def said_by_author(document: Document) -> tuple[Edit, ...]:
    """The «я» edits of the author's name after quotes, for a person author only."""
    profile = author_profile(document)
    if profile is None or not profile.person or not any(found.edits for found in document.shared(self_rewrites)):
        return ()  # a post that is only a quote («…», — подчеркнул Иван Петров) has no «я» to join
    edits = []
    for sentence in document.sentences:
        found = _attribution(sentence)
        if found is not None and names_author(profile, found[0], found) and all(
                any("nomn" in p.grammemes for p in t.parses[:2]) for t in found if t.is_word) and not any(
                t.protected and not t.text[:1].isupper() for t in found):
            edits.append(Edit(found[0].start, found[-1].end, "я"))
    return tuple(edits)


def _attribution(sentence: Sentence) -> Sequence[Token] | None:
    """The name after «, — сказал» when it closes the sentence."""
    tokens = sentence.tokens
    for i in range(1, len(tokens) - 2):
        if tokens[i].text not in _DASHES or tokens[i - 1].text not in _QUOTE_ENDS:
            continue
        verb = tokens[i + 1]
        if verb.lemma not in _SAYING or not {"past", "sing"} <= verb.grammemes:
            return None
        name = list(tokens[i + 2:])
        while name and not name[-1].is_word and name[-1].text in _SENTENCE_ENDS:
            name.pop()
        if not name or len(name) > 5 or any(not t.is_word for t in name):
            return None
        return name
    return None
