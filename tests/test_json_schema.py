"""Real JSON output validates against the documented schema kanclint/1."""

import json
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from kanclint.cli import main

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "docs" / "kanclint-1.schema.json").read_text(encoding="utf-8"))


def test_examples_output_validates(tmp_path):
    missing = tmp_path / "missing.txt"
    args = ["--isolated", "--output-format", "json", *sorted(str(p) for p in (ROOT / "examples").iterdir()), str(missing)]
    result = CliRunner().invoke(main, args)
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    assert any("error" in f for f in data["files"])
    assert sum(len(f.get("diagnostics", [])) for f in data["files"]) > 0


def test_schema_documents_every_field():
    doc = (ROOT / "docs" / "json-schema.md").read_text(encoding="utf-8")
    props = SCHEMA["$defs"]["diagnostic"]["properties"]
    for field in [*props, *SCHEMA["$defs"]["file"]["properties"]]:
        assert f"`{field}`" in doc, field
