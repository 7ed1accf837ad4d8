#!/usr/bin/env python3
"""How soon the editor gets diagnostics from ``kanclint lsp``: after start-up and after each edit.

A real server process is started (``python -m kanclint lsp``) and driven by pygls' client
over stdio, as an editor would.  Two sessions are measured:

* **first diagnostics**: time from sending ``initialize`` to the first
  ``textDocument/publishDiagnostics``, with ``didOpen`` sent right after ``initialized``,
  for a post none of whose sentences needs the syntax parser (the target: ≤ 1 s) and for
  the 2,500-character post below (which needs it);
* **keystroke → diagnostics** on a post of about 2,500 characters made of the repository's
  ``examples/``: single edits at the top, in the middle and at the end (each types a new
  word, so the changed sentence is new to every cache), and pastes of about 1,760
  characters of ``tests/fixtures`` text in the middle.  Each edit is sent as a full-text
  ``textDocument/didChange`` and timed until the diagnostics for that version arrive.
  ``parsed`` edits type a new sentence in the middle that natasha's parser must confirm.

Edits start ``--settle`` seconds (default 3) after the first diagnostics, as a writer
reads before typing; meanwhile the server finishes warming up.  The server's debounce is set with ``debounceMs`` (default here 0, so the numbers are the
server's own work; in an editor the debounce, 150 ms by default, comes on top).

Run from the project root: ``.venv/bin/python benchmarks/lsp_latency.py [--repeat 5] [--json]``.
Not a test: timings depend on the machine and on its load.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from itertools import cycle
from pathlib import Path
from typing import Any, Sequence

from lsprotocol import types as t
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parents[1]
EDIT_GOAL_MS = 50.0
FIRST_GOAL_S = 1.0
WORDS = ("сегодня", "вчера", "снова", "опять", "тоже", "наконец", "кстати", "вообще", "точно", "сразу",
         "вместе", "быстро", "рано", "поздно", "заранее", "отдельно")
NO_SYNTAX_POST = (
    "Привет! Завтра открываем каток в парке 🙂\n\n"
    "Коньки можно взять напрокат у входа. Приходите с друзьями и детьми, будет горячий чай.\n\n"
    "Ждём всех с десяти утра до девяти вечера!\n"
)


def percentile(values: Sequence[float], q: float) -> float:
    data = sorted(values)
    pos = (len(data) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(data) - 1)
    return data[lo] + (data[hi] - data[lo]) * (pos - lo)


def _texts(folder: str, pattern: str) -> list[str]:
    return [p.read_text(encoding="utf-8").strip() for p in sorted((ROOT / folder).glob(pattern)) if p.is_file()]


def make_post(chars: int) -> str:
    """About ``chars`` characters of realistic drafts (the examples), cut after a sentence."""
    parts = [p for p in _texts("examples", "*") if p] or ["Ждём всех!!! Следует отметить, что вход свободный."]
    text = ""
    for part in cycle(parts):
        if len(text) >= chars:
            break
        text += part + "\n\n"
    end = max(text.rfind(c, 0, chars) for c in ".!?")
    return text[: end + 1] + "\n"


def pastes(chars: int, count: int) -> list[str]:
    """``count`` different pieces of about ``chars`` characters of fixture text (not in the post)."""
    source = "\n\n".join(_texts("tests/fixtures", "*.txt")) or make_post(chars * 2)
    step = max(1, (len(source) - chars) // max(count, 1))
    out = []
    for i in range(count):
        piece = source[i * step: i * step + chars]
        out.append("\n\n" + piece.strip() + "\n\n")
    return out


def edits(post: str, repeat: int, paste_chars: int) -> list[tuple[str, str]]:
    """(kind, text) for each timed version; every edit starts again from ``post``."""
    out: list[tuple[str, str]] = []
    words = cycle(WORDS)
    first_end = min(i for i in (post.find(c) for c in ".!?") if i >= 0)
    middle = post.find(" ", len(post) // 2)
    last_space = post.rstrip().rfind(" ")
    for i in range(repeat):
        out.append(("top", post[:first_end] + f" {next(words)} {i}" + post[first_end:]))
        out.append(("middle", post[:middle] + f" {next(words)} {i}" + post[middle:]))
        out.append(("end", post[:last_space] + f" {next(words)} {i}" + post[last_space:]))
        # a new sentence the parser must confirm (a passive with its agent): the parser's cost for one sentence
        out.append(("parsed", post[:middle] + f" Решение {next(words)} принято главой района {i}." + post[middle:]))
    at = post.find("\n\n", len(post) // 2)
    for piece in pastes(paste_chars, repeat):
        out.append(("paste", post[:at] + piece.rstrip("\n") + post[at:]))
    return out


async def session(first_post: str, changes: list[tuple[str, str]], debounce_ms: float,
                  project: Path = ROOT, settle: float = 0.0) -> dict[str, Any]:
    published: dict[int | None, asyncio.Future[float]] = {}
    loop = asyncio.get_running_loop()
    client = LanguageClient("kanclint-latency", "1")

    @client.feature(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: t.PublishDiagnosticsParams) -> None:
        arrived = time.perf_counter()
        future = published.setdefault(params.version, loop.create_future())
        if not future.done():
            future.set_result(arrived)

    def wait(version: int) -> asyncio.Future[float]:
        return published.setdefault(version, loop.create_future())

    started = time.perf_counter()
    await client.start_io(sys.executable, "-m", "kanclint", "lsp", cwd=str(project))
    timings: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        sent_initialize = time.perf_counter()
        await client.initialize_async(t.InitializeParams(
            capabilities=t.ClientCapabilities(), root_uri=root.as_uri(),
            initialization_options={"debounceMs": debounce_ms}))
        client.initialized(t.InitializedParams())
        uri = (root / "post.txt").as_uri()
        client.text_document_did_open(t.DidOpenTextDocumentParams(
            t.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=first_post)))
        first = await asyncio.wait_for(wait(1), 300)
        await asyncio.sleep(settle)  # a writer reads the findings before typing; the parser warms meanwhile
        for version, (kind, text) in enumerate(changes, start=2):
            sent = time.perf_counter()
            client.text_document_did_change(t.DidChangeTextDocumentParams(
                text_document=t.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[t.TextDocumentContentChangeWholeDocument(text=text)]))
            timings.setdefault(kind, []).append(await asyncio.wait_for(wait(version), 120) - sent)
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()
    return {
        "process_start_s": sent_initialize - started,
        "initialize_to_first_diagnostics_s": first - sent_initialize,
        "edits": {k: summary(v) for k, v in timings.items()},
    }


def summary(values: Sequence[float]) -> dict[str, float]:
    ms = [1000 * v for v in values]
    return {"n": len(ms), "median_ms": percentile(ms, 50), "max_ms": max(ms), "min_ms": min(ms),
            "times_ms": [round(m, 1) for m in ms]}


def needs_parser(text: str) -> bool:
    """Whether linting ``text`` asks natasha for a parse (checked in a fresh process)."""
    code = ("import sys, kanclint, kanclint.text.nlp as n; kanclint.lint(sys.stdin.read()); "
            "print(len(n._PARSE_CACHE))")
    out = subprocess.run([sys.executable, "-c", code], input=text, capture_output=True, text=True, cwd=ROOT,
                         check=True)
    return out.stdout.strip() != "0"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="edits of each kind (default 5)")
    parser.add_argument("--chars", type=int, default=2500, help="size of the post (default 2500)")
    parser.add_argument("--paste-chars", type=int, default=1760, help="size of a paste (default 1760)")
    parser.add_argument("--debounce-ms", type=float, default=0, help="server debounce (default 0: pure latency)")
    parser.add_argument("--settle", type=float, default=3.0,
                        help="seconds between the first diagnostics and the first edit (default 3)")
    parser.add_argument("--project", type=Path, default=ROOT,
                        help="run the server from this source tree (default: this one), e.g. an old checkout")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)

    post = make_post(args.chars)
    changes = edits(post, args.repeat, args.paste_chars)
    result: dict[str, Any] = {
        "post_chars": len(post),
        "paste_chars": [len(text) - len(post) for kind, text in changes if kind == "paste"],
        "debounce_ms": args.debounce_ms,
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "post_needs_parser": needs_parser(post),
        "no_syntax_post_needs_parser": needs_parser(NO_SYNTAX_POST),
        "no_syntax_session": asyncio.run(session(NO_SYNTAX_POST, [], args.debounce_ms, args.project)),
        "settle_s": args.settle,
        "session": asyncio.run(session(post, changes, args.debounce_ms, args.project, args.settle)),
    }
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0

    quick, main_run = result["no_syntax_session"], result["session"]
    print(f"post: {result['post_chars']} characters (needs the parser: {result['post_needs_parser']}); "
          f"server debounce {args.debounce_ms:g} ms")
    print(f"machine: {result['cpus']} CPUs, load average {', '.join(f'{x:.2f}' for x in result['load_average'] or [])}")
    first = quick["initialize_to_first_diagnostics_s"]
    print(f"initialize → first diagnostics, post without syntax candidates "
          f"({len(NO_SYNTAX_POST)} chars, needs the parser: {result['no_syntax_post_needs_parser']}): {first:.2f} s "
          f"— goal ≤ {FIRST_GOAL_S:g} s {'met' if first <= FIRST_GOAL_S else 'NOT met'}")
    print(f"initialize → first diagnostics, the {result['post_chars']}-character post: "
          f"{main_run['initialize_to_first_diagnostics_s']:.2f} s (process start before it: "
          f"{main_run['process_start_s']:.2f} s)")
    worst = 0.0
    for kind, s in main_run["edits"].items():
        worst = max(worst, s["max_ms"])
        print(f"didChange → publishDiagnostics, {kind:<6}: median {s['median_ms']:6.1f} ms, "
              f"min {s['min_ms']:6.1f} ms, max {s['max_ms']:6.1f} ms ({s['n']} edits)")
    print(f"edits started {args.settle:g} s after the first diagnostics")
    print(f"goal: every edit ≤ {EDIT_GOAL_MS:.0f} ms after the debounce — {'met' if worst <= EDIT_GOAL_MS else 'NOT met'}"
          f" (worst {worst:.1f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
