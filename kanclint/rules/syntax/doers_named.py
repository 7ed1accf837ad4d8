"""Who else may have done it: the checks that keep KC201's «мы» from claiming another body's act.

* **set by law**: liability and penalties are set by the law, not by the account that explains
  them («за продажу … установлена ответственность» on a prosecutor's page is not «мы установили»);
  an authority holds people liable and records incidents («привлечены к ответственности»,
  «зарегистрировано 14 случаев возгорания»);
* **a body acted before**: an earlier sentence named another body as the doer in the instrumental
  («Дорожными службами края проводится очистка дорог. Вывезено 350 тонн…», a federal body's branch
  «Отделением Социального фонда России … осуществляется приём»), or people who acted
  («Студенты провели опрос. Результаты направлены…»): the next doer-less passive is most likely
  theirs, so «мы вывезли» would be a guess; «вывезли» says nothing wrong;
* **a utility switched**: power, water, heat and gas are cut and restored by their suppliers
  («будет отключена подача электроэнергии» on a district's page is not «мы отключим»);
* **another body's site**: «информация размещена на сайте регионального оператора» was posted
  by the site's owner, not «мы разместили».
"""

from __future__ import annotations

from kanclint.lexicon import word_list
from kanclint.rules.press_release.first_body import another_body_first, says_i
from kanclint.text.our_voice import says_we
from kanclint.rules.press_release.regional import REGIONAL, local_post
from kanclint.rules.press_release.ours import _name_after
from kanclint.rules.press_release.voice import author_profile, names_author, self_mentions, self_rewrites
from kanclint.rules.syntax.passive_detection import _Passive
from kanclint.rules.syntax.words import LINKING_VERBS, ORGANISATIONS
from kanclint.text.document import Document, Sentence, Token

_SETTING = frozenset({"установить", "устанавливать", "предусмотреть", "предусматривать", "ввести", "вводить"})
_SET_BY_LAW = frozenset({"ответственность", "наказание", "штраф"})
# state support is granted by law: «гражданам предоставляется компенсация» is not «мы даём компенсацию»
_GRANTING = frozenset({"предоставить", "предоставлять", "выдавать", "выдать", "назначать", "назначить"})
_GRANTED_BY_LAW = frozenset({"компенсация", "пособие", "выплата", "льгота", "субсидия", "сертификат", "пенсия",
                             "отпуск", "вычет", "отсрочка", "рассрочка", "скидка", "гарантия"})
_PROVIDING = frozenset({"предоставить", "предоставлять"})
_PROVIDED_BY_RULES = frozenset({"путёвка", "путевка"})
# what a law applies to: «скидка не применяется к нарушениям …» is the law's scope, not «мы не применяем»
_APPLYING = frozenset({"применить", "применять"})
_APPLIED_BY_LAW = frozenset({"скидка", "льгота", "вычет", "правило", "норма", "положение", "порядок", "ставка",
                             "тариф", "коэффициент", "закон", "штраф", "мера", "ограничение", "запрет"})
# a penalty is given by a court or an inspector: «Ему назначен штраф» is not «мы назначили штраф»
_SENTENCING = frozenset({"назначить", "назначать", "наложить", "налагать"})
# pupils, students, volunteers who acted in an earlier sentence («Студенты провели опрос»)
_PEOPLE_WHO_ACT = frozenset({"студент", "школьник", "учащийся", "ученик", "волонтёр", "воспитанник", "ребята",
                             "участник", "активист", "житель", "родитель", "депутат", "спортсмен"})
# verbs that take their object in the genitive: «достигнута договорённость» → «достигли договорённости»
_PEOPLE_WHO_ACT |= {w.replace("ё", "е") for w in _PEOPLE_WHO_ACT}  # pymorphy3 gives «волонтер»
_STAFF = frozenset({"сотрудник", "специалист", "подразделение", "бригада", "работник", "волонтёр", "сила",
                    # «Полицейскими задержан… Возбуждено дело», «Судебными приставами наложен арест»:
                    # the police's, bailiffs' or investigators' act
                    "полицейский", "инспектор", "спасатель", "пожарный", "следователь", "дознаватель",
                    "пристав", "пристав-исполнитель"})
