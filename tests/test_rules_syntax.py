"""Syntax and structure rules KC201–KC204: passive, genitive chains, noun-heavy sentences, participles."""

from __future__ import annotations

import pytest

import kanclint
from kanclint.text.document import Document
from kanclint.engine.config import Config
from kanclint.model import Applicability, Severity, apply_fix
from kanclint.rules.syntax import (
    RULES,
    GenitiveChain,
    NounHeavySentence,
    PassiveVoice,
    StackedParticiples,
    is_verbal_noun,
)

CODES = ("KC201", "KC202", "KC203", "KC204", "KC205")

CONVERSATIONAL = [
    "Мы открыли новый парк! Приходите 😀",
    "Вход свободный",
    "Магазин закрыт на учёт.",
    "Кстати, запись уже открыта",
    "Приём граждан продлён до 20:00.",
    "Если у вас остались вопросы, пишите в комментарии — ответим.",
    "Друзья, в субботу ждём вас в парке на празднике: будут концерт, ярмарка и мастер-классы для детей.",
    "Сегодня в школе №5 прошёл выпускной, поздравляем ребят и их родителей!",
    "Улица Ленина перекрыта до конца недели из-за ремонта трубы, объезд по Садовой.",
]


def lint(text: str, *codes: str):
    return kanclint.lint(text, config=Config(select=codes or CODES)).diagnostics


def found(text: str, code: str) -> list[tuple[str, Severity]]:
    return [(d.match, d.severity) for d in lint(text, code) if d.code == code]


def only(text: str, code: str):
    diagnostics = [d for d in lint(text, code) if d.code == code]
    assert len(diagnostics) == 1, diagnostics
    return diagnostics[0]


# -- metadata ------------------------------------------------------------------------------

def test_rule_metadata():
    meta = {R.code: (R.name, R.category, R.severity, R.lexical, R.needs) for R in RULES}
    assert meta == {
        "KC201": ("passive-voice", "passive", Severity.WARNING, True, frozenset({"syntax"})),
        "KC202": ("genitive-chain", "genitive-chain", Severity.WARNING, True, frozenset()),
        "KC203": ("noun-heavy-sentence", "verbal-noun", Severity.INFO, False, frozenset()),
        "KC204": ("stacked-participles", "verbal-noun", Severity.INFO, False, frozenset()),
        "KC205": ("participle-clause", "verbal-noun", Severity.INFO, False, frozenset()),
    }
    assert GenitiveChain.min_chain == 3


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_example_is_flagged_and_instead_is_clean(rule):
    assert found(rule.example, rule.code)
    assert found(rule.instead, rule.code) == []


@pytest.mark.parametrize("text", CONVERSATIONAL)
def test_conversational_text_has_no_findings(text):
    assert lint(text) == ()


# -- KC201 passive-voice -------------------------------------------------------------------

def test_nami_passive_is_a_warning_with_first_person_rewrite():
    d = only("Нами была проведена проверка документов.", "KC201")
    assert (d.match, d.severity) == ("Нами была проведена проверка документов", Severity.WARNING)
    # «мы провели проверку» is KC103's own find: the rewrite goes on to the dictionary's verb
    assert "«Мы проверили документы»" in d.message
    assert d.fix is not None and d.fix.applicability is Applicability.UNSAFE
    assert [e.replacement for e in d.fix.edits] == ["Мы проверили документы"]


def test_nami_passive_without_object_gets_no_verb_left_alone():
    # «Мы проверили.» ends on a verb that needs its object: no fix is applied
    d = only("Нами была проведена проверка.", "KC201")
    assert d.fix is None


def test_nami_fix_applies():
    result = kanclint.fix(
        "В прошлом месяце нами была проведена большая проверка всех детских площадок.",
        unsafe=True, config=Config(select=("KC201",)),
    )
    assert result.text == "В прошлом месяце мы провели большую проверку всех детских площадок."


def test_nami_after_the_verb_and_object_first():
    d = only("Проверка всех площадок была проведена нами в прошлом месяце.", "KC201")
    assert d.match == "Проверка всех площадок была проведена нами"
    assert d.suggestions == ("Мы проверили все площадки",)


