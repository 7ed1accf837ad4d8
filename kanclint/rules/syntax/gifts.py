"""Whether a doer-less passive hands over something in another's name, so «мы» is a guess.

«Ветеранам были вручены благодарственные письма главы района» on the police department's page: the
letters are the head's, and so, likely, is the handing over; «Мы вручили письма главы района» would
claim it.  Likewise «подарки губернатора», «грамоты министерства».  When the owner of what is given is
an official or a body that is not the author, KC201 keeps the third person plural («вручили»), which
says nothing wrong.  «Грамоты администрации района» on the administration's own page stay «мы».
"""

from __future__ import annotations

from kanclint.rules.press_release.voice import author_profile
from kanclint.rules.press_release.words import TITLE_WORDS as _OFFICIALS
from kanclint.rules.syntax.passive_detection import _Passive
from kanclint.rules.syntax.words import ORGANISATIONS
from kanclint.text.document import Document, Sentence, Token

_GIVING = frozenset({"вручить", "вручать", "передать", "передавать", "подарить", "дарить", "преподнести",
                     "преподносить", "выдать", "выдавать", "направить", "зачитать", "огласить"})


def _owner(word: Token) -> bool:
    best = word.parses[0] if word.parses else None
    return (best is not None and best.pos == "NOUN" and "gent" in best.grammemes
            and (word.lemma in _OFFICIALS or word.lemma in ORGANISATIONS))


def given_in_anothers_name(document: Document, sentence: Sentence, f: _Passive) -> bool:
    """«вручены благодарственные письма главы района», «переданы подарки губернатора»."""
    if f.lemma not in _GIVING:
        return False
    profile = author_profile(document)
    mine = {profile.head} | set(profile.heads) if profile is not None else set()
    words = sentence.words
    for i in range(1, len(words)):
        before = words[i - 1].parses[0] if words[i - 1].parses else None
        if before is None or before.pos != "NOUN" or words[i].start < f.verb.start:
            continue
        if _owner(words[i]) and not words[i].lemmas & mine:
            return True
    return False
