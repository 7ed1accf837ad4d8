"""When deleting an evaluation, vagueness, intensifier, filler or pleonasm word loses meaning.

«Эффективный», «определённые», «таким образом» are usually empty words a fix may drop.  Five
contexts make them carry meaning, and there the fix becomes a suggestion (the finding stays):

* **a list**: the word is one member of an enumeration («быстрые и эффективные решения»,
  «оценки: отлично, хорошо, удовлетворительно»): deleting it drops an item or breaks the list
  («и т. д.» closing a list is the vagueness KC110 removes on purpose, and stays a fix);
* **a relation between numbers**: an introductory linking phrase in a sentence with a number or
  after one («Пособие вырастет на 5 %. Таким образом, за год оно выросло на 12 %»), or a word
  right next to a number («более 100»);
* **a degree**: the word is graded by a degree word right before it («наиболее эффективные
  практики», «самые яркие впечатления», «более удобный график», «очень тёплый приём»): the
  evaluation is then the point of the phrase (which practices: the most effective ones), and its
  deletion would also leave «самые практики», «более график» behind;
* **a wish**: in a greeting («Желаем…», «Пусть…», after «С праздником!») the evaluation is what
  is wished («успешных дел», «незабываемые впечатления»), and in a congratulation on an act that
  is no success by itself what it is for («Поздравляем команду с успешным выступлением!»: without
  «успешным» it congratulates on taking part; «с успешным завершением проекта» keeps its fix);
* **a term**: the noun phrase is specified below, in parentheses or after a colon («определённые
  категории граждан (перечислены ниже)»), or the adjective narrows a genitive complement of another noun
  («главное условие успешной учёбы»);
* **a hedge**: a hedge of living speech («может быть», «на самом деле», «честно говоря») in a
  sentence that speaks from or to a person (the same voice test as for an emotion);
* **an emotion**: the word is one of the author's feelings (``dictionaries/lexicon/emotions.toml``:
  «замечательный», «прекрасный», «незабываемый»…, or a single intensifier right before one) in a
  sentence in the author's own voice: «я», «мы», «вы», «ты» in any case, a verb in the first or
  second person or the imperative, «!», or an emoji or smiley closing it («Как вы любили этот
  замечательный паровозик! 😊», «Приходите на прекрасную выставку!»).  A living post is allowed
  its joy; the same word in a report in the third person («Артисты подарили зрителям
  незабываемый вечер») is praise without facts and is still dropped.  Only where the entry's
  noun is any noun (``<NOUN>``): a phrase the dictionary names as a whole («невероятный
  успех», «неоценимая помощь») is a cliché in any voice, and a non-emotional evaluation
  («Благодарим врачей за высокий профессионализм», «самые лучшие») keeps its fix.
"""

from __future__ import annotations

from typing import Sequence

from kanclint.lexicon import word_list
from kanclint.rules.phrases.consequences import draws_a_future_consequence
from kanclint.text import protection
from kanclint.text.document import Sentence, Token
from kanclint.text.morphology import fold

# the rules whose fixes delete words that are usually empty: evaluations, intensifiers,
# fillers, vagueness, modality, pleonasms
MEANING_RULES = frozenset({"KC107", "KC108", "KC109", "KC110", "KC111", "KC112"})

