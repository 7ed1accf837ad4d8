#!/usr/bin/env python3
"""How long after an edit the editor gets fresh diagnostics from ``kanclint lsp``.

A real server process is started (``python -m kanclint lsp``) and driven by pygls' client
over stdio, as an editor would.  One post of about 3,000 characters is opened; the first
lint (dictionaries, pymorphy3, natasha) is reported on its own.  Then each of ``--changes``
edits (a word typed, an «!!!» added or removed) is sent as ``textDocument/didChange`` and
timed until the ``textDocument/publishDiagnostics`` for that version arrives.

The debounce is set to 0 through ``initializationOptions`` (``debounceMs``), so the numbers
are the server's own work; in an editor the debounce (150 ms by default) is added on top
while the user keeps typing.  For comparison the script also times ``kanclint.lint`` on the
same texts in this process: the difference is what the protocol costs.

Run from the project root: ``.venv/bin/python benchmarks/lsp_latency.py [--changes 30] [--json]``.
Not a test: timings depend on the machine and on its load.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from itertools import cycle
from pathlib import Path
from typing import Any, Sequence

from lsprotocol import types as t
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parents[1]
GOAL_MS = 100.0
EDITS = (" кстати", "!!!", " Следует отметить, что", " и", "!!")


def percentile(values: Sequence[float], q: float) -> float:
    data = sorted(values)
    pos = (len(data) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(data) - 1)
    return data[lo] + (data[hi] - data[lo]) * (pos - lo)


def make_post(chars: int) -> str:
    """About ``chars`` characters of realistic drafts (the examples), cut after a sentence."""
    parts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*")) if p.is_file()]
    parts = [p.strip() for p in parts if p.strip()] or ["Ждём всех!!! Следует отметить, что вход свободный."]
    text = ""
    for part in cycle(parts):
        if len(text) >= chars:
            break
        text += part + "\n\n"
    end = max(text.rfind(c, 0, chars) for c in ".!?")
    return text[: end + 1] + "\n"


def variants(text: str, count: int) -> list[str]:
    """Successive buffers: each differs from the previous one by a small edit somewhere in the post."""
    out = []
    sentence_ends = [i for i, c in enumerate(text) if c in ".!?"] or [len(text) - 1]
    current = text
    for i in range(count):
        at = sentence_ends[(i * 7) % len(sentence_ends)]
        if i % 2 == 0:
            current = text[:at] + EDITS[(i // 2) % len(EDITS)] + text[at:]
        else:
            current = text  # undo: the previous finding disappears again
        out.append(current)
    return out


def summary(values: Sequence[float]) -> dict[str, float]:
    ms = [1000 * v for v in values]
    return {"median_ms": percentile(ms, 50), "p95_ms": percentile(ms, 95), "max_ms": max(ms), "min_ms": min(ms)}


async def measure(post: str, changes: int, debounce_ms: float) -> dict[str, Any]:
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
    await client.start_io(sys.executable, "-m", "kanclint", "lsp")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        await client.initialize_async(t.InitializeParams(
            capabilities=t.ClientCapabilities(), root_uri=root.as_uri(),
            initialization_options={"debounceMs": debounce_ms}))
        client.initialized(t.InitializedParams())
        initialized = time.perf_counter()
        uri = (root / "post.txt").as_uri()
        client.text_document_did_open(t.DidOpenTextDocumentParams(
            t.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=post)))
        first = await asyncio.wait_for(wait(1), 300)

        latencies = []
        for version, text in enumerate(variants(post, changes), start=2):
            sent = time.perf_counter()
            client.text_document_did_change(t.DidChangeTextDocumentParams(
                text_document=t.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[t.TextDocumentContentChangeWholeDocument(text=text)]))
            latencies.append(await asyncio.wait_for(wait(version), 60) - sent)

        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()
    return {
        "start_and_initialize_s": initialized - started,
        "first_diagnostics_s": first - initialized,
        "changes": len(latencies),
        **summary(latencies),
    }


def in_process(post: str, changes: int) -> dict[str, float]:
    import kanclint

    kanclint.lint(post)  # loading is not what we compare
    times = []
    for text in variants(post, changes):
        t0 = time.perf_counter()
        kanclint.lint(text)
        times.append(time.perf_counter() - t0)
    return summary(times)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--changes", type=int, default=30, help="timed edits (default 30)")
    parser.add_argument("--chars", type=int, default=3000, help="size of the post (default 3000)")
    parser.add_argument("--debounce-ms", type=float, default=0, help="server debounce (default 0: pure latency)")
    parser.add_argument("--no-in-process", action="store_true", help="skip timing kanclint.lint in this process")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)

    post = make_post(args.chars)
    result: dict[str, Any] = {
        "post_chars": len(post),
        "debounce_ms": args.debounce_ms,
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "lsp": asyncio.run(measure(post, args.changes, args.debounce_ms)),
    }
    if not args.no_in_process:
        result["lint_in_process"] = in_process(post, args.changes)
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0

    lsp = result["lsp"]
    print(f"post: {result['post_chars']} characters, {lsp['changes']} edits, server debounce {args.debounce_ms:g} ms")
    print(f"machine: {result['cpus']} CPUs, load average {', '.join(f'{x:.2f}' for x in result['load_average'] or [])}")
    print(f"start + initialize: {lsp['start_and_initialize_s']:.2f} s; first diagnostics (loads models): "
          f"{lsp['first_diagnostics_s']:.2f} s")
    print(f"didChange → publishDiagnostics: median {lsp['median_ms']:.1f} ms, p95 {lsp['p95_ms']:.1f} ms, "
          f"min {lsp['min_ms']:.1f} ms, max {lsp['max_ms']:.1f} ms")
    if "lint_in_process" in result:
        lint = result["lint_in_process"]
        print(f"kanclint.lint in process:       median {lint['median_ms']:.1f} ms, p95 {lint['p95_ms']:.1f} ms "
              f"(LSP minus lint at the median: {lsp['median_ms'] - lint['median_ms']:+.1f} ms)")
    verdict = "met" if lsp["median_ms"] < GOAL_MS else "NOT met"
    print(f"goal: fresh diagnostics in under {GOAL_MS:.0f} ms after an edit (median) — {verdict}")
    if args.debounce_ms == 0:
        print("while typing, editors also wait for the debounce (150 ms by default, setting debounceMs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
