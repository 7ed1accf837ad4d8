"""The facts of a text, which no fix may change: numbers, dates, quotes, links, mentions, names.

A rewrite that reads better but says «12 %» where the draft said «5 %», drops a
quoted title or changes the name of a school is worse than no rewrite. The fix
loop (:func:`kanclint.engine.running.fix`) compares the facts of the text before
and after each fix and drops every fix that loses one; the property tests check
the same for any input.

Facts are counted as a multiset of strings, so a fix may add facts (a doer moved
to the front) but never remove or alter one:

* numbers: runs of digits with their inner separators («1 000», «5,5», «01.03.2025», «12:00»);
* quotations: «…», "…", „…“ and “…”, whole, marks included (found as
  :func:`kanclint.text.untouchable.quoted_spans` finds what no fix may edit);
* links, e-mail addresses, @mentions and #hashtags (the patterns of :mod:`.protection`);
* numbered names: an abbreviation with its number («СОШ № 5», «ДК №3»), which no rewrite may part;
* names: words that start with a capital letter anywhere but at the start of a sentence
  or after a line break, and words in capitals («ЦУР», «ТЕХНОФОРУМ»), except runs of three
  or more words in capitals (shouting, which the caps rule may lower-case). The head words of
  a holiday's name («День», «Международный», «Новый год») count by their dictionary form: «перед
  Днём города» for «в преддверии Дня города» keeps the name, only its case changes.

Names are found here on plain text, not with :mod:`.untouchable`'s token walk: the facts of
a rewrite's result are counted on a string no Document was built for, and building one (razdel,
pymorphy3) per fix would cost more than the rules.

``exempt`` lists words a configured author allows the rewrite to replace: with
``author = "Администрация района"`` the fix «Администрация района провела» → «мы
провели» is the point of the configuration, not a lost name.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Iterable, Sequence

from kanclint.text import morphology, protection
from kanclint.text.untouchable import quoted_spans

_NUMBER = re.compile(r"\d+(?:[ \u00a0\u202f]\d{3}(?!\d))*(?:[.,:/]\d+)*")
_NUMBERED_NAME = re.compile(r"\b[А-ЯЁA-Z]{2,}[ \u00a0]*№[ \u00a0]*\d+")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_OPENERS = frozenset(".!?…:;—–-«\"„(")
_SENTENCE_BREAK = re.compile(r"[.!?…\n]")
TITLE_CASE_SHARE = 0.75  # of the words longer than three letters in a sentence
_LINKS = ("urls", "emails", "mentions", "hashtags")
SHOUTING_RUN = 3  # this many words in capitals in a row are shouting, not a name


def _is_caps(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _names(text: str, stems: frozenset[str]) -> list[str]:
    words = list(_WORD.finditer(text))
    shouting = _shouting(text, words)
    title_case = _title_case(text, words)
    found_quotes: list[list[tuple[int, int]]] = []

    def quotes() -> list[tuple[int, int]]:  # only a word in capitals asks, and most texts have none
        if not found_quotes:
            found_quotes.append(quoted_spans(text))
        return found_quotes[0]

    names = []
    for i, m in enumerate(words):
        word = m.group()
        if not word[0].isupper() or i in shouting or _exempt(word, stems):
            continue
        if not _is_caps(word) and (i in title_case or _starts_sentence(text, m.start())):
            continue  # a capital that only starts a sentence, a line or a quote, or Title Case style
        if (_is_caps(word) and _shouted_common_word(word) and not _inside(quotes(), m.start())
                and not re.match(r"-?\d", text[m.end():m.end() + 2])):  # «ЗДОРОВЬЕ-2025» is a brand
            continue  # «Приходите ОБЯЗАТЕЛЬНО»: a common word shouted, which the caps rule may lower
        names.append(_holiday_head(word) or word)
    return names


# Words that open a holiday's or a season's name and change their case with the sentence
# («Дня народного единства» → «Днём народного единства», «Нового года» → «Новым годом»).
HOLIDAY_HEADS = frozenset({"день", "международный", "всемирный", "всероссийский", "новый", "год", "неделя"})


def _holiday_head(word: str) -> str | None:
    """``"~день"`` for «Дня», «Днём»: a holiday name's head word counted in any case form."""
    if word.isupper():
        return None
    lemmas = {r.lemma for r in morphology.parse(word)}
    head = lemmas & HOLIDAY_HEADS
    return "~" + min(head) if len(head) == 1 and len(lemmas) <= 2 else None


