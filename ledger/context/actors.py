"""Donor and recipient of a figure from the actors its sentence names (``mentions``).

The giver is the first donor-like actor before the figure (the clause subject), else the first
after it; the getter is chosen by :mod:`ledger.context.getter`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ledger.context.actor_patterns import org_nouns
from ledger.context.clauses import Clause, ListIndex, flat
from ledger.context.decision import CLAUSE, DOCUMENT, FALLBACK, NEIGHBOUR, SENTENCE, Decision
from ledger.context.document import DocumentFrame
from ledger.context.getter import getter, nearest as _nearest
from ledger.context.giver_clauses import fronted_owner, pair_giver, relative_giver
from ledger.context.mentions import SELF, Actors, classify, listed
from ledger.context.named import brought_owner, many_getters, private_money, unknown_getter, unknown_giver, with_others
from ledger.context.org_names import brand
from ledger.context.subject import Subject, subject_of
from ledger.context.thanks import thanked_for, thanked_owner
from ledger.context.turns import speaker_actor, thanked_host
from ledger.context.words import alternation

__all__ = ["SELF", "Candidates", "candidates", "classify", "decide", "pick"]

#: Between a possessive and the amount it owns: the possessive ending and an adjective or two.
_OWNS = re.compile(rf"(?:['’]s?)?\s+(?:(?:{alternation('owned_amount')})\s+)?")
#: "commends the United States on its $4 billion contribution": "its" after the actor makes it the owner.
_ON_ITS = re.compile(r"\s+(?:on|for)\s+(?:its|their)\b", re.IGNORECASE)
#: How far (characters) before its verb a subject stands to be the verb's own ("the United States intends to").
_DIRECT_SUBJECT = 25
#: "€550 million from the EU", "$20 million in grants from Japan": the giver named right after the amount.
_FROM_RIGHT_AFTER = re.compile(r"\s+(?:(?:in|of)\s+(?:[\w-]+\s+){0,2})?from\s+(?:the\s+)?")
#: A list item's label ("- Japan: "), taken off before its sentence is read.
_LABELLED = re.compile(r"^\s*(?:[-*•·▪]|\d{1,2}[.)])\s+[^:]{1,80}:\s+")
#: A sentence that starts with its verb, the subject left out ("Will provide $X", "Committing $X").
_SUBJECTLESS = re.compile(rf"^\W*(?:also\s+)?(?:{alternation('subjectless_starts')})\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:we|our|We|Our)\b")
#: "It further underscored ...", "Its new pledge ...": a sentence whose subject stands for the one named before.
_PRONOUN_START = re.compile(r"^\W*(?:It|Its|They|Their)\b")


def pick(actors: Actors, at: int, until: int | None = None, we: str | None = None,
         verb_at: int | None = None, subject: Subject | None = None, attached: str | None = None,
         ) -> tuple[str | None, str | None]:
    """Donor and recipient for a figure at offset ``at`` of the sentence whose clause ends at
    ``until`` (the next figure); ``we`` is who "we" are (the publisher), never a recipient then;
    ``verb_at`` is where the verb that governs the figure begins, ``subject`` its subject when the
    caller has read it already, ``attached`` the giver written onto the amount (:func:`_attached_giver`)."""
    givers = [m for m in actors.donors if m.end <= at or m.start in actors.explicit]  # "Ukraine's needs"
    owner = next((m for m in reversed((*actors.donors, *actors.recipients)) if m.possessive and m.end <= at
                  and _OWNS.fullmatch(actors.text[m.end:at])), None)  # "Saudi Arabia's $600 billion commitment",
    # "as part of USAID's $56 million initiative": an owner right before the amount, whatever side it seemed on
    subject = subject or subject_of(actors, verb_at)
    lender = None if verb_at is not None else next(  # "supported a $530 million loan from the GCFF" (not "a $14
        (m.canonical for m in givers if m.start >= at and m.start in actors.explicit and m.kind != "self"  # million
         and (until is None or m.start < until)), None)  # package that includes $3.3 million from the IFC")
    getters = {m.canonical for m in (*actors.recipients, *actors.holders)}  # "arming the Ukrainians: ... $X to
    plain = [m for m in givers if m.canonical not in getters or m.start in actors.explicit]  # Ukraine": no giver
    # a subject no gazetteer knows gives, unless an actor is named inside its clause ("the U.S. Department of
    alone = subject.unknown and not any(subject.start <= m.start for m in givers  # Commerce's MBDA")
                                        if m.end <= (at if subject.verb is None else subject.verb))
    nearest = None if subject.group or alone else _nearest(  # several: none alone
        plain or givers, at, prefer_before=True, text=actors.text)
    donor = (owner.canonical if owner else fronted_owner(actors, at)) or attached or subject.actor or lender or nearest
    if donor is None and subject.pair:  # "The United States and Kenya announced a $7 million partnership to
        donor = pair_giver(actors, at, subject.pair, getter(actors, at, until, None, we))  # modernise Kenya's
    giver = (we if donor == SELF else donor) or we  # a publisher never gives to itself
    return donor, getter(actors, at, until, donor, giver)


def _attached_giver(actors: Actors, end: int) -> str | None:
    """The giver written onto the amount: "the $50 billion G7 loan", "a $400 million U.S. package", "€550
    million from the EU" (right after it, whatever verb the sentence's other amounts share)."""
    return next((m.canonical for m in actors.donors if m.start in actors.explicit and m.kind != "self" and (
        0 < m.start - end <= 2 or _FROM_RIGHT_AFTER.fullmatch(actors.text, end, m.start))), None)


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
    unknown_giver: bool = False  # a name that is no actor gives ("General Electric will provide $X")
    giver_name: str | None = None  # that name as written
    group_giver: bool = False  # several givers named together as the subject ("donors pledged")
    explicit_donor: bool = False  # the donor is named as such ("from Japan", "Japan's", "by the G7")
    owner: str | None = None  # the last possessive before the figure ("welcomes Australia's announcement")
    subject: str | None = None  # the actor named right before the verb that governs the figure
    several: bool = False  # the recipient is one of several listed together ("to Jamaica, Peru, and Mongolia")
    firm_giver: bool = False  # the giver named as the subject is a firm ("Chobani announced $1.7 billion")
    attached_giver: bool = False  # the giver is written onto the amount ("$22 million from Unitaid")
    private: bool = False  # the private sector commits the amount ("$X in private sector commitments")
    unnamed_giver: bool = False  # firms or an organisation the text leaves unnamed give ("Korean companies")

    def giver(self, doc: DocumentFrame) -> str | None:
        """The donor named, with "we" read as the publisher (None when a newspaper says "we")."""
        if self.donor.value == SELF:
            return doc.publisher.speaks_for if doc.publisher is not None else None
        return self.donor.value

    def public_giver(self, doc: DocumentFrame) -> bool:
        return self.giver(doc) is not None and self.donor_kind in _PUBLIC

    def foreign(self, doc: DocumentFrame) -> bool:
        """A recipient abroad: not the giver, nor the publisher's own country."""
        home = {self.giver(doc), doc.donor, doc.publisher.actor if doc.publisher else None} - {None}
        return (self.recipient.value is not None and self.recipient_kind in _ABROAD
                and self.recipient.value not in home)


