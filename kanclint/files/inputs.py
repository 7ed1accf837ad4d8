"""Reading drafts from disk: encodings of Russian offices, and clear refusals.

UTF-8 (with or without BOM), UTF-16 with a BOM (Notepad's «Юникод») and
Windows-1251 are detected; binary files, text in another encoding, a file that
mixes UTF-8 and Windows-1251, huge files, empty files and anything that is not
a regular file (devices, pipes, sockets) are refused with a message that names
the file.  Size is checked before reading, so ``/dev/zero`` or a 10 GB log
never fills memory.  The detected encoding is kept and the text is never
normalised (CRLF stays), so ``--fix`` can write the file back the way it came.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kanclint.text.morphology import analyzer

MAX_BYTES = 5 * 1024 * 1024
BOM = b"\xef\xbb\xbf"
BOM_UTF16 = (b"\xff\xfe", b"\xfe\xff")  # little-, big-endian
BOM_UTF32 = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
# a Cyrillic letter in UTF-8 is D0/D1 and a continuation byte; in cp1251 text that pair is rare
_UTF8_CYRILLIC = re.compile(rb"[\xd0\xd1][\x80-\xbf]")
_HIGH = re.compile(rb"[\x80-\xff]")


class InputError(ValueError):
    """Input kanclint cannot check; the message is for the user."""


@dataclass(frozen=True)
class Decoded:
    """Text and how it was stored, so a fix can be written back byte-compatible.

    ``encoding`` is ``"utf-8"``, ``"utf-8-sig"``, ``"cp1251"`` or ``"utf-16"``;
    line endings stay inside ``text``.  For UTF-16 ``bom`` keeps the original
    byte order mark: :meth:`encode` writes it back (``text.encode("utf-16")``
    would use the machine's byte order).
    """

    text: str
    encoding: str
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        """``text`` in this file's encoding, with its BOM if it had one."""
        if self.encoding == "utf-16":
            order = "utf-16-be" if self.bom == BOM_UTF16[1] else "utf-16-le"
            return (self.bom or BOM_UTF16[0]) + text.encode(order)
        return text.encode(self.encoding)


def _too_big(name: str, size: int | None = None) -> InputError:
    limit = MAX_BYTES // 1024 // 1024
    if size is None:
        return InputError(f"{name}: текст слишком большой (больше {limit} МБ)")
    return InputError(f"{name}: файл слишком большой ({size // 1024} КБ, можно до {limit} МБ)")


def decode(data: bytes, name: str = "<stdin>") -> Decoded:
    if len(data) > MAX_BYTES:
        raise _too_big(name, len(data))
    if data.startswith(BOM_UTF32):
        raise InputError(f"{name}: кодировка UTF-32 не поддерживается; сохраните файл в UTF-8")
    if data.startswith(BOM_UTF16):
        return _utf16(data, name)
    if b"\x00" in data:
        raise InputError(f"{name}: похоже на двоичный файл, а не на текст")
    encoding = "utf-8-sig" if data.startswith(BOM) else "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        text = _try_cp1251(data, name)
        encoding = "cp1251"
    _check_text(text, name)
    return Decoded(text, encoding)


def _utf16(data: bytes, name: str) -> Decoded:
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError:
        raise InputError(f"{name}: не удалось прочитать текст в UTF-16: файл повреждён") from None
    _check_text(text, name)
    return Decoded(text, "utf-16", data[:2])


def _check_text(text: str, name: str) -> None:
    if not text.strip():
        raise InputError(f"{name}: пустой текст, проверять нечего")
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f\v")
    if "\x00" in text or controls > max(3, len(text) // 200):
        raise InputError(f"{name}: похоже на двоичный файл, а не на текст")


def _try_cp1251(data: bytes, name: str) -> str:
    if _mixes_utf8(data):
        raise InputError(
            f"{name}: в файле смешаны кодировки UTF-8 и Windows-1251; сохраните его целиком в UTF-8"
        )
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        raise InputError(f"{name}: не удалось прочитать текст: кодировка не UTF-8 и не Windows-1251") from None
    # every byte above 0xC0 decodes to a Cyrillic letter in cp1251, so judge by words:
    # real Russian text is mostly words pymorphy3 knows

    words = re.findall(r"[а-яё]{3,}", text.lower())[:300]
    known = sum(1 for w in words if analyzer().word_is_known(w))
    if not words or known / len(words) < 0.5:
        raise InputError(f"{name}: не удалось прочитать текст: кодировка не UTF-8 и не Windows-1251")
    return text


def _mixes_utf8(data: bytes) -> bool:
    """Not valid UTF-8, yet a good share of its high bytes are UTF-8 Cyrillic letters.

    In real cp1251 text such pairs only appear where «Р» or «С» meets a rare
    symbol; a paste of UTF-8 text into a cp1251 file makes them the majority of
    its part.  Reading the whole file as cp1251 would garble that part silently.
    """
    pairs = len(_UTF8_CYRILLIC.findall(data))
    high = len(_HIGH.findall(data))
    return pairs >= 3 and 2 * pairs >= 0.2 * high


def read_limited(stream: BinaryIO, name: str) -> bytes:
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise _too_big(name)
    return data


def read_stream(stream: BinaryIO, name: str = "<stdin>") -> tuple[bytes, Decoded]:
    """Raw bytes and text of a stream (stdin), reading at most the limit and one byte more."""
    try:
        data = read_limited(stream, name)
    except OSError as exc:
        raise InputError(f"{name}: не удалось прочитать: {os_reason(exc)}") from None
    return data, decode(data, name)


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular file, refused before reading if it is anything else or too big."""
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(f"{path}: это папка, а не файл")
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"{path}: это не обычный файл (устройство, канал или сокет), проверять нечего")
        if st.st_size > MAX_BYTES:
            raise _too_big(str(path), st.st_size)
        with open(path, "rb") as fh:
            return read_limited(fh, str(path))
    except OSError as exc:
        raise os_error(path, exc) from None


_REASONS = {
    errno.EACCES: "нет прав", errno.EPERM: "нет прав", errno.ENOSPC: "на диске нет места",
    errno.EROFS: "файловая система только для чтения", errno.ENOENT: "нет такого файла или папки",
    errno.EISDIR: "это папка, а не файл", errno.ENOTDIR: "часть пути — не папка",
    errno.EDQUOT: "превышена квота на диске", errno.EBUSY: "файл занят", errno.EEXIST: "файл уже есть",
}


def os_reason(exc: OSError) -> str:
    """Why a system call failed, in Russian when the reason is a common one (the system's own
    text is English), else the system's text."""
    return _REASONS.get(exc.errno or -1) or exc.strerror or str(exc)


def os_error(path: str | Path, exc: OSError) -> InputError:
    """A user's message for a failed ``stat``/``open`` of ``path``."""
    if isinstance(exc, FileNotFoundError):
        return InputError(f"{path}: файл не найден")
    if isinstance(exc, PermissionError):
        return InputError(f"{path}: нет прав на чтение")
    if isinstance(exc, IsADirectoryError):
        return InputError(f"{path}: это папка, а не файл")
    if exc.errno == errno.ELOOP:
        return InputError(f"{path}: символические ссылки образуют петлю")
    if exc.errno == errno.ENAMETOOLONG:
        return InputError(f"{path}: слишком длинное имя файла")
    return InputError(f"{path}: не удалось прочитать: {os_reason(exc)}")


def read_file(path: Path) -> tuple[bytes, Decoded]:
    """Raw bytes and decoded text of a file; every failure is an :class:`InputError`."""
    data = read_bytes(path)
    return data, decode(data, str(path))


def read_text(path: Path) -> Decoded:
    return read_file(path)[1]