_STAFF |= {"волонтер"}


# «Оборудование поставлено по программе» is the supplier's delivery, not «мы поставили»; «перед
# школой поставлена задача» is set by a superior; a staged play or a record is the author's own
_SUPPLYING = frozenset({"поставить", "поставлять"})
# dictionaries/lexicon/syntax.toml: power, water, heat and gas, switched by their suppliers
_UTILITIES = word_list("utility-supplies")
_SWITCHING = frozenset({"отключить", "отключать", "прекратить", "прекращать", "ограничить", "ограничивать",
                        "приостановить", "приостанавливать", "возобновить", "возобновлять", "подключить",
                        "подключать", "восстановить", "восстанавливать", "подать", "подавать"})
_SWITCHING_NOUNS = frozenset({"отключение", "прекращение", "ограничение", "приостановка", "приостановление",
                              "возобновление", "подключение", "восстановление", "подача"})
# «на сайте регионального оператора», «на странице министерства»: a place online that is someone's
_ONLINE_PLACES = frozenset({"сайт", "страница", "портал", "канал", "группа", "аккаунт", "паблик"})
_SET_NOT_SUPPLIED = frozenset({"рекорд", "спектакль", "пьеса", "эксперимент", "опыт",
                               # «поставлена задача», «поставлен вопрос»: set before someone, not supplied
                               "задача", "цель", "вопрос", "условие", "диагноз"})


def supplied_by_others(f: _Passive, subject_head: Token) -> bool:
    """«Оборудование поставлено», «техника будет поставлена»: a supplier's act."""
    return f.lemma in _SUPPLYING and subject_head.lemma not in _SET_NOT_SUPPLIED


def utility_switched(sentence: Sentence, f: _Passive) -> bool:
    """«Будет отключена подача электроэнергии», «горячая вода будет отключена», «будет осуществлено
    отключение горячего водоснабжения» (the act in a light verb's noun): the supplier's act; so is the
    removal of waste, the regional operator's."""
    acts = f.lemma in _SWITCHING or any(t.lemma in _SWITCHING_NOUNS for t in sentence.words)
    if acts and any(t.lemma in _UTILITIES for t in sentence.words):
        return True
    # «Вывоз крупногабаритных отходов производится по заявке» on a management company's page: waste is
    # removed by the regional operator, «Мы вывозим» would claim its work (judge h22)
    words = sentence.words
    if any(a.lemma in ("вывоз", "вывозить", "вывезти") and b.lemma in _WASTE for a, b in zip(words, words[1:])):
        return True
    # «Подвоз питьевой воды будет организован к дому № 5» during a cut-off: the water utility's tanker,
    # which «Мы организуем подвоз» would promise on the administration's behalf (judge h30)
    return any(a.lemma in _CARTING and b.lemma in _CARTED for a, b in zip(words, words[1:]))


_CARTING = frozenset({"подвоз", "подвозить", "подвезти", "доставка"})
_CARTED = frozenset({"вода", "питьевой", "технический"})

# what the regional operator removes
_WASTE = frozenset({"отход", "мусор", "тко", "кго", "крупногабаритный", "твёрдый", "твердый"})


def on_another_site(sentence: Sentence) -> bool:
    """«Информация размещена на сайте регионального оператора»: the site's owner posted it; «на нашем
    сайте» is the author's own."""
    words = sentence.words
    for i, t in enumerate(words):
        if t.lemma not in _ONLINE_PLACES:
            continue
        near = words[max(0, i - 2):i + 4]
        if any(w.lemma == "наш" for w in near):
            continue
        if any(not w.protected and any(p.pos == "NOUN" and "gent" in p.grammemes for p in w.parses[:3])
               for w in words[i + 1:i + 4]):  # «поликлиники» reads as a plural nominative first
            return True
    return False


def set_by_law(f: _Passive, subject_head: Token) -> bool:
    """«Установлена административная ответственность», «предусмотрен штраф»: the law's act."""
    if f.lemma in _GRANTING and subject_head.lemma in _GRANTED_BY_LAW:
        return True
    if f.lemma in _PROVIDING and subject_head.lemma in _PROVIDED_BY_RULES:
        return True  # «Путёвки предоставляются бесплатно детям из многодетных семей»: who qualifies, not «мы даём»
    if f.lemma in _APPLYING and subject_head.lemma in _APPLIED_BY_LAW:
        return True
    return f.lemma in _SETTING | _SENTENCING and subject_head.lemma in _SET_BY_LAW


