"""KC201 register rewrite of a doer-less passive: «Работы проведены» → «Работы провели» / «Мы провели работы».

A passive without a doer is how a press release hides who acted.  When the post speaks for the
organisation (``document.speaks_as_we``: the config keys ``we`` or ``author``) the doer is the
author, so the sentence says «мы»; otherwise Russian says an unknown doer with the third person
plural («Трубы заменили», «Заявки принимают до 14 июля»).  Where the passive verb is a light verb
and its subject a verbal noun («была произведена замена труб»), the active phrase is read by the
split-predicate dictionary (:mod:`.light_verbs`): «мы заменили трубы», «заменили трубы».

Everything uncertain is left alone, the finding stays a hint: a subject the parse does not show
plainly, a name, a list, a clause that shares the verb, quoted text, a state rather than an action
(«в издании представлены пословицы», «музей основан в 1921 году»).
"""

from __future__ import annotations

from kanclint.model import Edit
from kanclint.rules.syntax.active_rewrite import (
    _accusative_tree,
    _active_verbs,
    _coordinated,
    _lower_initial,
    _sentence_initial,
    _shares_clause,
    _verb_group,
)
from kanclint.rules.syntax.light_verbs import has_light_verb, one_verb, phrase_fix_over
from kanclint.rules.syntax.morph import _reading
from kanclint.rules.syntax.passive_detection import _after_preposition, _is_agent, _is_proper, _Passive
from kanclint.rules.syntax.spans import _contiguous
from kanclint.rules.syntax.words import EMPTY_VERBS, ORGANISATIONS, STATE_PARTICIPLES
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.inflection import capitalise
from kanclint.text.morphology import parse
from kanclint.text.syntax_view import _Node, _Syntax

# Passives that tell how things are or were, not who acts now: «в издании представлены
# пословицы», «в музее хранится коллекция», «музей основан в 1921 году», «книга написана на
# вепсском языке».  Their active form would invent a doer or change the sense.
STATIVE = frozenset(
    {
        "представить", "представлять", "хранить", "основать", "основывать", "написать",
        "включить", "включать", "приурочить", "образовать", "родить", "издать", "издавать",
        "посвящать", "располагать", "содержать", "сопровождать", "ожидать", "предусмотреть",
        "предусматривать", "снабдить", "окружить", "наполнить", "заполнить", "прикрепить",
        "украсить", "оснащать", "выполнять", "положить", "положено",
    }
)

# Dictionaries whose fix of the passive verb beats a rewrite with a new doer: formulas and clichés
# («уделено особое внимание» → «много внимания уделили»); without «мы», also a plainer word
# («занятия проводятся» → «занятия проходят»).
_SAYS_IT_BETTER = frozenset({"KC102", "KC105"})

# Relations of the passive verb in its sentence where a rewrite keeps the clause whole.
_MAIN_RELS = frozenset({"root", "conj", "parataxis"})
# Words that may stand between the subject and the verb group and go before the new verb.
_BETWEEN_POS = frozenset({"ADVB", "PRCL"})


def doerless_rewrite(
    document: Document, syntax: _Syntax, sentence: Sentence, f: _Passive, tense: str
) -> Edit | None:
    """The doer-less passive ``f`` said actively, in the «мы» form or the third person plural."""
    if f.agent is not None or f.subject is None or f.lemma in STATIVE or f.lemma in STATE_PARTICIPLES:
        return None
    verb, subject = syntax.node(f.verb), syntax.node(f.subject)
    if verb is None or subject is None or verb.tok.rel not in _MAIN_RELS:
        return None
    if subject.tok.head_id != verb.tok.id:
        return None
    if subject.tok.rel != "nsubj:pass" and not (f.reflexive and subject.tok.rel == "nsubj"):
        return None
    if _is_proper(f.subject) or not f.subject.is_word or f.subject.pos != "NOUN":
        return None  # a name is a fact: never put into another case by a guess
    if any(k.tok.rel in ("nsubj", "obj", "ccomp", "xcomp", "csubj") for k in syntax.children(verb)):
        return None  # another subject or object: not the plain passive clause this rewrite knows
    if _shares_clause(syntax, verb, f):
        return None
    tokens = sentence.tokens
    if any(_maybe_doer(t) and not _after_preposition(tokens, j) for j, t in enumerate(tokens)):
        return None  # «наряжена коммунальщиками», «оформлен учащимися»: a doer not tied to the verb
    group = _verb_group(sentence, f)
    if group is None:
        return None
    subject_tokens = _phrase_tokens(syntax, subject)
    truncated = False
    if f.subject.start > group[-1].start and (
        subject_tokens is None or any(t.text[:1].isupper() for t in subject_tokens[1:])
    ):  # «объявлены победители конкурса «…»»: only the head and its modifiers change, the rest stays
        subject_tokens, truncated = _head_tokens(syntax, f.subject, subject), True
    if subject_tokens is None or _coordinated(sentence, subject_tokens):
        return None
    if any(t.text[:1].isupper() for t in subject_tokens[1:]):
        return None  # «Итоги конкурса Министерства»: a capitalised word in the phrase may be a name
    if subject_tokens[0].text[:1].isupper() and not _sentence_initial(document, sentence, subject_tokens[0]):
        return None  # «…2023 г. Итоги конкурса будут подведены»: a missed sentence start, or a name
    obj = _object(syntax, f.subject, subject, subject_tokens)
    if obj is None:
        return None
    if truncated and obj != " ".join(t.text for t in subject_tokens) and _agreeing_after(syntax, subject):
        return None  # «приглашается команда, созданная…»: the participle after would keep the nominative
    we = document.speaks_as_we and not _history(sentence)
    if phrase_fix_over(document, f.verb, _SAYS_IT_BETTER if we else _SAYS_IT_BETTER | {"KC101"}):
        return None
    person = "1per" if we else "3per"
    verbs = _active_verbs(f, tense, person, "plur", None)
    if verbs is None:
        return None
    return _assemble(document, syntax, sentence, f, group, subject_tokens, obj, verbs, we, truncated)


