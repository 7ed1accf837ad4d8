#!/usr/bin/env python3
"""Findings, fixes and scores on our own corpus, as a snapshot a refactor must not change.

The corpus is the repository's own texts (examples/, tests/fixtures/) and the example
sentences of every dictionary entry, so it never touches ../shared.  ``--write`` stores the
snapshot in ``tests/golden/corpus.json``; ``tests/test_golden.py`` lints the corpus again
and compares.  A change in behaviour that is meant (a new entry, a refitted model) is
accepted by writing the snapshot again and reviewing its diff.

Usage: ``.venv/bin/python benchmarks/snapshot.py [--write]``
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import kanclint  # noqa: E402
from kanclint import Config  # noqa: E402

GOLDEN = ROOT / "tests" / "golden" / "corpus.json"
CFG = Config(use_ignore_file=False)


def corpus() -> dict[str, str]:
    """Name → text: our example drafts, fixtures and every dictionary example (bad and good)."""
    texts: dict[str, str] = {}
    for folder in (ROOT / "examples", ROOT / "tests" / "fixtures"):
        for path in sorted(folder.glob("*")):
            if path.suffix in (".txt", ".md") and not path.name.endswith(".SOURCE.txt"):
                texts[f"{folder.name}/{path.name}"] = path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "dictionaries").glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for entry in data.get("entry", []):
            for i, ex in enumerate(entry.get("examples", [])):
                if isinstance(ex, dict):
                    text = ex.get("bad") or ex.get("good")
                    if text:
                        texts[f"{path.stem}/{entry['id']}/{i}"] = text.replace("[", "").replace("]", "")
    return texts


def describe(text: str) -> dict[str, Any]:
    report = kanclint.lint(text, config=CFG)
    fixed = kanclint.fix(text, unsafe=True, config=CFG)
    return {
        "score": report.score,
        "findings": [
            [d.code, d.start, d.end, d.fix.applicability.value if d.fix else None,
             [[e.start, e.end, e.replacement] for e in d.fix.edits] if d.fix else None]
            for d in report.diagnostics
        ],
        "fixed": fixed.text if fixed.text != text else None,
    }


def snapshot() -> dict[str, Any]:
    return {name: describe(text) for name, text in corpus().items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help=f"store the snapshot in {GOLDEN.relative_to(ROOT)}")
    args = parser.parse_args()
    current = snapshot()
    if args.write:
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(json.dumps(current, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {len(current)} texts to {GOLDEN}")
        return 0
    stored = json.loads(GOLDEN.read_text(encoding="utf-8")) if GOLDEN.exists() else {}
    changed = sorted(k for k in current.keys() | stored.keys() if current.get(k) != stored.get(k))
    print(f"{len(current)} texts, {len(changed)} differ from {GOLDEN.name}")
    for name in changed[:20]:
        print(f"  {name}")
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
