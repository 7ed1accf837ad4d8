"""A body of the region or the state named in a post about a district, a town or a village.

«Министерство строительства области сообщает, что в районе построят ФОК» on a district's page is
another body speaking: KC304 does not turn it into «Сообщаем», and KC201 does not give its acts to
«мы».  A name that says where it works locally («Администрация Кировского района Тверской области»)
is the local body itself.
"""

from __future__ import annotations

from typing import Iterable

from kanclint.text.document import Document, Token

# words of a name that place a body in the region or the state
REGIONAL = frozenset({"края", "области", "республики", "россии", "рф", "федеральное", "федеральная",
                      "федеральный", "краевое", "краевой", "краевая", "областное", "областной", "областная",
                      "региональное", "региональный", "региональная"})
# lemmas of a district, a town or a village
LOCAL = frozenset({"район", "районный", "поселение", "сельсовет", "город", "городской", "село", "посёлок", "поселок"})


def local_post(document: Document) -> bool:
    """The post speaks of a district, a town or a village."""
    return any(t.lemmas & LOCAL for t in document.tokens if t.is_word)


def regional_name(name: Iterable[Token]) -> bool:
    """A name with a word of the region or the state and none of a locality («Министерство
    строительства области», not «Администрация Кировского района Тверской области»)."""
    words = [t for t in name if t.is_word]
    return any(t.key in REGIONAL for t in words) and not any(t.lemmas & LOCAL for t in words)


def regional_body_in_local_post(document: Document, name: Iterable[Token]) -> bool:
    """A regional or federal body named in a post about a locality: not the page itself."""
    return regional_name(name) and document.shared(local_post)
