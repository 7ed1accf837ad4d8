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
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Iterable

from .model import Severity
from .patterns import AnyWord, Exact, Gap, Item, Lemma, Pattern, PatternError, compile_pattern

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
    path: str = ""  # the dictionary file; the line is looked up only when a message needs it

    @property
    def source(self) -> str:
        """``file:line`` of the entry, for messages (found on demand: most runs never need it)."""
        return f"{self.path}:{entry_line(self.path, self.id)}"


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


_ID_LINE = re.compile(r"""^[ \t]*id[ \t]*=[ \t]*["']([^"'\n]*)["']""", re.MULTILINE)


def _id_lines(raw: str) -> dict[str, int]:
    """Entry id → line number (the first occurrence), in one pass over the file."""
    lines: dict[str, int] = {}
    pos = 0
    line = 1
    for m in _ID_LINE.finditer(raw):
        line += raw.count("\n", pos, m.start())
        pos = m.start()
        lines.setdefault(m.group(1), line)
    return lines


@lru_cache(maxsize=64)
def _id_lines_of_file(path: str, stamp: tuple[int, int]) -> dict[str, int]:
    try:
        return _id_lines(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return {}


def entry_line(path: str, entry_id: str) -> int:
    """Line of ``id = "entry_id"`` in ``path`` (0 when unknown); read only when a message needs it."""
    try:
        info = os.stat(path)
    except OSError:
        return 0
    return _id_lines_of_file(path, (info.st_mtime_ns, info.st_size)).get(entry_id, 0)


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


class _Lines:
    """The id → line map of one file, built on the first message that needs a line."""

    def __init__(self, raw: str):
        self.raw = raw
        self._lines: dict[str, int] | None = None

    def get(self, entry_id: str) -> int:
        if self._lines is None:
            self._lines = _id_lines(self.raw)
        return self._lines.get(entry_id, 0)


class _Where:
    """``file:line: entry `id```: formatted (and the line looked up) only when a message is built."""

    __slots__ = ("path", "lines", "entry_id")

    def __init__(self, path: Path, lines: _Lines, entry_id: str):
        self.path, self.lines, self.entry_id = path, lines, entry_id

    def __str__(self) -> str:
        return f"{self.path}:{self.lines.get(self.entry_id)}: entry `{self.entry_id}`"

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def _parse_entry(raw_entry: Any, path: Path, lines: _Lines, spec: RuleSpec) -> Entry:
    if not isinstance(raw_entry, dict) or "id" not in raw_entry:
        raise DictionaryError(f"{path}: an [[entry]] without `id`")
    entry_id = str(raw_entry["id"])
    where = _Where(path, lines, entry_id)
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
        path=str(path),
    )


def read_dictionary(path: Path, raw_text: str | None = None) -> Dictionary:
    """Parse and validate one file; raises :class:`DictionaryError` for file-level faults.

    Entry-level faults (a bad pattern, a missing example) are collected in
    ``problems`` and the entry is left out, so one typo does not disable a file.
    ``raw_text`` is the file's content when the caller has already read it.
    """
    if raw_text is None:
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
    lines = _Lines(raw_text)
    for raw_entry in data.get("entry", []):
        try:
            entry = _parse_entry(raw_entry, path, lines, spec)
        except DictionaryError as exc:
            problems.append(str(exc))
            continue
        if entry.id in seen:
            problems.append(f"{_Where(path, lines, entry.id)}: duplicate id")
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


# -- the compiled cache ------------------------------------------------------------------
#
# Reading the TOML, compiling ~8,000 patterns and running every entry's examples
# costs seconds; a CLI run must not pay that each time.  The result is kept as
# plain JSON (no pickle: loading it runs no code) in the user cache directory,
# keyed by everything it depends on, and checked by its own hash (kanclint.cache).

CACHE_FORMAT = 1


