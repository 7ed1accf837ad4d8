"""The README shows what kanclint really prints: its sample output is checked, not hand-written."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_sample_output_is_what_kanclint_prints():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"`kanclint (examples/[\w.-]+)`:\n\n```text\n(.*?)\n```", readme, re.S)
    assert m, "the README has no sample run"
    done = subprocess.run(
        [sys.executable, "-m", "kanclint", m.group(1)], cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}, timeout=300,
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout.rstrip("\n") == m.group(2), "update the README's sample output (see this test)"


def test_readme_quick_start_is_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Быстрый старт", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    commands = [line for line in block.splitlines() if line.strip()]
    assert len(commands) == 2
    assert "examples/" in commands[0] and "pytest" in commands[1]
