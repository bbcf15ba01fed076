"""Donor and recipient of a figure from the actors named around it.

Each actor mention in a sentence is classed by the words just before it:
"to|for|in|into|toward|of|across" → recipient-like; "against", or a possessive followed
by "invasion|war|aggression|attack|forces" → adversary (ignored); anything else
(sentence subject, "from X", "by X", "X's" before the figure) → donor-like.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ledger.text.gazetteer import Mention, find_actors

_RECIPIENT_BEFORE = re.compile(
    r"(?:\b(?:to|for|in|into|within|inside|toward|towards|across|of|with|reach|reaching|help|helping|support|supporting|boost)"
    r"(?:\s+(?:the|our|all))?(?:\s+(?:people|government|Government|citizens|population|partners?|military|forces|refugees)\s+(?:of|in|within|inside))?"
    r"|\bto\s+help\s+\w+)\s*$"
)
_ADVERSARY_BEFORE = re.compile(r"\b(?:against|on|by|from|of|at)\s+(?:the\s+)?$")
_ADVERSARY_AFTER = re.compile(
    r"^(?:['’]s)?\s*(?:full-scale\s+|unprovoked\s+|further\s+|brutal\s+|illegal\s+|ongoing\s+|\w+\s+\d+\s+){0,3}"
    r"(?:launched|invaded|attacked|began|started|invasion|war|aggression|attacks?|forces|troops|assault|military\s+operations|bombardment|strikes?|missiles?|drones?)\b",
    re.IGNORECASE,  # "Putin's War in Ukraine"
)
_DONOR_BEFORE = re.compile(r"\b(?:from|by)\s+(?:the\s+)?$")
#: "the G7 commitment", "U.S. assistance": an actor naming whose money it is.
_DONOR_AFTER = re.compile(
    r"^\s+(?:commitments?|pledges?|loans?|packages?|funding|grants?|leaders?|members?|contributions?|assistance|aid"
    r"|arms|weapons|equipment|stocks|stockpiles|munitions|money|funds|taxpayers?|donors?"
    r"|(?:development|humanitarian|health|bilateral|official|military|economic|security)\s+(?:assistance|aid|support|ODA))\b"
)
#: "Palestine was the second-largest recipient ...", "CSOs received ...", "the largest partner with ...":
#: an actor that holds the amount named after it.
_HOLDER_AFTER = re.compile(
    r"^\]?(?:\s+(?:also|each|together|jointly))?\s+(?:received|receives|receiving|got|gets|obtained|"
    r"(?:is|are|was|were|will|would)\s+(?:also\s+)?(?:to|set\s+to|due\s+to|expected\s+to)?\s*(?:receive|get)|"
    r"(?:was|is|were|are|remained|became)\s+(?:again\s+)?(?:the|a|an)\s+(?:[\w-]+\s+){0,2}"
    r"(?:recipients?|partners?|beneficiar(?:y|ies)))\b"
)
#: "... partners in 2023 were Gavi at NOK1.5 billion, UNFPA at NOK1.1 billion": a ranking of holders.
_AT_AMOUNT = re.compile(r"^\]?\s+at\s+(?:about\s+|around\s+|some\s+)?(?:[A-Z]{2,3}\s?|US)?[$€£¥]?\d")
_RANKING = re.compile(r"\b(?:partners?|recipients?|beneficiaries)\b")
#: "Nepal is to receive ₹550 crore and the Maldives ₹400 crore": an actor right before an amount holds it.
_AMOUNT_AFTER = re.compile(r"^\s+(?:[A-Z]{2,3}\s?|US|Rs\.?\s?)?[$€£¥₹]?\s?\d")
#: A recipient named this close after a figure ("$X ... to the people of Afghanistan") beats earlier holders.
_NEAR_RECIPIENT = 90
#: "Ukrainian soldiers", "Afghan refugees": a demonym naming the people who benefit.
_BENEFICIARY_AFTER = re.compile(
    r"^\s+(?:soldiers|troops|forces|refugees|people|families|children|civilians|farmers|students|"
    r"women|communities|citizens|patients|evacuees|partners|armed\s+forces)\b")
#: "the Ukraine Security Assistance Initiative": the actor is part of a longer proper name.
_PROPER_NAME_AFTER = re.compile(r"^\s+(?:[A-Z][a-z]+\s+){1,3}(?:Initiative|Fund|Facility|Act|Program|Programme|"
                                r"Group|Council|Agency|Institute|Foundation|Bank|Corporation|Office|Mission)\b")
#: "Russia's invasion of Ukraine", "Putin's war in Ukraine": the aggressor's war names where it is
#: waged, not who gets the money ("sectors affected by the war in Ukraine" still does).
_SETTING_BEFORE = re.compile(
    r"(?:['’]s|\bRussian)\s+(?:[\w-]+\s+){0,3}?(?:invasion|war|attacks?|aggression|occupation|bombing|shelling)\s+"
    r"(?:of|in|on|against)\s+(?:the\s+)?$", re.IGNORECASE)
#: "President Biden and G7 leaders will contribute": the group named next speaks for both.
_JOINED_GROUP_AFTER = re.compile(
    r"^\s+and\s+(?:other\s+|fellow\s+)?[A-Z][\w.]*\s+(?:leaders|partners|members|allies|countries)\b")
#: "through the World Bank", "via UNICEF": a channel, neither donor nor recipient.
_AGAINST = re.compile(r"\bagainst\s+(?:the\s+)?$")
_CHANNEL_BEFORE = re.compile(r"\b(?:through|via)\s+(?:the\s+)?$")


#: A recipient named once is no article's subject ("support to Ukraine, and other initiatives").
_DOMINANT_MIN = 2
#: ... and the dominant one is named for at least this share of the article's aid amounts.
_DOMINANT_SHARE = 1 / 3


@dataclass(frozen=True, slots=True)
class Actors:
    donors: tuple[Mention, ...]
    recipients: tuple[Mention, ...]
    holders: tuple[Mention, ...] = ()  # recipients named before their amounts ("CSOs received $X")


#: Stands for the article's own voice ("we", "our"): the dominant donor, filled in later.
SELF = "@self"
_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Ww]e['’]re|[Ww]e['’]ve)\b")


def classify(sentence: str) -> Actors:
    """Donor-like and recipient-like actor mentions of one (one-line) sentence."""
    donors: list[Mention] = [
        Mention(m.start(), m.end(), m.group(0), SELF, "self") for m in _FIRST_PERSON.finditer(sentence)
    ]
    recipients: list[Mention] = []
    holders: list[Mention] = []
    ranking = _RANKING.search(sentence) is not None
    for m in find_actors(sentence):
        before = sentence[max(0, m.start - 60):m.start]
        after = sentence[m.end:m.end + 60]
        if _ADVERSARY_AFTER.match(after) or _AGAINST.search(before):
            continue
        if _CHANNEL_BEFORE.search(before) or _JOINED_GROUP_AFTER.match(after) or _SETTING_BEFORE.search(before):
            continue
        to_it = _RECIPIENT_BEFORE.search(before) is not None
        if not to_it and _PROPER_NAME_AFTER.match(after):
            continue  # "under the Ukraine Security Assistance Initiative": a name, not an actor
        if _HOLDER_AFTER.match(after) or ranking and _AT_AMOUNT.match(after) or _AMOUNT_AFTER.match(after):
            holders.append(m)
            continue
        if _DONOR_BEFORE.search(before) or not m.possessive and _DONOR_AFTER.match(after):
            donors.append(m)
        elif to_it or _BENEFICIARY_AFTER.match(after):
            recipients.append(m)
        elif m.kind in ("region", "state"):
            recipients.append(m)
        else:
            donors.append(m)
    donors.sort(key=lambda m: m.start)
    return Actors(tuple(donors), tuple(recipients), tuple(holders))


def pick(actors: Actors, at: int, until: int | None = None) -> tuple[str | None, str | None]:
    """Donor and recipient for a figure at offset ``at`` of the sentence whose clause ends at
    ``until`` (the next figure)."""
    donor = _nearest(actors.donors, at, prefer_before=True)
    held = [m for m in actors.holders if m.end <= at and m.canonical != donor]
    stop = at + _NEAR_RECIPIENT if until is None else min(until, at + _NEAR_RECIPIENT)
    near = [m for m in actors.recipients if at <= m.start <= stop and m.canonical != donor]
    if held and not near:
        return donor, held[-1].canonical
    recipient = _nearest(actors.recipients, at, prefer_before=False, exclude=donor)
    if recipient is None and donor is not None:
        # "Ukraine's air defences" after the figure: a possessive after it is the beneficiary
        late = [m for m in actors.donors if m.start > at and m.canonical != donor and m.possessive]
        if late:
            recipient = late[0].canonical
    return donor, recipient


def _nearest(mentions, at: int, *, prefer_before: bool, exclude: str | None = None) -> str | None:
    cands = [m for m in mentions if m.canonical != exclude]
    if not cands:
        return None
    before = [m for m in cands if m.end <= at]
    after = [m for m in cands if m.start >= at]
    if prefer_before:
        if before:
            return before[0].canonical  # the clause subject comes first
        return after[0].canonical
    if after:
        return after[0].canonical
    return before[-1].canonical


def dominant(pairs: list[tuple[str | None, str | None]],
             headline: frozenset[str] = frozenset()) -> tuple[str | None, str | None]:
    """The article's dominant donor and recipient from the pairs found in its aid sentences.

    A recipient is dominant only when it is named at least twice, for at least half of the
    recipients named and for a third of the aid amounts (a topic, not a passing mention), or
    when the headline names it as a recipient (``headline``).
    """
    donors = Counter(d for d, _ in pairs if d and d != SELF)
    recipients = Counter(r for _, r in pairs if r)
    if not recipients and len(headline) == 1:
        recipients = Counter(headline)  # "Japan announces aid to Laos" and no recipient named below
    donor = donors.most_common(1)[0][0] if donors else None
    recipient = None
    if recipients:
        name, n = recipients.most_common(1)[0]
        topical = name in headline or n >= _DOMINANT_MIN and n >= _DOMINANT_SHARE * len(pairs)
        if topical and n * 2 >= sum(recipients.values()) and name != donor:
            recipient = name
    return donor, recipient
