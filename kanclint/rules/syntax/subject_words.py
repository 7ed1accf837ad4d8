"""The words of a KC201 rewrite's old subject: its whole phrase, or the phrase without a participle's
clause or quoted name that may stay where it stands («все заявки, поступившие до 1 апреля»,
«мероприятие «Внимание, дети!»»), and whether it is one item of a list («главой района и
губернатором»)."""

from __future__ import annotations

from typing import Sequence

from kanclint.rules.syntax.spans import _contiguous
from kanclint.text.document import Sentence, Token
from kanclint.text.grammar import MAIN_CASES
from kanclint.text.syntax_view import _Node, _Syntax

_COORDINATORS = frozenset({"и", "или", "либо", "а"})


def _counting_digits(syntax: _Syntax, token: Token, node: _Node) -> bool:
    """«27» in «27 нарушений»: a number that counts ``node`` itself (kept as written in a rewrite)."""
    n = syntax.node(token)
    if not token.text.isdigit() or n is None or n.tok.rel != "nummod":
        return False
    if n.tok.head_id == node.tok.id:
        return True
    # «помощь 120 пенсионерам»: a number counting a dative of the phrase keeps its form with it
    counted = syntax.head(n)
    noun = syntax.token(counted) if counted is not None else None
    return counted is not None and noun is not None and any(
        k.tok.id == counted.tok.id for k in syntax.subtree(node)) and all(
        "datv" in p.grammemes for p in noun.parses if p.pos == "NOUN")


def _tree_tokens(syntax: _Syntax, node: _Node, counted: bool = False) -> list[Token] | None:
    """The words of ``node``'s subtree, or ``None`` unless they are contiguous plain words
    (``counted``: a number in digits that counts ``node`` may be among them)."""
    nodes = syntax.subtree(node)
    tokens = [syntax.token(n) for n in nodes]
    if any(t is None for t in tokens):
        return None
    words = [t for t in tokens if t is not None]
    if any(not (t.is_word or counted and _counting_digits(syntax, t, node)) or t.protected for t in words) \
            or not _contiguous(syntax.document, words):
        return None
    if any(n.tok.rel in ("conj", "cc", "punct", "acl", "acl:relcl") for n in nodes[1:] if n is not node):
        return None
    return words


def _subject_words(syntax: _Syntax, subject: _Node) -> tuple[list[Token] | None, str | None]:
    """The old subject's words, and what was left out after them: ``"acl"`` (a participle's
    clause on the subject itself, which keeps its case), ``"kept"`` (a quoted name, or a clause on
    one of the subject's genitives: neither depends on the subject's case), or ``None``."""
    words = _tree_tokens(syntax, subject, counted=True)
    if words is not None:
        return words, None
    listed = same_list_in_accusative(syntax, subject)
    if listed is not None:
        return listed, None
    part = _trailing_part(syntax, subject)
    if part is None and (both := _name_then_clause(syntax, subject)):
        words = _without_trailing(syntax, subject, both)  # «выставка «Война глазами детей», с которой…»
        return (words, "kept") if words is not None else (None, None)
    words = _without_trailing(syntax, subject, [part]) if part is not None else None
    if words is None or part is None:
        return with_kept_marks(syntax, subject), None
    return words, "acl" if part.tok.rel == "acl" and part.tok.head_id == subject.tok.id else "kept"


_KEPT_MARKS = frozenset({"«", "»", "\"", "№"})


def with_kept_marks(syntax: _Syntax, subject: _Node) -> list[Token] | None:
    """«викторина «По страницам любимых сказок» для учащихся 2–4 классов школы № 5»: the whole
    phrase, with the quote marks of a name and the numbers that stand inside the subject's
    dependents (a genitive, a prepositional phrase, a quoted name): none of them agrees with the
    subject, so they keep their form whatever its case, and the rewrite carries them over as written.
    ``None`` for anything else: a list, a clause, a number that counts the subject itself."""
    nodes = syntax.subtree(subject)
    tokens = [syntax.token(n) for n in nodes]
    if any(t is None or t.protected for t in tokens):
        return None
    words = sorted((t for t in tokens if t is not None), key=lambda t: t.start)
    if not _contiguous(syntax.document, words) or sum(t.text in ("«", "»") for t in words) % 2:
        return None
    for n, t in zip(nodes, tokens):
        if n is subject or t is None:
            continue
        if n.tok.rel in ("conj", "cc", "acl", "acl:relcl"):
            return None
        top = n
        while (up := syntax.head(top)) is not None and up.tok.id != subject.tok.id:
            top = up
        if t.is_word or top is not n and top.tok.rel in ("nmod", "appos", "obl") and (
                t.text in _KEPT_MARKS or t.text[:1].isdigit()):
            continue
        return None
    return words


