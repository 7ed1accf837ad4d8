"""Every machine format on real output: JSON Lines, GitHub annotations, SARIF, JUnit."""

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from kanclint.cli import main

ROOT = Path(__file__).resolve().parents[1]
SARIF_SCHEMA = json.loads((Path(__file__).parent / "sarif-2.1.0-subset.schema.json").read_text(encoding="utf-8"))
TEXT = "😀 Ждём всех!!!\nСледует отметить, что в данном случае вход свободный.\n"


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "post.txt"
    path.write_text(TEXT, encoding="utf-8")
    return str(path)


def run(*args):
    return CliRunner().invoke(main, ["--isolated", *args])


def test_json_lines(draft, tmp_path):
    out = run("--output-format", "json-lines", draft, str(tmp_path / "missing.txt")).stdout.strip().splitlines()
    rows = [json.loads(line) for line in out]
    assert rows[-1]["error"].endswith("файл не найден") and rows[-1]["kind"] == "file"
    diags = [r for r in rows if r["kind"] == "diagnostic"]
    assert diags and all(r["path"] == draft for r in diags)
    assert all(TEXT[r["start"]:r["end"]] == r["match"] for r in diags)
    files = [r for r in rows if r["kind"] == "file" and "error" not in r]
    assert len(files) == 1 and files[0]["path"] == draft and files[0]["findings"] == len(diags)
    assert rows.index(files[0]) == len(diags)  # the file's line follows its findings


def test_github_annotations(draft):
    out = run("--output-format", "github", draft).stdout.splitlines()
    first = next(line for line in out if "KC401" in line)
    assert first.startswith(f"::warning file={draft},line=1,col=12,endLine=1,endColumn=15,title=KC401 repeated-exclamation::")


def test_sarif_validates_and_describes_rules(draft):
    data = json.loads(run("--output-format", "sarif", draft).stdout)
    jsonschema.validate(data, SARIF_SCHEMA)
    run_ = data["runs"][0]
    ids = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    assert "KC401" in ids
    for result in run_["results"]:
        assert ids[result["ruleIndex"]] == result["ruleId"]
    kc401 = next(r for r in run_["results"] if r["ruleId"] == "KC401")
    region = kc401["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["charOffset"]) == (1, 12, 11)


def test_junit(draft, tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("Привет! Ждём вас завтра во дворе.", encoding="utf-8")
    xml = run("--output-format", "junit", draft, str(clean)).stdout
    suite = ET.fromstring(xml)
    assert suite.get("tests") == "2" and suite.get("failures") == "1"
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    assert cases[draft].find("failure") is not None
    assert cases[str(clean)].find("failure") is None
