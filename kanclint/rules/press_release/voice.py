"""KC304's detector and rewrite: the organisation (or its head) that names itself says «мы» («я»).

«Министерство провело совещание» on the ministry's own page is a press release; «Мы провели совещание»
is the page talking.  The rewrite is an unsafe fix offered only when the configuration says who
writes (``we = true`` or ``author = "…"``, see :attr:`Document.speaks_as_we`):

* with ``author`` naming an organisation, only mentions of that organisation are rewritten
  (same head noun, every other word one of the author's words, in any case); mentions of
  other bodies are not this rule's business and are not reported;
* with ``author`` naming a person by title («Глава Тальменского района»), «Глава района
  провёл приём» becomes «Я провёл приём»: the verb already has the person's gender;
* with ``we = true`` alone, a mention is rewritten when it is a plain common noun phrase («Администрация
  района», «Министерство»): a proper name, a number or a quote in it may be somebody else
  («Министерство просвещения России»), and the facts of a post are never dropped on a guess.

The verb takes the «мы» form: «провела» → «провели», «напоминает» → «напоминаем».  In the present
and future, with nothing between the name and the verb, «мы» is left out («Напоминаем жителям…»);
in the past it stays («Мы провели…»), since «Провели…» alone reads as «they».  Verbs joined by «и» or a
comma follow («проверила и отремонтировала»).  A namesake: :mod:`.namesakes`; an opening: :mod:`.later_subject`.

The rewrite must itself be clean: when the «мы» verb is канцелярит («Мы осуществляем приём», «Информируем»),
the dictionaries' own fix is applied to it («Принимаем граждан», «Сообщаем»); without one no fix is offered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Sequence
from kanclint.model import Edit, apply_edits
from kanclint.rules.phrases.cleaning import clean_phrase, clean_text, draft_findings, word_edit
from kanclint.rules.press_release.first_body import another_body_first
from kanclint.rules.press_release.helpers import bare_person_name, genitive_dependent, title_head, titled_person_name
from kanclint.rules.press_release.later_subject import body_after_opening, person_after_opening
from kanclint.rules.press_release.own_clause import _first_person, clause_edits
from kanclint.rules.press_release.own_names import after_title, clause_after_and, named_before, our_word, place_fact, title_met_before, untitled
from kanclint.rules.press_release.self_words import author_word, date_opening, partner, says_that
from kanclint.rules.press_release.announcements import inside_quoted_name, news_after_colon
from kanclint.rules.press_release.words import (_ACRONYM_SHAPE, ANNOUNCING_VERBS, INSTITUTION_ACRONYMS, INSTITUTION_NOUNS, MONTHS, PERIOD_NOUNS,
                                               RECENT_ADJECTIVES, RELATIVE_DAYS, TIME_NOUNS, TITLE_WORDS, WEEKDAYS, SINGULAR_ONLY_INSTITUTIONS)
from kanclint.rules.press_release.namesakes import namesake_near, told_apart
from kanclint.rules.press_release.regional import regional_body_in_local_post
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.grammar import PERSON_NAMES
from kanclint.text.inflection import capitalise

VOCATIVES = frozenset({"друзья", "коллеги", "ребята", "подписчики", "земляки", "жители", "родители", "гости",
                       "дорогие", "уважаемые", "любимые", "милые"})
_BREAKS = frozenset({",", ";", ":", "—", "–", "(", "?", "!"})
_QUOTES = frozenset("«»\"„“”'")
# words a time adjunct between the name and the verb is made of («с 1 марта», «в эту субботу»)
_TIME_WORDS = MONTHS | WEEKDAYS | TIME_NOUNS | PERIOD_NOUNS | RECENT_ADJECTIVES | RELATIVE_DAYS | {"г", "ежегодно"} | {
    "также", "тоже", "уже", "ещё", "еще", "вновь", "снова"}  # «Музей также проводит» → «Мы также проводим»
# lower-case words an author's name may leave out and a mention may add
_TOLERATED = frozenset({"муниципальный", "наш"})


@dataclass(frozen=True)
class SelfMention:
    """An organisation (or its head) as the subject of a sentence, with the verb that agrees."""

    sentence: Sentence
    name: tuple[Token, ...]  # the name as written, from its first word to its last
    head: Token  # the noun, acronym or title the verb agrees with
    between: tuple[Token, ...]  # words between the name and the verb (a time adjunct at most)
    verb: Token
    conjoined: tuple[Token, ...]  # verbs joined to ``verb`` by «и» or a comma
    clean_name: bool  # only words in the name, so the rest of the sentence can be rewritten around it
    capital: bool  # the name starts the sentence: «Мы»/«Приглашаем» take its capital
    joined: bool = False  # the subject of a clause after «, и»: «мы» stays («и мы храним»)


@dataclass(frozen=True)
class SelfRewrite:
    """What KC304 says and does for one mention."""

    mention: SelfMention
    shown: str | None  # the clean «мы» clause («Мы провели»), replacing ``[start, end)``; None: say only «мы»
    edits: tuple[Edit, ...]  # the fix, empty when the configuration does not allow it
    person: bool  # «я», not «мы»
    start: int
    end: int
    more: bool  # the sentence goes on after the clause


# -- who writes --------------------------------------------------------------------------


@dataclass(frozen=True)
class AuthorProfile:
    lemmas: frozenset[str]
    head: str  # lemma (or upper-case acronym) of the author's head word
    person: bool
    heads: frozenset[str] = frozenset()  # other nouns the author is called by: «больница» of «КГБУЗ «ЦРБ»»


def _word_keys(token: Token) -> set[str]:
    if token.text.isupper() and len(token.text) > 1 or token.text.isdigit():
        return {token.text.upper()}
    return set(token.lemmas) | {token.key}


@cache
def _author_profile(author: str) -> AuthorProfile | None:
    doc = Document(author)
    words = [t for t in doc.tokens if t.is_word or t.text.isdigit()]
    if not words:
        return None
    lemmas: set[str] = set()
    for t in words:
        lemmas |= _word_keys(t)
    first = words[0]
    if first.lemma in TITLE_WORDS or bare_person_name(words) or titled_person_name(author, words):
        return AuthorProfile(frozenset(lemmas), title_head(words), True)
    nouns = [t for k, t in enumerate(words) if _institution_head(t) and not genitive_dependent(words, k)] or [t for t in words if t.pos == "NOUN"][:1] or [first]
    heads = frozenset(t.lemma for t in nouns if not t.text.isupper())  # «Пожарная часть № 15»: «часть»
    return AuthorProfile(frozenset(lemmas), nouns[0].text.upper() if nouns[0].text.isupper() else nouns[0].lemma,
                         False, heads)


def author_profile(document: Document) -> AuthorProfile | None:
    return _author_profile(document.author) if document.author else None


def _matches_author(profile: AuthorProfile, mention: SelfMention, document: Document | None = None) -> bool:
    """The author's, told apart from any namesake in the paragraph (:mod:`.namesakes`) or a title met before."""
    return names_author(profile, mention.head, mention.name) and (document is None or (told_apart(
        mention.name, mention.head, profile) or not namesake_near(document, profile, mention.sentence.start)) and not (
        profile.person and title_met_before(document, mention.name, mention.head)))


