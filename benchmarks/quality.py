#!/usr/bin/env python3
"""How well kanclint's findings and score match what people would say about a text.

Two parts:

* the seed sample (``benchmarks/seed_sample.toml``): short quotes from the seed texts, each
  labelled with the category a good checker should report, or ``none``; gives per-category
  precision and recall;
* the eval sets in ``../shared/eval`` (outside the repository; their texts must never be
  copied into it): real posts (ROC AUC of the score), simplification pairs (does the simple
  version score better, are marker-heavy sentences caught, does ``fix`` help) and LanguageTool
  examples (recall and false-positive rate).  Only the development half is used, so the test
  half stays unseen while rules are tuned.

The eval files' exact schema is not pinned down here, so every loader accepts a few spellings
of each field and prints what it found and what it assumed.

Run from the project root: ``.venv/bin/python benchmarks/quality.py [--limit N] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
import time
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import kanclint  # noqa: E402

DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
DEFAULT_SAMPLE = Path(__file__).resolve().parent / "seed_sample.toml"

CATEGORIES = (
    "bureaucratese", "formula", "verbal-noun", "derived-preposition", "cliche", "time-filler",
    "evaluation", "intensifier", "filler", "vagueness", "modality", "pleonasm", "passive",
    "genitive-chain", "press-release", "readability",
)

TEXT_KEYS = ("text", "paragraph", "post", "content", "body")
LABEL_KEYS = ("label", "class", "style")
SPLIT_KEYS = ("split", "subset", "partition")
DEV_SPLITS = {"dev", "development", "devel", "train", "training"}
STRONG_KEYS = ("strong", "strong_marker", "strong_markers", "markers")
CLASSIC_MARKERS = (
    "осуществл", "в целях", "в рамках", "в соответствии с", "данн", "является", "производится",
    "в связи с",
)
BAD_WORDS = {"bad", "incorrect", "error", "wrong", "positive", "pos", "1", "true", "yes", "flag"}
GOOD_WORDS = {"good", "correct", "ok", "fine", "negative", "neg", "0", "false", "no", "clean"}


# -- small helpers --------------------------------------------------------------------------------

class Out:
    """Human lines go to stdout, or to stderr when --json keeps stdout machine-readable."""

    def __init__(self, json_mode: bool):
        self.stream = sys.stderr if json_mode else sys.stdout

    def __call__(self, *parts: Any) -> None:
        print(*parts, file=self.stream, flush=True)


def norm(value: Any) -> str:
    return str(value).strip().lower().replace("-", "_").replace(" ", "_")


def first_key(row: dict[str, Any], keys: Sequence[str]) -> str | None:
    for k in keys:
        if k in row and row[k] is not None and row[k] != "":
            return k
    return None


def truthy(value: Any) -> bool:
    if isinstance(value, str):
        return norm(value) not in {"", "0", "false", "no", "none", "null"}
    return bool(value)


def short(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.1f}%"


def ratio(num: float, den: float) -> float | None:
    return num / den if den else None


def evenly(rows: list[Any], limit: int | None) -> list[Any]:
    """At most ``limit`` rows spread over the whole list (files are often sorted by class)."""
    if limit is None or limit >= len(rows):
        return rows
    if limit <= 0:
        return []
    return [rows[i * len(rows) // limit] for i in range(limit)]


def auc_lower_is_positive(pos_scores: list[float], neg_scores: list[float]) -> float | None:
    """ROC AUC for "positives score lower", by the rank (Mann-Whitney) formula, ties count half."""
    n_pos, n_neg = len(pos_scores), len(neg_scores)
    if not n_pos or not n_neg:
        return None
    # Rank by -score: the positive class should have the larger value.
    values = sorted([(-s, 1) for s in pos_scores] + [(-s, 0) for s in neg_scores])
    rank_sum = 0.0
    i = 0
    while i < len(values):
        j = i
        while j + 1 < len(values) and values[j + 1][0] == values[i][0]:
            j += 1
        avg_rank = (i + j) / 2 + 1  # 1-based average rank of the tie group
        rank_sum += avg_rank * sum(flag for _, flag in values[i : j + 1])
        i = j + 1
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


class Linter:
    """kanclint.lint with a per-text cache and crash accounting, so one bad rule skips a row."""

    def __init__(self, out: Out):
        self.out = out
        self.cache: dict[str, Any] = {}
        self.errors: Counter[str] = Counter()
        self.calls = 0
        self.failed = 0
        self.seconds = 0.0

    def lint(self, text: str) -> Any | None:
        if text in self.cache:
            return self.cache[text]
        start = time.perf_counter()
        try:
            report = kanclint.lint(text)
        except Exception as exc:  # a crashing rule must not stop the benchmark
            key = f"{type(exc).__name__}: {exc}"
            if not self.errors:
                self.out(f"  ! kanclint.lint raised {short(key, 200)} (further errors are counted)")
            self.errors[short(key, 120)] += 1
            self.failed += 1
            report = None
        self.seconds += time.perf_counter() - start
        self.calls += 1
        self.cache[text] = report
        return report

    def fix(self, text: str) -> Any | None:
        try:
            return kanclint.fix(text, unsafe=True)
        except Exception as exc:
            self.errors[short(f"fix: {type(exc).__name__}: {exc}", 120)] += 1
            return None


def progress(out: Out, done: int, total: int, what: str) -> None:
    if total >= 400 and done and done % 200 == 0:
        out(f"    … {what}: {done}/{total}")


# -- JSON Lines loading ---------------------------------------------------------------------------

def load_jsonl(path: Path) -> tuple[list[dict[str, Any]], int]:
    rows: list[dict[str, Any]] = []
    bad = 0
    with path.open(encoding="utf-8-sig") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                bad += 1
                continue
            if isinstance(obj, dict):
                rows.append(obj)
            else:
                bad += 1
    return rows, bad


def dev_half(rows: list[dict[str, Any]], out: Out, name: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Rows of the development half, and a description of how they were chosen."""
    split_key = next((k for k in SPLIT_KEYS if any(k in r for r in rows)), None)
    if split_key is None:
        chosen = rows[::2]
        note = "no split field: using rows with an even index as the development half"
        out(f"  {name}: {note}")
        return chosen, {"split_field": None, "rule": "even index", "dev_rows": len(chosen)}
    values = Counter(norm(r.get(split_key, "<missing>")) for r in rows)
    chosen = [r for r in rows if norm(r.get(split_key, "")) in DEV_SPLITS]
    out(
        f"  {name}: split field «{split_key}»: "
        + ", ".join(f"{v}={n}" for v, n in sorted(values.items()))
        + f" → {len(chosen)} development rows ({'/'.join(sorted(DEV_SPLITS))})"
    )
    return chosen, {"split_field": split_key, "split_values": dict(values), "dev_rows": len(chosen)}


