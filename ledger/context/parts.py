"""Parts and lists: an amount written as a part of another ("including $X", "$X of our loan"),
and the role a list's lead-in sentence ("The package includes:") gives its items.

Both read the cue words of ``money_cues.tsv`` (classes part, total, budget, aid, give).
"""
from __future__ import annotations

import re

from ledger.context.cues import cues
from ledger.context.words import alternation, none_of

__all__ = ["is_adjacent_part", "is_lead_in", "is_one_thing", "is_one_undertaking", "is_owned_act", "lead_in_role",
           "sizes_what_it_goes_into"]

#: "including $X", "of which about $X", "This includes roughly $X": the amount right after a part word.
_ADJACENT_PART = re.compile(r"\b(?:including|includes|include|of\s+which)\s+(?:(?!of\b|for\b|to\b)[a-z]+\s+){0,2}$",
                            re.IGNORECASE)
#: "$X of our loan", "$X from the package": the amount right before its whole.
_PART_AFTER = re.compile(rf"^\s*(?:of|from)\s+(?:{alternation('part_determiners')})\s+(?:\w+\s+){{0,3}}?"
                         rf"(?:{alternation('part_wholes')})s?\b", re.IGNORECASE)
#: How far before a part word the amount may stand ("including more than $X").
_PART_REACH = 40
_LEAD_IN = re.compile(r":\s*$")
#: The words of a lead-in that speak for its items: its last clause, just before its colon
#: ("By the authority ... of the Foreign Assistance Act, I hereby delegate:" speaks of no budget).
_LEAD_TAIL = 80
_LAST_CLAUSE = re.compile(r"[,;()]")
#: "its", "their", "our", "AFC's": the owner right before an amount.
_OWNER = r"(?:['’]s|\bits|\btheir|\bour)"
#: "a $10 million loan", "an additional $5 million", "their planned, up to $50 million, facility": one amount,
#: not a sum.
_ONE_THING = re.compile(rf"\b(?:a|an)\s+(?:(?:{alternation('one_thing')})\s+)?$|"
                        rf"(?:['’]s|\bits|\btheir|\bthe\s+(?:recent|latest))\s+(?:(?:{alternation('one_thing')})\s+)?"
                        rf"(?:{alternation('one_act_nouns')})"
                        rf"\s+of\s+(?:up\s+to\s+)?$|"
                        r"(?:['’]s|\bits|\btheir|\bour|\bthe)\s+(?:planned|proposed)[,\s]+(?:up\s+to\s+)?$|"
                        rf"(?:{_OWNER}\s+(?:initial|first)|\bthe\s+first)\s+$",
                        re.IGNORECASE)
_ONE_THING_REACH = 30
#: "its $100 million contribution", "Japan's $5 million grant": an owner right before the amount, one act's
#: noun right after it.
_OWNER_BEFORE = re.compile(rf"{_OWNER}\s+$", re.IGNORECASE)
_ACT_AFTER = re.compile(rf"\s*(?:{alternation('one_act_nouns')})\b", re.IGNORECASE)


def is_adjacent_part(before: str, after: str) -> bool:
    """A figure written as a part of another ("including $X", "$X of our loan")."""
    tail = before[-_PART_REACH:]
    # every match holds "includ" or "which"; in ASCII text case-insensitive matching folds nothing else
    named = not tail.isascii() or "includ" in (low := tail.lower()) or "which" in low
    return named and _ADJACENT_PART.search(tail) is not None or _PART_AFTER.match(after) is not None


def is_lead_in(sentence: str) -> bool:
    """A sentence that opens a list ("The package includes:")."""
    return _LEAD_IN.search(sentence) is not None


