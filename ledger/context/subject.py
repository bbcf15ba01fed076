"""The subject of the verb that governs a figure: who gives ("Australia announced its intention to
provide $13 million", "General Electric and Standard Bank will provide $80 million").

The subject is read back from the verb to the last clause break: an actor of the gazetteer (or
"we") there is the giver; a name that is no actor (a firm, a person) means the giver is someone
the ledger does not know — not the publisher; nothing named leaves the publisher as the giver.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ledger.context.mentions import Actors

__all__ = ["Subject", "subject_of"]

#: Where the subject of a verb may begin: the last clause break before it.
_BREAK = re.compile(r"[.;:!?—–(\[]|,\s+(?:and|but|while|as|which|who|that)\b|^")
#: A capitalised word that names someone ("General Electric"); sentence-initial function words,
#: titles and months do not.
_NAME = re.compile(r"\b(?!(?:The|A|An|This|That|These|Those|It|Its|They|Their|In|On|At|As|By|For|To|With|And|But|"
                   r"Today|Yesterday|Also|Additionally|Together|Since|Over|Under|Through|Last|Next|This|Now|"
                   r"Mr|Ms|Mrs|Dr|President|Vice|Secretary|Minister|Prime|Chancellor|Ambassador|Administrator|"
                   r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|"
                   r"June|July|August|September|October|November|December)\b)[A-Z][\w&'’.-]+")
#: "A, B and C will provide": coordinated subjects share the verb; the first of them leads.
_COORDINATION = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)$")


@dataclass(frozen=True, slots=True)
class Subject:
    actor: str | None  # the giver named as the subject (canonical, or "@self" for "we")
    unknown: bool  # a name that is no actor stands as the subject: the giver is not the publisher


def subject_of(actors: Actors, verb_at: int | None) -> Subject:
    """The subject of the verb starting at ``verb_at`` in the sentence ``actors`` was read from."""
    if verb_at is None:
        return Subject(None, False)
    text = actors.text
    start = max((m.end() for m in _BREAK.finditer(text, 0, verb_at)), default=0)
    named = [m for m in actors.donors if start <= m.start and m.end <= verb_at]
    if named:
        first = len(named) - 1
        while first > 0 and _COORDINATION.match(text[named[first - 1].end:named[first].start]):
            first -= 1
        return Subject(named[first].canonical, False)
    span = text[start:verb_at]
    return Subject(None, _NAME.search(span) is not None)
