"""The stdio transport of ``kanclint lsp``, hardened against broken and hostile input.

pygls' own stdio loop trusts every ``Content-Length``: one wrong length leaves it
reading the middle of the next message for good, a huge one ends in MemoryError,
a request whose params do not match the protocol is logged and never answered,
requests after ``shutdown`` are dropped silently, and the exit code of ``exit``
is lost.  This module replaces that loop and not the rest of pygls:
* :class:`FrameReader` cuts the byte stream into message bodies.  It resynchronises
  on the next ``Content-Length:`` header after garbage, and notices a wrong length
  while reading: the bytes ``Content-Length: <digits><line break>`` cannot occur
  inside valid JSON (the name would be inside a string, and a JSON string cannot
  hold a raw line break), so where they turn up in a body, the body ended earlier.
  Frames over :data:`MAX_FRAME` are never held in memory: they are read past in
  chunks and reported as :class:`Skipped`.
* :class:`GuardedProtocol` answers every request: InvalidParams when its params
  do not fit the protocol, InvalidRequest after ``shutdown``, ServerNotInitialized
  before ``initialize``, ParseError when the body is not JSON; and it records the
  exit code (0 after ``shutdown``, else 1).
* :func:`serve_stdio` runs the loop; on ``exit`` it leaves at once with
  ``os._exit``, so a lint still running in a worker thread cannot keep the
  process alive.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import sys
import threading
from dataclasses import dataclass
from typing import Any, BinaryIO, Callable
from urllib.parse import unquote

from lsprotocol import types as lsp
from pygls.exceptions import (
    JsonRpcException,
    JsonRpcInvalidParams,
    JsonRpcInvalidRequest,
    JsonRpcParseError,
    JsonRpcServerNotInitialized,
)
from pygls.io_ import StdoutWriter
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method

log = logging.getLogger(__name__)

MAX_FRAME = 8 * 1024 * 1024  # bytes of one message body; a 1 MB post is well under it even \u-escaped
HEAD = 64 * 1024  # how much of a skipped frame is kept to tell what it was
CHUNK = 64 * 1024
# A header line anywhere in the stream; digits are bounded so int() stays cheap.
CONTENT_LENGTH = re.compile(rb"content-length[ \t]*:[ \t]*(\d{1,30})[ \t]*\r?\n", re.IGNORECASE)
HEADER_LINE = re.compile(rb"[!-9;-~]+[ \t]*:[^\r\n]*\r?\n")
TAIL = 80  # bytes kept between reads so that a header split across two reads is still found


@dataclass(frozen=True)
class Skipped:
    """An over-large frame that was read past: its declared size and its first bytes."""

    size: int
    head: bytes

    def field(self, name: str) -> str | None:
        """A string field (``method``, ``uri``) from the head of the JSON, if it is there."""
        match = re.search(rb'"%s"\s*:\s*"((?:[^"\\]|\\.)*)"' % name.encode(), self.head)
        if match is None:
            return None
        try:
            return json.loads(b'"' + match.group(1) + b'"')
        except ValueError:
            return None

    def request_id(self) -> int | str | None:
        """The id of a skipped request, when it comes before ``params`` (the only nested object)."""
        params = self.head.find(b'"params"')
        match = re.search(rb'"id"\s*:\s*(-?\d{1,18}|"(?:[^"\\]|\\.)*")', self.head, 0)
        if match is None or (params != -1 and match.start() > params):
            return None
        try:
            return json.loads(match.group(1))
        except ValueError:
            return None


class FrameReader:
    """Cuts a byte stream into LSP message bodies, surviving wrong and huge ``Content-Length``."""

    def __init__(self, read: Callable[[int], bytes], max_frame: int = MAX_FRAME) -> None:
        self.read = read  # returns what is available (at least one byte), b"" at end of stream
        self.max_frame = max_frame
        self.buf = bytearray()
        self.eof = False

    def _more(self) -> bool:
        if self.eof:
            return False
        chunk = self.read(CHUNK)
        if not chunk:
            self.eof = True
            return False
        self.buf += chunk
        return True

    def _drop(self, count: int, why: str) -> None:
        dropped = bytes(self.buf[:count])
        del self.buf[:count]
        # Other headers (Content-Type) before Content-Length are normal, not worth a warning.
        if dropped.strip() and HEADER_LINE.sub(b"", dropped).strip():
            log.warning("skipped %d bytes (%s): %r", len(dropped), why, dropped[:80])

    def next(self) -> bytes | Skipped | None:
        """The next body, a :class:`Skipped` frame, or None at the end of the stream."""
        while True:
            header = CONTENT_LENGTH.search(self.buf)
            if header is None:
                if len(self.buf) > TAIL:
                    self._drop(len(self.buf) - TAIL, "no Content-Length header")
                if not self._more():
                    return None
                continue
            if header.start():
                self._drop(header.start(), "before Content-Length")
                continue
            # The header block ends at an empty line; every line before it must be a header.
            at, blank = header.end(), None
            while blank is None:
                line = HEADER_LINE.match(self.buf, at)
                if self.buf.startswith(b"\r\n", at) or self.buf.startswith(b"\n", at):
                    blank = at + (2 if self.buf.startswith(b"\r\n", at) else 1)
                elif line is not None:
                    at = line.end()
                elif len(self.buf) - at < TAIL and not self.eof:  # the line may still be arriving
                    if not self._more():
                        return None
                else:
                    break
            if blank is None:
                self._drop(header.end(), "malformed header block")
                continue
            digits = header.group(1)
            size = int(digits) if len(digits) <= 18 else sys.maxsize
            del self.buf[:blank]
            if size > self.max_frame:
                return self._skip(size)
            return self._body(size)

    def _body(self, size: int) -> bytes | None:
        scanned = 0
        while True:
            # A header inside the body means the declared length was too large: the body ends there.
            found = CONTENT_LENGTH.search(self.buf, max(scanned - TAIL, 0))
            if found is not None and found.start() < size:
                body = bytes(self.buf[:found.start()])
                del self.buf[:found.start()]
                log.warning("Content-Length %d was wrong: the message ended after %d bytes", size, len(body))
                return body
            if len(self.buf) >= size:
                body = bytes(self.buf[:size])
                del self.buf[:size]
                return body
            scanned = len(self.buf)
            if not self._more():
                return None

    def _skip(self, size: int) -> Skipped | None:
        head = bytearray()
        remaining = size
        while True:
            found = CONTENT_LENGTH.search(self.buf)
            if found is not None and found.start() <= remaining:
                head += self.buf[:min(found.start(), HEAD - len(head))]
                del self.buf[:found.start()]
                return Skipped(size, bytes(head))
            if len(self.buf) >= remaining:
                head += self.buf[:min(remaining, HEAD - len(head))]
                del self.buf[:remaining]
                return Skipped(size, bytes(head))
            drop = max(len(self.buf) - TAIL, 0)
            head += self.buf[:min(drop, HEAD - len(head))]
            del self.buf[:drop]
            remaining -= drop
            if not self._more():
                return Skipped(size, bytes(head)) if head else None


class GuardedProtocol(LanguageServerProtocol):
    """pygls' protocol, with an answer for every request and an exit code that reaches the process."""

    def __init__(self, server: Any, converter: Any) -> None:
        super().__init__(server, converter)
        self.exit_code: int | None = None
        self.on_exit: Callable[[int], None] = lambda code: None

    def error(self, msg_id: Any, exc: JsonRpcException) -> None:
        self._send_data({"jsonrpc": self.VERSION, "id": msg_id,
                         "error": {"code": exc.code, "message": exc.message}})

    def receive(self, body: bytes) -> None:
        """Handle one message body; a broken one gets an error response if it can be answered."""
        try:
            data = json.loads(body)
        except (ValueError, UnicodeDecodeError) as exc:
            log.warning("not JSON (%s): %r", exc, body[:80])
            self.error(None, JsonRpcParseError(f"сообщение не в формате JSON: {exc}"))
            return
        if not isinstance(data, dict) or data.get("jsonrpc") != self.VERSION:
            msg_id = data.get("id") if isinstance(data, dict) else None
            self.error(msg_id, JsonRpcInvalidRequest("ожидается объект JSON-RPC 2.0"))
            return
        method = data.get("method")
        is_request = "id" in data and "method" in data
        if "method" in data and not isinstance(method, str):
            self.error(data.get("id"), JsonRpcInvalidRequest("method должен быть строкой"))
            return
        if "method" in data:
            data.setdefault("params", None)  # JSON-RPC lets params be left out; pygls' types want the key
        if self._workspace is None and method not in (lsp.INITIALIZE, lsp.EXIT):
            if is_request:  # the spec's answer before initialize; notifications are dropped
                self.error(data["id"], JsonRpcServerNotInitialized("сначала нужен запрос initialize"))
            elif method is not None:
                log.warning("%s before initialize: dropped", method)
            return
        if self._shutdown and is_request and method != lsp.EXIT:
            log.warning("%s after shutdown: refused", method)
            self.error(data["id"], JsonRpcInvalidRequest("сервер завершает работу: запросы после shutdown не принимаются"))
            return
        try:
            message = self.structure_message(data)
        except Exception as exc:
            if is_request:
                cause = exc.__cause__ or exc
                self.error(data["id"], JsonRpcInvalidParams(f"неверные параметры {method}: {_reason(cause)}"))
            else:
                log.warning("dropped %s with invalid params", method or "a response")
            return
        self.handle_message(message)

    @lsp_method(lsp.EXIT)
    def lsp_exit(self, *args: Any) -> None:
        """The spec: exit code 0 if shutdown came first, else 1.  The loop stops; nothing is awaited."""
        self.exit_code = 0 if self._shutdown else 1
        self.on_exit(self.exit_code)

    @lsp_method(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: lsp.DidChangeTextDocumentParams):
        """Like pygls, but a change to a document the server does not hold must not raise.

        That happens when the document's last full text was too large to be read: a full
        text re-creates it, a partial change is ignored.
        """
        uri = params.text_document.uri
        if self.workspace.text_documents.get(_unquote(uri)) is None:
            whole = [c for c in params.content_changes if isinstance(c, lsp.TextDocumentContentChangeWholeDocument)]
            if not whole:
                return
            self.workspace.put_text_document(lsp.TextDocumentItem(
                uri=uri, language_id="plaintext", version=params.text_document.version or 0, text=whole[-1].text))
            params.content_changes = []
        yield from super().lsp_text_document__did_change(params)


