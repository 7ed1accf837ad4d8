"""Length and readability: what makes a reader give up before the first word is judged.

Typography rules (KC401) live in :mod:`.typography`; this module adds post
length against platform limits, long sentences and paragraphs, a readability
index, unexplained abbreviations and CAPS LOCK.

The platform (vk, ok, telegram, telegram-caption) comes from the configuration
through ``Document.platform``; a document without that attribute (a plugin
building its own) is read as :data:`DEFAULT_PLATFORM`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, Sequence

from kanclint.model import Applicability, Diagnostic, Edit, Fix, Severity
from kanclint.rules.base import Rule
from kanclint.rules.typography import RULES as _TYPOGRAPHY
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.inflection import capitalise
from kanclint.text.morphology import analyzer
from kanclint.text.protection import SpanIndex
from kanclint.text.russian import plural

DEFAULT_PLATFORM = "vk"

# Hard limits are what the platform refuses to publish; soft targets are what people still read.
HARD_LIMITS: dict[str, int] = {"telegram": 4096, "telegram-caption": 1024}
SOFT_LIMITS: dict[str, int] = {"vk": 1500, "ok": 1500, "telegram": 1500, "telegram-caption": 800}
PLATFORM_WHERE = {  # «в …»
    "vk": "ВКонтакте",
    "ok": "Одноклассниках",
    "telegram": "Telegram",
    "telegram-caption": "подписи к фото в Telegram",
}
PLATFORM_FOR = {  # «для …»
    "vk": "ВКонтакте",
    "ok": "Одноклассников",
    "telegram": "Telegram",
    "telegram-caption": "подписи к фото в Telegram",
}

_VOWEL_RE = re.compile("[аеёиоуыэюяaeiouy]", re.IGNORECASE)
# links, addresses, mentions and hashtags are not words a reader reads as prose
_NON_PROSE = frozenset({"urls", "emails", "mentions", "hashtags", "code"})


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _word_start(text: str, offset: int) -> int:
    """Back to the start of the word ``offset`` falls in: a cut word does not fit either."""
    while offset > 0 and not text[offset - 1].isspace() and not text[offset].isspace():
        offset -= 1
    while offset < len(text) and text[offset].isspace():
        offset += 1
    return offset



def _non_prose_spans(document: Document) -> SpanIndex:
    return SpanIndex((s, e) for s, e, kind in document.protected_spans if kind in _NON_PROSE)


def _prose_words(sentence: Sentence, skip: SpanIndex) -> Sequence[Token]:
    """Words and numbers a reader reads, without links and hashtags."""
    if not skip:
        return sentence.content
    return [t for t in sentence.content if not skip.contains(t.start)]


# -- KC402 ------------------------------------------------------------------------------


class PostLength(Rule):
    """KC402: the platform's hard limit cuts the post; past the soft target readers drop off.

    The platform is ``Document.platform`` (the engine copies ``platform`` from the
    Config into it); a document without the attribute is read as
    :data:`DEFAULT_PLATFORM`.  Lengths are code points of the trimmed text.
    """

    code = "KC402"
    name = "post-length"
    category = "length"
    severity = Severity.WARNING
    title = "Пост длиннее, чем позволяет площадка или чем читают"
    what = (
        "Длина поста в знаках (с пробелами, без пустых краёв) против ограничений площадки из "
        "настройки `platform`. Жёсткие пределы Telegram — ошибка: 4096 знаков для сообщения и "
        "1024 для подписи к фото. Мягкая цель — предупреждение: 1500 знаков для ВКонтакте, "
        "Одноклассников и Telegram, 800 для подписи к фото. Выделяется часть текста за пределом (начиная со слова, на которое он приходится)."
    )
    why = (
        "Текст длиннее жёсткого предела Telegram не опубликовать целиком: его обрежут или разобьют. "
        "Длинный пост в ленте сворачивают под «Показать полностью», и до конца его дочитывают "
        "немногие."
    )
    example = "(пост на 2500 знаков во ВКонтакте)"
    example_text = ("Сотрудники центра рассказали гостям о новых программах для школьников и их родителей. " * 3 + "\n\n") * 11
    instead = "Пост до 1500 знаков о главном; подробности — ссылкой на сайт или отдельным постом."
    lexical = False

    def check(self, document: Document) -> Iterator[Diagnostic]:
        platform = getattr(document, "platform", DEFAULT_PLATFORM) or DEFAULT_PLATFORM
        text = document.text
        start, end = _trimmed(text, 0, len(text))
        length = end - start
        hard = HARD_LIMITS.get(platform)
        soft = SOFT_LIMITS.get(platform, SOFT_LIMITS[DEFAULT_PLATFORM])
        if hard is not None and length > hard:
            yield self.diagnostic(
                document, _word_start(text, start + hard), end,
                f"В посте {plural(length, 'знак', 'знака', 'знаков')}, а в {PLATFORM_WHERE.get(platform, platform)} помещается не больше "
                f"{hard}: выделенное не войдёт. Сократите текст или разделите его на два поста.",
                severity=Severity.ERROR,
            )
        elif length > soft:
            yield self.diagnostic(
                document, _word_start(text, start + soft), end,
                f"В посте {plural(length, 'знак', 'знака', 'знаков')}; для {PLATFORM_FOR.get(platform, platform)} удобная длина — до "
                f"{soft}. Оставьте главное, а подробности дайте ссылкой или отдельным постом.",
            )


# -- KC403 ------------------------------------------------------------------------------


class LongSentence(Rule):
    """KC403: a sentence the reader has to read twice."""

    code = "KC403"
    name = "long-sentence"
    category = "readability"
    severity = Severity.WARNING
    title = "Длинное предложение"
    warning_words = 20
    error_words = 35
    options = {"warning-words": "warning_words", "error-words": "error_words"}
    what = (
        f"Предложение длиннее {warning_words} слов (предупреждение) или {error_words} слов (ошибка). "
        "Числа считаются словами, ссылки и хештеги — нет."
    )
    why = (
        "К концу длинного предложения читатель забывает начало. В ленте такое предложение "
        "пролистывают, а смысл теряется в придаточных и оборотах."
    )
    example = (
        "В связи с проведением ремонтных работ на теплотрассе с 10 по 14 июня будет временно "
        "приостановлена подача горячей воды в домах на улицах Ленина и Садовой, а также в школе № 2."
    )
    instead = (
        "С 10 по 14 июня не будет горячей воды на улицах Ленина и Садовой и в школе № 2. "
        "Ремонтируем теплотрассу."
    )
    lexical = False

    def check(self, document: Document) -> Iterator[Diagnostic]:
        skip = _non_prose_spans(document)
        warning_words = self.setting(document, "warning-words")
        error_words = self.setting(document, "error-words")
        for sentence in document.sentences:
            n = len(_prose_words(sentence, skip))
            if n <= warning_words:
                continue
            severity = Severity.ERROR if n > error_words else Severity.WARNING
            start, end = _trimmed(document.text, sentence.start, sentence.end)
            yield self.diagnostic(
                document, start, end,
                f"В предложении {plural(n, 'слово', 'слова', 'слов')} — его трудно дочитать. "
                f"Разбейте его на два-три коротких, по {warning_words} слов и меньше: "
                "одна мысль — одно предложение.",
                severity=severity,
            )


# -- KC404 ------------------------------------------------------------------------------


class LongParagraph(Rule):
    """KC404: a paragraph that looks like a document in the feed."""

    code = "KC404"
    name = "long-paragraph"
    category = "readability"
    severity = Severity.INFO
    title = "Длинный абзац"
    max_chars = 600
    options = {"max-characters": "max_chars"}
    what = f"Абзац длиннее {max_chars} знаков (абзацы разделяются пустой строкой)."
    why = (
        "На экране телефона такой абзац занимает весь экран сплошным блоком. Читатель теряет строку "
        "и бросает текст."
    )
    example = "(абзац на 700 знаков)"
    example_text = "Сотрудники центра рассказали гостям о новых программах для школьников и их родителей. " * 9
    instead = "Два-три абзаца по 2–3 предложения с пустой строкой между ними."
    lexical = False

    def check(self, document: Document) -> Iterator[Diagnostic]:
        max_chars = self.setting(document, "max-characters")
        for p in document.paragraphs:
            length = p.end - p.start
            if length > max_chars:
                yield self.diagnostic(
                    document, p.start, p.end,
                    f"Абзац из {plural(length, 'знака', 'знаков', 'знаков')} — на экране телефона это "
                    f"сплошная стена. Разбейте его пустой строкой на части до {max_chars} знаков.",
                )


# -- KC405 ------------------------------------------------------------------------------

MIN_WORDS_FOR_INDEX = 20  # below this the index of a short notice says nothing
MIN_EASE = 30.0
MAX_LONG_WORD_SHARE = 0.25
LONG_WORD_SYLLABLES = 4


@lru_cache(maxsize=100_000)
def syllables(word: str) -> int:
    """Syllables of a word: its vowels (Russian has no silent vowels, so this is exact enough)."""
    return len(_VOWEL_RE.findall(word))


def readability_metrics(document: Document) -> dict[str, float]:
    """Flesch reading ease adapted to Russian (Oborneva, 2006) and the share of long words.

    ``ease`` = 206.835 − 1.3·ASL − 60.1·ASW, where ASL is words per sentence and
    ASW syllables per word; ``long_word_share`` is the share of words with four
    syllables or more.  Links and hashtags are not counted; numbers are not words
    here (they have no vowels to count).
    """
    skip = _non_prose_spans(document)
    sentences = 0
    words: list[Token] = []
    for sentence in document.sentences:
        in_sentence = [t for t in _prose_words(sentence, skip) if t.is_word]
        if in_sentence:
            sentences += 1
            words.extend(in_sentence)
    n_words = len(words)
    counts = [max(1, syllables(t.text)) for t in words]
    total = sum(counts)
    long_words = sum(1 for c in counts if c >= LONG_WORD_SYLLABLES)
    asl = n_words / sentences if sentences else 0.0
    asw = total / n_words if n_words else 0.0
    ease = 206.835 - 1.3 * asl - 60.1 * asw if n_words else 100.0
    return {
        "sentences": float(sentences),
        "words": float(n_words),
        "syllables": float(total),
        "words_per_sentence": asl,
        "syllables_per_word": asw,
        "reading_ease": ease,
        "long_words": float(long_words),
        "long_word_share": long_words / n_words if n_words else 0.0,
    }


class HardToRead(Rule):
    """KC405: the whole text is hard going, even when no single phrase is wrong."""

    code = "KC405"
    name = "hard-to-read"
    category = "readability"
    severity = Severity.INFO
    title = "Текст трудно читать"
    what = (
        f"Индекс удобочитаемости Флеша в адаптации для русского языка ниже {MIN_EASE:.0f} или доля "
        f"длинных слов (от {LONG_WORD_SYLLABLES} слогов) выше {MAX_LONG_WORD_SHARE:.0%}. Текст короче "
        f"{MIN_WORDS_FOR_INDEX} слов не оценивается."
    )
    why = (
        "Индекс считается по формуле 206,835 − 1,3 × (слов в предложении) − 60,1 × (слогов в слове): "
        "это адаптация формулы Флеша для русского языка (И. В. Оборнева, 2006). Ниже 30 — уровень "
        "научной статьи и официального документа: такой пост большинство читателей не осилит."
    )
    example = (
        "Осуществляется информирование населения относительно необходимости своевременного "
        "предоставления документации для перерасчёта начислений, а непредоставление документации "
        "в установленные сроки влечёт невозможность осуществления перерасчёта."
    )
    instead = "Принесите документы до 1 марта — тогда мы пересчитаем плату."
    lexical = False

    def check(self, document: Document) -> Iterator[Diagnostic]:
        m = readability_metrics(document)
        if m["words"] < MIN_WORDS_FOR_INDEX:
            return
        ease, share = m["reading_ease"], m["long_word_share"]
        if ease >= MIN_EASE and share <= MAX_LONG_WORD_SHARE:
            return
        start, end = _trimmed(document.text, 0, len(document.text))
        yield self.diagnostic(
            document, start, end,
            f"Текст трудно читать: индекс удобочитаемости {ease:.0f} из 100 (нужно не ниже "
            f"{MIN_EASE:.0f}), длинных слов — {share:.0%} (лучше не больше {MAX_LONG_WORD_SHARE:.0%}). "
            "Пишите короткими предложениями и простыми словами: «помочь» вместо «оказать содействие».",
        )


# -- KC406 / KC407 ----------------------------------------------------------------------

KNOWN_ABBREVIATIONS = frozenset(
    """МФЦ ЖКХ ДТП МВД МЧС ГИБДД ДПС РФ СССР ВОВ ЕГЭ ОГЭ ВПР ВУЗ ДК ТЦ ИНН СНИЛС ОМС ДМС ГТО РЖД ЗАГС
    ФСБ ООН США ИП ООО ПАО ОАО ЗАО АО ТВ ЧС ВК ОК СМИ СМС ПК ИТ ДНК ВИЧ ОРВИ ЖК ТСЖ УК СНТ НДС
    ПДД ГАИ МИД ФНС ПФР СФР ЦБ СВО НКО ЕС СНГ ЧП ГЭС АЭС ТЭЦ ЛЭП ЦРБ КПРФ ЛДПР ВДНХ
    МГУ СПБГУ ОМОН МРОТ НДФЛ ОСАГО КАСКО ЗОЖ ФИО РАН ЛНР ДНР ЮНЕСКО ТАСС РИА
    НИИ""".split()
)
_CAPS_WORD = re.compile(r"^[А-ЯЁ]+$")
_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
_CAPS_RUN_WORD = re.compile(r"^[А-ЯЁ]+(?:-[А-ЯЁ]+)*$")


def _known_word(text: str) -> bool:
    return analyzer().word_is_known(text.lower())


def is_acronym(token: Token) -> bool:
    """An abbreviation, not a word in capitals: «МФЦ», «ЦБС», but not «СРОЧНО» or «НА».

    A short all-caps token is an acronym when it is on the allow list, when
    pymorphy3 reads it as an abbreviation, or when it is not a dictionary word.
    """
    text = token.text
    if not _CAPS_WORD.match(text) or len(text) < 2:
        return False
    if text in KNOWN_ABBREVIATIONS:
        return True
    if len(text) > 6:
        return False
    if token.parses and "Abbr" in token.parses[0].grammemes:
        return True
    if token.parses and all(_PROPER & p.grammemes for p in token.parses):
        return True  # «РИАН», «ТАСС»: a name written in capitals is a name, not a shout
    return not _known_word(text)


def _is_roman(text: str) -> bool:
    """«ХХ век» typed with the Cyrillic «Х»."""
    return set(text) <= {"Х"}


def _function_word(token: Token) -> bool:
    return token.pos in {"PREP", "CONJ", "PRCL"}


def _name_word(token: Token) -> bool:
    """Words an expansion is made of: nouns, adjectives, participles."""
    return token.pos in {"NOUN", "ADJF", "PRTF", "NUMR"}


def _lowercase_words(document: Document) -> list[list[Token]]:
    """Each sentence's words without the all-caps ones: where an abbreviation may be spelled out."""
    return [
        [t for t in sentence.words if not _CAPS_WORD.match(t.text) or len(t.text) < 2]
        for sentence in document.sentences
    ]


