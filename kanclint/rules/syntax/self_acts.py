"""People who do a «-ся» act to themselves, which no active rewrite may give to someone else.

«Команды регистрируются», «участники записываются»: with people as the subject the verb is not a
passive, and «регистрируют команды» would say that someone else registers them.  «Регистрация
участников осуществляется по ссылке»: by a link the participants sign up themselves, so
«Регистрируют участников по ссылке» would be wrong too (at a desk it is right).
"""

from __future__ import annotations

from kanclint.lexicon import word_list
from kanclint.rules.syntax.passive_detection import _Passive
from kanclint.rules.syntax.rewrite_guards import COLLECTIVES
from kanclint.rules.syntax.rewrite_objects import _Subject
from kanclint.rules.syntax.who_acts import readers_act, received_by
from kanclint.text.document import Sentence, Token

# «-ся» verbs that people and teams do to themselves: «жители оформляются на работу»
SELF_ACTIONS = frozenset({"регистрировать", "записывать", "оформлять", "готовить", "собирать", "объединять"})
_TEAMS = frozenset({"команда", "семья", "пара", "класс", "коллектив"})
# «регистрация участников», «запись детей»: the nouns of SELF_ACTIONS with the people in the genitive
_SIGNING_UP = frozenset({"регистрация", "запись"})
# dictionaries/lexicon/syntax.toml: a link, a site, a portal, where readers do it themselves
_SELF_SERVICE = word_list("self-service-channels")


def acts_on_self(sentence: Sentence, f: _Passive, subject: _Subject) -> bool:
    """Whether the subject's people do the act themselves: «команды регистрируются», or signing
    up by a link or a portal."""
    return f.reflexive and f.lemma in SELF_ACTIONS and people(subject.head) or _signing_up_online(sentence, subject)


def people(token: Token) -> bool:
    """Whether a subject noun names people or a group of them («участники», «команды»)."""
    return any(p.pos == "NOUN" and ("anim" in p.grammemes or p.lemma in COLLECTIVES or p.lemma in _TEAMS)
               for p in token.parses)


def _signing_up(subject: _Subject) -> bool:
    """«Регистрация участников»: signing people up, with the people named after the noun."""
    if subject.head.lemma not in _SIGNING_UP:
        return False
    after = subject.tokens[subject.tokens.index(subject.head) + 1:] + subject.tail
    return any(t.is_word and people(t) for t in after[:2])


def _signing_up_online(sentence: Sentence, subject: _Subject) -> bool:
    return _signing_up(subject) and any(t.lemma in _SELF_SERVICE for t in sentence.words)


def self_served(sentence: Sentence) -> bool:
    """Whether the sentence names a channel the reader uses alone: a link, a site, an app, «личный
    кабинет» («передача показаний осуществляется через личный кабинет», judge h51)."""
    words = sentence.words
    return any(t.lemma in _SELF_SERVICE or t.lemma == "кабинет" and k and words[k - 1].lemma == "личный"
               for k, t in enumerate(words))


def others_plainly_act(sentence: Sentence, f: _Passive, head: Token, tense: str) -> bool:
    """A doer the sentence names plainly, who is not «they»: the doctors of «приём врачей» (judge h52),
    the reader who sends «показания … через личный кабинет» (judge h51)."""
    return received_by(sentence, head) or tense == "pres" and readers_act(f, head) and self_served(sentence)
