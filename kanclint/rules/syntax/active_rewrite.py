"""KC201 rewriting engines: a passive turned active («комиссия приняла решение») or plain («помогут жителям»)."""

from __future__ import annotations

import bisect
from typing import Sequence

from kanclint.model import Edit
from kanclint.rules.syntax.morph import _inflect, _is_noun, _is_verb_like, _reading, _verb_form, held_event, many_count
from kanclint.rules.syntax.doer_phrase import (beside_recipient, _bare_dative, _phrase, _third_person, agent_nominative,
                                               described_after, time_phrases)
from kanclint.rules.syntax.joined import conjunct_lemma
from kanclint.rules.syntax.passive_detection import _after_preposition, _is_proper, _Passive
from kanclint.rules.syntax.spans import _contiguous
from kanclint.rules.syntax.stranded import (continues_object, described_as, genitive_left_by_doer, genitive_next, participants_next,
                                             phrase_after_subject, stranded_participle)
from kanclint.rules.syntax.subject_words import (_coordinated, _subject_words, _tree_tokens, cuts_a_number_off,
                                                 same_list_in_accusative, with_its_number)
from kanclint.rules.syntax.rewrite_guards import doer_shared_after, maybe_doer
from kanclint.rules.syntax.rewrite_objects import NEEDS_RECIPIENT
from kanclint.rules.syntax.we_voice import authors_whole_name
from kanclint.rules.syntax.words import GENITIVE_VERBS, MANNER_NOUNS, ROLE_VERBS, ROLES_OF_PEOPLE, TIME_NOUNS
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.inflection import capitalise, keep_capital
from kanclint.text.morphology import Parse
from kanclint.text.syntax_view import _Node, _Syntax, _token_start


def _active_verbs(f: _Passive, tense: str, person: str, number: str, gender: str | None) -> str | None:
    """The active form of the passive and of the participles joined to it: «поставили и нарядили»."""
    forms = [_verb_form(f.lemma, tense, person, number, gender)]
    for t in f.conj:  # «поставлена и наряжена», «упаковывается и размещается»
        lemma = conjunct_lemma(t)
        forms.append(_verb_form(lemma, tense, person, number, gender) if lemma else None)
    if any(form is None for form in forms):
        return None
    return " и ".join(forms)  # type: ignore[arg-type]


# -- KC201 rewrites ------------------------------------------------------------------------

# Doer-less passives a post says in the third person plural, the natural Russian for an
# unknown doer: «жителям будет оказана помощь» → «жителям помогут».
# («обеспечен доступ» is not here: access for the disabled is built, «открыли доступ» lets people in; judge h17)
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
    ("выделить", "средство"): ("выделить", True, True),
}

# table nouns whose verb needs an object where the sentence reads as a procedure on something unnamed
_NAMES_ITS_OBJECT = frozenset({"проверка"})

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
    sentence = syntax.document.sentences[f.subject.sentence]
    if described_as(sentence, f.subject):
        return None  # «оказывается помощь в виде горячего питания» → «помогают в виде…» hangs (judge h17)
    if f.subject.lemma in _NAMES_ITS_OBJECT and not genitive_next(sentence, f.subject) and (
            any(t.lemma == "факт" for t in sentence.words) or participants_next(sentence, f.subject)):
        return None  # «По этому факту проводится проверка», «проведена проверка с участием родителей»: «проверили» what? (h23, h39)
    return PLAIN_PASSIVES.get((f.lemma, f.subject.lemma))


def _agent_words(syntax: _Syntax, agent: _Node, said_as_we: bool = False) -> list[Token] | None:
    """The doer's phrase; ``None`` when the parse hung more on it than a noun phrase and a time.

    The quote marks of a quoted name («МУП «Водоканал»») are part of the phrase, not words below it;
    ``said_as_we``: the whole name («Комитетом по культуре») becomes «мы», so it is taken whole."""
    agent_nodes = _phrase(syntax, agent, doer=said_as_we or _third_person(syntax), no_dative=True)
    when = {n.tok.id for k in time_phrases(syntax, agent) for n in syntax.subtree(k)}
    words_below = [
        n for n in syntax.subtree(agent) if ((t := syntax.token(n)) is None or t.is_word) and n.tok.id not in when
    ]
    if any((t := syntax.token(n)) is not None and _bare_dative(t) for n in words_below if n not in agent_nodes):
        return None  # «прокуратурой района главе поселения»: the recipient hung on the doer would go with it
    ids = {n.tok.id for n in agent_nodes}
    # «осуществляется лично главой района»: «лично» goes with the doer («Лично глава района следит…»)
    own = [n for n in words_below if n.tok.id not in ids and (t := syntax.token(n)) is not None and t.key in _DOER_ADVERBS]
    agent_words = [n for n in agent_nodes if (t := syntax.token(n)) is None or t.is_word]
    if len(agent_words) + len(own) != len(words_below):  # an emoji the parse hung on the doer does not count
        return authors_whole_name(syntax, words_below) if said_as_we else None  # «комитетом по культуре»
    words = [t for t in (syntax.token(n) for n in [*agent_nodes, *own]) if t is not None]
    return sorted(words, key=lambda t: t.start) or None


