"""Press-release shape (KC301–KC307): exact spans on positives, silence on conversational posts."""

from __future__ import annotations

import kanclint
from kanclint.engine.config import Config
from kanclint.model import Severity
from kanclint.rules import press_release


def found(text: str, code: str) -> list[kanclint.Diagnostic]:
    return list(kanclint.lint(text, config=Config(select=(code,))).diagnostics)


def matches(text: str, code: str) -> list[str]:
    return [d.match for d in found(text, code)]


CONVERSATIONAL = (
    "Открыли новый спорткомплекс в Заречном! 🏊\n\n"
    "Там есть бассейн, тренажёрный зал и большой зал для игр. Строили его почти два года.\n\n"
    "Записаться в секции можно уже сейчас. Детям до 14 лет — бесплатно.\n\n"
    "Кстати, в какую секцию вы бы хотели попасть? Напишите в комментариях, а мы передадим тренерам 👇"
)

PRESS_RELEASE = (
    "15 апреля в администрации Заречного района состоялось торжественное мероприятие, посвящённое "
    "открытию нового спортивного комплекса.\n\n"
    "В мероприятии приняли участие глава района И. П. Смирнов, заместитель главы администрации по "
    "социальным вопросам О. В. Кузнецова, представители общественности. В ходе мероприятия глава "
    "района отметил, что строительство объекта было осуществлено в рамках муниципальной программы.\n\n"
    "В комплексе функционируют бассейн, тренажёрный зал и игровой зал. Администрация района "
    "информирует, что запись в секции осуществляется по графику. Режим работы комплекса размещён "
    "на сайте."
)


# -- KC301 ceremonial-lead -----------------------------------------------------------------


def test_dateline_with_sostoyalos():
    text = "23 мая в администрации района состоялось совещание по ремонту дорог."
    ds = found(text, "KC301")
    assert [d.match for d in ds] == ["23 мая в администрации района состоялось"]
    assert ds[0].severity is Severity.WARNING
    assert ds[0].category == "press-release"


def test_dateline_today_with_date_in_commas():
    text = "Сегодня, 5 марта, прошло заседание районного совета депутатов."
    assert matches(text, "KC301") == ["Сегодня, 5 марта, прошло"]


def test_dateline_last_friday():
    text = "Рассказываем о выходных.\n\nВ минувшую пятницу в ДК прошёл концерт народного хора."
    assert matches(text, "KC301") == ["В минувшую пятницу в ДК прошёл"]


def test_sostoyalos_early_in_opening_sentence_without_date():
    text = "В библиотеке состоялась встреча с писателем. Пришли сорок человек."
    assert matches(text, "KC301") == ["В библиотеке состоялась"]


def test_dateline_negatives():
    # time passing, the page's own «мы», an announcement in the future, a date without a protocol verb
    assert found("Прошло 10 лет с открытия школы.", "KC301") == []
    assert found("23 мая мы провели субботник. Спасибо всем!", "KC301") == []
    assert found("20 сентября состоится родительское собрание.", "KC301") == []
    assert found("23 мая откроем новый каток — приходите!", "KC301") == []
    assert found("Магазин закрыт на учёт.", "KC301") == []


def test_dateline_only_at_paragraph_start():
    text = "Привет! Рассказываем, как это было. Сегодня в школе прошла линейка."
    assert found(text, "KC301") == []


# -- KC302 protocol-verb -------------------------------------------------------------------


def test_protocol_formulas_are_info():
    text = "В ходе мероприятия глава района подчеркнул важность ремонта. Было отмечено, что дороги отремонтируют."
    ds = found(text, "KC302")
    assert [d.match for d in ds] == ["В ходе мероприятия", "подчеркнул", "Было отмечено"]
    assert all(d.severity is Severity.INFO for d in ds)


def test_prinyali_uchastie():
    assert matches("В празднике приняли участие сто человек.", "KC302") == ["приняли участие"]


def test_soobshchil_only_after_official():
    assert matches("Глава района Иван Петров сообщил о новых автобусах.", "KC302") == ["сообщил"]
    assert matches("Директор школы отметила, что ремонт закончен.", "KC302") == ["отметила"]
    # no official: a neighbour telling news, people celebrating
    assert found("Сосед сообщил нам, что автобус пустили.", "KC302") == []
    assert found("Мы отметили день рождения парка.", "KC302") == []
    # «рассказала» is the plain verb the rule itself recommends
    assert found("Руководитель центра Валентина Колпакова рассказала о новых правилах.", "KC302") == []


