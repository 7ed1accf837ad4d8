"""KC205 participle clause after a noun: «кружки, работающие при доме культуры» → «кружки, которые работают…».

A postposed active participle clause is the book way to say a relative clause; a post says it with
«который» and a finite verb.  The «который» clause is offered, never applied: it is longer, and
three unseen-text editors found it plainer in only 2 of 7 cases; «всех, кто участвует» (shorter
than the book form and how speech says it) is applied as a fix to check.  The wording is certain only in one
shape, so only that shape is flagged (a finding without an option would just say «книжно» about
every participle):

* a noun, a comma, an active present participle agreeing with that noun in case, number and, in
  the singular, gender — the participle then describes that noun and no other.  A past one
  («водителя, ехавшего без прав», «семьям, пострадавшим от пожара») is how news and speech say
  it too, and «живущие» is the plain word KC101 puts for «проживающие»: both are left alone;
* the clause runs to a comma or the end of the sentence, has words of its own after the
  participle (a bare «…, желающих.» is a list of people, not a clause) and no second participle
  or verb of its own («работающие и развивающиеся» would need both rewritten);
* «который» is the subject of the new clause, so it stands in the nominative whatever case the
  noun has («Родителям, желающим…» → «Родителям, которые желают…») and agrees with the noun in
  number and gender; the verb is in the present («работающие» → «работают»);
* after «все» standing for people the clause says «кто» with a singular verb: «всех, участвующих
  в акции» → «всех, кто участвует в акции»;
* passive participles («посвящённый», «проводимые») stay: their clause would need a doer;
* where the finite verb is itself a dictionary finding («проживающие» → «которые проживают»,
  «являющийся» → «который является»), nothing is flagged: the dictionary's own word fix comes
  first («живущие»), or its guard keeps the word («жители, проживающие…»: «жители, которые живут»
  says it twice), and no rewrite of this rule may be flagged by another.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator, Sequence

from kanclint.model import Applicability, Diagnostic, Edit, Fix, Severity
from kanclint.rules.base import Rule
from kanclint.rules.phrases import shipped_rules
from kanclint.rules.syntax.light_verbs import phrase_fix_over
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.grammar import CASES, GENDERS, NUMBERS
from kanclint.text.inflection import inflect_raw
from kanclint.text.morphology import Parse

_WHICH = {"masc": "который", "femn": "которая", "neut": "которое", "plur": "которые"}
_CLOSING = frozenset({",", ".", "!", "?", "…", ";"})
_QUOTES = frozenset({"«", "»", '"', "„", "“", "”"})
_FINITE_POS = frozenset({"VERB", "PRTF", "PRTS", "GRND"})
_MAX_CLAUSE_WORDS = 10
# nouns whose gender shows nothing about the person («врач, работавший»: «который»; «сирота»): skipped
_COMMON_GENDER = "ms-f"
# «семьи, живущие у реки»: the participle a post says as it is (and KC101 puts for «проживающие»)
_PLAIN = frozenset({"жить"})
# a light verb whose clause keeps its verbal noun: «Гражданам, осуществляющим эксплуатацию печей» →
# «которые осуществляют эксплуатацию» is no plainer; the stamp is the noun, left to KC103
# «до 10 числа месяца, следующего за расчётным» is a formula of payment terms, kept as it stands
_LIGHT = frozenset({"осуществлять", "производить", "следовать"})
_DICTIONARY_CODES = frozenset(f"KC1{n:02d}" for n in range(1, 13))


def _noun_readings(token: Token) -> list[Parse]:
    """Readings of the word the clause describes: a noun, or «все» standing for people («всех,
    участвующих в акции» → «всех, кто участвует»)."""
    return [p for p in token.parses if p.grammemes & NUMBERS and (
        p.pos == "NOUN" or p.lemma == "весь" and {"plur", "Subx"} <= p.grammemes)]


def _agreement(noun: Token, participle: Token) -> tuple[Parse, Parse] | None:
    """The noun and participle readings that agree in case, number and (singular) gender."""
    for p in participle.parses:
        g = p.grammemes
        if p.pos != "PRTF" or "actv" not in g or "pres" not in g or p.lemma in _PLAIN or p.lemma in _LIGHT:
            continue
        for n in _noun_readings(noun):
            ng = n.grammemes
            if _COMMON_GENDER in ng or not (g & CASES & ng) or not (g & NUMBERS & ng):
                continue
            if "sing" in g and not (g & GENDERS & ng):
                continue
            if g & CASES & ng == {"accs"} and g & {"anim", "inan"} and not g & ng & {"anim", "inan"}:
                continue  # «старшеклассников из области, изучающих»: «изучающих» is no inanimate accusative
            return n, p
    return None


# words a noun's own phrase may hold between the noun and the comma before its participle:
# «пространство для опытов и творчества молодых людей, позволяющее…»
_HEAD_WALK = 8
_BETWEEN_POS = frozenset({"NOUN", "ADJF", "PREP", "NUMR"})


def _head_behind(tokens: Sequence[Token], i: int) -> tuple[Parse, Parse] | None:
    """The noun further back the participle at ``i`` agrees with, across its own dependants
    («источником сведений, позволяющим…» → «источником»): only when no noun in between could be
    read in the participle's number and gender, so «который» still points at that noun alone."""
    between: list[Token] = []
    for j in range(i - 2, max(-1, i - 2 - _HEAD_WALK), -1):
        t = tokens[j]
        if not t.is_word or t.protected or not t.parses:
            return None
        pair = _agreement(t, tokens[i]) if j < i - 2 and t.pos == "NOUN" else None
        if pair is not None:
            return None if any(_could_be_said(w, pair[1]) for w in between) else pair
        if t.pos not in _BETWEEN_POS and t.key not in ("и", "или"):
            return None
        between.append(t)
    return None


