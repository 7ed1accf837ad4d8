"""KC201: a plural of activities or entries kept first would read as the doer («Работы провели на
средства музея», «Лучшие работы определят в пятницу»), so the third person plural goes first:
«Провели работы на средства музея», «Показали лучшие работы на экране».  Only in a post that speaks as
«мы» and in the past tense (where the verb first continues the page's own account): elsewhere it reads
telegraphically or as somebody else's act, and the passive stays.

Only a short participle (a past or future act, not a notice's present rule: «Экскурсии проводятся
по записи» stays), without «не» («Не завершили работы вовремя» reads as a reproach), and not next to
plural doers: a sentence that opens with «Провели…» reads as the acts of those of the sentence before
or of a later clause («…, и жители вернулись»).  Nor where the old subject said after the verb is
itself a dictionary finding («провели ремонтные работы» → «ремонт» → «отремонтировали», the object lost),
nor before a verdict on the result («Все работы выполнены качественно и в срок»).
"""

from __future__ import annotations

from kanclint.rules.phrases import shipped_rules
from kanclint.rules.syntax.missed_doers import plural_doers_before
from kanclint.rules.syntax.passive_detection import _Passive
from kanclint.rules.syntax.we_voice import post_says_we
from kanclint.text.document import Document, Sentence
from kanclint.text.morphology import parse


def _past(verbs: str) -> bool:
    """Whether the new verb («провели», «будут проведены» said as «проведут») is in the past tense."""
    words = verbs.split()
    return bool(words) and any(p.pos == "VERB" and "past" in p.grammemes for p in parse(words[-1]))


# a verdict on the result after the participle: «работы выполнены качественно» says how they are
_VERDICTS = frozenset({"качественно", "успешно", "добросовестно", "профессионально", "хорошо", "отлично", "безупречно"})


def _phrase_found(document: Document, sentence: Sentence, span: tuple[int, int], said: str) -> bool:
    """A dictionary finding on the new clause: «Ремонтные работы проведены» is no finding (the
    participle guards it), «Провели ремонтные работы» is («ремонт»), and its fix would run on
    («провели ремонт» → «отремонтировали», the object lost)."""
    rules = list(shipped_rules())
    if not rules:
        return False
    text = document.text[sentence.start:span[0]] + said + document.text[span[1]:sentence.end]
    found = rules[0].family.matches(Document(text))
    start, end = span[0] - sentence.start, span[0] - sentence.start + len(said)
    return any(m.start < end and start < m.end for matches in found.values() for _, ms in matches for m in ms)


def verb_first(document: Document, sentence: Sentence, f: _Passive, span: tuple[int, int], adverbs: list[str], verbs: str,
               obj: str) -> str | None:
    """«Работы проведены на средства музея» → «провели работы…»: the words of the new clause with the
    verb first; ``None`` where the passive stays."""
    if f.reflexive or "не" in (a.lower() for a in adverbs):
        return None
    if not document.shared(post_says_we) or not _past(verbs):
        return None  # without «мы» around, «Определят лучшие работы…» opens a post telegraphically (an editor);
    # after «Мы готовим…» a future «Проведут занятия» is somebody else's, a past «Провели» the page's own account
    said = " ".join([*adverbs, verbs, obj])
    later = [t for t in sentence.words if t.start >= span[1]]
    if later and later[0].key in _VERDICTS:
        return None  # «Все работы выполнены качественно и в срок»: a verdict on the result, not an act
    if any(t.pos == "VERB" and "plur" in t.grammemes for t in later):
        return None  # «Работы были завершены, и жители вернулись»: «Завершили…» could be the residents'
    if plural_doers_before(document, sentence) or _phrase_found(document, sentence, span, said):
        return None
    return said
