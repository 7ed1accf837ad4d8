"""Findings about kanclint's own suppressions; the engine produces them, the rule documents them."""

from __future__ import annotations

from typing import Iterator

from ..analysis import Document
from ..model import Diagnostic, Severity
from .base import Rule


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

    def check(self, document: Document) -> Iterator[Diagnostic]:
        return iter(())  # produced by the engine, which knows the ignore file


RULES = [StaleIgnore]
