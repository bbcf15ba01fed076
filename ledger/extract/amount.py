"""Step 2 of the extractor: read the amount around a number — scale word, currency, percent, unit of
measure, minor unit, rate, qualifier and change — each reader returning a new :class:`Amount`.

Ranges are read in :mod:`ledger.extract.ranges`, counted nouns in :mod:`ledger.extract.counts`.
"""
from __future__ import annotations

import re

from ledger.extract import extras, filters, money, numbers, patterns, tables
from ledger.extract.candidate import Amount
from ledger.extract.space import GAP, GAP1

_MONEY_VAGUE = re.compile(r"(?i)[ \t\u00a0]+in\b")
_GLUED = frozenset("-–/:")
_ADJ_AFTER = re.compile(r"[ \t\u00a0]+(?:[a-z$]|\d)")
_POINTS_WORD = re.compile(r"(?i)\bpoints\b")
_LEVEL_TAIL = r"\b(?:to|at)(?:\s+(?:end|close|finish|settle)\s+at|\s+a\s+close\s+of)?[ \t\u00a0]++$"
_INCHES = re.compile(rf"{GAP1}(?P<n>\d{{1,2}})(?![\w.,/-])(?!{GAP}(?:inch|in\b|″|\"))")
_CENTS_END = r"(?:[ \t\u00a0]++(?i:cents?)|(?=[ \t\u00a0]*+(?:[.,;!?]|$)))(?![\w])"


def _level_before() -> re.Pattern[str]:
    """A market verb, then "to" / "at" right before a bare number: the level the change reached."""
    verbs = "|".join(sorted(tables.cues("level_verb")))
    return re.compile(rf"(?i)\b(?:{verbs}|was\s+(?:up|down))\b(?:[^.;:!?\n]|\.(?=\d)){{0,50}}?{_LEVEL_TAIL}")


def _cents() -> re.Pattern[str]:
    """'and 45 cents', ' fifty': a minor unit after an amount of money written with a currency word."""
    below_hundred = [w for w, (_v, c) in tables.number_words().items() if c in ("unit", "teen", "ten")]
    words = "|".join(sorted(below_hundred, key=len, reverse=True))
    return re.compile(
        rf"[ \t\u00a0]++(?:and[ \t\u00a0]++)?+(?:(?P<d>\d{{1,2}})(?!\d|[.,]\d)"
        rf"|(?P<w>(?i:(?:{words})(?:[- ](?:{words}))?+)))"
        + _CENTS_END
    )


_COMPILED: dict[str, re.Pattern[str]] = {}


def _pattern(name: str) -> re.Pattern[str]:
    if name not in _COMPILED:
        _COMPILED[name] = {"level": _level_before, "cents": _cents}[name]()
    return _COMPILED[name]


def is_bare_amount(text: str, a: Amount) -> Amount | None:
    """A bare number that is itself the figure: 'estimates of 64,900', 'the cap is 50000.', 'at 2483805 while'.

    Only a grouped, decimal or three-digit number (never a year) right after a word that introduces an amount."""
    if not _big_bare(a, 1000) or filters.previous_word(text, a.start).lower() not in tables.cues("bare_before"):
        return None
    glued = text[a.end:a.end + 2]
    if glued[:1] in _GLUED or (glued[:1] in ".," and glued[1:].isdigit()):
        return None  # "555-0199", "12/05", "3:30": a phone number, a date or a time
    return qualifier(text, a)


def _big_bare(a: Amount, first_year: int) -> bool:
    """Grouped, decimal or three-digit digits of at least 1 that are no year."""
    if not a.digits or a.value is None or a.value < 1 or filters.is_year(a.value, a.digits, first_year):
        return False
    return "," in a.digits or "." in a.digits or a.value >= 100


def _has_of(gap: str) -> bool:
    """'hundreds of kilometers', 'billions\nof dollars': "of" between a vague amount and its unit."""
    return "of" in gap.lower().split()


