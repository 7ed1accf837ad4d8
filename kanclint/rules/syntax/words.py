"""Word lists of the syntax rules (KC2xx): lemmas and forms the detectors and rewrites read."""

from __future__ import annotations

from kanclint.lexicon import word_list

# The word lists live in dictionaries/lexicon/syntax.toml and organisations.toml, where a linguist
# edits them with examples the tests run; each name below says what its list is for.
STATE_PARTICIPLES = word_list("state-participles")  # «магазин закрыт»: a state, not a hidden doer
REPORT_PARTICIPLES = word_list("report-participles")  # «Произведена замена труб»: a report on its own
HOMONYM_PARTICIPLES = word_list("homonym-participles")  # «развешано»: the lemma found is not the verb meant
MEASURED_VALUES = word_list("measured-values")  # «отмечена наибольшая урожайность»: a measure, not a deed
EMPTY_VERBS = word_list("empty-verbs")  # «Мы произвели…» is no better advice
MIDDLE_REFLEXIVES = word_list("middle-reflexives")  # «магазин открывается в 9»: not passive
OBJECT_REFLEXIVES = word_list("object-reflexives")  # «интересуются вепсами»: the instrumental is no doer
NOT_AGENTS = word_list("not-agents")  # «летом», «таким образом»: when or how, never who
SUBSTANTIVE_DOERS = word_list("substantive-doers")  # «всеми желающими», «учащимися»: people, said as a participle
ORGANISATIONS = word_list("acting-bodies")  # inanimate nouns that act: «решение принимается комиссией»
HANDS_ON_WORKS = word_list("hands-on-works")  # «котельную отремонтируют»: workers, never the person who writes
ROLE_VERBS = word_list("role-verbs")
ROLES_OF_PEOPLE = word_list("roles-of-people")  # «сделаны юнармейцами»: a role only when people are the subject
SELF_ROLES = word_list("self-roles")  # «представлялись сотрудниками банка»: a role taken, not a doer  # «назначен директором»: a role, not a doer
CIRCUMSTANCE_PO = word_list("circumstance-po")  # «по улицам», «по записи»: where and how, any verb's
NOT_VERBAL_NOUNS = word_list("not-verbal-nouns")  # «учреждение», «заявление»: plain nouns to a reader
THINGS_READ_AS_PEOPLE = word_list("things-read-as-people")  # «извещатели»: the accusative is the nominative
PROCEDURE_NOUNS = word_list("procedure-nouns")
HELD_EVENTS = word_list("held-events")
# verbs whose object stands in the genitive: «достигли высоких результатов», never «достигли высокие результаты»
GENITIVE_VERBS = frozenset({"достигнуть", "достичь", "добиться", "добиваться", "достигать"})  # «субботник», «вечер»: held, so a thing, not the person pymorphy also reads
# «в торжественной обстановке», «в онлайн-формате»: how it was done, said before the verb in an active
# rewrite (where KC105 may make it «торжественно»), never after the object
# when, said before the verb: «отобрали [с мая по июнь] 72 пробы», not after the object, where it
# hangs on the last noun («отдыха населения с мая по июнь», judge h53)
TIME_NOUNS = frozenset({"период", "время", "год", "месяц", "неделя", "день", "сутки", "квартал", "полугодие",
                        "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
                        "октябрь", "ноябрь", "декабрь"})
MANNER_NOUNS = frozenset({"обстановка", "атмосфера", "режим", "формат", "форма", "срок"})  # «в кратчайшие сроки»  # «мы проводим постановку на учёт» is no plainer

# Instrumental personal pronouns that are certainly the doer: «нами была проведена проверка».
# «им» and «ей» are left out: they are dative at least as often.
PRONOUN_AGENTS = {"нами": "мы", "мной": "я", "мною": "я", "вами": "вы", "ими": "они", "ею": "она"}

_VERBAL_SUFFIXES = ("ние", "тие")
_PARTICLES_BEFORE_AUX = frozenset({"не", "уже", "ещё", "еще", "бы", "же", "также", "тоже", "и"})
_AGENT_RELS = frozenset({"obl", "obl:agent", "nmod", "iobj", "obj", "xcomp"})
_UNSURE_RELS = frozenset({"dep", "root", "parataxis", "orphan"})
_VERB_POS = frozenset({"VERB", "INFN", "GRND", "PRTS"})

# «-ся» verbs that a post uses as passives of an action someone performs («заявки принимаются»,
# «проект реализуется»); other «-ся» verbs say what a thing does by itself («уровень держится»,
# «столбик поднимается», «имеется возможность») and are never rewritten with a doer.
REFLEXIVE_PASSIVES = frozenset(
    {
        "проводить", "осуществлять", "принимать", "рассматривать", "реализовывать", "реализовать",
        "регистрировать", "выдавать", "производить", "предоставлять", "организовывать", "выплачивать",
        "оказывать", "направлять", "вести", "обсуждать", "планировать", "формировать", "устанавливать",
        "вывозить", "убирать", "ремонтировать", "строить", "создавать", "применять", "использовать",
        "начислять", "оформлять", "приглашать", "уделять", "обеспечивать", "назначать", "объявлять",
        "определять", "подводить", "финансировать", "оплачивать", "контролировать", "проверять",
        "обрабатывать", "заменять", "изготавливать", "публиковать", "продлевать", "переносить",
        "закупать", "доставлять", "согласовывать", "утверждать", "разрабатывать", "восстанавливать",
        "благоустраивать", "вручать", "награждать", "отмечать", "чистить", "очищать", "обслуживать",
        "демонстрировать", "показывать", "транслировать", "упаковывать",
    }
)

# «Участниками фестиваля стали 200 детей»: the instrumental after these verbs and their counted subject
# say what people became, not who acted
LINKING_VERBS = frozenset({"стать", "становиться", "являться", "оказаться", "выступить", "выступать"})
