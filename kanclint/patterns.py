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
from functools import cache, cached_property
from typing import Generic, Iterator, Sequence, TypeVar, Union

from razdel import tokenize

from kanclint.text.document import Sentence, Token
from kanclint.text.grammar import MAIN_CASES
from kanclint.text.morphology import Parse, analyzer, fold


@cache
def known_grammemes() -> frozenset[str]:
    """Every grammeme pymorphy3 knows, for checking ``<NOUN,gent>`` slots."""
    return frozenset(analyzer().TagClass.KNOWN_GRAMMEMES)


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

    @property
    def noun(self) -> bool:
        """Whether the item asks for a noun: then an adjective of the next noun may not fill it."""
        return "NOUN" in self.grammemes

    def readings(self, token: Token) -> list[Parse]:
        return [p for p in token.parses if self.grammemes <= p.grammemes]

    def match(self, token: Token) -> Parse | None:
        for p in token.parses:
            if self.grammemes <= p.grammemes and not _stray_abbreviation(p, token):
                return p
        if not token.parses and token.text[:1].isdigit() and self.grammemes <= _DIGITS.grammemes:
            return _DIGITS  # «3500»: pymorphy3 reads digits as NUMB, but a number token has no parses
        return None


def _stray_abbreviation(p: Parse, token: Token) -> bool:
    """An abbreviation's reading that is not the word's first: «им» is the pronoun, never «им.» (имени),
    so «на основании принятого им решения» has no noun «им» to inflect (judge h47)."""
    return "Abbr" in p.grammemes and bool(token.parses) and "Abbr" not in token.parses[0].grammemes


# what ``<NUMB>`` reads in a number written in digits («более 3500 наименований»)
_DIGITS = Parse("#", frozenset({"NUMB", "intg"}), 1.0, None, "NUMB")


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
        raise PatternError(f"неизвестная граммема {', '.join(unknown)} в «{source}»")
    return grams


def split_words(text: str) -> list[str]:
    """Words of a plain pattern or replacement token, tokenised as razdel tokenises text."""

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

    @cached_property
    def gapless(self) -> bool:
        """Whether no item is a gap: such a pattern is matched by a plain walk (:func:`match_at`)."""
        return not any(isinstance(item, Gap) for item in self.items)

    @cached_property
    def widest(self) -> int:
        """The most words a match can cover (gaps at their widest), worked out once per pattern:
        guards ask it for every match they check."""
        return sum(item.size if isinstance(item, Gap) else 1 for item in self.items)


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
                raise PatternError(f"пустая лемма в «{raw}»")
            slot += 1
            items.append(Lemma(lemmas, _grammemes(m.group(2), raw), slot))
        elif m := _ANGLED.match(raw):
            ordinal += 1
            items.append(AnyWord(_grammemes(m.group(1), raw), ordinal))
        elif m := _GAP.match(raw):
            size = int(m.group(1))
            if not 1 <= size <= 5:
                raise PatternError(f"пропуск — от 1 до 5 слов, а не «{raw}»")
            items.append(Gap(size))
        elif any(ch in raw for ch in "{}<>*@"):
            raise PatternError(f"непонятный элемент «{raw}»")
        else:
            alternatives = raw.split("|")
            words = [split_words(a) for a in alternatives]
            if any(not w for w in words):
                raise PatternError(f"нет слова в «{raw}»")
            if len(alternatives) == 1 and len(words[0]) > 1:
                # «т.е.», «и т.д.»: one written token, several razdel tokens
                items.extend(Exact(frozenset({fold(w)})) for w in words[0])
            elif any(len(w) != 1 for w in words):
                raise PatternError(f"варианты через | — только отдельные слова: «{raw}»")
            else:
                items.append(Exact(frozenset(fold(w[0]) for w in words)))
    if not items:
        raise PatternError(f"пустой шаблон «{source}»")
    if isinstance(items[0], Gap) or isinstance(items[-1], Gap):
        raise PatternError(f"шаблон не может начинаться или кончаться пропуском: «{source}»")
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


