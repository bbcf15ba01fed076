"""The budget rules of the money-role table (:data:`ledger.context.money_role.RULES`): money a budget,
a bill or a legislature holds, asks for or votes, money set aside by the year or for years to come,
and amounts worked toward rather than given. Each function is one rule of the table; the table
decides their order.
"""
from __future__ import annotations

import re

from ledger.context.decision import CLAUSE, Decision
from ledger.context.money_frame import MoneyFrame, law_after, owns
from ledger.context.words import alternation, none_of, words
from ledger.text.gazetteer import actors_in, kind_of

__all__ = ["LEGISLATIVE", "budget_noun", "budget_speaks", "co_financed", "future", "legislative", "per_year", "pot",
           "toward"]

#: Stages that say a legislature is asked or has voted: the money is a budget line.
LEGISLATIVE = frozenset(("requested", "appropriated"))
#: "in the supplemental package ..., there is some $10 billion": a bill or budget the amount is said to be in,
#: named before it in the sentence (no other amount between).
_IN_THE = re.compile(r"\bin\s+(?:the|this|our)\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)
_BILLS = frozenset(words("bills_holding_money"))
#: "$13.6 billion for Ukraine — humanitarian, ... — in the omnibus bill": an amount in a bill is one of its lines
#: (no comma between, outside a dashed aside: not "$500 million, in addition to the funds in the supplemental").
_IN_THE_BILL = re.compile(r"(?:[^.;:,—–]|[—–][^—–.;]{0,100}[—–]){0,120}?\bin\s+the\s+((?:[\w'’-]+\s+){0,2}?"
                          r"(?:bill|omnibus|supplemental|legislation))\b", re.IGNORECASE)
#: Between a subject and its verb: a few words, none of them a preposition ("the Act allocated",
#: "the bill also provides", "the Rescue Plan, which delivered"; not "the authority under section 506 to
#: direct").
_SUBJECT_GAP = re.compile(rf"^(?:\s*,\s*(?:which|that)\b)?\s*"
                          rf"(?:{none_of('not_between_subject_and_verb')}[\w'’-]+\s+){{0,3}}$", re.IGNORECASE)
#: What stands between a budget and an amount it does not hold: a verb of speech ("the Fund said
#: $3 billion has been spent") or a list's break ("from the fund: Chad -- $10 million").
_REPORTED = re.compile(rf"[:;]|\b(?:{alternation('speech_verbs')})\b", re.IGNORECASE)
#: "its annual assistance to Nepal from", "yearly contribution of": aid counted by the year.
_ANNUAL = re.compile(rf"\b(?:annual|yearly)\s+(?:[\w-]+\s+){{0,2}}?(?:{alternation('yearly_aid_nouns')})\b[^.;:]*$",
                     re.IGNORECASE)
_ANNUAL_REACH = 60
#: "Each year the United States provides more than $70 million": money given every year, before it.
_EACH_YEAR = re.compile(r"\b(?:each|every)\s+year\b[^.;:]*$", re.IGNORECASE)
#: "receiving approximately $8.5 billion in grants each year", "spends $750 million in the purchase of commodities
#: every year": the same after the amount and a few words of its noun phrase.
_EACH_YEAR_AFTER = re.compile(r"\s+(?:in\s+)?(?:[\w-]+\s+){0,5}?(?:each|every|per)\s+year\b", re.IGNORECASE)
#: Between an amount and the legislature it comes from: "$13.6 billion package from the United States
#: Congress", "$40 billion in aid from Congress" (a legislature gives by voting: the money is appropriated).
_FROM_A_HOUSE = re.compile(r"\s+(?:[\w-]+\s+){0,3}?from\s+(?:the\s+)?(?:(?:United\s+States|U\.S\.|US|[A-Z][a-z]+)\s+)?")
#: "The Budget also proposes ...", "The bipartisan funding bill includes ...", "The Administration's 2024
#: budget requested ...": a sentence whose subject is a budget, a request or a bill lists its lines.
_BUDGET_SPEAKS = re.compile(rf"^\W*(?:[\w'’.-]+\s+){{0,4}}?(?:{alternation('budget_subjects')})\s+(?!of\b|for\b|to\b)"
                            rf"(?:[a-z]+\s+)?(?:{alternation('budget_speaks')})\b", re.IGNORECASE)


#: "toward a $X", "towards the $X": an amount after "toward" (not "$X toward Haiti's police academy").
_TOWARD = re.compile(rf"\btowards?\s+(?:(?:{alternation('articles')})\s+)?(?:[\w-]+\s+)?$|"
                     rf"\b(?:{alternation('goal_nouns')})\s+(?:of|to\s+[a-z]+)\s+(?:{alternation('enumerated_amount')}\s+)?$|"
                     rf"\b(?:{alternation('aiming')})\s+to\s+(?:{alternation('raising')})\s+(?:[a-z]+\s+){{0,3}}$",
                     re.IGNORECASE)
_TOWARD_REACH = 30
#: "the World Bank's goal of tripling annual guarantee issuance to $20 billion": a goal of changing something to
#: an amount names the level aimed at.
_GOAL_OF = re.compile(rf"\b(?:{alternation('goal_nouns')})\s+of\s+[a-z]+ing\s+(?:[\w'’-]+\s+){{0,4}}?to\s+"
                      rf"(?:(?:{alternation('bounds_of_a_sum')})\s+)?$", re.IGNORECASE)
_GOAL_OF_REACH = 80


#: "How much of the original $13.6 billion ...": an amount something is drawn from.
_DRAWN_FROM = re.compile(rf"\bhow\s+much\s+(?:more\s+)?of\s+(?:the|that|this)\s+(?:[\w-]+\s+)?"
                         rf"(?:(?:{alternation('bounds_of_a_sum')})\s+)?$", re.IGNORECASE)
_DRAWN_FROM_REACH = 60
#: "$250 million in military assistance that remains", "the $24 billion was needed", "$12 billion is going to be
#: enough": what is left of an amount, or what it must cover, in the words right after it.
_POT_AFTER = re.compile(rf"\s+(?:[\w-]+\s+){{0,4}}?(?:(?:that|which)\s+)?(?:{alternation('pot_predicates')})\b",
                        re.IGNORECASE)


def pot(f: MoneyFrame) -> Decision | None:
    """An amount spending is drawn from, what remains of it, or what it is needed or enough for, is a sum set
    aside, not a delivery ("How much of the original $13.6 billion for Ukraine has been spent?", "the $250
    million in military assistance that remains", "does he think that $12 billion is going to be enough?")."""
    m = (_DRAWN_FROM.search(f.ev.text, max(0, f.ev.at - _DRAWN_FROM_REACH), f.ev.at)
         or _POT_AFTER.match(f.ev.text, f.ev.end))
    return Decision("budget", "a-sum-set-aside", m.group(0).strip(), CLAUSE) if m else None


#: "... compacts, totaling $504 million, with the Governments of | Benin": a compact made with the actor after it.
_COMPACT = re.compile(r"\bcompacts?\b", re.IGNORECASE)
_COMPACT_WITH = re.compile(r"\bcompacts?\b[^.;]{0,100}\bwith\b[^.;]{0,60}$", re.IGNORECASE)


def co_financed(f: MoneyFrame) -> Decision | None:
    """A partner government's own money for the compact a donor made with it is its own spending, not aid to
    it ("MCC announced its first regional compacts, totaling $504 million, with the Governments of Benin and
    Niger, with additional contributions of $15 million from Benin and Niger"; "a new $491 million compact with
    the Government of Zambia in which ... Zambia will commit $33 million")."""
    home = f.document.home if f.document is not None else None
    if f.giver is None or f.giver == home or kind_of(f.giver) != "country" or not _COMPACT.search(f.ev.text):
        return None  # (the sentence's actors, read once per sentence, are asked for only when it speaks of a compact)
    partner = any(m.canonical == f.giver and _COMPACT_WITH.search(f.ev.text, 0, m.start)
                  for m in actors_in(f.ev.text))
    return Decision("budget", "partner-co-finances", f.giver, CLAUSE) if partner else None


def budget_speaks(f: MoneyFrame) -> Decision | None:
    m = _BUDGET_SPEAKS.match(f.ev.text)
    return Decision("budget", "budget-is-the-subject", m.group(0).strip(), CLAUSE) if m else None


def toward(f: MoneyFrame) -> Decision | None:
    """ "working with the IMF toward a $650 billion general allocation", "toward the $200 million goal",
    "DFC set a goal to finance $1 billion", "the Challenge aims to raise $100 million", "the goal of tripling
    annual guarantees to $20 billion": an amount after
    "toward", a goal or an aim to raise it is worked for, not given."""
    m = (_TOWARD.search(f.ev.text, max(0, f.ev.at - _TOWARD_REACH), f.ev.at)
         or _GOAL_OF.search(f.ev.text, max(0, f.ev.at - _GOAL_OF_REACH), f.ev.at))
    return Decision("budget", "goal-worked-toward", m.group(0).strip(), CLAUSE) if m else None


def budget_noun(f: MoneyFrame) -> Decision | None:
    return Decision("budget", "budget-noun", f.ev.own.text, CLAUSE) if owns(f, "budget") else None


def per_year(f: MoneyFrame) -> Decision | None:
    """An amount a year is a budget line ("$1 billion a year", "its annual assistance to Nepal from Rs 13
    billion to Rs 15 billion", "Each year the United States provides $70 million", "$8.5 billion in grants each
    year")."""
    if f.per in ("year", "annum"):
        return Decision("budget", "amount-per-year", f"a {f.per}", CLAUSE)
    annual = (_ANNUAL.search(f.ev.text, max(0, f.ev.at - _ANNUAL_REACH), f.ev.at)
              or _EACH_YEAR.search(f.ev.text, max(0, f.ev.at - _ANNUAL_REACH), f.ev.at)
              or _EACH_YEAR_AFTER.match(f.ev.text, f.ev.end))
    return Decision("budget", "amount-per-year", annual.group(0), CLAUSE) if annual else None


def legislative(f: MoneyFrame) -> Decision | None:
    """A legislature asks for, votes or gives the money, or a bill, a law or a budget holds it."""
    return _voted(f) or _held_by_a_budget(f)


def _voted(f: MoneyFrame) -> Decision | None:
    for c in f.ev.clause:
        if c.cls == "give" and c.value in LEGISLATIVE:
            return Decision("budget", "legislature-asked-or-voted", c.text, CLAUSE)
    giving = next((c for c in f.ev.before if c.cls == "give"), None)
    if giving is None or giving.value != "proposed":  # "my $3.5 trillion proposal"
        giving = next((c for c in f.ev.after if c.cls == "give" and f.ev.right_after(c)), None)  # "$4 billion proposed"
    if giving is not None and giving.value == "proposed":  # "the President's proposal for $4 billion"
        return Decision("budget", "legislature-asked-or-voted", giving.text, CLAUSE)
    house = f.ev.has("legislature", "lead")
    if house is not None and (f.ev.has("give", "lead") is not None or f.ev.has("spend", "lead") is not None
                              or owns(f, "aid")):
        return Decision("budget", "legislature-asked-or-voted", house.text, CLAUSE)
    source = next((c for c in f.ev.after if c.cls == "legislature" and _FROM_A_HOUSE.fullmatch(f.ev.text, f.ev.end,
                                                                                                c.start)), None)
    if source is not None:  # "the $13.6 billion package from the United States Congress"
        return Decision("budget", "legislature-asked-or-voted", source.text, CLAUSE)
    return None


def _held_by_a_budget(f: MoneyFrame) -> Decision | None:
    in_bill = _IN_THE_BILL.match(f.ev.text, f.ev.end)
    if in_bill is not None:  # "$13.6 billion for Ukraine — humanitarian, security, and economic assistance — in
        return Decision("budget", "budget-holds-it", in_bill.group(1), CLAUSE)  # the omnibus bill"
    law = law_after(f)
    if law is not None:  # "an additional $2.7 billion made available from the Bipartisan Infrastructure Law"
        return Decision("budget", "budget-holds-it", law.text, CLAUSE)
    nearest = next((c for c in f.ev.before if c.cls in ("budget", "give", "aid")), None)
    if nearest is not None and nearest.cls == "budget" and not _REPORTED.search(f.ev.text, nearest.end, f.ev.at):
        # "the bill provides $X", not "authority to direct
        return Decision("budget", "budget-holds-it", nearest.text, CLAUSE)  # the drawdown of $X"
    inside = next((c for c in f.ev.lead if c.cls == "budget" and c.text.lower() in _BILLS
                   and _IN_THE.search(f.ev.text, max(0, c.start - 20), c.start)), None)  # (not "In the Fund, we")
    if inside is not None:  # "in the supplemental package that hopefully will get to the President's desk — I mean,
        return Decision("budget", "budget-holds-it", inside.text, CLAUSE)  # there is some $10 billion for ..."
    verb = f.ev.verb
    if verb is not None and not verb.text.lower().startswith(("receiv", "will receiv", "to receiv")):
        # "the Inflation Reduction Act allocated $3.1 billion": a law gives (an appeal that receives does not)
        subject = next((c for c in f.ev.before if c.end <= verb.start and c.cls in ("budget", "give", "aid")), None)
        if subject is not None and subject.cls == "budget" and _SUBJECT_GAP.match(f.ev.between(subject, verb)):
            return Decision("budget", "budget-gives", subject.text, CLAUSE)
    return None


def future(f: MoneyFrame) -> Decision | None:
    """Money set aside over years to come is a budget line ("DKK 64.8 billion for military support from
    2023 to 2028"); a pledge spread over them is still a pledge ("Germany has pledged 2.3 billion euros
    in humanitarian aid for Syria through 2018"), and a budget is a government's: givers the ledger does not
    know ("PepsiCo and the PepsiCo Foundation committed $17 million from 2022 to 2027") keep no budget."""
    verb = f.ev.verb
    if not f.future_period or verb is not None and verb.cls == "give" and verb.value == "pledged":
        return None
    if f.unknown_giver:
        return None
    return Decision("budget", "future-period", f.future_period, CLAUSE)
