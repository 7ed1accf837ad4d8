"""Sentence shapes where KC201's doer-less rewrite would read worse than the passive it replaces.

Found by reviewing rewrites of posts by schools, utilities and administrations: a passive that
shares its «будет» with another («будет отремонтировано 12 крыш и заменено 8 лифтов»), a list of
bare passives («рассмотрено…, проведено…»), an old subject that may itself act kept before the
new verb («Пожарные части привели…»), a «по …» complement that belonged to the verbal noun
(«рекомендации по организации»), the «не» that must follow «мы», and a subject that opens a list
(«проводятся беседы о здоровье, литературные чтения и мастер-классы»).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from kanclint.lexicon import word_list
from kanclint.rules.syntax.doers_named import PRIVATE_DOERS
from kanclint.rules.syntax.passive_detection import _after_preposition, _is_agent, _morph_passive, _Passive
from kanclint.rules.syntax.rewrite_objects import _Subject
from kanclint.rules.syntax.words import CIRCUMSTANCE_PO, MEASURED_VALUES, NOT_AGENTS, ORGANISATIONS, REFLEXIVE_PASSIVES
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.grammar import MAIN_CASES
from kanclint.text.morphology import Parse

_BETWEEN_POS = frozenset({"ADVB", "PRCL"})
_MODIFIER_POS = frozenset({"ADJF", "PRTF"})
_DASHES = frozenset({"—", "–", "-"})  # adverbs and particles that stand inside a verb group

# Groups of people that act, beside the bodies of ORGANISATIONS: «подготовлен ансамблем».
COLLECTIVES = frozenset({"ансамбль", "хор", "оркестр", "отряд", "группа", "студия", "бригада", "экипаж", "кружок", "труппа",
                         "дружина", "состав", "коллектив", "персонал", "караул",  # «личным составом части» (h28)
                         "смена", "наряд", "патруль", "расчёт", "звено", "штаб"})  # «Дежурной сменой станции» (h46)
_AUXILIARIES = frozenset({"быть"})
# bodies and teams beside ORGANISATIONS and COLLECTIVES that may act: «пожарные части», «команда»
_UNITS = frozenset({"часть", "служба", "подразделение", "команда"})


def parallel_passive(sentence: Sentence, group: list[Token], f: _Passive) -> bool:
    """A passive that shares its «быть» or parallels another bare one: «будет отремонтировано 12 крыш
    и заменено 8 лифтов», «рассмотрено 1 250 обращений, проведено 45 приёмов».  Rewriting one of
    them alone changes the tense of the other or mixes two voices in one list, as do two «-ся»
    passives («предоставляется жильё и выплачиваются подъёмные» → «…жильё и мы выплачиваем»).
    Passives with a «быть» each («была открыта школа, и в неё были переданы книги») stand apart."""
    mine = {t.start for t in group} | {t.start for t in f.conj} | ({f.aux.start} if f.aux is not None else set())
    words = sentence.words
    for i, t in enumerate(words):
        if t.start in mine:
            continue
        if f.aux is None and t.lemma in _AUXILIARIES and t.pos == "VERB":
            return True
        if _short_passive(t) and not _has_aux(words, i):
            return True
        if _reflexive_passive(t):
            return True  # «помощь оказывается, организован пункт»: «организовали» beside «оказывается»
    return False


_FULL_STOPS = (".", "!", "?", "…")
_NO_BULLETS = "«\"'„“([ "  # a quotation or a bracket opening two sentences makes no list


def passive_in_next_item(document: Document, sentence: Sentence) -> bool:
    """«📊 проведено 356 мероприятий; 📊 зарегистрировано 4 210 читателей»: an emoji or a list line
    ended by «;» cut one list into sentences; a bare passive in the item before or after makes it
    the same list as :func:`parallel_passive` keeps in one voice."""
    sentences = document.sentences
    at = next((i for i, s in enumerate(sentences) if s.start == sentence.start), None)
    if at is None:
        return False
    text = document.text
    for left, right in ((at - 1, at), (at, at + 1)):
        if left < 0 or right >= len(sentences):
            continue
        a, b = sentences[left], sentences[right]
        said, marker = text[a.start:a.end].rstrip(), text[a.start:a.start + 1]
        bullets = not marker.isalnum() and marker not in _NO_BULLETS and text[b.start:b.start + 1] == marker
        if not bullets and (said.endswith(_FULL_STOPS) or "\n" in text[a.start:b.start] and not said.endswith(";")):
            continue  # a full stop, or a new line that is no next item («;», the same ✅): a sentence of its own
        other = b if left == at else a
        words = other.words
        if any(_short_passive(t) and not _has_aux(words, i) for i, t in enumerate(words)):
            return True
    return False


def _short_passive(token: Token) -> bool:
    """A short passive participle, also where pymorphy3 first reads an adverb or a short adjective
    («открыто два детских сада», «закрыто 3 пункта»): beside another passive it is one."""
    return short_passive_readings(token.parses)


def short_passive_readings(parses: Sequence[Parse]) -> bool:
    """:func:`_short_passive` of a word's readings (also of a word a rewrite wrote)."""
    if not parses:
        return False
    if parses[0].pos == "PRTS":
        return "pssv" in parses[0].grammemes
    return parses[0].pos in ("ADVB", "ADJS") and any(p.pos == "PRTS" and "pssv" in p.grammemes for p in parses)


