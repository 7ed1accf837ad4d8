"""Configuration: ``[tool.kanclint]`` in pyproject.toml or a ``kanclint.toml``, ruff's spelling.

Found by walking up from the checked file; ``--config`` names a file and
``--isolated`` ignores them all.  Unknown keys and bad values are errors that
name the key and the file: a silently ignored typo in a gate's configuration is
worse than a loud one.  For the same reason a broken ``pyproject.toml`` on the
way up is an error, never skipped in favour of a parent's laxer configuration,
and ``Config(...)`` built in Python is checked the same way as a file.
"""

from __future__ import annotations

import fnmatch
import stat
import tomllib
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

from kanclint.engine.registry import all_rules
from kanclint.files.toml_errors import toml_error_place
from kanclint.model import Severity
from kanclint.text.morphology import fold
from kanclint.text.protection import KINDS

PLATFORMS = ("vk", "ok", "telegram", "telegram-caption")


class ConfigError(ValueError):
    """An invalid configuration; the message names the file and the key."""


MAX_CONFIG_BYTES = 5 * 1024 * 1024
_WHERE_API = "Config"


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
    # Who writes the posts: rewrites say «мы» for an author that is the organisation itself
    # (``author`` names it, e.g. "Администрация Тальменского района"; ``we = true`` without a name).
    author: str | None = None
    we: bool = False
    use_ignore_file: bool = True  # False with --isolated
    source: str | None = None  # the file it came from
    root: str | None = None  # the folder per-file-ignores are relative to

    def __post_init__(self) -> None:
        """Validate and normalise values given from Python (lists become tuples), as a file's would be."""
        where = _WHERE_API
        set_ = object.__setattr__
        for attr in ("select", "extend_select", "ignore"):
            set_(self, attr, _known_selectors(_strings(getattr(self, attr), _key(attr), where), _key(attr), where))
        set_(self, "allow", _strings(self.allow, "allow", where))
        set_(self, "skip", _skip(self.skip, where))
        if not isinstance(self.per_file_ignores, Mapping):
            raise ConfigError(f"{where}: `per-file-ignores` — таблица «шаблон пути = [коды]»")
        set_(self, "per_file_ignores", {
            str(k): _known_selectors(_strings(v, f"per-file-ignores.{k}", where), f"per-file-ignores.{k}", where)
            for k, v in self.per_file_ignores.items()
        })
        set_(self, "severity", _severity(self.severity, where))
        set_(self, "fail_on", _severity_value(self.fail_on, "fail-on", where))
        set_(self, "fail_under", _fail_under(self.fail_under, where))
        if self.platform not in PLATFORMS:
            raise ConfigError(f"{where}: `platform` — одно из: {', '.join(PLATFORMS)}")
        set_(self, "rule_options", _rule_options(self.rule_options, where) if self.rule_options else {})
        set_(self, "author", _author(self.author, where))
        if not isinstance(self.we, bool):
            raise ConfigError(f"{where}: `we` — true или false")

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
            "author": self.author,
            "we": self.we,
        }


@cache
def default_config() -> Config:
    """``Config()``, validated once: ``lint(text)`` without a configuration is called per post, and
    checking the defaults each time cost a few percent of a lint.  Frozen, so sharing it is safe;
    the defaults read no file, so no data cache refresh concerns it."""
    return Config()


