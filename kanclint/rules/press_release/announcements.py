"""KC304's edges of a self-mention that the «мы» rewrite must see first: a colon that announces the
news by itself, and a name that is only the quoted end of a longer one.

* «МФЦ информирует: с 1 марта принимают заявления» on the MFC's page: the colon announces the news
  already, so the body and its verb go and the news opens the sentence («С 1 марта принимают…»);
  «Информируем:» would keep the formula.
* «ООО «УК Жилсервис» информирует…»: the words in «» are the end of the name, and a rewrite from
  them on leaves «ООО «Сообщаем, что…» (judge h20).
"""

from __future__ import annotations

from typing import Any

from kanclint.model import Edit
from kanclint.text.document import Document
from kanclint.text.inflection import capitalise

# ``mention`` is :class:`kanclint.rules.press_release.voice.SelfMention`, which imports this module
SelfMention = Any


def news_after_colon(document: Document, mention: SelfMention) -> Edit | None:
    """The edit that drops «<name> <announcing verb>:» before the news, or ``None``: only where the
    mention opens the sentence with nothing between the name and the verb, on a page that speaks as
    «мы», and the news is a word or a number."""
    sentence = mention.sentence
    at = sentence.position(mention.verb) + 1
    tokens = sentence.tokens
    if at + 1 >= len(tokens) or tokens[at].text != ":" or not (tokens[at + 1].is_word or tokens[at + 1].text[:1].isdigit()):
        return None
    if not (document.speaks_as_we and mention.clean_name and mention.capital and not mention.between and not mention.joined):
        return None
    start, news = mention.name[0].start, tokens[at + 1]
    if document.is_protected(start, news.end):
        return None
    return Edit(start, news.end, capitalise(news.text) if news.text[:1].islower() else news.text)


def inside_quoted_name(document: Document, mention: SelfMention) -> bool:
    """Whether the mention's name starts right after an opening quote mark («ООО «УК Жилсервис»»)."""
    text = document.text
    i = mention.name[0].start
    while i > 0 and text[i - 1] in " \u00a0":
        i -= 1
    return i > 0 and text[i - 1] in "«„“\""
