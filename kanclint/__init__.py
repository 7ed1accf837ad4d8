"""kanclint: канцелярит and press-release style checker for official social-media posts.

Public API::

    import kanclint
    report = kanclint.lint("Доводим до вашего сведения, что …")
    report.score, report.diagnostics, report.to_dict()

    linter = kanclint.Linter(kanclint.Config(we=True), incremental=True)  # a long-lived caller
    linter.lint(text); linter.fix(text, unsafe=True).changes; linter.refresh()
"""

from __future__ import annotations

from kanclint.engine.config import Config, ConfigError, load_config
from kanclint.engine.fixes import Change, FixResult
from kanclint.engine.linter import Linter
from kanclint.engine.registry import PluginError, all_rules
from kanclint.engine.running import fix, lint, lint_file
from kanclint.files.inputs import InputError
from kanclint.gate import Verdict, gate
from kanclint.model import (
    Applicability,
    CategoryScore,
    Diagnostic,
    Edit,
    Fix,
    Report,
    Severity,
)
from kanclint.rules.base import Rule
from kanclint.text.document import Document
from kanclint.version import __version__

__all__ = [
    "Applicability",
    "CategoryScore",
    "Change",
    "Config",
    "ConfigError",
    "Diagnostic",
    "Document",
    "Edit",
    "Fix",
    "FixResult",
    "InputError",
    "Linter",
    "PluginError",
    "Report",
    "Rule",
    "Severity",
    "Verdict",
    "__version__",
    "all_rules",
    "fix",
    "gate",
    "lint",
    "lint_file",
    "load_config",
]
