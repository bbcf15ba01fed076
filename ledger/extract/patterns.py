"""Precompiled regular expressions of the grammar, built once from the data tables.

Every pattern is linear on hostile input: alternations of literals, possessive/atomic
repetition, and lookbehinds that stop a scan from restarting inside a token.
"""
from __future__ import annotations

import functools
import re

from ledger.extract import tables
from ledger.text.trie import alternation

_WS = r"[ \t\u00a0]"          # white space inside a line
_GAP1 = r"(?:[ \t\u00a0]++\n?[ \t\u00a0]*+|\n[ \t\u00a0]*+)"  # some white space, at most one line break
_GAP = r"(?:[ \t\u00a0]*+\n?[ \t\u00a0]*+)"  # white space, at most one line break


def _phrase(p: str) -> str:
    """A phrase whose spaces match any run of white space."""
    return r"\s+".join(re.escape(part) for part in p.split())


DIGITS = (
    r"\d{1,3}(?:,\d{3})++(?:\.\d+)?+(?![\d,]\d)"  # 1,300 / 19,300.5
    r"|\d{1,3}(?:[ \u00a0]\d{3})++(?![\d])"       # 20 000
    r"|\d++(?:\.\d++)?+"                          # 1700 / 19.3
    r"|\.\d++(?![.,]\d)"                             # .500 (a leading-dot decimal: "a .500 record")
)


@functools.lru_cache(maxsize=None)
def pre_currency_alt() -> str:
    """Currency markers written before a number; three-letter codes also in lower case ("usd 20")."""
    markers = [m for m, _c, pos in tables.currencies() if pos in ("pre", "both")]
    codes = [m for m in markers if m.isalpha() and len(m) == 3 and m.isupper()]
    return alternation(markers) + "|(?i:" + alternation(codes) + ")"


@functools.lru_cache(maxsize=None)
def number_word_alt() -> str:
    return alternation(tables.number_words())


@functools.lru_cache(maxsize=None)
def fraction_alt() -> str:
    """Fraction phrases ("a third", "two-thirds", "half", "three quarters") from ``fractions.tsv``."""
    return alternation(tables.fractions()).replace(r"\ ", r"[- \t\u00a0]++")


@functools.lru_cache(maxsize=None)
def master() -> re.Pattern[str]:
    """Single pass over a text: things to skip, then candidate numbers (digits, words, vague words)."""
    nw = number_word_alt()
    first = alternation(w for w, (_v, c) in tables.number_words().items() if c in ("unit", "teen", "ten"))
    vague = "|".join(_phrase(p) for p in sorted(tables.vague(), key=len, reverse=True))
    skip = (
        r"(?P<skip>https?://[^\s)\]>\"']*+|www\.[^\s)\]>\"']++"        # URLs
        r"|(?<![\w.])\d{1,2}:\d{2}(?::\d{2})?+(?:\s?[AaPp]\.?[Mm]\.?)?+"  # clock times
        r"|(?<![\w.])\d{4}[-/.]\d{1,2}[-/.]\d{1,4}"                     # 2022-12-10, 2022/03/16
        r"|(?<![\w.])\d{1,2}/\d{1,2}/\d{2,4}"                           # 19/01/2023
        r")"
    )
    money_num = rf"(?<![A-Za-z0-9])(?P<pre>{pre_currency_alt()})(?P<presp>{_WS}?)(?P<neg>-)?+(?P<pnum>{DIGITS})"
    # "sub-300 sq m", "her now-18 month-old": a prefix glued by a hyphen still leaves a number
    plain_num = rf"(?:(?<![\w.,/:#@+=_$€£¥₹-])|(?<=(?<![\w-])(?i:sub|now)-))(?P<num>{DIGITS})"
    # "-3.2%", "-5 yards", "minus-130 degrees": a signed amount (a figure only with a tail, see grammar)
    signed = rf"(?<![\w.,/:#@+=_$€£¥₹-])(?P<sign>[-+−]|(?i:minus)[- \u00a0])(?P<snum>{DIGITS})(?![\d/])"
    frac = rf"(?P<frac>{fraction_alt()})(?![\w-])"  # inside the number words' branch (same first letters)
    vague_g = rf"(?<![\w-])(?P<vague>(?i:{vague}))(?![\w-])"
    words_g = (
        rf"(?P<words>(?:a{_WS}++(?:dozen|hundred|thousand|million|billion)(?![\w-])|{first})(?:(?:{_GAP1}|-|{_WS}++and{_WS}++)(?:{nw}))*+)(?![\w])"
    )
    gate_money = _first_chars(m for m, _c, pos in tables.currencies() if pos in ("pre", "both"))
    gate_vague = _first_chars(tables.vague())
    gate_words = _first_chars(["a", *tables.number_words()])
    return re.compile(
        rf"(?={gate_money}){money_num}|(?=[hHwW\d]){skip}|(?=\.?\d){plain_num}|(?=[-+−]|[mM][iI][nN]){signed}"
        rf"|(?={gate_vague}){vague_g}|(?={gate_words})(?i:(?<![\w-])(?:{frac}|{words_g}))"
    )


def _first_chars(words) -> str:
    """A character class of the first characters of ``words`` in both cases: a cheap gate that lets the
    regex engine leave a branch at its first character (the branches begin with lookbehinds)."""
    chars = {w[0] for w in words if w} | {w[0].upper() for w in words if w} | {w[0].lower() for w in words if w}
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


@functools.lru_cache(maxsize=None)
def scanner() -> re.Pattern[str]:
    """:func:`master` behind one non-word character: a pattern that begins with a character class lets the
    regex engine skip fast to the next candidate position (every figure starts at a word boundary)."""
    return re.compile(r"[^A-Za-z0-9_](?:" + master().pattern + ")")


