"""Currency conversion with the European Central Bank reference rates.

The rates are the ECB's daily euro reference rates shipped inside the
``currencyconverter`` package (no network at run time). Rules:

* the rate of the requested date, else of the nearest EARLIER business day
  (weekends, holidays), looking back at most :data:`MAX_LOOKBACK_DAYS` days;
  a rate from after the date is never used;
* a date outside the table's range for that currency (before its first rate,
  after its last one, e.g. RUB after 2022-03-01) is never extrapolated: the
  amount stays unconverted and ``source`` says why;
* a currency the table lacks (UAH, IRR, XDR, ...) stays unconverted, flagged.

The converter is loaded once per process and each (currency, date) lookup is
cached, so converting many figures costs a dictionary lookup each.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from functools import lru_cache

from currency_converter import CurrencyConverter, RateNotFoundError

#: How many days before the requested date a rate may come from.
MAX_LOOKBACK_DAYS = 7
ECB = "ECB"


@dataclass(frozen=True, slots=True)
class Conversion:
    """The rates for one currency at one date.

    ``usd_per_unit``/``eur_per_unit`` are None when the amount stays unconverted;
    ``source`` is then a short reason ("unconverted: ...") instead of ``"ECB"``.
    ``rate_date`` is the ECB business day whose rates were used.
    """

    currency: str
    date: _dt.date | None
    rate_date: _dt.date | None
    usd_per_unit: float | None
    eur_per_unit: float | None
    source: str

    @property
    def converted(self) -> bool:
        return self.usd_per_unit is not None

    def to_usd(self, amount: float | None) -> float | None:
        return None if amount is None or self.usd_per_unit is None else amount * self.usd_per_unit

    def to_eur(self, amount: float | None) -> float | None:
        return None if amount is None or self.eur_per_unit is None else amount * self.eur_per_unit


@lru_cache(maxsize=1)
def converter() -> CurrencyConverter:
    """The process-wide converter over the bundled ECB history (loaded once)."""
    # No fallbacks: the library's interpolation would use rates from after the
    # date and its out-of-range fallback would extrapolate silently.
    return CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)


def table_range(currency: str) -> tuple[_dt.date, _dt.date] | None:
    """First and last date the ECB table has a rate for ``currency`` (None: unknown)."""
    c = converter()
    if currency not in c.currencies:
        return None
    bounds = c.bounds[currency]
    return bounds.first_date, bounds.last_date


def _unconverted(currency: str, date: _dt.date | None, reason: str) -> Conversion:
    return Conversion(currency, date, None, None, None, f"unconverted: {reason}")


def _eur_rates_on(currency: str, day: _dt.date) -> tuple[float, float] | None:
    """(units of currency per EUR, US$ per EUR) published on ``day``, if both exist."""
    c = converter()
    try:
        return float(c.convert(1, "EUR", currency, day)), float(c.convert(1, "EUR", "USD", day))
    except RateNotFoundError:
        return None


def _out_of_range(currency: str, date: _dt.date) -> str | None:
    """Why ``date`` is outside the ECB table for ``currency`` (or USD), else None."""
    for code in dict.fromkeys(c for c in (currency, "USD") if c != "EUR"):
        first, last = table_range(code)  # type: ignore[misc]
        if date < first:
            return f"{date} is before the ECB rates for {code} start ({first})"
        if date > last:
            return f"{date} is after the last ECB rate for {code} ({last})"
    return None


@lru_cache(maxsize=65536)
def conversion(currency: str | None, date: _dt.date | None) -> Conversion:
    """US$ and EUR per unit of ``currency`` at ``date`` (cached per currency and date).

    US$ amounts are always worth 1 US$ a unit and EUR amounts 1 EUR, even when
    the other side cannot be converted (then ``source`` names the missing side).
    """
    code = (currency or "").upper()
    found = _lookup(code, date)
    if found.converted or code not in ("USD", "EUR"):
        return found
    reason = found.source.removeprefix("unconverted: ")
    if code == "USD":
        return Conversion(code, date, None, 1.0, None, f"unconverted to EUR: {reason}")
    return Conversion(code, date, None, None, 1.0, f"unconverted to US$: {reason}")


def _lookup(code: str, date: _dt.date | None) -> Conversion:
    if not code:
        return _unconverted("", date, "no currency")
    if table_range(code) is None:
        return _unconverted(code, date, f"no ECB rate for {code}")
    if date is None:
        return _unconverted(code, None, "no date to convert at")
    reason = _out_of_range(code, date)
    if reason:
        return _unconverted(code, date, reason)
    for back in range(MAX_LOOKBACK_DAYS + 1):
        day = date - _dt.timedelta(days=back)
        rates = _eur_rates_on(code, day)
        if rates is not None:
            per_eur, usd_per_eur = rates
            return Conversion(code, date, day, usd_per_eur / per_eur, 1.0 / per_eur, ECB)
    return _unconverted(code, date, f"no ECB rate for {code} in the {MAX_LOOKBACK_DAYS} days up to {date}")
