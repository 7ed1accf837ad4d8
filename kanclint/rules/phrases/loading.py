"""Loading a dictionary for use: parse it, run every entry's examples, keep the verdict in the cache.

Checking examples runs a :class:`PhraseRule` on them, so this lives with the phrase rules,
one layer above :mod:`kanclint.dictionaries` (which only reads the TOML).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any, Iterable

from kanclint.dictionaries import (
    Dictionary,
    DictionaryError,
    Entry,
    LazyExamples,
    RuleSpec,
    builtin_files,
    read_dictionary,
)
from kanclint.files import cache as store
from kanclint.model import Severity, apply_fix
from kanclint.patterns import AnyWord, Exact, Gap, Item, Lemma, Pattern
from kanclint.rules.phrases.rule import PhraseFamily, PhraseRule
from kanclint.text.document import Document
from kanclint.version import __version__


def example_problems(spec: RuleSpec, entry: Entry) -> list[str]:
    """Run one entry's examples against a rule made of that entry alone."""
    rule = PhraseRule(spec, [entry])
    problems = []
    where = f"{entry.source}: запись `{entry.id}`"
    for ex in entry.examples:
        doc = Document(ex.text, skip=())
        found = list(rule.check(doc))
        if not ex.bad:
            if found:
                problems.append(f"{where}: в хорошем примере найдено «{found[0].match}»: {ex.text}")
            continue
        assert ex.span is not None
        hits = [d for d in found if (d.start, d.end) == ex.span]
        if not hits:
            got = ", ".join(f"«{d.match}»" for d in found) or "ничего"
            problems.append(
                f"{where}: ожидалось «{ex.text[ex.span[0]:ex.span[1]]}», найдено {got}: {ex.text}"
            )
            continue
        if ex.fix is not None:
            if hits[0].fix is None:
                problems.append(f"{where}: ожидалось исправление «{ex.fix}», но его нет: {ex.text}")
            else:
                result = apply_fix(ex.text, hits[0].fix)
                if result != ex.fix:
                    problems.append(f"{where}: исправление даёт «{result}», а ожидалось «{ex.fix}»")
    return problems


# -- the compiled cache ------------------------------------------------------------------
#
# Reading the TOML, compiling ~8,000 patterns and running every entry's examples
# costs seconds; a CLI run must not pay that each time.  The result is kept as
# plain JSON (no pickle: loading it runs no code) in the user cache directory,
# keyed by everything it depends on, and checked by its own hash (kanclint.files.cache).

CACHE_FORMAT = 2  # 2: examples are read from the TOML on demand, not cached


def _library_stamp() -> str:
    """Which pymorphy3, its dictionaries and razdel compiled the patterns and judged the examples.

    Their file stamps, not ``importlib.metadata`` (tens of milliseconds per call):
    an upgrade rewrites the files, so the cache is rebuilt.
    """
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


def _code_stamp() -> str:
    """Which kanclint code compiled the patterns and judged the examples: every module's size and
    time stamp. The version alone is not enough — a verdict of code being edited (a checkout, a
    development install) must not outlive the edit."""
    package = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    h = hashlib.sha256()
    for folder, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                try:
                    info = os.stat(os.path.join(folder, name))
                except OSError:
                    continue
                h.update(f"{folder}/{name}:{info.st_mtime_ns}:{info.st_size};".encode())
    return h.hexdigest()[:16]


@cache
def _environment_key() -> bytes:
    return f"format={CACHE_FORMAT};kanclint={__version__};code={_code_stamp()};{_library_stamp()}".encode()


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

    The file's own hash (checked by :func:`kanclint.files.cache.read`) and the key it
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
    for entry_id, pattern_ids, replacements, safe, autofix, note, guard_ids, severity in data["entries"]:
        entries.append(Entry(
            id=entry_id,
            patterns=tuple([patterns[i] for i in pattern_ids]),
            replacements=tuple(replacements),
            safe=safe,
            autofix=autofix,
            note=note,
            guards=tuple([patterns[i] for i in guard_ids]),
            severity=None if severity is None else severities[severity],
            examples=LazyExamples(path, entry_id),
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
        raise DictionaryError(f"{path}: файл не в кодировке UTF-8") from None
    dictionary, problems = _compile(Path(path), raw_text, verify)
    if cache_file is not None and store.write(cache_file, _encode(dictionary, problems, key)):
        store.remove_stale(cache_file.parent, _cache_file_prefix(path), cache_file)
    return dictionary, tuple(problems)


def report_problems(problems: Iterable[str]) -> None:
    for p in problems:
        print(f"kanclint: словарь: {p}", file=sys.stderr)


def rules_from_files(paths: Iterable[str]) -> list[PhraseRule]:
    dictionaries = []
    problems: list[str] = []
    for path in paths:
        dictionary, found = load(str(path))
        problems.extend(found)
        dictionaries.append(dictionary)
    report_problems(problems)
    family = PhraseFamily([(d.spec.code, d.entries) for d in dictionaries])  # one scan for them all
    return [PhraseRule(d.spec, d.entries, family) for d in dictionaries]


def builtin_rules() -> list[PhraseRule]:
    """Entry point ``kanclint.rules: KC1``: one rule per shipped dictionary file."""
    return list(shipped_rules())


@cache
def shipped_rules() -> tuple[PhraseRule, ...]:
    """The shipped dictionaries' rules, built once (one shared scan) for the registry and for the
    code rules that ask the dictionaries («is this canцелярит?»); rules are immutable, so sharing
    is safe, and :func:`kanclint.engine.session.clear_data_caches` forgets them."""
    return tuple(rules_from_files(str(p) for p in builtin_files()))
