"""Register signals: what a document does that a press release or a living post does.

Rules report faults; signals describe the register.  Each signal is one number per
document, computed in one sweep over the tokens the :class:`~kanclint.text.document.Document`
already has, and read by the score model (:mod:`kanclint.engine.score`).  Signals that favour
the conversational register («мы», «вы», a question, an invitation, spoken particles,
feelings) are documented like rules in ``docs/signals.md`` but are never findings:
nobody should be told off for talking to the reader.

Every value is a share or a density (per sentence, per word), so repeating a whole
text leaves every signal as it was: the score depends on how a post is written, not
on how long it is.  The word lists are data: ``dictionaries/register/lexicon.toml``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

from kanclint.engine.signal_specs import (
    _NEUTRAL_LIST,
    _PHRASE_LISTS,
    _SENTENCE_SIGNALS,
    markdown,
    SIGNAL_NAMES,
    SIGNALS,
    SPEC_BY_NAME,
    _lists,
    lexicon,
)
from kanclint.text.document import _word_info
from kanclint.text.morphology import active_of_reflexive, fold
from kanclint.text.protection import VK_MENTION, SpanIndex
from kanclint.text.untouchable import quotations

if TYPE_CHECKING:  # pragma: no cover
    from kanclint.text.document import Document




_FINITE = frozenset({"VERB"})
_VERBISH = frozenset({"VERB", "INFN"})
_PARTICIPLES = frozenset({"PRTF", "GRND"})
_ABSTRACT_ENDINGS = ("ние", "ния", "нию", "нием", "нии", "ний", "ниям", "ниями", "ниях",
                     "ция", "ции", "цию", "цией", "ций", "циям", "циями", "циях",
                     "ство", "ства", "ству", "ством", "стве", "ств", "ствам", "ствами", "ствах",
                     "ость", "ости", "остью", "остей", "остям", "остями", "остях")
_ADDRESS = re.compile(
    r"(?:^|[\n.!?…]\W*?)((?:(?:дорогие|уважаемые|любимые|милые)\s+)?(?:друзья|коллеги|ребята|подписчики|земляки)|"
    r"(?:дорогие|уважаемые|любимые|милые)\s+\w+)\s*[,!]",
    re.IGNORECASE,
)
_EMOJI = re.compile(
    "[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2190-\u21FF\u2300-\u23FF\u3030\u303D\u3297\u3299\u203C\u2049]"
)
_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_CYRILLIC_ALL = re.compile(r"[а-яёА-ЯЁ]")
_ACRONYM = re.compile(r"^[А-ЯЁ]{2,6}$")
# «Будет проходить», «будут вручать»: a report in the future tense, the infinitive after «будет/будут»
_FUTURE = re.compile(r"(?<!\w)буд(?:ет|ут)\s+(?:(?:уже|также|снова|вновь|ежегодно)\s+)?([а-я]+(?:ть|ти|чь))(?!\w)")
# What may stand between two groups of digits of one number: «8 (8142) 76-00-00», «10:00», «1 245»
_SAME_NUMBER = re.compile(r"[ \u00a0]?[()+]?[ \u00a0]?|[:.\-–/]")
# «ещё 120 домовладений»: «ещё» before a number adds to a count, it is no spoken particle
_MORE_OF = re.compile(r"(?<!\w)еще(?=\s+\d)")
# Text smileys «))», «:)», «;-)»: VK's written laugh, never in a press release («(1))» closes brackets)
_SMILEY = re.compile(r"(?<![(\d)])(?:\){2,}|[:;=]-?\)+)")
# What every match of _SMILEY and _ADDRESS contains: cheap tests that skip most posts
_MAY_SMILE = re.compile(r"\)\)|[:;=-]\)")
_MAY_ADDRESS = re.compile(r"друзья|коллеги|ребята|подписчики|земляки|дорогие|уважаемые|любимые|милые")  # folded text


def _running_max(values: Iterable[int]) -> Iterator[int]:
    best = -1
    for v in values:
        best = max(best, v)
        yield best


@dataclass(frozen=True)
class Signals:
    """The values of every signal for one document, and where the sentence-level ones fired."""

    values: dict[str, float]
    words: int
    sentences: int
    cyrillic_share: float  # share of letters that are Cyrillic: below ~0.5 the text is not Russian
    where: dict[str, tuple[int, ...]] = field(default_factory=dict)  # signal → sentence indices


# What one written form contributes, worked out once per form (everything depends on the form only).
_FIRST, _SECOND, _IMPERATIVE, _INVITE, _SPOKEN, _EMOTION, _OFFICIAL_WORD, _VERB, _FINITE3, _REPORT, _NARRATION, \
    _SHORT_PASSIVE, _PARTICIPLE, _NOUN, _GENITIVE, _ABSTRACT, _OFFICIAL_SUBJECT, _CAPITAL, _ACRONYM_WORD = (
        1 << i for i in range(19))


@lru_cache(maxsize=200_000)
def _word_class(text: str) -> tuple[int, int, int, int]:
    """Bit flags of the word form ``text``, its letters, its Cyrillic letters and other letters."""
    _, _, key, lemma, pos, grammemes, lemmas = _word_info(text)
    w = _lists()
    flags = 0
    finite = pos == "VERB"
    if key in w.first or finite and "1per" in grammemes:
        flags |= _FIRST
    if key in w.second or finite and "2per" in grammemes and "impr" not in grammemes:
        flags |= _SECOND
    if finite and "impr" in grammemes:
        flags |= _IMPERATIVE
    elif (key in w.invitation or lemma in w.invitation) and (
            "1per" in grammemes and "plur" in grammemes or "2per" in grammemes):
        flags |= _INVITE
    if key in w.spoken:
        flags |= _SPOKEN
    if key in w.emotion or not w.emotion.isdisjoint(lemmas):
        flags |= _EMOTION
    # a reflexive passive is its active verb's word: «Проект реализуется» is as official and as much a
    # report as «Проект реализуют» (else KC201's fix of the one into the other would cost points)
    own = (active_of_reflexive(lemma) or lemma) if pos in _VERBISH else lemma
    if lemma in w.official_words or own in w.official_words:
        flags |= _OFFICIAL_WORD
    if pos in _VERBISH:
        flags |= _VERB
        if finite and ("past" in grammemes or "3per" in grammemes):
            flags |= _FINITE3
            if lemma in w.report_verbs or own in w.report_verbs:
                flags |= _REPORT
            elif "pres" in grammemes and lemma not in w.statement_verbs and active_of_reflexive(lemma) is None:
                flags |= _NARRATION
    elif pos == "PRTS":
        if "pssv" in grammemes and lemma not in w.states:  # «музей закрыт» is a state, not a report
            flags |= _SHORT_PASSIVE | _FINITE3 | (_REPORT if lemma in w.report_verbs else 0)
    elif pos in _PARTICIPLES:
        flags |= _PARTICIPLE
    elif pos == "NOUN":
        flags |= _NOUN
        if "gent" in grammemes:
            flags |= _GENITIVE
        if key.endswith(_ABSTRACT_ENDINGS):
            flags |= _ABSTRACT
        if "nomn" in grammemes and lemma in w.official:
            flags |= _OFFICIAL_SUBJECT
    if _ACRONYM.match(text):
        flags |= _ACRONYM_WORD
    elif text[:1].isupper():
        flags |= _CAPITAL
    cyrillic = len(_CYRILLIC_ALL.findall(text))
    other = sum(1 for c in text if c.isalpha()) - cyrillic
    return flags, len(text), cyrillic, other


_COUNTED = (("spoken", _SPOKEN), ("emotion", _EMOTION), ("official-vocabulary", _OFFICIAL_WORD),
            ("verbs", _VERB), ("narration", _NARRATION), ("short-passive", _SHORT_PASSIVE),
            ("participles", _PARTICIPLE), ("abstract-nouns", _ABSTRACT), ("acronyms", _ACRONYM_WORD))


@lru_cache(maxsize=4096)
def _counted_names(flags: int) -> tuple[str, ...]:
    """The word-count signals a word with ``flags`` adds to (worked out once per combination)."""
    names = tuple(name for name, bit in _COUNTED if flags & bit)
    return (*names, "capitalised") if flags & _CAPITAL else names


_START = attrgetter("start")


def _hidden_words(document: "Document", hidden: list[tuple[int, int]],
                  is_hidden: Callable[[int, int], bool]) -> frozenset[int]:
    """Starts of the words inside a hidden span: the few words near the spans are tested, not every
    word of the post (the sweep then asks a set)."""
    words = document.words
    found = set()
    for a, b in hidden:  # bisected by the words' starts (no list of every start built per post)
        for k in range(bisect.bisect_left(words, a, key=_START), bisect.bisect_left(words, b, key=_START)):
            t = words[k]
            if is_hidden(t.start, t.end):
                found.add(t.start)
    return frozenset(found)


_SENTENCE_BITS = _SECOND | _IMPERATIVE | _INVITE | _FIRST | _REPORT | _OFFICIAL_SUBJECT  # what _add_sentence_flags reads


def _add_sentence_flags(hits: dict[str, set[int]], si: int, flags: int) -> None:
    if flags & _SECOND:
        hits["second-person"].add(si)
    if flags & (_IMPERATIVE | _INVITE):
        hits["invitation"].add(si)
    if flags & _FIRST:
        hits["first-person"].add(si)
        hits["report-sentence"].discard(si)
        hits["official-subject"].discard(si)
    elif si not in hits["first-person"]:
        if flags & _REPORT:
            hits["report-sentence"].add(si)
        if flags & _OFFICIAL_SUBJECT and flags & _FINITE3:
            hits["official-subject"].add(si)


_REPLACEMENT_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _replacement_words(text: str, edits: Sequence[tuple[int, int, str]]) -> Iterator[tuple[int, int, int, int, int]]:
    """Flags and letters of the whole words a fix writes; a piece glued to a word outside the edit is not one."""
    for start, end, replacement in edits:
        for m in _REPLACEMENT_WORD.finditer(replacement):
            glued_left = m.start() == 0 and start > 0 and text[start - 1].isalpha()
            glued_right = m.end() == len(replacement) and end < len(text) and text[end].isalpha()
            if glued_left or glued_right:
                continue
            yield (*_word_class(m.group(0)), start)


def compute(document: "Document", edits: Sequence[tuple[int, int, str]] = ()) -> Signals:
    """All signals of ``document`` in one sweep.

    ``edits`` are the fixes of the phrases that already cost the text a finding, as
    ``(start, end, replacement)`` in text order: the signals read the text as if they were
    applied.  «Информируем вас о том, что» says «вас», but a formula flagged as канцелярит
    is no conversational sign; and applying a fix then changes nothing but the finding.
    """
    text = document.text
    sentences = [s for s in document.sentences if s.words]
    starts = [s.start for s in sentences]
    hits: dict[str, set[int]] = {n: set() for n in _SENTENCE_SIGNALS}
    counts = dict.fromkeys(SIGNAL_NAMES, 0)

    def sentence_of(offset: int) -> int:
        return max(0, bisect.bisect_right(starts, offset) - 1)

    folded = fold(text)
    addresses = [(m.start(1), m.end(1)) for m in _ADDRESS.finditer(text)] \
        if ("," in text or "!" in text) and _MAY_ADDRESS.search(folded) else []
    hidden = sorted([*((a, b) for a, b, _ in edits if b > a), *addresses])
    hidden_starts = [a for a, _ in hidden]
    hidden_ends = list(_running_max(b for _, b in hidden))

    def is_hidden(start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies inside one hidden span (a capital letter fixed in a word keeps it)."""
        i = bisect.bisect_right(hidden_starts, start) - 1
        return i >= 0 and hidden_ends[i] >= end

    quoted = quotations(document)
    hidden_words = _hidden_words(document, hidden, is_hidden) if hidden else None
    tally = _sweep_words(text, sentences, hits, counts, hidden_words, quoted if quoted else None)
    _sweep_replacements(tally, text, edits, sentences, hits, sentence_of)
    hits["short-sentences"].update(si for si, n in enumerate(tally.visible) if n <= 8)  # as the fixes leave them
    for si, flags in enumerate(tally.flags):
        if flags & _SENTENCE_BITS:  # a sentence without these bits adds to no sentence signal
            _add_sentence_flags(hits, si, flags)
    for flags, n in tally.per_flag.items():
        for name in _counted_names(flags):
            counts[name] += n
    _phrase_hits(document, folded, hits, counts, sentence_of, is_hidden if hidden else None, quoted)
    _future_reports(document, folded, hits, sentence_of, quoted)
    counts["numbers"] = _numbers(document, sentences)
    if ")" in text and _MAY_SMILE.search(text):  # the regular expression's lookbehind is slow on every «)»-less post
        counts["spoken"] += sum(1 for m in _SMILEY.finditer(text) if not (quoted and quoted.contains(m.start())))
    for start, _ in addresses:
        if sentences:
            hits["address"].add(sentence_of(start))
    counts["emoji"] = len(_EMOJI.findall(text))
    return _signals(document, sentences, hits, counts, tally)


