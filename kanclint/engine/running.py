"""Linting one text: build the Document once, run the selected rules, score the result."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any, Callable, Iterable

from kanclint.engine import config as config_mod
from kanclint.engine import score as score_mod
from kanclint.engine import signals as signals_mod
from kanclint.engine import suppression
from kanclint.engine.config import Config
from kanclint.engine.fixes import (MAX_ROUNDS, Change, FixResult, apply_edits, as_drafted, choose_fixes, defer_repeats,
                                   keep_facts, track_changes)
from kanclint.files.inputs import read_text
from kanclint.model import Diagnostic, Edit, Report, outermost
from kanclint.rules.meta import NotRussian, StaleIgnore
from kanclint import lexicon
from kanclint.text import facts as facts_mod
from kanclint.text import untouchable
from kanclint.text.document import Document
from kanclint.text.morphology import fold
from kanclint.version import __version__


class InternalError(RuntimeError):
    """A rule crashed; the message names the rule so the bug can be reported."""


def run_rules(document: Document, cfg: Config) -> list[Diagnostic]:
    return finish_findings(check_rules(document, cfg, config_mod.selected_rules(cfg, document.path)))


def check_rules(document: Document, cfg: Config, rules: Iterable[Any]) -> list[Diagnostic]:
    """Findings of ``rules``, filtered (protected text, allowed words, severity overrides), not ordered.

    Separate from :func:`run_rules` so the language server can run paragraph-local rules
    on one paragraph at a time and the others on the whole post (kanclint.engine.incremental).
    """
    found: list[Diagnostic] = []
    size = len(document.text)
    for rule in rules:
        try:
            diagnostics = list(rule.check(document))
        except Exception as exc:  # pragma: no cover - a bug, reported with the rule's name
            raise InternalError(f"правило {rule.code} упало: {type(exc).__name__}: {exc}") from exc
        if not diagnostics:
            continue  # most rules find nothing in a post: nothing to override or filter
        override = config_mod.severity_override(rule, cfg)
        lexical = getattr(rule, "lexical", True)
        for d in diagnostics:
            if not 0 <= d.start <= d.end <= size:
                raise InternalError(f"правило {rule.code} вернуло смещения вне текста: {d.start}..{d.end}")
            if lexical and document.is_protected(d.start, d.end):
                continue
            if cfg.allow and config_mod.allowed(d.match, cfg):
                continue
            if override is not None:
                d = replace(d, severity=override)
            found.append(d)
    return found


def finish_findings(found: list[Diagnostic]) -> list[Diagnostic]:
    """Findings in text order, a phrase nested in a longer one dropped."""
    found.sort(key=lambda d: (d.start, d.end, d.code))
    return _drop_nested_phrases(found)


def _drop_nested_phrases(found: list[Diagnostic]) -> list[Diagnostic]:
    """One phrase, one finding: a dictionary match inside a longer one of another file goes.

    «осуществлять» (канцелярит) inside «осуществлять контроль за» (split
    predicate) would say the same thing twice and offer clashing fixes.
    """
    phrases = [d for d in found if d.entry is not None]
    if len(phrases) < 2:
        return found
    kept = {id(d) for d in outermost(phrases, _phrase_order)}
    return [d for d in found if d.entry is None or id(d) in kept]


def _phrase_order(d: Diagnostic) -> tuple[int, int, bool, str]:
    """Longer phrases first at a start, then the one with a fix, then by code."""
    return (d.start, -d.end, d.fix is None, d.code)


def apply_suppressions(document: Document, diagnostics: list[Diagnostic], cfg: Config) -> list[Diagnostic]:
    """Drop findings disabled by markup comments or accepted in ``.kanclint-ignore.toml``."""

    text, path = document.text, document.path
    regions = suppression.comment_suppressions(text, path)
    if regions:
        diagnostics = [d for d in diagnostics if not suppression.is_disabled(d.code, d.start, regions)]
    ignore_file = suppression.find_ignore_file(path) if path and cfg.use_ignore_file else None
    if ignore_file is None:
        return diagnostics
    key = suppression.relative_key(ignore_file, path)  # type: ignore[arg-type]
    entries = [e for e in suppression.read_ignore_file(ignore_file) if e.path == key]
    if not entries:
        return diagnostics
    used: set[suppression.IgnoreEntry] = set()
    kept = []
    for d in diagnostics:
        fp = suppression.fingerprint(text, d.start, d.end)
        hit = next((e for e in entries if e.code == d.code and fold(e.match) == fold(d.match) and e.fingerprint == fp), None)
        if hit is None:
            kept.append(d)
        else:
            used.add(hit)
    stale_rule = StaleIgnore()
    if config_mod.is_enabled(stale_rule, cfg, path):
        for e in entries:
            if e not in used:
                kept.append(stale_rule.diagnostic(
                    document, 0, 0,
                    f"Запись в {ignore_file.name} больше не нужна: {e.code} «{e.match}» в тексте не найдено.",
                ))
    kept.sort(key=lambda d: (d.start, d.end, d.code))
    return kept


NOT_RUSSIAN_SHARE = 0.5  # below this share of Cyrillic letters a text is not scored


def lint(text: str, *, config: Config | None = None, path: str | None = None) -> Report:
    """Check ``text`` and return its :class:`~kanclint.model.Report`."""
    if not isinstance(text, str):
        raise TypeError(f"kanclint.lint: текст должен быть строкой str, а не {type(text).__name__}"
                        + ("; раскодируйте байты: data.decode('utf-8')" if isinstance(text, (bytes, bytearray)) else ""))
    cfg = config or config_mod.default_config()
    document = prepare_document(text, cfg, path)
    return report_for(document, cfg, run_rules(document, cfg))


def prepare_document(text: str, cfg: Config, path: str | None = None) -> Document:
    """The Document of ``text`` with everything the configuration tells the rules (one place for it)."""
    return Document(text, path, skip=cfg.skip, platform=cfg.platform, options=cfg.rule_options,
                    author=cfg.author, we=cfg.we)


def report_for(document: Document, cfg: Config, found: list[Diagnostic]) -> Report:
    """The report of ``document`` given its rules' findings: suppressions, metrics and the score."""
    text, path = document.text, document.path
    diagnostics = apply_suppressions(document, found, cfg)
    signals = signals_mod.compute(document, score_mod.fix_edits(diagnostics))
    # after the signals, which read the text as the rules' fixes would leave it
    diagnostics = keep_facts(text, diagnostics, replaceable_names(cfg, text), lambda: untouchable.quotations(document))
    metrics: dict[str, float] = {
        "words": len(document.words),
        "sentences": len(document.sentences),
        "characters": len(text),
        "cyrillic_share": round(signals.cyrillic_share, 3),
    }
    if not document.words:  # punctuation, emoji, numbers: nothing to score, nothing to say
        return Report(path, text, None, {}, tuple(diagnostics), metrics, (), {}, {})
    if signals.cyrillic_share < NOT_RUSSIAN_SHARE:
        if config_mod.is_enabled(NotRussian(), cfg, path):
            diagnostics = sorted((*diagnostics, _not_russian(document)), key=lambda d: (d.start, d.end, d.code))
        return Report(path, text, None, {}, tuple(diagnostics), metrics, (), {}, {})
    scored_findings = score_mod.scored_findings(diagnostics)
    charged = score_mod.charged_findings(scored_findings, signals.words)  # one span costs once
    values = score_mod.features(signals, scored_findings, charged)
    return Report.deferred(path, text, score_mod.predict_score(values), tuple(diagnostics), metrics,
                           partial(_explanation, values, signals, scored_findings, charged))


