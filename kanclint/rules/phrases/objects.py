"""Does a light verb collapsed into one transitive verb still have its object?

«Врачи провели осмотр детей» → «Врачи осмотрели детей» is better; «В школе провели опрос.» →
«В школе опросили.» and «Сотрудники провели дезинфекцию.» → «Сотрудники продезинфицировали.» end
the sentence on a verb that needs whom or what it acted on: the noun named the act and nothing
follows for the new verb to govern.  Such a fix is only offered.  Verbs a post uses alone mid-sentence
(«Дорожники ремонтируют по ночам», «Прокуратура проверила и нашла нарушения») are left to the
dictionaries' own guards; only the bare end of a sentence is refused here, for the verbs below.
A transitive participle closing its clause alone («мужчина, укравший, задержан») is refused whatever
its verb: the participle's clause is all it has, and its object is gone.
"""

from __future__ import annotations

from typing import Sequence

from kanclint.lexicon import word_list
from kanclint.model import Edit
from kanclint.patterns import Match
from kanclint.rules.phrases.clauses import OFFER_ONLY
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.morphology import fold, parse

# verbs that cannot close a sentence without their object: one act done on someone or something
_NEEDS_OBJECT = frozenset({
    "отремонтировать", "заменить", "установить", "опросить", "опрашивать", "осмотреть",
    "проинструктировать", "инструктировать", "продезинфицировать", "дезинфицировать", "обследовать",
    "продиагностировать", "диагностировать", "протестировать", "тестировать", "проанкетировать",
    "вакцинировать", "привить", "наградить", "награждать", "проконтролировать",
    "отрепетировать", "организовать", "проконсультировать", "проверить", "проверять", "осматривать",
    "предложить"})  # «внести предложения граждане могут» → «предложить граждане могут»: what?
_PLACE_PREPOSITIONS = frozenset({"в", "во", "на"})
# more one-time acts on a thing: a perfective of them without its object leaves «what?» open
_DONE_ON_A_THING = frozenset({
    "починить", "очистить", "расчистить", "покрасить", "обработать", "реконструировать", "модернизировать",
    "благоустроить", "вывезти", "начислить", "списать", "демонтировать", "отремонтировать"})
# light verbs with an object of their own, which the new verb takes over («помещения подвергли обработке»
# → «помещения обработали»), and the auxiliary of a passive
_OWN_OBJECT_VERBS = frozenset({"подвергнуть", "подвергать", "быть"})
_OBJECT_POS = frozenset({"NOUN", "ADJF", "PRTF", "NPRO", "NUMR"})
# «в мае», «на этой неделе»: a time, not a place
_TIMES = frozenset({"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
                    "ноябрь", "декабрь", "год", "месяц", "неделя", "день", "время", "период", "срок", "квартал",
                    "полугодие", "выходные", "каникулы", "течение", "начало", "конец", "середина", "ход"})
# of them, verbs whose object is a thing or a person, never the place itself: «отремонтировали в
# кабинете» asks «что?»; «продезинфицировали во всех классах» treats the place and reads whole
_THING_OBJECT = frozenset({"отремонтировать", "заменить", "установить", "организовать",
                           "осмотреть", "опросить", "обследовать", "проконсультировать"})
_SENTENCE_END = ("", ".", "!", "?", "\n", "\r")
_RESULT_DASHES = (":", "—", "–")


def verb_left_without_object(text: str, matched: Sequence[Token], replacement: str) -> bool:
    """A light verb and its noun become one transitive verb, and nothing follows for it to govern."""
    words = replacement.split()
    if not words or not any(t.pos == "NOUN" for t in matched):
        return False
    readings = parse(words[0])
    if readings and readings[0].pos == "PRTF" and {"tran", "actv"} <= readings[0].grammemes and len(words) == 1:
        rest = text[matched[-1].end:].lstrip(" \t")
        return rest[:1] in (*_SENTENCE_END, ",", ";")  # «мужчина, совершивший кражу, …» → «укравший, …»: stole what?
    if not readings or readings[0].pos not in ("VERB", "INFN") or "tran" not in readings[0].grammemes:
        return False
    if any(p.pos == "NOUN" for w in words[1:] for p in parse(w)[:1]):
        return False
    rest = text[matched[-1].end:].lstrip(" \t")
    if rest[:1] in _SENTENCE_END and readings[0].lemma in _NEEDS_OBJECT:
        return True  # «в школах проведут ремонт.» → «в школах отремонтируют.»
    if readings[0].lemma in _NEEDS_OBJECT and rest.split(maxsplit=1)[:1] in (["для"], ["Для"]):
        return True  # «провели инструктаж для воспитателей» → «проинструктировали для воспитателей»: whom?
    if readings[0].lemma in _THING_OBJECT and _only_a_place(rest):
        return True  # «провели ремонт в кабинете.» → «отремонтировали в кабинете.»: the place was the object
    # «провели опрос: 70 %…»: what follows is the noun's result, not an object of the new verb
    return rest[:1] in _RESULT_DASHES and rest[1:].lstrip()[:1].isdigit()


