"""KC201 register rewrite of a doer-less passive: «Работы проведены» → «Работы провели» / «Мы провели работы».

A passive without a doer is how a press release hides who acted.  When the post speaks for the
organisation (``document.speaks_as_we``: the config keys ``we`` or ``author``) the doer is the
author, so the sentence says «мы»; otherwise Russian says an unknown doer with the third person
plural («Трубы заменили», «Итоги объявят 4 ноября»; a notice's present «Экскурсии проводятся по
записи» stays, but papers a reader hands in cannot act: «Заявки принимают до 10 мая»).  Where the passive verb is a light verb
and its subject a verbal noun («была произведена замена труб»), the active phrase is read by the
split-predicate dictionary (:mod:`.light_verbs`): «мы заменили трубы», «заменили трубы».

The subject is read from morphology, not from the parse (which costs more than all the rules
together): a noun phrase in the nominative agreeing with the verb that opens the sentence before
the verb, or follows the verb right after it.  Everything uncertain is left alone, the finding stays
a hint: another possible subject, a name, a list, a clause that shares the verb, quoted text, a state
rather than an action («в издании представлены пословицы», «музей основан в 1921 году»).
"""

from __future__ import annotations


from kanclint.model import Edit
from kanclint.rules.syntax.active_rewrite import (
    _active_verbs,
    _coordinated,
    _lower_initial,
    _sentence_initial,
    _verb_group,
)
from kanclint.rules.syntax.acronym_doers import acronym_doer, acronym_opens
from kanclint.rules.syntax.aims import states_a_purpose
from kanclint.rules.syntax.morph import held_event
from kanclint.rules.syntax.passive_subjects import _subject_after, _subject_before
from kanclint.rules.syntax.genitive_lists import genitive_items, listed_objects
from kanclint.rules.syntax.ellipsis import elliptic_pair, with_pair
from kanclint.rules.syntax.missed_doers import instrumental_doer_after
from kanclint.rules.syntax.names_after import names_in_apposition
from kanclint.rules.syntax.modal_notice import modal_notice
from kanclint.rules.syntax.reader_sends import reader_sends
from kanclint.rules.syntax.light_verbs import has_light_verb, one_verb, phrase_fix_over, preposition_absorbed
from kanclint.rules.syntax.rewrite_objects import (
    _SHORT_NOTICE,
    reads_as_subject,
    DATIVE_VERBS,
    NEEDS_CONTENT,
    NEEDS_RECIPIENT,
    _NO_ABOUT,
    _about_after,
    content_after,
    _has_dative,
    _has_object,
    _new_verb,
    _object_missing,
    _Subject,
)
from kanclint.rules.syntax.plural_refusals import plural_misleads
from kanclint.rules.syntax.kept_cases import count_later, date_at, named_genitive
from kanclint.rules.syntax.rewrite_guards import (
    _agreeing_after,
    _another_subject,
    _listed_after,
    _BETWEEN_POS,
    complement_after,
    genitive_list_continues,
    list_continues,
    list_reads_as_object,
    NATURAL_STATES,
    caused_by,
    maybe_agent,
    maybe_doer,
    named_instrumental,
    same_in_accusative,
    negation_before,
    parallel_passive,
    passive_in_next_item,
    reads_as_a_shot,
    reflexive_owner,
)
from kanclint.rules.syntax.other_actors import doer_said_next
from kanclint.rules.syntax.planned_nouns import NOT_A_PLAN, planned_rewrite
from kanclint.rules.syntax.passive_detection import _after_preposition, _Passive
from kanclint.rules.syntax.self_acts import acts_on_self, others_plainly_act
from kanclint.rules.syntax.stative_events import told_as_act
from kanclint.rules.syntax.tallies import counted_doers, tally_so_far
from kanclint.rules.syntax.text_places import _about_a_text
from kanclint.rules.syntax.we_voice import invites_readers, kept_as_passive, others_read_as_we, repeats_my_act, said_as_we, we_opened_before
from kanclint.rules.syntax.words import (
    EMPTY_VERBS,
    GENITIVE_VERBS,
    PROCEDURE_NOUNS,
    REFLEXIVE_PASSIVES,
    STATE_PARTICIPLES,
    THINGS_READ_AS_PEOPLE,
)
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.grammar import PERSON_NAMES
from kanclint.text.inflection import capitalise, inflect_raw

