"""KC308: the post speaks of its own readers in the third person: «Посетители смогут увидеть…».

An announcement tells its readers what they will be able to do, and a press release says it of
«посетители», «гости», «участники» as if they were somebody else.  «Вы сможете увидеть…» is the
same fact said to the reader, so the fix turns the subject into «вы» and the verb into its «вы»
form.  It is only offered where nothing else can change:

* the subject is one of the words for the people an announcement is for (:data:`READERS`), alone
  or after «все» («все желающие»), in the nominative plural, right before its verb (or an adverb
  and the verb): «Юные посетители», «Посетители музея», «Участники, набравшие…» say who exactly,
  and «вы» would drop it;
* the verb speaks of what is to come or may be done: «смогут / могут / будут + infinitive» or a
  perfective future («узнают», «увидят»): «Участники смогли…» and «Гости пришли…» report an event
  that is over, and the readers of the report were not there;
* no pronoun in the sentence may refer back to the readers («их», «они», «им»): «Участники получат
  их по почте» would need «ваши» somewhere else;
* nothing protected (a quote, a name, a link) lies in the words the fix replaces.

The fix needs checking (the post may be for organisers, not for visitors).  Like KC305 the finding
is not scored: the register model already counts the missing «вы»; the fix adds it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from kanclint.model import Applicability, Diagnostic, Edit, Fix, Severity
from kanclint.rules.base import Rule
from kanclint.rules.press_release.words import CATEGORY
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.morphology import Parse
from kanclint.text.inflection import capitalise, inflect_raw

# the people an announcement is written for
READERS = frozenset({"посетитель", "гость", "зритель", "участник", "слушатель", "читатель", "желающий"})
# modals after which an infinitive says what the reader may do
_MODALS = frozenset({"смочь", "мочь", "быть"})
# words that refer back to a plural third person: the readers would become «вы» only half-way
_BACK_REFERENCES = frozenset({"они", "их", "им", "ими", "них", "ним", "ними"})
_YOU_PLURAL = frozenset({"plur", "2per"})


@dataclass(frozen=True)
class ReaderMention:
    """«Посетители смогут» → «вы сможете»: the span from the subject to its verb and the new words."""

    start: int
    end: int
    said: str
    replacement: str
    more: tuple[Edit, ...] = ()  # the verbs the subject shares: «…и попробуют» → «…и попробуете»


def _verb_after(words: tuple[Token, ...], i: int) -> int | None:
    """The position of the finite verb right after the subject (one adverb may stand between)."""
    for j in (i + 1, i + 2):
        if j >= len(words):
            return None
        if words[j].pos == "VERB":
            return j
        if words[j].pos != "ADVB":
            return None
    return None


def _future_reading(words: tuple[Token, ...], j: int) -> Parse | None:
    """The reading in which the verb says what is to come: «смогут / могут / будут + infinitive», or
    a perfective future («узнают» is also the present of «узнавать»: the announcement means «узнать»)."""
    verb = words[j]
    best = verb.parses[0]
    if best.lemma in _MODALS and {"plur", "3per"} <= best.grammemes:
        return best if j + 1 < len(words) and words[j + 1].pos == "INFN" else None
    return next((p for p in verb.parses if p.pos == "VERB" and {"plur", "3per", "perf", "futr"} <= p.grammemes), None)


def _coordinated(words: tuple[Token, ...], j: int) -> tuple[Edit, ...] | None:
    """The later verbs of the sentence in the «вы» form, or None when one may have another subject.

    «Участники узнают…, и попробуют…» shares the subject: «попробуют» → «попробуете».  A verb
    not right after «и» («картины, которые привезут») has a subject of its own; the sentence
    is left alone rather than guessed.
    """
    edits: list[Edit] = []
    for k in range(j + 1, len(words)):
        reading = next((p for p in words[k].parses if p.pos == "VERB" and {"plur", "3per"} <= p.grammemes), None)
        if reading is None or words[k].parses[0].pos != "VERB":
            continue
        form = inflect_raw(reading.raw, _YOU_PLURAL)  # type: ignore[attr-defined]
        if words[k - 1].key != "и" or form is None or words[k].protected:
            return None
        edits.append(Edit(words[k].start, words[k].end, form))
    return tuple(edits)


def _subject_start(words: tuple[Token, ...], i: int) -> int:
    """Where the subject begins: «все желающие» takes its «все» along."""
    return i - 1 if i > 0 and words[i - 1].key == "все" else i


def _is_reader(word: Token, words: tuple[Token, ...], i: int) -> bool:
    best = word.parses[0] if word.parses else None
    if best is None or best.lemma not in READERS or not {"plur", "nomn"} <= best.grammemes:
        return False
    before = words[i - 1] if i > 0 else None
    # «Юные посетители», «наши гости»: a word before the noun narrows who is meant («все» is allowed)
    return before is None or before.key == "все" or before.pos not in {"ADJF", "PRTF", "NPRO", "NUMR"}


def _sentence_mentions(document: Document, sentence: Sentence) -> Iterator[ReaderMention]:
    words = sentence.words
    if READERS.isdisjoint(sentence.vocabulary) or any(w.key in _BACK_REFERENCES for w in words):
        return  # no reader noun to look for (the first reading's lemma is in the vocabulary), or a back reference
    i = next((k for k, w in enumerate(words) if w.parses and w.parses[0].lemma in READERS), None)
    if i is None or not _is_reader(words[i], words, i):
        return  # only the sentence's first reader noun: a later one is often another group («а участники…»)
    j = _verb_after(words, i)
    reading = None if j is None or "," in document.text[words[i].end:words[j].start] else _future_reading(words, j)
    first = _subject_start(words, i)
    if j is None or reading is None or _after_conjunction(sentence, words[first]):
        return
    verb = inflect_raw(reading.raw, _YOU_PLURAL)  # type: ignore[attr-defined]
    if verb is None or any(t.protected for t in words[first:j + 1]):
        return
    others = _coordinated(words, j)
    if others is None:
        return
    start = words[first].start
    you = "Вы" if first == 0 else "вы"  # the sentence's first word
    middle = document.text[words[i].end:words[j].start]  # «Гости обязательно увидят»: the adverb stays
    yield ReaderMention(start, words[j].end, document.text[start:words[j].end], f"{you}{middle}{verb}", others)


def _after_conjunction(sentence: Sentence, token: Token) -> bool:
    """«…, а участники получат»: the noun opens a clause joined to another, about other people."""
    at = sentence.position(token)
    before = [t for t in sentence.tokens[:at] if t.is_word or t.text in ",;:—–"]
    return bool(before) and (before[-1].key in {"а", "и", "но", "или"} or before[-1].text in ",;:—–")


def _one_audience(document: Document) -> bool:
    """Whether the post names one kind of reader: «Гости… Участники…» are two groups, and «вы» would merge them."""
    kinds = {w.parses[0].lemma for w in document.words if w.parses and w.parses[0].lemma in READERS}
    return len(kinds) <= 1


def reader_mentions(document: Document) -> list[ReaderMention]:
    """Every «Посетители смогут» of the post that can become «вы сможете» (see the module docstring)."""
    if not _one_audience(document):
        return []
    return [m for s in document.sentences for m in _sentence_mentions(document, s)]


class ReaderInThirdPerson(Rule):
    """KC308: «Посетители смогут увидеть…» — the post speaks of its reader as of someone else."""

    code = "KC308"
    name = "reader-in-third-person"
    category = CATEGORY
    severity = Severity.INFO
    lexical = False
    title = "Читатель в третьем лице"
    what = (
        "Анонс говорит о своих читателях в третьем лице: «Посетители смогут увидеть…», «Участники "
        "узнают…», «Все желающие смогут попробовать…»."
    )
    why = (
        "Пост в соцсети обращается к тем, кто его читает. «Посетители смогут» звучит как пресс-релиз "
        "для журналистов; «вы сможете» — как приглашение."
    )
    example = "В субботу посетители смогут увидеть редкие книги."
    instead = "В субботу вы сможете увидеть редкие книги."
    fix_safety = (
        "Исправление требует проверки: пост может быть обращён не к посетителям, а, например, к "
        "организаторам. Предлагается, только когда подлежащее — одно слово («посетители», «гости», "
        "«зрители», «участники», «слушатели», «читатели», «желающие», можно с «все») прямо перед "
        "глаголом будущего времени или «могут / смогут / будут» с инфинитивом и в предложении нет "
        "«их», «они», «им». «Юные посетители», «Участники, набравшие…», «Гости пришли…» не меняются."
    )

    def check(self, document: Document) -> Iterator[Diagnostic]:
        for m in document.shared(reader_mentions):
            edits = (Edit(m.start, m.end, m.replacement), *m.more)
            fix = Fix(f"Заменить на «{m.replacement}»", edits, Applicability.UNSAFE)
            message = (f"«{m.said}» — так анонс говорит о читателях, как о ком-то другом. "
                       f"Обратитесь к ним: «{capitalise(m.replacement)}…».")
            yield self.diagnostic(document, m.start, m.end, message, fix=fix)