class _Bucket(Generic[T]):
    """Patterns sharing a first word, indexed again by their second word."""

    __slots__ = ("by_form", "by_lemma", "rest")

    def __init__(self) -> None:
        self.by_form: dict[str, list[tuple[int, Pattern, T]]] = defaultdict(list)
        self.by_lemma: dict[str, list[tuple[int, Pattern, T]]] = defaultdict(list)
        self.rest: list[tuple[int, Pattern, T]] = []  # second item is any word, a gap, or none

    def add(self, entry: tuple[int, Pattern, T]) -> None:
        second = entry[1].items[1] if len(entry[1].items) > 1 else None
        if isinstance(second, Exact):
            for form in second.forms:
                self.by_form[form].append(entry)
        elif isinstance(second, Lemma):
            for lemma in second.lemmas:
                self.by_lemma[lemma].append(entry)
        else:
            self.rest.append(entry)


def _rarest_fixed(pattern: Pattern) -> Exact | Lemma | None:
    """The fixed word a sentence must contain for ``pattern`` to match there, chosen to be rare:
    «<NOUN> в составе <NUMB> …» is tried only in sentences with «составе», not in every one with «в»
    (the shortest form of a word stands for how common it is: prepositions and conjunctions are short)."""
    fixed = [it for it in pattern.items if isinstance(it, (Exact, Lemma))]
    if not fixed:
        return None
    forms = lambda it: it.forms if isinstance(it, Exact) else it.lemmas  # noqa: E731
    return max(fixed, key=lambda it: min((len(f) for f in forms(it)), default=0))


class Matcher(Generic[T]):
    """Every pattern of a rule, indexed by what its first two words can be.

    A dictionary has hundreds of patterns starting with «в» or «по»; indexing by
    the second word as well means a sentence costs a few dictionary lookups per
    word, not a walk over every pattern that shares a first word.
    """

    def __init__(self) -> None:
        self._by_form: dict[str, _Bucket[T]] = {}
        self._by_lemma: dict[str, _Bucket[T]] = {}
        # patterns opening with <any word>: kept with the forms and lemmas of their first
        # fixed word, and tried only in sentences that have one of them
        self._any: list[tuple[tuple[int, Pattern, T], frozenset[str] | None]] = []
        self._count = 0
        # written form → the buckets a word of that form opens (by its form and its lemmas)
        self._opens: dict[str, tuple[_Bucket[T], ...]] = {}

    def add(self, pattern: Pattern, payload: T) -> None:
        entry = (self._count, pattern, payload)
        self._count += 1
        self._opens.clear()  # a new pattern may open more buckets
        first = pattern.items[0]
        if isinstance(first, Exact):
            for form in first.forms:
                self._by_form.setdefault(form, _Bucket()).add(entry)
        elif isinstance(first, Lemma):
            for lemma in first.lemmas:
                self._by_lemma.setdefault(lemma, _Bucket()).add(entry)
        else:
            anchor = _rarest_fixed(pattern)
            keys = None if anchor is None else anchor.forms if isinstance(anchor, Exact) else anchor.lemmas
            self._any.append((entry, keys))

    def __len__(self) -> int:
        return self._count

    def _buckets_opened_by(self, word: Token) -> tuple[_Bucket[T], ...]:
        """The buckets of patterns whose first item ``word`` may match: by its folded form, then
        by each of its lemmas.  The order is of no consequence: :meth:`find` tries the candidates
        of a word in the order the patterns were added."""
        found = [self._by_form[word.key]] if word.key in self._by_form else []
        found.extend(self._by_lemma[lemma] for lemma in word.lemmas if lemma in self._by_lemma)
        if len(self._opens) >= 200_000:
            self._opens.clear()
        buckets = self._opens[word.text] = tuple(found)
        return buckets

    def find(self, sentence: Sentence) -> Iterator[Match[T]]:
        """Matches in sentence order; at one word, patterns in the order they were added."""
        any_first: list[tuple[int, Pattern, T]] = []
        if self._any:
            vocabulary = sentence.vocabulary
            any_first = [e for e, keys in self._any if keys is None or not keys.isdisjoint(vocabulary)]
        # the words a pattern can start on, each word's buckets looked up once per written form
        words, links = sentence.linked_words
        starts: dict[int, tuple[_Bucket[T], ...]] = {}
        opens = self._opens
        for i, word in enumerate(words):
            buckets = opens.get(word.text)
            if buckets is None:
                buckets = self._buckets_opened_by(word)
            if buckets:
                starts[i] = buckets
        if not starts and not any_first:
            return
        n = len(words)
        for i in (range(n) if any_first else sorted(starts)):
            buckets = starts.get(i, ())
            nxt = words[i + 1] if i + 1 < n and links[i] else None
            candidates: list[tuple[int, Pattern, T]] = list(any_first)
            for b in buckets:
                candidates.extend(b.rest)
                if nxt is not None:
                    if b.by_form:
                        candidates.extend(b.by_form.get(nxt.key, ()))
                    if b.by_lemma:
                        for lemma in nxt.lemmas:
                            found_list = b.by_lemma.get(lemma)
                            if found_list:
                                candidates.extend(found_list)
            if not candidates:
                continue
            if len(candidates) > 1:  # one pattern can be reached by two lemmas of a word
                candidates = sorted({c[0]: c for c in candidates}.values(), key=lambda c: c[0])
            for _, pattern, payload in candidates:
                found = match_at(pattern, words, links, i)
                if found is not None:
                    matched, slots = found
                    yield Match(payload, pattern, tuple(matched), slots)