# adverbs that tell how the doer itself acted, said with it as the new subject
_DOER_ADVERBS = frozenset({"лично", "непосредственно"})


def _doer_adverbs_first(
    agent_tokens: list[Token], moved: tuple[list[list[Token]], list[list[Token]]] | None
) -> tuple[list[list[Token]], list[list[Token]]] | None:
    """«осуществляется лично главой района» → «Глава района лично следит…»: the doer's own adverb
    goes right after the new subject, before the phrases moved ahead of the verb."""
    own = [t for t in agent_tokens if t.key in _DOER_ADVERBS]
    if moved is None or not own:
        return moved
    return [own, *moved[0]], moved[1]


def _span_words(document: Document, sentence: Sentence, start: int, end: int,
                kept: frozenset[int] = frozenset()) -> list[Token] | None:
    """Words inside ``[start, end)``; ``None`` when punctuation or protected text is among them
    (``kept``: starts of the numbers a rewrite carries over as written, «27» of «27 нарушений»)."""
    tokens = sentence.tokens
    inside = []
    k = bisect.bisect_left(tokens, start, key=_token_start)  # not a scan of the sentence per phrase
    while k < len(tokens) and tokens[k].end <= end:
        inside.append(tokens[k])
        k += 1
    if any(not (t.is_word or t.start in kept) or (t.protected and t.start not in kept) for t in inside):
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


def _many(counters: Sequence[Token]) -> bool:
    """One count in digits not ending in 1–4: «8 водителей» reads the same in the accusative."""
    return len(counters) == 1 and many_count(counters[0].text)


def _counted_object(syntax: _Syntax, subject: Token, node: _Node, tokens: Sequence[Token]) -> str | None:
    """«27 нарушений», «пять обращений» as the object: a counted inanimate noun reads the same in the
    accusative, so the phrase stays as written; «21 жалоба» (→ «21 жалобу»), «5 человек» and
    «одна заявка» do not, and are left alone (``""``).  ``None``: no number counts the noun."""
    counters = [t for t in tokens if (n := syntax.node(t)) is not None and n.tok.head_id == node.tok.id
                and n.tok.rel == "nummod"]
    if not counters:
        return None
    nouns = [p for p in subject.parses if p.pos == "NOUN"]
    if nouns and _many(counters) and all({"gent", "plur"} <= p.grammemes for p in nouns[:1]):
        return " ".join(t.text for t in tokens)  # «8 водителей», «15 детей»: the same in the accusative
    if not nouns or any("anim" in p.grammemes or {"nomn", "sing", "femn"} <= p.grammemes for p in nouns):
        return ""
    if any(not t.text.isdigit() and not any(p.pos == "NUMR" and p.lemma != "один" for p in t.parses)
           for t in counters):
        return ""
    return " ".join(t.text for t in tokens)


def _person_substantive(subject: Token) -> Parse | None:
    """«задержан подозреваемый», «доставлена пострадавшая»: a participle or adjective pymorphy3 marks as
    used for a noun (``Subx``) standing alone as the subject names a person, so its accusative is the
    animate one («задержали подозреваемого»); «данные», «похищенное» carry no such mark and stay."""
    return next((p for p in subject.parses
                 if p.pos in ("PRTF", "ADJF") and {"Subx", "nomn"} <= p.grammemes), None)


