"""KC304 for the author named as an object: «Жители обратились к депутату» → «…ко мне».

Once a paragraph says «Я принял граждан…», «Жители обратились к депутату» speaks of the same
person in two voices; a strict editor writes «ко мне».  Likewise «Экспонаты передали музею» after
«Мы открыли выставку» becomes «…передали нам».  The pronoun takes the case the noun had, which
the word before it decides: a verb («заверил главу» → «заверил меня», «рассказали главе» →
«рассказали мне») or a preposition («к депутату» → «ко мне», «с администрацией» → «с нами»).

Rewritten only where it is certain and consistent:

* only with ``author`` configured, and only the author's own mentions (the same title or head, the
  author's words only: «главе района», not «главе города»);
* only in a paragraph that speaks as the author: it has a KC304 rewrite (or already «я» / «мы»)
  and no nominative mention of the author is left in the third person;
* never after a noun («в приёмной депутата» is «в моей приёмной», a possessive, not «меня»), nor
  before a participle or «который» that agrees with the noun, nor in quotes;
* for an organisation, only the dative after a verb and the prepositions of a person-like body
  («к», «с», «от», «у», «для», «о»): «в музее» and «в администрацию» are places, not «мы».
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from kanclint.model import Edit
from kanclint.rules.press_release.bare_title import bare_title_of_author
from kanclint.rules.press_release.namesakes import namesake_near, told_apart
from kanclint.rules.press_release.ours import _name_after
from kanclint.rules.press_release.pronoun_self import _person_before, pronoun_mentions
from kanclint.rules.press_release.quote_self import said_by_author
from kanclint.rules.press_release.speaker import author_gender
from kanclint.rules.press_release.voice import (
    AuthorProfile,
    SelfRewrite,
    author_profile,
    names_author,
    self_rewrites,
)
from kanclint.rules.press_release.words import _ACRONYM_SHAPE, INSTITUTION_ACRONYMS, INSTITUTION_NOUNS
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.inflection import capitalise

_CASES = ("gent", "accs", "datv", "ablt", "loct")
_ME = {"gent": "меня", "accs": "меня", "datv": "мне", "ablt": "мной", "loct": "мне"}
_US = {"gent": "нас", "accs": "нас", "datv": "нам", "ablt": "нами", "loct": "нас"}
# the cases each preposition governs here, and its form before «мне» / «мной»
_PREPOSITIONS = {
    "к": ({"datv"}, "ко"), "ко": ({"datv"}, "ко"), "с": ({"ablt"}, "со"), "со": ({"ablt"}, "со"),
    "о": ({"loct"}, "обо"), "об": ({"loct"}, "обо"), "у": ({"gent"}, "у"), "от": ({"gent"}, "от"),
    "для": ({"gent"}, "для"), "без": ({"gent"}, "без"), "перед": ({"ablt"}, "передо"),
}
_VERB_POS = frozenset({"VERB", "INFN", "GRND"})
_PERSON_CASES_AFTER_VERB = frozenset({"datv", "accs", "gent"})
_FIRST_PERSON = {True: frozenset({"я", "меня", "мне", "мной"}), False: frozenset({"мы", "нас", "нам", "нами", "наш"})}


def _cases(token: Token, profile: AuthorProfile) -> set[str]:
    """The oblique singular cases of the mention's first word; empty when it may be a nominative."""
    readings = [p for p in token.parses if p.pos == "NOUN" and "sing" in p.grammemes]
    if not readings or any("nomn" in p.grammemes for p in readings):
        return set()
    return {c for p in readings for c in _CASES if c in p.grammemes}


def _first_word(tokens: Sequence[Token], i: int, profile: AuthorProfile) -> bool:
    t = tokens[i]
    if not t.is_word or t.protected:
        return False
    if profile.person:  # a capitalised word of the author's is a start only as a name: «Совета» of «Депутат районного Совета …» is not
        return t.lemma == profile.head or t.text[:1].isupper() and bool(t.lemmas & profile.lemmas) and _personal_name(t)
    return bool(t.lemmas & {profile.head})


