"""A person author given by name only, and a bare title in the post that can only be that person.

With ``author = "Мария Соколова"`` a post may go on «Министр отметила…»: the title is hers, but
the configuration does not say so, and «Я вручила грамоты. Министр сказала…» would read as two
people.  When the post has such a title as a subject whose past verb has the author's gender
(and no other person of that gender is named), the post keeps its third person throughout
(see :func:`kanclint.rules.press_release.oblique_self.first_person_blocked`); so does a bare
title in another case that nothing after it ties to somebody else («поблагодарили министра»).
"""

from __future__ import annotations

from kanclint.rules.press_release.own_names import met_before
from kanclint.rules.press_release.speaker import author_gender
from kanclint.rules.press_release.words import TITLE_WORDS
from kanclint.text.document import Document, Sentence, Token


def _names_a_title(author: str) -> bool:
    return any(t.is_word and t.lemmas & TITLE_WORDS for t in Document(author).tokens)


def _title_subject(sentence: Sentence, gender: str) -> Token | None:
    """«Министр отметила», «Депутат также рассказала»: a singular title in the nominative, no name
    after it, and the next finite verb in the past of ``gender``."""
    words = sentence.words
    for i, t in enumerate(words):
        if not (t.parses and t.parses[0].lemma in TITLE_WORDS and {"nomn", "sing"} <= t.parses[0].grammemes):
            continue
        rest = words[i + 1:i + 6]
        if any(w.text[:1].isupper() and any(p.grammemes & {"Name", "Surn"} for p in w.parses[:3]) for w in rest):
            continue  # «Министр образования края Мария Соколова», «Депутат Котова» (an adjective first): a name follows
        verb = next((w for w in rest if w.pos == "VERB"), None)
        if verb is not None and verb.parses and {"past", gender} <= verb.parses[0].grammemes:
            return t
    return None


def _other_person(document: Document, author: str, gender: str) -> bool:
    """A first name of the author's gender that is not the author's own: the title may be theirs."""
    own = {t.key for t in Document(author).tokens if t.is_word}
    return any(t.key not in own and t.text[:1].isupper() and t.parses and {"Name", gender} <= t.parses[0].grammemes
               for t in document.tokens if t.is_word)


def bare_title_of_author(document: Document) -> bool:
    """Whether a name-only person author is named in the post by a bare title as a subject."""
    author = document.author or ""
    gender = author_gender(author)
    if gender is None or _names_a_title(author) or _other_person(document, author, gender):
        return False
    for sentence in document.sentences:
        title = _title_subject(sentence, gender)
        if title is not None and not met_before(document, title):
            return True
        if any(not met_before(document, t, any_case=True) for t in _bare_oblique_titles(sentence)):
            return True
    return False


def _bare_oblique_titles(sentence: Sentence) -> list[Token]:
    """«Студенты поблагодарили министра за встречу»: a singular title in an oblique case with
    nothing after it that says whose title it is («губернатору края», «министром транспорта»,
    «депутату Иванову» are other people), so it stands for someone the post already spoke of."""
    words = sentence.words
    found = []
    for i, t in enumerate(words):
        p = t.parses[0] if t.parses else None
        if p is None or p.lemma not in TITLE_WORDS or "sing" not in p.grammemes or "nomn" in p.grammemes:
            continue
        nxt = words[i + 1] if i + 1 < len(words) else None
        if nxt is not None and nxt.parses and (nxt.text[:1].isupper() or nxt.parses[0].pos in {"NOUN", "ADJF", "PRTF"}):
            continue
        found.append(t)
    return found
