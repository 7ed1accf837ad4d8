"""Syntax and structure: the sentence shapes that turn a post into a report.

A reader of a post wants to know who did what.  The passive hides the doer
(«ремонт осуществляется подрядной организацией»), chains of genitives hide the
action inside nouns («обеспечения безопасности дорожного движения населения»),
and a sentence built of verbal nouns and participial clauses has to be read
twice.  These rules find such shapes; the words themselves are the business of
the phrase dictionaries (KC1xx).

Offsets always come from :class:`~kanclint.analysis.Document` tokens, and the
natasha parser reads those same tokens (``document.syntax_of``).  The parser
costs more than all other rules together, so only KC201 uses it, and only
where it changes the answer: a passive with a possible doer in the instrumental,
a subject from :data:`PLAIN_PASSIVES`, or a «мы» verb pymorphy3 also reads as a
participle.  Other passives and the participial clauses of KC204 are read from
pymorphy3 alone.  natasha's parser gives relations only (no case
features), so case always comes from pymorphy3.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Iterator, Sequence

from ..analysis import Document, Sentence, SyntaxToken, Token
from ..model import Applicability, Diagnostic, Edit, Fix, Severity
from ..morphology import Parse, fold, parse
from ..russian import plural
from .base import Rule

# -- word lists ----------------------------------------------------------------------------

# Short participles that name a state a reader needs, not a hidden action:
# «магазин закрыт», «запись открыта», «место занято», «проезд ограничен».
STATE_PARTICIPLES = frozenset(
    {
        "закрыть", "открыть", "занять", "запретить", "разрешить", "освободить", "перекрыть",
        "ограничить", "посвятить", "расположить", "рассчитать", "связать", "вынудить",
        "обязать", "назвать", "оснастить", "оборудовать", "указать",
    }
)

# Empty report verbs: their short participle is a report even in a short sentence
# («Произведена замена труб», «Осуществлён ремонт кровли»), never a notice to the reader.
REPORT_PARTICIPLES = frozenset({"осуществить", "осуществлять", "произвести", "производить", "провести"})
# Of these, the verbs that mean nothing by themselves: «Мы произвели…» is no better advice.
EMPTY_VERBS = frozenset({"осуществить", "осуществлять", "произвести", "производить"})

# Reflexive verbs whose «-ся» is usually middle voice («магазин открывается в 9»,
# «улица является главной»): without a doer in the instrumental they are not passive.
MIDDLE_REFLEXIVES = frozenset(
    {
        "являться", "находиться", "оказываться", "оказаться", "считаться", "получаться",
        "получиться", "представляться", "казаться", "открываться", "открыться", "закрываться",
        "закрыться", "начинаться", "начаться", "продолжаться", "продолжиться", "заканчиваться",
        "закончиться", "собираться", "собраться", "готовиться", "встречаться", "возвращаться",
        "учиться", "заниматься", "обращаться", "включаться", "меняться", "измениться",
        "изменяться", "переноситься", "отмечаться", "двигаться", "развиваться", "останавливаться",
        "остановиться", "появляться", "появиться", "решаться", "решиться", "касаться",
        "относиться", "складываться", "сложиться", "распространяться", "ограничиваться",
        "сохраняться", "сохраниться", "увеличиваться", "уменьшаться", "снижаться", "повышаться",
    }
)

# Instrumental nouns that say when or how, never who: «летом», «таким образом».
NOT_AGENTS = frozenset(
    {
        "лето", "зима", "весна", "осень", "утро", "день", "вечер", "ночь", "образ", "путь",
        "способ", "ряд", "время", "пора", "раз", "шаг", "бег", "часть", "итог", "результат",
        "причина", "основа", "слово", "цель", "помощь", "мера", "очередь", "порядок", "счёт",
        "счет", "голос", "рука",
    }
)

# Inanimate nouns that act: bodies and organisations («решение принимается комиссией»).
ORGANISATIONS = frozenset(
    {
        "администрация", "организация", "комиссия", "управление", "министерство", "ведомство",
        "департамент", "служба", "отдел", "компания", "предприятие", "учреждение",
        "правительство", "мэрия", "суд", "совет", "дума", "прокуратура", "полиция",
        "инспекция", "фонд", "центр", "комитет", "штаб", "руководство", "коллектив", "команда",
        "клуб", "библиотека", "музей", "школа", "больница", "поликлиника", "университет",
        "колледж", "институт", "театр", "сила", "правление", "префектура", "муниципалитет",
        "госавтоинспекция", "жюри", "редакция", "агентство", "холдинг", "фирма", "община",
    }
)

# Instrumental personal pronouns that are certainly the doer: «нами была проведена проверка».
# «им» and «ей» are left out: they are dative at least as often.
PRONOUN_AGENTS = {"нами": "мы", "мной": "я", "мною": "я", "вами": "вы", "ими": "они", "ею": "она"}

# Verbs whose instrumental is a role, not a doer: «назначен директором», «признан победителем».
ROLE_VERBS = frozenset(
    {
        "назначить", "назначать", "избрать", "избирать", "выбрать", "выбирать", "признать",
        "признавать", "объявить", "объявлять", "назвать", "называть", "считать", "оставить",
        "сделать", "утвердить", "утверждать", "наградить", "награждать", "определить",
    }
)

# Lemmas in -ние/-тие/-ция that a reader takes as plain nouns, not as actions:
# an institution or a room (учреждение, помещение, отделение), a document
# (заявление, постановление, положение), a group of people (население,
# поколение), a thing (здание, растение, покрытие) or a state of mind (мнение,
# внимание, желание).  «Решение», «проведение», «обеспечение», «развитие»,
# «открытие» stay verbal nouns: they are the actions канцелярит hides.
NOT_VERBAL_NOUNS = frozenset(
    {
        # -ние
        "здание", "задание", "собрание", "учреждение", "отделение", "подразделение",
        "население", "поселение", "помещение", "поколение", "мнение", "давление", "образование",
        "объявление", "заявление", "предложение", "направление", "расписание", "издание",
        "значение", "знание", "состояние", "сочинение", "упражнение", "сооружение", "строение",
        "растение", "явление", "окружение", "приложение", "управление", "правление",
        "заведение", "объединение", "наименование", "питание", "настроение", "терпение",
        "вдохновение", "внимание", "желание", "ощущение", "впечатление", "положение",
        "постановление", "распоряжение", "удостоверение", "свидетельство", "здравоохранение",
        "отношение", "мероприятие", "ведение", "основание", "название", "лечение", "зрение",
        "имение", "владение", "сословие", "изделие", "поздравление", "уравнение", "сражение",
        # -тие
        "событие", "занятие", "предприятие", "понятие", "общежитие", "покрытие", "тысячелетие",
        "столетие", "десятилетие", "известие", "чутьё", "укрытие",
        # -ция: bodies, groups and things, though a verb in -ировать exists for some
        "администрация", "информация", "делегация", "ассоциация", "конструкция", "инспекция",
        "станция", "полиция", "позиция", "традиция", "лекция", "секция", "акция", "функция",
        "продукция", "операция", "редакция", "конференция", "ситуация", "федерация", "нация",
        "инструкция", "коллекция", "экспозиция", "композиция", "концепция", "дирекция",
        "милиция", "юстиция", "инстанция", "дистанция", "революция", "эволюция", "номинация",
        "корпорация", "организация",
    }
)

_VERBAL_SUFFIXES = ("ние", "тие")
_NOUN_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "gen2", "acc2", "loc2", "voct")
_PARTICLES_BEFORE_AUX = frozenset({"не", "уже", "ещё", "еще", "бы", "же", "также", "тоже", "и"})
_AGENT_RELS = frozenset({"obl", "obl:agent", "nmod", "iobj", "obj", "xcomp"})
_UNSURE_RELS = frozenset({"dep", "root", "parataxis", "orphan"})
_VERB_POS = frozenset({"VERB", "INFN", "GRND", "PRTS"})


# -- morphology helpers --------------------------------------------------------------------

def _best(token: Token) -> Parse | None:
    return token.parses[0] if token.parses else None


def _reading(token: Token, *grammemes: str, min_score: float = 0.0) -> Parse | None:
    """The best reading carrying all ``grammemes`` (score at least ``min_score``)."""
    want = set(grammemes)
    for p in token.parses:
        if want <= p.grammemes and p.score >= min_score:
            return p
    return None


def _pos_share(token: Token, pos: str) -> float:
    return sum(p.score for p in token.parses if p.pos == pos)


def _is_noun(token: Token) -> bool:
    return token.pos == "NOUN"


def _is_verb_like(token: Token) -> bool:
    return token.pos in _VERB_POS



def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _inflect(reading: Parse, want: set[str]) -> str | None:
    result = reading.raw.inflect(want)  # type: ignore[attr-defined]
    return None if result is None else result.word


def _infinitive(lemma: str) -> Parse | None:
    for p in parse(lemma):
        if p.pos == "INFN" and p.lemma == fold(lemma):
            return p
    return None


@lru_cache(maxsize=20_000)
def _verb_form(lemma: str, tense: str, person: str, number: str, gender: str | None) -> str | None:
    """``lemma`` as a finite verb; ``None`` when the form needs two words or does not exist.

    Cached: pymorphy3 builds the whole paradigm for each inflection, and every
    passive finding asks for three forms of its verb.
    """
    inf = _infinitive(lemma)
    if inf is None:
        return None
    perfective = "perf" in inf.grammemes
    if tense == "pres" and perfective:
        tense = "futr"
    if tense == "futr" and not perfective:
        aux = {("1per", "sing"): "буду", ("1per", "plur"): "будем", ("2per", "plur"): "будете",
               ("3per", "sing"): "будет", ("3per", "plur"): "будут"}.get((person, number))
        word = inf.raw.word  # type: ignore[attr-defined]
        return f"{aux} {word}" if aux else None
    want = {"VERB", "indc", tense, number}
    if tense == "past":
        if number == "sing":
            want.add(gender or "masc")
    else:
        want.add(person)
    return _inflect(inf, want)


def is_verbal_noun(token: Token) -> bool:
    """A noun naming an action: «проведение», «развитие», «реализация», not «здание».

    Nouns in -ция count only when a verb in -ировать/-овать stands behind them
    («реализация» ← «реализовать»), which keeps «станция» and «традиция» out.
    """
    return token.pos == "NOUN" and _verbal_lemma(token.lemma)


@lru_cache(maxsize=50_000)
def _verbal_lemma(lemma: str) -> bool:
    if len(lemma) < 6 or lemma in NOT_VERBAL_NOUNS or not lemma.isalpha():
        return False
    if lemma.endswith(_VERBAL_SUFFIXES):
        return True
    if lemma.endswith("ция"):
        return any(_infinitive(v) is not None and _is_known(v) for v in _verbs_behind(lemma))
    return False


def _verbs_behind(lemma: str) -> list[str]:
    if lemma.endswith("фикация"):
        return [lemma[: -len("кация")] + "цировать"]
    if lemma.endswith("ация"):
        stem = lemma[:-4]
        return [stem + "ировать", stem + "овать"]
    if lemma.endswith("екция"):
        return [lemma[:-5] + "ицировать"]
    if lemma.endswith("кция"):
        return [lemma[:-3] + "ировать"]
    return []


def _is_known(word: str) -> bool:
    readings = parse(word)
    return bool(readings) and bool(getattr(readings[0].raw, "is_known", False))


# -- syntax index --------------------------------------------------------------------------

@dataclass(frozen=True)
class _Node:
    sent: int
    tok: SyntaxToken


def _position(sentence: Sentence, token: Token) -> int:
    """Where ``token`` stands in ``sentence.tokens``: a sentence's tokens are consecutive in the
    document, so this is arithmetic, not a scan of the sentence per finding."""
    return token.index - sentence.tokens[0].index


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
        self.document = document
        self.by_start: dict[int, _Node] = {}
        self.by_id: dict[tuple[int, str], _Node] = {}
        self.kids: dict[tuple[int, str], list[_Node]] = {}
        self.loaded: set[int] = set()
        self.token_at = {t.start: t for t in document.tokens}

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


def _titles(document: Document) -> frozenset[int]:
    """Start offsets of words inside «…»: names of programmes and events the author cannot reword."""
    return document.shared(_quoted_word_starts)


def _quoted_word_starts(document: Document) -> frozenset[int]:
    starts: set[int] = set()
    for sentence in document.sentences:
        depth = 0
        for t in sentence.tokens:
            if t.text in ("«", "„"):
                depth += 1
            elif t.text in ("»", "“") and depth:
                depth -= 1
            elif depth and t.is_word:
                starts.add(t.start)
    return frozenset(starts)


def _adjoin(document: Document, start: int, end: int, tokens: Sequence[Token]) -> tuple[int, int]:
    """``[start, end)`` grown by ``tokens`` when they are contiguous and touch it on either side."""
    if not tokens or not _contiguous(document, tokens):
        return start, end
    text = document.text
    if tokens[-1].end <= start and not text[tokens[-1].end:start].strip():
        return tokens[0].start, end
    if tokens[0].start >= end and not text[end:tokens[0].start].strip():
        return start, tokens[-1].end
    return start, end


def _contiguous(document: Document, tokens: Sequence[Token]) -> bool:
    """True when only blanks separate consecutive ``tokens``."""
    return all(not document.text[a.end:b.start].strip() for a, b in zip(tokens, tokens[1:]))


# -- KC201 passive voice -------------------------------------------------------------------

@dataclass
class _Passive:
    verb: Token
    reading: Parse
    reflexive: bool
    lemma: str  # the active verb: «провести», «осуществлять»
    aux: Token | None = None
    agent: Token | None = None
    subject: Token | None = None
    conj: list[Token] = field(default_factory=list)  # passives joined to this one by «и»


def _has_passive_kids(syntax: _Syntax, node: _Node) -> bool:
    return any(k.tok.rel in ("nsubj:pass", "aux:pass") for k in syntax.children(node))


_CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "(", ")", "«", "»", '"'})


def _morph_subject(sentence: Sentence, verb: Token) -> Token | None:
    """The passive subject of a «-ся» verb by morphology, when the sentence was not parsed.

    A noun in the nominative in the verb's clause (no punctuation or other verb
    between), agreeing in number (and gender in the past singular), not after a
    preposition.  Before the verb the leftmost one wins, since the subject opens
    the clause («Председатель каждое утро катается»: not «утро»); failing that,
    the first one after the verb («ведётся статистика»).  An animate subject
    («председатель катается») makes the verb reflexive, not passive: no subject.
    """
    tokens = sentence.tokens
    i = _position(sentence, verb)
    if i + 1 < len(tokens) and tokens[i + 1].pos == "INFN":
        return None  # «рекомендуется разместить»: an impersonal formula, the modality dictionary's
    number = "plur" if "plur" in verb.grammemes else "sing"
    gender = next((g for g in ("masc", "femn", "neut") if g in verb.grammemes), None)

    def nominative(j: int) -> Parse | None:
        for p in tokens[j].parses[:2]:
            g = p.grammemes
            if p.pos != "NOUN" or "nomn" not in g or number not in g:
                continue
            if gender and number == "sing" and gender not in g:
                continue
            return None if _after_preposition(tokens, j) else p
        return None

    found: tuple[int, Parse] | None = None
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(tokens) and tokens[j].text not in _CLAUSE_BREAKS:
            if tokens[j].is_word and tokens[j].pos == "VERB":
                break  # another verb's clause
            reading = nominative(j)
            if reading is not None:
                found = (j, reading)
                if step == 1:
                    break  # after the verb the nearest one
            j += step
        if found is not None:
            break
    if found is None:
        return None
    j, reading = found
    return None if "anim" in reading.grammemes else tokens[j]


def _morph_passive(token: Token) -> tuple[str, bool] | None:
    """The active lemma and whether the form is reflexive, when pymorphy3 reads ``token`` as a passive.

    A superset of what :meth:`PassiveVoice._candidate` accepts with the parse.
    It depends on the written form only, so it is worked out once per form.
    """
    return _form_passive(token.text) if token.parses else None


@lru_cache(maxsize=100_000)
def _form_passive(text: str) -> tuple[str, bool] | None:
    token = Token(0, 0, len(text), text, 0, False)
    if not token.parses:
        return None
    best = token.parses[0]
    prts = _reading(token, "PRTS", "pssv")
    if prts is not None and prts.score >= best.score * 0.9:
        return prts.lemma, False
    if (
        best.pos == "VERB" and token.key.endswith(("ся", "сь")) and "impf" in best.grammemes
        and not best.grammemes & {"1per", "2per", "impr"}
    ):  # the reflexive passive is made of imperfective verbs only: «отказался» is never one
        base = _active_of_reflexive(best.lemma)
        return (base, True) if base is not None else None
    return None


class PassiveVoice(Rule):
    """KC201: the passive hides who acted, and a post is about who acts for the reader.

    A doer in the instrumental («решение принимается комиссией») means the
    active sentence is right there: that is a warning.  Without a doer the
    passive may be fine, so it is only a hint, and short notices («магазин
    закрыт», «приём продлён») and state participles are not flagged at all.
    """

    code = "KC201"
    name = "passive-voice"
    category = "passive"
    severity = Severity.WARNING
    title = "Страдательный залог"
    what = (
        "Страдательный залог: «было проведено», «будут увеличены», «ремонт осуществляется "
        "подрядной организацией», «нами была проведена проверка»."
    )
    why = (
        "Пассив прячет того, кто действует, и делает текст похожим на протокол. Читателю важно, "
        "кто и что сделал для него. Если исполнитель назван («комиссией», «нами»), действительный "
        "залог короче и честнее."
    )
    example = "Нами была проведена проверка. Ремонт осуществляется подрядной организацией."
    instead = "Мы провели проверку. Дорогу ремонтирует подрядчик."
    needs = frozenset({"syntax"})
    short_sentence = 6  # a doer-less passive in a sentence this short is a notice, not a report

    def check(self, document: Document) -> Iterator[Diagnostic]:
        plans = [(s, self._plan(s)) for s in document.sentences]
        plans = [(s, plan) for s, plan in plans if plan is not None]
        if not plans:
            return
        syntax = _syntax(document, [s for s, plan in plans if plan == "parse"])
        for sentence, plan in plans:
            view = syntax if plan == "parse" else _NO_SYNTAX
            n_words = len(sentence.words)
            joined: set[int] = set()  # «поставлена и наряжена»: one finding for the pair
            for token in sentence.tokens:
                if token.start in joined:
                    continue
                found = self._candidate(view, sentence, token)
                if found is None:
                    continue
                found.conj = self._joined(view, sentence, token)
                joined.update(t.start for t in found.conj)
                if found.agent is None and _plain_pair(view, found) is None:
                    if found.lemma in STATE_PARTICIPLES:
                        continue
                    if n_words <= self.short_sentence and not self._told_as_report(found.lemma, found.reflexive, found.aux):
                        continue
                    if found.reflexive and (found.lemma + "ся") in MIDDLE_REFLEXIVES:
                        continue
                yield self._report(document, view, sentence, found)

    # -- detection ----------------------------------------------------------------------
    def _plan(self, sentence: Sentence) -> str | None:
        """``None`` when morphology rules a finding out, ``"parse"`` when only the parse can tell.

        The parse is the costliest step of a lint, so it runs where it changes
        the answer: a possible doer in the instrumental, a :data:`PLAIN_PASSIVES`
        subject, or a «мы» verb that pymorphy3 also reads as a participle
        («доводим»).  A passive with none of these («работы завершены», «запись
        ведётся») is read from morphology alone (``"morph"``): there is no doer to
        name and no rewrite to build, and :func:`_morph_subject` finds the subject
        of a «-ся» passive.
        """
        words = sentence.words
        tokens = sentence.tokens
        plan = None
        for token in tokens:
            found = _morph_passive(token)
            if found is None:
                continue
            lemma, reflexive = found
            role_verb = lemma in ROLE_VERBS
            if any(
                t is not token and _is_agent(t, role_verb) and not _after_preposition(tokens, j)
                for j, t in enumerate(tokens)
            ):  # «с участниками» is not a doer
                return "parse"
            if any((lemma, t.lemma) in PLAIN_PASSIVES for t in words):
                return "parse"
            if lemma in STATE_PARTICIPLES:
                continue
            if len(words) <= self.short_sentence and not self._told_as_report(
                lemma, reflexive, None if reflexive else self._aux(_NO_SYNTAX, sentence, token, None)
            ):
                continue
            if reflexive and (lemma + "ся") in MIDDLE_REFLEXIVES:
                continue
            if (
                not reflexive and token is not words[0]
                and any(p.pos == "VERB" and "1per" in p.grammemes for p in token.parses)
            ):  # «доводим» opening a sentence is the «мы» verb: no passive starts a sentence bare
                return "parse"
            plan = "morph"  # a «-ся» verb without a doer: its subject is found by morphology
        return plan

    @staticmethod
    def _told_as_report(lemma: str, reflexive: bool, aux: Token | None) -> bool:
        """Whether a doer-less passive in a short sentence reports an action rather than a state.

        «Магазин закрыт», «Приём продлён», «Запись ведётся» tell the reader how things
        stand, so short sentences are spared.  An auxiliary «быть» turns the participle
        into an event with a hidden doer («Была произведена замена труб», «Ремонт будет
        осуществлён до конца года»), and the empty report verbs of
        :data:`REPORT_PARTICIPLES` are a report on their own («Произведена замена труб»).
        """
        if reflexive:
            return False
        return aux is not None or lemma in REPORT_PARTICIPLES

    def _candidate(self, syntax: _Syntax, sentence: Sentence, token: Token) -> _Passive | None:
        if not token.parses:
            return None
        best = token.parses[0]
        node = syntax.node(token)
        prts = _reading(token, "PRTS", "pssv")
        first_person = any(p.pos == "VERB" and "1per" in p.grammemes for p in token.parses)
        if first_person and (node is None or node.tok.rel not in ("root", "conj") or not _has_passive_kids(syntax, node)):
            prts = None  # «Доводим до сведения», «ценим»: a «мы» verb, not «доводим» the participle
        if prts is not None and prts.score >= best.score * 0.9:
            found = _Passive(token, prts, False, prts.lemma)
        elif (reflexive := _morph_passive(token)) is not None and reflexive[1]:
            found = _Passive(token, best, True, reflexive[0])
        else:
            return None
        found.agent = self._agent(syntax, sentence, token, node, found)
        found.subject = self._subject(syntax, node)
        if found.reflexive and found.agent is None and found.subject is None and node is not None:
            for kid in syntax.children(node):  # «пострадавшим оказывается помощь»: parsed as nsubj
                t = syntax.token(kid)
                if kid.tok.rel == "nsubj" and t is not None and (found.lemma, t.lemma) in PLAIN_PASSIVES:
                    found.subject = t
        if found.reflexive and found.agent is None and node is None:
            found.subject = _morph_subject(sentence, token)
        if found.reflexive and found.agent is None and found.subject is None:
            return None  # «-ся» without a passive subject or a doer is not shown to be passive
        found.aux = self._aux(syntax, sentence, token, node)
        return found

    def _agent(
        self, syntax: _Syntax, sentence: Sentence, verb: Token, node: _Node | None, found: _Passive
    ) -> Token | None:
        role_verb = found.lemma in ROLE_VERBS
        if node is not None:
            for kid in syntax.children(node):
                if kid.tok.rel not in _AGENT_RELS:
                    continue
                if any(k.tok.rel == "case" for k in syntax.children(kid)):
                    continue
                candidate = syntax.token(kid)
                if candidate is not None and _is_agent(candidate, role_verb):
                    return candidate
        # fallback: pymorphy, only where the parse did not attach the word anywhere sensible
        words = sentence.tokens
        i = verb.index - words[0].index  # a sentence's tokens are consecutive in the document
        for step in (1, -1):
            j = i + step
            seen = 0
            while 0 <= j < len(words) and seen < 5:
                t = words[j]
                if not t.is_word:
                    break  # punctuation closes the clause
                seen += 1
                if t.parses and t.parses[0].pos in ("PREP", "CONJ"):
                    if step == 1:
                        break
                if _is_agent(t, role_verb) and not _after_preposition(words, j):
                    kid = syntax.node(t)
                    if node is None or kid is None or kid.tok.rel in _UNSURE_RELS:
                        return t
                j += step
        return None

    @staticmethod
    def _joined(syntax: _Syntax, sentence: Sentence, verb: Token) -> list[Token]:
        """Short passive participles joined to ``verb`` by «и» or a comma: «поставлена и наряжена».

        Read from the words, not the parse: natasha often hangs the second
        participle on the noun that follows.
        """
        tokens = sentence.tokens
        i = _position(sentence, verb) + 1
        out = []
        while i + 1 < len(tokens) and tokens[i].text in ("и", ","):
            t = tokens[i + 1]
            reading = _reading(t, "PRTS", "pssv")
            best = _best(t)
            if reading is None or best is None or reading.score < best.score * 0.9:
                break
            out.append(t)
            i += 2
        return out

    @staticmethod
    def _subject(syntax: _Syntax, node: _Node | None) -> Token | None:
        if node is None:
            return None
        for kid in syntax.children(node):
            if kid.tok.rel == "nsubj:pass":
                return syntax.token(kid)
        return None

    @staticmethod
    def _aux(syntax: _Syntax, sentence: Sentence, verb: Token, node: _Node | None) -> Token | None:
        if node is not None:
            for kid in syntax.children(node):
                if kid.tok.rel in ("aux:pass", "aux", "cop"):
                    t = syntax.token(kid)
                    if t is not None and t.lemma == "быть":
                        return t
        words = sentence.words
        i = bisect.bisect_left(words, verb.index, key=lambda t: t.index)  # not a scan per verb
        j = i - 1
        while j >= 0 and i - j <= 3 and (words[j].key in _PARTICLES_BEFORE_AUX or words[j].pos == "ADVB"):
            j -= 1  # «будет временно приостановлена», «было уже сделано»
        if j >= 0 and words[j].lemma == "быть" and words[j].pos == "VERB":
            return words[j]
        return None

    # -- report -------------------------------------------------------------------------
    def _report(self, document: Document, syntax: _Syntax, sentence: Sentence, f: _Passive) -> Diagnostic:
        group = sorted([t for t in (f.aux, f.verb) if t is not None], key=lambda t: t.start)
        if len(group) == 2:
            between = sentence.tokens[_position(sentence, group[0]) + 1 : _position(sentence, group[1])]
            if not all(t.is_word and t.pos in ("ADVB", "PRCL") for t in between):
                group = [f.verb]  # «будет временно приостановлена» keeps its adverb, nothing more
        if f.conj:
            group.append(f.conj[-1])
        start, end = group[0].start, group[-1].end
        pronoun = PRONOUN_AGENTS.get(f.agent.key) if f.agent is not None else None
        tense = self._tense(f)
        fix = None
        suggestions: list[str] = []
        if pronoun is not None:
            assert f.agent is not None
            start, end = _adjoin(document, start, end, [f.agent])
            message, rewrite, obj_tokens = self._pronoun_message(f, pronoun, tense, syntax)
            if rewrite and obj_tokens and start <= f.agent.start and f.agent.end <= end:
                whole_start, whole_end = _adjoin(document, start, end, obj_tokens)
                if (whole_start, whole_end) != (start, end):
                    start, end = whole_start, whole_end
                    first = next(t for t in sentence.tokens if t.is_word)
                    capital = first.start == start and document.text[start].isupper()
                    replacement = _capital(rewrite) if capital else rewrite
                    suggestions.append(replacement)
                    if "(" not in replacement:  # «я принял(а)» needs the author to choose
                        fix = Fix(
                            f"Заменить на «{replacement}»", (Edit(start, end, replacement),), Applicability.UNSAFE
                        )
            return self.diagnostic(
                document, start, end, message, fix=fix, suggestions=suggestions, severity=Severity.WARNING
            )
        question = _verb_form(f.lemma, tense, "3per", "sing", "masc") or f.lemma
        if f.agent is not None:
            agent_text, number, gender = self._agent_nominative(syntax, f.agent)
            verb = _active_verbs(f, tense, "3per", number, gender)
            obj = self._object_accusative(syntax, f.subject)
            if verb and agent_text:
                tail = f" {obj}" if obj else "…"
                message = (
                    f"Пассив «{document.text[start:end]}»: исполнитель спрятан в творительном падеже. "
                    f"Кто {question}? Напишите прямо: «{_capital(agent_text)} {verb}{tail}»."
                )
            else:
                message = (
                    f"Пассив «{document.text[start:end]}»: исполнитель спрятан в творительном падеже "
                    f"(«{f.agent.text}»). Сделайте его подлежащим: кто {question}?"
                )
            edit = _active_rewrite(document, syntax, sentence, f, tense)
            if edit is not None:
                suggestions.append(edit.replacement)
                fix = Fix(f"Заменить на «{edit.replacement}»", (edit,), Applicability.UNSAFE)
            return self.diagnostic(
                document, start, end, message, fix=fix, suggestions=suggestions, severity=Severity.WARNING
            )
        plain = _plain_rewrite(document, syntax, sentence, f, tense)
        if plain is not None:
            suggestions.append(plain.replacement)
            fix = Fix(f"Заменить на «{plain.replacement}»", (plain,), Applicability.UNSAFE)
            message = (
                f"Пассив «{document.text[start:end]}»: непонятно, кто {question}. Если исполнитель "
                f"неважен, скажите, как в разговоре: «{plain.replacement}»."
            )
            return self.diagnostic(
                document, start, end, message, fix=fix, suggestions=suggestions, severity=Severity.INFO
            )
        if f.lemma in EMPTY_VERBS:
            message = (
                f"Пассив «{document.text[start:end]}»: непонятно, кто {question}, а сам глагол «{f.lemma}» "
                f"почти ничего не значит. Назовите действие одним глаголом и того, кто его сделал: "
                f"«Мы заменили трубы» вместо «была произведена замена труб»."
            )
            return self.diagnostic(document, start, end, message, severity=Severity.INFO)
        we = _verb_form(f.lemma, tense, "1per", "plur", None)
        they = _verb_form(f.lemma, tense, "3per", "sing", "femn")
        did = {"past": "сделали", "pres": "делаете", "futr": "сделаете"}[tense]
        hint = f" Если это {did} вы, напишите: «Мы {we}…»." if we else ""
        others = f" Если другие — назовите их: «Администрация района {they}…»." if they else ""
        message = f"Пассив «{document.text[start:end]}»: непонятно, кто {question}.{hint}{others}"
        return self.diagnostic(document, start, end, message, severity=Severity.INFO)

    @staticmethod
    def _tense(f: _Passive) -> str:
        if f.reflexive:
            g = f.reading.grammemes
            return "past" if "past" in g else "futr" if "futr" in g else "pres"
        if f.aux is not None and "futr" in f.aux.grammemes:
            return "futr"
        return "past"  # «работы завершены»: a result, told in the past tense

    def _pronoun_message(
        self, f: _Passive, pronoun: str, tense: str, syntax: _Syntax
    ) -> tuple[str, str | None, list[Token]]:
        person, number = {"мы": ("1per", "plur"), "я": ("1per", "sing"), "вы": ("2per", "plur"),
                          "они": ("3per", "plur"), "она": ("3per", "sing")}[pronoun]
        gender = "femn" if pronoun == "она" else None
        verb = _active_verbs(f, tense, person, number, gender)
        if verb and pronoun == "я" and tense == "past":
            verb = verb.replace(" и ", "(а) и ") + "(а)"
        obj_tokens = self._object_tokens(syntax, f.subject)
        obj = self._object_accusative(syntax, f.subject)
        said = f.agent.text if f.agent else pronoun
        yourself = " — исполнитель вы сами" if pronoun in ("мы", "я") else ""
        if verb is None:
            return (
                f"«{said}» с пассивом звучит как протокол{yourself}. Напишите, кто действует: "
                f"«{_capital(pronoun)} …».", None, []
            )
        rewrite = f"{pronoun} {verb}" + (f" {obj}" if obj else "")
        shown = _capital(rewrite) + ("" if obj else "…")
        message = f"«{said}» с пассивом звучит как протокол{yourself}. Напишите прямо: «{shown}»."
        return message, (rewrite if obj else None), obj_tokens

    @staticmethod
    def _agent_nominative(syntax: _Syntax, agent: Token) -> tuple[str | None, str, str | None]:
        """The doer as a subject: «подрядной организацией» → «подрядная организация».

        «Силами волонтёров» names the doer in the genitive: «волонтёры».
        """
        node = syntax.node(agent)
        if agent.lemma == "сила" and node is not None:
            for kid in syntax.children(node):
                t = syntax.token(kid)
                if kid.tok.rel == "nmod" and t is not None and _reading(t, "NOUN", "gent") is not None:
                    return _nominative_phrase(syntax, t, "gent")
        return _nominative_phrase(syntax, agent, "ablt")

    @staticmethod
    def _object_tokens(syntax: _Syntax, subject: Token | None) -> list[Token]:
        if subject is None:
            return []
        node = syntax.node(subject)
        if node is None:
            return [subject]
        tokens = [t for t in (syntax.token(n) for n in _phrase(syntax, node)) if t is not None]
        return tokens if tokens and _contiguous(syntax.document, tokens) else [subject]

    def _object_accusative(self, syntax: _Syntax, subject: Token | None) -> str | None:
        tokens = self._object_tokens(syntax, subject)
        if not tokens or subject is None:
            return None
        head = _reading(subject, "nomn")
        if head is None:
            return None
        words = []
        for t in tokens:
            if t is subject:
                form = _inflect(head, {"accs"})
            elif t.start < subject.start and t.pos in ("ADJF", "PRTF") and _reading(t, "nomn"):
                adjective = _reading(t, "nomn")
                assert adjective is not None
                want = {"accs"}
                if head.grammemes & {"plur", "masc"}:
                    want |= head.grammemes & {"anim", "inan"}
                form = _inflect(adjective, want) or _inflect(adjective, {"accs"})
            else:
                form = t.text
            if form is None:
                return None
            words.append(form)
        if not _is_proper(tokens[0]):
            words[0] = words[0].lower()
        return " ".join(words)


_AGREEING_RELS = frozenset({"amod", "det", "flat", "flat:name", "nummod"})


def _nominative_phrase(syntax: _Syntax, head: Token, case: str) -> tuple[str | None, str, str | None]:
    """``head`` with its phrase, the head and its agreeing words put from ``case`` into the nominative."""
    reading = _reading(head, "NOUN", case) or _reading(head, case)
    if reading is None:
        return None, "sing", None
    number = "plur" if "plur" in reading.grammemes else "sing"
    gender = next((g for g in ("masc", "femn", "neut") if g in reading.grammemes), None)
    node = syntax.node(head)
    nodes = _phrase(syntax, node) if node is not None else []
    tokens = [t for t in (syntax.token(n) for n in nodes) if t is not None]
    if not tokens or not _contiguous(syntax.document, tokens):
        nodes, tokens = [], [head]
    agreeing = {head.start}
    for n in nodes:  # words agreeing with the head, and the parts of a name («Иваном Петровым»)
        parent = syntax.head(n)
        if n.tok.rel in _AGREEING_RELS and parent is not None and parent.tok.start in agreeing:
            agreeing.add(n.tok.start)
    words = []
    for t in tokens:
        if t is head:
            form = _inflect(reading, {"nomn"})
        elif t.start in agreeing and _reading(t, case) is not None:
            form = _inflect(_reading(t, case), {"nomn"})  # type: ignore[arg-type]
        else:
            form = t.text
        if form is None:
            return None, number, gender
        words.append(_keep_capital(t.text, form))
    return " ".join(words), number, gender


def _keep_capital(source: str, form: str) -> str:
    return form[:1].upper() + form[1:] if source[:1].isupper() and source[1:2].islower() else form


_PHRASE_RELS = frozenset({"amod", "det", "nmod", "flat", "flat:name", "flat:foreign", "nummod", "compound"})


def _phrase(syntax: _Syntax, node: _Node) -> list[_Node]:
    """A noun with its modifiers and genitives, without prepositional attachments
    («библиотекой имени Пушкина», not «… при поддержке администрации»)."""
    out = [node]
    stack = [node]
    seen = {node.tok.id}
    while stack:
        for kid in syntax.children(stack.pop()):
            if kid.tok.rel not in _PHRASE_RELS or kid.tok.id in seen:
                continue
            seen.add(kid.tok.id)
            if any(k.tok.rel == "case" for k in syntax.children(kid)):
                continue
            token = syntax.token(kid)
            if token is None or token.pos in _VERB_POS:
                continue  # «… наряжена ёлка»: a participle the parse hung on the noun
            out.append(kid)
            stack.append(kid)
    return sorted(out, key=lambda n: n.tok.start)


def _active_verbs(f: _Passive, tense: str, person: str, number: str, gender: str | None) -> str | None:
    """The active form of the passive and of the participles joined to it: «поставили и нарядили»."""
    forms = [_verb_form(f.lemma, tense, person, number, gender)]
    for t in f.conj:
        reading = _reading(t, "PRTS", "pssv")
        forms.append(_verb_form(reading.lemma, tense, person, number, gender) if reading else None)
    if any(form is None for form in forms):
        return None
    return " и ".join(forms)  # type: ignore[arg-type]


def _is_proper(token: Token) -> bool:
    return bool(token.grammemes & {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"})


def _active_of_reflexive(lemma: str) -> str | None:
    """«осуществляться» → «осуществлять» when the verb without «-ся» is transitive."""
    if lemma.endswith(("ся", "сь")):
        base = lemma[:-2]
    else:
        return None
    inf = _infinitive(base)
    if inf is None or "tran" not in inf.grammemes or not _is_known(base):
        return None
    return base


def _is_agent(token: Token, role_verb: bool) -> bool:
    """An instrumental that can be the doer: a person, a body, «нами» — not «летом» or «медалью»."""
    if not token.is_word:
        return False
    if token.key in PRONOUN_AGENTS:
        best = _best(token)
        return best is not None and "ablt" in best.grammemes
    best = _best(token)
    if best is None or best.pos != "NOUN":
        return False
    capitalised = token.text[:1].isupper()
    readings = [
        p for p in token.parses
        if p.pos == "NOUN" and "ablt" in p.grammemes
        and (capitalised or not p.grammemes & {"Name", "Surn", "Patr"})  # «цветами» is not Цвета
    ]
    share = sum(p.score for p in readings)
    if share < 0.3:
        return False
    if any(p.lemma in NOT_AGENTS for p in readings):
        return False
    if any(p.lemma in ORGANISATIONS for p in readings):
        return True
    if role_verb:
        return False
    return sum(p.score for p in readings if "anim" in p.grammemes) >= share / 2


def _after_preposition(tokens: Sequence[Token], i: int) -> bool:
    """«с подрядной организацией»: an instrumental after a preposition is not a doer."""
    j = i - 1
    while j >= 0 and tokens[j].is_word and tokens[j].pos in ("ADJF", "PRTF", "NUMR"):
        j -= 1
    return j >= 0 and tokens[j].pos == "PREP"


# -- KC201 rewrites ------------------------------------------------------------------------

# Doer-less passives a post says in the third person plural, the natural Russian for an
# unknown doer: «жителям будет оказана помощь» → «жителям помогут».
# (active lemma of the participle, lemma of its subject) → (verb, the subject stays as the
# object, a dative recipient may stay: «помогут жителям», not «поддержат семьям»).
PLAIN_PASSIVES: dict[tuple[str, str], tuple[str, bool, bool]] = {
    ("оказать", "помощь"): ("помочь", False, True),
    ("оказывать", "помощь"): ("помогать", False, True),
    ("оказать", "содействие"): ("помочь", False, True),
    ("оказать", "поддержка"): ("поддержать", False, False),
    ("оказывать", "поддержка"): ("поддерживать", False, False),
    ("провести", "проверка"): ("проверить", False, False),
    ("проводить", "проверка"): ("проверять", False, False),
    ("принять", "мера"): ("принять", True, True),
    ("принимать", "мера"): ("принимать", True, True),
    ("принять", "решение"): ("принять", True, True),
    ("обеспечить", "доступ"): ("открыть", True, True),
    ("выделить", "средство"): ("выделить", True, True),
}

_COORDINATORS = frozenset({"и", "или", "либо", "а"})
_AFTER_OBJECT_RELS = frozenset({"obl", "iobj"})


def _plain_pair(syntax: _Syntax, f: _Passive) -> tuple[str, bool, bool] | None:
    """The table entry for a doer-less passive whose subject the parse shows plainly."""
    if f.agent is not None or f.subject is None or f.conj:
        return None
    subject = syntax.node(f.subject)
    verb = syntax.node(f.verb)
    if subject is None or verb is None:
        return None
    if subject.tok.rel != "nsubj:pass" and not (f.reflexive and subject.tok.rel == "nsubj"):
        return None
    if subject.tok.head_id != verb.tok.id or _reading(f.subject, "NOUN", "nomn") is None:
        return None
    return PLAIN_PASSIVES.get((f.lemma, f.subject.lemma))


def _tree_tokens(syntax: _Syntax, node: _Node) -> list[Token] | None:
    """The words of ``node``'s subtree, or ``None`` unless they are contiguous plain words."""
    nodes = syntax.subtree(node)
    tokens = [syntax.token(n) for n in nodes]
    if any(t is None for t in tokens):
        return None
    words = [t for t in tokens if t is not None]
    if any(not t.is_word or t.protected for t in words) or not _contiguous(syntax.document, words):
        return None
    if any(n.tok.rel in ("conj", "cc", "punct", "acl", "acl:relcl") for n in nodes[1:] if n is not node):
        return None
    return words


