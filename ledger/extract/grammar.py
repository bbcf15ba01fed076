"""The amount grammar: one pass of the master pattern, then small readers for each part of a figure.

The figure being read and the tails after its number are in :mod:`ledger.extract.tails`."""
from __future__ import annotations

import dataclasses
import math
import re

from ledger.extract import coordination, extras, filters, money, nouns, numbers, patterns, tables, tails
from ledger.model import Figure
from ledger.extract.tails import Cand

_SCALE_WORDS = frozenset(w for w, (_v, c) in tables.number_words().items() if c == "scale")
_OF = re.compile(r"[ \t\u00a0]*+\n?[ \t\u00a0]*+of(?![\w])")
_HYPHEN_NOUN = re.compile(r"-([a-z]{3,})(?![\w-])")
# after a bare number: end of text, punctuation or control characters, or another bare number ("1 1 1")
_DEAD_END = re.compile(r"[ \t\u00a0]*+(?:$|[\x00-\x08\x0b-\x1f.,;:!?\]}|]|\n[ \t\u00a0]*+\n|\d++(?![\w.,/]))")
# "a six-speed gearbox", "a three-bed flat": a word number glued to these names a kind of thing, not a count
_TYPE_NAMES = frozenset({"speed", "bed", "bedroom", "door", "star"})
_NOT_HYPHEN_NOUNS = frozenset({"magnitude", "caliber", "calibre", "fold", "odd", "plus", "time", "way", "third"})


def find_figures(text: str) -> list[Figure]:
    """Every figure in ``text``, in text order, with ``surface == text[start:end]``."""
    dollar = money.default_dollar(text) if "$" in text or "dollar" in text else "USD"
    scanner = patterns.scanner()
    out: list[Figure] = []
    pos, n = 0, len(text)
    first = patterns.master().match(text)
    while pos < n:
        m = first if pos == 0 and first else scanner.search(text, max(pos - 1, 0))
        if m is None:
            break
        if m.group("skip") is not None:
            pos = m.end()
            continue
        cand = _core(m)
        fig = _read(text, cand, dollar) if cand else None
        if fig is None and cand is not None and cand.kind == "count" and cand.digits:
            fig = _coordinated(text, m, out)
        if fig is None or not _finite(fig):
            pos = max(m.end(), pos + 1)
            continue
        if fig.kind == "count" and fig.unit is None and not fig.vague:
            _repeat_unit(text, fig, out)
        out.append(_figure(text, fig))
        pos = max(fig.end, m.end())
    return _forward_units(text, out)


def _forward_units(text: str, out: list[Figure]) -> list[Figure]:
    """'at 2,483,805 while … 1,385,710 lightning strikes': a bare amount takes the unit of the next figure."""
    for i in range(len(out) - 1):
        f = out[i]
        if f.kind == "count" and f.unit is None and f.value is not None:
            nxt = out[i + 1]
            if coordination.forward_source(text, f, nxt):
                out[i] = dataclasses.replace(f, kind=nxt.kind, unit=nxt.unit, currency=nxt.currency, item=nxt.item)
    return out


def _coordinated(text: str, m: re.Match[str], out: list[Figure]) -> Cand | None:
    """'435 homes … and 187 by tender': a bare number after "and" takes the earlier count's noun."""
    c = _core(m)
    prev = next((f for f in reversed(out[-3:]) if f.kind == "count"), None)
    if c is None or not coordination.borrow_noun(text, c.start, c.end, c.digits, c.value, prev):
        return None
    c.unit, c.item = prev.unit, prev.item
    return c


def _repeat_unit(text: str, c: Cand, out: list[Figure]) -> None:
    """'84.75 cents, while the lowest is 74.07': a bare amount takes the unit of the sentence's last amount."""
    prev = coordination.unit_source(text, c.start, out, scaled=c.scaled)
    if prev is not None:
        c.kind, c.unit, c.currency, c.item = prev.kind, prev.unit, prev.currency, prev.item


def _finite(c: Cand) -> bool:
    """False for digit runs too long for a float ("1212…12 bn" overflows to inf): not a figure."""
    return all(v is None or math.isfinite(v) for v in (c.value, c.low, c.high))


