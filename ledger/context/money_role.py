"""The role of a money figure, read from its aid frame: who stands behind the money and what
happens to it.

A money figure gets an aid role (package, component, cumulative, budget) only when a giver
stands behind it — a government, agency, international organisation, fund or development bank
that gives, lends, commits or budgets it. Prices, taxes, deficits, revenues, a firm's
investments and every amount without a giver are ``other``.

``RULES`` is read top to bottom; the first rule that matches decides. Each rule names the
principle it states and one example. What the rules read is a
:class:`~ledger.context.money_frame.MoneyFrame`.
"""
from __future__ import annotations

import re

from ledger.context.decision import CLAUSE, FALLBACK, INFERRED, Decision
from ledger.context.money_budget import (
    LEGISLATIVE,
    budget_noun,
    budget_speaks,
    co_financed,
    future,
    legislative,
    per_year,
    pot,
    toward,
)
from ledger.context.money_frame import (
    FOREIGN_AID,
    MoneyFrame,
    Rule,
    framed,
    named_law,
    owns,
    ranked,
    spend_cue,
)
from ledger.context.money_not_aid import NOT_AID
from ledger.context.neighbours import WRITTEN
from ledger.context.parts import is_one_thing, is_one_undertaking, is_owned_act
from ledger.context.sum_shapes import gives_in_future
from ledger.context.words import alternation

__all__ = ["MoneyFrame", "RULES", "money_role"]

#: "part of a broader new $50-million spending package", not "part of an effort to rebuild schools".
_WHOLE_NAMED = re.compile(rf"\s+(?:[\w$.,-]+\s+){{0,5}}?(?:{alternation('whole_nouns')}|\$|€|£|¥|(?:US)?\$?\d)",
                          re.IGNORECASE)


def _no_frame(f: MoneyFrame) -> Decision | None:
    """Money that nothing frames as given, or that nobody gives: a giver, named or implied by the
    money's own noun ("the health aid", "the relief budget"), or a named getter must stand behind it."""
    if not framed(f):
        return Decision("other", "no-aid-frame", "", INFERRED)
    legislature = any(c.cls == "give" and c.value in LEGISLATIVE or c.cls == "legislature" for c in f.ev.clause)
    implied = owns(f, "budget") or owns(f, "aid") and f.ev.own.value != "weak"
    if f.giver is None and not (f.public_giver or f.inherited or legislature or implied or f.getter):
        return Decision("other", "no-giver", "", INFERRED)
    return None


def _inherited(f: MoneyFrame, *, written: bool) -> Decision | None:
    """A part written as such; or, when the figure has no verb of its own, the role of the list
    or enumeration it is in ("- $50 million for demining", not "- DoD is announcing $2.4 billion" nor "- ...
    the DFC will invest $30 million of equity in TechMet": a verb of giving or investing is the item's own act)."""
    if f.inherited is None or (f.inherited.rule in WRITTEN) != written:
        return None
    if _agency_at_home(f) or _law_or_state_at_home(f):
        return None  # "HHS extended grants, including $28 million for ...": a part of spending at home
    if not written and f.ev.verb is not None and f.ev.verb.cls in ("give", "spend"):
        return None
    return f.inherited


def _law_or_state_at_home(f: MoneyFrame) -> bool:
    """A law at home or a state of the giver's own country gets the money, and no relief or place abroad
    says otherwise ("through the Bipartisan Infrastructure Law, ... including $3.6 billion in New Mexico")."""
    law = named_law(f) is not None and not (f.foreign or f.place_abroad)
    return law or f.getter_at_home and not f.humanitarian


#: The word "relief": money for relief after an event, whatever the event is called.
_RELIEF = re.compile(r"\brelief\b", re.IGNORECASE)


def _agency_at_home(f: MoneyFrame) -> bool:
    """An agency whose mandate is at home spends the money, and no getter abroad, place abroad or
    disaster relief says otherwise (relief words with no disaster, in the sentence or the headline, are a
    programme at home: "USDA provided $14.9 million to State agencies that run the Emergency Food Assistance
    Program")."""
    relief = f.humanitarian and (f.disaster_release or f.ev.has("disaster", "sentence") is not None
                                 or _RELIEF.search(f.ev.text) is not None)  # "federal emergency relief funding"
    return f.home_agency and not (f.getter or f.place_abroad or relief)


def _total(f: MoneyFrame) -> Decision | None:
    cue = f.ev.total()
    return Decision("cumulative", "running-total", cue.text, CLAUSE) if cue is not None else None


def _one_undertaking(f: MoneyFrame) -> Decision | None:
    """A total word near an amount written as the size of one project or initiative does not make it a
    total ("This builds on USAID's 2023 launch of a nearly $5 million mobile money project"): one thing."""
    if not is_one_undertaking(f.ev.text, f.ev.at, f.ev.end) or f.ev.total() is None:
        return None
    return Decision("package", "one-undertaking", "", INFERRED)


