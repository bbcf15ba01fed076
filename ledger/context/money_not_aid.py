"""The first rules of the money-role table (:data:`ledger.context.money_role.RULES`): money that is
no aid whoever names it — prices, taxes, a firm's investments, deals, what a giver's money enables,
the size of a change, vague amounts — and money nobody gives.

``NOT_AID`` is read top to bottom, before the rules that tell the aid roles apart; each rule names
the principle it states and one example.
"""
from __future__ import annotations

import re

from ledger.context.decision import CLAUSE, INFERRED, Decision
from ledger.context.document import names_abroad
from ledger.context.money_budget import toward
from ledger.context.money_frame import TINY, MoneyFrame, Rule, named_law, not_aid_noun, owns
from ledger.context.named import AMOUNT
from ledger.context.parts import sizes_what_it_goes_into
from ledger.context.sum_shapes import raised_to
from ledger.context.words import alternation, none_of
from ledger.text.gazetteer import canonical_name

__all__ = ["NOT_AID"]

#: "$X to Japan's GDP", "$X to the deficit": money added to something that is no aid.
_ADDED_TO = re.compile(r"^\s+(?:[\w-]+\s+)?to\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,2}$", re.IGNORECASE)
#: How far (characters) before a figure an enabling word reaches ("unlock over $X").
_ENABLE_REACH = 50
#: A negation right before a verb, perhaps with an auxiliary between ("not sending", "has never
#: given", "won't be providing"; not "not only providing").
_NEGATED = re.compile(rf"(?:{alternation('negations')})\s+(?:(?:{alternation('after_negation')})\s+)?$", re.IGNORECASE)
_NEGATION_REACH = 30
#: "the $1 billion in government funds held in the United States", "$300 billion of assets immobilized
#: abroad": money someone holds where it lies, not money given.
_HELD = re.compile(rf"[\s)\]]*(?:(?:in|of)\s+)?(?:[\w'’.-]+\s+){{0,4}}?(?:{alternation('holding_participles')})\s+"
                   rf"(?:{alternation('where_money_lies')})\b", re.IGNORECASE)
#: "the $7 billion of Iranian funds", "$300 billion in Russian sovereign assets": another state's money.
_OWNED = re.compile(r"\s+(?:in|of)\s+(?:the\s+)?((?-i:[A-Z][\w'’.-]*))\s+(?:(?:government|central\s+bank|sovereign|"
                    r"state)\s+)?(?:funds|assets|reserves)\b", re.IGNORECASE)
#: "a new $1 billion manufacturing facility", "a $1.3 billion port": an amount written as the size of a
#: built thing (an article before it, the thing after it) is what the thing costs.
_SIZE_BEFORE = re.compile(rf"\b(?:{alternation('size_determiners')})\s+(?:(?:{alternation('before_an_amount')})\s+)?$",
                          re.IGNORECASE)
_SIZE_AFTER = re.compile(rf"\s*(?:USD\s+)?(?:{none_of('phrase_breaks')}[\w-]+\s+){{0,3}}?"
                         rf"(?:{alternation('built_things')})\b", re.IGNORECASE)
_SIZE_REACH = 20
#: A question that puts the auxiliary before its subject asks for what it negates: "Should we not
#: invest $20 billion to vaccinate the nation?" argues for the spending.
_ASKED = re.compile(rf"\b(?:{alternation('asking_auxiliaries')})\s+[\w'’]+\s+$", re.IGNORECASE)


#: "to support the export of", "financing U.S. exports", "to facilitate U.S. goods and services exports":
#: money that pays for a sale of goods abroad.
_EXPORT = re.compile(rf"\b(?:{alternation('financing_verbs')})\s+(?:the\s+)?"
                     r"(?:U\.S\.\s+|US\s+|American\s+)?(?:goods\s+(?:and\s+services\s+)?)?(?-i:exports?)\b",
                     re.IGNORECASE)


