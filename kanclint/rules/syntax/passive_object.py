"""The old subject of a passive as the object of its active rewrite («нами была проведена
проверка» → «мы провели проверку»), in the accusative and as the words it spans.

A counted inanimate noun («300 деревьев», «27 нарушений») reads the same in the accusative and
is carried over as written; its number is never touched.
"""

from __future__ import annotations

from kanclint.rules.syntax.active_rewrite import _counted_object
from kanclint.rules.syntax.doer_phrase import _phrase
from kanclint.rules.syntax.morph import _inflect, _reading, held_event
from kanclint.rules.syntax.passive_detection import _is_proper
from kanclint.rules.syntax.spans import _contiguous
from kanclint.rules.syntax.stranded import stranded_participle
from kanclint.text.document import Token
from kanclint.text.syntax_view import _Syntax


def object_tokens(syntax: _Syntax, subject: Token | None) -> list[Token]:
    """The subject's phrase when its words stand together, else the subject alone."""
    if subject is None:
        return []
    node = syntax.node(subject)
    if node is None:
        return [subject]
    tokens = [t for t in (syntax.token(n) for n in _phrase(syntax, node)) if t is not None]
    return tokens if tokens and _contiguous(syntax.document, tokens) else [subject]


def object_accusative(syntax: _Syntax, subject: Token | None) -> str | None:
    """The subject's phrase in the accusative; ``None`` when a word cannot be put there."""
    tokens = object_tokens(syntax, subject)
    if not tokens or subject is None:
        return None
    if stranded_participle(syntax.document.sentences[subject.sentence], subject, tokens[-1].end):
        return None  # «нами проведена экскурсия, посвящённая…»: the clause would keep the nominative
    node = syntax.node(subject)
    counted = _counted_object(syntax, subject, node, tokens) if node is not None else None
    if counted is not None:
        return counted or None
    # «проведён субботник»: the day of work, not the person pymorphy reads first («субботника»)
    head = held_event(subject) or _reading(subject, "nomn")
    if head is None:
        return None
    words = []
    for t in tokens:
        if t is subject:
            form = _inflect(head, {"accs"})
        elif t.start < subject.start and t.pos in ("ADJF", "PRTF") and _reading(t, "nomn"):
            adjective = _reading(t, t.pos, "nomn") or _reading(t, "nomn")  # «рабочий» the adjective, not the worker
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
