"""Short and titled forms of the configured author's name, and a place's opening hours (KC304).

* «Наш музей приглашает…» on a museum's page: «наш» before the head noun is the page's own word,
  so the phrase may still be the author's (:func:`our_word`); ``names_author`` tolerates it.
* «Депутат Юлия Котова встретилась…» on the page of «Юлия Котова»: an official title before
  the author's own full name is the author's title, and the whole phrase becomes «я»
  (:func:`untitled`).  Only a bare title or one whose genitive words are the author's own: «Министр
  образования края Мария Соколова» on the page of «Мария Соколова» keeps its third person, since
  «я» would drop which body she serves.
* «Библиотека работает в будние дни с 10 до 19», «Музей насчитывает 10 тысяч экспонатов»: the hours
  or the size of a place, said as everybody says them (:func:`place_fact`); the place, not the page,
  is the subject, and «Мы работаем» is no better, «Насчитываем» says something else.
"""

from __future__ import annotations

from typing import Sequence

from kanclint.rules.press_release.words import TITLE_WORDS, WEEKDAYS
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.grammar import PERSON_NAMES

_MAX_TITLE = 5  # «Депутат Законодательного собрания края»: the title and its genitives


def our_word(token: Token) -> bool:
    """«Наш» (any case and gender) before the author's noun: «Наш музей», «нашей библиотеки»."""
    return token.is_word and token.lemma == "наш"


def _title_end(words: Sequence[Token], lemmas: frozenset[str]) -> int:
    """How many words of ``words`` make a title that opens them: the title word («Депутат») and the
    genitive words after it that are the author's own («Глава | района» of «Глава района Иван
    Петров»); 0 when no title opens them.  A genitive the author's name lacks («Министр образования
    края», «Депутат Законодательного собрания») tells which body the person serves: a fact the «я»
    would drop, so the title ends before it and the name after it is not read as the author's."""
    if not words or not words[0].is_word or words[0].lemma not in TITLE_WORDS:
        return 0
    at = 1
    while at < min(len(words), _MAX_TITLE) and words[at].is_word and not any(
            p.grammemes & PERSON_NAMES for p in words[at].parses[:3]) and any(
            "gent" in p.grammemes for p in words[at].parses[:2]) and (set(words[at].lemmas) | {words[at].key}) & lemmas:
        at += 1
    return at


def untitled(name: Sequence[Token], lemmas: frozenset[str]) -> Sequence[Token]:
    """``name`` without the author's title before it: «Юлия Котова» of «Депутат Юлия Котова» on
    the page of «Юлия Котова» (:func:`_title_end`); ``name`` itself when no title opens it."""
    words = [t for t in name if t.is_word]
    at = _title_end(words, lemmas)
    return words[at:] if at and at < len(words) and words[at].text[:1].isupper() else name


def after_title(content: Sequence[Token], lemmas: frozenset[str]) -> Sequence[Token]:
    """The words after the author's title that opens ``content`` («Депутат | Юлия Котова
    встретилась…»); ``content`` when no title opens it."""
    return content[_title_end(content, lemmas):]


def met_before(document: Document, title: Token, any_case: bool = False) -> bool:
    """«Иван Петров встретился с министром… Министр рассказал…»: the title was somebody the author
    met (in another case earlier in the post), so the subject is that person, not the author."""
    lemma = title.parses[0].lemma
    return any(t.start < title.start and t.parses and t.parses[0].lemma == lemma and (
        any_case or "nomn" not in t.parses[0].grammemes) for t in document.tokens if t.is_word)


def named_before(document: Document, start: int, lemmas: frozenset[str]) -> bool:
    """Whether the post names the author by a capitalised word of the author's name before ``start``
    («Николай Фёдоров провёл субботник. Затем глава…»): a bare title after it is the author again."""
    return any(t.start < start and t.text[:1].isupper() and (set(t.lemmas) | {t.key}) & lemmas
               for t in document.words if not t.protected)


def title_met_before(document: Document, name: Sequence[Token], head: Token) -> bool:
    """«Иван Петров встретился с главой поселения. Глава рассказал…»: a bare title as the subject
    (no word after it) whose noun the post used before, in an oblique case, for somebody the author
    met: the subject may be that person, so it is not read as the author."""
    return len([t for t in name if t.is_word]) == 1 and head.lemma in TITLE_WORDS and met_before(document, head)


def clause_after_and(sentence: Sentence, heads: frozenset[str]) -> tuple[Token, ...]:
    """The words of a clause joined by «, и» («Коллекция — наша гордость, | и | музей бережно
    хранит…»), after the «и»; empty when the sentence has none.  Its subject, when the author's,
    becomes «мы», which stays («и мы храним»: «и храним» would share the first clause's subject).
    Empty too when the first clause names the author (by a noun of ``heads``) in an oblique case:
    «Жители обратились в администрацию, и мы выделили средства» would speak in two voices."""
    tokens = sentence.tokens
    for k in range(1, len(tokens) - 2):
        if tokens[k].key == "и" and tokens[k - 1].text == ",":
            if any(t.lemmas & heads and not any("nomn" in p.grammemes for p in t.parses[:1]) for t in tokens[:k]):
                return ()
            return tuple(t for t in tokens[k + 1:] if t.is_word or any(c.isdigit() for c in t.text))
    return ()


_HOURS_WORDS = WEEKDAYS | {"будний", "будни", "выходной", "выходные", "круглосуточно", "ежедневно", "праздник",
                           "утро", "вечер", "час", "перерыв", "график", "режим"}


# verbs of a building's or a collection's size: «Музей насчитывает 10 тысяч экспонатов» is no «Насчитываем…»,
# «Зал вмещает 200 человек» no «Вмещаем…», «Музей включает три зала» no «Включаем…» (switch on)
_EXTENT = frozenset({"насчитывать", "вмещать", "включать", "содержать", "охватывать"})


def place_fact(sentence: Sentence, verb: Token) -> bool:
    """A place's hours or size, said as everybody says them: the place, not the page, is the subject
    (see the module docstring), and the «мы» form would be no better or would say something else."""
    return verb.lemma in _EXTENT or opening_hours(sentence, verb)


def opening_hours(sentence: Sentence, verb: Token) -> bool:
    """«Библиотека работает в будние дни с 10 до 19», «Отделение будет работать со вторника по
    субботу с 9:00 до 17:00»: ``verb`` (or the infinitive after «будет») tells a place's hours."""
    tokens = sentence.tokens
    if verb.lemma == "быть":  # the future's auxiliary: the infinitive after it tells the hours
        at = sentence.position(verb) + 1
        verb = tokens[at] if at < len(tokens) else verb
    if verb.lemma != "работать":
        return False
    after = [t for t in tokens[sentence.position(verb) + 1:] if t.is_word or t.text.isdigit()][:5]
    return any(t.text.isdigit() or t.lemmas & _HOURS_WORDS or t.key in {"до", "без"} for t in after)
