#!/usr/bin/env python3
"""Whether lint time, peak memory and printed output grow linearly with the size of one text.

Issue #9 found quadratic stages (1 MB in 15 s, 4 MB in 214 s, a one-line
megabyte at 9 GB): each size here runs in a fresh subprocess so peak memory
(``ru_maxrss``) belongs to that size alone, and the script prints the ratio of
every measure to the smallest size next to the ratio of sizes.  Linear growth
means the two ratios stay close; a quadratic stage makes the time ratio the
square of the size ratio.

The texts are built only from the repository's own Russian texts: ``examples/``,
the rule documentation examples and the dictionaries' example sentences, cycled
in a fixed pseudo-random order to the wanted size.  ``--one-line`` joins them with
spaces instead of blank lines (the worst case for per-line output and sentence
splitting).

Run from the project root::

    .venv/bin/python benchmarks/scaling.py                    # 0.25, 1, 2, 4 MB
    .venv/bin/python benchmarks/scaling.py --sizes 0.25 1 --one-line
    .venv/bin/python benchmarks/scaling.py --one-sentence     # no punctuation at all
    .venv/bin/python benchmarks/scaling.py --profile 1        # cProfile of one 1 MB lint
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def source_texts() -> list[str]:
    """Paragraphs of the repository's own texts (never anything outside it)."""
    import tomllib

    from kanclint.dictionaries import builtin_files, parse_example
    from kanclint.registry import all_rules

    texts: list[str] = []
    for path in sorted((ROOT / "examples").glob("*")):
        for para in path.read_text(encoding="utf-8").split("\n\n"):
            if para.strip():
                texts.append(para.strip())
    for rule in all_rules():
        for attr in ("example", "instead"):
            value = getattr(rule, attr, "")
            if value and not value.startswith("("):
                texts.append(value)
    for path in builtin_files():
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for entry in data.get("entry", []):
            for item in entry.get("examples", []):
                texts.append(parse_example(item, str(path)).text)
    return texts


def build_text(megabytes: float, *, one_line: bool = False, one_sentence: bool = False, seed: int = 9) -> str:
    """About ``megabytes`` MB (UTF-8) of the source texts in a fixed shuffled order.

    ``one_sentence`` keeps only the words, in lower case, on one line: a single
    sentence as long as the text (the worst case for per-sentence work).
    """
    texts = source_texts()
    if one_sentence:
        import re

        texts = [" ".join(re.findall(r"[^\W\d_]+", t)).lower() for t in texts]
        one_line = True
    rng = random.Random(seed)
    target = int(megabytes * 1024 * 1024)
    parts: list[str] = []
    size = 0
    sep = " " if one_line else "\n\n"
    while size < target:
        order = texts[:]
        rng.shuffle(order)
        for t in order:
            if one_line:
                t = " ".join(t.split())
            parts.append(t)
            size += len(t.encode("utf-8")) + len(sep)
            if size >= target:
                break
    return sep.join(parts)