def _coordinated(sentence: Sentence, tokens: Sequence[Token]) -> bool:
    """«главой района и губернатором»: a word list joined by «и» or a comma on either side."""
    all_tokens = sentence.tokens
    i = _position(sentence, tokens[0])
    j = _position(sentence, tokens[-1])
    before = all_tokens[i - 1] if i > 0 else None
    after = all_tokens[j + 1] if j + 1 < len(all_tokens) else None
    if after is not None and (after.key in _COORDINATORS or after.text == ","):
        k = j + 2 if after.text == "," else j + 1
        while k < len(all_tokens) and all_tokens[k].key in _COORDINATORS | {"также"}:
            k += 1
        nxt = all_tokens[k] if k < len(all_tokens) else None
        if nxt is not None and nxt.parses and nxt.parses[0].pos in ("NOUN", "ADJF", "NPRO", "PRTF"):
            return True  # «главой района и губернатором», «отделом, а также комиссией»
    return before is not None and before.key in _COORDINATORS and i > 1 and all_tokens[i - 2].is_word


def _span_words(document: Document, sentence: Sentence, start: int, end: int) -> list[Token] | None:
    """Words inside ``[start, end)``; ``None`` when punctuation or protected text is among them."""
    tokens = sentence.tokens
    inside = []
    k = bisect.bisect_left(tokens, start, key=_token_start)  # not a scan of the sentence per phrase
    while k < len(tokens) and tokens[k].end <= end:
        inside.append(tokens[k])
        k += 1
    if any(not t.is_word or t.protected for t in inside):
        return None
    return inside


