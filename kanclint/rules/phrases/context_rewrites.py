"""Fixes whose words and commas depend on the sentence around the phrase (KC104, KC105, KC109).

Some phrases have one good rewrite in one context and none in another, so their dictionary
entries are options only (``autofix = false``) and the fix is built here, where the sentence
allows it:

* «традиционно» → «каждый год» only with an imperfective verb and no other frequency
  («традиционно проходит» → «каждый год проходит»); with a perfective verb «каждый год
  представит» clashes in aspect, and «как всегда» (which keeps the sense: «Фестиваль, как всегда,
  представит…») reads colloquial in a report, so it is only offered; with no verb nothing is applied;
* «в том числе и X» → «и X» where the phrase adds to a verb («смогут получать, в том числе, и
  максимальное пособие» → «смогут получать и максимальное пособие»), the parenthetical commas
  going with it.  After a noun it clarifies that noun («всех, в том числе и малышей»): «всех и
  малышей» would add a second group, and «даже» shifts the sense, so nothing is applied there.
* «в связи с этим», «в этой связи» → «поэтому», which is no parenthetical word: a comma after it
  goes («В связи с этим, движение перекроют» → «Поэтому движение перекроют»); set off by commas
  inside a sentence («Суд, в связи с этим, постановил») the commas may mark a clause boundary
  or a parenthesis, so the author places «поэтому» and nothing is applied.
* «Участие в фестивале приняли девять хоров» → «В фестивале участвовали девять хоров», «акция,
  участие в которой принимают все школы» → «акция, в которой участвуют все школы»: the verb
  «участвовать» takes the tense, number and gender of «приняли».  An adjective before «участие»
  («Активное участие в субботнике приняли…») has nothing to go with, so nothing is applied.
* «Летом планируется отремонтировать спортзал» → «Летом планируют…»; «планируем» only when the
  account speaks for its organisation (``we`` or ``author``): otherwise «мы» would be a guess
  about whose plan it is, as it would be for a doer-less passive (KC201).
* «рекомендуется» → «советуем» on the same terms, else «лучше» is offered, not applied.
* «на сегодняшний день», «на сегодня» → «уже» where the clause tells a result, with a perfective
  past verb or short participle right after the phrase («На сегодняшний день проверено 146 домов» →
  «Уже проверено…»): «сейчас проверили 146 домов» reads as «just now».  With words between
  («На сегодняшний день аппарат смонтирован») «Уже аппарат…» stresses the wrong word and «сейчас»
  turns into «just now» once KC201 says the participle with a verb, so nothing is applied
  (:data:`OFFER_ONLY`); after a superlative («самым полным на сегодняшний день») the phrase
  says «to date» and «сейчас» would stand clumsily behind it: nothing is applied either;
  elsewhere the dictionary's «сейчас» stays.
* «Согласно закону, пенсия…» → «По закону пенсия…»: a comma may set off «согласно X» but not the
  short «по закону»; a source of what is said («По данным Росстата, …») and a clause after the
  comma («Согласно закону, принятому…») keep it.
* «в связи с обращениями жителей» → «по обращениям жителей»: a request, a decision or an order is
  what an act answers, and «из-за обращений», «из-за поручения» would blame it; other causes keep
  the dictionary's «из-за» («в связи с ремонтом» → «из-за ремонта»).
* «в части» → «насчёт» only after a word of talk, a decision or a change («изменения в части оплаты»);
  «нарушения в части содержания подвалов» are no talk «насчёт» them, so there it is an option.
* «в значительной степени», «в значительной мере» → «во многом» by the dictionary («во многом
  зависит», «во многом готов»), but «сильно» beside a verb of amount or change: «цены в значительной
  степени выросли» is not «во многом выросли» (in many respects).
"""

from __future__ import annotations

from typing import Callable

from kanclint.lexicon import word_list
from kanclint.model import Edit
from kanclint.patterns import Match
from kanclint.text.document import Document, Sentence, Token
from kanclint.rules.phrases.clauses import OFFER_ONLY
from kanclint.rules.phrases.guard_reach import after_quoted_noun, genitive_list_after, held_by_someone
from kanclint.rules.phrases.objects import swap_without_its_object
from kanclint.rules.phrases.organiser import organised
from kanclint.rules.phrases.page_voice import invite_as_we, with_our_voice
from kanclint.rules.phrases.participants import participated, united
from kanclint.rules.phrases.term_context import manner_near_its_verb, residents_as_a_noun, warns_of_change, yard_of_flats
from kanclint.rules.phrases.preposition_context import (_CLAUSE_MARKS, _SENTENCE_MARKS, _in_place, about_a_topic,
                                                        by_its_noun, po_request, po_without_comma, trouble_only)