@dataclass
class _Tally:
    """Word counts of one sweep (visible words and the words of applied replacements)."""

    words: int = 0
    nouns: int = 0
    genitive: int = 0
    letters: int = 0
    cyrillic: int = 0
    other: int = 0
    per_flag: dict[int, int] = field(default_factory=dict)
    visible: list[int] = field(default_factory=list)  # words per sentence, replacements included
    flags: list[int] = field(default_factory=list)  # OR of the word flags per sentence, replacements included


def _sweep_words(text: str, sentences: list, hits: dict[str, set[int]], counts: dict[str, int],
                 hidden: frozenset[int] | None, quoted: "SpanIndex | None" = None) -> _Tally:
    """The words of every sentence, outside hidden spans: the hot loop, kept on local variables.

    Words in quotation marks are counted as words but are not the author's register: «Вот уж
    смешно» as a festival's title is no spoken particle, «Формирование городской среды» as a
    programme's no nominal style, and «ЧТО? ГДЕ? КОГДА?» asks the reader nothing.
    """
    words = letters = cyrillic = other = 0
    per_flag: dict[int, int] = {}
    per_sentence: list[int] = []
    sentence_flag_list: list[int] = []
    word_class, count_of = _word_class, per_flag.get
    for si, sentence in enumerate(sentences):
        sentence_flags = 0
        first_word = True
        visible = 0
        # a sentence no quotation reaches: none of its words or marks is quoted (the usual case)
        quoted_here = quoted if quoted is not None and quoted.overlaps(sentence.start, sentence.end) else None
        for token in sentence.words:
            if hidden is not None and token.start in hidden:
                continue
            flags, n_letters, n_cyr, n_other = word_class(token.text)
            visible += 1
            letters += n_letters
            if token.protected or quoted_here is not None and quoted_here.contains(token.start):
                first_word = False
                continue
            cyrillic += n_cyr
            other += n_other
            if first_word:
                flags &= ~_CAPITAL
                first_word = False
            if flags:
                sentence_flags |= flags
                per_flag[flags] = count_of(flags, 0) + 1
        words += visible
        per_sentence.append(visible)
        body = text[sentence.start:sentence.end]
        if "?" in body and _outside(quoted_here, sentence.start, body, "?"):
            hits["question"].add(si)
        if "!" in body and _outside(quoted_here, sentence.start, body, "!"):
            hits["exclamation"].add(si)
        sentence_flag_list.append(sentence_flags)
    # nouns and genitives from the flag counts, not word by word
    nouns = sum(n for flags, n in per_flag.items() if flags & _NOUN)
    genitive = sum(n for flags, n in per_flag.items() if flags & _NOUN and flags & _GENITIVE)
    return _Tally(words, nouns, genitive, letters, cyrillic, other, per_flag, per_sentence, sentence_flag_list)