def _reflexive_passive(token: Token) -> bool:
    """A «-ся» verb of an action someone performs: «оказывается помощь», «принимаются заявки»."""
    found = _morph_passive(token)
    return found is not None and found[1] and found[0] in REFLEXIVE_PASSIVES


def _has_aux(words: list[Token], i: int) -> bool:
    """Whether the participle at ``i`` has its own «быть» right before it (adverbs aside)."""
    j = i - 1
    while j >= 0 and words[j].pos in _BETWEEN_POS:
        j -= 1
    return j >= 0 and words[j].lemma in _AUXILIARIES


def maybe_agent(token: Token) -> bool:
    """A noun that may itself act («пожарные части», «дети», «команда»): kept before an active verb it reads as the doer."""
    return any(p.pos == "NOUN" and ("anim" in p.grammemes or p.lemma in ORGANISATIONS or p.lemma in _UNITS
                                    or p.lemma in COLLECTIVES) for p in token.parses[:2])


def complement_after(sentence: Sentence, last: Token) -> bool:
    """«рекомендации по организации отдыха»: a «по» phrase after the noun is the noun's, not the new verb's.

    Where and when are the verb's as much as the noun's: «отключение электроэнергии по улицам
    Ленина» → «отключат электроэнергию по улицам Ленина» (:data:`CIRCUMSTANCE_PO`).
    """
    tokens = sentence.tokens
    at = sentence.position(last) + 1
    if at >= len(tokens) or tokens[at].key != "по":
        return False
    k = at + 1
    while k < len(tokens) and tokens[k].is_word and tokens[k].pos in ("ADJF", "PRTF"):
        k += 1
    return not (k < len(tokens) and tokens[k].is_word and tokens[k].lemmas & CIRCUMSTANCE_PO)


def negation_before(sentence: Sentence, first: Token) -> Token | None:
    """The «не» right before the verb group: with «мы» it goes after the pronoun («мы не провели»)."""
    at = sentence.position(first)
    return sentence.tokens[at - 1] if at > 0 and sentence.tokens[at - 1].key == "не" else None


_DEMONSTRATIVES = frozenset({"этот", "тот", "данный", "такой", "указанный", "настоящий"})


def opening_instrumental(sentence: Sentence) -> bool:
    """«Пожарно-спасательной частью № 45 проведены занятия», «Районным Домом культуры проводится набор»:
    a sentence that opens with a noun in the instrumental names who acted even when the detector
    does not know the noun as a doer.  A doer-less rewrite would leave it hanging before the active
    verb («…частью № 45 провели занятия»), so none is offered.  «Летом», «таким образом» say when
    or how (:data:`NOT_AGENTS`), unless a number follows («частью № 45»)."""
    words = sentence.words
    i = 0
    while i < len(words) and (words[i].pos in ("ADJF", "PRTF") or words[i].lemmas & _DEMONSTRATIVES) and any(
        "ablt" in p.grammemes for p in words[i].parses[:3]
    ):  # «Этим постановлением утверждён порядок»: the act, said with its demonstrative
        i += 1
    if i >= len(words) or not words[i].parses:
        return False
    best = words[i].parses[0]
    if i >= 2 and best.pos == "NOUN" and "gent" in best.grammemes:  # «Участковым уполномоченным полиции» (h40)
        return True
    if i and not (best.pos == "NOUN" and "ablt" in best.grammemes):
        # «Выставочным залом»: after an instrumental adjective the noun's instrumental reading is the
        # one meant, whatever pymorphy3 reads first («залом», a crease)
        best = next((p for p in words[i].parses if p.pos == "NOUN" and "ablt" in p.grammemes), best)
    if best.pos != "NOUN" or "ablt" not in best.grammemes:
        return False
    at = sentence.position(words[i]) + 1
    numbered = at < len(sentence.tokens) and sentence.tokens[at].text == "№"  # «частью № 45» is a unit
    return numbered or best.lemma not in NOT_AGENTS


