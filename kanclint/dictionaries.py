"""Dictionary files: TOML data turned into phrase rules, with every entry's examples checked.

The schema is documented for non-programmers in ``dictionaries/README.md``.
Errors point at the file, the line and the entry id, the way Vale points at a
rule file.  An entry whose examples fail is reported and left out, so a bad
contribution can never silently change what kanclint flags.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator, Sequence, overload

from kanclint.files.toml_errors import toml_error_place
from kanclint.model import CODE_RE, NAME_RE, Severity
from kanclint.patterns import Pattern, PatternError, compile_pattern

RULE_KEYS = {"code", "name", "category", "severity", "title", "what", "why", "example", "instead"}
ENTRY_KEYS = {"id", "pattern", "patterns", "replacements", "safe", "autofix", "note", "guards", "severity", "examples"}
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# «{слово}», «{слово@2}» (agrees with the 2nd {…} slot), «{слово@<1>}» (with the 1st <…> word)
_BRACE_RE = re.compile(r"\{([^{}@]+)(?:@(\d+|<\d+>))?\}")


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
    examples: Sequence[Example] = ()  # a tuple, or LazyExamples when the entry came from the cache
    path: str = ""  # the dictionary file; the line is looked up only when a message needs it

    @property
    def source(self) -> str:
        """``file:line`` of the entry, for messages (found on demand: most runs never need it)."""
        return f"{self.path}:{entry_line(self.path, self.id)}"


class LazyExamples(Sequence[Example]):
    """An entry's examples, read from its dictionary file on first use.

    Only the tests and the generated docs read examples; a run that lints a post does
    not.  Keeping them out of the compiled cache makes every start decode a third less.
    The file is the one the entry was compiled from (the cache key holds its content); an
    entry whose file changed since, or lost its id, has no examples.
    """

    __slots__ = ("path", "entry_id", "_items")

    def __init__(self, path: str, entry_id: str):
        self.path, self.entry_id = path, entry_id
        self._items: tuple[Example, ...] | None = None

    def _resolve(self) -> tuple[Example, ...]:
        if self._items is None:
            self._items = examples_of_file(self.path).get(self.entry_id, ())
        return self._items

    @overload
    def __getitem__(self, index: int) -> Example: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Example]: ...
    def __getitem__(self, index: int | slice) -> Example | Sequence[Example]:
        return self._resolve()[index]

    def __len__(self) -> int:
        return len(self._resolve())

    def __iter__(self) -> Iterator[Example]:
        return iter(self._resolve())

    def __eq__(self, other: object) -> bool:
        """Equal to the same examples however they are held (a tuple when freshly compiled)."""
        if isinstance(other, (LazyExamples, tuple)):
            return self._resolve() == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._resolve())  # the hash of the equal tuple

    def __repr__(self) -> str:
        return f"LazyExamples({self.path!r}, {self.entry_id!r})"


def examples_of_file(path: str) -> dict[str, tuple[Example, ...]]:
    """Every entry's examples in one dictionary file, by entry id (the file is read once per version)."""
    try:
        info = os.stat(path)
    except OSError:
        return {}
    return _examples_of_file(path, (info.st_mtime_ns, info.st_size))