def _outside(quoted: "SpanIndex | None", base: int, body: str, mark: str) -> bool:
    """Whether ``mark`` occurs in ``body`` (which starts at ``base``) outside every quotation."""
    if quoted is None:
        return True
    return any(not quoted.contains(base + i) for i, ch in enumerate(body) if ch == mark)


def _sweep_replacements(tally: _Tally, text: str, edits: Sequence[tuple[int, int, str]], sentences: list,
                        hits: dict[str, set[int]], sentence_of: Callable[[int], int]) -> None:
    """The words the applied fixes bring in, counted as if they were written."""
    for flags, n_letters, n_cyr, n_other, at in _replacement_words(text, edits):
        si = sentence_of(at)
        tally.words += 1
        if si < len(tally.visible):
            tally.visible[si] += 1
        tally.letters += n_letters
        tally.cyrillic += n_cyr
        tally.other += n_other
        if flags & _CAPITAL and at == sentences[si].start if sentences else False:
            flags &= ~_CAPITAL
        if flags:
            tally.per_flag[flags] = tally.per_flag.get(flags, 0) + 1
            if si < len(tally.flags):
                tally.flags[si] |= flags
        if flags & _NOUN:
            tally.nouns += 1
            if flags & _GENITIVE:
                tally.genitive += 1


