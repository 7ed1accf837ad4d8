"""``kanclint FOLDER`` on several processes prints exactly what a serial run prints, as it goes."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import subprocess
import struct
import sys
import termios
import textwrap
from pathlib import Path

import pytest

TEXTS = [
    "Ждём всех на празднике!!! Приходите с детьми.\n",
    "Администрация района провела совещание по вопросам благоустройства.\n\nДоводим до вашего сведения, "
    "что в целях улучшения качества обслуживания осуществляется ремонт.\n",
    "Привет! Завтра открываем каток в парке. Коньки можно взять напрокат.\n",
    "В рамках реализации программы состоялось торжественное открытие. СМИ и МФЦ приглашены.\n",
    "Hello world, this text is not Russian at all.\n",
    "!!! 😀 123\n",
]


def kanclint(*args: str, cwd: Path, **kw) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "kanclint", *args], cwd=cwd, capture_output=True, timeout=300, **kw)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    posts = tmp_path / "posts"
    (posts / "sub").mkdir(parents=True)
    for i in range(14):
        target = posts / ("sub" if i % 3 == 0 else "") / f"post-{i:02d}.txt"
        target.write_text(TEXTS[i % len(TEXTS)] + f"Номер {i}.\n", encoding="utf-8")
    (posts / "broken.txt").write_bytes(b"\x00\x01\x02binary\xff\xfe" * 20)  # not checked: named on stderr
    return posts


@pytest.mark.parametrize("fmt", ["full", "full --color always", "json-lines", "github"])
def test_jobs_2_prints_exactly_what_jobs_1_prints(folder: Path, fmt: str) -> None:
    serial = kanclint("--isolated", "--jobs", "1", "--output-format", *fmt.split(), "--statistics", str(folder),
                      cwd=folder.parent)
    parallel = kanclint("--isolated", "--jobs", "2", "--output-format", *fmt.split(), "--statistics", str(folder),
                        cwd=folder.parent)
    assert serial.returncode == parallel.returncode == 2  # the binary file is an input error
    assert serial.stdout == parallel.stdout
    assert serial.stderr == parallel.stderr
    assert b"broken.txt" in parallel.stderr
    assert str(folder / "post-01.txt").encode() in parallel.stdout


def test_exit_code_of_findings_is_the_same(folder: Path) -> None:
    (folder / "broken.txt").unlink()
    codes = {kanclint("--isolated", "--jobs", str(j), str(folder), cwd=folder.parent).returncode for j in (1, 2, 3)}
    assert codes == {1}
    clean = folder.parent / "clean"
    clean.mkdir()
    for i in range(3):
        (clean / f"{i}.txt").write_text(TEXTS[2], encoding="utf-8")
    assert kanclint("--isolated", "--jobs", "2", "--fail-on", "error", str(clean), cwd=folder.parent).returncode == 0


def test_default_jobs_matches_serial_and_a_bad_jobs_value_is_a_usage_error(folder: Path) -> None:
    serial = kanclint("--isolated", "--jobs", "1", str(folder), cwd=folder.parent)
    default = kanclint("--isolated", str(folder), cwd=folder.parent)
    assert default.stdout == serial.stdout and default.returncode == serial.returncode
    bad = kanclint("--isolated", "--jobs", "0", str(folder), cwd=folder.parent)
    assert bad.returncode == 2 and not bad.stdout


def test_config_errors_stop_before_any_output(folder: Path) -> None:
    (folder / "sub" / "kanclint.toml").write_text("select = 5\n", encoding="utf-8")
    result = kanclint("--jobs", "2", str(folder), cwd=folder.parent)
    assert result.returncode == 2
    assert result.stdout == b""
    assert b"kanclint.toml" in result.stderr


def test_no_progress_on_a_pipe(folder: Path) -> None:
    result = kanclint("--isolated", "--jobs", "2", "--output-format", "concise", str(folder), cwd=folder.parent)
    assert b"\r" not in result.stderr and b"\x1b" not in result.stderr
    assert all(line.startswith(b"kanclint: ") for line in result.stderr.splitlines())


def test_progress_goes_to_a_terminal_on_stderr_only(folder: Path) -> None:
    """stderr on a pseudo-terminal gets the bar (the run takes over a second: dictionaries load); stdout does not."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a terminal 100 columns wide
    proc = subprocess.Popen([sys.executable, "-m", "kanclint", "--isolated", "--jobs", "2", "--output-format",
                             "concise", str(folder)], cwd=folder.parent, stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    seen = b""
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    stdout = proc.stdout.read() if proc.stdout else b""
    proc.wait(timeout=60)
    os.close(master)
    serial = kanclint("--isolated", "--jobs", "1", "--output-format", "concise", str(folder), cwd=folder.parent)
    assert stdout == serial.stdout
    assert b"kanclint:" in seen and b"%|" in seen and "/15 [".encode() in seen  # 14 posts and the binary file
    assert "файл/s".encode() in seen or "s/ файл".encode() in seen


def test_a_crash_in_a_worker_is_exit_2_with_a_short_message(folder: Path) -> None:
    script = textwrap.dedent(f"""
        import kanclint.cli as cli
        def lint(*args, **kwargs):  # the same name: workers look the method up by it
            raise MemoryError("no room")
        cli.Linter.lint = lint
        cli.main(["--isolated", "--jobs", "2", {str(folder)!r}])
    """)
    proc = subprocess.run([sys.executable, "-c", script], cwd=folder.parent, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 2
    assert "внутренняя ошибка (MemoryError: no room)" in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stdout == ""
