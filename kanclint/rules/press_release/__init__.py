"""Press-release shape: the genre a conversational post of a state body must not take.

A press release reports an event to journalists: a dateline, «состоялось»,
officials with their titles and initials, «отметил», «приняли участие», the
organisation naming itself in the third person and no word addressed to the
reader.  Each marker alone is tolerable; together they make a post nobody reads.
The detectors below are plain functions so that KC307 can count the markers the
single rules find without running them twice over different logic.

All rules here are structural (``lexical = False``): a quoted official is itself
a press-release marker, so quotes are read, not skipped.
"""

from __future__ import annotations

from kanclint.rules.press_release.address import press_release_markers
from kanclint.rules.press_release.helpers import opening_sentences, paragraph_openers
from kanclint.rules.press_release.readers import ReaderInThirdPerson
from kanclint.rules.press_release.rules import (
    CeremonialLead,
    NoReaderAddress,
    OfficialTitleLead,
    PressReleaseShape,
    ProtocolVerb,
    ThirdPersonSelf,
    WallOfText,
)

# The entry point ``kanclint.rules: KC3 = "kanclint.rules.press_release"`` reads this list.
RULES = [
    CeremonialLead,
    ProtocolVerb,
    OfficialTitleLead,
    ThirdPersonSelf,
    NoReaderAddress,
    WallOfText,
    PressReleaseShape,
    ReaderInThirdPerson,
]

__all__ = [
    "RULES", "CeremonialLead", "ReaderInThirdPerson", "NoReaderAddress", "OfficialTitleLead", "PressReleaseShape", "ProtocolVerb",
    "ThirdPersonSelf", "WallOfText", "opening_sentences", "paragraph_openers", "press_release_markers",
]
