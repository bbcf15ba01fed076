"""Properties of ``extract_figures`` on arbitrary text and on number-shaped junk (hypothesis).

Whatever the input, the extractor never raises and every figure it returns is well formed:
offsets inside the text, ``surface == text[start:end]``, figures in text order, finite values,
``low <= high``, and kind / qualifier / role / change from their closed vocabularies.
"""
from __future__ import annotations

import datetime as dt
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger import extract_figures
from ledger.model import CHANGES, KINDS, QUALIFIERS, ROLES

# Pieces that look like parts of amounts: digits and separators, currency markers, scale and
# qualifier words, counted nouns, things that must not be figures, and odd white space.
NUMBERISH = [
    "0", "1", "7", "9", "12", "155", "2022", "80,000", "1.5", "0.92", ".92", "1,1,1", "10 000",
    "٣", "٤٥", "５", "১২", "²", "½", "Ⅻ",
    ",", ".", "..", ",,", "-", "–", "—", "/", "+", "(", ")", "%", "'", '"', ":",
    "$", "US$", "CAN$", "$CAN", "A$", "C$", "€", "£", "¥", "₹", "₴", "Rs", "Rs.", "EUR", "USD", "GBP",
    "CHF", "NOK", "euros", "pounds", "yen", "dollars", "rupees",
    "k", "K", "m", "M", "mn", "mln", "bn", "Bln", "bln", "tn", "thousand", "million", "billion",
    "trillion", "crore", "lakh", "hundred", "dozen", "hundreds of", "dozens of", "thousands of",
    "tens of", "millions of", "several",
    "about", "some", "nearly", "approximately", "approx.", "around", "almost", "more than", "over",
    "at least", "up to", "as many as", "less than", "between", "and", "to", "from", "by",
    "rose", "fell", "increase of", "cut",
    "percent", "per cent", "km", "miles", "tonnes", "barrels", "MW", "years", "days", "hours",
    "tanks", "rounds", "155mm", "155-mm", "M777", "Su-35", "AN/TPQ-36", "section 506(a)(1)",
    "01:01 PM", "February 24", "Friday", "15th", "ninth", "one", "twenty-five", "a dozen",
    "Ukraine", "United States", "aid package", "since", "so far", "brings the total to",
    " ", "  ", "\n", "\n\n", "\t", "\r", "\u00a0", "\u2009", "\u202f", "\u200b", "\ufeff",
]
SEPARATORS = ["", "", " ", " ", "\u00a0", "\n", "-", ","]

numberish = st.lists(
    st.tuples(st.sampled_from(NUMBERISH), st.sampled_from(SEPARATORS)), max_size=40,
).map(lambda parts: "".join(token + sep for token, sep in parts))

# Mostly number-shaped junk with arbitrary unicode characters mixed in.
mixed = st.lists(st.one_of(numberish, st.text(max_size=8)), max_size=6).map("".join)

digit_runs = st.builds(
    lambda d, sep, n, tail: sep.join([d] * n) + tail,
    st.sampled_from(["1", "9", "12", "000", "1.5", "$1", "€2", "3m"]),
    st.sampled_from(["", ",", ".", " ", "-", "\u00a0", " million ", "$"]),
    st.integers(min_value=1, max_value=300),
    st.sampled_from(["", " million", " bn", " tanks", "%", " dollars"]),
)

published = st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31)))


def _finite_or_none(x) -> bool:
    return x is None or (isinstance(x, (int, float)) and math.isfinite(x))


def check_figures(text: str, figures) -> None:
    """Every invariant a user of ``extract_figures`` relies on."""
    previous_start = -1
    for f in figures:
        assert 0 <= f.start < f.end <= len(text), (f, len(text))
        assert f.surface == text[f.start:f.end], f
        assert f.start >= previous_start, "figures out of text order"
        previous_start = f.start
        assert f.kind in KINDS, f
        assert f.qualifier in QUALIFIERS, f
        assert f.role is None or f.role in ROLES, f
        assert f.change is None or f.change in CHANGES, f
        assert _finite_or_none(f.value) and _finite_or_none(f.low) and _finite_or_none(f.high), f
        if f.low is not None and f.high is not None:
            assert f.low <= f.high, f
        assert f.event_date is None or isinstance(f.event_date, dt.date), f


COMMON = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@settings(max_examples=1000, **COMMON)
@given(st.text(max_size=300))
def test_arbitrary_text_never_breaks_the_extractor(text):
    check_figures(text, extract_figures(text))


@settings(max_examples=1500, **COMMON)
@given(numberish)
def test_number_shaped_junk_gives_well_formed_figures(text):
    check_figures(text, extract_figures(text))


@settings(max_examples=600, **COMMON)
@given(mixed, published)
def test_junk_with_a_publication_date(text, day):
    check_figures(text, extract_figures(text, published=day))


@settings(max_examples=300, **COMMON)
@given(digit_runs)
def test_long_runs_of_repeated_number_pieces(text):
    check_figures(text, extract_figures(text))


@settings(max_examples=300, **COMMON)
@given(st.lists(st.sampled_from(["Kyiv received $", "about ", "1", "0", ",", ".", "5", " million",
                                 " billion", " euros", " and ", " to ", "–", " tanks. ", "\n"]),
                max_size=60).map("".join), published)
def test_sentences_built_from_aid_pieces(text, day):
    check_figures(text, extract_figures(text, published=day))
