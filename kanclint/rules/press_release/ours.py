"""KC304 in the oblique cases: «при поддержке администрации района» on the administration's page.

Only with ``author`` configured (``we = true`` does not say which body is «we»): a noun followed
by the author's name in the genitive takes «наш» instead — «при поддержке администрации района»
→ «при нашей поддержке», «на сайте администрации» → «на нашем сайте», «Сотрудники музея
провели…» → «Наши сотрудники провели…».  «наш» agrees with the noun and stands before its
adjectives («на официальном сайте администрации» → «на нашем официальном сайте»).  Not
rewritten: a name joined to another by «и» or a comma («при поддержке администрации и
министерства»), two nouns sharing the name («анонсами и новостями музея»), a name followed by a
preposition that may belong to it («музея на площади Кирова»), a noun that already has an owner
(«её сайте», «своих сотрудников»), a noun whose case is ambiguous for «наш», text in quotes, an act
done to the author by others, whose genitive is its object («Посещение музея доступно по записи»
is no «Наше посещение», «открытие музея» no «наше открытие»).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from kanclint.model import Edit
from kanclint.rules.phrases.cleaning import clean_edits
from kanclint.rules.press_release.namesakes import namesake_near, told_apart
from kanclint.rules.press_release.voice import AuthorProfile, _name_word, author_profile, names_author
from kanclint.rules.press_release.words import _ACRONYM_SHAPE, INSTITUTION_ACRONYMS, INSTITUTION_NOUNS, TITLE_WORDS
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.inflection import capitalise, inflect_word

# a preposition with «о» added before a consonant cluster («во дворе», «со специалистами») loses it
# before «наш»: «в нашем дворе», «с нашими специалистами»
_VOWEL_PREPOSITIONS = {"во": "в", "ко": "к", "со": "с", "обо": "о", "изо": "из", "надо": "над", "подо": "под",
                       "передо": "перед"}
_OWNERS = frozenset({"наш", "ваш", "мой", "твой", "свой", "его", "её", "ее", "их", "этот", "тот", "данный"})
# the bodies that run the author: as a subject «Администрация школы благодарит» is the school
# itself speaking, and «Наша администрация благодарит» sounds like a country's government
_GOVERNING = frozenset({"администрация", "руководство", "дирекция"})
# acts whose genitive is their object: «посещение музея» is the visitors', not the museum's
_OBJECT_GENITIVE = frozenset({"посещение", "открытие", "закрытие", "основание", "создание", "строительство",
                              "реконструкция", "ремонт", "капремонт"})


@dataclass(frozen=True)
class OwnedMention:
    """«поддержке администрации района»: the author's name as the owner of a noun."""

    start: int  # the first word «наш» goes before (the noun or its first adjective)
    owner: Token  # the noun the name depends on
    name: tuple[Token, ...]  # the name in the genitive
    edit: Edit  # the fix: «нашей поддержке»


def _person_follows(after: list[Token]) -> bool:
    """A person's name (after a rank at most) right behind the title's owner: «подполковник Андрей Морозов»."""
    return any(t.text[:1].isupper() and bool(t.parses) and bool({"Name", "Surn"} & t.parses[0].grammemes)
               for t in after[:3])


def _same_case(model: str, word: str) -> str:
    return capitalise(word) if model[:1].isupper() else word


# the cases a preposition before the owner allows: «на средства музея» is accusative, so «на наши средства»
_PREPOSITION_CASES = {"в": {"loct", "accs"}, "во": {"loct", "accs"}, "на": {"loct", "accs"}, "о": {"loct"},
                      "об": {"loct"}, "при": {"loct"}, "по": {"datv"}, "к": {"datv"}, "ко": {"datv"}}


def _our(owner: Token, before: Token | None = None) -> str | None:
    """«наш» in the owner noun's form; None when its readings disagree («наши»/«наших»), unless the
    preposition ``before`` the owner (and its adjectives) leaves one: «на [внебюджетные] средства»."""
    cases = _PREPOSITION_CASES.get(before.key, set()) if before is not None and before.pos == "PREP" else set()
    forms = {inflect_word("наш", p) for p in owner.parses if p.pos == "NOUN" and (not cases or p.grammemes & cases)}
    forms.discard(None)
    return forms.pop() if len(forms) == 1 else None