_ATTRIBUTE_POS = ("ADJF", "PRTF")


def _genitive(token: Token, pos: tuple[str, ...]) -> bool:
    return token.is_word and any(p.pos in pos and "gent" in p.grammemes for p in token.parses)


def genitive_object_left(tokens: Sequence[Token], matched: Sequence[Token], replacement: str) -> bool:
    """«осуществляет вывоз твёрдых коммунальных отходов» → «вывозит твёрдых коммунальных отходов»:
    the light verb's noun is gone and its genitive object, behind two attributes the dictionary's
    guards do not reach, is left for the new verb that wants the accusative."""
    words = replacement.split()
    if len(words) != 1 or not matched or matched[-1].pos != "NOUN":
        return False
    readings = parse(words[0])
    if not readings or readings[0].pos not in ("VERB", "INFN") or "tran" not in readings[0].grammemes:
        return False
    at = next((i for i, t in enumerate(tokens) if t is matched[-1]), None)
    if at is None:
        return False
    at += 1
    while at < len(tokens) and _genitive(tokens[at], _ATTRIBUTE_POS) and tokens[at].pos in _ATTRIBUTE_POS:
        at += 1
    if at >= len(tokens) or tokens[at].pos != "NOUN" or not _genitive(tokens[at], ("NOUN",)):
        return False
    # «осмотр детей» → «осматривают детей»: a person's genitive is the accusative the verb wants
    return not any(p.pos == "NOUN" and "accs" in p.grammemes for p in tokens[at].parses)


def _active_light_verb(token: Token) -> bool:
    """«провести», «проводят», «осуществит»: an active finite verb or infinitive, not a passive
    («проводится», «проведён»), whose noun named the act done on something."""
    best = token.parses[0] if token.is_word and token.parses else None
    return best is not None and best.pos in ("VERB", "INFN") and not best.lemma.endswith(("ся", "сь")) \
        and "pssv" not in best.grammemes and best.lemma not in _OWN_OBJECT_VERBS


def collapse_without_object(text: str, matched: Sequence[Token], replacement: str) -> bool:
    """«обязал провести ремонт до 1 сентября» → «обязал отремонтировать до 1 сентября»: what?  An active
    perfective light verb and its noun said as one verb of an act on a thing, with nothing after the
    noun that may be the new verb's object (a genitive one is the dictionary's other entry, carried)."""
    words = replacement.split()
    if len(words) != 1 or not matched or not _active_light_verb(matched[0]) or any(
            t.pos in ("PRTS", "PRTF") for t in matched):
        return False
    readings = parse(words[0])
    if not readings or readings[0].pos not in ("VERB", "INFN") or "perf" not in readings[0].grammemes:
        return False
    if readings[0].lemma not in _NEEDS_OBJECT and readings[0].lemma not in _DONE_ON_A_THING:
        return False
    return not _object_next(text[matched[-1].end:].lstrip(" \t"))


def collapse_before_po(text: str, matched: Sequence[Token], replacement: str) -> bool:
    """In a rewrite's draft, a light verb and its noun said as one verb right before a «по» phrase:
    «Специалисты провели тестирование по определению склонностей» → «протестировали по определению…»
    (judge h33) — the phrase was the noun's, and the verb is left without its object.  Time and
    place after the noun («проверят в мае») are the passive rewrite's to judge."""
    if len(replacement.split()) != 1 or not matched or not any(t.pos == "NOUN" for t in matched):
        return False
    readings = parse(replacement)
    if not readings or readings[0].pos not in ("VERB", "INFN"):
        return False
    words = text[matched[-1].end:].split()
    if words[:1] != ["по"]:
        return False
    # «ведётся приём по субботам» → «принимают по субботам»: when and how are any verb's (circumstance-po)
    nxt = next((w.strip(",.;:!?«»\"()") for w in words[1:4] if not any(
        p.pos in ("ADJF", "PRTF") for p in parse(w.strip(",.;:!?«»\"()"))[:1])), "")
    return not any(p.lemma in word_list("circumstance-po") for p in parse(nxt)[:2]) if nxt else True


def _object_next(rest: str) -> bool:
    """What follows the light verb's noun may be the new verb's object: a noun, an adjective or a
    pronoun that can be accusative or genitive («провести ремонт всех дорог», «провести ремонт 5 домов»)."""
    first = rest.split(maxsplit=1)[:1]
    if not first:
        return False
    word = first[0].strip(",.;:!?«»\"()")
    if word[:1].isdigit():
        return True
    readings = parse(word)
    if readings and readings[0].pos == "INFN":
        return True  # «внесли предложение назвать сквер» → «предложили назвать сквер»
    return any(p.pos in _OBJECT_POS and p.grammemes & {"accs", "gent"} for p in readings) and not first[0].endswith(
        (",", ".", ";", ":", "!", "?"))


