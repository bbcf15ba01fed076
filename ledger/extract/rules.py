"""Step 3 of the extractor: accept or reject an amount by ordered tables of named rules.

Each rule has a name, one example where it decides, and the id of its case in
``tests/cases/extract/rules.tsv``. A rule's check returns None (it does not apply: the next rule
is asked), ``REJECT``, ``accept(amount)`` (the amount is a figure; no later rule is asked) or
``keep(amount)`` (read on with this amount). The first rule that decides wins; an amount no rule
rejects is a figure.

- ``TAIL``: after the scale, currency, percent or unit were read (also for a range's second bound);
- ``MONEY``, ``MEASURE``: for money and for measures or durations, after the range;
- ``COUNT``: for a number with no tail: what it counts, or why it is no figure.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from ledger.extract import amount, counts, filters, patterns, tables
from ledger.extract.candidate import Amount

REJECT = "reject"
Verdict = None | str | tuple[str, Amount]


def accept(a: Amount) -> tuple[str, Amount]:
    return "accept", a


def keep(a: Amount) -> tuple[str, Amount]:
    return "keep", a


class Rule(NamedTuple):
    name: str
    example: str
    test: str
    check: Callable[[str, Amount], Verdict]


def decide(rules: tuple[Rule, ...], text: str, a: Amount) -> Amount | None:
    """The amount after the first rule of ``rules`` that accepts it, or None when one rejects it."""
    for rule in rules:
        verdict = rule.check(text, a)
        if verdict is None:
            continue
        if verdict == REJECT:
            return None
        how, a = verdict
        if how == "accept":
            return a
    return a


def rejected(rules: tuple[Rule, ...], text: str, a: Amount) -> bool:
    return decide(rules, text, a) is None


def _when(test: Callable[[str, Amount], bool]) -> Callable[[str, Amount], Verdict]:
    """A reject rule from a test."""
    return lambda text, a: REJECT if test(text, a) else None


_ADJ_AFTER = re.compile(r"[ \t\u00a0]+(?:[a-z$]|\d)")


def _duration_adjective(text: str, a: Amount) -> bool:
    return (a.kind == "duration" and a.words and text.startswith("-", a.number.end)
            and _ADJ_AFTER.match(text, a.end) is not None)


TAIL = (
    Rule("scaled-zero", "0 million (digits lost before a scale word)", "tail-scaled-zero",
         _when(lambda text, a: a.value == 0 and a.scaled)),
    Rule("signed-count", "items -5 and -6 (a sign needs a tail)", "tail-signed-count",
         _when(lambda text, a: a.number.signed and a.kind == "count")),
    Rule("duration-adjective", "a five-year $700000 award", "tail-duration-adjective", _when(_duration_adjective)),
    Rule("caliber", "155mm artillery rounds", "tail-caliber",
         _when(lambda text, a: a.unit == "millimetre" and filters.is_caliber(text, a.number.end))),
    Rule("file-size", "(PDF, 1.35 MB)", "tail-file-size",
         _when(lambda text, a: a.unit in tables.cues("size_unit") and filters.is_file_size(text, a.start))),
)

MONEY = (
    Rule("money-zero", "$0 (nothing given)", "money-zero", _when(lambda text, a: a.value == 0)),
    Rule("money-glued", "$5abc, $3.2.1", "money-glued",
         _when(lambda text, a: filters.glued_junk(text, a.end) and not patterns.rate().match(text, a.end))),
)

MEASURE = (
    Rule("measure-date", "March 5 km (a date before the number)", "measure-date",
         _when(lambda text, a: filters.is_date_part(text, a.start, a.start))),
)

#: Reasons a bare number is no count (skipped for vague amounts: "hundreds of ...").
NOT_A_COUNT = (
    Rule("glued-junk", "1A5, 15th, 2+2, 506(a)", "count-glued-junk",
         _when(lambda text, a: filters.glued_junk(text, a.end))),
    Rule("clock-time", "at 5 pm", "count-clock-time", _when(lambda text, a: filters.is_clock(text, a.end))),
    Rule("date-part", "on February 24", "count-date-part",
         _when(lambda text, a: filters.is_date_part(text, a.start, a.end))),
    Rule("identifier", "section 506", "count-identifier", _when(lambda text, a: filters.is_identifier(text, a.start))),
    Rule("magnitude", "a magnitude 7 quake", "count-magnitude",
         _when(lambda text, a: filters.is_magnitude(text, a.start, a.end))),
    Rule("after-name", "Leopard 2 tanks", "count-after-name", _when(counts.after_name)),
    Rule("title-name", "our One China Policy", "count-title-name", _when(counts.in_title)),
    Rule("caliber-word", "155 caliber guns", "count-caliber", _when(counts.caliber_word)),
)


def _not_a_count(text: str, a: Amount) -> Verdict:
    return None if a.vague or decide(NOT_A_COUNT, text, a) is not None else REJECT


COUNT = (
    Rule("lost-leading-digits", ".92 billion (a cut-off $1.92 billion)", "count-lost-digits",
         _when(lambda text, a: a.digits.startswith(".") and a.scaled)),
    Rule("pence", "shares closed at 164p", "count-pence", counts.pence),
    Rule("hyphen-noun", "the 25-person team", "count-hyphen-noun", counts.hyphen_noun),
    Rule("compound-word", "a four-cylinder engine", "count-compound-word", counts.compound_word),
    Rule("not-a-count", "on February 24, section 506, Leopard 2", "count-not-a-count", _not_a_count),
    Rule("borrowed-noun", "5 or 6 tanks", "count-borrowed", lambda text, a: accept(a) if a.borrowed else None),
    Rule("count-phrase", "366 in favor", "count-phrase", counts.count_phrase),
    Rule("counted-noun", "80,000 155mm artillery rounds", "count-noun", counts.counted),
    Rule("leading-dot-ratio", "played at .500 this year", "count-ratio",
         lambda text, a: accept(a) if a.item is None and a.digits.startswith(".") else None),
    Rule("of-determiner", "35m of its Echo devices", "count-of-determiner", counts.of_determiner),
    Rule("modifier-noun", "a 12 page document", "count-modifier-noun", counts.modifier_noun),
    Rule("no-noun", "estimates of 64,900", "count-no-noun", counts.without_noun),
    Rule("year", "in 2024 elections", "count-year", _when(counts.is_year)),
)

#: A bare number with nothing after it that could make it a figure: a level, a bare amount, or nothing.
DEAD_END = (
    Rule("level", "the index rose 0.7% to 6,327.80", "bare-level",
         lambda text, a: _accepted(amount.level(text, a))),
    Rule("not-a-count", "on February 24", "count-not-a-count", _not_a_count),
    Rule("bare-amount", "the cap is 50000.", "bare-amount",
         lambda text, a: _accepted(amount.is_bare_amount(text, a)) or REJECT),
)


def _accepted(a: Amount | None) -> Verdict:
    return None if a is None else accept(a)


def all_rules() -> tuple[Rule, ...]:
    """Every rule of every table, in order (for the documentation and the tests)."""
    return TAIL + MONEY + MEASURE + NOT_A_COUNT + COUNT + DEAD_END
