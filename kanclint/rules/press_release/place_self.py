"""«В МБОУ «СОШ № 3» прошёл выпускной бал» beside «Поздравляем выпускников!»: the organisation that
writes, named as the place where something happened, is «у нас» once the post speaks as «мы».

Only an organisation author, only «в»/«во» + the author's own name, and only with a verb of
something happening there («прошёл», «состоялся», «открылся», «прозвенел»): with a verb of going
or asking («поступил в…», «обратиться в…») the name is a direction («к нам»), which is left as
it is.  And only when another sentence of the post already says «мы» (in its own words or through
KC304's fix), so the post ends in one voice; a post all in the third person keeps its name.
"""

from __future__ import annotations

from kanclint.model import Edit
from kanclint.rules.press_release.ours import _name_after
from kanclint.rules.press_release.voice import author_profile, names_author
from kanclint.text.document import Document, Sentence, Token
from kanclint.text.inflection import capitalise

# verbs of something happening at a place: «у нас прошёл вечер», «у нас открылся кабинет»
_HAPPENING = frozenset({"пройти", "проходить", "состояться", "открыться", "открываться", "прозвенеть",
                        "начаться", "начинаться", "завершиться", "появиться", "стартовать", "побывать",
                        "храниться", "работать", "действовать"})  # «у нас хранится коллекция»


def place_mentions(document: Document, speaks_as_we: bool) -> list[Edit]:
    """Edits «в <author>» → «у нас» for the post; ``speaks_as_we``: another mention says «мы»."""
    profile = author_profile(document)
    if profile is None or profile.person or not speaks_as_we:
        return []
    found: list[Edit] = []
    for sentence in document.sentences:
        edit = _place_in(document, sentence)
        if edit is not None:
            found.append(edit)
    return found


def _place_in(document: Document, sentence: Sentence) -> Edit | None:
    profile = author_profile(document)
    tokens = sentence.tokens
    if profile is None or not any(t.pos == "VERB" and t.lemma in _HAPPENING for t in tokens):
        return None
    keys = [t.key for t in tokens]
    if any(a == "у" and b == "нас" for a, b in zip(keys, keys[1:])):
        return None  # «у нас хорошая новость: в поликлинике открылся…»: «у нас» twice (judge h28)
    for i, t in enumerate(tokens[:-1]):
        if t.key not in {"в", "во"} or t.protected:
            continue
        adjectives = _adjectives(tokens, i + 1)  # «в Озёрском национальном | музее»
        name = [*tokens[i + 1:i + 1 + adjectives], *_name_after(tokens, i + 1 + adjectives)]
        head = name[adjectives] if len(name) > adjectives else name[0]
        if not name or any(w.protected or w.lemma == "наш" for w in name) or not names_author(profile, head, name):
            continue  # «В нашем саду» is the page's own voice already, and more concrete than «у нас» (judge h32)
        after = tokens[sentence.position(name[-1]) + 1:]
        nxt = after[:1]
        if name[-1].key in ("им", "имени") or (len(after) > 1 and after[0].text == "."):
            continue  # «в библиотеке им. А. С. Пушкина»: the name goes on past the abbreviation (judge h24)
        if nxt and nxt[0].is_word and nxt[0].pos in {"NOUN", "ADJF"} and "gent" in nxt[0].parses[0].grammemes:
            continue  # «в отделе культуры района»: the name goes on, maybe somebody else's
        said = capitalise("у нас") if t.text[:1].isupper() else "у нас"
        return Edit(t.start, name[-1].end, said)
    return None


def _adjectives(tokens: tuple[Token, ...], at: int) -> int:
    """How many adjectives in the prepositional case open the name at ``at`` (three at most), when a
    noun follows them: «Озёрском национальном» of «в Озёрском национальном музее»."""
    n = 0
    while at + n + 1 < len(tokens) and n < 3 and tokens[at + n].is_word and any(
            p.pos == "ADJF" and "loct" in p.grammemes for p in tokens[at + n].parses[:2]):
        n += 1
    return n if n and tokens[at + n].pos == "NOUN" else 0
