"""The tails read after a number, as precompiled patterns built once from the data tables: scale words,
currency words, percent, units, rates, and the qualifier and change phrases written before a figure.

Every pattern is linear on hostile input: alternations of literals, possessive/atomic repetition.
"""
from __future__ import annotations

import functools
import re

from ledger.extract import tables, units
from ledger.extract.space import GAP, GAP1, WS as _WS
from ledger.text.trie import alternation


def _phrase(p: str) -> str:
    """A phrase whose spaces match any run of white space."""
    return r"\s+".join(re.escape(part) for part in p.split())


@functools.cache
def _breakable(word: str) -> str:
    """A word that a hard wrap or a soft hyphen may cut ("bill\nion"), as a pattern piece."""
    if len(word) < 5:
        return re.escape(word)
    return "(?:\n|\u00ad)?".join(map(re.escape, word))


@functools.cache
def scale() -> re.Pattern[str]:
    """A scale word right after a number."""
    parts = []
    for token, _mult, match in tables.scales():
        t = re.escape(token)
        if match == "word":
            parts.append(rf"{GAP}-?(?P<w_{token}>(?i:{_breakable(token)}))")
        elif match == "abbr":
            parts.append(rf"{_WS}?(?P<a_{token}>{t})")
        elif match == "spaced":
            parts.append(rf" (?P<s_{token}>{t})(?![&'’-]|\.\w)")
        else:
            parts.append(rf"(?P<t_{token}>{t})")
    return re.compile(r"(?:" + "|".join(parts) + r")(?![A-Za-z0-9])")


@functools.cache
def scale_multipliers() -> dict[str, tuple[float, str]]:
    """Group name in :func:`scale` → (multiplier, match)."""
    return {f"{m[0]}_{t}": (mult, m) for t, mult, m in tables.scales()}


@functools.cache
def post_currency() -> re.Pattern[str]:
    """A currency word or code right after a number (and its scale), or a minor unit ("cents", "pence"); a
    few adjectives may stand between ("94 million more dollars", "billions of federal taxpayer dollars")."""
    # lower case: the pattern ignores case, and one trie keeps the longest marker first ("euro cents", "euro")
    alts = {m.lower() for m in tables.minor_units()}
    alts |= {marker.lower() for marker, _c, pos in tables.currencies() if pos in ("post", "both")}
    adjectives = alternation(tables.cues("money_adjective"), spaces=True)
    return re.compile(
        rf"(?:-|{GAP})(?:of{GAP1})?(?:(?:{adjectives}){GAP1}){{0,2}}(?P<cur>{alternation(alts, spaces=True)})(?![\w$])",
        re.IGNORECASE,
    )


@functools.cache
def post_currency_codes() -> dict[str, str]:
    """lower-cased marker → code (markers after the number match case-insensitively)."""
    return {m.lower(): c for m, c, pos in tables.currencies() if pos in ("post", "both")}


@functools.cache
def pre_currency_codes() -> dict[str, str]:
    """lower-cased marker → code."""
    return {m.lower(): c for m, c, pos in reversed(tables.currencies()) if pos in ("pre", "both")}


PERCENT = re.compile(rf"{GAP}(?:%|(?i:per{GAP}cent\b|pct\b|percentage{GAP1}points?\b|percent\b))|pc\b")


_UNIT_HEAD = rf"(?:{GAP}|-)(?:of{GAP1})?"


def _case_sensitive(alias: str) -> bool:
    """Aliases with a capital or of one or two characters keep their case ("MW", "mm"); others do not."""
    return any(ch.isupper() for ch in alias) or len(alias) <= 2


@functools.cache
def _unit_fast() -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    """Every alias lower-cased in one trie matched case-insensitively, and the aliases as written (kept case)
    and lower-cased (any case) to check a match against."""
    table = units.table()
    trie = alternation((a.lower() for a, _u, _k in table), spaces=True)
    kept = frozenset(" ".join(a.split()) for a, _u, _k in table if _case_sensitive(a))
    free = frozenset(" ".join(a.lower().split()) for a, _u, _k in table if not _case_sensitive(a))
    return re.compile(rf"{_UNIT_HEAD}(?P<unit>(?i:{trie}))(?![A-Za-z0-9])"), kept, free


