"""The boundary types of the pipeline, in one place.

```
read ──Document──▶ extract ──Figure──▶ context ──Figure──▶ normalise ──Row──▶ store ──▶ analyse ──▶ report
```

Every stage takes and gives these types; the vocabularies of their closed fields (kinds, roles,
qualifiers, stages, aid types) are ``Literal`` types with a tuple of their values beside them,
so a checker and a test can both see them.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, fields
from typing import Literal, get_args

__all__ = [
    "AID_ROLES", "AID_TYPES", "AidType", "CHANGES", "CORRECTION_FIELDS", "Change", "Correction", "Document",
    "Figure", "KINDS", "Kind",
    "QUALIFIERS", "Qualifier", "ROLES", "ROW_COLUMNS", "ReadError", "Role", "Row", "STAGES", "Stage",
]

Kind = Literal["money", "count", "percent", "measure", "duration"]
Qualifier = Literal["exact", "approx", "at_least", "at_most", "range", "vague"]
Change = Literal["up", "down"]
#: package: a new aid package, tranche, pledge or drawdown; component: a part of one; cumulative: a
#: running total; budget: an appropriation, request, authority, fund or domestic programme; other:
#: not an aid-ledger figure (prices, taxes, deficits, casualties, votes ...).
Role = Literal["package", "component", "cumulative", "budget", "other"]
#: How far the money has gone: promised → approved → paid → handed over; or asked of / enacted by a
#: legislature.
Stage = Literal["pledged", "committed", "disbursed", "delivered", "requested", "appropriated"]
#: The split the Kiel Ukraine Support Tracker and OCHA's FTS use.
AidType = Literal["military", "humanitarian", "financial", "development"]

KINDS: tuple[str, ...] = get_args(Kind)
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)
CHANGES: tuple[str, ...] = get_args(Change)
ROLES: tuple[str, ...] = get_args(Role)
STAGES: tuple[str, ...] = get_args(Stage)
AID_TYPES: tuple[str, ...] = get_args(AidType)
#: Roles whose money is aid (what totals add up); "other" is everything else.
AID_ROLES: frozenset[str] = frozenset(ROLES) - {"other"}
#: What an analyst may correct about a figure: its context, its amount (``value``, in its own
#: currency), ``exclude`` (``yes``: the figure makes no fact) and a ``note`` kept beside it.
CORRECTION_FIELDS: tuple[str, ...] = ("role", "donor", "recipient", "stage", "aid_type", "value", "exclude",
                                      "note")


@dataclass(frozen=True, slots=True)
class Document:
    """One article, cleaned and ready for extraction.

    ``text`` is the article only (title first, then body) with page chrome removed,
    mojibake repaired and white space normalised; figure offsets refer to it.
    ``source`` names where it came from: a path, ``path:LINE`` for a corpus row, or ``-``.
    """

    doc_id: str
    source: str
    text: str
    title: str | None = None
    published: _dt.date | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class ReadError:
    """An input that could not be read; the batch goes on without it."""

    source: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:  # one clear line for stderr
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.reason}"


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
    ``per``: the unit of a rate written after the amount ("$98 a share" → "share").

    The context fields (``sentence`` … ``confidence``) are filled by :mod:`ledger.context`;
    the extractor leaves them empty. ``why`` names, per attribute, the rule that decided it
    and the words it used; ``confidence`` in [0, 1] says how direct the evidence was.
    ``window_start``/``window_end`` bound the period a cumulative total covers ("since
    February 24", "in 2022").
    """

    start: int
    end: int
    surface: str
    kind: Kind
    value: float | None
    low: float | None = None
    high: float | None = None
    qualifier: Qualifier = "exact"
    unit: str | None = None
    currency: str | None = None
    change: Change | None = None
    item: str | None = None
    role: Role | None = None
    donor: str | None = None
    recipient: str | None = None
    event_date: _dt.date | None = None
    sentence: str = ""
    per: str | None = None
    stage: Stage | None = None
    aid_type: AidType | None = None
    window_start: _dt.date | None = None
    window_end: _dt.date | None = None
    why: str | None = None
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Row:
    """One mention of a figure in one document, normalised: the ledger's row."""

    doc_id: str
    source: str
    url: str | None
    published: _dt.date | None
    title: str | None
    start: int
    end: int
    surface: str
    sentence: str
    kind: Kind
    value: float | None
    low: float | None
    high: float | None
    qualifier: Qualifier
    change: Change | None
    unit: str | None
    currency: str | None
    item: str | None
    role: Role | None
    donor: str | None
    recipient: str | None
    event_date: _dt.date | None
    figure_id: str
    value_usd: float | None
    value_eur: float | None
    fx_rate: float | None  # US$ per one unit of ``currency`` at ``fx_date``
    fx_date: _dt.date | None
    fx_source: str | None  # "ECB" or a reason the amount stays unconverted
    stage: Stage | None = None
    aid_type: AidType | None = None
    window_start: _dt.date | None = None
    window_end: _dt.date | None = None
    why: str | None = None
    confidence: float | None = None

    def as_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


ROW_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Row))


@dataclass(frozen=True, slots=True)
class Correction:
    """An analyst's value for one field of one figure.

    It is keyed by what the figure is — its document (``doc_id``, derived from the text), its
    character span and its surface — never by a row number or a fact id, so it finds its figure
    again after the rules change (``ledger/store/corrected.py``). ``field`` is one of
    :data:`CORRECTION_FIELDS`; ``value`` is text (a number for ``value``, ``yes`` for
    ``exclude``) or None to leave the field empty. ``sentence`` helps find a figure whose span
    moved.
    """

    doc_id: str
    start: int
    end: int
    surface: str
    field: str
    value: str | None
    sentence: str = ""
