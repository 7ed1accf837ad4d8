"""kanclint: канцелярит and press-release style checker for official social-media posts.

Public API::

    import kanclint
    report = kanclint.lint("Доводим до вашего сведения, что …")
    report.score, report.diagnostics, report.to_dict()
"""

from __future__ import annotations

__version__ = "0.1.0"

from .analysis import Document
from .config import Config, ConfigError, load_config
from .engine import fix, lint, lint_file
from .fixes import FixResult
from .gate import Verdict, gate
from .inputs import InputError
from .model import Applicability, CategoryScore, Diagnostic, Edit, Fix, Report, Severity
from .registry import PluginError, all_rules
from .rules.base import Rule

__all__ = [
    "Applicability",
    "CategoryScore",
    "Config",
    "ConfigError",
    "Diagnostic",
    "Document",
    "Edit",
    "Fix",
    "FixResult",
    "InputError",
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
