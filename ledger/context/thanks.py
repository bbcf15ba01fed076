"""Who is thanked for money gave it: the three ways a sentence thanks a giver.

- the subject of a verb of giving: "Zelenskyy thanked the Saudis for giving $X" (:func:`thanked_subject`);
- the giver of an amount thanked for from afar: "will thank President Duda and the Polish people for the
  $3.8 billion" (:func:`thanked_for`);
- the owner of an amount thanked for right after its name: "to thank her and the European Union for a
  significant financial aid package ... some $50 billion" (:func:`thanked_owner`).

A speaker who thanks "you" in a transcript thanks the host (:func:`ledger.context.turns.thanked_host`).
"""
from __future__ import annotations

import re

from ledger.context.mentions import Actors
from ledger.context.words import alternation

__all__ = ["thanked_for", "thanked_owner", "thanked_subject"]

#: "thanked the Saudis | for | giving": the one thanked, and the gerund of what they did.
_THANKING = r"\bthank(?:s|ed|ing)?"
_THANK = re.compile(rf"{_THANKING}\s+(?:the\s+)?$", re.IGNORECASE)
#: "for giving", "for its recent pledge to provide": what the thanked one did, right before the verb; an
#: aside may stand between ("Japan, the new G7 president, for ...").
_FOR_GIVING = re.compile(r"(?:\s*,[^,;]{1,60},)?\s+for\s+(?:(?:its|their|his|her)\s+(?:[\w-]+\s+){0,3}?)?(?:\w+\s+)?")
#: "thank President Duda and, in fact, the Polish ...": a thanking verb a few words before the one thanked.
_THANK_BEFORE = re.compile(rf"{_THANKING}\b[^.;:]{{0,60}}$", re.IGNORECASE)
#: "... the Polish people for the $3.8 billion": what lies between a thanked giver and the money it is thanked for.
_FOR_THE_MONEY = re.compile(r"[^.;:]{0,60}?\bfor\s+(?:the\s+|their\s+|its\s+)?(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)
#: "to thank her and the European Union for": the actor thanked right after the verb (for money named after it).
_THANKED = re.compile(rf"{_THANKING}\s+(?:(?:her|him|them|you)\s+and\s+)?(?:the\s+)?"
                      rf"(?:(?:{alternation('leader_titles')})\s+)?$", re.IGNORECASE)
_FOR_IT = re.compile(r"\s+for\s+[^,;:.]*?(?:,\s+(?:some|about|nearly|over|more\s+than)\s+)?")


def thanked_subject(named: list, text: str, verb_at: int) -> str | None:
    """ "Zelenskyy thanked the Saudis for giving $X", "We thank Japan, the new G7 president, for its recent
    pledge to provide $X": who is thanked for giving gives (``named``: the actors before the verb)."""
    thanked = next((m for m in named if _THANK.search(text, max(0, m.start - 25), m.start)), None)
    if thanked is not None and _FOR_GIVING.fullmatch(text, thanked.end, verb_at):
        return thanked.canonical
    return None


def thanked_for(actors: Actors, at: int, thank: re.Pattern[str] = _THANK_BEFORE, reach: int = 70,
                between: re.Pattern[str] = _FOR_THE_MONEY) -> str | None:
    """Who is thanked for the amount at ``at`` gave it: ``thank`` within ``reach`` characters before the actor,
    ``between`` it and the amount ("will thank President Duda and the Polish people for the $3.8 billion")."""
    return next((m.canonical for m in (*actors.donors, *actors.recipients) if m.end <= at and m.kind != "self"
                 and thank.search(actors.text, max(0, m.start - reach), m.start)
                 and between.fullmatch(actors.text, m.end, at)), None)


def thanked_owner(actors: Actors, at: int) -> str | None:
    """The actor thanked right after the thanking verb, for the amount at ``at`` ("to thank her and the
    European Union for a significant financial aid package ... some $50 billion"; not "for hosting the
    talks, and we")."""
    return thanked_for(actors, at, _THANKED, 30, _FOR_IT)