def _author(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip() or len(value) > 200:
        raise ConfigError(f"{where}: `author` — название организации или имя автора, строка до 200 символов")
    return " ".join(value.split())


def _key(attr: str) -> str:
    return attr.replace("_", "-")


def _strings(value: Any, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: ключ `{key}` должен быть списком строк")
    return tuple(value)


def _selectors(value: Any, key: str, where: str) -> tuple[str, ...]:
    return _known_selectors(_strings(value, key, where), key, where)


def _known_selectors(selectors: tuple[str, ...], key: str, where: str) -> tuple[str, ...]:
    unknown = _unknown_selector(selectors)
    if unknown is not None:
        raise ConfigError(f"{where}: `{key}`: «{unknown}» не совпадает ни с одним правилом")
    return selectors


@lru_cache(maxsize=256)
def _unknown_selector(selectors: tuple[str, ...]) -> str | None:
    """The first selector that names no rule; cached, since every ``replace`` of a Config checks again."""
    if all(s == "ALL" for s in selectors):
        return None  # no need to load the rules for the default
    known = all_rules()
    return next((s for s in selectors if not any(_specificity(s, r) for r in known)), None)


def _skip(value: Any, where: str) -> tuple[str, ...]:
    kinds = _strings(value, "skip", where)
    unknown = sorted(set(kinds) - set(KINDS))
    if unknown:
        raise ConfigError(f"{where}: `skip`: неизвестно {', '.join(unknown)}; можно: {', '.join(KINDS)}")
    return kinds


def _severity_value(value: Any, key: str, where: str) -> Severity:
    try:
        return Severity.parse(value)
    except ValueError as exc:
        raise ConfigError(f"{where}: `{key}`: {exc}") from None


def _severity(value: Any, where: str) -> dict[str, Severity]:
    """``severity`` keys are a rule's code (any case), name or category; anything else is a typo."""
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: `severity` — таблица «код = уровень»")
    if not value:
        return {}
    rules = all_rules()
    codes = {r.code for r in rules}
    names = {r.name for r in rules} | {r.category for r in rules}
    out: dict[str, Severity] = {}
    for k, v in value.items():
        key = str(k)
        if key.upper() in codes:
            key = key.upper()
        elif key not in names:
            raise ConfigError(f"{where}: `severity.{k}`: такого правила нет (нужен код, имя или категория)")
        out[key] = _severity_value(v, f"severity.{k}", where)
    return out


def _fail_under(value: Any, where: str) -> float | None:
    if value is None:
        return None
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value <= 10:
        raise ConfigError(f"{where}: `fail-under` — число от 0 до 10")
    return float(value)


def _rule_options(value: Any, where: str) -> dict[str, dict[str, Any]]:
    """``rule-options`` by rule name or code → {code: {option: value}}, every key and value checked."""
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: `rule-options` — таблица «правило = {{настройка = значение}}»")
    rules = {r.code: r for r in all_rules()}
    rules.update({r.name: r for r in all_rules()})
    out: dict[str, dict[str, Any]] = {}
    for rule_key, settings in value.items():
        rule = rules.get(str(rule_key)) or rules.get(str(rule_key).upper())
        if rule is None:
            raise ConfigError(f"{where}: `rule-options.{rule_key}`: такого правила нет")
        known = getattr(rule, "options", {})
        if not isinstance(settings, Mapping):
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
        _check_order(rule, out.get(rule.code, {}), rule_key, where)
    return out


def _check_order(rule: Any, settings: Mapping[str, Any], rule_key: Any, where: str) -> None:
    """A ``warning-X`` threshold above ``error-X`` would make the warning unreachable."""
    known = getattr(rule, "options", {})
    for option in known:
        if not option.startswith("warning-") or "error-" + option[8:] not in known:
            continue
        other = "error-" + option[8:]
        warning = settings.get(option, getattr(rule, known[option]))
        error = settings.get(other, getattr(rule, known[other]))
        if warning > error:
            raise ConfigError(
                f"{where}: `rule-options.{rule_key}`: {option} ({warning}) больше, чем {other} ({error})"
            )


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
            if not isinstance(value, Mapping):
                raise ConfigError(f"{where}: `per-file-ignores` — таблица «шаблон пути = [коды]»")
            changes["per_file_ignores"] = {
                str(k): _selectors(v, f"per-file-ignores.{k}", where) for k, v in value.items()
            }
        elif key == "severity":
            changes["severity"] = _severity(value, where)
        elif key == "allow":
            changes["allow"] = _strings(value, key, where)
        elif key == "fail-on":
            changes["fail_on"] = _severity_value(value, key, where)
        elif key == "fail-under":
            changes["fail_under"] = _fail_under(value, where)
        elif key == "skip":
            changes["skip"] = _skip(value, where)
        elif key == "platform":
            if not isinstance(value, str) or value not in PLATFORMS:
                raise ConfigError(f"{where}: `platform` — одно из: {', '.join(PLATFORMS)}")
            changes["platform"] = value
        elif key == "rule-options":
            merged = {code: dict(values) for code, values in cfg.rule_options.items()}
            for code, values in _rule_options(value, where).items():
                merged.setdefault(code, {}).update(values)
            changes["rule_options"] = merged
        elif key == "author":
            changes["author"] = _author(value, where)
        elif key == "we":
            if not isinstance(value, bool):
                raise ConfigError(f"{where}: `we` — true или false")
            changes["we"] = value
        else:
            raise ConfigError(f"{where}: неизвестный ключ `{key}`")
    try:
        return replace(cfg, **changes)
    except ConfigError as exc:  # a combination only the whole Config can judge
        raise ConfigError(str(exc).replace(_WHERE_API, where, 1)) from None


def read_toml(path: str | Path, what: str = "файл настроек") -> dict[str, Any]:
    """A TOML file as a dict; every way it can fail is a ConfigError naming the file."""
    path = Path(path)
    try:
        st = path.stat()
        size = st.st_size
        if not stat.S_ISREG(st.st_mode):  # a pipe would block, a device never end
            raise ConfigError(f"{path}: {what} — не обычный файл")
        if size > MAX_CONFIG_BYTES:
            raise ConfigError(f"{path}: {what} слишком большой ({size // 1024} КБ)")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{path}: {what} не найден") from None
    except PermissionError:
        raise ConfigError(f"{path}: нет прав на чтение ({what})") from None
    except OSError as exc:
        raise ConfigError(f"{path}: не удалось прочитать {what}: {exc.strerror or exc}") from None
    try:
        return tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: не удалось прочитать TOML: файл не в кодировке UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: не удалось прочитать TOML: {toml_error_place(exc)}") from None
    except RecursionError:
        raise ConfigError(f"{path}: не удалось прочитать TOML: слишком глубокая вложенность") from None


def _tool_table(data: dict[str, Any], path: Path) -> dict[str, Any] | None:
    """``[tool.kanclint]`` of a TOML document, None if absent; a non-table there is an error."""
    tool = data.get("tool")
    if tool is None:
        return None
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: ключ `tool` должен быть таблицей")
    table = tool.get("kanclint")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: ключ `tool.kanclint` должен быть таблицей")
    return table


def load_config(path: str | Path) -> Config:
    """Read a ``kanclint.toml`` (top-level keys) or ``pyproject.toml`` (``[tool.kanclint]``)."""
    path = Path(path)
    data = read_toml(path)
    if path.name == "pyproject.toml":
        data = _tool_table(data, path) or {}
    else:
        table = _tool_table(data, path)
        if table is not None:
            data = table
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
            # a pyproject.toml that cannot be read may hold this folder's [tool.kanclint]:
            # skipping it would silently apply a parent's configuration instead
            if _tool_table(read_toml(candidate), candidate) is not None:
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
    key = " ".join(fold(match_text).split())
    return any(" ".join(fold(a).split()) == key for a in cfg.allow)


def selected_rules(cfg: Config, path: str | None = None) -> list[Any]:
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
