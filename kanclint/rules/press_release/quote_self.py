"""A person author named after a quote: «„Низкий поклон вам“, — сказал Николай Фёдоров.» → «„Низкий поклон вам“.»

On the page of «Глава поселения Николай Фёдоров» the words after the quote are the author's own,
and «— сказал Николай Фёдоров» under a post that says «Я встретился с ветеранами» reads as a second
person.  «— сказал я» quotes oneself with the press-release formula, so KC304 drops the attribution
(the quote itself is left as written) and the quote no longer keeps the post in the third person.  Only the plain shape:
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
            edits.append(_dropped(sentence, found))
    return tuple(edits)


def _dropped(sentence: Sentence, name: Sequence[Token]) -> Edit:
    """«„…“, — отметила Елена Петровна.» → «„…“.»: on the author's own page the quote is the author's
    words, and «— отметила я» quotes oneself with the press-release formula; the attribution goes,
    the quoted words stay byte for byte.  After «!», «?» or «…» inside the quote the attribution is
    said as «я» (dropping it would leave «„Спасибо!“.»)."""
    tokens = sentence.tokens
    dash = sentence.position(name[0]) - 2
    comma = tokens[dash - 1]
    if comma.text == "," and dash >= 2 and tokens[dash - 2].text in ("»", "\"", "“"):
        return Edit(comma.start, name[-1].end, "")
    return Edit(name[0].start, name[-1].end, "я")


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
