"""Whether «мы» may stand for the doer of a doer-less passive (KC201 with ``we`` or ``author``).

The account speaks for its organisation, but not everything its posts report was done by it:
history («комиссия образована в 1998 году»), work the sentence credits to others («силами
волонтёров», «по инициативе депутата»), a parliament's act («принят законопроект»), a doer an
earlier sentence named, another organisation in the sentence, or what the reader does («подача
заявлений осуществляется…» is the applicants' act, not «мы подаём»).  There the third person plural
(«Проект реализуют…») says nothing wrong, and «мы» would be a guess.
"""

from __future__ import annotations

import re

from kanclint.lexicon import word_list
from kanclint.rules.press_release.regional import regional_body_in_local_post
from kanclint.rules.press_release.words import TITLE_WORDS
from kanclint.rules.syntax.passive_detection import _Passive
from kanclint.rules.syntax.words import EMPTY_VERBS, LINKING_VERBS, ORGANISATIONS
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.morphology import Parse
from kanclint.text.protection import VK_MENTION


def history(sentence: Sentence) -> bool:
    """A sentence dated in the last century («Комиссия образована в 1998 году») tells history, not what «мы» did."""
    return any(t.text.isdigit() and len(t.text) == 4 and t.text < "2000" for t in sentence.tokens)


_OTHER_DOERS = frozenset({"силами", "усилиями", "стараниями", "трудом"})


def done_by_others(sentence: Sentence) -> bool:
    """«в результате работы Комиссии выполнен перевод», «силами волонтёров убран парк», «по инициативе
    депутата проводится фестиваль»: the sentence names who did it in another way, so «мы» would take credit for it (the plural says nothing wrong)."""
    keys = [t.key for t in sentence.words]
    return any(k in _OTHER_DOERS for k in keys) or any(
        (a, b) in _OTHER_DOER_PAIRS for a, b in zip(keys, keys[1:]))


# «в результате работы Комиссии», «по инициативе депутата»: the sentence names whose work it is
_OTHER_DOER_PAIRS = frozenset({("результате", "работы"), ("по", "инициативе"), ("по", "указу"), ("с", "указом"),
                               ("по", "поручению"), ("по", "решению"), ("по", "приговору"), ("по", "распоряжению")})
# «По итогам голосования жителей выбрана территория»: the voters chose, not «мы»
_OTHER_DOER_PAIRS |= {(a, b) for a in ("итогам", "результатам")
                      for b in ("голосования", "опроса", "выборов", "жеребьевки", "жеребьёвки", "анкетирования")}
# «По указу губернатора введён режим», «по решению суда»: the act names whose decision it carries out


# Acts only a legislature or a government adopts: «принят законопроект» on a deputy's or a
# school's page is not something «мы» did.
LEGAL_ACTS = frozenset({"закон", "законопроект", "постановление", "указ", "поправка", "распоряжение", "бюджет"})
_ADOPTING = frozenset({"принять", "принимать", "одобрить", "одобрять", "подписать", "подписывать", "утвердить"})


def adopted_act(f: _Passive, subject_head: Token) -> bool:
    """«Принят законопроект»: the third person plural is right, «мы приняли» claims a parliament's act.

    The size of a state payment is set by law too: «размер пособия будет увеличен» on a deputy's or a
    social service's page is not «мы увеличим»."""
    if f.lemma in _ADOPTING and subject_head.lemma in LEGAL_ACTS:
        return True
    return f.lemma in _CHANGING and subject_head.lemma in _SET_BY_LAW


_CHANGING = frozenset({"увеличить", "увеличивать", "повысить", "повышать", "проиндексировать", "индексировать",
                       "снизить", "снижать", "уменьшить", "уменьшать", "продлить", "продлевать", "установить"})
_SET_BY_LAW = frozenset({"размер", "пособие", "выплата", "пенсия", "капитал", "стипендия", "тариф", "налог",
                         "мрот", "зарплата", "ставка", "норматив"})