def _core(m: re.Match[str]) -> Cand | None:
    """The number itself, from the master pattern's match."""
    if m.group("pnum") is not None:
        digits = m.group("pnum")
        cur = money.pre_code(m.group("pre"), "$")
        if m.group("pre") == "PS" and "," not in digits and not patterns.scale().match(m.string, m.end()):
            return None  # "PS" is an ASCII-folded "£" only before a scaled or comma-grouped amount ("PS4" is a console)
        value = numbers.parse_digits(digits) * (-1.0 if m.group("neg") else 1.0)  # "$-50.8bn"
        return Cand(m.start("pre"), m.end(), value, digits, kind="money", currency=cur)
    if m.group("num") is not None:
        digits = m.group("num")
        return Cand(m.start("num"), m.end(), numbers.parse_digits(digits), digits)
    if m.group("snum") is not None:  # "+0.2%", "-1.3%", "minus-5 yards"
        sign = 1.0 if m.group("sign") == "+" else -1.0
        value = sign * numbers.parse_digits(m.group("snum"))
        return Cand(m.start("sign"), m.end(), value, m.group("snum"), signed=True)
    if m.group("frac") is not None:
        frac = extras.fraction_value(m.group("frac"))
        return Cand(m.start("frac"), m.end(), frac, words=True, fraction=frac)
    if m.group("vague") is not None:
        phrase = " ".join(m.group("vague").lower().split())
        low, high = tables.vague()[phrase]
        return Cand(m.start("vague"), m.end(), None, qualifier="vague", low=low, high=high, vague=phrase)
    parsed = numbers.parse_words(m.group("words"))
    if parsed is None:
        return None
    value, length = parsed
    words = m.group("words")[:length].lower().split()
    scaled = any(w.strip("-") in _SCALE_WORDS for w in words)
    start = m.start("words")
    return Cand(start, start + length, value, words=True, scaled=scaled)


def _read(text: str, c: Cand, dollar: str) -> Cand | None:
    """Tails (scale, currency, percent, unit), a range's second bound, then filters and the counted noun."""
    if c.fraction and not _fraction(text, c):
        return None
    if c.kind == "percent":  # a share written as a fraction ("two-thirds of")
        tails.qualifier(text, c)
        return c
    if c.kind == "count" and c.digits.isdigit() and text[c.end:c.end + 1] in "/⁄":
        read = extras.slash_fraction(text, c.end, c.value or 0.0)
        if read is not None:
            c.value, c.end = read  # "1/2 pound": the unit is read next, from the fraction's end
    if c.digits and text[c.end:c.end + 2].lstrip()[:1] in extras.TIMES_SIGNS:
        extras.scientific(text, c)  # "1.99×10−30 kg"
    if c.kind == "count" and c.digits and extras.is_age(text, c.start, c.digits, c.value or 0.0):
        c.kind, c.unit = "measure", "year of age"  # "aged 45", "aged 18 to 34"
        return _range(text, c, dollar) or c
    if c.kind == "count" and not c.vague and not c.scaled and _DEAD_END.match(text, c.end):
        return c if tails.is_level(text, c) or _bare(text, c) else None  # nothing that could make it a figure follows (cheap exit)
    if not tails.read_tails(text, c, dollar) or (c.signed and c.kind == "count"):
        return None
    c = _range(text, c, dollar) or c
    if c.kind == "money":
        if c.tail_currency and not c.scaled:
            tails.cents(text, c)
        if c.currency == "$":
            c.currency = dollar
        c.unit = c.currency
        if c.value == 0 or (filters.glued_junk(text, c.end) and not patterns.rate().match(text, c.end)):
            return None
    elif c.kind == "count" and not _count(text, c):
        return None
    elif c.kind in ("measure", "duration") and filters.is_date_part(text, c.start, c.start):
        return None
    if c.qualifier in ("exact", "range"):
        tails.qualifier(text, c)
    tails.rate(text, c)
    return c


def _fraction(text: str, c: Cand) -> bool:
    """'half a million' → a scaled amount; 'a third of', 'half the' → a share (percent); else not a figure."""
    read = extras.read_fraction(text, c.start, c.end, c.fraction)
    if read is None:
        return False
    how, value, c.end = read
    c.value = value
    if how == "scaled":
        c.scaled = True
    else:
        c.kind, c.unit = "percent", "%"
    return True