# Passives that tell how things are or were, not who acts now: «в издании представлены
# пословицы», «в музее хранится коллекция», «музей основан в 1921 году», «книга написана на
# вепсском языке».  Their active form would invent a doer or change the sense.
STATIVE = frozenset(
    {
        "представить", "представлять", "хранить", "основать", "основывать", "написать",
        "включить", "включать", "приурочить", "образовать", "родить", "издать", "издавать",
        "посвящать", "располагать", "содержать", "сопровождать", "ожидать", "предусмотреть",
        "предусматривать", "снабдить", "окружить", "наполнить", "заполнить", "прикрепить",
        "украсить", "оснащать", "выполнять", "положить", "положено", "осветить", "освещать",
        # damage done by wind, water or fire: «в результате ветра повреждены линии» → «повредили линии»
        # would have people do it
        "повредить", "повреждать", "подтопить", "подтапливать", "затопить", "затапливать",
        "разрушить", "разрушать", "обесточить", "обесточивать", "размыть", "размывать", "повалить",
        "уничтожить", "уничтожать",  # «В результате пожара уничтожена баня» (judge h35)
        # a duty laid on a body by law: «контроль возложен на Роспотребнадзор» is the rule as it stands,
        # «возложили» would report a recent act
        "возложить", "возлагать",
    }
)

# Supply verbs: without «был»/«будет» their short participle says what the subject has, not what
# someone did («хозяйства обеспечены техникой», «школа укомплектована кадрами»); «Хозяйства
# обеспечили техникой» reads as the farms supplying, «Мы обеспечили хозяйства» claims an act.
SUPPLIED_STATES = frozenset({"обеспечить", "укомплектовать", "снабдить", "оснастить"})

# Where a text or a list is to be found: without «был»/«будет» and without «мы» a state
# («Расписание размещено на сайте»); «Мы разместили расписание на сайте» says the page did it.
_PLACED = frozenset({"разместить"})
_OWN_VOICE = frozenset({"объявить", "объявлять"})

# «проводить» with a procedure as its object is a light verb the dictionary may not know:
# «Постановка на учёт проводится» → «Мы проводим постановку на учёт» is no plainer.
_EVENT_VERBS = frozenset({"проводить", "провести"})


# Dictionaries whose fix of the passive verb beats a rewrite with a new doer: formulas and clichés
# («уделено особое внимание» → «много внимания уделили»); without «мы», also a plainer word
# («занятия проводятся» → «занятия проходят»).
_SAYS_IT_BETTER = frozenset({"KC102", "KC105"})

# «В поликлинике организовано проведение диспансеризации»: without «было» a service now open;
# the light verb collapsed («провели диспансеризацию») says it is over
_SET_UP = frozenset({"организовать", "обеспечить"})