def _kind(actors: Actors, name: str | None) -> str | None:
    found = (m.kind for ms in (actors.donors, actors.recipients, actors.holders) for m in ms if m.canonical == name)
    return next(found, None)


def candidates(cl: Clause, lists: ListIndex, doc: DocumentFrame, verb_at: int | None = None) -> Candidates:
    """Donor and recipient named in the figure's sentence, else in the label of its list item or the
    lead-in of its list (whose giver also wins over an actor the item names only in passing)."""
    actors = classify(cl.text)
    we = doc.publisher.speaks_for if doc.publisher is not None else None
    start = lists.index.spans[cl.sent][0]
    subject = subject_of(actors, verb_at, lists.index.text, start)
    attached = _attached_giver(actors, cl.end)
    donor, recipient = pick(actors, cl.at, cl.end + len(cl.after), we, verb_at, subject, attached)
    relative, joint = relative_giver(actors, cl.end)
    donor = None if joint else relative or donor
    label = _own_voice(cl, lists, donor, subject) if donor in (None, SELF) else None
    if (donor is not None and donor != subject.actor and not _named_as_giver(actors, donor)
            and donor != fronted_owner(actors, cl.at)):  # (read only when a lead-in might replace the donor)
        lead = lists.lead_in(cl.sent)  # (the item's own subject gives: "- GAFSP has mobilized $476 million")
        if lead is not None and pick(classify(flat(lead)), len(lead), we=we)[0] is not None:
            donor = None  # "The United States is providing: - ... India to make 20 million doses"
    others = joint or with_others(actors, donor, cl.end, cl.at)
    d, donor, written = _named_donor(cl, None if others else donor)
    host = thanked_host(cl.text, cl.at, lists.index.text, start, we) if donor in (None, SELF) else None
    if thanked := thanked_for(actors, cl.at) or host:  # "thank the Poles for the $3.8 billion", "thank you for $X"
        d, donor, written = Decision(thanked, "thanked-for-it", thanked, SENTENCE), thanked, thanked
    if label is not None:
        d, donor = label[2], label[0]
    r = _getter_named(cl, recipient, subject)
    dk, rk = label[1] if label else _kind(actors, donor), _kind(actors, recipient)
    if d is None or r is None:  # the sentence's own givers keep the lead-in's out
        d2, r, dk2, rk = _from_lead_in(lists.lead_in(cl.sent), we, d, r, dk, rk)
        d, dk = (d, dk) if others or _own_giver(subject) else (d2, dk2)
    explicit = d is not None and (d.value in (relative, label and label[0], written)
                                  or _named_as_giver(actors, d.value))
    owner = _owner(actors, cl.at)
    direct = next((m.canonical for m in actors.donors if verb_at is not None and m.canonical == subject.actor
                   and (subject.thanked or 0 <= verb_at - m.end <= _DIRECT_SUBJECT)), None)  # "the United States
    # intends to provide", "we thank Japan, ..., for its recent pledge to provide": the verb's own subject
    several = r is not None and r.rule == "named-in-sentence" and listed(actors, r.value, cl.at)
    none = Decision(None, "none-named", "", FALLBACK)
    return Candidates(d or none, r or none, dk, rk, subject.unknown, subject.name, subject.group or others, explicit,
                      owner, direct, several, subject.unknown and subject.firm, attached is not None,
                      private_money(cl), subject.unnamed)


