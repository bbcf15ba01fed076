"""Role of a figure: package | component | cumulative | budget | other.

Cue phrases live in ``ledger/data/context/role_cues.tsv`` (role, side, phrases) and counted
nouns that are never aid in ``ledger/data/context/other_units.txt``. Cues are looked for in
the figure's own clause: the words between the previous figure (or the sentence
start) and this one ("before"), and the words up to the next figure ("after").
"""
from __future__ import annotations

import re
from functools import lru_cache

from ledger import data
from ledger.text.trie import trie_pattern

ROLE_ORDER = ("other", "budget", "cumulative")
_AID_VERBS = re.compile(
    r"\b(?:provid\w*|deliver\w*|send\w*|sent|donat\w*|pledg\w*|commit\w*|includ\w*|packages?|"
    r"transfer\w*|suppl\w*|giv\w*|gave|announc\w*|contribut\w*|grant\w*|allocat\w*|disburs\w*|"
    r"assistance|aid|help\w*|support\w*|deploy\w*|ship\w*|procur\w*|fund\w*)\b",
    re.IGNORECASE,
)
_COMPONENT_BEFORE = re.compile(
    r"(?:\bof which\b|\bof (?:this|that|the|these) (?:\w+ )?(?:funding|funds|amount|package|assistance|total)\b"
    r"|\bof the (?:newly announced |new |additional )?(?:commitment|package|\$)|\binclud\w*\b|\bincluding\b"
    r"|\bthe other\b|\bthe (?:first|second|remaining) (?:half|part|tranche)\b|\bpart of (?:the|this|that|our|its|these)\b|\bportion\b)",
    re.IGNORECASE,
)
_LEAD_IN = re.compile(r":\s*$")


Key = tuple[str, str]  # (role, side)


@lru_cache(maxsize=1)
def _cue_table() -> tuple[re.Pattern[str], dict[str, frozenset[Key]], tuple[tuple[re.Pattern[str], Key], ...]]:
    """One trie pattern over every (lower-case) cue phrase, the keys of each literal phrase, the wildcard ones.

    Role "none" phrases ("budget support") are matched like the others and give no role: a
    longer phrase wins at its position, so they mask the cues inside them.
    """
    literal: dict[str, set[Key]] = {}
    wild: list[tuple[re.Pattern[str], Key]] = []
    for role, side, alts in data.rows("context/role_cues.tsv"):
        for p in alts.split("|"):
            p = " ".join(p.strip().lower().split())
            if not p:
                continue
            literal.setdefault(p, set()).add((role, side))
            if "*" in p:
                wild.append((re.compile(re.escape(p).replace(r"\*", r"\w*").replace(r"\ ", " ")), (role, side)))
    pattern = re.compile(trie_pattern(literal, not_after=r"[\w$]") + r"(?!\w)")
    return pattern, {k: frozenset(v) for k, v in literal.items()}, tuple(wild)


_CUT = re.compile(r"(?<=\w)(?=\W)")


@lru_cache(maxsize=4096)
def _keys(matched: str) -> frozenset[Key]:
    """Keys of a matched phrase and of every phrase written inside it ("to date," holds "to date").

    A "none" phrase masks everything inside it ("budget support" is no budget cue).
    """
    _, literal, wild = _cue_table()
    text = " ".join(matched.lower().split())
    if ("none", "any") in literal.get(text, ()):
        return frozenset()
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == " "]
    ends = [m.start() for m in _CUT.finditer(text)] + [len(text)]
    keys: set[Key] = set()
    for i in starts:
        for j in ends:
            if j > i:
                part = text[i:j].strip()
                keys.update(literal.get(part, ()))
                keys.update(key for pat, key in wild if pat.fullmatch(part))
    return frozenset(keys)


@lru_cache(maxsize=4096)
def cue_marks(text: str) -> tuple[tuple[int, int, frozenset[Key]], ...]:
    """Every cue phrase in ``text`` as ``(start, end, {(role, side)})`` (cached: one scan per sentence)."""
    pattern = _cue_table()[0]
    low = _lower_same_length(text)
    out = []
    m = pattern.search(low)
    while m is not None:  # overlapping: a phrase may start inside the previous one ("in total of")
        keys = _keys(m.group())
        if keys:
            out.append((m.start(), m.end(), keys))
        m = pattern.search(low, m.start() + 1)
    return tuple(out)


