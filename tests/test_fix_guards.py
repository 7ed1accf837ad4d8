"""Issue #12, precision first: fixes an editor can trust.

A deletion that would take meaning with it, an edit inside a name or a quotation, a caps fix on a
word that may be a name, and a replacement the rest of the sentence no longer agrees with are not
applied; the finding stays and still explains.
"""

from __future__ import annotations

import pytest

import kanclint
from kanclint import Config
from kanclint.engine.incremental import IncrementalLinter
from kanclint.model import Applicability
from kanclint.text.document import Document
from kanclint.text.untouchable import quoted_spans, untouchable

CFG = Config(use_ignore_file=False)


def fixed(text: str) -> str:
    return kanclint.fix(text, unsafe=True, config=CFG).text


def on(text: str, words: str, code: str | None = None):
    """Findings that cover ``words``."""
    start = text.index(words)
    report = kanclint.lint(text, config=CFG)
    return [d for d in report.diagnostics if d.start <= start < d.end and (code is None or d.code == code)]


# -- 1. deletions that carry meaning ------------------------------------------------------

DELETION_KEPT = [
    # a member of a list of adjectives
    ("Нам нужны быстрые и эффективные решения.", "эффективные", "KC107"),
    ("Учителя применяют современные, эффективные методики.", "эффективные", "KC107"),
    # a linking phrase between two numbers
    ("Пособие вырастет на 5 %. Таким образом, за год оно выросло на 12 %.", "Таким образом", "KC109"),
    # a term: the categories are specified below
    ("Льготу получат определённые категории граждан (перечислены ниже).", "определённые", "KC110"),
    # an adjective inside a genitive complement
    ("Дисциплина — главное условие успешной учёбы.", "успешной", "KC107"),
]


@pytest.mark.parametrize("text, words, code", DELETION_KEPT)
def test_a_deletion_that_carries_meaning_is_a_suggestion(text, words, code):
    found = on(text, words, code)
    assert found, "the word is still pointed out"
    assert all(d.fix is None for d in found)
    assert all(d.message for d in found)
    assert fixed(text) == text


DELETION_APPLIED = [
    ("Ветераны внесли огромный вклад в развитие посёлка.", "Ветераны внесли вклад в развитие посёлка."),
    ("Спектакль прошёл с огромным успехом.", "Спектакль прошёл с успехом."),
]


@pytest.mark.parametrize("text, expected", DELETION_APPLIED)
def test_an_ordinary_deletion_is_still_applied(text, expected):
    assert fixed(text) == expected


# the author's own feeling in the author's own voice: a pronoun, a 1st/2nd-person verb or an
# imperative, «!», an emoji or a smiley closing the sentence (also as the next "sentence")
OWN_EMOTION = [
    ("Как вы раньше любили возить игрушки на этом замечательном паровозике! 😊", "замечательном"),
    ("Мы искренне рады, что наши слушатели стали частью этого замечательного шоу.", "замечательного"),
    ("Приходите в субботу на прекрасную выставку кукол", "прекрасную"),
    ("Какой потрясающий вкус у варенья из шишек 🍯", "потрясающий"),
    ("Замечательный вечер получился вчера)", "Замечательный"),
    ("Спасибо за этот поистине волшебный вечер!", "поистине"),
]


@pytest.mark.parametrize("text, words", OWN_EMOTION)
def test_the_authors_own_emotion_is_only_offered(text, words):
    found = on(text, words)
    assert found and {d.code for d in found} <= {"KC107", "KC108"}, "the word is still pointed out"
    assert all(d.fix is None and d.suggestions for d in found)
    assert fixed(text) == text


EMOTION_DROPPED = [
    # the same words in a report in the third person are praise without facts
    ("Артисты филармонии подарили зрителям незабываемый вечер.", "Артисты филармонии подарили зрителям вечер."),
    ("Гости посетили прекрасную выставку работ местных мастеров.", "Гости посетили выставку работ местных мастеров."),
    # an emoji across a blank line closes nothing
    ("Хор подарил ветеранам замечательный концерт.\n\n😊", "Хор подарил ветеранам концерт.\n\n😊"),
    # a phrase the dictionary names as a cliché, and an evaluation that is no feeling, in any voice
    ("Мы добились невероятного успеха!", "Мы добились успеха!"),
    ("Благодарим сотрудников за безупречную работу.", "Благодарим сотрудников за работу."),
]