def _part(f: MoneyFrame) -> Decision | None:
    cue = f.ev.reaching("part") or f.ev.inside_after()
    if cue is not None and cue.value != "of":
        return Decision("component", "part-of-whole", cue.text, INFERRED)
    whole_after = next((c for c in f.ev.after if c.cls == "part" and c.value == "of"), None)
    if whole_after is not None and _WHOLE_NAMED.match(f.ev.text, whole_after.end):
        return Decision("component", "part-of-whole", whole_after.text, INFERRED)  # "as part of a broader package"
    return None


def _past_year(f: MoneyFrame) -> Decision | None:
    """What went to a recipient in a past year ("last year" too) adds up to that year's total ("In 2023,
    NOK1.7 billion went to Ukraine"); one thing of that year is not a total ("in 2023 DFC committed a $10
    million loan", "its $100 million contribution last year"), nor is one announcement, pledge or contribution
    to an organisation ("last year ... she announced $331 million", "has pledged $150 million in short-term aid
    in 2023", "contributed approximately $1 million in FY22 to IOM"), nor the size of one undertaking ("In FY22,
    the $15 million USAID Asia Resilient Cities activity addressed ...")."""
    before, after = f.ev.text[:f.ev.at], f.ev.text[f.ev.end:]
    verb = f.ev.verb  # an announcement or a pledge (both cues of value "pledged") is one act, whenever made, and
    # so is a contribution to one organisation ("contributed $5 million in FY22 to the UN Migration Trust Fund")
    contribution = f.to_an_institution and verb is not None and verb.text.lower().startswith("contribut")
    pledged = verb is not None and verb.cls == "give" and (verb.value == "pledged" or contribution)
    if not f.past_year or pledged or is_one_thing(before) or is_owned_act(before, after) or f.ev.new_amount() or (
            gives_in_future(f.ev) or is_one_undertaking(f.ev.text, f.ev.at, f.ev.end)):
        return None  # "is providing $6.3 million of additional disaster assistance" for a typhoon that "made
        # landfall in 2019": new money; "In FY 2022, State is planning to provide $150 million": a plan
    return Decision("cumulative", "past-year-total", f.past_year, CLAUSE)


def _domestic(f: MoneyFrame) -> Decision | None:
    """Money a government spends at home: for beneficiaries that can only be at home ("nationwide",
    "American families"); in a release not about aid abroad, for farmers, schools or firms, or
    invested; or for nobody abroad in a government's own release with no word of foreign aid."""
    inside = next((c for c in f.ev.after if c.cls == "home" and c.value == "explicit"), None)
    if inside and not (f.foreign and inside.text.lower() == "domestic"):  # "$500 million in domestic food
        # production assistance", "a trillion dollars of investment in our own infrastructure at home": the money's
        # own words ("domestic" is the getter's home when one abroad is named: "$1 million for a biogas project in
        # Tuvalu ... domestic energy")
        return Decision("budget", "spent-at-home", inside.text, CLAUSE)
    if f.state_giver:  # "a $5 million grant from Wisconsin": a state or province spends at home
        return Decision("budget", "state-spends-at-home", f.giver or "", INFERRED)
    law = named_law(f)
    if law is not None and not (f.foreign or f.place_abroad):  # "an additional $38 million was allocated to
        return Decision("budget", "law-at-home", law.text, CLAUSE)  # Puerto Rico under the Infrastructure Law"
    if f.getter_at_home and (not f.humanitarian or f.years_to_come):  # "awarded $3.9 million to Alaska"
        return Decision("budget", "getter-at-home", "", INFERRED)  # (not relief, which is not spread over years)
    if f.years_to_come and f.own_government and not (f.foreign or f.abroad or f.place_abroad):
        return Decision("budget", "programme-at-home", f.years_to_come, CLAUSE)  # "In the next four years, we
        # will award a total of $1 billion in Wildfire Defense Grants"
    if _agency_at_home(f):  # "HHS allocated $1.5 billion to address the opioid crisis"
        return Decision("budget", "agency-at-home", "", INFERRED)
    homes = [c for c in f.ev.sentence if c.cls == "home"]
    explicit = next((c for c in homes if c.value == "explicit"), None)
    if explicit is not None and not f.place_abroad and not (f.foreign and f.getter):  # "coalitions in all 50
        return Decision("budget", "spent-at-home", explicit.text, INFERRED)  # states", even in a release abroad
    if f.foreign:
        return None
    if f.abroad:
        return None
    if homes and not (f.place_abroad or f.disaster_release):  # (in a release about a disaster, money for
        return Decision("budget", "spent-at-home", homes[0].text, INFERRED)  # families it hit is relief)
    spend = spend_cue(f)
    if spend is not None and spend.value != "deal":  # "we're investing $100 billion in public transit"
        return Decision("budget", "invested-at-home", spend.text, INFERRED)
    if not f.own_government or f.several_givers or f.humanitarian or owns(f, "aid") and f.ev.own.value in FOREIGN_AID:
        return None  # at home only when a government's own release speaks of its own spending (not of several
        # givers': "More than 30 countries have committed $5 billion")
    cue = f.ev.own or f.ev.verb or f.ev.has("give")
    return Decision("budget", "government-spends-at-home", cue.text if cue else "", INFERRED)


