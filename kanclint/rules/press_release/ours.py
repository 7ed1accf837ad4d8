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
is no «Наше посещение», «открытие музея» no «наше открытие»), a building known by the name («в
здании администрации» is an address), a noun after «этот» or «самый».  After «любой», «каждый»,
«весь», «другой» «наш» follows the determiner: «в любом нашем офисе».  The author's people as the
instrumental doer of a passive («Сотрудниками музея проведена экскурсия») are KC201's: «Нашими
сотрудниками проведена…» would keep the passive, so KC201 says «Наши сотрудники провели…» or nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Sequence

from kanclint.model import Edit
from kanclint.rules.phrases.cleaning import clean_edits
from kanclint.rules.press_release.namesakes import namesake_near, told_apart
from kanclint.rules.press_release.voice import AuthorProfile, _name_word, author_profile, names_author
from kanclint.rules.press_release.words import _ACRONYM_SHAPE, INSTITUTION_ACRONYMS, INSTITUTION_NOUNS, TITLE_WORDS
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.morphology import parse
from kanclint.text.inflection import capitalise, inflect_word
from kanclint.text.untouchable import quotations

# a preposition with «о» added before a consonant cluster («во дворе», «со специалистами») loses it
# before «наш»: «в нашем дворе», «с нашими специалистами»
_VOWEL_PREPOSITIONS = {"во": "в", "ко": "к", "со": "с", "обо": "о", "изо": "из", "надо": "над", "подо": "под",
                       "передо": "перед"}
_OWNERS = frozenset({"наш", "ваш", "мой", "твой", "свой", "его", "её", "ее", "их", "этот", "тот", "данный"})
# the bodies that run the author: as a subject «Администрация школы благодарит» is the school
# itself speaking, and «Наша администрация благодарит» sounds like a country's government
_GOVERNING = frozenset({"администрация", "руководство", "дирекция"})
# a building or a room known by its body's name: «в здании администрации» says where to go, «в нашем
# здании» does not («двор», «зал», «корпус» of the author are its own: «в нашем дворе» reads well)
_ADDRESS_NOUNS = frozenset({"здание", "помещение", "адрес", "кабинет", "приёмная", "приемная", "фойе", "холл",
                            "вестибюль", "территория"})  # «на нашу территорию» reads as a private turf (judge h52)
# verbal nouns whose genitive is their doer: «при поддержке администрации» → «при нашей поддержке»
_DOER_GENITIVE = frozenset({"поддержка", "помощь", "участие", "приглашение", "решение", "предложение", "содействие",
                            "инициатива", "деятельность", "работа", "руководство", "организация", "выступление",
                            "приветствие", "поздравление", "благодарность", "обращение", "сообщение", "информация"})
# acts in other shapes done to their genitive: «ремонт школы», «модернизация школы» («коллекция музея» is its own)
_ACTS_ON = frozenset({"строительство", "реконструкция", "ремонт", "капремонт", "модернизация", "реорганизация",
                      "ликвидация", "эвакуация", "дезинфекция", "инвентаризация", "газификация", "проверка", "закупка",
                      "покупка", "отделка", "уборка", "охрана", "оценка"})


def _act_on_it(owner: Token) -> bool:
    """«посещение музея», «на оснащение школы»: a verbal noun whose genitive is what is done to the
    author (the visitors' visit, «на наше оснащение» reads as «our gear», judge h50).  Only the acts a
    body does itself («поддержка», «участие») keep «наш»."""
    return owner.lemma not in _DOER_GENITIVE and (owner.lemma.endswith(("ние", "тие")) or owner.lemma in _ACTS_ON)


@dataclass(frozen=True)
class OwnedMention:
    """«поддержке администрации района»: the author's name as the owner of a noun."""

    start: int  # the first word «наш» goes before (the noun or its first adjective)
    owner: Token  # the noun the name depends on
    name: tuple[Token, ...]  # the name in the genitive
    edit: Edit  # the fix: «нашей поддержке»
    doer: bool = False  # the instrumental doer of a passive: KC201's to turn, never KC304's «нашими»


# pronominal words «наш» follows rather than precedes: «в любом нашем офисе», «во всех наших филиалах»;
# any other («этот», «тот», «самый», «такой») leaves the mention as it is
_DETERMINERS = frozenset({"любой", "каждый", "весь", "другой", "всякий", "иной"})


