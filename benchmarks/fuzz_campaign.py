#!/usr/bin/env python3
"""A long Hypothesis campaign (issue #9): kanclint on Russian-heavy junk must never break.

Every generated string is linted and fixed, and these invariants are checked:

* **no crash**: ``kanclint.lint`` and ``kanclint.fix`` return for any string;
* **offsets**: every finding and edit lies in ``0 <= start <= end <= len(text)``, the
  offsets are ints (code points: a Python ``str`` index can never split a character)
  and ``text[start:end] == match``; the JSON form's line and column agree with the offsets;
* **idempotent fixes**: ``fix(fix(x)) == fix(x)`` (unsafe fixes included);
* **deterministic**: two lints of the same text give the same JSON.

Failures are counted, not raised, so one bug does not stop the campaign; the
first examples of each kind are printed.  Run from the project root::

    .venv/bin/python benchmarks/fuzz_campaign.py                  # 20,000 examples
    .venv/bin/python benchmarks/fuzz_campaign.py --examples 500 --seed 1
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections import Counter
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

WORDS = [
    "данный", "данной", "в целях", "осуществляет контроль за", "следует отметить, что", "Мы", "вы",
    "ну", "кстати", "в рамках", "принять участие", "на сегодняшний день", "было проведено",
    "администрацией", "района", "И. А. Иванов", "МФЦ", "ВНИМАНИЕ", "Следует", "отметить", "состоялось",
    "15 апреля", "в соответствии с", "является", "производится", "в связи с", "мероприятие",
    "Администрация района провела", "приходите", "ждём", "«цитата»", "— сказал глава", "Ёлка", "ё",
    "https://x.ru", "#тег", "@user", "`код`", "```", "!!!", "?", ":", "—", ",", ".", "…",
]
SPECIAL = [
    "😀", "👍🏽", "👨\u200d👩\u200d👧", "❗️", "1️⃣",  # emoji, a ZWJ sequence, a keycap
    "\u0301", "\u0300", "\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff",  # invisible marks
    "\r", "\r\n", "\n", "\n\n", "\u2028", "\u2029", "\x00", "\t", "\x1b[31m", "\x1b]0;t\x07",
    " ", "\u00a0",
]

pieces = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS).map(lambda w: w.upper()),
    st.sampled_from(SPECIAL),
    st.text(alphabet=st.characters(min_codepoint=0x400, max_codepoint=0x4FF), max_size=8),  # Cyrillic
    st.text(max_size=4),  # anything at all, surrogates excluded by Hypothesis
)
sentences = st.lists(pieces, min_size=1, max_size=40).map(" ".join)
TEXTS = st.one_of(
    st.lists(pieces, max_size=40).map(" ".join),
    st.lists(pieces, max_size=40).map("".join),
    # posts: several paragraphs of several «sentences», separated by any kind of line break
    st.tuples(
        st.lists(st.lists(sentences, min_size=1, max_size=6).map(". ".join), min_size=1, max_size=5),
        st.sampled_from(["\n\n", "\r\n\r\n", "\n", "\r", "\u2028", " "]),
    ).map(lambda parts: parts[1].join(parts[0])),
    st.text(max_size=200),
)


def check(text: str) -> list[tuple[str, str]]:
    """The invariants broken by ``text``, as ``(kind, detail)``; a crash is kind ``crash``."""
    import kanclint
    from kanclint.model import line_column

    problems: list[tuple[str, str]] = []
    try:
        report = kanclint.lint(text)
    except Exception:
        return [("crash", "lint: " + traceback.format_exc(limit=3))]
    for d in report.diagnostics:
        if not (isinstance(d.start, int) and isinstance(d.end, int) and 0 <= d.start <= d.end <= len(text)):
            problems.append(("offsets", f"{d.code} {d.start}..{d.end} of {len(text)}"))
            continue
        if text[d.start:d.end] != d.match:
            problems.append(("offsets", f"{d.code} match {d.match!r} != text {text[d.start:d.end]!r}"))
        for e in d.fix.edits if d.fix else ():
            if not 0 <= e.start <= e.end <= len(text):
                problems.append(("offsets", f"{d.code} edit {e.start}..{e.end} of {len(text)}"))
    try:
        data = report.to_dict()
        for d, row in zip(report.diagnostics, data["diagnostics"]):
            if (row["line"], row["column"]) != line_column(text, d.start):
                problems.append(("offsets", f"{d.code} line/column {row['line']}:{row['column']}"))
        if kanclint.lint(text).to_dict() != data:
            problems.append(("deterministic", "two lints differ"))
    except Exception:
        problems.append(("crash", "to_dict: " + traceback.format_exc(limit=3)))
    try:
        once = kanclint.fix(text, unsafe=True)
        twice = kanclint.fix(once.text, unsafe=True)
        if twice.text != once.text:
            problems.append(("idempotent", f"{once.text!r} -> {twice.text!r}"))
    except Exception:
        problems.append(("crash", "fix: " + traceback.format_exc(limit=3)))
    return problems


def campaign(examples: int, random_seed: int, show: int = 3, progress: bool = True) -> dict[str, Any]:
    """Run ``examples`` generated strings through :func:`check`; counts by kind and the first failures."""
    counts: Counter[str] = Counter()
    failing: dict[str, list[tuple[str, str]]] = {}
    started = time.monotonic()

    @seed(random_seed)
    @settings(max_examples=examples, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(TEXTS)
    def run(text: str) -> None:
        counts["examples"] += 1
        broken = check(text)
        kinds = {kind for kind, _ in broken}
        for kind, detail in broken:
            if len(failing.setdefault(kind, [])) < show:
                failing[kind].append((text, detail))
        for kind in kinds:
            counts[kind] += 1
        if progress and counts["examples"] % 1000 == 0:
            print(f"  {counts['examples']} examples, {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)

    run()
    return {"counts": counts, "failing": failing, "seconds": time.monotonic() - started}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--examples", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=9)
    args = ap.parse_args(argv)
    import kanclint

    kanclint.lint("Данный текст прогревает словари.")
    result = campaign(args.examples, args.seed)
    counts = result["counts"]
    violations = sum(counts[k] for k in ("offsets", "idempotent", "deterministic"))
    print(f"command: {' '.join([sys.executable.rsplit('/', 1)[-1], *sys.argv])}")
    print(f"examples run: {counts['examples']} in {result['seconds']:.0f} s")
    print(f"crashes: {counts['crash']}")
    print(f"invariant violations: {violations} (offsets {counts['offsets']}, idempotent fixes "
          f"{counts['idempotent']}, deterministic {counts['deterministic']})")
    for kind, items in result["failing"].items():
        print(f"\nfirst {kind}:")
        for text, detail in items:
            print(f"  text {text!r}\n    {detail.strip()}")
    return 1 if counts["crash"] or violations else 0


if __name__ == "__main__":
    sys.exit(main())
