"""Hardening of --fix, --diff, --add-ignore, plugin discovery and console output (issue #9).

Every test runs the real ``kanclint`` process on real files, symlinks and
folders in a temporary directory; the race and crash tests run kanclint with
one OS call wrapped, so the editor save or the kill lands exactly in the window.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from kanclint.files import writer
from kanclint.files.inputs import Decoded

SHOUT = "Ждём всех во дворе!!!\n"
FIXED = "Ждём всех во дворе!\n"
TEMP_NAME = re.compile(r"\..+\.kanclint-[a-z0-9_]{8}\.tmp")


def kanclint(*args: str, cwd: Path, input: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kanclint", *args], cwd=cwd, input=input, capture_output=True,
                          env={**os.environ, **(env or {})}, timeout=120)


def fix(path: Path, *extra: str, **kw) -> subprocess.CompletedProcess:
    return kanclint("--isolated", "--select", "KC401", "--fix", *extra, str(path), cwd=kw.pop("cwd", path.parent), **kw)


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if "kanclint" in p.name and p.name != ".kanclint-ignore.toml")


def run_patched(cwd: Path, patch: str, *args: str) -> subprocess.CompletedProcess:
    """kanclint in a real process with one OS call wrapped by ``patch`` (Python run before main)."""
    script = textwrap.dedent(patch) + textwrap.dedent(f"""
        sys.argv = ["kanclint", *{list(args)!r}]
        from kanclint.cli import main
        main()
    """)
    return subprocess.run([sys.executable, "-c", "import os, sys\n" + script], cwd=cwd, capture_output=True,
                          timeout=120)


# -- --fix - is a filter --------------------------------------------------------------------------------------
def test_stdin_fix_prints_only_the_fixed_text(tmp_path):
    result = kanclint("--isolated", "--select", "KC401", "--fix", "-", cwd=tmp_path, input=SHOUT.encode())
    assert result.stdout == FIXED.encode()
    assert "оценка" in result.stderr.decode()  # the report goes to stderr
    assert result.returncode == 0


def test_stdin_fix_echoes_unchanged_text_byte_for_byte(tmp_path):
    for data in (FIXED.encode(), "Ждём всех!\r\nПриходите.".encode("cp1251")):
        result = kanclint("--isolated", "--select", "KC401", "--fix", "-", cwd=tmp_path, input=data)
        assert result.stdout == data, result.stderr.decode()
        assert result.returncode == 0
    # text it cannot check comes back too, so an editor filter never wipes the buffer
    result = kanclint("--isolated", "--fix", "-", cwd=tmp_path, input=b"  \n\n")
    assert result.stdout == b"  \n\n" and result.returncode == 2
    assert "пустой текст" in result.stderr.decode()


def test_stdin_fix_keeps_the_input_encoding(tmp_path):
    data = "Ждём всех во дворе!!!\r\nПриходите всей семьёй.\r\n".encode("cp1251")
    result = kanclint("--isolated", "--select", "KC401", "--fix", "-", cwd=tmp_path, input=data)
    assert result.stdout == data.replace(b"!!!", b"!")


def test_stdin_fix_with_json_prints_only_json(tmp_path):
    result = kanclint("--isolated", "--select", "KC401", "--fix", "--output-format", "json", "-",
                      cwd=tmp_path, input=SHOUT.encode())
    data = json.loads(result.stdout)
    assert data["files"][0]["diagnostics"] == []


def test_diff_prints_only_the_diff(tmp_path):
    path = tmp_path / "post.txt"
    path.write_text(SHOUT, encoding="utf-8")
    result = kanclint("--isolated", "--select", "KC401", "--diff", "--show-fixes", str(path), cwd=tmp_path)
    out = result.stdout.decode()
    assert out.splitlines()[0].startswith("--- a/")
    assert all(line[:1] in "-+@ " for line in out.splitlines()), out
    assert "оценка" not in out and "KC401" not in out
    assert "KC401" in result.stderr.decode()  # --show-fixes goes beside the diff, not into it
    assert path.read_text(encoding="utf-8") == SHOUT
    assert result.returncode == 1


# -- --fix on disk ---------------------------------------------------------------------------------------------
def test_editor_save_between_temp_file_and_rename_is_kept(tmp_path):
    path = tmp_path / "post.txt"
    path.write_text(SHOUT, encoding="utf-8")
    author = "Автор сохранил новую версию!!!\n"
    # the first fsync is the one on kanclint's temporary file: the editor saves right after it
    result = run_patched(tmp_path, f"""
        real_fsync = os.fsync
        saved = []
        def fsync(fd):
            real_fsync(fd)
            if not saved:
                saved.append(1)
                with open({str(path)!r}, "w", encoding="utf-8") as fh:
                    fh.write({author!r})
        os.fsync = fsync
    """, "--isolated", "--select", "KC401", "--fix", str(path))
    assert path.read_text(encoding="utf-8") == author
    assert result.returncode == 2
    assert "изменился" in result.stderr.decode()
    assert temp_files(tmp_path) == []


def test_symlinked_file_fixes_the_target_and_keeps_the_link(tmp_path):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "post.txt"
    target.write_text(SHOUT, encoding="utf-8")
    link = tmp_path / "post-link.txt"
    link.symlink_to(target)
    result = fix(link)
    assert result.returncode == 0, result.stderr.decode()
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") == FIXED
    assert temp_files(tmp_path) == [] and temp_files(tmp_path / "real") == []


def test_hard_linked_file_stays_linked(tmp_path):
    path = tmp_path / "post.txt"
    path.write_text(SHOUT, encoding="utf-8")
    other = tmp_path / "copy.txt"
    os.link(path, other)
    result = fix(path)
    assert result.returncode == 0, result.stderr.decode()
    assert path.stat().st_ino == other.stat().st_ino and path.stat().st_nlink == 2
    assert other.read_text(encoding="utf-8") == FIXED


def test_read_only_file_is_refused(tmp_path):
    path = tmp_path / "post.txt"
    path.write_text(SHOUT, encoding="utf-8")
    path.chmod(0o444)
    result = fix(path)
    assert result.returncode == 2
    assert "только для чтения" in result.stderr.decode()
    assert path.read_text(encoding="utf-8") == SHOUT
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def test_owner_and_group_are_kept(tmp_path):
    path = tmp_path / "post.txt"
    path.write_text(SHOUT, encoding="utf-8")
    # as root the draft belongs to someone else; otherwise to us (then the owner must simply not change)
    uid, gid = (65534, 65534) if os.geteuid() == 0 else (os.getuid(), os.getgid())
    os.chown(path, uid, gid)
    path.chmod(0o664)
    result = fix(path)
    assert result.returncode == 0, result.stderr.decode()
    st = path.stat()
    assert (st.st_uid, st.st_gid) == (uid, gid)
    assert stat.S_IMODE(st.st_mode) == 0o664
    assert path.read_text(encoding="utf-8") == FIXED


@pytest.fixture
def without_root_powers():
    """A command prefix under which folder permissions apply: root ignores them, so drop those capabilities."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    assert setpriv, "running as root: util-linux setpriv is needed to drop CAP_DAC_OVERRIDE for this test"
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]


