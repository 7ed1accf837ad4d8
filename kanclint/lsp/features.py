"""The protocol handlers: lifecycle, documents, diagnostics, hover, code actions, commands."""

from __future__ import annotations

import asyncio
import tomllib
from typing import Any, Sequence

from lsprotocol import types as lsp
from pygls.uris import to_fs_path

from kanclint.docs import rule_markdown
from kanclint.engine import config as config_mod
from kanclint.engine import suppression
from kanclint.engine.registry import rule_by_code
from kanclint.files.inputs import InputError
from kanclint.files.toml_errors import toml_error_place
from kanclint.lsp.allow_file import _created, add_allowed_word
from kanclint.lsp.server import KanclintServer, notice_diagnostic, too_large
from kanclint.lsp.settings import (
    FIX_ALL,
    SOURCE,
    WATCHED,
    Settings,
    _section,
    log,
)
from kanclint.model import Applicability


def _wants(only: Sequence[str] | None, kind: str) -> bool:
    return only is None or any(kind == k or kind.startswith(k + ".") for k in only)


# -- lifecycle and settings -----------------------------------------------------------------------
def initialize(ls: KanclintServer, params: lsp.InitializeParams) -> None:
    ls.init_options = _section(params.initialization_options)
    ls.settings = Settings.parse(ls.init_options, ls.complain)
    ls.warm_up()


async def initialized(ls: KanclintServer, params: lsp.InitializedParams) -> None:
    if ls.supports("workspace.did_change_watched_files.dynamic_registration"):
        watchers = [lsp.FileSystemWatcher(glob_pattern=g) for g in WATCHED]
        try:
            await ls.client_register_capability_async(lsp.RegistrationParams(registrations=[lsp.Registration(
                id="kanclint-config", method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=lsp.DidChangeWatchedFilesRegistrationOptions(watchers=watchers))]))
        except Exception as exc:  # config edits then apply after a restart only
            log.warning("could not watch config files: %s", exc)
    try:
        await ls.reload_settings()
    finally:
        ls.ready.set()


def shutdown(ls: KanclintServer, params: None) -> None:
    """No lint is worth finishing now: drop the waiting ones (a running one dies with the process)."""
    for task in ls.pending.values():
        task.cancel()
    ls.pending.clear()
    ls.executor.shutdown(wait=False, cancel_futures=True)


async def did_change_configuration(ls: KanclintServer, params: lsp.DidChangeConfigurationParams) -> None:
    await ls.reload_settings(params.settings)
    ls.invalidate()


def did_change_watched_files(ls: KanclintServer, params: lsp.DidChangeWatchedFilesParams) -> None:
    """A config, ignore or dictionary file changed: forget what was read from disk, then lint again.

    The caches are cleared in the lint thread, which is the only one that reads them.
    """
    ls.executor.submit(ls.linter.refresh)
    ls.invalidate()


# -- documents --------------------------------------------------------------------------------------
def did_open(ls: KanclintServer, params: lsp.DidOpenTextDocumentParams) -> None:
    ls.open.add(params.text_document.uri)
    ls.oversized.pop(params.text_document.uri, None)
    if not ls.pull:
        ls.schedule(params.text_document.uri, 0)


def did_change(ls: KanclintServer, params: lsp.DidChangeTextDocumentParams) -> None:
    ls.oversized.pop(params.text_document.uri, None)
    if not ls.pull and ls.settings.run == "onType":
        ls.schedule(params.text_document.uri, ls.settings.debounce)


def did_save(ls: KanclintServer, params: lsp.DidSaveTextDocumentParams) -> None:
    if ls.settings.run != "onSave":
        return
    uri = params.text_document.uri
    ls.linted.pop(uri, None)
    if not ls.pull:
        ls.schedule(uri, 0)
    elif ls.supports("workspace.diagnostics.refresh_support"):
        ls.workspace_diagnostic_refresh(None)


def did_close(ls: KanclintServer, params: lsp.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.open.discard(uri)
    ls.oversized.pop(uri, None)
    if (task := ls.pending.pop(uri, None)) is not None:
        task.cancel()
    ls.linted.pop(uri, None)
    if not ls.pull:
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


async def pull_diagnostics(ls: KanclintServer, params: lsp.DocumentDiagnosticParams) -> lsp.DocumentDiagnosticReport:
    await ls.ready.wait()
    uri = params.text_document.uri
    linted = ls.current(uri)
    while linted is None and ls.document(uri) is not None:
        linted = await ls.lint_now(uri)
    if linted is None:
        size = ls.oversized.get(uri)
        return lsp.RelatedFullDocumentDiagnosticReport(items=[notice_diagnostic(too_large(size))] if size else [])
    result_id = f"{linted.version}/{linted.generation}"
    if params.previous_result_id == result_id:
        return lsp.RelatedUnchangedDocumentDiagnosticReport(result_id=result_id)
    return lsp.RelatedFullDocumentDiagnosticReport(items=ls.diagnostics(linted), result_id=result_id)


# -- hover and code actions ----------------------------------------------------------------------------
def hover(ls: KanclintServer, params: lsp.HoverParams) -> lsp.Hover | None:
    linted = ls.current(params.text_document.uri)
    if linted is None:
        return None
    at = linted.lines.offset(params.position)
    found = [f for f in linted.findings if f.start <= at <= f.end and f.end > f.start]
    if not found:
        return None
    parts = []
    for f in found:
        parts.append(f"**{f.code}** {f.message}")
        if f.suggestions:
            parts.append("Можно написать: " + ", ".join(f"«{s}»" if s else "(убрать)" for s in f.suggestions))
    for code in dict.fromkeys(f.code for f in found):
        if (rule := rule_by_code(code)) is not None:
            parts.append(rule_markdown(rule, max_entries=5))
    return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
                     range=linted.lines.range(found[0].start, found[0].end))