def personal_name(profile: AuthorProfile, name: Sequence[Token]) -> bool:
    """Whether ``name`` is the author's own name: capitalised words of the author's, a surname
    or a first name among them, and two words at least unless it is a surname («Иванов»)."""
    words = [t for t in name if t.is_word]
    if not words or any(not t.text[:1].isupper() or not _word_keys(t) & profile.lemmas for t in words):
        return False
    kinds = {g for t in words for p in t.parses[:2] for g in p.grammemes & PERSON_NAMES}
    return len(words) >= 2 and bool(kinds) or "Surn" in kinds


def names_author(profile: AuthorProfile, head_token: Token, name: Sequence[Token]) -> bool:
    """Whether ``name`` (headed by ``head_token``) is the author's: same head, only the author's words."""
    if profile.person and personal_name(profile, untitled(name, profile.lemmas)):
        return True  # «[Депутат] Сергей Иванов посетил…» on the page of «Глава района Сергей Иванов»
    head = head_token.text.upper() if head_token.text.isupper() else head_token.lemma
    acronym = head_token.text.isupper() and head_token.text in profile.lemmas  # «СОШ № 5» of «МБОУ СОШ № 5»
    if head != profile.head and not (head_token.lemmas & ({profile.head} | profile.heads)) and not acronym:
        return False
    for t in name:
        if not (t.is_word or t.text.isdigit()) or t.text == "№":
            continue
        keys = _word_keys(t)
        if not keys & profile.lemmas and not (t.lemmas & _TOLERATED):
            return False
    return True


