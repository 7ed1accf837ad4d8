"""The pre-publish gate: one verdict a CMS plugin or a chat bot can act on.

A gate must never wave through what it could not judge: an empty draft, a
text of emoji only or a post in another language scores 10 (no findings), so
they fail with a sentence saying why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kanclint.engine.config import Config, ConfigError
from kanclint.engine.linter import Linter
from kanclint.model import Diagnostic, Report, Severity

_DEFAULT = Linter()  # stateless without incremental=True: safe to share

DEFAULT_MIN_SCORE = 7.0
MIN_RUSSIAN_SHARE = 0.5  # of the letters outside links, addresses, mentions and hashtags
_NOT_PROSE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\S+|[@#]\w+")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


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


def gate(text: str, *, min_score: float | None = None, config: Config | None = None, path: str | None = None,
         linter: Linter | None = None) -> Verdict:
    """Pass when the score reaches ``min_score`` and nothing is at error level.

    ``min_score`` defaults to the config's ``fail-under``, else 7.0; a long-lived caller
    passes its :class:`~kanclint.engine.linter.Linter`.
    """
    if min_score is not None and (
        isinstance(min_score, bool) or not isinstance(min_score, (int, float)) or not 0 <= min_score <= 10
    ):
        raise ConfigError(f"gate: `min_score` — число от 0 до 10, а не {min_score!r}")
    cfg = config or Config()
    threshold = min_score if min_score is not None else (cfg.fail_under if cfg.fail_under is not None else DEFAULT_MIN_SCORE)
    report = (linter or _DEFAULT).lint(text, config=cfg, path=path)
    refusal = _not_a_russian_post(text)
    if refusal is not None:
        return Verdict(False, report.score, threshold, (), refusal, report)
    blocking = tuple(d for d in report.diagnostics if d.severity is Severity.ERROR)
    passed = report.score is not None and report.score >= threshold and not blocking
    return Verdict(passed, report.score, threshold, blocking, _explain(report, threshold, blocking, passed), report)


def _not_a_russian_post(text: str) -> str | None:
    """Why the gate cannot judge ``text``, or None when it is a Russian post."""
    if not text.strip():
        return "Пост пустой: проверять нечего, публиковать тоже."
    prose = _NOT_PROSE.sub(" ", text)
    letters = sum(1 for c in prose if c.isalpha())
    if letters == 0:
        return "В посте нет слов, только знаки, числа или эмодзи: kanclint не может его оценить."
    if len(_CYRILLIC.findall(prose)) < MIN_RUSSIAN_SHARE * letters:
        return "Пост почти целиком не на русском: kanclint проверяет только русские тексты."
    return None


def _reason(reason: str) -> str:
    """«Пресс-релиз: 5 находок, −1.0» inside a sentence: «пресс-релиз (5 находок, −1.0)»."""
    label, sep, rest = reason.partition(": ")
    if not sep:
        return reason
    if label[:1].isupper() and label[1:2].islower():
        label = label[:1].lower() + label[1:]
    if rest.endswith(")") and " (" in rest:  # «−0.6 (предложения 1, 2)» → «−0.6, предложения 1, 2»
        head, _, inner = rest[:-1].partition(" (")
        rest = f"{head}, {inner}"
    return f"{label} ({rest})"


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
        parts.append("Больше всего баллов потеряно здесь: " + "; ".join(map(_reason, report.reasons[:3])) + ".")
    parts.append("Начните с того, что изменится для читателя, пишите «мы» и обращайтесь к людям на «вы».")
    return " ".join(parts)