def _phrase_hits(document: "Document", folded: str, hits: dict[str, set[int]], counts: dict[str, int],
                 sentence_of: Callable[[int], int], is_hidden: Callable[[int, int], bool] | None,
                 quoted: "SpanIndex | None" = None) -> None:
    """The phrase lists (invitations, spoken words, report phrases) found in the folded text."""
    any_phrase = _lists().any_phrase
    if any_phrase is None or any_phrase.search(folded) is None:
        neutral: list[tuple[int, int]] = []  # no stem of any list: no phrase of any list
    else:
        lists = lexicon()
        for key, signal in _PHRASE_LISTS:
            for start, end in lists[key].find_phrases(folded):
                if document.is_protected(start, end) or is_hidden is not None and is_hidden(start, end) \
                        or quoted is not None and quoted.overlaps(start, end):
                    continue
                if SPEC_BY_NAME[signal].unit == "sentence":
                    hits[signal].add(sentence_of(start))
                else:
                    counts[signal] += 1
        neutral = list(lists[_NEUTRAL_LIST].find_phrases(folded))
    if "еще" in folded:
        neutral.extend(m.span() for m in _MORE_OF.finditer(folded))
    for start, end in neutral:  # «тот же», «сразу же», «ещё 120 домов»: no spoken «же», «ещё»
        if not (document.is_protected(start, end) or is_hidden is not None and is_hidden(start, end)
                or quoted is not None and quoted.overlaps(start, end)):
            counts["spoken"] = max(0, counts["spoken"] - 1)


