from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

HEADER = """
[rule]
code = "{code}"
name = "{name}"
category = "bureaucratese"
severity = "warning"
title = "Тест"
what = "w"
why = "y"
example = "e"
instead = "i"
"""


@pytest.fixture
def make_dictionary(tmp_path):
    """Write a dictionary file from entry TOML and return its path."""

    def make(entries: str, code: str = "KC199", name: str = "test-rule") -> Path:
        path = tmp_path / f"{name}.toml"
        path.write_text(HEADER.format(code=code, name=name) + entries, encoding="utf-8")
        return path

    return make
