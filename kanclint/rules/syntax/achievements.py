"""Results that competitors achieve, never the organisation that writes about them (issue #12).

«Лучшие результаты показаны по обществознанию» on the education committee's page is what the
pupils did: «Мы показали лучшие результаты» would take their credit.  The third person plural
(«показали») says nothing wrong, so only the «мы» rewrite is refused.

So are the prizes of a contest held above the author («По итогам регионального конкурса Дом культуры
занял первое место. Коллективу вручён сертификат»): the organisers gave them, and «мы вручили» would
claim it on a page that may be the winner's own; so are the results of a national action
(«Всероссийской акции «Диктант Победы» … Результаты будут опубликованы на сайте акции»).

So is a choice made by a vote («По итогам онлайн-голосования выбрана территория для
благоустройства»): the voters chose it, and «мы выбрали» would take their say.
"""

from __future__ import annotations

from kanclint.rules.syntax.passive_detection import _Passive
from kanclint.rules.syntax.words import ORGANISATIONS
from kanclint.text.document import Document, Sentence, Token

# what a competitor shows, wins or sets, and the verbs that say so
_ACHIEVEMENTS = frozenset({"результат", "место", "победа", "балл", "рекорд", "медаль", "кубок", "титул",
                           "призёр", "награда", "норматив", "очко"})
_ACHIEVING = frozenset({"показать", "показывать", "занять", "занимать", "завоевать", "завоёвывать",
                        "одержать", "одерживать", "набрать", "набирать", "установить", "устанавливать",
                        "выполнить", "выполнять", "получить", "получать", "взять", "брать"})


def competitors_achieved(f: _Passive, subject_head: Token) -> bool:
    """«результаты показаны», «рекорд установлен», «нормативы выполнены»: the competitors' act."""
    return f.lemma in _ACHIEVING and subject_head.lemma in _ACHIEVEMENTS


# prizes and results: «вручён сертификат», «результаты будут опубликованы на сайте акции»
_AWARDING = frozenset({"вручить", "вручать", "наградить", "награждать", "присудить", "присуждать",
                       "присвоить", "присваивать", "опубликовать", "публиковать", "объявить", "объявлять",
                       # the jury selects and the organisers send: «Работы были отобраны из 3000 рисунков»
                       "отобрать", "отбирать", "направить", "направлять", "отправить", "отправлять",
                       "признать", "признавать", "оценить", "оценивать"})
_CONTESTS = frozenset({"конкурс", "соревнование", "турнир", "олимпиада", "фестиваль", "первенство",
                       "чемпионат", "смотр", "премия", "спартакиада", "акция", "диктант"})
_WIDER = frozenset({"региональный", "областной", "краевой", "республиканский", "всероссийский", "окружной",
                    "межрегиональный", "международный", "федеральный"})


def awarded_by_organisers(document: Document, sentence: Sentence, f: _Passive) -> bool:
    """A prize given in a post that names a regional, national or international contest up to here,
    or given to a body («Коллективу Дома культуры вручены письма»: the page may be that body's)."""
    if f.lemma not in _AWARDING:
        return False
    if any(t.lemma in ORGANISATIONS and any(p.pos == "NOUN" and "datv" in p.grammemes for p in t.parses[:2])
           for t in sentence.words):
        return True
    for other in document.sentences:
        if other.start > sentence.start:
            break
        lemmas = {t.lemma for t in other.words}
        if lemmas & _CONTESTS and lemmas & _WIDER:
            return True
    return False


# a choice the voters or respondents make: «по итогам голосования выбран проект»
_CHOOSING = frozenset({"выбрать", "выбирать", "избрать", "избирать", "определить", "определять", "отобрать",
                       "отбирать", "признать", "признавать", "поддержать", "поддерживать"})
_VOTES = frozenset({"голосование", "онлайн-голосование", "опрос", "выборы", "референдум", "анкетирование"})


def chosen_by_vote(sentence: Sentence, f: _Passive) -> bool:
    """«По итогам голосования выбрана территория»: the voters' choice, not the organisation's."""
    return f.lemma in _CHOOSING and any(t.lemma in _VOTES for t in sentence.words)
