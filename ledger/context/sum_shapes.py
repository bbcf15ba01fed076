"""Amounts written as sums without a running-total word: a perfect tense of giving, a bound in the perfect,
"the over $X", what a giver holds in acts, an amount spread over counted acts.

:func:`ledger.context.running_total.running_total` reads these after its running-total words; the verb's
tense (:func:`in_perfect`, :func:`gives_in_future`) is shared with its rules.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ledger.context.cues import Cue, is_container
from ledger.context.words import alternation, words

if TYPE_CHECKING:
    from ledger.context.evidence import Evidence

__all__ = ["FUTURE", "across_many", "bound_in_perfect", "gives_in_future", "holds", "in_perfect", "raised_to",
           "shared_perfect", "the_bound", "to_many_getters"]

#: Words of the future: a clause about what will be given ("will bring ... to" still tells a total).
FUTURE = re.compile(rf"\b(?:{alternation('future')})\b(?!\s+(?:bring|brings|raise|take)\b)", re.IGNORECASE)
_REACH = 80

#: "has committed", "have already sent": the auxiliary of a perfect tense, before its verb (not "has decided
#: to offer $X": a decision to give is an act still to come).
_HAS = re.compile(r"\b(?:has|have|had|['’]ve)\s+(?:(?!to\b)[\w-]+\s+){0,2}?(?:been\s+)?$", re.IGNORECASE)
_HAS_REACH = 30

#: "... and invested $94 million", "... and also provided": a participle after "and", with no subject of its own.
_AND = re.compile(r"\band\s+(?:(?:also|then|since)\s+)?$", re.IGNORECASE)
_AND_REACH = 40
#: An amount between a participle and the figure: the participle is that amount's verb.
_AN_AMOUNT = re.compile(r"[$€£¥₹]\s?\d|\b[A-Z]{3}\s?\d|\d\s+(?:million|billion)\b")


def shared_perfect(found: tuple[Cue, ...], text: str, at: int) -> Cue | None:
    """The perfect of the sentence's first verb of giving when the figure at ``at`` is the object of a participle
    joined to it by "and" ("The U.S. has donated 65 million doses ... and invested more than $94 million"): the
    auxiliary is shared, so is the tense."""
    joined = next((c for c in found if c.cls == "given" and c.end <= at and at - c.end <= _AND_REACH
                   and _AND.search(text, max(0, c.start - 20), c.start)
                   and not _AN_AMOUNT.search(text, c.end, at)), None)
    if joined is None:
        return None
    return next((c for c in found if c.cls == "given" and c.end <= joined.start
                 and _HAS.search(text, max(0, c.start - _HAS_REACH), c.start)), None)


#: "will invest $X", "plans to provide $X", "will soon send $X": a verb of giving in the future (the
#: future word may be a part of the verb's cue, as in "plans to provide").
_FUTURE_VERB = re.compile(rf"\b(?:{alternation('future')})(?:\s+[\w'’-]+){{1,2}}$", re.IGNORECASE)

#: "$X across 46 transactions", "$X in more than 300 grants": an amount spread over counted acts.
_ACROSS_MANY = re.compile(rf"\s+(?:in|across|through|over|for)\s+(?:more\s+than\s+|over\s+|nearly\s+|some\s+|about\s+)?"
                          rf"\d[\d,]*\s+(?:[\w-]+\s+)?(?:{alternation('counted_acts')})\b", re.IGNORECASE)
#: "channeled over $2.5 million to human rights defenders ... across 28 countries", "invested $86 million in 27
#: countries": ten or more counted getters after the amount, in its clause.
_TO_MANY_GETTERS = re.compile(r"[^.;:$€£]{0,100}?\b(?:in|across|to|among|for)\s+(?:more\s+than\s+|over\s+|nearly\s+|"
                              rf"some\s+|about\s+)?(?:\d{{2,}}|dozens\s+of)\s+(?:[\w-]+\s+){{0,2}}?"
                              rf"(?:{alternation('counted_getters')})\b", re.IGNORECASE)
#: Verbs whose acts a count of getters sums: giving done or undated ("disbursed", "delivered", "provided": "-")
#: and spending ("invested": "verb"); not a pledge, a commitment, a request or a law.
_DONE = frozenset(("disbursed", "delivered", "-", "verb"))
#: A verb written in the past ("channeled", "gave", "spent").
_PAST = re.compile(r"(?:ed|gave|sent|spent|lent)$", re.IGNORECASE)
#: "has committed over $500 million": a bound right before the amount.
_BOUND = re.compile(rf"\b(?:{alternation('bounds_of_a_sum')})\s+$", re.IGNORECASE)
_BOUND_REACH = 20
#: "the over $3 billion", "the more than $X": a bound after the definite article.
_THE_BOUND = re.compile(rf"\bthe\s+(?:{alternation('bounds_of_a_sum')})\s+$", re.IGNORECASE)

#: What follows a participle that describes the amount before it: a preposition or the clause's end ("$X in
#: grants provided to survivors"; not "... and spent $213 million", whose participle has its own object).
_PARTICIPLE_END = re.compile(rf"\s*(?:[,.;:)—–]|$|(?:{alternation('phrase_breaks')}|since|so)\b)", re.IGNORECASE)
#: "more than $300 million approved for survivors": participles of committing that describe an amount.
_COMMITTED = frozenset(words("committed_participles"))
#: Between an amount and a past participle of giving that describes it ("$330 million in grants provided"; not
#: "60 cents of every dollar a consumer spent", where a new subject comes first).
_PARTICIPLE_GAP = re.compile(rf"\s*(?:(?!(?:{alternation('subject_starts')})\b)[\w'’-]+\s+){{0,6}}", re.IGNORECASE)
#: "has more than $X in commitments": present "has" right before the amount (a bound between), and plural
#: acts of giving right after it.
_HAS_BEFORE = re.compile(rf"(?<!\bwill\s)\b(?:has|have)\s+(?:(?:{alternation('bounds_of_a_sum')})\s+)?$", re.IGNORECASE)
_IN_ACTS = re.compile(rf"\s+in\s+(?:[\w-]+\s+){{0,2}}?(?:{alternation('held_acts')})\b"
                      r"(?!\s+(?:available|remaining|left)\b)", re.IGNORECASE)

#: Stages of a verb that asks or plans, never a sum given so far.
_NOT_GIVEN = frozenset(("requested", "proposed", "appropriated"))


def in_perfect(ev: Evidence) -> bool:
    """The figure is given in a perfect tense ("has provided $X", "have committed another $X")."""
    verb = ev.verb
    return ev.perfect is not None or verb is not None and bool(
        _HAS.search(ev.text[max(0, verb.start - _HAS_REACH):verb.start]))


def gives_in_future(ev: Evidence) -> bool:
    """The verb that governs the figure gives or spends in the future ("will invest $X")."""
    verb = ev.verb
    if verb is None or verb.cls not in ("give", "spend"):
        return False
    return bool(_FUTURE_VERB.search(ev.text[max(0, verb.start - 30):verb.end]))


def the_bound(ev: Evidence) -> Cue | None:
    """ "when we talk about the over $3 billion of support in Angola": a bound after "the" points at a sum of
    aid already known, a total so far; not money that is no aid ("the nearly $30 billion in junk fees"), a
    container written onto the amount ("the more than $1 billion package": one thing), nor new money."""
    m = _THE_BOUND.search(ev.text, max(0, ev.at - _BOUND_REACH), ev.at)
    own, verb = ev.own, ev.verb
    aid = own is not None and own.cls == "aid" or verb is not None and verb.cls == "give"
    written_on = own is not None and is_container(own) and 0 <= own.start - ev.end <= 1
    if m is None or not aid or written_on or ev.new_amount():
        return None
    return Cue(m.start(), m.end(), "total", "-", m.group(0).strip())


def holds(ev: Evidence) -> Cue | None:
    """ "DFC has more than $11 billion in commitments across Africa": what a giver has in acts of giving is
    what it holds so far (not "will have", nor "has $5 million available")."""
    has = _HAS_BEFORE.search(ev.text, max(0, ev.at - _BOUND_REACH), ev.at)
    m = _IN_ACTS.match(ev.text, ev.end) if has is not None else None
    return Cue(has.start(), has.end(), "total", "-", has.group(0).strip()) if m else None


def bound_in_perfect(ev: Evidence) -> Cue | None:
    """ "the U.S. Government has committed over $500 million", "has awarded more than $885 million", "more
    than $330 million in grants provided": one act of giving has an exact size, so an amount given in the
    perfect or a past participle and written as a bound is the sum of the acts so far (not "has committed
    over $1 billion in new aid", nor "has asked for over $X")."""
    verb = ev.verb
    participle = next((c for c in ev.after if (c.cls == "given" or c.cls == "give" and c.text.lower() in _COMMITTED)
                       and _PARTICIPLE_GAP.fullmatch(ev.text, ev.end, c.start)
                       and _PARTICIPLE_END.match(ev.text, c.end)), None)  # "$330 Million in Federal Grants Provided to"
    if participle is None and (verb is None or verb.cls != "give" or verb.value in _NOT_GIVEN or not in_perfect(ev)):
        return None
    if ev.new_amount() or gives_in_future(ev) or not _BOUND.search(ev.text, max(0, ev.at - _BOUND_REACH), ev.at):
        return None
    return participle or verb


def across_many(ev: Evidence) -> Cue | None:
    """ "committed over $2 billion across 46 transactions": the sum of a counted number of acts,
    unless the clause speaks of the future ("will invest $X in 12 projects" is one new allocation)."""
    m = _ACROSS_MANY.match(ev.text, ev.end)
    if m is None or FUTURE.search(ev.text, max(0, ev.at - _REACH), ev.at):
        return None
    return Cue(m.start(), m.end(), "total", "-", m.group(0).strip())


def to_many_getters(ev: Evidence) -> Cue | None:
    """ "In 2024, USAID channeled over $2.5 million to human rights defenders ... across 28 countries": money
    a past verb of giving says went to ten or more counted getters is the sum of many grants, not one package
    (not "announced $30 million for 17 countries", a new pledge, nor "will provide $X to 12 countries")."""
    verb = ev.verb
    if verb is None or verb.cls not in ("give", "spend") or verb.value not in _DONE:
        return None
    if not _PAST.search(verb.text) or verb.end > ev.at:
        return None
    m = _TO_MANY_GETTERS.match(ev.text, ev.end)
    if m is None or FUTURE.search(ev.text, max(0, ev.at - _REACH), ev.at):
        return None
    return Cue(m.start(), m.end(), "total", "-", m.group(0).strip().split()[-1])


#: "has increased its commitment of budget and economic support to Ukraine to $39 billion", "raised its pledge
#: to $7 billion": a verb of raising, the giver's own commitment, then "to" right before the amount.
_RAISED_TO = re.compile(r"\b(?:increas|rais|boost)\w*\s+(?:its|their|our|the)\s+(?:[\w'’-]+\s+){0,10}?to\s+"
                        rf"(?:(?:{alternation('before_an_amount')})\s+)?$", re.IGNORECASE)
_RAISED_REACH = 120


def raised_to(ev: Evidence) -> Cue | None:
    """An amount a commitment, pledge or aid is raised to is the level it now reaches, a total so far (not
    "increased its aid to Sudan by $20 million": the size of a change)."""
    m = _RAISED_TO.search(ev.text, max(0, ev.at - _RAISED_REACH), ev.at)
    if m is None or not any(c.cls == "aid" and m.start() <= c.start for c in ev.before):
        return None
    return Cue(m.start(), m.end(), "total", "level", m.group(0).split()[0])