def doerless_rewrite(document: Document, sentence: Sentence, f: _Passive, tense: str, together: bool = False) -> Edit | None:
    """The doer-less passive ``f`` said actively, in the «мы» form or the third person plural;
    ``together``: the sentence's other passives are rewritten with it (:mod:`.passive_lists`)."""
    if f.agent is not None or _never_active(sentence, f):
        return None
    tokens = sentence.tokens
    if any((maybe_doer(t) or j and named_instrumental(t)) and not _after_preposition(tokens, j)
           for j, t in enumerate(tokens)) or acronym_opens(sentence):
        return None  # «наряжена коммунальщиками», «оформлен учащимися»: a doer the detector missed
    group = _verb_group(sentence, f)
    if group is None or any(t.protected for t in group) or instrumental_doer_after(sentence, f, group) or counted_doers(sentence):
        return None  # «Концерт был организован детским садом», «получены 214 домами»: a doer no list knows
    if not together and parallel_passive(sentence, group, f) or passive_in_next_item(document, sentence) or doer_said_next(
            document, sentence, f.lemma):
        return None  # «рассмотрено 1 250 обращений, проведено 45 приёмов»: one active, one passive reads worse
    number, gender = _agreement(f)
    if (subject := _subject_before(document, sentence, group, number, gender) or _subject_after(sentence, group, number, gender)) is None:
        return None
    if (_listed_after(sentence, subject) or _coordinated(sentence, subject.tokens)) and not (
            subject.tokens[0].start > group[0].start and same_in_accusative(subject.head)
            and list_reads_as_object(sentence, (subject.tail or subject.tokens)[-1])):
        return None  # «главой района и губернатором»; a list after the verb stays as written or not at all
    paired = elliptic_pair(sentence, group, subject) if _another_subject(sentence, group, subject, number, together) else ()
    if paired is None or states_a_purpose(sentence, group, f, subject.head):  # «, а победители — призами»
        return None
    if acronym_doer(sentence, group, subject.tokens[0].start < group[0].start):
        return None  # «Подвоз воды организован МУП «Водоканал»», «… УФПС Бурятии организован пункт»: the acronym is the doer
    if (modal := _said_to_reader(document, sentence, f, subject, group, tense)) is not None:
        return modal  # «Записаться можно по телефону», «Заявки можно подавать до 20 мая»
    if _others_do_it(sentence, f, subject, tense):
        return None  # the reader sends it, the doctors receive, the teams register themselves
    if f.reflexive and f.lemma in EMPTY_VERBS and len(sentence.words) <= _SHORT_NOTICE and not _has_object(subject):
        return None  # «Оплата осуществляется наличными»: «Оплачивают наличными» says no more; the author rewords
    if plural_misleads(sentence, f, subject, group):
        return None  # «количество … заключили», «Покупают билеты», «постановлением … ввели»
    obj = _accusative(subject)
    if obj is None or subject.head.lemma in NATURAL_STATES or reads_as_a_shot(f, subject.head):
        return None  # «установлен ледостав»: nature's doing, «установили ледостав» is nonsense
    item = list_continues(sentence, (subject.tail or subject.tokens)[-1]) if subject.tokens[0].start > group[0].start else None
    if item is not None and (obj != " ".join(t.text for t in subject.tokens) or not _items_as_objects(sentence, item)):
        return None  # «проводится беседа о здоровье, викторина и игра» → «проводят беседу…, викторина»
    if subject.tokens[0].start > group[0].start and obj != " ".join(t.text for t in subject.tokens[:len(obj.split())]):
        last = (subject.tail or subject.tokens)[-1]  # «замена кресел, сценического освещения»: a list, no clause
        if _agreeing_after(sentence, subject) and genitive_items(sentence, last) is None or names_in_apposition(sentence, last):
            return None  # «приглашается команда, созданная…»: the participle would keep the nominative
    if _about_a_text(sentence, group):
        return None
    if (not document.speaks_as_we and subject.tokens[0].start < group[0].start and maybe_agent(subject.head)
            and obj.lower() == " ".join(t.text for t in subject.tokens).lower()):
        return None  # «Пожарные части привели в готовность» reads as the units acting («Всех участников…» does not)
    we = _voice(document, sentence, f, subject.head, group[0], tense)
    if we is None or not we and _only_ours(f) or phrase_fix_over(document, f.verb, _SAYS_IT_BETTER if we else _SAYS_IT_BETTER | {"KC101"}):
        return None
    verbs = _active_verbs(f, tense, "1per" if we else "3per", "plur", None)
    if verbs is None:
        return None
    if (planned := planned_rewrite(document, sentence, f, subject, group, verbs, bool(paired))) is not NOT_A_PLAN:
        return planned  # «Завершение работ … планируют» keeps the noun: the infinitive or nothing
    return with_pair(document, _assemble(document, sentence, f, group, subject, obj, verbs, we), paired)



def _others_do_it(sentence: Sentence, f: _Passive, subject: _Subject, tense: str) -> bool:
    """Acts whose doer is plain and is not «they»: «передача показаний осуществляется … через личный
    кабинет» is the reader's (judge h51), «приём врачей» the doctors' (judge h52), «команды
    регистрируются», «регистрация участников … по ссылке» the teams' own."""
    return others_plainly_act(sentence, f, subject.head, tense) or acts_on_self(sentence, f, subject)


def _voice(document: Document, sentence: Sentence, f: _Passive, head: Token, verb: Token, tense: str) -> bool | None:
    """«мы» (True), the third person plural (False), or neither (None: the passive stays a hint)."""
    if said_as_we(document, sentence, f, head, verb) or invites_readers(document, sentence, f, head, verb, tense):
        return True  # «К участию приглашаем семьи»
    # «Подрядчику поставлена задача» on the head's page: not «поставили», not «я поставил»; «Мною было
    # принято решение. Данное решение принято…»: «приняли» would give it to others
    if kept_as_passive(document, sentence, f, head, tense) or repeats_my_act(document, sentence, f.lemma) or (
            others_read_as_we(document, sentence, tense)):
        return None
    return False


