"""KC406 and KC407: abbreviations nobody explained, words in CAPS LOCK."""

from __future__ import annotations

import re
from typing import Iterator, Sequence

from kanclint.lexicon import word_list
from kanclint.model import Applicability, Diagnostic, Edit, Fix, Severity
from kanclint.rules.base import Rule
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.inflection import capitalise
from kanclint.text.morphology import analyzer
from kanclint.text.untouchable import quotations as untouchable_quotes

# -- KC406 / KC407 ----------------------------------------------------------------------

KNOWN_ABBREVIATIONS = frozenset(
    """МФЦ ЖКХ ДТП МВД МЧС ГИБДД ДПС РФ СССР ВОВ ЕГЭ ОГЭ ВПР ВУЗ ДК ТЦ ИНН СНИЛС ОМС ДМС ГТО РЖД ЗАГС
    ФСБ ООН США ИП ООО ПАО ОАО ЗАО АО ТВ ЧС ВК ОК СМИ СМС ПК ИТ ДНК ВИЧ ОРВИ ЖК ТСЖ УК СНТ НДС
    ПДД ГАИ МИД ФНС ПФР СФР ЦБ СВО НКО ЕС СНГ ЧП ГЭС АЭС ТЭЦ ЛЭП ЦРБ КПРФ ЛДПР ВДНХ
    МГУ СПБГУ ОМОН МРОТ НДФЛ ОСАГО КАСКО ЗОЖ ФИО РАН ЛНР ДНР ЮНЕСКО ТАСС РИА
    НИИ КВН ЭКГ МРТ УЗИ ОРЗ ЛФК ФОК ДЮСШ СОШ ЖЭК""".split()
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
_QUOTE_BETWEEN = re.compile(r"[«»\"„“”]")


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
        "Капслок переписывается обычными буквами, только когда это точно не название. Безопасно: "
        "три и больше обычных слова подряд («ВСЕ НА ВЫБОРЫ»), служебные слова и наречия в начале "
        "предложения («ВНИМАНИЕ!», «СРОЧНО:»), месяц после числа («24 ОКТЯБРЯ»). Одно такое слово внутри "
        "предложения («доступно ТОЛЬКО по записи») — ударение автора: только подсказка. Капслок сразу после существительного "
        "(«кафе ВКУСНО И ТОЧКА»), одно-два обычных слова («ТЕХНОФОРУМ», "
        "«МУЗЕЙНАЯ ЖИЗНЬ»), слова в кавычках, слова с дефисом или цифрами, возможные имена и "
        "незнакомые слова не исправляются: это может быть название, находка только подсказывает."
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
            # a run is reported only with a word of min_letters capitals: none, no run to look for
            if any(len(w.text) >= self.min_letters and w.text.isupper() for w in sentence.words):
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
        quotes = untouchable_quotes(document)
        for w in words:
            if current and _QUOTE_BETWEEN.search(document.text, current[-1].end, w.start):
                runs.append(current)  # «ИТОГИ КОНКУРСА «ЛУЧШИЙ ДВОР»»: the name in quotes is its own run
                current = []
            if self._caps_word(w) and not (quotes and quotes.overlaps(w.start, w.end)):
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
        for i, w in enumerate(run):
            pieces.append(text[pos : w.start])
            lower = w.text.lower()
            proper = [bool(_PROPER & p.grammemes) for p in w.parses]
            if proper and all(proper):
                lower = capitalise(lower)
            if i == 0 and at_start:
                lower = capitalise(lower)
            pieces.append(lower)
            pos = w.end
        replacement = "".join(pieces)
        applicability = _caps_fix_applicability(document, run)
        if applicability is None:
            # maybe a name, a title or the author's stress: the author decides, nothing is rewritten
            unless = "Если это не ударение" if _stressed(document, run) else "Если это не название"
            return self.diagnostic(
                document, start, end,
                f"«{text[start:end]}» капслоком читается как крик. {unless}, напишите "
                f"обычными буквами: «{replacement}».",
                suggestions=[replacement],
            )
        fix = Fix(f"Написать «{replacement}» обычными буквами", (Edit(start, end, replacement),), applicability)
        return self.diagnostic(
            document, start, end,
            f"«{text[start:end]}» капслоком читается как крик. Напишите обычными буквами: «{replacement}».",
            fix=fix,
        )


# A single word in capitals is a shout, not a name, only when it is a function word or an
# adverb («ТОЛЬКО», «ОБЯЗАТЕЛЬНО») or one of these calls for attention.
_SHOUT_WORDS = frozenset({"ВНИМАНИЕ", "ВАЖНО", "СРОЧНО", "ВНИМАНИЮ"})
_NOT_NAMES = frozenset({"PREP", "CONJ", "PRCL", "ADVB", "INTJ", "PRED", "ADJS", "COMP"})
_MONTHS = frozenset(
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь".split()
)
_QUOTE_MARKS = frozenset('"«»„“”')
_SAFE_RUN = 3  # ordinary words in a row that no brand is made of


def _may_be_name(token: Token) -> bool:
    """A word in capitals that may be a name: a proper noun, an unknown word, a hyphenated word."""
    return "-" in token.text or not _known_word(token.text) or any(_PROPER & p.grammemes for p in token.parses)


_BODIES = word_list("bodies")
_PLACE_KINDS = word_list("place-kinds")


def _body_name(run: list[Token]) -> bool:
    """A run that may name an organisation, a place or a programme: a body noun («АДМИНИСТРАЦИЯ»,
    «МУЗЕЙ») or an adjective in «-ский» («АЛТАЙСКОГО КРАЯ», «ПУШКИНСКОЙ КАРТЕ»).  Its proper words
    must keep their capital letter, which a plain lower-casing cannot know."""
    lemmas = [w.lemma for w in run]
    if any(lemma in _BODIES for lemma in lemmas):
        return True
    # «ПО ПУШКИНСКОЙ КАРТЕ», «АЛТАЙСКОГО КРАЯ»: an adjective in «-ский» is often made from a name
    return any(lemma.endswith(("ский", "цкий", "ской")) for lemma in lemmas)


def _caps_fix_applicability(document: Document, run: list[Token]) -> Applicability | None:
    """How sure lower-casing ``run`` is; ``None``: the run may be a name, it is never rewritten.

    A brand in quotes lower-cased by a safe fix was a real bug: words in quotes, single words
    («ТЕХНОФОРУМ») and possible names are left to the author.
    """
    quotes = untouchable_quotes(document)
    if any(quotes.overlaps(w.start, w.end) for w in run):
        return None
    text = document.text
    start, end = run[0].start, run[-1].end
    if text[start - 1:start] in _QUOTE_MARKS or text[end:end + 1] in _QUOTE_MARKS:
        return None  # «КОГДА"» with its opening mark lost: still a title
    before = _token_before(document, run[0])
    if all(w.text in _SHOUT_WORDS or w.parses and all(p.pos in _NOT_NAMES for p in w.parses) for w in run):
        # «ОЧЕНЬ ВАЖНО», «ВНИМАНИЕ!»: no name is made of these; one word in capitals inside a sentence
        # («доступно ТОЛЬКО по карте») is the author's stress on a condition (two editors): only offered
        return None if _stressed(document, run) else Applicability.SAFE
    if len(run) == 1 and before is not None and before.text.isdigit() and run[0].lemma in _MONTHS:
        return Applicability.SAFE  # «24 ОКТЯБРЯ»: a date
    if len(run) < _SAFE_RUN or any(_may_be_name(w) for w in run):
        return None  # «ТЕХНОФОРУМ», «МУЗЕЙНАЯ ЖИЗНЬ»: maybe a brand or a rubric
    if _body_name(run):
        return None  # «АДМИНИСТРАЦИЯ ТАЛЬМЕНСКОГО РАЙОНА»: lower case would lose «Тальменского»
    if any(w.lemma in _PLACE_KINDS or w.key in _PLACE_KINDS for w in run[:-1]):
        return None  # «НА УЛИЦЕ МИРА»: the word after it is a name («улице Мира»), not «мира»
    if before is not None and before.is_word and before.pos == "NOUN":
        return None  # «кафе ВКУСНО И ТОЧКА», «в конкурсе ЮНЫЙ ИНЖЕНЕР»: a name after what it names
    return Applicability.SAFE


def _stressed(document: Document, run: list[Token]) -> bool:
    """One word in capitals after a word of its sentence: the author's stress («доступно ТОЛЬКО по карте»)."""
    before = _token_before(document, run[0])
    return len(run) == 1 and run[0].text not in _SHOUT_WORDS and before is not None \
        and before.sentence == run[0].sentence and (before.is_word or before.text in _LEAD_MARKS)


_LEAD_MARKS = frozenset({"—", "–", "-", ":", ","})  # «Запись — ТОЛЬКО по телефону»: still inside the sentence


def _token_before(document: Document, token: Token) -> Token | None:
    sentence = document.sentences[token.sentence]
    i = sentence.position(token) - 1
    return sentence.tokens[i] if i >= 0 else None