def open_eval_file(eval_dir: Path, name: str, out: Out, limit: int | None) -> tuple[list[dict[str, Any]], dict[str, Any]] | None:
    path = eval_dir / name
    if not path.is_file():
        out(f"  {name}: not found, skipped")
        return None
    rows, bad = load_jsonl(path)
    out(f"  {name}: {len(rows)} rows" + (f", {bad} unreadable lines skipped" if bad else ""))
    info: dict[str, Any] = {"file": name, "rows": len(rows), "unreadable_lines": bad}
    dev, split_info = dev_half(rows, out, name)
    info.update(split_info)
    used = evenly(dev, limit)
    if len(used) != len(dev):
        out(f"  {name}: --limit {limit}: using {len(used)} of {len(dev)} development rows, evenly spread")
    info["used_rows"] = len(used)
    return used, info


# -- eval: real posts -----------------------------------------------------------------------------

def post_class(row: dict[str, Any]) -> str | None:
    key = first_key(row, LABEL_KEYS)
    if key is None:
        return None
    value = norm(row[key])
    if "press" in value or "release" in value or value in {"pr", "official"}:
        return "press_release"
    if "convers" in value or value in {"casual", "informal", "living", "live"}:
        return "conversational"
    return None


def bench_posts(eval_dir: Path, lin: Linter, out: Out, limit: int | None) -> dict[str, Any] | None:
    loaded = open_eval_file(eval_dir, "posts_real.jsonl", out, limit)
    if loaded is None:
        return None
    rows, info = loaded
    scores: dict[str, list[float]] = {"press_release": [], "conversational": []}
    skipped: Counter[str] = Counter()
    labels_seen: Counter[str] = Counter()
    for i, row in enumerate(rows):
        progress(out, i, len(rows), "posts")
        tkey = first_key(row, TEXT_KEYS)
        lkey = first_key(row, LABEL_KEYS)
        if lkey:
            labels_seen[str(row[lkey])] += 1
        cls = post_class(row)
        if tkey is None or not isinstance(row[tkey], str):
            skipped["no text"] += 1
            continue
        if cls is None:
            skipped["label not press_release/conversational"] += 1
            continue
        report = lin.lint(row[tkey])
        if report is None:
            skipped["lint error"] += 1
            continue
        scores[cls].append(float(report.score))
    auc = auc_lower_is_positive(scores["press_release"], scores["conversational"])
    mean = {k: (sum(v) / len(v) if v else None) for k, v in scores.items()}
    out(f"  labels found: {dict(labels_seen)}")
    if skipped:
        out(f"  skipped rows: {dict(skipped)}")
    def fmt(x: float | None) -> str:
        return "—" if x is None else f"{x:.2f}"

    out(
        f"  press_release n={len(scores['press_release'])}, mean score {fmt(mean['press_release'])}; "
        f"conversational n={len(scores['conversational'])}, mean score {fmt(mean['conversational'])}"
    )
    out(f"  ROC AUC (press_release scores lower): {'—' if auc is None else f'{auc:.3f}'}")
    info.update(
        labels=dict(labels_seen), skipped=dict(skipped),
        n_press_release=len(scores["press_release"]), n_conversational=len(scores["conversational"]),
        mean_score=mean, roc_auc=auc,
    )
    return info


