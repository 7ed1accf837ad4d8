"""--fix, --diff, --show-fixes: atomic writes that keep encoding, line endings and permissions."""

import os

import pytest
from click.testing import CliRunner

from kanclint.files import writer
from kanclint.cli import main
from kanclint.files.inputs import InputError, decode


def run(*args, input=None):
    return CliRunner().invoke(main, ["--isolated", "--select", "KC401", *args], input=input)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_fix_keeps_encoding_line_endings_and_mode(tmp_path, encoding, newline):
    text = newline.join(["Привет, соседи!!!", "Ждём всех во дворе!!", "Приходите, будет весело.", ""])
    path = tmp_path / "post.txt"
    path.write_bytes(text.encode(encoding))
    os.chmod(path, 0o640)
    result = run("--fix", str(path))
    assert result.exit_code == 0, result.output
    expected = text.replace("!!!", "!").replace("!!", "!")
    assert path.read_bytes() == expected.encode(encoding)
    assert oct(path.stat().st_mode & 0o777) == oct(0o640)
    # a second --fix changes nothing
    before = path.read_bytes()
    assert run("--fix", str(path)).exit_code == 0
    assert path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if ".kanclint" in p.name]  # no temporary file left


def test_diff_writes_nothing(tmp_path):
    path = tmp_path / "post.txt"
    path.write_text("Ждём всех!!!\n", encoding="utf-8")
    result = run("--diff", str(path))
    assert "-Ждём всех!!!" in result.output and "+Ждём всех!" in result.output
    assert path.read_text(encoding="utf-8") == "Ждём всех!!!\n"
    assert result.exit_code == 1  # the finding is still there


def test_show_fixes_and_stdin(tmp_path):
    result = run("--fix", "--show-fixes", "-", input="Ждём всех!!!")
    assert result.stdout.startswith("Ждём всех!")
    assert "KC401" in result.output


def test_file_changed_on_disk_is_not_overwritten(tmp_path):
    path = tmp_path / "post.txt"
    original = "Ждём всех!!!".encode()
    path.write_bytes(original)
    decoded = decode(original)
    path.write_text("Автор уже поправил текст.", encoding="utf-8")
    with pytest.raises(InputError, match="изменился"):
        writer.write_atomic(path, "Ждём всех!", decoded, original)
    assert path.read_text(encoding="utf-8") == "Автор уже поправил текст."
