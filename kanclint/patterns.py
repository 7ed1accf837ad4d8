"""The phrase pattern language of the dictionaries, compiled once into an index by first word.

A pattern is a sequence of word matchers (exact forms, lemmas with grammemes,
any word with grammemes) and bounded gaps; see ``dictionaries/README.md``.
Patterns match whole tokens of one sentence, so «тот факт» can never match
inside «этот факт», and all keys are folded so ``ё`` and ``е`` match alike.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Generic, Iterator, Sequence, TypeVar, Union

from .analysis import Sentence, Token
from .morphology import Parse, fold

# Punctuation that may stand between two words of one phrase.
LINKS = frozenset({",", "—", "–", "-", "."})

_KNOWN_GRAMMEMES: frozenset[str] | None = None


def known_grammemes() -> frozenset[str]:
    global _KNOWN_GRAMMEMES
    if _KNOWN_GRAMMEMES is None:
        from .morphology import analyzer

        _KNOWN_GRAMMEMES = frozenset(analyzer().TagClass.KNOWN_GRAMMEMES)
    return _KNOWN_GRAMMEMES


class PatternError(ValueError):
    """A pattern that cannot be compiled; the message says which token and why."""


@dataclass(frozen=True)
class Exact:
    forms: frozenset[str]

    def match(self, token: Token) -> Parse | bool | None:
        return token.key in self.forms or None


@dataclass(frozen=True)
class Lemma:
    lemmas: frozenset[str]
    grammemes: frozenset[str]
    slot: int

    def match(self, token: Token) -> Parse | None:
        for p in token.parses:
            if p.lemma in self.lemmas and self.grammemes <= p.grammemes:
                return p
        return None

    def readings(self, token: Token) -> list[Parse]:
        return [p for p in token.parses if p.lemma in self.lemmas and self.grammemes <= p.grammemes]


@dataclass(frozen=True)
class AnyWord:
    grammemes: frozenset[str]
    ordinal: int = 0  # 1-based among the pattern's <…> items; replacements refer to it as <N>

    def readings(self, token: Token) -> list[Parse]:
        return [p for p in token.parses if self.grammemes <= p.grammemes]

    def match(self, token: Token) -> Parse | None:
        for p in token.parses:
            if self.grammemes <= p.grammemes:
                return p
        return None


@dataclass(frozen=True)
class Gap:
    size: int


Item = Union[Exact, Lemma, AnyWord, Gap]

_BRACED = re.compile(r"^\{([^{}:@]+)(?::([^{}@]+))?\}$")
_ANGLED = re.compile(r"^<([^<>]+)>$")
_GAP = re.compile(r"^\*(\d+)$")
_PUNCT = re.compile(r"^[^\w{}<>*]+$")


def _grammemes(spec: str | None, source: str) -> frozenset[str]:
    if not spec:
        return frozenset()
    grams = frozenset(g.strip() for g in spec.split(",") if g.strip())
    unknown = sorted(grams - known_grammemes())
    if unknown:
        raise PatternError(f"unknown grammeme {', '.join(unknown)} in «{source}»")
    return grams


def split_words(text: str) -> list[str]:
    """Words of a plain pattern or replacement token, tokenised as razdel tokenises text."""
    from razdel import tokenize

    return [t.text for t in tokenize(text) if re.search(r"\w", t.text)]


@dataclass(frozen=True)
class Pattern:
    source: str
    items: tuple[Item, ...]

    @property
    def slots(self) -> tuple[Lemma, ...]:
        return tuple(i for i in self.items if isinstance(i, Lemma))

    @property
    def any_words(self) -> tuple[AnyWord, ...]:
        return tuple(i for i in self.items if isinstance(i, AnyWord))


def compile_pattern(source: str) -> Pattern:
    items: list[Item] = []
    slot = 0
    ordinal = 0
    for raw in source.split():
        if _PUNCT.match(raw):
            continue
        if m := _BRACED.match(raw):
            lemmas = frozenset(fold(x.strip()) for x in m.group(1).split("|") if x.strip())
            if not lemmas:
                raise PatternError(f"empty lemma in «{raw}»")
            slot += 1
            items.append(Lemma(lemmas, _grammemes(m.group(2), raw), slot))
        elif m := _ANGLED.match(raw):
            ordinal += 1
            items.append(AnyWord(_grammemes(m.group(1), raw), ordinal))
        elif m := _GAP.match(raw):
            size = int(m.group(1))
            if not 1 <= size <= 5:
                raise PatternError(f"a gap takes 1 to 5 words, not «{raw}»")
            items.append(Gap(size))
        elif any(ch in raw for ch in "{}<>*@"):
            raise PatternError(f"cannot read token «{raw}»")
        else:
            alternatives = raw.split("|")
            words = [split_words(a) for a in alternatives]
            if any(not w for w in words):
                raise PatternError(f"no word in «{raw}»")
            if len(alternatives) == 1 and len(words[0]) > 1:
                # «т.е.», «и т.д.»: one written token, several razdel tokens
                items.extend(Exact(frozenset({fold(w)})) for w in words[0])
            elif any(len(w) != 1 for w in words):
                raise PatternError(f"alternatives must be single words: «{raw}»")
            else:
                items.append(Exact(frozenset(fold(w[0]) for w in words)))
    if not items:
        raise PatternError(f"empty pattern «{source}»")
    if isinstance(items[0], Gap) or isinstance(items[-1], Gap):
        raise PatternError(f"a pattern cannot start or end with a gap: «{source}»")
    return Pattern(source, tuple(items))


T = TypeVar("T")


@dataclass(frozen=True)
class Match(Generic[T]):
    """One occurrence: token indices into the sentence's word list and the slot readings."""

    payload: T
    pattern: Pattern
    tokens: tuple[Token, ...]  # matched word tokens, gaps excluded
    slots: dict[int, Token] = field(compare=False)  # {…} slot n → token; <…> item n → token at key -n

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


