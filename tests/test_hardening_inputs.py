"""Hostile inputs (issue #9): special files, odd paths, encodings, size, folder walking, exit codes.

CLI tests run the real ``kanclint`` process on real files, FIFOs and symlinks.
"""

from __future__ import annotations

import io
import json
import os
import resource
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from kanclint.files import discovery
from kanclint.files import inputs
from kanclint.files.discovery import collect
from kanclint.files.inputs import MAX_BYTES, InputError, decode, read_file

SHOUT = "Ждём всех на празднике!!!\n"
TIMEOUT = 180  # a hang (FIFO, /dev/urandom) fails the test instead of blocking the suite
MEMORY = 8 * 1024**3  # reading /dev/zero must fail the test, not exhaust a shared machine


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def kanclint(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, "-m", "kanclint", *args], cwd=cwd, input=stdin,
                          capture_output=True, timeout=TIMEOUT, preexec_fn=_limit_memory)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode("utf-8"),
                                       proc.stderr.decode("utf-8"))


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


# -- special files and odd paths, in one real process ------------------------------------------

def test_special_files_and_odd_paths_are_named_exit_2_and_the_rest_still_checked(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    os.symlink("loop", tmp_path / "loop")
    os.symlink("nowhere.txt", tmp_path / "dangling.txt")
    write(tmp_path / "late-nul.txt", "Привет всем. " * 800 + "\x00" + "конец")  # NUL after 8 KiB
    write(tmp_path / "mixed.txt", "Ждём всех на празднике.\n".encode("utf-8")
          + "Приходите с детьми, будет весело.\n".encode("cp1251"))
    write(tmp_path / "good.txt", SHOUT)
    args = ["/dev/zero", "pipe.txt", "/dev/urandom", "loop", "dangling.txt", "", "late-nul.txt", "mixed.txt",
            "good.txt"]
    result = kanclint("--isolated", "--output-format", "concise", *args, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    err = result.stderr.splitlines()
    expected = {
        "/dev/zero": "не обычный файл", "pipe.txt": "не обычный файл", "/dev/urandom": "не обычный файл",
        "loop": "петлю", "dangling.txt": "ссылка ведёт на файл, которого нет", "пустой путь": "пустой путь",
        "late-nul.txt": "двоичный", "mixed.txt": "смешаны кодировки",
    }
    for name, message in expected.items():
        assert any(name in line and message in line for line in err), (name, result.stderr)
    assert "good.txt:1:23: KC401" in result.stdout  # the good file, given last, was still checked
    assert result.stdout.count("KC401") == 1  # the empty path did not scan the working folder


def test_empty_path_does_not_scan_the_working_folder():
    found = collect([""])
    assert found.files == [] and found.errors and "пустой путь" in found.errors[0][1]


def test_a_device_is_refused_as_such(monkeypatch):
    # /dev/null only: an endless device read in-process would exhaust memory (the CLI test covers those)
    monkeypatch.setattr(inputs, "open", lambda *a, **k: pytest.fail("opened a device"), raising=False)
    with pytest.raises(InputError, match="не обычный файл"):
        read_file(Path("/dev/null"))


def test_fifo_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    outcome: list[BaseException] = []

    def read() -> None:  # opening a FIFO with no writer blocks forever: keep that off the test's thread
        try:
            read_file(tmp_path / "pipe.txt")
        except BaseException as exc:
            outcome.append(exc)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(30)
    assert not reader.is_alive(), "blocked on the FIFO"
    assert isinstance(outcome[0], InputError) and "не обычный файл" in str(outcome[0])


def test_symlink_loop_is_not_called_missing(tmp_path):
    os.symlink("b", tmp_path / "a")
    os.symlink("a", tmp_path / "b")
    found = collect([str(tmp_path / "a")])
    assert "петлю" in found.errors[0][1] and "не найден" not in found.errors[0][1]


# -- size limit, checked before reading ----------------------------------------------------------

def test_size_limit_is_checked_from_stat_before_reading(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # sparse: nothing to read, only the size says no
    real_open = io.open

    def guarded_open(file, *args, **kwargs):
        if isinstance(file, (str, bytes, os.PathLike)) and Path(os.fsdecode(file)) == big:
            pytest.fail("opened a file over the limit")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", guarded_open)  # Path.read_bytes and friends
    monkeypatch.setattr(inputs, "open", guarded_open, raising=False)
    with pytest.raises(InputError, match="слишком большой"):
        read_file(big)


def test_stdin_reads_at_most_the_limit_and_one_byte(tmp_path):
    class Stream:
        asked: list[int] = []

        def read(self, n: int = -1) -> bytes:
            self.asked.append(n)
            return b"a" * (n if n > 0 else 10 * MAX_BYTES)

    with pytest.raises(InputError, match="больше 5 МБ"):
        inputs.read_stream(Stream())  # type: ignore[arg-type]
    assert Stream.asked == [MAX_BYTES + 1]


def test_huge_stdin_is_exit_2(tmp_path):
    result = kanclint("--isolated", "-", cwd=tmp_path, stdin=b"a" * (MAX_BYTES + 10))
    assert result.returncode == 2 and "больше 5 МБ" in result.stderr


# -- encodings --------------------------------------------------------------------------------------

def test_nul_byte_after_8_kib_is_binary():
    with pytest.raises(InputError, match="двоичный"):
        decode(("Привет. " * 1200).encode("utf-8") + b"\x00tail")


@pytest.mark.parametrize("codec, bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_utf16_with_bom_is_text_and_encodes_back_byte_for_byte(codec, bom):
    text = "Привет!\r\nЖдём всех на празднике!!!\r\n"
    data = bom + text.encode(codec)
    decoded = decode(data, "notepad.txt")
    assert decoded.text == text and decoded.encoding == "utf-16" and decoded.bom == bom
    assert decoded.encode(decoded.text) == data
    assert decoded.encode("Ждём!") == bom + "Ждём!".encode(codec)


def test_utf16_file_is_checked_by_the_cli(tmp_path):
    path = write(tmp_path / "unicode.txt", b"\xff\xfe" + "Привет!\r\nЖдём всех на празднике!!!\r\n".encode("utf-16-le"))
    result = kanclint("--isolated", "--output-format", "json", str(path), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    d = json.loads(result.stdout)["files"][0]["diagnostics"][0]
    assert (d["line"], d["column"], d["match"]) == (2, 23, "!!!")


def test_utf8_mixed_with_cp1251_is_refused_but_pure_cp1251_is_read():
    utf8 = "Ждём всех на празднике. Будут концерт и ярмарка.\n".encode("utf-8")
    cp1251 = "Приходите с детьми, будет весело. Начало в полдень.\n".encode("cp1251")
    with pytest.raises(InputError, match="смешаны кодировки UTF-8 и Windows-1251"):
        decode(utf8 + cp1251, "mixed.txt")
    assert decode(cp1251 * 3).encoding == "cp1251"
    # «С» and «Р» before a quote or a dash are the only UTF-8-looking pairs real cp1251 text has
    assert decode("«Сказка» — «Р»; С— Р«мир». Приходите с детьми, будет весело.".encode("cp1251")).encoding == "cp1251"


# -- folder walking ------------------------------------------------------------------------------------

def make_project(root: Path) -> None:
    write(root / "posts" / "a.txt", SHOUT)
    write(root / "posts" / "sub" / "b.md", SHOUT)
    write(root / "posts" / "photo.jpg", b"\xff\xd8\xff")
    write(root / ".hidden" / "c.txt", SHOUT)
    write(root / ".venv" / "lib" / "d.txt", SHOUT)
    write(root / "venv" / "e.txt", SHOUT)
    write(root / "env2" / "pyvenv.cfg", "home = /usr/bin\n")
    write(root / "env2" / "f.txt", SHOUT)
    write(root / "node_modules" / "pkg" / "README.md", SHOUT)
    write(root / "__pycache__" / "g.txt", SHOUT)
    write(root / ".gitignore", "build/\n*.draft.txt\n/top-only.txt\n")
    write(root / "build" / "h.txt", SHOUT)
    write(root / "posts" / "old.draft.txt", SHOUT)
    write(root / "top-only.txt", SHOUT)
    write(root / "posts" / "top-only.txt", SHOUT)  # anchored pattern: only the top one is ignored
    write(root / "posts" / ".gitignore", "sub/\n!keep.draft.txt\n")
    write(root / "posts" / "keep.draft.txt", SHOUT)  # re-included by the deeper .gitignore


def test_folder_scan_skips_hidden_venvs_and_gitignored_like_ruff(tmp_path):
    make_project(tmp_path)
    result = kanclint("--isolated", "--output-format", "json", ".", cwd=tmp_path)
    files = sorted(Path(f["path"]).as_posix() for f in json.loads(result.stdout)["files"])
    assert files == ["posts/a.txt", "posts/keep.draft.txt", "posts/top-only.txt"], result.stderr


def test_gitignore_above_the_scanned_folder_applies_inside_a_repository(tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".gitignore", "drafts/\n")
    write(tmp_path / "site" / "drafts" / "x.txt", SHOUT)
    write(tmp_path / "site" / "y.txt", SHOUT)
    found = collect([str(tmp_path / "site")])
    assert [Path(f).name for f in found.files] == ["y.txt"]


def test_explicit_paths_are_taken_even_when_ignored(tmp_path):
    make_project(tmp_path)
    found = collect([str(tmp_path / "build" / "h.txt"), str(tmp_path / ".venv")])
    assert [Path(f).name for f in found.files] == ["h.txt", "d.txt"]


def test_unreadable_folder_is_named_not_skipped(tmp_path, monkeypatch):
    write(tmp_path / "ok" / "a.txt", SHOUT)
    locked = tmp_path / "locked"
    write(locked / "b.txt", SHOUT)
    real_scandir = os.scandir

    def scandir(path):  # permissions do not stop root, so refuse the way the kernel would
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = collect([str(tmp_path)])
    assert [Path(f).name for f in found.files] == ["a.txt"]
    assert found.errors == [(str(locked), f"{locked}: нет прав на чтение")]


def test_unreadable_folder_makes_the_cli_exit_2(tmp_path):
    """A real process whose os.scandir refuses one folder (as chmod 000 would for a non-root user)."""
    write(tmp_path / "posts" / "a.txt", "Ждём всех на празднике! Приходите с детьми.\n")
    write(tmp_path / "posts" / "locked" / "b.txt", SHOUT)
    script = textwrap.dedent("""
        import os, sys
        real = os.scandir
        def scandir(path):
            if os.path.basename(os.fspath(path)) == "locked":
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return real(path)
        os.scandir = scandir
        from kanclint.cli import main
        main(["--isolated", "posts"])
    """)
    proc = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True,
                          timeout=TIMEOUT, preexec_fn=_limit_memory)
    assert proc.returncode == 2 and "locked: нет прав на чтение" in proc.stderr, proc.stderr


# -- nothing to check ------------------------------------------------------------------------------------

def test_nothing_to_check_is_said_check_exits_0_and_gate_exits_2(tmp_path):
    (tmp_path / "empty").mkdir()
    write(tmp_path / "docs" / "post.docx", b"PK\x03\x04")
    result = kanclint("--isolated", "empty", cwd=tmp_path)
    assert result.returncode == 0 and "нет черновиков" in result.stderr and "empty" in result.stderr
    result = kanclint("--isolated", "docs", cwd=tmp_path)
    assert result.returncode == 0 and "других форматов пропущено: 1" in result.stderr
    result = kanclint("gate", "--isolated", "docs", cwd=tmp_path)
    assert result.returncode == 2 and "нет черновиков" in result.stderr


# -- crashes are exit 2, never 1 -----------------------------------------------------------------------

def test_unexpected_exception_is_exit_2_with_a_short_message(tmp_path):
    path = write(tmp_path / "a.txt", SHOUT)
    script = textwrap.dedent(f"""
        import kanclint.cli as cli
        def boom(*args, **kwargs):
            raise MemoryError("no room")
        cli.Linter.lint = boom
        cli.main(["--isolated", {str(path)!r}])
    """)
    proc = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True,
                          timeout=TIMEOUT)
    assert proc.returncode == 2
    assert "внутренняя ошибка (MemoryError: no room)" in proc.stderr and "Traceback" not in proc.stderr


def test_discovery_counts_other_formats(tmp_path):
    write(tmp_path / "a.txt", SHOUT)
    write(tmp_path / "b.docx", b"PK")
    write(tmp_path / "c.pdf", b"%PDF")
    found = discovery.collect([str(tmp_path)])
    assert [Path(f).name for f in found.files] == ["a.txt"] and found.skipped == 2


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit"])
def test_files_not_checked_are_named_on_stderr_in_machine_formats_too(tmp_path, fmt):
    write(tmp_path / "photo.txt", b"\x89PNG\x00\x00\x00")
    result = kanclint("--isolated", "--output-format", fmt, "photo.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "photo.txt: похоже на двоичный файл" in result.stderr
    assert "photo.txt" in result.stdout  # and still reported in the machine output
