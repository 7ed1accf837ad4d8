"""Light verb + verbal noun said with one verb, by the KC103 dictionary: «провели проверку документов» → «проверили документы».

The register rewrites of KC201 (a doer-less passive said as «мы …» or as «…-ли») and of the goal
clause («в целях повышения безопасности» → «чтобы повысить безопасность») build an active phrase
whose verb may be a light verb.  Instead of a second table of light verbs, the phrase is read by
the split-predicate dictionary itself (``dictionaries/verbal_nouns.toml``): its 700-odd entries,
their guards and their case transfer («замену <NOUN,gent>» → «{заменить} <1:accs>») are the
linguist's, and a fix built here is exactly the fix KC103 would offer on the active sentence.
"""

from __future__ import annotations

from functools import lru_cache

from kanclint.model import apply_edits
from kanclint.rules.phrases import PhraseRule, shipped_rules
from kanclint.text.document import Document, Token
from kanclint.text.morphology import parse

SPLIT_PREDICATE = "KC103"


def phrase_fix_over(document: Document, token: Token, codes: frozenset[str]) -> bool:
    """Whether a dictionary of ``codes`` already rewrites ``token`` («уделено особое внимание» →
    «много внимания уделили», «проводится» → «проходит»): its fix says it better than a new doer.

    Read from the dictionaries' matches (one scan per document, shared), not from built findings.
    """
    rules = [r for r in shipped_rules() if r.code in codes]
    if not rules:
        return False
    found = rules[0].family.matches(document)
    for rule in rules:
        for _, matches in found.get(rule.code, ()):
            for m in matches:
                entry = m.payload
                if m.start <= token.start < m.end and entry.autofix and entry.replacements:
                    return True
    return False


def _split_predicate() -> PhraseRule | None:
    return next((r for r in shipped_rules() if r.code == SPLIT_PREDICATE), None)


@lru_cache(maxsize=4096)
def has_light_verb(phrase: str) -> bool:
    """Whether the split-predicate dictionary flags anything in ``phrase``."""
    rule = _split_predicate()
    return rule is not None and any(True for _ in rule.check(Document(phrase)))


@lru_cache(maxsize=4096)
def one_verb(phrase: str) -> str | None:
    """``phrase`` («мы произвели замену труб») with its light verb + noun said as one verb.

    ``None`` when the dictionary flags the phrase but has no fix for it (the author must choose),
    or when the fix stops before a word other than a preposition: the object after the verbal noun
    must be carried into the new verb's case, not left in the genitive behind it.  A phrase the
    dictionary does not flag comes back unchanged.
    """
    rule = _split_predicate()
    if rule is None:
        return phrase
    found = list(rule.check(Document(phrase)))
    if not found:
        return phrase
    if len(found) != 1 or found[0].fix is None:
        return None
    edits = found[0].fix.edits
    end = max(e.end for e in edits)
    rest = phrase[end:].split()
    kept = edits[-1].replacement.split()[-1:]  # «следят за [качеством]»: the fix keeps the noun's preposition
    if rest and not _preposition(rest[0]) and not (kept and _preposition(kept[0])) and not _own_genitive(rest):
        return None  # «замену окон [старого здания]»: a genitive left behind the new verb
    return apply_edits(phrase, list(edits))


def _own_genitive(rest: list[str]) -> bool:
    """«внедрили систему [электронных пропусков]»: an adjective and noun in the genitive plural after
    the carried object are that object's own attribute, and stay as they were."""
    if len(rest) < 2:
        return False
    first, second = parse(rest[0]), parse(rest[1])
    return (bool(first) and bool(second) and first[0].pos == "ADJF" and second[0].pos == "NOUN"
            and {"gent", "plur"} <= first[0].grammemes and {"gent", "plur"} <= second[0].grammemes)


def _preposition(word: str) -> bool:
    """«в детском саду» after the object hangs on the new verb as well as it hung on the noun."""
    readings = parse(word)
    return bool(readings) and readings[0].pos == "PREP"


@lru_cache(maxsize=4096)
def preposition_absorbed(phrase: str, preposition: str) -> bool:
    """«осуществляют контроль за»: the dictionary also says it as «контролируют», without «за».
    The preposition was the noun's, and the one verb of the bare phrase cannot keep it
    («контролируют за питанием»); «провели встречу с» → «встретились с» keeps its «с»."""
    rule = _split_predicate()
    if rule is None:
        return False
    text = f"{phrase} {preposition}"
    for _, matches in rule.family.matches(Document(text)).get(rule.code, ()):
        for m in matches:
            if m.end == len(text) and any(r.split()[-1:] != [preposition] for r in m.payload.replacements):
                return True
    return False


def empty_verb_with_noun(phrase: str, empty_verbs: frozenset[str]) -> bool:
    """«Специалисты осуществляют оказание помощи»: an empty verb before a verbal noun keeps the split
    predicate the passive had, in the active; when the dictionary cannot say it as one verb, the
    rewrite is no better («помогают» is the author's word to choose)."""
    words = phrase.split()
    for verb, noun in zip(words, words[1:]):
        if any(p.lemma in empty_verbs and p.pos in ("VERB", "INFN") for p in parse(verb)) and any(
                p.pos == "NOUN" and p.lemma.endswith(("ние", "тие")) for p in parse(noun.strip(",.«»"))):
            return True
    return False