# -- detection ---------------------------------------------------------------------------


def _institution_head(token: Token) -> bool:
    if token.text in INSTITUTION_ACRONYMS or _ACRONYM_SHAPE.match(token.text):
        return True
    return any(p.lemma in INSTITUTION_NOUNS and "nomn" in p.grammemes and "NOUN" in p.grammemes
               and not (p.lemma in SINGULAR_ONLY_INSTITUTIONS and "plur" in p.grammemes)
               for p in token.parses)


def _finite_verb(token: Token) -> bool:
    g = token.grammemes
    return token.pos == "VERB" and "indc" in g and ("past" in g or "3per" in g)


def _after_vocative(sentence: Sentence) -> tuple[Token, ...]:
    """The sentence's content after a leading address («Друзья, министерство провело…»)."""
    content = sentence.content
    if not content or content[0].key not in VOCATIVES:
        return content
    for t in sentence.tokens:
        if t.start > content[0].start and t.text in {",", "!"}:
            return tuple(c for c in content if c.start > t.start)
        if t.start > content[0].start and t.is_word and t.key not in VOCATIVES and t.pos not in {"NOUN", "ADJF"}:
            break
    return content


# adjectives that name another party, never the page itself: «Подрядная организация ремонтирует…»
OTHER_PARTY = frozenset({
    "подрядный", "сторонний", "соседний", "другой", "иной", "каждый", "любой", "управляющий",
    "уполномоченный", "строительный", "ремонтный", "дорожный", "частный", "коммерческий", "проектный",
    "специализированный", "надзорный", "контрольный", "вышестоящий", "федеральный", "региональный",
    "профильный", "ответственный", "компетентный", "соответствующий", "территориальный",
})


def _nominative_adjective(token: Token) -> bool:
    return token.lemma not in OTHER_PARTY and any(
        p.pos in {"ADJF", "PRTF"} and "nomn" in p.grammemes and "Apro" not in p.grammemes
        and p.lemma not in OTHER_PARTY for p in token.parses
    )


def _name_word(token: Token, quoted: bool) -> bool:
    """A word that belongs to an organisation's name after its head («района», «№ 5», «„ЦБС“»)."""
    if quoted or token.text in _QUOTES or token.text in {"№", "-"} or token.text.isdigit():
        return True
    if token.text.isupper() and len(token.text) > 1:
        return True  # an acronym: «МБОУ СОШ»
    if not token.is_word:
        return False
    if any(p.pos in {"NOUN", "ADJF", "PRTF", "NUMR"} and "gent" in p.grammemes for p in token.parses):
        return True
    # a proper name in any case: «Республики Карелия», «Глава района Иван Петров»
    return token.text[:1].isupper() and token.pos not in {"VERB", "PRTS", "ADJS", "INFN", "PREP", "CONJ"}


def _time_word(token: Token) -> bool:
    if not token.is_word:
        return token.text.isdigit() or token.text in {".", "-"}
    return token.pos in {"ADVB", "PREP"} or bool(token.lemmas & _TIME_WORDS)


_SUBORDINATORS = frozenset({"что", "чтобы", "который", "где", "когда", "если", "потому", "так", "как", "куда", "откуда"})


def _conjoined(sentence: Sentence, verb: Token) -> tuple[Token, ...]:
    """«провела субботник и наградила лучших»: later verbs that share the subject.

    A verb counts when «и» or a comma stands right before it and it has the first verb's
    tense, number and gender; a clause of its own («…, который работает») ends the search.
    """
    tokens = sentence.tokens
    agree = verb.grammemes & {"past", "pres", "futr", "sing", "plur", "masc", "femn", "neut", "3per"}
    out: list[Token] = []
    for i in range(sentence.position(verb) + 1, len(tokens)):
        t = tokens[i]
        if t.text in {";", ":", "(", "—", "–", "?", "!"} or t.key in _SUBORDINATORS:
            break
        if t.pos == "VERB":
            joined = tokens[i - 1].text in {"и", ","}
            if not joined or not _finite_verb(t):
                break
            if (t.grammemes & {"past", "pres", "futr", "sing", "plur", "masc", "femn", "neut", "3per"}) != agree:
                break
            out.append(t)
    return tuple(out)


