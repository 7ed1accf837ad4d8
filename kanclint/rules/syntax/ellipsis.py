"""KC201 with a second object that shares the verb: «Все участники отмечены грамотами, а победители —
призами» → «Всех участников отметили грамотами, а победителей — призами».

The clause after «, а» leaves the verb out and puts a dash in its place; it shares the passive
verb and so its nominative is a second subject.  Said actively, both subjects become objects, so
both go into the accusative.  Only this one shape is read: «, а» + a noun phrase in the
nominative + a dash + words without a verb, a name or a nominative to the end of the sentence
(«а победители — Иван и Ольга» says who they are); anything else (a verb of its own, a second
dash) leaves the sentence as it was.
"""

from __future__ import annotations

from collections.abc import Sequence

from kanclint.model import Edit
from kanclint.rules.syntax.rewrite_objects import _Subject
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.inflection import inflect_raw
from kanclint.text.morphology import Parse

_DASHES = frozenset({"—", "–", "-"})
_VERBAL = frozenset({"VERB", "PRTS", "INFN", "GRND", "PRTF"})
_MODIFIERS = frozenset({"ADJF", "PRTF", "NPRO"})


def _nominative_phrase(words: Sequence[Token]) -> list[tuple[Token, Parse]] | None:
    """Modifiers and a head noun, all in the nominative and agreeing; ``None`` otherwise."""
    if not words or any(not t.is_word or t.protected or t.text[:1].isupper() for t in words):
        return None
    head = next((p for p in words[-1].parses if p.pos == "NOUN" and "nomn" in p.grammemes), None)
    if head is None or "Fixd" in head.grammemes:
        return None
    agree = head.grammemes & {"sing", "plur"} | (head.grammemes & {"masc", "femn", "neut"} if "sing" in head.grammemes else set())
    out = []
    for t in words[:-1]:
        reading = next((p for p in t.parses if p.pos in _MODIFIERS and "nomn" in p.grammemes and agree <= p.grammemes), None)
        if reading is None:
            return None
        out.append((t, reading))
    return [*out, (words[-1], head)]


def elliptic_pair(sentence: Sentence, group: list[Token], subject: _Subject) -> list[tuple[Token, Parse]] | None:
    """The second subject of «…, а победители — призами» after the passive ``group``, if the rest of
    the sentence is that one verbless clause."""
    tokens = sentence.tokens
    end = max(sentence.position(group[-1]), sentence.position((subject.tail or subject.tokens)[-1]))
    later = list(tokens[end + 1 :])
    starts = [k for k in range(len(later) - 1) if later[k].text == "," and later[k + 1].key == "а"]
    dashes = [k for k, t in enumerate(later) if t.text in _DASHES]
    if len(starts) != 1 or len(dashes) != 1 or dashes[0] <= starts[0] + 2:
        return None
    phrase = _nominative_phrase(later[starts[0] + 2 : dashes[0]])
    rest = later[dashes[0] + 1 :]
    if phrase is None or any(t.is_word and (not t.parses or t.parses[0].pos in _VERBAL or t.text[:1].isupper()
                                            or any("nomn" in p.grammemes for p in t.parses)) for t in rest):
        return None  # «а победители — Иван и Ольга»: the dash says who they are, no verb is left out
    if any(t.is_word and t.parses and t.parses[0].pos in _VERBAL for t in later[: starts[0]]):
        return None
    return phrase


def _accusative(phrase: list[tuple[Token, Parse]]) -> str | None:
    head = phrase[-1][1]
    want = {"accs"} | (head.grammemes & {"sing", "plur"})
    if "sing" in head.grammemes:
        want |= head.grammemes & {"masc", "femn", "neut"}
    if head.grammemes & {"plur", "masc"}:
        want |= head.grammemes & {"anim", "inan"}
    forms = []
    for token, reading in phrase:
        form = inflect_raw(reading.raw, frozenset(want if reading is not head else {"accs"} | (head.grammemes & {"sing", "plur"})))
        if form is None or form[:2].lower() != token.text[:2].lower():
            return None
        forms.append(form)
    return " ".join(forms)


def with_pair(document: Document, edit: Edit | None, phrase: list[tuple[Token, Parse]] | tuple[()]) -> Edit | None:
    """``edit`` widened over the second subject, now in the accusative; ``None`` when it cannot be."""
    if edit is None or not phrase:
        return edit
    start, end = phrase[0][0].start, phrase[-1][0].end
    said = _accusative(phrase)  # type: ignore[arg-type]
    if said is None or start < edit.end:
        return None
    return Edit(edit.start, end, edit.replacement + document.text[edit.end:start] + said)
