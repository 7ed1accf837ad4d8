"""kanclint's user cache directory: files that only make kanclint faster, never change what it finds.

A cache file is written atomically under a random name (``mkstemp`` in the cache
directory, then ``os.replace``), so a symlink planted at a predictable name is
never written through, and a reader never sees half a file.  Each file starts
with a line that carries the SHA-256 of the rest; a file that does not check out
(truncated, edited, from another format) reads as missing and is rebuilt.  The
hash is not a signature: whoever can write the user's cache directory can also
write a matching hash, so the directory itself must be the user's own (see
:func:`cache_dir`).  A missing, foreign or read-only directory only costs speed.

``KANCLINT_CACHE_DIR`` moves the directory; ``KANCLINT_NO_CACHE=1`` turns the
cache off (every run then compiles the dictionaries again).
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from pathlib import Path

ENV_DIR = "KANCLINT_CACHE_DIR"
ENV_OFF = "KANCLINT_NO_CACHE"
MAGIC = b"kanclint-cache"
MAX_SIZE = 64 * 1024 * 1024  # far above any real dictionary cache; a bigger file is not ours


def _default_base() -> Path:
    try:
        from platformdirs import user_cache_dir
    except ImportError:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        return Path(base) / "kanclint"
    return Path(user_cache_dir("kanclint", appauthor=False))


def cache_dir() -> Path | None:
    """The directory to use, created if needed, or ``None`` when there is no safe one.

    The directory must be a real directory (not a symlink) owned by the user who
    runs kanclint: a directory planted by someone else, or a symlink pointing
    elsewhere, would let them choose what kanclint reads or where it writes.
    """
    if os.environ.get(ENV_OFF, "").strip().lower() not in ("", "0", "false", "no"):
        return None
    explicit = os.environ.get(ENV_DIR, "").strip()
    path = Path(explicit).expanduser() if explicit else _default_base()
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(path)
    except (OSError, RuntimeError):  # RuntimeError: no home directory to expand
        return None
    if not stat.S_ISDIR(info.st_mode):
        return None
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return None
    return path


def read(path: Path) -> bytes | None:
    """The payload of a cache file, or ``None`` if it is missing, a symlink or fails its check."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:  # missing, or a symlink (ELOOP with O_NOFOLLOW)
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_SIZE:
            return None
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(MAX_SIZE + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    head, sep, payload = data.partition(b"\n")
    if not sep:
        return None
    parts = head.split(b" ")
    if len(parts) != 2 or parts[0] != MAGIC:
        return None
    if hashlib.sha256(payload).hexdigest().encode() != parts[1]:
        return None
    return payload


def write(path: Path, payload: bytes) -> bool:
    """Write ``payload`` with its check line to ``path`` atomically; ``False`` when it cannot be written.

    The temporary file is created by ``mkstemp`` (``O_EXCL``, random name, mode
    0600) in the same directory, then renamed over ``path``: ``os.replace``
    replaces a symlink at ``path`` instead of following it.
    """
    head = MAGIC + b" " + hashlib.sha256(payload).hexdigest().encode() + b"\n"
    try:
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".part", dir=path.parent)
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(head)
            f.write(payload)
        os.replace(tmp, path)
        return True
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return False


def remove_stale(directory: Path, prefix: str, keep: Path) -> None:
    """Delete the older versions of one cache file (same ``prefix``), so edits do not pile up files."""
    try:
        for old in directory.glob(prefix + "*"):
            if old != keep:
                old.unlink()  # a symlink is removed itself, never its target
    except OSError:
        pass