@functools.lru_cache(maxsize=None)
def bare_number() -> re.Pattern[str]:
    """A number (optionally with a currency marker) anchored where the second bound of a range starts."""
    words = rf"(?i:(?<![\w-])(?P<words>(?:{number_word_alt()})(?:(?:{_WS}++|-)(?:{number_word_alt()}))*+)(?![\w-]))"
    return re.compile(rf"(?P<pre>{pre_currency_alt()})?+{_WS}?(?:(?P<num>{DIGITS})|{words})")


@functools.lru_cache(maxsize=None)
def scale() -> re.Pattern[str]:
    """A scale word right after a number."""
    parts = []
    for token, _mult, match in tables.scales():
        t = re.escape(token)
        if match == "word":
            parts.append(rf"{_GAP}-?(?P<w_{token}>(?i:{t}))")
        elif match == "abbr":
            parts.append(rf"{_WS}?(?P<a_{token}>{t})")
        else:
            parts.append(rf"(?P<t_{token}>{t})")
    return re.compile(r"(?:" + "|".join(parts) + r")(?![A-Za-z0-9])")


@functools.lru_cache(maxsize=None)
def scale_multipliers() -> dict[str, tuple[float, str]]:
    """Group name in :func:`scale` → (multiplier, match)."""
    return {f"{m[0]}_{t}": (mult, m) for t, mult, m in tables.scales()}


@functools.lru_cache(maxsize=None)
def post_currency() -> re.Pattern[str]:
    """A currency word or code right after a number (and its scale)."""
    alts = []
    for marker, _c, pos in tables.currencies():
        if pos in ("post", "both"):
            alts.append(marker)
            if marker[0].islower():
                alts.append(marker[0].upper() + marker[1:])
    return re.compile(rf"{_GAP}(?:of{_WS}+)?(?P<cur>{alternation(alts)})(?![\w$])", re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def post_currency_codes() -> dict[str, str]:
    """lower-cased marker → code (markers after the number match case-insensitively)."""
    return {m.lower(): c for m, c, pos in tables.currencies() if pos in ("post", "both")}


@functools.lru_cache(maxsize=None)
def pre_currency_codes() -> dict[str, str]:
    """lower-cased marker → code."""
    return {m.lower(): c for m, c, pos in reversed(tables.currencies()) if pos in ("pre", "both")}


PERCENT = re.compile(rf"{_WS}?+(?:%|(?i:per{_WS}?cent\b|pct\b|percentage{_WS}points?\b|percent\b))|pc\b")


@functools.lru_cache(maxsize=None)
def unit() -> re.Pattern[str]:
    """A unit of measure or duration right after a number ("80 km", "48-month", "hundreds of kilometers")."""
    alts = []
    for alias, _u, _k in tables.units():
        a = _phrase(alias)
        if any(ch.isupper() for ch in alias) or len(alias) <= 2:
            alts.append(a)
        else:
            alts.append(f"(?i:{a})")
    return re.compile(rf"(?:{_GAP}|-)(?:of{_WS}+)?(?P<unit>{'|'.join(alts)})(?![A-Za-z0-9])")


@functools.lru_cache(maxsize=None)
def unit_names() -> dict[str, tuple[str, str]]:
    """lower-cased alias with single spaces → (unit name, kind)."""
    return {" ".join(a.lower().split()): (u, k) for a, u, k in tables.units()}


def _tail_phrases(phrases) -> str:
    return "|".join(_phrase(p) if p != "~" else r"~" for p in sorted(phrases, key=len, reverse=True))


@functools.lru_cache(maxsize=None)
def qualifier_before() -> re.Pattern[str]:
    """A qualifier phrase ending right before a figure (searched in a short window before it)."""
    return re.compile(rf"(?:(?<![\w])(?P<q>{_tail_phrases(tables.qualifiers())}))\s*$", re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def change_before() -> re.Pattern[str]:
    """A change cue ending right before a figure (or its qualifier)."""
    return re.compile(rf"(?<![\w-])(?P<c>{_tail_phrases(tables.changes())})(?:\s+by)?\s*$", re.IGNORECASE)


RANGE_LINK = re.compile(rf"{_WS}*+(?:-|–|—|to|and|or)(?![\w]){_WS}*+|{_WS}*+(?:-|–)")
BETWEEN_BEFORE = re.compile(r"(?i)\bbetween\s+$")
FROM_BEFORE = re.compile(r"(?i)\bfrom\s+$")
BY_BEFORE = re.compile(r"(?i)\bby\s+$")
WORD = re.compile(r"[A-Za-z0-9][\w'’.-]*+")


@functools.lru_cache(maxsize=None)
def rate() -> re.Pattern[str]:
    """A per-unit rate right after an amount: "a share", "per gallon", "each month", "/month", "annually"."""
    nouns = "|".join(_phrase(n) for n in sorted(tables.rate_nouns(), key=len, reverse=True))
    return re.compile(
        rf"(?:{_WS}*+\([^()\n]{{1,40}}\))?+"  # "C$6 (US$4.46) per share": the rate is the first amount's
        rf"(?:{_WS}*+(?:(?P<art>a|an)|per|each|every){_WS}++|{_WS}*+/{_WS}*+|{_WS}*+(?:-{_WS}*+)?(?:a|per){_WS}*+-{_WS}*+)"
        rf"(?P<per>(?i:{nouns}))(?![\w])"
        rf"(?(art)(?!{_WS}++(?i:earlier|ago|before|after|later|prior)\b))"  # "a year earlier" is no rate
        rf"|{_WS}++(?P<adv>(?i:annually|yearly|monthly|weekly|daily))(?![\w-])"
    )


RATE_ADVERBS = {"annually": "year", "yearly": "year", "monthly": "month", "weekly": "week", "daily": "day"}
