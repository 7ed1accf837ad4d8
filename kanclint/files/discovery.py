"""Which files a command line names: paths as given, folders walked the way ruff walks them.

A folder scan takes drafts (``.txt``, ``.md``) and skips hidden folders and
files, virtual environments, ``node_modules``, ``__pycache__`` and whatever
``.gitignore`` files exclude, so ``kanclint .`` in a project checks the posts,
not the dependencies.  A path named explicitly is always taken.  Nothing is
dropped in silence: a path that cannot be walked or found becomes an error
naming it, and files of other formats are counted so the user can be told.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

import pathspec

from kanclint.files.inputs import os_error

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
SKIPPED_FOLDERS = {".venv", "venv", "node_modules", "__pycache__"}


@dataclass
class Collected:
    files: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    skipped: int = 0  # files of other formats found in folders
    folders: list[str] = field(default_factory=list)  # folders that were walked


@dataclass(frozen=True)
class _Ignore:
    """One ``.gitignore``: ``below`` is its folder relative to the walked root, ``above`` the root relative to it."""

    spec: pathspec.GitIgnoreSpec
    below: str = ""
    above: str = ""

    def decide(self, rel: str, is_dir: bool) -> bool | None:
        if self.below:
            if not rel.startswith(self.below + "/"):
                return None
            rel = rel[len(self.below) + 1:]
        elif self.above:
            rel = f"{self.above}/{rel}"
        return self.spec.check_file(rel + "/" if is_dir else rel).include


def collect(paths: tuple[str, ...] | list[str]) -> Collected:
    out = Collected()
    for raw in paths:
        if raw == "-":
            out.files.append("-")
            continue
        if not raw.strip():
            out.errors.append((raw, "пустой путь: укажите файл, папку или «-» для stdin"))
            continue
        try:
            st = os.stat(raw)
        except OSError as exc:
            if isinstance(exc, FileNotFoundError) and os.path.islink(raw):
                out.errors.append((raw, f"{raw}: ссылка ведёт на файл, которого нет"))
            else:
                out.errors.append((raw, str(os_error(raw, exc))))
            continue
        if stat.S_ISDIR(st.st_mode):
            out.folders.append(raw)
            _walk(Path(raw), out)
        else:
            out.files.append(raw)  # special files are refused with a message when read
    return out


def _walk(root: Path, out: Collected) -> None:
    def onerror(exc: OSError) -> None:
        out.errors.append((str(exc.filename), str(os_error(exc.filename, exc))))

    chains: dict[str, list[_Ignore]] = {}
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror):
        here = Path(dirpath)
        rel_dir = here.relative_to(root).as_posix()
        rel_dir = "" if rel_dir == "." else rel_dir
        chain = chains.pop(dirpath, None)
        if chain is None:
            chain = _ancestor_ignores(root)
        own = _read_gitignore(here / ".gitignore", out)
        if own is not None:
            chain = [*chain, _Ignore(own, below=rel_dir)]
        keep = []
        for name in sorted(dirnames):
            rel = f"{rel_dir}/{name}" if rel_dir else name
            if name.startswith(".") or name in SKIPPED_FOLDERS or (here / name / "pyvenv.cfg").exists():
                continue
            if _ignored(chain, rel, True):
                continue
            keep.append(name)
            chains[os.path.join(dirpath, name)] = chain
        dirnames[:] = keep
        for name in filenames:
            rel = f"{rel_dir}/{name}" if rel_dir else name
            if name.startswith(".") or _ignored(chain, rel, False):
                continue
            if Path(name).suffix.lower() in TEXT_SUFFIXES:
                found.append(here / name)
            else:
                out.skipped += 1
    out.files.extend(str(f) for f in sorted(found))


def _ignored(chain: list[_Ignore], rel: str, is_dir: bool) -> bool:
    """git's rule: the deepest ``.gitignore`` with a matching pattern decides."""
    for ignore in reversed(chain):
        decision = ignore.decide(rel, is_dir)
        if decision is not None:
            return decision
    return False


def _ancestor_ignores(root: Path) -> list[_Ignore]:
    """``.gitignore`` files above ``root`` up to its git repository's top (none outside a repository)."""
    here = root.resolve()
    if (here / ".git").exists():
        return []
    above: list[_Ignore] = []
    for folder in here.parents:
        spec = _read_gitignore(folder / ".gitignore", None)
        if spec is not None:
            above.append(_Ignore(spec, above=here.relative_to(folder).as_posix()))
        if (folder / ".git").exists():
            return list(reversed(above))
    return []


def _read_gitignore(path: Path, out: Collected | None) -> pathspec.GitIgnoreSpec | None:
    try:
        if not path.is_file():
            return None
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        if out is not None:
            out.errors.append((str(path), str(os_error(path, exc))))
        return None
    return pathspec.GitIgnoreSpec.from_lines(lines)
