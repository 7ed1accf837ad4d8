"""The Rule protocol every rule, built-in or third-party, satisfies.

A rule is a stable code (``KC`` + three digits), a kebab-case name, a score
category, a default severity, its documentation in the four ruff sections, and
``check(document)``.  Rules only read the :class:`~kanclint.text.document.Document`;
``needs`` names the lazy layers (``syntax``, ``entities``) a rule reads: the engine
unions them over the selection (:func:`kanclint.engine.running.needed_layers`) and the
language server loads only those models ahead.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, ClassVar, Iterable, Mapping, Protocol, runtime_checkable

from kanclint.model import CODE_RE, NAME_RE, Diagnostic, Fix, Severity
from kanclint.text.document import Document

DOCS_URL = "https://github.com/kanclint/kanclint/blob/main/docs/rules/{code}-{name}.md"


@lru_cache(maxsize=1024)
def _docs_url(code: str, name: str) -> str:
    """A rule's page, formatted once per rule rather than once per finding."""
    return DOCS_URL.format(code=code, name=name)


@runtime_checkable
class RuleProtocol(Protocol):
    code: str
    name: str
    category: str
    severity: Severity
    title: str
    what: str
    why: str
    example: str
    instead: str
    lexical: bool
    needs: frozenset[str]

    def check(self, document: Document) -> Iterable[Diagnostic]: ...


class Rule:
    """Convenience base class for code rules; subclasses set the class attributes.

    ``lexical`` rules never report inside protected text (links, hashtags,
    quotes…); structural rules set it to False and see the whole post.
    """

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    category: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.WARNING
    title: ClassVar[str] = ""
    what: ClassVar[str] = ""
    why: ClassVar[str] = ""
    example: ClassVar[str] = ""
    instead: ClassVar[str] = ""
    lexical: ClassVar[bool] = True
    # False for findings about kanclint's own files (KC001): --add-ignore and the editor's
    # «do not show» action skip them, since an ignore entry for them would only hide them.
    suppressible: ClassVar[bool] = True
    needs: ClassVar[frozenset[str]] = frozenset()
    # The whole text ``example`` describes when it is too long to show («(абзац на 700 знаков)»):
    # the test suite checks that the rule flags it, as it checks ``example`` itself otherwise.
    example_text: ClassVar[str] = ""
    # The «Безопасность исправления» section of the rule's page, for rules that fix text
    # (as ruff's "Fix safety"); rules without fixes get a standard sentence.
    fix_safety: ClassVar[str] = ""
    # Thresholds a project may change in its configuration, as ruff's per-plugin settings:
    # kebab-case key in ``[tool.kanclint.rule-options.<name or code>]`` → attribute holding the default.
    options: ClassVar[Mapping[str, str]] = {}

    def check(self, document: Document) -> Iterable[Diagnostic]:  # pragma: no cover - abstract
        raise NotImplementedError

    def setting(self, document: Document, key: str) -> Any:
        """The configured value of option ``key`` for this run, or the rule's default."""
        configured = document.options.get(self.code)
        if configured and key in configured:
            return configured[key]
        return getattr(self, self.options[key])

    @property
    def url(self) -> str:
        return _docs_url(self.code, self.name)

    def diagnostic(
        self,
        document: Document,
        start: int,
        end: int,
        message: str,
        *,
        fix: Fix | None = None,
        suggestions: Iterable[str] = (),
        severity: Severity | None = None,
        entry: str | None = None,
    ) -> Diagnostic:
        return Diagnostic(
            code=self.code,
            name=self.name,
            category=self.category,
            severity=severity or self.severity,
            start=start,
            end=end,
            match=document.text[start:end],
            message=message,
            fix=fix,
            suggestions=tuple(suggestions),
            url=self.url,
            entry=entry,
        )


def validate_rule(rule: object) -> list[str]:
    """Problems that make ``rule`` unusable, in words a plugin author understands."""
    problems = []
    for attr in ("code", "name", "category", "severity", "check"):
        if not hasattr(rule, attr):
            problems.append(f"нет атрибута `{attr}`")
    if problems:
        return problems
    code = getattr(rule, "code")
    if not isinstance(code, str) or not CODE_RE.match(code):
        problems.append(f"код {code!r} не похож на KC101")
    name = getattr(rule, "name")
    if not isinstance(name, str) or not NAME_RE.match(name):
        problems.append(f"имя {name!r} не в kebab-case (строчные слова через дефис)")
    try:
        Severity.parse(getattr(rule, "severity"))
    except ValueError:
        problems.append(f"уровень {getattr(rule, 'severity')!r} — не error, warning или info")
    if not callable(getattr(rule, "check")):
        problems.append("`check` is not callable")
    return problems
