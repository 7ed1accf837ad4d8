"""Length and readability (KC402–KC407): limits per platform, metrics, abbreviations, CAPS."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kanclint
from kanclint.text.document import Document
from kanclint.engine.config import Config
from kanclint.model import Applicability, Severity
from kanclint.rules import readability
from kanclint.rules.readability import PostLength, readability_metrics


def found(text: str, code: str, **cfg) -> list[kanclint.Diagnostic]:
    return list(kanclint.lint(text, config=Config(select=(code,), **cfg)).diagnostics)


def matches(text: str, code: str) -> list[str]:
    return [d.match for d in found(text, code)]


CONVERSATIONAL = (
    "Открыли новый каток в парке! ⛸\n\n"
    "Мы залили лёд и поставили лавочки. Вход бесплатный.\n\n"
    "Как думаете, успеем до Нового года украсить ёлку? Пишите в комментариях 👇"
)


def test_module_keeps_typography_rules():
    codes = [r.code for r in readability.RULES]
    assert codes[0] == "KC401"
    assert codes[1:] == ["KC402", "KC403", "KC404", "KC405", "KC406", "KC407"]


# -- KC402 post-length ---------------------------------------------------------------------

WORD = "слово "


def test_soft_target_for_vk_marks_the_tail():
    text = "а" * 1499 + " хвост поста"
    ds = found(text, "KC402")
    assert len(ds) == 1
    d = ds[0]
    assert d.severity is Severity.WARNING and d.category == "length"
    assert d.match == "хвост поста"  # the cut word is part of what does not fit
    assert "1511 знаков" in d.message and "1500" in d.message


def test_short_post_fits_every_platform():
    for platform in ("vk", "ok", "telegram", "telegram-caption"):
        assert found("Магазин закрыт на учёт.", "KC402", platform=platform) == []


def test_telegram_caption_soft_and_hard():
    assert found(WORD * 150, "KC402", platform="telegram-caption")[0].severity is Severity.WARNING
    ds = found(WORD * 200, "KC402", platform="telegram-caption")  # 1199 characters trimmed
    assert len(ds) == 1
    assert ds[0].severity is Severity.ERROR
    assert ds[0].start == 1020 and "1024" in ds[0].message  # back to the start of the cut word


def test_telegram_hard_limit_is_an_error():
    text = WORD * 700  # 4199 characters
    assert found(text, "KC402", platform="telegram")[0].severity is Severity.ERROR
    assert found(text, "KC402", platform="vk")[0].severity is Severity.WARNING


def test_platform_defaults_to_vk_without_the_attribute():
    doc = Document(WORD * 300)
    del doc.platform  # a document built by a plugin that knows nothing of platforms
    ds = list(PostLength().check(doc))
    assert len(ds) == 1 and "ВКонтакте" in ds[0].message and "1500" in ds[0].message


# -- KC403 long-sentence -------------------------------------------------------------------


def test_long_sentence_warning_and_error():
    w21 = " ".join(["дом"] * 21) + "."
    w36 = " ".join(["Дом"] + ["дом"] * 35) + "."
    text = f"{w21} Коротко. {w36}"
    ds = found(text, "KC403")
    assert [(d.match, d.severity) for d in ds] == [(w21, Severity.WARNING), (w36, Severity.ERROR)]
    assert "21 слово" in ds[0].message


def test_twenty_words_is_fine_and_links_do_not_count():
    w20 = " ".join(["дом"] * 20)
    assert found(w20 + ".", "KC403") == []
    assert found(w20 + " https://example.ru/a #праздник.", "KC403") == []
    assert found("Магазин закрыт на учёт.", "KC403") == []


def test_thresholds_are_class_attributes():
    assert readability.LongSentence.warning_words == 20
    assert readability.LongSentence.error_words == 35


# -- KC404 long-paragraph ------------------------------------------------------------------


def test_long_paragraph_is_info_with_paragraph_span():
    para = "Мы ремонтируем дорогу на Лесной улице. " * 17  # > 600
    text = "Короткий абзац.\n\n" + para.strip() + "\n\nЕщё абзац."
    ds = found(text, "KC404")
    assert [d.match for d in ds] == [para.strip()]
    assert ds[0].severity is Severity.INFO


def test_short_paragraphs_pass():
    assert found(CONVERSATIONAL, "KC404") == []


# -- KC405 hard-to-read --------------------------------------------------------------------


def test_metrics_follow_the_formula():
    m = readability_metrics(Document("Мама мыла раму."))
    assert m["words"] == 3 and m["sentences"] == 1 and m["syllables"] == 6
    assert m["reading_ease"] == pytest.approx(206.835 - 1.3 * 3 - 60.1 * 2)
    assert m["long_word_share"] == 0


def test_long_words_are_counted():
    m = readability_metrics(Document("Информирование населения осуществляется регулярно."))
    assert m["long_words"] == 4 and m["long_word_share"] == 1.0


HEAVY = (
    "Осуществляется информирование населения относительно необходимости своевременного "
    "предоставления документации для перерасчёта стоимости коммунальных услуг. "
    "Администрация муниципального образования обеспечивает организационно-методическое "
    "сопровождение мероприятий по благоустройству общественных территорий."
)


def test_hard_text_gets_one_info_with_both_numbers():
    ds = found("🙂 " + HEAVY + "\n", "KC405")
    assert len(ds) == 1
    d = ds[0]
    assert d.severity is Severity.INFO
    assert d.start == 0 and d.match == "🙂 " + HEAVY  # the whole text, trailing newline trimmed
    m = readability_metrics(Document(HEAVY))
    assert f"{round(m['reading_ease']) or 0} из 100".replace("-", "−") in d.message  # a typographic minus
    assert f"{m['long_word_share']:.0%}" in d.message


def test_easy_and_short_texts_pass():
    assert found(CONVERSATIONAL, "KC405") == []
    assert found("Магазин закрыт на учёт.", "KC405") == []
    assert found("Информирование населения осуществляется.", "KC405") == []  # under 20 words


# -- KC406 unexplained-abbreviation --------------------------------------------------------


def test_unknown_abbreviation_flagged_once_at_first_use():
    text = "Приходите в ЦБС за книгами. В ЦБС тепло и уютно."
    ds = found(text, "KC406")
    assert [(d.match, d.start) for d in ds] == [("ЦБС", text.index("ЦБС"))]
    assert ds[0].severity is Severity.INFO


def test_expansions_in_parentheses_and_by_initials():
    assert found("Централизованная библиотечная система (ЦБС) ждёт вас.", "KC406") == []
    assert found("ЦБС (централизованная библиотечная система) ждёт вас.", "KC406") == []
    text = "КЦСОН ждёт пенсионеров. Комплексный центр социального обслуживания населения открыт с 9:00."
    assert found(text, "KC406") == []


def test_known_abbreviations_and_caps_words_are_not_abbreviations():
    assert found("Документы можно подать в МФЦ или через ГИБДД.", "KC406") == []
    assert found("СРОЧНО! ВСЕ НА ВЫБОРЫ.", "KC406") == []
    assert found("Подписывайтесь на #ЦБС.", "KC406") == []


def test_abbreviation_after_emoji_offsets():
    text = "📚📚 КЦСОН приглашает."
    ds = found(text, "KC406")
    assert [(d.start, d.end) for d in ds] == [(3, 8)]


# -- KC407 caps-lock -----------------------------------------------------------------------


def test_caps_word_at_sentence_start_gets_safe_fix():
    text = "ВНИМАНИЕ! Завтра отключат воду."
    ds = found(text, "KC407")
    assert [d.match for d in ds] == ["ВНИМАНИЕ"]
    fix = ds[0].fix
    assert fix is not None and fix.applicability is Applicability.SAFE
    assert [(e.start, e.end, e.replacement) for e in fix.edits] == [(0, 8, "Внимание")]
    assert kanclint.fix(text, config=Config(select=("KC407",))).text == "Внимание! Завтра отключат воду."


def test_one_stressed_word_inside_a_sentence_is_only_offered():
    """«доступно ТОЛЬКО по карте»: the capitals stress a condition; lower-casing it needs the author."""
    text = "Вход доступен ТОЛЬКО по Пушкинской карте."
    ds = found(text, "KC407")
    assert [d.match for d in ds] == ["ТОЛЬКО"]
    assert ds[0].fix is None and ds[0].suggestions == ("только",)
    assert "Если это не ударение" in ds[0].message
    assert kanclint.fix(text, unsafe=True, config=Config(select=("KC407",))).text == text


def test_caps_run_is_one_finding():
    text = "ВСЕ НА ВЫБОРЫ 2024!"
    ds = found(text, "KC407")
    assert [d.match for d in ds] == ["ВСЕ НА ВЫБОРЫ"]
    assert ds[0].fix.edits[0].replacement == "Все на выборы"


def test_caps_mid_sentence_is_lowercased():
    text = "Приходите ОБЯЗАТЕЛЬНО в субботу, ёлка ждёт!"
    ds = found(text, "KC407")
    assert [d.match for d in ds] == ["ОБЯЗАТЕЛЬНО"]
    assert ds[0].fix is None and ds[0].suggestions == ("обязательно",)


def test_caps_after_emoji_offsets():
    text = "🔥 СРОЧНО: отключение воды."
    ds = found(text, "KC407")
    assert [(d.start, d.end, d.match) for d in ds] == [(2, 8, "СРОЧНО")]
    assert ds[0].fix.edits[0].replacement == "Срочно"


def test_acronyms_are_not_caps_lock():
    assert found("Запишитесь в МФЦ, ГИБДД или МБДОУ «Солнышко».", "KC407") == []
    assert found("В субботу в ДК концерт.", "KC407") == []
    assert found(CONVERSATIONAL, "KC407") == []


# -- properties ----------------------------------------------------------------------------

PIECES = st.sampled_from(
    ["ВНИМАНИЕ", "МФЦ", "ЦБС", "слово", "Ёлка", "😀", "👍🏽", "!", "?", ".", " ", "\n", "\n\n", "ВСЕ НА",
     "(центр)", "«", "»", "№ 5", "#ЦБС", "https://x.ru", "ДОМ"]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(PIECES, max_size=40))
def test_spans_and_fixes_are_valid_on_any_text(pieces):
    text = "".join(pieces)
    report = kanclint.lint(text, config=Config(select=("KC402", "KC403", "KC404", "KC405", "KC406", "KC407")))
    for d in report.diagnostics:
        assert 0 <= d.start <= d.end <= len(text)
        assert d.match == text[d.start : d.end]
        if d.fix:
            for e in d.fix.edits:
                assert text[e.start : e.end].lower() == e.replacement.lower()