def _explanation(values: dict[str, float], signals: signals_mod.Signals, scored_findings: list[Diagnostic],
                 charged: list[Diagnostic]) -> dict[str, Any]:
    """The deferred fields of a scored Report (see :meth:`Report.deferred`): where its points went."""
    scored = score_mod.predict(values)
    categories = score_mod.breakdown(scored_findings, scored, signals.words, charged)
    return {
        "categories": categories,
        "reasons": score_mod.reasons(categories, scored, signals),
        "subscores": scored.subscores,
        "features": {k: v if v == 0 else round(v, 4) for k, v in values.items()},  # most are 0, round() is slow
        "contributions": scored.contributions,
    }


def _not_russian(document: Document) -> Diagnostic:
    """The info finding that explains why a text has no score."""
    return NotRussian().diagnostic(
        document, 0, 0, "Текст почти не на русском языке: kanclint оценивает только русские посты, оценки нет."
    )


def lint_file(path: str | Path, *, config: Config | None = None) -> Report:
    """Read ``path`` (UTF-8, UTF-8 with BOM or Windows-1251) and lint it."""

    decoded = read_text(Path(path))
    if config is None:
        found = config_mod.find_config_file(path)
        config = config_mod.load_config(found) if found else Config()
    return lint(decoded.text, config=config, path=str(path))