@lru_cache(maxsize=64)
def _examples_of_file(path: str, stamp: tuple[int, int]) -> dict[str, tuple[Example, ...]]:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}
    found: dict[str, tuple[Example, ...]] = {}
    for raw in data.get("entry", []):
        if not isinstance(raw, dict) or "id" not in raw:
            continue
        try:
            found[str(raw["id"])] = tuple(parse_example(e, str(raw["id"])) for e in raw.get("examples", []) or [])
        except DictionaryError:
            continue  # such an entry never passed the check, so it is not in the cache either
    return found


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
        raise DictionaryError(f"{where}: пример пишется так: {{ bad = \"…[фраза]…\", fix = \"…\" }} или {{ good = \"…\" }}")
    extra = set(item) - {"bad", "good", "fix"}
    if extra:
        raise DictionaryError(f"{where}: в примере неизвестный ключ {', '.join(sorted(extra))}")
    if "good" in item:
        if "bad" in item or "fix" in item:
            raise DictionaryError(f"{where}: у хорошего примера (good) не бывает bad и fix")
        return Example(str(item["good"]), bad=False)
    marked = str(item["bad"])
    m = re.search(r"\[([^\[\]]+)\]", marked)
    if not m or marked.count("[") != 1 or marked.count("]") != 1:
        raise DictionaryError(f"{where}: отметьте в «{marked}» ровно одну фразу скобками [ ]")
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
    raise DictionaryError(f"{where}: `{key}` — строка или список строк")


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
        return f"{self.path}:{self.lines.get(self.entry_id)}: запись `{self.entry_id}`"

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def _parse_entry(raw_entry: Any, path: Path, lines: _Lines, spec: RuleSpec) -> Entry:
    if not isinstance(raw_entry, dict) or "id" not in raw_entry:
        raise DictionaryError(f"{path}: у записи [[entry]] нет `id`")
    entry_id = str(raw_entry["id"])
    where = _Where(path, lines, entry_id)
    if not _ID_RE.match(entry_id):
        raise DictionaryError(f"{where}: id пишется строчными латинскими буквами, цифрами и дефисами")
    unknown = set(raw_entry) - ENTRY_KEYS
    if unknown:
        raise DictionaryError(f"{where}: неизвестный ключ {', '.join(sorted(unknown))}")
    sources = _as_list(raw_entry.get("pattern"), where, "pattern") + _as_list(
        raw_entry.get("patterns"), where, "patterns"
    )
    if not sources:
        raise DictionaryError(f"{where}: нужен `pattern` или `patterns`")
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
                raise DictionaryError(f"{where}: замена «{r}» ссылается на <{m.group(1)}>, а в шаблоне таких слов {anys}")
        n = 0
        for m in _BRACE_RE.finditer(r):
            if m.group(2) and m.group(2).startswith("<"):
                if int(m.group(2)[1:-1]) > anys:
                    raise DictionaryError(f"{where}: замена «{r}» согласуется с {m.group(2)}, а в шаблоне таких слов {anys}")
                continue
            n += 1
            wanted = int(m.group(2)) if m.group(2) else n
            if wanted > slots:
                raise DictionaryError(
                    f"{where}: замена «{r}» согласуется со словом {{…}} № {wanted} (slot {wanted}), а в шаблоне их {slots}"
                )
    severity = raw_entry.get("severity")
    try:
        severity = Severity.parse(severity) if severity is not None else None
    except ValueError as exc:
        raise DictionaryError(f"{where}: {exc}") from None
    examples = tuple(parse_example(e, where) for e in raw_entry.get("examples", []) or [])
    if not any(e.bad for e in examples) or not any(not e.bad for e in examples):
        raise DictionaryError(f"{where}: нужен хотя бы один пример `bad` и один `good`")
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
        raise DictionaryError(f"{path}: ошибка TOML: {toml_error_place(exc)}") from None
    head = data.get("rule")
    if not isinstance(head, dict):
        raise DictionaryError(f"{path}: нет таблицы [rule]")
    missing = sorted(RULE_KEYS - head.keys())
    if missing:
        raise DictionaryError(f"{path}: в [rule] не хватает ключей: {', '.join(missing)}")
    unknown = sorted(set(head) - RULE_KEYS)
    if unknown:
        raise DictionaryError(f"{path}: в [rule] неизвестный ключ {', '.join(unknown)}")
    extra = sorted(set(data) - {"rule", "entry"})
    if extra:
        raise DictionaryError(f"{path}: неизвестная таблица {', '.join(extra)}")
    try:
        severity = Severity.parse(head["severity"])
    except ValueError as exc:
        raise DictionaryError(f"{path}: {exc}") from None
    spec = RuleSpec(
        code=str(head["code"]), name=str(head["name"]), category=str(head["category"]),
        severity=severity, title=str(head["title"]), what=str(head["what"]), why=str(head["why"]),
        example=str(head["example"]), instead=str(head["instead"]), path=str(path),
    )
    if not CODE_RE.match(spec.code) or not NAME_RE.match(spec.name):
        raise DictionaryError(f"{path}: code пишется как KC101, а name — строчными словами через дефис (kebab-case)")
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
            problems.append(f"{_Where(path, lines, entry.id)}: такой id уже есть")
            continue
        seen.add(entry.id)
        entries.append(entry)
    return Dictionary(spec, entries, problems)
