"""The role a figure takes from the figures around it: the parts of a whole, the items of a list,
the second amount of a "from $X to $Y".

``RULES`` is read top to bottom; the first rule that matches decides, otherwise the figure's
own words decide (``money_role``, ``figure_role``).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ledger.context import parts
from ledger.context.clauses import Clause, ListIndex
from ledger.context.decision import NEIGHBOUR, Decision
from ledger.context.evidence import evidence
from ledger.context.words import alternation
from ledger.model import Figure

__all__ = ["COORDINATED", "Neighbours", "RULES", "WRITTEN", "inherited_role"]

#: Words between two amounts this short join them ("$5 billion for X and $6 billion").
_SHORT = 40

_OF = r"(?:^\W*|\bthat\s+)[Oo]f\s+(?:the|this|that|our|its)\b"
#: "Of the $2.76 billion ...": a whole comes next.
_OF_WHOLE = re.compile(_OF + r"[^$€£¥\d]{0,80}$")
_OF_SENTENCE = re.compile(_OF)
#: "from $X in 2023 to $Y": the second amount is the same kind of amount.
_FROM_TO = re.compile(r"^[\s)]*(?:in\s+(?:19|20)\d\d\s*)?,?\s*to\s+$")
#: "This includes $X", "It also includes $X": the parts of the previous sentence's figure.
_THIS_INCLUDES = re.compile(
    rf"^\W*(?:(This|It|That|These|Those)|The\s+(?:[\w-]+\s+){{0,3}}?(?:{alternation('including_wholes')}))\s+(?:also\s+)?"
    r"(?:includ\w*|consists\s+of|comprises)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
#: "$5 billion is included to ...": a part of the whole the text is about.
_IS_INCLUDED = re.compile(r"^\s*(?:is|are|was|were)\s+(?:also\s+)?included\b", re.IGNORECASE)
_INHERITED = ("cumulative", "budget", "component")
#: "will procure", "plans to provide": the item's own act is still to come.
_WILL = re.compile(rf"\b(?:{alternation('future')})\s+(?:[\w'’-]+\s+){{0,3}}$", re.IGNORECASE)
#: "... and the Maldives ₹400 crore": an actor's name and the amount, the verb left out.
_GAPPED = re.compile(r"^[^,.;:]{0,40}?\s*,?\s+(?:and|while|whereas|but)\s+(?:the\s+)?[A-Z][\w'’.-]*"
                     r"(?:\s+[A-Z][\w'’.-]*){0,3}\s*$")
#: "... to Kenya and $3 million", "... for 2024; and $2 billion": a second amount joined by "and" to the
#: first, its verb left out.
_GAVE_BOTH = re.compile(rf"^[^.;:,]{{0,40}}?[,;]?\s+and\s+"
                        rf"(?:(another|a\s+further)\s+|(?:{alternation('amount_qualifiers')})\s+)?$", re.IGNORECASE)
#: "a further $5 million", "another $2 million", "an additional $X".
_FURTHER = re.compile(r"\b(?:a\s+further|another|an\s+additional|an\s+extra)\s+$", re.IGNORECASE)
#: Rules that read a part written as such ("including $X"); the others (a list's lead-in, the amount
#: before in an enumeration) give way to the figure's own words ("To date, the U.S. has deployed").
WRITTEN = frozenset(("written-as-a-part", "included-in-the-whole", "listed-after-its-whole", "from-x-to-y",
                     "part-after-its-whole"))
_ENUMERATION_JOINERS = alternation("enumeration_joiners", start=r"\b", end=r"\b")
#: "80 tanks, 20 howitzers", "$5 billion for X, $6 billion for Y, and $4 billion for Z": amounts in one
#: enumeration share a role (the words between are the previous count's noun and a separator).
COORDINATED = re.compile(
    rf"^[^.:!?]{{0,80}}?(?:,|;|{_ENUMERATION_JOINERS})\s*"
    rf"(?:and\s+)?(?:(?:{alternation('enumerated_amount')})\s+)?$", re.IGNORECASE)


@dataclass(slots=True)
class Neighbours:
    """Figures already annotated around the current one."""

    prev: Figure | None  # the figure just before, in the same sentence
    prev_aid: Figure | None  # the last aid (not "other") figure of the same sentence
    last_aid: Figure | None  # the last aid figure of the previous sentence
    lists: ListIndex
    whole: Figure | None = None  # the last whole amount (package, budget, total) of the text so far
    prev_rule: str | None = None  # the rule that decided ``prev``'s role ("written-as-a-part")


Rule = tuple[str, str, Callable[[Figure, Clause, Neighbours], Decision | None]]


def _whole(cl: Clause, near: Neighbours) -> Figure | None:
    """What "This includes" points back to (the previous sentence's amount), what "The package
    includes" points back to (the text's main whole), or the amount before in the sentence."""
    m = _THIS_INCLUDES.match(cl.before) if near.prev is None else None
    if m is not None:
        pronoun = m.group(1) is not None
        return near.last_aid if pronoun else (near.whole or near.last_aid)
    return near.prev_aid


def _part_role(whole: Figure | None) -> str:
    """A part of a budget is a budget line, of a running total a total; of a package, a component."""
    return whole.role if whole is not None and whole.role in ("budget", "cumulative") else "component"


def _included(fig: Figure, cl: Clause, near: Neighbours) -> Decision | None:
    if near.whole is not None and _IS_INCLUDED.match(cl.after):
        return Decision(_part_role(near.whole), "included-in-the-whole", "is included", NEIGHBOUR)
    return None


def _after_colon(fig: Figure, cl: Clause, near: Neighbours) -> Decision | None:
    prev = near.prev_aid
    if prev is None or not prev.kind == fig.kind == "money":
        return None
    colon = cl.text.rfind(":", 0, cl.at)
    at = cl.text.find(" ".join(prev.surface.split()))
    if 0 <= at < colon:
        return Decision(_part_role(prev), "listed-after-its-whole", ":", NEIGHBOUR)
    if 0 <= colon < at and prev.role == "component" and ";" in cl.text[at:cl.at]:
        return Decision("component", "listed-after-its-whole", ";", NEIGHBOUR)  # "...: $100 million for A; $20 million"
    return None


def _adjacent_part(fig: Figure, cl: Clause, near: Neighbours) -> Decision | None:
    if not parts.is_adjacent_part(cl.before, cl.after):
        return None
    whole = _whole(cl, near)
    role = whole.role if whole is not None and whole.role in _INHERITED else "component"
    if _THIS_INCLUDES.match(cl.before):
        role = _part_role(whole)
    return Decision(_one_act(role, cl), "written-as-a-part", cl.before[-30:].strip(), NEIGHBOUR)


def _one_act(role: str, cl: Clause) -> str:
    """A part of a running total written as one thing is one earlier package ("The total includes a
    $20 million DFC loan to ...", "Milestones to date include: - a $3.4 million grant"), and so is an
    act still to come ("Commitments to date include: - The Global Fund will procure up to $80 million"), and the
    size of one undertaking ("Highlights to date include: - Through the five-year, $300 million X initiative")."""
    one = parts.is_one_thing(cl.before) or _WILL.search(cl.before) is not None or parts.is_one_undertaking(
        cl.text, cl.at, cl.end)
    return "package" if role == "cumulative" and one else role


def _part_after_whole(fig: Figure, cl: Clause, near: Neighbours) -> Decision | None:
    if near.prev is None:
        return None
    # rarely found: asked first, as every "Of the" whole has one; without "that" it can only start the sentence
    m = (_OF_SENTENCE.search if cl.text.find("that", 0, cl.at) >= 0 else _OF_SENTENCE.match)(cl.text, 0, cl.at)
    if m is None or _OF_WHOLE.search(cl.text, 0, cl.at) is not None:
        return None
    return Decision("component", "part-after-its-whole", m.group(0).strip(), NEIGHBOUR)


def _from_to(fig: Figure, cl: Clause, near: Neighbours) -> Decision | None:
    prev = near.prev_aid
    if prev is not None and prev.role in ("cumulative", "budget") and _FROM_TO.match(cl.before):
        return Decision(prev.role, "from-x-to-y", "to", NEIGHBOUR)
    return None


def _list_item(fig: Figure, cl: Clause, near: Neighbours) -> Decision | None:
    lead = near.lists.lead_in(cl.sent)
    role = parts.lead_in_role(lead) if lead else None
    return Decision(_one_act(role, cl), "item-of-a-list", lead[-60:], NEIGHBOUR) if role else None


def _gapped(fig: Figure, cl: Clause, near: Neighbours) -> Decision | None:
    """ "Nepal is to receive ₹550 crore and the Maldives ₹400 crore": the verb is left out of the
    second part, which repeats the first's frame."""
    prev = near.prev
    if prev is not None and prev.kind == fig.kind == "money" and prev.role not in (None, "other") and _GAPPED.match(
            cl.before):
        return Decision(prev.role, "same-verb-left-out", cl.before.strip(), NEIGHBOUR)
    return None


def _more(fig: Figure, cl: Clause, near: Neighbours) -> Decision | None:
    """ "Officials said a further $5 million would follow": more of the aid the text is about."""
    whole = near.whole or near.last_aid
    if whole is not None and fig.kind == "money" and _FURTHER.search(cl.before):
        return Decision("package", "more-of-the-same", _FURTHER.search(cl.before).group(0).strip(), NEIGHBOUR)
    return None


def _same_sentence(fig: Figure, cl: Clause, near: Neighbours) -> Decision | None:
    prev = near.prev_aid
    if prev is None or prev.role not in _INHERITED or fig.kind == "money" and prev.kind != "money":
        return None
    listed = prev is near.prev and (len(cl.before) < _SHORT or COORDINATED.match(cl.before) is not None)
    ev = evidence(cl)
    if prev.role == "cumulative" and fig.kind == "money" and ev.new_amount():
        return None  # "provided $22 million since 2022 ... and an additional $7 million": new money
    part = ev.reaching("part")
    if part is not None and part.value == "of":
        return None  # "... as part of the historic $50 billion commitment": the figure is the whole
    if listed and not _new_statement(cl) and near.prev_rule in WRITTEN:  # "This includes $11.5 billion for
        return Decision(prev.role, "written-as-a-part", cl.before.strip()[-30:], NEIGHBOUR)  # HIV/AIDS; $2 billion"
    if part is not None or listed and not _new_statement(cl):
        return Decision(prev.role, "follows-its-whole", cl.before.strip()[-30:], NEIGHBOUR)
    return None


def _joined(fig: Figure, cl: Clause, near: Neighbours) -> Decision | None:
    """ "gave $5 million to Kenya and $3 million to Uganda": the verb of the first gives the second too (and
    a total's frame frames both: "Since the invasion, the US has devoted $3.2 billion ... and nearly $1.5 billion")."""
    prev = near.prev
    if prev is None or prev.role not in ("package", "cumulative") or not fig.kind == prev.kind == "money" or (
            prev is not near.prev_aid):
        return None
    m = _GAVE_BOTH.match(cl.before)
    if m is None:
        return None
    role = "package" if m.group(1) else prev.role  # "another $X" after a total is new money
    return Decision(role, "joined-by-and", m.group(0).strip()[-30:], NEIGHBOUR)


def _new_statement(cl: Clause) -> bool:
    """Words between two amounts that start a statement of their own ("..., and has provided $Y")."""
    return any(c.cls == "give" and c.value != "-" or c.cls == "total" for c in evidence(cl).before)


RULES: tuple[Rule, ...] = (
    ("written-as-a-part", "including $100 million for air defence; $10 billion of our loan", _adjacent_part),
    ("included-in-the-whole", "More than $5 billion is included to alleviate food insecurity", _included),
    ("listed-after-its-whole", "a cumulative $33 million: Liberia -- $4 million; Burundi -- $2 million", _after_colon),
    ("part-after-its-whole", "Of the $2.76 billion, $1.5 billion goes to Kyiv", _part_after_whole),
    ("from-x-to-y", "from $2 billion in 2023 to $3 billion", _from_to),
    ("item-of-a-list", "The package includes: - $50 million for demining", _list_item),
    ("follows-its-whole", "requested $33 billion, $20.4 billion for security", _same_sentence),
    ("joined-by-and", "gave $5 million to Kenya and $3 million to Uganda", _joined),
    ("same-verb-left-out", "Nepal is to receive ₹550 crore and the Maldives ₹400 crore", _gapped),
    ("more-of-the-same", "Officials said a further $5 million would follow", _more),
)


def inherited_role(fig: Figure, cl: Clause, near: Neighbours) -> Decision | None:
    """The role the neighbours of ``fig`` pass on, or None when they say nothing."""
    for _name, _example, rule in RULES:
        got = rule(fig, cl, near)
        if got is not None:
            return got
    return None