def _sentence_initial(document: Document, sentence: Sentence, token: Token) -> bool:
    first = next((t for t in sentence.tokens if t.is_word), None)
    return first is not None and first.start == token.start and document.text[token.start].isupper()


def _lower_initial(document: Document, sentence: Sentence, token: Token, text: str) -> str:
    """The author's capital at the sentence start moves with the sentence start, not with the word."""
    if _sentence_initial(document, sentence, token) and not _is_proper(token) and token.text[1:2].islower():
        return text[:1].lower() + text[1:]
    return text


def _accusative_tree(syntax: _Syntax, subject: Token, tokens: Sequence[Token]) -> str | None:
    """The old subject as the object: the head and the words agreeing with it go to the accusative."""
    head = _reading(subject, "NOUN", "nomn")
    node = syntax.node(subject)
    if head is None or node is None:
        return None
    words = []
    for t in tokens:
        n = syntax.node(t)
        if n is None:
            return None
        if t is subject:
            form = _inflect(head, {"accs"})
        elif n.tok.head_id == node.tok.id and n.tok.rel in ("amod", "det", "flat:name", "flat"):
            reading = _reading(t, "nomn")
            if reading is None:
                return None
            want = {"accs"}
            if reading.pos in ("ADJF", "PRTF", "NPRO") and head.grammemes & {"plur", "masc"}:
                want |= head.grammemes & {"anim", "inan"}
            form = _inflect(reading, want) or _inflect(reading, {"accs"})
        elif n.tok.head_id == node.tok.id and n.tok.rel == "nummod":
            return None  # «два мероприятия»: the numeral governs the noun
        else:
            form = t.text
        if form is None:
            return None
        words.append(_keep_capital(t.text, form) if t.text[:1].isupper() else form)
    return " ".join(words)