def names_another_body(document: Document, sentence: Sentence) -> bool:
    """«Проект реализуется на базе [club1|Медиацентра]», «…при поддержке Фонда грантов»: another
    organisation is in the sentence and may be the doer, so «мы» would be a guess; the third
    person plural says nothing wrong."""
    text = document.text
    mentions = []
    for m in VK_MENTION.finditer(text, sentence.start, sentence.end):
        if not _SUPPORTERS.search(text, max(sentence.start, m.start() - 40), m.start()):
            return True
        close = text.find("]", m.end(), sentence.end)
        mentions.append((m.start(), close if close >= 0 else sentence.end))
    words = sentence.words
    if any(t.lemma in _OTHER_OFFICES or t.key in _OTHER_OFFICES for t in words):
        return True  # «Заявления принимаются в МФЦ и через портал Госуслуг»: their staff take them
    if any(t.key in ("в", "через") and words[i + 1].lemma in _OFFICES for i, t in enumerate(words[:-1])):
        return True  # «Заявления принимаются в управлении соцзащиты», «распределены через центр»: theirs
    return any(t.text[:1].isupper() and t.lemma in ORGANISATIONS and words[i].key not in _SUPPORT_WORDS
               and not any(a <= t.start < b for a, b in mentions)  # a supporter's mention, read above
               for i, t in enumerate(words[1:]))


# dictionaries/lexicon/syntax.toml: МФЦ, Госуслуги — offices where another body does the work
_OTHER_OFFICES = word_list("other-offices")


def regional_body_speaks(document: Document, sentence: Sentence) -> bool:
    """«Министерство строительства области сообщает, что в районе будет построен ФОК» in a post
    about a district: a body of the region or the state acts or speaks up to here, so what the
    post tells without a doer is most likely its act, not «мы построим»."""
    for other in document.sentences:
        if other.start > sentence.start:
            break
        words = other.words
        for i, t in enumerate(words):
            if t.lemma in ORGANISATIONS and any(p.pos == "NOUN" and "nomn" in p.grammemes for p in t.parses[:1]):
                if regional_body_in_local_post(document, words[i:i + 5]):
                    return True
    return False


def office_named_before(document: Document, sentence: Sentence) -> bool:
    """«В МФЦ открыто окно для приёма документов на социальную карту. Карта будет изготовлена за 30
    дней»: the papers go through another office, so what is done with them next («Мы сделаем карту»)
    is most likely somebody else's; the third person plural says nothing wrong."""
    for earlier in document.sentences:
        if earlier.start >= sentence.start:
            break
        if any(t.lemma in _OTHER_OFFICES or t.key in _OTHER_OFFICES for t in earlier.words):
            return True
    return False
# offices that work for readers on their own («в управлении соцзащиты»); a school, a library or a
# hospital is the place where the account itself works («В школе мы провели ремонт»)
_OFFICES = frozenset({"управление", "отделение", "фонд", "комитет", "инспекция", "служба", "департамент",
                      "министерство", "центр", "агентство", "ведомство", "прокуратура", "суд", "полиция"})
# «при поддержке Фонда грантов» names who paid or helped, not who did it: «мы» stays right
_SUPPORT_WORDS = frozenset({"поддержке", "поддержкой", "содействии", "содействием", "финансировании"})
_SUPPORTERS = re.compile(r"(?:поддержк[еой]+|содействи[еям]+|финансировани[еи])\s*\Z")


def said_who_does_it(document: Document, sentence: Sentence, f: _Passive) -> bool:
    """An earlier sentence has someone do the same thing («Союз проводит встречу. Мероприятие
    проводится…»): the post already named the doer, and it is not necessarily «мы»."""
    for earlier in document.sentences:
        if earlier.start >= sentence.start:
            break
        if any(t.lemma == f.lemma and t.pos == "VERB" and "3per" in t.grammemes for t in earlier.words):
            return True
    return False


# «По данным Росстата, …», «по информации ГИБДД, …»: the figures of the post are another body's
_CITED = re.compile(r"(?i)\b(?:по|согласно)\s+(?:данным|информации|сведениям|оценкам|словам)\s+(?!наш|нам\b)(\w+)")