def test_read_only_folder_is_a_message_and_other_files_are_fixed(tmp_path, without_root_powers):
    locked, free = tmp_path / "locked", tmp_path / "free"
    for folder in (locked, free):
        folder.mkdir()
        (folder / "post.txt").write_text(SHOUT, encoding="utf-8")
    locked.chmod(0o555)
    try:
        result = subprocess.run(
            [*without_root_powers, sys.executable, "-m", "kanclint", "--isolated", "--select", "KC401", "--fix",
             str(locked / "post.txt"), str(free / "post.txt")], cwd=tmp_path, capture_output=True, timeout=120)
    finally:
        locked.chmod(0o755)
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert "Traceback" not in err and "нет прав на запись в папку" in err
    assert (locked / "post.txt").read_text(encoding="utf-8") == SHOUT
    assert (free / "post.txt").read_text(encoding="utf-8") == FIXED


PLUGIN = '''
from kanclint.model import Applicability, Edit, Fix, Severity
from kanclint.rules.base import Rule


class Tick(Rule):
    code = "TK101"
    name = "tick-mark"
    category = "evaluation"
    severity = Severity.WARNING
    title = "Галочка"
    what = "Слово «готово»."
    why = "Тест."
    example = "Готово."
    instead = "Готово ✓"

    def check(self, document):
        for t in document.words:
            if t.key == "готово":
                fix = Fix("Поставить галочку", (Edit(t.end, t.end, " ✓"),), Applicability.SAFE)
                yield self.diagnostic(document, t.start, t.end, "Добавьте галочку.", fix=fix)


RULES = [Tick]
'''


