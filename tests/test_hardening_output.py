"""Issue #9, output side: nothing from a post drives the terminal, long lines print a window,
colour only where asked, json-lines has a line per file."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import kanclint
from kanclint.output import WINDOW, format_full, printable, use_color


def kanclint_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "kanclint", "--isolated", *args],
                          capture_output=True, text=True, encoding="utf-8", env=full_env, timeout=300)


def underlined(lines: list[str]) -> set[str]:
    """The text above the carets of every source line of line 1 in full output."""
    found = set()
    for src, marks in zip(lines, lines[1:]):
        if src.startswith("   1 | ") and "^" in marks:
            bar = marks.index("|")
            assert src.index("|") == bar
            found.add(src[marks.index("^") : marks.rindex("^") + 1])
    return found


ESCAPES = "\x1b[31mкрасный\x1b[0m \x1b]0;заголовок\x07 \x1b]8;;https://evil.example\x1b\\ссылка\x1b]8;;\x1b\\ \r\x08"


def test_escape_sequences_in_a_post_never_reach_the_terminal(tmp_path):
    post = tmp_path / "post.txt"
    # a long post: kanclint reads a short text with this many control characters as a binary file
    tail = "Приходите с детьми, будет весело и вкусно.\n\n" * 50
    post.write_text(f"Мы ждём {ESCAPES} вас, следует отметить, что вход свободный!!!\n\n{tail}", encoding="utf-8")
    done = kanclint_cli(str(post), "--color", "never")
    assert done.returncode == 1
    out = done.stdout
    for bad in ("\x1b", "\x07", "\x08", "\r"):
        assert bad not in out
    assert "␛]8;;https://evil.example␛\\" in out and "␇" in out
    # carets stay under the matches: one placeholder per control character
    assert {"следует отметить, что", "!!!"} <= underlined(out.splitlines())


def test_printable_keeps_length_and_replaces_every_control():
    text = "".join(chr(c) for c in range(0x20)) + "\x7f\x85\u202e\u2066\u2028 обычный текст 😀"
    shown = printable(text)
    assert len(shown) == len(text)
    assert not any(ch in shown for ch in text[:36] if ch != "\t")
    assert shown.endswith(" обычный текст 😀")


def test_a_long_line_prints_a_window_around_the_finding():
    filler = "Мы ждём вас во дворе, приходите с детьми. " * 1700  # ~70 KB on one line
    text = filler + "Следует отметить, что вход свободный!!! " + filler
    report = kanclint.lint(text)
    out = format_full(report)
    assert len(out) < 2000 * max(1, len(report.diagnostics))  # was the whole 140 KB line per finding
    lines = out.splitlines()
    sources = [line for line in lines if line.startswith("   1 | ")]
    assert sources and all(len(src) <= len("   1 | ") + WINDOW + 2 for src in sources)
    middle = [src for src in sources if "!!!" in src]
    assert middle and all(src.startswith("   1 | …") and src.endswith("…") for src in middle)
    assert {"Следует отметить, что", "!!!"} <= underlined(lines)


def test_a_finding_near_the_start_of_a_long_line_is_not_cut():
    text = "Данный пост. " + "Мы ждём вас во дворе. " * 100
    out = format_full(kanclint.lint(text))
    src = next(line for line in out.splitlines() if line.startswith("   1 | "))
    assert src.startswith("   1 | Данный пост.") and src.endswith("…")
    assert "Данный" in underlined(out.splitlines())


def test_colour_only_when_asked(tmp_path):
    post = tmp_path / "post.txt"
    post.write_text("Данный пост!!!\n", encoding="utf-8")
    always = kanclint_cli(str(post), "--color", "always")
    assert "\x1b[" in always.stdout and "Данный" in always.stdout
    assert "\x1b[" not in kanclint_cli(str(post)).stdout  # auto, and the pipe is no terminal
    no_color = kanclint_cli(str(post), "--color", "always", env={"NO_COLOR": "1"})
    assert "\x1b[" in no_color.stdout  # an explicit flag wins over NO_COLOR (no-color.org)


class FakeTerminal:
    def isatty(self) -> bool:
        return True


def test_auto_colour_follows_the_terminal_and_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_color("auto", FakeTerminal())
    assert not use_color("never", FakeTerminal())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color("auto", FakeTerminal())
    assert use_color("always", FakeTerminal())


def test_json_lines_has_a_line_for_every_file_with_its_score(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("Данный пост!!!\n", encoding="utf-8")
    clean = tmp_path / "clean.txt"
    clean.write_text("Привет! Ждём вас завтра во дворе.\n", encoding="utf-8")
    done = kanclint_cli("--output-format", "json-lines", str(bad), str(clean))
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    files = {r["path"]: r for r in rows if r["kind"] == "file"}
    assert set(files) == {str(bad), str(clean)}
    assert files[str(clean)]["findings"] == 0 and files[str(clean)]["score"] >= 9.0
    assert files[str(bad)]["score"] < files[str(clean)]["score"]
    assert files[str(bad)]["findings"] == sum(1 for r in rows if r["kind"] == "diagnostic") > 0
    assert isinstance(files[str(clean)]["metrics"]["words"], int)
    assert "diagnostics" not in files[str(bad)]
