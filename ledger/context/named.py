"""Names around a figure that the gazetteer does not resolve to one giver or getter: a getter or a giver
named by a name it does not know ("to the Caribbean Community Climate Change Center", "a commitment from
Women's Health and Empowerment Network"), and a giver named with others left unnamed ("from the United
States and others")."""
from __future__ import annotations

import re

from ledger.context.actor_patterns import org_nouns
from ledger.context.clauses import RESTATED, Clause
from ledger.context.cues import cues
from ledger.context.decision import SENTENCE, Decision
from ledger.context.mentions import SELF, Actors
from ledger.context.org_names import brand
from ledger.context.words import alternation
from ledger.text.gazetteer import actors_in

__all__ = ["AMOUNT", "COUNTED_COUNTRIES", "TO_MANY", "brought_owner", "many_getters", "private_money",
           "unknown_getter", "unknown_giver", "welcomes", "with_others"]

#: A name as written: up to seven capitalised words, "of", "the", "for", "and" or "&" between them (a currency
#: prefix is no word of it: "to Fortune and C$4.9 million").
_NAME_WORD = r"[A-Z](?![\w&'’.-]*[$€£¥])[\w&'’.-]*"
_A_NAME = rf"({_NAME_WORD}(?:\s+(?:(?:of|the|for|and|&)\s+)?{_NAME_WORD}){{0,6}})"
#: "$1.5 million to the Caribbean Community Climate Change Center", "a $10 million loan to Kentegra
#: Biotechnology": a getter named by "to" and a capitalised name the gazetteer does not know.
_TO_A_NAME = re.compile(rf"[^.;:!?]{{0,60}}?\bto\s+(?:the\s+)?{_A_NAME}")
#: "a new $100 million commitment from Women's Health and Empowerment Network": a giver named by "from" and a
#: capitalised name the gazetteer does not know, right after the amount and its noun.
_FROM_A_NAME = re.compile(rf"\s+(?:[a-z][\w-]*\s+){{0,3}}?from\s+(?:the\s+)?{_A_NAME}")
#: "welcomed the decision by the Arab Coordination Group (ACG), which includes ..., to provide a minimum of":
#: the agent of the act that gives the amount.
_DECISION_BY = re.compile(rf"\b(?:{alternation('acts_of_giving')})\s+by\s+(?:the\s+)?{_A_NAME}"
                          r"[^.;:]{0,160}?\bto\s+(?:[a-z]+\s+){1,5}?$")
