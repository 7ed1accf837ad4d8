"""Issues #10 and #12: a living post keeps its findings to real faults.

Each test names a false finding kanclint used to give on an ordinary conversational post (a
school, a library, a utility, a deputy talking to people) and asserts it is gone, next to the
press-release use of the same words that must still be flagged.  Sentences written for this file.
"""

from __future__ import annotations

import kanclint
from kanclint.text.document import Document
from kanclint import Config

CONFIG = Config(use_ignore_file=False)


def _found(text: str, code: str, config: Config = CONFIG) -> list[str]:
    """The matched spans of ``code``'s findings in ``text``."""
    return [d.match for d in kanclint.lint(text, config=config).diagnostics if d.code == code]


# -- names in quotes ----------------------------------------------------------------------


def test_title_in_quotes_is_not_the_authors_wording():
    text = "Команда КВН «Данное мероприятие» из школы №2 взяла кубок района 🏆"
    assert _found(text, "KC101") == []
    # the same words outside the quotes are the author's own
    assert _found("Данное мероприятие прошло в школе №2.", "KC101") == ["Данное", "мероприятие"]


def test_lower_case_quotation_is_the_authors_word_choice():
    assert _found("Так называемая «данная мера» никому не помогла.", "KC101") == ["данная"]


def test_findings_inside_titles_come_back_when_quotes_are_not_skipped():
    config = Config(use_ignore_file=False, skip=("urls", "emails", "mentions", "hashtags", "emoji", "code"))
    text = "Команда КВН «Данное мероприятие» из школы №2 взяла кубок района."
    assert _found(text, "KC101", config) == ["Данное", "мероприятие"]


# -- KC301: a lead that is the page talking ------------------------------------------------


def test_implied_we_after_a_date_is_no_dateline():
    assert _found("Сегодня провели первую в этом году тренировку на стадионе. Снег ещё лежит.", "KC301") == []
    assert _found("Вчера в музее провели урок для слабовидящих детей: экспонаты можно было трогать.", "KC301") == []
    # others as the subject, a passive and «состоялось» are still a dateline
    assert _found("Сегодня наши старшеклассники провели урок для первоклашек.", "KC301") == []
    assert _found("Сегодня школьники провели акцию «Чистый берег».", "KC301") == ["Сегодня школьники провели"]
    assert _found("Вчера был проведён субботник в парке.", "KC301") == ["Вчера был проведён"]
    assert _found("23 мая в администрации района состоялось совещание.", "KC301") == [
        "23 мая в администрации района состоялось"]


def test_somebody_passing_a_check_up_is_no_event():
    text = "Ребята, кто ещё не прошёл медосмотр перед сборами, успейте до пятницы."
    assert _found(text, "KC301") == []
    assert _found("В школе прошёл турнир по шахматам.", "KC301") == ["В школе прошёл"]


# -- KC406: abbreviations everybody knows ----------------------------------------------------


def test_everyday_abbreviations_need_no_expansion():
    text = "Команда КВН вернулась с кубком. Врачи приедут в субботу: можно сделать ЭКГ и УЗИ."
    assert _found(text, "KC406") == []
    assert _found("Документы примет ЦКДО до пятницы.", "KC406") == ["ЦКДО"]


# -- KC405: short sentences are easy to read ------------------------------------------------


def test_short_sentences_with_a_few_long_words_are_not_hard_to_read():
    for text in (
        "Работники котельной уже неделю готовятся к отопительному сезону. Всё проверили, трубы промыли. "
        "Тепло дадим, как только среднесуточная температура опустится ниже +8.",
        "Как записать ребёнка в первый класс? Рассказываем по шагам: 1) заходите на Госуслуги; "
        "2) ищете «Запись в школу»; 3) выбираете нашу школу №7. Всё, заявление отправлено 👍",
        "Центр социальной защиты напоминает: подать заявление на единое пособие можно на Госуслугах "
        "или у нас, в кабинете 3. Не откладывайте, деньги придут быстрее.",
    ):
        assert _found(text, "KC405") == [], text


def test_long_sentences_of_long_words_are_still_hard_to_read():
    text = ("Следует отметить, что на сегодняшний день в комплексе функционируют бассейн, тренажёрный зал "
            "и универсальная спортивная площадка. Администрация обеспечивает организационно-методическое "
            "сопровождение мероприятий по благоустройству общественных территорий муниципального образования.")
    assert len(_found(text, "KC405")) == 1