def _library_stamp() -> str:
    """Which pymorphy3, its dictionaries and razdel compiled the patterns and judged the examples.

    Their file stamps, not ``importlib.metadata`` (tens of milliseconds per call):
    an upgrade rewrites the files, so the cache is rebuilt.
    """
    from importlib.util import find_spec

    parts = []
    for name in ("pymorphy3", "pymorphy3_dicts_ru", "razdel"):
        try:
            spec = find_spec(name)
            origin = spec.origin if spec is not None else None
            info = os.stat(origin) if origin else None
        except (ImportError, ValueError, OSError):
            info, origin = None, None
        parts.append(f"{name}={origin}:{info.st_mtime_ns}:{info.st_size}" if info else f"{name}=?")
    return ";".join(parts)


@cache
def _environment_key() -> bytes:
    from . import __version__

    return f"format={CACHE_FORMAT};kanclint={__version__};{_library_stamp()}".encode()


def _cache_key(path: str, content: bytes, verify: bool) -> str:
    h = hashlib.sha256(_environment_key())
    h.update(f";verify={verify};path={path}\0".encode())
    h.update(content)
    return h.hexdigest()


def _cache_file_prefix(path: str) -> str:
    return f"dictionary-{hashlib.sha256(path.encode()).hexdigest()[:16]}-"


def _encode_item(item: Item) -> list[Any]:
    if isinstance(item, Exact):
        return ["e", sorted(item.forms)]
    if isinstance(item, Lemma):
        return ["l", sorted(item.lemmas), sorted(item.grammemes), item.slot]
    if isinstance(item, AnyWord):
        return ["a", sorted(item.grammemes), item.ordinal]
    return ["g", item.size]


class _Encoder:
    """Plain data with every distinct item and pattern stored once and referred to by index.

    Thousands of patterns share items such as «в»; decoding each once is most
    of what makes a warm start fast.
    """

    def __init__(self) -> None:
        self.items: list[list[Any]] = []
        self.patterns: list[list[Any]] = []
        self._item_index: dict[Item, int] = {}
        self._pattern_index: dict[Pattern, int] = {}

    def item(self, item: Item) -> int:
        if item not in self._item_index:
            self._item_index[item] = len(self.items)
            self.items.append(_encode_item(item))
        return self._item_index[item]

    def pattern(self, pattern: Pattern) -> int:
        if pattern not in self._pattern_index:
            self._pattern_index[pattern] = len(self.patterns)
            self.patterns.append([pattern.source, [self.item(i) for i in pattern.items]])
        return self._pattern_index[pattern]


