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
from typing import Callable

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
from kanclint.text.inflection import inflect_word

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


def _kept_pronouns(sentence: Sentence, gender: str | None, opening: Token | None) -> list[Token]:
    """«…», — отметила она», «Как отметил он, …», «— сказал он журналистам»: the author as «он» /
    «она» anywhere but as the opening subject this module rewrites.

    «— отметила я» reads as a slip, and «Как отметил я» is not said: such a pronoun has no edit, so
    a paragraph that has it keeps its third person and its «она» still has someone to stand for
    (a «он» that means a bridge only costs the rewrite, never a meaning)."""
    return [t for t in sentence.tokens if t.key in _PRONOUNS and gender in (None, _PRONOUNS[t.key]) and t is not opening]


_AGENTS = {"им": "masc", "ею": "femn"}


def _agent_pronoun(sentence: Sentence, gender: str | None) -> Token | None:
    """«Им была представлена информация»: the author as the doer of a passive, in a pronoun.

    «Мной была представлена…» would still be a passive, and «им» may be a dative plural («им
    вручены грамоты»), so no edit is built; the pronoun only tells that the paragraph speaks of
    the author in the third person."""
    words = [t for t in sentence.tokens if t.is_word]
    if not words or words[0].key not in _AGENTS or gender not in (None, _AGENTS[words[0].key]):
        return None
    return words[0] if any(w.pos == "PRTS" for w in words[1:4]) else None


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
    opening = words[:words.index(pronoun)]
    if [t.key.replace("ё", "е") for t in opening] == ["в", "своем", "выступлении"] and start == pronoun.start:
        # «В своём выступлении она подчеркнула» → «Выступая, я подчеркнула»: KC105 drops the stamp, the setting stays
        return Edit(opening[0].start, end, "Выступая, я" + text[1:])
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
    # «По её инициативе…» opening the next paragraph still speaks of the author: the sentence before
    # it (in the paragraph before) decides, as within a paragraph, so the post is not left in two voices
    previous = False  # the sentence before is about the author
    previous_sentence: Sentence | None = None
    for paragraph in document.paragraphs:
        first = True
        for sentence in document.sentences:
            if not (paragraph.start <= sentence.start < max(paragraph.end, paragraph.start + 1)):
                continue
            about_author = sentence.index in own or _speaks_first(sentence)
            opening = _subject_pronoun(sentence)
            if opening is not None and gender in (None, _PRONOUNS[opening[0].key]):
                pronoun, verb = opening
                edit = _rewrite(document, sentence, pronoun, verb) if previous and not first else None
                found.append(PronounMention(pronoun.start, verb.end, edit))
                about_author = about_author or edit is not None
            for kept in _kept_pronouns(sentence, gender, opening[0] if opening is not None else None):
                found.append(PronounMention(kept.start, kept.end, None))  # «…», — отметила она»: kept
            agent = _agent_pronoun(sentence, gender)
            if agent is not None:  # «Им была представлена информация»: kept, so the paragraph keeps one voice
                found.append(PronounMention(agent.start, agent.end, None))
            if previous_sentence is not None:
                found += _possessives(sentence, previous_sentence if previous else None, profile, gender)
                found += _objects(sentence, previous_sentence, previous, profile, gender)
            elif sentence.index in own:
                found += _own_sentence_objects(sentence, profile, gender)
            previous = about_author or _named_as_object(sentence, profile, gender)
            previous_sentence = sentence
            first = False
    return found


_POSSESSIVES = {"его": "masc", "её": "femn", "ее": "femn"}