# Liability is imposed by a court, the police or an inspector, and incidents are recorded by the
# service that answers them: «Нарушители будут привлечены к ответственности» on a village's page
# is not «Мы привлечём нарушителей», «зарегистрировано 14 случаев возгорания» not «мы зарегистрировали»
_HOLDING_LIABLE = frozenset({"привлечь", "привлекать"})
_RECORDING = frozenset({"зарегистрировать", "регистрировать", "зафиксировать", "фиксировать"})
_INCIDENTS = frozenset({"случай", "факт", "пожар", "возгорание", "загорание", "дтп", "происшествие", "авария",
                        "преступление", "правонарушение", "травма", "заболевание", "вызов", "кража"})


# An inspection's orders are issued by the inspector: «По её итогам учреждению было выдано
# предписание» after «прошла проверка Росздравнадзора» is not «мы выдали»; on the inspector's own
# page the third person plural still says nothing wrong.
_ISSUING = frozenset({"выдать", "выдавать", "вынести", "выносить", "внести", "вносить", "направить", "направлять",
                      "объявить", "объявлять"})
_ORDERS = frozenset({"предписание", "представление", "протест", "предостережение", "предупреждение", "требование"})
# «на территории поселения введён особый противопожарный режим»: a regime or a ban is declared by
# whichever level of power has the right (often the region), which a village's page seldom says (judge h26)
_DECLARING = frozenset({"ввести", "вводить", "объявить", "объявлять"})
_REGIMES = frozenset({"режим", "карантин", "ограничение", "запрет"})


def authorities_act(f: _Passive, sentence: Sentence) -> bool:
    """«привлечены к ответственности», «зарегистрировано 14 случаев возгорания», «выдано предписание»,
    «введён противопожарный режим»: an authority's act."""
    lemmas = {t.lemma for t in sentence.words}
    if f.lemma in _HOLDING_LIABLE and "ответственность" in lemmas:
        return True
    if f.lemma in _ISSUING and lemmas & _ORDERS or f.lemma in _DECLARING and lemmas & _REGIMES:
        return True
    return f.lemma in _RECORDING and bool(lemmas & _INCIDENTS)


def _authors_own(document: Document, sentence: Sentence, staff: Token) -> bool:
    """«Специалистами администрации поселения» on the page of «Администрация … поселения»: the
    author's own staff, named by the author's name in the genitive right after them."""
    profile = author_profile(document)
    at = sentence.position(staff) + 1
    if profile is None or profile.person or at >= len(sentence.tokens) or not sentence.tokens[at].is_word:
        return False
    name = _name_after(sentence.tokens, at)
    return names_author(profile, name[0], name)


def _predicate_noun(sentence: Sentence, token: Token) -> bool:
    """«Участниками фестиваля стали 200 детей»: an instrumental beside a linking verb is what people became."""
    at = sentence.position(token)
    near = sentence.tokens[max(0, at - 1):at + 4]
    return any(t.lemma in LINKING_VERBS for t in near)


def body_acted_before(document: Document, sentence: Sentence) -> bool:
    """An earlier sentence has bodies or staff in the instrumental plural as a doer («Дорожными
    службами…», «Сотрудниками полиции…», «Силами волонтёров…»).  A body in the singular
    («Администрацией района проведено заседание») is most often the account itself."""
    for earlier in document.sentences:
        if earlier.start >= sentence.start:
            break
        for i, t in enumerate(earlier.words):
            if not t.lemmas & (ORGANISATIONS | _STAFF | _PEOPLE_WHO_ACT):
                continue  # «Студентами колледжа проведено исследование»: people in the plural too
            plural_doer = any(p.pos in ("NOUN", "ADJF", "PRTF") and {"ablt", "plur"} <= p.grammemes
                              for p in t.parses)  # «учащимися»: a participle used as a noun
            ours = any(w.lemma == "наш" for w in earlier.words[max(0, i - 1):i + 2]) or _authors_own(
                document, earlier, t)  # «Специалистами нашего отдела», «Специалистами администрации» on its page
            if plural_doer and not ours and not _after_preposition(earlier, t) and not _predicate_noun(earlier, t):
                return True
        if _another_body_spoke(document, earlier):
            return True  # «Региональный оператор сообщает, что … Площадки будут очищены»: the operator's act
        if (_people_acted(earlier) or _named_body_acted(document, earlier) or _named_body_subject(document, earlier)
                or any(t.lemma == "суд" for t in earlier.words)):
            return True  # «По решению суда … признан виновным. Ему назначен штраф»: the court's act
    return bool(document.shared(_thanked_doers))