def _movers(
    syntax: _Syntax, verb: _Node, strays: Sequence[Token]
) -> tuple[list[list[Token]], list[list[Token]]] | None:
    """Words between the reordered parts: adverbs go before the verb, phrases after the object.

    Each stray word must belong to a whole, contiguous dependent of the verb
    that lies inside the span; anything else (a word the parse hung elsewhere)
    means the clause cannot be rebuilt safely.
    """
    before: list[list[Token]] = []
    after: list[list[Token]] = []
    left = {t.start for t in strays}
    for t in strays:
        if t.start not in left:
            continue
        node = syntax.node(t)
        steps = 0
        while node is not None and node.tok.head_id != verb.tok.id and steps < 20:
            node = syntax.head(node)
            steps += 1
        if node is None or node.tok.head_id != verb.tok.id:
            return None
        group = _tree_tokens(syntax, node)
        if group is None or any(g.start not in left for g in group):
            return None
        left -= {g.start for g in group}
        top = syntax.token(node)
        if node.tok.rel == "advmod" and top is not None and (top.pos == "ADVB" or top.key == "не") and len(group) == 1:
            before.append(group)
        elif node.tok.rel in _AFTER_OBJECT_RELS and any(_is_noun(g) for g in group):
            after.append(group)
        else:
            return None
    return before, after


