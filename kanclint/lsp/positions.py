"""Positions: code points inside kanclint, the client units (UTF-16 by default) at the edge."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from lsprotocol import types as lsp
from pygls.workspace.position_codec import PositionCodec, ServerTextPosition

from kanclint.engine.config import Config
from kanclint.lsp.settings import _LINE
from kanclint.model import Diagnostic


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