def span_limit(pattern: Pattern) -> int:
    """The most words a match of ``pattern`` can cover (gaps at their widest)."""
    return pattern.widest


def overlapping_match(pattern: Pattern, sentence: Sentence, first: int, last: int) -> bool:
    """Whether ``pattern`` matches words overlapping ``first..last`` (indices into linked words).

    For guards: a guard matters only where it overlaps a match, so only starts
    that can reach the match are tried, not the whole sentence.
    """
    words, links = sentence.linked_words[0], sentence.guard_links
    for i in range(max(0, first - span_limit(pattern) + 1), last + 1):
        found = match_at(pattern, words, links, i)
        if found is not None:
            matched = found[0]
            if matched[0].start <= words[last].start and words[first].start <= matched[-1].start:
                return True
    return False


def match_at(
    pattern: Pattern, words: Sequence[Token], links: Sequence[bool], i: int
) -> tuple[list[Token], dict[int, Token]] | None:
    """The words ``pattern`` matches from ``words[i]`` on and its slots, or None.

    A pattern without gaps (most of them) is walked item by item; :func:`_match_at`, which
    backtracks over gap widths, gives the same answer for it with a recursive call, a copy
    of the slots and of the matched words per item.
    """
    if not pattern.gapless:
        return _match_at(pattern.items, 0, words, links, i, [], {})
    n = len(words)
    matched: list[Token] = []
    slots: dict[int, Token] = {}
    for item in pattern.items:
        if i >= n or matched and not links[i - 1]:
            return None
        word = words[i]
        if type(item) is Exact:
            if word.key not in item.forms:
                return None
        elif not item.match(word):  # type: ignore[union-attr]
            return None
        elif type(item) is Lemma:
            slots[item.slot] = word
        elif type(item) is AnyWord:
            if item.noun and _attribute_of_next(words, links, i):
                return None  # «с настоящим уведомлением»: an adjective, not a noun
            slots[-item.ordinal] = word
        matched.append(word)
        i += 1
    return matched, slots


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
    if isinstance(item, AnyWord) and item.noun and _attribute_of_next(words, links, i):
        return None  # «с настоящим уведомлением», «является неверным представлением»: an adjective, not a noun
    new_slots = dict(slots)
    if isinstance(item, Lemma):
        new_slots[item.slot] = words[i]
    elif isinstance(item, AnyWord):
        new_slots[-item.ordinal] = words[i]
    return _match_at(items, k + 1, words, links, i + 1, matched + [words[i]], new_slots)


def _attribute_of_next(words: Sequence[Token], links: Sequence[bool], i: int) -> bool:
    """Whether a word read first as an adjective, that may also be a noun («настоящим», «неверным»),
    agrees with the noun right after it: then it is that noun's attribute, not a noun itself."""
    token = words[i]
    if token.pos not in ("ADJF", "PRTF") or i + 1 >= len(words) or not links[i]:
        return False
    cases = {g for p in token.parses if p.pos in ("ADJF", "PRTF") for g in p.grammemes & MAIN_CASES}
    return any(p.pos == "NOUN" and p.grammemes & cases for p in words[i + 1].parses)