_JOINERS = frozenset({"и", "или", "а", "также"})
_NOT_LISTED = frozenset({"который", "какой", "чей"})


def list_continues(sentence: Sentence, last: Token) -> Token | None:
    """The next item when the subject after the verb is the first item of a list: «проводятся беседы
    о здоровье, [литературные] чтения и мастер-классы».  A rewrite that changes the first item alone
    («мы говорим о здоровье», «проводят беседу») leaves the others with no verb or in the nominative."""
    tokens = sentence.tokens
    i = sentence.position(last) + 1
    while True:
        while i < len(tokens) and tokens[i].is_word and tokens[i].key not in _JOINERS:
            if tokens[i].pos in ("VERB", "PRTS", "INFN"):
                return None  # a clause of its own begins
            i += 1  # the first item's own words: «о здоровье»
        if i >= len(tokens) or not (tokens[i].text == "," or tokens[i].key in _JOINERS):
            return None
        before = i - 1
        while i < len(tokens) and (tokens[i].text == "," or tokens[i].key in _JOINERS):
            i += 1
        if not _genitive_item(tokens, i):
            break  # «сорта пшеницы и ячменя, техника»: «ячменя» is the first item's own list
    if i >= len(tokens) or not tokens[i].is_word or tokens[i].lemma in _NOT_LISTED:
        return None
    if _in_phrase_list(tokens, before, i):
        return None  # «очистка крыш от снега и наледи»: «наледи» lists on «от снега», not on the subject
    if tokens[i].text[:1].isupper():
        return None  # «жителям улиц Лесной, Гагарина и Мира»: names of a phrase further on, not the subject's list
    nominative = any(p.pos in ("NOUN", "ADJF", "PRTF") and "nomn" in p.grammemes and "Apro" not in p.grammemes
                     for p in tokens[i].parses)  # any reading: «викторина» is first read as a form of «Виктор»
    return tokens[i] if nominative else None


def _in_phrase_list(tokens: Sequence[Token], before: int, item: int) -> bool:
    """Whether the word before the joiner stands after a preposition and the item can take its
    case: the item joins that prepositional phrase («от снега и наледи», «о здоровье и питании»)."""
    last = tokens[before]
    if not last.is_word or last.pos != "NOUN" or not _after_preposition(tokens, before):
        return False
    case = next(iter(last.parses[0].grammemes & MAIN_CASES), None) if last.parses else None
    return case is not None and case != "nomn" and any(
        p.pos == "NOUN" and case in p.grammemes for p in tokens[item].parses)


def _genitive_item(tokens: Sequence[Token], i: int) -> bool:
    """Whether the word at ``i`` (after its adjectives) is a noun only in the genitive: it lists on
    the genitive tail of the item before, not on the subject."""
    while i < len(tokens) and tokens[i].is_word and tokens[i].pos in ("ADJF", "PRTF"):
        i += 1
    if i >= len(tokens) or not tokens[i].is_word or not tokens[i].parses:
        return False
    best = tokens[i].parses[0]
    return best.pos == "NOUN" and "gent" in best.grammemes and not any(
        "nomn" in p.grammemes for p in tokens[i].parses)


def genitive_list_continues(sentence: Sentence, last: Token) -> bool:
    """Whether the verbal noun's genitive object is the first item of a list: «очистка улиц,
    подъездов к школам и тротуаров».  Said as one verb («чистят улицы») only the first item turns
    accusative, and «чистят улицы, подъездов…» leaves the others in the genitive."""
    tokens = sentence.tokens
    i = sentence.position(last) + 1
    if i >= len(tokens) or not (tokens[i].text == "," or tokens[i].key in _JOINERS):
        return False
    while i < len(tokens) and (tokens[i].text == "," or tokens[i].key in _JOINERS):
        i += 1
    while i < len(tokens) and tokens[i].is_word and tokens[i].pos in ("ADJF", "PRTF"):
        i += 1  # «…, детских садов»: the item's own adjectives
    if i >= len(tokens) or not tokens[i].is_word or not tokens[i].parses:
        return False
    best = tokens[i].parses[0]
    return best.pos == "NOUN" and "gent" in best.grammemes and "nomn" not in best.grammemes


