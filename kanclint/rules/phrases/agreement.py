"""Does the sentence still hold together after a phrase is replaced?

A replacement is inflected to agree with what it replaces (:mod:`kanclint.text.inflection`),
but the words *around* it were written for the old word.  These checks read the sentence as it
stands and refuse a fix the rest of it would not agree with:

* **agreement**: a participle, adjective, «который» or past-tense verb outside the match agreed
  with the replaced noun and does not agree with the new one («торжественное мероприятие,
  посвящённое…» → «праздник, посвящённое…»), or the noun disappears and something still
  refers to it (a later «, на которой…» that agrees with no other noun: «провела встречу с
  жителями, на которой…» has no «встретилась…, на которой»).  An attribute right after the comma is re-inflected when it has exactly one
  form for the new noun («праздник, посвящённый…»); anything else refuses the fix;
* **a passive with its doer**: a reflexive or short passive with an agent in the instrumental
  swapped for a verb that cannot take one («осуществляется специалистами» → «идёт специалистами»,
  «Управлением культуры подведены итоги» → «Управлением культуры объявили результаты»), and **a
  tense** a coordinated past verb sets («пожелал успехов и выразил уверенность» → «… и уверен»):
  both in :mod:`.predicate_checks`;
* **a light verb without its object** (:mod:`.objects`): «провели опрос: 70 %…» → «опросили: 70 %…»,
  «провели осмотр и составили акт» → «осмотрели и составили акт» — the new transitive verb is left
  with nothing to govern;
* **a recipient in the dative**: «выражают благодарность за помощь предпринимателю Смирновой» →
  «благодарят за помощь предпринимателю Смирновой»: the noun took a dative recipient, the new
  transitive verb wants it in the accusative, and the recipient stands outside the match;
* **a modal word with nothing to govern**: «перевозка детей допускается только…» → «перевозка
  детей можно только…», «имеется возможность роста» → «можно роста»: «можно», «нельзя», «нужно»
  need an infinitive near them;
* **a comparative**: «более масштабный» → «более большой»: after «более», «менее» an adjective with
  its own comparative (больший, лучший, меньший, худший) cannot stand;
* **coordination**: the replacement changes the case of the noun it governs and a noun joined
  to it by «и» keeps the old case («в соответствии с программой … и позицией» → «по программе …
  и позицией»).
"""

from __future__ import annotations

from typing import Iterable, Sequence

from kanclint.rules.phrases.quantities import numeral_gender_clash, quantity_clash
from kanclint.text.document import Sentence, Token
from kanclint.text.grammar import CASE_NORMAL, GENDERS, MAIN_CASES, NUMBERS
from kanclint.text.inflection import inflect_raw, keep_capital
from kanclint.text.morphology import Parse, parse
from kanclint.text.untouchable import past_quoted_name

_ATTRIBUTES = frozenset({"ADJF", "PRTF"})
_PREDICATES = frozenset({"VERB", "ADJS", "PRTS"})
_PREPOSITION = "PREP"
_QUANTITIES = frozenset({"много", "мало", "несколько", "немного", "немало", "множество"})
_VERB_WINDOW = 3
_PHRASE_WINDOW = 8


def _case(p: Parse) -> set[str]:
    return {CASE_NORMAL.get(g, g) for g in p.grammemes if g in ("nomn", "gent", "datv", "accs", "ablt", "loct",
                                                                 "gen2", "acc2", "loc2", "voct")}


def _same_number_gender(a: Parse, noun: Parse) -> bool:
    number = a.grammemes & NUMBERS
    if number and not number & noun.grammemes:
        if not ("Pltm" in noun.grammemes and "plur" in number):
            return False
    if "sing" in a.grammemes and "sing" in noun.grammemes:
        gender = a.grammemes & GENDERS
        if gender and not gender & noun.grammemes and "Ms-f" not in noun.grammemes:
            return False
    return True


