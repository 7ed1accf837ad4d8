"""KC201: a doer-first passive said actively from the words, where the parse does not show the clause.

«Ребятами изготовлено более 40 кормушек», «Учащимися школы № 7 была организована акция»,
«Сотрудниками библиотеки для первоклассников была проведена экскурсия»: the parser hangs «более» as
the subject, cuts the name at «№», or attaches the phrase between the doer and the verb elsewhere, and
:func:`.active_rewrite._active_rewrite` gives up.  Press-release sentences of this shape are regular
enough to be read from morphology: the doer opens the clause (its adjectives, its genitives, a number
or a quoted name of its own), prepositional phrases may stand before the verb, the subject follows
the verb and nothing but prepositional phrases follows the subject.  The new clause is
«doer + verb + object + the phrases»: «Сотрудники библиотеки провели экскурсию для первоклассников».

Everything uncertain is left alone: a subject that changes its form in the accusative and is
animate («задержан подозреваемый»), a name, a list, a comma or another verb in the clause, a
negation, a doer after a preposition or the verb.
"""

from __future__ import annotations

from kanclint.model import Edit
from kanclint.rules.syntax.active_rewrite import _active_verbs, _sentence_initial, _verb_group
from kanclint.rules.syntax.light_verbs import has_light_verb
from kanclint.rules.syntax.morph import _reading, held_event
from kanclint.rules.syntax.passive_detection import _Passive
from kanclint.rules.syntax.rewrite_guards import _in_phrase_list
from kanclint.rules.syntax.words import _VERB_POS, MANNER_NOUNS, ROLE_VERBS, ROLES_OF_PEOPLE
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.inflection import capitalise, inflect_raw, keep_capital
from kanclint.text.morphology import Parse

# «более 40 кормушек», «около 200 килограммов»: a count said as a bound stays as written
_BOUNDS = frozenset({"более", "около", "свыше", "почти", "порядка", "менее", "больше", "меньше"})
_STREETS = frozenset({"улица", "проспект", "переулок", "бульвар", "шоссе", "площадь", "набережная", "проезд"})
_QUOTES = frozenset({"«", "»", '"'})
_ENDS = frozenset({".", "!", "…"})
_NOT_GENITIVE_POS = frozenset({"PREP", "CONJ", "PRCL", "ADVB", "INTJ", *_VERB_POS})


def linear_rewrite(document: Document, sentence: Sentence, f: _Passive, tense: str) -> Edit | None:
    """«Ребята изготовили более 40 кормушек», or ``None`` when the clause is not of the plain shape."""
    if f.agent is None or f.reflexive or f.lemma in ROLE_VERBS - ROLES_OF_PEOPLE or f.agent.lemma == "сила":
        return None
    if document.author:
        return None  # «Нашими воспитанниками завоёвано…»: whose doer it is, the «мы» rewrites decide
    # with ``we`` alone, «Сотрудниками МЧС проведена тренировка» is said in the third person as the parsed
    # rewrite says it; whether the doer is the page is for the caller's «мы» checks
    tokens = sentence.tokens
    parts = _before_object(sentence, f)
    if parts is None:
        return None
    first, doer_end, adverbs, phrases, after_verb = parts
    if document.speaks_as_we and any(t.text in _QUOTES for t in tokens[first:doer_end]):
        return None  # «Волонтёрами центра «Вектор» проведена акция» on a «мы» page: the page may be the centre's
    subject = _subject_after(document.text, tokens, after_verb, f)
    if subject is None:
        return None
    obj, subject_end = subject
    listed = _same_items(tokens, subject_end) if obj == _written(document.text, tokens[subject_end - len(obj.split()):subject_end]) else None
    if listed is not None:  # «открытки и сувениры»: every item reads the same in the accusative
        obj, subject_end = obj + " " + _written(document.text, tokens[subject_end:listed]), listed
    rest = tokens[subject_end:]
    if not _plain_rest(rest):
        return None
    at = sentence.position(f.agent)
    doer = _nominative_doer(tokens[first : at + 1])
    verbs = _active_verbs(f, tense, "3per", doer[1], doer[2]) if doer is not None else None
    if doer is None or verbs is None:
        return None
    if phrases and has_light_verb(f"{verbs} {obj}"):
        return None  # «провели встречу для молодых учителей» → «встретились для…»: the phrase needs the noun
    text = document.text
    last = subject_end - 1
    if phrases and len(rest) > 1:  # «выезд в театр для приёмных семей»: the object keeps its own phrase
        obj, last = obj + " " + _written(text, rest[:-1]), subject_end + len(rest) - 2
    named = " ".join([doer[0], _written(text, tokens[at + 1 : doer_end])])
    replacement = " ".join(w for w in [named.strip(), *adverbs, verbs, obj, _written(text, phrases)] if w)
    if _sentence_initial(document, sentence, tokens[first]):
        replacement = capitalise(replacement)
    return Edit(tokens[first].start, tokens[last].end, replacement)