def _name_then_clause(syntax: _Syntax, node: _Node) -> list[_Node]:
    """«выставка «Война глазами детей», с которой можно ознакомиться…»: a quoted name and then a
    «который» clause on the same noun; both stay after it whatever its case (the name is a name,
    «которой» agrees in gender and number only).  Empty for any other pair."""
    kids = syntax.children(node)
    names = [k for k in kids if k.tok.rel in ("appos", "flat:name", "nmod")
             and (t := syntax.token(syntax.subtree(k)[0])) is not None and t.text in ("«", "\"")]
    clauses = [k for k in kids if k.tok.rel == "acl:relcl"]
    if len(names) != 1 or len(clauses) != 1:
        return []
    name_end = syntax.token(syntax.subtree(names[0])[-1])
    clause_start = syntax.token(syntax.subtree(clauses[0])[0])
    if name_end is None or clause_start is None or name_end.end > clause_start.start:
        return []
    return [names[0], clauses[0]]


# «мешки и перчатки», «новые стулья и столы»: a thing in the plural, or a masculine or neuter one,
# reads the same in the accusative, so a list of them can become the object as written
_SAME_IN_ACCUSATIVE = ({"plur"}, {"masc", "sing"}, {"neut", "sing"})
_NAME_TAGS = frozenset({"Name", "Surn", "Patr"})


def same_list_in_accusative(syntax: _Syntax, subject: _Node) -> list[Token] | None:
    """A subject that is a list joined by «и» or commas, every word of which reads the same in the
    accusative («Администрацией будут предоставлены мешки и перчатки» → «…предоставим мешки и
    перчатки»); ``None`` for anything else (a feminine «выставка и ярмарка» would change)."""
    nodes = syntax.subtree(subject)
    if not any(n.tok.rel == "conj" for n in nodes):
        return None
    tokens = [syntax.token(n) for n in nodes]
    if any(t is None for t in tokens):
        return None
    words = sorted((t for t in tokens if t is not None), key=lambda t: t.start)
    if any(t.protected for t in words) or not _contiguous(syntax.document, [t for t in words if t.text != ","]):
        return None
    # «сценарии и программы [праздников]»: a genitive keeps its case whatever its head's is
    genitives = {t.start for n in nodes if n.tok.rel == "nmod" and _plain_genitive(syntax, n)
                 for t in (syntax.token(k) for k in syntax.subtree(n)) if t is not None}
    if not any(n.tok.rel == "conj" and (t := syntax.token(n)) is not None and t.start not in genitives for n in nodes):
        return None  # «номера танцевального и вокального коллективов»: the list is the genitive's, not the subject's
    allowed_rels = ("conj", "cc", "punct", "amod")
    if any(n.tok.rel not in allowed_rels and (t := syntax.token(n)) is not None and t.start not in genitives
           for n in nodes if n is not subject):
        return None
    for t in words:
        if t.text == "," or t.key == "и" and t.pos == "CONJ" or t.start in genitives:
            continue
        readings = [p for p in t.parses if p.pos in ("NOUN", "ADJF") and "nomn" in p.grammemes
                    and not (t.text[:1].islower() and p.grammemes & _NAME_TAGS)]  # «викторины», not «Викторы»
        if not t.is_word or not readings or any(
                "anim" in p.grammemes or not any(need <= p.grammemes for need in _SAME_IN_ACCUSATIVE)
                for p in readings):
            return None
    if words[-1].text == ",":
        return None
    return words


def _plain_genitive(syntax: _Syntax, node: _Node) -> bool:
    """A noun in the genitive with no preposition of its own («программы праздников»)."""
    token = syntax.token(node)
    return token is not None and not any(k.tok.rel == "case" for k in syntax.children(node)) and any(
        p.pos == "NOUN" and "gent" in p.grammemes for p in token.parses[:2])


