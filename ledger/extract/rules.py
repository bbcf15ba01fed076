"""Step 3 of the extractor: accept or reject an amount by ordered tables of named rules.

Each rule has a name, one example where it decides, and the id of its case in
``tests/cases/extract/rules.tsv``. A rule's check returns None (it does not apply: the next rule
is asked), ``REJECT``, ``accept(amount)`` (the amount is a figure; no later rule is asked) or
``keep(amount)`` (read on with this amount). The first rule that decides wins; an amount no rule
rejects is a figure.

- ``TAIL``: after the scale, currency, percent or unit were read, and ``UNIT`` when that was a unit of
  measure or duration (both also for a range's second bound);
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
    check: Callable[[str, Amount], Verdict] | Callable[[str, Amount], bool]
    rejects: bool = False  # the check is a test: True rejects the amount, False passes it on


def decide(rules: tuple[Rule, ...], text: str, a: Amount) -> Amount | None:
    """The amount after the first rule of ``rules`` that accepts it, or None when one rejects it."""
    for check, rejects in _CHECKS.get(id(rules)) or _checks(rules):
        if rejects:
            if check(text, a):
                return None
            continue
        verdict = check(text, a)
        if verdict is None:
            continue
        if verdict == REJECT:
            return None
        how, a = verdict
        if how == "accept":
            return a
    return a


_CHECKS: dict[int, tuple] = {}


def _checks(rules: tuple[Rule, ...]) -> tuple:
    """(check, rejects) of each rule of a table, taken out once (the tables are read for every number)."""
    got = _CHECKS.get(id(rules))
    if got is None:
        got = _CHECKS[id(rules)] = tuple((r.check, r.rejects) for r in rules)
    return got


def rejected(rules: tuple[Rule, ...], text: str, a: Amount) -> bool:
    return decide(rules, text, a) is None


def tail_rejected(text: str, a: Amount) -> bool:
    """The ``TAIL`` rules, and the ``UNIT`` rules when a unit was read."""
    return rejected(TAIL, text, a) or a.kind in ("measure", "duration") and rejected(UNIT, text, a)


def _reject(name: str, example: str, test: str, check: Callable[[str, Amount], bool]) -> Rule:
    """A rule that rejects the amount when ``check`` is true."""
    return Rule(name, example, test, check, rejects=True)


_ADJ_AFTER = re.compile(r"[ \t\u00a0]+(?:[a-z$]|\d)")


def _duration_adjective(text: str, a: Amount) -> bool:
    return (a.kind == "duration" and a.words and text.startswith("-", a.number.end)
            and _ADJ_AFTER.match(text, a.end) is not None)


TAIL = (
    _reject("scaled-zero", "0 million (digits lost before a scale word)", "tail-scaled-zero",
         lambda text, a: a.value == 0 and a.scaled),
    _reject("signed-count", "items -5 and -6 (a sign needs a tail)", "tail-signed-count",
         lambda text, a: a.number.signed and a.kind == "count"),
)

#: After a unit of measure or duration was read (also for a range's second bound).
UNIT = (
    _reject("duration-adjective", "a five-year $700000 award", "tail-duration-adjective", _duration_adjective),
    _reject("caliber", "155mm artillery rounds", "tail-caliber",
         lambda text, a: a.unit == "millimetre" and filters.is_caliber(text, a.number.end)),
    _reject("file-size", "(PDF, 1.35 MB)", "tail-file-size",
         lambda text, a: a.unit in tables.cues("size_unit") and filters.is_file_size(text, a.start)),
)

MONEY = (
    _reject("money-zero", "$0 (nothing given)", "money-zero", lambda text, a: a.value == 0),
    _reject("money-glued", "$5abc, $3.2.1", "money-glued",
         lambda text, a: filters.glued_junk(text, a.end) and not patterns.rate().match(text, a.end)),
)

MEASURE = (
    _reject("measure-date", "March 5 km (a date before the number)", "measure-date",
         lambda text, a: filters.is_date_part(text, a.start, a.start)),
)

#: Reasons a bare number is no count.
NOT_A_COUNT = (
    _reject("glued-junk", "1A5, 15th, 2+2, 506(a)", "count-glued-junk",
         lambda text, a: filters.glued_junk(text, a.end)),
    _reject("clock-time", "at 5 pm", "count-clock-time", lambda text, a: filters.is_clock(text, a.end)),
    _reject("date-part", "on February 24", "count-date-part",
         lambda text, a: filters.is_date_part(text, a.start, a.end)),
    _reject("identifier", "section 506", "count-identifier", lambda text, a: filters.is_identifier(text, a.start)),
    _reject("magnitude", "a magnitude 7 quake", "count-magnitude",
         lambda text, a: filters.is_magnitude(text, a.start, a.end)),
    _reject("after-name", "Leopard 2 tanks", "count-after-name", counts.after_name),
    _reject("title-name", "our One China Policy", "count-title-name", counts.in_title),
    _reject("caliber-word", "155 caliber guns", "count-caliber", counts.caliber_word),
)


COUNT = (
    Rule("vague", "hundreds of drones (no noun: 'hundreds' alone is no figure)", "count-vague", counts.vague),
    _reject("lost-leading-digits", ".92 billion (a cut-off $1.92 billion)", "count-lost-digits",
         lambda text, a: a.digits.startswith(".") and a.scaled),
    _reject("year", "a 2017 report, below 2005 levels, the 2021-enacted level", "count-year",
         lambda text, a: filters.is_year(a.value or 0, a.digits)),
    Rule("hyphen-noun", "the 25-person team", "count-hyphen-noun", counts.hyphen_noun),
    Rule("compound-word", "a four-cylinder engine", "count-compound-word", counts.compound_word),
    *NOT_A_COUNT,
    Rule("count-phrase", "366 in favor", "count-phrase", counts.count_phrase),
    Rule("counted-noun", "80,000 155mm artillery rounds", "count-noun", counts.counted),
    Rule("of-determiner", "35m of its Echo devices, 40 of the most vulnerable countries", "count-of-determiner",
         counts.of_determiner),
    _reject("speech", "we'll take one more question", "count-speech", counts.speech),
    Rule("borrowed-noun", "5 or 6 tanks", "count-borrowed", lambda text, a: accept(a) if a.borrowed else None),
    Rule("leading-dot-ratio", "played at .500 this year", "count-ratio",
         lambda text, a: accept(a) if a.item is None and a.digits.startswith(".") else None),
    Rule("modifier-noun", "a 12 page document", "count-modifier-noun", counts.modifier_noun),
    Rule("system-name", "2,000 Javelin, 1,000 light anti-armor weapons", "count-system-name", counts.named),
    Rule("no-noun", "estimates of 64,900", "count-no-noun", counts.without_noun),
    _reject("year-in-words", "in two thousand twenty-four", "count-year-words", counts.year_in_words),
)

def _bare_amount(text: str, a: Amount) -> Verdict:
    got = amount.is_bare_amount(text, a)
    if got is None or decide(NOT_A_COUNT, text, got) is None:
        return REJECT
    return accept(got)


#: A bare number with nothing after it that could make it a figure: a level, a bare amount, or nothing.
DEAD_END = (
    Rule("level", "the index rose 0.7% to 6,327.80", "bare-level",
         lambda text, a: _accepted(amount.level(text, a))),
    Rule("bare-amount", "the cap is 50000. (not: on February 24.)", "bare-amount", _bare_amount),
)


def _accepted(a: Amount | None) -> Verdict:
    return None if a is None else accept(a)


def all_rules() -> tuple[Rule, ...]:
    """Every rule of every table, in order (for the documentation and the tests)."""
    return TAIL + UNIT + MONEY + MEASURE + COUNT + DEAD_END