def _could_be_said(word: Token, participle: Parse) -> bool:
    """Whether «который» in the participle's number (and singular gender) could point at ``word``."""
    want = participle.grammemes & NUMBERS | (participle.grammemes & GENDERS if "sing" in participle.grammemes else set())
    return any(p.pos == "NOUN" and want <= p.grammemes for p in word.parses)


def _finite(participle: Parse, number: str) -> str | None:
    """The participle's verb in the present, third person, agreeing with «который» in number."""
    return inflect_raw(participle.raw, frozenset({"VERB", "pres", "3per", number}))


def _future_before(tokens: Sequence[Token]) -> bool:
    """A verb in the future before the participle: its present tense belongs to that future (an editor)."""
    return any(t.is_word and t.parses and t.parses[0].pos == "VERB" and "futr" in t.parses[0].grammemes for t in tokens)


def _clause_end(sentence: Sentence, at: int, participle: Parse) -> int | None:
    """Position of the token that closes the clause opened by the participle at ``at``."""
    tokens = sentence.tokens
    agree = participle.grammemes & (CASES | NUMBERS)
    words = 0
    i = at + 1
    while i < len(tokens):
        t = tokens[i]
        if t.text in _CLOSING:
            break
        if not t.is_word and not t.protected and t.text not in _QUOTES:
            return None  # a dash, a colon, a bracket: not a plain clause (a quoted name is one)
        if not t.is_word:
            i += 1
            continue
        best = t.parses[0] if t.parses else None
        if best is None or best.pos in _FINITE_POS or t.key in ("и", "или") and words == 0:
            return None
        if i == at + 1 and any(p.pos in ("NOUN", "ADJF") and agree <= p.grammemes for p in t.parses):
            return None  # «светящиеся нити»: the participle stands before its noun
        words += 1
        i += 1
    if words == 0 or words > _MAX_CLAUSE_WORDS:
        return None
    return i


def _head_goes_on(tokens: list, end: int) -> bool:
    """«коллективы, работающие на родных языках, из пяти районов»: after the clause's comma a phrase
    with a preposition is the noun's own; behind a finite «которые работают…» it would read as the
    clause's («работают … из пяти районов»)."""
    return end + 1 < len(tokens) and tokens[end].text == "," and tokens[end + 1].is_word \
        and bool(tokens[end + 1].parses) and tokens[end + 1].parses[0].pos == "PREP"


@lru_cache(maxsize=2048)
def _flagged(said: str, rest: str) -> bool:
    """Whether a phrase dictionary finds anything on the written words ``said`` of the new clause
    (what the clause had already is the business of the findings on the original text)."""
    document = Document(f"{said} {rest}")
    return any(d.start < len(said) for rule in shipped_rules() for d in rule.check(document))