def _headline(token: Token) -> bool:
    """A word of a headline in capitals run into the sentence («ИГРА ДЛЯ ШКОЛЬНИКОВ 😊 Музей приглашает…»)."""
    return (
        token.text.isupper() and len(token.text) > 2 and token.text not in INSTITUTION_ACRONYMS
        and not _ACRONYM_SHAPE.match(token.text) and any(getattr(p.raw, "is_known", False) for p in token.parses)
    )


def _subject_words(sentence: Sentence) -> tuple[tuple[Token, ...], bool]:
    """The words where a subject may start, and whether it starts the sentence (takes a capital).

    Skipped before it: an address («Друзья,»), a headline in capitals, a date («23 мая», «В субботу»).
    """
    content = _after_vocative(sentence)  # «Друзья,» does not turn a report into a talk
    capital = bool(content) and content[0] is sentence.content[0]
    headline = 0
    while headline < len(content) and _headline(content[headline]):
        headline += 1
    if headline and headline < len(content):
        content = content[headline:]
    when = date_opening(content)
    if when and when < len(content):
        return content[when:], False
    return content, capital


def _leading_name(content: Sequence[Token]) -> list[Token]:
    """The capitalised words that open the subject: «Сергей Иванов» of «Сергей Иванов посетил…»."""
    name = []
    for t in content[:3]:
        if not t.is_word or not t.text[:1].isupper() or t.pos in {"VERB", "PRTS"}:
            break
        name.append(t)
    return name


def _subject_start(document: Document, sentence: Sentence, profile: AuthorProfile | None,
                   joined: tuple[Token, ...]) -> tuple[Sequence[Token], bool]:
    """The words where the subject starts and whether it takes the sentence's capital: past an
    opening adverbial; a clause after «, и» (``joined``) as it stands («…, и музей хранит»)."""
    if joined:
        return joined, False
    content, capital = _subject_words(sentence)
    if profile is not None and profile.person:  # «Затем Сергей Волков осмотрел…», «…. Также глава вручил»
        if later := person_after_opening(content, profile.lemmas, profile.head, named_before(document, sentence.start, profile.lemmas)):
            return content[later:], False
    elif document.speaks_as_we and (later := body_after_opening(document.text, content, _institution_head)):
        return content[later:], False  # «В прошлом месяце библиотека провела…»
    return content, capital