def replaceable_names(cfg: Config, text: str = "") -> tuple[str, ...]:
    """Capitalised words a «мы» rewrite may replace without losing a fact: the configured
    author's name (with the words of ``text`` that spell out its acronym), and with ``we = true``
    the names of bodies («Министерство», «Администрация») that the post's organisation uses for
    itself (the rewrites decide which mention is the author)."""
    words = facts_mod.author_words(cfg.author) + facts_mod.acronym_expansions(cfg.author, text)
    if cfg.we:
        words += tuple(sorted(lexicon.word_list("bodies")))
    return words


def fix(text: str, *, unsafe: bool = False, config: Config | None = None, path: str | None = None,
        accept: Callable[[Diagnostic], bool] | None = None,
        using: Callable[..., Report] | None = None) -> FixResult:
    """Apply safe (and, with ``unsafe``, unsafe) fixes until nothing changes.

    ``accept`` may veto single fixes (the CLI drops those the file's encoding
    cannot store); a vetoed finding simply stays in ``remaining``.  No fix here can
    change a fact of the text: :func:`report_for` has already turned those into options.
    ``using`` lints each round instead of :func:`lint` (a :class:`~kanclint.engine.linter.Linter`
    passes its own, with its paragraph cache).
    """
    check = using or lint
    applied: list[Diagnostic] = []
    changes: list[Change] = []
    history: list[list[Edit]] = []  # each round's edits, for what a later change replaced in the draft
    draft = text
    rounds = 0
    report = check(text, config=config, path=path)  # first: it rejects a text that is not a str
    exempt = replaceable_names(config or Config(), text)
    original_facts = facts_mod.facts(text, exempt)
    while rounds < MAX_ROUNDS:
        candidates = report.diagnostics if accept is None else [d for d in report.diagnostics if accept(d)]
        chosen = defer_repeats(text, choose_fixes(candidates, unsafe=unsafe))
        if not chosen:
            break
        new_text = apply_edits(text, [e for d in chosen for e in d.fix.edits])  # type: ignore[union-attr]
        if original_facts - facts_mod.facts(new_text, exempt):  # fixes each fine alone, together not
            chosen = _jointly_keeping_facts(text, chosen, original_facts, exempt)
            if not chosen:
                break
            new_text = apply_edits(text, [e for d in chosen for e in d.fix.edits])  # type: ignore[union-attr]
        rounds += 1
        if new_text == text:
            break
        applied.extend(chosen)
        changes = track_changes(changes, chosen, text, new_text)
        history.append(sorted((e for d in chosen for e in d.fix.edits), key=lambda e: (e.start, e.end)))  # type: ignore[union-attr]
        text = new_text
        report = check(text, config=config, path=path)
    return FixResult(text, tuple(applied), report.diagnostics, rounds, tuple(as_drafted(changes, history, draft, text)))


def _jointly_keeping_facts(text: str, chosen: list[Diagnostic], original: Any, exempt: Iterable[str]) -> list[Diagnostic]:
    """A greedy subset of ``chosen``, in order, whose fixes together keep the original facts.

    Facts are checked fix by fix around each edit in :func:`report_for`; this is the rare
    second net for fixes that only together change what counts as a fact (a sentence's
    share of capitals decides whether it is written in Title Case).
    """
    kept: list[Diagnostic] = []
    for d in chosen:
        trial = apply_edits(text, [e for k in (*kept, d) for e in k.fix.edits])  # type: ignore[union-attr]
        if not original - facts_mod.facts(trial, exempt):
            kept.append(d)
    return kept


def to_json(reports: list[Any], errors: list[tuple[str, str]] | None = None) -> dict[str, Any]:
    files = [r.to_dict() for r in reports]
    for path, message in errors or []:
        files.append({"path": path, "error": message})
    return {"schema": "kanclint/1", "version": __version__, "files": files}


def needed_layers(cfg: Config, path: str | None = None) -> frozenset[str]:
    """The expensive Document layers the selected rules declare in ``Rule.needs``.

    Layers are computed lazily anyway; this tells a long-lived surface (the language
    server) which models to load ahead, and which not to load at all.
    """
    return frozenset().union(*(getattr(rule, "needs", frozenset()) for rule in config_mod.selected_rules(cfg, path)))
