"""Word lists the code rules read, kept as data in ``dictionaries/lexicon/*.toml``.

A linguist edits a list without touching Python; each list carries examples that the test
suite runs against the rules that read it (``tests/test_lexicon.py``), the discipline the
phrase dictionaries and the register lexicon already follow.  A list may ``extends`` another,
so that words two rules share are written once (issue #11: ORGANISATIONS and INSTITUTION_NOUNS).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from kanclint.dictionaries import builtin_dir


class LexiconError(ValueError):
    """A lexicon file that cannot be used; the message names the file and the list."""


@dataclass(frozen=True)
class LexiconExample:
    list_name: str
    rule: str
    text: str
    flagged: bool  # True: the rule must flag ``text``; False: it must not
    says: str = ""  # a phrase the finding's message must contain
    fix: str | None = None  # the whole text after ``kanclint.fix(text, unsafe=True)``, when given
    we: bool = False  # run with ``we = true`` (the account speaks as «мы»)


def lexicon_dir() -> Path:
    return builtin_dir() / "lexicon"


@cache
def _tables() -> dict[str, tuple[Path, dict[str, Any]]]:
    tables: dict[str, tuple[Path, dict[str, Any]]] = {}
    for path in sorted(lexicon_dir().glob("*.toml")):
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        for name, table in data.items():
            if name in tables:
                raise LexiconError(f"{path}: список «{name}» уже есть в {tables[name][0].name}")
            if not isinstance(table, dict) or not isinstance(table.get("lemmas"), list):
                raise LexiconError(f"{path}: [{name}] — таблица со списком lemmas")
            tables[name] = (path, table)
    return tables


@cache
def word_list(name: str) -> frozenset[str]:
    """The lemmas of list ``name`` and of every list it extends."""
    seen: list[str] = []
    words: set[str] = set()
    while name:
        if name in seen:
            raise LexiconError(f"списки {' → '.join(seen + [name])} расширяют друг друга по кругу")
        seen.append(name)
        try:
            path, table = _tables()[name]
        except KeyError:
            raise LexiconError(f"{lexicon_dir()}: нет списка «{name}»") from None
        words.update(str(w) for w in table["lemmas"])
        name = str(table.get("extends", ""))
    return frozenset(words)


@cache
def word_map(name: str) -> dict[str, str]:
    """The ``map`` table of list ``name``: each lemma of the list → the word a rewrite puts for it.

    «в целях повышения» → «чтобы повысить»: the list's lemmas are the nouns, ``map`` gives each its
    verb.  Every lemma needs a mapping, so a word added to the list is never silently left out.
    """
    path, table = _tables()[name]
    mapping = table.get("map")
    if not isinstance(mapping, dict) or set(mapping) != set(table["lemmas"]):
        raise LexiconError(f"{path}: [{name}] — в map нужна пара для каждого слова из lemmas")
    return {str(k): str(v) for k, v in mapping.items()}


def examples() -> list[LexiconExample]:
    """Every example of every list, for the test suite."""
    found = []
    for name, (path, table) in _tables().items():
        for item in table.get("examples", []):
            flagged = "flag" in item
            text = item.get("flag", item.get("clean"))
            if not isinstance(text, str) or not isinstance(item.get("rule"), str):
                raise LexiconError(f"{path}: [{name}] пример без rule и flag или clean: {item!r}")
            fix = item.get("fix")
            if fix is not None and not isinstance(fix, str):
                raise LexiconError(f"{path}: [{name}] fix — строка: {item!r}")
            found.append(LexiconExample(name, item["rule"], text, flagged, str(item.get("says", "")),
                                        fix, bool(item.get("we", False))))
    return found