#: "canceled 139 grants worth", "is pausing approximately": a verb that withdraws money, shortly before it.
_WITHDRAWN = re.compile(rf"\b(?:{alternation('withdrawal_verbs')})\b", re.IGNORECASE)
_WITHDRAWN_REACH = 40


#: "... to further expand the operations on the continent": money to grow one's operations is an investment.
_OWN_OPERATIONS = re.compile(rf"\s[^.;]{{0,120}}?\bto\s+(?:further\s+)?(?:expand|grow)\s+(?:its|their|the)\s+"
                             rf"(?:own\s+)?(?:[\w-]+\s+){{0,2}}?(?:{alternation('own_operations')})\b", re.IGNORECASE)
#: Between a deal and its size set after it: a few words, then a dash or a comma ("agreement in history—nearly").
_APPOSED = re.compile(r"[^.;:$€£\d—–,]{0,25}[—–,]\s*(?:[\w-]+\s+){0,2}")


#: "investment in Australia by Microsoft": the maker of an investment, named after it (not "an investment
#: established by Republicans", "provided by the Infrastructure Law": a participle's agent).
_BY_A_NAME = re.compile(r"[^.;:,]{0,40}?(?<![a-z]ed)\s+by\s+((?-i:[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3}))")


#: "companies have announced $X in investments": firms, not the government, put the money in.
_FIRMS = re.compile(r"\b(?:companies|firms)\b", re.IGNORECASE)


#: Words for people one at a time: an amount under :data:`SMALL` in their sentence is each one's.
_INDIVIDUALS = re.compile(rf"\b(?:{alternation('individuals')})\b", re.IGNORECASE)


#: "private sector investments", "private-sector commitments", "commercial investment": money that is
#: not a government's, whoever names it.
_PRIVATE = re.compile(r"\b(?:private|commercial)(?:[\s-]+sector)?\s+$", re.IGNORECASE)
_PRIVATE_REACH = 25


def _price(f: MoneyFrame) -> Decision | None:
    if f.per and f.per not in ("year", "annum"):
        return Decision("other", "price-per-unit", f"a {f.per}", CLAUSE)
    return None

def _not_aid(f: MoneyFrame) -> Decision | None:
    if not_aid_noun(f):
        return Decision("other", "not-aid-noun", f.ev.own.text, CLAUSE)
    verb = f.ev.verb
    if verb is not None and verb.cls == "other" and raised_to(f.ev) is None:  # ("raised its pledge to $X": a level)
        return Decision("other", "not-aid-verb", verb.text, CLAUSE)
    into = next((c for c in f.ev.after if c.cls == "other" and c.value == "economy"
                 and _ADDED_TO.match(f.ev.text[f.ev.end:c.start])), None)
    if into is not None:  # "could contribute up to $37 billion to Japan's GDP"
        return Decision("other", "added-to-no-aid", into.text, CLAUSE)
    return None

def _not_given(f: MoneyFrame) -> Decision | None:
    """A verb of giving or spending that says it does not happen gives nothing ("we're not sending
    $6 billion to Iran", "the bill would never spend $X")."""
    verb = f.ev.verb
    if verb is None or verb.cls not in ("give", "spend"):
        return None
    negation = _NEGATED.search(f.ev.text, max(0, verb.start - _NEGATION_REACH), verb.start)
    if negation is None or _ASKED.search(f.ev.text, max(0, negation.start() - _NEGATION_REACH), negation.start()):
        return None
    return Decision("other", "not-given", verb.text, CLAUSE)


def _withdrawn(f: MoneyFrame) -> Decision | None:
    """Money a giver cancels, pauses or withholds is not given ("The Department of State canceled 139
    grants worth $214 million", "is pausing approximately $15 million for ...")."""
    m = _WITHDRAWN.search(f.ev.text, max(0, f.ev.at - _WITHDRAWN_REACH), f.ev.at)
    if m is None or AMOUNT.search(f.ev.text, m.end(), f.ev.at):
        return None
    return Decision("other", "withdrawn", m.group(0).strip(), CLAUSE)

