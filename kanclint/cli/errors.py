"""click's usage errors in Russian.

click prints its own English for a mistyped command line («Try 'kanclint check --help' for help.
Error: Invalid value for '--fail-under': 11.0 is not in the range 0<=x<=10.»).  Its strings go
through gettext, which needs a compiled catalogue on disk; instead the few messages a user can
meet are read back here and said in Russian, in kanclint's usual form: «kanclint: …» and a hint
where help is.  A message we do not know is shown as click wrote it, after a Russian lead.
"""

from __future__ import annotations

import re
import sys

import click

_RANGE = re.compile(r"(?P<value>\S+) is not in the range (?P<range>.+?)\.?$")
_BOUNDS = re.compile(r"^(?:(?P<low>[-\d.]+)(?P<lop><=?))?x(?:(?P<hop><=?)(?P<high>[-\d.]+))?$")
_NOT_NUMBER = re.compile(r"(?P<value>.+) is not a valid (?P<kind>integer|float|float range|integer range)\.?$")
_CHOICE = re.compile(r"(?P<value>.+) is not (?:one of )?(?P<choices>.+?)\.?$")
_PATH = re.compile(r"(?:File|Directory|Path) (?P<name>.+) does not exist\.?$")
_NEEDS_VALUE = re.compile(r"Option (?P<name>.+) requires (?:an argument|\d+ arguments)\.?$")
_EXTRA = re.compile(r"Got unexpected extra arguments? \((?P<args>.*)\)\.?$")
_NO_COMMAND = re.compile(r"No such command (?P<name>.+?)\.?$")
_MISSING = re.compile(r"Missing (?:argument|option|parameter) (?P<name>.+?)\.?$")


def _unquote(value: str) -> str:
    return value.strip().strip("'\"")


def _bounds(spec: str) -> str:
    m = _BOUNDS.match(spec.replace(" ", ""))
    if m is None:
        return spec
    low, high = m.group("low"), m.group("high")
    if low and high:
        return f"от {low} до {high}"
    return f"не меньше {low}" if low else f"не больше {high}"


def _value_problem(text: str) -> str:
    """The reason a value was refused, in Russian (kanclint's own reasons already are)."""
    if m := _RANGE.match(text):
        return f"{m.group('value')} — нужно {_bounds(m.group('range'))}"
    if m := _NOT_NUMBER.match(text):
        kind = "целое число" if m.group("kind").startswith("integer") else "число"
        return f"«{_unquote(m.group('value'))}» — нужно {kind}"
    if m := _PATH.match(text):
        return f"«{_unquote(m.group('name'))}» не найден"
    if m := _CHOICE.match(text):
        choices = ", ".join(_unquote(c) for c in re.split(r",\s*", m.group("choices")))
        return f"«{_unquote(m.group('value'))}» — можно: {choices}"
    return text.rstrip(".")


def russian_message(exc: click.UsageError) -> str:
    """The error of ``exc`` as one Russian sentence, without the «kanclint: » lead."""
    if isinstance(exc, click.BadParameter) and not isinstance(exc, click.MissingParameter):
        hint = exc.param_hint if isinstance(exc.param_hint, str) else None
        if hint is None and exc.param is not None:
            hint = " / ".join(exc.param.opts) if getattr(exc.param, "opts", None) else exc.param.name
        where = f"{_unquote(hint)}: " if hint else ""
        return f"неверное значение {where}{_value_problem(exc.message)}".replace("значение : ", "значение: ")
    if isinstance(exc, click.NoSuchOption):
        close = sorted(exc.possibilities or ())
        return f"нет параметра {exc.option_name}." + (f" Может быть, {' или '.join(close)}?" if close else "")
    text = exc.format_message()
    if m := _NEEDS_VALUE.match(text):
        return f"после {_unquote(m.group('name'))} нужно значение"
    if m := _EXTRA.match(text):
        return f"лишние аргументы: {m.group('args')}"
    if m := _NO_COMMAND.match(text):
        return f"нет команды «{_unquote(m.group('name'))}»"
    if m := _MISSING.match(text):
        return f"не хватает аргумента {_unquote(m.group('name'))}"
    return f"ошибка в командной строке: {text}"


def show_usage_error(exc: click.UsageError) -> None:
    """Print ``exc`` in Russian with where to find help, and exit 2 (a bad call, not findings)."""
    message = russian_message(exc)
    click.echo(f"kanclint: {message}" + ("" if message.endswith(("?", ".")) else "."), err=True)
    if exc.ctx is not None:
        click.echo(f"Справка: {exc.ctx.command_path} --help", err=True)
    sys.exit(exc.exit_code)
