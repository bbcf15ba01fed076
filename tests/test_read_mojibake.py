"""Mojibake repair: ftfy for ordinary texts, a plain UTF-8 round trip for very long ones."""
from __future__ import annotations

import pytest

from ledger.read.clean import FTFY_MAX_CHARS, repair_text

CASES = [
    ("Zürich â‚¬5 million", "Zürich €5 million"),
    ("cafÃ© gets Â£3 million", "café gets £3 million"),
    ("Kyivâ€™s allies", "Kyiv’s allies"),
    ("Ã©tÃ© 2023", "été 2023"),
    ("plain text, 40% of $5 million", "plain text, 40% of $5 million"),
]


@pytest.mark.parametrize("broken, fixed", CASES)
def test_short_texts(broken, fixed):
    assert repair_text(broken) == fixed


@pytest.mark.parametrize("broken, fixed", CASES)
def test_long_texts_take_the_fast_path_with_the_same_result(broken, fixed):
    n = FTFY_MAX_CHARS // len(broken) + 2
    assert repair_text(" ".join([broken] * n)) == " ".join([fixed] * n)
