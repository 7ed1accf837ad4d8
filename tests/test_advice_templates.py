"""Issue #12: advice templates drawn from the post (KC301, KC303, KC305, KC307), never fixes."""

from __future__ import annotations

import pytest

import kanclint
from kanclint import Config
from kanclint.rules.press_release.advice import closing_question, opening_template, post_facts
from kanclint.text.document import Document

CONFIG = Config(use_ignore_file=False)
CEREMONIAL = (
    "15 апреля в администрации района состоялось совещание. В нём приняли участие глава района "
    "И. П. Смирнов и депутаты. Глава отметил важность ремонта дорог."
)
EXHIBITION = (
    "В библиотеке открылась выставка. Представлено 200 книг. Выставка работает до мая. Вход свободный. "
    "Экскурсии проводятся по субботам."
)


def _finding(text: str, code: str):
    (d,) = [d for d in kanclint.lint(text, config=CONFIG).diagnostics if d.code == code]
    return d


@pytest.mark.parametrize(
    "text, template",
    [
        (CEREMONIAL, "15 апреля в администрации района: … — что это значит для вас: …"),
        ("С 1 марта в школе № 5 меняется расписание уроков.", "С 1 марта в школе № 5: … — что это значит для вас: …"),
        # an event people come to: thanks when it is over, an invitation when it is to come
        ("В минувшую пятницу на стадионе состоялся праздник спорта.",
         "Спасибо всем, кто в минувшую пятницу пришёл на праздник на стадионе! Рассказываем, как это было: …"),
        ("23 мая в парке пройдёт ярмарка мёда.", "23 мая в парке ждём вас на ярмарку: …"),
        (EXHIBITION, "В библиотеке ждём вас на выставку: …"),
        ("Состоялось заседание комиссии по делам несовершеннолетних.", "Что это значит для вас: …"),
        # «на совещании» is the event, not the place
        ("Вчера на совещании обсудили ремонт дорог.", "Вчера: … — что это значит для вас: …"),
    ],
)
def test_opening_template_takes_date_and_place_from_the_post(text, template):
    assert opening_template(Document(text)) == template


@pytest.mark.parametrize(
    "text, question",
    [
        (EXHIBITION, "Придёте на выставку? Напишите в комментариях."),
        ("Вчера в парке прошёл праздник. Играл оркестр. Дети катались на пони. Было весело. Все ушли довольные.",
         "Были на празднике? Поделитесь впечатлениями в комментариях."),
        (CEREMONIAL, "Какие вопросы вы бы задали на совещании? Напишите в комментариях."),
        ("Тарифы изменятся. Платежи вырастут. Льготы сохранятся. Перерасчёт сделают. Квитанции придут.",
         "Что вы об этом думаете? Напишите в комментариях."),
    ],
)
def test_closing_question_is_drawn_from_the_event(text, question):
    assert closing_question(Document(text)) == question


def test_kc301_and_kc307_messages_carry_the_template_and_no_fix():
    for code in ("KC301", "KC307"):
        d = _finding(CEREMONIAL, code)
        assert "«15 апреля в администрации района: … — что это значит для вас: …»" in d.message
        assert d.fix is None and d.suggestions == ()
    assert "«Какие вопросы вы бы задали на совещании? Напишите в комментариях»." in _finding(CEREMONIAL, "KC307").message


def test_kc303_adds_the_template_only_in_the_opening():
    text = "Глава района И. П. Смирнов открыл новый мост. Мост соединил два посёлка."
    assert "это значит для вас" in _finding(text, "KC303").message
    assert "это значит для вас" not in _finding(CEREMONIAL, "KC303").message  # the title is in sentence 2


def test_kc305_message_ends_with_a_question_from_the_post():
    d = _finding(EXHIBITION, "KC305")
    assert d.message.endswith("«Придёте на выставку? Напишите в комментариях».")
    assert d.fix is None


def test_templates_leave_the_text_alone_under_fix():
    assert kanclint.fix(EXHIBITION, unsafe=True, config=Config(use_ignore_file=False, select=("KC3",))).text == EXHIBITION


@pytest.mark.parametrize("text", [
    CEREMONIAL, EXHIBITION, "С 1 марта в школе № 5 меняется расписание уроков. Уроки начинаются в 8:30.",
    "Вчера в Доме культуры прошёл концерт. Выступили хор и оркестр.", "23 мая в парке пройдёт ярмарка мёда.",
])
def test_templates_are_not_kanceljarit_themselves(text):
    document = Document(text)
    for advice in (opening_template(document), closing_question(document)):
        found = [(d.code, d.match) for d in kanclint.lint(advice, config=CONFIG).diagnostics]
        assert found == [], advice


def test_facts_are_the_authors_words():
    facts = post_facts(Document(CEREMONIAL))
    assert (facts.when, facts.where, facts.event.text, facts.past) == ("15 апреля", "в администрации района", "совещание", True)


def test_place_keeps_its_proper_name_and_a_talking_opening_gets_no_template():
    assert opening_template(Document("В Республике Карелия 13 октября прошёл фестиваль театров.")) == (
        "Спасибо всем, кто пришёл на фестиваль в Республике Карелия! Рассказываем, как это было: …"
    )
    text = "Не забудьте прийти: выступят глава района И. П. Смирнов и депутат А. В. Орлова."
    found = [d for d in kanclint.lint(text, config=CONFIG).diagnostics if d.code == "KC303"]
    assert found and all("что это значит для вас" not in d.message for d in found)
