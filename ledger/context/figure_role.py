"""Role of one figure in its article: package | component | cumulative | budget | other.

Rules, first match wins: non-aid kinds and counted nouns → other; parts written as parts
("including $X", "$X of our loan") → component; a whole before its parts ("Of the $X ..., $Y")
→ the whole; cue phrases of the clause (``roles.cue_role_in``); the list a figure is an item of
(``clauses.ListIndex``); the figure before it in the sentence; defaults by kind.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from ledger.context import roles as _roles
from ledger.context.clauses import CONVERSION, Clause, ListIndex
from ledger.model import Figure

_OF = r"(?:^\W*|\bthat\s+)[Oo]f\s+(?:the|this|that|our|its)\b"
#: "Of the $2.76 billion ...", "... announcing that of the $50 billion G7 commitment, ...": a whole comes next.
_OF_WHOLE = re.compile(_OF + r"[^$€£¥\d]{0,80}$")
_OF_SENTENCE = re.compile(_OF)
#: "$X ... and 12 rescue dogs", "80 tanks, 20 howitzers": counts in one enumeration share a role.
_COORDINATED = re.compile(r"^\s*(?:,|;|and|,\s*and|or|as well as)\s*$")
#: "from $X in 2023 to $Y": the second amount is the same kind of amount.
_FROM_TO = re.compile(r"^[\s)]*(?:in\s+(?:19|20)\d\d\s*)?,?\s*to\s+$")
#: "This includes $X", "It also includes $X": the parts of the previous sentence's figure.
_THIS_INCLUDES = re.compile(r"^\W*(?:This|It|That|These|Those)\s+(?:also\s+)?includ\w*\s+(?:\w+\s+){0,2}$")
#: "in 2023" (a whole year; "in January 2021" names a month of it, not a year's total).
_IN_YEAR = re.compile(r"\b(?:[Ii]n|[Dd]uring)\s+((?:19|20)\d\d)\b")
_INHERITED = ("cumulative", "budget", "component")
#: "the largest single US commitment since the war began": a comparison, not a running total.
_SUPERLATIVE_SINCE = re.compile(
    r"\b(?:largest|biggest|greatest|highest|lowest|first|worst|best|most\s+\w+)\b[^.;:]{0,80}?\bsince(?:\s+[\w'’-]+){0,3}",
    re.IGNORECASE)
#: "$275 million military aid package", "EUR500 million tranche": the figure names a package itself.
_PACKAGE_NOUN_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,3}?(?:package|tranche|donation|gift)s?\b", re.IGNORECASE)


@dataclass(slots=True)
class Neighbours:
    """Figures already annotated around the current one."""

    prev: Figure | None  # the figure just before, in the same sentence
    prev_aid: Figure | None  # the last aid (not "other") figure of the same sentence
    last_aid: Figure | None  # the last aid figure of the previous sentence


def role_of(fig: Figure, cl: Clause, near: Neighbours, lists: ListIndex, published: _dt.date | None) -> str:
    """The role of ``fig`` in clause ``cl``."""
    if fig.kind in ("percent", "duration"):
        return "other"
    unit = (fig.unit or "").lower()
    if fig.kind != "money" and (unit in _roles.other_units() or unit.split(" ")[-1] in _roles.other_units()):
        return "other"
    prev, prev_aid = near.prev, near.prev_aid
    if prev is not None and prev.role == "other" and CONVERSION.match(cl.before):
        return "other"  # "an increase of 18% or NOK9 billion": the same quantity written twice
    if fig.kind == "count" and prev is not None and prev.kind == "count" and _COORDINATED.match(cl.before):
        return prev.role or "other"
    whole = prev_aid
    if prev is None and near.last_aid is not None and _THIS_INCLUDES.match(cl.before):
        whole = near.last_aid  # "Norway has provided $50 million. This includes $20 million ..."
    if _roles.is_adjacent_part(cl.before, cl.after):
        return whole.role if whole is not None and whole.role in _INHERITED else "component"
    cue = _cue(cl)
    if fig.kind != "money" and cue == "budget":
        cue = None
    if cue == "budget" and _PACKAGE_NOUN_AFTER.match(cl.after):
        cue = None  # "approved a $275 million package ... under drawdown authority": a package
    if prev is None and _OF_WHOLE.search(cl.before) is not None:
        return cue if cue in ("cumulative", "budget") else "package" if fig.kind == "money" else "component"
    if prev is not None and _OF_WHOLE.search(cl.text, 0, cl.at) is None and _OF_SENTENCE.search(cl.text, 0, cl.at):
        return "component"
    if prev_aid is not None and prev_aid.role in ("cumulative", "budget") and _FROM_TO.match(cl.before):
        return prev_aid.role
    if cue is not None:
        return cue
    if whole is not None and whole is not prev_aid and whole.role in ("cumulative", "budget"):
        return whole.role
    lead = lists.lead_in(cl.sent)
    lead_role = _roles.lead_in_role(lead) if lead else None
    if lead_role:
        return lead_role
    return _default_role(fig, cl, near, published)


def _cue(cl: Clause) -> str | None:
    """The role the cue phrases of the clause give; a superlative's "since" is no running total."""
    lo, hi = cl.at - len(cl.before), cl.end + len(cl.after)
    cue = _roles.cue_role_in(cl.text, lo, cl.at, cl.end, hi)
    if cue == "cumulative":
        m = _SUPERLATIVE_SINCE.search(cl.text, lo, hi)
        if m is not None:
            masked = cl.text[:m.start()] + " " * (m.end() - m.start()) + cl.text[m.end():]
            cue = _roles.cue_role_in(masked, lo, cl.at, cl.end, hi)
    return cue


def _default_role(fig: Figure, cl: Clause, near: Neighbours, published: _dt.date | None) -> str:
    prev, prev_aid = near.prev, near.prev_aid
    component_cue = _roles.is_component_cue(cl.before)
    if prev_aid is not None and prev_aid.role in _INHERITED and (
        component_cue or prev is prev_aid and (len(cl.before) < 40 or fig.kind == "count")
    ):
        return prev_aid.role
    if fig.kind == "money":
        if component_cue and (prev is not None or cl.sent > 0):
            return "component"
        if published is not None and _past_year(cl.text, published):
            return "cumulative"  # "In 2023, NOK1.7 billion went to ...": a past year's total
        return "package"
    if component_cue or prev_aid is not None and prev_aid.role == "package":
        return "component"
    if _roles.has_aid_verb(cl.text):
        return "package" if fig.kind == "count" else "other"
    return "other"


def _past_year(sentence: str, published: _dt.date) -> bool:
    return any(int(y) < published.year for y in _IN_YEAR.findall(sentence))
