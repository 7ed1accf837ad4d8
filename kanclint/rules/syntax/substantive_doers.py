"""Whether an adjective used as a noun right before a doer-less passive may be its doer.

«Неизвестным было похищено имущество», «Ранее потерпевшим было подано заявление»: «неизвестным»,
«потерпевшим» (and the pronoun «им») read as the singular instrumental (who stole, who filed) as well
as the plural dative (to whom).  A doer-less rewrite in the third person plural («Неизвестным
похитили имущество») picks the dative and turns the thief into the victim, so such a passive is left
as written.  After verbs whose dative is a recipient («Пострадавшим была оказана помощь», «Желающим
будут выданы билеты») the dative is the reading a reader takes, and the rewrite («Пострадавшим
оказали помощь») stays.
"""

from __future__ import annotations

from kanclint.rules.syntax.passive_detection import _Passive
from kanclint.text.document import Sentence, Token

# verbs whose dative names who receives: the word before them is the recipient, not the doer
_RECIPIENT_VERBS = frozenset({
    "оказать", "оказывать", "предоставить", "предоставлять", "выдать", "выдавать", "вручить", "вручать",
    "передать", "передавать", "подарить", "дарить", "направить", "направлять", "выплатить", "выплачивать",
    "начислить", "начислять", "назначить", "назначать", "присвоить", "присваивать", "предложить",
    "предлагать", "рассказать", "рассказывать", "разъяснить", "разъяснять", "объяснить", "объяснять",
    "сделать", "делать", "отправить", "отправлять", "доставить", "доставлять", "предъявить",
    "предъявлять", "вынести", "выносить", "компенсировать", "возместить", "возмещать", "обеспечить",
    "адресовать", "посвятить", "посвящать", "показать", "показывать", "представить", "представлять",
    "объявить", "объявлять", "выразить", "выражать", "рекомендовать", "напомнить", "напоминать",
    "сообщить", "сообщать", "разрешить", "разрешать", "запретить", "запрещать", "отказать", "отказывать",
})


def _ablt_or_datv(token: Token) -> bool:
    """An adjective or participle whose readings include both the singular instrumental and the plural
    dative; or «им», «by him» as well as «to them» («Им было отмечено хорошее оснащение»)."""
    if token.key == "им":
        return True
    readings = [p for p in token.parses if p.pos in ("ADJF", "PRTF")]
    return (any({"ablt", "sing"} <= p.grammemes for p in readings)
            and any({"datv", "plur"} <= p.grammemes for p in readings))


def substantive_doer_before(sentence: Sentence, group: list[Token], f: _Passive) -> bool:
    """«[Неизвестным] было похищено имущество»: the word right before the verb group may be its doer."""
    if f.lemma in _RECIPIENT_VERBS:
        return False
    at = sentence.position(group[0]) - 1
    if at < 0 or not sentence.tokens[at].is_word or not _ablt_or_datv(sentence.tokens[at]):
        return False
    before = sentence.tokens[at - 1] if at > 0 else None  # «местным жителям» is a noun group, not this
    return before is None or not (before.is_word and before.parses and before.parses[0].pos in ("ADJF", "PRTF"))