def _before_object(sentence: Sentence, f: _Passive) -> tuple[int, int, list[str], list[Token], int] | None:
    """Where the doer starts and its name ends, the adverbs that go before the new verb, the phrases
    that move after the object, and where the old subject starts (right after the verb)."""
    tokens = sentence.tokens
    group = _verb_group(sentence, f)
    at = sentence.position(f.agent) if f.agent is not None else -1
    if group is None or at < 0 or at > sentence.position(group[0]):
        return None
    first = _doer_start(tokens, at)
    if first is None or not _opens_clause(tokens, first):
        return None
    doer_end = _genitive_run(tokens, at + 1)
    middle = tokens[doer_end : sentence.position(group[0])]
    inner = tokens[sentence.position(group[0]) + 1 : sentence.position(f.verb)]
    before, phrases = _split_middle(middle)
    if phrases is None or any(not (t.is_word and t.pos == "ADVB") for t in inner):
        return None
    if phrases and not _people(f.agent) and phrases[0].key == "по":
        return None  # «Комиссией по делам несовершеннолетних»: a body's name goes on after its noun
    if phrases and (not _people(f.agent) or phrases[0].key not in _VERB_PREPOSITIONS or any(t.lemma in _STAYING_NOUNS for t in phrases[1:3])):
        # «Пенсионерами из группы здоровья», «Ветеринарами станции по борьбе с …», «своими руками»: the
        # phrase may be the doer's own, so it stays where it is, between the doer and the verb
        doer_end, phrases = doer_end + len(phrases), []
    return first, doer_end, [t.text for t in [*before, *inner]], phrases, sentence.position(group[-1]) + 1


# prepositions whose phrase between the doer and the verb belongs to the verb («для первоклассников»,
# «в сквере», «на соревнованиях», «к празднику»); «из группы здоровья», «по делам …», «с опытом»
# describe the doer
_VERB_PREPOSITIONS = frozenset({"для", "в", "во", "на", "к", "ко", "за", "перед", "после", "накануне"})
# «в возрасте», «в составе» describe the doer; «в торжественной обстановке», «в онлайн-формате» say how,
# and read best before the verb (where «торжественно» may replace them)
_STAYING_NOUNS = frozenset({"возраст", "состав", "лицо", "число", "ранг", "статус"}) | MANNER_NOUNS


def _people(token: Token) -> bool:
    """A doer that names people («сотрудниками», «желающими»), whose name takes no prepositional part."""
    readings = [p for p in token.parses if "ablt" in p.grammemes]
    share = sum(p.score for p in readings)
    return share > 0 and sum(p.score for p in readings if "anim" in p.grammemes or p.pos in ("ADJF", "PRTF")) > share / 2


def _doer_start(tokens: list[Token], at: int) -> int | None:
    """The first word of the doer: «Всеми желающими», «Юными спортсменами»."""
    head = _reading(tokens[at], "ablt")
    if head is None:
        return None
    number = head.grammemes & {"sing", "plur"}
    first = at
    while first > 0 and tokens[first - 1].is_word and tokens[first - 1].pos in ("ADJF", "PRTF") and any(
            "ablt" in p.grammemes and number <= p.grammemes for p in tokens[first - 1].parses):
        first -= 1
    return first


