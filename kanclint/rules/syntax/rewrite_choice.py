"""Which of KC201's rewrites may be offered: said by the author as «мы», cleaned by the dictionaries,
never the third-person self KC304 would flag.

A rewrite is built by :mod:`.active_rewrite` or :mod:`.impersonal_rewrite`; this module decides
what becomes of it, so that the rule module only reports.
"""

from __future__ import annotations

from kanclint.model import Edit, apply_edits
from kanclint.rules.phrases.cleaning import clean_edits, clean_phrase, word_edit
from kanclint.rules.press_release.voice import in_own_voice
from kanclint.rules.syntax.active_rewrite import _active_rewrite
from kanclint.rules.syntax.impersonal_rewrite import is_author, speaks_of_itself
from kanclint.rules.syntax.light_verbs import has_light_verb, one_verb
from kanclint.rules.syntax.passive_detection import _Passive
from kanclint.rules.syntax.words import EMPTY_VERBS
from kanclint.text.document import Document, Sentence
from kanclint.text.inflection import capitalise
from kanclint.text.syntax_view import _Syntax


def clean_rewrite(document: Document, sentence: Sentence, edit: Edit | None) -> Edit | None:
    """The rewrite with the dictionaries' fixes on the words it wrote; None when none is clean."""
    if edit is None:
        return None
    if document.speaks_as_we:  # «Администрация района провела…» on the administration's page: «Мы провели…»
        local = sentence_text = document.text[sentence.start:sentence.end]
        local = apply_edits(sentence_text, [Edit(edit.start - sentence.start, edit.end - sentence.start, edit.replacement)])
        ours = in_own_voice(local, document.author, document.speaks_as_we)
        if ours != local:
            edit = word_edit(sentence_text, ours, sentence.start)
    return clean_edits(document.text, sentence.start, sentence.end, [edit])


def agent_rewrite(document: Document, syntax: _Syntax, sentence: Sentence, f: _Passive, tense: str,
                  agent_text: str | None) -> tuple[Edit | None, Edit | None]:
    """The active rewrite of a passive with a doer, as built and as it may be offered.

    «Министерство культуры поддержало проект» is the third-person self KC304 flags: it becomes
    «мы» when the doer is the configured author (with ``we = true``, a bare body the post speaks
    for), otherwise nothing is offered.  Returns ``(built, offered)``; both ``None`` when no
    rewrite fits, ``offered`` alone ``None`` when the built one is itself канцелярит.
    """
    text = document.text

    def third_person_self(e: Edit) -> bool:
        return speaks_of_itself(text[sentence.start:e.start] + e.replacement + text[e.end:sentence.end])

    built = _active_rewrite(document, syntax, sentence, f, tense)
    if built is not None and third_person_self(built):
        if agent_text and is_author(document.author, agent_text):
            built = _active_rewrite(document, syntax, sentence, f, tense, as_we=True)
        elif not document.speaks_as_we:
            built = None
    offered = clean_rewrite(document, sentence, built)
    if offered is not None and third_person_self(offered):
        return None, None  # another body: the hint says what to write, nothing is quoted
    if offered is not None and has_light_verb(offered.replacement):
        offered = None  # «Активисты осуществляли помощь»: the doer is named, the predicate is still split
    return built, offered


def advice_in_we_form(f: _Passive, we_verb: str, obj: str | None) -> str | None:
    """«Мы заменили окна» as advice, or ``None`` when it would be flagged itself: «Мы осуществили…»
    (an empty verb and no object to say it with one verb), «Мы провели проверку готовности» (a
    light verb the dictionary cannot collapse here)."""
    if obj:
        phrase = f"мы {we_verb} {obj}"
        if has_light_verb(phrase):
            said = one_verb(phrase)
            return capitalise(said) if said is not None and not has_light_verb(said) else None
        return clean_phrase(capitalise(phrase))
    if f.lemma in EMPTY_VERBS:
        return None
    said = clean_phrase(f"Мы {we_verb}")
    return f"{said}…" if said is not None else None