def test_mnoj_is_a_warning_without_a_gendered_fix():
    d = only("Мной было принято решение о переносе.", "KC201")
    assert (d.match, d.severity) == ("Мной было принято решение", Severity.WARNING)
    assert "Я принял(а) решение" in d.message
    assert d.fix is None


def test_nami_separated_by_a_parenthetical():
    d = only("Нами, к сожалению, была допущена ошибка в расписании автобусов.", "KC201")
    assert (d.match, d.severity) == ("была допущена", Severity.WARNING)
    assert "«Мы допустили ошибку»" in d.message


def test_reflexive_passive_with_instrumental_doer():
    d = only("Ремонт осуществляется подрядной организацией.", "KC201")
    assert (d.match, d.severity) == ("осуществляется", Severity.WARNING)
    assert "Кто осуществляет?" in d.message
    assert "«Подрядная организация ремонтирует»" in d.message  # not KC103's «осуществляет ремонт»


def test_short_sentence_with_a_doer_is_still_flagged():
    d = only("Решение принимается комиссией.", "KC201")
    assert (d.match, d.severity) == ("принимается", Severity.WARNING)
    assert "«Комиссия решает»" in d.message  # not KC103's «принимает решение»


def test_short_participle_with_animate_doer():
    d = only("Новый корпус школы был построен за два года строителями.", "KC201")
    assert (d.match, d.severity) == ("был построен", Severity.WARNING)
    assert "Кто построил?" in d.message and "«Строители построили новый корпус школы»" in d.message


def test_doer_named_by_silami_is_the_genitive():
    d = only("Работа выполнена силами волонтёров нашего района за одни выходные.", "KC201")
    assert "«Волонтёры нашего района выполнили работу»" in d.message


def test_doerless_passives_are_info_with_aux_in_span():
    text = "Работы завершены в срок, а все дороги в нашем районе будут увеличены к осени."
    assert found(text, "KC201") == [("завершены", Severity.INFO), ("будут увеличены", Severity.INFO)]
    future = [d for d in lint(text, "KC201") if d.match == "будут увеличены"][0]
    assert "кто увеличит" in future.message and "«Мы увеличим…»" in future.message


def test_impersonal_passive_with_capitalised_aux():
    assert found("Было решено перенести праздник на следующую субботу из-за погоды.", "KC201") == [
        ("Было решено", Severity.INFO)
    ]


def test_adverb_between_aux_and_participle_stays_in_span():
    text = "С 10 по 14 июня будет временно приостановлена подача горячей воды в домах."
    assert found(text, "KC201") == [("будет временно приостановлена", Severity.INFO)]


def test_yo_in_matched_reflexive():
    text = "Запись на приём ведётся по телефону и через портал госуслуг."
    d = only(text, "KC201")
    assert (d.match, d.severity) == ("ведётся", Severity.INFO)
    assert text[d.start:d.end] == "ведётся"


def test_yo_and_emoji_with_nami_after_the_verb():
    text = "Ёлка была наряжена нами вчера 🎄"
    d = only(text, "KC201")
    assert (d.start, d.end) == (0, len("Ёлка была наряжена нами"))
    assert d.suggestions == ("Мы нарядили ёлку",)


def test_emoji_before_finding_keeps_offsets():
    text = "🎉🎉 Друзья! Ремонт осуществляется подрядной организацией."
    d = only(text, "KC201")
    assert d.start == text.index("осуществляется")
    assert text[d.start:d.end] == d.match == "осуществляется"


def test_coordinated_participles_make_one_finding():
    text = "🎄 Ёлка в центре города была поставлена и наряжена нашими коммунальщиками."
    d = only(text, "KC201")
    assert (d.match, d.severity) == ("была поставлена и наряжена", Severity.WARNING)
    assert "«Наши коммунальщики поставили и нарядили ёлку»" in d.message