_DECISION_REACH = 260
_WELCOMED = re.compile(rf"\s+(?:also\s+)?(?:{alternation('welcoming')})\b", re.IGNORECASE)
#: "$515 million collectively": several givers together.
_COLLECTIVELY = re.compile(r"\s+(?:in\s+total\s+)?(?:collectively|jointly|between\s+them)\b", re.IGNORECASE)
#: "we will collectively contribute up to USD 150 million", "our combined $200 million", "the overall global
#: pledge": the same, before it ("a combined $1.65 billion" is not: it sums what several getters receive).
_COLLECTIVELY_BEFORE = re.compile(r"\b(?:collectively|jointly),?\s+(?:[a-z]+\s+){1,3}?"
                                  r"(?:up\s+to\s+|over\s+|more\s+than\s+|about\s+)?$"
                                  # "our combined $200 million package", "the overall global pledge ... to $14 billion"
                                  r"|\b(?:our|their)\s+combined\s+$"
                                  r"|\bglobal\s+(?:pledges?|commitments?|contributions?)\b[^.;]{0,30}?\b(?:to|of|at)\s+"
                                  r"(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
#: "from the United States and others", "Japan and other donors": a giver named with others unnamed.
_AND_OTHERS = re.compile(rf"\s+and\s+(?:{alternation('unnamed_others')})\b", re.IGNORECASE)
#: "$145 million in new commitments ... from government, multilateral, private sector, philanthropic, and civil
#: society partners": the amount comes from partners of several kinds, none of them named.
_FROM_KINDS_OF_PARTNERS = re.compile(r"[^.;:$]{0,100}?\bfrom\s+(?:[\w-]+(?:\s+[\w-]+)?,\s+){2,5}and\s+"
                                     r"(?:[\w-]+\s+){0,2}(?:partners|donors|contributors)\b", re.IGNORECASE)
#: "$356 million in new support from contributing national and regional governments", "an additional $500 million
#: in support from other donors": the amount comes from givers of a kind, named by a plural noun only.
_FROM_MANY = re.compile(r"[^.;:$]{0,40}?\bfrom\s+(?:(?:the|other|several|many|\d+|[a-z][\w-]*)\s+){0,4}?"
                        rf"(?:{alternation('many_givers')})\b", re.IGNORECASE)
#: "grants from IFC, DFC, EIB, EU, and AFD, amounting to $14 million": a list of givers after "from", before
#: the amount (no other amount between).
_FROM_A_LIST = re.compile(r"\bfrom\s+(?:the\s+)?(?:[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3},\s+){2,}(?:and\s+)?"
                          r"[A-Z][\w&.-]*[^.;:$€£]{0,40}$")
#: A currency marker before a number: a name after a second amount belongs to that amount ("including £105
#: million for testing, and £160m to support CEPI").
AMOUNT = re.compile(r"(?:[$€£¥₹]|\b(?:[A-Z]{3}|US\$|A\$|C\$))\s?\d")
#: "in 75 countries", "to 17 new Latin American and African countries": money said to go to a counted number
#: of countries (as a pattern's text: ``frame`` and ``getter`` each build on it).
COUNTED_COUNTRIES = (r"\b(?:in|across|to)\s+(?:more\s+than\s+|over\s+|nearly\s+|some\s+)?"
                     rf"(?:\d+|{alternation('country_counts')})\s+"
                     r"(?:[\w-]+\s+){0,8}?(?:countries|nations)\b")


#: "$30 million to 17 new Latin American and African countries", "... in eight focus countries": money going to
#: many countries (not "in 28 countries in Africa", whose region gets it).
TO_MANY = re.compile(COUNTED_COUNTRIES + r"(?!\s+(?:in|of|across|throughout)\s)", re.IGNORECASE)
_MANY_AFTER_REACH = 120


def many_getters(cl: Clause) -> Decision | None:
    """Money the clause says goes to counted countries ("in eight focus countries") has no one getter, and
    neither the list's lead-in nor the release names one."""
    m = TO_MANY.search(cl.text, cl.end, cl.end + _MANY_AFTER_REACH)  # (the count is a figure of its own)
    if m is None or AMOUNT.search(cl.text, cl.end, m.start()):
        return None  # "$5 million to Kenya, and $20 million in 30 countries": the other amount's getters
    return Decision(None, "several-recipients", m.group(0), SENTENCE)


def unknown_getter(cl: Clause) -> Decision | None:
    """A getter the sentence names right after the figure that no gazetteer entry knows: the figure has
    a getter, so neither the list's lead-in nor the release fills one in (its name is kept as words)."""
    restated = RESTATED.match(cl.text, cl.end)  # "C$7.5 million (US$5.6 million) to Fortune": the same amount
    end = restated.end() if restated else cl.end
    m = _TO_A_NAME.match(cl.text, end)
    if m is None or AMOUNT.search(cl.text, end, m.start(1)) or not _unknown_name(cl.text, m):
        return None
    return Decision(None, "getter-not-known", m.group(1).rstrip("."), SENTENCE)


def _unknown_name(text: str, m: re.Match[str]) -> bool:
    """The name ``m`` caught is one the gazetteer does not know: no digit in it ("to FY2023" is a date), not
    in a headline in title case ("... Provided to Support Response and Recovery Efforts": capitals mark no
    name), and no actor starts inside it."""
    if any(ch.isdigit() for ch in m.group(1)) or _headline(text):
        return False
    return not any(m.start(1) <= a.start < m.end(1) for a in actors_in(text))


#: Words of a sentence, and the share of them capitalised above which it is a headline in title case.
_WORD = re.compile(r"\b[A-Za-z][\w'’-]*")
_HEADLINE_SHARE = 0.6


def _headline(text: str) -> bool:
    words = _WORD.findall(text)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) > _HEADLINE_SHARE * len(words)