def _shares_clause(syntax: _Syntax, verb: _Node, f: _Passive) -> bool:
    """Another clause leans on this verb or its subject, so reordering would break it.

    «…администрацией, а концерт — школой» shares the verb; «…проведено
    администрацией и понравилось жителям» shares the subject.  A joined clause
    with its own subject («…, и все остались довольны») is independent.
    """
    joined = {t.start for t in f.conj}
    for kid in syntax.children(verb):
        if kid.tok.rel in ("orphan", "parataxis"):
            return True
        if kid.tok.rel == "conj" and kid.tok.start not in joined:
            t = syntax.token(kid)
            own = {k.tok.rel for k in syntax.children(kid)}
            if t is None or not _is_verb_like(t) or "orphan" in own or not own & {"nsubj", "nsubj:pass"}:
                return True
    return False


def _verb_group(sentence: Sentence, f: _Passive) -> list[Token] | None:
    """The auxiliary, the participle and one participle joined by «и»: «была поставлена и наряжена»."""
    group = [t for t in (f.aux, f.verb) if t is not None]
    if len(f.conj) > 1:
        return None
    if f.conj:
        tokens = sentence.tokens
        i = _position(sentence, f.verb)
        if tokens[i + 1].key != "и" or tokens[i + 2] is not f.conj[0]:
            return None
        group += [tokens[i + 1], f.conj[0]]
    return group


