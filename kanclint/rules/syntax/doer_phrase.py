"""The doer of a passive as a noun phrase, and that phrase put into the nominative to be the new subject
(«подрядной организацией» → «подрядная организация», «депутатом Ольгой Смирновой» → «депутат Ольга Смирнова»)."""

from __future__ import annotations

from kanclint.rules.syntax.morph import _inflect, _reading, surname_after_name
from kanclint.rules.syntax.spans import _contiguous
from kanclint.rules.syntax.words import _VERB_POS
from kanclint.text.document import Sentence, Token
from kanclint.text.inflection import keep_capital
from kanclint.text.morphology import Parse, parse
from kanclint.text.syntax_view import _Node, _Syntax

_AGREEING_RELS = frozenset({"amod", "det", "flat", "flat:name", "nummod"})


def _nominative_phrase(syntax: _Syntax, head: Token, case: str) -> tuple[str | None, str, str | None]:
    """``head`` with its phrase, the head and its agreeing words put from ``case`` into the nominative."""
    reading = _reading(head, "NOUN", case) or _reading(head, case)
    if reading is None or "Fixd" in reading.grammemes:
        return None, "sing", None  # «жюри»: an indeclinable doer does not show its number
    number = "plur" if "plur" in reading.grammemes else "sing"
    gender = next((g for g in ("masc", "femn", "neut") if g in reading.grammemes), None)
    node = syntax.node(head)
    nodes = _phrase(syntax, node, doer=_third_person(syntax), no_dative=True) if node is not None else []
    tokens = [t for t in (syntax.token(n) for n in nodes) if t is not None]
    if not tokens or not _contiguous(syntax.document, tokens):
        nodes, tokens = [], [head]
    if case != "nomn" and any(t is not head and (t.pos == "NUMR" or t.text[:1].isdigit()) for t in tokens):
        return None, number, gender  # «силами двух караулов»: a count governs its noun's case («два караула»)
    agreeing = {head.start}
    named = None  # «депутатом Ольгой Смирновой»: the name tells the person's sex, not the title
    for n in nodes:  # words agreeing with the head, and the parts of a name («Иваном Петровым»)
        parent = syntax.head(n)
        name = _name_apposition(syntax, n, case)
        if parent is not None and parent.tok.start in agreeing and (
                n.tok.rel in _AGREEING_RELS or surname_after_name(syntax.token(n), syntax.token(parent), case) or name):
            agreeing.add(n.tok.start)
            named = named or name
    words = []
    for t in tokens:
        if t is head:
            form = _inflect(reading, {"nomn"})
        elif t.start in agreeing and _reading(t, case) is not None:
            agrees = [p for p in t.parses if case in p.grammemes and number in p.grammemes
                      and (number == "plur" or gender is None or gender in p.grammemes)]
            if t.text[:1].islower():  # «духовым оркестром»: «духовой», not the surname «Духов» nor «духов» (whose)
                agrees.sort(key=lambda p: (p.pos != "ADJF", "Poss" in p.grammemes))
            form = _inflect(agrees[0] if agrees else _reading(t, case), {"nomn"})  # type: ignore[arg-type]
            # «дорожным управлением» → «дорожное управление»: the adjective takes the noun's gender
        else:
            form = t.text
        if form is None:
            return None, number, gender
        words.append(keep_capital(t.text, form))
    # the author's own gaps: «МУП «Водоканал»» keeps its quote marks where they stood
    text = words[0] + "".join(
        (" " if syntax.document.text[a.end:b.start] else "") + w for a, b, w in zip(tokens, tokens[1:], words[1:]))
    if named is not None and number == "sing":
        gender = next((g for g in ("masc", "femn") if g in named.grammemes), gender)
    return text, number, gender


def _name_apposition(syntax: _Syntax, node: _Node, case: str) -> Parse | None:
    """The reading of a personal name set beside a title in the title's case («директором Анной
    Беловой»)."""
    token = syntax.token(node)
    if node.tok.rel != "appos" or token is None or not token.text[:1].isupper():
        return None
    return _reading(token, "Name", case) or _reading(token, "Surn", case)


