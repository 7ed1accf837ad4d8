"""The generic dictionary rule: one ``PhraseRule`` per dictionary file.

Rules loaded together (the shipped dictionaries, or one plugin's) share a
:class:`PhraseFamily`: all their patterns compile into one
:class:`~kanclint.patterns.Matcher` indexed by the first two words, so a
document is scanned once whatever the number of files and entries, and each
rule takes its own matches.  Replacements are inflected to agree with what they
replace (see :mod:`kanclint.text.inflection`); a replacement whose grammar is uncertain
becomes an unsafe fix, one that cannot be built becomes a plain suggestion.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
import re
from typing import Callable, Iterable, Iterator, Sequence

from kanclint.dictionaries import Entry, RuleSpec
from kanclint.model import Applicability, Diagnostic, Edit, Fix, outermost
from kanclint.patterns import (
    Exact,
    Lemma,
    Match,
    Matcher,
    Pattern,
    overlapping_match,
)
from kanclint.rules.base import Rule
from kanclint.rules.phrases.sentence_check import agreement_check, clause_repairs, misfits_preposition
from kanclint.rules.phrases.clause_voice import we_in_subordinate_clause
from kanclint.rules.phrases.causes import empty_cause
from kanclint.rules.phrases.base_place import base_place
from kanclint.rules.phrases.city_abbrev import city_without_abbreviation
from kanclint.rules.phrases.attention import attention_notice
from kanclint.rules.phrases.clauses import CLAUSE_REWRITES
from kanclint.rules.phrases.consistency import is_swap, own_word, stands_unfixed, taken_by_entries
from kanclint.rules.phrases.needs import NEED_REWRITES
from kanclint.rules.phrases.conditions import condition_clause
from kanclint.rules.phrases.invitations import invited_people
from kanclint.rules.phrases.plans import planned_act
from kanclint.rules.phrases.reader_steps import open_call, reader_purpose, reader_rule
from kanclint.rules.phrases.credits import performed_by, thanks_to
from kanclint.rules.phrases.occasions import before_occasion, occasion
from kanclint.rules.phrases.decisions import decision_clause, work_clause
from kanclint.rules.phrases.event_nouns import event_without_holding
from kanclint.rules.phrases.levels import bare_process, bare_quality, bare_questions, process_subject
from kanclint.rules.phrases.context_rewrites import CONTEXT_REWRITES, OFFER_ONLY
from kanclint.rules.phrases.took_place import TOOK_PLACE_REWRITES
from kanclint.rules.phrases.topics import talk_topics
from kanclint.rules.phrases.attachments import attached_below
from kanclint.rules.phrases.notices import labelled_event
from kanclint.rules.phrases.phases import PHASE_REWRITES
from kanclint.rules.phrases.deletion_guards import deletion_refusal, strands_words_before
from kanclint.rules.phrases.list_items import breaks_a_modal_list
from kanclint.rules.phrases.message import phrase_message
from kanclint.rules.phrases.objects import collapse_before_po, collapse_without_object, one_verb_strands
from kanclint.rules.phrases.repetition import repeats_nearby, repeats_root_in_sentence
from kanclint.rules.phrases.rendering import BRACE_RE, render, render_all, request_mood
from kanclint.rules.phrases.spoken import NOTICE_LABELS, SPOKEN_OPENERS, not_a_label, spoken_opener
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.inflection import capitalise, spell_yo
from kanclint.text.morphology import fold
from kanclint.text.protection import VK_MENTION, SpanIndex
from kanclint.text.russian import preposition_form
from kanclint.text.untouchable import edit_keeps_untouchable, quotations

_WORD_CHAR = re.compile(r"\w")
_NON_SPACE = re.compile(r"\S")
_MARK_BEFORE = frozenset(",;:—–-(«\"„“")  # a mark before a phrase that a replacement's comma would double
_CONTEXT = 200  # characters on each side of a deleted phrase that decide its commas and spaces


_MENTION_AFTER = re.compile(r"\s*" + VK_MENTION.pattern)


def _mention_depends_on(document: Document, m: Match[Entry], replacement: str) -> bool:
    """A VK mention right after a replaced noun is its genitive («атмосфере [club1|Дома дружбы]»):
    a replacement that drops the noun would leave the mention hanging."""
    last = m.tokens[-1]
    if last.pos != "NOUN" or not _MENTION_AFTER.match(document.text, m.end):
        return False
    words = replacement.split()
    return not words or fold(words[-1])[:3] != last.key[:3]


# entry id → a rewrite of the phrase built from the sentence around it
# entries whose match the punctuation around it may show to be no fault (see spoken.py)
_DROPPED_BY_PUNCTUATION = {**{i: spoken_opener for i in SPOKEN_OPENERS}, **{i: not_a_label for i in NOTICE_LABELS}}
_REWRITES = {**CLAUSE_REWRITES, **NEED_REWRITES, **CONTEXT_REWRITES, **TOOK_PLACE_REWRITES, **PHASE_REWRITES,
             "prinyat-reshenie-o": decision_clause,
             "pri-usloviya": condition_clause, "povyshenie-urovnya": bare_quality, "dlya-uchastiya": reader_purpose, "planiruetsya-provedenie": planned_act, "priglashayutsya-lyudi": invited_people,
             "otkryt-priem": open_call, "neobhodimo": reader_rule, "sleduet": reader_rule, "uskorenie-processa": bare_process,
             "obsuzhdenie-voprosov": bare_questions, "process-podlezhashchee": process_subject,
             "provodit-rabotu-po": work_clause, "provesti-rabotu-po": work_clause,
             "rabotat-nad": work_clause, "blagodarya-usiliyam": thanks_to, "v-ispolnenii": performed_by,
             "v-svyazi-s-ustanovleniem": empty_cause, "priurochennyj-k": occasion, "na-baze": base_place,
             "g-gorod": city_without_abbreviation, "my-hotim-obratit-vnimanie": attention_notice,
             "v-preddverii": before_occasion, "po-voprosam-spisok": talk_topics,
             "prilagaetsya": attached_below, "mesto-provedeniya-chego": labelled_event,
             "vremya-provedeniya-chego": labelled_event,
             "provedenie": event_without_holding}
# Entries that are a fault only where their rewrite fits the sentence: «для повышения» and «принять
# решение о» are plain Russian as they stand, and a finding that could only say «перепишите» would
# also flag the «для» other entries put for «в целях» («Для снижения травматизма на дорогах…»)
_REWRITE_ONLY = frozenset({"po-voprosam-spisok", "g-gorod", "planiruetsya-provedenie", "priglashayutsya-lyudi", "prilagaetsya", "mesto-provedeniya-chego", "vremya-provedeniya-chego",
                           "dlya-celi", "dlya-uchastiya", "otkryt-priem", "prinyat-reshenie-o", "pri-usloviya", "povyshenie-urovnya",
                           "rabotat-nad", "blagodarya-usiliyam", "v-ispolnenii", "uskorenie-processa", "uchastnikami-stali", "obedinil-chislo", "obsuzhdenie-voprosov",
                           "process-podlezhashchee",
                           *PHASE_REWRITES})

# Rewrites that span more than their match: their words are no option for the match alone
# («Больница обновляет медицинское оборудование обновлению…»), only their fix is
_SPANNING = _REWRITE_ONLY | {"na-baze", "obrashhaem-vnimanie-na-neobhodimost", "provodit-rabotu-po",
                             "provesti-rabotu-po", "sostoyalos-otkrytie", "priurochennyj-k", "provedenie",
                             "v-preddverii"}


def _token_index(token: Token) -> int:
    return token.index


class PhraseRule(Rule):
    """A rule whose findings come from a dictionary file rather than from code."""

    lexical = True  # type: ignore[misc]

    def __init__(self, spec: RuleSpec, entries: Iterable[Entry], family: "PhraseFamily | None" = None):
        self.spec = spec
        self.code = spec.code  # type: ignore[misc]
        self.name = spec.name  # type: ignore[misc]
        self.category = spec.category  # type: ignore[misc]
        self.severity = spec.severity  # type: ignore[misc]
        self.title = spec.title  # type: ignore[misc]
        self.what = spec.what  # type: ignore[misc]
        self.why = spec.why  # type: ignore[misc]
        self.example = spec.example  # type: ignore[misc]
        self.instead = spec.instead  # type: ignore[misc]
        self.entries = tuple(entries)
        # the scan this rule's matches come from: shared with the dictionaries loaded together
        # (see rules_from_files), or a family of one; given at construction, never set later
        self.family = family if family is not None else PhraseFamily([(spec.code, self.entries)])

    def __repr__(self) -> str:
        return f"PhraseRule({self.code} {self.name}, {len(self.entries)} entries)"

    def check(self, document: Document, wanted: Callable[[Match[Entry]], bool] | None = None) -> Iterator[Diagnostic]:
        """Findings of every match, or only of the matches ``wanted`` accepts (a finding is dear
        to build: callers that look at part of the text say which part)."""
        found_all: list[tuple[Match[Entry], Diagnostic]] = []
        fixed: dict[str, list[int]] = {}  # entry id → where its fixes (or matches not asked for) put its own word
        for sentence, matches in self.family.matches(document).get(self.code, ()):
            for m in matches:
                found = self._diagnostic(document, sentence, m) if wanted is None or wanted(m) else None
                if found is not None:
                    found_all.append((m, found))
                word = own_word(m) if found is None or is_swap(m, found.fix) else None
                if word is not None:
                    fixed.setdefault(m.payload.id, []).append(word.start)
        taken = taken_by_entries(self.family.matches(document)) if fixed else {}
        for m, found in found_all:
            if is_swap(m, found.fix) and m.payload.id in fixed and stands_unfixed(
                    document, m, [*fixed[m.payload.id], *(at for at, ids in taken.items() if ids - {m.payload.id})]):
                # the same word stays elsewhere in the paragraph: both stay as the author wrote them
                said = [e.replacement.strip() for e in found.fix.edits][:1]
                found = replace(found, fix=None, suggestions=(*said, *(s for s in found.suggestions if s not in said)))
            if found.fix is None and m.payload.id in _REWRITE_ONLY:
                continue
            yield found

    # -- building a finding ---------------------------------------------------------------
    def _diagnostic(self, document: Document, sentence: Sentence, m: Match[Entry]) -> Diagnostic:
        entry = m.payload
        matched = document.text[m.start:m.end]
        requests = request_mood(document.text, sentence, m.start)
        rendered = render_all(entry.replacements, m, matched, document.writes_yo, requests)
        fix = None
        suggestions: list[str] = []
        for i, result in enumerate(rendered):
            if result is None:
                # agreement failed: offer the dictionary form, never apply it
                suggestions.append(BRACE_RE.sub(lambda x: x.group(1), entry.replacements[i]))
                continue
            text, certain = result
            if certain is None:
                continue  # «осадками»: «осадок» or «осадка»; «из-за осадок» is neither applied nor offered
            repairs = self._repairs(document, sentence, m, text) if fix is None and i == 0 and entry.autofix else None
            if repairs is not None:
                safe = entry.safe and certain and not repairs
                fix = _make_fix(document, sentence, m, text, safe)
                if repairs:
                    # the words that agreed with the replaced one, re-inflected: «праздник, посвящённый»
                    fix = Fix(fix.title, fix.edits + tuple(Edit(t.start, t.end, form) for t, form in repairs),
                              fix.applicability)
                named = frozenset(t.start for t in m.tokens) - {t.start for k, t in m.slots.items() if k < 0}
                if not all(edit_keeps_untouchable(document, e.start, e.end, e.replacement, named) for e in fix.edits):
                    fix = None  # a name or a quotation is never edited
                    suggestions.append(text)
                elif _mention_depends_on(document, m, text):
                    fix = None  # «в тёплой атмосфере [club1|Дома дружбы]» → «тепло [club1|Дома…]»
                    suggestions.append(text)
            else:
                suggestions.append(text)
        clause = _REWRITES[entry.id](document, sentence, m) if entry.id in _REWRITES else None
        if clause is OFFER_ONLY:  # no wording fits this sentence: the replacements stay options
            suggestions = [fix.edits[0].replacement, *suggestions] if fix is not None else suggestions
            fix, clause = None, None
        if clause is not None and edit_keeps_untouchable(document, clause.start, clause.end, clause.replacement,
                                                         frozenset()):
            # «в целях повышения…» → «чтобы повысить…»: a rewrite of the phrase around it
            said = clause.replacement.lstrip(", ").rstrip(",")
            title = f"Заменить на «{said}»" if said else f"Убрать «{document.text[clause.start:clause.end].strip()}»"
            repairs = clause_repairs(sentence, m, clause)
            fix = None if repairs is None else Fix(title, (clause, *repairs), Applicability.UNSAFE)
            suggestions = [said, *(s for s in suggestions if s.lower() != said.lower())]
        if entry.id in _SPANNING and fix is not None:
            # the rewrite spans more than the match: only its fix may stand in for it, and the
            # message names only the rewrite, not the entry's bare word («делают», «Если»)
            said = fix.edits[0].replacement.lstrip(", ").rstrip(",")
            message = phrase_message(self.title, entry, matched, [(said, False)], [said])
            suggestions = []
        else:
            message = phrase_message(self.title, entry, matched, rendered, [s for s in suggestions if s])
        return self.diagnostic(
            document, m.start, m.end, message, fix=fix, suggestions=suggestions,
            severity=entry.severity, entry=entry.id,
        )


    def _repairs(
        self, document: Document, sentence: Sentence, m: Match[Entry], text: str
    ) -> list[tuple[Token, str]] | None:
        """``None`` when the first replacement may only be offered here, else the words after it
        to re-inflect so the sentence agrees.

        A deletion that would take meaning with it (:mod:`.deletion_guards`) and a replacement
        the rest of the sentence would not agree with (:mod:`.agreement`) stay suggestions.
        """
        previous = _previous_in_paragraph(document, sentence)
        following = _next_in_paragraph(document, sentence)
        generic = frozenset(t.start for k, t in m.slots.items() if k < 0)  # words a <…> item took
        if deletion_refusal(self.code, sentence, previous, m.tokens, text, following=following,
                            generic=generic) is not None:
            return None
        if strands_words_before(sentence, m.tokens, text):
            return None  # «Мы информируем, что…» → «Мы воды не будет»
        if repeats_nearby(sentence, m.tokens, text, _paragraph_neighbours(document, sentence)) or breaks_a_modal_list(
                document.text, m.tokens, text):
            return None  # «после 5 дней после начала»; «необходимо:\n✅ возьмите…»: the author rewords
        if repeats_root_in_sentence(sentence, m.tokens, text):
            return None  # «прошёл фестиваль, который проходит…»: the same verb twice
        if we_in_subordinate_clause(sentence, m.tokens, text):
            return None  # «сообщает, что … приглашаем на открытие»
        if self.code == "KC103" and one_verb_strands(sentence, m.tokens, text):
            return None  # «провели летней смены», «привились и стерилизацию»: words left behind
        if self.code == "KC103" and (collapse_before_po if document.draft else collapse_without_object)(document.text, m.tokens, text):
            return None  # KC201 decides on «проверят в мае»; «протестировали по определению…» lost its object (judge h33)
        if misfits_preposition(sentence, m.tokens, text):
            return None  # «о контактных данных» → «о контактов»: the author chooses the form
        reason, repairs = agreement_check(document.text, sentence, m.tokens, text)
        if reason is not None:
            return None
        # «оснащенными» → «оснащенные» in a post that writes «е» for «ё»
        return [(t, spell_yo(form, document.writes_yo)) for t, form in repairs]


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _previous_in_paragraph(document: Document, sentence: Sentence) -> Sentence | None:
    """The sentence before ``sentence`` in its paragraph (a paragraph is linted on its own in
    the editor, so nothing across a blank line may decide a fix)."""
    i = sentence.index - 1
    if not 0 <= i < len(document.sentences):
        return None
    previous = document.sentences[i]
    if previous.end > sentence.start or _BLANK_LINE.search(document.text, previous.end, sentence.start):
        return None
    return previous


def _next_in_paragraph(document: Document, sentence: Sentence) -> Sentence | None:
    """The sentence after ``sentence`` in its paragraph (an emoji there closes ``sentence``)."""
    i = sentence.index + 1
    if not 0 < i < len(document.sentences):
        return None
    following = document.sentences[i]
    if following.start < sentence.end or _BLANK_LINE.search(document.text, sentence.end, following.start):
        return None
    return following


def _paragraph_neighbours(document: Document, sentence: Sentence, reach: int = 3) -> list[Sentence]:
    """Up to ``reach`` sentences on each side of ``sentence`` within its paragraph."""
    found = []
    for step in (-1, 1):
        current = sentence
        for _ in range(reach):
            nxt = (_previous_in_paragraph if step < 0 else _next_in_paragraph)(document, current)
            if nxt is None:
                break
            found.append(nxt)
            current = nxt
    return found


class PhraseFamily:
    """Dictionary rules loaded together, scanned in one pass per sentence.

    A post is read by a dozen dictionaries; walking its words once with a
    combined index, instead of once per dictionary, is most of what a lexical
    check costs.  Each rule gets exactly what it would find scanned alone.
    """

    def __init__(self, dictionaries: Sequence[tuple[str, Sequence[Entry]]]):
        """``dictionaries``: each rule's code with its entries (a value: nothing given is changed)."""
        self._matcher: Matcher[Entry] = Matcher()
        self._owner: dict[int, str] = {}  # id(entry) → the code of its rule
        for code, entries in dictionaries:
            for entry in entries:
                self._owner[id(entry)] = code
                for pattern in entry.patterns:
                    self._matcher.add(pattern, entry)

    def _guarded(self, sentence: Sentence, m: Match[Entry]) -> bool:
        """Whether a guard of the matched entry overlaps the match (tried only around it)."""
        if not m.payload.guards:
            return False
        keys, each = _anchor_keys(m.payload.guards)
        vocabulary = sentence.vocabulary
        if keys is not None and keys.isdisjoint(vocabulary):
            return False  # no guard's fixed word is in the sentence
        words = sentence.linked_words[0]  # in text order: a bisection, not a map of the sentence per match
        first = bisect.bisect_left(words, m.tokens[0].index, key=_token_index)
        last = bisect.bisect_left(words, m.tokens[-1].index, key=_token_index)
        # a guard whose fixed word is not in the sentence cannot match there: not tried
        return any(overlapping_match(g, sentence, first, last) for g, own in zip(m.payload.guards, each)
                   if own is None or not own.isdisjoint(vocabulary))

    def matches(self, document: Document) -> dict[str, list[tuple[Sentence, list[Match[Entry]]]]]:
        """A rule's code → the sentences with its matches, guards and overlaps resolved."""
        return document.shared(self._scan)

    def _scan(self, document: Document) -> dict[str, list[tuple[Sentence, list[Match[Entry]]]]]:
        found: dict[str, list[tuple[Sentence, list[Match[Entry]]]]] = {}
        owner = self._owner
        titles = _titles(document)
        for sentence in document.sentences:
            matches = list(self._matcher.find(sentence))
            if titles is not None and matches:
                matches = [m for m in matches if not _inside_title(document, titles, m)]
            if matches and any(m.payload.id in _DROPPED_BY_PUNCTUATION for m in matches):
                matches = [m for m in matches if m.payload.id not in _DROPPED_BY_PUNCTUATION
                           or not _DROPPED_BY_PUNCTUATION[m.payload.id](document, sentence, m)]
            if not matches:
                continue
            if any(m.payload.guards for m in matches):
                matches = [m for m in matches if not self._guarded(sentence, m)]
            by_rule: dict[str, list[Match[Entry]]] = {}
            for m in matches:
                by_rule.setdefault(owner[id(m.payload)], []).append(m)
            for rule_id, own in by_rule.items():
                found.setdefault(rule_id, []).append((sentence, outermost(own, _longest_first, drop_overlapping=True)))
        return found


