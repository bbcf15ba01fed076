"""The one plural rule of the project, and the head noun of a phrase.

Irregular plurals and uncountable head nouns are ``ledger/data/text/plurals.tsv``; the extractor
(counted nouns, unit plurals) and the context stage (item heads) both ask here.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ledger import data


@lru_cache(maxsize=None)
def _head_ends() -> frozenset[str]:
    return frozenset(e.lower() for e in data.entries("text/head_ends.txt"))


@lru_cache(maxsize=None)
def irregular_plurals() -> dict[str, str]:
    """Irregular or uncountable noun → singular ("people" → "person", "ammunition" → itself)."""
    return {w.lower(): s for w, s in data.rows("text/plurals.tsv")}


@lru_cache(maxsize=8192)
def singular(word: str) -> str | None:
    """Singular lower-case form of a plural (or uncountable) noun; None when ``word`` is not one.

    The one plural rule of the project: irregular forms from ``text/plurals.tsv``, acronym plurals
    ("HMMWVs", "IDs"), words of four letters or more ("gas" is none), plural demonyms ("Ukrainians" → person), then -ies, -ches/-shes/-sses/-xes/-zzes, -oes
    and -s; words in -ss, -us, -is and possessives are not plurals."""
    low = word.lower()
    irregular = irregular_plurals()
    if low in irregular:
        return irregular[low]
    if not low.endswith("s") or low.endswith(("ss", "us", "is", "'s", "’s")):
        return None
    if word[:-1].isupper() and len(word) > 2:
        return low[:-1]
    if len(low) < 4:
        return None
    if word[0].isupper() and word.endswith(("ians", "cans", "eans", "ese")) and word[1:].islower():
        return "person"
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith(("ches", "shes", "sses", "xes", "zzes")) or (low.endswith("oes") and len(low) > 4):
        return low[:-2]
    return low[:-1]


@lru_cache(maxsize=None)
def _irregular_plural_of() -> dict[str, str]:
    """singular → its irregular plural ("foot" → "feet"), from the same table read the other way."""
    out: dict[str, str] = {}
    for plural_form, single in irregular_plurals().items():
        if plural_form != single and " " not in single:
            out.setdefault(single, plural_form)
    return out


def plural(word: str) -> str:
    """The plural of a singular noun, by the same rule read the other way ("inch" → "inches", "foot" →
    "feet", "century" → "centuries"); case is kept."""
    low = word.lower()
    if low in _irregular_plural_of():
        return _irregular_plural_of()[low]
    if low.endswith("y") and len(low) > 2 and low[-2] not in "aeiou":
        return word[:-1] + "ies"
    if low.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def is_plural(word: str) -> bool:
    """A plural noun by its form ("rounds", "entities", "women"); "gas", "chassis" are not."""
    return singular(word) is not None


_PAREN = re.compile(r"\([^()]*\)")
_HEAD_WORD = re.compile(r"[\w'-]+")


def head_noun(phrase: str | None) -> str | None:
    """Head noun of an item: the last word before its first preposition or clause word, singular, lower case."""
    if not phrase:
        return None
    head = None
    for w in _HEAD_WORD.findall(_PAREN.sub(" ", phrase.lower())):
        if head and (w in _head_ends() or is_plural(head) and w.endswith(("ing", "ed"))):
            break
        head = w
    if head is None:
        return None
    return singular(head) or head