# -- KC304: the hours of a place --------------------------------------------------------------


def test_opening_hours_of_a_place_are_no_third_person_talk():
    assert _found("Библиотека работает в будние дни с 10 до 19, в субботу — до 16.", "KC304") == []
    assert _found("МФЦ работает без выходных.", "KC304") == []
    # the page acting in the third person is still flagged
    assert _found("Библиотека приглашает на встречу с писателем.", "KC304") == ["Библиотека приглашает"]
    assert _found("Администрация района работает над проектом парка.", "KC304") == ["Администрация района работает"]


# -- KC303: first names are no list of attendees ---------------------------------------------


def test_children_called_by_first_names_are_no_attendee_list():
    text = "Наши гимнастки привезли три медали! Полина, Аня и Вика, мы вами очень гордимся."
    assert _found(text, "KC303") == []
    report = "На встрече были глава района Иван Петров, директор школы Анна Сидорова и депутат Олег Смирнов."
    assert len(_found(report, "KC303")) == 1


# -- an emoji ends a sentence ---------------------------------------------------------------


def test_an_emoji_before_a_capital_ends_the_sentence():
    def sentences(text: str) -> list[str]:
        return [text[s.start:s.end] for s in Document(text).sentences]

    assert sentences("Набор в секцию плавания для детей 7–10 лет 🏊 Тренировки три раза в неделю.") == [
        "Набор в секцию плавания для детей 7–10 лет 🏊", "Тренировки три раза в неделю."]
    assert sentences("Я ❤️ Москву и Петербург.") == ["Я ❤️ Москву и Петербург."]  # a name goes on
    assert sentences("Вход 👉 ДК «Юность».") == ["Вход 👉 ДК «Юность»."]
    text = ("Знакомьтесь, это Барсик. Он живёт у нас в котельной уже пять лет и лучше всех знает, где тепло 🐈 "
            "Мастера его балуют, а он ловит мышей.")
    assert _found(text, "KC403") == []


def test_a_years_abbreviation_before_a_capital_ends_the_sentence():
    def sentences(text: str) -> list[str]:
        return [text[s.start:s.end] for s in Document(text).sentences]

    assert sentences("Заявки ждём до 15 марта 2024 г.  Победителей назовут 1 апреля 2024 г.") == [
        "Заявки ждём до 15 марта 2024 г.", "Победителей назовут 1 апреля 2024 г."]
    assert sentences("Сезон открыли в 2019 гг. Теперь он каждый год.") == [
        "Сезон открыли в 2019 гг.", "Теперь он каждый год."]
    # a name after the year goes on, and «г.» before a name is a town
    assert sentences("В 2022 г. Казань приняла игры.") == ["В 2022 г. Казань приняла игры."]
    assert sentences("Встреча пройдёт в г. Петрозаводске в 2024 г. в мае.") == [
        "Встреча пройдёт в г. Петрозаводске в 2024 г. в мае."]


# -- spoken discourse words -------------------------------------------------------------------


def test_v_obshchem_opening_a_sentence_is_speech():
    assert _found("В общем, мы решили: каток будет работать до 22:00, раз вы так просили.", "KC110") == []
    assert _found("Ну, в общем, вы поняли: ждём всех в субботу!", "KC110") == []
    # the hedge inside a sentence is still vague
    assert _found("Работы на объекте в общем завершены.", "KC110") == ["в общем"]
    assert _found("Мы решили, в общем, продлить работу катка.", "KC110") == ["в общем"]


def test_u_nas_is_the_pages_own_news():
    assert _found("На прошлой неделе у нас прошло родительское собрание. Спасибо всем, кто пришёл!", "KC301") == []
    assert _found("На прошлой неделе в школе прошло родительское собрание.", "KC301") == [
        "На прошлой неделе в школе прошло"]


# -- KC302: an invitation to take part is no report ------------------------------------------


def test_invitation_to_take_part_is_no_protocol_formula():
    assert _found("Кто хочет принять участие в субботнике? Пишите в комментариях!", "KC302") == []
    assert _found("Примите участие в конкурсе рисунков!", "KC302") == []
    assert _found("В субботнике приняли участие 40 человек.", "KC302") == ["приняли участие"]
