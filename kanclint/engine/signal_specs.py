"""The register signals: their specifications and the word lists behind them (dictionaries/register/lexicon.toml)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

from kanclint.dictionaries import builtin_dir
from kanclint.text.morphology import fold


@dataclass(frozen=True)
class SignalSpec:
    """A named signal: what it measures and which way it points."""

    name: str
    title: str  # Russian, for reports
    description: str  # Russian: what it counts and why it matters
    unit: str  # "sentence" (share of sentences) or "word" (per 100 words) or "value"
    example: str = ""


SIGNALS: tuple[SignalSpec, ...] = (
    SignalSpec("first-person", "Автор говорит о себе", "Доля предложений с «я», «мы», «наш» или глаголом первого лица: "
               "живой пост ведёт человек или команда, пресс-релиз — третье лицо.", "sentence", "Мы открыли каток."),
    SignalSpec("second-person", "Обращение к читателю", "Доля предложений с «вы», «ваш» или глаголом второго лица.",
               "sentence", "Вы уже были на катке?"),
    SignalSpec("invitation", "Приглашение и призыв", "Доля предложений с повелительным наклонением, «давайте», "
               "«ждём вас», «приглашаем».", "sentence", "Приходите в субботу!"),
    SignalSpec("question", "Вопросы", "Доля предложений с вопросом: пост разговаривает с читателем.", "sentence",
               "Вы уже были у нас?"),
    SignalSpec("spoken", "Разговорные слова", "Частицы и междометия живой речи («ну», «кстати», «ведь», «спасибо»), "
               "пожелания читателю («хорошего настроения») и смайлики из скобок («))») на 100 слов.", "word", "Ну что, кстати, пойдём?"),
    SignalSpec("emotion", "Чувства и личное", "Слова чувств, оценок от первого лица и семьи на 100 слов.", "word",
               "Как же здорово было!"),
    SignalSpec("exclamation", "Восклицания", "Доля предложений с «!». Знак не делает пресс-релиз живым, поэтому "
               "его вклад ограничен (см. docs/scoring.md).", "sentence", "Ура!"),
    SignalSpec("address", "Обращение «Друзья»", "Обращение к читателям в начале предложения («Друзья,», «Дорогие "
               "читатели,»). Вклад ограничен: обращение не делает отчёт живым.", "sentence", "Друзья, ждём вас!"),
    SignalSpec("emoji", "Эмодзи", "Эмодзи на 100 слов. В госпабликах пресс-релизы открываются ✅📌 так же часто, "
               "как живые посты, поэтому вклад ограничен.", "word", "Открыли каток ⛸"),
    SignalSpec("narration", "Живой рассказ", "Глаголы настоящего времени в третьем лице, которые не глаголы "
               "отчёта, описания («является», «включает») и не страдательные на -ся («проводится»), на 100 слов: "
               "сцена («жмёт штангу», «готовит торт») вместо протокола.", "word",
               "Вот глава района готовит торт."),
    SignalSpec("short-sentences", "Короткие предложения", "Доля предложений до восьми слов.", "sentence",
               "Ночь. Полный зал. Смотрим."),
    SignalSpec("report-sentence", "Предложения-отчёты", "Доля предложений, где событие или ведомство в третьем лице "
               "«прошло», «провело», «вручил», «отметил» (и в будущем: «будет проходить»), а автора не видно.", "sentence",
               "В школе № 5 прошёл день открытых дверей."),
    SignalSpec("official-subject", "Ведомство или событие как подлежащее", "Доля предложений, где подлежащее — "
               "ведомство, должностное лицо или мероприятие, а глагол в третьем лице.", "sentence",
               "Министерство провело совещание."),
    SignalSpec("report-phrase", "Обороты отчёта", "«При поддержке», «в сфере», «на базе», «по итогам», «являются» "
               "на 100 слов.", "word", "Конкурс прошёл при поддержке фонда."),
    SignalSpec("official-vocabulary", "Ведомственный словарь", "Слова ведомственных текстов («деятельность», "
               "«реализация», «муниципальный», «мероприятие») на 100 слов.", "word",
               "Реализация программы обеспечит развитие учреждений."),
    SignalSpec("short-passive", "Краткие причастия", "Краткие страдательные причастия («проведён», «вручены») на "
               "100 слов.", "word", "Ремонт будет осуществлён до конца года."),
    SignalSpec("participles", "Причастия и деепричастия", "Полные причастия и деепричастия на 100 слов: книжный "
               "синтаксис.", "word", "Участники, прошедшие отбор, …"),
    SignalSpec("abstract-nouns", "Отвлечённые существительные", "Существительные на -ние, -ция, -ство, -ость на "
               "100 слов: именной стиль отчёта.", "word", "Обеспечение проведения мероприятия"),
    SignalSpec("nouns", "Доля существительных", "Доля существительных среди слов: чем больше, тем тяжелее текст.",
               "value", ""),
    SignalSpec("genitive", "Родительный падеж", "Доля существительных в родительном падеже: цепочки «развития "
               "системы образования».", "value", ""),
    SignalSpec("verbs", "Глаголы", "Глаголы и инфинитивы на 100 слов: живой текст рассказывает действиями.", "word",
               ""),
    SignalSpec("capitalised", "Имена и названия", "Слова с заглавной буквы не в начале предложения на 100 слов: "
               "списки участников, должностей и названий.", "word", ""),
    SignalSpec("acronyms", "Аббревиатуры", "Аббревиатуры из заглавных букв на 100 слов («КДЦ», «ДШИ»).", "word", ""),
    SignalSpec("numbers", "Числа", "Числа на 100 слов: статистика и отчётные списки.", "word", ""),
    SignalSpec("sentence-length", "Длина предложений", "Средняя длина предложения в словах (до 40).", "value", ""),
    SignalSpec("word-length", "Длина слов", "Средняя длина слова в буквах.", "value", ""),
)

SIGNAL_NAMES = tuple(s.name for s in SIGNALS)
_SENTENCE_SIGNALS = tuple(s.name for s in SIGNALS if s.unit == "sentence")
SPEC_BY_NAME = {s.name: s for s in SIGNALS}


@dataclass(frozen=True)
class WordList:
    """One table of the lexicon file, with its examples (run by the tests)."""

    key: str
    signal: str
    description: str
    lemmas: frozenset[str] = frozenset()
    forms: frozenset[str] = frozenset()
    phrases: tuple[str, ...] = ()
    flag: tuple[str, ...] = ()
    clean: tuple[str, ...] = ()
    pattern: "re.Pattern[str] | None" = field(default=None, compare=False)
    # the literal text every match of a phrase contains (folded, a final «*» cut): a substring
    # test of these is many times cheaper than the pattern, and most posts contain none of them
    stems: tuple[str, ...] = field(default=(), compare=False)
    # with many stems, one search of their trie («т(?:о(?:т|го)|а) же») is cheaper than a test per stem
    stem_search: "re.Pattern[str] | None" = field(default=None, compare=False)

    def __post_init__(self) -> None:
        stems = tuple(dict.fromkeys(fold(p.rstrip("*")) for p in self.phrases))
        object.__setattr__(self, "stems", stems)
        if len(stems) >= _TRIE_STEMS:
            object.__setattr__(self, "stem_search", stem_search(stems))

    def find_phrases(self, folded: str) -> Iterator[tuple[int, int]]:
        """``(start, end)`` of each match of :attr:`pattern` in ``folded``, as ``finditer`` gives them.

        The pattern opens with ``(?<!\\w)``, which hides the phrases' first letters from the
        regular expression engine: it then tries every phrase at every position of the text.
        The same pattern without it lets the engine skip to a possible first letter; the
        lookbehind is tested here on each match, and a rejected match is searched again one
        character later, exactly where ``finditer`` would go on.
        """
        if self.pattern is None:
            return
        if self.stem_search is None:
            if not any(map(folded.__contains__, self.stems)):
                return
        elif self.stem_search.search(folded) is None:
            return
        bare = _without_lookbehind(self.pattern)
        if bare is None:
            yield from (m.span() for m in self.pattern.finditer(folded))
            return
        pos = 0
        search, word_char = bare.search, _WORD_CHAR.match
        while (m := search(folded, pos)) is not None:
            start, end = m.span()
            if start and word_char(folded, start - 1):
                pos = start + 1
                continue
            yield start, end
            pos = end


_TRIE_STEMS = 20  # below this many stems a substring test of each is as fast as the trie (measured)
_LOOKBEHIND = r"(?<!\w)"
_WORD_CHAR = re.compile(r"\w")


@lru_cache(maxsize=64)
def _without_lookbehind(pattern: "re.Pattern[str]") -> "re.Pattern[str] | None":
    """``pattern`` without its opening ``(?<!\\w)``; None when it has none or could match an empty
    string (an empty match would make the search above step differently from ``finditer``)."""
    if not pattern.pattern.startswith(_LOOKBEHIND):
        return None
    bare = re.compile(pattern.pattern[len(_LOOKBEHIND):], pattern.flags)
    return None if bare.match("") is not None or bare.search("") is not None else bare


def lexicon_path() -> Path:
    return builtin_dir() / "register" / "lexicon.toml"


def _phrase_regex(phrases: tuple[str, ...]) -> "re.Pattern[str] | None":
    """One pattern for all ``phrases`` (folded; a final ``*`` takes the rest of the word), built
    as a trie: «в рамках|в целях|в сфере» is «в (?:рамках|целях|сфере)», so the engine tries a
    letter once instead of once per phrase.  Where one phrase goes on past another's end, the
    longer is tried first, as in a list sorted longest first."""
    if not phrases:
        return None
    trie: dict[str, Any] = {}
    for p in phrases:
        node = trie
        for ch in fold(p.rstrip("*")):
            node = node.setdefault(ch, {})
        node[""] = r"\w*" if p.endswith("*") else r"(?!\w)"
    return re.compile(r"(?<!\w)" + _trie_pattern(trie))


def _trie_pattern(node: dict[str, Any]) -> str:
    alternatives = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if "" in node:  # a phrase ends here: after every longer one
        alternatives.append(node[""])
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"


def stem_search(stems: Iterable[str]) -> "re.Pattern[str] | None":
    """One trie pattern that finds any of ``stems`` (None for none): a post without any of them
    (most posts) needs one search, not a test per stem."""
    trie: dict[str, Any] = {}
    for stem in stems:
        node = trie
        for ch in stem:
            node = node.setdefault(ch, {})
        node[""] = ""  # a stem ends here: found
    return re.compile(_trie_pattern(trie)) if trie else None


def parse_lexicon(data: dict[str, Any], where: str = "lexicon") -> dict[str, WordList]:
    """Read the lexicon tables; a wrong type names the table and key."""
    lists: dict[str, WordList] = {}
    for key, table in data.items():
        if not isinstance(table, dict):
            raise ValueError(f"{where}: [{key}] должна быть таблицей")
        signal = table.get("signal")
        if signal not in SPEC_BY_NAME:
            raise ValueError(f"{where}: [{key}] signal = {signal!r}: такого сигнала нет")
        values: dict[str, tuple[str, ...]] = {}
        for name in ("lemmas", "forms", "phrases"):
            items = table.get(name, [])
            if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
                raise ValueError(f"{where}: [{key}] {name} должен быть списком непустых строк")
            values[name] = tuple(items)
        examples = table.get("examples", {})
        lists[key] = WordList(
            key, signal, str(table.get("description", "")),
            frozenset(fold(w) for w in values["lemmas"]), frozenset(fold(w) for w in values["forms"]),
            values["phrases"], tuple(examples.get("flag", ())), tuple(examples.get("clean", ())),
            _phrase_regex(values["phrases"]),
        )
    return lists


@cache
def lexicon() -> dict[str, WordList]:
    """The shipped word lists, read once per process."""
    path = lexicon_path()
    with path.open("rb") as fh:
        return parse_lexicon(tomllib.load(fh), str(path))


def _person_forms(lists: dict[str, WordList], signal: str) -> frozenset[str]:
    return frozenset().union(*(w.forms for w in lists.values() if w.signal == signal))


@dataclass(frozen=True)
class _Lists:
    """The lexicon as the sets the token sweep reads."""

    first: frozenset[str]
    second: frozenset[str]
    invitation: frozenset[str]
    spoken: frozenset[str]
    emotion: frozenset[str]
    report_verbs: frozenset[str]
    official: frozenset[str]
    official_words: frozenset[str]
    statement_verbs: frozenset[str]
    states: frozenset[str]
    any_phrase: "re.Pattern[str] | None"  # one search for the literal text of any phrase of _PHRASE_LISTS


# The phrase lists the folded text is searched for, and the signal each feeds («spoken-neutral» takes back)
_PHRASE_LISTS = (("invitation", "invitation"), ("spoken", "spoken"), ("report-phrases", "report-phrase"))
_NEUTRAL_LIST = "spoken-neutral"


@cache
def _lists() -> _Lists:
    lists = lexicon()
    return _Lists(
        _person_forms(lists, "first-person"), _person_forms(lists, "second-person"), lists["invitation"].lemmas,
        lists["spoken"].forms, lists["emotion"].lemmas, lists["report-verbs"].lemmas,
        lists["official-subjects"].lemmas, lists["official-vocabulary"].lemmas, lists["statement-verbs"].lemmas,
        lists["state-participles"].lemmas,
        stem_search(stem for key in (*(k for k, _ in _PHRASE_LISTS), _NEUTRAL_LIST) for stem in lists[key].stems),
    )


def markdown() -> str:
    """docs/signals.md: every signal documented like a rule, generated so it cannot drift."""
    lines = [
        "# Сигналы регистра",
        "",
        "Сигналы — не находки: за них никого не ругают. Они описывают, как написан текст, и вместе с",
        "находками правил входят в модель оценки (см. [scoring.md](scoring.md)). Знак веса каждого",
        "сигнала и сам вес — в `dictionaries/register/model.toml`; списки слов — в",
        "`dictionaries/register/lexicon.toml`.",
        "",
        "Страница создаётся командой `python -m kanclint.engine.signals > docs/signals.md`.",
        "",
    ]
    unit = {"sentence": "доля предложений", "word": "на 100 слов", "value": "величина"}
    for spec in SIGNALS:
        lines += [f"## `{spec.name}` — {spec.title}", "", f"*Единица:* {unit[spec.unit]}.", "", spec.description, ""]
        if spec.example:
            lines += [f"*Пример:* «{spec.example}»", ""]
    return "\n".join(lines)
