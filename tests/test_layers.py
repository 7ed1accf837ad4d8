"""The package keeps its one-way layers (docs/architecture.md, issue #11).

``lint-imports`` checks the contracts in pyproject.toml: each layer imports only the
layers below it, and no module imports the package root.  The AST checks keep imports at
the top of modules, where the layers contract can see them.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "kanclint"

# Optional or heavy libraries a function may import when it needs them, and nothing else
# (kanclint.lsp needs pygls, an optional extra, so `kanclint lsp` imports it on demand).
# Heavy optional libraries, and standard modules only some runs need whose import costs a
# start noticeably (the worker pool; xml.sax.saxutils pulls in urllib and ssl): see speed.py --cold-only.
LAZY_ALLOWED = ("natasha", "slovnet", "navec", "pygls", "lsprotocol", "rich", "tqdm",
                "multiprocessing", "concurrent", "xml")


def lint_imports() -> list[str]:
    script = Path(sys.executable).with_name("lint-imports")
    return [str(script)] if script.exists() else [sys.executable, "-m", "importlinter.cli"]


def test_the_layers_contract_holds():
    done = subprocess.run(
        [*lint_imports(), "--no-cache"], cwd=ROOT, capture_output=True, text=True, encoding="utf-8",
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout and "KEPT" in done.stdout
def _function_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for func in ast.walk(tree):
        if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(func):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or "." if not node.level else "." * node.level + (node.module or "")]
            else:
                continue
            for name in names:
                if name.split(".")[0] not in LAZY_ALLOWED and name != "kanclint.lsp":
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}")
    return found


def test_no_imports_inside_functions_except_optional_heavy_libraries():
    found = [hit for path in sorted(PACKAGE.rglob("*.py")) for hit in _function_imports(path)]
    assert found == []


def test_importing_the_language_server_creates_no_server_and_no_thread(tmp_path):
    code = (
        "import gc, threading\n"
        "import kanclint.lsp as l\n"
        "from kanclint.lsp.server import KanclintServer\n"
        "print(threading.active_count(), sum(isinstance(o, KanclintServer) for o in gc.get_objects()))\n"
        "a, b = l.create_server(), l.create_server()\n"
        "print(a is not b, 'textDocument/hover' in a.protocol.fm.features, l.ALLOW_COMMAND in a.protocol.fm.commands)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == ["1 0", "True True True"]
