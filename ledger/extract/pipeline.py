"""The extractor, top to bottom: scan the numbers of a text (:mod:`~ledger.extract.scan`), read the amount
around each (:mod:`~ledger.extract.amount`, :mod:`~ledger.extract.ranges`), accept or reject it by the
ordered rule tables (:mod:`~ledger.extract.rules`), and give each figure found a :class:`Figure`.
"""
from __future__ import annotations

import math
import re
from dataclasses import replace

from ledger.extract import amount, candidate, coordination, extras, money, ranges, rules, scan
from ledger.extract.candidate import Amount, Number
from ledger.model import Figure

# after a bare number: end of text, punctuation or control characters, or another bare number ("1 1 1")
_DEAD_END = re.compile(r"[ \t\u00a0]*+(?:$|[\x00-\x08\x0b-\x1f.,;:!?\]}|]|\n[ \t\u00a0]*+\n|\d++(?![\w.,/]))")


def find_figures(text: str) -> list[Figure]:
    """Every figure in ``text``, in text order, with ``surface == text[start:end]``."""
    dollar = money.default_dollar(text) if "$" in text or "dollar" in text else "USD"
    out: list[Figure] = []
    pos, n = 0, len(text)
    while pos < n:
        m = scan.next_match(text, pos)
        if m is None:
            break
        number = scan.number(m)
        a = read(text, number, dollar) if number is not None else None
        if a is None and number is not None and number.digits and not number.currency:
            a = _coordinated(text, number, out)  # "435 homes … and 187 by tender"
        if a is None or not _finite(a):
            pos = m.end()
            continue
        if a.kind == "count" and a.unit is None and not a.vague:
            a = _repeat_unit(text, a, out)
        out.append(_figure(text, a))
        pos = max(a.end, m.end())
    return _forward_units(text, out)


def read(text: str, number: Number, dollar: str) -> Amount | None:
    """The figure a number makes, or None: the tails after it, a range, then the rules of its kind."""
    a = candidate.start(number)
    if number.fraction:
        a = extras.read_fraction(text, a)  # "a third of", "half a million"
        if a is None or a.kind == "percent":
            return a and amount.qualifier(text, a)
    a = _written_forms(text, a)
    if a.kind == "count" and a.digits and extras.is_age(text, a.start, a.digits, a.value or 0.0):
        first, span = ranges.read(text, a._replace(kind="measure", unit="year of age"), dollar)
        return span or first  # "aged 45", "aged 18 to 34"
    if a.kind == "count" and not a.vague and not a.scaled and _DEAD_END.match(text, a.end):
        return rules.decide(rules.DEAD_END, text, a)  # nothing that could make it a figure follows (cheap exit)
    a = amount.read_tails(text, a, dollar)
    if rules.tail_rejected(text, a):
        return None
    first, span = ranges.read(text, a, dollar)
    a = _by_kind(text, span or first, dollar)
    if a is None:
        return None
    if a.qualifier in ("exact", "range"):
        a = amount.qualifier(text, a)
    return amount.rate(text, a)


def _written_forms(text: str, a: Amount) -> Amount:
    """'1/2 pound' (a written fraction before a unit), '1.99×10−30 kg' (a power of ten)."""
    if a.kind == "count" and a.digits.isdigit() and text[a.end:a.end + 1] in "/⁄":
        got = extras.slash_fraction(text, a.end, a.value or 0.0)
        if got is not None:
            a = a._replace(value=got[0], end=got[1])
    if a.digits and text[a.end:a.end + 2].lstrip()[:1] in extras.TIMES_SIGNS:
        a = extras.scientific(text, a)
    return a


def _by_kind(text: str, a: Amount, dollar: str) -> Amount | None:
    """The rules of the amount's kind: money (with its minor unit and default dollar), counts, measures."""
    if a.kind == "money":
        if a.tail_currency and not a.scaled:
            a = amount.cents(text, a)
        currency = dollar if a.currency == "$" else a.currency
        return rules.decide(rules.MONEY, text, a._replace(currency=currency, unit=currency))
    if a.kind == "count":
        return rules.decide(rules.COUNT, text, a)
    if a.kind in ("measure", "duration"):
        return rules.decide(rules.MEASURE, text, a)
    return a


def _coordinated(text: str, number: Number, out: list[Figure]) -> Amount | None:
    """'435 homes … and 187 by tender': a bare number after "and" takes the earlier count's noun."""
    prev = next((f for f in reversed(out[-3:]) if f.kind == "count"), None)
    if not coordination.borrow_noun(text, number.start, number.end, number.digits, number.value, prev):
        return None
    return candidate.start(number)._replace(unit=prev.unit, item=prev.item)


def _repeat_unit(text: str, a: Amount, out: list[Figure]) -> Amount:
    """'84.75 cents, while the lowest is 74.07': a bare amount takes the unit of the sentence's last amount."""
    prev = coordination.unit_source(text, a.start, out, scaled=a.scaled)
    if prev is None:
        return a
    share = money.minor_written(prev.surface) if prev.kind == "money" else None  # "84.75 cents, ... 74.07"
    value = a.value * share if share and a.value is not None else a.value
    return a._replace(kind=prev.kind, unit=prev.unit, currency=prev.currency, item=prev.item, value=value)


def _forward_units(text: str, out: list[Figure]) -> list[Figure]:
    """'at 2,483,805 while … 1,385,710 lightning strikes': a bare amount takes the unit of the next figure."""
    for i in range(len(out) - 1):
        f = out[i]
        if f.kind == "count" and f.unit is None and f.value is not None:
            nxt = out[i + 1]
            if coordination.forward_source(text, f, nxt):
                share = money.minor_written(nxt.surface) if nxt.kind == "money" else None
                value = f.value * share if share else f.value
                out[i] = replace(f, kind=nxt.kind, unit=nxt.unit, currency=nxt.currency, item=nxt.item, value=value)
    return out


def _finite(a: Amount) -> bool:
    """False for digit runs too long for a float ("1212…12 bn" overflows to inf): not a figure."""
    if a.value is not None and not math.isfinite(a.value):
        return False
    return a.bounds is None or all(math.isfinite(v) for v in a.bounds)


def _clean(v: float | None) -> float | None:
    return None if v is None else float(f"{v:.12g}")


def _figure(text: str, a: Amount) -> Figure:
    return Figure(
        start=a.start, end=a.end, surface=text[a.start:a.end], kind=a.kind, value=_clean(a.value),
        low=_clean(a.bounds[0]) if a.bounds else None, high=_clean(a.bounds[1]) if a.bounds else None,
        qualifier=a.qualifier, unit=a.unit, currency=a.currency,
        change=a.change, item=a.item, per=a.per,
    )