def _opens_clause(tokens: list[Token], first: int) -> bool:
    """Whether only an opening adverbial stands before the doer: no verb, no comma, no noun it could
    depend on in the instrumental («руководство учащимися»)."""
    before = tokens[:first]
    if any(not t.is_word and t.text not in _QUOTES or t.is_word and (t.pos in _VERB_POS or t.pos == "PRTF")
           for t in before):
        return False
    return not before or before[-1].pos != "PREP"


def _genitive_run(tokens: list[Token], i: int, names: bool = True) -> int:
    """The end of the genitives after a noun: «школы № 7», «центра «Доброе сердце»», «9 «А» класса»
    (``names``: quoted names count; a quoted name after the object is a fact left as written)."""
    while i < len(tokens):
        t = tokens[i]
        if t.text == "№" and i + 1 < len(tokens) and tokens[i + 1].text[:1].isdigit():
            i += 2
        elif t.text == "«" and names:
            close = next((k for k in range(i + 1, len(tokens)) if tokens[k].text == "»"), None)
            if close is None:
                return i
            i = close + 1
        elif t.text[:1].isdigit() and i + 1 < len(tokens) and tokens[i + 1].text == "«":
            i += 1  # «9 «А» класса»
        elif t.key == "по" and i + 2 < len(tokens) and tokens[i + 1].lemma in _STREETS and tokens[i + 2].text[:1].isupper():
            i += 3  # «дома № 23 по улице Садовой»: an address
        elif t.text.isdigit() and i + 1 < len(tokens) and tokens[i + 1].is_word and tokens[i + 1].text[:1].islower() and any(
                p.pos == "NOUN" and "gent" in p.grammemes for p in tokens[i + 1].parses):
            i += 1  # «учащимися 10 класса»
        elif t.is_word and len(t.text) > 1 and t.text.isupper():
            i += 1  # «МФЦ», «ГИБДД»: an acronym does not decline
        elif t.is_word and t.pos not in _NOT_GENITIVE_POS and any(
                "gent" in p.grammemes and p.pos in ("NOUN", "ADJF", "PRTF") for p in t.parses):
            i += 1
        else:
            return i
    return i


def _split_middle(middle: list[Token]) -> tuple[list[Token], list[Token] | None]:
    """Adverbs right before the verb, and the prepositional phrases before them that move after the
    object; ``None`` for the phrases when anything else stands there."""
    before: list[Token] = []
    rest = list(middle)
    while rest and rest[-1].is_word and rest[-1].pos == "ADVB":
        before.insert(0, rest.pop())
    if not rest:
        return before, []
    own_means = len(rest) == 2 and rest[0].lemma in ("свой", "собственный") and rest[1].lemma in ("рука", "сила")
    together = len(rest) > 2 and rest[0].key == "совместно" and rest[1].key in ("с", "со")  # «совместно с полицией»
    if rest[0].pos != "PREP" and not own_means and not together or any(
            not t.is_word and t.text not in _QUOTES and not _numbered(rest, t) or t.is_word and t.pos in _VERB_POS
            or t.is_word and t.key in ("и", "или") for t in rest):  # «в отдалённых сёлах»: a participle without a comma is an adjective
        return before, None
    return before, rest


def _numbered(tokens: list[Token], t: Token) -> bool:
    """«№ 8» and its number: «во дворе дома № 8» is one phrase."""
    k = tokens.index(t)
    return t.text == "№" or t.text[:1].isdigit() and k > 0 and tokens[k - 1].text == "№"


def _written(text: str, tokens: list[Token]) -> str:
    """Consecutive tokens as the author wrote them (spaces inside quotes kept as they were)."""
    return text[tokens[0].start : tokens[-1].end] if tokens else ""