@pytest.mark.parametrize(
    "text",
    [
        "Магазин открывается в 9 утра после долгого ремонта здания.",
        "Праздник начинается в 10 утра на главной площади города.",
        "Эта улица является главной в нашем большом и красивом городе.",
        "Номер телефона горячей линии для жителей района указан ниже.",
        "Глава сказал: «Решение принимается комиссией».",
        "Дети нашего района получили подарки от депутатов городской думы.",
    ],
)
def test_passive_negatives(text):
    assert found(text, "KC201") == []


@pytest.mark.parametrize(
    "text, match",
    [
        ("Иванов был назначен директором школы в прошлом году весной.", "был назначен"),
        ("Парк украшен цветами и фонариками к празднику, приходите гулять всей семьёй.", "украшен"),
        ("Ветераны были награждены медалями на торжественном вечере в доме культуры.", "были награждены"),
    ],
)
def test_role_and_instrument_are_not_doers(text, match):
    assert found(text, "KC201") == [(match, Severity.INFO)]


# -- KC202 genitive-chain ------------------------------------------------------------------

def test_genitive_chain_span_and_count():
    text = "Проведены мероприятия для обеспечения безопасности дорожного движения населения района."
    d = only(text, "KC202")
    assert (d.match, d.severity) == ("обеспечения безопасности дорожного движения населения района", Severity.WARNING)
    assert d.message.startswith("4 существительных в родительном падеже подряд")


def test_genitive_chain_with_emoji_before():
    text = "👍 Номер телефона горячей линии управления социальной защиты населения указан ниже."
    d = only(text, "KC202")
    assert d.match == "Номер телефона горячей линии управления социальной защиты населения"
    assert d.start == text.index("Номер") == 2


def test_genitive_chain_with_yo():
    text = "Утверждён план учёта расходов бюджета района на год."
    d = only(text, "KC202")
    assert d.match == "план учёта расходов бюджета района"


@pytest.mark.parametrize(
    "text",
    [
        "Глава администрации района поздравил жителей.",
        "Проект строительства школы готов.",
        "Программа развития района на период до 2030 года.",
        "Участвуйте в конкурсе «Лучший проект благоустройства двора города»!",
        "Мы открыли новый парк! Приходите 😀",
        "Вчера прошло выступление популярного рок-исполнителя Александра Маршала.",
        "Ждём на концерте ученицы музыкальной школы Анны Петровой.",
        # «посещения» is the subject of «запрещены», not a fourth genitive
        "В период эпидемии гриппа посещения в стационаре запрещены.",
    ],
)
def test_genitive_chain_negatives(text):
    assert found(text, "KC202") == []


def test_genitive_chain_keeps_a_plural_genitive_when_the_clause_has_its_subject():
    # «города» may be a plural subject too, but the chain starts with the subject «Цели»
    assert only("Цели развития образования города определены.", "KC202").match == "Цели развития образования города"
    text = "В рамках реализации программы развития образования мероприятия проведены во всех школах."
    assert only(text, "KC202").match == "рамках реализации программы развития образования"


def test_min_chain_is_configurable():
    class Strict(GenitiveChain):
        min_chain = 2

    document = Document("Глава администрации района поздравил жителей.")
    assert [d.match for d in Strict().check(document)] == ["Глава администрации района"]
    assert list(GenitiveChain().check(document)) == []


# -- KC203 noun-heavy-sentence -------------------------------------------------------------

def test_noun_heavy_sentence_reports_counts():
    text = NounHeavySentence.example
    d = only(text, "KC203")
    assert (d.match, d.severity) == (text, Severity.INFO)
    assert d.message.startswith("11 существительных и 1 глагол; 4 отглагольных существительных")
    assert "«Осуществление»" in d.message


def test_verbal_nouns_alone_are_reported():
    text = "Привет! Реализация программы модернизации позволит ускорить повышение качества обслуживания."
    d = only(text, "KC203")
    assert d.match == text[len("Привет! "):]
    assert d.message.startswith("4 отглагольных существительных («Реализация», «модернизации», «повышение», «обслуживания»)")


def test_noun_heavy_without_verbs():
    text = "😀 Проведение собрания по вопросу обеспечения благоустройства и организация уборки территории до пятницы."
    d = only(text, "KC203")
    assert d.start == 2 and d.message.startswith("9 существительных и ни одного глагола")


