"""Checking many files on all cores, handing results back in input order as soon as each is ready.

A folder of posts is embarrassingly parallel: every file is read, decoded and linted
on its own.  Worker processes (not threads: linting is pure Python and holds the GIL)
each get a :class:`Job` and send back an :class:`Outcome`.  The caller consumes the
outcomes in the order the files were given, so the output of ``--jobs 4`` is byte for
byte the output of ``--jobs 1``; a slow file only delays the files after it.

With ``workers <= 1`` (or a single file) everything runs in this process: no pool,
no pickling, the same code path as the API.
"""

from __future__ import annotations

import gc
import os
import signal
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Sequence

from kanclint.engine.config import Config
from kanclint.engine.registry import all_rules
from kanclint.engine.running import lint
from kanclint.files.inputs import InputError, decode, read_bytes
from kanclint.model import Report

if TYPE_CHECKING:  # the pool's modules load only when a run has several files and workers
    import multiprocessing.context
    from concurrent.futures import Future


@dataclass(frozen=True)
class Job:
    """One file to check: where to read it, the name to report, and its resolved configuration."""

    path: str
    name: str
    config: Config
    report_path: str | None


@dataclass(frozen=True)
class Outcome:
    """A report, or the reason the file could not be checked (the file is named on stderr)."""

    name: str
    report: Report | None = None
    error: str | None = None


def default_jobs() -> int:
    """The cores this process may run on (a container's CPU set, not the host's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


def check_one(job: Job, lint_text: Callable[..., Report] = lint) -> Outcome:
    """Read, decode and lint one file; unreadable input is an outcome, a broken rule an exception."""
    try:
        decoded = decode(read_bytes(Path(job.path)), job.name)
    except InputError as exc:
        return Outcome(job.name, error=str(exc))
    return Outcome(job.name, report=lint_text(decoded.text, config=job.config, path=job.report_path))


def _worker_init() -> None:
    """Ctrl-C is the parent's to handle: workers ignore it and are shut down by the pool."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _context() -> multiprocessing.context.BaseContext:
    """``fork`` when it is safe: workers then inherit the loaded modules and dictionaries.

    Forking copies only the calling thread, so a lock another thread holds would stay
    locked forever in the child.  The command line has a single thread here (the pool is
    started before any progress bar), but a program that embeds kanclint may not: then
    ``spawn`` starts clean workers that load what they need themselves.
    """
    import multiprocessing

    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


MATH_THREADS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def one_math_thread() -> None:
    """Let numpy (natasha's parser) use one thread, unless the user said otherwise.

    Each worker already has a core of its own; a BLAS thread pool per worker would only
    fight the other workers for the cores and spin while waiting.  Read when numpy is
    first imported, which happens in the workers (the parent never loads the parser).
    """
    for name in MATH_THREADS:
        os.environ.setdefault(name, "1")


def run(jobs: Sequence[Job], workers: int, lint_text: Callable[..., Report] = lint) -> Iterator[Outcome]:
    """Outcomes of ``jobs`` in their order, each yielded as soon as it and all before it are done.

    Exceptions of a lint (a crashing rule or plugin) are raised here, at the file that
    caused them, exactly as in a serial run.  Abandoning the iterator cancels the rest.
    ``lint_text`` (a module-level function: workers receive it by name) does the linting.
    """
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield check_one(job, lint_text)
        return
    from concurrent.futures import ProcessPoolExecutor

    context = _context()
    one_math_thread()
    if context.get_start_method() == "fork":
        all_rules()  # load rules and dictionaries once, before the fork: workers share them
        gc.freeze()  # and their collectors never walk (and so never copy) those shared pages
    pool = ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=context, initializer=_worker_init)
    futures: list[Future[Outcome]] = []
    try:
        futures = [pool.submit(check_one, job, lint_text) for job in jobs]
        for future in futures:
            yield future.result()
    finally:
        for future in futures:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)