_COORDINATORS = frozenset({",", "и", "или", "либо", "а", ";"})
_LIST_OPENERS = frozenset({":"})
_FAMILIES = {
    "ADJF": "adj", "PRTF": "adj",
    "ADJS": "pred", "PRTS": "pred", "ADVB": "pred", "PRED": "pred", "COMP": "pred",
    "NOUN": "noun", "NPRO": "noun",
    "VERB": "verb", "INFN": "verb",
}
_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct"})
# an adjective narrowing a genitive complement is a term only for evaluations and vague words;
# a pleonasm («свободных вакансий») repeats its noun wherever it stands
_TERM_RULES = frozenset({"KC107", "KC110"})
# linking phrases («таким образом», «в итоге», «кроме того») live among the fillers
_LINKING_RULES = frozenset({"KC109"})
_COMPARISONS = frozenset(
    fold(w) for w in "вдвое втрое вчетверо впятеро раза раз процента процентов половина половину треть четверть".split()
)
# a vague word whose items are listed later in the sentence is specified, not vague
_LISTED_RULES = frozenset({"KC110"})
_NOUN_PHRASE = frozenset({"NOUN", "ADJF", "PRTF", "NUMR", "NPRO"})
_SPECIFIED_BELOW = frozenset(
    fold(w) for w in "ниже следующие следующих перечисленные перечисленных перечислены указанные "
    "указанных указаны приведённые приведены".split()
)
_INTRODUCTORY_BEFORE = frozenset({",", "—", "–", "(", ":"})
# degree words that grade the adjective or adverb after them; «самый» in any form
_DEGREE_WORDS = frozenset(
    fold(w) for w in "наиболее наименее более менее особо особенно максимально минимально очень весьма "
    "крайне чрезвычайно предельно необычайно исключительно достаточно довольно слишком".split()
)
_DEGREE_LEMMAS = frozenset({"самый"})
# a degree word that makes its adjective a superlative: deleting it from «максимально эффективные
# методики» drops the «most» (and the evaluation may go next); «максимально простой.» may lose it
_SUPERLATIVES = frozenset({"максимально", "наиболее", "наименее"})
_GRADABLE = frozenset({"ADJF", "ADJS", "PRTF", "PRTS", "ADVB", "COMP"})
_WINDOW = 40  # tokens looked at on each side: a sentence with no full stop must not make this quadratic


def deleted_words(matched: Sequence[Token], replacement: str) -> list[Token]:
    """The matched words a replacement drops, when it only drops words (else empty).

    «огромный вклад» → «вклад» drops «огромный»; «следующим образом» → «так» is a
    replacement, not a deletion.
    """
    kept = [fold(w) for w in replacement.split() if any(c.isalnum() for c in w)]
    pool = [t.key for t in matched]  # a token's key is its folded text
    if any(k not in pool for k in kept):
        return []
    remaining = list(kept)
    dropped = []
    for token in matched:
        key = token.key
        if key in remaining:
            remaining.remove(key)
        else:
            dropped.append(token)
    return dropped


def _families(token: Token) -> set[str]:
    return {_FAMILIES[p.pos] for p in token.parses if p.pos in _FAMILIES}


def _is_number(token: Token) -> bool:
    return any(c.isdigit() for c in token.text) or any(p.pos == "NUMR" for p in token.parses)


def _neighbour(sentence: Sentence, token: Token, step: int) -> Token | None:
    i = sentence.position(token) + step
    return sentence.tokens[i] if 0 <= i < len(sentence.tokens) else None


def _same_kind(word: Token, other: Token) -> bool:
    """Two members of one list: the same part of speech, and adjectives in the same case."""
    mine, theirs = _FAMILIES.get(word.pos or ""), _FAMILIES.get(other.pos or "")
    if mine is None or mine != theirs:
        return False
    if mine in ("adj", "noun"):
        return bool(_cases(word) & _cases(other))
    return True


def _cases(token: Token) -> set[str]:
    if token.pos in ("NOUN", "NPRO"):
        return set(token.grammemes & _CASES)  # «местожительства»: the genitive, not a rare plural
    return {g for p in token.parses if p.pos in ("ADJF", "PRTF") for g in p.grammemes & _CASES}


def _in_list(sentence: Sentence, word: Token, matched: Sequence[Token]) -> bool:
    """One member of an enumeration: a coordinator and a word of the same kind beside it."""
    if word.pos not in _FAMILIES:
        return False
    inside = {word.index}  # a list partner may be in the match: «лучшие, средние команды»
    for step in (-1, 1):
        near = _neighbour(sentence, word, step)
        if near is None or near.index in inside or fold(near.text) not in _COORDINATORS:
            continue
        beyond = _neighbour(sentence, near, step)
        if beyond is not None and beyond.index not in inside and _same_kind(word, beyond):
            return True
    before = _neighbour(sentence, word, -1)
    after = _neighbour(sentence, word, 1)
    return (
        before is not None and before.text in _LIST_OPENERS
        and after is not None and fold(after.text) in _COORDINATORS
    )