def cites_a_source(document: Document, sentence: Sentence) -> bool:
    """The post, up to this sentence, quotes another body's figures («По данным Росстата, безработица
    сократилась… Наибольшее снижение зафиксировано…»): what is recorded there is the source's doing,
    and «мы зафиксировали» would claim it."""
    return _CITED.search(document.text, 0, sentence.end) is not None


# People who act for a body: «Сотрудники МЧС проверили водоёмы», «Специалисты фонда провели приём»
_STAFF = frozenset({"сотрудник", "специалист", "инспектор", "работник", "волонтёр", "спасатель", "полицейский",
                    "пожарный", "врач", "медик", "росгвардеец", "педагог", "тренер"})
_STAFF |= {"волонтер"}  # pymorphy3's lemma is written with «е»
# People who are not the account at all: «…сход граждан, на котором жители обсудили стройку. Решение
# принято единогласно» is the residents' decision, not «мы приняли»
_OTHERS = frozenset({"житель", "участник", "депутат", "член", "собственник", "родитель"})


# An official who acts in person: «Депутат Иван Соколов провёл приём граждан. Были рассмотрены
# вопросы…»: the questions were his, not «мы рассмотрели» (dictionaries/lexicon/press_release.toml)
_OFFICIALS = TITLE_WORDS


def staff_acted_before(document: Document, sentence: Sentence) -> bool:
    """An earlier sentence has a body's staff or an official act («Сотрудники отделения фонда провели
    приём. Жителям оказана помощь», «Депутат провёл приём. Были рассмотрены вопросы»): the next
    doer-less passive is most likely theirs, and the account may be another body's, so «мы» would be
    a guess; «Жителям оказали помощь» says nothing wrong."""
    for earlier in document.sentences:
        if earlier.start >= sentence.start:
            break
        words = earlier.words
        if _head_acted(words):
            return True
        finite = [t for t in words if t.pos == "VERB" and "indc" in t.grammemes]  # «проверят», «провели»
        if not finite:
            continue
        staff = any(t.lemma in _STAFF | _OTHERS and _nominative_noun(t) for t in words)
        if staff and any("plur" in t.grammemes for t in finite):
            return True
        if any(t.lemma in _OFFICIALS and _nominative_noun(t) and t.start < finite[0].start for t in words):
            return True
    return False


def guest_acted_before(document: Document, sentence: Sentence, head: Token) -> bool:
    """An earlier sentence has a person act («Писательница рассказала о книгах… Каждому подарен
    автограф», «работодатель несёт ответственность… Работнику выплачивается компенсация»), counted
    people or bodies act («свои традиции представили 12 автономий… Гостям предложены блюда»), or it
    names the person whose event it was («прошёл мастер-класс заслуженного артиста Беляева.
    Мастер-класс был проведён для учащихся»): the next doer-less passive is most likely theirs, and
    «мы подарили автограф», «мы провели мастер-класс» would claim it."""
    for earlier in document.sentences:
        if earlier.start >= sentence.start:
            break
        words = earlier.words
        if _counted_subject(earlier):
            return True
        for i, t in enumerate(words):
            best = t.parses[0] if t.parses else None
            if best is None or not _person(t, best):
                continue
            if "nomn" in best.grammemes and any(w.pos == "VERB" for w in words[i + 1:]):
                return True  # «Писательница рассказала…», «работодатель несёт ответственность»
            if "gent" in best.grammemes and any(w.lemma == head.lemma or w.lemma in _GUEST_EVENTS
                                                for w in words[max(0, i - 2):i]):
                return True
    return False


def _counted_subject(sentence: Sentence) -> bool:
    """«представили 12 автономий», «участвовали 28 исполнителей»: a number and a genitive plural
    noun with a plural finite verb, the subject of a clause whose actors the post counts."""
    if not any(w.pos == "VERB" and "plur" in w.grammemes and "1per" not in w.grammemes and w.lemma not in LINKING_VERBS
               for w in sentence.words):
        return False  # «Участниками стали 200 детей»: what they became, not an act
    tokens = sentence.tokens
    for i, t in enumerate(tokens):
        if t.text.isdigit() or t.pos == "NUMR":
            for w in tokens[i + 1:i + 4]:
                if w.is_word and any(p.pos == "NOUN" and {"gent", "plur"} <= p.grammemes for p in w.parses[:1]):
                    return True
    return False