def read_tails(text: str, a: Amount, dollar: str) -> Amount:
    """Scale, currency, percent or unit after the number."""
    a = scale(text, a) if not a.vague else _vague_scale(text, a)
    if a.kind != "money":
        a = _post_currency(text, a, dollar)
    glued = text[a.end:a.end + 2]  # cheap tests first: most numbers are followed by neither
    if glued[:1] == "-":
        a = plus(text, a)
    if a.kind == "money" or (a.value == 0 and a.scaled):
        return a
    if "p" in glued or "P" in glued:
        a = pence(text, a)
        if a.kind == "money":
            return a
    pm = patterns.PERCENT.match(text, a.end)
    if pm and not a.vague:
        return a._replace(kind="percent", unit="%", end=pm.end())
    return _unit(text, a)


def scale(text: str, a: Amount) -> Amount:
    """'20 million', '$5bn', '4 hundred million': a scale word after the number."""
    sm = patterns.scale().match(text, a.end)
    if not sm:
        return a
    mult, match = patterns.scale_multipliers()[sm.lastgroup]
    if match == "tight" and (a.words or (a.kind != "money" and sm.group(0) not in ("m", "M", "k", "K"))):
        return a
    if match == "spaced" and (a.words or a.kind != "money"):
        return a
    if a.words and a.scaled:
        return a
    end = sm.end()
    if mult < 1e6 and match == "word":  # "4 hundred million", "5 thousand million"
        nm = patterns.scale().match(text, end)
        bigger, how = patterns.scale_multipliers()[nm.lastgroup] if nm else (0.0, "")
        if nm and how == "word" and bigger > mult:
            mult, end = mult * bigger, nm.end()
    return a._replace(value=(a.value or 0.0) * mult, multiplier=mult, scaled=True, end=end)


def _vague_scale(text: str, a: Amount) -> Amount:
    """'several billion dollars', 'a few million people': a vague amount before a scale word is that many
    of the scale (3-9 billion)."""
    sm = patterns.scale().match(text, a.end)
    if not sm or a.bounds is None:
        return a
    mult, match = patterns.scale_multipliers()[sm.lastgroup]
    if match != "word" or mult < 1e3:
        return a
    low, high = a.bounds
    return a._replace(bounds=(low * mult, high * mult), multiplier=mult, scaled=True, end=sm.end())


def _post_currency(text: str, a: Amount, dollar: str) -> Amount:
    pm = patterns.post_currency().match(text, a.end)
    has_of = bool(pm) and _has_of(text[a.end:pm.start("cur")])
    if pm and has_of == bool(a.vague and not a.scaled):  # "hundreds of dollars", "several billion dollars"
        minor = money.minor_share(pm.group("cur"))
        if minor is not None:
            return _in_minor_unit(a, minor, dollar, pm.end())
        code = money.post_code(pm.group("cur"), dollar, scaled=a.scaled or a.vague.endswith("illions"),
                               after=text[pm.end():pm.end() + 40])
        if code:
            got = a._replace(kind="money", currency=code, end=pm.end(), tail_currency=True)
            if not a.scaled and not a.vague and pm.group("cur").isupper():
                got = scale(text, got)  # "75 USD million"
            return got
    if a.vague.endswith("illions") and _MONEY_VAGUE.match(text, a.end):
        return a._replace(kind="money", currency=dollar)  # "billions in Russian assets"
    return a


def _in_minor_unit(a: Amount, minor: tuple[str, float], dollar: str, end: int) -> Amount:
    """'18 cents' → 0.18 of the document's dollar, '40 pence' → 0.40 GBP: money in the major unit."""
    code, share = minor
    bounds = (a.bounds[0] * share, a.bounds[1] * share) if a.bounds else None
    value = None if a.value is None else a.value * share
    return a._replace(kind="money", currency=dollar if code == "$" else code, value=value, bounds=bounds, end=end,
                      minor=share, tail_currency=True)


def pence(text: str, a: Amount) -> Amount:
    """'164p', '3.5 p': a price in pence is money in pounds (not "5 p.m.", not a video resolution "1080p")."""
    if a.kind != "count" or not a.digits or a.scaled:
        return a
    end = extras.pence_end(text, a.end, a.value or 0.0)
    return a if end is None else _in_minor_unit(a, ("GBP", 0.01), "GBP", end)


