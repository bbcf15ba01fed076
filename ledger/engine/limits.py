"""Work limits that keep hostile input from costing more than real articles ever do.

A real article holds tens of figures (the largest of 5,584 White House documents: 327);
a text holding tens of thousands of numbers is a table dump or an attack. Extraction
reads such a text only up to its ``MAX_NUMBERS``-th number (a run of digits or a vague
amount word such as "hundreds") and says so.
"""
from __future__ import annotations

import itertools
import re

MAX_NUMBERS = 10_000
_NUMBER = re.compile(r"\d+|\b(?:[Hh]undreds|[Tt]housands|[Dd]ozens|[Mm]illions|[Bb]illions|[Tt]ens|[Ss]everal|"
                     r"[Ss]cores)\b")


def extraction_cutoff(text: str, max_numbers: int | None = MAX_NUMBERS) -> int | None:
    """Offset where extraction stops, or None when the whole text is within the limit."""
    if max_numbers is None or len(text) <= 2 * max_numbers:  # too short to hold that many numbers
        return None
    over = next(itertools.islice(_NUMBER.finditer(text), max_numbers, None), None)
    if over is None:
        return None
    cut = text.rfind(" ", 0, over.start())  # never split a token
    return cut if cut > 0 else over.start()