@pytest.mark.parametrize(
    "text",
    [
        "В субботу в парке будут концерт, ярмарка, мастер-классы, конкурсы, аттракционы, фотозона, "
        "полевая кухня и салют для детей и взрослых!",
        "Ёлочные игрушки, гирлянды, мишура, хлопушки, конфеты, мандарины, подарки и открытки — всё для праздника.",
        "Здание учреждения, помещение отделения и собрание населения на одной улице.",
        # a person's name says who: «Сергей Петрин» is no weight of nouns
        "Глава района Сергей Петрин познакомил участников программы с опытом города.",
    ],
)
def test_noun_heavy_negatives(text):
    assert found(text, "KC203") == []


@pytest.mark.parametrize(
    "word, verbal",
    [
        ("реализация", True), ("проведение", True), ("развитие", True), ("модернизация", True),
        ("станция", False), ("традиция", False), ("здание", False), ("событие", False),
        ("население", False), ("администрация", False), ("объявление", False),
    ],
)
def test_is_verbal_noun(word, verbal):
    token = Document(word).words[0]
    assert is_verbal_noun(token) is verbal


# -- KC204 stacked-participles -------------------------------------------------------------

def test_two_participial_clauses():
    text = "Мероприятия, направленные на обеспечение безопасности, проводимые администрацией района, завершены."
    d = only(text, "KC204")
    assert (d.match, d.severity) == ("направленные на обеспечение безопасности, проводимые администрацией района", Severity.INFO)
    assert "2 причастных оборота" in d.message


def test_participle_governing_verbal_noun():
    d = only("Утвердили меры, направленные на обеспечение безопасности.", "KC204")
    assert d.match == "направленные на обеспечение безопасности"
    assert "«обеспечение»" in d.message


def test_two_clauses_found_by_morphology_when_parse_is_off():
    text = "Дети, занимающиеся в секции, и тренеры, работающие с ними, получили грамоты."
    d = only(text, "KC204")
    assert d.match == "занимающиеся в секции, и тренеры, работающие с ними"


def test_participle_clause_after_emoji():
    text = "📌 Утвердили меры, направленные на обеспечение безопасности."
    d = only(text, "KC204")
    assert d.start == text.index("направленные") and d.match == "направленные на обеспечение безопасности"


@pytest.mark.parametrize(
    "text",
    [
        "Дети, занимающиеся в секции, выиграли кубок.",
        "Уважаемые жители! Прошедшие выходные были жаркими.",
        "Ведущий специалист отдела ответит на вопросы в следующем месяце.",
        "Вот фото с праздника, организованного нашими волонтёрами 😀",
    ],
)
def test_participle_negatives(text):
    assert found(text, "KC204") == []


def test_rules_are_instantiable_and_check_empty_text():
    for rule in (PassiveVoice(), GenitiveChain(), NounHeavySentence(), StackedParticiples()):
        assert list(rule.check(Document(""))) == []


@pytest.mark.parametrize("text", ["Доводим до вашего сведения, что парк открыт.", "Ценим каждого читателя и ждём вас."])
def test_first_person_plural_verbs_are_not_short_participles(text):
    report = kanclint.lint(text, config=Config(select=("KC201",), use_ignore_file=False))
    assert report.diagnostics == ()


# -- KC201 rewrites (unsafe fixes) ---------------------------------------------------------

from kanclint.engine.fixes import apply_fix  # noqa: E402


def rewritten(text: str) -> str | None:
    """The text with the single KC201 finding's fix applied, ``None`` when there is no fix."""
    d = only(text, "KC201")
    if d.fix is None:
        return None
    assert d.fix.applicability is Applicability.UNSAFE
    return apply_fix(text, d.fix)