def _only_a_place(rest: str) -> bool:
    """The sentence ends on a place phrase alone: «в кабинете флюорографии.», «на трёх участках.»."""
    clause = rest
    for stop in (".", "!", "?", "\n"):
        clause = clause.split(stop, 1)[0]
    words = clause.split()
    if len(words) < 2 or words[0].lower() not in _PLACE_PREPOSITIONS or any(w.endswith((",", ":", ";")) for w in words):
        return False
    for word in words[1:]:
        bare = word.strip("«»\"()")
        if len(bare) > 1 and bare.isupper():
            return True  # «в ЦРБ», «в МФЦ»: an institution's acronym is a place
        readings = parse(bare)
        if readings and readings[0].pos == "NOUN":
            return readings[0].lemma not in _TIMES and any("loct" in r.grammemes or "loc2" in r.grammemes for r in readings)
    return False


# verbs that govern their object in the instrumental and are not said without it
_INSTRUMENTAL_VERBS = frozenset({"управлять", "руководить", "командовать", "заведовать", "распоряжаться", "владеть"})
_INSTRUMENTAL_POS = ("NOUN", "ADJF", "PRTF", "NPRO", "NUMR")


def instrumental_object_missing(tokens: Sequence[Token], matched: Sequence[Token], replacement: str) -> bool:
    """«органы, осуществляющие управление в сфере образования» → «управляющие в сфере образования»:
    the light verb's noun had no object of its own, and the new verb governs one in the
    instrumental («управляют образованием»), so the sentence is left without it."""
    words = replacement.split()
    if len(words) != 1 or not matched or not any(p.pos == "NOUN" for p in matched[-1].parses):
        return False
    readings = parse(words[0])
    if not readings or readings[0].lemma not in _INSTRUMENTAL_VERBS:
        return False
    at = next((i for i, t in enumerate(tokens) if t is matched[-1]), None)
    following = tokens[at + 1] if at is not None and at + 1 < len(tokens) else None
    return following is None or not following.is_word or not any(
        p.pos in _INSTRUMENTAL_POS and "ablt" in p.grammemes for p in following.parses)


# what «вести» (for «осуществлять») and «провести» (for «осуществить») are said of: «набор ведёт
# школа», «работы проведут»; «постановку осуществил» is «поставил», «перевозку осуществляет» is «возит»
_LED = frozenset({
    "набор", "приём", "работа", "учёт", "контроль", "надзор", "наблюдение", "мониторинг",
    "деятельность", "строительство", "обучение", "подготовка", "запись", "продажа", "торговля", "борьба",
    "поиск", "переговоры", "расследование", "реконструкция", "ремонт", "консультирование", "патрулирование",
    "регистрация", "сбор", "охрана", "проверка", "занятие", "урок", "приемка", "приёмка", "выдача"})
_HELD = frozenset({
    "работа", "проверка", "ремонт", "капремонт", "приём", "мероприятие", "обучение", "набор", "рейд",
    "осмотр", "обследование", "экспертиза", "реконструкция", "замена", "монтаж", "уборка", "расчистка",
    "диагностика", "вакцинация", "подготовка", "испытание", "операция", "консультация", "экскурсия",
    "модернизация", "благоустройство", "очистка", "обработка", "дезинфекция", "инструктаж", "опрос",
    "тестирование", "анализ", "аудит", "исследование", "мониторинг", "перепись", "учение", "тренировка",
    "занятие", "акция", "встреча", "конкурс", "ревизия", "инвентаризация", "расследование", "замер",
    "измерение", "приемка", "приёмка", "отбор", "обход", "прививка"})
# lemmas are folded («приём» is read «прием»): the lists are folded once to match them
_SWAP_OBJECTS = {"osushhestvljat": frozenset(map(fold, _LED)), "osushhestvit": frozenset(map(fold, _HELD))}