def _agrees(word: Token, nouns: Iterable[Parse]) -> bool:
    """Whether some reading of ``word`` agrees with some reading of the noun."""
    nouns = list(nouns)
    for r in word.parses:
        for n in nouns:
            if r.lemma == "который":
                if _same_number_gender(r, n):
                    return True
            elif r.pos in _ATTRIBUTES:
                if _case(r) & _case(n) and _same_number_gender(r, n):
                    return True
            elif r.pos in _PREDICATES and ("past" in r.grammemes or r.pos != "VERB"):
                if "nomn" in n.grammemes and _same_number_gender(r, n):
                    return True
            elif r.pos == "VERB" and "3per" in r.grammemes:  # «информация будет», «подробности будут»
                if "nomn" in n.grammemes and bool(r.grammemes & n.grammemes & NUMBERS):
                    return True
    return False


def _dependants(sentence: Sentence, matched: Sequence[Token], governed: bool) -> list[Token]:
    """Words outside the match that may agree with a noun in it.

    ``governed``: the noun follows a preposition in the match, so it is no subject and
    only an attribute after a comma can refer to it.
    """
    tokens = sentence.tokens
    out: list[Token] = []
    first = sentence.position(matched[0])
    if governed:
        i = _past_genitive_tail(tokens, sentence.position(matched[-1]) + 1, _LONG_GENITIVE_TAIL)
        if i + 1 < len(tokens) and tokens[i].text == "," and (
            tokens[i + 1].pos in _ATTRIBUTES or tokens[i + 1].lemma == "который"
        ):
            out.append(tokens[i + 1])
        return out
    noun_first = all(t.pos in _ATTRIBUTES for t in matched[:-1]) or matched[0].pos == "NOUN"
    if noun_first and first > 0 and tokens[first - 1].is_word:
        before = tokens[first - 1]
        # an adjective before the noun, or an intransitive verb before its subject («прошло
        # мероприятие»); a transitive verb before the noun governs it instead («закончили работы»)
        if before.pos in _ATTRIBUTES or before.pos in _PREDICATES and "intr" in before.grammemes:
            out.append(before)
    i = sentence.position(matched[-1]) + 1
    if i < len(tokens) and tokens[i].text == ",":
        i += 1  # «мероприятие, посвящённое…», «мероприятие, которое…»
        if i < len(tokens) and tokens[i].is_word:
            out.append(tokens[i])
        return out
    seen = 0
    # «мероприятие прошло», «мероприятие отменено»: a predicate right after the noun; an
    # adjective there belongs to the next noun («родителей о новых правилах»)
    while i < len(tokens) and seen < _VERB_WINDOW and tokens[i].is_word:
        token = tokens[i]
        if token.pos == "PREP" and seen == 0 and (_only_nominative(matched) or _opens_sentence(sentence, matched)):
            # «Осуществление контроля за ходом работ … возложено»: a noun opening the sentence is its subject (judge h31)
            out.extend(_predicate_after_phrase(tokens, i))
        if token.pos in ("PREP", "NOUN", "CONJ"):
            break
        if token.pos in _PREDICATES:
            out.append(token)
        seen += 1
        i += 1
    return out


def _opens_sentence(sentence: Sentence, matched: Sequence[Token]) -> bool:
    return next((t for t in sentence.tokens if t.is_word), None) is matched[0]


def _only_nominative(matched: Sequence[Token]) -> bool:
    """The matched noun can only be a subject («информация», never «мероприятие», also accusative)."""
    noun = _head_noun(matched)
    readings = [p for p in noun.parses if p.pos == "NOUN"] if noun is not None else []
    return bool(readings) and all(_case(p) == {"nomn"} for p in readings)


def _predicate_after_phrase(tokens: Sequence[Token], i: int) -> list[Token]:
    """«Подробная информация о перечне документов размещена…»: the first predicate after the phrase."""
    for token in tokens[i + 1:i + 1 + _PHRASE_WINDOW]:
        if not token.is_word or token.pos == "CONJ":
            return []
        if token.pos in _PREDICATES and token.lemma == "быть" and "futr" in token.grammemes:
            after = _predicate_after_phrase(tokens, tokens.index(token))
            return after or [token]  # «будет опубликована»: the participle after the auxiliary agrees too
        if token.pos in _PREDICATES:
            return [token]
    return []


_RELATIVE_LEADS = frozenset({"ходе", "время", "течение", "рамках"})


