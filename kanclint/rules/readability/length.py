"""KC402-KC404: a post, a sentence or a paragraph longer than a reader will follow."""

from __future__ import annotations

from typing import Iterator

from kanclint.model import Diagnostic, Severity
from kanclint.rules.base import Rule
from kanclint.rules.readability.common import (
    DEFAULT_PLATFORM,
    HARD_LIMITS,
    PLATFORM_FOR,
    PLATFORM_WHERE,
    SOFT_LIMITS,
    _non_prose_spans,
    _prose_words,
    _trimmed,
    _word_start,
)
from kanclint.text.document import Document
from kanclint.text.russian import plural

# -- KC402 ------------------------------------------------------------------------------


class PostLength(Rule):
    """KC402: the platform's hard limit cuts the post; past the soft target readers drop off.

    The platform is ``Document.platform`` (the engine copies ``platform`` from the
    Config into it); a document without the attribute is read as
    :data:`DEFAULT_PLATFORM`.  Lengths are code points of the trimmed text.
    """

    code = "KC402"
    name = "post-length"
    category = "length"
    severity = Severity.WARNING
    title = "Пост длиннее, чем позволяет площадка или чем читают"
    what = (
        "Длина поста в знаках (с пробелами, без пустых краёв) против ограничений площадки из "
        "настройки `platform`. Жёсткие пределы Telegram — ошибка: 4096 знаков для сообщения и "
        "1024 для подписи к фото. Мягкая цель — предупреждение: 1500 знаков для ВКонтакте, "
        "Одноклассников и Telegram, 800 для подписи к фото. Выделяется часть текста за пределом (начиная со слова, на которое он приходится)."
    )
    why = (
        "Текст длиннее жёсткого предела Telegram не опубликовать целиком: его обрежут или разобьют. "
        "Длинный пост в ленте сворачивают под «Показать полностью», и до конца его дочитывают "
        "немногие."
    )
    example = "(пост на 2500 знаков во ВКонтакте)"
    example_text = ("Сотрудники центра рассказали гостям о новых программах для школьников и их родителей. " * 3 + "\n\n") * 11
    instead = "Пост до 1500 знаков о главном; подробности — ссылкой на сайт или отдельным постом."
    lexical = False

    def check(self, document: Document) -> Iterator[Diagnostic]:
        platform = getattr(document, "platform", DEFAULT_PLATFORM) or DEFAULT_PLATFORM
        text = document.text
        start, end = _trimmed(text, 0, len(text))
        length = end - start
        hard = HARD_LIMITS.get(platform)
        soft = SOFT_LIMITS.get(platform, SOFT_LIMITS[DEFAULT_PLATFORM])
        if hard is not None and length > hard:
            yield self.diagnostic(
                document, _word_start(text, start + hard), end,
                f"В посте {plural(length, 'знак', 'знака', 'знаков')}, а в {PLATFORM_WHERE.get(platform, platform)} помещается не больше "
                f"{hard}: выделенное не войдёт. Сократите текст или разделите его на два поста.",
                severity=Severity.ERROR,
            )
        elif length > soft:
            yield self.diagnostic(
                document, _word_start(text, start + soft), end,
                f"В посте {plural(length, 'знак', 'знака', 'знаков')}; для {PLATFORM_FOR.get(platform, platform)} удобная длина — до "
                f"{soft}. Оставьте главное, а подробности дайте ссылкой или отдельным постом.",
            )


# -- KC403 ------------------------------------------------------------------------------


class LongSentence(Rule):
    """KC403: a sentence the reader has to read twice."""

    code = "KC403"
    name = "long-sentence"
    category = "readability"
    severity = Severity.WARNING
    title = "Длинное предложение"
    warning_words = 20
    error_words = 35
    options = {"warning-words": "warning_words", "error-words": "error_words"}
    what = (
        f"Предложение длиннее {warning_words} слов (предупреждение) или {error_words} слов (ошибка). "
        "Числа считаются словами, ссылки и хештеги — нет."
    )
    why = (
        "К концу длинного предложения читатель забывает начало. В ленте такое предложение "
        "пролистывают, а смысл теряется в придаточных и оборотах."
    )
    example = (
        "В связи с проведением ремонтных работ на теплотрассе с 10 по 14 июня будет временно "
        "приостановлена подача горячей воды в домах на улицах Ленина и Садовой, а также в школе № 2."
    )
    instead = (
        "С 10 по 14 июня не будет горячей воды на улицах Ленина и Садовой и в школе № 2. "
        "Ремонтируем теплотрассу."
    )
    lexical = False

    def check(self, document: Document) -> Iterator[Diagnostic]:
        skip = _non_prose_spans(document)
        warning_words = self.setting(document, "warning-words")
        error_words = self.setting(document, "error-words")
        for sentence in document.sentences:
            n = len(_prose_words(sentence, skip))
            if n <= warning_words:
                continue
            severity = Severity.ERROR if n > error_words else Severity.WARNING
            start, end = _trimmed(document.text, sentence.start, sentence.end)
            yield self.diagnostic(
                document, start, end,
                f"В предложении {plural(n, 'слово', 'слова', 'слов')} — его трудно дочитать. "
                f"Разбейте его на два-три коротких, по {warning_words} слов и меньше: "
                "одна мысль — одно предложение.",
                severity=severity,
            )


# -- KC404 ------------------------------------------------------------------------------


class LongParagraph(Rule):
    """KC404: a paragraph that looks like a document in the feed."""

    code = "KC404"
    name = "long-paragraph"
    category = "readability"
    severity = Severity.INFO
    title = "Длинный абзац"
    max_chars = 600
    options = {"max-characters": "max_chars"}
    what = f"Абзац длиннее {max_chars} знаков (абзацы разделяются пустой строкой)."
    why = (
        "На экране телефона такой абзац занимает весь экран сплошным блоком. Читатель теряет строку "
        "и бросает текст."
    )
    example = "(абзац на 700 знаков)"
    example_text = "Сотрудники центра рассказали гостям о новых программах для школьников и их родителей. " * 9
    instead = "Два-три абзаца по 2–3 предложения с пустой строкой между ними."
    lexical = False

    def check(self, document: Document) -> Iterator[Diagnostic]:
        max_chars = self.setting(document, "max-characters")
        for p in document.paragraphs:
            length = p.end - p.start
            if length > max_chars:
                yield self.diagnostic(
                    document, p.start, p.end,
                    f"Абзац из {plural(length, 'знака', 'знаков', 'знаков')} — на экране телефона это "
                    f"сплошная стена. Разбейте его пустой строкой на части до {max_chars} знаков.",
                )
