"""Suppression that never touches the published post: the ignore file and markup comments."""

from click.testing import CliRunner

import kanclint
from kanclint.cli import main
from kanclint.engine.config import Config

SHOUT = "Ждём всех на празднике!!! Будет весело!!\n"


def codes(report):
    return [(d.code, d.match) for d in report.diagnostics]


def test_add_ignore_baselines_and_stale_entries_are_reported(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    draft = tmp_path / "post.txt"
    draft.write_text(SHOUT, encoding="utf-8")
    cfg = Config(select=("KC401", "KC001"))
    assert len(kanclint.lint_file(draft, config=cfg).diagnostics) == 2
    result = CliRunner().invoke(main, ["--select", "KC401", "--add-ignore", str(draft)])
    assert result.exit_code == 0, result.output
    ignore = (tmp_path / ".kanclint-ignore.toml").read_text(encoding="utf-8")
    assert 'code = "KC401"' in ignore and 'path = "post.txt"' in ignore
    assert kanclint.lint_file(draft, config=cfg).diagnostics == ()
    # the post itself is unchanged
    assert draft.read_text(encoding="utf-8") == SHOUT
    # an edit elsewhere keeps the ignore; rewriting the sentence makes the entry stale
    draft.write_text("Привет!\n" + SHOUT, encoding="utf-8")
    assert kanclint.lint_file(draft, config=cfg).diagnostics == ()
    draft.write_text("Ждём всех на празднике!!! Будет весело и вкусно!!\n", encoding="utf-8")
    got = codes(kanclint.lint_file(draft, config=cfg))
    assert ("KC401", "!!") in got and [c for c, _ in got].count("KC001") == 1
    # --isolated ignores the ignore file
    assert CliRunner().invoke(main, ["--isolated", "--select", "KC401", str(draft)]).exit_code == 1


def test_markdown_comments_need_a_code_and_only_work_in_markup(tmp_path):
    text = (
        "<!-- kanclint-disable-next-line KC401 -->\n"
        "Ждём всех!!!\n"
        "Приходите!!\n"
        "<!-- kanclint-disable KC4 -->\n"
        "Будет весело!!!\n"
        "<!-- kanclint-enable KC4 -->\n"
        "<!-- kanclint-disable -->\n"
        "Конец!!!\n"
    )
    cfg = Config(select=("KC401",))
    md = kanclint.lint(text, config=cfg, path=str(tmp_path / "post.md"))
    lines = [text.count("\n", 0, d.start) + 1 for d in md.diagnostics]
    assert lines == [3, 8]
    plain = kanclint.lint(text, config=cfg, path=str(tmp_path / "post.txt"))
    assert len(plain.diagnostics) == 4
