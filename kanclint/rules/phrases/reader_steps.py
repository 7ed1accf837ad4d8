"""KC104: a rule for participants said to the reader: «Для участия в конкурсе необходимо прислать
рисунок» → «Чтобы участвовать в конкурсе, пришлите рисунок».

«Для + отглагольное существительное … необходимо + инфинитив» is how an office writes a rule
with no one to follow it; where the noun is the reader's own step (participation, sign-up,
getting a certificate: ``reader-purposes`` in dictionaries/lexicon/clauses.toml) and so is the
infinitive (``reader-steps``), the post says it to the reader: a purpose clause and a request
in the second person plural.  Anything else is left as it is: the sentence must open with «Для»
(not «…, что для участия…»), nothing may stand between the purpose and «необходимо» but a phrase
with a preposition («в конкурсе», «на курсы», «к врачу») and the noun's own object; a person in
the dative («школьникам необходимо») names someone other than the reader; «не», «будет», «было»
make it no plain request; an infinitive without a request form, or one not in the list
(«соответствовать», «закрыть»), keeps the rule as written.  Further infinitives joined by «и»,
«или» or a comma become requests too; one after «чтобы» stays.
"""

from __future__ import annotations

from kanclint.lexicon import word_list, word_map
from kanclint.model import Edit
from kanclint.patterns import Match
from kanclint.rules.phrases.clauses import _gent, _into, _noun_phrase
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.inflection import capitalise, inflect_raw
from kanclint.text.morphology import Parse

_NEEDS = frozenset({"необходимо", "нужно", "надо", "следует"})
_PHRASE_PREPOSITIONS = frozenset({"в", "во", "на", "к", "ко", "по", "через", "из"})
_JOINING = frozenset({"и", "или", ","})
_LONGEST = 14  # tokens between the purpose and «необходимо»: a longer run is more than a phrase
_IMPERATIVE = frozenset({"impr", "excl", "plur"})


def _infinitive(token: Token) -> Parse | None:
    """The infinitive reading of ``token`` when it reads first as one."""
    first = token.parses[:1]
    return first[0] if token.is_word and first and first[0].pos == "INFN" else None


def _request(token: Token, steps: str = "reader-steps") -> str | None:
    """«прислать» → «пришлите», «прийти» → «приходите»; ``None`` for a verb not in list ``steps``."""
    reading = _infinitive(token)
    if reading is None or token.protected or reading.lemma not in word_list(steps):
        return None
    said = word_map("reader-step-requests").get(reading.lemma) or inflect_raw(reading.raw, _IMPERATIVE)
    if not said or not said.endswith(("те", "тесь")):
        return None
    return capitalise(said) if token.text[:1].isupper() else said


# the cases a preposition of the phrase takes (a genitive may hang on any noun: «в конкурсе чтецов»)
_PREPOSITION_CASES = {"в": {"loct", "loc2", "accs"}, "во": {"loct", "loc2", "accs"}, "на": {"loct", "loc2", "accs"},
                      "к": {"datv"}, "ко": {"datv"}, "по": {"datv", "loct", "accs"}, "через": {"accs"}, "из": {"gent"}}
_PUNCTUATION = frozenset({"не", ",", ";", ":", "—", "–", "(", ")"})


def _fits(t: Token, preposition: str, tail: bool) -> bool:
    """A word of the phrase in a case its preposition takes, or a genitive after its noun; a word
    after the noun that may be a dative («в конкурсе администрации», «в программе
    муниципалитетам») may name who must act, so it does not fit."""
    cases = {c for p in t.parses for c in p.grammemes}
    if tail:
        return "gent" in cases and "datv" not in cases
    return bool(cases & (_PREPOSITION_CASES[preposition] | {"gent"}))