def _said_to_reader(document: Document, sentence: Sentence, f: _Passive, subject: _Subject, group: list[Token],
                    tense: str) -> Edit | None:
    """What the reader may do: «Записаться можно по телефону» in any voice; «Заявки можно подавать
    до 20 мая» unless «мы» may say «Принимаем заявки до 20 мая»."""
    if (modal := modal_notice(sentence, f, subject, group, tense)) is not None:
        return modal
    sent = reader_sends(sentence, f, subject.head, group, tense)
    return sent if sent is not None and not said_as_we(document, sentence, f, subject.head, group[0]) else None


# what is «направлено на» a goal rather than sent somewhere: «работа направлена на…»
_AIMED = frozenset({"работа", "усилие", "деятельность", "мера", "внимание", "программа", "проект"})


def _only_ours(f: _Passive) -> bool:
    """A passive only the page's «мы» says better: «Перечень размещён на сайте» is where a text is
    (judge h27), and «Объявляют набор» reads as someone else's announcement (judges h33, h34)."""
    return f.lemma in _PLACED and f.aux is None or f.lemma in _OWN_VOICE and f.reflexive


def _items_as_objects(sentence: Sentence, item: Token) -> bool:
    """Every further item of the list from ``item`` on reads the same as an object: «вручены подарки и
    книги»; not «…коллективы, учащиеся и жители» (judge h43), where «жителей» is wanted."""
    return same_in_accusative(item) and (list_continues(sentence, item) is None or list_reads_as_object(sentence, item))


def _never_active(sentence: Sentence, f: _Passive) -> bool:
    """A passive no active form says: a state, a tally, a cause, a verb seldom passive."""
    if f.lemma in STATIVE and not told_as_act(sentence, f) or f.lemma in STATE_PARTICIPLES or caused_by(sentence, f):
        return True
    if tally_so_far(sentence, f) or reflexive_owner(sentence, f.verb):
        return True  # «На данный момент установлено 20 фонарей» is no «Сейчас установили…»; «на свои средства»
    if f.lemma in SUPPLIED_STATES and not f.reflexive and f.aux is None or f.lemma in GENITIVE_VERBS:
        return True  # «Хозяйства обеспечены техникой»: a state; «достигли договорённость»: a genitive object
    if f.lemma in ("направить", "направлять") and sentence.words[:1] and sentence.words[0].key == "на" and any(
            t.lemma in _AIMED for t in sentence.words):
        return True  # «На пресечение нарушений направлена работа комиссии»: aimed, not sent (judge h43)
    words = sentence.words
    if any(w.key == "по" and k + 1 < len(words) and words[k + 1].key == "инициативе" for k, w in enumerate(words)):
        return True  # «проводится … по инициативе координатора»: the initiator is the doer the third person hides (f9, f10)
    if f.subject is not None and f.subject.lemma == "возможность":
        return True  # «предоставляют возможность вызова» is as official (two editors): «можно вызвать» is the author's
    # «держится», «поднимается», «имеется»: a «-ся» verb that is seldom a passive
    return f.reflexive and f.lemma not in REFLEXIVE_PASSIVES


def _one_verb_before_infinitive(sentence: Sentence, phrase: str, last: Token) -> str | None:
    """The light verb's phrase said as one verb; an infinitive right after it is read with it and
    stays where it is: «даны поручения [подготовить]» → «поручили», which needs the infinitive."""
    said = one_verb(phrase)
    at = sentence.position(last) + 1
    following = sentence.tokens[at] if at < len(sentence.tokens) else None
    if said is not None and following is not None and following.pos == "PREP" and preposition_absorbed(phrase, following.key):
        # «осуществляется контроль за питанием» → «контролируют за…»: the «за» was the noun's; read
        # with it, the dictionary keeps it («следят за»), and the preposition stays where it is
        kept = " ".join(t.text for t in sentence.tokens[at : at + 2])
        said = one_verb(f"{phrase} {kept}")
        return said[: -len(kept) - 1] if said is not None and said.endswith(" " + kept) else None
    if said is not None or following is None or following.pos != "INFN":
        return said
    infinitive = sentence.tokens[at].text
    said = one_verb(f"{phrase} {infinitive}")
    return said[: -len(infinitive) - 1] if said is not None and said.endswith(" " + infinitive) else None


