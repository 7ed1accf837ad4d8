"""Issue #11's counts: modules over 500 lines, functions over 60 lines, imports inside functions.

    python benchmarks/layout_counts.py            # prints the three lists and their sizes

Imports of optional heavy libraries (natasha, slovnet, navec, pygls, rich, tqdm), of standard
modules only some runs need (multiprocessing, concurrent, xml) and of
``kanclint.lsp`` (which needs pygls) are allowed inside functions and not counted.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAZY_ALLOWED = ("natasha", "slovnet", "navec", "pygls", "lsprotocol", "rich", "tqdm",
                "multiprocessing", "concurrent", "xml")  # as tests/test_layers.py: costly at start, rarely needed
MAX_MODULE, MAX_FUNCTION = 500, 60


def counts(package: Path = ROOT / "kanclint") -> tuple[list[str], list[str], list[str]]:
    big_modules, long_functions, inner_imports = [], [], []
    for path in sorted(package.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        name = str(path.relative_to(package.parent))
        lines = len(text.splitlines())
        if lines > MAX_MODULE:
            big_modules.append(f"{name}: {lines} lines")
        for func in ast.walk(ast.parse(text)):
            if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            length = func.end_lineno - func.lineno + 1
            if length > MAX_FUNCTION:
                long_functions.append(f"{name}:{func.lineno} {func.name}: {length} lines")
            for node in ast.walk(func):
                if isinstance(node, ast.Import):
                    targets = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom):
                    targets = ["." * node.level + (node.module or "")]
                else:
                    continue
                for target in targets:
                    if target.split(".")[0] not in LAZY_ALLOWED and target != "kanclint.lsp":
                        inner_imports.append(f"{name}:{node.lineno} {target}")
    return big_modules, sorted(set(long_functions)), inner_imports


def main() -> int:
    for title, items in zip(("modules over 500 lines", "functions over 60 lines", "imports inside functions"),
                            counts()):
        print(f"{title}: {len(items)}")
        for item in items:
            print(f"  {item}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