def _pronoun(tokens: Sequence[Token], i: int, cases: set[str], person: bool) -> tuple[int, str] | None:
    """Where the replacement starts (the preposition, if any) and what it says."""
    if i == 0:
        return None
    before = tokens[i - 1]
    forms = _ME if person else _US
    if before.key in _PREPOSITIONS:
        governed, long_form = _PREPOSITIONS[before.key]
        found = {forms[c] for c in cases & governed}
        if len(found) != 1:
            return None
        pronoun = found.pop()
        preposition = long_form if person and pronoun in {"мне", "мной"} else before.key
        said = f"{preposition} {pronoun}"
        return before.start, capitalise(said) if before.text[:1].isupper() else said
    if before.pos not in _VERB_POS:
        return None  # «в приёмной депутата»: a possessive, or a word whose case nothing decides
    allowed = _PERSON_CASES_AFTER_VERB if person else frozenset({"datv"})
    found = {forms[c] for c in cases & allowed}
    if len(found) != 1 or (cases - allowed and not person):
        return None
    return tokens[i].start, found.pop()


def _clause_follows(tokens: Sequence[Token], j: int, cases: set[str]) -> bool:
    """«депутату, избранному…», «главе, который…», «депутату Иванову» (another name): the noun is needed."""
    if j >= len(tokens):
        return False
    nxt = tokens[j]
    if nxt.text == "," and j + 1 < len(tokens):
        nxt = tokens[j + 1]
        if nxt.lemma == "который":
            return True
    agrees = any(p.pos in {"PRTF", "ADJF"} and cases & p.grammemes and "sing" in p.grammemes for p in nxt.parses)
    return nxt.is_word and (agrees or nxt.text[:1].isupper() and tokens[j] is nxt)


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    edit: Edit | None  # None: no pronoun can stand here («в приёмной депутата»)
    agent: bool  # «главой района проведено»: the doer of a passive, KC201's to rewrite
    own_words: bool = False  # «По словам главы района, …» → «…»: the author's own words need no source


def _mentions(document: Document, profile: AuthorProfile, start: int, end: int) -> list[_Mention]:
    """Every oblique mention of the author in ``[start, end)``, with its edit when a pronoun fits."""
    found: list[_Mention] = []
    for sentence in document.sentences:
        if not (start <= sentence.start < end):
            continue
        tokens = sentence.tokens
        i = 0
        while i < len(tokens):
            if not _first_word(tokens, i, profile) or not (cases := _cases(tokens[i], profile)):
                i += 1
                continue
            name = _own_words(_name_after(tokens, i))
            j = sentence.position(name[-1]) + 1
            if any(t.protected for t in name) or not names_author(profile, tokens[i], name) or (
                    not told_apart(name, tokens[i], profile) and namesake_near(document, profile, sentence.start)):
                i = j  # «Жители поблагодарили больницу» after «Областная больница провела приём»: which?
                continue
            span = (tokens[i].start, name[-1].end)
            if cases == {"ablt"} and (i == 0 or tokens[i - 1].pos != "PREP"):
                found.append(_Mention(*span, None, True))
            else:
                own = _own_words_edit(tokens, i, j) if profile.person else None
                if own is not None:
                    found.append(_Mention(*span, own, False, True))
                    i = j
                    continue
                said = None if _clause_follows(tokens, j, cases) else _pronoun(tokens, i, cases, profile.person)
                found.append(_Mention(*span, Edit(said[0], name[-1].end, said[1]) if said else None, False))
            i = j
    return found


def author_agents(document: Document) -> tuple[tuple[int, int], ...]:
    """Where the author is the instrumental doer of a passive («отделом культуры администрации
    района организовано…»): the author's own act, told in the third person until KC201 says «мы»."""
    profile = author_profile(document)
    if profile is None:
        return ()
    return tuple((m.start, m.end) for m in _mentions(document, profile, 0, len(document.text)) if m.agent)


