"""With ``we = true`` and no ``author``: which body the page may be, so «мы» never claims another's act.

Nothing in the configuration says which organisation writes, so KC304 and KC201 guess it from the
post: a body named in the third person («Прокуратура выявила нарушения», «Олимпиада была
организована управлением образования») is taken for the page.  A post of a hospital, a school or
a ministry names other bodies too, and the page's own body comes first, as the place or the doer of
the news («Министерством проведена проверка …», «На базе лицея прошёл…», «Больницей получено…»).
A post that speaks as «я» (:func:`says_i`) is a person's: no body in it is «мы».

So KC201 turns a doer in the instrumental into «мы» only when it is the first body the post names:
when a body with another head noun comes first, that one is the page, the doer is somebody else,
and the doer's own name as the subject (or the passive as written) says nothing wrong.  KC304 does
the same for a body that reports a past act after another body came first («Врачи провели 300
операций. Оборудование приобретено фондом. Министерство здравоохранения отметило работу
коллектива»); what a body does now or will do is what the page announces («Фондом капитального
ремонта начат ремонт крыши. Администрация города контролирует ход работ» → «Контролируем»).

Words that name a body only sometimes are left out: «организация» is as often the act of
organising («организация доставки»), «совет» advice.  So are partners («соглашение с фондом
«Вместе»», «при поддержке фонда», «совместно с музеем»): the page names them as others; and a body
that is only the object of an act («строительство реабилитационного центра»).  A body counts as a
subject or doer (nominative, instrumental), as the place («в больнице», «на базе лицея»), as the
initiator («по инициативе центра») or as the owner of its people («Сотрудники детской библиотеки»).
"""

from __future__ import annotations

import bisect

from kanclint.rules.press_release.words import INSTITUTION_NOUNS
from kanclint.text.document import Document, Token

_NOT_ALWAYS_BODIES = frozenset({"организация", "совет"})
_BODIES = INSTITUTION_NOUNS - _NOT_ALWAYS_BODIES
# what a partner follows: «с фондом», «при поддержке фонда», «при участии музея»
_PARTNER_WORDS = frozenset({"с", "со", "поддержка", "содействие", "помощь", "участие"})


# what a body as the place or the initiator follows in the genitive: «на базе лицея», «в стенах
# музея», «по инициативе центра» (the page tells what it started; a partner «поддержал» it)
_PLACE_WORDS = frozenset({"база", "стена", "территория", "здание", "помещение", "инициатива",
                          # its people: «Сотрудники детской библиотеки», «Учитель нашей школы», «Врачи больницы»
                          "сотрудник", "специалист", "работник", "коллектив", "педагог", "учитель",
                          "преподаватель", "врач", "библиотекарь", "тренер", "воспитанник", "ученик",
                          "учащийся", "студент"})
_PLACE_PREPOSITIONS = frozenset({"в", "во", "на"})


def _body_lemma(words: list[Token], i: int) -> str | None:
    """The body ``words[i]`` names as a subject, doer or place («министерством» → «министерство»)."""
    token = words[i]
    readings = [p for p in token.parses if p.pos == "NOUN" and p.lemma in _BODIES]
    if not readings or token.parses[0].pos != "NOUN":
        return None
    # the word before the body and its adjectives: «в [районной] больнице», «Учитель [нашей] школы»
    owner = next((w.lemma for w in reversed(words[:i]) if w.pos not in {"ADJF", "PRTF"}), "")
    if owner in _PLACE_PREPOSITIONS and any("loct" in p.grammemes for p in readings):
        return readings[0].lemma  # «в гимназии»: «гимназии» is a genitive first for pymorphy3
    if owner in _PLACE_WORDS and any("gent" in p.grammemes for p in readings):
        return readings[0].lemma
    best = token.parses[0]
    return best.lemma if best.lemma in _BODIES and best.grammemes & {"nomn", "ablt"} else None


def _partner(words: list[Token], i: int) -> bool:
    """Whether the body at ``words[i]`` is named as a partner (adjectives may stand before it)."""
    j = i - 1
    while j >= 0 and words[j].pos in {"ADJF", "PRTF"}:
        j -= 1
    return j >= 0 and words[j].lemma in _PARTNER_WORDS


def first_body(document: Document) -> tuple[int, str] | None:
    """Where the post first names a body (not a partner) as a subject, doer or place, and its head noun's lemma."""
    for sentence in document.sentences:
        words = list(sentence.words)
        for i, token in enumerate(words):
            if (lemma := _body_lemma(words, i)) is not None and not _partner(words, i):
                return token.start, lemma
    return None


def another_body_first(document: Document, lemma: str, start: int | None = None) -> bool:
    """Whether the first body the post names has a head noun other than ``lemma`` (and comes
    before ``start``, the mention's own place, when given): the page is that body, not this one."""
    first = document.shared(first_body)
    return first is not None and first[1] != lemma and (start is None or first[0] < start)


_I_WORDS = frozenset({"я", "мой"})


def says_i(document: Document, start: int = 0, end: int | None = None) -> bool:
    """Whether the text between ``start`` and ``end`` speaks as «я» outside quotes («Мною было
    направлено обращение», «по моему запросу», «я встретился»): a deputy or a head writes in
    person, so no body the post names is «мы», and a doer-less act is that person's or others'."""
    stop = len(document.text) if end is None else end
    starts = document.shared(_i_word_starts)
    i = bisect.bisect_left(starts, start)
    return i < len(starts) and starts[i] < stop


def _i_word_starts(document: Document) -> list[int]:
    """Where the post says «я» outside quotes, in text order: worked out once per post, as the
    doer checks ask :func:`says_i` of many sentences."""
    return [t.start for t in document.tokens if t.is_word and (t.lemma in _I_WORDS or t.pos == "VERB" and {
        "1per", "sing"} <= t.grammemes) and not t.protected]  # the cheap test first: «я» is rare


