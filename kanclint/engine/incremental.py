"""Linting successive versions of one post, re-checking only the paragraphs an edit touched.

In an editor a keystroke changes one paragraph; the others come back unchanged, and
so do the findings of every rule that only ever looks inside one paragraph (dictionary
phrases, syntax, sentence length, «!!!», caps).  Those rules run on each paragraph as
a small document of its own, and their findings are cached by the paragraph's text
(with the little context they depend on) and shifted to wherever the paragraph now
sits.  Everything that looks at the whole post — press-release shape (KC30x), length
(KC402), readability (KC405), abbreviations explained once per post (KC406), plugin
rules, markup and ignore-file suppressions, the score — is computed on the whole text
every time, exactly as :func:`kanclint.lint` does.  The result equals
``kanclint.lint(text)``; a property test checks it over random edit sequences.

What a paragraph-local rule sees of the rest of the post is passed in and made part
of the cache key: the protected spans (a quotation or link may cross a blank line)
and whether the author writes «ё» (replacements follow the author's spelling).

The whole-post rules need the post's sentences and tokens, and razdel's segmentation
is half the cost of a lint.  Sentences never cross a blank line (see
``analysis._split_sentences``), so each paragraph's segmentation is cached by its text
too, and the post's :class:`~kanclint.text.document.Sentence` and ``Token`` objects are
assembled from those pieces, with the same offsets, indices and protected flags
``Document.sentences`` gives (a test compares them).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from typing import Any, Hashable

from kanclint.engine import config as config_mod
from kanclint.engine.config import Config
from kanclint.engine.running import check_rules, finish_findings, prepare_document, report_for
from kanclint.model import Diagnostic, Edit, Report
from kanclint.text.document import Document, Segments, segment

# Built-in rules whose findings in a paragraph depend only on that paragraph (and the
# context in the cache key).  Whole-post rules are left out on purpose: KC301–KC307
# (the press-release markers count together), KC402 length, KC405 readability of the
# whole post, KC406 (each abbreviation is explained once per post).
PARAGRAPH_LOCAL = frozenset({
    "KC101", "KC102", "KC103", "KC104", "KC105", "KC106", "KC107", "KC108", "KC109", "KC110", "KC111", "KC112",
    "KC201", "KC202", "KC203", "KC204",
    "KC401", "KC403", "KC404", "KC407",
})
DEFAULT_MAX_PARAGRAPHS = 2_000
MAX_CONTEXTS = 64  # (configuration, path) pairs remembered: open documents and recent settings


def is_paragraph_local(rule: Any) -> bool:
    """Only kanclint's own rules listed in :data:`PARAGRAPH_LOCAL`; a plugin always sees the whole post."""
    return getattr(rule, "code", None) in PARAGRAPH_LOCAL and type(rule).__module__.startswith("kanclint.rules.")


def chunks(document: Document) -> list[tuple[int, int]]:
    """The paragraphs of ``document`` widened to whole lines (indentation and trailing blanks included).

    Whole lines, so that a rule which looks at the blanks around a phrase (a deletion
    takes the space before it) sees what it would see in the whole text.
    """
    text = document.text
    out = []
    for p in document.paragraphs:
        start = text.rfind("\n", 0, p.start) + 1
        end = text.find("\n", p.end)
        out.append((start, len(text) if end == -1 else end))
    return out


def _shift(d: Diagnostic, by: int) -> Diagnostic:
    fix = d.fix
    if fix is not None:
        fix = replace(fix, edits=tuple(Edit(e.start + by, e.end + by, e.replacement) for e in fix.edits))
    return replace(d, start=d.start + by, end=d.end + by, fix=fix)


class IncrementalLinter:
    """Lints texts like :func:`kanclint.lint`, reusing paragraph-local findings between calls.

    One per language server (not a module global): the cache is bounded (least
    recently used paragraphs go first).  Entries are keyed by the configuration and
    path they were found with (rule selection, options and allowed words come from
    these), so several open documents share the cache without mixing their settings.
    Not thread-safe: the server lints in one worker thread.
    """

    def __init__(self, max_paragraphs: int = DEFAULT_MAX_PARAGRAPHS) -> None:
        self.max_paragraphs = max_paragraphs
        self._cache: OrderedDict[Hashable, tuple[Diagnostic, ...]] = OrderedDict()
        self._segments: OrderedDict[str, Segments] = OrderedDict()
        self._contexts: list[tuple[Config, str | None, int]] = []  # Config holds dicts: not hashable
        self._next_context = 0
        self.hits = 0
        self.misses = 0

    def clear(self) -> None:
        self._cache.clear()
        self._segments.clear()
        self._contexts.clear()

    def _context(self, cfg: Config, path: str | None) -> int:
        """A small number standing for (cfg, path) in cache keys; found by equality."""
        for known, known_path, number in self._contexts:
            if known_path == path and known == cfg:
                return number
        self._next_context += 1
        self._contexts.append((cfg, path, self._next_context))
        del self._contexts[:-MAX_CONTEXTS]  # keys of a forgotten context age out of the LRU
        return self._next_context

    def lint(self, text: str, *, config: Config | None = None, path: str | None = None) -> Report:
        cfg = config or Config()
        context = self._context(cfg, path)
        document = prepare_document(text, cfg, path)
        parts = chunks(document)
        document.__dict__["sentences"] = document.assemble(
            [(start, self._segmented(text[start:end])) for start, end in parts])
        rules = list(config_mod.selected_rules(cfg, path))
        local = [r for r in rules if is_paragraph_local(r)]
        found = check_rules(document, cfg, [r for r in rules if not is_paragraph_local(r)])
        if local:
            writes_yo = document.writes_yo
            spans = document.protected_spans
            for start, end in parts:
                protected = tuple((max(a, start) - start, min(b, end) - start, kind)
                                  for a, b, kind in spans if a < end and start < b)
                key = (context, text[start:end], protected, writes_yo)
                cached = self._cache.get(key)
                if cached is None:
                    self.misses += 1
                    cached = self._check_paragraph(key, cfg, path, local)
                else:
                    self.hits += 1
                    self._cache.move_to_end(key)
                found.extend(_shift(d, start) if start else d for d in cached)
        return report_for(document, cfg, finish_findings(found))

    def _check_paragraph(self, key: tuple[int, str, tuple[tuple[int, int, str], ...], bool], cfg: Config,
                         path: str | None, rules: list[Any]) -> tuple[Diagnostic, ...]:
        _, text, protected, writes_yo = key
        part = prepare_document(text, cfg, path)
        # the layers that depend on the whole post, as the whole post has them
        part.__dict__["protected_spans"] = list(protected)
        part.__dict__["writes_yo"] = writes_yo
        part.__dict__["sentences"] = part.assemble([(0, self._segmented(text))])
        found = tuple(check_rules(part, cfg, rules))
        self._cache[key] = found
        while len(self._cache) > self.max_paragraphs:
            self._cache.popitem(last=False)
        return found

    def _segmented(self, text: str) -> Segments:
        """The segmentation of one paragraph, from the cache when the paragraph is unchanged."""
        found = self._segments.get(text)
        if found is None:
            found = self._segments[text] = segment(text)
            while len(self._segments) > self.max_paragraphs:
                self._segments.popitem(last=False)
        else:
            self._segments.move_to_end(text)
        return found
