"""Dictionary files: TOML data turned into phrase rules, with every entry's examples checked.

The schema is documented for non-programmers in ``dictionaries/README.md``.
Errors point at the file, the line and the entry id, the way Vale points at a
rule file.  An entry whose examples fail is reported and left out, so a bad
contribution can never silently change what kanclint flags.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Iterable

from .model import Severity
from .patterns import Pattern, PatternError, compile_pattern

RULE_KEYS = {"code", "name", "category", "severity", "title", "what", "why", "example", "instead"}
ENTRY_KEYS = {"id", "pattern", "patterns", "replacements", "safe", "autofix", "note", "guards", "severity", "examples"}
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_BRACE_RE = re.compile(r"\{([^{}@]+)(?:@(\d+))?\}")


class DictionaryError(ValueError):
    """A dictionary file that cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class Example:
    text: str
    bad: bool
    span: tuple[int, int] | None = None
    fix: str | None = None


@dataclass(frozen=True)
class Entry:
    id: str
    patterns: tuple[Pattern, ...]
    replacements: tuple[str, ...]
    safe: bool = False
    autofix: bool = True  # False: every replacement is only a suggestion
    note: str | None = None
    guards: tuple[Pattern, ...] = ()
    severity: Severity | None = None
    examples: tuple[Example, ...] = ()
    source: str = ""  # "file:line" for messages


@dataclass(frozen=True)
class RuleSpec:
    code: str
    name: str
    category: str
    severity: Severity
    title: str
    what: str
    why: str
    example: str
    instead: str
    path: str


@dataclass
class Dictionary:
    spec: RuleSpec
    entries: list[Entry]
    problems: list[str] = field(default_factory=list)


def builtin_dir() -> Path:
    """Shipped dictionaries: inside the wheel, or the repository's ``dictionaries/``."""
    here = Path(__file__).resolve().parent
    packaged = here / "_dictionaries"
    return packaged if packaged.is_dir() else here.parent / "dictionaries"


def builtin_files() -> list[Path]:
    return sorted(builtin_dir().glob("*.toml"))


def _line_of(raw: str, entry_id: str) -> int:
    m = re.search(rf'^\s*id\s*=\s*["\']{re.escape(entry_id)}["\']', raw, re.MULTILINE)
    return raw.count("\n", 0, m.start()) + 1 if m else 0


def parse_example(item: Any, where: str) -> Example:
    if not isinstance(item, dict) or not ({"bad", "good"} & item.keys()):
        raise DictionaryError(f"{where}: an example is {{ bad = \"…[span]…\", fix = \"…\" }} or {{ good = \"…\" }}")
    extra = set(item) - {"bad", "good", "fix"}
    if extra:
        raise DictionaryError(f"{where}: unknown example key {', '.join(sorted(extra))}")
    if "good" in item:
        if "bad" in item or "fix" in item:
            raise DictionaryError(f"{where}: a good example has no bad text and no fix")
        return Example(str(item["good"]), bad=False)
    marked = str(item["bad"])
    m = re.search(r"\[([^\[\]]+)\]", marked)
    if not m or marked.count("[") != 1 or marked.count("]") != 1:
        raise DictionaryError(f"{where}: mark exactly one span with [ ] in «{marked}»")
    text = marked[: m.start()] + m.group(1) + marked[m.end():]
    span = (m.start(), m.start() + len(m.group(1)))
    fix = item.get("fix")
    return Example(text, bad=True, span=span, fix=None if fix is None else str(fix))