def _relative_refers_back(sentence: Sentence, matched: Sequence[Token], old: Sequence[Parse]) -> bool:
    """A later «, (на) которой…» that agrees with the noun the fix removes and with no noun in between."""
    tokens = sentence.tokens
    between: list[Parse] = []
    i = sentence.position(matched[-1]) + 1
    while i < len(tokens):
        token = tokens[i]
        if token.text == ",":
            j = i + 1
            while j < len(tokens) and (tokens[j].pos == _PREPOSITION or tokens[j].key in _RELATIVE_LEADS):
                j += 1  # «, на которой», «, в ходе которой», «, во время которой»
            if j < len(tokens) and tokens[j].lemma == "который":
                return _agrees(tokens[j], old) and not _agrees(tokens[j], between)
            return False  # the next clause is no relative one: the noun's reach ends here
        between.extend(p for p in token.parses if p.pos == "NOUN")
        i += 1
    return False


def _head_dropped(matched: Sequence[Token], old: Token, new: Sequence[Parse]) -> bool:
    """«провела приём граждан» → «приняла граждан»: the replacement's noun is one of the old
    noun's dependants, so the old noun itself is gone and a «, в ходе которого…» has no antecedent."""
    rest = {p.lemma for t in matched if t is not old for p in t.parses if p.pos == "NOUN"}
    return bool(new) and {p.lemma for p in new} <= rest


def _head_noun(matched: Sequence[Token]) -> Token | None:
    """The first noun: «объект общественного питания» is an «объект», the rest depends on it.
    A last word the pattern matched as a noun counts too when its best reading is an adjective
    («с мастерскими»: «мастерская» is also read as the adjective «мастерский»)."""
    found = next((t for t in matched if t.pos == "NOUN"), None)
    if found is None and matched and any(p.pos == "NOUN" for p in matched[-1].parses):
        return matched[-1]
    return found


def _past_genitive_tail(tokens: Sequence[Token], i: int, most: int = 0) -> int:
    """The index after the genitive words at ``i`` («мастерскими [колледжа], оснащёнными»), at most
    ``most`` of them (:data:`_GENITIVE_TAIL` by default)."""
    start = i
    most = most or _GENITIVE_TAIL
    while i < len(tokens) and i - start < most and tokens[i].is_word and _genitive(tokens[i]):
        i += 1
    return past_quoted_name(tokens, i)  # «конкурса чтецов «Живое слово», посвящённого…» (judge h37)


_LONG_GENITIVE_TAIL = 8  # «на основании результатов [освоения образовательной программы основного общего образования], указанных» (judge h46)


def _agrees_with_tail(sentence: Sentence, matched: Sequence[Token], word: Token) -> bool:
    """Whether ``word`` (an attribute after a genitive tail) may also name a noun of that tail."""
    tail = sentence.tokens[sentence.position(matched[-1]) + 1 : sentence.position(word)]
    nouns = [p for t in tail if t.is_word for p in t.parses[:2] if p.pos == "NOUN" and "gent" in p.grammemes]
    return bool(nouns) and _agrees(word, nouns)


def _new_noun_readings(replacement: str, old: Token) -> list[Parse] | None:
    """Readings of the replacement's noun in the old noun's case; ``None`` when it has no noun."""
    cases = set().union(*(_case(p) for p in old.parses if p.pos == "NOUN")) or set()
    found: list[Parse] | None = None
    for word in replacement.split():
        readings = [p for p in parse(word.strip(",.;:«»\"")) if p.pos == "NOUN"]
        if not readings:
            continue
        found = [p for p in readings if _case(p) & cases] or readings
    return found