def _pronominal(token: Token) -> frozenset[str]:
    """The lemmas of ``token``'s pronominal-adjective readings («любом», «всех», «этом»); empty for
    a plain adjective.  «наш» cannot go before them: «в нашем любом офисе» is not Russian."""
    return frozenset(p.lemma for p in token.parses if p.pos == "ADJF" and "Apro" in p.grammemes)


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
    better; the passive rule (KC201) turns it into «Наши сотрудники посетили…» (:func:`owned_doers`)
    where it can rebuild the clause, and keeps the name where it cannot.
    """
    if before is not None and before.pos == "PREP":
        return False  # «с сотрудниками музея»: a partner, not a doer
    if not any(p.pos == "NOUN" and "ablt" in p.grammemes for p in owner.parses):
        return False
    return any(t.pos == "PRTS" or (t.pos in ("VERB", "INFN") and t.key.endswith(("ся", "сь"))) for t in sentence.tokens)


def _doer_of_passive(owner: Token, head: Token, after: Sequence[Token]) -> bool:
    """«В зимний период МКУ «Управление ЖКХ» осуществляется контроль»: an acronym shows no case, and
    right before a passive verb it is that verb's doer in the instrumental, not the owner of the
    noun before it («наш зимний период» would be nonsense).  An owner in the instrumental is the
    doer itself («Сотрудниками МО МВД «Каменский» раскрыта…»), the acronym its genitive."""
    if not (head.text.isupper() and head.text.isalpha()) or any(
            p.pos == "NOUN" and "ablt" in p.grammemes for p in owner.parses):
        return False
    verb = next((t for t in after if t.is_word), None)
    return verb is not None and any(
        p.pos == "PRTS" or p.pos == "VERB" and (p.lemma == "быть" or verb.key.endswith(("ся", "сь")))
        for p in verb.parses[:2])


def _placement(tokens: tuple[Token, ...], i: int) -> tuple[Token, int, bool] | None:
    """Where «наш» goes for the owner ``tokens[i - 1]``: the first word it stands before (the owner or
    its first adjective), the index of the word before the phrase (past a determiner «наш» follows:
    «в любом нашем офисе»), and whether there is such a determiner; ``None`` where «наш» cannot go."""
    owner = tokens[i - 1]
    first = owner
    j = i - 2
    while j >= 0 and tokens[j].is_word and any(p.pos in {"ADJF", "PRTF"} for p in tokens[j].parses) \
            and not _pronominal(tokens[j]):
        first = tokens[j]
        j -= 1
    if j >= 0 and (tokens[j].text[:1].isdigit() or tokens[j].pos == "NUMR" or tokens[j].text in {"»", "\"", "“"}):
        # «7–8 классов гимназии» → «7–8 наших классов» reads as «7 or 8 of our classes» (judge h20);
        # «9 «А» класса школы» → «9 «А» нашего класса» breaks the class's name (judge h30)
        return None
    determiner = _pronominal(tokens[j]) if j >= 0 and tokens[j].is_word else frozenset()
    if determiner and not determiner <= _DETERMINERS:
        return None  # «в этом офисе музея», «в самом здании школы»: not «в нашем этом офисе»
    if determiner:
        j -= 1  # «в любом офисе МФЦ» → «в любом нашем офисе»: «наш» follows the determiner
    if j >= 0 and tokens[j].key in _OWNERS or first.key in _OWNERS:
        return None
    if j >= 0 and tokens[j].text in {"и", ",", "или"}:
        return None  # «анонсами и новостями музея»: the name owns both nouns
    # «отдел кадров больницы», «в отделе земельных отношений администрации»: not «наших»; people are («с участием наших сотрудников»)
    if j >= 0 and tokens[j].pos == "NOUN" and owner.parses and "gent" in owner.parses[0].grammemes and (
            tokens[j].parses[0].grammemes & {"nomn", "accs"} or "inan" in owner.parses[0].grammemes):
        return None
    return first, j, bool(determiner)


def _our_edit(document: Document, sentence: Sentence, phrase: tuple[Token, Token, Token], before: Token | None,
              after: Sequence[Token], determiner: bool) -> Edit | None:
    """The edit that says «наш» instead of the name: ``phrase`` is the first word «наш» goes before,
    the owner and the name's last word; ``before`` the word before the phrase (its preposition)."""
    first, owner, last = phrase
    our = _our(owner, before) or _our_subject(owner, after)
    if our is None:
        return None
    words = document.text[first.start:owner.end]
    opening = first is sentence.content[0] and words[:1].isupper()
    replacement = (capitalise(our) + " " + words[:1].lower() + words[1:]) if opening else f"{our} {words}"
    start = first.start
    if before is not None and before.key in _VOWEL_PREPOSITIONS and not determiner:  # «во дворе школы» → «в нашем дворе»
        short = _VOWEL_PREPOSITIONS[before.key]
        start, replacement = before.start, f"{_same_case(before.text, short)} {replacement}"
    return clean_edits(document.text, sentence.start, sentence.end, [Edit(start, last.end, replacement)])


# what may stand before a sentence's first word: a capital after them is the sentence's, not a name's
_SENTENCE_OPENERS = frozenset({".", "!", "?", "…", "\n", "«", "\"", "(", "—", "–", "-", ":", "✅", "📌", "❗"})


