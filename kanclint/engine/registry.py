"""Finding rules: built-in and third-party alike, through entry points (as flake8 does).

Group ``kanclint.rules``: the entry-point name is the code prefix its rules use
(``KC1`` → ``KC101``…), and its object is a rule class, a rule instance, or a
callable returning rules.  Group ``kanclint.dictionaries``: the object is a
module (or a callable returning paths) whose ``*.toml`` files become phrase
rules.  Finding and loading are two sorted, deterministic phases, and every
failure names the distribution and entry point, never a bare traceback.
"""

from __future__ import annotations

import importlib.metadata as md
import inspect
import os
import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any, Iterable

from kanclint.dictionaries import DictionaryError
from kanclint.rules.base import CODE_RE, RuleProtocol, validate_rule
from kanclint.rules.phrases import rules_from_files

RULES_GROUP = "kanclint.rules"
DICTIONARIES_GROUP = "kanclint.dictionaries"


class PluginError(RuntimeError):
    """A plugin that cannot be used; the message says which one and why."""


@dataclass(frozen=True)
class Plugin:
    group: str
    prefix: str
    value: str
    distribution: str
    entry_point: md.EntryPoint

    @property
    def label(self) -> str:
        return f"{self.distribution} ({self.group}: {self.prefix} = {self.value})"


def _search_path() -> list[str]:
    """``sys.path`` without the working directory.

    ``python -m kanclint`` puts the current folder on ``sys.path``; a
    ``*.dist-info`` lying in a downloaded folder of drafts must not be able to
    load its code just because kanclint was started there.
    """
    try:
        cwd: str | None = os.path.realpath(os.getcwd())
    except OSError:  # the working folder was removed
        cwd = None
    return [p for p in sys.path if p not in ("", ".") and os.path.realpath(p) != cwd]


def find_plugins() -> list[Plugin]:
    """Phase one: list entry points, sorted, without importing anything."""
    plugins: dict[tuple[str, str, str], Plugin] = {}
    for dist in md.distributions(path=_search_path()):
        ours = [ep for ep in dist.entry_points if ep.group in (RULES_GROUP, DICTIONARIES_GROUP)]
        if not ours:
            continue  # reading a distribution's METADATA parses it as e-mail: only for plugins
        name = dist.metadata["Name"] or "?"
        for ep in ours:
            plugins.setdefault((ep.group, ep.name, ep.value), Plugin(ep.group, ep.name, ep.value, name, ep))
    found = sorted(plugins.values(), key=lambda p: (p.group, p.prefix, p.distribution))
    _check_prefixes(found)
    return found


def _check_prefixes(plugins: list[Plugin]) -> None:
    for p in plugins:
        if not re.fullmatch(r"[A-Z]{2,3}\d{0,2}", p.prefix):
            raise PluginError(f"плагин {p.label}: имя точки входа должно быть префиксом кодов вроде KC1, а не «{p.prefix}»")
    for i, a in enumerate(plugins):
        for b in plugins[i + 1:]:
            if a.distribution != b.distribution and (a.prefix.startswith(b.prefix) or b.prefix.startswith(a.prefix)):
                raise PluginError(f"префиксы кодов пересекаются: {a.label} и {b.label}")


def _instantiate(obj: Any) -> list[Any]:
    if inspect.isclass(obj):
        return [obj()]
    if isinstance(obj, ModuleType):
        return [r() if inspect.isclass(r) else r for r in getattr(obj, "RULES", [])]
    if callable(obj) and not hasattr(obj, "check"):
        result = obj()
        return list(result) if isinstance(result, Iterable) else [result]
    return [obj]


def _dictionary_paths(obj: Any) -> list[Path]:
    if isinstance(obj, ModuleType):
        base = Path(obj.__file__).parent if obj.__file__ else None
        return sorted(base.glob("*.toml")) if base else []
    if callable(obj):
        return [Path(p) for p in obj()]
    return [Path(p) for p in obj]


def load_plugin(plugin: Plugin) -> list[RuleProtocol]:
    """Phase two: import one plugin and validate every rule it gives."""

    try:
        obj = plugin.entry_point.load()
        if plugin.group == DICTIONARIES_GROUP:
            rules: list[Any] = rules_from_files(str(p) for p in _dictionary_paths(obj))
        else:
            rules = _instantiate(obj)
    except DictionaryError as exc:
        raise PluginError(f"плагин {plugin.label}: ошибка в словаре: {exc}") from exc
    except Exception as exc:  # a broken plugin must not look like a kanclint crash
        raise PluginError(f"плагин {plugin.label} не загрузился: {type(exc).__name__}: {exc}") from exc
    for rule in rules:
        problems = validate_rule(rule)
        if problems:
            raise PluginError(f"плагин {plugin.label}: правило {getattr(rule, 'code', '?')}: {'; '.join(problems)}")
        if not rule.code.startswith(plugin.prefix):
            raise PluginError(
                f"плагин {plugin.label}: код {rule.code} не начинается с префикса {plugin.prefix}"
            )
    return rules


@cache
def all_rules() -> tuple[RuleProtocol, ...]:
    """Every installed rule, sorted by code; loaded once per process."""
    rules: dict[str, tuple[RuleProtocol, Plugin]] = {}
    for plugin in find_plugins():
        for rule in load_plugin(plugin):
            if rule.code in rules:
                other = rules[rule.code][1]
                raise PluginError(f"код {rule.code} объявлен дважды: {other.label} и {plugin.label}")
            rules[rule.code] = (rule, plugin)
    if not rules:
        raise PluginError("не найдено ни одного правила: kanclint установлен без точек входа (pip install -e .)")
    return tuple(r for _, (r, _) in sorted(rules.items()))


def rule_by_code(code: str) -> RuleProtocol | None:
    for rule in all_rules():
        if rule.code == code.upper() or rule.name == code:
            return rule
    return None


__all__ = ["CODE_RE", "Plugin", "PluginError", "all_rules", "find_plugins", "load_plugin", "rule_by_code"]
