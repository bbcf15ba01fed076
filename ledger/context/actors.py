"""Donor and recipient of a figure from the actors named around it.

Each actor mention in a sentence is classed by the words just before it:
"to|for|in|into|toward|of|across" → recipient-like; "against", or a possessive followed
by "invasion|war|aggression|attack|forces" → adversary (ignored); anything else
(sentence subject, "from X", "by X", "X's" before the figure) → donor-like.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

from ledger.context.clauses import Clause, ListIndex, flat
from ledger.context.decision import CLAUSE, DOCUMENT, FALLBACK, NEIGHBOUR, SENTENCE, Decision
from ledger.context.document import DocumentFrame
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


#: Kinds of actor that spend public money: what a government or an organisation gives is aid
#: or a budget; a first person ("we") counts when the publisher is one of them.
_PUBLIC = frozenset(("country", "institution", "group", "region", "state", "self"))
#: Kinds of recipient that are abroad from any donor (a state is at home: domestic spending).
_ABROAD = frozenset(("country", "institution", "group", "region"))


@dataclass(frozen=True, slots=True)
class Candidates:
    """The donor and recipient a figure's sentence names, with the kind of each."""

    donor: Decision
    recipient: Decision
    donor_kind: str | None = None
    recipient_kind: str | None = None

    def giver(self, doc: DocumentFrame) -> str | None:
        """The donor named, with "we" read as the publisher (None when a newspaper says "we")."""
        if self.donor.value == SELF:
            return doc.publisher.speaks_for if doc.publisher is not None else None
        return self.donor.value

    def public_giver(self, doc: DocumentFrame) -> bool:
        return self.giver(doc) is not None and self.donor_kind in _PUBLIC

    def foreign(self, doc: DocumentFrame) -> bool:
        giver = self.giver(doc)
        return (self.recipient.value is not None and self.recipient_kind in _ABROAD
                and self.recipient.value != giver)


@lru_cache(maxsize=4096)
def _classify(sentence: str) -> Actors:
    return classify(sentence)


def _kind(actors: Actors, name: str | None) -> str | None:
    for m in (*actors.donors, *actors.recipients, *actors.holders):
        if m.canonical == name:
            return m.kind
    return None


def candidates(cl: Clause, lists: ListIndex) -> Candidates:
    """Donor and recipient named in the figure's sentence, else in the lead-in of its list."""
    actors = _classify(cl.text)
    donor, recipient = pick(actors, cl.at, cl.end + len(cl.after))
    d = Decision(donor, "named-in-sentence", donor or "", SENTENCE) if donor else None
    r = Decision(recipient, "named-in-sentence", recipient or "", SENTENCE) if recipient else None
    dk, rk = _kind(actors, donor), _kind(actors, recipient)
    if donor is None or recipient is None:
        lead = lists.lead_in(cl.sent)
        if lead is not None:
            lead_actors = _classify(flat(lead))
            d2, r2 = pick(lead_actors, len(lead))
            if d is None and d2:
                d, dk = Decision(d2, "named-in-list-lead-in", d2, NEIGHBOUR), _kind(lead_actors, d2)
            if r is None and r2:
                r, rk = Decision(r2, "named-in-list-lead-in", r2, NEIGHBOUR), _kind(lead_actors, r2)
    none = Decision(None, "none-named", "", FALLBACK)
    return Candidates(d or none, r or none, dk, rk)


def decide(role: str, cand: Candidates, doc: DocumentFrame) -> dict[str, Decision]:
    """Donor and recipient of a figure with role ``role``: none for figures that are no aid."""
    if role == "other":
        none = Decision(None, "not-aid", "", CLAUSE)
        return {"donor": none, "recipient": none}
    donor = cand.donor
    if donor.value == SELF:
        who = cand.giver(doc)
        donor = Decision(who, "first-person-publisher" if who else "first-person-unknown",
                         doc.publisher.domain if doc.publisher else "", DOCUMENT if who else FALLBACK)
    recipient = cand.recipient
    if recipient.value is not None and recipient.value == donor.value:
        recipient = Decision(None, "donor-never-receives", recipient.words, SENTENCE)
    return {"donor": donor, "recipient": recipient}