@pytest.mark.parametrize(
    "text, expected",
    [
        # past, feminine doer with a genitive that stays (not an institution: KC304 would flag one)
        ("Мероприятие было проведено волонтёрами района.", "Волонтёры района провели мероприятие."),
        # present reflexive, the adjective agrees in the nominative
        ("Ремонт осуществляется подрядной организацией.", "Подрядная организация ремонтирует."),  # not KC103's «осуществляет ремонт»
        ("Решение принимается комиссией.", "Комиссия решает."),
        # future, the date after the doer is kept
        ("Проверка будет проведена инспекторами города в мае.", "Инспекторы города проверят в мае."),
        # neuter doer
        ("Проект был подготовлен жюри конкурса.", None),  # «жюри»: an indeclinable doer shows no number
        # masculine doer, inanimate feminine object with an adjective
        ("Новая школа была открыта губернатором.", "Губернатор открыл новую школу."),
        # plural doer, animate object goes to the genitive form
        ("Дети были встречены волонтёрами.", "Волонтёры встретили детей."),
        ("Ветераны будут поздравлены школьниками нашего города.", "Школьники нашего города поздравят ветеранов."),
        # plural present
        ("Заявки рассматриваются специалистами центра.", "Специалисты центра рассматривают заявки."),
        ("Документы принимаются сотрудниками МФЦ.", "Сотрудники МФЦ принимают документы."),
        # «силами волонтёров»: the doer is the genitive
        (
            "Работа выполнена силами волонтёров нашего района за одни выходные.",
            "Волонтёры нашего района выполнили работу за одни выходные.",
        ),
        # an adverbial between the parts moves after the object
        (
            "Новый корпус школы был построен за два года строителями.",
            "Строители построили новый корпус школы за два года.",
        ),
        # an adverb between aux and participle stays before the verb; negation too
        ("Мероприятие было успешно проведено волонтёрами.", "Волонтёры успешно провели мероприятие."),
        ("Решение не было принято комиссией.", "Комиссия не решила."),
        # coordinated participles, a prepositional phrase the parse hung on the verb
        (
            "🎄 Ёлка в центре города была поставлена и наряжена нашими коммунальщиками.",
            "🎄 Наши коммунальщики поставили и нарядили ёлку в центре города.",
        ),
        # the doer first: the author's capital stays at the sentence start
        ("Волонтёрами района было проведено мероприятие.", "Волонтёры района провели мероприятие."),
        # not at the sentence start: the subject loses nothing, the doer gets no capital
        ("Вчера мероприятие было проведено волонтёрами района.", "Вчера волонтёры района провели мероприятие."),
        # a joined clause with its own subject is left alone
        (
            "Мероприятие было проведено волонтёрами района, и все остались довольны.",
            "Волонтёры района провели мероприятие, и все остались довольны.",
        ),
    ],
)
def test_passive_with_doer_becomes_active(text, expected):
    assert rewritten(text) == expected


@pytest.mark.parametrize(
    "text, author, expected",
    [
        # an institution opening the sentence is the third-person self of KC304: no fix…
        ("Мероприятие было проведено администрацией района.", None, None),
        ("Проект был подготовлен управлением образования.", None, None),
        # …unless the institution is the configured author, who says «мы»
        ("Мероприятие было проведено администрацией района.", "Администрация Тальменского района", "Мы провели мероприятие."),
        ("Проверка будет проведена прокуратурой города в мае.", "Прокуратура города", "Мы проверим в мае."),
        # another institution than the author gets no fix, and its hint stays in the third person (fresh18)
        ("Проект был подготовлен управлением образования.", "Администрация Тальменского района", None),
        # not at the sentence start, KC304 has nothing to say: the active rewrite stays
        ("Вчера мероприятие было проведено администрацией района.", None, None),  # KC304 would flag it
    ],
)
def test_institution_doer_is_said_as_we_only_by_its_author(text, author, expected):
    cfg = Config(use_ignore_file=False, author=author)
    found = [d for d in kanclint.lint(text, config=cfg).diagnostics if d.code == "KC201"]
    assert len(found) == 1
    fix = found[0].fix
    assert (apply_fix(text, fix) if fix is not None else None) == expected
    if fix is None and author is None:
        assert "«Мы " in found[0].message  # the hint names the «мы» form, not a KC304 sentence
    elif fix is None:  # the author is another body: «мы» would claim the doer's act
        assert "«Мы " not in found[0].message and "«Управление образования подготовило проект»" in found[0].message