_OPENING = re.compile(r"[«\"„“'(\s]*")


def _titles(document: Document) -> SpanIndex | None:
    """The quotations of ``document`` when quoted text is skipped (the ``skip`` setting), else None."""
    if "quotes" not in document.skip or not any(mark in document.text for mark in "«\"„“"):
        return None
    return quotations(document)


def _inside_title(document: Document, titles: SpanIndex, m: Match[Entry]) -> bool:
    """A match inside a quotation that opens with a capital: the name of a team, a festival or a
    law («Команда КВН «Данное мероприятие»», «Фестиваль «В рамках приличия»») or a quoted sentence.
    Neither is the author's to reword, so a finding there only blames the author for a name.
    A lower-case quotation («так называемая «оптимизация»») is the author's own word choice."""
    for start, end in titles.spans_in(m.start, m.end):
        if start <= m.start and m.end <= end:
            opening = _OPENING.match(document.text, start, end)
            first = document.text[opening.end():opening.end() + 1] if opening else ""
            return first.isupper() or first.isdigit()
    return False


# id of an entry's guards → (the guards, their anchor keys together and each guard's own);
# the guards are kept so an id is not reused
_Anchors = tuple[frozenset[str] | None, tuple[frozenset[str] | None, ...]]
_ANCHORS: dict[int, tuple[tuple[Pattern, ...], _Anchors]] = {}