def list_reads_as_object(sentence: Sentence, last: Token) -> bool:
    """Whether every further item of a list after a post-verbal subject reads the same as an
    object: «вручены памятные подарки и книги» → «вручили памятные подарки и книги» keeps the
    list as written; «…подарки и грамота» would need «грамоту» and is left to the author."""
    item = list_continues(sentence, last)
    seen = 0
    while item is not None and seen < 12:
        if not same_in_accusative(item):
            return False
        item, seen = list_continues(sentence, item), seen + 1
    return seen > 0


def same_in_accusative(token: Token) -> bool:
    """Whether the list item reads the same as an object: an inanimate plural, masculine or neuter
    («выставки, викторины и десанты» stay as they are after «организуют»; «викторина» would not)."""
    return any(p.pos in ("NOUN", "ADJF", "PRTF") and "nomn" in p.grammemes and "anim" not in p.grammemes
               and p.grammemes & {"plur", "masc", "neut"} and not ("sing" in p.grammemes and "femn" in p.grammemes)
               for p in token.parses)


def _another_subject(sentence: Sentence, group: list[Token], subject: _Subject, number: str, together: bool = False) -> bool:
    """Whether the rest of the sentence may share the verb or the subject.

    «…отмечены сувенирами, а победители — призами» shares the verb, «Помощь была оказана и всем
    понравилась» shares the subject: both break when only the first clause is rewritten.  A
    relative clause («…, где свои знания проверили 80 человек») shares neither: the words from its
    comma on are not read.  ``together``: the later passives are rewritten with this one
    (:mod:`.passive_lists`), each with its own subject, so they share nothing.
    """
    tokens = sentence.tokens
    end = max(sentence.position(group[-1]), sentence.position((subject.tail or subject.tokens)[-1]))
    later = tokens[end + 1 :]
    cut = next((k for k in range(len(later) - 1) if later[k].text == "," and later[k + 1].key in _RELATIVE_WORDS), None)
    later = later if cut is None else later[:cut]
    if any(t.text in _DASHES for t in later):
        return True
    for j, t in enumerate(later, start=end + 1):
        if not t.is_word:
            continue
        best = t.parses[0] if t.parses else None
        if best is None:
            continue
        if together and best.pos == "PRTS":
            continue  # the next passive of a list rewritten with this one finds its own subject
        if best.pos == "VERB" or best.pos == "PRTS":
            return True  # a verb before any subject of its own: the subject is shared
        if best.pos == "NOUN" and {"nomn", number} <= best.grammemes and not _after_preposition(tokens, j):
            return False  # a clause with its own subject follows
    return False


_LIST_JOINERS = frozenset({"и", "или", "либо", ","})