# events a guest gives: «лекция кандидата наук Никитина… Слушателям показаны фотографии» are his
_GUEST_EVENTS = frozenset({"лекция", "мастер-класс", "концерт", "выступление", "презентация", "спектакль",
                           "семинар", "тренинг", "вебинар", "экскурсия", "беседа", "урок"})


def _person(token: Token, best: Parse) -> bool:
    """A person: an animate noun, or an adjective standing for one («Участковые уполномоченные полиции»)."""
    if best.pos == "NOUN":
        return "anim" in best.grammemes
    return best.pos in ("ADJF", "PRTF") and "plur" in best.grammemes and "nomn" in best.grammemes and (
        token.lemma in _STAFF_ADJECTIVES)


# adjectives that name people on duty: «Участковые уполномоченные провели сходы»
_STAFF_ADJECTIVES = frozenset({"участковый", "уполномоченный", "дежурный", "полицейский", "военнослужащий",
                               "служащий", "ответственный"})


# The one who runs a body: «Главой города проведено совещание. Даны поручения…» — the orders are his,
# and «мы поручили» would hand them to the whole account.
_HEADS = frozenset({"глава", "губернатор", "мэр", "министр", "руководитель", "директор", "председатель",
                    "начальник", "заместитель", "прокурор", "врио"})


def _head_acted(words: list[Token]) -> bool:
    """A head of a body did something in the sentence: «Глава района провёл…», «Главой города проведено…»."""
    for t in words:
        if t.lemma not in _HEADS and not (t.lemmas & _HEADS):
            continue
        if any(p.pos == "NOUN" and p.lemma in _HEADS and "ablt" in p.grammemes for p in t.parses[:2]):
            if any(w.pos == "PRTS" and "past" in w.grammemes for w in words):
                return True
        if any(p.pos == "NOUN" and p.lemma in _HEADS and "nomn" in p.grammemes for p in t.parses[:2]):
            if any(w.pos == "VERB" and "past" in w.grammemes for w in words):
                return True
    return False


def _nominative_noun(token: Token) -> bool:
    return any("nomn" in p.grammemes and p.pos == "NOUN" for p in token.parses[:2])


# dictionaries/lexicon/syntax.toml: what readers do themselves, and the papers they hand in
PUBLIC_ACTIONS = word_list("public-actions")
PAPERS = word_list("papers-from-readers")
HANDING_IN = word_list("handing-in")


def readers_act(f: _Passive, subject_head: Token) -> bool:
    """«Подача заявлений осуществляется», «оплата производится», «документы предоставляются в МФЦ»:
    the reader does it, so «мы подаём заявления» would say the opposite; the plural («подают») is right.

    A noun counts only as the subject of an empty verb, where it is the action itself: «вход
    осуществляется по билетам» is entering, «вход будет перенесён» is a door, and «подача воды будет
    прекращена» is the supplier's act."""
    return (f.lemma in PUBLIC_ACTIONS or f.lemma in EMPTY_VERBS and subject_head.lemma in PUBLIC_ACTIONS
            or f.lemma in HANDING_IN and subject_head.lemma in PAPERS)


_RECEIVING_STAFF = word_list("receiving-staff")


def received_by(sentence: Sentence, head: Token) -> bool:
    """«приём врачей-специалистов», «приём юриста»: the genitive after «приём» names who receives,
    so «будут принимать врачей» turns the doctors into patients (judge h52)."""
    if head.lemma not in ("приём", "прием"):  # pymorphy3 reads «прием» without «ё»
        return False
    at = sentence.position(head) + 1
    nxt = sentence.tokens[at] if at < len(sentence.tokens) else None
    return nxt is not None and nxt.is_word and bool(
        nxt.lemmas & _RECEIVING_STAFF or any(part in _RECEIVING_STAFF for part in nxt.key.split("-")))


