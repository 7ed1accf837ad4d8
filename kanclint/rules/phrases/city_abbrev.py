"""KC101: «в г. Петрозаводске» → «в Петрозаводске», «жители г. Кондопоги» → «жители Кондопоги».

«г.» before a city is the style of a form or an address; a post names the city alone.  Dropping
the abbreviation keeps the grammar only where the name already has the case the sentence gives it:
a name left in the nominative after «г.» («в г. Петрозаводск», «из г. Великие Луки») agrees with
«город», not with the preposition, so it stays.  «2025 г.» (a year: a number before it), «200 г»
(grams), «г.о.», a lower-case word after it and an address («г. Кемь, ул. Мира, д. 3») stay too.
"""

from __future__ import annotations

from kanclint.lexicon import word_list
from kanclint.model import Edit
from kanclint.patterns import Match
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.russian import preposition_form

# the words of an address after the city: the whole address keeps its abbreviations
_ADDRESS = frozenset({"ул", "улица", "пр", "пр-т", "проспект", "пер", "переулок", "д", "дом", "наб", "пл",
                      "площадь", "бульвар", "б-р", "шоссе", "мкр", "микрорайон", "корп", "кв", "офис", "каб"})
_MONTHS = frozenset({"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
                     "октябрь", "ноябрь", "декабрь"})


# the case each preposition gives the city after it; after a noun, «и» or a comma (a list) the name
# must be in an oblique case, so that it was declined and does not lean on «город»
_CASES = {"в": "loct", "во": "loct", "на": "loct", "о": "loct", "об": "loct", "при": "loct",
          "из": "gent", "от": "gent", "до": "gent", "у": "gent", "около": "gent", "близ": "gent", "возле": "gent",
          "для": "gent", "без": "gent", "после": "gent", "к": "datv", "ко": "datv", "под": "ablt", "над": "ablt",
          "за": "ablt", "перед": "ablt", "между": "ablt"}
_PERSON = frozenset({"Surn", "Name", "Patr"})
_OBLIQUE = frozenset({"gent", "datv", "ablt", "loct"})


def _wanted_cases(previous: Token, opens: bool) -> frozenset[str] | None:
    """The cases the city may take after ``previous``, or None where the case is not certain."""
    if previous.text in (",", "и"):
        return _OBLIQUE
    if not previous.is_word or previous.lemma in _MONTHS:
        return None  # «2025 г.», «200 г», a year after a month
    if previous.pos == "PREP":
        case = _CASES.get(previous.key)
        return frozenset({case}) if case else None  # «с», «по»: two cases, left alone
    if previous.pos != "NOUN" or previous.text[:1].isupper() and not opens or previous.lemma in word_list("acting-bodies"):
        return None  # «Администрация г. Петрозаводска», «администрации г. Кеми»: a body's name keeps its form
    return _OBLIQUE  # «жители г. Кондопоги»


def _city_words(tokens: tuple[Token, ...], i: int, cases: frozenset[str], place: bool) -> list[Token] | None:
    """The capitalised words of the city name starting at ``tokens[i]`` («Петрозаводске»,
    «Нижнем Новгороде»), or None when they are not a city in one of ``cases``; ``place``: after
    «в»/«на», where a name without «г.» still reads as a place, not a person."""
    words: list[Token] = []
    while i < len(tokens) and tokens[i].is_word and tokens[i].text[:1].isupper() and len(words) < 3:
        words.append(tokens[i])
        i += 1
    if not words or any(t.protected or not any(cases & p.grammemes for p in t.parses) for t in words):
        return None  # «в г. Петрозаводск», «из г. Великие Луки»: the name agrees with «город»
    if not any("Geox" in p.grammemes for p in words[-1].parses) or not place and any(
            p.grammemes & _PERSON for t in words for p in t.parses):
        return None  # «2025 г. Центр…»; «школы г. Иванова», «к г. Королёву» would read as a person
    return words


def city_without_abbreviation(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """Drop «г.» before a city whose name is already in the case of the sentence."""
    tokens = sentence.tokens
    g = m.tokens[0]
    i = sentence.position(g)
    if g.text != "г" or i + 2 >= len(tokens) or tokens[i + 1].text != "." or document.text[
            tokens[i + 1].end:tokens[i + 2].start] not in ("", " "):
        return None  # «Г.», «г.о.», a line break after the dot: left to the author
    cases = _wanted_cases(tokens[i - 1], i == 1) if i > 0 else None
    place = tokens[i - 1].key in ("в", "во", "на")
    words = _city_words(tokens, i + 2, cases, place) if cases else None
    if words is None:
        return None
    after = tokens[sentence.position(words[-1]) + 1:]
    if any(t.is_word and t.key in _ADDRESS for t in after[:6]):
        return None  # an address keeps its form: «г. Кемь, ул. Мира, д. 3»
    previous = tokens[i - 1]
    form = preposition_form(previous.text, words[0].text)
    if form is not None and form != previous.text.lower():
        said = form if previous.text.islower() else form.capitalize()
        return Edit(previous.start, words[0].start, f"{said} ")  # «в г. Владимире» → «во Владимире»
    return Edit(g.start, words[0].start, "")