def _graded(sentence: Sentence, dropped: Sequence[Token]) -> bool:
    """«наиболее эффективные практики»: a degree word grades the first deleted word."""
    first = dropped[0]
    if not any(p.pos in _GRADABLE for p in first.parses[:1]):
        return False
    before = _neighbour(sentence, first, -1)
    if before is None or not before.is_word:
        return False
    return fold(before.text) in _DEGREE_WORDS or any(
        p.lemma in _DEGREE_LEMMAS and p.pos == "ADJF" for p in before.parses
    )


def _grades_an_attribute(sentence: Sentence, dropped: Sequence[Token], matched: Sequence[Token]) -> bool:
    """«максимально эффективные методики»: the deleted word is the degree of an adjective before its noun.

    Only a bare degree word: an entry that names the adjective («наиболее оптимальный») knows the
    degree is a pleonasm there.
    """
    if len(matched) != 1 or len(dropped) != 1 or fold(dropped[0].text) not in _SUPERLATIVES:
        return False
    adjective = _neighbour(sentence, dropped[0], 1)
    noun = _neighbour(sentence, adjective, 1) if adjective is not None else None
    if adjective is None or noun is None or adjective.pos != "ADJF" or noun.pos != "NOUN":
        return False
    # any reading of the noun: «эффективные методики» is a plural, not the genitive pymorphy3 ranks first
    return bool(_cases(adjective) & {g for p in noun.parses if p.pos == "NOUN" for g in p.grammemes & _CASES})


def _carries_numbers(code: str, sentence: Sentence, previous: Sentence | None, dropped: Sequence[Token]) -> bool:
    first, last = dropped[0], dropped[-1]
    for near in (_neighbour(sentence, first, -1), _neighbour(sentence, last, 1)):
        if near is not None and _is_number(near):
            return True  # «более 100», «около 50»
    if code not in _LINKING_RULES:
        return False
    at, end = sentence.position(first), sentence.position(last) + 1
    before = _neighbour(sentence, first, -1)
    introductory = before is None or not before.is_word and before.text in _INTRODUCTORY_BEFORE or all(
        not t.is_word for t in sentence.tokens[max(0, at - _WINDOW):at]
    )
    if not introductory:
        return False
    after = sentence.tokens[sentence.position(last) + 1:]
    # a number before the phrase, and after it a number or a comparison: «…с 30 до 10 дней.
    # Таким образом, ждать стало втрое меньше»
    earlier = sentence.tokens[max(0, at - _WINDOW):at]
    if not any(_is_number(t) for t in earlier) and not (
        previous is not None and any(_is_number(t) for t in previous.tokens[-_WINDOW:])
    ):
        return False
    after = sentence.tokens[end:end + _WINDOW]
    # a month is a date said in words: «…с 20 по 25 декабря. Таким образом, в январе пенсионеры
    # получат…» draws the consequence for another month, and the link is the point
    return any(_is_number(t) or t.pos == "COMP" or fold(t.text) in _COMPARISONS or t.lemma in _MONTHS
               for t in after)


_MONTHS = frozenset(
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь".split()
)


# Nouns of a class that a law or a list spells out: an adjective before them («определённые категории
# граждан», «отдельные виды работ») selects some members, and deleting it widens the class to all.
_CLASS_NOUNS = frozenset(
    {"категория", "группа", "вид", "тип", "разряд", "класс", "перечень", "случай", "условие", "требование"}
)


def _is_term(code: str, sentence: Sentence, dropped: Sequence[Token], matched: Sequence[Token]) -> bool:
    last = matched[-1]
    rest = sentence.tokens[sentence.position(last) + 1:sentence.position(last) + 1 + _WINDOW]
    if any(fold(t.text) in _SPECIFIED_BELOW for t in rest):
        return True  # «определённые категории граждан (перечислены ниже)»
    if any(p.lemma in _CLASS_NOUNS for t in rest[:1] for p in t.parses[:1] if p.pos == "NOUN"):
        return True  # «определённые категории граждан имеют право…»: a class the rules name elsewhere
    if code in _LISTED_RULES and any(t.text == ":" for t in rest):
        return True  # «определённые виды работ требуют допуска: сварка и покраска»
    if last.pos not in _NOUN_PHRASE:
        return False
    i = 0
    while i < len(rest) and i < 4 and rest[i].is_word and any(p.pos in _NOUN_PHRASE for p in rest[i].parses):
        i += 1
    if i < len(rest) and rest[i].text in ("(", ":"):
        return True  # the noun phrase is spelled out right after it
    head = _neighbour(sentence, matched[0], -1)
    if code not in _TERM_RULES or head is None or not head.is_word or not any(p.pos == "NOUN" for p in head.parses):
        return False
    # «условие успешной учёбы»: the adjective narrows a genitive complement of another noun
    return any(
        p.pos in ("ADJF", "PRTF") and "gent" in p.grammemes for t in dropped for p in t.parses[:1]
    ) and any(t.pos == "NOUN" and "gent" in t.grammemes for t in matched if t not in dropped)