# Violations an inspection found are put right by whoever was inspected: «Нарушения будут устранены
# до 1 ноября» after «Сотрудниками МЧС проведена проверка…» is not «Мы устраним нарушения».
_PUTTING_RIGHT = frozenset({"устранить", "устранять", "исправить", "исправлять"})
_FOUND_FAULTS = frozenset({"нарушение", "недостаток", "замечание", "недочёт", "несоответствие"})


def inspected_act(f: _Passive, subject_head: Token) -> bool:
    """«Нарушения устранены»: the inspected party's act, so the third person plural, never «мы»."""
    return f.lemma in _PUTTING_RIGHT and subject_head.lemma in _FOUND_FAULTS


_RELATIVE = frozenset({"который"})


def in_relative_clause(sentence: Sentence, verb: Token) -> bool:
    """«заседание совета, на котором были рассмотрены вопросы»: the clause tells what the antecedent's
    people did, not the author."""
    words = [t for t in sentence.words if t.start < verb.start]
    for t in reversed(words[-6:]):
        if t.lemma in _RELATIVE:
            return True
    return False


def paid_by_others(sentence: Sentence) -> bool:
    """«средства выделены из краевого бюджета», «за счёт федеральных средств»: the money's owner did it;
    «Работы проведены на внебюджетные средства музея»: the sentence says who paid, not who worked
    (a contractor, most often), so «Мы провели работы» would claim the work (judge f12);
    «билеты приобретены по Пушкинской карте»: the card's holder bought them."""
    keys = [t.key for t in sentence.words]
    for i, k in enumerate(keys):
        if k == "пушкинской" and i + 1 < len(keys) and keys[i + 1] in ("карте", "карты", "карточке"):
            return True
        if k == "из" and any(x in ("бюджета", "фонда") for x in keys[i + 1:i + 4]):
            return True
        if k == "за" and i + 1 < len(keys) and keys[i + 1] in ("счет", "счёт"):
            return True
        if k == "на" and "средства" in keys[i + 1:i + 4]:
            return True
    return False


# «Работы выполнила компания «ДорСтрой»», «благодарим строителей»: who did the work is named in the post
_CONTRACTORS = frozenset({"подрядчик", "подрядный", "ооо", "оао", "зао", "пао", "ао", "компания", "фирма", "ип",
                          "строитель", "бригада", "дорожник",
                          # utilities: «Аварийные работы ведутся силами МУП «Водоканал»» — not «мы отключим воду»
                          "муп", "гуп"})


def contractor_named(document: Document) -> bool:
    """«Работы выполнены подрядной организацией ООО «СтройДом»»: a post that names a contractor
    anywhere tells whose work it was, so «мы завершили ремонт» would take the credit."""
    return document.shared(_names_a_contractor)


def contractor_addressed(sentence: Sentence) -> bool:
    """«Подрядчику поставлена задача», «подрядной организации выдано предписание»: the contractor is
    the one the act is addressed to (a dative with no preposition), so this act is not the contractor's."""
    words = sentence.words
    for k, t in enumerate(words):
        if not (t.lemma in _CONTRACTORS or t.key in _CONTRACTORS) or not any("datv" in p.grammemes for p in t.parses):
            continue
        j = k - 1
        while j >= 0 and words[j].pos in ("ADJF", "PRTF"):
            j -= 1  # «Управляющей компании поставлена задача»
        if j < 0 or words[j].pos in ("PRTS", "VERB"):
            return True  # opening the sentence or right after the verb: the addressee, not a genitive
    return False


def _names_a_contractor(document: Document) -> bool:
    return any(t.lemma in _CONTRACTORS or t.key in _CONTRACTORS or _hired_doer(t) for t in document.tokens if t.is_word)


# «выполнены индивидуальным предпринимателем», «построен застройщиком»: hired doers in the instrumental
_HIRED = frozenset({"предприниматель", "застройщик", "перевозчик", "поставщик", "подрядчик"})


