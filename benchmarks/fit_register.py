#!/usr/bin/env python3
"""Fit the register model behind kanclint's score on the labelled posts in ``../shared/eval``.

The runtime computes ``10 × σ(b + Σ wᵢ (xᵢ − refᵢ))`` from ``dictionaries/register/model.toml``;
this script is the only place that fits it.  It needs numpy and scipy (``pip install -e
".[bench]"``); kanclint itself never imports them.

* Features: the register signals (kanclint/engine/signals.py) and the finding groups
  (kanclint/engine/score.py), exactly as ``kanclint.lint`` computes them.
* Model: logistic regression, L2-penalised, with the sign of each weight fixed by
  linguistics, not by the data (conversational signals ≥ 0, findings and report
  signals ≤ 0), fitted with L-BFGS-B.  Signs keep the score explainable and make
  "fixing a finding never lowers the score" hold by construction.
* Balanced classes and, within a class, equal total weight per account, so the
  language-decade account (95 paragraphs, mostly press releases) does not decide alone.
* Validation: leave-one-account-out (the deputy is one account, each institution
  another): fit on the others, score the one left out.  AUC pooled and per account.

The account is never a feature.  The eval texts are read at run time and never copied.

Usage (from the project root)::

    .venv/bin/python benchmarks/fit_register.py            # cross-validate and print
    .venv/bin/python benchmarks/fit_register.py --write    # also write the shipped coefficients
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from scipy.optimize import minimize  # noqa: E402

import kanclint  # noqa: E402
from kanclint.engine.config import Config  # noqa: E402
from kanclint.engine.score import FINDING_FEATURES, model_path  # noqa: E402
from kanclint.engine.signals import SIGNALS  # noqa: E402

DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
POST_FILES = ("posts_real.jsonl", "posts_institutions.jsonl")

# +1: may only raise the score (conversational), −1: may only lower it (report style, findings).
SIGN = {
    "first-person": +1, "second-person": +1, "invitation": +1, "question": +1, "spoken": +1, "emotion": +1,
    "exclamation": +1, "address": +1, "emoji": +1, "verbs": +1, "narration": +1, "short-sentences": +1,
    "report-sentence": -1, "official-subject": -1, "report-phrase": -1, "official-vocabulary": -1, "short-passive": -1, "participles": -1,
    "abstract-nouns": -1, "nouns": -1, "genitive": -1, "capitalised": -1, "acronyms": -1, "numbers": -1,
    "sentence-length": -1, "word-length": -1,
    **{f: -1 for f in FINDING_FEATURES},
}
COSMETIC = {"exclamation", "address", "emoji"}
# Features measured from zero: a finding or a cosmetic sign only ever moves the score one way.
FROM_ZERO = set(FINDING_FEATURES) | COSMETIC
FEATURES = tuple(s.name for s in SIGNALS) + FINDING_FEATURES


@dataclass
class Row:
    text: str
    label: int  # 1 = press_release, 0 = conversational
    account: str
    features: np.ndarray


def load_rows(eval_dir: Path) -> list[Row]:
    cfg = Config(use_ignore_file=False)
    rows: list[Row] = []
    for name in POST_FILES:
        path = eval_dir / name
        if not path.exists():
            raise SystemExit(f"{path} not found: this script needs ../shared/eval")
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            if item["label"] not in ("press_release", "conversational"):
                continue
            report = kanclint.lint(item["text"], config=cfg)
            if report.score is None:
                continue  # not Russian: no score, not a training row
            x = np.array([report.features.get(f, 0.0) for f in FEATURES], dtype=float)
            rows.append(Row(item["text"], int(item["label"] == "press_release"), item["author"], x))
    return rows


def auc(pos: Sequence[float], neg: Sequence[float]) -> float | None:
    """P(a positive outranks a negative), ties count half."""
    if not pos or not neg:
        return None
    neg_sorted = np.sort(np.asarray(neg))
    total = 0.0
    for p in pos:
        lo = np.searchsorted(neg_sorted, p, side="left")
        hi = np.searchsorted(neg_sorted, p, side="right")
        total += lo + 0.5 * (hi - lo)
    return total / (len(pos) * len(neg))


@dataclass
class Fitted:
    intercept: float
    weights: np.ndarray  # per raw feature
    ref: np.ndarray
    caps: np.ndarray

    def logit(self, x: np.ndarray) -> np.ndarray:
        clipped = np.clip(x, 0.0, self.caps)
        return self.intercept + (clipped - self.ref) @ self.weights


def sample_weights(labels: np.ndarray, accounts: Sequence[str]) -> np.ndarray:
    """Each class weighs the same in total; within a class, each account weighs the same."""
    w = np.zeros(len(labels))
    for cls in (0, 1):
        idx = np.where(labels == cls)[0]
        accs = sorted({accounts[i] for i in idx})
        for a in accs:
            members = [i for i in idx if accounts[i] == a]
            # square root: a big account counts more than a small one, but not in proportion
            w[members] = math.sqrt(len(members)) / len(members)
        w[idx] *= len(labels) / 2 / w[idx].sum()
    return w


MIN_FINDING_LOGIT = 1.0  # the least a saturated finding group takes from the logit
# …except readability and typography («!!!», a long sentence): a fault of form, not of register
MIN_FINDING_LOGIT_BY_FEATURE = {"findings-readability": 0.5}
# Linguistic floors (logit per unit, here per 100 words) for signals the posts are too few to fit:
# present-tense scenes («жмёт штангу», «готовит торт») and spoken particles («вот», «ну», «просто»)
# mark living text in every genre, but the institutions' posts rarely use them, so the data alone
# would give them ~0.  A floor keeps them counting; leave-one-account-out shows what it costs.
PRIOR_MIN_WEIGHT = {"narration": 0.1, "spoken": 0.4}
COSMETIC_MAX_LOGIT = 0.3  # the most a cosmetic sign may add to the logit at its cap (set by --cosmetic)


def _bounds(feature: str, cap: float, std: float) -> tuple[float | None, float | None]:
    """Signed weights (in standardised units); cosmetic signs get a small ceiling or none at all."""
    if feature in COSMETIC:
        return (0.0, COSMETIC_MAX_LOGIT * std / cap)
    if feature in FINDING_FEATURES:
        # every finding group costs at least MIN_FINDING_LOGIT at saturation, so fixing pays
        return (None, -MIN_FINDING_LOGIT_BY_FEATURE.get(feature, MIN_FINDING_LOGIT) * std)
    if SIGN[feature] > 0:
        return (PRIOR_MIN_WEIGHT.get(feature, 0.0) * std, None)
    return (None, 0.0)


def fit(x: np.ndarray, y: np.ndarray, accounts: Sequence[str], l2: float) -> Fitted:
    caps = np.maximum(np.quantile(x, 0.97, axis=0), 1e-6)
    caps = np.where(caps <= 1e-6, np.maximum(x.max(axis=0), 1.0), caps)
    xc = np.clip(x, 0.0, caps)
    mean = xc.mean(axis=0)
    std = xc.std(axis=0)
    std = np.where(std < 1e-9, 1.0, std)
    z = (xc - mean) / std
    target = 1 - y  # the model predicts "conversational": the score is 10 × P(conversational)
    sw = sample_weights(y, accounts)
    n, k = z.shape

    def loss(params: np.ndarray) -> tuple[float, np.ndarray]:
        b, w = params[0], params[1:]
        s = b + z @ w
        p = 1.0 / (1.0 + np.exp(-s))
        eps = 1e-12
        ll = -(sw * (target * np.log(p + eps) + (1 - target) * np.log(1 - p + eps))).sum() / n
        grad_s = sw * (p - target) / n
        g = np.concatenate([[grad_s.sum()], z.T @ grad_s + 2 * l2 * w])
        return ll + l2 * (w @ w), g

    bounds = [(None, None)] + [_bounds(f, caps[i], std[i]) for i, f in enumerate(FEATURES)]
    result = minimize(loss, np.zeros(k + 1), jac=True, method="L-BFGS-B", bounds=bounds)
    b_std, w_std = result.x[0], result.x[1:]
    weights = w_std / std
    ref = np.array([0.0 if f in FROM_ZERO else m for f, m in zip(FEATURES, mean)])
    # b_std + Σ w (x − mean) = intercept + Σ w (x − ref)
    intercept = b_std + float(weights @ (ref - mean))
    return Fitted(float(intercept), weights, ref, caps)


DEFAULT_L2 = 0.1
DEFAULT_COSMETIC = 0.3


def evaluate(rows: list[Row], l2: float, out=print) -> dict[str, float | None]:
    x = np.array([r.features for r in rows])
    y = np.array([r.label for r in rows])
    accounts = [r.account for r in rows]
    oof = np.zeros(len(rows))
    for acc in sorted(set(accounts)):
        test = np.array([a == acc for a in accounts])
        model = fit(x[~test], y[~test], [a for a, t in zip(accounts, test) if not t], l2)
        oof[test] = model.logit(x[test])
    full = fit(x, y, accounts, l2)
    ins = full.logit(x)
    # AUC of "press release" against the score: lower logit = more press-release-like
    result: dict[str, float | None] = {}
    result["pooled_out_of_account"] = auc(list(-oof[y == 1]), list(-oof[y == 0]))
    result["pooled_in_sample"] = auc(list(-ins[y == 1]), list(-ins[y == 0]))
    out(f"  pooled AUC: out-of-account {fmt(result['pooled_out_of_account'])}, "
        f"in-sample {fmt(result['pooled_in_sample'])}  (l2={l2})")
    for acc in sorted(set(accounts)):
        m = np.array([a == acc for a in accounts])
        npos, nneg = int((y[m] == 1).sum()), int((y[m] == 0).sum())
        a_oof = auc(list(-oof[m & (y == 1)]), list(-oof[m & (y == 0)]))
        a_in = auc(list(-ins[m & (y == 1)]), list(-ins[m & (y == 0)]))
        flag = "  (≥10 of each label)" if min(npos, nneg) >= 10 else ""
        out(f"    {acc:28s} press {npos:3d} / conv {nneg:3d}: out-of-account {fmt(a_oof)}, in-sample {fmt(a_in)}{flag}")
        result[f"account:{acc}"] = a_oof
    return result


def fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def write_model(model: Fitted, path: Path, l2: float, n_rows: int) -> None:
    lines = [
        "# The register model behind kanclint's score (docs/scoring.md).",
        "# score = 10 × σ(intercept + Σ weight × (min(max(value, 0), cap) − ref))",
        "# Written by benchmarks/fit_register.py --write: logistic regression with signed weights,",
        f"# L2 = {l2}, fitted on {n_rows} labelled paragraphs of real VK posts (../shared/eval).",
        "# A linguist may edit any number here: the score follows, no Python involved.",
        "# Positive weights raise the score (conversational), negative ones lower it.",
        "",
        f"intercept = {model.intercept:.6f}",
        "cosmetic-cap = 0.4  # emoji, «!» and «Друзья,» add at most this many points",
        "",
    ]
    for i, name in enumerate(FEATURES):
        lines.append(f"[features.{name}]")
        lines.append(f"weight = {model.weights[i]:.6f}")
        lines.append(f"cap = {model.caps[i]:.6g}")
        lines.append(f"ref = {model.ref[i]:.6g}")
        if name in COSMETIC:
            lines.append("cosmetic = true")
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--l2", type=float, default=DEFAULT_L2)
    parser.add_argument("--grid", action="store_true", help="cross-validate a grid of L2 strengths")
    parser.add_argument("--write", action="store_true", help="write dictionaries/register/model.toml")
    parser.add_argument("--weights", action="store_true", help="print the fitted weights")
    parser.add_argument("--cosmetic", type=float, default=DEFAULT_COSMETIC,
                        help="largest logit a cosmetic sign (emoji, «!», «Друзья,») may add at its cap")
    args = parser.parse_args(argv)
    global COSMETIC_MAX_LOGIT
    COSMETIC_MAX_LOGIT = args.cosmetic
    rows = load_rows(args.eval_dir)
    print(f"{len(rows)} labelled paragraphs from {len({r.account for r in rows})} accounts")
    strengths = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3] if args.grid else [args.l2]
    for l2 in strengths:
        evaluate(rows, l2)
    x = np.array([r.features for r in rows])
    y = np.array([r.label for r in rows])
    model = fit(x, y, [r.account for r in rows], args.l2)
    if args.weights:
        order = np.argsort(model.weights * np.maximum(x.std(axis=0), 1e-9))
        for i in order:
            print(f"  {FEATURES[i]:20s} w={model.weights[i]:+.4f}  w·sd={model.weights[i] * x[:, i].std():+.3f}")
    if args.write:
        write_model(model, model_path(), args.l2, len(rows))
        print(f"wrote {model_path()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