async def code_action(ls: KanclintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction] | None:
    linted = ls.fresh(params.text_document.uri)
    if linted is None:
        return None
    only = params.context.only
    actions: list[lsp.CodeAction] = []
    if _wants(only, lsp.CodeActionKind.QuickFix):
        sent = [d for d in params.context.diagnostics if d.source == SOURCE]
        findings = [f for d in sent if (f := linted.lookup(d)) is not None]
        if not sent:  # a client that does not send diagnostics back: take those under the range
            start, end = linted.lines.offset(params.range.start), linted.lines.offset(params.range.end)
            findings = [f for f in linted.findings if f.start <= end and start <= f.end]
        for f in dict.fromkeys(findings):
            actions += ls.quick_fixes(linted, f)
    safe = any(f.fix is not None and f.fix.applicability is Applicability.SAFE for f in linted.findings)
    if _wants(only, FIX_ALL) and safe:
        action = lsp.CodeAction(title="Исправить всё безопасное (kanclint)", kind=FIX_ALL,
                                data={"uri": linted.uri, "version": linted.version})
        if ls.supports("text_document.code_action.resolve_support"):
            actions.append(action)  # the edit is computed in codeAction/resolve, only when chosen
        else:
            action.edit = await asyncio.get_running_loop().run_in_executor(ls.executor, ls.fix_all_edit, linted)
            if action.edit is not None:
                actions.append(action)
    return actions or None


async def resolve_code_action(ls: KanclintServer, action: lsp.CodeAction) -> lsp.CodeAction:
    data = action.data if isinstance(action.data, dict) else {}
    linted = ls.fresh(data.get("uri", ""))
    if action.kind == FIX_ALL and linted is not None and linted.version == data.get("version"):
        loop = asyncio.get_running_loop()
        action.edit = await loop.run_in_executor(ls.executor, ls.fix_all_edit, linted)
    return action


# -- commands run by the server ------------------------------------------------------------------------------
def ignore_finding(ls: KanclintServer, *args: Any) -> str | None:
    """Accept one finding in .kanclint-ignore.toml, where ``kanclint check`` will see it too."""
    arg = args[0] if args and isinstance(args[0], dict) else {}
    linted = ls.fresh(arg.get("uri", ""))
    finding = linted and next((f for f in linted.findings if (f.code, f.start, f.end) == (
        arg.get("code"), arg.get("start"), arg.get("end"))), None)
    if not linted or not finding or not linted.path or linted.version != arg.get("version"):
        ls.complain("текст изменился, попробуйте ещё раз", lsp.MessageType.Warning, once=False)
        return None
    target = ls.ignore_file_for(linted.path)
    if (refusal := ls.refusal(target, linted.path)) is not None:
        ls.complain(refusal, lsp.MessageType.Warning, once=False)
        return None
    try:
        entries = suppression.read_ignore_file(target) if target.exists() else []
        entries.append(suppression.IgnoreEntry(
            suppression.relative_key(target, linted.path), finding.code, finding.match,
            suppression.fingerprint(linted.text, finding.start, finding.end)))
        with _created(target):  # so that the write is an atomic replace of a file we made
            suppression.write_ignore_file(target, entries)
    except (OSError, InputError, config_mod.ConfigError) as exc:
        reason = toml_error_place(exc) if isinstance(exc, tomllib.TOMLDecodeError) else exc
        ls.complain(f"не удалось записать {target}: {reason}", once=False)
        return None
    ls.invalidate()
    return str(target)


def allow_word(ls: KanclintServer, *args: Any) -> str | None:
    """Add a word to ``allow`` in the project's config, so no one in the team sees it flagged."""
    arg = args[0] if args and isinstance(args[0], dict) else {}
    word = str(arg.get("word", "")).strip()
    uri = arg.get("uri")
    path = to_fs_path(uri) if isinstance(uri, str) else None
    target = ls.allow_file_for(path) if path else None
    if not word:
        ls.complain("не указано слово, которое нужно разрешить", lsp.MessageType.Warning, once=False)
        return None
    if (refusal := ls.refusal(target, path)) is not None:
        ls.complain(refusal, lsp.MessageType.Warning, once=False)
        return None
    assert target is not None
    try:
        add_allowed_word(target, word)
    except (OSError, InputError, UnicodeDecodeError, tomllib.TOMLDecodeError, config_mod.ConfigError) as exc:
        reason = toml_error_place(exc) if isinstance(exc, tomllib.TOMLDecodeError) else exc
        ls.complain(f"не удалось записать {target}: {reason}", once=False)
        return None
    ls.invalidate()
    return str(target)