def _hired_doer(token: Token) -> bool:
    return token.lemma in _HIRED and any(p.pos == "NOUN" and "ablt" in p.grammemes for p in token.parses[:2])


_MEETINGS = frozenset({"заседании", "совещании", "сессии", "собрании", "коллегии", "пленуме", "съезде", "сходе"})


def meeting_of_another(sentence: Sentence) -> bool:
    """«На заседании антинаркотической комиссии были рассмотрены вопросы»: a named body's meeting did
    it, so «мы рассмотрели» would put the author in its place."""
    words = sentence.words
    for i, t in enumerate(words[:-1]):
        if t.key in _MEETINGS:
            rest = words[i + 1:i + 4]
            if any(w.pos == "NOUN" and "gent" in w.grammemes for w in rest):
                return True
    return False


# dictionaries/lexicon/syntax.toml: what is bought or delivered, and what the author received
ACQUIRING = word_list("acquiring")
RECEIVING = word_list("receiving")


def received_from_others(document: Document, sentence: Sentence, f: _Passive) -> bool:
    """«Больницей получен аппарат УЗИ. Оборудование было закуплено по программе»: what the author
    received somebody else bought or delivered, so «мы закупили» would take the supplier's act; the
    third person plural («закупили») says nothing wrong."""
    if f.lemma not in ACQUIRING:
        return False
    for other in document.sentences:
        if other.start > sentence.start:
            break
        if any(t.lemmas & RECEIVING and t.pos in {"VERB", "PRTS", "PRTF"} for t in other.words):
            return True
    return False


_MEETING_LEMMAS = frozenset({"заседание", "совещание", "сессия", "собрание", "коллегия", "пленум", "съезд", "сход"})


_DECIDED = frozenset({"решение", "вопрос", "предложение", "кандидатура", "резолюция", "обращение"})


def meeting_named_before(document: Document, sentence: Sentence, head: Token | None = None) -> bool:
    """«Прошло заседание антитеррористической комиссии. На заседании были рассмотрены вопросы»: the
    bare «заседание» is the body named the sentence before, and «мы рассмотрели» would put the author
    in the commission's place."""
    decided = head is not None and head.lemma in _DECIDED  # «Решение принято единогласно» after the meeting
    if not decided and not any(t.lemma in _MEETING_LEMMAS for t in sentence.words):
        return False
    for earlier in document.sentences:
        if earlier.start >= sentence.start:
            break
        words = earlier.words
        for i, t in enumerate(words[:-1]):
            if t.lemma in _MEETING_LEMMAS and any(w.pos == "NOUN" and "gent" in w.grammemes for w in words[i + 1:i + 4]):
                return True
    return False


def _names_the_act(t: Token, head: Token, verb_lemma: str) -> bool:
    """``t`` is the passive's subject again or the noun of its verb («отремонтировано» → «Ремонт»)."""
    if t.lemma == head.lemma:
        return True
    return (len(t.lemma) >= 5 and t.lemma[:5] in verb_lemma
            and any(p.pos == "NOUN" for p in t.parses[:1]))


def doer_named_later(document: Document, sentence: Sentence, head: Token, verb_lemma: str = "") -> bool:
    """«Для пенсионеров проводятся занятия. Занятия ведутся инструкторами центра», «будет
    отремонтировано 23 дома. Ремонт будет осуществляться Фондом капремонта»: a later sentence
    names who does the same thing in the instrumental, so «мы проводим занятия» would claim it."""
    for later in document.sentences:
        if later.start <= sentence.start:
            continue
        words = later.words
        if any(_names_the_act(t, head, verb_lemma) for t in words) and any(
                any(p.pos == "NOUN" and {"plur", "anim"} <= p.grammemes and p.grammemes & {"ablt", "nomn"}
                    for p in t.parses[:1])  # «инструкторами», or «Инструкторы … ведут занятия» once rewritten
                or t.lemma in ORGANISATIONS and "ablt" in t.grammemes for t in words):
            return True
    return False