def _phrase_tokens(syntax: _Syntax, node: _Node) -> list[Token] | None:
    """The words (and digits: «20 дипломов») of the subject's subtree, contiguous and unprotected."""
    nodes = syntax.subtree(node)
    tokens = [syntax.token(n) for n in nodes]
    if any(t is None or t.protected or not (t.is_word or t.text.isdigit()) for t in tokens):
        return None
    words = [t for t in tokens if t is not None]
    if not _contiguous(syntax.document, words):
        return None
    if any(n.tok.rel in ("conj", "cc", "punct", "acl", "acl:relcl") for n in nodes if n is not node):
        return None
    return words


# Groups of people that act, beside the bodies of ORGANISATIONS: «подготовлен ансамблем».
COLLECTIVES = frozenset(
    {"ансамбль", "хор", "оркестр", "отряд", "группа", "студия", "бригада", "экипаж", "кружок", "труппа", "дружина"}
)


def _maybe_doer(token: Token) -> bool:
    """An instrumental that may name who acted: a doer by :func:`_is_agent`, a person («учащимися»), a group."""
    if _is_agent(token, False):
        return True
    if any("ablt" in p.grammemes and p.lemma in COLLECTIVES for p in token.parses):
        return True
    if any("ablt" in p.grammemes and p.lemma in ORGANISATIONS for p in token.parses):
        return True  # «жюри»: indeclinable, its instrumental is never read first
    best = token.parses[0] if token.parses else None
    return best is not None and "ablt" in best.grammemes and bool(best.grammemes & {"anim", "Subx"})
    # «учащимися» (a participle used as a noun); not «нуждающимся», a dative first of all


def _history(sentence: Sentence) -> bool:
    """A sentence dated in the last century («Комиссия образована в 1998 году») tells history, not what «мы» did."""
    return any(t.text.isdigit() and len(t.text) == 4 and t.text < "2000" for t in sentence.tokens)


_MODIFIER_RELS = frozenset({"amod", "det", "nummod"})


def _head_tokens(syntax: _Syntax, head: Token, node: _Node) -> list[Token] | None:
    """The subject's head with the modifiers right before it («творческого» is not one: it follows)."""
    kids = [k for k in syntax.children(node) if k.tok.start < node.tok.start]
    if any(k.tok.rel not in _MODIFIER_RELS for k in kids):
        return None
    tokens = [syntax.token(k) for k in sorted(kids, key=lambda k: k.tok.start)] + [head]
    if any(t is None or t.protected or not (t.is_word or t.text.isdigit()) for t in tokens):
        return None
    words = [t for t in tokens if t is not None]
    if any(syntax.children(n) for n in (syntax.node(t) for t in words[:-1]) if n is not None):
        return None  # a modifier with words of its own
    return words if _contiguous(syntax.document, words) else None


def _agreeing_after(syntax: _Syntax, node: _Node) -> bool:
    """Whether an adjective or participle after the head agrees with it: «команда, созданная…»."""
    for kid in syntax.children(node):
        token = syntax.token(kid)
        if kid.tok.start > node.tok.start and token is not None and token.pos in ("ADJF", "PRTF"):
            return True
    return False