def _trailing_part(syntax: _Syntax, node: _Node) -> _Node | None:
    """A participle's clause or a quoted name hung on the subject: «заявки, поступившие…»,
    «мероприятие «Внимание, дети!»»; failing those, a clause on one of its genitives
    («вопросы отдыха несовершеннолетних, состоящих на учёте»)."""
    # «встреча, в ходе которой…»: «который» agrees in gender and number only, so a relative clause
    # stays right whatever case its noun takes (the caller checks that the noun itself stays)
    clauses = [k for k in syntax.children(node) if k.tok.rel in ("acl", "acl:relcl")]
    names = []
    for k in syntax.children(node):
        first = syntax.token(syntax.subtree(k)[0]) if k.tok.rel in ("appos", "flat:name", "nmod") else None
        if first is not None and first.text in ("«", "\""):
            names.append(k)
    found = clauses + names
    if not found:  # «приём заявок на участие в конкурсе «Лучший двор»»: the quoted name closes the phrase
        found = _closing_quoted_name(syntax, node)
    if not found:
        found = [n for n in syntax.subtree(node) if n is not node and n.tok.rel in ("acl", "acl:relcl")
                 and (head := syntax.head(n)) is not None and head.tok.rel == "nmod"]
    if not found:
        found = _closing_listed_place(syntax, node)
    if not found:
        found = _phrase_after_recipient(syntax, node)
    return found[0] if len(found) == 1 else None


def _phrase_after_recipient(syntax: _Syntax, node: _Node) -> list[_Node]:
    """«оказывается помощь [пожилым людям] в уборке квартир»: the verb's dative recipient stands
    between the subject and its prepositional phrase, which stays where it is («помогаем пожилым
    людям в уборке квартир»); only when nothing but that recipient parts them."""
    head = syntax.head(node)
    kids = [k for k in syntax.children(node) if k.tok.rel != "punct"]
    if head is None or len(kids) != 1 or kids[0].tok.rel != "nmod" or not any(
            k.tok.rel == "case" for k in syntax.children(kids[0])):
        return []
    first = min(n.tok.start for n in syntax.subtree(kids[0]))
    between = [k for k in syntax.children(head) if node.tok.start < k.tok.start < first]
    if len(between) != 1 or between[0].tok.rel not in ("iobj", "obl") or any(
            k.tok.rel == "case" for k in syntax.children(between[0])):
        return []
    last = max(n.tok.start for n in syntax.subtree(between[0]))
    return kids if node.tok.end <= between[0].tok.start and last < first else []


def _closing_quoted_name(syntax: _Syntax, node: _Node) -> list[_Node]:
    """A quoted name hung on one of the subject's words that closes the subject's phrase: it keeps
    its quote marks and its case (it names the thing, it does not agree), so it stays where it stands."""
    below = syntax.subtree(node)
    last = max(n.tok.start for n in below)
    names = []
    for n in below:
        first = syntax.token(syntax.subtree(n)[0]) if n is not node and n.tok.rel in ("appos", "flat:name", "nmod") else None
        if first is not None and first.text in ("«", "\"") and max(k.tok.start for k in syntax.subtree(n)) == last:
            names.append(n)
    return sorted(names, key=lambda n: n.tok.start)[:1]


def _closing_listed_place(syntax: _Syntax, node: _Node) -> list[_Node]:
    """«выездная работа ФАПа [в деревнях Ключи и Сосновка]»: a prepositional phrase with a list in
    it that closes the subject's phrase stays where it stands, after the new object."""
    below = syntax.subtree(node)
    last = max(n.tok.start for n in below)
    places = [n for n in below if n is not node and n.tok.rel == "nmod"
              and any(k.tok.rel == "case" for k in syntax.children(n))
              and max(k.tok.start for k in syntax.subtree(n)) == last
              and any(k.tok.rel == "conj" for k in syntax.subtree(n))]
    return sorted(places, key=lambda n: n.tok.start)[:1]


def _without_trailing(syntax: _Syntax, node: _Node, parts: list[_Node]) -> list[Token] | None:
    """The subject's words without ``part``, the clause or quoted name that closes its phrase.

    «все заявки, поступившие до 1 апреля»: the clause may stay where it is when the object ends
    the rewritten span (and, for a clause, keeps its form); the caller checks both.
    """
    clause = {n.tok.id for part in parts for n in syntax.subtree(part)}
    core = [n for n in syntax.subtree(node) if n.tok.id not in clause]
    tokens = [syntax.token(n) for n in core]
    if any(t is None for t in tokens):
        return None
    words = [t for t in tokens if t is not None and t.text != ","]
    if not words or any(not (t.is_word or _counting_digits(syntax, t, node)) or t.protected for t in words) \
            or not _contiguous(syntax.document, words):
        return None
    if any(n.tok.rel in ("conj", "cc", "acl:relcl") for n in core if n is not node):
        return None
    rest = [t for t in (syntax.token(n) for n in syntax.subtree(parts[0])) if t is not None]
    if not rest or rest[0].start < words[-1].end:
        return None  # the clause must follow the noun
    return words


