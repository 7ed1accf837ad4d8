"""The server object: open documents, configs, the lint thread and publishing diagnostics."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Sequence
from urllib.parse import unquote

from lsprotocol import types as lsp
from pygls.capabilities import get_capability
from pygls.exceptions import JsonRpcInvalidRequest
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from kanclint.engine import config as config_mod
from kanclint.engine import suppression
from kanclint.engine.config import Config
from kanclint.engine.linter import Linter
from kanclint.engine.registry import rule_by_code
from kanclint.engine.running import fix as fix_text
from kanclint.engine.running import lint, needed_layers
from kanclint.lsp.guard import MAX_FRAME, GuardedProtocol, Skipped
from kanclint.lsp.positions import Lines, Linted
from kanclint.lsp.settings import (
    ALLOW_COMMAND,
    IGNORE_COMMAND,
    LSP_SEVERITY,
    MAX_LINT_BYTES,
    PARSER_WARM_DELAY,
    SOURCE,
    WARM_UP,
    WARM_UP_SYNTAX,
    Settings,
    _section,
    log,
)
from kanclint.model import Applicability, Diagnostic, Edit
from kanclint.text import nlp
from kanclint.version import __version__


# -- the server ---------------------------------------------------------------------------------
class KanclintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("kanclint", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Full,
                         protocol_cls=GuardedProtocol)
        self.init_options: dict[str, Any] = {}
        self.settings = Settings()
        self.generation = 0  # bumped when settings or config files change: cached results expire
        self.open: set[str] = set()  # URIs as the client spells them (pygls keys them unquoted)
        self.linted: dict[str, Linted] = {}
        self.pending: dict[str, asyncio.Future[None]] = {}
        self.file_configs: dict[str, Config] = {}
        self.reported: set[str] = set()
        self.oversized: dict[str, int] = {}  # URI -> bytes of a document whose text never arrived (frame cap)
        self.ready = asyncio.Event()  # set once the first settings are known
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kanclint-lint")
        self.linter = Linter(incremental=True)  # used only in the lint thread, which owns its caches
        self.first_lint = threading.Event()  # the parser warms up after it (see warm_up)

    def warm_up(self) -> None:
        """Load what linting needs before the first document arrives, the parser last and aside.

        The dictionaries load in the lint thread, so the first lint queues behind them
        and no longer than that.  natasha's parser takes about as long again and most
        posts' first lint does not need it, so it loads in a thread of its own after the
        first lint (or, with no document open, soon after the dictionaries): Python runs
        one thread at a time, and loading it alongside would only slow that lint down.
        A first post that does need the parser loads it in the lint thread, and this
        thread then finds it loaded.
        """
        dictionaries = self.executor.submit(_warm, WARM_UP)
        try:
            layers = needed_layers(self.config_for(None))  # Rule.needs of the selected rules
        except Exception:  # a broken plugin is reported at the first lint; warm up as before
            layers = frozenset({"syntax", "entities"})

        def parser() -> None:
            with contextlib.suppress(Exception):
                dictionaries.result()
            self.first_lint.wait(PARSER_WARM_DELAY)
            try:
                if not nlp.load_models(layers):
                    return  # no selected rule reads the parse or the names
            except Exception:  # pragma: no cover - a broken natasha shows up at the first lint that needs it
                log.exception("could not load the parser")
                return
            # the first parse and tagging still set things up: do one in the lint thread, which owns the caches
            with contextlib.suppress(RuntimeError):  # the server is shutting down
                self.executor.submit(_warm, WARM_UP_SYNTAX)

        threading.Thread(target=parser, name="kanclint-warm-parser", daemon=True).start()

    # -- capabilities and messages
    def supports(self, dotted: str) -> bool:
        return bool(get_capability(self.client_capabilities, dotted))

    @property
    def pull(self) -> bool:
        """The client asks for diagnostics itself (textDocument/diagnostic), so never push."""
        return self.supports("text_document.diagnostic")

    def complain(self, message: str, kind: lsp.MessageType = lsp.MessageType.Error, once: bool = True) -> None:
        """Show a problem (by default once per session: repeating it on every keystroke helps nobody)."""
        log.warning("%s", message)
        if not once or message not in self.reported:
            self.reported.add(message)
            self.window_show_message(lsp.ShowMessageParams(type=kind, message=f"kanclint: {message}"))

    # -- documents, roots, configuration
    def document(self, uri: str):  # -> TextDocument | None, only documents the client opened
        return self.workspace.text_documents.get(unquote(uri))

    def root_for(self, path: str | None) -> Path | None:
        roots = [Path(p) for f in self.workspace.folders.values() if (p := to_fs_path(f.uri))]
        if self.workspace.root_path:
            roots.append(Path(self.workspace.root_path))
        if path is None:
            return roots[0] if roots else None
        inside = [r for r in roots if Path(path).resolve().is_relative_to(r.resolve())]
        return max(inside, key=lambda r: len(r.parts)) if inside else None

    def config_for(self, path: str | None) -> Config:
        """The file config found by walking up from the document, with the editor settings on top."""
        folder = str(Path(path).parent) if path else str(self.root_for(None) or "")
        base = self.file_configs.get(folder)
        if base is None:
            base = Config()
            try:
                found = config_mod.find_config_file(folder) if folder else None
                base = config_mod.load_config(found) if found else Config()
            except config_mod.ConfigError as exc:
                self.complain(str(exc))
            self.file_configs[folder] = base
        s = self.settings
        overrides: dict[str, Any] = {}
        if s.select:
            overrides["select"] = list(s.select)
        if s.ignore:  # added to the project's ignores, not instead of them
            overrides["ignore"] = list(base.ignore + s.ignore)
        if s.platform:
            overrides["platform"] = s.platform
        if s.author:
            overrides["author"] = s.author
        if s.we is not None:
            overrides["we"] = s.we
        try:
            return config_mod.from_mapping(overrides, "настройки редактора kanclint", base)
        except config_mod.ConfigError as exc:
            self.complain(str(exc))
            return base

    async def reload_settings(self, pushed: Any = None) -> None:
        raw = dict(self.init_options)
        if self.supports("workspace.configuration"):
            try:
                answer = await asyncio.wait_for(self.workspace_configuration_async(
                    lsp.ConfigurationParams(items=[lsp.ConfigurationItem(section=SOURCE)])), timeout=5)
                raw.update(_section(answer[0] if answer else None))
            except Exception as exc:  # a client that cannot answer keeps the initial settings
                log.warning("workspace/configuration failed: %s", exc)
        else:
            raw.update(_section(pushed))
        self.settings = Settings.parse(raw, self.complain)

    def invalidate(self) -> None:
        """Settings or a config file changed: forget cached configs and results, lint again."""
        self.generation += 1
        self.file_configs.clear()
        self.executor.submit(self.linter.forget_results)  # in the lint thread, which owns the cache
        if self.pull:
            if self.supports("workspace.diagnostics.refresh_support"):
                self.workspace_diagnostic_refresh(None)
        else:
            for uri in self.open:
                self.schedule(uri, 0)

    # -- linting
    def current(self, uri: str) -> Linted | None:
        """The cached result if it still describes the buffer (with run=onSave, the last saved lint)."""
        linted, doc = self.linted.get(uri), self.document(uri)
        if linted is None or doc is None or linted.generation != self.generation:
            return None
        if linted.version == doc.version or self.settings.run == "onSave":
            return linted
        return None

    def fresh(self, uri: str) -> Linted | None:
        """The cached result only if it is for the buffer's current version: edits must never be stale."""
        linted, doc = self.current(uri), self.document(uri)
        return linted if linted is not None and doc is not None and linted.version == doc.version else None

    async def lint_now(self, uri: str) -> Linted | None:
        """Lint the buffer as it is now; None if it changed meanwhile (a newer lint follows)."""
        doc = self.document(uri)
        if doc is None:
            return None
        text, version, generation = doc.source, doc.version, self.generation
        path = to_fs_path(uri)
        cfg = self.config_for(path)
        size = _utf8_size(text)
        if size > MAX_LINT_BYTES:
            linted = Linted(uri, version, generation, path, cfg, Lines("", self.workspace.position_codec), (),
                            notice=too_large(size))
            self.linted[uri] = linted
            return linted
        loop = asyncio.get_running_loop()
        findings, error = await loop.run_in_executor(self.executor, _lint, self.linter, text, cfg, path)
        self.first_lint.set()
        if error:
            self.complain(error)
        doc = self.document(uri)
        if doc is None or doc.version != version or generation != self.generation:
            return None
        rank = self.settings.min_severity.rank
        kept = tuple(f for f in findings if f.severity.rank >= rank)
        linted = Linted(uri, version, generation, path, cfg, Lines(text, self.workspace.position_codec), kept)
        self.linted[uri] = linted
        return linted

    def schedule(self, uri: str, delay: float) -> None:
        """Push diagnostics after ``delay``; a newer call for the same document replaces this one."""
        if (task := self.pending.pop(uri, None)) is not None:
            task.cancel()
        self.pending[uri] = asyncio.ensure_future(self._publish_later(uri, delay))

    async def _publish_later(self, uri: str, delay: float) -> None:
        await self.ready.wait()
        if delay:
            await asyncio.sleep(delay)
        linted = await self.lint_now(uri)
        if linted is not None:
            self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
                uri=uri, version=linted.version, diagnostics=self.diagnostics(linted)))

    def diagnostics(self, linted: Linted) -> list[lsp.Diagnostic]:
        if linted.notice is not None:
            return [notice_diagnostic(linted.notice)]
        return [self.to_lsp(linted, f) for f in linted.findings]

    def skipped(self, frame: Skipped) -> None:
        """A message over the transport's size cap was read past: say so, and answer it if it was a request."""
        method, uri = frame.field("method"), frame.field("uri")
        log.warning("skipped a message of %d bytes (%s)", frame.size, method or "unknown method")
        if method in (lsp.TEXT_DOCUMENT_DID_OPEN, lsp.TEXT_DOCUMENT_DID_CHANGE) and uri:
            # The document's text is lost: forget the old one rather than answer for it.
            self.workspace.remove_text_document(uri)
            self.linted.pop(uri, None)
            if (task := self.pending.pop(uri, None)) is not None:
                task.cancel()
            self.oversized[uri] = frame.size
            if method == lsp.TEXT_DOCUMENT_DID_OPEN:
                self.open.add(uri)
            if not self.pull:
                self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
                    uri=uri, diagnostics=[notice_diagnostic(too_large(frame.size))]))
            return
        mib = MAX_FRAME // 1024 // 1024
        if (msg_id := frame.request_id()) is not None:
            self.protocol.error(msg_id, JsonRpcInvalidRequest(f"сообщение больше {mib} МБ, не прочитано"))
        self.complain(f"пропущено сообщение редактора больше {mib} МБ", lsp.MessageType.Warning)

    def to_lsp(self, linted: Linted, f: Diagnostic) -> lsp.Diagnostic:
        return lsp.Diagnostic(
            range=linted.lines.range(f.start, f.end),
            message=f.message,
            severity=LSP_SEVERITY[f.severity],
            code=f.code,
            code_description=lsp.CodeDescription(href=f.url) if f.url else None,
            source=SOURCE,
            data={"version": linted.version, "start": f.start, "end": f.end, "match": f.match,
                  "fix": f.fix.to_dict() if f.fix else None, "suggestions": list(f.suggestions)},
        )

    # -- code actions
    def workspace_edit(self, linted: Linted, edits: Sequence[Edit]) -> lsp.WorkspaceEdit:
        text_edits = [lsp.TextEdit(range=linted.lines.range(e.start, e.end), new_text=e.replacement) for e in edits]
        if self.supports("workspace.workspace_edit.document_changes"):
            doc = lsp.OptionalVersionedTextDocumentIdentifier(uri=linted.uri, version=linted.version)
            return lsp.WorkspaceEdit(document_changes=[lsp.TextDocumentEdit(text_document=doc, edits=text_edits)])
        return lsp.WorkspaceEdit(changes={linted.uri: text_edits})

    def quick_fixes(self, linted: Linted, f: Diagnostic) -> list[lsp.CodeAction]:
        diag = [self.to_lsp(linted, f)]
        actions: list[lsp.CodeAction] = []

        def action(title: str, **kw: Any) -> None:
            actions.append(lsp.CodeAction(title=f"{title} ({f.code})", kind=lsp.CodeActionKind.QuickFix,
                                          diagnostics=diag, **kw))

        if f.fix is not None:
            action(f.fix.title, edit=self.workspace_edit(linted, f.fix.edits),
                   is_preferred=f.fix.applicability is Applicability.SAFE)
        for s in f.suggestions:
            if f.fix is not None and [(e.start, e.end, e.replacement) for e in f.fix.edits] == [(f.start, f.end, s)]:
                continue  # the fix already says exactly this
            action(f"Заменить на «{s}»" if s else f"Убрать «{f.match}»",
                   edit=self.workspace_edit(linted, [Edit(f.start, f.end, s)]))
        rule = rule_by_code(f.code)
        if linted.path and getattr(rule, "suppressible", True):
            title = f"Не показывать «{_short(f.match)}» в этом файле"
            args = {"uri": linted.uri, "version": linted.version, "code": f.code, "start": f.start, "end": f.end}
            action(title, command=lsp.Command(title=title, command=IGNORE_COMMAND, arguments=[args]))
        word = f.match.strip()
        if getattr(rule, "lexical", True) and word and "\n" not in word and len(word) <= 60:
            title = f"Разрешить «{word}» во всём проекте"
            action(title, command=lsp.Command(title=title, command=ALLOW_COMMAND,
                                              arguments=[{"uri": linted.uri, "word": word}]))
        return actions

    def fix_all_edit(self, linted: Linted) -> lsp.WorkspaceEdit | None:
        """All safe fixes, as one edit of the changed middle (the unchanged head and tail stay)."""
        new = fix_text(linted.text, unsafe=False, config=linted.config, path=linted.path).text
        old = linted.text
        if new == old:
            return None
        head = 0
        while head < min(len(old), len(new)) and old[head] == new[head]:
            head += 1
        tail = 0
        while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
            tail += 1
        return self.workspace_edit(linted, [Edit(head, len(old) - tail, new[head:len(new) - tail])])

    # -- commands
    def ignore_file_for(self, path: str) -> Path:
        """The ignore file the engine will read for ``path`` (an existing one, or where to create it)."""
        return suppression.ignore_file_location(path, self.root_for(path) or Path(path).parent)

    def allow_file_for(self, path: str | None) -> Path | None:
        """The config file that governs ``path`` when it is in the workspace, else the root's kanclint.toml."""
        root = self.root_for(path)
        start = path or root
        found = config_mod.find_config_file(start) if start else None
        if found is not None and (root is None or found.resolve().is_relative_to(root.resolve())):
            return found
        return root / "kanclint.toml" if root else None

    def refusal(self, target: Path | None, path: str | None) -> str | None:
        """Why a command must not write ``target`` for the document at ``path``; None if it may.

        Only files inside the workspace folder that holds the document are written, and
        never through a symbolic link: a link may point anywhere, and a dangling one
        would create a file elsewhere.
        """
        root = self.root_for(path) if path else None
        if root is None or target is None:
            return "документ вне папки проекта: kanclint меняет файлы только в открытой папке"
        if target.is_symlink():
            return f"{target} — символическая ссылка, kanclint не пишет через ссылки; измените файл вручную"
        if not target.parent.resolve().is_relative_to(root.resolve()):
            return f"{target} вне папки проекта {root}; измените файл вручную"
        return None


