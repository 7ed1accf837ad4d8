"""Who else may have done it: the checks that keep KC201's «мы» from claiming another body's act.

* **set by law**: liability and penalties are set by the law, not by the account that explains
  them («за продажу … установлена ответственность» on a prosecutor's page is not «мы установили»);
* **a body acted before**: an earlier sentence named another body as the doer in the instrumental
  («Дорожными службами края проводится очистка дорог. Вывезено 350 тонн…»), or people who acted
  («Студенты провели опрос. Результаты направлены…»): the next doer-less passive is most likely
  theirs, so «мы вывезли» would be a guess; «вывезли» says nothing wrong.
"""

from __future__ import annotations

from kanclint.rules.syntax.passive_detection import _Passive
from kanclint.rules.syntax.words import ORGANISATIONS
from kanclint.text.document import Document, Sentence, Token

_SETTING = frozenset({"установить", "устанавливать", "предусмотреть", "предусматривать", "ввести", "вводить"})
_SET_BY_LAW = frozenset({"ответственность", "наказание", "штраф"})
# state support is granted by law: «гражданам предоставляется компенсация» is not «мы даём компенсацию»
_GRANTING = frozenset({"предоставить", "предоставлять"})
_GRANTED_BY_LAW = frozenset({"компенсация", "пособие", "выплата", "льгота", "субсидия"})
# pupils, students, volunteers who acted in an earlier sentence («Студенты провели опрос»)
_PEOPLE_WHO_ACT = frozenset({"студент", "школьник", "учащийся", "ученик", "волонтёр", "воспитанник", "ребята",
                             "участник", "активист", "житель", "родитель", "депутат", "спортсмен"})
# verbs that take their object in the genitive: «достигнута договорённость» → «достигли договорённости»
GENITIVE_VERBS = frozenset({"достигнуть", "достичь", "добиться", "добиваться", "достигать"})
_STAFF = frozenset({"сотрудник", "специалист", "подразделение", "бригада", "работник", "волонтёр", "сила"})


def set_by_law(f: _Passive, subject_head: Token) -> bool:
    """«Установлена административная ответственность», «предусмотрен штраф»: the law's act."""
    if f.lemma in _GRANTING and subject_head.lemma in _GRANTED_BY_LAW:
        return True
    return f.lemma in _SETTING and subject_head.lemma in _SET_BY_LAW


def body_acted_before(document: Document, sentence: Sentence) -> bool:
    """An earlier sentence has bodies or staff in the instrumental plural as a doer («Дорожными
    службами…», «Сотрудниками полиции…», «Силами волонтёров…»).  A body in the singular
    («Администрацией района проведено заседание») is most often the account itself."""
    for earlier in document.sentences:
        if earlier.start >= sentence.start:
            break
        for i, t in enumerate(earlier.words):
            if t.lemma not in ORGANISATIONS | _STAFF:
                continue
            plural_doer = any(p.pos == "NOUN" and {"ablt", "plur"} <= p.grammemes for p in t.parses)
            if plural_doer and not _after_preposition(earlier, t):
                return True
        if _people_acted(earlier):
            return True
    return False


def _people_acted(sentence: Sentence) -> bool:
    """«Студенты колледжа провели опрос»: people in the nominative plural and a past plural verb."""
    words = sentence.words
    people = any(t.lemma in _PEOPLE_WHO_ACT and any(p.pos == "NOUN" and {"nomn", "plur"} <= p.grammemes
                                                     for p in t.parses) for t in words)
    return people and any(t.pos == "VERB" and {"past", "plur"} <= t.grammemes for t in words)


def _after_preposition(sentence: Sentence, token: Token) -> bool:
    at = sentence.position(token)
    return at > 0 and sentence.tokens[at - 1].pos == "PREP"
