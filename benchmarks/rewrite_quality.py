#!/usr/bin/env python3
"""``kanclint rewrite`` on every press_release paragraph of ``../shared/eval/posts_*.jsonl``.

Reports, for the default configuration and for ``we = true`` (the account speaks for
the organisation, as every account in the set does):

* changes per paragraph, by kind (word swap, deletion, passive, light verb, «в рамках»,
  third person, …), safe and needing a check;
* facts-preserved violations: paragraphs whose numbers, dates, quotes, links, mentions,
  hashtags or capitalised names (``kanclint.text.facts``) do not all survive (must be 0);
* the score before and after, and the share of paragraphs the register model no longer
  reads as a press release (score ≥ 5.0: the model's odds favour the conversational side);
* before/after examples with the changes marked as ``kanclint rewrite`` marks them.

Run by ``benchmarks/quality.py``, or alone: ``.venv/bin/python benchmarks/rewrite_quality.py``.
The texts are read at run time and never stored.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import kanclint  # noqa: E402
from kanclint import Config  # noqa: E402
from kanclint.output.rewrite import marked_text  # noqa: E402
from kanclint.text.facts import lost  # noqa: E402

DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
CONVERSATIONAL_SCORE = 5.0

KINDS = {
    "KC201": "passive", "KC103": "light verb", "KC104": "derived preposition («в рамках»…)",
    "KC304": "third person → мы", "KC302": "protocol verb", "KC407": "caps", "KC401": "punctuation",
}


def kind_of(change: Any) -> str:
    """What sort of edit a change is, for the table (the rule decides, a deletion is a deletion)."""
    shrunk = len(change.after) < len(change.before) // 3 and change.after.lower() in change.before.lower()
    if not change.after.strip() or shrunk:  # «Следует отметить, что в» → «В» deletes too
        return "deletion"
    return KINDS.get(change.code, "word or phrase swap")


def press_paragraphs(eval_dir: Path) -> list[dict[str, Any]]:
    rows = []
    for name in ("posts_real.jsonl", "posts_institutions.jsonl"):
        path = eval_dir / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row.get("label") == "press_release":
                rows.append(row)
    return rows


def run(rows: list[dict[str, Any]], cfg: Config) -> dict[str, Any]:
    kinds: Counter[str] = Counter()
    codes: Counter[str] = Counter()
    safe = unsafe = 0
    violations: list[tuple[str, Counter[str]]] = []
    before_scores: list[float] = []
    after_scores: list[float] = []
    results = []
    for row in rows:
        text = row["text"]
        before = kanclint.lint(text, config=cfg).score
        result = kanclint.fix(text, unsafe=True, config=cfg)
        after = kanclint.lint(result.text, config=cfg).score
        for c in result.changes:
            kinds[kind_of(c)] += 1
            codes[c.code] += 1
            safe += c.safe
            unsafe += not c.safe
        missing = lost(text, result.text)
        if missing:
            violations.append((text, missing))
        if before is not None and after is not None:
            before_scores.append(before)
            after_scores.append(after)
        results.append((text, result))
    n = len(rows)
    return {
        "paragraphs": n, "changes": safe + unsafe, "per_paragraph": (safe + unsafe) / n if n else 0.0,
        "safe": safe, "unsafe": unsafe, "kinds": dict(kinds.most_common()), "codes": dict(codes.most_common()),
        "changed_paragraphs": sum(1 for _, r in results if r.changes),
        "facts_violations": len(violations), "violation_examples": [(t[:120], dict(m)) for t, m in violations[:5]],
        "score_before": sum(before_scores) / len(before_scores) if before_scores else None,
        "score_after": sum(after_scores) / len(after_scores) if after_scores else None,
        "conversational_before": sum(s >= CONVERSATIONAL_SCORE for s in before_scores),
        "conversational_after": sum(s >= CONVERSATIONAL_SCORE for s in after_scores),
        "_results": results,
    }


def bench(eval_dir: Path, examples: int, out: Callable[[str], None] = print) -> dict[str, Any]:
    rows = press_paragraphs(eval_dir)
    if not rows:
        out(f"  no posts_*.jsonl in {eval_dir}")
        return {}
    summary: dict[str, Any] = {}
    for label, cfg in (("default", Config(use_ignore_file=False)), ("we = true", Config(use_ignore_file=False, we=True))):
        r = run(rows, cfg)
        n = r["paragraphs"]
        out(f"  [{label}] {n} paragraphs, {r['changes']} changes ({r['per_paragraph']:.2f} per paragraph; "
            f"safe {r['safe']}, to check {r['unsafe']}), paragraphs changed: {r['changed_paragraphs']}")
        out("    by kind: " + ", ".join(f"{k} {v}" for k, v in r["kinds"].items()))
        out("    by rule: " + ", ".join(f"{k} {v}" for k, v in r["codes"].items()))
        out(f"    facts-preserved violations: {r['facts_violations']} (must be 0)")
        for text, missing in r["violation_examples"]:
            out(f"      lost {missing} in «{text}…»")
        if r["score_before"] is not None:
            out(f"    score before {r['score_before']:.2f} → after {r['score_after']:.2f}; read as conversational "
                f"(score ≥ {CONVERSATIONAL_SCORE}): {r['conversational_before']}/{n} → {r['conversational_after']}/{n} "
                f"({r['conversational_after'] / n:.0%})")
        results = r.pop("_results")
        summary[label] = r
        if label == "we = true" and examples:
            changed = [(t, res) for t, res in results if res.changes]
            random.Random(12).shuffle(changed)
            out(f"  {min(examples, len(changed))} examples ([we = true]; ⟦…⟧ safe, ⟦?…⟧ to check):")
            for text, res in changed[:examples]:
                out("    - " + " ".join(text.split()))
                out("      → " + " ".join(marked_text(res.text, res.changes).split()))
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--examples", type=int, default=15)
    args = parser.parse_args()
    bench(args.eval_dir, args.examples)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