def _private(f: MoneyFrame) -> Decision | None:
    """Investments, deals and spending of firms — and of foreign governments in the publisher's
    country ("Saudi Arabia's $600 billion commitment to invest in the United States")."""
    spend = f.ev.own if owns(f, "spend") else f.ev.verb
    if spend is None or spend.cls != "spend":
        return None
    if not f.public_giver or f.publisher_home and not f.own_government and not f.humanitarian:
        return Decision("other", "private-spending", spend.text, INFERRED)
    private = _PRIVATE.search(f.ev.text, max(0, spend.start - _PRIVATE_REACH), spend.start)
    if private is not None and spend is f.ev.own:  # "$1 billion in U.S. private sector investments"
        return Decision("other", "private-spending", private.group(0) + spend.text, INFERRED)
    maker = _BY_A_NAME.match(f.ev.text, spend.end) if spend is f.ev.own else None
    if maker is not None and canonical_name(maker.group(1)) is None:  # "a $3 billion investment in Australia by
        return Decision("other", "private-spending", maker.group(0).strip(), INFERRED)  # Microsoft"
    return None

def _invested_here(f: MoneyFrame) -> Decision | None:
    """Investment that others make in the publisher's own country is no aid to it ("Saudi Arabia will be
    increasing their investment commitments in the United States to almost $1 trillion"; "companies have
    announced over $231 billion in commitments in semiconductor investments in the United States")."""
    if not f.into_home or f.own_government and not _FIRMS.search(f.ev.text):
        return None  # (the government investing at home spends a budget)
    spend = next((c for c in f.ev.clause if c.cls == "spend"), None)
    return Decision("other", "invested-here", spend.text, CLAUSE) if spend is not None else None


def _charity_at_home(f: MoneyFrame) -> Decision | None:
    """A foundation's or a firm's gifts at home are no aid, which goes to another country, people or
    organisation ("The Robert Wood Johnson Foundation awarded $15 million for water equity in communities");
    nor is such a gift with no getter in a government's release that names places or organisations abroad
    only in passing, if at all ("The Seafood Nutrition Partnership will commit $280,000 to improve public
    knowledge of nutrition"), unless it is relief after a disaster."""
    if f.giver is None or f.public_giver or f.own_government or f.foreign or f.place_abroad or f.abroad:
        return None
    if named_law(f) is not None:  # "The American Rescue Plan's Higher Education Emergency Relief Fund provided
        return None  # $40 billion to colleges": a law's fund is the government's
    if f.getter_at_home or f.into_home or f.ev.has("home", "sentence") is not None:
        return Decision("other", "charity-at-home", "", INFERRED)
    if f.getter or not f.publisher_home or f.humanitarian or f.disaster_release:
        return None
    if f.document is None or names_abroad(f.document):  # (the whole text is read only here, once per document)
        return None
    return Decision("other", "charity-at-home", "names little abroad", INFERRED)


def _firms_money(f: MoneyFrame) -> Decision | None:
    """A firm, or an unknown name spending to expand its operations ("Visa is putting $1 billion into Africa to expand
    the operations"), gives aid only when the clause says aid ("Pfizer donated $5 million in medicines")."""
    firm = f.firm_giver or f.unknown_giver and _OWN_OPERATIONS.match(f.ev.text, f.ev.end) is not None
    if firm and not any(c.cls in ("aid", "type") and c.value != "weak" for c in f.ev.clause):
        return Decision("other", "a-firm's-money", "", INFERRED)
    return None