# -- eval: simplification pairs -------------------------------------------------------------------

def strong_flag(row: dict[str, Any]) -> bool | None:
    for key in STRONG_KEYS:
        if key in row:
            return truthy(row[key])
    return None


def has_classic_marker(text: str) -> bool:
    folded = text.lower().replace("ё", "е")
    return any(m in folded for m in CLASSIC_MARKERS)


def bench_pairs(eval_dir: Path, lin: Linter, out: Out, limit: int | None, n_examples: int) -> dict[str, Any] | None:
    loaded = open_eval_file(eval_dir, "simplification_pairs.jsonl", out, limit)
    if loaded is None:
        return None
    rows, info = loaded
    pairs = [
        (r["complex"], r["simple"], r)
        for r in rows
        if isinstance(r.get("complex"), str) and isinstance(r.get("simple"), str)
    ]
    if len(pairs) != len(rows):
        out(f"  {len(rows) - len(pairs)} rows without string «complex»/«simple» skipped")
    info["pairs"] = len(pairs)

    # Does the simple side score better?
    wins = ties = losses = 0
    for i, (cx, sp, _) in enumerate(pairs):
        progress(out, i, len(pairs), "pairs")
        a, b = lin.lint(cx), lin.lint(sp)
        if a is None or b is None:
            continue
        if b.score > a.score:
            wins += 1
        elif b.score == a.score:
            ties += 1
        else:
            losses += 1
    judged = wins + ties + losses
    simple_better = ratio(wins + 0.5 * ties, judged)
    out(
        f"  simple scores better than complex: {pct(simple_better)} of {judged} pairs "
        f"(better {wins}, tie {ties}, worse {losses}; ties count half)"
    )
    info.update(simple_better=simple_better, better=wins, ties=ties, worse=losses)

    # Are strong-marker complex sentences caught at all?
    flags = [strong_flag(r) for _, _, r in pairs]
    if any(f is not None for f in flags):
        strong = [cx for (cx, _, _), f in zip(pairs, flags) if f]
        how = "rows flagged strong/strong_marker/markers"
    else:
        strong = [cx for cx, _, _ in pairs if has_classic_marker(cx)]
        how = "no strong-marker flag in the data: using complex texts containing a classic marker (" + ", ".join(
            f"«{m}»" for m in CLASSIC_MARKERS) + ")"
    out(f"  strong-marker selection: {how}")
    caught = 0
    judged_strong = 0
    for cx in strong:
        r = lin.lint(cx)
        if r is None:
            continue
        judged_strong += 1
        caught += bool(r.diagnostics)
    strong_recall = ratio(caught, judged_strong)
    out(f"  strong-marker complex sentences with ≥1 finding: {pct(strong_recall)} ({caught}/{judged_strong})")
    info.update(strong_selection=how, strong_n=judged_strong, strong_caught=caught, strong_recall=strong_recall)

    # Does fix(unsafe=True) help?
    out("  fix(complex, unsafe=True):")
    changed = fewer = higher = both = done = 0
    examples: list[dict[str, Any]] = []
    unchanged_examples: list[dict[str, Any]] = []
    for i, (cx, sp, _) in enumerate(pairs):
        progress(out, i, len(pairs), "fixes")
        before = lin.lint(cx)
        result = lin.fix(cx)
        if before is None or result is None:
            continue
        after = lin.lint(result.text) if result.text != cx else before
        if after is None:
            continue
        done += 1
        is_changed = result.text != cx
        is_fewer = len(after.diagnostics) < len(before.diagnostics)
        is_higher = after.score > before.score
        changed += is_changed
        fewer += is_fewer
        higher += is_higher
        both += is_fewer and is_higher
        item = {
            "before": cx, "after": result.text, "reference": sp,
            "score_before": before.score, "score_after": after.score,
            "findings_before": len(before.diagnostics), "findings_after": len(after.diagnostics),
            "applied": sorted({d.code for d in result.applied}),
        }
        (examples if is_changed else unchanged_examples).append(item)
    out(f"    pairs fixed: {done}; text changed in {pct(ratio(changed, done))} ({changed})")
    out(f"    fewer findings: {pct(ratio(fewer, done))} ({fewer}); higher score: {pct(ratio(higher, done))} ({higher}); both: {pct(ratio(both, done))} ({both})")
    if changed:
        out(f"    among changed texts: fewer findings {pct(ratio(fewer, changed))}, higher score {pct(ratio(higher, changed))}")
    shown = (examples + unchanged_examples)[:n_examples]
    if shown:
        out(f"    {len(shown)} before/after examples" + ("" if examples else " (no text was changed)") + ":")
    for k, ex in enumerate(shown, 1):
        out(f"    [{k}] before ({ex['score_before']:.1f}, {ex['findings_before']} findings): {short(ex['before'])}")
        out(f"        after  ({ex['score_after']:.1f}, {ex['findings_after']} findings): {short(ex['after'])}")
        out(f"        simple (reference): {short(ex['reference'])}")
        if ex["applied"]:
            out(f"        applied: {', '.join(ex['applied'])}")
    info["fix"] = {
        "pairs": done, "changed": changed, "fewer_findings": fewer, "higher_score": higher, "both": both,
        "fewer_findings_share": ratio(fewer, done), "higher_score_share": ratio(higher, done),
        "changed_share": ratio(changed, done), "examples": shown,
    }
    return info