def _plain_phrase(words: list[Token]) -> bool:
    """The words between the purpose and «необходимо»: phrases with a preposition («в конкурсе
    юных чтецов», «к врачу», «по математике»), no verb, no pronoun, no one else in the dative and no «не»."""
    if not words:
        return True
    if len(words) > _LONGEST or words[0].key not in _PREPOSITION_CASES:
        return False
    preposition, tail, quoted = words[0].key, False, False
    for t in words[1:]:
        if t.text in ("«", "»", '"', "„", "“", "”"):
            quoted = t.text in ("«", "„") or t.text in ('"', "“") and not quoted
            continue  # a quoted name is kept as written, whatever its words
        if quoted:
            continue
        if t.key in _PUNCTUATION and not t.protected:
            return False
        if t.key in _PREPOSITION_CASES or t.key in ("и", "или"):
            preposition, tail = (t.key if t.key in _PREPOSITION_CASES else preposition), False
            continue
        if not t.is_word or t.protected or not t.parses:
            continue  # a number, a quoted name: kept as written
        if any(p.pos in ("VERB", "INFN", "PRTS", "GRND", "PRTF", "NPRO") for p in t.parses[:1]):
            return False
        if not _fits(t, preposition, tail):
            return False
        tail = tail or t.parses[0].pos == "NOUN"
    return True


def _requests(document: Document, tokens: list[Token], first: int,
              steps: str = "reader-steps") -> tuple[str, int] | None:
    """The infinitives from ``tokens[first]`` said as requests, with the text between them kept, and
    the index of the last one; ``None`` when one cannot be said or an infinitive is not joined."""
    said = _request(tokens[first], steps)
    if said is None:
        return None
    parts, last = [said], first
    for k in range(first + 1, len(tokens)):
        if _infinitive(tokens[k]) is None:
            continue
        before = tokens[k - 1].key
        if before == "чтобы":
            break  # «…, чтобы получить сертификат»: a purpose of its own, with all that follows
        if before not in _JOINING:
            return None  # «успеть подать», «можно будет получить»: not a second step
        request = _request(tokens[k], steps)
        if request is None:
            return None
        parts += [document.text[tokens[last].end : tokens[k].start], request]
        last = k
    return "".join(parts), last