def _numbers(document: "Document", sentences: list) -> int:
    """The numbers the text states: «8 (8142) 76-00-00», «10:00» and «1 245» are one number each, and the
    digits of a link, a hashtag or a VK mention's page id («[club153296213|…]») are none."""
    text = document.text
    markup = [m.span() for m in VK_MENTION.finditer(text)] if "[" in text else []
    n = 0
    for sentence in sentences:
        last_end = -1
        for token in sentence.content:
            if token.is_word or token.protected or markup and any(a <= token.start < b for a, b in markup):
                continue
            if last_end < 0 or not _SAME_NUMBER.fullmatch(text, last_end, token.start):
                n += 1
            last_end = token.end if token.text[-1].isdigit() else -1  # «00,» ends its number
    return n


def _future_reports(document: "Document", folded: str, hits: dict[str, set[int]], sentence_of: Callable[[int], int],
                    quoted: "SpanIndex | None") -> None:
    """Sentences with a report verb in the future tense: «Фестиваль будет проходить в ноябре»,
    «Награды будет вручать глава»; a sentence where the author speaks stays the author's."""
    if "буд" not in folded:
        return
    report_verbs = _lists().report_verbs
    for m in _FUTURE.finditer(folded):
        if quoted is not None and quoted.contains(m.start()) or document.is_protected(m.start(), m.end()):
            continue
        _, _, _, lemma, pos, _, _ = _word_info(m.group(1))
        si = sentence_of(m.start())
        if pos == "INFN" and lemma in report_verbs and si not in hits["first-person"]:
            hits["report-sentence"].add(si)


# The signals counted per sentence (True) or per word (False), in the order of SIGNALS.
_COUNTED_SIGNALS = tuple((spec.name, spec.unit == "sentence") for spec in SIGNALS if spec.unit in ("sentence", "word"))


def _signals(document: "Document", sentences: list, hits: dict[str, set[int]], counts: dict[str, int],
             tally: _Tally) -> Signals:
    """Counts turned into the values the score model reads."""
    text = document.text
    words, nouns = tally.words, tally.nouns
    n_sent = max(len(sentences), 1)
    per_word = 100.0 / max(words, 1)
    values = {name: len(hits[name]) / n_sent if per_sentence else counts[name] * per_word
              for name, per_sentence in _COUNTED_SIGNALS}
    values["nouns"] = nouns / max(words, 1)
    values["genitive"] = tally.genitive / max(nouns, 1)
    values["sentence-length"] = min(40.0, words / n_sent)
    values["word-length"] = tally.letters / max(words, 1)
    if "<!--" in text:  # markup comments (suppressions) are no text: recount without them
        comments = [(m.start(), m.end()) for m in _HTML_COMMENT.finditer(text)]
        share = _cyrillic_share(document, comments, skip_protected=True)
    else:
        cyrillic, other = tally.cyrillic, tally.other
        share = cyrillic / (cyrillic + other) if cyrillic + other else None
    if share is None:  # everything is a link, a name in capitals or a quote: judge by all words
        share = _cyrillic_share(document, [], skip_protected=False)
    index_of = [s.index for s in sentences].__getitem__
    where = {name: tuple(map(index_of, sorted(idx))) for name, idx in hits.items() if idx}
    return Signals(values, words, len(sentences), share or 0.0, where)


def _cyrillic_share(document: "Document", comments: list[tuple[int, int]], *, skip_protected: bool) -> float | None:
    """Share of Cyrillic among the letters of the words (markup comments aside); None without letters."""
    cyrillic = other = 0
    for token in document.words:
        if skip_protected and token.protected or comments and any(a <= token.start < b for a, b in comments):
            continue
        for c in token.text:
            if _CYRILLIC.match(c):
                cyrillic += 1
            elif c.isalpha():
                other += 1
    return cyrillic / (cyrillic + other) if cyrillic + other else None


if __name__ == "__main__":  # python -m kanclint.engine.signals > docs/signals.md
    print(markdown(), end="")