def lead_in_role(sentence: str) -> str | None:
    """The role a lead-in gives the items of its list, from the words just before its colon:
    a running total ("Highlights to date include:"), a budget ("The request includes:") or the
    parts of a package ("The package includes:", "The United States is providing:")."""
    tail = _LAST_CLAUSE.split(sentence[-_LEAD_TAIL:])[-1]
    classes = {c.cls for c in cues(tail)}
    if "total" in classes:
        return "cumulative"
    if "budget" in classes or any(c.cls == "give" and c.value in ("requested", "appropriated") for c in cues(tail)):
        return "budget"
    if classes & {"aid", "part", "give"}:
        return "component"
    return None


def is_one_thing(before: str) -> bool:
    """An amount written as one thing, by the indefinite article right before it ("These include a
    $20 million loan to ...", "in 2023 DFC committed a $10 million loan") or as one act its giver owns
    or that came last ("Following DFC's loan of €100 million in 2021", "with the recent pledge of $500
    million", "Building on AFC's initial $5 million", "has advanced the first $3 million"): one act, not a sum."""
    return _ONE_THING.search(before[-_ONE_THING_REACH:]) is not None


def is_owned_act(before: str, after: str) -> bool:
    """An amount its giver owns as one act ("on top of its $100 million contribution last year"): one act
    of that year, not the year's sum."""
    return _OWNER_BEFORE.search(before[-_ONE_THING_REACH:]) is not None and _ACT_AFTER.match(after) is not None


#: A name in quotation marks, read as one word ("“Dinheiro Digital é Melhor” or “Mobile Money is Better”").
_QUOTED = r"“[^”]{1,80}”"
#: "the $26 million flagship Peace Project", "USAID's launch of a nearly $5 million “Mobile Money is Better”
#: project", "the five-year, $300 million Centroamérica Local initiative": a determiner before the amount, one
#: undertaking's noun after it (no preposition between: not "$X in aid for the project").
_UNDERTAKING_BEFORE = re.compile(rf"(?:\b(?:{alternation('size_determiners')}|our)|['’]s)\s+(?:[\w,-]+\s+){{0,2}}?$",
                                 re.IGNORECASE)
_UNDERTAKING_AFTER = re.compile(rf"\s+(?:(?:{_QUOTED}(?:\s+or\s+{_QUOTED})?|{none_of('phrase_breaks')}[\w'’“”\"-]+)\s+)"
                                rf"{{0,8}}?(?:{alternation('undertakings')})\b", re.IGNORECASE)


def is_one_undertaking(text: str, at: int, end: int) -> bool:
    """The amount at ``at``..``end`` of ``text`` is written as the size of one project, programme or
    initiative: that one thing, whatever total word stands near it."""
    return (_UNDERTAKING_BEFORE.search(text, max(0, at - _ONE_THING_REACH), at) is not None
            and _UNDERTAKING_AFTER.match(text, end) is not None)


#: "an equity investment of up to $2.5 million in a $10 million venture capital fund", "a feasibility study for
#: the $330 million project": an amount written onto the fund or project that another amount, or a study, goes
#: into is that thing's size.
_INTO_A_THING = re.compile(r"\b(?:in|into|to|for)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_GOES_INTO = re.compile(r"(?:[$€£¥]\s?\d[\d.,]*|\b(?:feasibility|study|studies)\b)[^;:$€£¥]{0,80}$", re.IGNORECASE)
_A_THING_AFTER = re.compile(r"\s+(?:USD\s+)?(?:[\w-]+\s+){0,3}?(?:fund|project|facility)\b", re.IGNORECASE)
_INTO_REACH = 40


def sizes_what_it_goes_into(text: str, at: int, end: int) -> bool:
    """The amount at ``at``..``end`` of ``text`` is the size of the fund, project or facility that another
    amount or a study named before it goes into: not money given."""
    into = _INTO_A_THING.search(text, max(0, at - _INTO_REACH), at)
    return (into is not None and _A_THING_AFTER.match(text, end) is not None
            and _GOES_INTO.search(text, max(0, into.start() - 80), into.start()) is not None)
