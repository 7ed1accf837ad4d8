"""kanclint as a language server: the findings appear while the post is being written.

Run as ``kanclint lsp`` (stdio).  A few choices matter for correctness:

* Only the buffer in memory is linted, never the file on disk, and every result
  is tied to the document version it was computed for: a lint that finishes
  after the next keystroke is dropped, so the latest version always wins.
* Documents are synced in full.  Posts are short, and LSP breaks lines only at
  ``\\n``, ``\\r\\n`` and ``\\r``, while incremental sync in pygls splits with
  ``str.splitlines`` (which also breaks at U+2028, form feeds and others that
  turn up in text pasted from the web) and would misplace every later range.
* kanclint speaks code points; the client speaks UTF-16 (or whatever encoding
  was negotiated).  Offsets are converted with pygls' position codec only when
  a message leaves or enters the server (:class:`Lines`).
* Linting runs in one worker thread, so the server keeps answering hovers and
  code actions while natasha parses.  At ``initialize`` that thread loads the
  dictionaries, and a second thread then loads natasha's parser: the first post is
  answered without waiting for the parser unless one of its sentences needs it.
* An edit re-checks only the paragraphs it touched: findings of paragraph-local rules
  are cached by paragraph text (:mod:`kanclint.engine.incremental`, one bounded cache per
  server); whole-post rules, suppressions and the score are computed every time, so
  the result is the one ``kanclint.lint`` gives.  A document over :data:`MAX_LINT_BYTES` is not
  linted at all: it gets one information diagnostic saying so.
* The transport (:mod:`kanclint.lsp_guard`) survives wrong and huge ``Content-Length``
  headers, answers every request and exits with the code the spec asks for, at once.
* The commands write only inside a workspace folder, atomically, and never through
  a symbolic link.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import gc
import json
import logging
import os
import re
import sys
import threading
import tomllib
from bisect import bisect_right
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping, Sequence
from urllib.parse import unquote

from lsprotocol import types as lsp
from pygls.capabilities import get_capability
from pygls.exceptions import JsonRpcInvalidRequest
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace.position_codec import PositionCodec, ServerTextPosition

from kanclint.docs import rule_markdown
from kanclint.engine import config as config_mod
from kanclint.engine import suppression
from kanclint.engine.config import Config
from kanclint.engine.incremental import IncrementalLinter
from kanclint.engine.registry import rule_by_code
from kanclint.engine.running import fix as fix_text
from kanclint.engine.running import lint, needed_layers
from kanclint.files.inputs import Decoded, InputError
from kanclint.files.writer import write_atomic
from kanclint.lsp_guard import MAX_FRAME, GuardedProtocol, Skipped, serve_stdio
from kanclint.model import Applicability, Diagnostic, Edit, Severity
from kanclint.text import nlp
from kanclint.text.morphology import fold
from kanclint.version import __version__

log = logging.getLogger(__name__)

SOURCE = "kanclint"
FIX_ALL = "source.fixAll.kanclint"
IGNORE_COMMAND = "kanclint.ignoreFinding"
ALLOW_COMMAND = "kanclint.allowWord"
WATCHED = ("**/kanclint.toml", "**/pyproject.toml", f"**/{suppression.IGNORE_FILE}")
LSP_SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}
WARM_UP = "Привет! Ждём всех в парке."  # needs no parser: loads dictionaries and morphology only
WARM_UP_SYNTAX = "Решение принято главой района."  # a passive the parser must confirm
PARSER_WARM_DELAY = 2.0  # seconds after the dictionaries when no document arrives to lint first
MAX_LINT_BYTES = 1_000_000  # UTF-8; a long post is a few kilobytes, and linting takes ~20 µs a character
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


# -- settings --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Settings:
    """Editor settings (section ``kanclint``), layered over the project's config file."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    min_severity: Severity = Severity.INFO
    platform: str | None = None
    run: str = "onType"  # or "onSave"
    debounce: float = 0.15

    @classmethod
    def parse(cls, raw: Mapping[str, Any], complain: Callable[[str], None]) -> "Settings":
        """Lenient: a bad value is reported and skipped, and unknown keys belong to the editor."""
        values: dict[str, Any] = {}
        for key in ("select", "ignore"):
            value = raw.get(key) or []
            if isinstance(value, str):
                value = [v.strip() for v in value.split(",") if v.strip()]
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                values[key] = tuple(value)
            else:
                complain(f"настройка kanclint.{key} должна быть списком кодов")
        try:
            values["min_severity"] = Severity.parse(raw.get("minSeverity") or "info")
        except ValueError as exc:
            complain(f"настройка kanclint.minSeverity: {exc}")
        platform = raw.get("platform") or None
        if platform is None or platform in config_mod.PLATFORMS:
            values["platform"] = platform
        else:
            complain(f"настройка kanclint.platform — одно из: {', '.join(config_mod.PLATFORMS)}")
        run = raw.get("run") or "onType"
        if run in ("onType", "onSave"):
            values["run"] = run
        else:
            complain("настройка kanclint.run — onType или onSave")
        debounce = raw.get("debounceMs", 150)
        if isinstance(debounce, (int, float)) and not isinstance(debounce, bool) and debounce >= 0:
            values["debounce"] = debounce / 1000
        else:
            complain("настройка kanclint.debounceMs — число миллисекунд, не меньше 0")
        return cls(**values)