def sentence_words(sentence: Sentence) -> tuple[list[Token], list[bool]]:
    """Word and number tokens of a sentence and, for each, whether it links to the next one."""
    words: list[Token] = []
    links: list[bool] = []
    pending_ok = True
    for tok in sentence.tokens:
        if re.search(r"\w", tok.text):
            if words:
                links.append(pending_ok)
            words.append(tok)
            pending_ok = True
        elif tok.text not in LINKS:
            pending_ok = False
    links.append(False)
    return words, links


class Matcher(Generic[T]):
    """Every pattern of a rule, indexed by what its first word can be."""

    def __init__(self) -> None:
        self._by_form: dict[str, list[tuple[Pattern, T]]] = defaultdict(list)
        self._by_lemma: dict[str, list[tuple[Pattern, T]]] = defaultdict(list)
        self._any: list[tuple[Pattern, T]] = []
        self._order: dict[int, int] = {}

    def add(self, pattern: Pattern, payload: T) -> None:
        self._order[id(pattern)] = len(self._order)
        first = pattern.items[0]
        if isinstance(first, Exact):
            for form in first.forms:
                self._by_form[form].append((pattern, payload))
        elif isinstance(first, Lemma):
            for lemma in first.lemmas:
                self._by_lemma[lemma].append((pattern, payload))
        else:
            self._any.append((pattern, payload))

    def __len__(self) -> int:
        return len(self._order)

    def find(self, sentence: Sentence) -> Iterator[Match[T]]:
        words, links = sentence.linked_words
        by_form, by_lemma, any_first = self._by_form, self._by_lemma, self._any
        for i, tok in enumerate(words):
            lemma_lists = [by_lemma[lemma] for lemma in tok.lemmas if lemma in by_lemma]
            form_list = by_form.get(tok.key)
            if not lemma_lists and form_list is None and not any_first:
                continue  # the common case: no pattern starts with this word
            candidates = list(form_list or ())
            for found_list in lemma_lists:
                candidates.extend(found_list)
            candidates.extend(any_first)
            seen: set[int] = set()
            for pattern, payload in candidates:
                if id(pattern) in seen:
                    continue
                seen.add(id(pattern))
                second = pattern.items[1] if len(pattern.items) > 1 else None
                if isinstance(second, Exact) and (
                    i + 1 >= len(words) or not links[i] or words[i + 1].key not in second.forms
                ):
                    continue  # cheap pre-check: most candidates fail on the second word
                if isinstance(second, Lemma) and (
                    i + 1 >= len(words) or not links[i] or not (words[i + 1].lemmas & second.lemmas)
                ):
                    continue
                found = _match_at(pattern.items, 0, words, links, i, [], {})
                if found is not None:
                    matched, slots = found
                    yield Match(payload, pattern, tuple(matched), slots)


def _match_at(
    items: Sequence[Item],
    k: int,
    words: Sequence[Token],
    links: Sequence[bool],
    i: int,
    matched: list[Token],
    slots: dict[int, Token],
) -> tuple[list[Token], dict[int, Token]] | None:
    if k == len(items):
        return matched, slots
    if i >= len(words):
        return None
    if matched and not links[i - 1]:
        return None
    item = items[k]
    if isinstance(item, Gap):
        # try the shortest gap first; every skipped word must stay linked
        for skip in range(0, item.size + 1):
            j = i + skip
            if j >= len(words):
                break
            if skip and not links[j - 1]:
                break
            found = _match_at(items, k + 1, words, links, j, matched, slots)
            if found is not None:
                return found
        return None
    if not item.match(words[i]):
        return None
    new_slots = dict(slots)
    if isinstance(item, Lemma):
        new_slots[item.slot] = words[i]
    elif isinstance(item, AnyWord):
        new_slots[-item.ordinal] = words[i]
    return _match_at(items, k + 1, words, links, i + 1, matched + [words[i]], new_slots)