def _own_words_edit(tokens: Sequence[Token], i: int, j: int) -> Edit | None:
    """«По словам главы района Петра Васильева, ремонт завершится…» on his own page → «Ремонт
    завершится…»: only that opening, the name right after «По словам» and a comma after the name
    («По словам главы, который…» keeps its clause; «По мнению» is an opinion, left as it is)."""
    if i != 2 or tokens[0].key != "по" or tokens[1].key != "словам" or j + 1 >= len(tokens):
        return None
    if tokens[j].text != "," or not tokens[j + 1].is_word or _clause_follows(tokens, j, {"gent"}):
        return None
    nxt = tokens[j + 1]
    return Edit(tokens[0].start, nxt.end, capitalise(nxt.text))


def _personal_name(token: Token) -> bool:
    return token.text[:1].isupper() and any(p.grammemes & {"Name", "Surn"} for p in token.parses[:2])


def _own_words(name: list[Token]) -> list[Token]:
    """The name up to its first word that reads first as something else than a noun's part:
    «министром [даны поручения]» («даны» is a short participle, a genitive noun only by a stretch).
    Another genitive stays in the name, so that «главе города» is not the author's «главе»."""
    for k, t in enumerate(name[1:], 1):
        if t.is_word and t.pos not in {"NOUN", "ADJF", "PRTF", "NUMR"} and not t.text[:1].isupper():
            return name[:k]
    return name


def paragraph_span(document: Document, offset: int) -> tuple[int, int]:
    """Start and end of the paragraph at ``offset`` (the offset alone when it is in none)."""
    for paragraph in document.paragraphs:
        if paragraph.start <= offset < max(paragraph.end, paragraph.start + 1):
            return paragraph.start, paragraph.end
    return offset, offset


def first_person_blocked(document: Document, offset: int, agents: bool = True) -> bool:
    """Whether the paragraph at ``offset`` keeps the author in the third person (see
    :func:`_paragraph_blocked`); for a person author, whether any paragraph of the post does:
    «Я посетил завод.» over «Сергей Волков ознакомился с производством…» reads as two people."""
    if _paragraph_blocked(document, offset, agents):
        return True
    profile = author_profile(document)
    layer = _blocked_paragraphs_with_agents if agents else _blocked_paragraphs
    return profile is not None and profile.person and (
        bool(document.shared(layer)) or document.shared(bare_title_of_author))


def _blocked_paragraphs(document: Document) -> tuple[int, ...]:
    """The starts of the paragraphs that keep a person author in the third person; a passive with
    the author as its doer counts as rewritten (KC201 makes it «я»)."""
    return tuple(p.start for p in document.paragraphs if _paragraph_blocked(document, p.start, agents=False))


def _blocked_paragraphs_with_agents(document: Document) -> tuple[int, ...]:
    """The same, for KC304 and the pronouns: a doer in the instrumental that stays («По итогам
    совещания главой района даны поручения») keeps the whole post in the third person, or «Я
    потребовал…» in the next paragraph would speak in a second voice."""
    return tuple(p.start for p in document.paragraphs if _paragraph_blocked(document, p.start, agents=True))


def _paragraph_blocked(document: Document, offset: int, agents: bool = True) -> bool:
    """Whether the paragraph at ``offset`` keeps the author in the third person somewhere no «я» /
    «мы» reaches: a KC304 mention it cannot rewrite («Комитет по … совместно с … проводит»), a doer
    in the instrumental («Управлением … проведена проверка», unless ``agents`` is false: KC201 is
    rewriting that very doer, a personal name too: «Ольгой Смирновой проведён рейд» → «Я провела рейд»),
    or, for a person, «По словам главы» and «в приёмной депутата».
    «Я провёл совещание. По словам главы…» would speak in two voices: the paragraph stays as it is."""
    profile = author_profile(document)
    if profile is None:
        return False
    start, end = paragraph_span(document, offset)
    rewrites = document.shared(self_rewrites)
    if any(start <= found.start < end and not found.edits and _told_as_self(found) for found in rewrites):
        return True
    mentions = _mentions(document, profile, start, end)
    for mention in mentions:
        if mention.agent and agents or not mention.agent and mention.edit is None and profile.person:
            return True
    fixed = [e for found in rewrites for e in found.edits] + list(document.shared(said_by_author))
    if not profile.person:
        return _subject_left(document, profile, start, end, fixed)  # «Лучшие работы библиотека разместит…»
    if any(start <= p.start < end and p.edit is None for p in document.shared(pronoun_mentions)):
        return True  # «Он в своём выступлении отметил…»
    if _oblique_pronoun_left(document, profile, start, end, fixed):
        return True  # «…приём граждан, в ходе которого к нему обратились 9 человек»
    return _nominative_left(document, profile, start, end, fixed, mentions)  # «— сказала Ольга Маслова»


