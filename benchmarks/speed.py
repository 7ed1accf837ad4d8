#!/usr/bin/env python3
"""How fast kanclint lints realistic texts, next to the bare razdel + pymorphy3 pass under it.

Throughput is measured in words per second on one core (the process is pinned to
one CPU and numpy's thread pools are limited to one thread), over two corpora: the
whole texts (``examples/`` and the seed files in ``../shared/seeds``) and post-sized
paragraphs of the seeds.  Before every timed pass the per-sentence parse and NER
caches are emptied, so each pass reads its texts as new ones; only the per-word
pymorphy3 cache stays warm, as it does in the baseline.  Model loading is measured
on its own (the first call) and excluded: an editor plugin or a CI job pays it once
per process.  The baseline does only what every lint must do anyway (sentences,
tokens, one cached pymorphy3 parse per word), so the ratio shows what the rules cost.

Run from the project root: ``.venv/bin/python benchmarks/speed.py [--repeat N] [--json]``.
To compare with an earlier commit, time its code with this script and the same texts:
``git worktree add ../base <commit>`` and ``benchmarks/speed.py --kanclint-root ../base --json``
(``PYTHONPATH`` alone does not do it: the script puts a checkout first on ``sys.path``).
"""

from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core: before numpy is imported (by natasha)

import argparse
import json
import platform
import re
import resource
import shlex
import sys
import time
import tracemalloc
from functools import lru_cache
from itertools import cycle, islice
from pathlib import Path
from typing import Any, Callable, Sequence

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SEEDS = ROOT.parent / "shared" / "seeds"
DEFAULT_EXAMPLES = ROOT / "examples"

# Used only when neither examples/ nor the seeds are available.
FALLBACK_POSTS = (
    "Открыли новый спорткомплекс в Заречном! Там есть бассейн, тренажёрный зал и большой зал для игр. "
    "Записаться в секции можно уже сейчас — звоните или приходите прямо на ресепшен.",
    "В целях обеспечения доступности занятий спортом для населения района в рамках реализации "
    "муниципальной программы было осуществлено строительство данного объекта.",
)

_LETTER = re.compile(r"[^\W\d_]")


def maxrss_mib() -> float:
    """Peak resident set size of this process so far (ru_maxrss is KiB on Linux, bytes on macOS)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolation percentile (numpy's default), q in 0..100."""
    data = sorted(values)
    if not data:
        return float("nan")
    pos = (len(data) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(data) - 1)
    return data[lo] + (data[hi] - data[lo]) * (pos - lo)