@pytest.mark.parametrize("text, expected", EMOTION_DROPPED)
def test_an_evaluation_outside_the_authors_voice_is_still_dropped(text, expected):
    assert fixed(text) == expected


def test_the_emotion_reason_is_given_by_the_deletion_guard():
    from kanclint.rules.phrases.deletion_guards import deletion_refusal

    def reason(text: str, word: str, generic: bool = True) -> str | None:
        doc = Document(text)
        sentence = doc.sentences[0]
        token = next(t for t in sentence.tokens if t.text == word)
        noun = sentence.tokens[sentence.position(token) + 1]
        following = doc.sentences[1] if len(doc.sentences) > 1 else None
        return deletion_refusal("KC107", sentence, None, (token, noun), noun.text, following=following,
                                generic=frozenset({noun.start}) if generic else None)

    assert reason("Как вы любили этот замечательный паровозик! 😊", "замечательный") == "emotion"
    assert reason("Мы съездили на чудесную экскурсию 🚌", "чудесную") == "emotion"
    assert reason("Артисты показали чудесный спектакль.", "чудесный") is None
    assert reason("Артисты показали чудесный спектакль. 😊", "чудесный") == "emotion"
    assert reason("Мы показали чудесный спектакль.", "чудесный", generic=False) is None  # a named phrase
    assert reason("Мы показали эффективный метод.", "эффективный") is None  # no feeling


# -- 2. names and quotations -----------------------------------------------------------------


def test_quoted_spans_pair_every_kind_of_quotes():
    text = 'Фестиваль «Дом «Солнце»» и "Осуществляем мечты", а также „Итоги“ и “Данные”.'
    spans = [text[a:b] for a, b in quoted_spans(text)]
    assert spans == ["«Дом «Солнце»»", '"Осуществляем мечты"', "„Итоги“", "“Данные”"]


def test_a_stray_straight_quote_does_not_turn_the_text_after_it_into_a_quotation():
    text = 'Игра "ЧТО? ГДЕ? КОГДА". "Mi? Kus?" ИНТЕЛЛЕКТУАЛЬНАЯ ИГРА ДЛЯ ВСЕХ'
    assert [text[a:b] for a, b in quoted_spans(text)] == ['"ЧТО? ГДЕ? КОГДА"', '"Mi? Kus?"']
    broken = 'КОГДА". "Mi? Kus?" ИГРА'
    assert [broken[a:b] for a, b in quoted_spans(broken)] == ['"Mi? Kus?"']


def test_names_in_capitals_and_capitalised_names_are_untouchable():
    text = "Мы открыли ТЕХНОФОРУМ и проект ЗДОРОВЬЕ-2025 вместе с Управлением социальной защиты населения."
    index = untouchable(Document(text))
    for word in ("ТЕХНОФОРУМ", "ЗДОРОВЬЕ-2025", "Управлением", "населения"):
        assert index.overlaps(text.index(word), text.index(word) + len(word)), word
    for word in ("открыли", "проект", "вместе"):
        assert not index.overlaps(text.index(word), text.index(word) + len(word)), word


NAMES_KEPT = [
    "Завершилась работа Молодежной сессии по вопросам развития.",
    "Приглашаем на фестиваль «Уникальная возможность» в субботу.",
    'Мы объявили конкурс "Осуществляем мечты вместе".',
    "Заявки принимает Управление социальной защиты населения района.",
    "Фестиваль «ТЕХНОФОРУМ» пройдёт в мае.",
]


@pytest.mark.parametrize("text", NAMES_KEPT)
def test_no_fix_edits_a_name_or_a_quotation(text):
    assert fixed(text) == text


# -- 3. the caps rule --------------------------------------------------------------------------

CAPS_KEPT = [
    'ЧТО? ГДЕ? КОГДА". Игра для всех.',  # the opening mark is lost, the closing one still marks a title
    "Приходите на игру «ЧТО? ГДЕ? КОГДА?» в субботу.",
    "Фестиваль «ТЕХНОФОРУМ» пройдёт в мае.",
    "Мы начали проект ЗДОРОВЬЕ-2025 для школьников.",
    "В субботу пройдёт ТЕХНОФОРУМ для школьников.",
    "КВИЗ-ЭКСКУРСИЯ по выставке пройдёт в субботу.",
    "Рубрика МУЗЕЙНАЯ ЖИЗНЬ выходит по пятницам.",
]


@pytest.mark.parametrize("text", CAPS_KEPT)
def test_caps_that_may_be_a_name_is_never_rewritten(text):
    assert all(d.fix is None for d in kanclint.lint(text, config=CFG).diagnostics if d.code == "KC407")
    assert fixed(text) == text