def _section(raw: Any) -> dict[str, Any]:
    """Accept both ``{"kanclint": {...}}`` and the bare section."""
    if not isinstance(raw, dict):
        return {}
    inner = raw.get("kanclint")
    return dict(inner) if isinstance(inner, dict) else dict(raw)


# -- positions: code points inside, client units at the edge ----------------------------------
class Lines:
    """A text snapshot split into LSP lines, converting offsets with pygls' position codec."""

    def __init__(self, text: str, codec: PositionCodec) -> None:
        self.text = text
        self.codec = codec
        self.lines = _LINE.findall(text)
        self.starts: list[int] = []
        pos = 0
        for line in self.lines:
            self.starts.append(pos)
            pos += len(line)

    def position(self, offset: int) -> lsp.Position:
        if not self.lines:
            return lsp.Position(line=0, character=0)
        row = max(bisect_right(self.starts, offset) - 1, 0)
        column = offset - self.starts[row]
        if column > len(self.lines[row].rstrip("\r\n")):  # past the line break: next line
            row, column = row + 1, 0
        return self.codec.position_to_client_units(self.lines, ServerTextPosition(row, column))

    def range(self, start: int, end: int) -> lsp.Range:
        return lsp.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: lsp.Position) -> int:
        """Positions past a line's end or past the last line mean the end (as the spec says)."""
        if not self.lines:
            return 0
        here = self.codec.position_from_client_units(self.lines, lsp.Position(position.line, position.character))
        return min(self.starts[here.line] + here.character, len(self.text))


@dataclass(frozen=True)
class Linted:
    """kanclint's findings for one version of one document (offsets in code points)."""

    uri: str
    version: int | None
    generation: int
    path: str | None
    config: Config
    lines: Lines
    findings: tuple[Diagnostic, ...]
    notice: str | None = None  # said instead of linting (the document is too large)

    @property
    def text(self) -> str:
        return self.lines.text

    def lookup(self, diagnostic: lsp.Diagnostic) -> Diagnostic | None:
        """The finding behind a diagnostic the client sent back (by its data, else by its range)."""
        data = diagnostic.data if isinstance(diagnostic.data, dict) else {}
        if data.get("version") == self.version and "start" in data:
            start, end = data["start"], data.get("end")
        else:
            start, end = self.lines.offset(diagnostic.range.start), self.lines.offset(diagnostic.range.end)
        return next((f for f in self.findings if f.code == diagnostic.code and (f.start, f.end) == (start, end)), None)


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
        self.incremental = IncrementalLinter()  # used only in the lint thread
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
        self.executor.submit(self.incremental.clear)  # in the lint thread, which owns the cache
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
        findings, error = await loop.run_in_executor(self.executor, _lint, self.incremental, text, cfg, path)
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
        if linted.path and f.code != "KC001":
            title = f"Не показывать «{_short(f.match)}» в этом файле"
            args = {"uri": linted.uri, "version": linted.version, "code": f.code, "start": f.start, "end": f.end}
            action(title, command=lsp.Command(title=title, command=IGNORE_COMMAND, arguments=[args]))
        rule = rule_by_code(f.code)
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


