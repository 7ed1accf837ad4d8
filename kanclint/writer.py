"""Writing fixed drafts back: atomically, in the file's own encoding, never over a newer file.

A post may be open in an editor while kanclint runs; if the file changed on
disk since we read it, we refuse to overwrite it rather than lose the author's
newer text.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .inputs import Decoded, InputError


def write_atomic(path: Path, text: str, decoded: Decoded, original: bytes) -> None:
    """Replace ``path`` with ``text`` encoded as ``decoded`` was, if the file is still ``original``."""
    try:
        current = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: не удалось перечитать файл перед записью: {exc}") from None
    if current != original:
        raise InputError(f"{path}: файл изменился на диске во время проверки, исправления не записаны")
    data = text.encode(decoded.encoding)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".kanclint", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        shutil.copymode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