def _participle_clause(tokens: Sequence[Token], head: int, k: int) -> bool:
    """Whether ``tokens[k]``, after a comma, opens a participle's clause on ``tokens[head]``.

    «заявки, поступившие до 1 апреля»: the participle agrees with the noun in case and number
    and is not followed by a noun of its own case («трубы, отремонтированные крыши» is a list).
    """
    if k + 1 >= len(tokens) or tokens[k].pos != "PRTF" or not tokens[head].is_word:
        return False
    agreeing = any(
        p.pos == "PRTF" and q.pos in ("NOUN", "ADJF") and {c for c in p.grammemes if c in MAIN_CASES} & q.grammemes
        and ("plur" in p.grammemes) == ("plur" in q.grammemes)
        for p in tokens[k].parses for q in tokens[head].parses
    )
    nxt = tokens[k + 1]
    first = tokens[k].parses[0].grammemes
    takes_object = {"actv", "tran"} <= first  # «подросток, угнавший мопед»: «мопед» is what he stole
    own_noun = nxt.is_word and nxt.parses[0].pos not in ("PREP", "CONJ", "PRCL") and not (
        takes_object and any("accs" in p.grammemes for p in nxt.parses[:2])) and any(
        p.pos in ("NOUN", "ADJF") and p.grammemes & first & MAIN_CASES and _same_number_gender(p.grammemes, first)
        for p in nxt.parses[:2]
    )  # «женщина, похитившая кошелёк»: a noun of another gender is the participle's object, no list;
    # «провалившийся под лёд»: «под» is a preposition, not the abbreviation pymorphy3 also reads
    return agreeing and not own_noun


def _same_number_gender(noun: frozenset[str] | set[str], participle: frozenset[str] | set[str]) -> bool:
    """Whether a participle could agree with the noun after it (so the two form one noun phrase)."""
    if ("plur" in noun) != ("plur" in participle):
        return False
    genders = {"masc", "femn", "neut"}
    return "plur" in noun or not (noun & genders and participle & genders) or bool(noun & participle & genders)


def _coordinated(sentence: Sentence, tokens: Sequence[Token]) -> bool:
    """«главой района и губернатором»: a word list joined by «и» or a comma on either side."""
    all_tokens = sentence.tokens
    i = sentence.position(tokens[0])
    j = sentence.position(tokens[-1])
    before = all_tokens[i - 1] if i > 0 else None
    after = all_tokens[j + 1] if j + 1 < len(all_tokens) else None
    if after is not None and (after.key in _COORDINATORS or after.text == ","):
        k = j + 2 if after.text == "," else j + 1
        while k < len(all_tokens) and all_tokens[k].key in _COORDINATORS | {"также"}:
            k += 1
        nxt = all_tokens[k] if k < len(all_tokens) else None
        if nxt is not None and after.text == "," and any(_participle_clause(all_tokens, h, k) for h in range(j, i - 1, -1)):
            return False  # «все заявки, поступившие до 1 апреля»: a participle's clause, not a list;
            # «житель областного центра, подозреваемый…»: it agrees with the head, not the last genitive
        if nxt is not None and nxt.parses and nxt.parses[0].pos in ("NOUN", "ADJF", "NPRO", "PRTF") and not (
                after.text == "," and nxt.lemma == "который"):  # «выставка, которая продлится…»: a clause
            return True  # «главой района и губернатором», «отделом, а также комиссией»
    return before is not None and before.key in _COORDINATORS and i > 1 and all_tokens[i - 2].is_word


def cuts_a_number_off(sentence: Sentence, tokens: Sequence[Token]) -> bool:
    """Whether ``tokens`` (a phrase the rewrite moves) end right before the number of a name it
    leaves behind: «ученицей СОШ № 2» taken without «№ 2» would put the number after another word
    («Ученица СОШ установила рекорд № 2»), and a school would lose its name."""
    if not tokens:
        return False
    i = sentence.position(tokens[-1]) + 1
    following = sentence.tokens[i] if i < len(sentence.tokens) else None
    if following is None:
        return False
    if following.text in ("№", "N"):
        return True
    last = tokens[-1].text
    return following.text[:1].isdigit() and len(last) > 1 and last.isupper()



def with_its_number(sentence: Sentence, tokens: list[Token] | None, said_as_we: bool) -> list[Token] | None:
    """The doer's phrase with the «№ 1» of its name that follows it: «Спортивной школой № 1» said as
    «мы» goes whole, and no number is left behind (the parse hangs «№ 1» elsewhere)."""
    if not tokens or not said_as_we:
        return tokens
    i = sentence.position(tokens[-1]) + 1
    rest = sentence.tokens[i:i + 2]
    if len(rest) == 2 and rest[0].text in ("№", "N") and rest[1].text.isdigit():
        return [*tokens, *rest]
    return tokens
