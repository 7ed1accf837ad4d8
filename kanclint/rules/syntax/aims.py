"""«Проект направлен на поддержку семей»: a purpose, not a hidden act of sending (issue #12).

A short participle of «направить» followed by «на» says what a project or a programme is for;
«Проект отправили на поддержку семей» (or «Мы отправили проект…») would say someone mailed it.
"""

from __future__ import annotations

from typing import Sequence

from kanclint.rules.syntax.passive_detection import _Passive
from kanclint.text.document import Sentence, Token

_AIMING = frozenset({"направить", "направлять", "нацелить", "нацеливать", "ориентировать"})
# money «направлено на ремонт» is allotted: «средства направят на ремонт» is the act itself
_MONEY = frozenset({"средство", "деньги", "рубль", "тысяча", "миллион", "миллиард", "сумма", "грант",
                    "субсидия", "дотация", "финансирование", "экономия", "остаток"})


def states_a_purpose(sentence: Sentence, group: Sequence[Token], f: _Passive, subject_head: Token) -> bool:
    """The passive ``f`` is «направлен на …» (the word right after its verb group is «на») and
    its subject is no sum of money."""
    if f.lemma not in _AIMING or not group or subject_head.lemma in _MONEY:
        return False
    i = sentence.position(group[-1]) + 1
    tokens = sentence.tokens
    return i < len(tokens) and tokens[i].key == "на"
