"""Writing fixed drafts back: atomically, in the file's own encoding, never over a newer file.

A post may be open in an editor while kanclint runs.  If the file changed on
disk since we read it — even in the instant between writing the temporary file
and renaming it over the draft — we keep the author's version and say so.

The file stays what it was: same bytes outside the fixes, same encoding and
byte-order mark, same mode, owner and group; a symlink keeps pointing at the
fixed target, a hard-linked file is written in place so every link sees the
fix.  Read-only files and files that are not regular files are refused.

Temporary files are named ``.<name>.kanclint-<random>.tmp`` (``mkstemp``:
O_EXCL, unpredictable), so one left behind by a killed run is recognisable
and is removed by the next run in that folder once it is an hour old.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import stat
import sys
import tempfile
import time
from pathlib import Path

from kanclint.files.inputs import Decoded, InputError, os_reason

TEMP_PREFIX_MAX = 100  # keep «.<name>.kanclint-XXXXXXXX.tmp» under the 255-byte name limit
TEMP_RE = re.compile(r"\..+\.kanclint-[a-z0-9_]{8}\.tmp", re.DOTALL)
LEGACY_TEMP_RE = re.compile(r"\..+\.[a-z0-9_]{8}\.kanclint", re.DOTALL)  # names earlier versions used
STALE_AFTER = 3600.0  # seconds; a live run never keeps its temporary file that long

_BOMS = {
    "utf-8": (codecs.BOM_UTF8,),
    "utf-16": (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE),
    "utf-32": (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE),
}
_cleaned: set[str] = set()


class UnencodableError(InputError):
    """The fixed text has a character the file's encoding cannot store."""

    def __init__(self, message: str, char: str) -> None:
        super().__init__(message)
        self.char = char


def _family(codec: str) -> str | None:
    return next((f for f in _BOMS if codec.startswith(f)), None)


def encode_like(text: str, encoding: str, original: bytes = b"") -> bytes:
    """``text`` in the codec ``encoding`` names, with the byte-order mark (and byte order) ``original`` had.

    Raises :class:`UnicodeEncodeError` when a character does not fit the codec.
    """
    codec = codecs.lookup(encoding).name
    family = _family(codec)
    bom = next((b for b in _BOMS[family] if original.startswith(b)), b"") if family else b""
    if codec in ("utf-16", "utf-32"):
        # the generic codec writes native order with its own BOM; keep the order the file had
        if bom:
            order = "le" if bom in (codecs.BOM_UTF16_LE, codecs.BOM_UTF32_LE) else "be"
        else:
            order = "le" if sys.byteorder == "little" else "be"
        codec = f"{codec}-{order}"
    data = text.encode(codec)
    if bom and not data.startswith(bom):
        data = bom + data
    return data


def unencodable(text: str, encoding: str) -> str | None:
    """The first character of ``text`` that ``encoding`` cannot store, or ``None``."""
    try:
        text.encode(encoding)
    except UnicodeEncodeError as exc:
        return exc.object[exc.start]
    return None


def char_name(char: str) -> str:
    """«−» (U+2212) — how a message names a character, visible even when it is invisible."""
    return f"«{char}» (U+{ord(char):04X})"


def write_atomic(path: Path, text: str, decoded: Decoded, original: bytes, *, follow_symlinks: bool = True) -> None:
    """Replace ``path`` with ``text`` encoded as ``decoded`` was, if the file is still ``original``.

    Every refusal is an :class:`InputError` whose message is for the user; the
    file on disk is then untouched.  With ``follow_symlinks=False`` a symlink
    at ``path`` is refused instead of followed (files kanclint did not create).
    """
    if not follow_symlinks and path.is_symlink():
        raise InputError(f"{path}: это символическая ссылка; kanclint не пишет через ссылки, файл не записан")
    target = Path(os.path.realpath(path)) if follow_symlinks else path
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        raise InputError(f"{path}: файл исчез с диска во время проверки, исправления не записаны") from None
    except OSError as exc:
        raise InputError(f"{path}: не удалось записать: {os_reason(exc)}") from None
    if stat.S_ISLNK(st.st_mode):
        raise InputError(f"{path}: это символическая ссылка; kanclint не пишет через ссылки, файл не записан")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{path}: это не обычный файл, исправления не записаны")
    if not st.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise InputError(f"{path}: файл только для чтения, исправления не записаны")
    try:
        data = encode_like(text, decoded.encoding, original)
    except UnicodeEncodeError as exc:
        char = exc.object[exc.start]
        raise UnencodableError(
            f"{path}: символ {char_name(char)} нельзя записать в кодировке {decoded.encoding}, файл не изменён", char
        ) from None
    _check_unchanged(path, target, original)
    clean_stale_temp_files(target.parent)
    try:
        if st.st_nlink > 1:
            _write_in_place(path, target, data, original)
        else:
            _replace(path, target, data, original, st)
    except InputError:
        raise
    except OSError as exc:
        raise InputError(f"{path}: не удалось записать: {os_reason(exc)}") from None


