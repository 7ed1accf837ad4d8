"""«Проект направлен на поддержку семей»: a purpose, not a hidden act of sending (issue #12).

A short participle of «направить» followed by «на» says what a project or a programme is for;
«Проект отправили на поддержку семей» (or «Мы отправили проект…») would say someone mailed it.
"""

from __future__ import annotations

from typing import Sequence

from kanclint.rules.syntax.morph import is_verbal_noun
from kanclint.rules.syntax.passive_detection import _Passive
from kanclint.text.document import Sentence, Token

_AIMING = frozenset({"направить", "направлять", "нацелить", "нацеливать", "ориентировать"})
# things that have a purpose («проект направлен на поддержку семей»); papers and people are sent
# («документы направляются на почту», «направлен на обследование»), money is allotted
_PURPOSEFUL = frozenset({"проект", "программа", "мероприятие", "акция", "мера", "деятельность",
                         "усилие", "инициатива", "конкурс", "курс", "занятие", "закон", "законопроект",
                         "политика", "кампания", "реформа", "система", "подход", "рейд", "операция",
                         "форум", "фестиваль", "проверка", "цикл", "серия", "комплекс",
                         "нововведение", "изменение", "поправка", "норма", "правило", "решение",
                         "постановление", "указ"})

# things that are sent somewhere to be dealt with: «документы направлены на рассмотрение»
_SENT = frozenset({"документ", "заявление", "заявка", "запрос", "материал", "письмо", "обращение", "пакет",
                   "образец", "проба", "дело", "справка", "жалоба", "уведомление", "ходатайство", "анализ",
                   "предложение", "проект", "отчёт", "сведение", "информация", "список", "ответ", "протокол"})


def states_a_purpose(sentence: Sentence, group: Sequence[Token], f: _Passive, subject_head: Token) -> bool:
    """The passive ``f`` is «направлен на …» (the word right after its verb group is «на») and
    its subject is a thing that has a purpose (a project, a programme, an event)."""
    if f.lemma not in _AIMING or not group:
        return False
    i = sentence.position(group[-1]) + 1
    tokens = sentence.tokens
    if not (i < len(tokens) and tokens[i].key == "на"):
        return False
    if subject_head.lemma in _PURPOSEFUL:
        return True
    # aimed at an action: «порядок направлен на сокращение очередей», «нововведение направлено на
    # защиту данных»; only people and papers are sent «на проверку», «на обследование»
    aim = next((t for t in tokens[i + 1 : i + 3] if t.pos == "NOUN"), None)
    if aim is None or not is_verbal_noun(aim):
        return False
    sent = subject_head.lemma in _SENT or any("anim" in p.grammemes for p in subject_head.parses if p.pos == "NOUN")
    return not sent