def unit_match(text: str, pos: int) -> re.Match[str] | None:
    """The unit of measure or duration right after a number at ``pos`` ("80 km", "48-month", "hundreds of
    kilometers"). The trie finds the longest alias in any case; when that alias must keep its case and does
    not, the slower alternation with each alias's own case rule decides (the same matches as it alone)."""
    fast, kept, free = _unit_fast()
    m = fast.match(text, pos)
    if m is None:
        return None
    found = " ".join(m.group("unit").split())
    if found in kept or found.lower() in free:
        return m
    return unit().match(text, pos)


@functools.cache
def unit() -> re.Pattern[str]:
    """A unit of measure or duration right after a number, each alias with its own case rule (longest first)."""
    alts = [_phrase(a) if _case_sensitive(a) else f"(?i:{_phrase(a)})" for a, _u, _k in units.table()]
    return re.compile(rf"{_UNIT_HEAD}(?P<unit>{'|'.join(alts)})(?![A-Za-z0-9])")


@functools.cache
def unit_names() -> dict[str, tuple[str, str]]:
    """lower-cased alias with single spaces → (unit name, kind)."""
    return {" ".join(a.lower().split()): (u, k) for a, u, k in units.table()}


def _tail_phrases(phrases) -> str:
    """The phrases as one trie (longest first), a space matching any white space."""
    return alternation(phrases, spaces=True)


@functools.cache
def qualifier_ahead() -> re.Pattern[str]:
    """A qualifier phrase before the second value of a change ("from 10,000 to nearly 15,000")."""
    return re.compile(rf"(?:{_tail_phrases(tables.qualifiers())}){GAP1}", re.IGNORECASE)


@functools.cache
def qualifier_reversed() -> re.Pattern[str]:
    """A qualifier phrase ending right before a figure ("more than", "about"), for the reversed text before it,
    matched at its start: one attempt instead of a search over every position of a window (the same phrase:
    the longest one ending there)."""
    phrases = {p[::-1] for p in tables.qualifiers()}
    return re.compile(rf"\s*(?P<q>{_tail_phrases(phrases)})(?![\w])", re.IGNORECASE)


@functools.cache
def change_reversed() -> re.Pattern[str]:
    """A change cue ending right before a figure or its qualifier ("rose", "an increase of", "cut by"), for the
    reversed text before it, matched at its start."""
    phrases = {p[::-1] for p in tables.changes()}
    return re.compile(rf"\s*(?:yb\s+)?(?P<c>{_tail_phrases(phrases)})(?![\w-])", re.IGNORECASE)


@functools.cache
def rate() -> re.Pattern[str]:
    """A per-unit rate right after an amount: "a share", "per gallon", "each month", "/month", "annually"."""
    nouns = "|".join(_phrase(n) for n in sorted(tables.rate_nouns(), key=len, reverse=True))
    not_rate = "|".join(sorted(tables.cues("not_rate_after")))
    adverbs = "|".join(sorted(tables.cue_values("rate_adverb")))
    return re.compile(
        rf"(?:{_WS}*+\([^()\n]{{1,40}}\))?+"  # "C$6 (US$4.46) per share": the rate is the first amount's
        rf"(?:{GAP}(?:(?P<art>a|an)|per|each|every){GAP1}|{_WS}*+/{_WS}*+|{_WS}*+(?:-{_WS}*+)?(?:an?|per){_WS}*+-{_WS}*+)"
        rf"(?P<per>(?i:{nouns}))(?![\w])"
        rf"(?(art)(?!{_WS}++(?i:{not_rate})\b))"  # "a year earlier" is no rate
        rf"|{GAP1}(?P<adv>(?i:{adverbs}))(?![\w-])"
    )