def _investment(f: MoneyFrame) -> Decision | None:
    """Investing, deals and spending with no word of aid in the clause: an investment, not aid
    ("$243.5 billion in economic deals between the United States and Qatar"); what an aid agency invests
    is aid ("USAID is investing $3.7 million to train clinicians")."""
    spend = spend_cue(f)
    if spend is not None and not (f.aid_agency and spend.value != "deal") and not any(
            c.cls in ("aid", "type") for c in f.ev.clause):
        return Decision("other", "investment", spend.text, INFERRED)
    return None


def _asked_for(f: MoneyFrame) -> Decision | None:
    """In a release about a budget, a request or an appropriation, new money is asked for or voted, not
    given ("Fact Sheet: The President's Budget ...": "a $1.6 billion contribution to the Green Climate
    Fund"); totals given so far and parts of a whole were read before."""
    return Decision("budget", "release-about-a-budget", "", INFERRED) if f.budget_release else None


def _new_aid(f: MoneyFrame) -> Decision | None:
    cue = (f.ev.own if owns(f, "aid") else None) or f.ev.verb or f.ev.has("give") or f.ev.has("aid") or (
        f.ev.given_after())
    if cue is None:  # "$22 million from Unitaid": a giver written onto the amount gives it
        return Decision("package", "giver-written-on", "", INFERRED) if f.attached_giver and f.public_giver else None
    return Decision("package", "giver-gives" if cue.cls == "give" else "aid-noun", cue.text, INFERRED)


def _giver_and_getter(f: MoneyFrame) -> Decision | None:
    """A named giver and its recipients ranked with no verb: what each got, a running total."""
    if ranked(f):
        return Decision("cumulative", "giver-and-getter", "", INFERRED)
    return None


RULES: tuple[Rule, ...] = (
    *NOT_AID,
    ("no-aid-frame", "It was $1.9 trillion, and people said it could not pass", _no_frame),
    ("budget-is-the-subject", "The Budget also proposes ..., providing $150 million to UNFPA", budget_speaks),
    ("goal-worked-toward", "working with the IMF toward a $650 billion general allocation", toward),
    ("budget-noun", "a $33 billion supplemental request", budget_noun),
    ("a-sum-set-aside", "How much of the original $13.6 billion has been spent?; the $250 million that remains", pot),
    ("amount-per-year", "$1 billion a year for climate finance", per_year),
    ("written-as-a-part", "including $100 million for air defence", lambda f: _inherited(f, written=True)),
    ("future-period", "DKK 64.8 billion for military support from 2023 to 2028", future),
    ("legislature-asked-or-voted", "the House passed the $40 billion bill; the Act allocated $3 billion", legislative),
    ("partner-co-finances", "a $491 million compact with the Government of Zambia, in which Zambia will commit $33 "
     "million", co_financed),
    ("domestic-spending", "USDA has invested $3.9 billion in 333 projects", _domestic),
    ("one-undertaking", "This builds on USAID's launch of a nearly $5 million mobile money project", _one_undertaking),
    ("running-total", "brings Washington's military assistance to more than $19.3 billion", _total),
    ("part-of-whole", "The package includes $100 million for air defence", _part),
    ("past-year-total", "In 2023, NOK1.7 billion went to Ukraine", _past_year),
    ("listed-with-others", "$5 billion in drawdown authority, $6 billion for USAI",
     lambda f: _inherited(f, written=False)),
    ("investment", "announced $243.5 billion in economic deals with Qatar", _investment),
    ("release-about-a-budget", "The President's Budget ...: a $1.6 billion contribution to the Green Climate Fund",
     _asked_for),
    ("new-aid", "announced a new $275 million aid package", _new_aid),
    ("giver-and-getter", "Denmark's largest partners were UNICEF at $4 million", _giver_and_getter),
)


def money_role(frame: MoneyFrame) -> Decision:
    """The role of a money figure: the first rule of :data:`RULES` that matches, else ``other``."""
    for _name, _example, rule in RULES:
        got = rule(frame)
        if got is not None:
            return got
    return Decision("other", "fallback", "", FALLBACK)
