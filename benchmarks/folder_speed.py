#!/usr/bin/env python3
"""How long ``kanclint FOLDER`` takes over a folder of 1,000 posts, on one core and on all.

The posts are made in a temporary folder from the repository's own texts (``examples/``
and ``tests/fixtures/``): each post is 2–5 of their paragraphs, picked and ordered by a
seeded random generator, so every run checks the same 1,000 different files.  The real
``kanclint`` command is run as a subprocess, once with ``--jobs 1`` and once with the
default (all cores), and for each run the script prints the wall time, the CPU time of the
process and its workers (and so the CPU use: 100 % is one core busy), the time until the
first line of output arrived, and the exit code.  stdout is a pipe, so no progress bar
is drawn.

Run from the project root: ``.venv/bin/python benchmarks/folder_speed.py [--posts 1000] [--json]``.
Not a test: timings depend on the machine and on its load.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Sequence

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("examples", "tests/fixtures")


def paragraphs() -> list[str]:
    """Every paragraph of the repository's example and fixture texts."""
    found: list[str] = []
    for folder in SOURCES:
        for path in sorted((ROOT / folder).glob("*")):
            if path.is_file() and path.suffix in (".txt", ".md"):
                text = path.read_text(encoding="utf-8")
                found += [p.strip() for p in re.split(r"\n[ \t]*\n", text) if p.strip()]
    return found


def make_folder(folder: Path, posts: int, seed: int = 13) -> int:
    """Write ``posts`` posts into ``folder``; returns their total size in characters."""
    rng = random.Random(seed)
    pool = paragraphs()
    total = 0
    for i in range(posts):
        text = "\n\n".join(rng.sample(pool, k=min(len(pool), rng.randint(2, 5)))) + "\n"
        (folder / f"post-{i:04d}.txt").write_text(text, encoding="utf-8")
        total += len(text)
    return total


def run(folder: Path, extra: Sequence[str], project: Path = ROOT) -> dict[str, Any]:
    """Run kanclint over ``folder``; wall time, CPU time of it and its workers, time to first line."""
    command = [sys.executable, "-m", "kanclint", "check", "--isolated", *extra, str(folder)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=project)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    first_at = time.perf_counter() - started if first else None
    lines = 1 if first else 0
    for _ in proc.stdout:
        lines += 1
    stderr = proc.stderr.read()
    code = proc.wait()
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {
        "command": " ".join(["kanclint", *command[3:]]),
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),
        "cpu_percent": round(100 * cpu / wall),
        "first_output_s": None if first_at is None else round(first_at, 2),
        "output_lines": lines,
        "exit_code": code,
        "stderr": stderr.decode("utf-8", "replace")[-500:],
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=1000, help="posts in the folder (default 1000)")
    parser.add_argument("--output-format", default="full", help="kanclint output format (default full)")
    parser.add_argument("--project", type=Path, default=ROOT,
                        help="run the kanclint found in this source tree (default: this one), e.g. an old checkout")
    parser.add_argument("--plain", action="store_true",
                        help="one run of plain `kanclint FOLDER` (for versions without --jobs)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="kanclint-folder-") as tmp:
        folder = Path(tmp)
        chars = make_folder(folder, args.posts)
        fmt = ["--output-format", args.output_format]
        if args.plain:
            runs = {"plain": run(folder, fmt, args.project)}
        else:
            runs = {"jobs_1": run(folder, ["--jobs", "1", *fmt], args.project),
                    "default": run(folder, fmt, args.project)}
    result = {"posts": args.posts, "characters": chars, "cpus": os.cpu_count(),
              "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None, "runs": runs}
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print(f"folder: {args.posts} posts, {chars:,} characters; machine: {result['cpus']} CPUs, load average "
          + ", ".join(f"{x:.2f}" for x in result["load_average"] or []))
    for name, r in runs.items():
        first = "—" if r["first_output_s"] is None else f"{r['first_output_s']:.2f} s"
        print(f"{r['command'].replace(str(tmp), 'FOLDER')}")
        print(f"    {r['wall_s']:.2f} s wall, {r['cpu_s']:.2f} s CPU ({r['cpu_percent']} % of one core), "
              f"first output after {first}, {r['output_lines']} lines, exit code {r['exit_code']}")
        if r["exit_code"] not in (0, 1):
            print("    stderr: " + r["stderr"].strip().replace("\n", "\n    "))
    return 0


if __name__ == "__main__":
    sys.exit(main())