# «к нему», «с ней»: the author after a preposition, which no first-person rewrite reaches
_OBLIQUE = {"нему": "masc", "него": "masc", "ним": "masc", "нём": "masc", "нем": "masc",
            "ней": "femn", "неё": "femn", "нее": "femn", "нею": "femn"}


def _oblique_pronoun_left(document: Document, profile: AuthorProfile, start: int, end: int, fixed: list[Edit]) -> bool:
    """A person author's paragraph with «к нему» / «с ней» of the author's gender that no edit
    turns into «ко мне»: «Я провёл приём…, в ходе которого к нему обратились» would give the
    visitors to someone else.  Another man meant by «нему» only costs the rewrite."""
    gender = author_gender(document.author or "")
    covered = list(fixed)
    if any(start <= e.start < end for e in fixed):  # KC304's «ко мне» is applied only with its «Я»
        covered += [p.edit for p in document.shared(pronoun_mentions) if p.edit is not None]
    for sentence in document.sentences:
        if not start <= sentence.start < end:
            continue
        for t in sentence.tokens:
            if t.key in _OBLIQUE and gender in (None, _OBLIQUE[t.key]) and not any(
                    e.start <= t.start < e.end for e in covered) and not _person_before(sentence, profile, t.start):
                return True  # «обсудил с министром … с ним»: the minister, not the author
    return False


_QUOTE_MARKS = frozenset("«»\"„“")
# «Больница работает по субботам» (hours), «Музей был основан в 1965 году» (history): not the page acting
_NOT_ACTS = frozenset({"работать", "быть"})


def _joined_name(tokens: Sequence[Token], name: list[Token], profile: AuthorProfile) -> list[Token]:
    """The name with an «и …» the author's own name goes on with: «центр культуры [и досуга]»."""
    at = tokens.index(name[-1]) + 1
    while at + 1 < len(tokens) and tokens[at].key == "и" and tokens[at + 1].is_word and (
            tokens[at + 1].lemmas & profile.lemmas or tokens[at + 1].key in profile.lemmas):
        name = [*name, tokens[at], tokens[at + 1]]
        at += 2
    return name


def _subject_left(document: Document, profile: AuthorProfile, start: int, end: int, fixed: list[Edit]) -> bool:
    """An organisation author as the subject of a verb that no KC304 fix rewrites: «Лучшие работы
    библиотека разместит на выставке» (the object first), «Музей, как всегда, ждёт гостей».
    Opening hours («Больница работает по субботам») are said so by everybody and do not count."""
    for sentence in document.sentences:
        if not (start <= sentence.start < end):
            continue
        tokens = sentence.tokens
        for i, t in enumerate(tokens):
            if t.protected or not t.lemmas & ({profile.head} | profile.heads) or any(e.start <= t.start < e.end for e in fixed):
                continue
            if not any(p.pos == "NOUN" and {"nomn", "sing"} <= p.grammemes for p in t.parses[:1]):
                continue
            name = _joined_name(tokens, _own_words(_name_after(tokens, i)), profile)
            j = sentence.position(name[-1]) + 1
            if any(w.text in _QUOTE_MARKS for w in (*tokens[max(0, i - 3):i], *name, *tokens[j:j + 1])):
                continue  # «Средняя школа № 3» прошла линейка: a quoted name, not the subject
            after = [w for w in tokens[j:] if w.is_word][:1]
            if after and after[0].pos == "VERB" and after[0].lemma not in _NOT_ACTS and names_author(profile, t, name):
                return True
    return False


