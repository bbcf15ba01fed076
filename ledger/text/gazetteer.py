"""Actors (countries, capitals, metonyms, institutions) → canonical English names.

The table is ``ledger/data/text/gazetteer.tsv``; every alias of every entry is compiled into
one alternation (longest alias first) so a sentence is scanned once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ledger import data
from ledger.text.trie import trie_pattern


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor named in a text: ``canonical`` name, ``kind`` and where it was written."""

    start: int
    end: int
    alias: str
    canonical: str
    kind: str
    possessive: bool = False


@lru_cache(maxsize=1)
def load_gazetteer() -> dict[str, tuple[str, str]]:
    """``alias -> (canonical, kind)`` from the shipped data file."""
    table: dict[str, tuple[str, str]] = {}
    for canonical, kind, aliases in data.rows("text/gazetteer.tsv"):
        for alias in aliases.split("|"):
            table.setdefault(alias.strip(), (canonical, kind))
            table.setdefault(alias.strip().replace("'", "’"), (canonical, kind))  # "Côte d’Ivoire" as typeset
    return table


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    # A trie, not a flat alternation: the same matches (longest alias first), ~10x faster.
    body = trie_pattern(load_gazetteer(), not_after=r"[\w.-]")
    # Whole words only; an optional possessive ('s / ’s) is captured separately.
    return re.compile(rf"({body})(?![\w$-]|\.\w)(['’]s\b)?")


def find_actors(text: str) -> list[Mention]:
    """Every actor named in ``text``, in order."""
    table = load_gazetteer()
    out = []
    for m in _pattern().finditer(text):
        alias = " ".join(m.group(1).split())
        canonical, kind = table[alias]
        if kind != "none":  # "Indian Country" names no country: matched so that "Indian" is not
            out.append(Mention(m.start(), m.end(1), alias, canonical, kind, m.group(2) is not None))
    read = [_as_state(text, out, i) for i in range(len(out))]
    kept = [m for i, m in enumerate(read) if not _us_town(text, read, i) and not _local_government(text, m)
            and not _place_in_a_name(text, read, i)]
    return [m for i, m in enumerate(kept) if not _national_society(text, kept, i)]


#: "Atlanta, Georgia": a capitalised place and a comma right before a name (how US places are written).
_CITY_COMMA = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,\s*$")
#: A sentence that calls its place a US state: "the state", "the State of Georgia", "statewide", "the governor",
#: or speaks of American schooling ("schoolchildren in grades K through 12", "K-12", "school districts").
_STATE_WORDS = re.compile(r"\b(?:the\s+state\b(?!\s+(?:department|of\s+the\s+union))|state\s+of\s+[A-Z]|"
                          r"statewide|[Gg]overnor|(?:K-12|K\s+through\s+12|school\s+districts?)\b)")
#: ", NY": a comma and two capitals, a word of their own (a state's postal code if listed).
_POSTAL = re.compile(r",[ \t]*([A-Z]{2})\b(?![.'’-]?\w)")
#: Between a town and its state: a comma alone ("Dublin, Virginia").
_TOWN_COMMA = re.compile(r",[ \t]*")
#: What joins names of one list: "X, Y, and Z", "X and Y", "X or Y" (the context stage's lists too).
#: A state's formal name joins as its short one: "Palau, and the Republic of the Marshall Islands".
LIST_JOINT = (r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?"
              r"(?:(?:[Ee]astern|[Ww]estern|[Nn]orthern|[Ss]outhern|[Cc]entral)\s+)?"  # "Sudan, and eastern DRC"
              r"(?:(?:Republic|Kingdom|Commonwealth|Government)\s+of\s+(?:the\s+)?)?")
_LIST_JOINT = re.compile(f"^{LIST_JOINT}$")


def _as_state(text: str, found: list[Mention], i: int) -> Mention:
    """A country that is also a US state's name, read as the state in "Atlanta, Georgia" or beside
    other states in a list ("Florida, Georgia, and South Carolina")."""
    m = found[i]
    if m.kind != "country" or m.canonical not in _country_or_state():
        return m
    before = found[i - 1] if i > 0 else None
    after = found[i + 1] if i + 1 < len(found) else None
    named_city = before is not None and not text[before.end:m.start].strip(", ")  # "Tbilisi, Georgia"
    city = _CITY_COMMA.search(text, max(0, m.start - 40), m.start) is not None and not named_city
    listed = any(n is not None and n.kind == "state"
                 and _LIST_JOINT.match(text[min(n.end, m.end):max(n.start, m.start)]) for n in (before, after))
    # "Georgia received $X ... the state and school districts": the text calls it a state (read last)
    return replace(m, kind="state") if city or listed or _STATE_WORDS.search(text) is not None else m


def _us_town(text: str, found: list[Mention], i: int) -> bool:
    """A foreign name written the way US towns are, a comma and a state after it ("Dublin, Virginia",
    "East Palestine, Ohio", "Lebanon, Pennsylvania"): the town, no actor."""
    m = found[i]
    after = found[i + 1] if i + 1 < len(found) else None
    if m.kind != "state" and not m.possessive and _postal_after(text, m.end):
        return True  # "Malta, NY", "Paris, TX"
    return (m.kind != "state" and after is not None and after.kind == "state" and not m.possessive
            and _TOWN_COMMA.fullmatch(text, m.end, after.start) is not None)