def test_cp1251_fix_that_cannot_be_encoded_is_skipped(tmp_path):
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    info = plugins / "kanclint_tick-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: kanclint-tick\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[kanclint.rules]\nTK = tick_rules\n", encoding="utf-8")
    (plugins / "tick_rules.py").write_text(PLUGIN, encoding="utf-8")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    path = drafts / "post.txt"
    text = "Каток готово принимать гостей!!!\r\nПриходите всей семьёй.\r\n"
    path.write_bytes(text.encode("cp1251"))
    result = kanclint("--isolated", "--select", "KC401", "--select", "TK101", "--fix", str(path), cwd=drafts,
                      env={"PYTHONPATH": str(plugins)})
    err = result.stderr.decode()
    assert "Traceback" not in err
    assert "TK101" in err and "U+2713" in err and "cp1251" in err
    assert path.read_bytes() == text.replace("!!!", "!").encode("cp1251")  # the other fix is written
    assert result.returncode == 1  # the tick finding is still there


@pytest.mark.parametrize("encoding, bom", [
    ("utf-16", codecs.BOM_UTF16_LE), ("utf-16", codecs.BOM_UTF16_BE), ("utf-16-le", b""), ("utf-8-sig", codecs.BOM_UTF8),
])
def test_writer_keeps_codec_and_bom(tmp_path, encoding, bom):
    path = tmp_path / "post.txt"
    codec = {codecs.BOM_UTF16_LE: "utf-16-le", codecs.BOM_UTF16_BE: "utf-16-be"}.get(bom, encoding)
    body = SHOUT.encode(codec) if encoding != "utf-8-sig" else SHOUT.encode("utf-8")
    original = (bom if encoding != "utf-8-sig" else b"") + (body if encoding != "utf-8-sig" else bom + body)
    path.write_bytes(original)
    writer.write_atomic(path, FIXED, Decoded(SHOUT, encoding), original)
    expected = FIXED.encode(codec) if encoding != "utf-8-sig" else FIXED.encode("utf-8")
    assert path.read_bytes() == bom + expected


def test_killed_run_leaves_a_recognisable_temp_file_that_the_next_run_removes(tmp_path):
    path = tmp_path / "post.txt"
    path.write_text(SHOUT, encoding="utf-8")
    result = run_patched(tmp_path, """
        import signal
        _replace = os.replace  # only the write of the post dies: a dictionary cache write must pass
        os.replace = lambda src, dst, *a: (os.kill(os.getpid(), signal.SIGKILL) if str(dst).endswith("post.txt")
                                          else _replace(src, dst, *a))
    """, "--isolated", "--select", "KC401", "--fix", str(path))
    assert result.returncode == -signal.SIGKILL
    left = temp_files(tmp_path)
    assert len(left) == 1 and left[0].startswith(".post.txt.kanclint-") and TEMP_NAME.fullmatch(left[0])
    assert path.read_text(encoding="utf-8") == SHOUT
    old = time.time() - 2 * 3600
    os.utime(tmp_path / left[0], (old, old))
    fresh = tmp_path / ".other.txt.kanclint-abcd1234.tmp"  # maybe a run in progress
    fresh.write_text("x", encoding="utf-8")
    unrelated = tmp_path / ".notes.tmp"
    unrelated.write_text("x", encoding="utf-8")
    os.utime(unrelated, (old, old))
    victim = tmp_path / "victim.txt"
    victim.write_text("keep", encoding="utf-8")
    trap = tmp_path / ".trap.txt.kanclint-zzzz9999.tmp"
    trap.symlink_to(victim)
    os.utime(trap, (old, old), follow_symlinks=False)

    assert fix(path).returncode == 0
    assert path.read_text(encoding="utf-8") == FIXED
    assert not (tmp_path / left[0]).exists()
    assert fresh.exists() and unrelated.exists() and trap.is_symlink() and victim.read_text(encoding="utf-8") == "keep"


