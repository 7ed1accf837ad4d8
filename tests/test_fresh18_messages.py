"""KC201's advice in a post with a configured author names another body's act in the third person.

«Если пост пишет сама организация («краевое министерство транспорта»), напишите: «Мы выделили
деньги»» told the head of a district to claim the ministry's money as «мы».
"""

from __future__ import annotations

import kanclint
from kanclint.engine.config import Config

SENTENCE = "Также я подписала постановление. Деньги на ремонт были выделены краевым министерством транспорта."


def _passive_messages(config: dict) -> list[str]:
    report = kanclint.lint(SENTENCE, config=Config(select=("KC201",), use_ignore_file=False, **config))
    return [d.message for d in report.diagnostics if d.code == "KC201"]


def test_another_body_is_not_offered_as_we_when_the_author_is_someone_else():
    (message,) = _passive_messages({"author": "Глава Тальменского района Елена Морозова"})
    assert "сама организация" not in message
    assert "«Краевое министерство транспорта выделило деньги»" in message


def test_without_an_author_the_we_hint_stays():
    (message,) = _passive_messages({})
    assert "Если пост пишет сама организация («краевое министерство транспорта»)" in message