_NAME_KINDS = frozenset({"Surn", "Name", "Patr", "Geox"})


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
        if owner.text[:1].isupper() and any(p.pos == "ADJF" or p.grammemes & _NAME_KINDS for p in owner.parses):
            continue  # «Каменская ЦРБ»: an adjective of the name (or a surname), not «Наша каменская» (judge h22)
        if quotations(document).contains(owner.start):
            continue  # «МКУ «Управление ЖКХ»»: a word of a quoted name, never «наше Управление»
        if any(t.protected for t in tokens[i:k]) or _act_on_it(owner):
            continue  # «Посещение музея доступно по записи»: not «Наше посещение»
        if owner.lemma in _ADDRESS_NOUNS:
            continue  # «в здании администрации»: an address the reader finds by the name, not «в нашем здании»
        if owner.lemma == "представитель":
            continue  # «с представителями администрации» → «с нашими представителями» reads as agents (judges h16, h18)
        if owner.text[:1].isupper() and i - 1 > 0 and tokens[i - 2].text not in _SENTENCE_OPENERS:
            continue  # «на Ночь музеев», «к Дню библиотек»: a capitalised word opens a name, not «нашу Ночь»
        name = [*tokens[i:k], *_name_after(tokens, k)]
        after = tokens[sentence.position(name[-1]) + 1 :][:4]
        if len(after) >= 2 and after[0].text in {"и", ",", "или"} and any("gent" in p.grammemes for p in after[1].parses):
            continue  # «администрации и министерства»: «нашей» would drop the other body
        if not names_author(profile, head, name) or head.lemmas & _settlement_lemmas(document.author or ""):
            continue  # «Жители Ключей» on the page of «ФАП д. Ключи»: the village's people, not «наши» (judge h44)
        if _doer_of_passive(owner, head, after):
            continue  # «в зимний период МКУ «Управление ЖКХ» осуществляется контроль»: not «наш период»
        if not told_apart(name, head, profile) and namesake_near(document, profile, sentence.start):
            continue  # «Школа № 5 стала победителем. Коллективу школы вручили…»: maybe the other school
        placed = _placement(tokens, i)
        if placed is None:
            continue
        first, j, determiner = placed
        # «Специалистами центра были организованы»: «нашими специалистами были…» would keep the passive;
        # the mention is KC201's, which says «Наши специалисты организовали…» where it can turn the clause
        doer = _passive_doer(sentence, owner, tokens[j] if j >= 0 else None)
        if owner.lemma in _GOVERNING and (doer or owner.parses and "nomn" in owner.parses[0].grammemes):
            continue  # «Администрация школы выражает благодарность», «Администрацией школы проведено»: not «Наша администрация»
        if owner.lemma in TITLE_WORDS and _person_follows(after):
            continue  # «Начальник отдела МВД подполковник Андрей Морозов»: a protocol title, not «наш начальник»
        if after and after[0].pos == "PREP" and name[-1].text not in {"»", "“", "\""}:
            continue  # «музея на площади Кирова», «управления по делам молодёжи»: the name may go on
        if all(first.start <= t.start < name[-1].end for t in sentence.words):
            continue  # «Администрация гимназии» under a post is its signature, not «Наша администрация»
        edit = _our_edit(document, sentence, (first, owner, name[-1]), tokens[j] if j >= 0 else None, after, determiner)
        if edit is not None:
            found.append(OwnedMention(first.start, owner, tuple(name), edit, doer))
    return found


def _all_owned(document: Document) -> list[OwnedMention]:
    profile = author_profile(document)
    if profile is None or profile.person:
        return []
    return [m for sentence in document.sentences for m in _mentions_in(document, sentence, profile)]


def owned_mentions(document: Document) -> list[OwnedMention]:
    """Every «noun + the author's name in the genitive» of the post (none without ``author``) that
    KC304 says with «наш»: not the doer of a passive (see :func:`owned_doers`)."""
    return [m for m in document.shared(_all_owned) if not m.doer]


def owned_doers(document: Document) -> list[OwnedMention]:
    """«Сотрудниками МБУК «Городская библиотека» проведена викторина»: the author's people as the
    instrumental doer of a passive.  «Нашими сотрудниками проведена…» reads no better, so KC304
    leaves them; the passive rule (KC201) says «Наши сотрудники провели викторину» where it can
    rebuild the clause, and nothing where it cannot."""
    return [m for m in document.shared(_all_owned) if m.doer]


_SETTLEMENT_MARKS = frozenset({"д", "с", "п", "пос", "г", "дер", "село", "деревня", "посёлок", "поселок", "город"})


@cache
def _settlement_lemmas(author: str) -> frozenset[str]:
    """Lemmas of the place an author's name ends with («ФАП д. Ключи» → «ключ»): a genitive of it
    names the village or town, not the author's own people or things."""
    words = re.findall(r"[^\W\d_]+", author)
    return frozenset(p.lemma for a, b in zip(words, words[1:]) if a.lower() in _SETTLEMENT_MARKS and b[:1].isupper()
                     for p in parse(b)[:3])