def _own_giver(subject: Subject) -> bool:
    """Whether the subject gives whatever giver a list's lead-in names: several givers ("with donors pledging"),
    a firm or an organisation by its short name or a definite description ("- The foundation announced it will
    commit $X", "- Google.org will contribute $X"); not a fund's or a programme's name, often the government's."""
    return subject.group or subject.unknown and (
        subject.unnamed or subject.firm or subject.lone or subject.refers is not None)


def _getter_named(cl: Clause, recipient: str | None, subject: Subject) -> Decision | None:
    """The getter the sentence names, unless it is one of the subject's givers ("with Canada and 15 countries
    contributing $X"); else one the clause names without a name the gazetteer knows ("in eight focus countries")."""
    if recipient is None:
        return many_getters(cl) or unknown_getter(cl)
    if recipient in subject.givers:
        return Decision(None, "giver-never-receives", recipient, SENTENCE)
    return Decision(recipient, "named-in-sentence", recipient, SENTENCE)


def _named_as_giver(actors: Actors, name: str | None) -> bool:
    """``name`` is written as a giver in the sentence ("from Japan", "by the G7", "we")."""
    return any(m.canonical == name and m.start in actors.explicit for m in actors.donors)


def _named_donor(cl: Clause, donor: str | None) -> tuple[Decision | None, str | None, str | None]:
    """The donor's decision; a giver the gazetteer does not know, named after "from" or as the agent of the
    act of giving, replaces no donor, "we" or the welcomer when the sentence welcomes the money ("We welcome
    a $100 million commitment from Women's Health and Empowerment Network"; not "$X from the Bipartisan
    Infrastructure Law", a source): the decision, the donor, and that name."""
    written = unknown_giver(cl, donor) or brought_owner(cl, donor)
    if written:
        return Decision(written, "unknown-giver-named", written, SENTENCE), written, written
    return (Decision(donor, "named-in-sentence", donor, SENTENCE) if donor else None), donor, None


def _from_lead_in(lead: str | None, we: str | None, d: Decision | None, r: Decision | None, dk: str | None,
                  rk: str | None) -> tuple[Decision | None, Decision | None, str | None, str | None]:
    """What the lead-in of the figure's list names, where the sentence named nothing."""
    if lead is None:
        return d, r, dk, rk
    lead_actors = classify(flat(lead))
    d2, r2 = pick(lead_actors, len(lead), we=we)
    if d2 is not None and r2 is None and _kind(lead_actors, d2) == "state":
        d2, r2 = None, d2  # "Investments in South Carolina include:": a state a list is about gets its money
    if d is None and d2:
        d, dk = Decision(d2, "named-in-list-lead-in", d2, NEIGHBOUR), _kind(lead_actors, d2)
    if r is None and r2:
        r, rk = Decision(r2, "named-in-list-lead-in", r2, NEIGHBOUR), _kind(lead_actors, r2)
    return d, r, dk, rk


def _owner(actors: Actors, at: int) -> str | None:
    """Whose money the amount at ``at`` is by the words before it: the actor thanked for it ("to thank her and
    the European Union for a significant financial aid package ... some $50 billion"), else the last
    possessive ("welcomes Australia's announcement")."""
    thanked = thanked_owner(actors, at)
    return thanked or next((m.canonical for m in reversed(actors.donors) if (
        m.possessive or _ON_ITS.match(actors.text, m.end)) and m.end <= at and m.canonical != SELF), None)