def seed_paragraphs(seeds: Path) -> list[str]:
    """Paragraphs of the seed texts that read like a post (enough words, mostly letters)."""
    out: list[str] = []
    for path in sorted(seeds.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for para in re.split(r"\n[ \t]*\n", text):
            para = re.sub(r"[ \t]+", " ", para).strip()
            words = re.findall(r"[^\W\d_]+", para)
            letters = len(_LETTER.findall(para))
            if len(words) >= 12 and letters >= 0.6 * len(para):
                out.append(para)
    return out


def collect_posts(examples: Path, seeds: Path, target: int) -> tuple[list[str], dict[str, Any]]:
    example_posts = [
        p.read_text(encoding="utf-8", errors="replace")
        for p in sorted(examples.glob("*"))
        if p.is_file() and p.suffix in {".txt", ".md"}
    ] if examples.is_dir() else []
    seed_posts = seed_paragraphs(seeds) if seeds.is_dir() else []
    unique = [t for t in example_posts + seed_posts if t.strip()]
    source = {"examples": len(example_posts), "seed_paragraphs": len(seed_posts)}
    if not unique:
        unique = list(FALLBACK_POSTS)
        source["fallback"] = len(unique)
    posts = list(islice(cycle(unique), max(target, len(unique))))
    source.update(unique=len(unique), posts=len(posts))
    return posts, source


def time_calls(
    fn: Callable[[str], Any], posts: Sequence[str], repeat: int,
    before_each: Callable[[], None] = lambda: None,
) -> dict[str, Any]:
    latencies: list[float] = []
    wall = time.perf_counter()
    for _ in range(repeat):
        for text in posts:
            before_each()
            t0 = time.perf_counter()
            fn(text)
            latencies.append(time.perf_counter() - t0)
    wall = time.perf_counter() - wall
    return {
        "calls": len(latencies),
        "seconds": wall,
        "posts_per_second": len(latencies) / wall if wall else float("inf"),
        "median_ms": 1000 * percentile(latencies, 50),
        "p95_ms": 1000 * percentile(latencies, 95),
        "mean_ms": 1000 * sum(latencies) / len(latencies),
        "max_ms": 1000 * max(latencies),
    }


TARGET_WORDS_PER_SECOND = 25_000  # issue #3: all default rules, one core, warm


def pin_to_one_core() -> str:
    """Run on a single CPU, as the speed target is stated; says which one, or why not."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity on this system)"
    cpus = sorted(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpus[-1]})
    return f"pinned to CPU {cpus[-1]} of {len(cpus)}"


def count_words(text: str) -> int:
    """Words as a linter sees them: razdel tokens with at least one letter («мастер-класс» is one)."""
    from razdel import tokenize

    return sum(1 for t in tokenize(text) if _LETTER.search(t.text))


def whole_texts(examples: Path, seeds: Path) -> list[str]:
    files = sorted(examples.glob("*")) if examples.is_dir() else []
    files += sorted(seeds.glob("*.txt")) if seeds.is_dir() else []
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files if p.is_file() and p.suffix in {".txt", ".md"}]
    return [t for t in texts if t.strip()] or list(FALLBACK_POSTS)


def throughput(
    fn: Callable[[str], Any], texts: Sequence[str], words: int, repeat: int,
    before_pass: Callable[[], None] = lambda: None,
) -> dict[str, Any]:
    """Words per second over ``repeat`` passes: the best pass (least disturbed) and the median pass."""
    passes: list[float] = []
    for _ in range(repeat):
        before_pass()
        t0 = time.process_time()
        for text in texts:
            fn(text)
        passes.append(time.process_time() - t0)
    best, median = min(passes), percentile(passes, 50)
    return {
        "texts": len(texts), "words": words, "passes": len(passes),
        "best_pass_s": best, "median_pass_s": median,
        "words_per_second_best": words / best if best else float("inf"),
        "words_per_second_median": words / median if median else float("inf"),
    }


def _merge(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """One-pass measurements folded into best and median."""
    seconds = [r["best_pass_s"] for r in runs]
    words = runs[0]["words"]
    best, median = min(seconds), percentile(seconds, 50)
    return {
        "texts": runs[0]["texts"], "words": words, "passes": len(runs),
        "best_pass_s": best, "median_pass_s": median,
        "words_per_second_best": words / best if best else float("inf"),
        "words_per_second_median": words / median if median else float("inf"),
    }


def make_baseline() -> tuple[Callable[[str], int], float]:
    """The bare pass: razdel sentences and tokens, one cached MorphAnalyzer.parse per word."""
    t0 = time.perf_counter()
    import pymorphy3
    from razdel import sentenize, tokenize

    morph = pymorphy3.MorphAnalyzer()
    load = time.perf_counter() - t0

    @lru_cache(maxsize=200_000)  # the same cache size kanclint.text.morphology uses
    def parse(word: str) -> tuple[Any, ...]:
        return tuple(morph.parse(word))

    def bare(text: str) -> int:
        n = 0
        for _ in sentenize(text):
            n += 1
        for token in tokenize(text):
            if _LETTER.search(token.text):
                parse(token.text.lower())
        return n

    return bare, load


# -- cold start: one process per run, next to the floor -------------------------------------------

# A post paragraph whose findings need no syntax parse (the usual case) and one that
# sends a sentence to the natasha parser (the models load: the slow cold start).
COLD_PARAGRAPH = (
    "В связи с проведением ремонтных работ на теплотрассе с 10 по 14 июня будет временно "
    "приостановлена подача горячей воды в домах на улицах Ленина и Садовой.\n"
)
SYNTAX_PARAGRAPH = (
    "В целях обеспечения реализации мероприятий по благоустройству территории администрацией района "
    "осуществляется проведение работ по ремонту дорожного покрытия. Доводим до вашего сведения, что в "
    "настоящее время данные работы производятся в соответствии с утверждённым планом.\n"
)

# The floor: what any checker of this paragraph must do in a new process.
FLOOR_CODE = """
import sys
import razdel, pymorphy3
morph = pymorphy3.MorphAnalyzer()
text = open(sys.argv[1], encoding="utf-8").read()
for sentence in razdel.sentenize(text):
    for token in razdel.tokenize(sentence.text):
        morph.parse(token.text)
"""

MODELS_LOADED_CODE = """
import sys, kanclint
kanclint.lint(open(sys.argv[1], encoding="utf-8").read())
print("slovnet" in sys.modules)
"""


def kanclint_command() -> list[str]:
    """The installed ``kanclint`` script next to this interpreter, as a user runs it."""
    script = Path(sys.executable).with_name("kanclint")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "kanclint"]


def _run_once(cmd: Sequence[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one process; fails loudly on a crash."""
    import subprocess

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):  # 1: findings
        raise RuntimeError(f"{' '.join(cmd)} exited with {done.returncode}: {done.stderr.decode(errors='replace')[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def cold_start(runs: int) -> dict[str, Any]:
    """Median wall and CPU time of new processes, floor and kanclint interleaved run by run.

    Like hyperfine: one untimed warm-up run per command (file system caches), then
    ``runs`` rounds in which every command runs once, so a slow spell of the shared
    machine hits all of them alike.  "warm cache" runs share a dictionary cache
    filled by the warm-up; "empty cache" runs each get a new, empty cache directory.
    """
    import tempfile

    work = Path(tempfile.mkdtemp(prefix="kanclint-cold-"))
    (work / "post.txt").write_text(COLD_PARAGRAPH, encoding="utf-8")
    (work / "syntax.txt").write_text(SYNTAX_PARAGRAPH, encoding="utf-8")
    dropped = ("KANCLINT_NO_CACHE", "KANCLINT_CACHE_DIR", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    # Byte code as in any installed copy: written on the warm-up run, to a folder of our own (not
    # into the project), for kanclint and the floor's libraries alike.
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")

    def cache_env(folder: str) -> dict[str, str]:
        # XDG_CACHE_HOME too, so that versions before KANCLINT_CACHE_DIR can be measured alike
        return dict(env, KANCLINT_CACHE_DIR=str(work / folder / "kanclint"), XDG_CACHE_HOME=str(work / folder))

    warm_env = cache_env("cache-warm")
    kc = kanclint_command()
    commands: dict[str, tuple[list[str], Callable[[int], dict[str, str]]]] = {
        "floor": ([sys.executable, "-c", FLOOR_CODE, "post.txt"], lambda i: env),
        "kanclint post.txt (warm cache)": ([*kc, "post.txt"], lambda i: warm_env),
        "kanclint post.txt (empty cache)": ([*kc, "post.txt"], lambda i: cache_env(f"cache-empty-{i}")),
        "kanclint rules (warm cache)": ([*kc, "rules"], lambda i: warm_env),
        "floor, syntax paragraph": ([sys.executable, "-c", FLOOR_CODE, "syntax.txt"], lambda i: env),
        "kanclint syntax.txt (warm cache)": ([*kc, "syntax.txt"], lambda i: warm_env),
    }
    import subprocess

    models = {}  # whether linting the text loads the natasha models (through slovnet)
    for name in ("post.txt", "syntax.txt"):
        out = subprocess.run([sys.executable, "-c", MODELS_LOADED_CODE, name], cwd=work, env=warm_env,
                             capture_output=True, text=True)
        models[name] = out.stdout.strip() == "True"
    times: dict[str, dict[str, list[float]]] = {name: {"wall": [], "cpu": []} for name in commands}
    for i in range(-1, max(1, runs)):
        for name, (cmd, env_of) in commands.items():
            wall, cpu = _run_once(cmd, work, env_of(i))
            if i >= 0:
                times[name]["wall"].append(wall)
                times[name]["cpu"].append(cpu)
    import shutil

    shutil.rmtree(work, ignore_errors=True)
    result: dict[str, Any] = {"runs": max(1, runs), "command": kc, "models_loaded": models, "commands": {}}
    for name, t in times.items():
        result["commands"][name] = {
            "median_wall_s": percentile(t["wall"], 50), "median_cpu_s": percentile(t["cpu"], 50),
            "min_wall_s": min(t["wall"]), "max_wall_s": max(t["wall"]),
        }
    for name, row in result["commands"].items():
        floor = result["commands"]["floor, syntax paragraph" if "syntax" in name else "floor"]
        row["ratio_wall"] = row["median_wall_s"] / floor["median_wall_s"]
        row["ratio_cpu"] = row["median_cpu_s"] / floor["median_cpu_s"]
    return result


COLD_TARGET_RATIO = 3.0  # issue #13: a cold `kanclint post.txt` within 3× the floor


def print_cold_start(cold: dict[str, Any]) -> None:
    print(f"cold start: new process per run, median of {cold['runs']} interleaved runs "
          f"(kanclint = {' '.join(cold['command'])}; ratio = median / median of the floor on the same text)")
    for name, row in cold["commands"].items():
        print(f"  {name:34} wall {row['median_wall_s']:6.3f} s (×{row['ratio_wall']:4.1f})   "
              f"cpu {row['median_cpu_s']:6.3f} s (×{row['ratio_cpu']:4.1f})   "
              f"range {row['min_wall_s']:.3f}–{row['max_wall_s']:.3f} s")
    post = cold["commands"]["kanclint post.txt (warm cache)"]
    verdict = "met" if post["ratio_wall"] <= COLD_TARGET_RATIO else "NOT met"
    print(f"  target ≤ ×{COLD_TARGET_RATIO:.0f} the floor for `kanclint post.txt` with a warm cache: {verdict}")
    print(f"  natasha models loaded: post.txt {cold['models_loaded']['post.txt']}, "
          f"syntax.txt {cold['models_loaded']['syntax.txt']} (they load only when a rule needs a parse or names)")


# -- peers: words per second of other Russian text checkers, same texts, same core ------------------

PEERS_VENV = ROOT / "benchmarks" / "peers-venv"
# pip name → (import name, what one call does, the call on a text ``t``)
PEERS: dict[str, tuple[str, str, str]] = {
    "aiw-ru": ("aiw_ru", "aiw_ru.analyze(t): signs of machine style", "aiw_ru.analyze(t)"),
    "ruts": ("ruts", "ruTS BasicStats + ReadabilityStats: counts and readability",
             "ruts.BasicStats(t).get_stats(); ruts.ReadabilityStats(t).get_stats()"),
}

# One peer in its own process, driven pass by pass: after an untimed pass it says "ready", then
# times one pass over the texts for each line it reads and prints the CPU seconds.
PEER_RUNNER = """
import json, sys, time
texts = json.load(open(sys.argv[1], encoding="utf-8"))
import {module}
def run(t):
    {call}
for t in texts:  # untimed: first-call caches, as kanclint's warm pass
    run(t)
print("ready", flush=True)
for _ in sys.stdin:
    t0 = time.process_time()
    for t in texts:
        run(t)
    print(time.process_time() - t0, flush=True)
"""


def _python_at_least(exe: str, version: tuple[int, int]) -> bool:
    import subprocess

    try:
        out = subprocess.run([exe, "-c", "import sys; print(*sys.version_info[:2])"],
                             capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    parts = out.stdout.split()
    return out.returncode == 0 and len(parts) == 2 and tuple(map(int, parts)) >= version


def _peer_python() -> str:
    """An interpreter new enough for every peer (aiw-ru needs Python 3.12), else this one."""
    import glob
    import shutil

    candidates = [sys.executable, shutil.which("python3.13"), shutil.which("python3.12")]
    candidates += sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.1[2-9]*/bin/python3")), reverse=True)
    for exe in candidates:
        if exe and _python_at_least(exe, (3, 12)):
            return exe
    return sys.executable


def ensure_peers() -> dict[str, str | None]:
    """Create ``benchmarks/peers-venv`` if needed and install each peer; peer → error text or None."""
    import subprocess

    python = PEERS_VENV / "bin" / "python"
    if not python.is_file():
        made = subprocess.run([_peer_python(), "-m", "venv", str(PEERS_VENV)], capture_output=True, text=True)
        if made.returncode != 0:
            return {name: f"could not create {PEERS_VENV}: {made.stderr.strip()[-300:]}" for name in PEERS}
        (PEERS_VENV / ".gitignore").write_text("*\n", encoding="utf-8")  # never committed
    status: dict[str, str | None] = {}
    for name, (module, _, _) in PEERS.items():
        present = subprocess.run([str(python), "-c", f"import {module}"], capture_output=True)
        if present.returncode == 0:
            status[name] = None
            continue
        print(f"installing {name} into {PEERS_VENV} …", file=sys.stderr)
        done = subprocess.run([str(python), "-m", "pip", "install", "-q", name], capture_output=True, text=True)
        errors = [line for line in done.stderr.splitlines() if "ERROR" in line]
        status[name] = None if done.returncode == 0 else ("; ".join(errors) or done.stderr.strip())[-400:]
    return status


class Peers:
    """The installed peers, each in its own process on this core, timed one pass at a time.

    :meth:`one_pass` is called between kanclint's passes, so a slow spell of the shared
    machine hits kanclint and the peers alike (they run side by side, not one after another).
    """

    def __init__(self, texts: Sequence[str]):
        import subprocess
        import tempfile

        status = ensure_peers()
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
            json.dump(list(texts), f, ensure_ascii=False)
        self.path = f.name
        self.errors: dict[str, str] = {}
        self.procs: dict[str, Any] = {}
        self.seconds: dict[str, list[float]] = {}
        for name, (module, what, call) in PEERS.items():
            if status.get(name):
                self.errors[name] = f"not installed: {status[name]}"
                continue
            proc = subprocess.Popen([str(PEERS_VENV / "bin" / "python"), "-c", PEER_RUNNER.format(module=module, call=call),
                                     f.name], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    text=True)
            if proc.stdout.readline().strip() != "ready":  # type: ignore[union-attr]
                self.errors[name] = (proc.communicate()[1].strip().splitlines() or ["failed"])[-1]
                continue
            self.procs[name] = proc
            self.seconds[name] = []

    def one_pass(self) -> None:
        for name, proc in list(self.procs.items()):
            proc.stdin.write("\n")
            proc.stdin.flush()
            line = proc.stdout.readline()
            if not line.strip():
                self.errors[name] = (proc.communicate()[1].strip().splitlines() or ["failed"])[-1]
                del self.procs[name]
                continue
            self.seconds[name].append(float(line))

    def close(self, words: int) -> dict[str, Any]:
        """Words per second of each peer (best and median pass), or why it could not be measured."""
        for proc in self.procs.values():
            proc.communicate()
        os.unlink(self.path)
        out: dict[str, Any] = {}
        for name, (_, what, _) in PEERS.items():
            seconds = self.seconds.get(name)
            if name in self.errors or not seconds:
                out[name] = {"error": self.errors.get(name, "no pass"), "what": what}
                continue
            best, median = min(seconds), percentile(seconds, 50)
            out[name] = {
                "what": what, "passes": len(seconds), "words": words, "interleaved_with_kanclint": True,
                "words_per_second_best": words / best if best else float("inf"),
                "words_per_second_median": words / median if median else float("inf"),
            }
        return out


# -- eval texts, the parser per post, the editor and the folder: the other figures of issue #13 ------



def _shared(name: str) -> Path:
    """``shared/NAME`` beside the checkout, or beside a folder above it (a git worktree in a subfolder)."""
    for base in (ROOT.parent, *ROOT.parent.parents):
        if (base / "shared" / name).is_dir():
            return base / "shared" / name
    return ROOT.parent / "shared" / name


DEFAULT_EVAL = _shared("eval")
EVAL_FILES = ("posts_real.jsonl", "posts_institutions.jsonl")


def eval_rows(eval_dir: Path) -> list[dict[str, Any]]:
    """Rows of the eval post files (read at run time, never copied into the repository)."""
    rows: list[dict[str, Any]] = []
    for name in EVAL_FILES:
        path = eval_dir / name
        if not path.is_file():
            continue
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                if line.strip():
                    row = json.loads(line)
                    if isinstance(row.get("text"), str) and row["text"].strip():
                        rows.append(dict(row, _file=name, _line=n))
    return rows


def eval_posts(rows: Sequence[dict[str, Any]]) -> list[str]:
    """Whole posts: a post's paragraphs (same file and ``post_id``) in order, joined by blank lines.

    A row without ``post_id`` is a post of its own.
    """
    groups: dict[tuple[Any, ...], list[tuple[int, str]]] = {}
    for row in rows:
        key = (row["_file"], row["post_id"]) if row.get("post_id") is not None else (row["_file"], "line", row["_line"])
        groups.setdefault(key, []).append((int(row.get("paragraph_index") or 0), row["text"]))
    return ["\n\n".join(text for _, text in sorted(parts, key=lambda p: p[0])) for parts in groups.values()]


PARSER_TARGET_MS = 30.0  # issue #13: p95 of the parser's time per post


def parser_per_post(posts: Sequence[str]) -> dict[str, Any]:
    """How long natasha's parser (and NER tagger) work for each post, warm models, cold sentences.

    ``kanclint.text.nlp.parse_sentences`` and ``sentence_entities`` are wrapped with a
    timer (the Document calls them through the module), the parse and NER caches are
    emptied before every post, and each post is linted once; a post none of whose
    sentences reaches the parser counts 0 ms.
    """
    import kanclint
    from kanclint.text import nlp

    spent = {"parser": 0.0, "ner": 0.0}
    reached = {"sentences": 0}
    original_parse, original_entities = nlp.parse_sentences, nlp.sentence_entities

    def timed_parse(sentences: Sequence[tuple[str, ...]]) -> Any:
        t0 = time.perf_counter()
        try:
            return original_parse(sentences)
        finally:
            spent["parser"] += time.perf_counter() - t0
            reached["sentences"] += len(sentences)

    def timed_entities(text: str, start: int, end: int) -> Any:
        t0 = time.perf_counter()
        try:
            return original_entities(text, start, end)
        finally:
            spent["ner"] += time.perf_counter() - t0

    nlp.load_models(("syntax", "ner"))  # loading is not what a post pays for
    parser_ms: list[float] = []
    ner_ms: list[float] = []
    sentences: list[int] = []
    nlp.parse_sentences, nlp.sentence_entities = timed_parse, timed_entities  # type: ignore[assignment]
    try:
        for post in posts:
            nlp.clear_caches()
            spent.update(parser=0.0, ner=0.0)
            reached["sentences"] = 0
            kanclint.lint(post)
            parser_ms.append(1000 * spent["parser"])
            ner_ms.append(1000 * spent["ner"])
            sentences.append(reached["sentences"])
    finally:
        nlp.parse_sentences, nlp.sentence_entities = original_parse, original_entities  # type: ignore[assignment]
    parsed = [ms for ms, n in zip(parser_ms, sentences) if n]
    return {
        "posts": len(posts), "posts_reaching_parser": len(parsed), "sentences_parsed": sum(sentences),
        "parser_p95_ms": percentile(parser_ms, 95), "parser_max_ms": max(parser_ms, default=0.0),
        "parser_median_ms_when_reached": percentile(parsed, 50) if parsed else 0.0,
        "parser_p95_ms_when_reached": percentile(parsed, 95) if parsed else 0.0,
        "ner_p95_ms": percentile(ner_ms, 95), "ner_max_ms": max(ner_ms, default=0.0),
        "target_p95_ms": PARSER_TARGET_MS,
    }


def _benchmark_module(name: str) -> Any:
    """A sibling script of this one (lsp_latency, folder_speed), imported rather than copied."""
    here = str(Path(__file__).resolve().parent)
    if here not in sys.path:
        sys.path.insert(0, here)
    import importlib

    return importlib.import_module(name)


def lsp_figures(repeat: int, settle: float) -> dict[str, Any]:
    """``initialize`` → first diagnostics and keystroke → diagnostics, from benchmarks/lsp_latency.py."""
    import asyncio

    lsp = _benchmark_module("lsp_latency")
    post = lsp.make_post(2500)
    changes = lsp.edits(post, repeat, 1760)
    quick = asyncio.run(lsp.session(lsp.NO_SYNTAX_POST, [], 0))
    run = asyncio.run(lsp.session(post, changes, 0, ROOT, settle))
    single = {k: v for k, v in run["edits"].items() if k != "paste"}
    worst_kind = max(single, key=lambda k: single[k]["max_ms"])
    return {
        "post_chars": len(post), "repeat": repeat, "settle_s": settle, "server_debounce_ms": 0,
        "first_diagnostics_s": quick["initialize_to_first_diagnostics_s"],
        "first_diagnostics_long_post_s": run["initialize_to_first_diagnostics_s"],
        "edits": run["edits"],
        "worst_edit_ms": single[worst_kind]["max_ms"], "worst_edit_kind": worst_kind,
        "worst_paste_ms": run["edits"].get("paste", {}).get("max_ms"),
        "target_first_s": lsp.FIRST_GOAL_S, "target_edit_ms": lsp.EDIT_GOAL_MS,
    }


def folder_figures(posts: int) -> dict[str, Any]:
    """``kanclint check`` over a folder of ``posts`` posts with --jobs 1 and the default, from folder_speed.py."""
    import tempfile

    folder_speed = _benchmark_module("folder_speed")
    with tempfile.TemporaryDirectory(prefix="kanclint-folder-") as tmp:
        folder = Path(tmp)
        chars = folder_speed.make_folder(folder, posts)
        fmt = ["--output-format", "concise"]
        one = folder_speed.run(folder, ["--jobs", "1", *fmt])
        default = folder_speed.run(folder, fmt)
    for r in (one, default):
        r["command"] = r["command"].replace(tmp, "FOLDER")
        if r["exit_code"] not in (0, 1):
            raise RuntimeError(f"{r['command']} exited with {r['exit_code']}: {r['stderr']}")
    cores = os.cpu_count() or 1
    return {
        "posts": posts, "characters": chars, "cores": cores, "jobs_1": one, "default": default,
        "speedup": one["wall_s"] / default["wall_s"] if default["wall_s"] else float("inf"),
        "first_output_share": (default["first_output_s"] or default["wall_s"]) / default["wall_s"],
    }


def summary_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    """measure | value | target | met, one row per figure of issue #13 that was measured."""
    rows: list[dict[str, Any]] = []

    def add(measure: str, value: str, target: str, met: bool) -> None:
        rows.append({"measure": measure, "value": value, "target": target, "met": bool(met)})

    cold = result.get("cold_start")
    if cold:
        post = cold["commands"]["kanclint post.txt (warm cache)"]
        add("cold `kanclint post.txt` / floor (wall, median)",
            f"×{post['ratio_wall']:.2f} ({post['median_wall_s']:.2f} s vs "
            f"{cold['commands']['floor']['median_wall_s']:.2f} s)",
            f"≤ ×{COLD_TARGET_RATIO:.0f}", post["ratio_wall"] <= COLD_TARGET_RATIO)
    lsp = result.get("lsp")
    if lsp:
        add("editor: initialize → first diagnostics (no syntax)",
            f"{lsp['first_diagnostics_s']:.2f} s (×{lsp['first_diagnostics_s'] / lsp['target_first_s']:.2f} of target)",
            f"≤ {lsp['target_first_s']:g} s", lsp["first_diagnostics_s"] <= lsp["target_first_s"])
        add(f"editor: keystroke → diagnostics, worst single edit ({lsp['post_chars']} chars)",
            f"{lsp['worst_edit_ms']:.0f} ms ({lsp['worst_edit_kind']}; paste {lsp['worst_paste_ms']:.0f} ms)",
            f"≤ {lsp['target_edit_ms']:.0f} ms", lsp["worst_edit_ms"] <= lsp["target_edit_ms"])
    peers = result.get("peers") or {}
    measured = {n: p for n, p in peers.items() if "error" not in p}
    if measured:
        corpus = result["primary_corpus"]
        k = result["words_per_second"][corpus]["kanclint"]["words_per_second_best"]
        name, fastest = max(measured.items(), key=lambda item: item[1]["words_per_second_best"])
        add(f"warm words/s, one core ({corpus}) / fastest peer",
            f"×{k / fastest['words_per_second_best']:.2f} ({k:,.0f} vs {name} {fastest['words_per_second_best']:,.0f})",
            "≥ ×1.0", k >= fastest["words_per_second_best"])
    folder = result.get("folder")
    if folder:
        d = folder["default"]
        add(f"folder of {folder['posts']} posts: --jobs 1 / default (all cores)",
            f"×{folder['speedup']:.2f} ({folder['jobs_1']['wall_s']:.1f} s → {d['wall_s']:.1f} s, CPU {d['cpu_percent']} %)",
            f"all {folder['cores']} cores: CPU > {100 * max(1, folder['cores'] - 1) + 30} %",
            folder["cores"] == 1 or d["cpu_percent"] > 100 * (folder["cores"] - 1) + 30)
        add("folder: first output / wall (streamed)",
            f"{folder['first_output_share']:.2f} ({d['first_output_s']} s of {d['wall_s']:.1f} s)",
            "≤ 0.25", folder["first_output_share"] <= 0.25)
    parser = result.get("parser")
    if parser:
        add("natasha parser per post, p95",
            f"{parser['parser_p95_ms']:.1f} ms (×{parser['parser_p95_ms'] / parser['target_p95_ms']:.2f} of target; "
            f"max {parser['parser_max_ms']:.0f} ms)",
            f"≤ {parser['target_p95_ms']:.0f} ms", parser["parser_p95_ms"] <= parser["target_p95_ms"])
    return rows


def print_summary(rows: Sequence[dict[str, Any]]) -> None:
    if not rows:
        return
    widths = [max(len(h), *(len(r[k]) for r in rows)) for h, k in (("measure", "measure"), ("value", "value"),
                                                                   ("target", "target"))]
    print("\nsummary (issue #13):")
    print(f"  {'measure':{widths[0]}} | {'value':{widths[1]}} | {'target':{widths[2]}} | met?")
    print(f"  {'-' * widths[0]}-+-{'-' * widths[1]}-+-{'-' * widths[2]}-+-----")
    for r in rows:
        print(f"  {r['measure']:{widths[0]}} | {r['value']:{widths[1]}} | {r['target']:{widths[2]}} | "
              f"{'yes' if r['met'] else 'NO'}")


def print_parser(parser: dict[str, Any]) -> None:
    print(f"\nnatasha parser per post ({parser['posts']} posts, models warm, parse and NER caches emptied "
          f"before each post; one core):")
    print(f"  {parser['posts_reaching_parser']} posts sent {parser['sentences_parsed']} sentences to the parser")
    print(f"  parser per post: p95 {parser['parser_p95_ms']:.1f} ms, max {parser['parser_max_ms']:.1f} ms "
          f"(posts that reach it: median {parser['parser_median_ms_when_reached']:.1f} ms, "
          f"p95 {parser['parser_p95_ms_when_reached']:.1f} ms); target p95 ≤ {parser['target_p95_ms']:.0f} ms")
    print(f"  NER per post: p95 {parser['ner_p95_ms']:.1f} ms, max {parser['ner_max_ms']:.1f} ms")


def print_lsp(lsp: dict[str, Any]) -> None:
    print(f"\neditor (kanclint lsp, benchmarks/lsp_latency.py; server debounce 0, edits {lsp['settle_s']:g} s "
          f"after the first diagnostics):")
    print(f"  initialize → first diagnostics: post without syntax {lsp['first_diagnostics_s']:.2f} s, "
          f"the {lsp['post_chars']}-character post {lsp['first_diagnostics_long_post_s']:.2f} s")
    for kind, s in lsp["edits"].items():
        print(f"  didChange → diagnostics, {kind:<6}: median {s['median_ms']:6.1f} ms, max {s['max_ms']:6.1f} ms "
              f"({s['n']} edits)")


def print_folder(folder: dict[str, Any]) -> None:
    print(f"\nfolder of {folder['posts']} posts ({folder['characters']:,} characters, benchmarks/folder_speed.py; "
          f"{folder['cores']} CPUs):")
    for key in ("jobs_1", "default"):
        r = folder[key]
        first = "—" if r["first_output_s"] is None else f"{r['first_output_s']:.2f} s"
        print(f"  {r['command']}\n      {r['wall_s']:.2f} s wall, {r['cpu_s']:.2f} s CPU ({r['cpu_percent']} % of one "
              f"core), first output after {first}, {r['output_lines']} lines")


def main(argv: Sequence[str] | None = None) -> int:
    global PEERS_VENV
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed passes over all posts (default 3)")
    parser.add_argument("--posts", type=int, default=200, help="number of posts per pass (default 200)")
    parser.add_argument("--examples-dir", type=Path, default=DEFAULT_EXAMPLES)
    parser.add_argument("--seeds-dir", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--passes", type=int, default=10, help="timed passes for words per second (default 10)")
    parser.add_argument("--no-tracemalloc", action="store_true", help="skip the traced (slow) memory pass")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    parser.add_argument("--kanclint-root", type=Path, default=ROOT,
                        help="the checkout whose kanclint is timed (default: this one); compare a commit by "
                             "running the same script and texts with --kanclint-root on its worktree (in-process "
                             "timings only: the cold start runs the installed kanclint)")
    parser.add_argument("--cold-runs", type=int, default=10,
                        help="processes per command for the cold start (default 10; 0 skips it)")
    parser.add_argument("--cold-only", action="store_true", help="measure the cold start only")
    parser.add_argument("--peers", action="store_true",
                        help="also time aiw-ru and ruTS on the same texts (installed on demand in --peers-venv)")
    parser.add_argument("--peers-venv", type=Path, default=PEERS_VENV,
                        help="virtualenv holding the peers (default benchmarks/peers-venv; created if missing)")
    parser.add_argument("--texts", choices=("default", "eval"), default="default",
                        help="texts for words/s, per-post latency and the parser: the examples and seeds (default) "
                             "or the paragraphs of EVAL_DIR/posts_*.jsonl (falls back to the default when missing)")
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL, help="default ../shared/eval")
    parser.add_argument("--parser", action="store_true", help="also time natasha's parser per post")
    parser.add_argument("--lsp", action="store_true", help="also time the language server (lsp_latency.py)")
    parser.add_argument("--folder", action="store_true", help="also time a folder of posts (folder_speed.py)")
    parser.add_argument("--folder-posts", type=int, default=1000, help="posts in that folder (default 1000)")
    parser.add_argument("--lsp-repeat", type=int, default=5, help="editor edits of each kind (default 5)")
    parser.add_argument("--lsp-settle", type=float, default=3.0,
                        help="seconds between the editor's first diagnostics and the first edit (default 3)")
    parser.add_argument("--all", action="store_true",
                        help="every figure of issue #13 in one run: cold start, --lsp, --peers, --folder, --parser, "
                             "and a summary table")
    args = parser.parse_args(argv)
    PEERS_VENV = args.peers_venv.resolve()
    if args.all:
        args.peers = args.parser = args.lsp = args.folder = True
    repeat = max(1, args.repeat)
    argv_used = sys.argv if argv is None else ["speed.py", *argv]
    command = " ".join(shlex.quote(a) for a in [sys.executable, *argv_used])

    cold = cold_start(args.cold_runs) if args.cold_runs > 0 else None  # as a user runs it: not pinned
    if args.cold_only:
        if args.json:
            json.dump({"command": command, "cold_start": cold}, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        elif cold is not None:
            print(f"command: {command}\n")
            print_cold_start(cold)
        return 0
    # the editor and the folder run in processes of their own, on every core, as a user runs them
    lsp = lsp_figures(max(1, args.lsp_repeat), args.lsp_settle) if args.lsp else None
    folder = folder_figures(max(1, args.folder_posts)) if args.folder else None
    pinning = pin_to_one_core()
    rows = eval_rows(args.eval_dir) if args.texts == "eval" else []
    if args.texts == "eval" and not rows:
        print(f"no eval posts in {args.eval_dir}: using the examples and seeds", file=sys.stderr)
    if rows:
        paragraphs = [r["text"] for r in rows]
        posts = list(islice(cycle(paragraphs), max(args.posts, len(paragraphs))))
        source = {"eval_paragraphs": len(paragraphs), "eval_dir": str(args.eval_dir),
                  "unique": len(set(paragraphs)), "posts": len(posts)}
    else:
        posts, source = collect_posts(args.examples_dir, args.seeds_dir, args.posts)
    chars = sum(len(p) for p in posts)
    rss_start = maxrss_mib()

    # kanclint: import, then the first lint (loads dictionaries and any models the rules need).
    t0 = time.perf_counter()
    sys.path.insert(0, str(args.kanclint_root.resolve()))  # ahead of an editable install of this checkout
    import kanclint

    import_s = time.perf_counter() - t0
    warm_text = max(set(posts), key=len)
    t0 = time.perf_counter()
    try:
        kanclint.lint(warm_text)
    except Exception as exc:  # e.g. a dictionary being edited: report it, do not time a broken linter
        print(f"kanclint.lint failed on the warm-up post, nothing was timed: {type(exc).__name__}: {exc}",
              file=sys.stderr)
        return 1
    first_lint_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    kanclint.lint(warm_text)
    second_lint_s = time.perf_counter() - t0
    rss_loaded = maxrss_mib()
    unique = list(dict.fromkeys(posts))
    # One untimed pass over the unique posts for each contender, so both are timed in the same
    # steady state (every word form already in its parse cache).
    findings = sum(len(kanclint.lint(p).diagnostics) for p in unique)
    try:
        n_rules = len(kanclint.all_rules())
    except Exception:
        n_rules = -1

    try:
        from kanclint.text.nlp import clear_caches
    except ImportError:  # an older checkout (--kanclint-root) kept it at kanclint.nlp
        from kanclint.nlp import clear_caches  # type: ignore[no-redef]

    bare, bare_load_s = make_baseline()
    if rows:
        corpora = {"eval_paragraphs": paragraphs}
        parser_posts = eval_posts(rows)
    else:
        corpora = {"whole_texts": whole_texts(args.examples_dir, args.seeds_dir), "post_paragraphs": unique}
        parser_posts = list(dict.fromkeys(corpora["whole_texts"] + unique))
    primary_corpus = next(iter(corpora))
    speed: dict[str, Any] = {}
    peers = None
    for name, texts in corpora.items():
        for text in texts:  # the same steady state for both: every word form in its parse cache
            kanclint.lint(text)
            bare(text)
        words = sum(count_words(t) for t in texts)
        side = Peers(texts) if args.peers and name == primary_corpus else None
        # alternate kanclint, the bare pass and the peers, so a slow spell of the machine hits all alike
        k_runs: list[dict[str, Any]] = []
        b_runs: list[dict[str, Any]] = []
        for _ in range(max(1, args.passes)):
            b_runs.append(throughput(bare, texts, words, 1))
            k_runs.append(throughput(kanclint.lint, texts, words, 1, clear_caches))
            if side is not None:
                side.one_pass()
        speed[name] = {
            "kanclint": _merge(k_runs), "baseline": _merge(b_runs),
        }
        if side is not None:
            peers = side.close(words)
    primary = speed[primary_corpus]["kanclint"]["words_per_second_best"]
    parser_stats = parser_per_post(parser_posts) if args.parser else None

    lint_stats = time_calls(kanclint.lint, posts, repeat, clear_caches)
    rss_after_lint = maxrss_mib()

    traced_peak_mib = None
    if not args.no_tracemalloc:
        tracemalloc.start()
        for text in posts:
            kanclint.lint(text)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        traced_peak_mib = peak / (1024 * 1024)

    bare_stats = time_calls(bare, posts, repeat)
    rss_end = maxrss_mib()

    ratio = {
        "median_latency": lint_stats["median_ms"] / bare_stats["median_ms"] if bare_stats["median_ms"] else None,
        "p95_latency": lint_stats["p95_ms"] / bare_stats["p95_ms"] if bare_stats["p95_ms"] else None,
        "throughput": bare_stats["posts_per_second"] / lint_stats["posts_per_second"],
    }
    result = {
        "command": command,
        "python": platform.python_version(),
        "kanclint": getattr(kanclint, "__version__", "?"),
        "rules": n_rules,
        "posts": source,
        "characters_per_pass": chars,
        "repeat": repeat,
        "findings_on_unique_posts": findings,
        "load": {
            "import_kanclint_s": import_s,
            "first_lint_s": first_lint_s,
            "second_lint_s": second_lint_s,
            "baseline_morph_analyzer_s": bare_load_s,
        },
        "one_core": pinning,
        "cold_start": cold,
        "lsp": lsp,
        "folder": folder,
        "parser": parser_stats,
        "peers": peers,
        "peers_venv": str(PEERS_VENV),
        "primary_corpus": primary_corpus,
        "words_per_second": speed,
        "target_words_per_second": TARGET_WORDS_PER_SECOND,
        "target_met": primary >= TARGET_WORDS_PER_SECOND,
        "kanclint_lint": lint_stats,
        "baseline_razdel_pymorphy3": bare_stats,
        "ratio_kanclint_over_baseline": ratio,
        "memory_mib": {
            "maxrss_start": rss_start,
            "maxrss_after_load": rss_loaded,
            "maxrss_after_kanclint_runs": rss_after_lint,
            "maxrss_end": rss_end,
            "tracemalloc_peak_one_pass": traced_peak_mib,
        },
    }

    result["summary"] = summary_rows(result)
    result["cpus"] = os.cpu_count()
    result["load_average"] = os.getloadavg() if hasattr(os, "getloadavg") else None
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0

    def row(name: str, s: dict[str, Any]) -> str:
        return (f"  {name:28} {s['posts_per_second']:9.1f} posts/s   median {s['median_ms']:7.2f} ms"
                f"   p95 {s['p95_ms']:7.2f} ms   max {s['max_ms']:7.2f} ms")

    print(f"command: {command}")
    print(f"python {result['python']}, kanclint {result['kanclint']}, {n_rules} rules")
    if "eval_paragraphs" in source:
        origin = f"{source['eval_paragraphs']} paragraphs of {source['eval_dir']}/posts_*.jsonl"
    else:
        origin = (f"{source['examples']} example files, {source['seed_paragraphs']} seed paragraphs"
                  + (f", {source['fallback']} built-in" if "fallback" in source else ""))
    print(f"posts: {source['posts']} per pass ({source['unique']} unique: {origin}), {chars} characters, "
          f"{repeat} pass(es); {findings} findings on the unique posts")
    if cold is not None:
        print()
        print_cold_start(cold)
    if lsp is not None:
        print_lsp(lsp)
    if folder is not None:
        print_folder(folder)
    print(f"\nthroughput, words per second (one core: {pinning}; parse and NER caches emptied before "
          f"every pass; best and median of {max(1, args.passes)} passes):")
    labels = {"whole_texts": "whole texts", "post_paragraphs": "post-sized paragraphs",
              "eval_paragraphs": "eval paragraphs"}
    for name in corpora:
        label = labels[name]
        k, b = speed[name]["kanclint"], speed[name]["baseline"]
        print(f"  {label:22} {k['texts']:3} texts, {k['words']:6} words: kanclint {k['words_per_second_best']:8.0f} "
              f"(median {k['words_per_second_median']:.0f})   bare {b['words_per_second_best']:8.0f}   "
              f"×{b['words_per_second_best'] / k['words_per_second_best']:.1f}")
    verdict = "met" if primary >= TARGET_WORDS_PER_SECOND else "NOT met"
    print(f"  target ≥ {TARGET_WORDS_PER_SECOND:,} words/s on {labels[primary_corpus]} (best pass): {verdict} "
          f"({primary:,.0f})")
    if peers is not None:
        print(f"  peers on the same {labels[primary_corpus]}, same core, pass by pass between kanclint's "
              f"(own processes, {PEERS_VENV}):")
        for name, peer in peers.items():
            if "error" in peer:
                print(f"    {name:8} could not be measured: {peer['error']}")
            else:
                print(f"    {name:8} {peer['words_per_second_best']:10.0f} words/s (median {peer['words_per_second_median']:.0f})"
                      f"   ({peer['words_per_second_best'] / primary:.2f} × kanclint's)   {peer['what']}")
    print("\nloading (excluded from the per-post numbers):")
    print(f"  import kanclint             {import_s:8.3f} s")
    print(f"  first lint (models, dicts)  {first_lint_s:8.3f} s   (the same text again: {1000 * second_lint_s:.1f} ms)")
    print(f"  baseline MorphAnalyzer()    {bare_load_s:8.3f} s   (a second instance, separate from kanclint's)")
    print("\nper post (warm word caches; kanclint's parse and NER caches emptied before every call):")
    print(row("kanclint.lint", lint_stats))
    print(row("razdel + pymorphy3 (bare)", bare_stats))
    print(f"  kanclint / bare: median latency ×{ratio['median_latency']:.1f}, p95 ×{ratio['p95_latency']:.1f}, "
          f"throughput ×{ratio['throughput']:.1f} slower")
    print("\nmemory:")
    print(f"  peak RSS at start {rss_start:.0f} MiB, after loading {rss_loaded:.0f} MiB, "
          f"after the kanclint runs {rss_after_lint:.0f} MiB, at the end {rss_end:.0f} MiB (second MorphAnalyzer included)")
    if traced_peak_mib is not None:
        print(f"  tracemalloc peak during one pass of kanclint.lint: {traced_peak_mib:.1f} MiB (Python allocations only)")
    if parser_stats is not None:
        print_parser(parser_stats)
    print_summary(result["summary"])
    if result["summary"] and result["load_average"]:
        print(f"  ({result['cpus']} CPUs; load average at the end "
              f"{', '.join(f'{x:.2f}' for x in result['load_average'])}: other processes share the machine)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