def _subject_after(text: str, tokens: list[Token], i: int, f: _Passive) -> tuple[str, int] | None:
    """The old subject right after the verb as the new object, and the index after it (its genitives
    included): a bound count as written, or a noun phrase put into the accusative."""
    if i >= len(tokens):
        return None
    j = i + 1 if tokens[i].key in _BOUNDS else i
    if j < len(tokens) and _count(tokens[j]):
        if not {"neut", "sing"} <= f.reading.grammemes and j > i:
            return None
        k = j + 1
        while k < len(tokens) and (_count(tokens[k]) or tokens[k].lemma in ("тысяча", "миллион")):
            k += 1
        while k < len(tokens) and tokens[k].is_word and tokens[k].pos in ("ADJF", "PRTF"):
            k += 1
        if k >= len(tokens) or tokens[k].text[:1].isupper() or not _same_counted(tokens[j:k], tokens[k], j > i):
            return None
        end = _genitive_run(tokens, k + 1, names=False)
        while end + 1 < len(tokens) and tokens[end].key == "и" and tokens[end + 1].text[:1].islower() and any(
                p.pos == "NOUN" and {"gent", "plur"} <= p.grammemes for p in tokens[end + 1].parses):
            end = _genitive_run(tokens, end + 2, names=False)  # «более 500 собак и кошек»: the count takes both
        return _written(text, tokens[i:end]), end
    if j != i:
        return None
    return _noun_phrase(text, tokens, i, f.reading)


def _count(token: Token) -> bool:
    return token.text.replace(",", "").isdigit() or token.is_word and token.pos == "NUMR" and token.lemma != "один"


_FEW = frozenset({"два", "три", "четыре", "оба", "полтора"})


def _same_counted(counts: list[Token], noun: Token, bounded: bool) -> bool:
    """Whether «N + noun» reads the same as the object: a genitive plural after a bound («более 40
    кормушек») or a number not ending in 1–4 («40 мешков», «15 детей») whatever the noun names; «2
    скамейки» only for things («2 ученика» → «двух учеников»), so is «двое»; «21 кормушка» never."""
    last = counts[-1].text.replace(",", "")
    if any(t.is_word and any("Coll" in p.grammemes for p in t.parses if p.pos == "NUMR") for t in counts):
        return _inanimate_noun(noun)  # «двое мужчин» → «двоих мужчин»: a collective count changes with a being
    if any(t.is_word and t.lemma in ("один", *_FEW) for t in counts) or last.isdigit() and last[-1] == "1" and last[-2:] != "11":
        return bounded and _inanimate_noun(noun)  # «более 21 кормушки», never «21 кормушка»
    genitive_plural = any(p.pos == "NOUN" and {"gent", "plur"} <= p.grammemes for p in noun.parses)
    few = last.isdigit() and last[-1] in "234" and last[-2:] not in ("12", "13", "14")
    if genitive_plural and (bounded or not few):
        return True
    return _inanimate_noun(noun)


def _inanimate_noun(token: Token) -> bool:
    """A noun (in most of its readings: «саженцев» is also an adjective) that names no being."""
    nouns = [p for p in token.parses if p.pos == "NOUN"]
    if held_event(token) is not None:
        return True  # «субботник»: the day of work that is held, not the person pymorphy3 also reads
    share = sum(p.score for p in nouns)
    return share >= 0.3 and sum(p.score for p in nouns if "anim" in p.grammemes) < share / 3


