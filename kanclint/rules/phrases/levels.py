"""KC112: «повышение уровня правовой грамотности» → «повышение правовой грамотности».

«Уровень» before a quality that has no other measure (грамотность, безопасность, квалификация…)
adds a word and nothing else: what rises is the quality itself.  The qualities are data
(``dictionaries/lexicon/clauses.toml``, ``level-qualities``); a measured thing keeps its level
(«повышение уровня воды», «уровня жизни», «уровня сахара»), and so does a phrase whose noun
cannot be read with certainty.

«Ускорение процесса развития языка» is «ускорение развития языка» (:func:`bare_process`): a
verbal noun after «процесса» is a process already; «чтобы ускорить процесс развития» →
«чтобы ускорить развитие».  Only after the verbs and nouns of ``process-heads`` (a «судебный
процесс», «учебный процесс» has an adjective and is a term).

«Обсуждение вопросов сохранения языков» is «обсуждение сохранения языков» (:func:`bare_questions`), and
«обсудили вопросы благоустройства» «обсудили благоустройство»: a verbal noun is the matter talked over
already.  After «обсудить» the phrase goes into the accusative only where it stands alone (no second
member left behind in the genitive, no person: «вопросы ветеранов» are the veterans' own).

«Процесс перемещения фондов идёт…» is «Перемещение фондов идёт…» (:func:`process_subject`): only as the
sentence's subject, with a predicate in the present or future, which agrees with any gender, and
no past, short form or adjective to re-inflect.
"""

from __future__ import annotations

from functools import cache

from kanclint.lexicon import word_list, word_map
from kanclint.model import Edit
from kanclint.patterns import Match
from kanclint.rules.phrases.clauses import _noun_phrase
from kanclint.rules.phrases.phases import carried_object
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.inflection import inflect_raw, keep_capital
from kanclint.text.morphology import Parse


def bare_quality(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """Delete «уровня » before a quality from ``level-qualities``: «уровня безопасности» → «безопасности»."""
    tokens = list(sentence.tokens)
    i = sentence.position(m.tokens[-1])
    found = _noun_phrase(tokens, i + 1)
    if found is None or any(t.protected for t, _ in found[0]):
        return None
    if found[0][-1][1].lemma not in word_list("level-qualities"):
        return None
    return Edit(tokens[i].start, tokens[i + 1].start, "")


# the lexicon's verbal nouns, beside any noun in «-ние», «-тие»
_MAPS = ("goal-verbs", "need-verbs", "decision-verbs", "work-verbs", "phase-nouns")


def _verbal_noun(token: Token) -> Parse | None:
    """``token`` read as a verbal noun in the genitive singular, or ``None``."""
    if not token.is_word or token.protected or token.text[:1].isupper():
        return None
    readings = [p for p in token.parses if p.pos == "NOUN" and {"gent", "sing"} <= p.grammemes]
    if not readings:
        return None
    reading = readings[0]
    return reading if reading.lemma.endswith(("ние", "тие")) or reading.lemma in _known_verbal_nouns() else None


@cache
def _known_verbal_nouns() -> frozenset[str]:
    return frozenset().union(*(word_map(name) for name in _MAPS))


def bare_process(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """Delete «процесса» before a verbal noun: «ускорения процесса развития» → «ускорения развития»,
    «ускорить процесс развития» → «ускорить развитие»."""
    tokens = list(sentence.tokens)
    process = m.tokens[-1]
    i = sentence.position(process)
    if i + 1 >= len(tokens) or document.text[process.end:tokens[i + 1].start] != " ":
        return None
    noun = _verbal_noun(tokens[i + 1])
    after_verb = m.tokens[0].pos in ("VERB", "INFN")  # «ускорить процесс» (accusative), «ускорения процесса»
    case = "accs" if after_verb else "gent"
    if noun is None or not any(p.pos == "NOUN" and {case, "sing"} <= p.grammemes for p in process.parses):
        return None
    form = tokens[i + 1].text if case == "gent" else inflect_raw(noun.raw, frozenset({"accs", "sing"}))
    if form is None:
        return None
    return Edit(process.start, tokens[i + 1].end, keep_capital(tokens[i + 1].text, form))


def bare_questions(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """Delete «вопросов» before a verbal noun after «обсуждение»; after «обсудить» put the noun's
    phrase for «вопросы» in the accusative («обсудили вопросы благоустройства дворов» → «обсудили
    благоустройство дворов»)."""
    tokens = list(sentence.tokens)
    questions = m.tokens[-1]
    i = sentence.position(questions)
    if i + 1 >= len(tokens) or document.text[questions.end:tokens[i + 1].start] != " ":
        return None
    if _verbal_noun(tokens[i + 1]) is None:
        return None
    if m.tokens[0].pos == "PRTS":
        return None  # «обсуждены вопросы организации»: the subject would go with «вопросы» (judge h55); KC201 rewrites it
    if m.tokens[0].pos not in ("VERB", "INFN"):
        return Edit(questions.start, tokens[i + 1].start, "")  # «обсуждение вопросов сохранения»: still genitive
    if not any(p.pos == "NOUN" and "accs" in p.grammemes for p in questions.parses):
        return None
    carried = carried_object(document, tokens, i + 1)
    if carried is None:
        return None
    obj, last = carried
    return Edit(questions.start, last.end, obj)


_GENDERED = frozenset({"PRTS", "ADJS", "ADJF", "PRTF"})


def process_subject(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«Процесс замены труб идёт по плану» → «Замена труб идёт по плану»."""
    tokens = list(sentence.tokens)
    process = m.tokens[0]
    if sentence.words[0] is not process or not any(
            p.pos == "NOUN" and {"nomn", "sing"} <= p.grammemes for p in process.parses):
        return None
    i = sentence.position(process)
    if i + 1 >= len(tokens) or document.text[process.end:tokens[i + 1].start] != " ":
        return None
    noun = _verbal_noun(tokens[i + 1])
    if noun is None:
        return None
    predicate = next((t for t in tokens[i + 2:] if t.is_word and t.parses and t.parses[0].pos in ("VERB", *_GENDERED)
                      and not (t.parses[0].pos in ("ADJF", "PRTF") and "nomn" not in t.parses[0].grammemes)), None)
    if predicate is None or predicate.parses[0].pos != "VERB" or "past" in predicate.parses[0].grammemes \
            or "sing" not in predicate.parses[0].grammemes:
        return None  # «Процесс … завершился»: the verb would need the noun's gender
    said = inflect_raw(noun.raw, frozenset({"nomn", "sing"}))
    if said is None:
        return None
    return Edit(process.start, tokens[i + 1].end, keep_capital(process.text, said))