# -- writes outside the project ---------------------------------------------------------------------------------
def test_add_ignore_refuses_a_dangling_symlink(tmp_path):
    project, outside = tmp_path / "project", tmp_path / "outside"
    project.mkdir()
    outside.mkdir()
    (project / "post.txt").write_text(SHOUT, encoding="utf-8")
    (project / ".kanclint-ignore.toml").symlink_to(outside / "planted.toml")
    result = kanclint("--select", "KC401", "--add-ignore", "post.txt", cwd=project)
    assert result.returncode == 2
    assert "ссылк" in result.stderr.decode() and "Traceback" not in result.stderr.decode()
    assert list(outside.iterdir()) == []
    assert (project / ".kanclint-ignore.toml").is_symlink()


def test_add_ignore_refuses_a_symlink_to_an_existing_file(tmp_path):
    project, outside = tmp_path / "project", tmp_path / "outside"
    project.mkdir()
    outside.mkdir()
    (project / "post.txt").write_text(SHOUT, encoding="utf-8")
    elsewhere = outside / "settings.toml"
    elsewhere.write_text("# not yours\n", encoding="utf-8")
    (project / ".kanclint-ignore.toml").symlink_to(elsewhere)
    result = kanclint("--select", "KC401", "--add-ignore", "post.txt", cwd=project)
    assert result.returncode == 2
    assert elsewhere.read_text(encoding="utf-8") == "# not yours\n"
    assert (project / ".kanclint-ignore.toml").is_symlink()


def test_add_ignore_creates_the_file_atomically_and_updates_it(tmp_path):
    (tmp_path / "post.txt").write_text(SHOUT, encoding="utf-8")
    result = kanclint("--select", "KC401", "--add-ignore", "post.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    ignore = tmp_path / ".kanclint-ignore.toml"
    assert 'code = "KC401"' in ignore.read_text(encoding="utf-8")
    assert temp_files(tmp_path) == []
    assert kanclint("--select", "KC401", "post.txt", cwd=tmp_path).returncode == 0
    (tmp_path / "post.txt").write_text(SHOUT + "Приходите!!\n", encoding="utf-8")
    assert kanclint("--select", "KC401", "--add-ignore", "post.txt", cwd=tmp_path).returncode == 0
    assert ignore.read_text(encoding="utf-8").count("[[ignore]]") == 2
    assert temp_files(tmp_path) == []


def test_plugins_are_not_loaded_from_the_working_folder(tmp_path):
    info = tmp_path / "evil-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: evil\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[kanclint.rules]\nEV = evil_rules\n", encoding="utf-8")
    (tmp_path / "evil_rules.py").write_text("open('PWNED', 'w').close()\nRULES = []\n", encoding="utf-8")
    (tmp_path / "click.py").write_text("open('SHADOWED', 'w').close()\n", encoding="utf-8")  # a module kanclint imports
    result = kanclint("rules", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert "KC401" in result.stdout.decode()
    assert not (tmp_path / "PWNED").exists() and not (tmp_path / "SHADOWED").exists()
    assert "evil" not in (result.stdout + result.stderr).decode()


# -- console -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["cp1251", "ascii"])
def test_narrow_console_never_crashes(tmp_path, encoding):
    path = tmp_path / "post.txt"
    path.write_text("😀 Ждём всех во дворе!!!\n", encoding="utf-8")
    env = {"PYTHONIOENCODING": encoding, "PYTHONUTF8": "0", "LC_ALL": "C"}
    for args, code in ((["gate", str(path)], 0), (["--isolated", "--statistics", str(path)], 1), (["--help"], 0)):
        result = kanclint(*args, cwd=tmp_path, env=env)
        err = result.stderr.decode(encoding, "replace")
        assert "Traceback" not in err and "UnicodeEncodeError" not in err, (args, err)
        assert result.returncode == code, (args, err)
        assert result.stdout
