"""Word lists of the press-release rules (KC3xx)."""

from __future__ import annotations

import re

from kanclint.lexicon import word_list

CATEGORY = "press-release"

# -- word lists --------------------------------------------------------------------------

MONTHS = frozenset(
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь".split()
)
WEEKDAYS = frozenset("понедельник вторник среда четверг пятница суббота воскресенье".split())
RELATIVE_DAYS = frozenset({"сегодня", "вчера", "накануне", "позавчера"})
RECENT_ADJECTIVES = frozenset(
    {"минувший", "прошлый", "прошедший", "этот", "нынешний", "текущий", "последний", "предыдущий"}
)
PERIOD_NOUNS = frozenset({"выходной", "выходные", "неделя", "уикенд"})

# «состояться, пройти, провести» in the past or passive: the verbs of a report
PROTOCOL_VERBS = frozenset({"состояться", "пройти", "проходить", "провести", "проводить"})
# what «прошло…» is about when it is time passing, not an event
TIME_NOUNS = frozenset(
    {"год", "лето", "время", "неделя", "месяц", "день", "час", "минута", "полгода", "срок",
     "век", "десятилетие", "сутки", "секунда", "зима", "весна", "осень", "пора", "много", "мало"}
)

# The lists below live in dictionaries/lexicon/press_release.toml, with examples the tests run.
TITLE_WORDS = word_list("official-titles")
# reporting verbs that mark a report whatever their subject
STRONG_REPORTING = word_list("strong-reporting")
# reporting verbs that mark a report only when an official is speaking («рассказал» is not one)
OFFICIAL_REPORTING = word_list("official-reporting")
# «было отмечено», «отмечено, что», «отмечалось»
PASSIVE_REPORTING = word_list("passive-reporting")
EVENT_NOUNS = word_list("event-nouns")  # «в ходе совещания»
QUOTE_REPORTING = frozenset(
    OFFICIAL_REPORTING | STRONG_REPORTING | {"сказать", "говорить", "считать", "поделиться", "подчеркнуть"}
)

INSTITUTION_NOUNS = word_list("institutions")  # dictionaries/lexicon/organisations.toml
# an office named by a word that in the plural means devices: «Аппарат губернатора», but «Аппараты закупили»
SINGULAR_ONLY_INSTITUTIONS = frozenset({"аппарат"})
INSTITUTION_ACRONYMS = frozenset(
    {"МБУ", "МКУ", "МАУ", "МБОУ", "МАОУ", "МКОУ", "МБДОУ", "МАДОУ", "МКДОУ", "МБУК", "МАУК", "МКУК",
     "МБУДО", "МАУДО", "МКУДО", "ГБУ", "ГКУ", "ГАУ", "ГБУЗ", "ГАУЗ", "ГБОУ", "ГАОУ", "ГБПОУ",
     "ГАПОУ", "ГБУК", "ГАУК", "ФГБУ", "ФГБОУ", "ФГКУ", "ОГБУ", "ОГКУ", "ОГАУ", "КГБУ", "КГКУ",
     "КГАУ", "ОГБУЗ", "КГБУЗ", "МУП", "ГУП", "ФГУП", "МФЦ", "ЦБС", "ЦРБ", "ЦСОН", "КЦСОН", "ДШИ",
     "ДК", "СДК", "РДК", "ЦДТ", "ДЮСШ", "СОШ", "ООШ", "УФНС", "ИФНС", "ОМВД", "МО", "ОСФР", "СФР",
     "ПФР", "ФСС", "ГУ", "УМВД", "ГУМВД", "ЦЗН", "ЗАГС", "ЖКХ", "УК", "ТСЖ", "ТОС"}
)
_ACRONYM_SHAPE = re.compile(r"^(?:Ф?Г|М|О?Г|К?Г|О|К)[БКАО][А-ЯЁ]{0,3}У[А-ЯЁ]{0,3}$")

CALL_TO_ACTION = frozenset(
    {"приходите", "пишите", "звоните", "записывайтесь", "ждём", "ждем", "присоединяйтесь",
     "приглашаем", "давайте", "смотрите", "участвуйте", "голосуйте", "оставляйте", "делитесь",
     "подписывайтесь", "регистрируйтесь", "спрашивайте", "обращайтесь"}
)
SECOND_PERSON = frozenset({"вы", "вас", "вам", "вами", "ваш", "ваша", "ваше", "ваши", "вашего",
                           "вашей", "вашему", "вашим", "вашими", "ваших", "вашу", "вашем", "ты",
                           "тебя", "тебе", "тобой", "твой", "твоя", "твоё", "твое", "твои"})
FIRST_PERSON_PLURAL = frozenset({"мы", "нас", "нам", "нами", "наш", "наша", "наше", "наши", "нашего",
                                 "нашей", "нашему", "нашим", "нашими", "наших", "нашу", "нашем"})

# Verbs that announce the news rather than say it («Администрация информирует о…»): their «мы» form
# («Информируем о…») is still the formula, so KC304 only advises; before «, что» the news follows
# and the announcement itself goes («Сообщаем, что…», or nothing)
ANNOUNCING_VERBS = frozenset({"информировать", "сообщать", "уведомлять", "извещать", "оповещать"})
