"""Results that competitors achieve, never the organisation that writes about them (issue #12).

«Лучшие результаты показаны по обществознанию» on the education committee's page is what the
pupils did: «Мы показали лучшие результаты» would take their credit.  The third person plural
(«показали») says nothing wrong, so only the «мы» rewrite is refused.
"""

from __future__ import annotations

from kanclint.rules.syntax.passive_detection import _Passive
from kanclint.text.document import Token

# what a competitor shows, wins or sets, and the verbs that say so
_ACHIEVEMENTS = frozenset({"результат", "место", "победа", "балл", "рекорд", "медаль", "кубок", "титул",
                           "призёр", "награда", "норматив", "очко"})
_ACHIEVING = frozenset({"показать", "показывать", "занять", "занимать", "завоевать", "завоёвывать",
                        "одержать", "одерживать", "набрать", "набирать", "установить", "устанавливать",
                        "выполнить", "выполнять", "получить", "получать", "взять", "брать"})


def competitors_achieved(f: _Passive, subject_head: Token) -> bool:
    """«результаты показаны», «рекорд установлен», «нормативы выполнены»: the competitors' act."""
    return f.lemma in _ACHIEVING and subject_head.lemma in _ACHIEVEMENTS
