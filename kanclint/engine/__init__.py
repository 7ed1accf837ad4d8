"""The engine: registry, selection, running the rules, one overlap resolver, fixes, score, serialisation.

It sits above the rules and below the surfaces (cli, lsp, output, gate): a surface asks the
engine for a report and never runs a rule itself.
"""

from __future__ import annotations

from kanclint.engine.running import InternalError, fix, lint, lint_file, to_json

__all__ = ["InternalError", "fix", "lint", "lint_file", "to_json"]