def _as_list(value: Any, where: str, key: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise DictionaryError(f"{where}: `{key}` must be a string or a list of strings")


def _parse_entry(raw_entry: Any, path: Path, raw_text: str, spec: RuleSpec) -> Entry:
    if not isinstance(raw_entry, dict) or "id" not in raw_entry:
        raise DictionaryError(f"{path}: an [[entry]] without `id`")
    entry_id = str(raw_entry["id"])
    where = f"{path}:{_line_of(raw_text, entry_id)}: entry `{entry_id}`"
    if not _ID_RE.match(entry_id):
        raise DictionaryError(f"{where}: id must be lowercase ascii with hyphens")
    unknown = set(raw_entry) - ENTRY_KEYS
    if unknown:
        raise DictionaryError(f"{where}: unknown key {', '.join(sorted(unknown))}")
    sources = _as_list(raw_entry.get("pattern"), where, "pattern") + _as_list(
        raw_entry.get("patterns"), where, "patterns"
    )
    if not sources:
        raise DictionaryError(f"{where}: needs `pattern` or `patterns`")
    try:
        patterns = tuple(compile_pattern(s) for s in sources)
        guards = tuple(compile_pattern(s) for s in _as_list(raw_entry.get("guards"), where, "guards"))
    except PatternError as exc:
        raise DictionaryError(f"{where}: {exc}") from None
    replacements = tuple(_as_list(raw_entry.get("replacements"), where, "replacements"))
    slots = min(len(p.slots) for p in patterns)
    anys = min(len(p.any_words) for p in patterns)
    for r in replacements:
        for m in re.finditer(r"<(\d+)(?::([^<>]+))?>", r):
            if int(m.group(1)) > anys:
                raise DictionaryError(f"{where}: replacement «{r}» refers to <{m.group(1)}>, the pattern has {anys}")
        for n, m in enumerate(_BRACE_RE.finditer(r), start=1):
            wanted = int(m.group(2)) if m.group(2) else n
            if wanted > slots:
                raise DictionaryError(
                    f"{where}: replacement «{r}» agrees with slot {wanted}, the pattern has {slots}"
                )
    severity = raw_entry.get("severity")
    try:
        severity = Severity.parse(severity) if severity is not None else None
    except ValueError as exc:
        raise DictionaryError(f"{where}: {exc}") from None
    examples = tuple(parse_example(e, where) for e in raw_entry.get("examples", []) or [])
    if not any(e.bad for e in examples) or not any(not e.bad for e in examples):
        raise DictionaryError(f"{where}: needs at least one `bad` and one `good` example")
    return Entry(
        id=entry_id,
        patterns=patterns,
        replacements=replacements,
        safe=bool(raw_entry.get("safe", False)),
        autofix=bool(raw_entry.get("autofix", True)),
        note=raw_entry.get("note"),
        guards=guards,
        severity=severity,
        examples=examples,
        source=where.rsplit(": entry", 1)[0],
    )


def read_dictionary(path: Path) -> Dictionary:
    """Parse and validate one file; raises :class:`DictionaryError` for file-level faults.

    Entry-level faults (a bad pattern, a missing example) are collected in
    ``problems`` and the entry is left out, so one typo does not disable a file.
    """
    raw_text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(raw_text)
    except tomllib.TOMLDecodeError as exc:
        raise DictionaryError(f"{path}: TOML error: {exc}") from None
    head = data.get("rule")
    if not isinstance(head, dict):
        raise DictionaryError(f"{path}: missing [rule] table")
    missing = sorted(RULE_KEYS - head.keys())
    if missing:
        raise DictionaryError(f"{path}: [rule] lacks {', '.join(missing)}")
    unknown = sorted(set(head) - RULE_KEYS)
    if unknown:
        raise DictionaryError(f"{path}: [rule] has unknown key {', '.join(unknown)}")
    extra = sorted(set(data) - {"rule", "entry"})
    if extra:
        raise DictionaryError(f"{path}: unknown table {', '.join(extra)}")
    try:
        severity = Severity.parse(head["severity"])
    except ValueError as exc:
        raise DictionaryError(f"{path}: {exc}") from None
    spec = RuleSpec(
        code=str(head["code"]), name=str(head["name"]), category=str(head["category"]),
        severity=severity, title=str(head["title"]), what=str(head["what"]), why=str(head["why"]),
        example=str(head["example"]), instead=str(head["instead"]), path=str(path),
    )
    from .rules.base import CODE_RE, NAME_RE

    if not CODE_RE.match(spec.code) or not NAME_RE.match(spec.name):
        raise DictionaryError(f"{path}: code must look like KC101 and name be kebab-case")
    entries: list[Entry] = []
    problems: list[str] = []
    seen: set[str] = set()
    for raw_entry in data.get("entry", []):
        try:
            entry = _parse_entry(raw_entry, path, raw_text, spec)
        except DictionaryError as exc:
            problems.append(str(exc))
            continue
        if entry.id in seen:
            problems.append(f"{entry.source}: entry `{entry.id}`: duplicate id")
            continue
        seen.add(entry.id)
        entries.append(entry)
    return Dictionary(spec, entries, problems)


def example_problems(spec: RuleSpec, entry: Entry) -> list[str]:
    """Run one entry's examples against a rule made of that entry alone."""
    from .analysis import Document
    from .fixes import apply_fix
    from .rules.phrases import PhraseRule

    rule = PhraseRule(spec, [entry])
    problems = []
    where = f"{entry.source}: entry `{entry.id}`"
    for ex in entry.examples:
        doc = Document(ex.text, skip=())
        found = list(rule.check(doc))
        if not ex.bad:
            if found:
                problems.append(f"{where}: good example flagged at «{found[0].match}»: {ex.text}")
            continue
        assert ex.span is not None
        hits = [d for d in found if (d.start, d.end) == ex.span]
        if not hits:
            got = ", ".join(f"«{d.match}»" for d in found) or "nothing"
            problems.append(
                f"{where}: expected «{ex.text[ex.span[0]:ex.span[1]]}», found {got}: {ex.text}"
            )
            continue
        if ex.fix is not None:
            if hits[0].fix is None:
                problems.append(f"{where}: expected fix «{ex.fix}», but no fix was built: {ex.text}")
            else:
                result = apply_fix(ex.text, hits[0].fix)
                if result != ex.fix:
                    problems.append(f"{where}: fix gives «{result}», expected «{ex.fix}»")
    return problems


def _cache_path() -> Path | None:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    try:
        path = Path(base) / "kanclint"
        path.mkdir(parents=True, exist_ok=True)
        return path
    except OSError:
        return None


def _digest(path: Path) -> str:
    from . import __version__

    h = hashlib.sha256(path.read_bytes())
    h.update(__version__.encode())
    return h.hexdigest()


def verified_entries(dictionary: Dictionary, *, use_cache: bool = True) -> tuple[list[Entry], list[str]]:
    """Entries whose examples pass, and the problems of those that do not.

    Checking ~1,000 entries costs a second, so the verdict is cached per file
    content and kanclint version in the user's cache directory.
    """
    path = Path(dictionary.spec.path)
    cache_file = None
    if use_cache and (cache_dir := _cache_path()):
        cache_file = cache_dir / f"verified-{_digest(path)}.json"
        if cache_file.is_file():
            try:
                failed = json.loads(cache_file.read_text(encoding="utf-8"))
                bad_ids = set(failed)
                return (
                    [e for e in dictionary.entries if e.id not in bad_ids],
                    [p for ps in failed.values() for p in ps],
                )
            except (OSError, ValueError):
                pass
    failed: dict[str, list[str]] = {}
    for entry in dictionary.entries:
        problems = example_problems(dictionary.spec, entry)
        if problems:
            failed[entry.id] = problems
    if cache_file is not None:
        try:
            tmp = cache_file.with_suffix(".tmp")
            tmp.write_text(json.dumps(failed, ensure_ascii=False), encoding="utf-8")
            tmp.replace(cache_file)
        except OSError:
            pass
    problems = [p for ps in failed.values() for p in ps]
    return [e for e in dictionary.entries if e.id not in failed], problems


@cache
def load(path: str, verify: bool = True) -> tuple[Dictionary, tuple[str, ...]]:
    """A dictionary ready for use (once per process), and every problem found in it."""
    dictionary = read_dictionary(Path(path))
    problems = list(dictionary.problems)
    if verify:
        entries, failed = verified_entries(dictionary)
        dictionary = Dictionary(dictionary.spec, entries, dictionary.problems)
        problems += failed
    return dictionary, tuple(problems)


def report_problems(problems: Iterable[str]) -> None:
    for p in problems:
        print(f"kanclint: словарь: {p}", file=sys.stderr)