def _participle_in_accusative(
    document: Document, syntax: _Syntax, sentence: Sentence, subject: Token, after: int
) -> tuple[str, int] | None:
    """«задержан водитель, управлявший автомобилем» → «задержали водителя, управлявшего автомобилем»:
    the participle that opens the subject's clause right after a comma agrees with the new object,
    so it goes to the accusative with it; the edit then ends at the participle (``(text, end)``)."""
    node = syntax.node(subject)
    clauses = [k for k in syntax.children(node) if k.tok.rel == "acl"] if node is not None else []
    if len(clauses) != 1:
        return None
    participle = syntax.token(clauses[0])
    k = sentence.position(participle) if participle is not None else -1
    if participle is None or k < 1 or sentence.tokens[k - 1].text != "," or sentence.tokens[k - 1].start != after:
        return None
    head = _reading(subject, "NOUN", "nomn") or _person_substantive(subject)
    reading = _reading(participle, "PRTF", "nomn")
    if head is None or reading is None or participle.protected:
        return None
    number = head.grammemes & {"sing", "plur"}
    if not number <= reading.grammemes or "sing" in number and not head.grammemes & {"masc", "femn", "neut"} & reading.grammemes:
        return None  # the participle does not agree with the subject: it is not its clause
    want = {"accs"}
    if head.grammemes & {"masc", "plur"}:
        animacy = head.grammemes & {"anim", "inan"} or ({"anim"} if head.pos != "NOUN" else set())
        if not animacy:
            return None
        want |= animacy
    form = _inflect(reading, want)
    if form is None or form[:2].lower() != participle.text[:2].lower():
        return None
    return document.text[after:participle.start] + form, participle.end


def _accusative_tree(syntax: _Syntax, subject: Token, tokens: Sequence[Token]) -> str | None:
    """The old subject as the object: the head and the words agreeing with it go to the accusative."""
    node = syntax.node(subject)
    counted = _counted_object(syntax, subject, node, tokens) if node is not None else None
    if counted is not None:
        return counted or None
    head = _reading(subject, "NOUN", "nomn")
    animate: set[str] = set()
    if head is None:
        head = _person_substantive(subject)
        animate = {"anim"}
    if head is None or node is None:
        return None
    animacy = {frozenset(p.grammemes & {"anim", "inan"}) for p in subject.parses if p.pos == "NOUN" and "nomn" in p.grammemes}
    if len(animacy) > 1 and head.grammemes & {"masc", "plur"}:
        # «субботник»: a day of work or a person, and «субботник» and «субботника» differ; an event
        # that is held («проведён субботник») is the day
        head = held_event(subject)
        if head is None:
            return None
    words = []
    for t in tokens:
        n = syntax.node(t)
        if n is None:
            return None
        if t is subject:
            form = _inflect(head, {"accs"} | (animate if head.grammemes & {"masc", "plur"} else set()))
        elif n.tok.head_id == node.tok.id and n.tok.rel in ("amod", "det", "flat:name", "flat"):
            # «рабочий выезд»: the adjective, not the noun «рабочий» (a worker, animate: «рабочего»)
            reading = (_reading(t, "ADJF", "nomn") or _reading(t, "PRTF", "nomn")
                       if n.tok.rel == "amod" else None) or _reading(t, "nomn")
            if reading is None:
                return None
            want = {"accs"}
            if reading.pos in ("ADJF", "PRTF", "NPRO") and head.grammemes & {"plur", "masc"}:
                want |= (head.grammemes | animate) & {"anim", "inan"}
            form = _inflect(reading, want) or _inflect(reading, {"accs"})
            if form is not None and form[:2].lower() != t.text[:2].lower():
                return None  # «лучшие» → «наихорошие»: pymorphy3 rebuilt the word from its lemma
        elif n.tok.head_id == node.tok.id and n.tok.rel == "nummod":
            return None  # «два мероприятия»: the numeral governs the noun
        else:
            form = t.text
        if form is None:
            return None
        words.append(keep_capital(t.text, form) if t.text[:1].isupper() else form)
    text = syntax.document.text  # «викторину «По страницам сказок»», «2–4 классов»: the marks as written
    return "".join(w if not k else (text[tokens[k - 1].end:tokens[k].start] or "") + w for k, w in enumerate(words))