def _lint(linter: Linter, text: str, cfg: Config,
          path: str | None) -> tuple[tuple[Diagnostic, ...], str | None]:
    """Runs in the worker thread; errors come back as text to be shown from the event loop."""
    try:
        return linter.lint(text, config=cfg, path=path).diagnostics, None
    except Exception as exc:  # a broken rule, plugin or ignore file must not kill the server
        log.exception("lint failed")
        return (), str(exc)


def _warm(text: str) -> None:
    """Lint ``text`` to load what it needs, in the lint thread; the editor's documents are not involved.

    What is loaded stays for the life of the server, so it is then moved out of the
    garbage collector's sight (``gc.freeze``): a full collection would otherwise walk
    the dictionaries again and again and add its pause to a keystroke's lint.
    """
    try:
        lint(text)
    except Exception:  # pragma: no cover - the same error shows up at the first real lint
        log.exception("warm-up failed")
    gc.freeze()


def _utf8_size(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def too_large(size: int) -> str:
    """The notice shown instead of findings; sizes in megabytes, as file managers show them."""
    mb = f"{size / 1_000_000:.1f}".replace(".", ",")
    limit = f"{MAX_LINT_BYTES / 1_000_000:g}".replace(".", ",")
    return f"Документ слишком большой для проверки ({mb} МБ, предел — {limit} МБ), kanclint его не проверяет."


def notice_diagnostic(message: str) -> lsp.Diagnostic:
    """One information diagnostic at the very start, for what concerns the whole document."""
    return lsp.Diagnostic(range=lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0)), message=message,
                          severity=lsp.DiagnosticSeverity.Information, source=SOURCE)


def _short(text: str, limit: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