def test_protocol_verbs_seen_inside_quotes_too():
    # a structural rule: quoted text is not skipped
    text = "Глава сказал: «В ходе мероприятия было много гостей»."
    assert matches(text, "KC302") == ["В ходе мероприятия"]


# -- KC303 official-title-lead -------------------------------------------------------------


def test_title_with_initials_before_surname():
    text = "На встрече выступил глава района И. А. Щербаков."
    assert matches(text, "KC303") == ["глава района И. А. Щербаков"]


def test_title_with_initials_after_surname():
    text = "Слово взял заместитель главы администрации Петрова М. В., которая рассказала о планах."
    assert matches(text, "KC303") == ["заместитель главы администрации Петрова М. В."]


def test_attendee_list_of_three_names():
    text = "На встрече присутствовали Иван Петров, Мария Сидорова, Олег Кузнецов и Анна Смирнова."
    ds = found(text, "KC303")
    assert [d.match for d in ds] == ["Иван Петров, Мария Сидорова, Олег Кузнецов и Анна Смирнова"]
    assert "4 имён" in ds[0].message


def test_title_negatives():
    assert found("Спасибо Анне Петровне за помощь!", "KC303") == []
    assert found("Глава района рассказал о ремонте дорог.", "KC303") == []
    assert found("В гости приходили Иван и Мария.", "KC303") == []


# -- KC304 third-person-self ---------------------------------------------------------------


def test_institution_in_third_person():
    text = "Администрация района провела субботник в парке."
    ds = found(text, "KC304")
    assert [d.match for d in ds] == ["Администрация района провела"]
    assert "«Мы провели…»" in ds[0].message


def test_institution_present_tense_and_acronym_with_quoted_name():
    assert matches("Учреждение информирует о графике работы.", "KC304") == ["Учреждение информирует"]
    assert matches("МБУК „ЦБС“ приглашает всех на праздник.", "KC304") == ["МБУК „ЦБС“ приглашает"]


def test_emoji_before_finding_keeps_offsets():
    text = "🎉🎉 Администрация района провела субботник."
    ds = found(text, "KC304")
    assert len(ds) == 1
    assert ds[0].start == text.index("Администрация")
    assert text[ds[0].start : ds[0].end] == "Администрация района провела"


def test_third_person_negatives():
    assert found("Мы провели субботник в парке.", "KC304") == []
    assert found("Школу отремонтировали к сентябрю.", "KC304") == []  # object, not subject
    assert found("В администрации района провели субботник.", "KC304") == []  # not the subject
    assert found("Центр города закрыт для машин.", "KC304") == []  # no finite verb


# -- KC305 no-reader-address ---------------------------------------------------------------

FLAT = (
    "В библиотеке открылась выставка. Представлено двести книг. Книги собраны за десять лет. "
    "Выставка работает до конца мая. Вход свободный."
)


def test_no_reader_address_reports_first_sentence():
    ds = found(FLAT, "KC305")
    assert [d.match for d in ds] == ["В библиотеке открылась выставка."]
    assert "«вы»" in ds[0].message and "вопроса" in ds[0].message


def test_any_address_silences_it():
    assert found(FLAT + " Приходите!", "KC305") == []
    assert found(FLAT + " Вы уже были?", "KC305") == []
    assert found(FLAT.replace("Представлено", "Мы собрали"), "KC305") == []
    assert found(CONVERSATIONAL, "KC305") == []


def test_spoken_particles_are_talk_not_a_report():
    assert found(FLAT.replace("Вход свободный.", "Кстати, вход свободный."), "KC305") == []
    assert found(FLAT.replace("Представлено", "Вот представлено"), "KC305") == []
    # «вотум» or «вотчина» are not the particle
    assert found(FLAT.replace("Вход свободный.", "Вотчина купцов теперь музей."), "KC305") != []


def test_short_post_and_formula_do_not_count():
    assert found("В библиотеке открылась выставка. Вход свободный.", "KC305") == []
    # «до вашего сведения» is a formula, not a word to the reader
    text = FLAT + " Доводим до вашего сведения, что выставка платная."
    assert found(text.replace("Доводим", "Администрация доводит"), "KC305") != []