def _mention(document: Document, sentence: Sentence, profile: AuthorProfile | None,
             joined: tuple[Token, ...] = ()) -> SelfMention | None:
    content, capital = _subject_start(document, sentence, profile, joined)
    if not content:
        return None
    lead = content[0]
    head = lead
    adjectives = 0
    while adjectives < 3 and not _institution_head(head) and (_nominative_adjective(head) or profile is not None and our_word(head)):
        adjectives += 1  # «Озёрский национальный музей приглашает», «Наш музей»
        following = [t for t in content if t.start > head.start][:1]
        if not following:
            return None
        head = following[0]
    own = profile is not None and not profile.person and bool(head.lemmas & profile.heads)  # «часть» of the author
    if not (_institution_head(head) or own) or (adjectives and head.text.isupper() and not (profile and head.text in profile.lemmas)):
        title = profile is not None and profile.person and (head.lemma == profile.head and (not adjectives or bool(
            lead.lemmas & profile.lemmas)) or not adjectives and personal_name(profile, _leading_name(after_title(content, profile.lemmas))))
        if not title:
            return None
    head_sing = "plur" not in head.grammemes
    acronym = head.text.isupper()
    verb: Token | None = None
    name: list[Token] = [head]
    between: list[Token] = []
    quoted = False
    seen = 0
    for t in sentence.tokens:
        if t.start <= head.start:
            continue
        if t.text in _BREAKS:
            break
        if t.text in _QUOTES:
            quoted = not quoted if t.text in {"\"", "'"} else t.text in {"«", "„"}
        if not t.is_word:
            (between if between else name).append(t)
            continue
        seen += 1
        if seen > 8:
            break
        own_name = profile is not None and not between and author_word(t, profile.lemmas)  # «Ершов»: not ADJS
        if t.pos in {"VERB", "INFN", "PRTS", "ADJS", "PRED"} and not (own_name and t.text[:1].isupper()):
            if _finite_verb(t) and (acronym or not head_sing or "plur" not in t.grammemes):
                verb = t
            break
        if not between and (_name_word(t, quoted) or own_name):
            name.append(t)
        else:
            between.append(t)
    if verb is None or ((adjectives or head.lemma == "фонд") and verb.text.endswith(("ся", "сь"))) or profile is not None and profile.person and "plur" in verb.grammemes:
        return None  # «Книжный фонд пополнился»: a collection, not a body; «Врачи ЦРБ провели» are no person author
    name[:0] = [t for t in content if lead.start <= t.start < head.start]
    while name and not (name[-1].is_word or name[-1].text.isdigit() or name[-1].text in _QUOTES):
        between.insert(0, name.pop())  # trailing punctuation belongs to what follows
    clean = all(_time_word(t) for t in between) or partner(between)  # «совместно с лесничеством»
    return SelfMention(sentence, tuple(name), head, tuple(between), verb, _conjoined(sentence, verb), clean, capital, bool(joined))


def self_mentions(document: Document) -> list[SelfMention]:
    """Every sentence whose subject is an organisation (or, for a person author, their title) and its verb."""
    profile = author_profile(document)
    found: list[SelfMention] = []
    for sentence in document.sentences:
        mention = _mention(document, sentence, profile) if any(t.pos == "VERB" for t in sentence.tokens) else None
        joined = clause_after_and(sentence, profile.heads | {profile.head} | (profile.lemmas if profile.person else set())) if profile else ()
        later = _mention(document, sentence, profile, joined) if joined else None  # «…, и музей бережно хранит…»
        for m in (mention, later if later and not (mention and later.name[0].start <= mention.verb.end) else None):
            if m is None or place_fact(sentence, m.verb):
                continue
            if inside_quoted_name(document, m):
                continue  # «ООО «УК Жилсервис» информирует»: the words in «» are only the end of the name (judge h20)
            if profile is not None and not _matches_author(profile, m, document):
                continue  # another body: on the author's page it is rightly in the third person
            if profile is None and regional_body_in_local_post(document, m.name):
                continue  # «Министерство строительства области сообщает…» in a post about a district
            found.append(m)
    return found


# -- the rewrite -------------------------------------------------------------------------


_SPACES = re.compile(r"\s*")