# -- eval: LanguageTool examples ------------------------------------------------------------------

def lt_is_bad(row: dict[str, Any]) -> bool | None:
    for key in ("bad", "is_bad", "incorrect", "is_error"):
        v = row.get(key)
        if isinstance(v, bool):
            return v
        if isinstance(v, (int, float)) and v in (0, 1):
            return bool(v)
    for key in ("label", "type", "kind", "polarity"):
        v = row.get(key)
        if isinstance(v, bool):
            return v
        if isinstance(v, (int, float)) and v in (0, 1):
            return bool(v)
        if isinstance(v, str):
            n = norm(v)
            if n in BAD_WORDS or n.startswith(("bad", "incorrect", "error")):
                return True
            if n in GOOD_WORDS or n.startswith(("good", "correct")):
                return False
    if row.get("correction") or row.get("corrections"):
        return True
    return None


def lt_items(row: dict[str, Any]) -> list[tuple[str, bool | None]]:
    """(text, is_bad) pairs of a row; a row may also carry both sides as «bad»/«good» strings."""
    items: list[tuple[str, bool | None]] = []
    key = first_key(row, TEXT_KEYS)
    if key and isinstance(row[key], str):
        items.append((row[key], lt_is_bad(row)))
    else:
        for side, flag in (("bad", True), ("incorrect", True), ("good", False), ("correct", False)):
            if isinstance(row.get(side), str) and row[side]:
                items.append((row[side], flag))
    return items


def is_direct(row: dict[str, Any]) -> bool:
    if "direct" in row:
        return truthy(row["direct"])
    family = row.get("family")
    return isinstance(family, str) and norm(family).startswith("direct")