_YOU = frozenset({"вы", "ваш"})


def _to_the_reader(sentence: Sentence) -> bool:
    """A sentence said to the reader («вы», «ваш», a verb in the «вы» form): an evaluation there is
    the writer's warmth, which the conversational register keeps (judge g9 found its deletion not better)."""
    return any(t.lemma in _YOU or t.pos == "VERB" and "2per" in t.grammemes for t in sentence.words)


def deletion_refusal(
    code: str, sentence: Sentence, previous: Sentence | None, matched: Sequence[Token], replacement: str,
    *, following: Sentence | None = None, generic: frozenset[int] | None = None,
) -> str | None:
    """Why deleting words of a ``code`` finding would lose meaning here, or ``None``.

    ``following`` is the next sentence of the paragraph (an emoji there closes this one);
    ``generic`` the starts of the matched words a ``<…>`` item of the pattern took (``None``:
    every word the pattern named, a phrase of the dictionary).
    """
    if code not in MEANING_RULES:
        return None
    dropped = deleted_words(matched, replacement)
    if not dropped:
        return None
    if len(dropped) == 1 and _in_list(sentence, dropped[0], matched):
        # a single word: a dropped phrase («как известно», «тем самым») is no list member
        return "list"
    if _graded(sentence, dropped) or _grades_an_attribute(sentence, dropped, matched):
        return "degree"
    if _carries_numbers(code, sentence, previous, dropped):
        return "numbers"
    if code in _LINKING_RULES and draws_a_future_consequence(sentence, dropped):
        return "consequence"  # «Таким образом, число аварий удастся снизить»
    if _is_term(code, sentence, dropped, matched):
        return "term"
    if code in _WISH_RULES and _in_a_wish(sentence, previous, dropped):
        return "wish"
    if _own_emotion(sentence, following, dropped, matched, generic):
        return "emotion"
    if code == "KC107" and _to_the_reader(sentence):
        return "address"  # «верим, что вы успешно сдадите экзамены»: a live post's own words to the reader
    if _spoken_hedge(dropped) and _own_voice(sentence, following):
        return "hedge"
    return None


def strands_words_before(sentence: Sentence, matched: Sequence[Token], replacement: str) -> bool:
    """Deleting an opening with its own verb («информируем, что», «доводим до вашего сведения, что»)
    leaves whatever came before it without a verb: «Мы информируем, что воды не будет» → «Мы воды не
    будет», «Также информируем, что…» → «Также воды не будет».  Safe only at the start of the
    sentence or of its clause: after an address closed by a comma («Друзья, информируем, что…») or a
    conjunction («…, но следует отметить, что…»)."""
    dropped = deleted_words(matched, replacement)
    if not any(t.pos == "VERB" for t in dropped) or not matched:
        return False
    before = [t for t in sentence.tokens if t.end <= matched[0].start]
    own = []  # the words of the opening's own clause before it: back to a comma or a conjunction
    for t in reversed(before):
        if t.text in _CLAUSE_BOUNDS or t.pos == "CONJ":
            break
        own.append(t)
    if any(t.is_word for t in own):
        return True
    # «Друзья, информируем, что…»: the address keeps its comma, which the deletion would take along
    speaks = any(t.pos == "VERB" and "1per" in t.grammemes for t in dropped) and matched[-1].key == "что"
    return speaks and own == [] and bool(before) and before[-1].text == "," and any(t.is_word for t in before)


_CLAUSE_BOUNDS = frozenset({",", ";", ":", "—", "–", "(", "!", "?", "."})


