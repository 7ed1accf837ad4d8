"""Terms whose narrower everyday word only the context allows: «придомовая территория» is a yard of
a block of flats only in a town, «проживающие» are residents only as a clause, «уведомят» is a
warning only of a change ahead, and «торжественно» stands only near its verb.  Each returns :data:`OFFER_ONLY` where the swap would narrow or
colour the term, ``None`` where the dictionary's fix stands (registered in
:data:`.context_rewrites.CONTEXT_REWRITES`)."""

from __future__ import annotations

from kanclint.lexicon import word_list
from kanclint.model import Edit
from kanclint.patterns import Match
from kanclint.rules.phrases.clauses import OFFER_ONLY
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.grammar import MAIN_CASES, NUMBERS


_HOUSE_GROUND_RULES = word_list("house-ground-rules")
_RURAL_PLACES = word_list("rural-places")


def yard_of_flats(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«на придомовой территории» → «во дворе» says the yard of a block of flats; by a private house
    («частных домовладений») the term reaches past the fence to the road, and in a duty or a rule
    («обязаны», «собственники») it is the ground the law names: there the swap is an option
    (:data:`OFFER_ONLY`).  So it is in a post about a village («в деревне Ключи», «д. Ключи»,
    «сельское поселение»), whichever sentence says so: «обкос придомовых территорий» there is not
    «обкос дворов» (judge h44)."""
    if any(t.lemmas & _HOUSE_GROUND_RULES for t in sentence.words):
        return OFFER_ONLY
    return OFFER_ONLY if any(t.lemmas & _RURAL_PLACES or _village_mark(document, t) for t in document.words) else None


def _village_mark(document: Document, token: Token) -> bool:
    """«д.» or «с.» before a capitalised name: a village's short title («д. Ключи», «с. Заозерье»)."""
    if token.text not in ("д", "с") or token.end >= len(document.text) or document.text[token.end] != ".":
        return False
    rest = document.text[token.end + 1:token.end + 3].lstrip()
    return bool(rest) and rest[0].isupper()


def residents_as_a_noun(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«родственники проживающих», «вакцинация проживающих»: the participle standing alone for the
    people of a care home is their term, and «живущих» reads as «the living» (judge h45).  A
    participle that agrees with the noun before it («Семьи, проживающие в частном секторе») is a
    clause and keeps its fix; one that does not is a noun, and the swap is an option there."""
    word = m.tokens[0]
    if not any(p.pos == "PRTF" for p in word.parses[:2]):
        return None
    at = sentence.position(word) - 1
    tokens = sentence.tokens
    while at >= 0 and (tokens[at].pos == "ADVB" or tokens[at].key == "не"):
        at -= 1  # «граждан, фактически проживающих»
    if at >= 0 and tokens[at].text == ",":
        at -= 1
    before = tokens[at] if at >= 0 else None
    if before is None or not before.is_word:
        return OFFER_ONLY
    forms = [(p.grammemes & _CASE_NUMBER) for p in word.parses[:3] if p.pos == "PRTF"]
    agrees = any(p.pos in ("NOUN", "NPRO") and (p.grammemes & _CASE_NUMBER) in forms for p in before.parses[:3])
    return None if agrees else OFFER_ONLY


_CASE_NUMBER = MAIN_CASES | NUMBERS


_CHANGES_AHEAD = frozenset({"отключение", "перенос", "изменение", "ограничение", "закрытие", "отмена", "перекрытие",
                            "приостановка", "прекращение", "остановка", "замена", "ремонт", "работа", "проведение",
                            "начало", "окончание", "сокращение", "переход", "опасность", "угроза"})


def warns_of_change(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«Жильцов уведомят об отключении газа» → «предупредят»: a warning of a cut-off, a move or a
    change ahead.  Of anything else («о перерасчёте», «о решении», «о результатах») «предупредят»
    hints at trouble (judge h49): there the swap is an option (:data:`OFFER_ONLY`)."""
    tokens = sentence.tokens
    first, after = sentence.position(m.tokens[0]), sentence.position(m.tokens[-1]) + 1
    # the «о» phrase after the verb first, then one before it («О переносе … уведомят»)
    for k in [*range(after, min(after + 8, len(tokens))), *range(max(0, after - 12), first)]:
        if tokens[k].key in ("о", "об", "обо") and k + 1 < len(tokens):
            return None if tokens[k + 1].lemmas & _CHANGES_AHEAD else OFFER_ONLY
    return OFFER_ONLY


def manner_near_its_verb(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«В торжественной обстановке в Доме дружбы народов начальник Управления … вручил» →
    «Торжественно в Доме дружбы…»: an adverb opening the sentence far from its verb hangs there
    (judge h51).  At the start the swap stands only with the verb within three words."""
    at = sentence.position(m.tokens[0])
    if any(t.is_word for t in sentence.tokens[:at]):
        return None
    after = sentence.tokens[sentence.position(m.tokens[-1]) + 1:][:4]
    return None if any(t.pos == "VERB" for t in after) else OFFER_ONLY
