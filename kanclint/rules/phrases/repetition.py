"""A replacement that repeats a word right next to it (issue #12).

«по истечении 5 дней после начала сезона» → «после 5 дней после начала сезона»: each word is right,
the sentence stumbles on the repeat.  Such a fix stays an option for the author to reword.
"""

from __future__ import annotations

from typing import Sequence

from kanclint.text.document import Sentence, Token
from kanclint.text.morphology import fold, parse

_REACH = 5  # words on either side of the replaced phrase where a repeat is heard


# short prepositions a reader still hears twice: «для доступности занятий для жителей»
_HEARD_SHORT = frozenset({"для", "при", "без"})


def _content_words(replacement: str) -> set[str]:
    """The replacement's words worth hearing twice: none of «и», «в», «на», but «для», «после», «во время»."""
    return {fold(w) for w in replacement.split() if len(w) > 3 or fold(w) in _HEARD_SHORT}


def repeats_nearby(sentence: Sentence, matched: Sequence[Token], replacement: str,
                   neighbours: Sequence[Sentence | None] = ()) -> bool:
    """Whether a word of ``replacement`` (longer than three letters) stands again within a few
    words of the replaced phrase, so the fix would write the same word twice in a row; or a verb or
    noun it brings is in the sentence before or after (``neighbours``): «…приглашаем на открытие
    ёлки. … Приглашаем всех!»."""
    new = _content_words(replacement) - {t.key for t in matched}  # a key is the folded text
    if not new:
        return False
    words = list(sentence.words)
    before = [t for t in words if t.end <= matched[0].start][-_REACH:]
    after = [t for t in words if t.start >= matched[-1].end][:_REACH]
    near = before + after
    if any(t.key in new for t in near):
        return True
    if any(len(w) >= 6 and "-" in t.key and t.key[:6] == w[:6] for w in new for t in near):
        return True  # «Пожарными пожарно-спасательной части»: a compound's first root right beside it (judge h42)
    # a verb or a noun it brings that the sentence before or after already says: «…как стать пожарным.
    # Спасибо огнеборцам» → «Спасибо пожарным» (judge h38)
    own = {lemma for t in matched for lemma in t.lemmas}  # «на территории района» → «в районе» brings no new word
    heard = {(p.pos, p.lemma) for w in new for p in parse(w)[:1] if p.pos in ("VERB", "NOUN") and p.lemma not in own}
    return bool(heard) and any(
        (t.pos, t.lemma) in heard for s in neighbours if s is not None for t in s.words)


# aspect pairs of one root that share no lemma: «пройти» / «проходить», «провести» / «проводить»
_ROOT_ENDINGS = (("ходить", "ход"), ("йти", "ход"), ("водить", "вод"), ("вести", "вод"),
                 ("носить", "нос"), ("нести", "нос"), ("езжать", "езд"), ("ехать", "езд"))


def _root(lemma: str) -> str:
    """The lemma with a verb-of-motion ending folded, so both verbs of an aspect pair meet."""
    for ending, root in _ROOT_ENDINGS:
        if lemma.endswith(ending) and len(lemma) > len(ending):
            return lemma[: -len(ending)] + root
    return lemma


def repeats_root_in_sentence(sentence: Sentence, matched: Sequence[Token], replacement: str) -> bool:
    """Whether a word the replacement brings has the lemma (or, for a verb of motion, the root)
    of a word elsewhere in the sentence: «состоялся фестиваль, который проходит раз в два года»
    → «прошёл фестиваль, который проходит…» says the same verb twice; the author rewords."""
    new = _content_words(replacement) - {t.key for t in matched}
    kept = {_root(lemma) for t in matched for lemma in t.lemmas}  # «граждан» → «гражданам» is the same word
    roots = {_root(p.lemma) for w in new for p in parse(w)[:1] if p.pos in ("VERB", "INFN", "NOUN", "ADJF")} - kept
    if not roots:
        return False
    inside = {t.start for t in matched}
    # a participle before its noun is a name's adjective («Управляющая компания управляет…»): not heard as a repeat
    return any(t.start not in inside and t.pos in _HEARD_POS and _root(t.lemma) in roots for t in sentence.words)


# an adjective too: «незаконных свалок … мест незаконного размещения» (judge h29)
_HEARD_POS = frozenset({"VERB", "INFN", "NOUN", "GRND", "ADJF"})