# Hedges of living speech, kept in the author's own voice: «Может быть, у вас дома есть старые
# фотографии?», «Но согласитесь, верить в волшебство на самом деле здорово!».  In a report they are
# filler («На самом деле работы идут по графику») and the fix stays.
_SPOKEN_HEDGES = frozenset({
    "может быть", "может", "на самом деле", "вообще-то", "честно говоря", "кстати", "в общем", "наверное",
    "пожалуй", "кажется",
})


def _spoken_hedge(dropped: Sequence[Token]) -> bool:
    return " ".join(t.key for t in dropped) in _SPOKEN_HEDGES


# In a greeting every word of the wish is the wish: «сил, здоровья и успешных дел!» without
# «успешных» wishes plain «дел», «пусть спектакль оставляет незабываемые впечатления» without
# «незабываемые» wishes nothing.
_WISH_RULES = frozenset({"KC107"})
_WISH_LEMMAS = frozenset({"желать", "пожелать", "пусть"})
_GREETING_LEMMAS = _WISH_LEMMAS | {"поздравлять", "поздравить", "праздник"}
# acts that are no success by themselves: the evaluation is what the congratulation is for
_NEUTRAL_ACTS = frozenset({"выступление", "участие", "игра", "дебют", "старт", "защита", "сезон", "работа",
                           "поездка", "экзамен", "сдача", "прохождение"})


def _in_a_wish(sentence: Sentence, previous: Sentence | None, dropped: Sequence[Token] = ()) -> bool:
    """The sentence wishes or greets («Желаем…», «Пусть…», «С праздником!» just before), or
    congratulates on an act the dropped word evaluates («с успешным выступлением»)."""
    if any(t.lemma in _WISH_LEMMAS for t in sentence.words):
        return True
    if dropped and any(t.lemma in ("поздравлять", "поздравить") for t in sentence.words):
        after = _neighbour(sentence, dropped[-1], 1)
        if after is not None and after.lemma in _NEUTRAL_ACTS:
            return True
    words = previous.words if previous is not None else ()
    return len(words) <= 6 and any(t.lemma in _GREETING_LEMMAS for t in words)  # «…с праздником!» before


# The author's feeling in the author's own voice: «Как вы любили этот замечательный паровозик! 😊»
_EMOTIONS = word_list("emotional-evaluations")  # dictionaries/lexicon/emotions.toml
_EMOTION_POS = frozenset({"ADJF", "PRTF", "ADJS", "PRTS"})
_PERSONAL = frozenset({"я", "мы", "вы", "ты"})
_SMILEYS = frozenset({")", "))", ")))", ":)", ":-)", ";)", ":D", "(:"})


def _is_emotion(token: Token) -> bool:
    return any(p.pos in _EMOTION_POS and p.lemma in _EMOTIONS for p in token.parses)


def _own_emotion(
    sentence: Sentence, following: Sentence | None, dropped: Sequence[Token], matched: Sequence[Token],
    generic: frozenset[int] | None,
) -> bool:
    """An emotional evaluation (or one intensifier of it) dropped from the author's own sentence."""
    if len(dropped) != 1:
        return False
    word = dropped[0]
    if not _is_emotion(word):
        after = _neighbour(sentence, word, 1)
        if after is None or not _is_emotion(after):  # «по-настоящему волшебный вечер»
            return False
    kept = [t for t in matched if t not in dropped]
    if any(generic is None or t.start not in generic for t in kept):
        return False  # «невероятный успех»: the dictionary lists the whole phrase as a cliché
    return _own_voice(sentence, following)


def _own_voice(sentence: Sentence, following: Sentence | None) -> bool:
    """The sentence speaks as the author to the reader: a personal pronoun, a first- or
    second-person verb or an imperative, «!», or an emoji or smiley after its words."""
    for token in sentence.tokens:
        if not token.is_word:
            if "!" in token.text or token.text in _SMILEYS or protection.EMOJI.search(token.text):
                return True
            continue
        best = token.parses[:1]
        if any(p.pos == "NPRO" and p.lemma in _PERSONAL for p in best):
            return True
        if any(p.pos == "VERB" and p.grammemes & {"1per", "2per", "impr"} for p in best):
            return True
    opener = following.tokens[0] if following is not None and following.tokens else None
    return opener is not None and not opener.is_word and bool(protection.EMOJI.search(opener.text))
