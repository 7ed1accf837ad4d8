"""A Linter: kanclint for a caller that lives longer than one text, with its state in one object.

``kanclint.lint`` and ``kanclint.fix`` are enough for a script. A language server, a
chat bot or a publishing pipeline checks text after text for hours; it holds a
:class:`Linter`, which owns

* the configuration it applies unless a call names another one;
* with ``incremental=True``, the per-paragraph results (an edit re-checks only the
  paragraphs it touched, see :mod:`kanclint.engine.incremental`);
* the moment the rules, dictionaries, word lists and the register model were read:
  :meth:`Linter.refresh` forgets them (and the paragraph results built with them), so an
  edited dictionary or configuration is seen without a restart.

The rules and data themselves are shared by every Linter of the process (they are read-only
and cost seconds to build); :mod:`kanclint.engine.session` lists those caches.
"""

from __future__ import annotations

from typing import Callable

from kanclint.engine.config import Config
from kanclint.engine.fixes import FixResult
from kanclint.engine.incremental import IncrementalLinter
from kanclint.engine.running import fix as fix_text
from kanclint.engine.running import lint as lint_text
from kanclint.engine.session import clear_data_caches
from kanclint.model import Diagnostic, Report


class Linter:
    """Checks and fixes texts with one configuration; see the module docstring for its state."""

    def __init__(self, config: Config | None = None, *, incremental: bool = False) -> None:
        if config is not None and not isinstance(config, Config):
            raise TypeError(f"kanclint.Linter: config должен быть kanclint.Config, а не {type(config).__name__}")
        self.config = config or Config()
        self._paragraphs = IncrementalLinter() if incremental else None
        self.generation = 0  # how many times refresh() has run: a caller may compare it

    def lint(self, text: str, *, config: Config | None = None, path: str | None = None) -> Report:
        """The report of ``text`` (``config`` overrides the Linter's own for this call)."""
        cfg = config or self.config
        if self._paragraphs is not None:
            if not isinstance(text, str):
                return lint_text(text, config=cfg, path=path)  # the same clear TypeError as kanclint.lint
            return self._paragraphs.lint(text, config=cfg, path=path)
        return lint_text(text, config=cfg, path=path)

    def fix(self, text: str, *, unsafe: bool = False, config: Config | None = None, path: str | None = None,
            accept: Callable[[Diagnostic], bool] | None = None) -> FixResult:
        """``text`` with its fixes applied (see :func:`kanclint.fix`), checked by this Linter."""
        return fix_text(text, unsafe=unsafe, config=config or self.config, path=path, accept=accept,
                        using=self.lint)

    def forget_results(self) -> None:
        """Drop the cached paragraph results only (the settings changed, the files did not)."""
        if self._paragraphs is not None:
            self._paragraphs.clear()

    @property
    def paragraph_cache(self) -> IncrementalLinter | None:
        """The per-paragraph cache of an incremental Linter (its hit counts show what an edit re-checked)."""
        return self._paragraphs

    def refresh(self) -> None:
        """Forget the rules, dictionaries, word lists and model read so far, and every result built
        with them: the next call reads the files again (the language server calls this when one changes)."""
        clear_data_caches()
        self.forget_results()
        self.generation += 1
