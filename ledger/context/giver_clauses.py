"""Givers named outside the main clause of a figure's sentence.

- a relative clause right after the amount: "the $2 billion that the United States has provided", "the $10
  million Australia has already committed", "a $2 billion project, which the UAE is helping to fund"
  (:func:`relative_giver`);
- an opening phrase whose "its" points at the main clause's subject: "As part of its $10 million commitment
  to ..., India will provide" (:func:`fronted_owner`);
- of two actors joined as the subject, the one that is not the getter: "The United States and Kenya announced
  a $7 million partnership to modernise Kenya's police" (:func:`pair_giver`).

Used by :mod:`ledger.context.actors`: a giver so named wins over the subject of the main clause.
"""
from __future__ import annotations

import re

from ledger.context.mentions import Actors
from ledger.context.words import alternation
from ledger.text.gazetteer import Mention

__all__ = ["fronted_owner", "pair_giver", "relative_giver"]

#: "$X that the United States has provided", "$X in aid which Japan pledged": a relative clause after the amount.
_RELATIVE_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:that|which)\s+(?:the\s+)?")
#: "a $2 billion project, which the UAE is helping to fund": the same after the amount's noun and a comma; the
#: actor must then fund it (not "a $5 million grant, which the UN will distribute": a channel).
_RELATIVE_COMMA = re.compile(r"\s+(?:[\w-]+\s+){0,2}?[\w-]+,\s+which\s+(?:the\s+)?")
_FUNDS_AFTER = re.compile(rf"\s+(?:(?:{alternation('between_subject_and_verb')}|helping|helps|help|to)\s+){{0,4}}"
                          rf"(?:{alternation('relative_funding_verbs')})\b", re.IGNORECASE)
#: "the $10 million Australia has already committed", "the $54 billion commitment the EU made": a relative
#: clause without "that" (after the amount's noun, if any): its subject right after them, and a perfect
#: or a past verb of giving right after the subject.
_ZERO_RELATIVE = re.compile(r"\s+(?:[a-z][\w-]*\s+)?(?:the\s+)?")
_PERFECT_AFTER = re.compile(rf"\s+(?:has|have|had|(?:{alternation('zero_relative_verbs')}))\b")
#: "the more than $100 billion our European allies and partners have already dedicated": a relative clause whose
#: subject is givers of a kind, named by a plural noun only: several givers, none of them named.
_GROUP_RELATIVE = re.compile(rf"\s+(?:[a-z][\w-]*\s+)?(?:(?:that|which)\s+)?(?:our|their|its|other|the)\s+"
                             rf"(?:[\w-]+\s+){{0,2}}?(?:allies|{alternation('many_givers')})"
                             r"(?:\s+and\s+(?:allies|partners))?\s+(?:have|has|had)\b")
#: "the United States and Japan": two givers joined.
_AND_GAP = re.compile(r",?\s+and\s+(?:the\s+)?")


def relative_giver(actors: Actors, end: int) -> tuple[str | None, bool]:
    """ "the more than $15.2 billion that the United States has provided": the subject of a relative
    clause right after the amount ending at ``end`` gives it; and whether a second giver is joined to it
    ("the $8 million that the United States and Japan pledged": several givers). Without "that", the
    subject must be followed by a perfect or a past verb of giving ("the $10 million Australia has already
    committed"); after a comma, by a verb of funding ("a $2 billion project, which the UAE is helping to fund");
    givers named by a plural noun only give together ("the $100 billion our allies and partners have dedicated")."""
    text = actors.text
    if _GROUP_RELATIVE.match(text, end):
        return None, True
    rel = _RELATIVE_AFTER.match(text, end)  # (with "that" or "which" and no giver right after it: none)
    m = _subject_after(actors, rel, None) if rel is not None else (
        _subject_after(actors, _RELATIVE_COMMA.match(text, end), _FUNDS_AFTER)
        or _subject_after(actors, _ZERO_RELATIVE.match(text, end), _PERFECT_AFTER))
    if m is None:
        return None, False
    joint = any(o.canonical != m.canonical and _AND_GAP.fullmatch(text, m.end, o.start) for o in actors.donors)
    return m.canonical, joint


def _subject_after(actors: Actors, rel: re.Match[str] | None, verb: re.Pattern[str] | None) -> Mention | None:
    """The giver right where the relative clause ``rel`` begins, followed by ``verb`` when one is asked for."""
    m = next((m for m in actors.donors if rel is not None and m.start == rel.end()), None)
    return m if m is not None and (verb is None or verb.match(actors.text, m.end)) else None


#: "As part of its $10 million commitment to ..., India will provide", "Through $3.3 billion in loans, Japan will":
#: "its", or an amount that opens the sentence after "Through", points ahead at the main clause's subject.
_FRONTED_ITS = re.compile(r"^\W*(?:(?:[A-Z][a-z]+(?:\s+[a-z]+){0,2}\s+)?(?:its|their)\s+(?:[\w-]+\s+){0,2}|"
                          rf"(?:Through|Via)\s+(?:(?:{alternation('bounds_of_a_sum')}|up\s+to|about)\s+)?)$")
_SUBJECT_NEXT = re.compile(r",\s*(?:the\s+)?$")


def fronted_owner(actors: Actors, at: int) -> str | None:
    """The main clause's subject that a possessive pronoun before the amount, in an opening phrase, points at
    ("As part of its $10 million commitment to the WHO's initiative, India will provide ...": India's)."""
    if _FRONTED_ITS.match(actors.text[:at]) is None:
        return None
    comma = actors.text.find(",", at)
    after = [m for m in (*actors.donors, *actors.recipients) if comma >= 0 and m.start > comma and m.kind != "self"]
    first = min(after, key=lambda m: m.start, default=None)
    return first.canonical if first and _SUBJECT_NEXT.match(actors.text[comma:first.start]) else None


def pair_giver(actors: Actors, at: int, pair: tuple[str, ...], got: str | None) -> str | None:
    """Of two actors joined as the subject, the one that gives when the other is the getter ("... to
    modernise Kenya's police"); none when the getters named after the amount include both ("for U.S. and
    Japanese students")."""
    other = next((a for a in pair if a != got), None) if got in pair else None
    named_after = {m.canonical for m in (*actors.donors, *actors.recipients, *actors.holders) if m.start > at}
    return None if other in named_after else other