def _object(syntax: _Syntax, head: Token, node: _Node, tokens: list[Token]) -> str | None:
    """The old subject as the object in the accusative; a counted phrase («20 дипломов») as written."""
    counted = [k for k in syntax.children(node) if k.tok.rel == "nummod"]
    if counted:
        numbers = [syntax.token(k) for k in counted]
        reading = head.parses[0] if head.parses else None
        if (
            reading is None or "anim" in reading.grammemes
            or not all(t is not None and t.text.isdigit() for t in numbers)
        ):
            return None  # «два участника» → «двух участников»: left to the author
        return " ".join(t.text for t in tokens)
    reading = _reading(head, "NOUN", "nomn")
    if reading is None:
        return None
    same = {"inan", "plur"} <= reading.grammemes or ({"inan", "sing"} <= reading.grammemes and not "femn" in reading.grammemes)
    if same and len({frozenset(p.grammemes & {"anim", "inan"}) for p in head.parses if "nomn" in p.grammemes}) == 1:
        return " ".join(t.text for t in tokens)  # «лучшие работы»: the accusative reads as the nominative
    said = _accusative_tree(syntax, head, tokens)
    if said is None or any(new[:2].lower() != old.text[:2].lower() for new, old in zip(said.split(), tokens)):
        return None  # «лучшие» → «наихорошие»: pymorphy3 rebuilt the word from its lemma
    return said


# Verbs that take a dative recipient, as the light verb did: «пострадавшим оказали помощь» →
# «пострадавшим помогли».  After any other verb a dative left behind is wrong.
DATIVE_VERBS = frozenset(
    {
        "помочь", "помогать", "содействовать", "посодействовать", "способствовать", "сообщить",
        "сообщать", "рассказать", "рассказывать", "ответить", "отвечать", "вручить", "вручать",
        "выдать", "выдавать", "передать", "передавать", "предоставить", "предоставлять",
        "показать", "показывать", "объяснить", "объяснять", "разъяснить", "разъяснять",
        "посоветовать", "советовать", "пообещать", "обещать", "выплатить", "выплачивать",
    }
)


def _has_dative(syntax: _Syntax, f: _Passive) -> bool:
    """Whether the passive verb has a dative recipient without a preposition («семьям оказана»)."""
    verb = syntax.node(f.verb)
    if verb is None:
        return False
    for kid in syntax.children(verb):
        token = syntax.token(kid)
        if token is None or kid.tok.rel not in ("iobj", "obl", "obj"):
            continue
        if any(k.tok.rel == "case" for k in syntax.children(kid)):
            continue
        if any("datv" in p.grammemes for p in token.parses[:2]):
            return True
    return False


def _new_verb(phrase: str) -> str | None:
    """The lemma of the first finite verb of ``phrase`` («мы поможем пострадавшим» → «помочь»)."""
    for word in phrase.split():
        readings = parse(word)
        if readings and readings[0].pos == "VERB":
            return readings[0].lemma
    return None


def _between(sentence: Sentence, left: Token, right: Token) -> list[Token] | None:
    """Words strictly between two tokens; ``None`` when one of them is not an adverb or a particle."""
    tokens = sentence.tokens
    inside = tokens[sentence.position(left) + 1 : sentence.position(right)]
    if any(not t.is_word or t.pos not in _BETWEEN_POS for t in inside):
        return None
    return list(inside)


def _assemble(
    document: Document, syntax: _Syntax, sentence: Sentence, f: _Passive, group: list[Token], subject_tokens: list[Token],
    obj: str, verbs: str, we: bool, truncated: bool = False,
) -> Edit | None:
    """One edit over the subject and the verb group, in the order Russian wants for the new clause."""
    subject_first = subject_tokens[0].start < group[0].start
    first, last = (subject_tokens[0], group[-1]) if subject_first else (group[0], subject_tokens[-1])
    gap = (
        _between(sentence, subject_tokens[-1], group[0]) if subject_first
        else _between(sentence, group[-1], subject_tokens[0])
    )
    inner = _between(sentence, group[0], group[-1]) if len(group) > 1 and not f.conj else []
    if gap is None or inner is None:
        return None  # words between the subject and the verb that belong to neither
    span = sentence.tokens[sentence.position(first) : sentence.position(last) + 1]
    if any(t.protected or not (t.is_word or t.text.isdigit()) for t in span):
        return None
    adverbs = [t.text for t in (gap if subject_first else []) + inner]
    if not subject_first:
        adverbs = [t.text for t in inner] + [t.text for t in gap]
    obj = _lower_initial(document, sentence, subject_tokens[0], obj)
    phrase = " ".join([*adverbs, verbs, obj])
    light = has_light_verb(phrase)
    if light:
        if f.conj or truncated:
            return None  # the verbal noun's object is not all in hand: «заменили труб» would follow
        said = one_verb(phrase)
        if said is None or (_has_dative(syntax, f) and _new_verb(said) not in DATIVE_VERBS):
            return None  # «семьям оказана поддержка» → «поддержат семьи», not «семьям поддержат»
        phrase = said
    elif f.lemma in EMPTY_VERBS:
        return None  # «мы осуществили поставку» is no better: the dictionary has no verb for it
    if we:
        replacement = "мы " + phrase
    elif light or not subject_first:
        replacement = phrase
    else:  # «Работы провели»: the old subject stays the topic of the sentence
        replacement = " ".join([obj, *adverbs, verbs])
    if _sentence_initial(document, sentence, first):
        replacement = capitalise(replacement)
    return Edit(first.start, last.end, replacement)