def _our_subject(owner: Token, after: Sequence[Token]) -> str | None:
    """«Учителя школы ответили»: an owner noun whose case is ambiguous («учителя»: of one teacher, or
    teachers) is the subject when a past or third-person verb agreeing in number follows the name."""
    verb = after[0] if after else None
    if verb is None or verb.pos != "VERB" or not verb.parses:
        return None
    number = verb.parses[0].grammemes & {"sing", "plur"}
    forms = {inflect_word("наш", p) for p in owner.parses if p.pos == "NOUN" and {"nomn"} | number <= p.grammemes}
    forms.discard(None)
    return forms.pop() if len(forms) == 1 else None


def _name_after(tokens: tuple[Token, ...], i: int) -> list[Token]:
    name = [tokens[i]]
    quoted = False
    for t in tokens[i + 1 :]:
        if t.text in {"«", "„"}:
            quoted = True
        elif t.text in {"»", "“"}:
            quoted = False
        if quoted and t.is_word:  # «ГБУЗ «Районная больница»: a quoted name is read to its end
            name.append(t)
            continue
        if not _name_word(t, quoted) or (t.is_word and not t.text[:1].isupper() and not any(
            "gent" in p.grammemes for p in t.parses
        )):
            break
        name.append(t)
    opened = [k for k, t in enumerate(name) if t.text in {"«", "„"}]
    if opened and not any(t.text in {"»", "“"} for t in name[opened[-1]:]):
        name = name[:opened[-1]]  # a quote that does not close here: never end a name inside it
    while name and not (name[-1].is_word or name[-1].text.isdigit() or name[-1].text in {"»", "\""}):
        name.pop()
    return name


def _genitive_institution(token: Token) -> bool:
    if token.text in INSTITUTION_ACRONYMS or _ACRONYM_SHAPE.match(token.text):
        return True
    return any(p.pos == "NOUN" and "gent" in p.grammemes and p.lemma in INSTITUTION_NOUNS for p in token.parses)


def _past_adjectives(tokens: tuple[Token, ...], i: int) -> int:
    """The index of the first word from ``i`` that is not a genitive adjective (at most three skipped)."""
    k = i
    while k < len(tokens) - 1 and k - i < 3 and tokens[k].is_word and any(
        p.pos == "ADJF" and "gent" in p.grammemes for p in tokens[k].parses
    ):
        k += 1
    return k


def _passive_doer(sentence: Sentence, owner: Token, before: Token | None) -> bool:
    """The owner is the instrumental doer of a passive: «наш» would not make the sentence active.

    «Сотрудниками отдела были посещены 30 детей» → «Нашими сотрудниками были посещены…» reads no
    better; the passive rule (KC201) is the one that can turn it, and it keeps the name.
    """
    if before is not None and before.pos == "PREP":
        return False  # «с сотрудниками музея»: a partner, not a doer
    if not any(p.pos == "NOUN" and "ablt" in p.grammemes for p in owner.parses):
        return False
    return any(t.pos == "PRTS" or (t.pos in ("VERB", "INFN") and t.key.endswith(("ся", "сь"))) for t in sentence.tokens)


def _quote_blocks_active(sentence: Sentence, first: Token, name: list[Token]) -> bool:
    """«Сотрудниками МО МВД «Каменский» раскрыта…» opening the sentence: KC201 keeps a quoted name in
    place and so cannot turn the passive, but it turns «Нашими сотрудниками раскрыта…» into «Наши
    сотрудники раскрыли…» on the next round, so here «наш» is the way to the active voice."""
    return first is sentence.content[0] and any(t.text in {"«", "„", "\""} for t in name)


def _counted_passive(sentence: Sentence) -> bool:
    """«…привито более 300 человек», «было осмотрено 312 жителей»: a neuter short participle with a
    count for its subject, which the passive rule (KC201) does not turn, so «нашими специалистами»
    would stay in a passive."""
    return any(t.pos == "PRTS" and {"neut", "sing"} <= t.parses[0].grammemes for t in sentence.tokens if t.parses)


def _named_elsewhere(document: Document, sentence: Sentence, name: list[Token]) -> bool:
    """The quoted name comes again in another sentence of the post: there the post says «мы», so
    «Специалистами ГБУЗ «…» привито…» left as it is would put the post in two voices; alone, the
    passive «Нашими специалистами было осмотрено…» reads no better than the name."""
    written = document.text[name[0].start:name[-1].end]
    rest = document.text[:sentence.start] + "\n" + document.text[sentence.end:]
    return written in rest