# «совместно с», «вместе с»: partners acting with the doer, said right after it as the subject
_TOGETHER = frozenset({"совместно", "вместе"})


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
        elif node.tok.rel == "advmod" and top is not None and top.key in _TOGETHER and group[1:2] and group[1].key in ("с", "со"):
            before.append(group)  # «совместно со специалистами центра»: the partners stay with the new subject
        elif node.tok.rel in _AFTER_OBJECT_RELS and top is not None and (
                top.lemma in MANNER_NOUNS or top.lemma in TIME_NOUNS and group[0].key != "за"):  # «за два года» ends well
            before.append(group)  # «в торжественной обстановке зарегистрировали»: how, before the verb
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
        i = sentence.position(f.verb)
        if tokens[i + 1].key != "и" or tokens[i + 2] is not f.conj[0]:
            return None
        group += [tokens[i + 1], f.conj[0]]
    return group


def _parsed_roles(syntax: _Syntax, f: _Passive) -> tuple[_Node, _Node, _Node] | None:
    """The verb, the doer and the subject as the parse attached them, or ``None`` when the parse
    does not show a plain «subject + passive + doer» clause of its own."""
    if f.agent is None or f.subject is None or f.lemma in ROLE_VERBS - ROLES_OF_PEOPLE or not (
        _is_noun(f.subject) or _person_substantive(f.subject)
    ):
        return None
    verb, agent, subject = syntax.node(f.verb), syntax.node(f.agent), syntax.node(f.subject)
    if verb is None or agent is None or subject is None:
        return None
    if agent.tok.head_id != verb.tok.id or agent.tok.rel not in ("obl", "obl:agent") and not (
            agent.tok.rel == "iobj" and beside_recipient(syntax, f.agent, f.verb)):  # «Депутатом» read as the recipient
        return None  # the doer came from the fallback, not from the parse
    if subject.tok.head_id != verb.tok.id or subject.tok.rel not in ("nsubj:pass", *(("nsubj", "obj") if f.reflexive else ())):
        return None  # «осуществляется приём»: the parse may call a «-ся» passive's subject a plain one or an object
    if any(k.tok.rel in ("conj", "cc") for k in syntax.children(agent)):
        return None
    if any(k.tok.rel in ("conj", "cc") for k in syntax.children(subject)) and same_list_in_accusative(syntax, subject) is None:
        return None  # «мешки и перчатки» read the same as objects; «выставка и ярмарка» would not
    if _shares_clause(syntax, verb, f):
        return None
    return verb, agent, subject


def _parts_held(sentence: Sentence, agent_tokens: list[Token], subject_tokens: list[Token], group: list[Token]) -> bool:
    """Whether the doer or the subject belongs to more than this clause, so neither may move."""
    if _coordinated(sentence, agent_tokens) or _coordinated(sentence, subject_tokens):
        return True
    if any(t.lemma in ("который", "чей") for t in (*agent_tokens, *subject_tokens)):
        return True  # «копии которых заверяются специалистом»: the relative word must open its clause
    if cuts_a_number_off(sentence, agent_tokens) or cuts_a_number_off(sentence, subject_tokens):
        return True  # «ученицей СОШ № 2»: the name's number would be left behind
    if described_after(sentence, agent_tokens):
        return True  # «подрядчиком, определённым…»: the participle would keep the instrumental
    # «ими куплена техника, построены помещения»: the later passives keep no doer
    return doer_shared_after(sentence, max(t.end for t in (*subject_tokens, *group)))