#: A capitalised word right before a name, on the same line ("Seba Foods Zambia").
_NAME_BEFORE = re.compile(r"\b[A-Z][\w&'’.-]*[ \t]+$")
#: A capitalised word right after a name, on the same line ("Africa GreenCo").
_NAME_GOES_ON = re.compile(r"[ \t]+[A-Z]")


def _place_in_a_name(text: str, found: list[Mention], i: int) -> bool:
    """A country's or region's name inside another name, no place that gets money: a firm's that it starts
    ("Taiwan Semiconductor Manufacturing Company", "Kenya Airways"); a region's after an institution's noun
    ("University of Africa") or carried on by a capitalised word ("Africa GreenCo"). A place named next
    ("Africa Kenya") or a name joined by a hyphen ("U.S.-Africa Leaders Summit") is left alone."""
    m = found[i]
    if m.kind not in ("country", "region") or m.possessive:
        return False
    if _firm_name_end().match(text, m.end) and not _NAME_BEFORE.search(text, max(0, m.start - 40), m.start):
        return True  # (a country inside a firm's name, "Seba Foods Zambia Ltd.", says where the firm is)
    if m.kind != "region" or (m.start and text[m.start - 1] == "-"):
        return False
    if _institution_of().search(text, max(0, m.start - 40), m.start):
        return True
    nxt = _NAME_GOES_ON.match(text, m.end)
    return nxt is not None and not (i + 1 < len(found) and found[i + 1].start == nxt.end() - 1)


@lru_cache(maxsize=1)
def _firm_name_end() -> re.Pattern[str]:
    ends = "|".join(map(re.escape, data.entries("text/firm_name_ends.txt")))
    return re.compile(rf"(?:[ \t]+[A-Z][\w&'’.-]*){{0,4}}?[ \t]+(?:{ends})\b")


@lru_cache(maxsize=1)
def _institution_of() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, data.entries('text/institution_heads.txt')))})[ \t]+of[ \t]+$")


#: Names a country's own society takes after the country's name ("the Vietnam Red Cross").
_SOCIETIES = frozenset(("Red Cross", "Red Crescent"))


def _national_society(text: str, found: list[Mention], i: int) -> bool:
    """ "the Vietnam Red Cross", "the Kenya Red Cross Society": a country's own society, which the country
    names; the international body is not meant."""
    m, before = found[i], found[i - 1] if i else None
    return (m.alias in _SOCIETIES and before is not None and before.kind == "country"
            and text[before.end:m.start] == " ")


def _local_government(text: str, m: Mention) -> bool:
    """A place's name with a local government's noun after it ("Georgetown County", "Lebanon Township"):
    the county or township, no actor."""
    return not m.possessive and _local_heads().match(text, m.end) is not None


@lru_cache(maxsize=1)
def _local_heads() -> re.Pattern[str]:
    return re.compile(rf"[ \t]+(?:{'|'.join(map(re.escape, data.entries('text/local_heads.txt')))})\b")


def _postal_after(text: str, end: int) -> bool:
    """A comma and a US state's postal code right after ``end`` ("Malta, NY")."""
    m = _POSTAL.match(text, end)
    return m is not None and m.group(1) in _postal_codes()


@lru_cache(maxsize=1)
def _postal_codes() -> frozenset[str]:
    return frozenset(data.entries("text/us_postal_codes.txt"))


@lru_cache(maxsize=1)
def _country_or_state() -> frozenset[str]:
    return frozenset(data.entries("text/country_or_state.txt"))


@lru_cache(maxsize=4096)
def actors_in(sentence: str) -> tuple[Mention, ...]:
    """:func:`find_actors` of a sentence, read once however many figures the sentence holds."""
    return tuple(find_actors(sentence))


@lru_cache(maxsize=4096)
def canonical_name(name: str) -> str | None:
    """The canonical name for one alias ("Kyiv" → "Ukraine"), or None if unknown."""
    hit = load_gazetteer().get(name.strip())
    return hit[0] if hit and hit[1] != "none" else None


@lru_cache(maxsize=1)
def _kinds() -> dict[str, str]:
    return {canonical: kind for canonical, kind in load_gazetteer().values() if kind != "none"}


def kind_of(canonical: str | None) -> str | None:
    """The kind of an actor by its canonical name ("Michigan" → "state"), or None if unknown."""
    return _kinds().get(canonical or "")


def country_of_state(canonical: str | None) -> str | None:
    """The country a state or territory belongs to ("Alaska" → "United States", "Kerala" → "India")."""
    return _state_countries().get(canonical or "")


@lru_cache(maxsize=1)
def _state_countries() -> dict[str, str]:
    return {state: country for country, states in data.rows("text/state_countries.tsv") for state in states.split("|")}