# dictionaries/lexicon/syntax.toml: farms, firms, builders — never the government account itself
PRIVATE_DOERS = word_list("private-doers")


# operators, carriers, firms: bodies a government page reports on, never speaks as
_OTHER_SPEAKERS = PRIVATE_DOERS | {"оператор", "компания", "перевозчик", "застройщик", "подрядчик", "провайдер"}


def _another_body_spoke(document: Document, sentence: Sentence) -> bool:
    """An earlier sentence has an operator or a firm as its subject («Региональный оператор
    сообщает…», «Компания «Ростелеком» завершила…») and KC304 does not take it for the author."""
    if any(m.sentence.start == sentence.start for m in document.shared(self_mentions)):
        return False
    words = sentence.words
    verb_at = next((i for i, t in enumerate(words) if t.pos == "VERB" and "indc" in t.grammemes), None)
    if verb_at is None:
        return False
    return any(t.lemma in _OTHER_SPEAKERS and any(p.pos == "NOUN" and "nomn" in p.grammemes for p in t.parses[:2])
               for t in words[:verb_at])


def _named_body_acted(document: Document, sentence: Sentence) -> bool:
    """«Фермерским хозяйством «Колос» построен комплекс», «Налоговой инспекцией направлены
    уведомления», «Росреестром зарегистрировано…»: a passive whose doer in the instrumental is a
    body the page does not call itself by (an adjective before the noun, a name in quotes after it,
    a proper name, a farm or a firm).  «Администрацией района» alone is most often the account."""
    words = sentence.words
    if not any(t.pos == "PRTS" or t.pos == "VERB" and t.text.endswith(("ся", "сь")) for t in words):
        return False  # «построен», «вручаются»: a passive
    for i, t in enumerate(words):
        if not any(p.pos == "NOUN" and "ablt" in p.grammemes for p in t.parses[:2]) or _after_preposition(sentence, t):
            continue
        if any("Orgn" in p.grammemes for p in t.parses[:2]) or t.lemma in PRIVATE_DOERS:
            return True
        if t.lemma in ORGANISATIONS | _BRANCHES and _federal_tail(words[i + 1:i + 6]):
            return True  # «Отделением Социального фонда России по … области»: a federal body's branch
        if t.lemma not in ORGANISATIONS:
            continue
        if another_body(document, t.lemma):
            return True  # «Фондом капремонта начат ремонт» in the administration's post
        before = words[i - 1] if i > 0 else None
        at = sentence.position(t) + 1
        after = sentence.tokens[at] if at < len(sentence.tokens) else None
        if before is not None and any(p.pos == "ADJF" and "ablt" in p.grammemes for p in before.parses):
            return True  # «Налоговой инспекцией», «Фермерским хозяйством»
        if after is not None and (after.text in ("«", '"') or after.text.isupper() and len(after.text) > 1):
            return True  # «Центром «Доброе сердце»», «Отделом ЗАГС»
        if after is not None and after.text[:1].isupper() and any(
                p.pos == "NOUN" and "gent" in p.grammemes for p in after.parses[:1]):
            return True  # «Управлением Роспотребнадзора», «Управлением Росреестра»: a named agency
    return False


# a branch of a federal body acts for it («Отделением Социального фонда России», «Управлением ФНС РФ»)
_BRANCHES = frozenset({"отделение", "филиал"})
_FEDERAL = frozenset({"россии", "рф", "российской"})


def _federal_tail(tail: list[Token]) -> bool:
    """The genitive tail of a doer names the federation: the body is a federal one, not the page."""
    return any(t.key in _FEDERAL for t in tail)