def _agreement(f: _Passive) -> tuple[str, str | None]:
    """The number of the passive verb, and its gender where it shows one (past singular)."""
    # «будут приниматься»: the infinitive shows no number, its auxiliary does
    grammemes = f.aux.grammemes if f.reading.pos == "INFN" and f.aux is not None else f.reading.grammemes
    number = "plur" if "plur" in grammemes else "sing"
    gender = next((g for g in ("masc", "femn", "neut") if g in grammemes), None) if number == "sing" else None
    return number, gender


def _accusative(subject: _Subject) -> str | None:
    """The old subject as the object: the head and its modifiers in the accusative, the rest as written."""
    written = [t.text for t in subject.tokens]
    if subject.reading is None:
        return " ".join(written)
    head = subject.reading
    lower = subject.head.text[:1].islower()  # «цветы» is no «Цвета»: a name's reading does not count
    animacy = {frozenset(p.grammemes & {"anim", "inan"}) for p in subject.head.parses if p.pos == "NOUN"
               and "nomn" in p.grammemes and not (lower and p.grammemes & PERSON_NAMES)}
    if len(animacy) > 1 and head.grammemes & {"masc", "plur"}:
        # «субботник»: a day of work or a person, and «субботник» and «субботника» differ; an event that
        # is held («проведён субботник») is the day
        head = held_event(subject.head)
        if head is None:
            return None
    if subject.head.lemma in THINGS_READ_AS_PEOPLE:
        return " ".join(written)  # «пожарные извещатели»: a device, whatever pymorphy3 says
    if "inan" in head.grammemes and ("plur" in head.grammemes or "femn" not in head.grammemes):
        return " ".join(written)  # «лучшие работы», «размер пособия»: the accusative reads as the nominative
    number = head.grammemes & {"sing", "plur"}
    changed = {}
    form = inflect_raw(head.raw, frozenset({"accs"} | number))
    if form is None:
        return None
    changed[subject.head.start] = form
    for token, reading in subject.modifiers:
        want = {"accs"} | number
        if "sing" in number:
            want |= head.grammemes & {"masc", "femn", "neut"}
        if head.grammemes & {"plur", "masc"}:
            want |= head.grammemes & {"anim", "inan"}
        form = inflect_raw(reading.raw, frozenset(want))
        if form is None:
            return None
        changed[token.start] = form
    out = []
    for token in subject.tokens:
        form = changed.get(token.start, token.text)
        if form[:2].lower() != token.text[:2].lower():
            return None  # «лучшие» → «наихорошие»: pymorphy3 rebuilt the word from its lemma
        out.append(form)
    return " ".join(out)


def _between(sentence: Sentence, left: Token, right: Token) -> list[Token] | None:
    """Words strictly between two tokens; ``None`` when one of them is not an adverb or a particle."""
    tokens = sentence.tokens
    inside = tokens[sentence.position(left) + 1 : sentence.position(right)]
    if any(not t.is_word or t.pos not in _BETWEEN_POS for t in inside):
        return None
    return list(inside)