_PHRASE_RELS = frozenset({"amod", "det", "nmod", "flat", "flat:name", "flat:foreign", "nummod", "compound"})
# «ОМВД России по Садовому району», «Управлением Росреестра по области»: the territory is part of the name
_TERRITORIES = frozenset({"район", "область", "край", "округ", "республика", "город", "городской"})
_TERRITORY_RELS = frozenset({"case", "amod", "flat", "flat:name", "appos", "nmod"})


def _phrase(syntax: _Syntax, node: _Node, doer: bool = False, no_dative: bool = False) -> list[_Node]:
    """A noun with its modifiers and genitives, without prepositional attachments
    («библиотекой имени Пушкина», not «… при поддержке администрации»).

    ``doer``: the name of a body as a whole, its quoted name with its marks («МУП «Водоканал»») and
    its territory («ОМВД России по Садовому району»), which a rewrite carries over as written.
    ``no_dative``: a doer's phrase, which a bare dative never belongs to (:func:`_bare_dative`)."""
    out = [node]
    stack = [node]
    seen = {node.tok.id}
    while stack:
        for kid in syntax.children(stack.pop()):
            named = _name_of_body(syntax, kid) if doer and kid.tok.id not in seen else None
            if named is not None:
                seen.update(n.tok.id for n in named)
                out.extend(named)
                continue
            if (kid.tok.rel not in _PHRASE_RELS and not _name_apposition(syntax, kid, "ablt")
                    and not _genitive_conjunct(syntax, node, kid) and not _place_name(syntax, kid)) or kid.tok.id in seen:
                continue
            seen.add(kid.tok.id)
            if any(k.tok.rel == "case" for k in syntax.children(kid)):
                continue
            token = syntax.token(kid)
            if token is None or token.pos in _VERB_POS:
                continue  # «… наряжена ёлка»: a participle the parse hung on the noun
            if no_dative and _bare_dative(token):
                continue  # «прокуратурой района главе поселения внесено»: the recipient is the verb's
            out.append(kid)
            stack.append(kid)
    return sorted(out, key=lambda n: n.tok.start)


def _bare_dative(token: Token) -> bool:
    """A noun that can only be dative here («главе», «жителям»): a body's name is built of genitives
    and agreeing words, so such a noun after the doer is the verb's recipient, hung on the doer by the parse."""
    nouns = [p for p in token.parses if p.pos == "NOUN"]
    return bool(nouns) and any("datv" in p.grammemes for p in nouns) and not any(
        p.grammemes & {"gent", "nomn", "ablt"} for p in nouns)


def _genitive_conjunct(syntax: _Syntax, top: _Node, kid: _Node) -> bool:
    """«отдела опеки и попечительства»: a list inside a genitive of the phrase keeps its case when the
    head changes its own, so it is part of the phrase; a list of heads («специалистами и
    волонтёрами») is not."""
    parent = syntax.head(kid)
    if parent is None or parent.tok.id == top.tok.id or parent.tok.rel != "nmod":
        return kid.tok.rel == "cc" and parent is not None and parent.tok.rel == "conj" and parent.tok.id != top.tok.id
    token, head = syntax.token(kid), syntax.token(parent)
    return (kid.tok.rel == "conj" and token is not None and head is not None
            and _reading(token, "NOUN", "gent") is not None and _reading(head, "NOUN", "gent") is not None)


# «города Заречного», «посёлка Лесной»: a place noun with its name beside it
_PLACES = _TERRITORIES | {"посёлок", "поселок", "село", "деревня", "поселение", "станица"}
# «комитетом по культуре», «отделом по делам молодёжи»: bodies named by their field
_FIELD_BODIES = frozenset({"комитет", "комиссия", "управление", "отдел", "департамент", "министерство",
                           "агентство", "служба", "сектор", "центр", "инспекция"})


def _place_name(syntax: _Syntax, kid: _Node) -> bool:
    """«Заречного» of «администрацией города Заречного»: the name of a place the phrase names."""
    parent = syntax.head(kid)
    token, place = syntax.token(kid), syntax.token(parent) if parent is not None else None
    return (kid.tok.rel in ("appos", "flat:name") and token is not None and place is not None
            and token.text[:1].isupper() and place.lemma in _PLACES)