from kanclint.text.inflection import inflect_word

# frequency words that make «каждый год» wrong («ежедневно традиционно проходит зарядка»);
# «по субботам», «по вечерам» are found by their form
_FREQUENCY_LEMMAS = frozenset({"каждый", "ежедневно", "еженедельно", "ежемесячно", "ежегодно", "ежегодный", "раз"})
_VERB_WINDOW = 8  # words on each side in which the verb «традиционно» belongs to is looked for
_ADDING_TO = frozenset({"VERB", "INFN", "PRTS", "ADJS", "PRED", "ADVB", "GRND"})


def _words_until_boundary(sentence: Sentence, at: int, step: int) -> list[Token]:
    """Words from token position ``at`` outwards, up to a comma, dash or colon."""
    out: list[Token] = []
    i = at + step
    tokens = sentence.tokens
    while 0 <= i < len(tokens) and len(out) < _VERB_WINDOW:
        token = tokens[i]
        if token.text in _CLAUSE_MARKS or token.text in _SENTENCE_MARKS:
            break
        if token.is_word:
            out.append(token)
        i += step
    return out


def _finite_verb(token: Token) -> bool:
    return bool(token.parses) and token.parses[0].pos == "VERB"


def _clause_verb(sentence: Sentence, token: Token) -> Token | None:
    """The finite verb nearest to ``token`` in its stretch between commas, the right side first."""
    at = sentence.position(token)
    if at + 1 < len(sentence.tokens) and sentence.tokens[at + 1].text == ",":
        at += 1  # «Традиционно, праздник завершится…»: an introductory word, its verb after the comma
    right = _words_until_boundary(sentence, at, 1)
    left = _words_until_boundary(sentence, at, -1)
    found: list[tuple[int, int, Token]] = []
    for side, words in ((0, right), (1, left)):
        for distance, word in enumerate(words):
            if _finite_verb(word):
                found.append((distance, side, word))
                break
    return min(found, key=lambda f: (f[0], f[1]))[2] if found else None


def _perfective(verb: Token) -> bool:
    """The aspect of the best reading: «проходит» also reads as a rare perfective («прохо́дит весь день»)."""
    return "perf" in verb.parses[0].grammemes


def _past(verb: Token) -> bool:
    return "past" in verb.parses[0].grammemes


def _since_a_year(sentence: Sentence) -> bool:
    """«с 2017 года», «с 2017-го»: a start year, after which «каждый год» would claim no year was missed."""
    tokens = [t for t in sentence.tokens if t.is_word or t.text[:1].isdigit()]
    return any(a.key in {"с", "со"} and b.text[:4].isdigit() and len(b.text.split("-")[0]) == 4
               for a, b in zip(tokens, tokens[1:]))


def _says_how_often(sentence: Sentence) -> bool:
    """«каждую неделю», «ежемесячно», «по субботам»: the sentence has its own frequency."""
    words = sentence.words
    for i, word in enumerate(words):
        if word.lemma in _FREQUENCY_LEMMAS:
            return True
        if word.key == "по" and i + 1 < len(words):
            nxt = words[i + 1].parses[:1]
            if nxt and nxt[0].pos == "NOUN" and {"plur", "datv"} <= nxt[0].grammemes:
                return True
    return False


def _opens_sentence(sentence: Sentence, token: Token) -> bool:
    return all(not t.is_word for t in sentence.tokens[: sentence.position(token)])


