"""KC202 genitive-chain: four or more genitives in a row hide the action inside nouns."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator, Sequence

from kanclint.model import Diagnostic, Severity
from kanclint.rules.base import Rule
from kanclint.rules.syntax.morph import _best, _is_noun, _person_name, _pos_share, _reading
from kanclint.rules.syntax.spans import _titles
from kanclint.text.document import Document, Token
from kanclint.text.russian import plural

# -- KC202 genitive chains -----------------------------------------------------------------

def _plausible_genitive(token: Token) -> bool:
    """A noun whose genitive reading is believable after another noun.

    The best reading need not be genitive («территории» is scored locative
    first), but the genitive readings together must carry a fair share.
    """
    return _plausible_form(token.text)


@lru_cache(maxsize=50_000)
def _plausible_form(text: str) -> bool:
    """:func:`_plausible_genitive` of a written form (it reads the form only): once per form."""
    token = Token(0, 0, len(text), text, 0, False)
    if _pos_share(token, "NOUN") < 0.5:
        return False
    share = sum(p.score for p in token.parses if p.pos == "NOUN" and p.grammemes & {"gent", "gen2"})
    best = _best(token)
    return share >= 0.2 or (best is not None and bool(best.grammemes & {"gent", "gen2"}))


def _genitive_modifier(token: Token) -> bool:
    return token.pos in ("ADJF", "PRTF") and _modifier_form(token.text)


@lru_cache(maxsize=50_000)
def _modifier_form(text: str) -> bool:
    """Whether a written form has a genitive reading (asked of every adjective): once per form."""
    return _reading(Token(0, 0, len(text), text, 0, False), "gent") is not None


_CLAUSE_ENDS = frozenset({",", ";", ":", "—", "–", "-", "(", ")", ".", "!", "?", "…"})


def _without_subject(tokens: Sequence[Token], chain: list[Token]) -> list[Token]:
    """The chain without its last noun when that noun is the clause's subject, not a genitive.

    «В период эпидемии гриппа посещения запрещены»: «посещения» reads as a genitive after
    «гриппа», but a chain after a preposition cannot hold the subject, and a plural predicate
    later in the clause needs one.  Words like «мероприятия», «обращения», «заявления» have the
    two readings in one form.
    """
    last = chain[-1]
    if not any(p.pos == "NOUN" and {"nomn", "plur"} <= p.grammemes for p in last.parses):
        return chain
    at = tokens.index(chain[0])
    before = next((t for t in reversed(tokens[:at]) if t.is_word and not _genitive_modifier(t)), None)
    if before is None or before.pos != "PREP":
        return chain
    for token in tokens[tokens.index(last) + 1:]:
        if token.text in _CLAUSE_ENDS:
            break
        if token.is_word and _is_noun(token) and _reading(token, "nomn") is not None:
            break  # another subject candidate
        best = _best(token)
        if token.is_word and best is not None and best.pos in ("VERB", "PRTS", "ADJS"):
            return chain[:-1] if "plur" in best.grammemes else chain
    return chain


class GenitiveChain(Rule):
    """KC202: a string of genitives makes the reader unpack nouns to find the action.

    ``min_chain`` is the number of genitive nouns that follow the head noun:
    with the default 3, «обеспечение безопасности движения населения» (three
    genitives after «обеспечение») is flagged, while «глава администрации
    района» (two) is the ordinary name of an office and is left alone.
    Agreeing adjectives and participles may stand between the nouns.
    Punctuation, prepositions, conjunctions, numbers and verbs end a chain.
    """

    code = "KC202"
    name = "genitive-chain"
    category = "genitive-chain"
    severity = Severity.WARNING
    title = "Цепочка родительных падежей"
    what = "Три и больше существительных в родительном падеже подряд: «обеспечения безопасности дорожного движения населения района»."
    why = (
        "Каждое следующее слово в родительном падеже зависит от предыдущего, и читатель держит в "
        "голове всю цепочку, пока не доберётся до смысла. Действие при этом спрятано в "
        "существительном."
    )
    example = "Проведены мероприятия для обеспечения безопасности дорожного движения населения района."
    instead = "Мы сделали дороги в районе безопаснее: …"
    min_chain = 3
    options = {"min-chain": "min_chain"}

    def check(self, document: Document) -> Iterator[Diagnostic]:
        titles = _titles(document)
        min_chain = self.setting(document, "min-chain")
        for sentence in document.sentences:
            tokens = [t for t in sentence.tokens if t.start not in titles]
            if sum(1 for t in tokens if t.pos == "NOUN") < max(2, min_chain + 1):
                continue  # every link of a chain is a noun: too few for one long enough
            for chain in self._chains(tokens):
                chain = _without_subject(tokens, chain)
                if len(chain) - 1 < min_chain:
                    continue
                first, last = chain[0], chain[-1]
                n = len(chain) - 1
                message = (
                    f"{plural(n, 'существительное', 'существительных', 'существительных')} в родительном "
                    f"падеже подряд: «{document.text[first.start:last.end]}». Читатель теряет нить. "
                    f"Назовите действие глаголом и уберите лишние звенья: «чтобы на дорогах было "
                    f"безопасно» вместо «обеспечения безопасности дорожного движения»."
                )
                yield self.diagnostic(document, first.start, last.end, message)

    @staticmethod
    def _chains(tokens: Sequence[Token]) -> Iterator[list[Token]]:
        chain: list[Token] = []
        pending = 0  # modifiers seen after the last chain noun
        for token in tokens:
            if chain and _person_name(token):
                # «выступление рок-исполнителя Александра Маршала»: a name says who, it is no link
                if len(chain) > 1:
                    yield chain
                chain, pending = [], 0
                continue
            if chain and token.is_word and _genitive_modifier(token) and pending < 3 and not _is_noun(token):
                pending += 1
                continue
            if chain and token.is_word and _is_noun(token) and _plausible_genitive(token) and not token.protected:
                chain.append(token)
                pending = 0
                continue
            if len(chain) > 1:
                yield chain
            chain, pending = [], 0
            if token.is_word and _is_noun(token) and not token.protected:
                chain = [token]
            elif token.is_word and _genitive_modifier(token):
                # a modifier before the head noun: the head starts at the next noun
                chain = []
        if len(chain) > 1:
            yield chain
