"""KC102 rewrites of a need said as a noun: «о необходимости соблюдения правил» → «, что нужно
соблюдать правила», «Обращаем внимание жителей на необходимость соблюдения правил» → «Просим
жителей соблюдать правила».

The verbal noun becomes a verb (``dictionaries/lexicon/clauses.toml``: ``goal-verbs``,
``need-verbs``), its genitive object moved into the case the verb governs, a manner adjective into
an adverb («своевременной оплаты» → «вовремя оплатить»).  The rest of the sentence stays with the
new verb, so nothing may follow that belongs to the main clause (another verb: «…и вручили
памятки»; a second member still in the genitive: «правил и норм»).
"""

from __future__ import annotations

from typing import Callable

from kanclint.lexicon import word_map
from kanclint.model import Edit
from kanclint.patterns import Match
from kanclint.rules.phrases.clauses import _JOINED, _gent, _into, _noun_phrase, _tail_end
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.inflection import capitalise

# verbs that tell someone something: after them «о необходимости X» is «, что нужно …»
_TELLING = frozenset({"напоминать", "напомнить", "информировать", "проинформировать", "предупреждать",
                      "предупредить", "сообщать", "сообщить", "рассказать", "рассказывать", "говорить",
                      "сказать", "разъяснить", "разъяснять", "объяснить", "объяснять", "уведомить", "уведомлять"})


# the manner adjective of a verbal noun and the adverb its verb takes instead
_MANNER = {"своевременный": "вовремя", "регулярный": "регулярно", "постоянный": "постоянно",
           "обязательный": "обязательно", "строгий": "строго", "неукоснительный": "строго",
           "бережный": "бережно", "внимательный": "внимательно", "ежедневный": "каждый день",
           "ежегодный": "каждый год", "ежемесячный": "каждый месяц", "полный": "полностью"}

# a verbal noun with a preposition of its own and the verb that keeps it: «оплаты за вывоз мусора»
# is «платить за вывоз мусора» («оплатить за вывоз» is a common slip, never written by a fix)
_WITH_PREPOSITION = {"оплата": ("за", "платить"), "плата": ("за", "платить")}


def _word_at(tokens: list[Token], k: int) -> bool:
    return k < len(tokens) and tokens[k].is_word and not tokens[k].protected


def _needed_act(document: Document, tokens: list[Token], k: int) -> tuple[str, int] | None:
    """The verbal noun phrase from ``tokens[k]`` said as a verb with its object: («своевременной
    оплаты услуг» → «вовремя оплатить услуги»), and the index after what it took."""
    if not _word_at(tokens, k):
        return None
    manner = ""
    first = tokens[k].parses[:1]
    if first and first[0].pos == "ADJF" and first[0].lemma in _MANNER and "gent" in first[0].grammemes:
        manner, k = _MANNER[first[0].lemma] + " ", k + 1
        if not _word_at(tokens, k):
            return None
    noun = _gent(tokens[k])
    if noun is None or noun.pos != "NOUN" or "sing" not in noun.grammemes:
        return None
    preposition, verb = _WITH_PREPOSITION.get(noun.lemma, ("", ""))
    if preposition and k + 1 < len(tokens) and tokens[k + 1].key == preposition:
        found = _noun_phrase(tokens, k + 2, "accs")  # «за вывоз мусора»: the object keeps its words
        obj = None if found is None else f"{preposition} " + " ".join(t.text for t, _ in found[0])
    else:
        verbs = word_map("goal-verbs") | word_map("need-verbs")  # «о необходимости проведения перерасчёта»
        if noun.lemma not in verbs:
            return None
        verb, _, government = verbs[noun.lemma].partition(":")
        if "+" in government or government.startswith("gent"):
            return None  # «бороться с…», «не допустить пожаров»: the object keeps a form this rewrite cannot check
        found = _noun_phrase(tokens, k + 1)
        obj = None if found is None else _into(found[0], government or "accs")
    if found is None or obj is None or any(t.text[:1].isupper() for t, _ in found[0]):
        return None
    after = found[1]
    end_at = _tail_end(tokens, after)
    rest = tokens[end_at:]
    if rest and rest[0].key in _JOINED or any(t.is_word and t.pos in ("VERB", "PRTS") for t in rest):
        return None
    if _second_need(rest):
        return None
    tail = document.text[tokens[after - 1].end : tokens[end_at - 1].end]
    return f"{manner}{verb} {obj}{tail}", end_at


_ACT_ENDINGS = ("ание", "ение", "тие", "ция")