# months in the genitive: «14 и 15 марта» after the subject is a date, not a count or a list
MONTHS = frozenset({"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                    "сентября", "октября", "ноября", "декабря"})


def _listed_after(sentence: Sentence, subject: _Subject) -> bool:
    """Whether the subject after the verb is the first of a list: «запланирована ликвидация 3 свалок
    и высадка 500 саженцев».  Only the first noun would go into the accusative («запланировали
    ликвидацию … и высадка»), so the sentence is left to the author.  Even a member that reads the
    same in both cases is one: a light verb said as one verb takes only the first noun («проведена
    уборка парка и ремонт скамеек» → «уберём парк и ремонт скамеек»).  A nominative after «и» that
    has its own verb («…, и жители собрали») starts a clause and is no part of the list."""
    tokens = sentence.tokens
    j = sentence.position((subject.tail or subject.tokens)[-1]) + 1
    # the subject's own phrase goes on with a count and genitives: «ликвидация [3 несанкционированных свалок]»
    while j < len(tokens) and (tokens[j].text.isdigit() or tokens[j].is_word and not tokens[j].protected and any(
        "gent" in p.grammemes and p.pos in ("NOUN", "ADJF", "PRTF", "NUMR") for p in tokens[j].parses
    ) and tokens[j].key not in _LIST_JOINERS):
        j += 1
    if j >= len(tokens) or tokens[j].key not in _LIST_JOINERS:
        return False  # «подача воды [жителям] улиц Мира, Гагарина…»: a list further on is another phrase's
    k = j + 1
    if (k + 1 < len(tokens) and tokens[k].text.isdigit() and tokens[k + 1].is_word and tokens[k + 1].pos == "NOUN"
            and tokens[k + 1].key not in MONTHS):  # «14 и 15 марта» is a date
        return True  # «благоустроено 3 сквера и 1 набережная»: a counted member keeps the nominative
    while k < len(tokens) and tokens[k].is_word and tokens[k].pos in _MODIFIER_POS:
        k += 1
    if k >= len(tokens) or not tokens[k].is_word or tokens[k].text[:1].isupper() or not any(
        p.pos == "NOUN" and "nomn" in p.grammemes for p in tokens[k].parses
    ):  # any reading: «ремонт» is read as an accusative first; a genitive member only costs a rewrite
        return False
    if subject.tail and any(p.pos == "NOUN" and "gent" in p.grammemes for p in tokens[k].parses):
        return False  # «вопросы ремонта дорог и освещения улиц»: the genitives go on, the subject is one
    m = k + 1
    while m < len(tokens) and tokens[m].is_word and tokens[m].pos not in ("VERB", "PRTS"):
        if tokens[m].key in _LIST_JOINERS:
            break
        m += 1
    return not (m < len(tokens) and tokens[m].is_word and tokens[m].pos in ("VERB", "PRTS"))


def _agreeing_after(sentence: Sentence, subject: _Subject) -> bool:
    """Whether a participle or adjective after a comma agrees with the head: «команда, созданная…»,
    also past the head's own words and a «не»: «граждане в возрасте от 18 до 30 лет, не пребывающие…»."""
    tokens = sentence.tokens
    j = sentence.position((subject.tail or subject.tokens)[-1]) + 1
    if j + 1 < len(tokens) and tokens[j].text == "," and tokens[j + 1].pos in _MODIFIER_POS:
        return True
    k = j
    while k < min(len(tokens), j + 8) and tokens[k].text != "," and tokens[k].pos not in ("VERB", "PRTS"):
        k += 1
    if k >= len(tokens) - 1 or tokens[k].text != ",":
        return False
    k += 1 + (tokens[k + 1].key == "не")
    return k < len(tokens) and tokens[k].lemma != "который" and any(
        p.pos in _MODIFIER_POS and "nomn" in p.grammemes for p in tokens[k].parses[:2])


def doer_shared_after(sentence: Sentence, end: int) -> bool:
    """«Ими приобретена техника, построены помещения, закуплено поголовье»: a later short passive
    after a comma or «и», with no doer of its own before it, shares the instrumental doer.  Once the
    first clause is active («они купили технику, построены помещения…») the others lose it."""
    tokens = sentence.tokens
    for i, t in enumerate(tokens):
        if t.end <= end or i == 0 or tokens[i - 1].text not in (",", "и"):
            continue
        best = t.parses[0] if t.is_word and t.parses else None
        if best is not None and best.pos == "PRTS" and "pssv" in best.grammemes:
            return True
    return False


# acts of the office towards an applicant; «лично» with them is the applicant's presence
_OFFICE_ACTS = frozenset({"принимать", "принять", "выдавать", "выдать", "вручать", "вручить"})


def applicant_in_person(sentence: Sentence, f: _Passive) -> bool:
    """«Запросы принимаются лично, по почте или через МФЦ»: made active («принимают лично») the
    «лично» passes to the staff, who now do it themselves."""
    return f.lemma in _OFFICE_ACTS and any(t.key in ("лично", "самостоятельно") for t in sentence.words)


def named_instrumental(token: Token) -> bool:
    """«в ходе проверки Росреестром»: a capitalised noun in the instrumental inside the sentence is a
    body's name pymorphy3 does not tag as one, and the doer of the passive."""
    best = token.parses[0] if token.parses else None
    return (token.is_word and token.text[:1].isupper() and best is not None and best.pos == "NOUN"
            and "ablt" in best.grammemes and best.lemma not in NOT_AGENTS)


def maybe_doer(token: Token) -> bool:
    """An instrumental that may name who acted: a doer by :func:`_is_agent`, a person («учащимися»), a group."""
    return _maybe_doer(token.text)


@lru_cache(maxsize=100_000)
def _maybe_doer(text: str) -> bool:
    """:func:`maybe_doer` of a written form: it reads the form only, so it is worked out once per form."""
    token = Token(0, 0, len(text), text, 0, False)
    if _is_agent(token, False):
        return True
    if any("ablt" in p.grammemes and p.lemma in COLLECTIVES for p in token.parses):
        return True
    if any("ablt" in p.grammemes and p.lemma in ORGANISATIONS for p in token.parses):
        return True  # «жюри»: indeclinable, its instrumental is never read first
    if any(p.pos == "NOUN" and "ablt" in p.grammemes and p.lemma in PRIVATE_DOERS for p in token.parses[:2]):
        return True  # «предоставлены лесничеством»: a body the detector does not know
    if any(p.pos == "NOUN" and {"ablt", "Orgn"} <= p.grammemes for p in token.parses[:2]):
        return True  # «в ходе проверки Роспотребнадзором выявлены нарушения»: the inspector found them
    best = token.parses[0] if token.parses else None
    if best is not None and "ablt" in best.grammemes and bool(best.grammemes & {"anim", "Subx"}):
        return True
    return best is not None and any(  # «Участковыми уполномоченными»: the noun reading ties with the adjective
        {"ablt", "plur", "anim"} <= p.grammemes and p.score >= best.score * 0.9 for p in token.parses
    )  # plural only: «Анне Петровой» is a dative as often as an instrumental
    # «учащимися» (a participle used as a noun); not «нуждающимся», a dative first of all


# dictionaries/lexicon/syntax.toml: «вызвана ветром», «повреждена паводком» — the instrumental is a cause
CAUSING_VERBS = word_list("causing-verbs")
NATURAL_STATES = word_list("natural-states")  # «установлен ледостав»: nobody did it


def caused_by(sentence: Sentence, f: _Passive) -> bool:
    """«Авария была вызвана сильным ветром»: a verb of causing with a noun in the instrumental names
    the cause, so «Аварию вызвали сильным ветром» would lose it; the passive stays."""
    if f.lemma not in CAUSING_VERBS:
        return False
    tokens = sentence.tokens
    return any(t.is_word and any(p.pos == "NOUN" and "ablt" in p.grammemes for p in t.parses[:1])
               and not _after_preposition(tokens, j) for j, t in enumerate(tokens))


# «сейчас» and the phrases KC101 turns into it: a time that makes a short participle a tally so far
# («на сегодняшний день» becomes «уже», after which the active past reads well: «Уже выдали 58 сертификатов»)
# reflexive possessives: their owner is the clause's subject, whoever it becomes
_REFLEXIVE_OWNERS = frozenset({"свой", "собственный"})


def reflexive_owner(sentence: Sentence, verb: Token | None = None) -> bool:
    """«Подарки были приобретены на собственные средства», «Жители ознакомлены со своими правами»:
    «свой» and «собственный» belong to the clause's subject, and the active gives it a new one
    («Подарки купили на собственные средства»: somebody else's money now; «Мы ознакомили жителей со
    своими правами»: ours now).  Whose money it was is the fact the passive kept, so it stays.

    A relative clause after the verb has a subject of its own («Старт дан 20 апреля в библиотеке,
    где свои знания проверили 80 человек»): its «свой» is not the passive's, so from a comma and a
    relative word on the words are not read."""
    words = sentence.words
    if verb is not None:
        tokens = sentence.tokens
        at = sentence.position(verb)
        for i in range(at + 1, len(tokens) - 1):
            if tokens[i].text == "," and tokens[i + 1].key in _RELATIVE_WORDS:
                words = tuple(t for t in words if t.start < tokens[i].start)
                break
    return any(t.lemma in _REFLEXIVE_OWNERS for t in words)


# words that open a relative clause with a subject of its own
_RELATIVE_WORDS = frozenset({"где", "куда", "откуда", "когда", "который", "которая", "которое", "которые",
                             "которых", "которым", "которыми", "котором", "которой", "которую", "которого"})


# substances «поставить» gives as a shot: «Вакцина была поставлена» (supplied) → «Вакцину поставили» (injected)
_INJECTED = frozenset({"вакцина", "препарат", "сыворотка", "лекарство", "медикамент"})


def reads_as_a_shot(f: _Passive, head: Token) -> bool:
    """«Вакцина поставлена в поликлинику» is a delivery; «Вакцину поставили» reads as a shot given.
    Furniture and equipment «поставили» keep the supply sense a reader expects.  So a measure «отмечена»
    is recorded: «Наибольшую урожайность отметили» reads as praise given by someone (judge h29)."""
    return (f.lemma in {"поставить", "поставлять"} and head.lemma in _INJECTED
            or f.lemma in {"отметить", "отмечать"} and head.lemma in MEASURED_VALUES)