def _anchor_keys(patterns: tuple[Pattern, ...]) -> _Anchors:
    """:func:`_anchors_of` of all the guards and of each, remembered by the identity of an entry's
    guards: an lru_cache would hash every pattern of the tuple (dataclasses, in Python) on each of
    the many calls per post."""
    known = _ANCHORS.get(id(patterns))
    if known is None or known[0] is not patterns:
        if len(_ANCHORS) > 10_000:
            _ANCHORS.clear()
        keys = (_anchors_of(patterns), tuple(_anchors_of((p,)) for p in patterns))
        known = _ANCHORS[id(patterns)] = (patterns, keys)
    return known[1]


def _anchors_of(patterns: tuple[Pattern, ...]) -> frozenset[str] | None:
    """Forms and lemmas of each pattern's first fixed word; ``None`` when a pattern has none."""
    keys: set[str] = set()
    for pattern in patterns:
        anchor = next((it for it in pattern.items if isinstance(it, (Exact, Lemma))), None)
        if anchor is None:
            return None
        keys |= anchor.forms if isinstance(anchor, Exact) else anchor.lemmas
    return frozenset(keys)


def _longest_first(m: Match[Entry]) -> tuple[int, int]:
    """«в данном случае» beats «данном»: a match inside a longer match of the same rule goes."""
    return (m.start, -m.end)