def test_active_fix_after_emoji_keeps_offsets_and_capital():
    text = "🎉🎉 Друзья! Мероприятие было проведено волонтёрами района 👍"
    d = only(text, "KC201")
    assert d.match == "было проведено"
    assert d.fix is not None
    (edit,) = d.fix.edits
    assert text[edit.start:edit.end] == "Мероприятие было проведено волонтёрами района"
    assert apply_fix(text, d.fix) == "🎉🎉 Друзья! Волонтёры района провели мероприятие 👍"
    assert d.suggestions == ("Волонтёры района провели мероприятие",)


def test_active_fix_keeps_span_and_message_of_the_finding():
    d = only("Ремонт осуществляется подрядной организацией.", "KC201")
    assert (d.match, d.severity) == ("осуществляется", Severity.WARNING)
    assert d.fix is not None and d.fix.title == "Заменить на «Подрядная организация ремонтирует»"


@pytest.mark.parametrize(
    "text",
    [
        # coordinated doers: which one agrees with the verb is the author's choice
        "Документы были подписаны главой района и губернатором.",
        "Праздник был организован молодёжным центром и школой искусств.",
        "Работы выполнены подрядчиком, а также администрацией.",
        # coordinated subjects whose accusative differs («выставку и ярмарку»); «документы и справки» read
        # the same as objects and are rewritten (tests/fixtures/rewrites/fresh33.tsv)
        "Выставка и ярмарка подготовлены сотрудниками музея.",
        # gapping: the second clause shares the verb
        "Мероприятие проведено администрацией, а концерт — школой.",
        # the subject is shared with the next verb
        "Мероприятие было проведено администрацией и понравилось жителям.",
        # punctuation between the parts
        "Мероприятие, к сожалению, было перенесено администрацией.",
        # ambiguous parse: «по культуре» belongs to the doer's name, «завтра» hangs on «района»
        "Заявка будет рассмотрена комитетом по культуре.",
        "Собрание будет проведено главой района завтра.",
        # a name in quotes with a second doer the parse hangs on it
        "Мост построен компанией «Мостострой» и её партнёрами.",
    ],
)
def test_passive_with_doer_without_safe_rewrite_has_no_fix(text):
    d = only(text, "KC201")
    assert d.severity is Severity.WARNING
    assert d.fix is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Жителям будет оказана помощь.", "Жителям помогут."),
        ("Жителям была оказана помощь.", "Жителям помогли."),
        ("Пострадавшим оказывается помощь.", "Пострадавшим помогают."),
        ("Помощь будет оказана всем пострадавшим.", "Помогут всем пострадавшим."),
        ("Жителям не будет оказана помощь.", "Жителям не помогут."),
        ("Будет оказана поддержка.", "Поддержат."),
        ("Будет проведена проверка.", "Проверят."),
        ("Будут приняты срочные меры.", "Примут срочные меры."),
        ("Будет обеспечен доступ к воде.", "Дадут доступ к воде."),  # «открыть доступ» left the table (judge h17)
        ("😀 Жителям будет оказана помощь", "😀 Жителям помогут"),
    ],
)
def test_doerless_passive_from_the_table_becomes_third_person_plural(text, expected):
    d = only(text, "KC201")
    assert d.severity is Severity.INFO
    assert rewritten(text) == expected


def test_short_doerless_table_passive_is_flagged_other_short_ones_are_not():
    assert found("Жителям будет оказана помощь.", "KC201") == [("будет оказана", Severity.INFO)]
    assert found("Приём граждан продлён до 20:00.", "KC201") == []
    d = only("Жителям будет оказана помощь.", "KC201")
    assert "«помогут»" in d.message