def swap_without_its_object(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«Набор осуществляет школа» → «Набор ведёт школа», but «Постановку осуществил режиссёр» →
    «провёл» is the wrong verb for a play: the plain verb is applied only when the parse finds its
    object, before or after it, among the nouns it is said of; elsewhere it is an option
    (:data:`OFFER_ONLY`)."""
    fits = _SWAP_OBJECTS.get(m.payload.id)
    verb = m.tokens[0]
    parsed = document.syntax_of([sentence]).get(sentence.index, ())
    at = sentence.position(verb)
    if fits is None or at >= len(parsed):
        return None
    objects = [sentence.tokens[i] for i, node in enumerate(parsed)
               if node.head_id == parsed[at].id and node.rel == "obj" and i < len(sentence.tokens)]
    if objects and all(t.lemma in fits for t in objects):
        return None
    return OFFER_ONLY


_CONJUNCTIONS = frozenset({"и", "или", "либо", ","})


def noun_shared_with_next(sentence: Sentence, matched: Sequence[Token]) -> bool:
    """«прошли вакцинацию и стерилизацию» → «привились и стерилизацию»: the phrase's noun is one of a
    list whose next member the light verb also governs; said as one verb, the rest of the list is
    left with nothing to hang on (judge h13).  True when «и», «или» or a comma after the noun is
    followed (past adjectives) by a noun that can stand in the same case."""
    last = matched[-1]
    cases = {g for p in last.parses if p.pos == "NOUN" for g in p.grammemes & _CASES}
    if not cases:
        return False
    tokens = sentence.tokens
    k = sentence.position(last) + 1
    if k >= len(tokens) or tokens[k].key not in _CONJUNCTIONS:
        return False
    k += 1
    while k < len(tokens) and tokens[k].is_word and tokens[k].pos in ("ADJF", "PRTF"):
        k += 1
    return k < len(tokens) and tokens[k].is_word and any(
        p.pos == "NOUN" and p.grammemes & cases for p in tokens[k].parses)


_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct"})


def genitive_left_after(sentence: Sentence, matched: Sequence[Token]) -> bool:
    """«организовали проведение летней профильной смены» → «провели летней профильной смены»: the light
    verb's noun said as one verb leaves its genitive object behind (judge h19), where the dictionary's
    entry with the object («… <ADJF,gent> <NOUN,gent>») did not reach it.  True when the lower-case
    phrase right after the noun (adjectives, then a noun) agrees only in the genitive; «оказали помощь
    многодетной семье» is a dative the new verb takes as well."""
    tokens = sentence.tokens
    k = sentence.position(matched[-1]) + 1
    common: set[str] | None = None
    while k < len(tokens) and tokens[k].is_word and tokens[k].text[:1].islower():
        readings = [p for p in tokens[k].parses if p.pos in ("NOUN", "ADJF", "PRTF")]
        if not readings:
            break
        cases = {g for p in readings for g in p.grammemes & _CASES}
        common = cases if common is None else common & cases
        if any(p.pos == "NOUN" for p in readings[:1]):
            break
        k += 1
    return bool(common) and "gent" in common and not common & {"nomn", "accs", "datv"}


def one_verb_strands(sentence: Sentence, matched: Sequence[Token], replacement: str) -> bool:
    """Whether a light verb and its noun said as one verb (a one-word replacement) leave words behind:
    the noun's genitive object (:func:`genitive_left_after`) or the next member of its list
    (:func:`noun_shared_with_next`)."""
    if any(p.pos == "ADJF" for p in matched[-1].parses) and genitive_left_after(sentence, matched):
        return True  # «обследование детских [игровых] площадок»: the match cut the phrase at a word also read as a noun (judge h21)
    return len(replacement.split()) == 1 and (
        genitive_left_after(sentence, matched) or noun_shared_with_next(sentence, matched)
        or people_served_after(sentence, matched) or _named_after(sentence, matched))


def _named_after(sentence: Sentence, matched: Sequence[Token]) -> bool:
    """«провела встречу «Вспомним всех поимённо»»: the event's quoted name needs its noun (judge h52)."""
    at = sentence.position(matched[-1]) + 1
    return at < len(sentence.tokens) and sentence.tokens[at].text in ("«", '"', "„", "“")


_CLAUSE_ENDS = frozenset({",", ";", ":", ".", "!", "?", "—", "–", "(", ")"})


def people_served_after(sentence: Sentence, matched: Sequence[Token]) -> bool:
    """«провели обучение навыкам первой помощи для 45 педагогов»: the people «для» names are the
    noun's («обучение для педагогов»); after one verb they would be its object, and «обучили … для
    45 педагогов» is no Russian (judge h45).  Read to the end of the clause."""
    tokens = sentence.tokens
    at = sentence.position(matched[-1]) + 1
    while at < len(tokens) and tokens[at].text not in _CLAUSE_ENDS:
        if tokens[at].key == "для":
            k = at + 1
            while k < len(tokens) and (tokens[k].text[:1].isdigit() or tokens[k].pos in ("ADJF", "PRTF", "NUMR")):
                k += 1  # «для 45 опытных педагогов»
            counted = any(t.text[:1].isdigit() for t in tokens[at + 1:k])
            if counted or k < len(tokens) and any(p.pos == "NOUN" and "anim" in p.grammemes for p in tokens[k].parses[:2]):
                return True
        at += 1
    return False

