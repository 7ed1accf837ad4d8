"""The process-wide caches that depend on files on disk, and one way to forget them.

Rules, dictionaries, word lists, the register model and the selections made from them are
read once per process and kept (a lint of a short post must not re-read them). A long-lived
surface — the language server — calls :func:`clear_data_caches` when a watched file changes,
so an edited dictionary or config is seen without a restart. Caches keyed by a word form
(pymorphy3 readings, inflections, parses) depend on nothing on disk and stay.

Word lists a rule module binds at import (``ORGANISATIONS``) keep their values until the
process restarts; everything reached through the registry is rebuilt.
"""

from __future__ import annotations

from typing import Any, Callable

from kanclint import dictionaries, lexicon
from kanclint.engine import config, registry, score, signals
from kanclint.rules.phrases import cleaning, loading
from kanclint.rules.syntax import light_verbs

# Each is a functools cache: ``cache_clear`` forgets what it holds.
DATA_CACHES: tuple[Callable[..., Any], ...] = (
    registry.all_rules,
    loading.load,
    loading.shipped_rules,
    cleaning.clean_phrase,  # the dictionaries' fixes of a phrase, kept per phrase
    light_verbs.has_light_verb,  # answers of the dictionaries, kept per phrase
    light_verbs.one_verb,
    lexicon.word_list,
    lexicon._tables,
    config._selection,
    config._unknown_selector,
    score.load_model,
    signals.lexicon,
    signals._lists,
    dictionaries._id_lines_of_file,
)


def clear_data_caches() -> None:
    """Forget rules, dictionaries, word lists, the register model and every selection made from them."""
    for cached in DATA_CACHES:
        cached.cache_clear()  # type: ignore[attr-defined]