@pytest.mark.parametrize(
    "text",
    [
        # «поддержат семьям» would be wrong: поддержать takes the accusative
        "Семьям будет оказана поддержка.",
        "Семьям оказывается поддержка.",
        # «примут меры» is KC103's own find, and the dictionary has no fix for it
        "Будут приняты меры.",
        "Меры будут приняты в ближайшее время.",
        # the subject is shared with another verb
        "Помощь была оказана и всем понравилась.",
    ],
)
def test_doerless_table_passive_without_safe_rewrite_has_no_fix(text):
    d = only(text, "KC201")
    assert d.fix is None


@pytest.mark.parametrize(
    "text, fixed",
    [
        # the noun keeps every word it carries: the whole subject becomes the object
        ("Всем нуждающимся будет оказана медицинская помощь в поликлинике района.",
         "Всем нуждающимся окажут медицинскую помощь в поликлинике района."),
        # the light verb and its verbal noun become one verb, the genitive its object
        ("Проверка документов будет проведена в течение недели после подачи заявления.",
         "Проверят документы в течение недели после подачи заявления."),
    ],
)
def test_doerless_passive_with_carried_words_is_rewritten_whole(text, fixed):
    d = only(text, "KC201")
    assert d.fix is not None and d.fix.applicability is Applicability.UNSAFE
    assert apply_fix(text, d.fix) == fixed


def test_fix_unsafe_applies_passive_rewrites():
    text = (
        "🎉 Мероприятие было проведено волонтёрами района. Ремонт осуществляется подрядной "
        "организацией. Жителям будет оказана помощь."
    )
    config = Config(select=("KC201",), use_ignore_file=False)
    result = kanclint.fix(text, unsafe=True, config=config)
    assert result.text == (
        "🎉 Волонтёры района провели мероприятие. Подрядная организация ремонтирует. "
        "Жителям помогут."
    )
    assert result.remaining == ()
    assert kanclint.fix(text, unsafe=False, config=config).text == text


@pytest.mark.parametrize(
    "text, match",
    [
        ("Была произведена замена труб.", "Была произведена"),
        ("Ремонт будет осуществлён до конца года.", "будет осуществлён"),
        ("Школьникам было вручено.", "было вручено"),
        ("Собрание было перенесено.", "было перенесено"),
        ("Произведена замена окон.", "Произведена"),
        ("Осуществлён ремонт крыши.", "Осуществлён"),
    ],
)
def test_short_passive_with_auxiliary_or_report_verb_is_flagged(text, match):
    assert found(text, "KC201") == [(match, Severity.INFO)]


@pytest.mark.parametrize(
    "text",
    [
        "Приём граждан продлён до 20:00.",  # a notice: no auxiliary, not a report verb
        "Магазин был закрыт на учёт.",  # a state participle even with «был»
        "Запись ведётся.",  # a short «-ся» passive stays a notice
        "Вход свободный",
    ],
)
def test_short_notices_stay_clean(text):
    assert found(text, "KC201") == []


def test_empty_report_verb_asks_for_the_real_action_not_for_the_same_verb():
    d = only("Была произведена замена труб.", "KC201")
    assert "одним глаголом" in d.message
    assert "Мы произвели" not in d.message
    held = only("В школьном дворе вчера была проведена весёлая линейка.", "KC201")
    assert "«Мы провели…»" in held.message  # «провести» an event is a real verb


@pytest.mark.parametrize("text, quoted", [
    ("Министерством осуществлена замена окон в школе.", "«Мы заменили окна»"),
    ("Министерством культуры поддержан проект музея.", "«Мы поддержали проект музея»"),
])
def test_body_as_doer_advice_quotes_the_we_form_said_with_one_verb(text, quoted):
    [d] = [d for d in kanclint.lint(text).diagnostics if d.code == "KC201"]
    assert quoted in d.message


@pytest.mark.parametrize("text", [
    "Администрацией района осуществлена приёмка выполненных работ.",
    "Администрацией района проведена проверка готовности школ к новому учебному году.",
])
def test_body_as_doer_advice_never_quotes_a_light_verb(text):
    """«Мы осуществили…», «Мы провели проверку готовности» would be flagged by KC101 and KC103."""
    [d] = [d for d in kanclint.lint(text).diagnostics if d.code == "KC201"]
    assert "«Мы осуществили" not in d.message and "«Мы провели" not in d.message
    assert "одним глаголом" in d.message


