"""A figure being read (:class:`Cand`) and the tails read after its number: scale words, currency,
percent, units, minor units, rates, qualifiers, and bare levels reached after a change."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ledger.extract import filters, money, numbers, patterns, tables

_MONEY_VAGUE = re.compile(r"(?i)[ \t\u00a0]+in\b")
# words after which a bare number is an amount (a data file would hold eight words; kept here with the rule)
_BARE_BEFORE = frozenset({"of", "at", "is", "was", "about", "around", "approximately", "nearly"})
_GLUED = frozenset("-–/:")
_SIZE_UNITS = frozenset({"gigabyte", "megabyte", "terabyte"})
_ADJ_AFTER = re.compile(r"[ \t\u00a0]+(?:[a-z$]|\d)")
# a change verb, then "to" / "at" right before a bare number: the level the change reached
# the sentence quotes its index in points ("lost 162.31 points"): a level after a change is in points too
_POINTS_WORD = re.compile(r"(?i)\bpoints\b")
_LEVEL_BEFORE = re.compile(
    r"(?i)\b(?:rose|fell|gained|lost|climbed|dropped|slipped|slid|edged|added|shed|ended|closed|finished|eased|jumped|"
    r"advanced|declined|rallied|tumbled|plunged|surged|sank|was\s+(?:up|down))\b(?:[^.;:!?\n]|\.(?=\d)){0,50}?"
    r"\b(?:to|at)(?:\s+(?:end|close|finish|settle)\s+at|\s+a\s+close\s+of)?[ \t\u00a0]++$"
)
_CENTS = re.compile(
    r"[ \t\u00a0]++(?:and[ \t\u00a0]++)?+(?:(?P<d>\d{1,2})(?!\d|[.,]\d)|(?P<w>(?i:(?:twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?+|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)))"
    r"(?:[ \t\u00a0]++(?i:cents?)|(?=[ \t\u00a0]*+(?:[.,;!?]|$)))(?![\w])"
)


@dataclass
class Cand:
    """A figure being read (mutable while its parts are found)."""

    start: int
    end: int
    value: float | None
    digits: str = ""
    kind: str = "count"
    unit: str | None = None
    currency: str | None = None
    qualifier: str = "exact"
    low: float | None = None
    high: float | None = None
    item: str | None = None
    change: str | None = None
    scaled: bool = False
    per: str | None = None
    tail_currency: bool = False  # the currency was written after the number ("15 dollars")
    borrowed: bool = False  # the counted noun was read after the next number ("5 or 6 tanks")
    words: bool = False
    vague: str = ""
    multiplier: float = 1.0
    signed: bool = False  # written with a sign ("-5 yards"): a figure only with a tail
    fraction: float = 0.0  # a fraction word ("a third", "half"), its share of one
    noun_end: int = 0  # end of the counted noun phrase (a count's rate follows it: "78,000 times a minute")

    @property
    def tailed(self) -> bool:
        return self.kind != "count"


def is_bare_amount(text: str, c: Cand) -> bool:
    """A bare number that is itself the figure: 'estimates of 64,900', 'the cap is 50000.', 'at 2483805 while'.

    Only a grouped, decimal or three-digit number (never a year) right after a word that introduces an amount."""
    if not c.digits or c.value is None or c.value < 1 or filters.is_year(c.value, c.digits, 1000):
        return False
    if not ("," in c.digits or "." in c.digits or c.value >= 100):
        return False
    if filters.previous_word(text, c.start).lower() not in _BARE_BEFORE:
        return False
    glued = text[c.end:c.end + 2]
    if glued[:1] in _GLUED or (glued[:1] in ".," and glued[1:].isdigit()):
        return False  # "555-0199", "12/05", "3:30": a phone number, a date or a time
    qualifier(text, c)
    return True


def read_tails(text: str, c: Cand, dollar: str) -> bool:
    """Read scale, currency, percent or unit after the number; False when the candidate is rejected."""
    if not c.vague:
        _scale(text, c)
    if c.value == 0 and c.scaled:
        return False  # "0 million": a number whose digits were stripped
    if c.kind != "money":
        _post_currency(text, c, dollar)
    if c.kind == "money":
        return True
    pm = patterns.PERCENT.match(text, c.end)
    if pm and not c.vague:
        c.kind, c.unit, c.end = "percent", "%", pm.end()
        return True
    return _unit(text, c)


def _scale(text: str, c: Cand) -> None:
    sm = patterns.scale().match(text, c.end)
    if not sm:
        return
    mult, match = patterns.scale_multipliers()[sm.lastgroup]
    if match == "tight" and (c.words or (c.kind != "money" and sm.group(0) not in ("m", "M", "k", "K"))):
        return
    if c.words and c.scaled:
        return
    c.value = (c.value or 0.0) * mult
    c.multiplier, c.scaled, c.end = mult, True, sm.end()
    if mult < 1e6 and match == "word":  # "4 hundred million", "5 thousand million"
        nm = patterns.scale().match(text, c.end)
        bigger, how = patterns.scale_multipliers()[nm.lastgroup] if nm else (0.0, "")
        if nm and how == "word" and bigger > mult:
            c.value, c.multiplier, c.end = c.value * bigger, mult * bigger, nm.end()


def _post_currency(text: str, c: Cand, dollar: str) -> None:
    pm = patterns.post_currency().match(text, c.end)
    has_of = bool(pm) and " of" in (" " + text[c.end:pm.start("cur")].lower())
    if pm and has_of == bool(c.vague):
        scaled = c.scaled or c.vague.endswith("illions")
        code = money.post_code(pm.group("cur"), dollar, scaled=scaled)
        if code:
            c.kind, c.currency, c.end, c.tail_currency = "money", code, pm.end(), True
            if not c.scaled and not c.vague and pm.group("cur").isupper():
                _scale(text, c)  # "75 USD million"
            return
    if c.vague.endswith("illions") and _MONEY_VAGUE.match(text, c.end):
        c.kind, c.currency = "money", dollar  # "billions in Russian assets"


def _unit(text: str, c: Cand) -> bool:
    um = patterns.unit().match(text, c.end)
    if not um:
        return True
    has_of = " of" in (" " + text[c.end:um.start("unit")].lower())
    if has_of != bool(c.vague):
        return True
    name, kind = patterns.unit_names()[" ".join(um.group("unit").lower().split())]
    if kind == "duration" and c.words and text[c.end:um.start("unit")] == "-" and _ADJ_AFTER.match(text, um.end()):
        return False  # "a five-year $700000 award", "a three-year forecast": an adjective, not a span
    if name == "second" and text.startswith("-", um.end()):
        return True  # "2 second-half goals": the ordinal, not the duration
    if name == "millimetre" and filters.is_caliber(text, c.end):
        return False
    if name in _SIZE_UNITS and filters.is_file_size(text, c.start):
        return False
    c.kind, c.unit, c.end = kind, name, um.end()
    return True


def cents(text: str, c: Cand) -> None:
    """'3 dollars 50 cents', 'thirteen dollars and forty-five cents', '15 dollars 50': the minor unit."""
    cm = _CENTS.match(text, c.end)
    if cm is None:
        return
    if cm.group("d") is not None:
        cents = float(cm.group("d"))
    else:
        parsed = numbers.parse_words(cm.group("w"))
        if parsed is None or parsed[1] != len(cm.group("w")) or parsed[0] >= 100:
            return
        cents = parsed[0]
    c.value = (c.value or 0.0) + cents / 100
    c.end = cm.end()


def rate(text: str, c: Cand) -> None:
    """'$98 a share', '$2.11 per gallon', '5% a year': the unit of the rate (the surface stays the amount)."""
    rm = patterns.rate().match(text, max(c.end, c.noun_end))
    if rm is None:
        return
    if rm.group("per") is not None:
        c.per = tables.rate_nouns()[" ".join(rm.group("per").lower().split())]
    else:
        c.per = patterns.RATE_ADVERBS[rm.group("adv").lower()]


def is_level(text: str, c: Cand) -> bool:
    """A bare level reached after a change: "the index rose 0.7% to 6,327.80", "ended down 1% at 1,463.78"."""
    if not c.digits or c.value is None or c.value < 1 or filters.is_year(c.value, c.digits):
        return False
    if not ("," in c.digits or "." in c.digits or c.value >= 100):
        return False
    if filters.previous_word(text, c.start).lower() not in ("to", "at", "of"):
        return False  # cheap test first: the search below runs only after "to" / "at" / "a close of"
    lm = _LEVEL_BEFORE.search(text, max(0, c.start - 80), c.start)
    if lm is None:
        return False
    if _POINTS_WORD.search(_sentence_before(text, c.start)):
        c.unit, c.item = "point", "points"  # "... 1,463.87 points, while the TA-125 climbed 0.1% to 1,333.18"
    qualifier(text, c)
    return True


def _sentence_before(text: str, start: int) -> str:
    """At most 160 characters before ``start``, from the last sentence break."""
    window = text[max(0, start - 160):start]
    cut = max(window.rfind(". "), window.rfind("\n"))
    return window[cut + 1:]


def qualifier(text: str, c: Cand) -> None:
    lo = max(0, c.start - 40)
    window = text[lo:c.start]
    qm = patterns.qualifier_before().search(window) if c.qualifier == "exact" else None
    qstart = c.start
    if qm:
        c.qualifier = tables.qualifiers()[" ".join(qm.group("q").lower().split())]
        qstart = lo + qm.start("q")
    cm = patterns.change_before().search(text, max(0, qstart - 30), qstart)
    if cm:
        c.change = tables.changes()[" ".join(cm.group("c").lower().split())]
