import json

import kanclint
from kanclint import Config


def test_public_names():
    for name in kanclint.__all__:
        assert hasattr(kanclint, name), name
    assert {"lint", "lint_file", "load_config", "fix", "Report", "Diagnostic", "Fix", "Document", "Rule"} <= set(
        kanclint.__all__
    )


def test_lint_returns_report_whose_dict_is_the_json_file_record(tmp_path):
    text = "😀 Ждём всех!!!"
    report = kanclint.lint(text)
    data = report.to_dict()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["score"] == report.score and data["path"] is None
    assert data["diagnostics"][0]["match"] == "!!!"
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    from_file = kanclint.lint_file(path)
    assert from_file.to_dict()["diagnostics"] == data["diagnostics"]
    assert from_file.path == str(path)


def test_fix_api_applies_safe_fixes_and_reports_the_rest():
    result = kanclint.fix("Ждём всех!!! Приходите!!", config=Config(select=("KC401",)))
    assert result.text == "Ждём всех! Приходите!"
    assert len(result.applied) == 2 and result.remaining == ()


def test_py_typed_is_shipped():
    from importlib.resources import files

    assert files("kanclint").joinpath("py.typed").is_file()