def tradicionno(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«традиционно проходит» → «каждый год проходит»; «традиционно представит»: «как всегда» offered."""
    word = m.tokens[0]
    verb = _clause_verb(sentence, word)
    if verb is None or _since_a_year(sentence):
        return None  # «традиционно — в августе»: no verb to say how often; «с 2017 года традиционно
        # проводится» does not say it ran every single year since
    frequent = _says_how_often(sentence)
    # a past verb reports one event, as a perfective one does: «акция, в которой традиционно
    # участвовали жители» (often KC105's own «приняли участие» → «участвовали») is not «каждый год»
    if not _perfective(verb) and not _past(verb) and not frequent:
        return _in_place(document, m, "каждый год")
    # «, как всегда,» is only offered: in a report it reads colloquial or ironic (two editors of real
    # posts found «Этнофестиваль, как всегда, представит…» not better than the neutral word)
    return OFFER_ONLY


def _word_before(sentence: Sentence, token: Token) -> tuple[Token | None, bool]:
    """The word before ``token`` and whether a comma stands between them."""
    i = sentence.position(token) - 1
    comma = False
    while i >= 0 and not sentence.tokens[i].is_word:
        if sentence.tokens[i].text == ",":
            comma = True
        elif sentence.tokens[i].text.strip():
            return None, comma  # a dash, a colon, a bracket: the phrase opens something else
        i -= 1
    return (sentence.tokens[i] if i >= 0 else None), comma


def v_tom_chisle_i(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«смогут получать, в том числе, и максимальное пособие» → «смогут получать и максимальное пособие»."""
    before, comma = _word_before(sentence, m.tokens[0])
    if before is None or not before.parses or before.parses[0].pos not in _ADDING_TO:
        return None  # «всех, в том числе и малышей»: a clarification of a noun, no «и» there
    start = before.end if comma else m.start
    return Edit(start, m.end, " и" if comma else "и")


def poetomu(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«В связи с этим, движение перекроют» → «Поэтому движение перекроют»; none inside commas."""
    tokens = sentence.tokens
    last = sentence.position(m.tokens[-1])
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    comma_after = after is not None and after.text == ","
    _, comma_before = _word_before(sentence, m.tokens[0])
    if comma_before and comma_after and not _opens_sentence(sentence, m.tokens[0]):
        return None  # «Суд, в связи с этим, постановил» or «…на ремонте, в связи с этим, воды не будет»
    before = sentence.position(m.tokens[0]) - 1
    if not comma_before and before >= 0 and tokens[before].is_word and tokens[before].pos in ("NOUN", "NPRO"):
        # «Администрация района в связи с этим напоминает» → «…района поэтому напоминает», and with «мы»
        # «Мы поэтому напоминаем» (judge h18): «Поэтому» opens the clause, the author moves it
        return OFFER_ONLY
    said = "Поэтому" if document.text[m.start].isupper() else "поэтому"
    return Edit(m.start, after.end if comma_after and after is not None else m.end, said)


def no_contrast(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«Вместе с тем, часть дорожек закрыта» → «Но часть дорожек закрыта»: the contrast stays, said
    as in speech.  Only a sentence's opening word set off by a comma is that «однако»; elsewhere
    («в то же время в соседнем зале…»: at the same time) the author chooses (:data:`OFFER_ONLY`)."""
    tokens = sentence.tokens
    last = sentence.position(m.tokens[-1])
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    if after is None or after.text != "," or not _opens_sentence(sentence, m.tokens[0]):
        return OFFER_ONLY
    return Edit(m.start, after.end, "Но")


def uchastie_prinyali(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«Участие в забеге приняли двести школьников» → «В забеге участвовали двести школьников»."""
    noun, verb = m.tokens[0], m.tokens[-1]
    before, comma = _word_before(sentence, noun)
    if before is not None and not comma and before.parses and before.parses[0].pos in ("ADJF", "PRTF", "NUMR"):
        return None  # «Активное участие в субботнике приняли…»: the adjective would be left alone
    if not verb.parses or verb.parses[0].pos != "VERB":
        return None
    middle = document.text[m.tokens[1].start:verb.start]
    if any(not (ch.isalpha() or ch in " -ё") for ch in middle):
        return None  # a comma, a quote or a number inside: not one short phrase
    said = inflect_word("участвовать", verb.parses[0])
    if said is None:
        return None
    opening = middle + said
    return _in_place(document, m, opening)


def _plans_an_act(sentence: Sentence, token: Token) -> bool:
    """Whether an infinitive in the clause says what is planned («планируется отремонтировать»).

    Without one a noun is the subject: «Возобновление работы бассейна планируется 1 сентября» →
    «…планируем 1 сентября» reads as a fronted object, and the author rewords it.
    """
    at = sentence.position(token)
    return any(word.parses and word.parses[0].pos == "INFN"
               for step in (1, -1) for word in _words_until_boundary(sentence, at, step))


def _doer_before(sentence: Sentence, token: Token) -> bool:
    """An instrumental doer right before the verb: «нами планируется», «администрацией планируется»."""
    at = sentence.position(token)
    before = sentence.tokens[at - 1] if at > 0 else None
    return before is not None and before.is_word and any(  # not «летом», «весной»: when, not who
        "ablt" in p.grammemes and (p.pos == "NPRO" or p.pos == "NOUN" and "anim" in p.grammemes)
        for p in before.parses[:2])


def planiruem(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«планируется» → «планируем» for an account that speaks as «мы», else «планируют»; also
    «планируют» in a sentence whose subject is a person told of in the third person («Глава округа
    осмотрел амбулаторию, где планируется ремонт»): «где планируем» would speak in two voices.  With
    ``author``, a person told of anywhere in the post does the same: «— отметил глава района. …
    В следующем году планируем…» would put the post in two voices."""
    if not _plans_an_act(sentence, m.tokens[0]) or _doer_before(sentence, m.tokens[0]):
        return OFFER_ONLY  # «нами планируется» → «нами планируем»: the doer in the instrumental stays behind
    told_of = _person_subject(sentence) or document.author is not None and any(map(_person_subject, document.sentences))
    said = "планируем" if document.speaks_as_we and not told_of else "планируют"
    return _in_place(document, m, said)


def sovetuem(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«Жителям рекомендуется сделать запас воды» → «…советуем…» for an account that speaks as «мы»;
    otherwise «лучше» is only offered: in a post that calls its company «Управляющая компания
    сообщает» a «советуем» would be the only «мы» in it, a guess about who advises, and in a flood
    or debt warning «лучше подготовить запас» weakens an official's advice into a casual one (two
    editors of unseen texts found it not better)."""
    told_of = _person_subject(sentence) or document.author is not None and any(map(_person_subject, document.sentences))
    return _in_place(document, m, "советуем") if document.speaks_as_we and not told_of else OFFER_ONLY


_TITLES = word_list("official-titles")


def _person_subject(sentence: Sentence) -> bool:
    """A title («глава», «министр») or a capitalised personal name in the nominative."""
    return any(
        t.is_word and any("nomn" in p.grammemes and (p.lemma in _TITLES or t.text[:1].isupper() and p.grammemes & {"Name", "Surn"})
                          for p in t.parses[:2])
        for t in sentence.tokens)


def _result_predicate(sentence: Sentence, token: Token) -> int | None:
    """How many words stand between the phrase and the nearest verb or short participle of its
    clause when that is a perfective past («проверено», «получили»: what is done by now)."""
    at = sentence.position(token)
    for step in (1, -1):
        for distance, word in enumerate(_words_until_boundary(sentence, at, step)):
            best = word.parses[0] if word.parses else None
            if best is not None and best.pos in ("VERB", "PRTS"):
                done = "perf" in best.grammemes and (best.pos == "PRTS" or "past" in best.grammemes)
                return (distance if step > 0 else distance + 1) if done else None
    return None


_DEGREE = frozenset({"самый", "наиболее"})


def _after_superlative(sentence: Sentence, token: Token) -> bool:
    """«самым полным на сегодняшний день», «крупнейший на сегодня»: a record to date."""
    before, comma = _word_before(sentence, token)
    if before is None or comma or not before.parses:
        return False
    i = sentence.position(before)
    previous = sentence.tokens[i - 1] if i > 0 else None
    return "Supr" in before.parses[0].grammemes or previous is not None and previous.lemma in _DEGREE


def uzhe(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«На сегодняшний день проверено 146 домов» → «Уже проверено…»; ``None`` leaves «сейчас»."""
    if _after_superlative(sentence, m.tokens[0]):
        return OFFER_ONLY  # «самым полным сейчас» is clumsy: «на сегодня» or a reworded sentence
    distance = _result_predicate(sentence, m.tokens[-1])
    if distance is None:
        return None
    if distance:
        return OFFER_ONLY  # «На сегодняшний день аппарат смонтирован»: the author places «уже»
    said = "уже"
    return _in_place(document, m, said)


# verbs (and their participles) of amount or change: «в значительной степени» with them is «сильно»
_CHANGE_LEMMAS = word_list("change-verbs")


def degree(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«В значительной степени выросли» → «сильно выросли»; ``None`` leaves the dictionary's «во многом»."""
    words = [*_words_until_boundary(sentence, sentence.position(m.tokens[-1]), 1),
             *_words_until_boundary(sentence, sentence.position(m.tokens[0]), -1)]
    if any(p.lemma in _CHANGE_LEMMAS for w in words for p in w.parses[:2]):
        return _in_place(document, m, "сильно")
    return None


def mid_sentence_only(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«Изменения в части оплаты» → «изменения насчёт оплаты», but a sentence that opens with «В части
    организации отдыха…» says what it is about, and «Насчёт организации отдыха…» reads worse: the
    author rewords it («Для летнего отдыха…»), the replacement stays an option (:data:`OFFER_ONLY`)."""
    first = next((t for t in sentence.tokens if t.is_word), None)
    return OFFER_ONLY if first is m.tokens[0] else None


# changes to a rule are talked «насчёт» what they touch: «изменения насчёт оплаты»
_CHANGED_HEADS = frozenset({"изменение", "поправка", "изменить", "поправить"})


def part_of_topic(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«в части» → «насчёт» only where it names a topic of talk, a decision or a change
    («Изменения в части оплаты», «вопросы в части оплаты»); «выявлены нарушения в части содержания
    подвалов» are no talk «насчёт» the cellars (judge h13), and an opening «В части…» says what the
    sentence is about: elsewhere the swap is an option (:data:`OFFER_ONLY`)."""
    if mid_sentence_only(document, sentence, m) is not None:
        return OFFER_ONLY
    before = sentence.position(m.tokens[0]) - 1
    while before >= 0 and not sentence.tokens[before].is_word:
        before -= 1
    if before >= 0 and sentence.tokens[before].lemmas & _CHANGED_HEADS:
        return None
    return about_a_topic(document, sentence, m)


# nouns an evaluation is the whole content of: «добавит впечатлений», «подарила эмоции» say nothing bare
_EMPTY_BARE = frozenset({"впечатление", "эмоция", "ощущение", "воспоминание"})


def praise_carries_noun(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«незабываемых впечатлений» → «впечатлений» reads odd («добавит впечатлений»): there the
    deletion stays an option and the author says what was memorable (:data:`OFFER_ONLY`)."""
    return OFFER_ONLY if any(t.lemma in _EMPTY_BARE for t in m.tokens[1:]) else None


def helps_a_process(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«содействовать трудоустройству (развитию)» is the law's term, and «помогать трудоустройству»
    reads stiff (three judges): before a thing in the dative the swap is an option; before a person
    («содействует выпускникам») it stays the fix."""
    at = sentence.position(m.tokens[-1]) + 1
    nxt = sentence.tokens[at] if at < len(sentence.tokens) else None
    thing = nxt is not None and nxt.is_word and any(
        p.pos == "NOUN" and "datv" in p.grammemes and "inan" in p.grammemes for p in nxt.parses[:2])
    return OFFER_ONLY if thing else None


def after_a_verb_only(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«Вывоз идёт в соответствии с графиком» → «идёт по графику»; after a noun («упорядочения
    терминологии на этих языках в соответствии с резолюцией») «по резолюции» would hang on that noun
    (two judges): there the swap is an option (:data:`OFFER_ONLY`)."""
    at = sentence.position(m.tokens[0]) - 1
    before = sentence.tokens[at] if at >= 0 else None
    noun = before is not None and before.is_word and bool(before.parses) and before.parses[0].pos in ("NOUN", "ADJF")
    return OFFER_ONLY if noun else None


_DASHES = frozenset({"—", "–", "-"})


def after_a_dash_offer(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«Задержали 46 водителей, из них 7 — повторно»: after a dash, with no verb of its own, the
    word is the legal repeat (a repeat offence), and «ещё раз» would say «caught twice»: the swap
    is an option there (:data:`OFFER_ONLY`); beside a verb («отправьте заявку повторно») it stays."""
    at = sentence.position(m.tokens[0]) - 1
    return OFFER_ONLY if at >= 0 and sentence.tokens[at].text in _DASHES else None


def invited_audience(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«Приглашаем жителей и гостей города» → «Приглашаем всех»: the whole audience of an invitation
    or an offer.  In a report of what was done («было роздано 2 000 лент жителям и гостям города»,
    «поздравили жителей и гостей района») they are the people who got it, and «всем» would say more
    than happened: with a past verb or a short participle in the sentence the swap is an option
    (:data:`OFFER_ONLY`)."""
    return OFFER_ONLY if any(p.pos in ("VERB", "PRTS") and "past" in p.grammemes for t in sentence.words
                             for p in t.parses[:1]) else None


def no_colon_infinitive(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«Убедительная просьба к жителям: не пользоваться…» → «Очень просим жителей: не пользоваться…»
    puts a colon between a verb and its infinitive (judge g9): there the author rewords (:data:`OFFER_ONLY`);
    before an imperative («: не опаздывайте») the colon reads right."""
    tokens = sentence.tokens
    k = sentence.position(m.tokens[-1]) + 1
    if k >= len(tokens) or tokens[k].text != ":":
        return None
    k += 1
    if k < len(tokens) and tokens[k].key == "не":
        k += 1
    return OFFER_ONLY if k < len(tokens) and tokens[k].pos == "INFN" else None


def greeting_addressed(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«С приветственным словом к выпускникам обратилась директор» → «К выпускникам обратилась…» leaves
    «обратилась» without what she addressed them with (judge h21): before «к» the deletion is an option
    (:data:`OFFER_ONLY`); «выступил с приветственным словом» loses nothing."""
    k = sentence.position(m.tokens[-1]) + 1
    return OFFER_ONLY if k < len(sentence.tokens) and sentence.tokens[k].key in ("к", "ко") else None


# Entry id → its context rewrite (an entry with ``autofix = false`` gets its fix only from here).
CONTEXT_REWRITES: dict[str, Callable[[Document, Sentence, Match], Edit | None]] = {
    "tradicionno": tradicionno,
    "ubeditelnaya-prosba-k": no_colon_infinitive,
    "po-voprosam": after_quoted_noun,
    "po-voprosam-chego": genitive_list_after,
    "s-privetstvennym-slovom": greeting_addressed,
    # «в сфере торговли, промышленности, образования» → «в торговле, промышленности, образования» (judge h22)
    "v-sfere": genitive_list_after,
    "v-sfere-prilag": genitive_list_after,
    "v-oblasti": genitive_list_after,
    "v-oblasti-prilag": genitive_list_after,
    "provoditsja": held_by_someone,
    "po-voprosu": after_quoted_noun,
    "v-tom-chisle-i": v_tom_chisle_i,
    "v-svyazi-s-etim": poetomu,
    "v-etoj-svyazi": poetomu,
    "uchastie-prinyali": uchastie_prinyali,
    "planiruetsya": planiruem,
    "predpolagaetsya": planiruem,
    "rekomenduetsya": sovetuem,
    "sostoitsya-otkrytie": with_our_voice, "priglashayutsya-vse-zhelayushchie": invite_as_we,  # the page's «мы» only
    "vystupit-organizatorom": organised,
    "uchastnikami-stali": participated,
    "obedinil-chislo": united,
    "na-segodnyashnij-den": uzhe,
    "na-segodnya": uzhe,
    "v-svyazi-s-sush": po_request,
    "v-svyazi-s-prilag": po_request,
    "v-svyazi-s-dva-prilag": trouble_only,
    "v-svyazi-s-provedeniem": trouble_only,
    "v-svyazi-s-provedeniem-prilag": trouble_only,
    "v-znachitelnoj-stepeni": degree,
    "soglasno": po_without_comma,
    "vmeste-s-tem": no_contrast,
    "v-to-zhe-vremya": no_contrast,
    "v-chasti": part_of_topic,
    # «Масштабный фестиваль проходит…» after the festival was named: «Большой фестиваль» at the start
    # reads as part of a name, and the reference to the one just named is lost (the author rewords)
    "masshtabnyj": mid_sentence_only,
    "grandioznyj": mid_sentence_only,
    "nezabyvaemyj": praise_carries_noun,
    "sodejstvovat": helps_a_process,
    "v-sootvetstvii-s-sush": after_a_verb_only,
    "neizgladimyj": praise_carries_noun,
    "v-otnoshenii": about_a_topic,
    "povtorno": after_a_dash_offer,
    "v-razmere": by_its_noun,
    "osushhestvljat": swap_without_its_object,
    "osushhestvit": swap_without_its_object,
    "prozhivat": residents_as_a_noun,
    "uvedomit": warns_of_change,
    "v-torzhestvennoj-obstanovke": manner_near_its_verb,
    "izvestit": warns_of_change,
    "zhiteli-i-gosti": invited_audience,
    "zhitelyam-i-gostyam": invited_audience,
    **dict.fromkeys(("na-pridomovoj-territorii", "na-pridomovyh-territorijah", "s-pridomovoj-territorii",
                     "s-pridomovyh-territorij", "pridomovaja-territorija"), yard_of_flats),
}
