"""Whether a money figure is a running total: the amount given so far.

A running-total word before the figure ("to date", "since", "brings ... to"), or right after it, makes
the figure a total, unless a rule of :data:`NOT_A_TOTAL` says the word belongs to something else. A
perfect tense of giving ("has provided $X") and an amount spread over counted acts ("$X across 46
transactions") are totals too (:mod:`ledger.context.sum_shapes`). ``NOT_A_TOTAL`` is read top to bottom;
the first rule that matches takes the word away from the figure.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from ledger.context.cues import Cue, is_container
from ledger.context.parts import is_one_thing
from ledger.context.sum_shapes import (
    FUTURE,
    across_many,
    bound_in_perfect,
    gives_in_future,
    holds,
    in_perfect,
    raised_to,
    the_bound,
    to_many_getters,
)
from ledger.context.words import alternation, words

if TYPE_CHECKING:
    from ledger.context.evidence import Evidence

__all__ = ["NOT_A_TOTAL", "running_total"]

#: "$X went to Ukraine" adds up what went there; "When I went to South Korea, ... $X" is a trip.
_MONEY_GOES = frozenset(("went to", "goes to", "go to"))
#: "... over the past decade and today has announced over $810 million": "and", a new verb phrase of its own,
#: and the total word before it belongs to the clause before.
_NEW_PREDICATE = re.compile(rf",?\s+and\s+(?:(?:today|now|yesterday|also|this\s+week)\s+)?"
                            rf"(?:has|have|had|{alternation('auxiliaries')})\s+\w+", re.IGNORECASE)
#: "the largest single commitment since", "our biggest tranche ... to date": a comparison.
_SUPERLATIVE = re.compile(rf"\b(?:{alternation('superlatives')}|most\s+\w+|\w+est\s+(?:ever|single))\b",
                          re.IGNORECASE)
_REACH = 80
#: The running-total words a superlative turns into a comparison.
_COMPARED = frozenset(words("compared_totals"))
#: "a grant of", "an award of up to": one thing named right before its amount.
_ONE_NAMED = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:of\s+)?(?:up\s+to\s+)?$", re.IGNORECASE)
_ONE_NAMED_REACH = 40
#: Words that add parts up; in a clause about the future they sum a new allocation, not a running
#: total ("six appeals will receive a cumulative $33 million: ..."; "brings ... to" stays a total).
_SUMMED = frozenset(words("summing_words"))
#: "$1.1 billion over the next four years", "$X in the coming months": a period to come right after the amount.
_COMING = re.compile(rf"\s+(?:[\w-]+\s+){{0,4}}?(?:{alternation('coming_periods')})\b", re.IGNORECASE)
#: Running-total words that name a period over which amounts add up.
_PERIODS = frozenset(words("period_totals"))
#: "... for a total of over $22 million": the running-total word after a figure introduces the amount after it.
_AMOUNT_NEXT = re.compile(r"\s+(?:of\s+)?(?:[a-z]+\s+){0,3}?(?:(?:[A-Z]{2,3}\s?|US)?[$€£¥₹]\s?\d|[A-Z]{3}\s?\d)")
#: "the President is announcing $331 million ... out of the $645 million total": an announcement being made
#: sums new money.
_ANNOUNCING = re.compile(rf"\b(?:{alternation('announcing_now')})\b", re.IGNORECASE)
#: "President Biden announced that the United States has contributed $150 million", "USAID announced it has
#: delivered an additional $1.5 million": an announcement reports one new act, whatever the tense it is told in.
_ANNOUNCED_THAT = re.compile(r"\bannounc\w*\s+(?:(?:\w+\s+)?that\b|(?:it|they|we)\s+(?:has|have)\b)", re.IGNORECASE)
#: "has disbursed $20 billion to a new World Bank fund": what a perfect tense gives to something new is one act
#: (nothing given before can have gone to it).
_TO_A_NEW = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:to|into|for)\s+(?:a|the)\s+(?:new|newly)\b", re.IGNORECASE)
#: "has made available this week $250 million": a perfect tense of this week or today tells one recent act.
_RECENT = re.compile(rf"\b(?:{alternation('recent_days')})\b[^.;:$]{{0,25}}$", re.IGNORECASE)
#: "$X in previously announced funds": "previously" says when the money's noun was announced, no total.
_IN_OF = re.compile(r"\s+(?:in|of)\s+")


def _compared(ev: Evidence, cue: Cue) -> bool:
    """ "the largest single commitment since 2014": a superlative before the word compares; one before the
    amount when the word comes after it ("the largest donor to Haiti, providing $170 million since ...") does not."""
    lo = max(0, cue.start - _REACH, ev.end if cue.start >= ev.end else 0)
    return cue.text.lower() in _COMPARED and bool(_SUPERLATIVE.search(ev.text, lo, cue.start))


def _one_thing_reaching(ev: Evidence, cue: Cue) -> bool:
    return cue.text.lower().endswith("reach") and any(is_container(c) and c.end <= cue.start for c in ev.lead)


def _one_commitment(ev: Evidence, cue: Cue) -> bool:
    return cue.value == "level" and any(is_container(c) and c.value != "weak" and cue.end <= c.start for c in ev.lead)


def _one_earlier_thing(ev: Evidence, cue: Cue) -> bool:
    """ "previously announced a grant of $660,000", "previously announced that they are investing $3.7 million":
    one earlier act, not a sum."""
    return cue.text.lower() in ("previously", "previous") and bool(
        _ONE_NAMED.search(ev.text, max(0, ev.at - _ONE_NAMED_REACH), ev.at)
        or cue.end <= ev.at and _ANNOUNCED_THAT.search(ev.text, cue.end, ev.at))


def _new_allocation(ev: Evidence, cue: Cue) -> bool:
    """A summing word sums new money in a clause about the future, an announcement being made, a pledge
    ("World leaders pledged a total of $10 billion Thursday") or a period to come ("a total of $1.1 billion
    over the next four years")."""
    verb = ev.verb
    pledge = verb is not None and verb.cls == "give" and verb.value == "pledged" and not in_perfect(ev)
    return cue.text.lower() in _SUMMED and bool(
        FUTURE.search(ev.text, max(0, ev.at - _REACH), ev.at) or _ANNOUNCING.search(ev.text, 0, ev.at) or pledge
        or _COMING.match(ev.text, ev.end))


def _describes_its_noun(ev: Evidence, cue: Cue) -> bool:
    return cue.start >= ev.end and cue.text.lower() in ("previously", "previous") and bool(
        _IN_OF.fullmatch(ev.text, ev.end, cue.start))


def _brought_together(ev: Evidence, cue: Cue) -> bool:
    return cue.text.lower().startswith(("bring", "brought")) and ev.text.startswith(" together", cue.end)


def _said_to_be_new(ev: Evidence, cue: Cue) -> bool:
    """ "an additional $X" is new money, unless a period adds new amounts up ("Since the invasion,
    America has committed another $1.35 billion"); so is one being announced, whatever period words follow
    it ("today I'm announcing another $2.9 billion ... for this year alone")."""
    if not ev.new_amount():
        return False
    if cue.end > ev.at:
        return _ANNOUNCING.search(ev.text, 0, ev.at) is not None
    return cue.text.lower() not in _PERIODS or not in_perfect(ev)


def _one_thing(ev: Evidence, cue: Cue) -> bool:
    return cue.end <= ev.at and is_one_thing(ev.text[:ev.at])


def _total_named_next(ev: Evidence, cue: Cue) -> bool:
    return cue.start >= ev.end and _AMOUNT_NEXT.match(ev.text, cue.end) is not None


#: A currency sign or code before a number: an amount of money.
_AN_AMOUNT = re.compile(r"(?:[$€£¥₹]|\b[A-Z]{3}\s?)\d")


def _reaches_people(ev: Evidence, cue: Cue) -> bool:
    """ "a $50 million Center ... designed to reach 500,000 women", "expanding DREAMS to reach more girls ... and
    invest $360 million": "reach" with no amount of money right after it counts people served, not money."""
    return cue.text.lower().endswith("reach") and _AMOUNT_NEXT.match(ev.text, cue.end) is None


def _amount_between(ev: Evidence, cue: Cue) -> bool:
    return cue.start >= ev.end and _AN_AMOUNT.search(ev.text, ev.end, cue.start) is not None


def _portfolio_after(ev: Evidence, cue: Cue) -> bool:
    return cue.value == "portfolio" and cue.start >= ev.end


def _already_announced(ev: Evidence, cue: Cue) -> bool:
    verb = ev.verb
    return cue.text.lower() == "already" and verb is not None and verb.value == "pledged"


#: "builds on USAID's announcement earlier this year committing $150 million": a noun of one act between
#: "builds on" and the amount.
_ONE_ACT = re.compile(rf"\b(?:announcement|{alternation('one_act_nouns')})s?\b", re.IGNORECASE)
#: "builds on DFC's $10 million loan to ...": the noun of one act right after the amount (not "$X in grants").
_ONE_ACT_AFTER = re.compile(rf"\s+(?:(?!in\b|of\b)[\w-]+\s+)?(?:announcement|{alternation('one_act_nouns')})\b",
                            re.IGNORECASE)


def _builds_on_one_act(ev: Evidence, cue: Cue) -> bool:
    """What a new act builds on is one earlier act when an act's noun stands between ("This builds on the
    United States' announcement two weeks ago of nearly $54 million"), not a sum ("builds on the $6.9
    billion already committed this year")."""
    return cue.value == "next" and cue.text.lower().startswith("buil") and cue.end <= ev.at and bool(
        _ONE_ACT.search(ev.text, cue.end, ev.at) or _ONE_ACT_AFTER.match(ev.text, ev.end)
        or ":" in ev.text[cue.end:ev.at])  # "pledges to keep building on this record: $X from France; ...": the
    # list after the colon holds the new acts, not what they build on


#: ", where we pledged $X", ", when the US announced $X": a clause of its own about one place or time.
_WHERE_CLAUSE = re.compile(r",\s+(?:where|when)\s+", re.IGNORECASE)


def _another_clause(ev: Evidence, cue: Cue) -> bool:
    """ "These actions build on ... last week's ministerial in Guatemala, where we pledged $578 million": a
    clause about one place or time opens between the word and the amount's verb; the word is not its."""
    verb = ev.verb
    if verb is None or cue.end > ev.at:
        return False
    return _WHERE_CLAUSE.search(ev.text, cue.end, verb.start) is not None


def _coming_period(ev: Evidence, cue: Cue) -> bool:
    """ "Florida is already set to receive $13 billion over the next five years": money spread over a
    period to come has not been given yet, whatever total word stands before it."""
    return cue.end <= ev.at and cue.value != "next" and _COMING.match(ev.text, ev.end) is not None


def _future_act(ev: Evidence, cue: Cue) -> bool:
    verb = ev.verb
    if verb is None or cue.end > verb.start or cue.value == "level" or not gives_in_future(ev):
        return False
    perfect = ev.perfect  # "has invested and aims to provide $X": a total and a plan, one predicate
    return perfect is None or perfect.end > verb.start or "," in ev.text[perfect.end:verb.start]


Rule = tuple[str, str, Callable[["Evidence", Cue], bool]]

#: When a running-total word does not make the figure a total: each rule a name, an example and a test.
NOT_A_TOTAL: tuple[Rule, ...] = (
    ("a-comparison", "our biggest tranche of security assistance to date", _compared),
    ("one-thing-reaching", "this package, expected to reach €2 billion", _one_thing_reaching),
    ("one-commitment", "received a conditional commitment of up to $150 million", _one_commitment),
    ("one-earlier-thing", "previously announced a grant of $660,000", _one_earlier_thing),
    ("sum-of-a-new-allocation", "six appeals will receive a cumulative $33 million; announcing $331 million out "
     "of the $645 million total", _new_allocation),
    ("describes-its-noun", "redirecting $324 million in previously announced funds", _describes_its_noun),
    ("brought-together", "the President is bringing together key partners and announcing $331 million",
     _brought_together),
    ("one-thing", "In 2024, Pensana received a $3.4 million grant from DFC", _one_thing),
    ("a-total-named-next", "$8 million from State and $4 million from USAID for a total of $22 million",
     _total_named_next),
    ("reaches-people", "invest approximately $360 million to reach over 2.9 million girls", _reaches_people),
    ("a-portfolio-named-after-its-size", "a $15 million loan portfolio guaranty; managed a $750 million portfolio",
     _portfolio_after),
    ("another-amount-between", "a new contribution of $308 million, and we have provided $516 million since August",
     _amount_between),
    ("already-announced", "We've already announced $308 million to the UN's appeal", _already_announced),
    ("said-to-be-new", "funding to date, USAID is supporting Vietnam with an additional $23 million; announcing "
     "another $2.9 billion for this year alone",
     _said_to_be_new),
    ("builds-on-one-act", "This builds on USAID's announcement earlier this year committing $150 million; "
     "builds on DFC's $10 million loan to Seba Foods",
     _builds_on_one_act),
    ("over-a-coming-period", "already set to receive $13 billion over the next five years", _coming_period),
    ("another-clause", "These actions build on last week's ministerial in Guatemala, where we pledged $578 million",
     _another_clause),
    ("a-future-act", "Building on previous support, the DFC will invest $30 million", _future_act),
)


def running_total(ev: Evidence) -> Cue | None:
    """The running-total word, perfect of giving or count of acts that makes the figure a total, or None."""
    # (after the amount, a level word or a bare "total" is its own only next to it: not "to mobilize up to $500
    # million ... to ensure the project reaches financial close", "wasting millions of dollars on a total hoax")
    said = [*(c for c in ev.lead if c.cls == "total" and c.text.lower() not in _MONEY_GOES
              and not _NEW_PREDICATE.search(ev.text, c.end, ev.at)),
            *(c for c in ev.after if c.cls == "total" and c.value != "next"
              and (c.value != "level" and c.text.lower() != "total" or ev.next_to(c)))]
    cue = next((c for c in said if not any(rule(ev, c) for _name, _example, rule in NOT_A_TOTAL)), None)
    if cue is None and ev.perfect is not None and (
            ev.new_amount() or gives_in_future(ev) or is_one_thing(ev.text[:ev.at])
            or _ANNOUNCED_THAT.search(ev.text, 0, ev.perfect.start) or _TO_A_NEW.match(ev.text, ev.end)
            or _RECENT.search(ev.text, ev.perfect.start, ev.at) or _COMING.match(ev.text, ev.end)):
        return None  # "has committed $1 billion in new assistance", "..., and will send $X", "announced that the
        # United States has contributed $150 million", "has disbursed $20 billion to a new fund", "has made
        # available this week $250 million", "have extended $7.1 billion over the next 20 years": a new package
    return (cue or ev.perfect or across_many(ev) or bound_in_perfect(ev) or holds(ev) or the_bound(ev)
            or raised_to(ev) or to_many_getters(ev))