def _active_rewrite(
    document: Document, syntax: _Syntax, sentence: Sentence, f: _Passive, tense: str
) -> Edit | None:
    """«Мероприятие было проведено администрацией района» → «Администрация района провела мероприятие»."""
    if f.agent is None or f.subject is None or f.lemma in ROLE_VERBS or not _is_noun(f.subject):
        return None
    verb, agent, subject = syntax.node(f.verb), syntax.node(f.agent), syntax.node(f.subject)
    if verb is None or agent is None or subject is None:
        return None
    if agent.tok.head_id != verb.tok.id or agent.tok.rel not in ("obl", "obl:agent"):
        return None  # the doer came from the fallback, not from the parse
    if subject.tok.head_id != verb.tok.id or subject.tok.rel != "nsubj:pass":
        return None
    if any(k.tok.rel in ("conj", "cc") for n in (agent, subject) for k in syntax.children(n)):
        return None
    if _shares_clause(syntax, verb, f):
        return None
    agent_nodes = _phrase(syntax, agent)
    words_below = [n for n in syntax.subtree(agent) if (t := syntax.token(n)) is None or t.is_word]
    if len(agent_nodes) != len(words_below):  # an emoji the parse hung on the doer does not count
        return None  # «комитетом по культуре»: a prepositional part of the doer's name
    agent_tokens = [t for t in (syntax.token(n) for n in agent_nodes) if t is not None]
    subject_tokens = _tree_tokens(syntax, subject)
    group = _verb_group(sentence, f)
    if not agent_tokens or not _contiguous(document, agent_tokens) or subject_tokens is None or group is None:
        return None
    if _coordinated(sentence, agent_tokens) or _coordinated(sentence, subject_tokens):
        return None
    units = [*agent_tokens, *subject_tokens, *group]
    start, end = min(t.start for t in units), max(t.end for t in units)
    words = _span_words(document, sentence, start, end)
    if words is None:
        return None
    taken = {t.start for t in units}
    moved = _movers(syntax, verb, [t for t in words if t.start not in taken])
    if moved is None:
        return None
    before, after = moved
    agent_text, number, gender = PassiveVoice._agent_nominative(syntax, f.agent)
    verbs = _active_verbs(f, tense, "3per", number, gender)
    obj = _accusative_tree(syntax, f.subject, subject_tokens)
    if agent_text is None or verbs is None or obj is None:
        return None
    obj = _lower_initial(document, sentence, subject_tokens[0], obj)
    parts = [agent_text]
    parts += [" ".join(t.text for t in g) for g in before]
    parts += [verbs, obj]
    parts += [" ".join(t.text for t in g) for g in after]
    replacement = " ".join(parts)
    if _sentence_initial(document, sentence, words[0]):
        replacement = _capital(replacement)
    return Edit(start, end, replacement)


