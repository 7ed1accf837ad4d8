"""Suppressing findings without touching the post: an ignore file, and comments in Markdown/HTML.

A post is published as written, so markers inside plain text would be published
too.  Match-level ignores therefore live beside the drafts in
``.kanclint-ignore.toml``: path, code, matched text and a fingerprint of the
sentence around it, so an ignore survives edits elsewhere in the post but not a
rewrite of that sentence.  An entry that no longer suppresses anything is
reported as stale (KC001), the way ruff reports unused ``noqa``.

Markdown and HTML drafts may carry ``<!-- kanclint-disable KC101 -->`` …
``<!-- kanclint-enable KC101 -->`` and ``<!-- kanclint-disable-next-line KC101 -->``
(comments are not rendered); a code is required.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from kanclint.engine.config import ConfigError, find_config_file, read_toml
from kanclint.files.inputs import Decoded, InputError, decode
from kanclint.files.writer import create_new, write_atomic
from kanclint.text.morphology import fold

IGNORE_FILE = ".kanclint-ignore.toml"
MARKUP_SUFFIXES = {".md", ".markdown", ".html", ".htm"}
_COMMENT = re.compile(r"<!--\s*kanclint-(disable-next-line|disable|enable)\b([^>]*?)-->")


@dataclass(frozen=True)
class IgnoreEntry:
    path: str
    code: str
    match: str
    fingerprint: str
    reason: str = ""

    def to_toml(self) -> str:
        def q(s: str) -> str:
            return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'

        lines = ["[[ignore]]", f"path = {q(self.path)}", f"code = {q(self.code)}", f"match = {q(self.match)}",
                 f"fingerprint = {q(self.fingerprint)}"]
        if self.reason:
            lines.append(f"reason = {q(self.reason)}")
        return "\n".join(lines)


def fingerprint(text: str, start: int, end: int) -> str:
    """Hash of the folded sentence-ish context around a match (whitespace-insensitive)."""
    left = max(text.rfind(c, 0, start) for c in ".!?\n")
    if end > start and text[end - 1] in ".!?\n":
        right = end  # the match ends its own sentence («!!!»)
    else:
        rights = [i for i in (text.find(c, end) for c in ".!?\n") if i != -1]
        right = min(rights) if rights else len(text)
    context = " ".join(fold(text[left + 1:right]).split())
    return hashlib.sha1(context.encode("utf-8")).hexdigest()[:16]


def find_ignore_file(start: str | Path) -> Path | None:
    here = Path(start).resolve()
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / IGNORE_FILE
        if candidate.is_file():
            return candidate
    return None


def ignore_file_location(path: str | Path, fallback: Path) -> Path:
    """The ignore file the engine reads for ``path``, or where a new one goes (one rule for CLI and LSP).

    An existing file up the tree wins; a dangling link beside ``path`` is returned so that the
    write is refused rather than sent elsewhere; otherwise the folder of the governing config
    file, or ``fallback`` (the CLI's working directory, the editor's workspace folder).
    """
    found = find_ignore_file(path)
    if found is not None:
        return found
    beside = Path(path).parent / IGNORE_FILE
    if beside.is_symlink():
        return beside
    cfg_file = find_config_file(path)
    return (cfg_file.parent if cfg_file else fallback) / IGNORE_FILE


ENTRY_KEYS = {"path", "code", "match", "fingerprint"}


def read_ignore_file(path: Path) -> list[IgnoreEntry]:
    """The entries of an ignore file; a wrong type anywhere is a ConfigError naming the file and the key."""

    data = read_toml(path, "файл исключений")
    unknown = sorted(set(data) - {"ignore"})
    if unknown:
        raise ConfigError(f"{path}: неизвестный ключ `{unknown[0]}`; ожидаются только записи [[ignore]]")
    raw_entries = data.get("ignore", [])
    if not isinstance(raw_entries, list):
        raise ConfigError(f"{path}: `ignore` должен быть списком записей [[ignore]]")
    entries = []
    for i, raw in enumerate(raw_entries, start=1):
        if not isinstance(raw, dict):
            raise ConfigError(f"{path}: `ignore`, запись {i}: ожидается таблица [[ignore]], а не {_kind(raw)}")
        missing = ENTRY_KEYS - set(raw)
        if missing:
            raise ConfigError(f"{path}: запись {i}: нет ключей {', '.join(sorted(missing))}")
        for key, value in raw.items():
            if key not in ENTRY_KEYS | {"reason"}:
                raise ConfigError(f"{path}: запись {i}: неизвестный ключ `{key}`")
            if not isinstance(value, str):
                raise ConfigError(f"{path}: запись {i}: `{key}` должен быть строкой, а не {_kind(value)}")
        entries.append(IgnoreEntry(raw["path"], raw["code"], raw["match"], raw["fingerprint"], raw.get("reason", "")))
    return entries


def _kind(value: object) -> str:
    names = {bool: "логическое значение", int: "число", float: "число", str: "строка", list: "список",
             dict: "таблица"}
    return names.get(type(value), type(value).__name__)


def write_ignore_file(path: Path, entries: Iterable[IgnoreEntry]) -> None:
    """Write the ignore file atomically, never through a symlink kanclint did not create.

    A ``.kanclint-ignore.toml`` that is a symlink (even a dangling one) could
    send the write anywhere on disk, so it is refused with a ConfigError.
    """

    unique = sorted(set(entries), key=lambda e: (e.path, e.code, e.match, e.fingerprint))
    header = "# kanclint: findings accepted on purpose (kanclint --add-ignore, or the editor action)\n\n"
    text = header + "\n\n".join(e.to_toml() for e in unique) + "\n"
    try:
        if path.is_symlink():
            raise InputError(f"{path}: это символическая ссылка; kanclint не пишет через ссылки, файл не записан")
        if path.exists():
            original = path.read_bytes()
            decoded = decode(original, str(path)) if original.strip() else Decoded("", "utf-8")
            write_atomic(path, text, decoded, original, follow_symlinks=False)
        else:
            create_new(path, text)
    except InputError as exc:
        raise ConfigError(str(exc)) from None
    except OSError as exc:
        raise ConfigError(f"{path}: не удалось записать: {exc.strerror or exc}") from None


def relative_key(ignore_file: Path, doc_path: str) -> str:
    p = Path(doc_path).resolve()
    try:
        return p.relative_to(ignore_file.parent.resolve()).as_posix()
    except ValueError:
        return p.as_posix()


def comment_suppressions(text: str, path: str | None) -> list[tuple[int, int, frozenset[str]]]:
    """Disabled regions ``(start, end, codes)`` from kanclint comments in Markdown/HTML."""
    if not path or Path(path).suffix.lower() not in MARKUP_SUFFIXES:
        return []
    regions: list[tuple[int, int, frozenset[str]]] = []
    open_regions: dict[str, int] = {}
    for m in _COMMENT.finditer(text):
        kind = m.group(1)
        codes = frozenset(c.upper() for c in re.findall(r"[A-Za-z]{2,3}\d{0,3}", m.group(2)))
        if not codes:
            continue  # a code is required: never disable everything by accident
        if kind == "disable-next-line":
            line_end = text.find("\n", m.end())
            if line_end == -1:
                continue
            next_end = text.find("\n", line_end + 1)
            regions.append((line_end + 1, next_end if next_end != -1 else len(text), codes))
        elif kind == "disable":
            for c in codes:
                open_regions.setdefault(c, m.end())
        else:
            for c in codes:
                if c in open_regions:
                    regions.append((open_regions.pop(c), m.start(), frozenset({c})))
    for c, start in open_regions.items():
        regions.append((start, len(text), frozenset({c})))
    return regions


def is_disabled(code: str, start: int, regions: list[tuple[int, int, frozenset[str]]]) -> bool:
    return any(s <= start < e and any(code.startswith(c) for c in codes) for s, e, codes in regions)
