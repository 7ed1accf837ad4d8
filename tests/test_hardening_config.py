"""Hostile configuration and API use (issue #9): a gate must never pass on a config it could not read."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import kanclint
from kanclint import Config, ConfigError
from kanclint.cli import main
from kanclint.engine.config import find_config_file, from_mapping, load_config
from kanclint.engine.suppression import read_ignore_file

CLEAN = "Ждём всех на празднике! Приходите с детьми.\n"
TIMEOUT = 180


def kanclint_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kanclint", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=TIMEOUT)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- broken pyproject.toml is an error, never skipped in favour of a parent ------------------------------

def test_broken_tool_table_fails_the_gate_instead_of_using_the_parent_config(tmp_path):
    write(tmp_path / "kanclint.toml", "fail-under = 1.0\n")  # a lax parent
    write(tmp_path / "team" / "pyproject.toml", "[tool.kanclint]\nfail-under = 9.9\nignore = ['KC401'\n")
    draft = write(tmp_path / "team" / "post.txt", CLEAN)
    result = kanclint_cli("gate", str(draft), cwd=tmp_path)
    assert result.returncode == 2, result.stdout
    assert "pyproject.toml" in result.stderr and "TOML" in result.stderr
    assert "✓" not in result.stdout


@pytest.mark.parametrize("content, message", [
    ("[project\nname = 'x'\n", "не удалось прочитать TOML"),
    ("tool = 5\n", "`tool` должен быть таблицей"),
    ("[tool]\nkanclint = 'on'\n", "`tool.kanclint` должен быть таблицей"),
    ("x = " + "[" * 5000 + "]" * 5000 + "\n", "слишком глубокая вложенность"),
])
def test_a_pyproject_on_the_way_up_that_cannot_be_read_is_an_error(tmp_path, content, message):
    write(tmp_path / "pyproject.toml", content)
    draft = write(tmp_path / "posts" / "a.txt", CLEAN)
    with pytest.raises(ConfigError, match=message) as info:
        find_config_file(draft)
    assert "pyproject.toml" in str(info.value)


@pytest.mark.parametrize("content, message", [
    ("tool = 5\n", "`tool` должен быть таблицей"),
    ("ignore = [1]\n", "`ignore` должен быть списком строк"),
    ("select = 'KC4'\nplatform = 5\n", "`platform`"),
    ("x = " + "[" * 5000 + "]" * 5000 + "\n", "слишком глубокая вложенность"),
    ("[severity]\nKC999 = 'error'\n", "severity.KC999"),
    ("[severity]\nno-such-rule = 'error'\n", "severity.no-such-rule"),
    ("[rule-options.long-sentence]\nwarning-words = 40\n", "warning-words (40) больше, чем error-words (35)"),
    ("[rule-options.KC403]\nwarning-words = 30\nerror-words = 25\n", "warning-words (30) больше"),
])
def test_wrong_types_and_values_in_kanclint_toml_name_the_file_and_key(tmp_path, content, message):
    path = write(tmp_path / "kanclint.toml", content)
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")) as info:
        load_config(path)
    assert "kanclint.toml" in str(info.value)


def test_severity_accepts_codes_in_any_case_names_and_categories():
    cfg = from_mapping({"severity": {"kc401": "error", "long-sentence": "info", "readability": "warning"}})
    assert set(cfg.severity) == {"KC401", "long-sentence", "readability"}


def test_warning_equal_to_error_is_allowed():
    cfg = from_mapping({"rule-options": {"long-sentence": {"warning-words": 35}}})
    assert cfg.rule_options == {"KC403": {"warning-words": 35}}


def test_a_later_layer_cannot_invert_the_thresholds():
    base = from_mapping({"rule-options": {"long-sentence": {"error-words": 50, "warning-words": 40}}})
    with pytest.raises(ConfigError, match="командная строка"):
        from_mapping({"rule-options": {"long-sentence": {"error-words": 30}}}, "командная строка", base)


def test_unreadable_config_is_a_message_naming_the_file(tmp_path, monkeypatch):
    path = write(tmp_path / "kanclint.toml", "select = ['ALL']\n")
    real = Path.read_bytes

    def read_bytes(self):  # root ignores chmod, so refuse the way the kernel would for a user
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    with pytest.raises(ConfigError, match="нет прав на чтение") as info:
        load_config(path)
    assert str(path) in str(info.value)


def test_config_that_is_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "kanclint.toml"
    os.mkfifo(fifo)
    draft = write(tmp_path / "a.txt", CLEAN)
    result = kanclint_cli("--config", str(fifo), str(draft), cwd=tmp_path)
    assert result.returncode == 2 and "не обычный файл" in result.stderr


def test_cli_config_errors_are_exit_2_without_traceback(tmp_path):
    write(tmp_path / "pyproject.toml", "tool = 5\n")
    draft = write(tmp_path / "a.txt", CLEAN)
    result = kanclint_cli(str(draft), cwd=tmp_path)
    assert result.returncode == 2 and "`tool`" in result.stderr and "Traceback" not in result.stderr


# -- ignore file ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("content, message", [
    ("ignore = [1]\n", "запись 1: ожидается таблица"),
    ("ignore = 5\n", "`ignore` должен быть списком"),
    ("[[ignore]]\npath = 'a.txt'\ncode = 401\nmatch = '!!!'\nfingerprint = 'x'\n", "`code` должен быть строкой"),
    ("[[ignore]]\npath = 'a.txt'\ncode = 'KC401'\nmatch = '!!!'\nfingerprint = 'x'\ncolour = 'red'\n", "colour"),
    ("ignored = []\n", "неизвестный ключ `ignored`"),
    ("x = " + "[" * 5000 + "]" * 5000 + "\n", "слишком глубокая вложенность"),
])
def test_wrong_types_in_the_ignore_file_name_the_file(tmp_path, content, message):
    path = write(tmp_path / ".kanclint-ignore.toml", content)
    with pytest.raises(ConfigError, match=message) as info:
        read_ignore_file(path)
    assert ".kanclint-ignore.toml" in str(info.value)


def test_broken_ignore_file_is_exit_2_in_the_cli(tmp_path):
    write(tmp_path / ".kanclint-ignore.toml", "ignore = [1]\n")
    write(tmp_path / "kanclint.toml", "select = ['KC401']\n")
    draft = write(tmp_path / "a.txt", "Ждём всех!!!\n")
    result = kanclint_cli(str(draft), cwd=tmp_path)
    assert result.returncode == 2 and ".kanclint-ignore.toml" in result.stderr and "Traceback" not in result.stderr


# -- the Python API validates like the CLI -----------------------------------------------------------------

def test_config_accepts_lists_and_normalises_them_to_tuples():
    cfg = Config(ignore=["KC101"], select=["KC1", "KC4"], allow=["ждём"], per_file_ignores={"*.md": ["KC401"]})
    assert cfg.ignore == ("KC101",) and cfg.select == ("KC1", "KC4") and cfg.allow == ("ждём",)
    assert cfg.per_file_ignores == {"*.md": ("KC401",)}
    text = "В данном случае ждём всех!!!"
    assert {"KC101", "KC401"} <= {d.code for d in kanclint.lint(text).diagnostics}
    assert {d.code for d in kanclint.lint(text, config=cfg).diagnostics} == {"KC401"}
    assert kanclint.lint(text, config=cfg, path="post.md").diagnostics == ()
    hash(cfg.ignore)  # the selection cache needs hashable selectors


@pytest.mark.parametrize("kwargs, message", [
    ({"platform": "telegramm"}, "platform"),
    ({"ignore": ["KC999"]}, "KC999"),
    ({"select": ("ZZ",)}, "ZZ"),
    ({"ignore": [1]}, "списком строк"),
    ({"severity": {"KC999": "error"}}, "KC999"),
    ({"severity": {"KC401": "loud"}}, "loud"),
    ({"fail_on": "fatal"}, "fail-on"),
    ({"fail_under": 11}, "fail-under"),
    ({"skip": ["comments"]}, "skip"),
    ({"rule_options": {"long-sentence": {"warning-words": 99}}}, "warning-words"),
])
def test_config_rejects_what_a_file_would_be_refused_for(kwargs, message):
    with pytest.raises(ConfigError, match=message):
        Config(**kwargs)


def test_config_normalises_severity_strings():
    cfg = Config(severity={"kc401": "error"}, fail_on="error")
    assert cfg.severity == {"KC401": kanclint.Severity.ERROR} and cfg.fail_on is kanclint.Severity.ERROR
    assert [d.severity.value for d in kanclint.lint("Ждём!!!", config=cfg).diagnostics] == ["error"]


@pytest.mark.parametrize("min_score", [11, -1, "7", True])
def test_gate_rejects_a_threshold_outside_0_to_10(min_score):
    with pytest.raises(ValueError, match="min_score"):
        kanclint.gate(CLEAN, min_score=min_score)


def test_gate_accepts_the_ends_of_the_range():
    assert kanclint.gate(CLEAN, min_score=0).passed and kanclint.gate(CLEAN, min_score=10).min_score == 10


@pytest.mark.parametrize("text, why", [
    ("", "пустой"),
    ("   \n\t ", "пустой"),
    ("🎉🎉🎉 !!! 2026", "нет слов"),
    ("Join us at the city park this Saturday for music, food and games for the whole family!", "не на русском"),
])
def test_gate_never_passes_what_it_cannot_judge(text, why):
    verdict = kanclint.gate(text, min_score=0)
    assert not verdict.passed and why in verdict.explanation


def test_gate_passes_a_russian_post_with_links_and_hashtags():
    text = "Ждём всех на празднике в парке! Подробности: https://example.org/fest-2026 #праздник @cityhall"
    assert kanclint.gate(text).passed


@pytest.mark.parametrize("value, message", [(None, "NoneType"), (b"\xd0\x9f", "bytes"), (42, "int")])
def test_lint_and_fix_reject_non_strings_with_a_clear_type_error(value, message):
    with pytest.raises(TypeError, match=message):
        kanclint.lint(value)
    with pytest.raises(TypeError, match="строкой"):
        kanclint.fix(value)


# -- help in Russian -----------------------------------------------------------------------------------------

def all_commands(group: click.Group, prefix: tuple[str, ...] = ()):
    yield prefix, group
    for name, cmd in group.commands.items():
        if isinstance(cmd, click.Group):
            yield from all_commands(cmd, (*prefix, name))
        else:
            yield (*prefix, name), cmd


def test_every_command_and_option_has_russian_help():
    runner = CliRunner()
    for path, cmd in all_commands(main):
        out = runner.invoke(main, [*path, "--help"]).output
        for english in ("Usage:", "Options:", "Commands:", "Show this message", "Show the version", "[OPTIONS]",
                        "TEXT", "FLOAT", "FILE", "PATH", "default:"):
            assert english not in out, (path, english, out)
        assert "Использование:" in out and "Параметры:" in out, path
        assert cmd.help and any("а" <= c <= "я" for c in cmd.help.lower()), path
        for param in cmd.params:
            if isinstance(param, click.Option):
                assert param.help and any("а" <= c <= "я" for c in param.help.lower()), (path, param.name)


def test_top_level_help_in_a_real_process(tmp_path):
    result = kanclint_cli("--help", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.startswith("Использование: ")
    assert "Показать эту справку и выйти." in result.stdout and "Show" not in result.stdout
