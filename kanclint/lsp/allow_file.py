"""Writing a word into the allow list of a TOML config without losing the author formatting."""

from __future__ import annotations

import contextlib
import copy
import json
import os
import re
import tomllib
from pathlib import Path
from typing import Iterator

from kanclint.engine import config as config_mod
from kanclint.files.inputs import Decoded
from kanclint.files.writer import write_atomic
from kanclint.text.morphology import fold


def add_allowed_word(path: Path, word: str) -> bool:
    """Add ``word`` to ``allow`` in a kanclint.toml or pyproject.toml, keeping the rest as written.

    Only the ``allow = [...]`` line is rewritten (or inserted), so comments and key
    order survive; the result is parsed again and must differ in ``allow`` only.
    """
    if path.is_symlink():
        raise config_mod.ConfigError(f"{path} — символическая ссылка, kanclint не пишет через ссылки")
    original = path.read_bytes() if path.exists() else b""
    text = original.decode("utf-8")
    nl = "\r\n" if "\r\n" in text else "\n"
    data = tomllib.loads(text)
    nested = path.name == "pyproject.toml" or "kanclint" in data.get("tool", {})

    table = data.get("tool", {}).get("kanclint", {}) if nested else data
    words = list(table.get("allow", []))
    if any(fold(w) == fold(word) for w in words):
        return False
    words.append(word)
    line = "allow = [" + ", ".join(json.dumps(w, ensure_ascii=False) for w in words) + "]" + nl
    headers = [m.start() for m in re.finditer(r"(?m)^[ \t]*\[", text)]
    if nested:
        header = re.search(r"(?m)^[ \t]*\[tool\.kanclint\][ \t]*(?:#.*)?$", text)
        if header is None:
            region = (len(text), len(text))
            sep = "" if not text.strip() else (nl if text.endswith(("\n", "\r")) else nl + nl)
            line = sep + "[tool.kanclint]" + nl + line
        else:
            body = text.find("\n", header.end()) + 1 or len(text)
            region = (body, next((h for h in headers if h >= body), len(text)))
    else:
        region = (0, headers[0] if headers else len(text))
    existing = re.compile(r"(?m)^[ \t]*allow[ \t]*=").search(text, *region)
    if existing is not None:
        end = existing.end()
        while True:  # the array may span lines: stop at the first line end where it parses
            nl_at = text.find("\n", end)
            end = len(text) if nl_at == -1 else nl_at + 1
            try:
                tomllib.loads("allow =" + text[existing.end():end])
                break
            except tomllib.TOMLDecodeError:
                if end >= len(text):
                    raise config_mod.ConfigError(f"{path}: не удалось найти конец списка allow") from None
        new_text = text[:existing.start()] + line + text[end:]
    elif nested:  # right under the [tool.kanclint] header
        new_text = text[:region[0]] + line + text[region[0]:]
    else:  # after the last top-level line, before the first table
        at = len(text[:region[1]].rstrip())
        line = nl + line.rstrip("\r\n") if at else line + (nl if text.strip() else "")
        new_text = text[:at] + line + text[at:]
    expected = copy.deepcopy(data)
    (expected.setdefault("tool", {}).setdefault("kanclint", {}) if nested else expected)["allow"] = words
    if tomllib.loads(new_text) != expected:
        raise config_mod.ConfigError(f"{path}: не получилось аккуратно дописать allow, добавьте «{word}» вручную")
    with _created(path):
        write_atomic(path, new_text, Decoded(new_text, "utf-8"), original)
    return True


@contextlib.contextmanager
def _created(path: Path) -> Iterator[None]:
    """Make sure ``path`` exists as a regular file of ours before an atomic replace.

    ``O_EXCL`` never follows a symbolic link, not even a dangling one, so a link planted
    meanwhile makes this fail instead of creating a file elsewhere.  The file is created
    with the usual mode (umask applies) so the replacement keeps it; if the write fails,
    the empty file goes again.
    """
    if path.exists() or path.is_symlink():
        yield
        return
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    try:
        yield
    except BaseException:
        path.unlink(missing_ok=True)
        raise