def _expanded_by_initials(abbr: str, sentences: Sequence[list[Token]]) -> bool:
    """Is there a phrase whose words start with the letters of ``abbr`` (prepositions skipped)?"""
    letters = abbr.lower().replace("ё", "е")
    for words in sentences:
        for i in range(len(words)):
            if words[i].key[:1] != letters[0]:
                continue  # a phrase must start with the first letter
            k = 0
            j = i
            nouns = 0
            while j < len(words) and k < len(letters):
                w = words[j]
                if w.key[:1] == letters[k] and _name_word(w):
                    k += 1
                    nouns += w.pos == "NOUN"
                elif k == 0 or not _function_word(w):
                    break
                j += 1
            if k == len(letters) and nouns:
                return True
    return False


_PAREN_AFTER = re.compile(r"\s*[—–-]?\s*\(([^()]*)\)")
_PAREN_BEFORE = re.compile(r"\(([^()]*)\)\s*[—–-]?\s*$")
_HAS_WORD = re.compile(r"[^\W\d_]{2,}")


def _expanded_by_parentheses(document: Document, token: Token) -> bool:
    text = document.text
    after = _PAREN_AFTER.match(text, token.end)
    if after and _HAS_WORD.search(after.group(1)):
        return True
    before = _PAREN_BEFORE.search(text, max(0, token.start - 200), token.start)
    if before and _HAS_WORD.search(before.group(1)):
        return True
    # «централизованная библиотечная система (ЦБС)»: the abbreviation itself in parentheses
    return (
        token.start > 0 and text[token.start - 1] == "(" and token.end < len(text) and text[token.end] == ")"
        and bool(_HAS_WORD.search(text[max(0, token.start - 60) : token.start - 1]))
    )


