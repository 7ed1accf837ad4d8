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

from kanclint.model import Edit, apply_edits
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
    """Whether the split-predicate dictionary flags anything in ``phrase``, or would flag it without
    a manner adjective before the verbal noun («осуществлять бесплатную доставку лекарств»)."""
    rule = _split_predicate()
    if rule is None:
        return False
    if any(True for _ in rule.check(Document(phrase))):
        return True
    bare = _without_manner(phrase)
    return bare is not None and any(True for _ in rule.check(Document(bare[0])))


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
    found = list(rule.check(Document(phrase, draft=True)))
    if not found:
        bare = _without_manner(phrase)
        if bare is None:
            return phrase
        said = _said_with_one_verb(bare[0], list(rule.check(Document(bare[0], draft=True))), bare[1],
                                   bare[2])
        return said if said is not None and said != bare[0] else None
    return _said_with_one_verb(phrase, found, "", -1)


def _said_with_one_verb(phrase: str, found: list, adverb: str, at: int) -> str | None:
    """``phrase`` with the one fix of ``found`` applied; ``adverb`` (the manner adjective said as an
    adverb) goes before the new verb, whose fix must span ``at``, where the adjective stood."""
    if len(found) != 1 or found[0].fix is None:
        return None
    edits = list(found[0].fix.edits)
    if adverb and not edits[0].start < at <= edits[-1].end:
        return None  # the adjective was not on the verbal noun the fix rewrites
    end = max(e.end for e in edits)
    rest = phrase[end:].split()
    kept = edits[-1].replacement.split()[-1:]  # «следят за [качеством]»: the fix keeps the noun's preposition
    if rest and not _preposition(rest[0]) and not (kept and _preposition(kept[0])) and not _own_genitive(rest, kept):
        return None  # «провели проверку [старого здания]»: a genitive left behind the new verb
    if adverb:
        edits[0] = Edit(edits[0].start, edits[0].end, f"{adverb} {edits[0].replacement}")
    return apply_edits(phrase, edits)


# adjectives of manner or frequency before a verbal noun, said as adverbs before its verb:
# «осуществляют бесплатную доставку лекарств» → «бесплатно доставляют лекарства»
_MANNER_ADVERBS = {
    "бесплатный": "бесплатно", "регулярный": "регулярно", "ежедневный": "ежедневно", "еженедельный": "еженедельно",
    "ежемесячный": "ежемесячно", "ежегодный": "ежегодно", "круглосуточный": "круглосуточно",
    "постоянный": "постоянно", "своевременный": "своевременно", "тщательный": "тщательно",
    "полный": "полностью", "частичный": "частично", "дистанционный": "дистанционно", "повторный": "повторно",
    "дополнительный": "дополнительно", "поэтапный": "поэтапно", "бесперебойный": "бесперебойно",
    "оперативный": "оперативно", "совместный": "совместно", "срочный": "срочно",
}


def _without_manner(phrase: str) -> tuple[str, str, int] | None:
    """``phrase`` without its one manner adjective in the accusative («бесплатную доставку»), the
    adjective's adverb and where it stood; ``None`` when there is none."""
    words = phrase.split(" ")
    found = None
    for i, word in enumerate(words[1:-1], 1):
        readings = parse(word)
        if readings and readings[0].pos == "ADJF" and readings[0].lemma in _MANNER_ADVERBS \
                and "accs" in readings[0].grammemes:
            if found is not None:
                return None
            found = (i, _MANNER_ADVERBS[readings[0].lemma])
    if found is None:
        return None
    i, adverb = found
    bare = words[:i] + words[i + 1:]
    return " ".join(bare), adverb, len(" ".join(words[:i])) + 1


def _own_genitive(rest: list[str], kept: list[str]) -> bool:
    """«внедрили систему [электронных пропусков]»: an adjective and noun in the genitive plural after
    the carried object are that object's own attribute, and stay as they were.  So is a singular
    one («поставили новый аппарат [ультразвуковой диагностики]») when the fix carried the object
    over (its last word is a noun): with no object carried («провели проверку [старого здания]» →
    «проверили старого здания») the genitive was the verbal noun's own."""
    if len(rest) < 2:
        return False
    first, second = parse(rest[0]), parse(rest[1])
    if (first and second and first[0].pos == "ADJF" and second[0].pos == "NOUN"
            and {"gent", "plur"} <= first[0].grammemes and {"gent", "plur"} <= second[0].grammemes):
        return True
    carried = parse(kept[0].strip(",.")) if kept else []
    if not carried or carried[0].pos != "NOUN":
        return False
    genders = {"masc", "femn", "neut"}
    return any(a.pos == "ADJF" and n.pos == "NOUN" and {"gent", "sing"} <= a.grammemes & n.grammemes
               and a.grammemes & genders == n.grammemes & genders for a in first for n in second)


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
        # any noun: «осуществили поиск», «осуществляет организацию» keep the stamp as well (judges h19, h22)
        if any(p.lemma in empty_verbs and p.pos in ("VERB", "INFN") for p in parse(verb)) and any(
                p.pos == "NOUN" and "inan" in p.grammemes for p in parse(noun.strip(",.«»"))[:2]):
            return True
    return False