def test_a_shout_of_three_ordinary_words_stays_safe():
    text = "ВСЕ НА ВЫБОРЫ В ВОСКРЕСЕНЬЕ!"
    (d,) = [d for d in kanclint.lint(text, config=CFG).diagnostics if d.code == "KC407"]
    assert d.fix is not None and d.fix.applicability is Applicability.SAFE
    assert kanclint.fix(text, config=CFG).text == "Все на выборы в воскресенье!"


def test_a_single_stressed_word_is_left_to_the_author():
    """«ТОЛЬКО» inside a sentence is the author's stress (two editors): the plain words still change."""
    assert fixed("Участие доступно ТОЛЬКО по записи.") == "Участвовать можно ТОЛЬКО по записи."


def test_a_month_after_a_number_is_a_date_not_a_name():
    assert kanclint.fix("Завтра, 24 ОКТЯБРЯ, откроется выставка.", config=CFG).text == (
        "Завтра, 24 октября, откроется выставка."
    )


def test_caps_right_after_the_noun_it_names_is_a_name():
    text = "Кафе ВКУСНО И ТОЧКА открылось у вокзала."
    assert all(d.fix is None for d in kanclint.lint(text, config=CFG).diagnostics if d.code == "KC407")


# -- 4. agreement and government after a replacement ---------------------------------------------

AGREEMENT_KEPT = [
    # a genitive complement must stay genitive: never «ремонт дворе»
    "Ремонт придомовой территории начнётся в мае.",
    "Объект общественного питания закрылся на ремонт.",
    "Новый объект общественного питания, открытый у парка, работает до ночи.",
    "Вход осуществляется в масках.",
    "Мы провели опрос: 70 % жителей за новый парк.",
    "Разные слои населения поддержали проект.",
    "Жители, проживающие в частном секторе, получат контейнеры.",
]


@pytest.mark.parametrize("text", AGREEMENT_KEPT)
def test_a_replacement_the_sentence_would_not_agree_with_is_not_applied(text):
    assert fixed(text) == text


@pytest.mark.parametrize("text, verb", [
    ("Контроль за качеством асфальта осуществляется специалистами.", "осуществляется"),
    ("Конкурс чтецов проводится сотрудниками библиотеки.", "проводится"),
])
def test_a_passive_with_its_doer_is_not_swapped_for_an_intransitive_verb(text, verb):
    found = on(text, verb, "KC101")
    assert found and all(d.fix is None for d in found)


def test_a_passive_without_a_doer_still_gets_its_fix():
    text = "Занятия проводятся по субботам в малом зале."
    (d,) = on(text, "проводятся", "KC101")
    assert d.fix is not None and d.fix.edits[0].replacement == "проходят"


@pytest.mark.parametrize("text, expected", [
    ("Вчера в клубе прошло торжественное мероприятие, посвящённое Дню города.",
     "Вчера в клубе прошёл праздник, посвящённый Дню города."),
    ("Вчера состоялось торжественное мероприятие, которое открыл глава района.",
     "Вчера прошёл праздник, который открыл глава района."),
])
def test_the_attribute_after_the_comma_is_re_inflected_and_the_fix_needs_checking(text, expected):
    assert fixed(text) == expected
    (d,) = [d for d in kanclint.lint(text, config=CFG).diagnostics if d.fix is not None]
    assert d.fix.applicability is Applicability.UNSAFE
    assert len(d.fix.edits) == 2


@pytest.mark.parametrize("text", [
    "Пособие вырастет на 5 %. Таким образом, за год оно выросло на 12 %.",
    "Пособие вырастет на 5 %.\n\nТаким образом, за год оно выросло на 12 %.",
    "Пособие вырастет на 5 %.\nТаким образом, ждать стало втрое меньше.",
    "Хор подарил ветеранам замечательный концерт.\n😊",
    "Хор подарил ветеранам замечательный концерт.\n\n😊",
])
def test_the_guards_look_only_inside_the_paragraph_so_the_editor_agrees(text):
    """The language server lints each paragraph on its own: a guard that looked across a blank
    line would give the editor other fixes than the command line."""
    def fixes(report):
        return [(d.code, d.start, d.fix is None) for d in report.diagnostics]

    assert fixes(IncrementalLinter().lint(text, config=CFG)) == fixes(kanclint.lint(text, config=CFG))
