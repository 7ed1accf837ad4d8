"""Text no fix may edit: quotations and names.

Findings inside a title in quotes or a brand name may still be worth a look (the ``skip``
setting decides, see :mod:`kanclint.text.protection`), but a fix there changes the name of a
festival, a programme or a law.  A *fix* therefore never edits these spans, whatever ``skip``
says: every quotation in «…», "…", „…“ or “…”, and every name —

* a word in capitals («ТЕХНОФОРУМ», «МФЦ») or with digits («ЗДОРОВЬЕ-2025», «Covid-19»);
* a capitalised word that does not open its sentence («в Доме культуры»), together with the
  words that continue the name: capitalised ones, lowercase words in the genitive
  («Управлением социальной защиты населения») and «по», «и», «с» before a noun
  («Департамент по делам населения»).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Iterable, Sequence

from kanclint.text.document import Document, Sentence, Token
from kanclint.text.morphology import parse
from kanclint.text.protection import SpanIndex

_PAIRS = {"«": "»", "„": "“", "“": "”"}
_BEFORE_OPENING = "([{—–-:;,«„“/"
_AFTER_CLOSING = ".,;:!?)]}»“”…—–-/"
# The only characters the walk of quoted_spans acts on: line breaks, the marks of _PAIRS
# (opening and closing) and straight quotes.
_MARKS = re.compile('[\n"' + "".join(sorted(set(_PAIRS) | set(_PAIRS.values()))) + "]")
_NAME_TAIL = 5  # lowercase genitive words that may continue a name: «защиты населения района»


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every outermost quotation, the marks included.

    «…» nest («Дом «Солнце»»); straight quotes pair up within a line, an opening one after a
    space and before a letter, a closing one after a letter; an unclosed mark quotes nothing.
    """
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []  # (closing mark, start)
    straight: int | None = None
    for mark in _MARKS.finditer(text):  # every other character is passed over below anyway
        i, ch = mark.start(), mark.group()
        if ch == "\n":
            stack.clear()
            straight = None
            continue
        if stack and ch == stack[-1][0]:
            closing, start = stack.pop()
            if not stack:
                spans.append((start, i + 1))
            continue
        if ch in _PAIRS:
            stack.append((_PAIRS[ch], i))
            continue
        if ch == '"':
            before = text[i - 1] if i > 0 else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            opening = (before.isspace() or before in _BEFORE_OPENING) and not after.isspace()
            closing = not before.isspace() and (after.isspace() or after in _AFTER_CLOSING)
            if straight is not None and closing:
                spans.append((straight, i + 1))
                straight = None
            elif opening:
                straight = i  # a stray closing mark before it («КОГДА". "Mi?…») quotes nothing
    return _merge(spans)


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _in_capitals(token: Token) -> bool:
    return _form_in_capitals(token.text)


def _with_digits(token: Token) -> bool:
    return _form_with_digits(token.text)


# Both depend on the written form only: worked out once per form, not per token of every fix.
@lru_cache(maxsize=50_000)
def _form_in_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@lru_cache(maxsize=50_000)
def _form_with_digits(text: str) -> bool:
    return any(c.isdigit() for c in text) and any(c.isalpha() for c in text)


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def _genitive(token: Token) -> bool:
    # the best reading is a noun or an adjective («ведут» is a verb, not «вед»), and one of
    # its readings is genitive («сессии»: genitive, dative or locative)
    return token.pos in ("NOUN", "ADJF", "PRTF", "NUMR") and any(
        p.pos == token.pos and "gent" in p.grammemes for p in token.parses
    )


def _linking(token: Token, following: Token | None) -> bool:
    """«по», «и», «с» inside a name: «Департамент по делам населения», «Министерство образования и науки»."""
    return (
        token.key in ("по", "и", "с")
        and following is not None
        and following.pos in ("NOUN", "ADJF", "PRTF")
        and not _capitalised(following)
    )


def _sentence_names(sentence: Sentence) -> list[tuple[Token, bool]]:
    """The name words of a sentence, each with whether it is the name's own (capitalised) word.

    The lowercase genitive words that continue a name («защиты населения») are names only
    because of their place: a fix may carry them over, never replace them.
    """
    out: list[tuple[Token, bool]] = []
    tokens = [t for t in sentence.tokens if t.is_word or _with_digits(t)]
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if _in_capitals(token) or _with_digits(token):
            out.append((token, True))
            i += 1
            continue
        if _capitalised(token) and (i > 0 or (i + 1 < len(tokens) and _capitalised(tokens[i + 1]))):
            out.append((token, True))
            j = i + 1
            tail = 0
            while j < len(tokens) and tail < _NAME_TAIL:
                following = tokens[j]
                if _capitalised(following):
                    tail = 0
                    out.append((following, True))
                elif (
                    _genitive(following)
                    or _linking(following, tokens[j + 1] if j + 1 < len(tokens) else None)
                    or _linking(tokens[j - 1], following)  # «по делам»: the noun after «по» in any case
                ):
                    tail += 1
                    out.append((following, False))
                else:
                    break
                j += 1
            i = j
            continue
        i += 1
    return out


