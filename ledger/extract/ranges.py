"""Ranges: '10 to 20 billion', '$10-$20 million', 'between 5 and 7 percent' → one figure with two bounds.

"from 12 to 20 countries", "rose from $5 million to $7 million", "extended from five years to ten years" (a
change: the value before and the value after) and "eight or nine euros" stay two figures, the first taking
the second's unit when it has none, as the gold aid texts list them; "sell from $600,000 to $1.2 million"
is a range.
"""
from __future__ import annotations

import re

from ledger.extract import amount, candidate, counts, filters, money, numbers, patterns, rules, scan, tables
from ledger.extract.candidate import Amount, Number

#: "$1 to $1.5 billion", "$10-$20 million", and with a suspended hyphen, "$1- to $1.5 billion" (the first bound
#: shares the second's scale word, as "$2- and $3-billion").
RANGE_LINK = re.compile(rf"(?:[-–](?=[ \t\u00a0]))?{scan.GAP}(?P<w>-|–|—|to|and|or)(?![\w]){scan.GAP}"
                        r"|[ \t\u00a0]*+(?:-|–)")
BETWEEN_BEFORE = re.compile(r"(?i)\bbetween\s+$")
_FROM_BEFORE = re.compile(r"(?i)\bfrom\s+$")
_BY_BEFORE = re.compile(r"(?i)\bby\s+$")


def read(text: str, first: Amount, dollar: str) -> tuple[Amount, Amount | None]:
    """(the first figure, the range when the amount opens one). The first figure may take the second
    bound's unit ("5 or 6 million tanks"); the range is None when there is none."""
    if first.vague or first.bounds is not None:
        return first, None
    link = _link(text, first)
    if link is None:
        return first, None
    word, end = link
    if first.tailed and _BY_BEFORE.search(text, max(0, first.start - 12), first.start):
        return first, None  # "increased by $43.6 billion to $419.2 billion": a change, then a level
    from_to = word == "to" and _from_before(text, first.start)
    second = _second_bound(text, end)
    if second is not None:
        second = amount.read_tails(text, second, dollar)
    if second is None or rules.tail_rejected(text, second):
        return first, None
    change = from_to and _after_change_verb(text, first.start)
    if word in ("or", "respectively") or (from_to and (change or not second.tailed)):  # "eight or nine euros",
        return _borrow(text, first, second), None  # "from 12 to 20 countries", "rose from $5 million to $7 million"
    return first, _merge(first, second, ordered=not from_to)


_IN_YEAR_TO = re.compile(rf"{scan.GAP1}in{scan.GAP1}(?:19|20)\d\d{scan.GAP1}to(?![\w]){scan.GAP}")
_RESPECTIVELY = re.compile(r"[^.;:!?\n]{0,80}?\brespectively\b")


def _from_before(text: str, start: int) -> bool:
    """"from" right before the amount, or before its qualifier ("from less than 10,000")."""
    qm = patterns.qualifier_reversed().match(text[max(0, start - 40):start][::-1])
    at = start - qm.end() if qm else start
    return _FROM_BEFORE.search(text, max(0, at - 8), at) is not None


def _link(text: str, first: Amount) -> tuple[str, int] | None:
    """The word linking a first amount to a second one and where the second starts: "-", "to", "or", "and"
    after "between", "and" before "respectively" ("seven and 17 per cent respectively"), "from X in 2010 to
    nearly Y" (the year and a qualifier after "to" are passed over)."""
    link = RANGE_LINK.match(text, first.end)
    if link is not None:
        word, end = (link.group("w") or "-").lower(), link.end()
    else:
        link = _IN_YEAR_TO.match(text, first.end)
        if link is None or not _from_before(text, first.start):
            return None
        qm = patterns.qualifier_ahead().match(text, link.end())
        word, end = "to", qm.end() if qm else link.end()
    if word == "and" and not BETWEEN_BEFORE.search(text, max(0, first.start - 12), first.start):
        if not _RESPECTIVELY.match(text, end):
            return None
        word = "respectively"
    return word, end


_CLAUSE_BEFORE = re.compile(r"[^.;:!?()\n]{0,60}$")


def _after_change_verb(text: str, start: int) -> bool:
    """A verb of change earlier in the clause before "from" ("rose from", "extending the statute ... from"):
    "from X to Y" then names the value before and the value after, not a range ("sell from $600,000 to")."""
    cm = _CLAUSE_BEFORE.search(text, max(0, start - 60), start)
    words = (cm.group(0) if cm else "").lower().split()
    return any(w.strip(",") in tables.cues("change_verb") for w in words[-7:-1])


