import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from kanclint.cli import main

SHOUT = "Ждём всех на празднике!!!\n"
CLEAN = "Ждём всех на празднике! Приходите с детьми.\n"


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def invoke(*args, input=None):
        return CliRunner().invoke(main, ["--isolated", *args] if args and args[0] not in (
            "rules", "rule", "config", "dictionaries") else list(args), input=input)

    return invoke


def write(path, data):
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return str(path)


def test_exit_codes_clean_findings_and_exit_zero(run, tmp_path):
    assert run(write(tmp_path / "ok.txt", CLEAN)).exit_code == 0
    bad = write(tmp_path / "bad.txt", SHOUT)
    assert run(bad).exit_code == 1
    assert run(bad, "--exit-zero").exit_code == 0
    assert run(bad, "--fail-on", "error").exit_code == 0
    assert run(bad, "--ignore", "KC401").exit_code == 0


def test_fail_under(run, tmp_path):
    ok = write(tmp_path / "ok.txt", CLEAN)
    assert run(ok, "--fail-under", "9.5").exit_code == 0
    bad = write(tmp_path / "bad.txt", "Администрация района провела совещание по вопросам благоустройства.\n")
    assert run(bad, "--fail-on", "error", "--fail-under", "9.5").exit_code == 1


def test_full_output_underlines_the_finding_after_emoji(run, tmp_path):
    result = run(write(tmp_path / "a.txt", "😀 Ждём всех!!!"))
    lines = result.output.splitlines()
    head = next(l for l in lines if "KC401" in l)
    assert head.startswith(f"{tmp_path / 'a.txt'}:1:12: KC401 [warning]")
    src = next(l for l in lines if "| 😀" in l)
    marks = lines[lines.index(src) + 1]
    # the emoji is two columns wide in a terminal, so the carets start one column further
    assert marks.index("^") - marks.index("|") == src.index("!!!") - src.index("|") + 1
    assert "оценка" in result.output


def test_concise_and_json(run, tmp_path):
    path = write(tmp_path / "a.txt", "Привет!\n😀 Ждём всех!!!")
    out = run(path, "--output-format", "concise").output
    assert f"{path}:2:12: KC401 [warning]" in out
    data = json.loads(run(path, "--output-format", "json").output)
    assert data["schema"] == "kanclint/1"
    f = data["files"][0]
    d = f["diagnostics"][0]
    text = (tmp_path / "a.txt").read_text(encoding="utf-8")
    assert text[d["start"]:d["end"]] == d["match"] == "!!!"
    assert (d["line"], d["column"]) == (2, 12)
    assert d["fix"]["applicability"] == "safe" and d["suggestions"] == []
    assert {"path", "score", "categories", "diagnostics"} <= f.keys()


def test_stdin_and_folders(run, tmp_path):
    assert run("-", input=SHOUT).exit_code == 1
    folder = tmp_path / "posts"
    (folder / "sub").mkdir(parents=True)
    write(folder / "a.txt", CLEAN)
    write(folder / "sub" / "b.md", SHOUT)
    write(folder / "image.png", b"\x89PNG\x00\x00")
    data = json.loads(run(str(folder), "--output-format", "json").output)
    assert sorted(f["path"].rsplit("/", 1)[1] for f in data["files"]) == ["a.txt", "b.md"]


@pytest.mark.parametrize(
    "data, message",
    [
        (b"\x00\x01\x02binary\x00", "двоичный"),
        (b"", "пустой"),
        (b"   \n\n", "пустой"),
        ("Ελληνικά κείμενα εδώ".encode("iso-8859-7"), "кодировка"),
    ],
)
def test_bad_input_is_exit_2_with_a_message_and_other_files_still_checked(run, tmp_path, data, message):
    bad = write(tmp_path / "bad.txt", data)
    good = write(tmp_path / "good.txt", SHOUT)
    result = run(bad, good, "--output-format", "concise")
    assert result.exit_code == 2
    assert message in result.output and "bad.txt" in result.output
    assert "KC401" in result.output  # the good file was still checked


def test_missing_file(run, tmp_path):
    result = run(str(tmp_path / "nope.txt"))
    assert result.exit_code == 2 and "не найден" in result.output


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251"])
def test_encodings_and_crlf(run, tmp_path, encoding):
    text = "Привет!\r\nЖдём всех на празднике!!!\r\n"
    path = write(tmp_path / "a.txt", text.encode(encoding))
    data = json.loads(run(path, "--output-format", "json").output)
    d = data["files"][0]["diagnostics"][0]
    assert (d["line"], d["column"], d["match"]) == (2, 23, "!!!")


def test_statistics(run, tmp_path):
    out = run(write(tmp_path / "a.txt", SHOUT + SHOUT), "--statistics").output
    assert "2\tKC401\t[*] repeated-exclamation" in out


def test_rules_rule_and_config_show(run, tmp_path):
    out = run("rules").output
    assert "KC401" in out and "repeated-exclamation" in out
    out = run("rule", "KC401").output
    for section in ("Что ищет", "Чем вредит посту", "Пример", "Как лучше"):
        assert section in out
    assert run("rule", "KC999").exit_code == 2
    (tmp_path / "kanclint.toml").write_text("ignore = ['KC401']\n", encoding="utf-8")
    shown = json.loads(run("config", "show").output)
    assert shown["ignore"] == ["KC401"] and shown["source"].endswith("kanclint.toml")


def test_config_error_is_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kanclint.toml").write_text("colour = 'red'\n", encoding="utf-8")
    path = write(tmp_path / "a.txt", CLEAN)
    result = CliRunner().invoke(main, [path])
    assert result.exit_code == 2 and "colour" in result.output and "kanclint.toml" in result.output


def test_python_dash_m(tmp_path):
    path = write(tmp_path / "a.txt", SHOUT)
    proc = subprocess.run([sys.executable, "-m", "kanclint", "--isolated", "--output-format", "concise", path],
                          capture_output=True, text=True)
    assert proc.returncode == 1 and "KC401" in proc.stdout