def _encode(dictionary: Dictionary, problems: list[str], key: str) -> bytes:
    spec = dictionary.spec
    encoder = _Encoder()
    entries = [
        [
            e.id,
            [encoder.pattern(p) for p in e.patterns],
            list(e.replacements),
            e.safe,
            e.autofix,
            e.note,
            [encoder.pattern(p) for p in e.guards],
            None if e.severity is None else e.severity.value,
            [[x.text, x.bad, None if x.span is None else list(x.span), x.fix] for x in e.examples],
        ]
        for e in dictionary.entries
    ]
    data = {
        "key": key,
        "spec": {name: str(getattr(spec, name).value if name == "severity" else getattr(spec, name))
                 for name in RuleSpec.__dataclass_fields__},
        "items": encoder.items,
        "patterns": encoder.patterns,
        "entries": entries,
        "parse_problems": list(dictionary.problems),
        "problems": problems,
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _decode_item(raw: list[Any]) -> Item:
    kind = raw[0]
    if kind == "e":
        return Exact(frozenset(raw[1]))
    if kind == "l":
        return Lemma(frozenset(raw[1]), frozenset(raw[2]), int(raw[3]))
    if kind == "a":
        return AnyWord(frozenset(raw[1]), int(raw[2]))
    if kind == "g":
        return Gap(int(raw[1]))
    raise ValueError(f"unknown item {kind!r}")


def _decode(payload: bytes, key: str, path: str) -> tuple[Dictionary, list[str]]:
    """The cached dictionary; ``ValueError`` (and friends) when the file is not what we wrote.

    The file's own hash (checked by :func:`kanclint.cache.read`) and the key it
    carries are the checks: a file that passes both is one this code wrote.
    """
    data = json.loads(payload.decode("utf-8"))
    if data["key"] != key:
        raise ValueError("cache key mismatch")
    raw_spec = data["spec"]
    fields: dict[str, Any] = {name: str(raw_spec[name]) for name in RuleSpec.__dataclass_fields__}
    fields["severity"] = Severity.parse(fields["severity"])
    fields["path"] = path
    spec = RuleSpec(**fields)
    items = [_decode_item(raw) for raw in data["items"]]
    patterns = [Pattern(source, tuple([items[i] for i in indices])) for source, indices in data["patterns"]]
    severities = {s.value: s for s in Severity}
    entries = []
    for entry_id, pattern_ids, replacements, safe, autofix, note, guard_ids, severity, raw_examples in data["entries"]:
        entries.append(Entry(
            id=entry_id,
            patterns=tuple([patterns[i] for i in pattern_ids]),
            replacements=tuple(replacements),
            safe=safe,
            autofix=autofix,
            note=note,
            guards=tuple([patterns[i] for i in guard_ids]),
            severity=None if severity is None else severities[severity],
            examples=tuple([
                Example(text, bad, None if span is None else (span[0], span[1]), fix)
                for text, bad, span, fix in raw_examples
            ]),
            path=path,
        ))
        if not entries[-1].patterns:
            raise ValueError(f"entry {entry_id!r} without patterns")
    return Dictionary(spec, entries, list(data["parse_problems"])), list(data["problems"])


def verified_entries(dictionary: Dictionary) -> tuple[list[Entry], list[str]]:
    """Entries whose examples pass, and the problems of those that do not.

    Checking ~1,600 entries costs a second or more: :func:`load` keeps the
    verdict in the compiled cache, so this runs once per dictionary version.
    """
    entries: list[Entry] = []
    problems: list[str] = []
    for entry in dictionary.entries:
        found = example_problems(dictionary.spec, entry)
        if found:
            problems.extend(found)
        else:
            entries.append(entry)
    return entries, problems


def _compile(path: Path, raw_text: str, verify: bool) -> tuple[Dictionary, list[str]]:
    dictionary = read_dictionary(path, raw_text)
    problems = list(dictionary.problems)
    if verify:
        entries, failed = verified_entries(dictionary)
        dictionary = Dictionary(dictionary.spec, entries, dictionary.problems)
        problems += failed
    return dictionary, problems


@cache
def load(path: str, verify: bool = True) -> tuple[Dictionary, tuple[str, ...]]:
    """A dictionary ready for use (once per process), and every problem found in it.

    Served from the compiled cache when it holds this exact file for this exact
    kanclint; otherwise compiled, verified and cached for the next run.
    A cache that cannot be read, written or trusted only costs time.
    """
    from . import cache as store

    content = Path(path).read_bytes()
    key = _cache_key(path, content, verify)
    directory = store.cache_dir()
    cache_file = directory / f"{_cache_file_prefix(path)}{key[:32]}.json" if directory is not None else None
    if cache_file is not None:
        payload = store.read(cache_file)
        if payload is not None:
            try:
                dictionary, problems = _decode(payload, key, path)
                return dictionary, tuple(problems)
            except (ValueError, KeyError, TypeError, IndexError, AttributeError, UnicodeDecodeError):
                pass  # not a cache we wrote: rebuild it below
    try:
        raw_text = content.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DictionaryError(f"{path}: not UTF-8: {exc}") from None
    dictionary, problems = _compile(Path(path), raw_text, verify)
    if cache_file is not None and store.write(cache_file, _encode(dictionary, problems, key)):
        store.remove_stale(cache_file.parent, _cache_file_prefix(path), cache_file)
    return dictionary, tuple(problems)


def report_problems(problems: Iterable[str]) -> None:
    for p in problems:
        print(f"kanclint: словарь: {p}", file=sys.stderr)