def rewrite(document: Document, mention: SelfMention) -> SelfRewrite:
    """The «мы» clause for the message, and the fix when the configuration allows it."""
    profile = author_profile(document)
    person = profile is not None and profile.person
    reported = "past" in mention.verb.grammemes and another_body_first(document, mention.head.lemma, mention.name[0].start)
    applies = document.speaks_as_we and mention.clean_name and (profile is not None or _plain_name(mention) and not reported)
    sentence = mention.sentence
    text = document.text[sentence.start:sentence.end]
    base = sentence.start
    forms = [(_first_person(v, person), v) for v in (mention.verb, *mention.conjoined)]
    plain_end = mention.verb.end
    if mention.verb.lemma == "быть" and _short_form_follows(sentence, mention.verb):
        forms = [(None, mention.verb)]  # «Музей был основан»: «мы были основан» cannot agree, and is history
    if any(f is None for f, _ in forms) or mention.verb.lemma in ANNOUNCING_VERBS and not says_that(sentence, mention.verb):
        return SelfRewrite(mention, None, (), person, mention.name[0].start, plain_end, True)
    if mention.verb.lemma in ANNOUNCING_VERBS and profile is not None and (news := news_after_colon(document, mention)):
        return SelfRewrite(mention, None, (news,), False, news.start, news.end, True)  # «МФЦ информирует: с 1 марта…» → «С 1 марта…»
    pronoun = "я" if person else "мы"
    if not mention.clean_name:  # advice names the verb alone: the words between are the author's to place
        shown = clean_phrase(f"{pronoun} {forms[0][0]}")
        return SelfRewrite(mention, shown, (), person, mention.name[0].start, plain_end, True)
    past = "past" in mention.verb.grammemes
    drop = not past and not mention.between and not mention.joined
    opening = mention.capital
    edits: list[Edit] = []
    name_start, name_end = mention.name[0].start - base, mention.name[-1].end - base
    first_verb = forms[0][0] or ""
    if drop:
        gap = _SPACES.match(text, name_end).end()
        edits.append(Edit(name_start, gap, ""))
        verb_form = capitalise(first_verb) if opening else first_verb
    else:
        edits.append(Edit(name_start, name_end, capitalise(pronoun) if opening else pronoun))
        verb_form = first_verb
    edits.append(Edit(mention.verb.start - base, mention.verb.end - base, verb_form))
    for form, v in forms[1:]:
        edits.append(Edit(v.start - base, v.end - base, form or v.text))
    clause = clause_edits(sentence, (mention.conjoined or (mention.verb,))[-1], person, mention.verb, base)
    edits += clause or []  # «Я сказала, что буду…»; None: whose «продолжит ремонт» cannot be told
    new = apply_edits(text, edits)
    clause_start = name_start
    last = (mention.conjoined or (mention.verb,))[-1]
    clause_end = last.end - base + sum(len(e.replacement) - (e.end - e.start) for e in edits)
    kept = frozenset(t.key for t in sentence.tokens if t.is_word)
    cleaned = clean_text(new, clause_start, clause_end, kept)
    if cleaned is None:  # «Мы провели опрос.»: the draft's own «провела опрос» in the «мы» form
        cleaned = clean_text(new, clause_start, clause_end, kept, excused=draft_findings(text))
    if cleaned is None:
        return SelfRewrite(mention, None, (), person, mention.name[0].start, plain_end, True)
    new, clause_start, clause_end = cleaned
    while clause_end < len(new) and (new[clause_end].isalnum() or new[clause_end] == "-"):
        clause_end += 1  # «…, что приём» → «Приём»: a whole word, not its capital
    shown = new[clause_start:clause_end]
    end = base + clause_end - (len(new) - len(text))  # after the clause the texts agree
    more = clause_end < len(new.rstrip(" .!\n"))
    fix = (word_edit(text, new, base),) if applies and new != text and clause is not None else ()
    if any(document.is_protected(e.start, e.end) for e in fix):
        fix = ()  # a quote is the quoted person's words: «Администрация района провела…», — написал читатель
    return SelfRewrite(mention, shown or None, fix, person, base + clause_start, end, more)


def _short_form_follows(sentence: Sentence, verb: Token) -> bool:
    """Whether a short participle or adjective comes right after «быть» (adverbs may stand between)."""
    after = sentence.tokens[sentence.position(verb) + 1:]
    for token in after[:3]:
        if not token.is_word:
            return False
        if token.pos in ("PRTS", "ADJS"):
            return True
        if token.pos != "ADVB":
            return False
    return False


def _plain_name(mention: SelfMention) -> bool:
    """A common noun phrase («администрация района»): no proper name, number or quote to lose."""
    for t in mention.name:
        if t.start < mention.head.start:
            return False  # «Краеведческий музей», «Районная больница»: often another body; `author` decides
        if t.text[:1].isupper() and t is not mention.name[0] or t.text.isdigit() or t.text in _QUOTES or t.text == "№":
            return False
    return not mention.head.text.isupper()


def self_rewrites(document: Document) -> list[SelfRewrite]:
    """KC304's findings, each with its advice and (when configured) its fix; shared with KC307."""
    return [rewrite(document, m) for m in document.shared(self_mentions)]


def in_own_voice(text: str, author: str | None, we: bool) -> str:
    """``text`` (a sentence another rule wrote) with KC304's fixes applied: «Администрация района
    провела…» becomes «Мы провели…» when the configuration says the administration writes."""
    document = Document(text, author=author, we=we)
    edits = [e for found in self_rewrites(document) for e in found.edits]
    return apply_edits(text, edits) if edits else text