def _deal(f: MoneyFrame) -> Decision | None:
    """Deals, contracts and trade are no aid, unless the clause speaks of aid ("a $60 million deal to
    provide food assistance"); an amount set after a deal by a dash or a comma is its size ("the largest
    defense sales agreement in history—nearly $142 billion")."""
    apposed = next((c for c in f.ev.before[:1] if c.cls == "spend" and c.value == "deal"
                    and _APPOSED.fullmatch(f.ev.text, c.end, f.ev.at)), None)
    if apposed is not None and not any(c.cls == "aid" and c.value != "weak" for c in f.ev.after):
        return Decision("other", "a-deal", apposed.text, CLAUSE)  # (the deal's own words name it: "defense sales")
    if owns(f, "spend") and f.ev.own.value == "deal" and not any(
            c.cls == "aid" and c.value != "weak" or c.cls == "type" for c in f.ev.clause):  # ("to support exports")
        return Decision("other", "a-deal", f.ev.own.text, CLAUSE)
    return None

def _enabled(f: MoneyFrame) -> Decision | None:
    """What a giver's money or reform unlocks, enables or leverages is others' capacity: a budget
    line, not the giver's package ("reforms to unlock over $250 billion in new lending")."""
    cue = next((c for c in f.ev.before if c.cls == "enable" and f.ev.at - c.end <= _ENABLE_REACH), None)
    after = next((c for c in f.ev.after if c.cls == "enable" and c.text.lower().startswith("boost")
                  and f.ev.right_after(c)), None)  # "a $100 billion boost to"
    cue = cue or after
    if cue is None or cue.text.lower().startswith("mobili") and f.ev.new_amount():
        return None  # "helping to mobilize an additional $500 million": new money
    if cue.text.lower().startswith("mobili") and (cue.text.lower().endswith("ed") or f.ev.total() is not None):
        return Decision("cumulative", "capacity-it-enables", cue.text, CLAUSE)  # "has mobilized $X": achieved
    return Decision("budget", "capacity-it-enables", cue.text, CLAUSE)

def _export_finance(f: MoneyFrame) -> Decision | None:
    """Money to finance a sale of the giver's goods abroad is export credit for a sale, not aid ("a $594
    million loan guarantee to Kazakhstan's railway to support the export of U.S. locomotives")."""
    m = _EXPORT.search(f.ev.text, f.ev.end)
    return Decision("other", "export-finance", m.group(0).strip(), CLAUSE) if m else None

def _held(f: MoneyFrame) -> Decision | None:
    m = _HELD.match(f.ev.text, f.ev.end)
    if m is None:
        m = _OWNED.match(f.ev.text, f.ev.end)
        if m is None or canonical_name(m.group(1)) is None or f.own_government:
            return None  # ("$20 million of U.S. funds for Ukraine" in a US release: the giver's own money, given)
    return Decision("other", "money-held", m.group(0).strip(), CLAUSE)


def _size_of_a_thing(f: MoneyFrame) -> Decision | None:
    """ "after opening a new $1 billion manufacturing plant": the plant's cost, not money given — unless
    a verb of giving takes the amount as its object ("the Bank is financing a $500 million port") or
    the money's own noun is aid ("a $50 million port grant")."""
    if sizes_what_it_goes_into(f.ev.text, f.ev.at, f.ev.end):  # "$2.5 million in a $10 million fund"
        return Decision("other", "size-of-a-thing", "what another amount goes into", CLAUSE)
    article = _SIZE_BEFORE.search(f.ev.text, max(0, f.ev.at - _SIZE_REACH), f.ev.at)
    thing = _SIZE_AFTER.match(f.ev.text, f.ev.end)
    if article is None or thing is None or owns(f, "aid") and f.ev.own.value != "weak":
        return None
    verb = f.ev.verb
    if verb is not None and verb.cls == "give" and not f.ev.text[verb.end:article.start()].strip():
        return None
    return Decision("other", "size-of-a-thing", thing.group(0).strip(), CLAUSE)


def _change(f: MoneyFrame) -> Decision | None:
    return Decision("other", "size-of-a-change", "", CLAUSE) if f.change else None