def _check_unchanged(path: Path, target: Path, original: bytes) -> None:
    try:
        current = target.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: не удалось перечитать файл перед записью: {os_reason(exc)}") from None
    if current != original:
        raise InputError(
            f"{path}: файл изменился на диске во время проверки; версия автора сохранена, исправления не записаны"
        )


def _temp_file(path: Path, target: Path, data: bytes) -> str:
    """``data`` written and synced to a new temporary file beside ``target``, with a name no one can predict."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:TEMP_PREFIX_MAX]}.kanclint-", suffix=".tmp",
                                   dir=target.parent)
    except PermissionError:
        raise InputError(f"{path}: нет прав на запись в папку {target.parent}, файл не записан") from None
    except OSError as exc:
        raise InputError(f"{path}: не удалось создать временный файл: {os_reason(exc)}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        _remove_quietly(tmp)
        raise
    return tmp


def _remove_quietly(tmp: str | Path) -> None:
    """Take back a temporary file after a failed write; a file already gone is no error."""
    with contextlib.suppress(OSError):
        os.unlink(tmp)


def _replace(path: Path, target: Path, data: bytes, original: bytes, st: os.stat_result) -> None:
    """Temporary file beside the target, then rename: readers see the old file or the new one."""
    tmp = _temp_file(path, target, data)
    try:
        _keep_owner(tmp, st)
        os.chmod(tmp, stat.S_IMODE(st.st_mode))  # after chown, which may clear set-id bits
        _check_unchanged(path, target, original)  # an editor may have saved while we wrote
        os.replace(tmp, target)
    except BaseException:
        _remove_quietly(tmp)
        raise
    _fsync_dir(target.parent)


def _write_in_place(path: Path, target: Path, data: bytes, original: bytes) -> None:
    """A file with several hard links: rename would split it from its other names, so rewrite it."""
    with open(target, "r+b") as fh:
        if fh.read() != original:
            raise InputError(
                f"{path}: файл изменился на диске во время проверки; версия автора сохранена, исправления не записаны"
            )
        fh.seek(0)
        fh.write(data)
        fh.truncate()
        fh.flush()
        os.fsync(fh.fileno())


def _keep_owner(tmp: str, st: os.stat_result) -> None:
    """Give the new file the draft's owner and group (root can; a member of the group can keep the group)."""
    now = os.stat(tmp)
    if (now.st_uid, now.st_gid) == (st.st_uid, st.st_gid):
        return
    try:
        os.chown(tmp, st.st_uid, st.st_gid)
    except PermissionError:
        try:
            os.chown(tmp, -1, st.st_gid)
        except PermissionError:
            pass


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (best effort: not every platform can open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def clean_stale_temp_files(folder: Path, max_age: float = STALE_AFTER) -> list[Path]:
    """Remove kanclint's own temporary files older than ``max_age`` left in ``folder`` by a killed run.

    Only regular files whose names match our pattern are touched (never
    symlinks), and each folder is swept once per process.
    """
    key = os.path.realpath(folder)
    if key in _cleaned:
        return []
    _cleaned.add(key)
    cutoff = time.time() - max_age
    removed: list[Path] = []
    try:
        entries = os.scandir(folder)
    except OSError:
        return removed
    with entries:
        for entry in entries:
            if not (TEMP_RE.fullmatch(entry.name) or LEGACY_TEMP_RE.fullmatch(entry.name)):
                continue
            try:
                if not entry.is_file(follow_symlinks=False) or entry.stat(follow_symlinks=False).st_mtime > cutoff:
                    continue
                os.unlink(entry.path)
                removed.append(Path(entry.path))
            except OSError:
                continue
    return removed


def create_new(path: Path, text: str) -> None:
    """Write a new UTF-8 file atomically, refusing if anything (even a dangling symlink) is already there."""
    folder = path.parent
    clean_stale_temp_files(folder)
    tmp = _temp_file(path, path, text.encode("utf-8"))
    try:
        os.chmod(tmp, 0o666 & ~_umask())
        try:
            os.link(tmp, path)  # atomic and never replaces: fails if the name exists, even as a symlink
        except FileExistsError:
            raise InputError(f"{path}: файл уже существует (или это ссылка), не записан") from None
        except OSError:  # a filesystem without hard links: O_EXCL|O_NOFOLLOW still never follows a link
            out = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666)
            with os.fdopen(out, "wb") as fh:
                fh.write(text.encode("utf-8"))
    except FileExistsError:
        raise InputError(f"{path}: файл уже существует (или это ссылка), не записан") from None
    except OSError as exc:
        raise InputError(f"{path}: не удалось записать: {os_reason(exc)}") from None
    finally:
        _remove_quietly(tmp)  # linked or copied: the temporary name goes either way
    _fsync_dir(folder)


def _umask() -> int:
    """The process umask, read without changing it (os.umask would race with other threads)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022