def _assemble(
    document: Document, sentence: Sentence, f: _Passive, group: list[Token], subject: _Subject,
    obj: str, verbs: str, we: bool,
) -> Edit | None:
    """One edit over the subject and the verb group, in the order Russian wants for the new clause."""
    words = subject.tokens
    subject_first = words[0].start < group[0].start
    first, last = (words[0], group[-1]) if subject_first else (group[0], words[-1])
    gap = _between(sentence, words[-1], group[0]) if subject_first else _between(sentence, group[-1], words[0])
    inner = _between(sentence, group[0], group[-1]) if len(group) > 1 and not f.conj else []
    if gap is None or inner is None:
        return None  # words between the subject and the verb that belong to neither
    span = sentence.tokens[sentence.position(first) : sentence.position(last) + 1]
    if any(t.protected or not (t.is_word or t.text.isdigit() or t.text == "№") for t in span):  # «дома № 15»
        return None
    adverbs = [t.text for t in (gap if subject_first else []) + inner]
    if not subject_first:
        adverbs = [t.text for t in inner] + [t.text for t in gap]
    obj = _lower_initial(document, sentence, words[0], obj)
    tail = " ".join(t.text for t in subject.tail)
    phrase = " ".join(w for w in [*adverbs, verbs, obj, tail] if w)
    light = has_light_verb(phrase)
    if light:
        if f.conj or (f.aux is None and f.lemma in _SET_UP):
            return None
        last = subject.tail[-1] if subject.tail else last
        if not subject_first and list_continues(sentence, last) is not None:
            return None  # «проводятся беседы о здоровье, чтения и мастер-классы» → «мы говорим о здоровье, чтения…»
        said = _one_verb_before_infinitive(sentence, phrase, last)
        if said is not None and genitive_list_continues(sentence, last):  # «замена окон, дверей»
            items = listed_objects(sentence, last, said)
            if items is None:
                return None
            said, last = said + items[0], items[1]
        if said is None or (_has_dative(sentence, subject) and _new_verb(said) not in DATIVE_VERBS):
            return None  # «семьям оказана поддержка» → «поддержат семьи», not «семьям поддержат»
        if _one_verb_leaves_out(sentence, subject, said, subject_first, last) or not we and (_new_verb(said) or "").endswith(("ся", "сь")):
            return None  # «проведена встреча с инспектором» → «встретились с инспектором»: who met? (judge h34)
        phrase = said
    else:
        phrase = " ".join([*adverbs, verbs, obj])
        if f.lemma in EMPTY_VERBS or (f.lemma in _EVENT_VERBS and subject.head.lemma in PROCEDURE_NOUNS):
            return None  # «мы осуществили поставку», «мы проводим постановку на учёт»: the dictionary has no verb for it
    if we:
        negation = negation_before(sentence, first)
        if negation is not None:
            first = negation  # «не проведена» → «мы не провели», never «не мы провели»
            phrase = "не " + phrase
        # «Мы организовали… Принимаем заявки…»: after a «Мы …» sentence the verb alone says it
        replacement = phrase if we_opened_before(document, sentence) and _sentence_initial(document, sentence, first) else "мы " + phrase
    elif light or not subject_first:
        replacement = phrase
    elif reads_as_subject(f, subject, obj):  # «Работы провели…»: the works acting; verb first split editors
        replacement = None
    else:  # «Ремонт выполнили»: the old subject stays the topic of the sentence
        replacement = " ".join([obj, *adverbs, verbs])
    if replacement is not None and _sentence_initial(document, sentence, first):
        replacement = capitalise(replacement)
    return None if replacement is None else Edit(first.start, last.end, replacement)


def _one_verb_leaves_out(sentence: Sentence, subject: _Subject, said: str, subject_first: bool, last: Token) -> bool:
    """The light verb said as one verb (``said``) would lose or break what the noun governed."""
    if not subject_first and not subject.tail and complement_after(sentence, last):
        return True  # «проведена подготовка к зиме» → «подготовили к зиме» (what?); «рекомендации по…»
    # (after a carried object the «по» phrase is that object's: «внедрили программу по профориентации»)
    if _about_after(sentence, last) and _new_verb(said) in _NO_ABOUT:
        return True  # «принято решение о создании резерва» → «мы решили о создании» is not Russian
    if _object_missing(sentence, subject, said, subject_first, last) or (
            _new_verb(said) in NEEDS_RECIPIENT and not _has_dative(sentence, subject)):
        return True  # «Купили за счёт…» (what?); «Помощь оказана по постановлению» → «Помогли…» (whom?)
    if _new_verb(said) in NEEDS_CONTENT and not content_after(sentence, last):
        return True  # «даны рекомендации руководителям» → «посоветовали руководителям» (what?)
    at = sentence.position(last) + 1
    if at < len(sentence.tokens) and sentence.tokens[at].text[:1].isdigit() and not date_at(sentence, at):
        return True  # «проводится замена 2 километров сетей» → «меняют 2 километров»: the count stays genitive
    if any(t.pos == "NUMR" for t in subject.tokens + subject.tail) or count_later(sentence, at):
        return True  # «благоустройство трёх дворов» → «благоустроят трёх дворов»: a numeral keeps its case
    # «организовано проведение Дня здоровья» → «провели Дня здоровья»: a name stays genitive
    return at < len(sentence.tokens) and named_genitive(sentence.tokens[at])