def _for_one_person(f: MoneyFrame) -> Decision | None:
    """ "FEMA providing $750 for folks who need food", "$1,400 relief checks": an amount small enough for
    one person or household, in a sentence that speaks of people, is what each gets."""
    if f.per_person:  # "individual assistance of up to $37,900 for home repairs"
        return Decision("other", "amount-for-one-person", "per person", CLAUSE)
    if f.tiny:  # "cash assistance for 700 bucks"
        return Decision("other", "amount-for-one-person", f"under {TINY:,}", CLAUSE)
    if not f.small:
        return None
    person = _INDIVIDUALS.search(f.ev.text)
    return Decision("other", "amount-for-one-person", person.group(0), CLAUSE) if person else None


#: "a financing gap of approximately USD 10 billion", "this $40 trillion infrastructure gap", "that $200 million
#: shortfall": the amount measures money still needed (not "$1.2 million to address the affordability gap").
_GAP_BEFORE = re.compile(rf"\b(?:gap|shortfall)s?\s+of\s+"
                         rf"(?:(?:{alternation('bounds_of_a_sum')}|approximately|about|around)\s+)?(?:[A-Z]{{3}}\s?)?$",
                         re.IGNORECASE)
_GAP_AFTER = re.compile(r"\s+(?:(?!(?:from|to|for|of|the)\s)[\w-]+\s+){0,2}?(?:gap|shortfall)s?\b")
_GAP_REACH = 40


def _gap(f: MoneyFrame) -> Decision | None:
    ev = f.ev
    m = _GAP_BEFORE.search(ev.text, max(0, ev.at - _GAP_REACH), ev.at) or _GAP_AFTER.match(ev.text, ev.end)
    return Decision("other", "a-gap", m.group(0).strip(), CLAUSE) if m else None


def _vague(f: MoneyFrame) -> Decision | None:
    """ "billions of dollars", "hundreds of millions of dollars": rhetoric, not a figure a ledger can hold —
    unless a running-total word named as such ("to date", "since") or its list makes it one of a series
    ("... and hundreds of millions of dollars in food and shelter"); a perfect alone does not ("We've
    provided hundreds of billions of dollars in aid"), nor does "already" ("we've already mobilized tens of
    billions of dollars")."""
    total = f.ev.total()  # (nor does a total word before a goal: "Since its launch, ... work towards the goal to
    # mobilize hundreds of billions of dollars")
    if f.vague and f.inherited is None and (total is None or total.cls != "total" or total.text.lower() == "already"
                                            or toward(f) is not None):
        return Decision("other", "vague-amount", "", CLAUSE)
    return None


NOT_AID: tuple[Rule, ...] = (
    ("price-per-unit", "gas at $2.99 a gallon", _price),
    ("not-aid-noun", "a $4 trillion tax hike; the plan saved families $800", _not_aid),
    ("not-given", "we're not sending $6 billion to Iran", _not_given),
    ("withdrawn", "The Department of State canceled 139 grants worth $214 million", _withdrawn),
    ("private-spending", "Blackstone announced a $25 billion investment", _private),
    ("invested-here", "Saudi investment commitments in the United States of almost $1 trillion", _invested_here),
    ("charity-at-home", "The Robert Wood Johnson Foundation awarded $15 million for water equity in communities",
     _charity_at_home),
    ("a-firm's-money", "Woodside Energy Group approved a $17.5 billion LNG project", _firms_money),
    ("a-gap", "an annual pandemic financing gap of approximately USD 10 billion", _gap),
    ("vague-amount", "billions of dollars", _vague),
    ("capacity-it-enables", "reforms to unlock over $250 billion in new lending", _enabled),
    ("size-of-a-change", "an increase of 18% or NOK9 billion", _change),
    ("a-deal", "$243 billion in economic deals between the United States and Qatar", _deal),
    ("export-finance", "a $594 million loan guarantee ... to support the export of locomotives", _export_finance),
    ("money-held", "the $1 billion in Burmese government funds held in the United States", _held),
    ("size-of-a-thing", "the massive announcement of a $2.5 billion plant by a solar maker", _size_of_a_thing),
    ("amount-for-one-person", "FEMA is providing $750 to families for immediate needs", _for_one_person),
)