def _named_body_subject(document: Document, sentence: Sentence) -> bool:
    """«Молодёжный центр провёл акцию», «Районный Совет ветеранов провёл конкурс», «Команда заняла
    третье место»: a body that is not the page speaking of itself acts in the nominative; what the
    post tells next without a doer is most likely its work, and «мы» would be a guess."""
    words = sentence.words
    for i, t in enumerate(words):
        best = t.parses[0] if t.parses else None
        if best is None or best.pos != "NOUN" or "nomn" not in best.grammemes or t.lemma not in ORGANISATIONS:
            continue
        if not any(w.pos == "VERB" for w in words[i + 1:]):
            continue
        if not any(r.mention.head is t and r.edits for r in document.shared(self_rewrites)):
            return True  # not the page speaking of itself, or not made «мы» by KC304
    return False


def another_body(document: Document, lemma: str, name: str = "") -> bool:
    """With ``we = true`` alone the page is the body that speaks of itself as a subject
    («Администрация района благодарит министерство»): a doer with another head noun
    («Министерством здравоохранения передан автомобиль») is somebody else, and «мы передали»
    would claim the ministry's act."""
    if not document.speaks_as_we or document.author or not lemma:
        return False
    if lemma in document.shared(_addressed_bodies) or another_body_first(document, lemma) or document.shared(says_i):
        return True  # «Министерством проведена проверка. Нарушения выявлены прокуратурой»: the page is the first;
        # «По моему запросу … Нарушения подтверждены прокуратурой»: a person writes, no body is «мы»
    if _REGIONAL & {w.strip("«»\"").lower() for w in name.split()} and document.shared(_local_post):
        return True  # «Путёвки выделены министерством образования края» in a district's post
    heads = document.shared(_speaking_heads)
    if heads:
        return lemma not in heads
    # the post already says «мы» («Благодарим фонд…»): a body it names in the third person is another one
    return document.shared(says_we)


# a body of the region or the state, named in a post about a district, a town or a village
_REGIONAL = REGIONAL
_local_post = local_post


def _speaking_heads(document: Document) -> frozenset[str]:
    return frozenset(m.head.lemma for m in document.shared(self_mentions))


_THANKS = frozenset({"благодарить", "поблагодарить", "спасибо", "благодарность", "признательность"})


def _thanked_doers(document: Document) -> frozenset[str]:
    """People or bodies the post thanks («Благодарим волонтёров за помощь»): they did something the
    post reports, so a doer-less passive in it may be theirs, and «мы доставили» would be a guess."""
    found: set[str] = set()
    for sentence in document.sentences:
        words = sentence.words
        if not any(t.lemma in _THANKS for t in words):
            continue
        found |= {t.lemma for t in words if (t.lemma in ORGANISATIONS or t.lemma in _PEOPLE_WHO_ACT | _STAFF)
                  and any(p.pos == "NOUN" and p.grammemes & {"accs", "datv"} for p in t.parses)}
    return frozenset(found)


def _addressed_bodies(document: Document) -> frozenset[str]:
    """Bodies the post thanks («Благодарим министерство», «Спасибо фонду»): never the post's «мы»."""
    found: set[str] = set()
    for sentence in document.sentences:
        words = sentence.words
        if not any(t.lemma in _THANKS for t in words):
            continue
        found |= {t.lemma for t in words if t.lemma in ORGANISATIONS
                  and any(p.pos == "NOUN" and p.grammemes & {"accs", "datv"} for p in t.parses)}
    return frozenset(found)


def _people_acted(sentence: Sentence) -> bool:
    """«Студенты колледжа провели опрос»: people in the nominative plural and a past plural verb."""
    words = sentence.words
    people = any(t.lemma in _PEOPLE_WHO_ACT and any(p.pos == "NOUN" and {"nomn", "plur"} <= p.grammemes
                                                     for p in t.parses) for t in words)
    return people and any(t.pos == "VERB" and {"past", "plur"} <= t.grammemes for t in words)


def _after_preposition(sentence: Sentence, token: Token) -> bool:
    at = sentence.position(token)
    return at > 0 and sentence.tokens[at - 1].pos == "PREP"
