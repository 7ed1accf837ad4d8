"""Which of KC201's rewrites may be offered: said by the author as «мы», cleaned by the dictionaries,
never the third-person self KC304 would flag.

A rewrite is built by :mod:`.active_rewrite` or :mod:`.impersonal_rewrite`; this module decides
what becomes of it, so that the rule module only reports.
"""

from __future__ import annotations

import re

from kanclint.model import Edit, apply_edits
from kanclint.rules.phrases.cleaning import clean_edits, clean_phrase, word_edit
from kanclint.rules.press_release.oblique_self import first_person_blocked
from kanclint.rules.press_release.ours import owned_doers
from kanclint.rules.press_release.speaker import speaker
from kanclint.rules.press_release.voice import in_own_voice
from kanclint.rules.syntax.active_rewrite import _active_rewrite
from kanclint.rules.syntax.doer_inside import doer_inside_rewrite
from kanclint.rules.syntax.doer_last import doer_last_rewrite
from kanclint.rules.syntax.linear_active import linear_rewrite
from kanclint.rules.syntax.doer_phrase import agent_nominative, left_instrumental, modifier_left_before, second_doer_left
from kanclint.rules.syntax.doers_named import another_body, body_acted_before
from kanclint.rules.syntax.we_voice import is_author, names_person_author, names_us, speaks_of_itself
from kanclint.rules.syntax.light_verbs import empty_verb_with_noun, has_light_verb, one_verb
from kanclint.rules.syntax.passive_detection import _Passive
from kanclint.rules.syntax.relative_after import antecedent_lost
from kanclint.rules.syntax.rewrite_objects import DATIVE_VERBS, _new_verb
from kanclint.rules.syntax.words import EMPTY_VERBS, GENITIVE_VERBS
from kanclint.text.document import Document, Sentence
from kanclint.text.inflection import capitalise, inflect_word, spell_yo
from kanclint.text.morphology import parse
from kanclint.text.syntax_view import _Syntax

_WORDS = re.compile(r"[^\W\d_]+|\d+")
_BARE = frozenset({"мы", "я", "буду", "будем", "будет", "будут", "не"})


def _content_words(text: str) -> int:
    """Words other than a pronoun and the future auxiliary: «Будем ремонтировать» has one."""
    return sum(w.lower() not in _BARE for w in _WORDS.findall(text))


# the rewrites join words with spaces: «песни , стихи и танцы» has no space before its comma
_SPACE_BEFORE_MARK = re.compile(r"\s+(?=[,;:.!?»)])")


def clean_rewrite(document: Document, sentence: Sentence, edit: Edit | None) -> Edit | None:
    """The rewrite with the dictionaries' fixes on the words it wrote; None when none is clean."""
    if edit is None:
        return None
    # «посвященная» → «посвящённую» in a post that writes «е» for «ё»
    edit = Edit(edit.start, edit.end, spell_yo(_SPACE_BEFORE_MARK.sub("", edit.replacement), document.writes_yo))
    sentence_text = document.text[sentence.start:sentence.end]
    voiced = False
    if document.speaks_as_we:  # «Администрация района провела…» on the administration's page: «Мы провели…»
        local = apply_edits(sentence_text, [Edit(edit.start - sentence.start, edit.end - sentence.start, edit.replacement)])
        ours = in_own_voice(local, document.author, document.speaks_as_we)
        if ours != local:
            edit = word_edit(sentence_text, ours, sentence.start)
            voiced = True
    cleaned = clean_edits(document.text, sentence.start, sentence.end, [edit])
    if cleaned is not None and voiced:
        local = apply_edits(sentence_text, [Edit(cleaned.start - sentence.start, cleaned.end - sentence.start,
                                                 cleaned.replacement)])
        if _content_words(local) < 2:
            return None  # «Ремонт осуществляется Фондом капремонта» → «Ремонтируем.»: the body and the what are gone
    if cleaned is not None and antecedent_lost(document.text[cleaned.start:cleaned.end], cleaned.replacement,
                                               document.text[cleaned.end:sentence.end]):
        return None  # «Я встретился с жителями, в ходе которой…»: «встреча» is gone
    return cleaned