def test_a_verbless_list_of_things_is_no_noun_heavy_sentence():
    """KC203 is about actions hidden in nouns; a list of concrete things after a colon hides none."""
    listed = "Неделя здоровья: зарядка на улице, витаминный салат и игры на свежем воздухе для всех классов."
    assert not [d for d in kanclint.lint(listed).diagnostics if d.code == "KC203"]
    hidden = "Обеспечение безопасности детей на улице, на воде и на льду зимой, весной и летом каждого года."
    assert [d for d in kanclint.lint(hidden).diagnostics if d.code == "KC203"]


@pytest.mark.parametrize("text, name", [
    ("Центром «Доброе сердце» организована выставка рисунков.", "«Центр «Доброе сердце»»"),  # the quoted name whole
    ("Администрацией района произведена замена труб на улице Мира.", "«Администрация района»"),
])
def test_agent_advice_needs_no_inflected_name(text: str, name: str) -> None:
    """The advice names the body in the nominative in brackets: «от имени «Центр»» is no Russian,
    and «от имени «Центра»» would change a quoted name."""
    messages = [d.message for d in kanclint.lint(text).diagnostics if d.code == "KC201"]
    assert messages, text
    assert all("от имени «" not in m for m in messages)
    assert any(f"сама организация ({name})" in m for m in messages)


def test_doerless_passive_hint_speaks_as_the_post_does():
    # a deputy writing as «я» gets the advice in «я», not in «мы»
    (d,) = [x for x in kanclint.lint("Я встретился с жителями села. Были собраны подписи.").diagnostics
            if x.code == "KC201"]
    assert "«Я собрал(а)…»" in d.message and "«Мы" not in d.message
    (d,) = [x for x in kanclint.lint("В школе были собраны подписи.").diagnostics if x.code == "KC201"]
    assert "«Мы собрали…»" in d.message


def test_a_modal_passive_gets_no_past_tense_advice():
    """«может быть принято» is a chance, «должно быть подано» a rule: «Мы приняли…» would report an act."""
    for text in ("Решение может быть принято до конца месяца.", "Заявление должно быть подано до 1 июня."):
        assert [d for d in kanclint.lint(text).diagnostics if d.code == "KC201"] == []
    assert [d.code for d in kanclint.lint("Решение было принято до конца месяца.").diagnostics if d.code == "KC201"] == ["KC201"]


# -- KC205 participle-clause ---------------------------------------------------------------

def test_participle_clause_said_with_which():
    d = only("Кружки, работающие при библиотеке, ждут новых участников.", "KC205")
    assert d.match == "работающие при библиотеке"
    assert d.fix is None and d.suggestions == ("которые работают",)  # offered: «который» is longer


def test_participle_clause_after_all_says_who():
    d = only("Спасибо всем, помогающим нам каждый день.", "KC205")
    assert d.fix is not None and d.fix.edits[0].replacement == "кто помогает"


def test_participle_clause_noun_a_few_words_back():
    """The noun the participle agrees with stands behind its own genitive or prepositional words."""
    d = only("Встречу провёл директор школы, работающий здесь двадцать лет.", "KC205")
    assert d.suggestions == ("который работает",)
    d = only("Это пространство для игр и отдыха малышей, объединяющее семьи района.", "KC205")
    assert d.suggestions == ("которое объединяет",)


@pytest.mark.parametrize("text", [
    "Выставка, посвящённая истории села, откроется в пятницу.",  # passive participle
    "Волонтёры, помогавшие на празднике, получили благодарности.",  # past: how news says it
    "Встречу провёл руководитель отдела, работающий здесь двадцать лет.",  # «отдела» could take «который» too
    "Учитель дал ученику книгу из библиотеки, рассказывающую о войне.",  # so could «библиотеки»
    "В комнате мягкий пол, светящиеся гирлянды и тихая музыка.",  # a list, no clause
    "Ребята, занимающиеся и отдыхающие в лагере, довольны.",  # two participles
])
def test_participle_clause_left_alone(text):
    assert found(text, "KC205") == []