def _plain_rewrite(
    document: Document, syntax: _Syntax, sentence: Sentence, f: _Passive, tense: str
) -> Edit | None:
    """«Жителям будет оказана помощь» → «Жителям помогут»: an unknown doer, said as people say it."""
    pair = _plain_pair(syntax, f)
    verb = syntax.node(f.verb)
    if pair is None or verb is None or f.subject is None:
        return None
    lemma, keeps_object, dative_ok = pair
    subject = syntax.node(f.subject)
    if subject is None or _shares_clause(syntax, verb, f):
        return None
    if not dative_ok:
        for kid in syntax.children(verb):
            t = syntax.token(kid)
            if kid.tok.rel in ("iobj", "obl") and t is not None and _reading(t, "datv") is not None:
                if not any(k.tok.rel == "case" for k in syntax.children(kid)):
                    return None  # «семьям будет оказана поддержка»: «поддержат семьи», not «семьям»
    if keeps_object:
        head = _reading(f.subject, "NOUN", "nomn")
        if head is None or "inan" not in head.grammemes or not head.grammemes & {"plur", "masc", "neut"}:
            return None  # the object must read the same in the accusative
        obj_tokens = _tree_tokens(syntax, subject)
    else:
        kids = [k for k in syntax.children(subject) if k.tok.rel != "punct"]
        if any(not any(g.tok.rel == "case" for g in syntax.children(k)) for k in kids):
            return None  # «оказана медицинская помощь», «проверка документов»: the noun cannot vanish
        obj_tokens = [f.subject]
    if obj_tokens is None:
        return None
    negation = [
        t for t in (syntax.token(k) for k in syntax.children(verb)) if t is not None and t.key == "не"
    ]
    units = [t for t in (f.aux, f.verb) if t is not None] + list(obj_tokens)
    start, end = min(t.start for t in units), max(t.end for t in units)
    negation = [t for t in negation if start <= t.start < end]
    words = _span_words(document, sentence, start, end)
    if words is None or {t.start for t in words} != {t.start for t in units + negation}:
        return None
    form = _verb_form(lemma, tense, "3per", "plur", None)
    if form is None:
        return None
    parts = (["не"] if negation else []) + [form]
    if keeps_object:
        parts.append(_lower_initial(document, sentence, obj_tokens[0], " ".join(t.text for t in obj_tokens)))
    replacement = " ".join(parts)
    if _sentence_initial(document, sentence, words[0]):
        replacement = _capital(replacement)
    return Edit(start, end, replacement)


# -- KC202 genitive chains -----------------------------------------------------------------

def _plausible_genitive(token: Token) -> bool:
    """A noun whose genitive reading is believable after another noun.

    The best reading need not be genitive («территории» is scored locative
    first), but the genitive readings together must carry a fair share.
    """
    if _pos_share(token, "NOUN") < 0.5:
        return False
    share = sum(p.score for p in token.parses if p.pos == "NOUN" and p.grammemes & {"gent", "gen2"})
    best = _best(token)
    return share >= 0.2 or (best is not None and bool(best.grammemes & {"gent", "gen2"}))


def _genitive_modifier(token: Token) -> bool:
    if token.pos not in ("ADJF", "PRTF"):
        return False
    return _reading(token, "gent") is not None


class GenitiveChain(Rule):
    """KC202: a string of genitives makes the reader unpack nouns to find the action.

    ``min_chain`` is the number of genitive nouns that follow the head noun:
    with the default 3, «обеспечение безопасности движения населения» (three
    genitives after «обеспечение») is flagged, while «глава администрации
    района» (two) is the ordinary name of an office and is left alone.
    Agreeing adjectives and participles may stand between the nouns.
    Punctuation, prepositions, conjunctions, numbers and verbs end a chain.
    """

    code = "KC202"
    name = "genitive-chain"
    category = "genitive-chain"
    severity = Severity.WARNING
    title = "Цепочка родительных падежей"
    what = "Три и больше существительных в родительном падеже подряд: «обеспечения безопасности дорожного движения населения района»."
    why = (
        "Каждое следующее слово в родительном падеже зависит от предыдущего, и читатель держит в "
        "голове всю цепочку, пока не доберётся до смысла. Действие при этом спрятано в "
        "существительном."
    )
    example = "Проведены мероприятия для обеспечения безопасности дорожного движения населения района."
    instead = "Мы сделали дороги в районе безопаснее: …"
    min_chain = 3
    options = {"min-chain": "min_chain"}

    def check(self, document: Document) -> Iterator[Diagnostic]:
        titles = _titles(document)
        min_chain = self.setting(document, "min-chain")
        for sentence in document.sentences:
            tokens = [t for t in sentence.tokens if t.start not in titles]
            for chain in self._chains(tokens):
                if len(chain) - 1 < min_chain:
                    continue
                first, last = chain[0], chain[-1]
                n = len(chain) - 1
                message = (
                    f"{plural(n, 'существительное', 'существительных', 'существительных')} в родительном "
                    f"падеже подряд: «{document.text[first.start:last.end]}». Читатель теряет нить. "
                    f"Назовите действие глаголом и уберите лишние звенья: «чтобы на дорогах было "
                    f"безопасно» вместо «обеспечения безопасности дорожного движения»."
                )
                yield self.diagnostic(document, first.start, last.end, message)

    @staticmethod
    def _chains(tokens: Sequence[Token]) -> Iterator[list[Token]]:
        chain: list[Token] = []
        pending = 0  # modifiers seen after the last chain noun
        for token in tokens:
            if chain and token.is_word and _genitive_modifier(token) and pending < 3 and not _is_noun(token):
                pending += 1
                continue
            if chain and token.is_word and _is_noun(token) and _plausible_genitive(token) and not token.protected:
                chain.append(token)
                pending = 0
                continue
            if len(chain) > 1:
                yield chain
            chain, pending = [], 0
            if token.is_word and _is_noun(token) and not token.protected:
                chain = [token]
            elif token.is_word and _genitive_modifier(token):
                # a modifier before the head noun: the head starts at the next noun
                chain = []
        if len(chain) > 1:
            yield chain


# -- KC203 noun-heavy sentences ------------------------------------------------------------

