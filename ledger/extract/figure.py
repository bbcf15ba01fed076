"""The typed result of extraction: one :class:`Figure` per figure found in a text."""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

KINDS = ("money", "count", "percent", "measure", "duration")
QUALIFIERS = ("exact", "approx", "at_least", "at_most", "range", "vague")
CHANGES = ("up", "down")
ROLES = ("package", "component", "cumulative", "budget", "other")


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure found in a text.

    ``start``/``end`` are character offsets into the text given to the extractor and
    ``surface == text[start:end]`` always holds. ``surface`` is the number with its
    currency and scale words, without qualifier words and without the counted noun
    ("$19.3 billion", "80,000", "hundreds").

    ``value`` is the point value with the scale applied (None for ranges and vague
    amounts); ``low``/``high`` are set for ranges and vague amounts only.
    ``unit``: money → ISO 4217 code; count → singular lower-case counted noun;
    percent → "%"; measure/duration → quantulum3 unit name.
    ``per``: the unit of a rate written after the amount ("$98 a share" → "share", "5% a year" → "year"),
    else None (added in round 2, defaulted).
    The context fields (``sentence`` … ``event_date``) are filled by
    :mod:`ledger.context`; the grammar leaves them empty.
    """

    start: int
    end: int
    surface: str
    kind: str
    value: float | None
    low: float | None = None
    high: float | None = None
    qualifier: str = "exact"
    unit: str | None = None
    currency: str | None = None
    change: str | None = None
    item: str | None = None
    role: str | None = None
    donor: str | None = None
    recipient: str | None = None
    event_date: _dt.date | None = None
    sentence: str = ""
    per: str | None = None