#: "This brings Google.org's total in-kind global commitment to COVID-19 recovery to over $1 billion": the
#: running total a possessive names before "to" and the amount is its owner's.
_BRINGS_OWNERS = re.compile(rf"\bbring(?:s|ing)?\s+({_A_NAME})['’]s?\s+(?:[\w-]+\s+){{0,12}}?to\s+"
                            rf"(?:(?:{alternation('bounds_of_a_sum')})\s+)?(?:[A-Z]{{2,3}}\s?)?$")
_BRINGS_REACH = 160


def brought_owner(cl: Clause, donor: str | None) -> str | None:
    """The owner no gazetteer entry knows of a running total the amount is brought to ("brings Minderoo's total
    commitment to AUD21.7 million"), where ``donor`` is none or "we": the name as written."""
    if donor not in (None, SELF):
        return None
    m = _BRINGS_OWNERS.search(cl.text, max(0, cl.at - _BRINGS_REACH), cl.at)
    if m is None or m.group(1) in org_nouns() or not _unknown_name(cl.text, m):
        return None
    return m.group(1)


def unknown_giver(cl: Clause, donor: str | None) -> str | None:
    """In a sentence that welcomes the money, a giver named by a name no gazetteer entry knows, right after
    the amount ("a $100 million commitment from Women's Health and Empowerment Network") or as the agent of
    the decision to give it ("the decision by the Arab Coordination Group (ACG), ..., to provide a minimum of
    $10 billion"), where ``donor`` is none, "we" or the welcomer: the name as written. A brand's name after
    the amount gives it whether or not the sentence welcomes it ("an additional $100m guarantee from MedAccess")."""
    after = _FROM_A_NAME.match(cl.text, cl.end)
    if not (donor in (None, SELF) or welcomer(cl, donor)) or not (welcomes(cl) or after and brand(after.group(1))):
        return None
    m = after or _DECISION_BY.search(cl.text, max(0, cl.at - _DECISION_REACH), cl.at)
    if m is None or m.group(1) in org_nouns() or not _unknown_name(cl.text, m):  # "from the Fund" names no one
        return None
    return m.group(1).rstrip(".")


def welcomes(cl: Clause) -> bool:
    """The sentence welcomes or praises something before the figure ("We welcome a new $100 million ...")."""
    return any(c.cls == "praise" and c.end <= cl.at for c in cues(cl.text))


def welcomer(cl: Clause, donor: str | None) -> bool:
    """``donor`` is named right before a verb of welcoming: it welcomes the money, it does not give it ("the
    United States welcomed the decision by the Arab Coordination Group ... to provide $10 billion")."""
    return donor is not None and any(m.canonical == donor and _WELCOMED.match(cl.text, m.end)
                                     for m in actors_in(cl.text))


def with_others(actors: Actors, donor: str | None, end: int | None = None, start: int | None = None) -> bool:
    """The giver is named with others left unnamed ("from the United States and others", "Japan and other
    donors"), or the amount ending at ``end`` is said to be given by several ("partners who have pledged
    over $515 million collectively"; "collectively contribute $X" before the amount starting at ``start``,
    unless a group is the giver named): one of several givers."""
    if end is not None and (_COLLECTIVELY.match(actors.text, end) or _FROM_KINDS_OF_PARTNERS.match(actors.text, end)
                            or _FROM_MANY.match(actors.text, end)):
        return True
    if start is not None and (jointly := _COLLECTIVELY_BEFORE.search(actors.text, max(0, start - 60), start)):
        named = [m.canonical for m in actors.donors if m.end <= start]  # "The United States, through both USAID
        if jointly.group(0).lower().startswith("collectively") and len(named) > 1 and set(named) == {donor}:
            return False  # and the Department of State, ... collectively supporting $X": one government's agencies
        return not any(m.canonical == donor and m.kind == "group" for m in actors.donors)  # "Quad partners"
    if start is not None and _FROM_A_LIST.search(actors.text, max(0, start - 120), start):
        return True
    return donor is not None and any(m.canonical == donor and _AND_OTHERS.match(actors.text, m.end)
                                     for m in actors.donors)