class NounHeavySentence(Rule):
    """KC203: a sentence of nouns reads like a register entry; verbs carry the action.

    Two signals, one finding per sentence: nouns far outnumbering verbs
    (at least ``min_nouns`` nouns and ``ratio`` × (verbs + 1)), and
    ``min_verbal_nouns`` or more verbal nouns (see :func:`is_verbal_noun`).
    """

    code = "KC203"
    name = "noun-heavy-sentence"
    category = "verbal-noun"
    severity = Severity.INFO
    title = "Предложение из одних существительных"
    what = "Предложение, где существительных намного больше, чем глаголов, или много отглагольных существительных: «проведение», «обеспечение», «реализация»."
    why = (
        "Действие, спрятанное в существительном, читается медленнее: «осуществление контроля за "
        "выполнением» вместо «проверяем, как выполняют». Глагол сразу говорит, кто и что делает."
    )
    example = (
        "Осуществление контроля за проведением работ по благоустройству территории и обеспечение "
        "содержания дорог возложено на администрацию района."
    )
    instead = "Администрация района следит, как благоустраивают улицы и чистят дороги."
    lexical = False
    min_nouns = 8
    ratio = 4
    min_verbal_nouns = 3
    options = {"min-nouns": "min_nouns", "ratio": "ratio", "min-verbal-nouns": "min_verbal_nouns"}

    def check(self, document: Document) -> Iterator[Diagnostic]:
        min_nouns, ratio = self.setting(document, "min-nouns"), self.setting(document, "ratio")
        min_verbal_nouns = self.setting(document, "min-verbal-nouns")
        titles = _titles(document)
        for sentence in document.sentences:
            words = [t for t in sentence.tokens if t.is_word and not t.protected and t.start not in titles]
            if not words:
                continue
            nouns = _weighted_nouns(sentence.tokens, titles)
            verbs = sum(1 for t in words if _is_verb_like(t))
            verbal = [t for t in words if is_verbal_noun(t)]
            heavy = nouns >= min_nouns and nouns >= ratio * (verbs + 1)
            many_verbal = len(verbal) >= min_verbal_nouns
            if not heavy and not many_verbal:
                continue
            kept = [t for t in sentence.tokens if not t.protected]  # no emoji or hashtags at the edges
            start, end = kept[0].start, kept[-1].end
            parts = []
            if heavy:
                verb_part = (
                    "ни одного глагола" if verbs == 0
                    else plural(verbs, "глагол", "глагола", "глаголов")
                )
                parts.append(
                    f"{plural(nouns, 'существительное', 'существительных', 'существительных')} и {verb_part}"
                )
            if many_verbal:
                listed = ", ".join(f"«{t.text}»" for t in verbal[:5]) + ("…" if len(verbal) > 5 else "")
                parts.append(
                    f"{plural(len(verbal), 'отглагольное существительное', 'отглагольных существительных', 'отглагольных существительных')} ({listed})"
                )
            message = (
                f"{_capital('; '.join(parts))}: предложение читается как справка. Верните действие "
                f"глаголам: «проверяем, как идёт ремонт» вместо «осуществление контроля за "
                f"проведением ремонта»."
            )
            yield self.diagnostic(document, start, end, message)


_LIST_JOINERS = frozenset({"и", "или", "либо", "а"})


def _weighted_nouns(tokens: Sequence[Token], titles: frozenset[int]) -> int:
    """Nouns that weigh on a reader; a list of bare items counts as one.

    «концерт, ярмарка, мастер-классы и салют» is an inventory, easy to read;
    the heaviness канцелярит brings is nouns governing nouns.  The sentence is
    cut at punctuation and «и/или/а»; a run of pieces that hold one noun each
    and no preposition or verb is one list and counts once.
    """
    pieces: list[list[Token]] = [[]]
    for t in tokens:
        if not t.is_word or t.key in _LIST_JOINERS:
            if pieces[-1]:
                pieces.append([])
            continue
        if not t.protected and t.start not in titles:
            pieces[-1].append(t)
    total = 0
    in_list = False
    for piece in pieces:
        nouns = sum(1 for t in piece if _is_noun(t))
        bare = nouns == 1 and not any(
            t.pos in ("PREP", "NPRO") or _is_verb_like(t) for t in piece
        )
        if bare:
            if not in_list:
                total += 1
            in_list = True
        else:
            total += nouns
            in_list = False if nouns else in_list
    return total


# -- KC204 stacked participles -------------------------------------------------------------

class StackedParticiples(Rule):
    """KC204: participial clauses stack up the sentence and push the point to its end.

    Two or more participles with their own dependents in one sentence, or a
    single participle that governs a verbal noun («направленных на
    обеспечение…»), which starts a chain of actions no one performs.

    Morphology is enough here, without the parse: a participle opens a clause
    when the next words are a preposition or a noun it does not agree with
    («направленные на…», «проводимые администрацией»), and the clause runs to
    the next punctuation mark (Russian sets a postposed clause off with commas)
    or to the noun a preposed clause describes.
    """

    code = "KC204"
    name = "stacked-participles"
    category = "verbal-noun"
    severity = Severity.INFO
    title = "Нагромождение причастных оборотов"
    what = "Два и больше причастных оборота в одном предложении или оборот вроде «направленных на обеспечение…»."
    why = (
        "Причастный оборот — книжная конструкция: читатель должен удержать определяемое слово, "
        "пока дочитывает оборот. Два оборота подряд или оборот с отглагольным существительным "
        "превращают пост в документ."
    )
    example = "Мероприятия, направленные на обеспечение безопасности, проводимые администрацией, завершены."
    instead = "Администрация закончила работы. Теперь на улицах безопаснее."
    lexical = False
    max_clause_words = 12

    def check(self, document: Document) -> Iterator[Diagnostic]:
        for sentence in document.sentences:
            clauses = [c for c in (self._clause(sentence, t) for t in self._participles(sentence)) if c]
            if not clauses:
                continue
            if len(clauses) >= 2:
                start = min(c[1] for c in clauses)
                end = max(c[2] for c in clauses)
                listed = ", ".join(f"«{c[0].text}»" for c in clauses[:4])
                message = (
                    f"{plural(len(clauses), 'причастный оборот', 'причастных оборота', 'причастных оборотов')} "
                    f"в одном предложении ({listed}). Разбейте предложение или замените обороты "
                    f"глаголами: «которые…», «чтобы…», «мы сделали…»."
                )
                yield self.diagnostic(document, start, end, message)
                continue
            participle, start, end, verbal = clauses[0]
            if verbal is None:
                continue
            message = (
                f"Оборот «{document.text[start:end]}»: причастие тянет за собой отглагольное "
                f"существительное «{verbal.text}». Напишите глаголом: «чтобы…», «которые помогут…»."
            )
            yield self.diagnostic(document, start, end, message)

    @staticmethod
    def _participles(sentence: Sentence) -> list[Token]:
        out = []
        for token in sentence.words:
            best = _best(token)
            if not token.protected and best is not None and best.pos == "PRTF":
                out.append(token)
        return out

    def _clause(self, sentence: Sentence, token: Token) -> tuple[Token, int, int, Token | None] | None:
        """The participle, its clause span and the verbal noun it governs, if it heads a clause."""
        governed = _governed_noun(sentence, token)
        if governed is None:
            return None
        reading = _best(token)
        assert reading is not None
        agree = reading.grammemes & (set(_NOUN_CASES) | {"sing", "plur"})
        tokens = sentence.tokens
        i = _position(sentence, governed)
        end = governed.end
        words = 0
        for t in tokens[i + 1:]:
            if not t.is_word or words >= self.max_clause_words:
                break  # punctuation closes a postposed clause
            best = _best(t)
            if best is None or best.pos in ("VERB", "PRTF", "PRTS", "GRND", "CONJ") and t.key not in ("и", "или"):
                break  # a verb or another participle starts the next part of the sentence
            if best.pos == "NOUN" and agree and agree <= best.grammemes:
                break  # «направленные на обеспечение безопасности меры»: the noun the clause describes
            end = t.end
            words += 1
        verbal = governed if is_verbal_noun(governed) else None
        return token, token.start, end, verbal


def _governed_noun(sentence: Sentence, participle: Token) -> Token | None:
    """The noun right after a participle that the participle governs, by morphology alone."""
    tokens = sentence.tokens
    i = _position(sentence, participle) + 1
    reading = _best(participle)
    assert reading is not None
    cases = reading.grammemes & set(_NOUN_CASES)
    preposition = False
    while i < len(tokens) and tokens[i].is_word:
        t = tokens[i]
        best = _best(t)
        if best is None:
            return None
        if best.pos == "PREP" and not preposition:
            preposition = True
        elif best.pos in ("ADJF", "PRTF", "NUMR") or (best.pos == "ADVB" and not preposition):
            pass
        elif best.pos in ("NOUN", "NPRO"):
            if preposition or not (best.grammemes & cases):
                return t
            return None  # «прошедшие выходные»: the noun the participle agrees with
        else:
            return None
        i += 1
    return None


RULES = [PassiveVoice, GenitiveChain, NounHeavySentence, StackedParticiples]