def plus(text: str, a: Amount) -> Amount:
    """'$100-plus', '50-plus countries': "-plus" after an amount makes it a lower bound."""
    if text.startswith("-plus", a.end) and not text[a.end + 5:a.end + 6].isalnum():
        return a._replace(end=a.end + 5, qualifier="at_least")
    return a


def _unit(text: str, a: Amount) -> Amount:
    um = patterns.unit_match(text, a.end)
    if not um or _has_of(text[a.end:um.start("unit")]) != bool(a.vague and not a.scaled):
        return a
    name, kind = patterns.unit_names()[" ".join(um.group("unit").lower().split())]
    if name == "second" and text.startswith("-", um.end()):
        return a  # "2 second-half goals": the ordinal, not the duration
    a = a._replace(kind=kind, unit=name, end=um.end())
    return _inches(text, a) if name == "foot" and a.value is not None else a


def _inches(text: str, a: Amount) -> Amount:
    """'7 foot 3': a height in feet and inches is read in feet (7.25); with the inches named ("6 feet 2 inches")
    the inches are a figure of their own."""
    im = _INCHES.match(text, a.end)
    if im is None or int(im.group("n")) >= 12:
        return a
    return a._replace(value=a.value + int(im.group("n")) / 12, end=im.end())


def cents(text: str, a: Amount) -> Amount:
    """'3 dollars 50 cents', 'thirteen dollars and forty-five cents', '15 dollars 50': the minor unit."""
    cm = _pattern("cents").match(text, a.end)
    if cm is None:
        return a
    if cm.group("d") is not None:
        value = float(cm.group("d"))
    else:
        parsed = numbers.parse_words(cm.group("w"))
        if parsed is None or parsed[1] != len(cm.group("w")) or parsed[0] >= 100:
            return a
        value = parsed[0]
    return a._replace(value=(a.value or 0.0) + value / 100, end=cm.end())


def rate(text: str, a: Amount) -> Amount:
    """'$98 a share', '$2.11 per gallon', '5% a year': the unit of the rate (the surface stays the amount)."""
    rm = patterns.rate().match(text, max(a.end, a.noun_end))
    if rm is None:
        return a
    if rm.group("per") is not None:
        return a._replace(per=tables.rate_nouns()[" ".join(rm.group("per").lower().split())])
    return a._replace(per=tables.cue_values("rate_adverb")[rm.group("adv").lower()])


def level(text: str, a: Amount) -> Amount | None:
    """A bare level reached after a change: "the index rose 0.7% to 6,327.80", "ended down 1% at 1,463.78"."""
    if not _big_bare(a, 1800) or filters.previous_word(text, a.start).lower() not in ("to", "at", "of"):
        return None  # cheap test first: the search below runs only after "to" / "at" / "a close of"
    if _pattern("level").search(text, max(0, a.start - 80), a.start) is None:
        return None
    if _POINTS_WORD.search(_sentence_before(text, a.start)):
        a = a._replace(unit="point", item="points")  # "... 1,463.87 points, while the TA-125 climbed 0.1% to 1,333.18"
    return qualifier(text, a)


def _sentence_before(text: str, start: int) -> str:
    """At most 160 characters before ``start``, from the last sentence break."""
    window = text[max(0, start - 160):start]
    cut = max(window.rfind(". "), window.rfind("\n"))
    return window[cut + 1:]


def qualifier(text: str, a: Amount) -> Amount:
    """'more than $19.3 billion', 'rose by about 5%': the qualifier and the change written before a figure."""
    qstart = a.start
    if a.qualifier == "exact":  # the text before the figure, read backwards (the patterns are reversed)
        qm = patterns.qualifier_reversed().match(text[max(0, a.start - 40):a.start][::-1])
        if qm:
            a = a._replace(qualifier=tables.qualifiers()[" ".join(qm.group("q")[::-1].lower().split())])
            qstart = a.start - qm.end("q")
    cm = patterns.change_reversed().match(text[max(0, qstart - 30):qstart][::-1])
    if cm:
        a = a._replace(change=tables.changes()[" ".join(cm.group("c")[::-1].lower().split())])
    return a
