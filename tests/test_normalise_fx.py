"""ECB conversion rules: earlier business day only, never outside the table, unknown currencies flagged."""
from __future__ import annotations

import datetime as dt

import pytest

from ledger.normalise.fx import ECB, conversion, table_range

D = dt.date


@pytest.mark.parametrize(
    "currency, date, rate_date",
    [
        ("GBP", D(2022, 12, 9), D(2022, 12, 9)),     # a Friday: its own rate
        ("GBP", D(2022, 12, 10), D(2022, 12, 9)),    # Saturday → previous Friday
        ("GBP", D(2022, 12, 11), D(2022, 12, 9)),    # Sunday → previous Friday
        ("EUR", D(2022, 12, 25), D(2022, 12, 23)),   # Christmas Sunday → Friday before
        ("JPY", D(2023, 1, 1), D(2022, 12, 30)),     # New Year (TARGET holiday) → last business day
        ("eur", D(2022, 4, 18), D(2022, 4, 14)),     # Easter Monday, Good Friday closed → Thursday
    ],
)
def test_rate_comes_from_the_date_or_the_nearest_earlier_business_day(currency, date, rate_date):
    conv = conversion(currency, date)
    assert (conv.source, conv.rate_date) == (ECB, rate_date)
    assert conv.rate_date <= date


@pytest.mark.parametrize(
    "weekend_day, friday",
    [(D(2022, 12, 10), D(2022, 12, 9)), (D(2015, 3, 8), D(2015, 3, 6))],
)
def test_weekend_uses_exactly_fridays_rate(weekend_day, friday):
    assert conversion("GBP", weekend_day).usd_per_unit == conversion("GBP", friday).usd_per_unit


@pytest.mark.parametrize(
    "currency, date, usd_per_unit, eur_per_unit",
    [
        ("USD", D(2022, 12, 9), 1.0, None),
        ("EUR", D(2022, 12, 23), 1.0622, 1.0),       # ECB: 1 EUR = 1.0622 USD that day
        ("GBP", D(2022, 12, 9), 1.2285, 1.1635),
    ],
)
def test_usd_per_unit_and_eur_per_unit(currency, date, usd_per_unit, eur_per_unit):
    conv = conversion(currency, date)
    assert conv.usd_per_unit == pytest.approx(usd_per_unit, rel=1e-4)
    if eur_per_unit is not None:
        assert conv.eur_per_unit == pytest.approx(eur_per_unit, rel=1e-4)


@pytest.mark.parametrize(
    "currency, date, reason",
    [
        ("UAH", D(2022, 12, 9), "no ECB rate for UAH"),
        ("IRR", D(2020, 1, 6), "no ECB rate for IRR"),
        ("XDR", D(2020, 1, 6), "no ECB rate for XDR"),
        ("RUB", D(2022, 6, 1), "after the last ECB rate for RUB"),
        ("JPY", D(1998, 6, 1), "before the ECB rates for JPY start"),
        ("GBP", D(2200, 1, 1), "after the last ECB rate"),
        ("GBP", None, "no date"),
        (None, D(2022, 1, 3), "no currency"),
    ],
)
def test_unconvertible_amounts_stay_unconverted_and_say_why(currency, date, reason):
    conv = conversion(currency, date)
    assert conv.usd_per_unit is None and conv.eur_per_unit is None and conv.rate_date is None
    assert conv.source.startswith("unconverted") and reason in conv.source
    assert conv.to_usd(100.0) is None


@pytest.mark.parametrize(
    "currency, date, usd, eur, reason",
    [
        ("USD", None, 1.0, None, "unconverted to EUR"),
        ("USD", D(2200, 1, 1), 1.0, None, "unconverted to EUR"),
        ("EUR", None, None, 1.0, "unconverted to US$"),
    ],
)
def test_usd_and_eur_keep_their_own_value_when_the_other_side_is_missing(currency, date, usd, eur, reason):
    conv = conversion(currency, date)
    assert (conv.usd_per_unit, conv.eur_per_unit) == (usd, eur)
    assert conv.source.startswith(reason)


@pytest.mark.parametrize("currency", ["GBP", "JPY", "CHF"])
def test_never_a_rate_from_after_the_date_nor_past_the_table(currency):
    first, last = table_range(currency)
    for day in (first, last, last + dt.timedelta(days=1), first - dt.timedelta(days=1)):
        conv = conversion(currency, day)
        if conv.rate_date is not None:
            assert first <= conv.rate_date <= day <= last
