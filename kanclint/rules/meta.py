"""Findings about kanclint's own suppressions; the engine produces them, the rule documents them."""

from __future__ import annotations

from typing import Iterator

from kanclint.model import Diagnostic, Severity
from kanclint.rules.base import Rule
from kanclint.text.document import Document


class StaleIgnore(Rule):
    """KC001: an entry of .kanclint-ignore.toml that no longer matches anything."""

    code = "KC001"
    name = "stale-ignore"
    category = "meta"
    severity = Severity.INFO
    title = "Устаревшая запись в .kanclint-ignore.toml"
    what = "Запись в файле исключений, которая больше ничего не подавляет: фразу переписали или удалили."
    why = (
        "Устаревшие исключения копятся и однажды скроют настоящую ошибку, если фраза вернётся в другом "
        "месте. Такие записи лучше удалять."
    )
    example = "В .kanclint-ignore.toml есть запись о «в рамках проекта», а в тексте этой фразы уже нет."
    instead = "Удалите запись или пересоздайте файл: kanclint --add-ignore ПУТЬ."
    lexical = False
    suppressible = False  # an ignore entry for a finding about the ignore file would only hide it

    def check(self, document: Document) -> Iterator[Diagnostic]:
        return iter(())  # produced by the engine, which knows the ignore file


class NotRussian(Rule):
    """KC002: the text is mostly not Russian, so it gets no score."""

    code = "KC002"
    name = "not-russian"
    category = "meta"
    severity = Severity.INFO
    title = "Текст не на русском языке"
    what = "Текст, в котором меньше половины букв кириллические: kanclint не ставит ему оценку."
    why = (
        "Словари и модель оценки kanclint сделаны для русского языка. Оценка английского или карельского "
        "текста ничего бы не значила, а проверка перед публикацией не должна его пропускать молча."
    )
    example = "Welcome to our museum! The exhibition opens on Monday."
    instead = "Проверьте русскую версию поста; текст на другом языке оцените вручную."
    lexical = False

    def check(self, document: Document) -> Iterator[Diagnostic]:
        return iter(())  # produced by the engine together with the score


RULES = [StaleIgnore, NotRussian]