def _noun_phrase(text: str, tokens: list[Token], i: int, verb: Parse) -> tuple[str, int] | None:
    """«праздничный концерт» → «праздничный концерт», «акция» → «акцию»: an inanimate lowercase noun
    in the nominative agreeing with the participle, with its adjectives before it."""
    number = verb.grammemes & {"sing", "plur"}
    gender = verb.grammemes & {"masc", "femn", "neut"} if "sing" in number else set()
    k = i
    while k < len(tokens) and tokens[k].is_word and tokens[k].pos in ("ADJF", "PRTF"):
        k += 1
    if k >= len(tokens) or not tokens[k].is_word or tokens[k].text[:1].isupper() or tokens[k].protected:
        return None
    head = next((p for p in tokens[k].parses if p.pos == "NOUN" and "nomn" in p.grammemes
                 and number <= p.grammemes and gender <= p.grammemes), None)
    if head is None or not _inanimate_noun(tokens[k]) or "Fixd" in head.grammemes and "sing" not in number:
        return None  # «фойе» reads the same in any case; with a plural verb it begins a list
    words = []
    for t in tokens[i:k + 1]:
        reading = head if t is tokens[k] else next(
            (p for p in t.parses if "nomn" in p.grammemes and number <= p.grammemes and gender <= p.grammemes), None)
        if reading is None:
            return None
        if "femn" in head.grammemes and "sing" in number:
            form = inflect_raw(reading.raw, frozenset({"accs", "sing", "femn"} if t is not tokens[k] else {"accs", "sing"}))
            if form is None or form[:2] != t.text[:2].lower():
                return None
            words.append(keep_capital(t.text, form))
        else:
            words.append(t.text)
    end = _genitive_run(tokens, k + 1)  # «акцию «Чистый двор»»: the name stays as written
    return " ".join(w for w in [*words, _written(text, tokens[k + 1:end])] if w), end


def _same_items(tokens: list[Token], i: int) -> int | None:
    """The end of «и сувениры», «, игрушки и книги» after the object: items the accusative does not
    change (a thing in the plural, or a masculine or neuter thing), adjectives and genitives with them."""
    end = None
    while i + 1 < len(tokens) and (tokens[i].text == "," or tokens[i].key == "и"):
        k = i + 1
        while k < len(tokens) and tokens[k].is_word and tokens[k].pos in ("ADJF", "PRTF"):
            k += 1
        if k >= len(tokens) or not tokens[k].is_word or tokens[k].text[:1].isupper() or not _inanimate_noun(tokens[k]):
            return None
        if not any(p.pos == "NOUN" and "nomn" in p.grammemes and ("plur" in p.grammemes or "femn" not in p.grammemes)
                   for p in tokens[k].parses):
            return None
        i = end = _genitive_run(tokens, k + 1, names=False)
    return end


def _plain_rest(rest: list[Token]) -> bool:
    """After the subject only prepositional phrases, adverbs and the full stop: no list, no second clause."""
    if not rest or rest[-1].text not in _ENDS:
        return False
    body = rest[:-1]
    if body and body[0].is_word and body[0].pos not in ("PREP", "ADVB") and not _dative_only(body[0]):
        return False  # «листовки водителям»: a recipient after the object stays
    return not any(
        not t.is_word and not t.text[:1].isdigit() and t.text not in ("№", *_QUOTES)
        or t.is_word and (t.pos in _VERB_POS or t.key in ("или", "а", "но"))
        or t.key == "и" and not _in_phrase_list(body, k - 1, k + 1)  # «по гончарному делу и ткачеству»
        for k, t in enumerate(body))


def _dative_only(token: Token) -> bool:
    readings = [p for p in token.parses if p.pos in ("NOUN", "ADJF", "PRTF", "NPRO")]
    return bool(readings) and all("datv" in p.grammemes for p in readings)


def _nominative_doer(words: list[Token]) -> tuple[str, str, str | None] | None:
    """The doer's adjectives and head from the instrumental into the nominative: «Юными спортсменами»
    → «Юные спортсмены»; the number and gender the new verb takes."""
    head_token = words[-1]
    head = _reading(head_token, "NOUN", "ablt") or _reading(head_token, "ablt")
    if head is None or "Fixd" in head.grammemes:
        return None
    number = "plur" if "plur" in head.grammemes else "sing"
    gender = next((g for g in ("masc", "femn", "neut") if g in head.grammemes), None)
    out = []
    for t in words:
        reading = head if t is head_token else next(
            (p for p in t.parses if "ablt" in p.grammemes and number in p.grammemes
             and (number == "plur" or gender is None or gender in p.grammemes)), None)
        form = inflect_raw(reading.raw, frozenset({"nomn"})) if reading is not None else None
        if form is None or form[:2].lower() != t.text[:2].lower():
            return None
        out.append(keep_capital(t.text, form))
    return " ".join(out), number, gender