def _agreement(sentence: Sentence, matched: Sequence[Token], replacement: str) -> list[tuple[Token, str]] | None:
    """Words to re-inflect so the sentence agrees with the replacement; ``None``: it cannot."""
    old = _head_noun(matched)
    if old is None or old is matched[0] and replacement.split()[0].lower() == old.text.lower():
        return []  # «команды в составе пяти человек» → «команды из пяти человек»: the head stays as written
    first = parse(replacement.split()[0])
    if first and (first[0].pos == "NUMR" or first[0].lemma in _QUANTITIES):
        # «осталось несколько билетов»: a quantity agrees as a neuter singular or a plural, so a
        # predicate that agreed with the old noun in another gender refuses the fix
        # («ряд вопросов взят на контроль» → «несколько вопросов взят»)
        return None if quantity_clash(sentence, matched, old) else []
    old_readings = [p for p in old.parses if p.pos == "NOUN"]
    new_readings = _new_noun_readings(replacement, old)
    if new_readings is not None:
        # the replacement was put in one case: only the old readings of that case were meant
        cases = set().union(*(_case(p) for p in new_readings))
        old_readings = [p for p in old_readings if _case(p) & cases] or old_readings
    if new_readings is not None and numeral_gender_clash(sentence, matched, new_readings):
        return None  # «два остановочных павильона» → «два остановки»
    governed = any(t.pos == _PREPOSITION for t in matched[: list(matched).index(old)])
    if new_readings is not None and not governed and (
        _genitive_lost(sentence, matched, old, new_readings) or _list_member_lost(sentence, matched, new_readings)
    ):
        return None
    if (new_readings is None or _head_dropped(matched, old, new_readings)) and _relative_refers_back(
            sentence, matched, old_readings):
        return None  # «провела встречу с жителями, на которой…» → «встретилась…, на которой»: no antecedent
    repairs: list[tuple[Token, str]] = []
    for word in _dependants(sentence, matched, governed):
        if not _agrees(word, old_readings):
            continue
        if governed and _agrees_with_tail(sentence, matched, word):
            return None  # «результатов освоения программ, указанных»: which noun it names is not certain
        if new_readings is not None and _agrees(word, new_readings):
            continue
        form = _reinflected(sentence, matched, word, old_readings, new_readings)
        if form is None:
            return None
        repairs.append((word, form))
    if (last := _recased_last(sentence, matched, old, replacement)) is None:
        return None
    return repairs + last


def recased_last(sentence: Sentence, matched: Sequence[Token], replacement: str) -> list[tuple[Token, str]] | None:
    """:func:`_recased_last` for a rewrite that builds its own words (a context rewrite of the match)."""
    return _recased_last(sentence, matched, None, replacement)


def _recased_last(sentence: Sentence, matched: Sequence[Token], head: Token | None, replacement: str) -> list[tuple[Token, str]] | None:
    """«на основании результатов …, указанных» → «по результатам …, указанным»: the last noun of a
    derived preposition, put into another case, takes the attribute after its genitive tail with it
    (judge h46); ``None`` when that attribute cannot follow for certain."""
    last = matched[-1]
    words = replacement.split()
    old = [p for p in last.parses if p.pos == "NOUN"] if last is not head and last.is_word else []
    if not old or not words:
        return []
    new = [p for p in parse(words[-1]) if p.pos == "NOUN" and p.lemma in {o.lemma for o in old}]
    if not new or set().union(*(_case(p) for p in new)) & set().union(*(_case(p) for p in old)):
        return []
    repairs: list[tuple[Token, str]] = []
    for word in _dependants(sentence, matched, True):
        if not _agrees(word, old) or _agrees(word, new):
            continue
        if _agrees_with_tail(sentence, matched, word):
            return None
        form = _reinflected(sentence, matched, word, old, new)
        if form is None:
            return None
        repairs.append((word, form))
    return repairs


def _genitive_lost(sentence: Sentence, matched: Sequence[Token], old: Token, new: Sequence[Parse]) -> bool:
    """«ремонт придомовой территории» → «ремонт дворе»: after a noun the phrase was a genitive
    complement, and the replacement came out in another case."""
    at = sentence.position(matched[0])
    before = sentence.tokens[at - 1] if at > 0 else None
    if before is None or not before.is_word or before.pos != "NOUN":
        return False
    if any(t.pos not in _ATTRIBUTES for t in matched[: list(matched).index(old)]):
        return False
    if not any(p.pos == "NOUN" and "gent" in p.grammemes for p in old.parses):
        return False
    return not any("gent" in _case(p) for p in new)


def _list_member_lost(sentence: Sentence, matched: Sequence[Token], new: Sequence[Parse]) -> bool:
    """«содержание подъездов, кровли и придомовой территории» → «…кровли и дворе»: the phrase closes
    a list, and the member before «и» or the comma has no reading in the replacement's case."""
    at = sentence.position(matched[0]) - 1
    tokens = sentence.tokens
    if at < 1 or not (tokens[at].key in _COORDINATORS or tokens[at].text == ","):
        return False
    at -= 1
    while at > 0 and tokens[at].is_word and tokens[at].pos in _ATTRIBUTES:
        at -= 1
    member = [p for p in tokens[at].parses if p.pos == "NOUN"] if tokens[at].is_word else []
    wanted = set().union(*(_case(p) for p in new))
    return bool(member) and bool(wanted) and not any(_case(p) & wanted for p in member)


