"""Cue words of the aid frame found in a sentence (``ledger/data/context/money_cues.tsv``).

One trie pattern over every phrase of every class finds them in one scan; where two
phrases overlap the longer one wins and hides the shorter ones inside it ("budget support"
is aid, not a budget). A matched word takes the classes of every phrase that matches it,
written out or through a "*" ending ("announc*").
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ledger import data
from ledger.context.words import words
from ledger.text.gazetteer import find_actors
from ledger.text.trie import trie_pattern

__all__ = ["Cue", "cues", "is_container", "lower_same_length"]

Key = tuple[str, str]  # (class, value)


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue phrase in a sentence: ``sentence[start:end] == text``."""

    start: int
    end: int
    cls: str
    value: str
    text: str


@functools.lru_cache(maxsize=1)
def _table() -> tuple[re.Pattern[str], dict[str, frozenset[Key]], tuple[tuple[re.Pattern[str], Key], ...]]:
    literal: dict[str, set[Key]] = {}
    wild: list[tuple[re.Pattern[str], Key]] = []
    for row in data.table("context/money_cues.tsv"):
        key = (row["class"], row["value"])
        for phrase in row["phrases"].split("|"):
            phrase = " ".join(phrase.lower().split())
            if "*" in phrase:
                wild.append((re.compile(re.escape(phrase).replace(r"\*", r"\w*").replace(r"\ ", " ")), key))
            literal.setdefault(phrase, set()).add(key)
    pattern = re.compile(trie_pattern(literal, not_after=r"[\w$-]") + r"(?![\w-])")
    return pattern, {k: frozenset(v) for k, v in literal.items() if "*" not in k}, tuple(wild)


@functools.lru_cache(maxsize=8192)
def _keys(matched: str) -> frozenset[Key]:
    _, literal, wild = _table()
    text = " ".join(matched.lower().split())
    return literal.get(text, frozenset()) | frozenset(key for pat, key in wild if pat.fullmatch(text))


def lower_same_length(text: str) -> str:
    """``text.lower()`` with the same offsets (a letter whose lower case is longer is kept)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


@functools.lru_cache(maxsize=4096)
def cues(sentence: str) -> tuple[Cue, ...]:
    """Every cue of ``sentence``, in order; phrases inside a longer matched phrase are dropped."""
    pattern = _table()[0]
    low = lower_same_length(sentence)
    spans: list[tuple[int, int]] = []
    m = pattern.search(low)
    while m is not None:  # overlapping: a phrase may start inside the previous one
        spans.append((m.start(), m.end()))
        m = pattern.search(low, m.start() + 1)
    names = [(m.start, m.end) for m in find_actors(sentence)]
    out: list[Cue] = []
    reach = -1  # the furthest end of the phrases kept so far (spans come in start order)
    for s, e in spans:
        if e <= reach or any(a <= s and e <= b and (a, b) != (s, e) for a, b in names):
            continue  # inside a longer phrase, or a word of a name ("States" of "United States")
        reach = e
        for cls, value in sorted(_keys(low[s:e])):
            out.append(Cue(s, e, cls, value, sentence[s:e]))
    return tuple(out)


#: Aid nouns that hold money without saying what it is: "an investment pledge" is investment;
#: "production assistance" is assistance.
_CONTAINERS = frozenset(words("container_nouns"))


def is_container(c: Cue) -> bool:
    """An aid noun that says money is given but not what it is ("package", "pledge", "funding")."""
    return c.cls == "aid" and (c.value == "weak" or c.text.lower() in _CONTAINERS)
