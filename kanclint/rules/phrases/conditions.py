"""KC104: «При обнаружении подозрительных предметов сообщите…» → «Если заметите подозрительные предметы, сообщите…».

«При + отглагольное существительное» is how an instruction hides its condition in a noun.  Where
it opens the sentence or the words after a colon («Полиция напоминает: при обнаружении…»), and where
the sentence tells the reader what to do (an imperative, «нужно», «необходимо», «следует»,
«просим»…), the condition is the reader's own act and reads as a clause: «если заметите», «когда
пользуетесь», or, for what happens to the reader, «если возникнут вопросы», «если ухудшится
самочувствие».  The nouns and their clauses are data (``dictionaries/lexicon/clauses.toml``,
``condition-verbs``).  A report («При поступлении звонка дежурные выезжают») has no reader to
address and is left alone, as is anything uncertain: a name, a person whose accusative is
unsure, a phrase whose end cannot be found.
"""

from __future__ import annotations

from kanclint.lexicon import word_map
from kanclint.model import Edit
from kanclint.patterns import Match
from kanclint.rules.phrases.clauses import _JOINED, _gent, _into, _noun_phrase, _tail_end
from kanclint.rules.phrases.decisions import _animacy_certain
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.inflection import capitalise

# words that tell the reader what to do: after them the condition is the reader's
_DIRECTIVE = frozenset({"необходимо", "нужно", "надо", "следует", "просим", "рекомендуем", "советуем",
                        "стоит", "рекомендуется", "нельзя", "запрещается", "запрещено", "важно"})
_SENTENCE_END = frozenset({".", "!", "…"})


def _directive(token: Token) -> bool:
    """An imperative («сообщите», «звоните»), «не» before one, or a word of advice («нужно», «просим»)."""
    if not token.is_word:
        return False
    # «сообщите», «звоните» read first as a verb, indicative or imperative alike; «Цель» is a noun
    # before it is «целить» in the imperative, and the reader is addressed as «вы», in the plural
    return token.key in _DIRECTIVE or bool(token.parses) and token.parses[0].pos == "VERB" and any(
        p.pos == "VERB" and {"impr", "plur"} <= p.grammemes for p in token.parses)


def _clause(verb: str, case: str, words: list) -> str | None:
    """The condition clause: «если заметите подозрительные предметы», «если возникнут вопросы»."""
    noun = words[-1][1]
    if "/" in verb:  # the noun is the subject: the verb takes its number
        single, plural = verb.split("/")
        verb = plural if "plur" in noun.grammemes else single
    if case == "accs" and not _animacy_certain(*words[-1]):
        return None
    said = _into(words, case)
    return f"{verb} {said}" if said else None


def condition_clause(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«При использовании газовых приборов необходимо…» → «Когда пользуетесь газовыми приборами, необходимо…»."""
    tokens = list(sentence.tokens)
    i = sentence.position(m.tokens[-1])
    noun = _gent(tokens[i], "loct")
    clauses = word_map("condition-verbs")
    if noun is None or noun.pos != "NOUN" or noun.lemma not in clauses or "sing" not in noun.grammemes:
        return None
    said, _, case = clauses[noun.lemma].partition(":")
    found = _noun_phrase(tokens, i + 1)
    if found is None or any(t.text[:1].isupper() or t.protected for t, _ in found[0]):
        return None
    words, after = found
    end = _tail_end(tokens, after)
    if end < len(tokens) and tokens[end].key in _JOINED:
        return None  # «при обнаружении пожара или дыма»: the second member would stay genitive
    clause = _clause(said.split(" ", 1)[1], case or "accs", words)
    if clause is None:
        return None
    clause = f"{said.split(' ', 1)[0]} {clause}{document.text[words[-1][0].end:tokens[end - 1].end]}"
    first = next(t for t in tokens if t.is_word)
    text = document.text
    # «Полиция напоминает: при обнаружении…» — after a colon the advice opens its own clause
    after_colon = m.tokens[0] is not first and text[:m.start].rstrip().endswith(":")
    if m.tokens[0] is first or after_colon:
        if text[m.start].isupper():
            clause = capitalise(clause)
        nxt = tokens[end] if end < len(tokens) else None
        if nxt is not None and nxt.text == "," and end + 1 < len(tokens) and _directive(tokens[end + 1]):
            return Edit(m.start, tokens[end - 1].end, clause)
        if nxt is None or not _directive(nxt) and not (nxt.key == "не" and end + 1 < len(tokens)
                                                        and _directive(tokens[end + 1])):
            return None  # a report («При поступлении звонка дежурные выезжают») or an unclear end
        return Edit(m.start, tokens[end - 1].end, clause + ",")
    if end < len(tokens) and tokens[end].text not in _SENTENCE_END:
        return None  # the clause would need a closing comma in the middle of the sentence
    if not any(_directive(t) for t in tokens[:i]):
        return None  # «правила безопасности при использовании пиротехники»: no one is told to act
    if any(t.key == "что" for t in tokens[:i]):
        return None  # «Администрация напоминает, что нужно соблюдать…»: a reported rule addresses no «вы»
    start = m.start
    if text[:start].rstrip().endswith((",", "(", "—", "–", ":")):
        return None  # «нужно, при использовании…»: the author's punctuation around it
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    return Edit(start, tokens[end - 1].end, ", " + clause)