def _make_fix(document: Document, sentence: Sentence, m: Match[Entry], text: str, safe: bool) -> Fix:
    applicability = Applicability.SAFE if safe else Applicability.UNSAFE
    if text and text[0] in ",;:" and _WORD_CHAR.search(document.text, sentence.start, m.start) is None:
        # at the start of a sentence there is no word to hang the comma on: «Если вопрос…»
        text = text.lstrip(",;: ")
        text = capitalise(text)
    if text and text[0] in ",;:" and document.text[:m.start].rstrip()[-1:] in _MARK_BEFORE:
        # «перенесён, в связи с тем, что» / «перенесён — в связи…»: a mark already stands there
        text = text.lstrip(",;: ")
    if text and text[0] in ",;:":
        # «дадут при условии, что» → «дадут, если»: the comma sticks to the previous word
        start = m.start
        while start > 0 and document.text[start - 1] in " \t":
            start -= 1
        return Fix(f"Заменить на «{text.lstrip(',;: ')}»", (Edit(start, m.end, text),), applicability)
    if text:
        return Fix(f"Заменить на «{text}»", (_preposition_o(document.text, m.start, m.end, text),), applicability)
    return Fix("Убрать", deletion_edits(document.text, sentence, m.start, m.end), applicability)


_OPENING_MARKS = re.compile(r"[«\"„“(\[]*")
# the preposition's own line: a blank line (a new paragraph) never separates it from its word
_PREPOSITION_BEFORE = re.compile(r"(?<!\w)(о|об|в|во|с|со)([^\S\n]+|[^\S\n]*\n[^\S\n]*)\Z", re.IGNORECASE)


