"""Reading drafts from disk: encodings of Russian offices, and clear refusals.

UTF-8 (with or without BOM) and Windows-1251 are detected; binary files, text
in another encoding, huge files and empty files are refused with a message that
names the file.  The detected encoding is kept and the text is never
normalised (CRLF stays), so ``--fix`` can write the file back the way it came.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 5 * 1024 * 1024
BOM = b"\xef\xbb\xbf"


class InputError(ValueError):
    """Input kanclint cannot check; the message is for the user."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # "utf-8", "utf-8-sig" or "cp1251"; line endings stay inside ``text``


def decode(data: bytes, name: str = "<stdin>") -> Decoded:
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: файл слишком большой ({len(data) // 1024} КБ, можно до {MAX_BYTES // 1024 // 1024} МБ)")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: похоже на двоичный файл, а не на текст")
    if data.startswith(BOM):
        encoding = "utf-8-sig"
    else:
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        text = _try_cp1251(data, name)
        encoding = "cp1251"
    if not text.strip():
        raise InputError(f"{name}: пустой текст, проверять нечего")
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f\v")
    if controls > max(3, len(text) // 200):
        raise InputError(f"{name}: похоже на двоичный файл, а не на текст")
    return Decoded(text, encoding)


def _try_cp1251(data: bytes, name: str) -> str:
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        raise InputError(f"{name}: не удалось прочитать текст: кодировка не UTF-8 и не Windows-1251") from None
    # every byte above 0xC0 decodes to a Cyrillic letter in cp1251, so judge by words:
    # real Russian text is mostly words pymorphy3 knows
    from .morphology import analyzer

    words = re.findall(r"[а-яё]{3,}", text.lower())[:300]
    known = sum(1 for w in words if analyzer().word_is_known(w))
    if not words or known / len(words) < 0.5:
        raise InputError(f"{name}: не удалось прочитать текст: кодировка не UTF-8 и не Windows-1251")
    return text


def read_text(path: Path) -> Decoded:
    try:
        if path.is_dir():
            raise InputError(f"{path}: это папка, а не файл")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: файл не найден") from None
    except PermissionError:
        raise InputError(f"{path}: нет прав на чтение") from None
    except IsADirectoryError:
        raise InputError(f"{path}: это папка, а не файл") from None
    except OSError as exc:
        raise InputError(f"{path}: не удалось прочитать: {exc.strerror or exc}") from None
    return decode(data, str(path))

