"""Whether a noun in the instrumental right after a passive is its doer, though no list knows the noun.

«Концерт был организован детским садом», «Вакцина была доставлена аптечным складом», «Праздник
подготовлен казачьим обществом»: the noun in the instrumental that follows the participle is who did
it.  The lists of doers (bodies, staff, firms) keep finding new nouns, and a doer-less rewrite then
writes «Мы организовали концерт детским садом» — another body's act claimed, and a sentence no
editor would pass.  So any bare instrumental noun right after the participle (after its adjectives)
counts as a possible doer, except

* after verbs whose instrumental says «with what»: «оснащены оборудованием», «награждены
  грамотами», «покрыта асфальтом», «огорожена забором», «обработаны антисептиком»;
* a time or manner noun: «выполнят летом», «приняли голосованием», «доставлены самолётом»
  (a vehicle is how, not who).

A recipient in the dative or one short phrase with a preposition may stand between: «переданы в дар
местным питомником» is the nursery's gift too.

Such a passive is left as it is; no «мы», no «…-ли».
"""

from __future__ import annotations

from kanclint.rules.press_release.oblique_self import paragraph_span
from kanclint.rules.press_release.words import TITLE_WORDS
from kanclint.rules.syntax.passive_detection import _after_preposition, _morph_passive, _Passive
from kanclint.rules.syntax.words import NOT_AGENTS
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.morphology import Parse

# verbs whose instrumental is the thing used or given, not the doer
_WITH_WHAT = frozenset({
    "оснастить", "оснащать", "оборудовать", "обеспечить", "обеспечивать", "снабдить", "снабжать",
    "укомплектовать", "комплектовать", "наградить", "награждать", "отметить", "отмечать", "поощрить",
    "премировать", "украсить", "украшать", "заполнить", "заполнять", "наполнить", "наполнять", "покрыть",
    "покрывать", "засеять", "засеивать", "засыпать", "посыпать", "обработать", "обрабатывать", "залить",
    "заливать", "огородить", "ограждать", "оградить", "осветить", "освещать", "вымостить", "выложить",
    "облицевать", "утеплить", "покрасить", "окрасить", "застелить", "дополнить", "дополнять", "заменить",
    "заменять", "пополнить", "пополнять", "подтвердить", "заверить", "оплатить", "оплачивать", "измерить",
    "признать", "считать", "назвать", "называть", "избрать", "назначить", "объявить", "выбрать",
    "связать", "соединить", "окружить", "засадить", "озеленить", "благоустроить",
})
# nouns that tell when or how: «летом», «голосованием», «автобусом» (and the data list ``not-agents``:
# «наличными», «картой»)
_HOW_OR_WHEN = frozenset({
    "лето", "зима", "весна", "осень", "утро", "вечер", "ночь", "день", "время", "раз", "способ", "образ",
    "путь", "порядок", "голосование", "большинство", "единогласие", "автобус", "транспорт", "самолёт",
    "самолет", "вертолёт", "вертолет", "поезд", "машина", "автомобиль", "почта", "курьер", "вручную",
    "помощь", "сила", "средство", "счёт", "счет", "формат", "режим", "темп", "объём", "объем", "итог",
})


def _adjective(token: Token) -> bool:
    return bool(token.parses) and token.parses[0].pos in {"ADJF", "PRTF", "NUMR"} and any(
        "ablt" in p.grammemes for p in token.parses[:3])


def _past_recipient(tokens: tuple[Token, ...], i: int) -> int:
    """Past a recipient in the dative right after the participle: «подарены [лицею] питомником»."""
    k = i
    while k < len(tokens) and k - i < 3 and tokens[k].is_word and tokens[k].parses and (
            tokens[k].parses[0].pos in {"ADJF", "NOUN"} and any("datv" in p.grammemes for p in tokens[k].parses[:3])):
        k += 1
    return k if k > i and k < len(tokens) and tokens[k - 1].parses[0].pos == "NOUN" else i


_PHRASE_LENGTH = 3  # words after the preposition: «в дар», «в районную больницу»