def _lint(linter: IncrementalLinter, text: str, cfg: Config,
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


def add_allowed_word(path: Path, word: str) -> bool:
    """Add ``word`` to ``allow`` in a kanclint.toml or pyproject.toml, keeping the rest as written.

    Only the ``allow = [...]`` line is rewritten (or inserted), so comments and key
    order survive; the result is parsed again and must differ in ``allow`` only.
    """
    if path.is_symlink():
        raise config_mod.ConfigError(f"{path} — символическая ссылка, kanclint не пишет через ссылки")
    original = path.read_bytes() if path.exists() else b""
    text = original.decode("utf-8")
    nl = "\r\n" if "\r\n" in text else "\n"
    data = tomllib.loads(text)
    nested = path.name == "pyproject.toml" or "kanclint" in data.get("tool", {})

    table = data.get("tool", {}).get("kanclint", {}) if nested else data
    words = list(table.get("allow", []))
    if any(fold(w) == fold(word) for w in words):
        return False
    words.append(word)
    line = "allow = [" + ", ".join(json.dumps(w, ensure_ascii=False) for w in words) + "]" + nl
    headers = [m.start() for m in re.finditer(r"(?m)^[ \t]*\[", text)]
    if nested:
        header = re.search(r"(?m)^[ \t]*\[tool\.kanclint\][ \t]*(?:#.*)?$", text)
        if header is None:
            region = (len(text), len(text))
            sep = "" if not text.strip() else (nl if text.endswith(("\n", "\r")) else nl + nl)
            line = sep + "[tool.kanclint]" + nl + line
        else:
            body = text.find("\n", header.end()) + 1 or len(text)
            region = (body, next((h for h in headers if h >= body), len(text)))
    else:
        region = (0, headers[0] if headers else len(text))
    existing = re.compile(r"(?m)^[ \t]*allow[ \t]*=").search(text, *region)
    if existing is not None:
        end = existing.end()
        while True:  # the array may span lines: stop at the first line end where it parses
            nl_at = text.find("\n", end)
            end = len(text) if nl_at == -1 else nl_at + 1
            try:
                tomllib.loads("allow =" + text[existing.end():end])
                break
            except tomllib.TOMLDecodeError:
                if end >= len(text):
                    raise config_mod.ConfigError(f"{path}: не удалось найти конец списка allow") from None
        new_text = text[:existing.start()] + line + text[end:]
    elif nested:  # right under the [tool.kanclint] header
        new_text = text[:region[0]] + line + text[region[0]:]
    else:  # after the last top-level line, before the first table
        at = len(text[:region[1]].rstrip())
        line = nl + line.rstrip("\r\n") if at else line + (nl if text.strip() else "")
        new_text = text[:at] + line + text[at:]
    expected = copy.deepcopy(data)
    (expected.setdefault("tool", {}).setdefault("kanclint", {}) if nested else expected)["allow"] = words
    if tomllib.loads(new_text) != expected:
        raise config_mod.ConfigError(f"{path}: не получилось аккуратно дописать allow, добавьте «{word}» вручную")
    with _created(path):
        write_atomic(path, new_text, Decoded(new_text, "utf-8"), original)
    return True


@contextlib.contextmanager
def _created(path: Path) -> Iterator[None]:
    """Make sure ``path`` exists as a regular file of ours before an atomic replace.

    ``O_EXCL`` never follows a symbolic link, not even a dangling one, so a link planted
    meanwhile makes this fail instead of creating a file elsewhere.  The file is created
    with the usual mode (umask applies) so the replacement keeps it; if the write fails,
    the empty file goes again.
    """
    if path.exists() or path.is_symlink():
        yield
        return
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    try:
        yield
    except BaseException:
        path.unlink(missing_ok=True)
        raise


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


server = KanclintServer()


def _short(text: str, limit: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _wants(only: Sequence[str] | None, kind: str) -> bool:
    return only is None or any(kind == k or kind.startswith(k + ".") for k in only)


# -- lifecycle and settings -----------------------------------------------------------------------
@server.feature(lsp.INITIALIZE)
def initialize(ls: KanclintServer, params: lsp.InitializeParams) -> None:
    ls.init_options = _section(params.initialization_options)
    ls.settings = Settings.parse(ls.init_options, ls.complain)
    ls.warm_up()


@server.feature(lsp.INITIALIZED)
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


@server.feature(lsp.SHUTDOWN)
def shutdown(ls: KanclintServer, params: None) -> None:
    """No lint is worth finishing now: drop the waiting ones (a running one dies with the process)."""
    for task in ls.pending.values():
        task.cancel()
    ls.pending.clear()
    ls.executor.shutdown(wait=False, cancel_futures=True)


@server.feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)
async def did_change_configuration(ls: KanclintServer, params: lsp.DidChangeConfigurationParams) -> None:
    await ls.reload_settings(params.settings)
    ls.invalidate()


@server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: KanclintServer, params: lsp.DidChangeWatchedFilesParams) -> None:
    ls.invalidate()