def _preposition_o(text: str, start: int, end: int, replacement: str) -> Edit:
    """«о данной программе» → «об этой программе», «в мероприятиях» → «во встречах».

    The preposition before a replaced phrase follows the new first sound.
    """
    window = max(0, start - 40)  # the preposition is right before: never scan the whole text
    before = _PREPOSITION_BEFORE.search(text, window, start)
    if before and replacement:
        word = before.group(1)
        wanted = preposition_form(word, replacement)
        if wanted and word.lower() != wanted:
            if word.isupper() and (len(word) > 1 or replacement.isupper()):
                wanted = wanted.upper()
            elif word[0].isupper():
                wanted = capitalise(wanted)
            return Edit(before.start(), end, wanted + before.group(2) + replacement)
    return Edit(start, end, replacement)


def deletion_edits(text: str, sentence: Sentence, start: int, end: int) -> tuple[Edit, ...]:
    """Delete ``text[start:end]`` and leave a well-formed sentence behind.

    «Парк, по сути, открыт» → «Парк открыт»; «Следует отметить, что парк открыт»
    → «Парк открыт»; «Это важно в целом.» → «Это важно.»
    """
    # only the punctuation next to the phrase matters: a bounded window, not the rest of the
    # sentence per finding (a sentence as long as the text made that quadratic)
    before = text[max(sentence.start, start - _CONTEXT):start]
    after = text[end:min(sentence.end, end + _CONTEXT)]
    at_start = _WORD_CHAR.search(text, sentence.start, start) is None
    comma_before = re.search(r"\s*,\s*$", before)
    comma_after = re.match(r"\s*,", after)
    introduces_clause = bool(re.search(r"\bчто\W*$", text[start:end], re.IGNORECASE))
    if comma_before and not at_start and (comma_after or introduces_clause):
        # «Парк, по сути, открыт» / «Парк, следует отметить, что открыт»: the commas go too
        return (Edit(start - len(comma_before.group()), end + (len(comma_after.group()) if comma_after else 0), ""),)
    if re.match(r"\s*[.!?…;:)]", after) or _NON_SPACE.search(text, end, sentence.end) is None:
        # at the end of a clause: remove the space before instead of after
        space = re.search(r"[\s,]*$", before)
        return (Edit(start - len(space.group()) if space else start, end, ""),)
    trail = re.match(r"\s*,?\s*", after)
    cut_end = end + (len(trail.group()) if trail else 0)
    if at_start and cut_end < len(text):
        lead = _OPENING_MARKS.match(text, cut_end).group()
        letter = cut_end + len(lead)
        # «чрезвычайно громадный» written in lower case stays so: only a capital passes on
        if letter < len(text) and text[letter].isalpha() and text[start:start + 1].isupper():
            # a capital already there is part of the edit too: another rule rewriting that word
            # («Кроме того, Иван Петров поручил» → «я поручил») then waits for the sentence's new start
            return (Edit(start, letter + 1, lead + text[letter].upper()),)
    return (Edit(start, cut_end, ""),)