def reader_purpose(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«Для участия в конкурсе необходимо прислать рисунок» → «Чтобы участвовать в конкурсе, пришлите рисунок»."""
    tokens = sentence.tokens
    opening = sentence.position(m.tokens[0])
    if any(t.is_word for t in tokens[:opening]) or document.text[:m.start].rstrip().endswith(("«", '"', "„")):
        return None
    i = sentence.position(m.tokens[-1])
    noun = _gent(tokens[i])
    purposes = word_map("reader-purposes")
    if noun is None or noun.pos != "NOUN" or noun.lemma not in purposes or "sing" not in noun.grammemes:
        return None
    verb, _, case = purposes[noun.lemma].partition(":")
    k, clause = i + 1, verb
    if case:
        found = _noun_phrase(tokens, k)
        if found is None or any(t.text[:1].isupper() for t, _ in found[0]) or "anim" in found[0][-1][1].grammemes:
            return None  # «получения гранта района», a person: whose step it is is unclear
        obj = _into(found[0], case)
        if obj is None:
            return None
        clause, k = f"{verb} {obj}", found[1]
    need = next((j for j in range(k, len(tokens)) if tokens[j].key in _NEEDS), None)
    if need is None or need + 1 >= len(tokens):
        return None
    phrase_end = need - 1 if tokens[need - 1].text == "," and need - 1 >= k else need
    if not _plain_phrase(tokens[k:phrase_end]) or tokens[need - 1].key == "не":
        return None
    if any(t.key == "чтобы" for t in tokens[need:]):
        return None  # «Чтобы участвовать…, зарегистрируйтесь, чтобы получить номер»: two purposes in a row
    said = _requests(document, tokens, need + 1)
    if said is None:
        return None
    requests, last = said
    tail = document.text[tokens[k - 1].end : tokens[phrase_end - 1].end] if phrase_end > k else ""
    start = "чтобы" if m.tokens[0].text.islower() else "Чтобы"
    return Edit(m.start, tokens[last].end, f"{start} {clause}{tail}, {requests}")


def reader_rule(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«Необходимо заполнить анкету» → «Заполните анкету», «В заявке следует указать телефон» →
    «В заявке укажите телефон»: a rule with no one named, whose steps only a reader takes
    (``reader-rule-steps``: send, sign up, call, bring, fill in; not «подготовить», «провести» or
    «взять», which an office does too).  Only at the start of a sentence, after nothing or a phrase
    with a preposition; a dative («Школам необходимо…»), «было», «будет» or «не» keep the rule."""
    tokens = sentence.tokens
    need = sentence.position(m.tokens[0])
    if len(m.tokens) != 1 or m.tokens[0].key not in ("необходимо", "следует") or need + 1 >= len(tokens):
        return None
    words = [k for k in range(need) if tokens[k].is_word]
    if words and not _plain_phrase(tokens[words[0]:need]):
        return None
    if document.text[sentence.start:m.start].rstrip().endswith(("«", '"', "„", ":")):
        return None
    if any(t.key == "чтобы" for t in tokens[need:]):
        return None
    said = _requests(document, tokens, need + 1, "reader-rule-steps")
    if said is None:
        return None
    requests, last = said
    if not words:
        requests = capitalise(requests)
    return Edit(m.start, tokens[last].end, requests)


# the opening verb of a call and the adverb the reader's «можно» takes instead
_OPENED = {"открыть": "Уже", "начаться": "Уже", "стартовать": "Уже", "продолжаться": "Ещё"}
# a sign-up said with its preposition as it stands: «регистрация на забег» → «зарегистрироваться на забег»
_SIGN_UPS = {"регистрация": "зарегистрироваться", "запись": "записаться"}


def _opened(token: Token) -> str | None:
    """«Открыт», «Открыта», «Начался», «Продолжается»: the adverb for the call, or ``None`` («будет открыт»)."""
    for p in token.parses[:2]:
        if p.lemma in _OPENED and (p.pos == "PRTS" and "past" in p.grammemes or p.pos == "VERB"
                                   and ("past" in p.grammemes or p.lemma == "продолжаться" and "pres" in p.grammemes)):
            return _OPENED[p.lemma]
    return None


def _joins(tokens: list[Token], i: int) -> bool:
    """The first noun from ``tokens[i]`` is a group one joins: «в кружки», «в первый класс»."""
    noun = next((t for t in tokens[i:i + 4] if t.is_word and t.pos == "NOUN"), None)
    places = word_list("sign-up-places")  # «кружки» reads first as «кружка»: any noun reading counts
    return noun is not None and any(p.pos == "NOUN" and p.lemma in places for p in noun.parses)


def open_call(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«Открыт приём заявок на конкурс» → «Уже можно подавать заявки на конкурс», «Открыта
    регистрация на забег» → «Уже можно зарегистрироваться на забег»."""
    tokens = sentence.tokens
    opening = sentence.position(m.tokens[0])
    if any(t.is_word for t in tokens[:opening]) or any(t.protected for t in m.tokens):
        return None  # «Сегодня открыт…», a quoted title: only the call that opens the sentence
    words = [t for t in m.tokens if t.is_word]
    adverb = _opened(words[0])
    noun = words[-1]
    if adverb is None or len(words) != 2 or (opening + 1 < len(tokens) and tokens[opening + 1] is not noun):
        return None
    after = sentence.position(noun) + 1
    if noun.lemma in _SIGN_UPS:
        nxt = tokens[after] if after < len(tokens) else None
        if nxt is not None and nxt.is_word and nxt.key not in ("на", "в", "во", "к"):
            return None  # «Открыта регистрация участников»: whose registration is not said to the reader
        if noun.lemma == "запись" and nxt is not None and nxt.key in ("в", "во") and not _joins(tokens, after + 1):
            return None  # «запись в журнале» is an entry, not a sign-up
        return Edit(m.start, noun.end, f"{adverb} можно {_SIGN_UPS[noun.lemma]}")
    found = _noun_phrase(tokens, after)
    if found is None or any(t.text[:1].isupper() for t, _ in found[0]) or any(t.key == "от" for t in tokens):
        return None  # «приём заявок от предпринимателей»: who may send is someone named
    verb = word_map("reader-sent").get(found[0][-1][1].lemma)
    obj = _into(found[0], "accs") if verb is not None else None
    if obj is None or "inan" not in found[0][-1][1].grammemes:
        return None  # «приём граждан», «приём детей в школу»: not what the reader sends
    return Edit(m.start, found[0][-1][0].end, f"{adverb} можно {verb} {obj}")
