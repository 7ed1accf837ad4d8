"""Configuration: ``[tool.kanclint]`` in pyproject.toml or a ``kanclint.toml``, ruff's spelling.

Found by walking up from the checked file; ``--config`` names a file and
``--isolated`` ignores them all.  Unknown keys and bad values are errors that
name the key and the file: a silently ignored typo in a gate's configuration is
worse than a loud one.
"""

from __future__ import annotations

import fnmatch
import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

from .model import Severity
from .protected import KINDS

PLATFORMS = ("vk", "ok", "telegram", "telegram-caption")


class ConfigError(ValueError):
    """An invalid configuration; the message names the file and the key."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ("ALL",)
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    severity: Mapping[str, Severity] = field(default_factory=dict)
    allow: tuple[str, ...] = ()
    fail_on: Severity = Severity.WARNING
    fail_under: float | None = None
    skip: tuple[str, ...] = KINDS
    platform: str = "vk"
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # code → {option: value}
    use_ignore_file: bool = True  # False with --isolated
    source: str | None = None  # the file it came from
    root: str | None = None  # the folder per-file-ignores are relative to

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "select": list(self.select),
            "extend-select": list(self.extend_select),
            "ignore": list(self.ignore),
            "per-file-ignores": {k: list(v) for k, v in self.per_file_ignores.items()},
            "severity": {k: v.value for k, v in self.severity.items()},
            "allow": list(self.allow),
            "fail-on": self.fail_on.value,
            "fail-under": self.fail_under,
            "skip": list(self.skip),
            "platform": self.platform,
            "rule-options": {k: dict(v) for k, v in self.rule_options.items()},
        }


def _strings(value: Any, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: ключ `{key}` должен быть списком строк")
    return tuple(value)


def _selectors(value: Any, key: str, where: str) -> tuple[str, ...]:
    selectors = _strings(value, key, where)
    from .registry import all_rules

    known = all_rules()
    for s in selectors:
        if not any(_specificity(s, r) for r in known):
            raise ConfigError(f"{where}: `{key}`: «{s}» не совпадает ни с одним правилом")
    return selectors


def _rule_options(value: Any, where: str) -> dict[str, dict[str, Any]]:
    """``rule-options`` by rule name or code → {code: {option: value}}, every key and value checked."""
    from .registry import all_rules

    if not isinstance(value, dict):
        raise ConfigError(f"{where}: `rule-options` — таблица «правило = {{настройка = значение}}»")
    rules = {r.code: r for r in all_rules()}
    rules.update({r.name: r for r in all_rules()})
    out: dict[str, dict[str, Any]] = {}
    for rule_key, settings in value.items():
        rule = rules.get(str(rule_key)) or rules.get(str(rule_key).upper())
        if rule is None:
            raise ConfigError(f"{where}: `rule-options.{rule_key}`: такого правила нет")
        known = getattr(rule, "options", {})
        if not isinstance(settings, dict):
            raise ConfigError(f"{where}: `rule-options.{rule_key}` — таблица настроек")
        for option, setting in settings.items():
            if option not in known:
                hint = f"; есть: {', '.join(known)}" if known else "; у правила нет настроек"
                raise ConfigError(f"{where}: `rule-options.{rule_key}.{option}`: неизвестная настройка{hint}")
            default = getattr(rule, known[option])
            if isinstance(setting, bool) or not isinstance(setting, (int, float)) or setting <= 0:
                raise ConfigError(f"{where}: `rule-options.{rule_key}.{option}` — положительное число")
            if isinstance(default, int) and not isinstance(setting, int):
                raise ConfigError(f"{where}: `rule-options.{rule_key}.{option}` — целое число")
            out.setdefault(rule.code, {})[option] = setting
    return out


def from_mapping(data: Mapping[str, Any], where: str = "настройки", base: Config | None = None) -> Config:
    """Validate a ``[tool.kanclint]`` table (keys in ruff's kebab-case)."""
    cfg = base or Config()
    changes: dict[str, Any] = {}
    for key, value in data.items():
        if key == "select":
            changes["select"] = _selectors(value, key, where)
        elif key == "extend-select":
            changes["extend_select"] = _selectors(value, key, where)
        elif key == "ignore":
            changes["ignore"] = _selectors(value, key, where)
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: `per-file-ignores` — таблица «шаблон пути = [коды]»")
            changes["per_file_ignores"] = {
                str(k): _selectors(v, f"per-file-ignores.{k}", where) for k, v in value.items()
            }
        elif key == "severity":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: `severity` — таблица «код = уровень»")
            try:
                changes["severity"] = {
                    str(k).upper() if str(k)[:1].isalpha() and str(k)[:2].isupper() else str(k): Severity.parse(v)
                    for k, v in value.items()
                }
            except ValueError as exc:
                raise ConfigError(f"{where}: `severity`: {exc}") from None
        elif key == "allow":
            changes["allow"] = _strings(value, key, where)
        elif key == "fail-on":
            try:
                changes["fail_on"] = Severity.parse(value)
            except ValueError as exc:
                raise ConfigError(f"{where}: `fail-on`: {exc}") from None
        elif key == "fail-under":
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value <= 10:
                raise ConfigError(f"{where}: `fail-under` — число от 0 до 10")
            changes["fail_under"] = float(value)
        elif key == "skip":
            kinds = _strings(value, key, where)
            unknown = sorted(set(kinds) - set(KINDS))
            if unknown:
                raise ConfigError(f"{where}: `skip`: неизвестно {', '.join(unknown)}; можно: {', '.join(KINDS)}")
            changes["skip"] = kinds
        elif key == "platform":
            if value not in PLATFORMS:
                raise ConfigError(f"{where}: `platform` — одно из: {', '.join(PLATFORMS)}")
            changes["platform"] = value
        elif key == "rule-options":
            merged = {code: dict(values) for code, values in cfg.rule_options.items()}
            for code, values in _rule_options(value, where).items():
                merged.setdefault(code, {}).update(values)
            changes["rule_options"] = merged
        else:
            raise ConfigError(f"{where}: неизвестный ключ `{key}`")
    return replace(cfg, **changes)


def load_config(path: str | Path) -> Config:
    """Read a ``kanclint.toml`` (top-level keys) or ``pyproject.toml`` (``[tool.kanclint]``)."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: файл настроек не найден") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: не удалось прочитать TOML: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("kanclint", {})
    elif "tool" in data and "kanclint" in data.get("tool", {}):
        data = data["tool"]["kanclint"]
    cfg = from_mapping(data, str(path))
    return replace(cfg, source=str(path), root=str(path.parent.resolve()))


def find_config_file(start: str | Path) -> Path | None:
    """The nearest kanclint.toml, or pyproject.toml with [tool.kanclint], above ``start``."""
    here = Path(start).resolve()
    if here.is_file() or not here.exists():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / "kanclint.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                data = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError):
                continue
            if "kanclint" in data.get("tool", {}):
                return candidate
    return None


# -- selection ------------------------------------------------------------------------------
def _specificity(selector: str, rule: Any) -> int:
    """How precisely ``selector`` names ``rule``: 0 = not at all."""
    if selector == "ALL":
        return 1
    if selector.upper() == rule.code or selector == rule.name:
        return 100
    if selector == rule.category:
        return 10
    up = selector.upper()
    if len(up) >= 2 and rule.code.startswith(up):
        return 10 + len(up)
    return 0


def is_enabled(rule: Any, cfg: Config, path: str | None = None) -> bool:
    """ruff's rule: the most specific selector wins; a tie goes to ``ignore``."""
    return bool(_selection((rule,), cfg.select + cfg.extend_select, cfg.ignore + file_ignores(cfg, path)))


def file_ignores(cfg: Config, path: str | None) -> tuple[str, ...]:
    if not path or not cfg.per_file_ignores:
        return ()
    p = Path(path).resolve()
    try:
        rel = p.relative_to(cfg.root).as_posix() if cfg.root else p.as_posix()
    except ValueError:
        rel = p.as_posix()
    found: list[str] = []
    for pattern, selectors in cfg.per_file_ignores.items():
        if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(p.name, pattern):
            found.extend(selectors)
    return tuple(found)


def with_overrides(cfg: Config, **options: Any) -> Config:
    """Apply command-line options on top of a file's configuration."""
    data: dict[str, Any] = {}
    for key, value in options.items():
        if value is None or value == ():
            continue
        data[key.replace("_", "-")] = list(value) if isinstance(value, tuple) else value
    return from_mapping(data, "командная строка", cfg)


def severity_override(rule: Any, cfg: Config) -> Severity | None:
    """The configured severity of ``rule`` (by code, name or category), if any."""
    if not cfg.severity:
        return None
    for key in (rule.code, rule.name, rule.category):
        if key in cfg.severity:
            return cfg.severity[key]
    return None


def allowed(match_text: str, cfg: Config) -> bool:
    if not cfg.allow:
        return False
    from .morphology import fold

    key = " ".join(fold(match_text).split())
    return any(" ".join(fold(a).split()) == key for a in cfg.allow)


def selected_rules(cfg: Config, path: str | None = None) -> list[Any]:
    from .registry import all_rules

    return list(_selection(all_rules(), cfg.select + cfg.extend_select, cfg.ignore + file_ignores(cfg, path)))


@lru_cache(maxsize=256)
def _selection(rules: tuple[Any, ...], chosen: tuple[str, ...], ignored: tuple[str, ...]) -> tuple[Any, ...]:
    """The enabled rules for these selectors, worked out once: a lint of a short post should not redo it."""
    picked = []
    for rule in rules:
        best_chosen = max((_specificity(s, rule) for s in chosen), default=0)
        best_ignored = max((_specificity(s, rule) for s in ignored), default=0)
        if best_chosen > 0 and best_chosen > best_ignored:
            picked.append(rule)
    return tuple(picked)


def codes(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(v.strip() for item in values for v in item.split(",") if v.strip())