#: "$3.2 billion now in commitments from the private sector", "$8 billion in private sector commitments":
#: the amount's own words say firms and foundations commit it — many givers, none of them named.
_PRIVATE_AFTER = re.compile(r"\s+(?:now\s+)?in\s+(?:new\s+)?(?:(?:private[\s-]+sector|private)\s+"
                            rf"(?:{alternation('private_money_nouns')}|investment)\b|"
                            r"(?:new\s+)?commitments\s+from\s+the\s+private\s+sector\b)", re.IGNORECASE)
#: "... now total | more than", "has exceeded |": the verb that sums, right before the amount.
_TOTALLED = rf"(?:now\s+)?(?:{alternation('total_verbs')})\s+(?:[\w-]+\s+){{0,2}}$"
#: "private sector commitments for the region now total more than $3.2 billion": the same, after its total.
_PRIVATE_BEFORE = re.compile(r"\bprivate[\s-]+sector\s+(?:commitments|pledges|investments)\s+"
                             r"(?:[\w-]+\s+){0,5}?" + _TOTALLED, re.IGNORECASE)
#: "galvanize U.S., African, and global private sector investments for the continent, such as more than $7
#: billion ... and $1 billion in commitments": amounts a list of the private sector's money opens.
_PRIVATE_LEAD = re.compile(rf"\bprivate[\s-]+sector\s+(?:{alternation('private_money_nouns')})\b"
                           r"[^.;:$]{0,40}?\b(?:such\s+as|including)\b[^.;:]*$", re.IGNORECASE)
#: "$3 billion in additional resources since 2022 from 40 U.S. and global companies and partners": the
#: amount comes from many firms.
_FROM_FIRMS = re.compile(r"[^.;:$]{0,80}?\bfrom\s+(?:more\s+than\s+|over\s+|nearly\s+)?(?:\d+|dozens\s+of)\s+"
                         r"(?:[\w.]+,?\s+(?:and\s+)?){0,3}?(?:companies|firms|businesses|philanthropies|investors)\b",
                         re.IGNORECASE)
#: "international investment in the Lobito Corridor has exceeded $6 billion", "the international community's
#: economic support to Ukraine ... exceeded $60 billion": money of many countries, summed (not "U.S. international
#: assistance", one country's).
_MANY_BEFORE = re.compile(r"(?<!U\.S\.\s)(?<!\bour\s)\binternational\s+(?:community['’]s\s+(?:[\w-]+\s+)?)?"
                          rf"(?:{alternation('private_money_nouns')}|investment|support|assistance|aid)\s+"
                          r"(?:[\w-]+\s+){0,6}?" + _TOTALLED, re.IGNORECASE)
_PRIVATE_REACH = 120
#: "..., the private sector made over $7 billion in new commitments": the private sector is the subject.
_PRIVATE_SUBJECT = re.compile(rf"\bthe\s+private\s+sector\s+(?:has\s+|have\s+)?(?:also\s+)?"
                              rf"(?:{alternation('zero_relative_verbs')})\s+(?:[\w-]+\s+){{0,2}}$", re.IGNORECASE)


def private_money(cl: Clause) -> bool:
    """The amount is what the private sector commits, by the amount's own words or by the lead-in of the
    list it stands in, anywhere before it in the sentence (a link's blanked address can be long); or what
    many countries give, summed ("international investment ... has exceeded $6 billion")."""
    return (_MANY_BEFORE.search(cl.text, max(0, cl.at - _PRIVATE_REACH), cl.at) is not None
            or _PRIVATE_AFTER.match(cl.text, cl.end) is not None or _FROM_FIRMS.match(cl.text, cl.end) is not None
            or _PRIVATE_BEFORE.search(cl.text, max(0, cl.at - _PRIVATE_REACH), cl.at) is not None
            or _PRIVATE_LEAD.search(cl.text, 0, cl.at) is not None
            or _PRIVATE_SUBJECT.search(cl.text, max(0, cl.at - _PRIVATE_REACH), cl.at) is not None)
