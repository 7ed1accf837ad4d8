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

import logging
import os
import sys

from lsprotocol import types as lsp

from kanclint.lsp.allow_file import add_allowed_word
from kanclint.lsp.features import (
    allow_word,
    code_action,
    did_change,
    did_change_configuration,
    did_change_watched_files,
    did_close,
    did_open,
    did_save,
    hover,
    ignore_finding,
    initialize,
    initialized,
    pull_diagnostics,
    resolve_code_action,
    shutdown,
)
from kanclint.lsp.guard import serve_stdio
from kanclint.lsp.positions import Lines
from kanclint.lsp.server import KanclintServer
from kanclint.lsp.settings import ALLOW_COMMAND, FIX_ALL, IGNORE_COMMAND, SOURCE

__all__ = [
    "ALLOW_COMMAND", "FIX_ALL", "IGNORE_COMMAND", "KanclintServer", "Lines", "add_allowed_word", "create_server",
    "serve",
]


def create_server() -> KanclintServer:
    """A new server with every feature and command registered; nothing is created on import.

    The worker thread pool belongs to the server (see :class:`KanclintServer`), so importing
    this module starts no thread.
    """
    server = KanclintServer()
    server.feature(lsp.INITIALIZE)(initialize)
    server.feature(lsp.INITIALIZED)(initialized)
    server.feature(lsp.SHUTDOWN)(shutdown)
    server.feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)(did_change_configuration)
    server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)(did_change_watched_files)
    server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)(did_open)
    server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)(did_change)
    server.feature(lsp.TEXT_DOCUMENT_DID_SAVE, lsp.SaveOptions(include_text=False))(did_save)
    server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)(did_close)
    server.feature(lsp.TEXT_DOCUMENT_DIAGNOSTIC, lsp.DiagnosticOptions(
        identifier=SOURCE, inter_file_dependencies=False, workspace_diagnostics=False))(pull_diagnostics)
    server.feature(lsp.TEXT_DOCUMENT_HOVER)(hover)
    server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION, lsp.CodeActionOptions(
        code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL], resolve_provider=True))(code_action)
    server.feature(lsp.CODE_ACTION_RESOLVE)(resolve_code_action)
    server.command(IGNORE_COMMAND)(ignore_finding)
    server.command(ALLOW_COMMAND)(allow_word)
    return server


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
    server = create_server()
    code = serve_stdio(server, server.skipped, stdout=stdout)
    logging.shutdown()
    sys.stderr.flush()
    os._exit(code)