def _own_voice(cl: Clause, lists: ListIndex, donor: str | None, subject: Subject
               ) -> tuple[str, str | None, Decision] | None:
    """The giver a first person or a subjectless sentence stands for: the speaker of a transcript's
    turn when first person is the subject of the giving ("PRESIDENT MACRON: ... we will provide"; not
    "you gave us"), else the label of the sentence's list item; with its kind and the decision."""
    if donor == SELF and subject.actor == SELF:
        voice = speaker_actor(lists.index.text, lists.index.spans[cl.sent][0])
        if voice is not None:
            return *voice, Decision(voice[0], "first-person-speaker", voice[0], SENTENCE)
    label = _item_giver(cl, lists)
    return None if label is None else (*label, Decision(label[0], "named-in-item-label", label[0], NEIGHBOUR))


def _item_giver(cl: Clause, lists: ListIndex) -> tuple[str, str | None] | None:
    """The giver a list item's label names, for a sentence of the item that leaves out its subject, speaks
    in first person or opens with a pronoun ("- Japan: ... Will provide $200 million through JICA"; "-
    Wellcome Trust: ... we committed $150M"; "- Brazil: ... It also added $20 billion"): the label's actor
    and its kind, or the label itself when it names an organisation ("Osprey Foundation")."""
    label = lists.item_label(cl.sent)
    if label is None:
        return None
    body = _LABELLED.sub("", cl.text, count=1)
    if not (_SUBJECTLESS.match(body) or _PRONOUN_START.match(body)
            or _FIRST_PERSON.search(body, 0, max(0, cl.at - (len(cl.text) - len(body))))):
        return None
    named = classify(label).donors
    if named and named[0].canonical != SELF:
        return named[0].canonical, named[0].kind
    words = label.split()  # "The Bill & Melinda Gates\nFoundation": the name on one line, without "The"
    named_org = words[-1] in org_nouns() or brand(label)  # ("Osprey Foundation", "MedAccess", "Google.org")
    return (" ".join(words[1:] if words[0] == "The" else words), None) if named_org else None


def decide(role: str, cand: Candidates, doc: DocumentFrame, praised: bool = False) -> dict[str, Decision]:
    """Donor and recipient of a figure with role ``role``: none for figures that are no aid;
    ``praised``: the publisher welcomes the amount, so it is someone else's."""
    if role == "other":
        none = Decision(None, "not-aid", "", CLAUSE)
        return {"donor": none, "recipient": none}
    donor = cand.donor
    praised = praised and cand.subject in (None, SELF)  # "..., where the United States intends to provide $X"
    if praised and cand.owner is not None:
        donor = Decision(cand.owner, "owner-of-what-is-welcomed", cand.owner, SENTENCE)  # "welcomes Australia's
    elif praised and (not cand.explicit_donor or donor.value == SELF):  # announcement"; "Biden welcomed the
        donor = Decision(None, "someone-elses-money", donor.words, SENTENCE)  # G7's commitment"
    if donor.value is None and cand.group_giver:  # "countries and organisations have announced $X"
        donor = Decision(None, "several-givers", "", SENTENCE)
    elif donor.value is None and cand.unnamed_giver:  # "Korean companies have committed $X", "Mastercard and
        donor = Decision(None, "giver-not-named", "", SENTENCE)  # Visa have committed $X", "The foundation will"
    elif cand.private and not cand.explicit_donor:  # "$8 billion in private sector commitments": firms'
        donor = Decision(None, "several-givers", "private sector", SENTENCE)
    elif donor.value is None and praised and donor.rule != "someone-elses-money":  # "we welcome $X"
        donor = Decision(None, "someone-elses-money", "", SENTENCE)
    if donor.value is None and cand.unknown_giver and cand.giver_name:
        donor = Decision(cand.giver_name, "named-subject", cand.giver_name, SENTENCE)  # "Argidius Foundation"
    if donor.value == SELF:
        who = cand.giver(doc)
        donor = Decision(who, "first-person-publisher" if who else "first-person-unknown",
                         doc.publisher.domain if doc.publisher else "", DOCUMENT if who else FALLBACK)
    recipient = cand.recipient
    if cand.several:  # money for several countries listed together goes to none of them alone
        recipient = Decision(None, "several-recipients", recipient.words, SENTENCE)
    if recipient.value is not None and recipient.value == donor.value:
        recipient = Decision(None, "donor-never-receives", recipient.words, SENTENCE)
    if recipient.value is not None and recipient.value == doc.home:  # a government's own release tells what it
        recipient = Decision(None, "publisher-never-receives", recipient.words, SENTENCE)  # gives, not gets
    return {"donor": donor, "recipient": recipient}