def _possessives(sentence: Sentence, previous: Sentence | None, profile: AuthorProfile,
                 gender: str | None) -> list[PronounMention]:
    """«По его обращению…» after a sentence about the author → «По моему обращению…».

    Only a possessive near the start of the sentence (its first two words), of the author's gender,
    when the sentence before is about the author and names nobody else it could stand for; the
    noun decides the form of «мой».  Otherwise, when the sentence before is not about the author
    or names another candidate, the edit is ``None`` (who it is stays unclear)."""
    words = [t for t in sentence.tokens if t.is_word]
    out = []
    for i, t in enumerate(words[:2]):
        if t.key not in _POSSESSIVES or gender not in (None, _POSSESSIVES[t.key]) or i + 1 >= len(words):
            continue
        noun = next((w for w in words[i + 1:i + 3] if w.pos == "NOUN"), None)
        if noun is None or any(w.pos not in {"ADJF", "PRTF"} for w in words[i + 1:words.index(noun)]):
            ours = {"меня"} if i == 0 or words[0].pos != "PREP" else set()  # «Её поздравили» → «Меня поздравили»
        else:
            ours = {inflect_word("мой", p) for p in noun.parses if p.pos == "NOUN"} - {None}
        speech = noun is not None and noun.key == "словам"  # only a person has words
        clear = previous is not None and not _candidates(previous, profile, _POSSESSIVES[t.key], alive=speech) \
            and len(ours) == 1
        edit = Edit(t.start, t.end, _capital(t.text, ours.pop())) if clear else None
        own = _own_words(sentence, words) if edit is not None and i == 1 and noun is words[2] else None
        if own is not None:  # «По его словам, очередь…» → «Очередь…», not «По моим словам»
            out.append(PronounMention(own.start, own.end, own))
            continue
        out.append(PronounMention(t.start, t.end, edit))
    return out


def _own_words(sentence: Sentence, words: list[Token]) -> Edit | None:
    """«По его словам, очередь сократилась» in the author's own post: the author says it, so the
    attribution goes and the sentence starts with what was said; ``None`` for any other noun."""
    if words[0].key != "по" or words[2].key != "словам" or len(words) < 4:
        return None
    tokens = sentence.tokens
    at = tokens.index(words[2]) + 1
    if at >= len(tokens) or tokens[at].text != "," or tokens[at + 1] is not words[3]:
        return None
    nxt = words[3]
    return Edit(words[0].start, nxt.end, nxt.text[:1].upper() + nxt.text[1:])


# «рассказали ей» → «рассказали мне», «обратились к нему» → «обратились ко мне»: (preposition, pronoun)
_OBJECTS = {
    ("", "ему"): "мне", ("", "ей"): "мне", ("", "его"): "меня", ("", "её"): "меня", ("", "ее"): "меня",
    ("к", "нему"): "ко мне", ("к", "ней"): "ко мне", ("с", "ним"): "со мной", ("с", "ней"): "со мной",
    ("у", "него"): "у меня", ("у", "неё"): "у меня", ("у", "нее"): "у меня", ("о", "нём"): "обо мне",
    ("о", "нем"): "обо мне", ("о", "ней"): "обо мне", ("для", "него"): "для меня", ("для", "неё"): "для меня",
    ("для", "нее"): "для меня", ("от", "него"): "от меня", ("от", "неё"): "от меня", ("от", "нее"): "от меня",
}
_FEMININE = frozenset({"ей", "её", "ее", "ней", "неё", "нее"})
# verbs that take the instrumental, where «ей» is not a dative: «гордятся ей»
_INSTRUMENTAL_VERBS = frozenset({"гордиться", "восхищаться", "руководить", "заниматься", "интересоваться",
                                 "любоваться", "называть", "стать", "быть", "являться", "считать"})


def _objects(sentence: Sentence, previous: Sentence, about_author: bool, profile: AuthorProfile,
             gender: str | None, others_of: Callable[[int], bool] | None = None) -> list[PronounMention]:
    """«Ветераны рассказали ей…» after a sentence about the author → «…рассказали мне…».

    The pronoun stands after a verb (or in a preposition's pair, «к нему»), is of the author's
    gender, and no noun of that gender in this sentence or the one before could be meant.  When the
    sentence before is about the author but another noun could be meant, the edit is ``None``."""
    tokens = [t for t in sentence.tokens if t.is_word]
    out = []
    for i, t in enumerate(tokens):
        before = tokens[i - 1] if i else None
        key = (before.key, t.key) if before is not None and before.pos == "PREP" else ("", t.key)
        said = _OBJECTS.get(key)
        own = "femn" if t.key in _FEMININE else "masc"
        if said is None or gender not in (None, own) or before is None and not _opening_dative(tokens, i):
            continue
        if before is not None and key[0] == "" and (before.pos != "VERB" or before.lemma in _INSTRUMENTAL_VERBS):
            continue  # «По её словам», «гордятся ей»: not a plain object
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if key[0] == "" and nxt is not None and nxt.pos in {"NOUN", "ADJF"} and t.key in {"его", "её", "ее"}:
            continue  # «вручили его медаль»: a possessive
        others = others_of(t.start) if others_of is not None else (
            _candidates(previous, profile, own, True) or _candidates(sentence, profile, own, True, t.start))
        if others and not about_author:
            continue
        start = before.start if before is not None and key[0] else t.start
        said = _capital((before if before is not None and key[0] else t).text, said)
        out.append(PronounMention(start, t.end, None if others or not about_author else Edit(start, t.end, said)))
    return out