def test_address_inside_a_quote_is_not_the_pages():
    text = FLAT + " Директор сказал: «Приходите все, мы ждём»."
    assert [d.match for d in found(text, "KC305")] == ["В библиотеке открылась выставка."]


# -- KC306 wall-of-text --------------------------------------------------------------------


def test_wall_of_text_unbroken_post():
    sentence = "Жители района часто спрашивают, когда починят дорогу на Лесной улице. "
    text = sentence * 13  # ~900 characters, one paragraph
    ds = found(text, "KC306")
    assert [d.match for d in ds] == [sentence.strip()]
    assert "один сплошной абзац" in ds[0].message


def test_wall_of_text_long_opening_paragraph():
    sentence = "Жители района часто спрашивают, когда починят дорогу на Лесной улице. "
    text = sentence * 9 + "\n\nКороткий второй абзац."
    ds = found(text, "KC306")
    assert len(ds) == 1 and "первый абзац" in ds[0].message


def test_no_wall_with_paragraphs():
    sentence = "Жители района часто спрашивают, когда починят дорогу на Лесной улице. "
    text = "\n\n".join(sentence * 3 for _ in range(5))
    assert found(text, "KC306") == []


# -- KC307 press-release-shape -------------------------------------------------------------


def test_press_release_shape_names_the_markers():
    ds = found(PRESS_RELEASE, "KC307")
    assert len(ds) == 1
    d = ds[0]
    assert d.match.startswith("15 апреля в администрации Заречного района состоялось")
    assert "дата и «состоялось» в начале" in d.message
    assert "организация о себе в третьем лице" in d.message
    assert "«мы»" in d.message and "вопросом или призывом" in d.message


def test_press_release_markers_by_kind():
    kinds = set(press_release.press_release_markers(kanclint.Document(PRESS_RELEASE)))
    assert {"dateline", "protocol", "title", "third-person", "no-address"} <= kinds


def test_official_quote_counts_as_a_marker():
    text = (
        "Глава района Иван Петров рассказал о ремонте: «Дороги будут готовы к осени». "
        "Администрация района информирует, что работы идут по графику. "
        "В ходе совещания было принято решение о финансировании."
    )
    kinds = set(press_release.press_release_markers(kanclint.Document(text)))
    assert "quote" in kinds
    assert len(found(text, "KC307")) == 1


def test_conversational_post_is_not_a_press_release():
    assert found(CONVERSATIONAL, "KC307") == []
    assert found("Магазин закрыт на учёт.", "KC307") == []
    everything = kanclint.lint(CONVERSATIONAL, config=Config(select=("KC3",)))
    assert everything.diagnostics == ()


def test_all_press_release_rules_are_structural():
    for cls in press_release.RULES:
        assert cls.lexical is False
        assert cls.category == "press-release"
        assert cls.code.startswith("KC3")


def test_degenerate_texts_are_quiet():
    codes = tuple(cls.code for cls in press_release.RULES)
    for text in ("", "   ", "🙂", "!!!", "\n\n\n", "А", "Я. Я. Я. Я. Я.", "— Привет!\n— Привет!"):
        assert kanclint.lint(text, config=Config(select=codes)).diagnostics == ()


def test_protocol_verb_before_reported_speech_becomes_said_as_an_unsafe_fix():
    from kanclint.model import Applicability

    (d,) = found("Вчера на встрече глава района отметил, что ремонт закончат к осени.", "KC302")
    assert d.fix is not None and d.fix.applicability is Applicability.UNSAFE
    assert [e.replacement for e in d.fix.edits] == ["сказал"]
    (d,) = found("Министр сообщила, что выплаты вырастут.", "KC302")
    assert [e.replacement for e in d.fix.edits] == ["сказала"]
    # a verb that says more than «сказал» (emphasis, an addition) stays the author's choice
    for verb in ("подчеркнула", "добавила", "напомнила"):
        (d,) = found(f"Министр {verb}, что выплаты вырастут.", "KC302")
        assert d.fix is None


def test_protocol_verb_with_an_object_is_only_advice():
    (d,) = found("Вчера на встрече глава района подчеркнул важность ремонта дорог.", "KC302")
    assert d.fix is None
