"""Role of a figure: package | component | cumulative | budget | other.

Cue phrases live in ``ledger/data/role_cues.tsv`` (role, side, phrases) and counted
nouns that are never aid in ``ledger/data/other_units.txt``. Cues are looked for in
the figure's own clause: the words between the previous figure (or the sentence
start) and this one ("before"), and the words up to the next figure ("after").
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

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
    r"|\bthe other\b|\bthe (?:first|second|remaining) (?:half|part|tranche)\b|\bpart of\b|\bportion\b)",
    re.IGNORECASE,
)
_LEAD_IN = re.compile(r":\s*$")


@lru_cache(maxsize=1)
def _cue_patterns() -> dict[tuple[str, str], re.Pattern[str]]:
    raw = resources.files("ledger.data").joinpath("role_cues.tsv").read_text(encoding="utf-8")
    phrases: dict[tuple[str, str], list[str]] = {}
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        role, side, alts = line.split("\t")  # role "none": masked phrases, never a cue
        for p in alts.split("|"):
            p = p.strip().lower()
            if p:
                phrases.setdefault((role, side), []).append(
                    re.escape(p).replace(r"\*", r"\w*").replace(r"\ ", r"\s+")
                )
    return {
        key: re.compile(r"(?<![\w$])(?:" + "|".join(sorted(v, key=len, reverse=True)) + r")(?![\w])", re.IGNORECASE)
        for key, v in phrases.items()
    }


@lru_cache(maxsize=1)
def other_units() -> frozenset[str]:
    raw = resources.files("ledger.data").joinpath("other_units.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in raw.splitlines() if w.strip() and not w.startswith("#"))


def cue_role(before: str, after: str) -> str | None:
    """The role named by cue words around a figure, strongest first (other, budget, cumulative)."""
    pats = _cue_patterns()
    mask = pats.get(("none", "any"))
    if mask is not None:
        before, after = mask.sub(" ", before), mask.sub(" ", after)
    for role in ROLE_ORDER:
        b = pats.get((role, "before"))
        a = pats.get((role, "after"))
        near = after[:_OTHER_AFTER_SPAN] if role == "other" else after
        if (b and b.search(before)) or (a and a.search(near)):
            return role
    return None


#: "other" cues after a figure name what it measures right away ("$3 billion in damage", "a 5% increase").
_OTHER_AFTER_SPAN = 30
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
    if re.search(r"\b(?:package|tranche|includes?|including|providing|provide|following|consist\w*)\b", sentence, re.I):
        return "component"
    return None