def _own_sentence_objects(sentence: Sentence, profile: AuthorProfile, gender: str | None) -> list[PronounMention]:
    """«Глава района провёл приём, в ходе которого к нему обратились 9 человек»: the post's first
    sentence is the author's, and «к нему» with no other person before it is the author too
    («ко мне»); with another person («встретился с министром и обсудил с ним») it is left alone."""
    found = _objects(sentence, sentence, True, profile, gender, lambda at: _person_before(sentence, profile, at))
    return [m for m in found if m.edit is not None and _others_clause(sentence, m.start)]


def _others_clause(sentence: Sentence, at: int) -> bool:
    """The pronoun stands in a clause of its own, after a comma, whose verb is plural («, к нему
    обратились 9 человек»): in the author's own clause («посетил элеватор и вручил ему диплом») the
    pronoun is somebody else, or the author would say «себе»."""
    tokens = sentence.tokens
    commas = [t.start for t in tokens if t.text == "," and t.start < at]
    if not commas:
        return False
    after = [t for t in tokens if t.start > commas[-1]]
    end = next((t.start for t in after if t.text == "," and t.start > at), sentence.end)
    return any(t.pos == "VERB" and t.parses and "plur" in t.parses[0].grammemes and t.start < end for t in after)


def _person_before(sentence: Sentence, profile: AuthorProfile, before: int) -> bool:
    """A person in the singular other than the author before ``before``: «с министром», «Ольгу»."""
    return any(t.start < before and t.parses and t.parses[0].pos == "NOUN" and {"anim", "sing"} <= t.parses[0].grammemes
               and not (t.lemmas & profile.lemmas or t.parses[0].lemma == profile.head) for t in sentence.words)


def _opening_dative(tokens: list[Token], i: int) -> bool:
    """«Ему доложили…», «Ей были заданы вопросы…» opening the sentence: the dative of a verb or a
    passive right after it, which a sentence about the author makes «Мне доложили»."""
    if i != 0 or tokens[0].key not in {"ему", "ей"} or len(tokens) < 2:
        return False
    nxt = tokens[1]
    return nxt.pos in {"VERB", "PRTS"} and (nxt.pos == "PRTS" or "3per" not in nxt.parses[0].grammemes or
                                           "plur" in nxt.parses[0].grammemes)


def _capital(written: str, word: str) -> str:
    return word[:1].upper() + word[1:] if written[:1].isupper() else word


def _candidates(sentence: Sentence, profile: AuthorProfile, gender: str, heads_only: bool = False,
                before: int | None = None, alive: bool = False) -> bool:
    """Whether ``sentence`` (up to ``before``) names somebody or something else «его» / «её» could
    stand for; ``heads_only``: a genitive hung on another noun («активом ветеранской организации») is not one;
    ``alive``: only a person counts («По его словам» after «провёл приём»: a reception has no words)."""
    genders = {gender, "neut"} if gender == "masc" else {gender}
    for t in sentence.words:
        p = t.parses[0] if t.parses else None
        if before is not None and t.start >= before:
            break
        if p is None or p.pos != "NOUN" or "sing" not in p.grammemes or not genders & p.grammemes:
            continue
        if alive and "anim" not in p.grammemes:
            continue
        if heads_only and "gent" in p.grammemes:
            continue
        if p.lemma == profile.head or t.text[:1].isupper() and t.lemmas & profile.lemmas:
            continue  # the author's own title or name
        return True
    return False