def _reinflected(
    sentence: Sentence, matched: Sequence[Token], word: Token, old: list[Parse], new: list[Parse] | None
) -> str | None:
    """«мероприятие, посвящённое» → «праздник, посвящённый»: the attribute after the comma in
    the new noun's gender and number, when there is exactly one such form."""
    at = sentence.position(word)
    after = sentence.position(matched[-1]) + 1
    after_comma = at >= 2 and sentence.tokens[at - 1].text == "," and at - 1 in (
        after, _past_genitive_tail(sentence.tokens, after), _past_genitive_tail(sentence.tokens, after, _LONG_GENITIVE_TAIL))
    if new is None or not after_comma:
        return None
    old_number = set().union(*(p.grammemes & NUMBERS for p in old))
    # «с лабораториями» → «лаборатории»: the number stays, so «лаборатории» is a plural, not a genitive singular
    new = [p for p in new if not old_number or not p.grammemes & NUMBERS or p.grammemes & old_number] or new
    # «информируем жителей, проживающих…» → «сообщаем жителям, проживающим…»: when the
    # replacement put the noun in another case, the attribute follows it into that case
    recased = _recased(old, new)
    if recased and any("Apro" in r.grammemes for r in word.parses):
        return word.text  # «родителям, чьи дети…», «жителям, которые…»: a pronoun keeps its own clause's case
    if recased and any("Subx" in r.grammemes for r in word.parses):
        return None  # «родителей, учащихся и…»: a participle used as a noun may be the next member of a list
    following = sentence.tokens[at + 1] if at + 1 < len(sentence.tokens) else None
    if recased and following is not None and following.is_word and following.pos == "NOUN":
        return None  # «жителей, многодетных семей и…»: the adjective belongs to the next member of a list
    forms = {_form_for(word, old, target, recased) for target in new}
    if None in forms or len(forms) != 1:
        return None  # the new noun's readings ask for different forms: the agreement is not certain
    return keep_capital(word.text, forms.pop())


def _recased(old: Sequence[Parse], new: Sequence[Parse]) -> bool:
    return not set().union(*(_case(p) for p in old)) & set().union(*(_case(p) for p in new))


def _form_for(word: Token, old: Sequence[Parse], target: Parse, recased: bool) -> str | None:
    """The attribute ``word`` in the form that agrees with ``target``; ``None``: none or several."""
    forms: set[str] = set()
    for r in word.parses:
        if not _agrees_reading(r, old):
            continue
        if recased and r.pos in _ATTRIBUTES:
            want = _case(target) & MAIN_CASES
        else:
            want = set(_case(r)) if r.pos in _ATTRIBUTES or r.lemma == "который" else set()
        want |= target.grammemes & NUMBERS
        if "sing" in target.grammemes:
            want |= target.grammemes & GENDERS
        if "accs" in want and r.lemma != "который":
            want |= target.grammemes & {"anim", "inan"}
        form = inflect_raw(r.raw, frozenset(want))
        if form is None:
            return None
        forms.add(form)
    return forms.pop() if len(forms) == 1 else None


def _agrees_reading(r: Parse, nouns: Sequence[Parse]) -> bool:
    return any(
        (_same_number_gender(r, n) and (r.lemma == "который" or bool(_case(r) & _case(n))))
        for n in nouns
    ) and (r.pos in _ATTRIBUTES or r.lemma == "который")


_COORDINATORS = frozenset({"и", "или", "а", "либо"})
_PREPOSITION_CASES = {"в": {"loct", "accs"}, "во": {"loct", "accs"}, "на": {"loct", "accs"}, "о": {"loct"}, "об": {"loct"},
                      "при": {"loct"}, "по": {"datv"}, "к": {"datv"}, "ко": {"datv"}}  # for a form that stays


_GENITIVE_TAIL = 3  # words of a genitive tail after the governed noun («плану [работы школы]»)


def _genitive(token: Token) -> bool:
    return bool(token.parses) and token.parses[0].pos in ("NOUN", "ADJF") and "gent" in token.parses[0].grammemes
