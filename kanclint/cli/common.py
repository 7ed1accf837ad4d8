"""Helpers every command shares: a safe console, failing with exit 2, reading inputs, the base config."""

from __future__ import annotations

import codecs
import difflib
import sys
from pathlib import Path
from typing import Any, Callable

import click

from kanclint.engine import config as config_mod
from kanclint.engine.config import Config
from kanclint.files.discovery import TEXT_SUFFIXES, Collected, collect
from kanclint.files.inputs import (
    Decoded,
    InputError,
    os_reason,
    read_bytes,
    read_file,
    read_limited,
    read_stream,
)


def _safe_console() -> None:
    """A cp1251 or ASCII console must not crash on «✓», «−» or emoji: show «?» instead.

    Only streams whose encoding is not UTF-8 are touched; bytes kanclint writes
    on purpose (the fixed text of ``--fix -``) go to the binary buffer anyway.
    """

    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        try:
            if not encoding or codecs.lookup(encoding).name.startswith("utf-"):
                continue
        except LookupError:
            pass
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):
                pass


def _fail(message: str) -> None:
    click.echo(f"kanclint: {message}", err=True)
    sys.exit(2)


def _collect(paths: tuple[str, ...]) -> tuple[list[str], list[tuple[str, str]]]:
    found = collect(paths)
    if not found.files and not found.errors:
        _say_nothing_to_check(found)
    return found.files, found.errors


def _say_nothing_to_check(found: Collected) -> None:
    where = ", ".join(f"«{f}»" for f in found.folders)
    kinds = "/".join(sorted(TEXT_SUFFIXES))
    tail = f"; файлов других форматов пропущено: {found.skipped}" if found.skipped else ""
    click.echo(f"kanclint: в {where} нет черновиков ({kinds}), проверять нечего{tail}", err=True)


def _read_bytes(f: str, name: str) -> bytes:
    """The raw bytes of a path or of stdin, refused before reading when special or too big."""
    if f != "-":
        return read_bytes(Path(f))
    try:
        return read_limited(sys.stdin.buffer, name)
    except OSError as exc:
        raise InputError(f"{name}: не удалось прочитать: {os_reason(exc)}") from None


def _read(f: str, name: str) -> tuple[bytes, "Decoded"]:
    """Raw bytes and decoded text of a path or of stdin («-»); every failure is an InputError."""
    if f == "-":
        return read_stream(sys.stdin.buffer, name)
    return read_file(Path(f))


def _base_config(path: str | None, config_file: str | None, isolated: bool) -> Config:
    if config_file:
        return config_mod.load_config(config_file)
    if isolated:
        return Config(use_ignore_file=False)
    found = config_mod.find_config_file(path if path and path != "-" else Path.cwd())
    return config_mod.load_config(found) if found else Config()


def voice_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--author`` and ``--we`` for a command: who writes the post, as the config keys say it.

    A one-off run (a bot, a CMS plugin, a quick check in the shell) should not need a
    kanclint.toml just to say whose page it is; these win over the configuration file.
    """
    command = click.option("--we", is_flag=True, default=None,
                           help="Пост пишет сама организация: переписывать от лица «мы» (как we = true).")(command)
    return click.option("--author", default=None, metavar="КТО",
                        help="Кто пишет пост: организация или должность, например «Администрация "
                             "Тальменского района» (как author = \"…\").")(command)


def voice_overrides(author: str | None, we: bool | None) -> dict[str, Any]:
    """The options of :func:`voice_options` as :func:`kanclint.engine.config.with_overrides` takes them."""
    return {"author": author, "we": True if we else None}


def _echo_diff(name: str, before: str, after: str) -> None:
    if before == after:
        return
    diff = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{name}", f"b/{name}"
    )
    click.echo("".join(line if line.endswith("\n") else line + "\n" for line in diff), nl=False)