def _mentions_in(document: Document, sentence: Sentence, profile: AuthorProfile) -> list[OwnedMention]:
    tokens = sentence.tokens
    found: list[OwnedMention] = []
    for i in range(1, len(tokens)):
        owner = tokens[i - 1]
        k = _past_adjectives(tokens, i)  # «Специалисты [Центральной районной] больницы»
        head = tokens[k]
        own = any(p.pos == "NOUN" and "gent" in p.grammemes and p.lemma in profile.heads for p in head.parses)
        if owner.pos != "NOUN" or owner.protected or head.protected or not (_genitive_institution(head) or own):
            continue
        if any(t.protected for t in tokens[i:k]) or owner.lemma in _OBJECT_GENITIVE:
            continue  # «Посещение музея доступно по записи»: not «Наше посещение»
        name = [*tokens[i:k], *_name_after(tokens, k)]
        after = tokens[sentence.position(name[-1]) + 1 :][:4]
        if len(after) >= 2 and after[0].text in {"и", ",", "или"} and any("gent" in p.grammemes for p in after[1].parses):
            continue  # «администрации и министерства»: «нашей» would drop the other body
        if not names_author(profile, head, name):
            continue
        if not told_apart(name, head, profile) and namesake_near(document, profile, sentence.start):
            continue  # «Школа № 5 стала победителем. Коллективу школы вручили…»: maybe the other school
        first = owner
        j = i - 2
        while j >= 0 and tokens[j].is_word and any(p.pos in {"ADJF", "PRTF"} for p in tokens[j].parses):
            first = tokens[j]
            j -= 1
        if j >= 0 and tokens[j].key in _OWNERS or first.key in _OWNERS:
            continue
        if j >= 0 and tokens[j].text in {"и", ",", "или"}:
            continue  # «анонсами и новостями музея»: the name owns both nouns
        # «отдел кадров больницы», «в отделе земельных отношений администрации»: not «наших»; people are («с участием наших представителей»)
        if j >= 0 and tokens[j].pos == "NOUN" and owner.parses and "gent" in owner.parses[0].grammemes and (
                tokens[j].parses[0].grammemes & {"nomn", "accs"} or "inan" in owner.parses[0].grammemes):
            continue
        if owner.lemma in _GOVERNING and owner.parses and "nomn" in owner.parses[0].grammemes:
            continue  # «Администрация школы выражает благодарность»: not «Наша администрация»
        if owner.lemma in TITLE_WORDS and _person_follows(after):
            continue  # «Начальник отдела МВД подполковник Андрей Морозов»: a protocol title, not «наш начальник»
        if after and after[0].pos == "PREP" and name[-1].text not in {"»", "“", "\""}:
            continue  # «музея на площади Кирова», «управления по делам молодёжи»: the name may go on
        if _passive_doer(sentence, owner, tokens[j] if j >= 0 else None) and not (
            _quote_blocks_active(sentence, first, name)
            and (not _counted_passive(sentence) or _named_elsewhere(document, sentence, name))
        ):
            continue  # «Специалистами центра были организованы»: «нашими специалистами были…» keeps the passive
        if all(first.start <= t.start < name[-1].end for t in sentence.words):
            continue  # «Администрация гимназии» under a post is its signature, not «Наша администрация»
        our = _our(owner, tokens[j] if j >= 0 else None) or _our_subject(owner, after)
        if our is None:
            continue
        words = document.text[first.start:owner.end]
        opening = first is sentence.content[0] and words[:1].isupper()
        replacement = (capitalise(our) + " " + words[:1].lower() + words[1:]) if opening else f"{our} {words}"
        start = first.start
        if j >= 0 and tokens[j].key in _VOWEL_PREPOSITIONS:  # «во дворе школы» → «в нашем дворе»
            short = _VOWEL_PREPOSITIONS[tokens[j].key]
            start, replacement = tokens[j].start, f"{_same_case(tokens[j].text, short)} {replacement}"
        edit = clean_edits(document.text, sentence.start, sentence.end, [Edit(start, name[-1].end, replacement)])
        if edit is not None:
            found.append(OwnedMention(first.start, owner, tuple(name), edit))
    return found


def owned_mentions(document: Document) -> list[OwnedMention]:
    """Every «noun + the author's name in the genitive» of the post (none without ``author``)."""
    profile = author_profile(document)
    if profile is None or profile.person:
        return []
    return [m for sentence in document.sentences for m in _mentions_in(document, sentence, profile)]
