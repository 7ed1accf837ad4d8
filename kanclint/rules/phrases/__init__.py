"""KC1xx: phrase rules made of the dictionaries, one rule per TOML file.

:mod:`.rule` finds and rewrites matches; :mod:`.loading` reads, verifies and caches the files.
The entry point ``kanclint.rules: KC1 = "kanclint.rules.phrases:builtin_rules"`` stays as it was.
"""

from __future__ import annotations

from kanclint.rules.phrases.loading import (
    builtin_rules,
    example_problems,
    load,
    rules_from_files,
    shipped_rules,
    verified_entries,
)
from kanclint.rules.phrases.rule import PhraseFamily, PhraseRule, deletion_edits, render

__all__ = [
    "PhraseFamily", "PhraseRule", "builtin_rules", "deletion_edits", "example_problems", "load", "render",
    "rules_from_files", "shipped_rules", "verified_entries",
]