def _second_need(rest: list[Token]) -> bool:
    """A second act the need governed, further on: «о необходимости проведения вакцинации против
    энцефалита и использования акарицидных средств» → «что нужно провести вакцинацию … и
    использования» (judge h25) leaves the second verbal noun in the genitive with nothing to govern it."""
    verbs = word_map("goal-verbs") | word_map("need-verbs")
    for k, t in enumerate(rest):
        if t.key not in _JOINED:
            continue
        for nxt in rest[k + 1:k + 3]:
            reading = _gent(nxt) if nxt.is_word else None
            if reading is None:
                break
            if reading.pos == "NOUN":
                if reading.lemma in verbs or reading.lemma.endswith(_ACT_ENDINGS):
                    return True
                break
    return False


def need_clause(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«напоминают о необходимости соблюдения правил» → «напоминают, что нужно соблюдать правила»."""
    tokens = sentence.tokens
    at = next((k for k, t in enumerate(tokens) if t.key == "о" and t.start >= m.start), None)
    if at is None:
        return None
    before = [t for t in tokens[max(0, at - 3):at] if t.is_word]
    if not any(p.pos == "VERB" and p.lemma in _TELLING for t in before for p in t.parses[:1]):
        return None  # «решение о необходимости ремонта»: a noun's phrase, no one is told anything
    said = _needed_act(document, tokens, at + 2)
    if said is None:
        return None
    act, end_at = said
    start = tokens[at].start
    while start > 0 and document.text[start - 1] in " \t":
        start -= 1
    if document.text[start - 1 : start] == ",":
        return None
    return Edit(start, tokens[end_at - 1].end, f", что нужно {act}")


def need_infinitive(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«напоминают о необходимости соблюдать правила» → «напоминают, что нужно соблюдать правила».

    The infinitive already is the verb of the new clause, so only «о необходимости» changes; the
    telling verb must stand just before it (a noun's «решение о необходимости…» tells no one), and
    no finite verb may follow that belongs to the main clause («…и раздали памятки»).
    """
    tokens = sentence.tokens
    at = next((k for k, t in enumerate(tokens) if t.key == "о" and t.start >= m.start), None)
    if at is None or at + 2 >= len(tokens):
        return None
    before = [t for t in tokens[max(0, at - 4):at] if t.is_word]
    if not any(p.pos == "VERB" and p.lemma in _TELLING for t in before for p in t.parses[:1]):
        return None
    if any(t.is_word and t.pos in ("VERB", "PRTS") for t in tokens[at + 2:]):
        return None
    start = tokens[at].start
    while start > 0 and document.text[start - 1] in " \t":
        start -= 1
    if document.text[start - 1 : start] in (",", ":", "—"):
        return None
    return Edit(start, tokens[at + 1].end, ", что нужно")


def _addressee(words: list[Token]) -> str | None:
    """Who «Обращаем внимание» spoke to, as «просим» takes them: «ваше» → «вас», «жителей» stays
    (a plural person reads the same in the genitive and the accusative); ``None`` when it cannot be said."""
    if not words:
        return ""
    if len(words) == 1 and words[0].key == "ваше":
        return "вас"
    if len(words) == 1 and any(p.pos == "NOUN" and {"accs", "plur", "anim"} <= p.grammemes for p in words[0].parses) \
            and any(p.pos == "NOUN" and {"gent", "plur"} <= p.grammemes for p in words[0].parses[:1]):
        return words[0].text
    return None


def attention_need(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«Обращаем внимание жителей на необходимость соблюдения правил» → «Просим жителей соблюдать правила»."""
    tokens = sentence.tokens
    words = [t for t in m.tokens if t.is_word]
    keys = [t.key for t in words]
    if "внимание" not in keys or keys[-2:] != ["на", "необходимость"]:
        return None
    attention = keys.index("внимание")
    who = _addressee([t for t in words[1:-2] if t.key != "внимание"] if attention == 1 else words[1:attention])
    if who is None or any(t.protected for t in words):
        return None
    said = _needed_act(document, tokens, sentence.position(m.tokens[-1]) + 1)
    if said is None:
        return None
    act, end_at = said
    replacement = " ".join(w for w in ("просим", who, act) if w)
    if document.text[m.start].isupper():
        replacement = capitalise(replacement)
    return Edit(m.start, tokens[end_at - 1].end, replacement)


NEED_REWRITES: dict[str, Callable[[Document, Sentence, Match], Edit | None]] = {
    "o-neobhodimosti": need_clause,
    "o-neobhodimosti-inf": need_infinitive,
    "obrashhaem-vnimanie-na-neobhodimost": attention_need,
}