def _past_place(tokens: tuple[Token, ...], i: int) -> int:
    """Past one prepositional phrase not in the instrumental right after the participle: «переданы
    [в дар] питомником», «доставлен [в больницу] волонтёрами»; the doer may follow it."""
    if i >= len(tokens) or tokens[i].pos != "PREP" or tokens[i].key in ("с", "со", "между", "над", "под", "за", "перед"):
        return i
    k = i + 1
    while k < len(tokens) and k - i <= _PHRASE_LENGTH and tokens[k].is_word and tokens[k].parses and (
            tokens[k].parses[0].pos in {"ADJF", "NOUN", "PRTF"} and "ablt" not in tokens[k].parses[0].grammemes):
        k += 1
        if tokens[k - 1].parses[0].pos == "NOUN":
            return k
    return i


def instrumental_doer_after(sentence: Sentence, f: _Passive, group: list[Token]) -> bool:
    """«организован [детским садом]»: a bare instrumental noun right after the passive group."""
    if f.lemma in _WITH_WHAT:
        return False
    tokens = sentence.tokens
    i = _past_recipient(tokens, _past_place(tokens, _past_recipient(tokens, sentence.position(group[-1]) + 1)))
    while i < len(tokens) and tokens[i].is_word and _adjective(tokens[i]):
        i += 1
    if i >= len(tokens) or not tokens[i].is_word or not tokens[i].parses:
        return False
    best = tokens[i].parses[0]
    if best.pos != "NOUN" or "ablt" not in best.grammemes or best.lemma in _HOW_OR_WHEN or best.lemma in NOT_AGENTS:
        return False
    return not _after_preposition(tokens, i)


def _antecedent_single(tokens: tuple[Token, ...], comma: int) -> bool:
    """Whether the noun group right before the clause's comma has a singular head: «депутату
    Кузнецову, которым…», «Совет ветеранов, которым…» (the head is the group's first noun)."""
    head = None
    for t in reversed(tokens[max(0, comma - 4):comma]):
        if not (t.is_word and t.parses and t.parses[0].pos in {"NOUN", "ADJF"}):
            break
        if t.parses[0].pos == "NOUN":
            head = t
    return head is not None and all("sing" in p.grammemes for p in head.parses if p.pos == "NOUN")  # «семьи»: plural too


def relative_doer_before(sentence: Sentence, group: list[Token]) -> bool:
    """«депутату Кузнецову, [которым] была оказана помощь»: the relative pronoun is the doer.

    «которыми» is only the instrumental; «которой» may be either case; «которым» after a singular
    noun is the instrumental too (its dative would be «которому»).  A doer-less rewrite would turn
    the helper into the helped («которым помогли»), so such a passive is left as written.
    """
    tokens = sentence.tokens
    i = sentence.position(group[0]) - 1
    while i >= 0 and tokens[i].is_word and tokens[i].key not in ("которым", "которыми", "которой"):
        if tokens[i].key.startswith("котор"):
            return False
        i -= 1
    if i < 0 or not tokens[i].is_word:
        return False
    if tokens[i].key in ("которыми", "которой"):
        return True
    return i > 0 and tokens[i - 1].text == "," and _antecedent_single(tokens, i - 1)


def named_doer_before(sentence: Sentence, group: list[Token]) -> bool:
    """«После ремонта спортивным комплексом «Олимпиец» возобновлена работа»: a noun in the
    instrumental right before the verb group, past its «…» name or «№ 12», is who acted; a
    doer-less rewrite would leave it hanging before the active verb.  So is an acronym there
    («В зимний период МКУ «Управление ЖКХ» осуществляется контроль»): it shows no case, and
    «…МКУ «Управление ЖКХ» следят» would read as a singular subject with a plural verb."""
    tokens = sentence.tokens
    at = sentence.position(group[0]) - 1
    numbered = at >= 1 and tokens[at].text[:1].isdigit() and tokens[at - 1].text == "№"
    if at >= 0 and tokens[at].text == "»":
        at = next((k - 1 for k in range(at - 1, max(-1, at - 9), -1) if tokens[k].text == "«"), -1)
    elif numbered:
        at -= 2  # «частью № 12» is a unit, though «частью» alone says how much
    elif not (at >= 0 and _acronym(tokens[at])):
        return False
    if at >= 0 and _acronym(tokens[at]):
        return not _after_preposition(tokens, at)  # «в МФЦ принимаются»: a place, not a doer
    for _ in range(3):  # «домом [культуры] «Заря»»: the genitive words of the doer's name
        if at > 0 and _genitive(tokens[at]):
            at -= 1
    if at < 0 or not tokens[at].is_word or not tokens[at].parses:
        return False
    best = tokens[at].parses[0]
    if best.pos != "NOUN" or "ablt" not in best.grammemes:
        return False
    if not numbered and (best.lemma in _HOW_OR_WHEN or best.lemma in NOT_AGENTS):
        return False
    return not _after_preposition(tokens, at)