def bench_languagetool(eval_dir: Path, lin: Linter, out: Out, limit: int | None) -> dict[str, Any] | None:
    loaded = open_eval_file(eval_dir, "languagetool_ru.jsonl", out, limit)
    if loaded is None:
        return None
    rows, info = loaded
    families: Counter[str] = Counter(str(r.get("family", "<none>")) for r in rows)
    direct_families = sorted({str(r.get("family", "<none>")) for r in rows if is_direct(r)})
    out("  families found: " + ", ".join(f"{f}={n}" for f, n in sorted(families.items())))
    out("  direct families: " + (", ".join(direct_families) if direct_families else "none (no «direct» flag, no family named direct*)"))
    info.update(families=dict(families), direct_families=direct_families)
    items = [(t, bad, str(r.get("family", "<none>"))) for r in rows if is_direct(r) for t, bad in lt_items(r)]
    unlabelled = sum(bad is None for _, bad, _ in items)
    if items and unlabelled == len(items):
        out("  no bad/good label on direct rows: every text counted as bad (recall only, no FPR)")
        items = [(t, True, f) for t, _, f in items]
    elif unlabelled:
        out(f"  {unlabelled} direct texts without a bad/good label skipped")
        items = [x for x in items if x[1] is not None]
    per_family: dict[str, dict[str, int]] = {}
    for i, (text, bad, family) in enumerate(items):
        progress(out, i, len(items), "LanguageTool")
        r = lin.lint(text)
        if r is None:
            continue
        s = per_family.setdefault(family, {"bad": 0, "bad_hit": 0, "good": 0, "good_hit": 0})
        hit = bool(r.diagnostics)
        if bad:
            s["bad"] += 1
            s["bad_hit"] += hit
        else:
            s["good"] += 1
            s["good_hit"] += hit
    total = {k: sum(s[k] for s in per_family.values()) for k in ("bad", "bad_hit", "good", "good_hit")}
    recall = ratio(total["bad_hit"], total["bad"])
    fpr = ratio(total["good_hit"], total["good"])
    out(f"  direct texts: {total['bad']} bad, {total['good']} good")
    out(f"  recall (bad texts with ≥1 finding): {pct(recall)}; false-positive rate (good texts with a finding): {pct(fpr)}")
    for family, s in sorted(per_family.items()):
        out(f"    {family:30} recall {pct(ratio(s['bad_hit'], s['bad']))} of {s['bad']:4}   FPR {pct(ratio(s['good_hit'], s['good']))} of {s['good']:4}")
    info.update(direct_texts=len(items), recall=recall, false_positive_rate=fpr, per_family=per_family, **total)
    return info


# -- seed sample ----------------------------------------------------------------------------------

def bench_seed_sample(path: Path, lin: Linter, out: Out) -> dict[str, Any] | None:
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
        report = lin.lint(text)
        if report is None:
            continue
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
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL, help=f"eval folder (default: {DEFAULT_EVAL})")
    parser.add_argument("--sample", type=Path, default=DEFAULT_SAMPLE, help="labelled seed sample (TOML)")
    parser.add_argument("--limit", type=int, default=None, help="at most N development rows per eval file")
    parser.add_argument("--examples", type=int, default=10, help="before/after fix examples to show")
    parser.add_argument("--json", action="store_true", help="print one JSON object on stdout (progress on stderr)")
    args = parser.parse_args(argv)
    out = Out(args.json)
    lin = Linter(out)
    argv_used = sys.argv if argv is None else ["quality.py", *argv]
    command = " ".join(shlex.quote(a) for a in [sys.executable, *argv_used])
    result: dict[str, Any] = {"command": command, "kanclint": getattr(kanclint, "__version__", "?")}
    rules = []
    try:
        rules = sorted({r.code for r in kanclint.all_rules()})
    except Exception:  # the registry is not part of what we measure
        pass
    result["rules"] = rules
    out(f"command: {command}")
    out(f"kanclint {result['kanclint']}, {len(rules)} rules")

    start = time.perf_counter()
    out("\n== seed sample: per-category precision and recall")
    result["seed_sample"] = bench_seed_sample(args.sample, lin, out)

    eval_dir = args.eval_dir
    if not eval_dir.is_dir():
        message = f"{eval_dir} not found: skipping the eval benchmarks"
        if eval_dir.resolve() == DEFAULT_EVAL.resolve():
            message = "../shared/eval not found: skipping the eval benchmarks"
        out(f"\n{message}")
        result["eval"] = {"skipped": message}
    else:
        out(f"\n== eval folder {eval_dir}")
        ev: dict[str, Any] = {"dir": str(eval_dir)}
        out("\n== real posts: does the score separate press releases from conversational posts?")
        ev["posts_real"] = bench_posts(eval_dir, lin, out, args.limit)
        out("\n== simplification pairs")
        ev["simplification_pairs"] = bench_pairs(eval_dir, lin, out, args.limit, args.examples)
        out("\n== LanguageTool examples (direct families)")
        ev["languagetool_ru"] = bench_languagetool(eval_dir, lin, out, args.limit)
        result["eval"] = ev

    elapsed = time.perf_counter() - start
    result["lint_calls"] = lin.calls
    result["seconds"] = round(elapsed, 2)
    result["lint_errors"] = dict(lin.errors)
    out(f"\n{lin.calls} texts linted in {elapsed:.1f} s" + (f"; {sum(lin.errors.values())} errors" if lin.errors else ""))
    for err, n in lin.errors.most_common(5):
        out(f"  {n} × {err}")
    broken = lin.calls > 0 and lin.failed == lin.calls
    if broken:
        out("every kanclint.lint call failed: the rule set is broken, the numbers above mean nothing")
        result["broken"] = True
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