def _field_of_body(syntax: _Syntax, kid: _Node) -> bool:
    """«по культуре» of «комитетом по культуре»: the body's field, part of its name, taken only where
    the whole name becomes «мы» (in the third person «Комитет по культуре провёл…» is what KC304
    flags, and «Комиссия по делам несовершеннолетних» is a term kept as written)."""
    if _third_person(syntax):
        return False
    parent = syntax.head(kid)
    body = syntax.token(parent) if parent is not None else None
    token = syntax.token(kid)
    if token is not None and token.lemma in _GROUNDS:
        return False  # «инспекцией по обращению жителей»: why it acted, not the body's field
    return body is not None and body.lemma in _FIELD_BODIES and parent is not None and parent.tok.start < kid.tok.start


# what «по …» after a body says an act answers, never the body's field (judge h16's page)
_GROUNDS = frozenset({"обращение", "заявление", "жалоба", "запрос", "поручение", "требование", "просьба", "инициатива",
                      "итог", "результат", "факт", "решение", "приглашение", "план", "график", "указание",
                      "представление", "предписание", "сигнал", "информация", "данные", "согласование", "договор"})


def _third_person(syntax: _Syntax) -> bool:
    """Whether a body's whole name may be the new subject: not on a page that speaks as «мы», where
    «Воспитатели детского сада «Ромашка»» may be the author itself, which KC304 would flag."""
    document = syntax.document
    return not (document.speaks_as_we or document.author)


def _name_of_body(syntax: _Syntax, kid: _Node) -> list[_Node] | None:
    """«Водоканал» of «МУП «Водоканал»» (a quoted name beside the noun) with its marks, «по Садовому
    району» with its preposition: the nodes from the first mark or the preposition to the name's
    end, nothing the parse hung after it («компанией «Мостострой» и её партнёрами»)."""
    token = syntax.token(kid)
    if token is None:
        return None
    kids = syntax.children(kid)
    marks = [m for m in (syntax.token(k) for k in kids if k.tok.rel == "punct") if m is not None and m.text in "«»\""]
    cases = [c for c in (syntax.token(k) for k in kids if k.tok.rel == "case") if c is not None]
    first = next((t for t in syntax.document.sentences[token.sentence].tokens if marks and t.start > marks[0].start), None)
    if kid.tok.rel in ("appos", "nmod", "flat:name", "flat") and len(marks) == 2 and first is not None \
            and first.text[:1].isupper() and marks[0].start < token.start < marks[1].start:  # «Газпром газораспределение»
        start, end = marks[0].start, marks[1].end
    elif kid.tok.rel == "nmod" and len(cases) == 1 and cases[0].key == "по" and (
            token.lemma in _TERRITORIES or _field_of_body(syntax, kid)):
        below = syntax.subtree(kid)
        start, end = cases[0].start, token.end
        rels = _TERRITORY_RELS | ({"conj", "cc"} if token.lemma not in _TERRITORIES else set())
        if all(n.tok.rel in rels for n in below if n is not kid):  # «по городу Зареченску», «по культуре и спорту»
            end = max(t.end for t in (syntax.token(n) for n in below) if t is not None)
    else:
        return None
    return [n for n in syntax.subtree(kid) if (t := syntax.token(n)) is not None and start <= t.start < end]


def agent_nominative(syntax: _Syntax, agent: Token) -> tuple[str | None, str, str | None]:
    """The doer as a subject: «подрядной организацией» → «подрядная организация».

    «Силами волонтёров» names the doer in the genitive: «волонтёры»; «своими силами» names none.
    """
    node = syntax.node(agent)
    if agent.lemma == "сила" and node is not None:
        for kid in syntax.children(node):
            t = syntax.token(kid)
            if kid.tok.rel == "nmod" and t is not None and _reading(t, "NOUN", "gent") is not None:
                return _nominative_phrase(syntax, t, "gent")
        return None, "plur", None  # «своими силами», «общими силами»: how, not who
    return _nominative_phrase(syntax, agent, "ablt")


def left_instrumental(word: str) -> bool:
    """A first name, a surname or a patronymic still in the instrumental, and never nominative, inside a
    subject: «Андреем», «Депутат Ивановым»."""
    if not word[:1].isupper():
        return False
    readings = parse(word)
    return any(p.grammemes & {"Name", "Surn", "Patr"} and "ablt" in p.grammemes for p in readings) and not any("nomn" in p.grammemes for p in readings)