# -- documents --------------------------------------------------------------------------------------
@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: KanclintServer, params: lsp.DidOpenTextDocumentParams) -> None:
    ls.open.add(params.text_document.uri)
    ls.oversized.pop(params.text_document.uri, None)
    if not ls.pull:
        ls.schedule(params.text_document.uri, 0)


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: KanclintServer, params: lsp.DidChangeTextDocumentParams) -> None:
    ls.oversized.pop(params.text_document.uri, None)
    if not ls.pull and ls.settings.run == "onType":
        ls.schedule(params.text_document.uri, ls.settings.debounce)


@server.feature(lsp.TEXT_DOCUMENT_DID_SAVE, lsp.SaveOptions(include_text=False))
def did_save(ls: KanclintServer, params: lsp.DidSaveTextDocumentParams) -> None:
    if ls.settings.run != "onSave":
        return
    uri = params.text_document.uri
    ls.linted.pop(uri, None)
    if not ls.pull:
        ls.schedule(uri, 0)
    elif ls.supports("workspace.diagnostics.refresh_support"):
        ls.workspace_diagnostic_refresh(None)


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: KanclintServer, params: lsp.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.open.discard(uri)
    ls.oversized.pop(uri, None)
    if (task := ls.pending.pop(uri, None)) is not None:
        task.cancel()
    ls.linted.pop(uri, None)
    if not ls.pull:
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(lsp.TEXT_DOCUMENT_DIAGNOSTIC,
                lsp.DiagnosticOptions(identifier=SOURCE, inter_file_dependencies=False, workspace_diagnostics=False))
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
@server.feature(lsp.TEXT_DOCUMENT_HOVER)
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


@server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION, lsp.CodeActionOptions(
    code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL], resolve_provider=True))
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


@server.feature(lsp.CODE_ACTION_RESOLVE)
async def resolve_code_action(ls: KanclintServer, action: lsp.CodeAction) -> lsp.CodeAction:
    data = action.data if isinstance(action.data, dict) else {}
    linted = ls.fresh(data.get("uri", ""))
    if action.kind == FIX_ALL and linted is not None and linted.version == data.get("version"):
        loop = asyncio.get_running_loop()
        action.edit = await loop.run_in_executor(ls.executor, ls.fix_all_edit, linted)
    return action


# -- commands run by the server ------------------------------------------------------------------------------
@server.command(IGNORE_COMMAND)
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
        ls.complain(f"не удалось записать {target}: {exc}", once=False)
        return None
    ls.invalidate()
    return str(target)


@server.command(ALLOW_COMMAND)
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
        ls.complain(f"не удалось записать {target}: {exc}", once=False)
        return None
    ls.invalidate()
    return str(target)


def serve() -> None:
    """Run the server on stdin/stdout until the client says exit, then leave with the spec's exit code.

    ``os._exit`` rather than a return: a lint still running in the worker thread would
    otherwise keep the process alive until it finished.
    """
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        # The parser gets one sentence at a time while the user types: a BLAS thread pool only adds
        # hand-offs and spinning (5–35 ms instead of 3–8 ms per sentence on a busy machine).
        os.environ.setdefault(name, "1")
    stdout = sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print() anywhere must not corrupt the protocol stream
    code = serve_stdio(server, server.skipped, stdout=stdout)
    logging.shutdown()
    sys.stderr.flush()
    os._exit(code)