def _unquote(uri: str) -> str:
    return unquote(uri)


def _reason(exc: BaseException) -> str:
    """cattrs wraps the real problem in groups; the first leaf says what was wrong."""
    while isinstance(exc, BaseExceptionGroup) and exc.exceptions:
        exc = exc.exceptions[0]
    return str(exc) or type(exc).__name__


def serve_stdio(server: Any, on_skipped: Callable[[Skipped], None],
                stdin: BinaryIO | None = None, stdout: BinaryIO | None = None) -> int:
    """Serve over stdio until ``exit`` or the end of input; returns the exit code to use.

    The reader is a daemon thread handing bodies to the event loop, so the loop never
    blocks on input and nothing waits for the thread when the process exits.
    """
    protocol: GuardedProtocol = server.protocol
    stdin = stdin or sys.stdin.buffer
    stdout = stdout or sys.stdout.buffer
    protocol.set_writer(StdoutWriter(stdout))
    fd = stdin.fileno()

    async def main() -> int:
        loop = asyncio.get_running_loop()
        done: asyncio.Future[int] = loop.create_future()

        def finish(code: int) -> None:
            if not done.done():
                done.set_result(code)

        protocol.on_exit = finish

        def deliver(item: bytes | Skipped | None) -> None:
            if done.done():
                return
            try:
                if item is None:  # the client went away without exit
                    finish(0 if protocol._shutdown else 1)
                elif isinstance(item, Skipped):
                    on_skipped(item)
                else:
                    protocol.receive(item)
            except BrokenPipeError:
                finish(1)
            except Exception:  # a bug in handling one message must not end the session
                log.exception("failed to handle a message")

        def read_all() -> None:
            reader = FrameReader(lambda n: os.read(fd, n))
            while True:
                try:
                    item = reader.next()
                except OSError:
                    item = None
                loop.call_soon_threadsafe(deliver, item)
                if item is None:
                    return

        threading.Thread(target=read_all, name="kanclint-lsp-reader", daemon=True).start()
        return await done

    return asyncio.run(main())