_JOINING = frozenset({"и", "или", "а", "также"})
_GOVERN_INSTRUMENTAL = frozenset({"с", "со", "под", "над", "между", "за", "перед", "передо", "рядом"})


def second_doer_left(sentence: Sentence, agent: Token, end: int) -> bool:
    """A second doer joined to ``agent`` that the rewrite ending at ``end`` left behind in the
    instrumental: «Занятия проводятся специалистами по социальной работе и медицинскими сёстрами» →
    «Специалисты проводят занятия по социальной работе и медицинскими сёстрами» (judge h25).
    A noun in the instrumental after «и» and a preposition that governs it («и с родителями») is
    not a doer."""
    tokens = sentence.tokens
    for k in range(sentence.position(agent) + 1, len(tokens) - 1):
        t = tokens[k]
        if t.text in ".;:!?" or t.is_word and t.pos in ("VERB", "PRTS"):
            return False
        if t.key not in _JOINING or tokens[k - 1].text == ",":
            continue
        for nxt in tokens[k + 1:k + 3]:
            if not nxt.is_word or nxt.key in _GOVERN_INSTRUMENTAL:
                break
            best = nxt.parses[:1]
            if best and best[0].pos in ("NOUN", "ADJF") and "ablt" in best[0].grammemes:
                return nxt.start >= end
            if not best or best[0].pos != "ADJF":
                break
    return False


def beside_recipient(syntax: _Syntax, agent: Token, verb: Token) -> bool:
    """«Депутатом … оказана помощь … семье»: natasha calls the doer an indirect object when a real
    recipient in the dative (no preposition: «по назначению» is none) stands in the clause; the
    doer is never dative itself."""
    words = syntax.document.sentences[verb.sentence].words
    return _reading(agent, "datv") is None and any(
        t is not agent and _reading(t, "NOUN", "datv") is not None and (n := syntax.node(t)) is not None
        and not any(k.tok.rel == "case" for k in syntax.children(n)) for t in words)


# Nouns of a time phrase the parse may hang on the doer («выполнены подрядчиком в срок»): they
# say when the action happened, never which doer, so they stay where they are.
_TIME_NOUNS = frozenset(
    {"срок", "год", "месяц", "неделя", "день", "время", "период", "течение", "час", "минута", "утро", "вечер"}
)


def time_phrases(syntax: _Syntax, agent: _Node) -> list[_Node]:
    """Prepositional time phrases after the doer that belong to the verb: «подрядчиком [в срок]»."""
    out = []
    for kid in syntax.children(agent):
        token = syntax.token(kid)
        if token is None or kid.tok.start < agent.tok.start or kid.tok.rel not in ("nmod", "obl"):
            continue
        if any(k.tok.rel == "case" for k in syntax.children(kid)) and token.lemma in _TIME_NOUNS:
            out.append(kid)
    return out


_ATTRIBUTES = frozenset({"ADJF", "PRTF"})


def described_after(sentence: Sentence, tokens: list[Token]) -> bool:
    """«подрядчиком, определённым по итогам аукциона»: a participle or adjective after a comma agrees
    with the doer in the instrumental; once the doer is the subject it would keep the old case
    («Подрядчик выполнит работы, определённым…»), so the rewrite is left to the author."""
    at = sentence.position(tokens[-1]) + 1
    after = sentence.tokens[at:at + 2]
    if len(after) < 2 or after[0].text != "," or not after[1].is_word:
        return False
    return any(p.pos in _ATTRIBUTES and "ablt" in p.grammemes for p in after[1].parses[:2])


def modifier_left_before(sentence: Sentence, start: int) -> bool:
    """An adjective in the instrumental right before a rewrite that starts at ``start``: the doer's
    own first word, which the parse hung elsewhere («Тарским историко-краеведческим музеем
    осуществляется…» → «Тарским мы принимаем…», judge h34)."""
    before = [t for t in sentence.tokens if t.end <= start]
    last = before[-1] if before else None
    return last is not None and last.is_word and any(
        p.pos in ("ADJF", "PRTF") and "ablt" in p.grammemes for p in last.parses[:2])