def _range(text: str, c: Cand, dollar: str) -> Cand | None:
    """'10 to 20 billion', '$10-$20 million', 'between 5 and 7 percent' → one range figure."""
    if c.vague or c.low is not None:
        return None
    link = patterns.RANGE_LINK.match(text, c.end)
    if not link:
        return None
    word = link.group(0).strip().lower()
    if word == "and" and not patterns.BETWEEN_BEFORE.search(text, max(0, c.start - 12), c.start):
        return None
    if c.tailed and patterns.BY_BEFORE.search(text, max(0, c.start - 12), c.start):
        return None  # "increased by $43.6 billion to $419.2 billion": a change, then a level
    from_to = word == "to" and bool(patterns.FROM_BEFORE.search(text, max(0, c.start - 8), c.start))
    second = _second_bound(text, link.end())
    if second is None or not tails.read_tails(text, second, dollar):
        return None
    if word == "or" or (from_to and not second.tailed):
        _borrow(text, c, second)  # "from 12 to 20 countries": two counts, as the gold aid texts list them  # "eight or nine euros": two figures, the first takes the second's unit
        return None
    return _merge(c, second, ordered=not from_to)


def _borrow(text: str, first: Cand, second: Cand) -> None:
    """Give ``first`` the unit, currency and scale written after ``second`` ("5 or 6 million tanks")."""
    if first.tailed or first.words != second.words and not second.tailed:
        return
    if second.scaled and not first.scaled and (first.value or 0) * second.multiplier <= (second.value or 0):
        first.value = (first.value or 0) * second.multiplier
        first.scaled = True
    if second.tailed:
        first.kind, first.unit, first.currency = second.kind, second.unit, second.currency
        return
    noun = nouns.counted_noun(text, second.end, one=second.value == 1)
    if noun:
        first.item, first.unit, first.borrowed = noun[0], noun[1], True


def _second_bound(text: str, pos: int) -> Cand | None:
    bm = patterns.bare_number().match(text, pos)
    if not bm:
        return None
    if bm.group("num") is not None:
        second = Cand(bm.start(), bm.end(), numbers.parse_digits(bm.group("num")), bm.group("num"))
    else:
        parsed = numbers.parse_words(bm.group("words"))
        if parsed is None:
            return None
        second = Cand(bm.start("words"), bm.start("words") + parsed[1], parsed[0], words=True)
        last = bm.group("words")[:parsed[1]].lower().split()[-1].split("-")[-1]
        if last in _SCALE_WORDS:  # "four to five thousand": the first bound is in thousands too
            second.scaled, second.multiplier = True, tables.number_words()[last][0]
    if bm.group("pre"):
        second.kind, second.currency = "money", money.pre_code(bm.group("pre"), "$")
    return second


def _merge(first: Cand, second: Cand, *, ordered: bool = True) -> Cand | None:
    if filters.is_year(first.value or 0, first.digits, 1000) and filters.is_year(second.value or 0, second.digits, 1000):
        return None
    if first.unit in ("year of age", None) and first.tailed and second.kind == "count" and not second.words:
        second.kind, second.unit, second.currency = first.kind, first.unit, first.currency  # "$35-40 million"
    if first.tailed and (first.kind, first.unit, first.currency) != (second.kind, second.unit, second.currency):
        return None
    low = first.value
    if second.scaled and _hundreds_shorthand(first, second):
        low = (first.value or 0) * 10 ** (len(second.digits) - 1) * second.multiplier  # "$6-700 billion"
    elif second.scaled and not first.scaled:
        if (first.value or 0) * second.multiplier <= (second.value or 0):
            low = (first.value or 0) * second.multiplier  # "$10-$20 million"
        elif first.kind != "money":
            return None  # "in 2022 to NOK6.4 billion"; "$800,000 to $1.3 million" keeps its own value
    if low is None or second.value is None or low == second.value or (ordered and low > second.value):
        return None
    low, high = sorted((low, second.value))
    return Cand(first.start, second.end, None, kind=second.kind, unit=second.unit, currency=second.currency,
                 qualifier="range", low=low, high=high, scaled=True)


def _hundreds_shorthand(first: Cand, second: Cand) -> bool:
    """'6-700 billion': a one-digit first bound shares the second's zeros (600-700), not 6 to 700."""
    d, e = first.digits, second.digits
    return (len(d) == 1 and d.isdigit() and len(e) >= 3 and e.isdigit() and e[1:] == "0" * (len(e) - 1)
            and "0" < d < e[0] and not first.scaled)


