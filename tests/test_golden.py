"""Findings, fixes and scores on our own corpus are what the snapshot says (benchmarks/snapshot.py).

A refactor (issue #11) or a speed-up (issue #13) must leave them byte for byte; a change
that is meant is accepted with ``python benchmarks/snapshot.py --write`` and a reviewed diff.
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import snapshot  # noqa: E402


def test_corpus_findings_fixes_and_scores_match_the_snapshot():
    stored = json.loads(snapshot.GOLDEN.read_text(encoding="utf-8"))
    current = snapshot.snapshot()
    assert len(current) > 1000  # every dictionary example is in the corpus
    changed = sorted(k for k in current.keys() | stored.keys() if current.get(k) != stored.get(k))
    assert not changed, f"{len(changed)} texts changed, e.g. {changed[:5]}: run benchmarks/snapshot.py"
