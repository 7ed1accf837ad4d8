"""The package keeps its one-way layers (docs/architecture.md, issue #11).

``lint-imports`` checks the contracts in pyproject.toml: each layer imports only the
layers below it, and no module imports the package root.  The AST checks keep imports at
the top of modules, where the layers contract can see them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "kanclint"

# Optional or heavy libraries a function may import when it needs them, and nothing else.
LAZY_ALLOWED = ("natasha", "slovnet", "navec", "pygls", "lsprotocol", "rich", "tqdm")


def lint_imports() -> list[str]:
    script = Path(sys.executable).with_name("lint-imports")
    return [str(script)] if script.exists() else [sys.executable, "-m", "importlinter.cli"]


def test_the_layers_contract_holds():
    done = subprocess.run(
        [*lint_imports(), "--no-cache"], cwd=ROOT, capture_output=True, text=True, encoding="utf-8",
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout and "KEPT" in done.stdout