class UnexplainedAbbreviation(Rule):
    """KC406: «ЦБС», «КЦСОН» — the reader has to guess."""

    code = "KC406"
    name = "unexplained-abbreviation"
    category = "readability"
    severity = Severity.INFO
    title = "Нерасшифрованная аббревиатура"
    what = (
        "Аббревиатура из 2–6 заглавных букв, которая не расшифрована в том же посте: нет скобок "
        "с расшифровкой рядом и нет фразы, слова которой начинаются с её букв. Общеизвестные "
        "(МФЦ, ЖКХ, ДТП, МЧС, ГИБДД, ЕГЭ, СНИЛС…) не отмечаются; каждая аббревиатура — один раз."
    )
    why = (
        "Внутренние сокращения учреждений («ЦБС», «КЦСОН», «МБУК») понятны сотрудникам, но не "
        "жителям. Читатель не знает, о ком речь, и не понимает, куда идти."
    )
    example = "Приходите в ЦБС за новыми книгами."
    instead = "Приходите в центральную библиотеку за новыми книгами."

    def check(self, document: Document) -> Iterator[Diagnostic]:
        reported: set[str] = set()
        candidates: dict[str, list[Token]] = {}
        for t in document.words:
            if not t.text.isupper() or t.text in KNOWN_ABBREVIATIONS or _is_roman(t.text) or not is_acronym(t):
                continue
            candidates.setdefault(t.text, []).append(t)
        for abbr, tokens in candidates.items():
            if abbr in reported:
                continue
            if any(_expanded_by_parentheses(document, t) for t in tokens):
                continue
            if _expanded_by_initials(abbr, document.shared(_lowercase_words)):
                continue
            first = next((t for t in tokens if not t.protected), None)
            if first is None:
                continue
            reported.add(abbr)
            yield self.diagnostic(
                document, first.start, first.end,
                f"«{abbr}» — не все знают это сокращение. Напишите полностью или расшифруйте при первом "
                f"упоминании: «полное название ({abbr})».",
            )