class ParticipleClause(Rule):
    """KC205: «X, делающие Y» reads as a document; «X, которые делают Y» as speech."""

    code = "KC205"
    name = "participle-clause"
    category = "verbal-noun"
    severity = Severity.INFO
    title = "Причастный оборот"
    what = "Действительный причастный оборот настоящего времени после существительного: «кружки, работающие при доме культуры»."
    why = (
        "Причастный оборот — книжная конструкция, в разговоре его не услышишь. Придаточное "
        "с «который» читается легче: «кружки, которые работают при доме культуры»."
    )
    example = "Кружки, работающие при доме культуры, приглашают новых участников."
    instead = "Кружки, которые работают при доме культуры, приглашают новых участников."
    fix_safety = (
        "Вариант с «который» и глаголом в настоящем времени («работающие» → «которые работают») "
        "предлагается на выбор, но не применяется: придаточное длиннее оборота, и редакторы сочли его "
        "лучше лишь в двух случаях из семи. После «все» исправление требует проверки "
        "(`--fix --unsafe-fixes`): «всех, участвующих в акции» → «всех, кто участвует в акции». Страдательные "
        "причастия («посвящённый») и причастия прошедшего времени («пострадавшим от пожара») не трогаются."
    )
    lexical = False

    def check(self, document: Document) -> Iterator[Diagnostic]:
        for sentence in document.sentences:
            tokens = sentence.tokens
            for i in range(2, len(tokens)):
                found = self._rewrite(sentence, i) if tokens[i - 1].text == "," else None  # a clause opens after a comma
                if found is None:
                    continue
                participle, said, end = found
                if phrase_fix_over(document, participle, _DICTIONARY_CODES):
                    continue  # «всех, желающих научиться» → «всех, кто хочет научиться»: the dictionary's rewrite
                clause = document.text[participle.start:end]
                fix = None  # «который» is offered, never applied: longer, and plainer in 2 cases of 7
                message = (f"Причастный оборот «{clause}» звучит книжно. Если предложение короткое, "
                           f"можно сказать придаточным: «{said}».")
                if said.startswith("кто "):  # «всех, кто участвует»: how speech says it
                    message = f"Причастный оборот «{clause}» звучит книжно. Скажите придаточным: «{said}»."
                    fix = Fix(f"Заменить на «{said}»", (Edit(participle.start, participle.end, said),),
                              Applicability.UNSAFE)
                yield self.diagnostic(document, participle.start, end, message, fix=fix, suggestions=[said])

    @staticmethod
    def _rewrite(sentence: Sentence, i: int) -> tuple[Token, str, int] | None:
        """(participle, «который» + verb, clause end) for the participle at position ``i``."""
        tokens = sentence.tokens
        participle, comma, noun = tokens[i], tokens[i - 1], tokens[i - 2]
        if comma.text != "," or not participle.is_word or participle.protected or not noun.is_word:
            return None
        pair = _agreement(noun, participle) or _head_behind(tokens, i)
        if pair is None or noun.protected or participle.key.startswith("желающ"):
            return None  # «гражданам, которые желают» is no plainer: «кто хочет» needs rewording
        if any(t.key.startswith("котор") for t in tokens):
            return None  # «граждан, которые ищут работу, … в ярмарке, которая пройдёт»: clauses pile up
        reading_noun, reading = pair
        if "pres" in reading.grammemes and _future_before(tokens[:i]):
            return None  # «станут источником, позволяющим…»: «который позволяет» would clash with «станут»
        end = _clause_end(sentence, i, reading)
        if end is None or _head_goes_on(tokens, end):
            return None
        number = "plur" if "plur" in reading.grammemes else "sing"
        gender = None if number == "plur" else next(iter(reading.grammemes & GENDERS & reading_noun.grammemes))
        verb = _finite(reading, number)
        if verb is None or verb[:2].lower() != participle.text[:2].lower():
            return None
        if reading_noun.lemma == "весь":  # «всех, кто участвует»: «кто» takes a singular verb
            verb = _finite(reading, "sing")
            said = f"кто {verb}" if verb is not None else None
        else:
            said = f"{_WHICH[gender or number]} {verb}"
        if said is None:
            return None
        rest = " ".join(t.text for t in tokens[i + 1 : end])
        if _flagged(said, rest):
            return None  # «которые проживают…», «которые подлежат…»: a dictionary's own word comes first
        return participle, said, tokens[end - 1].end
