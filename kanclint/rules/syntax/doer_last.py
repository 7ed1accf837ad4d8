"""KC201: a passive whose doer closes the sentence after the old subject, said actively from the words.

«Школьникам были вручены грамоты директором школы», «Ранее ученикам были подарены мячи тренером
команды»: the parser hangs the doer on the subject («грамоты директором»), so neither the detector
nor :func:`.active_rewrite._active_rewrite` sees a doer.  A noun in the instrumental that names
people, right after a plain inanimate subject and running to the end of the sentence with its
genitives, can only be the doer: a thing does not govern a person in the instrumental.  A verbal
noun may («руководство учащимися», «управление волонтёрами»), so such a subject is left alone.

The new clause keeps what stood before the verb (the time, the recipient) and says «doer + verb +
object» where the passive stood: «Школьникам директор школы вручил грамоты».  Only people are
rewritten: an institution in the instrumental («Министерством … переданы») may be the author
speaking of itself, which KC304 decides (see tests/fixtures/rewrites/syntax.tsv).
"""

from __future__ import annotations

from kanclint.model import Edit
from kanclint.rules.syntax.active_rewrite import _active_verbs, _sentence_initial, _verb_group
from kanclint.rules.syntax.light_verbs import has_light_verb
from kanclint.rules.syntax.linear_active import (_ENDS, _QUOTES, _doer_start, _genitive_run, _inanimate_noun,
                                                 _nominative_doer, _people, _subject_after, _written)
from kanclint.rules.syntax.passive_detection import _Passive
from kanclint.rules.syntax.words import _VERB_POS, ROLE_VERBS
from kanclint.text.document import Document, Sentence, Token

# the endings of verbal nouns, which may govern a person in the instrumental («руководство
# кружковцами», «управление волонтёрами», «занятия педагогами»), and a few such nouns of other shapes
_VERBAL_ENDINGS = ("ние", "тие", "ство", "ция")
_VERBAL_NOUNS = frozenset({"работа", "забота", "борьба", "охота", "игра", "встреча", "беседа", "обмен", "контроль",
                           "надзор", "связь", "знакомство", "дружба"})


def doer_closes_clause(sentence: Sentence, doer: Token, verb: Token) -> bool:
    """Whether ``doer`` (in the instrumental, naming people) follows the subject of ``verb`` and
    ends the sentence with its genitives: «вручены грамоты директором школы.»"""
    tokens = sentence.tokens
    at, v = sentence.position(doer), sentence.position(verb)
    if not v < at - 1 or not _people(doer):
        return False
    first = _doer_start(tokens, at)
    if first is None or first <= v + 1 or any(t.text[:1].isupper() for t in tokens[first:at + 1]):
        return False  # «Ольгой Ивановой»: a person's name, whose surname would read as a genitive
    noun = tokens[first - 1]
    if not noun.is_word or noun.text[:1].isupper() or not _inanimate_noun(noun) or noun.lemma.endswith(_VERBAL_ENDINGS) or noun.lemma in _VERBAL_NOUNS:
        return False  # «награды Иванова», «руководство педагогами»
    if not any(p.pos == "NOUN" and "nomn" in p.grammemes for p in noun.parses):
        return False
    end = _genitive_run(tokens, at + 1)
    if end != len(tokens) - 1 or tokens[end].text not in _ENDS:
        return False  # a phrase or a clause after the doer: it may belong to the subject
    middle = tokens[v + 1:first]
    return all(t.is_word and t.pos not in _VERB_POS and t.key not in ("и", "или") for t in middle)


def doer_last_rewrite(document: Document, sentence: Sentence, f: _Passive, tense: str) -> Edit | None:
    """«Школьникам директор школы вручил грамоты», or ``None`` when the clause is not of that shape."""
    if f.agent is None or f.reflexive or f.lemma in ROLE_VERBS or document.author:
        # «сделаны фотографии участниками»: a role verb keeps its passive (syntax.tsv, keep-role-verb)
        return None
    if not doer_closes_clause(sentence, f.agent, f.verb):
        return None
    tokens = sentence.tokens
    group = _verb_group(sentence, f)
    if group is None or len(group) > 2 or sentence.position(group[-1]) - sentence.position(group[0]) != len(group) - 1:
        return None  # «были торжественно вручены»: an adverb inside, or a second participle
    g0 = sentence.position(group[0])
    before = tokens[:g0]
    if any(not t.is_word and t.text not in _QUOTES or t.is_word and (t.pos in _VERB_POS or t.key == "не")
           for t in before):
        return None  # a comma, another verb or a negation before: more than one plain clause
    at = sentence.position(f.agent)
    first = _doer_start(tokens, at)
    subject = _subject_after(document.text, tokens, sentence.position(f.verb) + 1, f)
    if first is None or subject is None or subject[1] != first:
        return None
    obj, _ = subject
    doer = _nominative_doer(tokens[first:at + 1])
    verbs = _active_verbs(f, tense, "3per", doer[1], doer[2]) if doer is not None else None
    if doer is None or verbs is None or has_light_verb(f"{verbs} {obj}"):
        return None  # «была оказана помощь»: the split predicate is KC103's
    end = _genitive_run(tokens, at + 1)
    named = " ".join(w for w in (doer[0], _written(document.text, tokens[at + 1:end])) if w)
    replacement = f"{named} {verbs} {obj}"
    if _sentence_initial(document, sentence, group[0]):
        replacement = replacement[:1].upper() + replacement[1:]
    return Edit(group[0].start, tokens[end - 1].end, replacement)
