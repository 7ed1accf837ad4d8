"""KC302's fix: «глава района отметил, что…» → «глава района сказал, что…».

A protocol verb that introduces reported speech («отметил, что», «подчеркнула, что»,
«сообщили, что») says no more than «сказал» does, and «сказал» is what a person would write.
The verb keeps its gender and number; a neuter subject is a body or a paper («министерство
сообщило»), which writes rather than says, so it keeps its verb.  Anything else after it («подчеркнул важность ремонта»)
changes the sentence's grammar, so there the finding stays advice.  So does a verb that says more
than «сказал»: «добавил» (in addition), «подчеркнула» (with emphasis), «напомнил», «пояснил».
"""

from __future__ import annotations

from kanclint.model import Edit
from kanclint.rules.press_release.helpers import Marker
from kanclint.text.document import Document
from kanclint.text.inflection import inflect_word, match_case


# verbs of speech that say more than «сказать»: the author keeps them or rewords
_SAYS_MORE = frozenset({"добавить", "добавлять", "подчеркнуть", "подчёркивать", "подчеркивать", "акцентировать",
                        "напомнить", "напоминать", "пояснить", "пояснять", "уточнить", "уточнять"})


def said_edit(document: Document, marker: Marker) -> Edit | None:
    """«отметил, что» → «сказал, что»; None unless the verb introduces a «что» clause."""
    for sentence in document.sentences:
        if not sentence.start <= marker.start < sentence.end:
            continue
        tokens = sentence.tokens
        at = next((i for i, t in enumerate(tokens) if t.start == marker.start), None)
        if at is None or at + 2 >= len(tokens):
            return None
        verb, comma, that = tokens[at], tokens[at + 1], tokens[at + 2]
        if comma.text != "," or that.key != "что":
            return None
        reading = next((p for p in verb.parses if p.pos == "VERB" and "past" in p.grammemes), None)
        if reading is not None and reading.lemma in _SAYS_MORE:
            return None  # «добавил, что…» → «сказал, что…» would drop «in addition»
        if reading is not None and "neut" in reading.grammemes:
            return None  # «министерство сообщило», «СибМедиа сообщало»: a body or a paper does not «сказало»
        said = inflect_word("сказать", reading) if reading is not None else None
        if said is None:
            return None
        return Edit(verb.start, verb.end, match_case(verb.text, said))
    return None