def measure(megabytes: float, one_line: bool, output: str | None, traced: bool = True,
            one_sentence: bool = False) -> dict[str, float]:
    """Lint one text in this process; called in a fresh subprocess per size."""
    import resource

    import kanclint

    warm_up()
    text = build_text(megabytes, one_line=one_line, one_sentence=one_sentence)
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    cpu = time.process_time()
    report = kanclint.lint(text)
    lint_s = time.perf_counter() - started
    lint_cpu = time.process_time() - cpu
    findings = len(report.diagnostics)
    out_s = 0.0
    out_bytes = 0
    if output:
        from kanclint.output import format_full

        started = time.process_time()
        out_bytes = len(format_full(report).encode("utf-8"))
        out_s = time.process_time() - started
    traced_peak = float("nan")
    if traced:  # a second, untimed lint: tracemalloc slows Python down
        import tracemalloc

        from kanclint.nlp import clear_caches

        del report
        clear_caches()
        tracemalloc.start()
        kanclint.lint(text)
        traced_peak = tracemalloc.get_traced_memory()[1] / 1024 / 1024
        tracemalloc.stop()
    return {
        "mb": megabytes,
        "traced_peak_mib": traced_peak,
        "chars": len(text),
        "findings": findings,
        "lint_s": lint_s,
        "lint_cpu_s": lint_cpu,
        "output_s": out_s,
        "output_mb": out_bytes / 1024 / 1024,
        "base_rss_mib": base_rss,
        "maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def warm_up() -> None:
    """Load the dictionaries and models and parse every word form once: loading is not what scales.

    No large Document is built here, so the peak RSS after the warm-up is the
    baseline the lint of each size grows from.  Sentences stay new to the syntax
    and NER caches (within one lint, a sentence that repeats is still parsed once:
    the texts cycle).
    """
    import re

    import kanclint
    from kanclint.analysis import _word_info
    from kanclint.nlp import _models

    kanclint.lint("Данный текст прогревает словари. Мы ждём вас!")
    _models()
    for word in set(re.findall(r"[^\W\d_]+", "\n".join(source_texts()))):
        _word_info(word)


def profile(megabytes: float, one_line: bool, one_sentence: bool = False) -> None:
    import cProfile
    import pstats

    import kanclint

    warm_up()
    text = build_text(megabytes, one_line=one_line, one_sentence=one_sentence)
    prof = cProfile.Profile()
    prof.enable()
    kanclint.lint(text)
    prof.disable()
    stats = pstats.Stats(prof)
    stats.sort_stats("tottime").print_stats(30)
    stats.sort_stats("cumulative").print_stats(40)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[0.25, 1, 2, 4], help="sizes in MB")
    ap.add_argument("--one-line", action="store_true", help="the whole text on one line")
    ap.add_argument("--one-sentence", action="store_true",
                    help="only the words, no punctuation: the whole text is one sentence")
    ap.add_argument("--no-output", action="store_true", help="do not time the full output format")
    ap.add_argument("--no-tracemalloc", action="store_true", help="skip the second lint that measures allocations")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--profile", type=float, metavar="MB", help="cProfile one lint of this size instead")
    ap.add_argument("--_child", type=float, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.profile:
        profile(args.profile, args.one_line, args.one_sentence)
        return 0
    if args._child is not None:
        print(json.dumps(measure(args._child, args.one_line, None if args.no_output else "full",
                                 traced=not args.no_tracemalloc, one_sentence=args.one_sentence)))
        return 0
    rows = []
    for mb in args.sizes:
        cmd = [sys.executable, __file__, "--_child", str(mb)]
        if args.one_line:
            cmd.append("--one-line")
        for flag in ("no_output", "no_tracemalloc", "one_sentence"):
            if getattr(args, flag):
                cmd.append("--" + flag.replace("_", "-"))
        done = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT)
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        if not args.json:
            r = rows[-1]
            print(f"{r['mb']:>6.2f} MB  {r['chars']:>9} chars  {r['findings']:>7} findings  "
                  f"lint {r['lint_s']:7.2f} s (CPU {r['lint_cpu_s']:7.2f} s)  output CPU {r['output_s']:5.2f} s ({r['output_mb']:6.1f} MB)  "
                  f"peak RSS {r['maxrss_mib']:5.0f} MiB  traced peak {r['traced_peak_mib']:6.1f} MiB", flush=True)
    base = rows[0]
    for r in rows:
        r["size_ratio"] = r["chars"] / base["chars"]
        # CPU time: on a shared machine, wall time also counts the other processes' turns
        r["time_ratio"] = r["lint_cpu_s"] / base["lint_cpu_s"] if base["lint_cpu_s"] else float("nan")
        r["output_ratio"] = r["output_s"] / base["output_s"] if base["output_s"] else float("nan")
        r["memory_ratio"] = r["traced_peak_mib"] / base["traced_peak_mib"]
    if args.json:
        print(json.dumps({"command": " ".join(sys.argv), "one_line": args.one_line,
                          "one_sentence": args.one_sentence, "rows": rows}, indent=2))
        return 0
    print()
    shape = " (one sentence)" if args.one_sentence else " (one line)" if args.one_line else ""
    print(f"ratios to {base['mb']} MB{shape}:")
    print("  size   lint CPU    output CPU    traced peak   time/size   memory/size")
    for r in rows:
        print(f"  {r['size_ratio']:5.1f}  {r['time_ratio']:9.2f}  {r['output_ratio']:11.2f}  "
              f"{r['memory_ratio']:11.2f}  {r['time_ratio'] / r['size_ratio']:9.2f}  "
              f"{r['memory_ratio'] / r['size_ratio']:11.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
