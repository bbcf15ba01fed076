"""What the extractor carries between its steps: the number as scanned, and the amount being read.

Both are immutable: each step of :mod:`ledger.extract.pipeline` returns a new ``Amount``
(``amount._replace(...)``) instead of changing one in place.
"""
from __future__ import annotations

from typing import NamedTuple


class Number(NamedTuple):
    """A number as the scanner found it ("$1.3", "twenty-five", "hundreds", "a third")."""

    start: int
    end: int
    value: float | None
    digits: str = ""  # the digits as written ("1,300"); "" for words
    words: bool = False  # written in words ("twenty-five", "two million")
    scaled: bool = False  # a scale word inside the words ("two million")
    signed: bool = False  # written with a sign ("-5 yards"): a figure only with a tail
    vague: str = ""  # a vague amount ("hundreds", "dozens"), lower case
    fraction: float = 0.0  # a fraction word ("a third", "half"): its share of one
    currency: str | None = None  # the currency marker written before it ("$", "EUR")
    bounds: tuple[float, float] | None = None  # the range a vague amount stands for


class Amount(NamedTuple):
    """A figure being read: its number and what was read around it so far (``start``, ``digits``, ``words``
    and ``vague`` are the number's, repeated here because every rule reads them)."""

    number: Number
    start: int
    end: int
    value: float | None
    digits: str = ""
    words: bool = False
    vague: str = ""
    kind: str = "count"
    unit: str | None = None
    currency: str | None = None
    multiplier: float = 1.0  # of the scale word read after the number ("million" → 1e6)
    scaled: bool = False  # a scale word was read (in the number or after it)
    bounds: tuple[float, float] | None = None  # (low, high) of a range or a vague amount
    qualifier: str = "exact"
    change: str | None = None
    per: str | None = None
    item: str | None = None  # the counted noun phrase as written
    noun_end: int = 0  # end of the counted noun phrase (a count's rate follows it: "78,000 times a minute")
    tail_currency: bool = False  # the currency was written after the number ("15 dollars")
    borrowed: bool = False  # the counted noun was read after the next number ("5 or 6 tanks")
    minor: float = 1.0  # written in a minor unit: its share of the major unit ("18 cents" → 0.01)

    @property
    def low(self) -> float | None:
        return self.bounds[0] if self.bounds else None

    @property
    def high(self) -> float | None:
        return self.bounds[1] if self.bounds else None

    @property
    def tailed(self) -> bool:
        """Something after the number made it money, a percentage, a measure or a duration."""
        return self.kind != "count"


def start(number: Number) -> Amount:
    """The amount a scanned number begins as: a count, or money when a currency marker came before it."""
    kind = "money" if number.currency else "count"
    qualifier = "vague" if number.vague else "exact"
    # every field in order (tuple.__new__ skips the keyword handling: this runs once per number of a text)
    return tuple.__new__(Amount, (
        number, number.start, number.end, number.value, number.digits, number.words, number.vague, kind, None,
        number.currency, 1.0, number.scaled, number.bounds, qualifier, None, None, None, 0, False, False, 1.0,
    ))