def _acronym(token: Token) -> bool:
    """«МКУ», «ГБУЗ»: an abbreviation in capitals, which does not decline."""
    return token.is_word and len(token.text) >= 2 and token.text.isupper() and token.text.isalpha()


def _genitive(token: Token) -> bool:
    return token.is_word and bool(token.parses) and token.parses[0].pos in {"NOUN", "ADJF"} and (
        "gent" in token.parses[0].grammemes)


def person_acted_before(document: Document, sentence: Sentence) -> bool:
    """«Иваном Петровым было принято решение… Данное решение было принято по итогам совещания»: an
    earlier sentence of the paragraph named one person (a name or a title in the instrumental) as a
    doer, so the next doer-less passive is most likely theirs; «решение приняли»
    would make it a group's.  The passive stays; KC304 or the author says who it was."""
    start, _ = paragraph_span(document, sentence.start)
    return any(start <= at < sentence.start for at in document.shared(_person_doer_sentences))


def _person_doer_sentences(document: Document) -> tuple[int, ...]:
    """Starts of the sentences with a passive and one person in the instrumental (once per document)."""
    return tuple(s.start for s in document.sentences if _names_person_doer(s))


def _names_person_doer(sentence: Sentence) -> bool:
    tokens = sentence.tokens
    # one person in the instrumental first (rare, and cheap to see), then a passive for it to do
    persons = [at for at, t in enumerate(tokens) if t.is_word and t.parses and _person_in_instrumental(t.parses[0])]
    if not persons or not any(_morph_passive(t) for t in tokens):
        return False  # «встреча с писательницей Анной Игоревой»: a person, but no passive's doer
    # «Главой района проведён приём»; «Глава района провёл сход. Подняли вопросы…» is fine
    return any(not _after_preposition(tokens, at) for at in persons)


def _person_in_instrumental(best: Parse) -> bool:
    person = best.grammemes & {"Name", "Surn"} or best.pos == "NOUN" and best.lemma in TITLE_WORDS
    return bool(person) and {"ablt", "sing"} <= best.grammemes


def doer_after_opening(sentence: Sentence, candidate: Token, verb: Token, head: Token | None) -> bool:
    """«В рамках подготовки к зиме сотрудниками учреждения проведена проверка»: natasha hangs the
    doer on the opening phrase's noun («подготовки … сотрудниками»), but a doer that only its own
    genitives part from the passive right after it is the passive's.  Only when the sentence opens
    with a preposition and the noun it was hung on stands apart from it («Руководство учреждением
    осуществляется…» keeps its object)."""
    tokens = sentence.tokens
    at, verb_at = sentence.position(candidate), sentence.position(verb)
    if head is None or not tokens or tokens[0].pos != "PREP" or not 0 <= sentence.position(head) < at - 1:
        return False
    between = tokens[at + 1 : verb_at]
    return verb_at > at and all(
        t.is_word and t.pos in ("NOUN", "ADJF") and any("gent" in p.grammemes for p in t.parses) for t in between)


# what «оказывается» gives when it is the passive of «оказывать»: «оказывается помощь специалистами»
_GIVEN = frozenset({"помощь", "содействие", "поддержка", "услуга", "консультация", "внимание", "давление"})


def help_given(sentence: Sentence) -> bool:
    """Whether «оказывается» of ``sentence`` is «оказывать» in the passive, not «оказаться» («turned out
    to be»): a thing given stands in the nominative beside it, so its instrumental is the doer."""
    return any(t.is_word and any(p.lemma in _GIVEN and p.pos == "NOUN" and "nomn" in p.grammemes for p in t.parses)
               for t in sentence.tokens)


