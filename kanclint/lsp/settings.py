"""Editor settings of the language server and the constants its capabilities share."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any, Callable, Mapping

from lsprotocol import types as lsp

from kanclint.engine import config as config_mod
from kanclint.engine import suppression
from kanclint.model import Severity

log = logging.getLogger(__name__)

SOURCE = "kanclint"
FIX_ALL = "source.fixAll.kanclint"
IGNORE_COMMAND = "kanclint.ignoreFinding"
ALLOW_COMMAND = "kanclint.allowWord"
WATCHED = ("**/kanclint.toml", "**/pyproject.toml", f"**/{suppression.IGNORE_FILE}")
LSP_SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}
WARM_UP = "Привет! Ждём всех в парке."  # needs no parser: loads dictionaries and morphology only
WARM_UP_SYNTAX = "Решение принято главой района."  # a passive the parser must confirm
PARSER_WARM_DELAY = 2.0  # seconds after the dictionaries when no document arrives to lint first
MAX_LINT_BYTES = 1_000_000  # UTF-8; a long post is a few kilobytes, and linting takes ~20 µs a character
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


# -- settings --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Settings:
    """Editor settings (section ``kanclint``), layered over the project's config file."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    min_severity: Severity = Severity.INFO
    platform: str | None = None
    run: str = "onType"  # or "onSave"
    debounce: float = 0.15
    author: str | None = None  # who writes the posts, as the config key: rewrites say «мы» / «я»
    we: bool | None = None

    @classmethod
    def parse(cls, raw: Mapping[str, Any], complain: Callable[[str], None]) -> "Settings":
        """Lenient: a bad value is reported and skipped, and unknown keys belong to the editor."""
        values: dict[str, Any] = {}
        for key in ("select", "ignore"):
            value = raw.get(key) or []
            if isinstance(value, str):
                value = [v.strip() for v in value.split(",") if v.strip()]
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                values[key] = tuple(value)
            else:
                complain(f"настройка kanclint.{key} должна быть списком кодов")
        try:
            values["min_severity"] = Severity.parse(raw.get("minSeverity") or "info")
        except ValueError as exc:
            complain(f"настройка kanclint.minSeverity: {exc}")
        platform = raw.get("platform") or None
        if platform is None or platform in config_mod.PLATFORMS:
            values["platform"] = platform
        else:
            complain(f"настройка kanclint.platform — одно из: {', '.join(config_mod.PLATFORMS)}")
        run = raw.get("run") or "onType"
        if run in ("onType", "onSave"):
            values["run"] = run
        else:
            complain("настройка kanclint.run — onType или onSave")
        values.update(_voice(raw, complain))
        debounce = raw.get("debounceMs", 150)
        if isinstance(debounce, (int, float)) and not isinstance(debounce, bool) and debounce >= 0:
            values["debounce"] = debounce / 1000
        else:
            complain("настройка kanclint.debounceMs — число миллисекунд, не меньше 0")
        return cls(**values)


def _voice(raw: Mapping[str, Any], complain: Callable[[str], None]) -> dict[str, Any]:
    """``author`` and ``we``: an SMM editor sets once whose page it is, as ``kanclint.toml`` would."""
    values: dict[str, Any] = {}
    author = raw.get("author")
    if author is None or isinstance(author, str) and 0 < len(author.strip()) <= 200:
        values["author"] = author.strip() if author else None
    else:
        complain("настройка kanclint.author — название организации или должность, строка до 200 символов")
    we = raw.get("we")
    if we is None or isinstance(we, bool):
        values["we"] = we
    else:
        complain("настройка kanclint.we — true или false")
    return values


def _section(raw: Any) -> dict[str, Any]:
    """Accept both ``{"kanclint": {...}}`` and the bare section."""
    if not isinstance(raw, dict):
        return {}
    inner = raw.get("kanclint")
    return dict(inner) if isinstance(inner, dict) else dict(raw)