def _names(document: Document) -> dict[int, tuple[Token, bool]]:
    return {t.start: (t, own) for sentence in document.sentences for t, own in _sentence_names(sentence)}


class _NamesBySentence:
    """The name words of each sentence, worked out when an edit first reaches that sentence.

    A name never crosses a sentence, so whether an edit keeps the names needs only the
    sentences it touches: most posts have a few fixes, and naming every sentence of a long
    post for them cost more than the fixes themselves.
    """

    def __init__(self, document: Document):
        self.sentences = document.sentences
        self.starts = [s.start for s in self.sentences]
        self.memo: dict[int, dict[int, tuple[Token, bool]]] = {}

    def around(self, start: int, end: int) -> list[dict[int, tuple[Token, bool]]]:
        """Names (by start) of every sentence that may hold a word of ``[start, end]`` or the
        word containing ``start``: a superset of the sentences that overlap it is harmless."""
        out = []
        i = max(0, bisect.bisect_right(self.starts, start) - 1)
        while i < len(self.sentences) and self.sentences[i].start <= end:
            found = self.memo.get(i)
            if found is None:
                found = self.memo[i] = {t.start: (t, own) for t, own in _sentence_names(self.sentences[i])}
            if found:
                out.append(found)
            i += 1
        return out


def name_spans(document: Document) -> list[tuple[int, int]]:
    """``(start, end)`` of the name words in ``document`` (see the module docstring)."""
    return sorted((t.start, t.end) for t, _ in document.shared(_names).values())


def _quotes(document: Document) -> SpanIndex:
    return SpanIndex(quoted_spans(document.text))


def quotations(document: Document) -> SpanIndex:
    """Every quotation of ``document`` (see :func:`quoted_spans`), computed once per document."""
    return document.shared(_quotes)


def _untouchable(document: Document) -> SpanIndex:
    return SpanIndex([*quoted_spans(document.text), *name_spans(document)])


def untouchable(document: Document) -> SpanIndex:
    """Quotations and names of ``document``, computed once per document."""
    return document.shared(_untouchable)


def _carried(token: Token, replacement: str) -> bool:
    """The name word is still in the replacement: as written, or re-inflected with its capital."""
    if token.text in replacement:
        return True
    lemmas = {p.lemma for p in token.parses}
    return any(
        word[:1] == token.text[:1] and lemmas & {p.lemma for p in parse(word)}
        for word in (w.strip(".,;:!?«»\"()") for w in replacement.split())
    )


def _recased_opening(opening: str, replacement: str) -> bool:
    """The start of a quotation given a capital letter at the start of a sentence, nothing else."""
    return replacement.endswith(opening[:-1] + opening[-1:].upper()) and opening[-1:].isalpha()


def edit_keeps_untouchable(
    document: Document, start: int, end: int, replacement: str, named: frozenset[int] = frozenset()
) -> bool:
    """Whether replacing ``text[start:end]`` leaves every quotation and name as written.

    An edit may carry a name over («обратиться в МФЦ» → «прийти в МФЦ», «Центрального парка» →
    «в Центральном парке»), never cut into one, change it or drop it.  ``named`` are the
    starts of words the dictionary entry spells out itself («Российской Федерации» → «России»):
    a capitalised word it names on purpose may go; a quotation never.
    """
    cut = (start, max(end, start + 1))
    quotes = document.shared(_quotes)
    text = document.text
    for span_start, span_end in quotes.spans_in(*cut):
        if span_start >= start and span_end > end and _recased_opening(text[span_start:end], replacement):
            continue  # «Тем самым «зелёный коридор»…» → «„Зелёный“…»: only the first letter's case
        if span_start < start or span_end > end or text[span_start:span_end] not in replacement:
            return False
    for names in document.shared(_NamesBySentence).around(*cut):
        for offset in range(start, cut[1]):
            found = names.get(offset)
            if found is None:
                continue
            token, own = found
            if token.end > end:
                return False  # the edit cuts into the name
            if own and token.start in named:
                continue
            if not _carried(token, replacement):
                return False
        # a name word that begins before the edit and reaches into it (words never overlap:
        # at most one contains ``start``)
        if any(t.start < start < t.end for t, _ in names.values()):
            return False
    return True


def past_quoted_name(tokens: Sequence[Token], i: int, reach: int = 15) -> int:
    """The index after a «…» name that opens at ``tokens[i]`` (nested marks counted: «ООО «Ромашка»»),
    or ``i`` when none opens there or it does not close within ``reach`` tokens.  Rules that look
    for the word after a noun («выставки «Земля моя», приуроченной…») step over its name with it."""
    if i >= len(tokens) or tokens[i].text != "«":
        return i
    depth = 0
    for k in range(i, min(len(tokens), i + reach)):
        depth += (tokens[k].text == "«") - (tokens[k].text == "»")
        if depth == 0:
            return k + 1
    return i