NAME_GRAMMEMES = frozenset({"Abbr", "Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})


def _shouted_common_word(word: str) -> bool:
    """A word in capitals that pymorphy3 knows as an ordinary word of four letters or more
    («СРОЧНО», «ВНИМАНИЕ»), not an abbreviation or a name («ЦУР», «ТЕХНОФОРУМ»)."""
    if len(word) < 4 or "-" in word:
        return False
    readings = morphology.parse(word)
    return bool(readings) and morphology.analyzer().word_is_known(word.lower()) and not any(
        r.grammemes & NAME_GRAMMEMES for r in readings)


def _inside(quotes: list[tuple[int, int]], offset: int) -> bool:
    return any(start < offset < end for start, end in quotes)


def _starts_sentence(text: str, start: int) -> bool:
    """Whether only a sentence end, a line break, an opening quote or dash, emoji and spaces
    come before ``start`` (a post often opens a line with an emoji)."""
    i = start
    while i > 0 and (text[i - 1].isspace() or _decoration(text[i - 1])):
        if text[i - 1] == "\n":
            return True
        i -= 1
    return i == 0 or text[i - 1] in _OPENERS


def _decoration(ch: str) -> bool:
    return unicodedata.category(ch) in ("So", "Sk", "Cf", "Mn", "Me") or "\ufe00" <= ch <= "\ufe0f"


def _title_case(text: str, words: list[re.Match[str]]) -> set[int]:
    """Indexes of words in sentences written in Title Case («Сантехники Заменили Трубы»):
    there a capital is style, not a name (in Russian only a name's first word has one)."""
    found: set[int] = set()
    sentence: list[int] = []
    for i, m in enumerate(words + [None]):  # type: ignore[operator]
        if m is not None and not (sentence and _SENTENCE_BREAK.search(text, words[sentence[-1]].end(), m.start())):
            sentence.append(i)
            continue
        long_words = [j for j in sentence if len(words[j].group()) > 3]
        capitals = [j for j in long_words if words[j].group()[0].isupper()]
        if len(long_words) >= 3 and len(capitals) >= TITLE_CASE_SHARE * len(long_words):
            found.update(sentence)
        sentence = [i] if m is not None else []
    return found


def _shouting(text: str, words: list[re.Match[str]]) -> set[int]:
    """Indexes of words in runs of capitals long enough to be shouting (one-letter words
    such as «В» or «С» continue a run but do not count towards its length)."""
    found: set[int] = set()
    run: list[int] = []

    def close() -> None:
        if sum(1 for i in run if _is_caps(words[i].group())) >= SHOUTING_RUN:
            found.update(run)

    for i, m in enumerate(words):
        word = m.group()
        if word.isupper() and (not run or _only_space_between(text, words[run[-1]], m)):
            run.append(i)
            continue
        close()
        run = [i] if word.isupper() else []
    close()
    return found


def _exempt(word: str, stems: frozenset[str]) -> bool:
    folded = word.casefold().replace("ё", "е")  # «Петром» is the author «Пётр»
    return any(folded.startswith(stem) and len(folded) - len(stem) <= 4 for stem in stems)


def _only_space_between(text: str, a: re.Match[str], b: re.Match[str]) -> bool:
    gap = text[a.end():b.start()]
    return len(gap) <= 3 and not any(ch.isalnum() for ch in gap)


def facts(text: str, exempt: Iterable[str] = ()) -> Counter[str]:
    """The multiset of facts of ``text`` (see the module docstring)."""
    exempt = tuple(exempt)
    kept = frozenset(e for e in exempt if e[:1] in "«\"„" or e[:1].isdigit())  # an author's «Старая мельница», № 5
    found: Counter[str] = Counter()
    found.update("num " + m.group() for m in _NUMBER.finditer(text) if m.group() not in kept)
    found.update(q for q in (text[a:b] for a, b in quoted_spans(text)) if q not in kept)
    found.update(text[start:end] for start, end, _ in protection.find(text, _LINKS))
    stems = frozenset(w.casefold().replace("ё", "е")[:max(3, len(w) - 2)] for w in exempt if w not in kept)
    found.update("numbered " + m.group() for m in _NUMBERED_NAME.finditer(text)
                 if not _exempt(m.group().split("№")[0].strip(), stems))  # the author's own «СОШ № 5» → «мы»
    found.update("name " + w for w in _names(text, stems))
    return found


def lost(before: str, after: str, exempt: Iterable[str] = ()) -> Counter[str]:
    """Facts of ``before`` missing from ``after`` (empty when every fact survived)."""
    exempt = tuple(exempt)
    return facts(before, exempt) - facts(after, exempt)


_FACT_CHARS = re.compile(r"[\d«»\"„“@#/:.]")


def plain_edit(text: str, start: int, end: int, quotes: protection.SpanIndex) -> bool:
    """Whether replacing ``text[start:end]`` cannot touch a fact, decided without counting them.

    True when the replaced text has no digit, quote mark, «@», «#», «/», «:» or «.», no
    capital letter except one that only starts a sentence, and lies outside every quote.
    Most fixes swap a lower-case word; counting the facts of their window would cost more
    than all the rules (the full count is for everything else).
    """
    old = text[start:end]
    if _FACT_CHARS.search(old):
        return False
    capitals = [i for i, ch in enumerate(old) if ch.isupper()]
    if capitals and (capitals != [0] or not _starts_sentence(text, start)):
        return False
    # a quote inside the edit has its marks in ``old``; one around it contains an end of it
    return not (quotes and (quotes.contains(start) or quotes.contains(max(start, end - 1))))


def acronym_runs(words: Sequence[str], acronym: str) -> list[int]:
    """Where a run of ``len(acronym)`` words of ``words`` starts whose initials spell ``acronym``
    («Социального фонда России» for «СФР»); shared by the facts and the doer match of the rewrites."""
    n = len(acronym)
    return [i for i in range(len(words) - n + 1) if "".join(w[:1] for w in words[i:i + n]).upper() == acronym]


def acronym_expansions(author: str | None, text: str) -> tuple[str, ...]:
    """Words of ``text`` that spell out an acronym of the author's name: «Социального фонда России»
    for the author «Отделение СФР по Тверской области», so «Отделением Социального фонда России …
    выплачено» → «Мы выплатили» loses no fact (the rewrites match the doer the same way:
    :func:`kanclint.rules.syntax.we_voice.is_author`).  The run must start with a capital and have
    only spaces between its words."""
    if not author:
        return ()
    acronyms = {w for w in _WORD.findall(author) if len(w) >= 2 and w.isupper()}
    if not acronyms:
        return ()
    matches = list(_WORD.finditer(text))
    words = [m.group() for m in matches]
    found: list[str] = []
    for acronym in acronyms:
        for i in acronym_runs(words, acronym):
            run = matches[i:i + len(acronym)]
            if run[0].group()[:1].isupper() and not any(text[a.end():b.start()].strip() for a, b in zip(run, run[1:])):
                found.extend(m.group() for m in run)
    return tuple(found)


def author_words(author: str | None) -> tuple[str, ...]:
    """The words of a configured author that a «мы» rewrite may replace, in any case form.

    Names change their endings with the case («Администрации района»), so :func:`facts`
    exempts each word through its case forms (the word without its last two letters, plus
    an ending of up to four); the author's numbers and quoted names («МБОУ СОШ № 5»,
    «Музей «Старая мельница»») go with it, as they are.
    """
    if not author:
        return ()
    return (*_WORD.findall(author), *(m.group() for m in _NUMBER.finditer(author)),
            *(author[a:b] for a, b in quoted_spans(author)))