class CapsLock(Rule):
    """KC407: CAPS reads as shouting; a state page should not shout at people."""

    code = "KC407"
    fix_safety = (
        "Слово, написанное капслоком, переписывается обычными буквами. Исправление безопасно, "
        "когда pymorphy3 знает слово; имена собственные получают заглавную букву. Незнакомое слово "
        "или возможное имя («ТАЛЬМЕНСКОГО») — исправление требует проверки (`--fix --unsafe-fixes`)."
    )
    name = "caps-lock"
    category = "readability"
    severity = Severity.WARNING
    title = "Слова капслоком"
    min_letters = 4
    what = (
        f"Слова целиком заглавными буквами (от {min_letters} букв), кроме аббревиатур: «ВНИМАНИЕ», "
        "«ВСЕ НА ВЫБОРЫ». Соседние слова капслоком отмечаются одной находкой."
    )
    why = (
        "Текст заглавными буквами читается как крик и медленнее обычного. Важное лучше выделить "
        "первой строкой или эмодзи, а не капслоком."
    )
    example = "ВНИМАНИЕ! Завтра отключат воду."
    instead = "Внимание! Завтра отключат воду."

    def check(self, document: Document) -> Iterator[Diagnostic]:
        for sentence in document.sentences:
            yield from self._check_sentence(document, sentence)

    def _caps_word(self, token: Token) -> bool:
        return (
            token.is_word and bool(_CAPS_RUN_WORD.match(token.text))
            and not is_acronym(token) and not _is_roman(token.text)
        )

    def _check_sentence(self, document: Document, sentence: Sentence) -> Iterator[Diagnostic]:
        words = sentence.words
        runs: list[list[Token]] = []
        current: list[Token] = []
        for w in words:
            if self._caps_word(w):
                current.append(w)
            else:
                if current:
                    runs.append(current)
                current = []
        if current:
            runs.append(current)
        for run in runs:
            if not any(len(w.text.replace("-", "")) >= self.min_letters for w in run):
                continue
            at_start = bool(words) and run[0] is words[0]
            yield self._diagnostic(document, run, at_start)

    def _diagnostic(self, document: Document, run: list[Token], at_start: bool) -> Diagnostic:
        text = document.text
        start, end = run[0].start, run[-1].end
        pieces: list[str] = []
        pos = start
        safe = True
        for i, w in enumerate(run):
            pieces.append(text[pos : w.start])
            lower = w.text.lower()
            proper = [bool(_PROPER & p.grammemes) for p in w.parses]
            if proper and all(proper):
                lower = capitalise(lower)
            elif any(proper) or not _known_word(w.text):
                safe = False  # maybe a name («ТАЛЬМЕНСКОГО»): let the author decide
            if i == 0 and at_start:
                lower = capitalise(lower)
            pieces.append(lower)
            pos = w.end
        replacement = "".join(pieces)
        fix = Fix(
            f"Написать «{replacement}» обычными буквами",
            (Edit(start, end, replacement),),
            Applicability.SAFE if safe else Applicability.UNSAFE,
        )
        return self.diagnostic(
            document, start, end,
            f"«{text[start:end]}» капслоком читается как крик. Напишите обычными буквами: «{replacement}».",
            fix=fix,
        )


RULES = [
    *_TYPOGRAPHY,
    PostLength,
    LongSentence,
    LongParagraph,
    HardToRead,
    UnexplainedAbbreviation,
    CapsLock,
]
