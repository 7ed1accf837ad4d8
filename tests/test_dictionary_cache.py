"""The compiled dictionary cache: same findings cold and warm, rebuilt when it does not check out,
never written through a symlink, and never more than a speed-up (issues #9 and #13)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import kanclint
from kanclint.engine.session import clear_data_caches
from kanclint.files import cache as store
from kanclint import dictionaries as reader
from kanclint.rules.phrases import loading as dictionaries
from kanclint.engine.config import Config
from kanclint.dictionaries import builtin_files, read_dictionary
from kanclint.rules.phrases.loading import load

ROOT = Path(__file__).resolve().parents[1]

ENTRIES = '''
[[entry]]
id = "dannyj"
pattern = "{данный:ADJF}"
replacements = ["{этот}"]
safe = true
guards = ["{данные:NOUN}"]
examples = [
  { bad = "В [данной] программе участвуют все школы.", fix = "В этой программе участвуют все школы." },
  { good = "Эти данные обновляются каждый день." },
]

[[entry]]
id = "v-dannom-sluchae"
pattern = "в {данный} {случай}"
replacements = ["в {этот} {случай}"]
safe = true
examples = [
  { bad = "[В данном случае] звоните.", fix = "В этом случае звоните." },
  { good = "В этом случае звоните." },
]
'''

TEXTS = [
    "В данном случае просим осуществлять контроль за ходом работ. Доводим до вашего сведения, что "
    "в целях обеспечения безопасности парк закрыт.",
    "Друзья, в субботу ждём вас в парке! Будут концерт, ярмарка и мастер-классы для детей 😀",
    "Следует отметить, что денежные средства были выделены в рамках реализации программы.",
]


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    """A private cache directory, and no dictionary left loaded in this process before or after."""
    directory = tmp_path / "kanclint-cache"
    monkeypatch.setenv("KANCLINT_CACHE_DIR", str(directory))
    monkeypatch.delenv("KANCLINT_NO_CACHE", raising=False)
    clear_data_caches()  # rules, dictionaries and everything built from them
    yield directory
    clear_data_caches()  # rules, dictionaries and everything built from them


def cache_file_for(path: Path, directory: Path) -> Path:
    """The name load() uses for ``path`` (as predictable as an attacker would find it)."""
    key = dictionaries._cache_key(str(path), path.read_bytes(), True)
    return directory / f"{dictionaries._cache_file_prefix(str(path))}{key[:32]}.json"


def findings(texts: list[str]) -> list[list[dict]]:
    config = Config(select=("ALL",), use_ignore_file=False)
    return [[d.to_dict() for d in kanclint.lint(t, config=config).diagnostics] for t in texts]


def corpus() -> list[str]:
    examples = sorted((ROOT / "examples").glob("*"))
    return TEXTS + [p.read_text(encoding="utf-8") for p in examples if p.suffix in {".txt", ".md"}]


# -- same findings ----------------------------------------------------------------------------

def test_cold_and_warm_cache_give_identical_dictionaries_and_findings(cache_dir, monkeypatch):
    texts = corpus()
    cold = findings(texts)  # compiles every dictionary and writes the cache
    assert any(cold), "the corpus must produce findings for the comparison to mean anything"
    written = sorted(cache_dir.glob("dictionary-*.json"))
    assert len(written) == len(builtin_files())
    compiled = {str(p): load(str(p)) for p in builtin_files()}

    clear_data_caches()  # rules, dictionaries and everything built from them

    def no_compiling(*args, **kwargs):
        raise AssertionError("a warm cache must not compile dictionaries again")

    monkeypatch.setattr(dictionaries, "_compile", no_compiling)
    warm = findings(texts)
    assert warm == cold
    for path, (dictionary, problems) in compiled.items():
        cached, cached_problems = load(path)
        assert cached.spec == dictionary.spec
        assert cached.entries == dictionary.entries  # patterns, guards, examples, all of it
        assert cached_problems == problems
    monkeypatch.undo()

    monkeypatch.setenv("KANCLINT_NO_CACHE", "1")
    clear_data_caches()  # rules, dictionaries and everything built from them
    assert findings(texts) == cold


def test_a_changed_dictionary_is_compiled_again_and_its_old_cache_removed(cache_dir, make_dictionary):
    path = make_dictionary(ENTRIES)
    first, _ = load(str(path))
    old = cache_file_for(path, cache_dir)
    assert old.is_file()
    path.write_text(path.read_text(encoding="utf-8").replace('id = "dannyj"', 'id = "dannyj-2"'), encoding="utf-8")
    load.cache_clear()
    second, _ = load(str(path))
    assert [e.id for e in second.entries] == ["dannyj-2", "v-dannom-sluchae"]
    assert not old.exists() and cache_file_for(path, cache_dir).is_file()


# -- a cache that does not check out ----------------------------------------------------------

@pytest.mark.parametrize(
    "poison",
    [
        lambda ids, good: json.dumps({i: [] for i in ids}).encode(),  # the old format, all entries "failed"
        lambda ids, good: good.replace(b'"dannyj"', b'"evil"', 1),  # edited after it was written
        lambda ids, good: good[: len(good) // 2],  # truncated
        lambda ids, good: b"",
    ],
    ids=["old-format", "edited", "truncated", "empty"],
)
def test_a_poisoned_cache_is_rebuilt_not_trusted(cache_dir, make_dictionary, poison):
    path = make_dictionary(ENTRIES)
    expected, _ = load(str(path))
    target = cache_file_for(path, cache_dir)
    good = target.read_bytes()
    target.write_bytes(poison([e.id for e in expected.entries], good))
    load.cache_clear()
    again, problems = load(str(path))
    assert again.entries == expected.entries and problems == ()
    assert store.read(target) is not None and target.read_bytes() == good  # rewritten


def test_a_self_consistent_cache_of_another_file_is_rejected(cache_dir, make_dictionary, tmp_path):
    """A well-formed file copied under another name (another key) is not taken for this dictionary."""
    path = make_dictionary(ENTRIES)
    expected, _ = load(str(path))
    other = tmp_path / "other.toml"
    other.write_text(path.read_text(encoding="utf-8").split("[[entry]]")[0] + "[[entry]]" + ENTRIES.split("[[entry]]")[2],
                     encoding="utf-8")
    load(str(other))
    cache_file_for(path, cache_dir).write_bytes(cache_file_for(other, cache_dir).read_bytes())
    load.cache_clear()
    again, _ = load(str(path))
    assert [e.id for e in again.entries] == [e.id for e in expected.entries]


# -- symlinks and foreign directories ----------------------------------------------------------

def test_a_planted_symlink_is_replaced_never_written_through(cache_dir, make_dictionary, tmp_path):
    path = make_dictionary(ENTRIES)
    cache_dir.mkdir(mode=0o700)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    target = cache_file_for(path, cache_dir)
    target.symlink_to(victim)
    # the names the old code wrote through, and a spread of temporary-looking names
    for name in (target.with_suffix(".tmp").name, ".tmp-kanclint.part", "tmp.json"):
        (cache_dir / name).symlink_to(victim)
    dictionary, _ = load(str(path))
    assert [e.id for e in dictionary.entries] == ["dannyj", "v-dannom-sluchae"]
    assert victim.read_text(encoding="utf-8") == "precious"
    assert not target.is_symlink() and store.read(target) is not None


def test_a_symlink_to_a_valid_cache_file_is_not_read(cache_dir, make_dictionary, tmp_path):
    path = make_dictionary(ENTRIES)
    load(str(path))
    target = cache_file_for(path, cache_dir)
    elsewhere = tmp_path / "elsewhere.json"
    target.rename(elsewhere)
    target.symlink_to(elsewhere)
    assert store.read(elsewhere) is not None
    assert store.read(target) is None


def test_write_uses_a_fresh_private_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "x.json"
    assert store.write(target, b"{}")
    assert store.read(target) == b"{}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.json"]
    assert target.stat().st_mode & 0o077 == 0


def test_a_symlinked_cache_directory_is_not_used(tmp_path, monkeypatch):
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    monkeypatch.setenv("KANCLINT_CACHE_DIR", str(link))
    monkeypatch.delenv("KANCLINT_NO_CACHE", raising=False)
    assert store.cache_dir() is None


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to chown")
def test_a_cache_directory_owned_by_someone_else_is_not_used(tmp_path, monkeypatch):
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    os.chown(foreign, 12345, 12345)
    monkeypatch.setenv("KANCLINT_CACHE_DIR", str(foreign))
    monkeypatch.delenv("KANCLINT_NO_CACHE", raising=False)
    assert store.cache_dir() is None


# -- without a cache ---------------------------------------------------------------------------

def test_an_unusable_cache_directory_only_costs_speed(make_dictionary, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("KANCLINT_CACHE_DIR", str(blocker / "cache"))  # cannot be created
    load.cache_clear()
    dictionary, problems = load(str(make_dictionary(ENTRIES)))
    assert [e.id for e in dictionary.entries] == ["dannyj", "v-dannom-sluchae"] and problems == ()
    load.cache_clear()


def test_the_cache_can_be_turned_off(make_dictionary, tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    monkeypatch.setenv("KANCLINT_CACHE_DIR", str(directory))
    monkeypatch.setenv("KANCLINT_NO_CACHE", "1")
    load.cache_clear()
    load(str(make_dictionary(ENTRIES)))
    assert not directory.exists()
    load.cache_clear()


def test_line_numbers_are_looked_up_only_for_a_message(make_dictionary, monkeypatch):
    path = make_dictionary(ENTRIES)

    def boom(raw):
        raise AssertionError("no message, no line lookup")

    monkeypatch.setattr(reader, "_id_lines", boom)
    dictionary = read_dictionary(path)
    assert [e.id for e in dictionary.entries] == ["dannyj", "v-dannom-sluchae"]
    monkeypatch.undo()
    line = path.read_text(encoding="utf-8").splitlines().index('id = "v-dannom-sluchae"') + 1
    assert dictionary.entries[1].source == f"{path}:{line}"


def test_the_cache_key_follows_kanclints_code(tmp_path):
    """A verdict compiled by code being edited must not outlive the edit (the version stays the same)."""
    import os

    from kanclint.rules.phrases import loading
    module = loading.__file__
    before = loading._code_stamp()
    info = os.stat(module)
    try:
        os.utime(module, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
        assert loading._code_stamp() != before
    finally:
        os.utime(module, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert loading._code_stamp() == before
