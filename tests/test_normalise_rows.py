"""Figures → rows: stable ids and money converted at the event date, else the publication date."""
from __future__ import annotations

import datetime as dt

import pytest

from ledger import Document, Figure
from ledger.normalise import figure_id, to_rows
from ledger.store.schema import COLUMNS, rows_frame

D = dt.date
TEXT = "Britain pledged £2.3 billion on Friday; 40 trucks followed."
DOC = Document(doc_id="uk-1", source="uk.txt", text=TEXT, title="UK aid", published=D(2022, 12, 12))


def money(value=2.3e9, currency="GBP", event_date=None, low=None, high=None, qualifier="exact"):
    return Figure(start=16, end=28, surface="£2.3 billion", kind="money", value=value, low=low, high=high,
                  qualifier=qualifier, unit=currency, currency=currency, role="package", donor="United Kingdom",
                  recipient="Ukraine", event_date=event_date, sentence=TEXT)


TRUCKS = Figure(start=40, end=42, surface="40", kind="count", value=40.0, unit="truck", item="trucks")


def test_figure_id_is_stable_short_and_depends_on_document_and_span():
    first = to_rows(DOC, [money(), TRUCKS])
    again = to_rows(DOC, [money(), TRUCKS])
    assert [r.figure_id for r in first] == [r.figure_id for r in again]
    assert first[0].figure_id == figure_id("uk-1", 16, 28, "£2.3 billion")
    assert len(first[0].figure_id) == 16 and first[0].figure_id != first[1].figure_id
    other_doc = Document(doc_id="uk-2", source="b.txt", text=TEXT)
    assert to_rows(other_doc, [money()])[0].figure_id != first[0].figure_id


@pytest.mark.parametrize(
    "event_date, published, fx_date",
    [
        (D(2022, 12, 9), D(2022, 12, 12), D(2022, 12, 9)),     # event date wins
        (None, D(2022, 12, 12), D(2022, 12, 12)),              # else the publication date (a Monday)
        (D(2022, 12, 10), None, D(2022, 12, 9)),               # Saturday → Friday's rate
        (None, D(2022, 12, 11), D(2022, 12, 9)),               # published on Sunday → Friday's rate
    ],
)
def test_money_is_converted_at_the_event_date_else_the_publication_date(event_date, published, fx_date):
    doc = Document(doc_id="d", source="s", text=TEXT, published=published)
    row = to_rows(doc, [money(event_date=event_date)])[0]
    assert (row.fx_date, row.fx_source) == (fx_date, "ECB")
    assert row.value_usd == pytest.approx(2.3e9 * row.fx_rate)
    assert 1.1 < row.fx_rate < 1.3 and 1.1e9 * 2.3 < row.value_eur < 1.2e9 * 2.3


@pytest.mark.parametrize(
    "currency, published, value_usd, source_has",
    [
        ("UAH", D(2022, 12, 12), None, "no ECB rate for UAH"),
        ("RUB", D(2023, 5, 2), None, "after the last ECB rate for RUB"),
        ("GBP", None, None, "no date"),
        ("USD", None, 2.3e9, "unconverted to EUR"),
        ("USD", D(2022, 12, 12), 2.3e9, "ECB"),
    ],
)
def test_unconvertible_money_is_flagged_not_guessed(currency, published, value_usd, source_has):
    doc = Document(doc_id="d", source="s", text=TEXT, published=published)
    row = to_rows(doc, [money(currency=currency)])[0]
    assert row.value_usd == value_usd
    assert source_has in row.fx_source


def test_ranges_keep_value_none_but_carry_the_rate_for_low_and_high():
    row = to_rows(DOC, [money(value=None, low=2e9, high=3e9, qualifier="range")])[0]
    assert row.value is None and row.value_usd is None and row.value_eur is None
    assert row.fx_source == "ECB" and row.fx_rate > 1 and (row.low, row.high) == (2e9, 3e9)


def test_non_money_rows_have_no_fx_and_copy_document_and_figure_fields():
    row = to_rows(DOC, [TRUCKS])[0]
    assert (row.value_usd, row.fx_rate, row.fx_date, row.fx_source) == (None, None, None, None)
    assert (row.doc_id, row.source, row.title, row.published) == ("uk-1", "uk.txt", "UK aid", D(2022, 12, 12))
    assert (row.surface, row.item, row.unit, row.value) == ("40", "trucks", "truck", 40.0)


def test_rows_make_a_typed_frame():
    frame = rows_frame(to_rows(DOC, [money(event_date=D(2022, 12, 9)), TRUCKS]))
    assert tuple(frame.columns) == COLUMNS and len(frame) == 2
    assert str(frame["fx_date"].dtype) == "datetime64[ns]"
