"""Phrase fixes that speak in the page's own «мы»: applied only where the post already does.

«В музее состоится открытие выставки» → «приглашаем на открытие» is a good fix for a museum that
writes «мы»; in a post in the third person it puts an unnamed «мы» beside a place that is now
nobody's («в краеведческом музее приглашаем…», judge h29).  «Приглашаются все желающие» →
«Приглашаем всех» needs the page's «мы» as well; the third person «Приглашают всех» leaves the
reader asking who invites (judges h23, h29), so without «мы» both stay options for the author.
"""

from __future__ import annotations

from kanclint.model import Edit
from kanclint.patterns import Match
from kanclint.rules.phrases.clauses import OFFER_ONLY
from kanclint.rules.phrases.preposition_context import _in_place
from kanclint.text.document import Document, Sentence
from kanclint.text.our_voice import says_we


def with_our_voice(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """The dictionary's own fix (``None``) in a post that speaks as «мы», else an option only."""
    return None if _ours(document) else OFFER_ONLY


def invite_as_we(document: Document, sentence: Sentence, m: Match) -> Edit | None:
    """«Приглашаются все желающие» → «Приглашаем всех» in a post that speaks as «мы», else an option."""
    return _in_place(document, m, "приглашаем всех") if _ours(document) else OFFER_ONLY


def _ours(document: Document) -> bool:
    """The page's «мы»: configured (``we``, ``author``) or already in the post's own words."""
    return document.speaks_as_we or document.shared(says_we)
