"""What the reader sends, said as what the reader may do: «Заявки принимаются до 20 мая» →
«Заявки можно подавать до 20 мая», «Принимаются работы на конкурс» → «Можно присылать работы на конкурс».

«Заявки принимают до 20 мая» (the third person plural) keeps the office's point of view; the
reader is the one who sends the papers, and a notice of a deadline is said to them.  With «мы»
(``we``, ``author``) the office's own «Заявки принимаем до 20 мая» is as good and stays.  The
nouns and the reader's verbs are data (``reader-sent`` in dictionaries/lexicon/clauses.toml).
Only the plain notice is rewritten: «принимаются» in the present, no «не» («заявки больше не
принимаются» is a refusal, not an invitation), no «от …» (who may send is then someone else), no
«к рассмотрению», no second passive joined to it, and for «присылать» no place in the
prepositional case («в библиотеке»), where the papers are brought, not sent.
"""

from __future__ import annotations

from kanclint.lexicon import word_map
from kanclint.model import Edit
from kanclint.rules.syntax.active_rewrite import _plain_rewrite, _verb_group
from kanclint.rules.syntax.passive_detection import _Passive
from kanclint.rules.syntax.self_acts import others_plainly_act
from kanclint.text.syntax_view import _Syntax
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.inflection import capitalise

# words after the verb that make the notice someone else's: «от организаций», «к рассмотрению»,
# «комиссией»; «и рассматриваются» joins a second passive
_NOT_THE_READERS = frozenset({"к", "ко", "и", "или", "не"})
_PLACES = frozenset({"в", "во", "на"})
# «принимать во внимание», «в работу», «в эксплуатацию», «на рассмотрение»: an idiom of the office, no reader's act
_IDIOMS = frozenset({"внимание", "расчёт", "учёт", "работа", "обработка", "производство", "эксплуатация",
                     "рассмотрение", "сведение", "исполнение", "баланс"})


def _plain_subject(head: Token) -> bool:
    """A plural noun in the nominative that reads the same in the accusative («заявки», «работы»)."""
    return any(p.pos == "NOUN" and {"nomn", "plur", "inan"} <= p.grammemes for p in head.parses)


def _place_in_prepositional(tokens: list[Token], start: int, strict: bool = False) -> bool:
    """«в библиотеке», «на вахте»: a place where papers are handed in, which «присылать» cannot take;
    ``strict``: only a body papers are sent to (:data:`_SENT_TO`)."""
    for k in range(start, len(tokens) - 1):
        if tokens[k].key in _PLACES and tokens[k + 1].is_word and any(
                "loct" in p.grammemes or "loc2" in p.grammemes for p in tokens[k + 1].parses) and (
                not strict or tokens[k + 1].lemma in _SENT_TO):
            return True
    return False


# bodies papers are sent to, not handed in at: «подавать в министерстве» is «в министерство» (judge h37);
# an office or a room is where one hands them in («подавать в кабинете № 3», «в отделе культуры»)
_SENT_TO = frozenset({"министерство", "департамент", "правительство", "агентство", "фонд"})


def reader_sends(sentence: Sentence, f: _Passive, subject: Token | None, group: list[Token] | None, tense: str) -> Edit | None:
    """«Заявки принимаются до 20 мая» → «Заявки можно подавать до 20 мая», or ``None``."""
    if not f.reflexive or f.lemma != "принимать" or tense != "pres" or f.aux is not None or f.conj:
        return None
    if subject is None or group is None or len(group) != 1:
        return None
    verb = word_map("reader-sent").get(subject.lemma)
    if verb is None or not _plain_subject(subject):
        return None
    tokens = sentence.tokens
    head, at = sentence.position(subject), sentence.position(group[0])
    if any(t.key == "не" for t in tokens[max(0, min(head, at) - 2):max(head, at)]):
        return None  # «больше не принимаются»
    if any(t.is_word and t.pos in ("VERB", "PRTS", "INFN") for t in tokens[at + 1:]):
        return None  # «принимаются и рассматриваются», «принимаются, если…»: more than a notice
    if any(t.key in _NOT_THE_READERS for t in tokens[at + 1:]) or any(t.key == "от" for t in tokens):
        return None  # «от организаций»: who may send is someone named, not the reader
    if any(t.lemma in _IDIOMS for t in tokens[at + 1:]) or subject.lemma == "работа" and any(
            t.key == "по" for t in tokens[head + 1:head + 2]):
        return None  # «принимаются во внимание»; «работы по ремонту»: building works an office accepts
    if any(t.is_word and any(p.pos == "NOUN" and "ablt" in p.grammemes for p in t.parses[:1])
           and (k == 0 or tokens[k - 1].key not in ("с", "со", "за", "под", "перед", "между"))
           for k, t in enumerate(tokens[at + 1:], start=at + 1)):
        return None  # «принимаются комиссией»: a doer in the instrumental
    if _place_in_prepositional(tokens, at + 1, strict=verb != "присылать"):
        return None  # «Работы принимаются в библиотеке»: brought there, not sent; «подавать в министерстве» (judge h37)
    if head < at:
        if at != head + 1 and any(t.is_word and t.pos in ("VERB", "PRTS", "PRTF") for t in tokens[head + 1:at]):
            return None
        return Edit(group[0].start, group[0].end, f"можно {verb}")
    if head > at and not any(t.is_word for t in tokens[:at]):  # «Принимаются заявки на конкурс»
        said = f"можно {verb}"
        return Edit(group[0].start, group[0].end, capitalise(said) if group[0].text[:1].isupper() else said)
    return None


def reader_or_plain(document: Document, syntax: _Syntax, sentence: Sentence, f: _Passive, tense: str) -> Edit | None:
    """Without «мы», the reader's «Заявки можно подавать» before the plain «Заявки принимают»."""
    said = reader_sends(sentence, f, f.subject, _verb_group(sentence, f), tense)
    if said is not None or f.subject is not None and others_plainly_act(sentence, f, f.subject, tense):
        return said  # «приём врачей» (they receive), «передача показаний» (the reader's act): no «they»
    return _plain_rewrite(document, syntax, sentence, f, tense)


def may_tell_reader(sentence: Sentence, lemma: str, reflexive: bool) -> bool:
    """A short notice («Заявки принимаются до 20 мая.») whose passive might be said to the reader:
    «принимаются» with something the reader sends in the sentence.  Short doer-less passives are
    notices and not flagged; this one is, when :func:`reader_sends` has a form for it."""
    if not reflexive or lemma != "принимать":
        return False
    sent = word_map("reader-sent")
    return any(t.lemma in sent for t in sentence.words)


def short_notice_to_reader(sentence: Sentence, f: _Passive, tense: str) -> bool:
    """Whether the short notice ``f`` stands in has the reader's form: «Заявки можно подавать до 20 мая»."""
    return may_tell_reader(sentence, f.lemma, f.reflexive) and reader_sends(
        sentence, f, f.subject, _verb_group(sentence, f), tense) is not None