def _lower_same_length(text: str) -> str:
    """``text.lower()`` with the same offsets (a letter whose lower case is longer, "İ", is kept)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


@lru_cache(maxsize=1)
def other_units() -> frozenset[str]:
    return frozenset(data.entries("context/other_units.txt"))


def cue_role(before: str, after: str) -> str | None:
    """The role named by cue words around a figure, strongest first (other, budget, cumulative)."""
    found = _roles_in(cue_marks(before), "before", 0, len(before), None)
    found |= _roles_in(cue_marks(after), "after", 0, len(after), _OTHER_AFTER_SPAN)
    return _strongest(found)


def cue_role_in(sentence: str, lo: int, at: int, end: int, hi: int) -> str | None:
    """``cue_role`` for the figure at ``sentence[at:end]`` whose clause is ``sentence[lo:hi]``."""
    marks = cue_marks(sentence)
    found = _roles_in(marks, "before", lo, at, None)
    if "other" in found and "other" not in _roles_in(marks, "before", max(lo, at - _OTHER_BEFORE_SPAN), at, None):
        found.discard("other")  # "the damage he caused ... by committing we issue $50 billion": too far
    found |= _roles_in(marks, "after", end, hi, end + _OTHER_AFTER_SPAN)
    return _strongest(found)


def _roles_in(marks, side: str, lo: int, hi: int, other_end: int | None) -> set[str]:
    """Roles of the ``side`` cues lying inside ``[lo, hi)`` ("other" after a figure: only near it)."""
    out: set[str] = set()
    for s, e, keys in marks:
        if s < lo or e > hi:
            continue
        for role, where in keys:
            if where == side and (role != "other" or other_end is None or e <= other_end):
                out.add(role)
    return out


def _strongest(roles: set[str]) -> str | None:
    return next((r for r in ROLE_ORDER if r in roles), None)


#: "other" cues after a figure name what it measures right away ("$3 billion in damage", "a 5% increase").
_OTHER_AFTER_SPAN = 30
#: ... and before it, name it close by ("damage estimated at $X", "an increase of $X").
_OTHER_BEFORE_SPAN = 45
_ADJACENT_PART = re.compile(
    r"\b(?:including|includes|include|of which)\s+(?:about |nearly |over |more than |up to |some |approximately |almost )?$",
    re.IGNORECASE,
)
_PART_AFTER = re.compile(r"^\s*(?:of|from)\s+(?:our|the|this|that|its|their|his|her)\s+(?:\w+\s+){0,3}?"
                         r"(?:loan|package|commitment|pledge|funding|funds|total|amount|assistance|aid|contribution)s?\b",
                         re.IGNORECASE)


def is_adjacent_part(before: str, after: str) -> bool:
    """A figure written as a part of another ("including $X", "$X of our loan")."""
    return _ADJACENT_PART.search(before[-40:]) is not None or _PART_AFTER.match(after) is not None


@lru_cache(maxsize=1024)
def has_aid_verb(text: str) -> bool:
    """Cached: every figure of a sentence asks about the same sentence (linear on long ones)."""
    return _AID_VERBS.search(text) is not None


def is_component_cue(before: str) -> bool:
    return _COMPONENT_BEFORE.search(before) is not None


def is_lead_in(sentence: str) -> bool:
    """A sentence that introduces a list ("The package includes:")."""
    return _LEAD_IN.search(sentence) is not None


def lead_in_role(sentence: str) -> str | None:
    """Role given to the items of the list a lead-in sentence opens."""
    role = cue_role(sentence, "")
    if role in ("cumulative", "budget"):
        return role
    if re.search(r"\b(?:package|tranche|includes?|including|providing|provide|following|consist\w*|send\w*|sent|"
                 r"deliver\w*|donat\w*|supplying)\b", sentence, re.I):
        return "component"
    return None
