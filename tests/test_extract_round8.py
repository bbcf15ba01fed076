"""Round 8: decimals written with a leading dot (".500 record", "a .300 hitter")."""
from __future__ import annotations

import pytest

from ledger.extract import find_figures


def _read(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(f.surface, f.value, f.unit) for f in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The club closed the season with a .500 record.", [(".500", 0.5, "record")]),
        ("He was a .300 hitter for most of his career.", [(".300", 0.3, "hitter")]),
        ("The squad has played at .500 since June.", [(".500", 0.5, None)]),
        ("Unemployment slipped .2% in the third quarter.", [(".2%", 0.2, "%")]),
        ("A bus ticket now costs $.75 in the old town.", [("$.75", 0.75, "USD")]),
    ],
)
def test_leading_dot_decimal(text, expected):
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The grant was .45 billion short of the target.",  # digits lost before the dot: no ratio
        "Police found .22 caliber shells near the car.",  # a gun's bore
        "Version 2.5 shipped; see item 3.5.1 and file report.2024 for details.",
    ],
)
def test_no_leading_dot_figure(text):
    assert [f.surface for f in find_figures(text) if f.surface.startswith(".")] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The main index shed 40.5 points, or 1.2%, to close at 3,310.25.",
            [("40.5", "point"), ("1.2%", "%"), ("3,310.25", "point")],
        ),
        (
            "Gold lost 12 points on the day while the index rose 0.4% to 2,118.60.",
            [("12", "point"), ("0.4%", "%"), ("2,118.60", "point")],
        ),
        ("The index rose 0.4% to 2,118.60 on Friday.", [("0.4%", "%"), ("2,118.60", None)]),  # no unit stated
        ("The stock rose 3% to 145.20. Analysts added 9 points to forecasts.", [("3%", "%"), ("145.20", None), ("9", "point")]),
    ],
)
def test_index_level_in_points(text, expected):
    assert [(f.surface, f.unit) for f in find_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Only 12 penalties proves how tidy the match was.", "penalty"),
        ("Some 40 refugees says the camp is full.", "refugee"),
        ("The 30 new clinics remains a small share.", "clinic"),
        ("They watched 20 TV shows last month.", "show"),  # "shows" is still a noun right after the number
    ],
)
def test_counted_phrase_stops_at_verb(text, unit):
    assert [f.unit for f in find_figures(text)] == [unit]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rand weakened to trade at 18.42 against the dollar.", [("18.42", None)]),
        ("The bill passed with 61 in favour and 37 against.", [("61", "vote"), ("37", "vote")]),
    ],
)
def test_votes_are_whole_numbers(text, expected):
    assert [(f.surface, f.unit) for f in find_figures(text)] == expected
