#!/usr/bin/env python3
"""How well kanclint's findings and score match what people say about real texts.

Reads ``../shared/eval`` at run time (its texts never enter the repository) with the
fields its README documents; every row there is development data.

* posts (``posts_real.jsonl``, ``posts_institutions.jsonl``): ROC AUC of the score,
  press_release against conversational, **leave-one-account-out** (the register model
  is refitted without the account it scores, see ``fit_register.py``), pooled and per
  account, with the shipped model's in-sample figure beside it;
* seeds: the decree (004) and the conversational news piece (003);
* LanguageTool examples, rows with ``kanclint_relevance == "direct"``: does a finding
  overlap the marked span of ``flag`` rows, do ``clean`` rows stay clean;
* simplification pairs: does a ``strong`` complex sentence get a finding on its marker,
  does the simple side score higher (ties count half);
* rewrites: ``kanclint rewrite`` on every press_release paragraph (changes by kind,
  facts preserved, score before and after, examples);
* the seed sample (``benchmarks/seed_sample.toml``): per-category precision and recall.

Run from the project root: ``.venv/bin/python benchmarks/quality.py [--limit N] [--examples N]``.
The leave-one-account-out part needs numpy and scipy (``pip install -e ".[bench]"``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any, Sequence

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import kanclint  # noqa: E402
from kanclint import Config  # noqa: E402

DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
DEFAULT_SEEDS = ROOT.parent / "shared" / "seeds"
DEFAULT_SAMPLE = Path(__file__).resolve().parent / "seed_sample.toml"
CFG = Config(use_ignore_file=False)
CATEGORIES = (
    "bureaucratese", "formula", "verbal-noun", "derived-preposition", "cliche", "time-filler",
    "evaluation", "intensifier", "filler", "vagueness", "modality", "pleonasm", "passive",
    "genitive-chain", "press-release", "readability",
)


def out(*parts: Any) -> None:
    print(*parts, flush=True)


def pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.1f}%"


def ratio(num: float, den: float) -> float | None:
    return num / den if den else None


def short(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def load(eval_dir: Path, name: str, limit: int | None = None) -> list[dict[str, Any]]:
    path = eval_dir / name
    if not path.is_file():
        out(f"  {path} not found, skipped")
        return []
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows[:limit] if limit else rows


def lint(text: str) -> Any:
    return kanclint.lint(text, config=CFG)


def auc(pos: Sequence[float], neg: Sequence[float]) -> float | None:
    if not pos or not neg:
        return None
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


# -- posts ----------------------------------------------------------------------------------------

def bench_posts(eval_dir: Path) -> dict[str, Any]:
    result: dict[str, Any] = {}
    rows = [r for name in ("posts_real.jsonl", "posts_institutions.jsonl") for r in load(eval_dir, name)]
    if not rows:
        return result
    penalty: dict[str, list[tuple[int, float]]] = {}
    for r in rows:
        report = lint(r["text"])
        if report.score is None:
            continue
        penalty.setdefault(r["author"], []).append((r["label"] == "press_release", 10.0 - report.score))
    pooled = [x for v in penalty.values() for x in v]
    result["shipped_in_sample"] = auc([p for y, p in pooled if y], [p for y, p in pooled if not y])
    out(f"  shipped model, in-sample: pooled AUC {result['shipped_in_sample']:.3f}")
    for acc, items in sorted(penalty.items()):
        a = auc([p for y, p in items if y], [p for y, p in items if not y])
        out(f"    {acc:28s} {sum(y for y, _ in items):3d} press / {sum(not y for y, _ in items):3d} conv: "
            f"AUC {'—' if a is None else f'{a:.3f}'}")
    try:
        import fit_register
    except ImportError as exc:  # numpy/scipy missing: the benchmark extra is not installed
        out(f"  leave-one-account-out skipped ({exc}); pip install -e '.[bench]'")
        return result
    out("  leave-one-account-out (refitted without the account it scores):")
    cv = fit_register.evaluate(fit_register.load_rows(eval_dir), fit_register.DEFAULT_L2, out=out)
    result.update(cv)
    return result


# -- seeds ----------------------------------------------------------------------------------------

def bench_seeds(seeds: Path) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for name, goal, stem in (("decree", "≤ 3.0", "004_"), ("conversational news", "≥ 7.0", "003_")):
        path = next(iter(sorted(seeds.glob(f"{stem}*.txt"))), None)
        if path is None:
            out(f"  {name}: not found")
            continue
        score = lint(path.read_text(encoding="utf-8")).score
        result[name] = score
        out(f"  {name} ({path.name}): {score} (goal {goal})")
    return result


# -- LanguageTool ---------------------------------------------------------------------------------

def bench_languagetool(eval_dir: Path, limit: int | None) -> dict[str, Any]:
    rows = [r for r in load(eval_dir, "languagetool_ru.jsonl", limit) if r.get("kanclint_relevance") == "direct"]
    flag = [r for r in rows if r["label"] == "flag"]
    clean = [r for r in rows if r["label"] == "clean"]
    hit = 0
    misses = []
    for r in flag:
        report = lint(r["text"])
        s, e = r.get("marker_start"), r.get("marker_end")
        if s is None:
            s, e = 0, len(r["text"])
        if any(d.start < e and s < d.end or d.start == d.end == s for d in report.diagnostics if d.category != "meta"):
            hit += 1
        else:
            misses.append(r)
    flagged_clean = [r for r in clean if any(d.category != "meta" for d in lint(r["text"]).diagnostics)]
    res = {"flag_rows": len(flag), "flag_hit": ratio(hit, len(flag)), "clean_rows": len(clean),
           "clean_flagged": ratio(len(flagged_clean), len(clean))}
    out(f"  direct rows: flag {len(flag)}, marked span overlaps a finding: {pct(res['flag_hit'])} (goal ≥ 60%)")
    out(f"  direct rows: clean {len(clean)}, with any finding: {pct(res['clean_flagged'])} (goal ≤ 15%)")
    for r in misses[:8]:
        out(f"    missed [{r['rule_id']}] «{r.get('marked')}» in «{short(r['text'], 100)}»")
    for r in flagged_clean[:5]:
        found = [(d.code, d.match) for d in lint(r["text"]).diagnostics]
        out(f"    clean but flagged [{r['rule_id']}] «{short(r['text'], 80)}»: {found}")
    return res


# -- simplification pairs -------------------------------------------------------------------------

MARKERS = re.compile(r"осуществл\w*|в целях|в рамках|в связи с|мероприяти\w*|проведени\w*|данн\w+|явля\w*", re.I)


def bench_pairs(eval_dir: Path, limit: int | None) -> dict[str, Any]:
    rows = load(eval_dir, "simplification_pairs.jsonl", limit)
    if not rows:
        return {}
    strong_total = strong_hit = 0
    wins = 0.0
    scored = 0
    seen: set[str] = set()
    missed = []
    for r in rows:
        complex_report, simple_report = lint(r["complex"]), lint(r["simple"])
        if complex_report.score is not None and simple_report.score is not None:
            scored += 1
            wins += (simple_report.score > complex_report.score) + 0.5 * (simple_report.score == complex_report.score)
        if r.get("marker_strength") == "strong" and r["complex"] not in seen:
            seen.add(r["complex"])
            strong_total += 1
            spans = [m.span() for m in MARKERS.finditer(r["complex"])
                     if not m.group(0).lower().startswith("явля") and m.group(0).lower() != "данным"]
            if any(d.start < e and s < d.end for d in complex_report.diagnostics for s, e in spans):
                strong_hit += 1
            else:
                missed.append(r["complex"])
    res = {"strong_sentences": strong_total, "strong_marker_hit": ratio(strong_hit, strong_total),
           "pairs": scored, "simple_higher": ratio(wins, scored)}
    out(f"  strong complex sentences with a finding on their marker: {pct(res['strong_marker_hit'])} "
        f"({strong_hit}/{strong_total}, goal ≥ 95%)")
    out(f"  pairs where the simple side scores higher (ties half): {pct(res['simple_higher'])} of {scored} (goal ≥ 90%)")
    for text in missed[:5]:
        out(f"    missed marker in «{short(text, 120)}»")
    return res


def bench_seed_sample(path: Path, out=out) -> dict[str, Any] | None:
    if not path.is_file():
        out(f"  {path} not found, skipped")
        return None
    with path.open("rb") as fh:
        spans = tomllib.load(fh).get("span", [])
    out(f"  {len(spans)} labelled spans from {path.name}")
    labelled: Counter[str] = Counter()
    detected: Counter[str] = Counter()
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    found_total: Counter[str] = Counter()
    clean = clean_flagged = 0
    any_hit = labelled_spans = 0
    false_alarms: list[tuple[str, str, str]] = []
    misses: list[tuple[str, str]] = []
    for span in spans:
        text = span["text"]
        label = span.get("label", "none")
        labels = set() if label == "none" else {label, *span.get("also", [])}
        report = lint(text)
        cats = Counter(d.category for d in report.diagnostics)
        for c in labels:
            labelled[c] += 1
            detected[c] += c in cats
        for c, n in cats.items():
            found_total[c] += n
            if c in labels:
                tp[c] += n
            else:
                fp[c] += n
                match = next(d.match for d in report.diagnostics if d.category == c)
                false_alarms.append((c, match, text))
        if label == "none":
            clean += 1
            clean_flagged += bool(cats)
        else:
            labelled_spans += 1
            any_hit += bool(cats)
            if label not in cats:
                misses.append((label, text))
    rows = []
    all_cats = list(CATEGORIES) + sorted(set(found_total) - set(CATEGORIES))
    out(f"  {'category':20} {'spans':>5} {'caught':>6} {'recall':>7} {'found':>6} {'TP':>4} {'FP':>4} {'precision':>9}")
    for c in all_cats:
        rec = ratio(detected[c], labelled[c])
        prec = ratio(tp[c], found_total[c])
        rows.append({
            "category": c, "spans": labelled[c], "caught": detected[c], "recall": rec,
            "findings": found_total[c], "tp": tp[c], "fp": fp[c], "precision": prec,
        })
        out(f"  {c:20} {labelled[c]:5} {detected[c]:6} {pct(rec):>7} {found_total[c]:6} {tp[c]:4} {fp[c]:4} {pct(prec):>9}")
    all_tp, all_found = sum(tp.values()), sum(found_total.values())
    out(f"  {'all (micro)':20} {sum(labelled.values()):5} {sum(detected.values()):6} "
        f"{pct(ratio(sum(detected.values()), sum(labelled.values()))):>7} {all_found:6} {all_tp:4} "
        f"{sum(fp.values()):4} {pct(ratio(all_tp, all_found)):>9}")
    out(f"  labelled spans with any finding: {pct(ratio(any_hit, labelled_spans))} ({any_hit}/{labelled_spans})")
    out(f"  clean («none») spans with a finding: {pct(ratio(clean_flagged, clean))} ({clean_flagged}/{clean})")
    if false_alarms:
        out("  false positives (first 10):")
        for c, match, text in false_alarms[:10]:
            out(f"    {c}: «{short(match, 40)}» in «{short(text, 90)}»")
    return {
        "spans": len(spans), "categories": rows,
        "micro": {"recall": ratio(sum(detected.values()), sum(labelled.values())), "precision": ratio(all_tp, all_found)},
        "labelled_any_hit": ratio(any_hit, labelled_spans), "clean_flagged": ratio(clean_flagged, clean),
        "clean_spans": clean, "labelled_spans": labelled_spans,
        "misses_primary": len(misses),
    }


# -- main -----------------------------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--sample", type=Path, default=DEFAULT_SAMPLE)
    parser.add_argument("--limit", type=int, default=None, help="at most N rows per file")
    parser.add_argument("--examples", type=int, default=15, help="rewrite examples to print")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON at the end")
    args = parser.parse_args(argv)
    results: dict[str, Any] = {}
    out("== posts: score as a press-release detector (ROC AUC)")
    results["posts"] = bench_posts(args.eval_dir)
    out("== seeds")
    results["seeds"] = bench_seeds(args.seeds)
    out("== LanguageTool examples (kanclint_relevance = direct)")
    results["languagetool"] = bench_languagetool(args.eval_dir, args.limit)
    out("== simplification pairs")
    results["pairs"] = bench_pairs(args.eval_dir, args.limit)
    try:
        import rewrite_quality
    except ImportError:
        rewrite_quality = None
    if rewrite_quality is not None:
        out("== rewrites of press_release paragraphs")
        results["rewrites"] = rewrite_quality.bench(args.eval_dir, args.examples, out)
    out("== seed sample")
    results["seed_sample"] = bench_seed_sample(args.sample, out)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