def _active_rewrite(
    document: Document, syntax: _Syntax, sentence: Sentence, f: _Passive, tense: str, as_we: bool = False,
    speaker: tuple[str, str, str | None] | None = None,
) -> Edit | None:
    """«Мероприятие было проведено администрацией района» → «Администрация района провела мероприятие».

    ``as_we``: the doer is the post's author, so it is said as «мы» («Мы провели мероприятие»);
    ``speaker``: the pronoun, number and gender the author says it with («я», "sing", "femn").
    """
    roles = _parsed_roles(syntax, f)
    if roles is None or f.lemma in GENITIVE_VERBS:
        return None  # «достигнуты высокие результаты» → «достигли высоких результатов» needs a genitive (judge h20)
    verb, agent, subject = roles
    agent_tokens = with_its_number(sentence, _agent_words(syntax, agent, said_as_we=as_we or speaker is not None),
                                   as_we or speaker is not None)  # «Спортивной школой № 1» → «Мы»
    subject_tokens, left_out = _subject_words(syntax, subject)
    group = _verb_group(sentence, f)
    if agent_tokens is None or not _contiguous(document, agent_tokens) or subject_tokens is None or group is None \
            or _parts_held(sentence, agent_tokens, subject_tokens, group) or genitive_left_by_doer(sentence, agent_tokens, subject_tokens) \
            or phrase_after_subject(sentence, subject_tokens, group):
        return None
    units = [*agent_tokens, *subject_tokens, *group]
    start, end = min(t.start for t in units), max(t.end for t in units)
    kept = frozenset(t.start for t in subject_tokens if not t.is_word) | frozenset(
        t.start for t in agent_tokens if not t.is_word or t.protected)  # the doer's «МУП «Водоканал»» moves whole
    words = _span_words(document, sentence, start, end, kept)
    if words is None:
        return None
    taken = {t.start for t in units}
    moved = _doer_adverbs_first(agent_tokens, _movers(syntax, verb, [t for t in words if t.start not in taken]))
    if moved is None:
        return None
    before, after = moved
    agent_text, number, gender = agent_nominative(syntax, f.agent)
    if (as_we or speaker) and agent_text is not None:
        agent_text, number, gender = speaker or ("мы", "plur", None)
        as_we = agent_text in ("мы", "я")  # «наши сотрудники» speak in the third person
    verbs = _active_verbs(f, tense, "1per" if as_we else "3per", number, gender)
    obj = _accusative_tree(syntax, f.subject, subject_tokens)
    if agent_text is None or verbs is None or obj is None:
        return None
    if left_out and end != subject_tokens[-1].end:
        return None  # the clause or name stays where it is: it must still follow the object
    # «извлечён из воды мужчина, провалившийся…»: the phrase stays before the object its clause follows
    middle, after = (after, []) if left_out else ([], after)
    agreed = ("", end)
    if left_out == "acl" and obj != " ".join(t.text for t in subject_tokens):
        agreed = _participle_in_accusative(document, syntax, sentence, f.subject, subject_tokens[-1].end)
    if agreed is None or stranded_participle(sentence, f.subject, agreed[1]):
        return None  # «заявка, поданная…» → «заявку, поданная…»: the participle would keep its case
    tail, end = agreed
    obj = _lower_initial(document, sentence, subject_tokens[0], obj)
    if after and continues_object(sentence, end):
        before, after = [*after, *before], []
    parts = [agent_text, *(" ".join(t.text for t in g) for g in before), verbs]
    parts += [*(" ".join(t.text for t in g) for g in middle), obj, *(" ".join(t.text for t in g) for g in after)]
    replacement = " ".join(parts) + tail
    if _sentence_initial(document, sentence, words[0]):
        replacement = capitalise(replacement)
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
    if subject is None or _shares_clause(syntax, verb, f) or any(
            maybe_doer(t) and not _after_preposition(sentence.tokens, j) for j, t in enumerate(sentence.tokens)):
        return None  # «Проверка была проведена Роспотребнадзором»: a doer the detector missed
    dative = any(kid.tok.rel in ("iobj", "obl") and (t := syntax.token(kid)) is not None
                 and _reading(t, "datv") is not None and not any(k.tok.rel == "case" for k in syntax.children(kid))
                 for kid in syntax.children(verb))
    if dative and not dative_ok:
        return None  # «семьям будет оказана поддержка»: «поддержат семьи», not «семьям»
    if not dative and lemma in NEEDS_RECIPIENT:
        return None  # «Помощь оказана по постановлению» → «Помогли по постановлению» (whom?)
    if keeps_object:
        head = _reading(f.subject, "NOUN", "nomn")
        if head is None or "inan" not in head.grammemes or not head.grammemes & {"plur", "masc", "neut"}:
            return None  # the object must read the same in the accusative
        obj_tokens = _tree_tokens(syntax, subject)
    else:
        kids = [k for k in syntax.children(subject) if k.tok.rel != "punct"]
        if any(not any(g.tok.rel == "case" for g in syntax.children(k)) for k in kids):
            return None  # «оказана медицинская помощь», «проверка документов»: the noun cannot vanish
        if not dative and any((t := syntax.token(g)) is not None and t.key == "по"
                              for k in kids for g in syntax.children(k)):
            return None  # «проведена проверка по обращению» → «проверят по обращению» (what?): a basis, no object
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
        replacement = capitalise(replacement)
    return Edit(start, end, replacement)
