"""KC304 for «Он» / «Она» that stands for a person author: «Я посетил стройку. Он осмотрел…».

Press releases name the official once and go on with «Он осмотрел…», «Она отметила…».  Once the
first sentence says «Я посетил…», the pronoun must follow: «Я осмотрел…».  Only a pronoun that
opens its sentence, right after a sentence whose subject is the author (a KC304 mention, «Я»,
or such a pronoun in turn), and only with its verb: «Он осмотрел» → «Я осмотрел», «Она
продолжит» → «Я продолжу»; joined verbs and a «что» clause follow as KC304 does.  When the verb
cannot be put in the first person, the edit is ``None``, and the paragraph keeps its third person.
"""

from __future__ import annotations

from dataclasses import dataclass

from kanclint.model import Edit
from kanclint.rules.press_release.own_clause import clause_edits
from kanclint.rules.press_release.speaker import author_gender
from kanclint.rules.press_release.voice import (
    AuthorProfile,
    _conjoined,
    _first_person,
    _finite_verb,
    author_profile,
    self_rewrites,
)
from kanclint.text.document import Document, Sentence, Token

_PRONOUNS = {"он": "masc", "она": "femn"}
_FIRST = frozenset({"я"})


@dataclass(frozen=True)
class PronounMention:
    start: int
    end: int
    edit: Edit | None  # None: the verb has no first-person form we can be sure of


def _subject_pronoun(sentence: Sentence) -> tuple[Token, Token] | None:
    """«Он осмотрел», «В своём обращении он поблагодарил»: «он»/«она» and the finite verb right after it."""
    words = [t for t in sentence.tokens if t.is_word]
    for i, t in enumerate(words[:-1]):
        if t.key in _PRONOUNS:
            verb = next((w for w in words[i + 1:i + 3] if w.pos == "VERB"), None)
            if verb is not None and _finite_verb(verb):
                return t, verb
    return None


def _speaks_first(sentence: Sentence) -> bool:
    words = [t for t in sentence.tokens if t.is_word]
    return bool(words) and words[0].key in _FIRST


def _named_as_object(sentence: Sentence, profile: AuthorProfile, gender: str | None) -> bool:
    """«Педагоги рассказали депутату…»: the person author named in an oblique case, and nobody else
    of the pronoun's gender as a subject, so that «Она пообещала…» next can only be the author."""
    author = any(not (p.grammemes & {"nomn"}) and (p.lemma == profile.head or t.text[:1].isupper() and t.lemmas & profile.lemmas)
                 for t in sentence.words for p in t.parses[:1] if p.pos == "NOUN")
    others = any(p.pos == "NOUN" and {"nomn", "sing"} <= p.grammemes and (gender is None or gender in p.grammemes)
                 for t in sentence.words for p in t.parses[:1])
    return author and not others


def _rewrite(document: Document, sentence: Sentence, pronoun: Token, verb: Token) -> Edit | None:
    words = [t for t in sentence.tokens if t.is_word]
    between = words[words.index(pronoun) + 1:words.index(verb)]
    if any(t.pos not in {"ADVB", "PRCL", "CONJ"} for t in between):
        return None  # «Он в своём выступлении отметил…»: the words between are the author's to place
    forms = [(_first_person(v, True), v) for v in (verb, *_conjoined(sentence, verb))]
    clause = clause_edits(sentence, forms[-1][1], True, verb, 0)
    if any(f is None for f, _ in forms) or clause is None:
        return None
    edits = [(pronoun.start, pronoun.end, "Я" if pronoun.text[:1].isupper() else "я")]
    edits += [(v.start, v.end, f) for f, v in forms if f != v.text]
    edits += [(e.start, e.end, e.replacement) for e in clause]
    start, end = min(e[0] for e in edits), max(e[1] for e in edits)
    text = document.text[start:end]
    for s, e, r in sorted(edits, reverse=True):
        text = text[:s - start] + r + text[e - start:]
    return Edit(start, end, text)


def pronoun_mentions(document: Document) -> list[PronounMention]:
    """Every «он» / «она» of the author's gender that continues a paragraph about a person author:
    with its edit when the previous sentence is about the author, else ``None`` (who it is stays
    unclear, and the paragraph keeps its third person)."""
    profile = author_profile(document)
    if profile is None or not profile.person:
        return []
    gender = author_gender(document.author or "")
    own = {found.mention.sentence.index for found in document.shared(self_rewrites)}
    found: list[PronounMention] = []
    for paragraph in document.paragraphs:
        previous = False  # the sentence before is about the author
        for sentence in document.sentences:
            if not (paragraph.start <= sentence.start < max(paragraph.end, paragraph.start + 1)):
                continue
            about_author = sentence.index in own or _speaks_first(sentence)
            opening = _subject_pronoun(sentence)
            if opening is not None and gender in (None, _PRONOUNS[opening[0].key]):
                pronoun, verb = opening
                edit = _rewrite(document, sentence, pronoun, verb) if previous else None
                found.append(PronounMention(pronoun.start, verb.end, edit))
                about_author = about_author or edit is not None
            previous = about_author or _named_as_object(sentence, profile, gender)
    return found