def people_acted_just_before(document: Document, sentence: Sentence, f: _Passive) -> bool:
    """«…диктант написали более 1200 человек! Было организовано 75 площадок!»: a sentence that opens
    with the passive, right after one whose plural doers acted, would become «Организовали 75
    площадок» and read as theirs.  The passive stays when the sentence before, in the paragraph, has
    a plural verb not in the «мы» form and the passive (or its «был») is the sentence's first word."""
    first = next((t for t in sentence.tokens if t.is_word), None)
    if first is None or first is not (f.aux or f.verb):
        return False
    return plural_doers_before(document, sentence)


def plural_doers_before(document: Document, sentence: Sentence) -> bool:
    """The sentence before, in the same paragraph, has a plural verb not in the «мы» form
    («Волонтёры убрали берег.»): a verb opening this sentence in the third person plural reads as theirs."""
    if sentence.index == 0:
        return False
    previous = document.sentences[sentence.index - 1]
    start, _ = paragraph_span(document, sentence.start)
    if previous.start < start:
        return False
    return any(t.pos == "VERB" and "plur" in t.grammemes and "1per" not in t.grammemes for t in previous.words) \
        and not any(t.key in ("мы", "нами", "нас") for t in previous.words)


# «Проект реализуется при поддержке фонда» describes how a project runs; «Проект реализуют…» asks who
_ONGOING = frozenset({"реализовать", "реализовывать"})


def implied_doer(document: Document, sentence: Sentence, f: _Passive, tense: str, as_we: bool | None = None) -> bool:
    """Whether a doer-less passive has a doer the reader would read into a plain active: a person
    named as a doer earlier in the paragraph, plural doers of the sentence before, a body whose
    work it was («в результате работы комиссии совместно с партнёрами выполнен перевод»),
    or a project that «реализуется» (a description of how it runs, not an act).  The last two only
    where the rewrite can say «мы» (``as_we``, by default whether the page speaks as «мы»): «Мы
    реализуем проект…» says who, «Проект реализуют» does not (judge f12)."""
    if as_we is None:
        as_we = document.speaks_as_we
    if not as_we and (f.reflexive and tense == "pres" and f.lemma in _ONGOING or _work_of_someone(sentence)):
        return True
    return person_acted_before(document, sentence) or people_acted_just_before(document, sentence, f)


def _work_of_someone(sentence: Sentence) -> bool:
    """«в результате работы комиссии», «благодаря работе волонтёров»: the work is somebody's, and
    «выполнили перевод» after it would leave out the very doer the sentence names."""
    keys = [t.key for t in sentence.words]
    return any(a in ("результате", "благодаря", "итогам") and b in ("работы", "работе", "усилиям", "усилий")
               for a, b in zip(keys, keys[1:]))


# «Старт акции был дан» → «Старт акции дали» keeps the formula and reads worse («Акция стартовала» is
# the author's rewrite): a verb whose subject is its own idiom's noun
_SET_PHRASES = {"дать": frozenset({"старт"}), "давать": frozenset({"старт"})}
# «Законопроект принят в первом чтении» is the legislature's own term: «приняли в первом чтении»
# hides the Duma behind a colloquial «they» (judge f9); anywhere in the sentence
_SENTENCE_SET_PHRASES = {"принять": frozenset({"чтение"}), "принимать": frozenset({"чтение"})}


def set_phrase_passive(sentence: Sentence, f: _Passive) -> bool:
    """Whether the passive is half of a set phrase («Старт был дан», «дан старт»), which no active
    form makes plainer: the idiom's noun stands next to the verb (its subject, found or not)."""
    if (whole := _SENTENCE_SET_PHRASES.get(f.lemma)) is not None and any(t.lemma in whole for t in sentence.words):
        return True
    nouns = _SET_PHRASES.get(f.lemma)
    if nouns is None:
        return False
    at = sentence.position(f.verb)
    near = sentence.tokens[max(0, at - 4):at + 3]
    return any(t.is_word and t.lemma in nouns for t in near)