def _count(text: str, c: Cand) -> bool:
    """A bare number is a count only with a counted noun (or a scale word); reject dates, ids, years."""
    if c.digits.startswith(".") and c.scaled:
        return False  # ".92 billion": the leading digits were lost (a "$1.92 billion" cut short), not a ratio
    pence = extras.pence_end(text, c.end, c.value or 0.0) if c.digits and not c.scaled else None
    if pence is not None:  # "164p": a share price in pence, counted like cents
        c.end, c.unit, c.item = pence, "penny", "pence"
        return True
    hm = _HYPHEN_NOUN.match(text, c.end) if c.digits else None
    if hm and hm.group(1) not in _NOT_HYPHEN_NOUNS:  # "the 25-person team"
        c.unit = c.item = hm.group(1)
        return not filters.is_identifier(text, c.start) and not filters.after_capitalised_name(text, c.start)
    compound = nouns.compound_noun(text, c.end) if c.words and text.startswith("-", c.end) else None
    if compound and compound[0] not in _TYPE_NAMES and not extras.in_title_name(text, c.start, c.end):
        c.unit = c.item = compound[0]
        return True
    if not c.vague and _not_a_count(text, c):
        return False
    if c.borrowed:
        return True
    pos = c.end
    if c.vague:
        om = _OF.match(text, pos)
        pos = om.end() if om else pos
    phrase = nouns.phrase_after(text, pos) if not c.vague else None
    if phrase and phrase[0] == "vote" and not float(c.value or 0).is_integer():
        phrase = None  # "trade at 132.86 against the dollar": a vote count is a whole number
    if phrase:
        c.unit, c.noun_end = phrase
        return True
    ratio = c.digits.startswith(".")  # ".500 record", "a .300 hitter": a ratio written with a leading dot
    noun = nouns.counted_noun(text, pos, one=c.value == 1 or ratio)
    if noun is None and ratio:
        return True  # "played at .500 this year": a leading-dot decimal is a figure by itself
    if noun is None and c.scaled and not c.vague and c.low is None:
        noun = nouns.noun_after_of(text, pos)  # "35m of its Echo devices"
    if noun is None and not c.vague and c.low is None and not filters.is_year(c.value or 0, c.digits, 1000):
        compound = nouns.compound_noun(text, pos)
        if compound:  # "a 12 page document", "a four-cylinder engine"
            c.unit = c.item = compound[0]
            c.noun_end = compound[1]
            return True
    if noun:
        c.item, c.unit, c.noun_end = noun[0], noun[1], noun[2]
    elif not c.scaled or c.vague or c.low is not None:
        if c.low is not None and not c.vague:
            return _bare_range(text, c)
        return not c.vague and (tails.is_level(text, c) or _bare(text, c))
    if filters.is_year(c.value or 0, c.digits) and (
        noun is None or not noun[0][0].islower() or filters.year_context(text, c.start)
    ):
        return False
    return True


def _bare(text: str, c: Cand) -> bool:
    """A bare number with no noun that is still an amount ('estimates of 64,900'), unless it is an id or a date."""
    return tails.is_bare_amount(text, c) and not _not_a_count(text, c)


def _bare_range(text: str, c: Cand) -> bool:
    """'between 750,000 and 800,000 will be sold': a range of two large bare numbers after "between" is an
    amount without a noun (small ones, "between 2 and 3", are too often scores, sizes or list numbers)."""
    if any(1000 <= (v or 0) <= 2100 and float(v or 0).is_integer() for v in (c.low, c.high)):
        return False  # "between 120 and 2019": a bound that reads as a year
    if (c.low or 0) < 100 or not patterns.BETWEEN_BEFORE.search(text, max(0, c.start - 12), c.start):
        return False
    glued = text[c.end:c.end + 2]
    return not (glued[:1] in "-–/:" or (glued[:1] in ".," and glued[1:].isdigit())) and not _not_a_count(text, c)


def _not_a_count(text: str, c: Cand) -> bool:
    start, end = c.start, c.end
    if filters.glued_junk(text, end) or filters.is_clock(text, end):
        return True
    if filters.is_date_part(text, start, end) or filters.is_identifier(text, start):
        return True
    if filters.is_magnitude(text, start, end):
        return True
    if (not c.words or text[start].isupper()) and filters.after_capitalised_name(text, start):
        return True
    if c.words and extras.in_title_name(text, start, end):
        return True
    return filters.next_word(text, end).lower() in ("mm", "caliber", "calibre") and filters.is_caliber(text, end)


def _clean(v: float | None) -> float | None:
    return None if v is None else float(f"{v:.12g}")


def _figure(text: str, c: Cand) -> Figure:
    return Figure(
        start=c.start, end=c.end, surface=text[c.start:c.end], kind=c.kind, value=_clean(c.value),
        low=_clean(c.low), high=_clean(c.high), qualifier=c.qualifier, unit=c.unit, currency=c.currency,
        change=c.change, item=c.item, per=c.per,
    )
