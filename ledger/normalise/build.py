"""Figures of one document → ledger rows (stable ids, currency conversion)."""
from __future__ import annotations

import datetime as _dt
import hashlib

from ledger.model import Figure
from ledger.normalise.fx import conversion
from ledger.model import Row
from ledger.model import Document


def figure_id(doc_id: str, start: int, end: int, surface: str) -> str:
    """A stable short id of one mention: 16 hex digits of SHA-1 over document and span."""
    key = f"{doc_id}\x1f{start}\x1f{end}\x1f{surface}".encode("utf-8", "surrogatepass")
    return hashlib.sha1(key).hexdigest()[:16]


def fx_date_of(figure: Figure, published: _dt.date | None) -> _dt.date | None:
    """The date money is converted at: the event date, else the publication date."""
    return figure.event_date or published


def to_row(doc: Document, fig: Figure) -> Row:
    """One figure of ``doc`` as a ledger row.

    Money gets ``value_usd``/``value_eur`` at the ECB rate of the event date (else
    the publication date). Ranges and vague amounts (``value`` None) keep
    ``value_usd``/``value_eur`` None — there is no single value to convert — but
    carry ``fx_rate``/``fx_date``/``fx_source``, so ``low``/``high`` convert by
    multiplying with ``fx_rate``. Other kinds have no FX fields.
    """
    usd = eur = rate = None
    fx_day = source = None
    if fig.kind == "money":
        conv = conversion(fig.currency or fig.unit, fx_date_of(fig, doc.published))
        usd, eur = conv.to_usd(fig.value), conv.to_eur(fig.value)
        rate, fx_day, source = conv.usd_per_unit, conv.rate_date, conv.source
    return Row(
        doc_id=doc.doc_id, source=doc.source, url=doc.url, published=doc.published,
        title=doc.title, start=fig.start, end=fig.end, surface=fig.surface,
        sentence=fig.sentence, kind=fig.kind, value=fig.value, low=fig.low, high=fig.high,
        qualifier=fig.qualifier, change=fig.change, unit=fig.unit, currency=fig.currency,
        item=fig.item, role=fig.role, donor=fig.donor, recipient=fig.recipient,
        event_date=fig.event_date, figure_id=figure_id(doc.doc_id, fig.start, fig.end, fig.surface),
        value_usd=usd, value_eur=eur, fx_rate=rate, fx_date=fx_day, fx_source=source,
        stage=fig.stage, aid_type=fig.aid_type, window_start=fig.window_start, window_end=fig.window_end,
        why=fig.why, confidence=fig.confidence,
    )


def to_rows(doc: Document, figures: list[Figure]) -> list[Row]:
    """Every figure of ``doc`` as a ledger row, in the figures' order."""
    return [to_row(doc, fig) for fig in figures]