def agent_rewrite(document: Document, syntax: _Syntax, sentence: Sentence, f: _Passive, tense: str,
                  agent_text: str | None) -> tuple[Edit | None, Edit | None]:
    """The active rewrite of a passive with a doer, as built and as it may be offered.

    «Министерство культуры поддержало проект» is the third-person self KC304 flags: it becomes
    «мы» when the doer is the configured author (with ``we = true``, a bare body the post speaks
    for), otherwise nothing is offered.  Returns ``(built, offered)``; both ``None`` when no
    rewrite fits, ``offered`` alone ``None`` when the built one is itself канцелярит.
    """
    text = document.text
    if f.lemma in GENITIVE_VERBS:
        return None, None  # «достигнуты высокие результаты» → «достигли высоких результатов»: the object's case changes (judge h20)

    def third_person_self(e: Edit) -> bool:
        return speaks_of_itself(text[sentence.start:e.start] + e.replacement + text[e.end:sentence.end])

    # «Ребятами изготовлено более 40 кормушек»: read from the words where the parse shows no plain clause
    built = _active_rewrite(document, syntax, sentence, f, tense) or linear_rewrite(document, sentence, f, tense) \
        or doer_last_rewrite(document, sentence, f, tense) \
        or doer_inside_rewrite(document, sentence, f, tense)  # «вручены грамоты директором школы», «Приём граждан главой…»
    if (document.speaks_as_we or document.author) and f.agent is not None and f.agent.pos != "NOUN":
        built = None  # «Учащимися лицея проведено…» on a page that speaks as «мы»: whose pupils is a guess
    if built is not None and any(left_instrumental(w.strip(",.")) for w in built.replacement.split()[1:]):
        built = None  # «Начальник отдела полиции Андреем Козловым принял…»: the name kept its case
    if agent_text and (is_author(document.author, agent_text) or names_us(document, agent_text)
                       or names_person_author(document, agent_text)):
        # «В рамках проекта администрацией района завершено…»: the author, wherever the clause starts
        pronoun, number, gender = speaker(document)
        unknown = pronoun == "я" and gender is None and tense == "past"  # «я провёл» or «я провела»?
        unknown = unknown or first_person_blocked(document, sentence.start, agents=False)
        built = None if unknown else _active_rewrite(
            document, syntax, sentence, f, tense, as_we=True, speaker=(pronoun, number, gender))
    elif agent_text and (ours := ours_as_subject(document, f, agent_text)) is not None:
        # «Сотрудниками МБУК «Городская библиотека» проведена…» → «Наши сотрудники провели…», or nothing:
        # never «Сотрудники МБУК … провели» (KC304's third person) nor «Нашими сотрудниками проведена»
        _, number, gender = agent_nominative(syntax, f.agent) if f.agent is not None else (None, "plur", None)
        built = None if first_person_blocked(document, sentence.start, agents=False) else _active_rewrite(
            document, syntax, sentence, f, tense, speaker=(ours, number, gender))
    elif built is not None and third_person_self(built) and (
            not document.speaks_as_we or another_body(document, f.agent.lemma if f.agent else "", agent_text or "")
            or body_acted_before(document, sentence)):
        # «Министерство передало…» on the administration's page: not «мы», and KC304's shape; after
        # «Волонтёрами центра «Вектор» проведена акция» the page may be the centre's, and
        # «Вывоз организован администрацией поселения» → «Мы организовали вывоз» would be a guess
        built = None
    if built is not None and (f.agent is not None and second_doer_left(sentence, f.agent, built.end)
                              or modifier_left_before(sentence, built.start)):
        built = None  # «Специалисты проводят занятия … и медицинскими сёстрами», «Тарским мы принимаем»
    offered = clean_rewrite(document, sentence, built)
    if offered is not None and _words_follow(text, offered.end, sentence.end) and _ends_without_object(offered.replacement):
        offered = None  # «Комиссия осуществляла проверку в составе…» → «Комиссия проверяла в составе…»: what? (judge h54)
    if offered is not None and third_person_self(offered):
        return None, None  # another body: the hint says what to write, nothing is quoted
    if offered is not None and has_light_verb(offered.replacement):
        said = _one_verb_before_dative(offered.replacement)  # «я дала поручения руководителям» → «я поручила…»
        offered = Edit(offered.start, offered.end, said) if said is not None else None
        # else «Активисты осуществляли помощь»: the doer is named, the predicate is still split
    if offered is not None and empty_verb_with_noun(offered.replacement, EMPTY_VERBS):
        offered = None  # «Специалисты осуществляют оказание помощи»: still the stamp, now active
    return built, offered