def _borrow(text: str, first: Amount, second: Amount) -> Amount:
    """``first`` with the unit, currency and scale written after ``second`` ("5 or 6 million tanks", "from $10
    to $15 billion")."""
    if first.tailed:
        same = (first.kind, first.currency) == (second.kind, second.currency)
        return _shared_scale(first, second) if same else first
    if first.words != second.words and not second.tailed:
        return first
    first = _shared_scale(first, second)
    if second.tailed:  # "eight or nine euros", "50 or 60 cents" (money in the major unit)
        value = None if first.value is None else first.value * second.minor
        return first._replace(kind=second.kind, unit=second.unit, currency=second.currency, value=value,
                              minor=second.minor)
    noun = counts.counted_noun(text, second.end, one=second.value == 1)
    if noun:
        return first._replace(item=noun[0], unit=noun[1], borrowed=True)
    return first


def _shared_scale(first: Amount, second: Amount) -> Amount:
    """The first of two amounts in the scale written after the second: "5 or 6 million" → 5 million, "from 6
    to 4.5 billion" → 6 billion (scaled, the first is at most the second or of its size)."""
    if not second.scaled or first.scaled or not second.value:
        return first
    scaled = (first.value or 0) * second.multiplier
    if scaled <= second.value or 0.1 <= scaled / second.value <= 10:
        return first._replace(value=scaled, scaled=True)
    return first


def _second_bound(text: str, pos: int) -> Amount | None:
    bm = scan.bare_number().match(text, pos)
    if not bm:
        return None
    if bm.group("num") is not None:
        number = Number(bm.start(), bm.end(), numbers.parse_digits(bm.group("num")), bm.group("num"))
        second = candidate.start(number)
    else:
        number = scan.words_number(bm.group("words"), bm.start("words"))
        if number is None:
            return None
        second = candidate.start(number._replace(scaled=False))
        last = text[number.start:number.end].lower().split()[-1].split("-")[-1]
        if last in tables.scale_words():  # "four to five thousand": the first bound is in thousands too
            second = second._replace(scaled=True, multiplier=tables.number_words()[last][0])
    if bm.group("pre"):
        second = second._replace(kind="money", currency=money.pre_code(bm.group("pre"), "$"))
    return second


def _merge(first: Amount, second: Amount, *, ordered: bool = True) -> Amount | None:
    if (filters.is_year(first.value or 0, first.digits, 1000)
            and filters.is_year(second.value or 0, second.digits, 1000)):
        return None
    if (filters.is_year(first.value or 0, first.digits) and "," in second.digits) or (
            filters.is_year(second.value or 0, second.digits) and "," in first.digits):
        return None  # "in 2010 to 15,000": the bounds of a range are written alike; a year is no bound
    if first.unit in ("year of age", None) and first.tailed and second.kind == "count" and not second.words:
        second = second._replace(kind=first.kind, unit=first.unit, currency=first.currency)  # "$35-40 million"
    if first.tailed and (first.kind, first.unit, first.currency, first.minor) != (
            second.kind, second.unit, second.currency, second.minor):
        return None  # "10.4 cents to $2.24": a change to a level, not a range
    low = _low_bound(first, second)
    if low is None or second.value is None or low == second.value or (ordered and low > second.value):
        return None
    low, high = sorted((low, second.value))
    return Amount(first.number, first.start, second.end, None, kind=second.kind, unit=second.unit,
                  currency=second.currency, qualifier="range", bounds=(low, high), scaled=True)


def _low_bound(first: Amount, second: Amount) -> float | None:
    """The first bound in the second's scale: "$6-700 billion" → 600e9, "$10-$20 million" → 10e6, "50 to 60
    cents" → 0.5."""
    if not first.tailed and second.minor != 1.0:
        return None if first.value is None else first.value * second.minor
    if second.scaled and _hundreds_shorthand(first, second):
        return (first.value or 0) * 10 ** (len(second.digits) - 1) * second.multiplier
    if second.scaled and not first.scaled:
        if (first.value or 0) * second.multiplier <= (second.value or 0):
            return (first.value or 0) * second.multiplier
        if first.kind != "money":
            return None  # "in 2022 to NOK6.4 billion"; "$800,000 to $1.3 million" keeps its own value
    return first.value


def _hundreds_shorthand(first: Amount, second: Amount) -> bool:
    """'6-700 billion': a one-digit first bound shares the second's zeros (600-700), not 6 to 700."""
    d, e = first.digits, second.digits
    return (len(d) == 1 and d.isdigit() and len(e) >= 3 and e.isdigit() and e[1:] == "0" * (len(e) - 1)
            and "0" < d < e[0] and not first.scaled)


def bare_range(text: str, a: Amount) -> bool:
    """'between 750,000 and 800,000 will be sold': a range of two large bare numbers after "between" is an
    amount without a noun (small ones, "between 2 and 3", are too often scores, sizes or list numbers)."""
    if any(1000 <= v <= 2100 and float(v).is_integer() for v in a.bounds or ()):
        return False  # "between 120 and 2019": a bound that reads as a year
    if (a.low or 0) < 100 or not BETWEEN_BEFORE.search(text, max(0, a.start - 12), a.start):
        return False
    glued = text[a.end:a.end + 2]
    return not (glued[:1] in "-–/:" or (glued[:1] in ".," and glued[1:].isdigit()))