def _told_as_self(found: SelfRewrite) -> bool:
    """A mention that should have said «мы»: not history («музей был основан»), not a quote."""
    return found.shown is not None and not found.mention.head.protected


def _nominative_left(document: Document, profile: AuthorProfile, start: int, end: int, fixed: list[Edit],
                     inside: list[_Mention]) -> bool:
    """A nominative mention of the author in ``[start, end)`` that no KC304 fix rewrites."""
    for t in document.tokens:
        if not (start <= t.start < end) or not t.is_word or any(e.start <= t.start < e.end for e in fixed):
            continue
        if any(m.start <= t.start < m.end for m in inside):
            continue  # «Андрея Кузьмина»: «Кузьмина» reads as a nominative too
        if profile.person and not (t.lemma == profile.head or t.text[:1].isupper() and t.lemmas & profile.lemmas):
            continue
        if not profile.person and profile.head not in t.lemmas:
            continue
        if any(p.pos == "NOUN" and {"nomn", "sing"} <= p.grammemes for p in t.parses):
            return True
    return False


def _speaks_as_author(document: Document, profile: AuthorProfile, start: int, end: int, fixed: list[Edit]) -> bool:
    if any(start <= e.start < end for e in fixed):
        return True
    own = _FIRST_PERSON[profile.person]
    return any(start <= t.start < end and (t.key in own or t.lemma in own) for t in document.tokens if t.is_word)


def oblique_mentions(document: Document) -> list[Edit]:
    """«к депутату» → «ко мне» in every paragraph that already speaks as the author."""
    profile = author_profile(document)
    if profile is None:
        return []
    fixed = [e for found in document.shared(self_rewrites) for e in found.edits] + list(document.shared(said_by_author))
    edits: list[Edit] = []
    for paragraph in document.paragraphs:
        start, end = paragraph.start, paragraph.end
        if first_person_blocked(document, start):
            continue
        speaks = _speaks_as_author(document, profile, start, end, fixed)
        found = [m for m in _mentions(document, profile, start, end) if speaks or m.own_words]
        if _nominative_left(document, profile, start, end, fixed, found):
            continue
        edits += [m.edit for m in found if m.edit is not None]
    return edits


def names_author_in(document: Document, sentence: Sentence) -> bool:
    """«В краевой детской больнице установлен томограф» on the hospital's page: the sentence names
    the author as a place or a party, so «В краевой детской больнице мы установили…» would speak of
    it twice, in two voices; the third person plural («…установили томограф») keeps one."""
    profile = author_profile(document)
    if profile is None:
        return False
    tokens = sentence.tokens
    for i, t in enumerate(tokens):
        if t.protected or not (t.lemmas & ({profile.head} | profile.heads)):
            continue
        adjectives = [w for w in tokens[max(0, i - 3):i] if w.is_word and w.pos in {"ADJF", "PRTF"}]
        if names_author(profile, t, [*adjectives, *_own_words(_name_after(tokens, i))]):
            return True
    return False


def names_an_institution_place(document: Document, sentence: Sentence) -> bool:
    """«В МКУК «Межпоселенческая библиотека» проведён обзор» on the district administration's page:
    with an organisation as the configured author, an institution named as the place did the work
    (the author itself is caught by ``names_author_in``), so «мы провели» would claim the library's
    work; the third person plural says nothing wrong."""
    profile = author_profile(document)
    if profile is None or profile.person:
        return False
    words = sentence.words
    for i, t in enumerate(words[:-1]):
        if t.key not in ("в", "во"):
            continue
        for w in words[i + 1:i + 4]:
            if w.text in INSTITUTION_ACRONYMS or _ACRONYM_SHAPE.match(w.text) or w.lemma in INSTITUTION_NOUNS:
                return not (w.lemmas & ({profile.head} | profile.heads)) and w.text.upper() != profile.head
            if w.pos not in {"ADJF", "PRTF"}:
                break
    return False
