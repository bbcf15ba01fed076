"""The word lists of the context stage's patterns (``ledger/data/context/pattern_words.tsv``):
clause breaks, joining words, verbs of speech, adjectives that may stand before an amount, ...

One row of the file per list; a pattern takes a list's words as the branches of an alternation,
in the order the file gives them (the order a regular expression tries them in).
"""
from __future__ import annotations

import functools
import re

from ledger import data

__all__ = ["alternation", "none_of", "words"]

_FILE = "context/pattern_words.tsv"


@functools.cache
def words(name: str) -> tuple[str, ...]:
    """The words and phrases of list ``name``, in file order."""
    for row in data.table(_FILE):
        if row["list"] == name:
            return tuple(w.strip() for w in row["words"].split("|"))
    raise KeyError(f"{_FILE} has no list {name!r}")


def alternation(name: str, *, space: str = r"\s+", start: str = "", end: str = "") -> str:
    """The words of list ``name`` as the branches of a pattern, in file order, each matched
    literally; a space inside a phrase matches ``space`` (any white space unless told); ``start``
    and ``end`` stand before and after every branch (``r"\\b"``: whole words)."""
    return "|".join(start + space.join(map(re.escape, w.split(" "))) + end for w in words(name))


def none_of(name: str) -> str:
    """A lookahead: no word of list ``name`` starts here as a whole word ("(?!to\\b|for\\b)")."""
    return "(?!" + alternation(name, end=r"\b") + ")"
