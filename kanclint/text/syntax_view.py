"""The parse-tree view of a Document: nodes, heads, children and subtrees over its own tokens.

The parser sees only the sentences a rule asks for; a sentence too long to parse gets an empty view."""

from __future__ import annotations

import weakref

from dataclasses import dataclass
from typing import Iterable

from kanclint.text.document import Document, Sentence, SyntaxToken, Token

# -- syntax index --------------------------------------------------------------------------

@dataclass(frozen=True)
class _Node:
    sent: int
    tok: SyntaxToken


def _token_start(token: Token) -> int:
    return token.start


# The parser's time and memory grow with the square of a sentence's length (a one-line
# megabyte without full stops took gigabytes).  A sentence this long is flagged by the
# sentence-length rule anyway; the syntax rules fall back to what they do without a parse.
MAX_PARSED_TOKENS = 300


class _Syntax:
    """natasha's parse joined to document tokens by start offset, sentence by sentence.

    Rules :meth:`load` the sentences their morphological filter picked, in one
    batch; :meth:`node` parses a sentence nobody loaded on its own, so a rule
    that forgot to load still gets the right answer, only slower.
    """

    def __init__(self, document: Document):
        # the document keeps this view in ``document.shared``: a strong reference back would make a
        # cycle, and every parsed post would wait for the garbage collector instead of being freed
        self._document = weakref.ref(document)
        self.by_start: dict[int, _Node] = {}
        self.by_id: dict[tuple[int, str], _Node] = {}
        self.kids: dict[tuple[int, str], list[_Node]] = {}
        self.loaded: set[int] = set()
        self.token_at = {t.start: t for t in document.tokens}

    @property
    def document(self) -> Document:
        document = self._document()
        assert document is not None, "a syntax view outlived its document"
        return document

    def load(self, sentences: Iterable[Sentence]) -> None:
        new = [s for s in sentences if s.index not in self.loaded]
        for s in new:
            if len(s.tokens) > MAX_PARSED_TOKENS:  # left unparsed: its words get no nodes
                self.loaded.add(s.index)
        new = [s for s in new if len(s.tokens) <= MAX_PARSED_TOKENS]
        if not new:
            return
        for i, sent in self.document.syntax_of(new).items():
            self.loaded.add(i)
            for t in sent:
                node = _Node(i, t)
                self.by_start[t.start] = node
                self.by_id[(i, t.id)] = node
            for t in sent:
                self.kids.setdefault((i, t.head_id), []).append(self.by_id[(i, t.id)])

    def node(self, token: Token) -> _Node | None:
        if token.sentence not in self.loaded:
            self.load([self.document.sentences[token.sentence]])
        node = self.by_start.get(token.start)
        return node if node is not None and node.tok.end == token.end else None

    def children(self, node: _Node) -> list[_Node]:
        return self.kids.get((node.sent, node.tok.id), [])

    def head(self, node: _Node) -> _Node | None:
        return self.by_id.get((node.sent, node.tok.head_id))

    def token(self, node: _Node) -> Token | None:
        token = self.token_at.get(node.tok.start)
        return token if token is not None and token.end == node.tok.end else None

    def subtree(self, node: _Node, skip: frozenset[str] = frozenset()) -> list[_Node]:
        out = [node]
        stack = [node]
        seen = {node.tok.id}
        while stack:
            for kid in self.children(stack.pop()):
                if kid.tok.rel in skip or kid.tok.id in seen:
                    continue  # the parser can emit cycles (a node heading itself)
                seen.add(kid.tok.id)
                out.append(kid)
                stack.append(kid)
        return sorted(out, key=lambda n: n.tok.start)


class _NoSyntax(_Syntax):
    """The parse of a sentence that was not parsed: every lookup falls back to pymorphy3."""

    def __init__(self) -> None:  # no document: nothing to join
        pass

    @property
    def document(self) -> Document:
        document = self._document()
        assert document is not None, "a syntax view outlived its document"
        return document

    def load(self, sentences: Iterable[Sentence]) -> None:
        pass

    def node(self, token: Token) -> _Node | None:
        return None

    def children(self, node: _Node) -> list[_Node]:
        return []

    def head(self, node: _Node) -> _Node | None:
        return None

    def token(self, node: _Node) -> Token | None:
        return None

    def subtree(self, node: _Node, skip: frozenset[str] = frozenset()) -> list[_Node]:
        return [node]


_NO_SYNTAX = _NoSyntax()


def _syntax(document: Document, sentences: Iterable[Sentence] = ()) -> _Syntax:
    found = document.shared(_Syntax)
    found.load(sentences)
    return found
