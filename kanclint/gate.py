"""The pre-publish gate: one verdict a CMS plugin or a chat bot can act on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .config import Config
from .engine import lint
from .model import Diagnostic, Report, Severity

DEFAULT_MIN_SCORE = 7.0


@dataclass(frozen=True)
class Verdict:
    """Whether a draft may be published, and why, in words for the author."""

    passed: bool
    score: float | None
    min_score: float
    blocking: tuple[Diagnostic, ...]
    explanation: str
    report: Report

    def to_dict(self) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "score": self.score,
            "min_score": self.min_score,
            "blocking": [d.to_dict(self.report.text) for d in self.blocking],
            "explanation": self.explanation,
        }


def gate(text: str, *, min_score: float | None = None, config: Config | None = None, path: str | None = None) -> Verdict:
    """Pass when the score reaches ``min_score`` and nothing is at error level.

    ``min_score`` defaults to the config's ``fail-under``, else 7.0.
    """
    cfg = config or Config()
    threshold = min_score if min_score is not None else (cfg.fail_under if cfg.fail_under is not None else DEFAULT_MIN_SCORE)
    report = lint(text, config=cfg, path=path)
    blocking = tuple(d for d in report.diagnostics if d.severity is Severity.ERROR)
    passed = report.score is not None and report.score >= threshold and not blocking
    return Verdict(passed, report.score, threshold, blocking, _explain(report, threshold, blocking, passed), report)


def _explain(report: Report, threshold: float, blocking: tuple[Diagnostic, ...], passed: bool) -> str:
    if passed:
        tail = f" Замечаний: {len(report.diagnostics)}, их можно поправить по желанию." if report.diagnostics else ""
        return f"Пост можно публиковать: оценка {report.score_text} из 10 (порог {threshold:.1f}).{tail}"
    if report.score is None:
        return "Оценки нет: текст почти не на русском языке, kanclint проверяет только русские посты."
    parts = [f"Пост лучше доработать: оценка {report.score_text} из 10"]
    parts[0] += f", а нужно не ниже {threshold:.1f}." if report.score < threshold else "."
    if blocking:
        parts.append(f"Серьёзных замечаний: {len(blocking)}, например: {blocking[0].message}")
    if report.reasons:
        parts.append("Больше всего баллов потеряно здесь: " + "; ".join(report.reasons[:3]) + ".")
    parts.append("Начните с того, что изменится для читателя, пишите «мы» и обращайтесь к людям на «вы».")
    return " ".join(parts)