def _ends_without_object(said: str) -> bool:
    """A transitive verb last in the rewrite: the noun it replaced named no object for it."""
    readings = parse(said.split()[-1].strip(",.")) if said.split() else []
    return bool(readings) and readings[0].pos == "VERB" and "tran" in readings[0].grammemes


_DOER_COMPLEMENTS = re.compile(r"\s*(?:в составе|под руководством|во главе с)\b", re.IGNORECASE)


def _words_follow(text: str, end: int, sentence_end: int) -> bool:
    """The doer's own complement right after the rewrite («комиссией в составе представителей»): after a
    bare verb it hangs on nothing («Комиссия проверяла в составе…», judge h54)."""
    return bool(_DOER_COMPLEMENTS.match(text, end, sentence_end))


def ours_as_subject(document: Document, f: _Passive, agent_text: str) -> str | None:
    """«наши сотрудники» for the doer «Сотрудниками МБУК «Городская библиотека»» on the library's
    page (KC304's mention of the author's people as a passive's doer, :func:`owned_doers`); ``None``
    when the doer is no such mention or «наш» cannot agree with it."""
    mention = next((m for m in document.shared(owned_doers) if f.agent is not None and m.owner.start == f.agent.start), None)
    if mention is None:
        return None
    words, size = agent_text.split(), len(document.text[mention.start:mention.owner.end].split())
    if len(words) <= size or words[size] != mention.name[0].text:
        return None  # the parse read the doer's phrase otherwise
    head = " ".join(words[:size])  # «Сотрудники», «Старшие воспитатели»
    number = {g for p in mention.owner.parses if p.pos == "NOUN" and "ablt" in p.grammemes for g in p.grammemes & {"sing", "plur"}}
    readings = [p for p in parse(head.split()[-1]) if p.pos == "NOUN" and "nomn" in p.grammemes and p.grammemes & number]
    forms = {inflect_word("наш", p) for p in readings} - {None}
    return f"{forms.pop()} {head[:1].lower()}{head[1:]}" if len(forms) == 1 else None


def advice_in_we_form(f: _Passive, we_verb: str, obj: str | None) -> str | None:
    """«Мы заменили окна» as advice, or ``None`` when it would be flagged itself: «Мы осуществили…»
    (an empty verb and no object to say it with one verb), «Мы провели проверку готовности» (a
    light verb the dictionary cannot collapse here)."""
    if obj:
        phrase = f"мы {we_verb} {obj}"
        if has_light_verb(phrase):
            said = one_verb(phrase)
            return capitalise(said) if said is not None and not has_light_verb(said) else None
        return clean_phrase(capitalise(phrase))
    if f.lemma in EMPTY_VERBS:
        return None
    said = clean_phrase(f"Мы {we_verb}")
    return f"{said}…" if said is not None else None


# verbs whose recipient stands in the dative: «поручила руководителям», «помогли семьям»
_RECIPIENT_VERBS = DATIVE_VERBS | {"поручить", "поручать"}


def _one_verb_before_dative(phrase: str) -> str | None:
    """«я дала поручения руководителям учреждений» → «я поручила руководителям учреждений»: the light
    verb and its noun said as one verb, when what follows them is the recipient the new verb takes
    in the dative; ``None`` otherwise (the object would have to change its case)."""
    words = phrase.split()
    for k in range(len(words) - 1, 1, -1):
        head = " ".join(words[:k])
        said = one_verb(head)
        if said is None or said == head:
            continue
        if has_light_verb(said) or not _dative_only(words[k]) or _new_verb(said) not in _RECIPIENT_VERBS:
            return None
        return f"{said} {' '.join(words[k:])}"
    return None


def _dative_only(word: str) -> bool:
    readings = [p for p in parse(word) if p.pos in ("NOUN", "ADJF", "NPRO", "PRTF")]
    return bool(readings) and all("datv" in p.grammemes for p in readings)
