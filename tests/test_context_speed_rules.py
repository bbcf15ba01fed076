"""Behaviour kept by the faster matchers of the context stage (trie patterns, per-sentence cue marks)."""
from __future__ import annotations

import re

import pytest

from ledger.text.gazetteer import find_actors
from ledger.context.roles import cue_role, cue_role_in
from ledger.text.trie import trie_pattern

PHRASES = ["aid", "aid package", "aids", "air", "air defence", "loan*", "new loan"]


@pytest.mark.parametrize(
    "text, found",
    [
        ("an aid package and an aids test", ["aid package", "aids"]),
        ("air defence, air, raid", ["air defence", "air"]),
        ("loans and a new loan", ["loans", "new loan"]),
        ("Said the paid aide", []),
    ],
)
def test_trie_pattern_finds_the_longest_whole_phrase(text, found):
    pattern = re.compile(trie_pattern(PHRASES, not_after=r"\w") + r"(?!\w)")
    assert [m.group() for m in pattern.finditer(text)] == found


@pytest.mark.parametrize(
    "text, names",
    [
        ("The U.S. and the United Kingdom sent aid to Ukraine's army.", ["United States", "United Kingdom", "Ukraine"]),
        ("Washingtonian writers and the Pentagon", ["United States"]),
    ],
)
def test_gazetteer_trie_keeps_whole_aliases(text, names):
    assert [m.canonical for m in find_actors(text)] == names


@pytest.mark.parametrize(
    "before, after, role",
    [
        ("To date, the agency has given ", " in loans.", "cumulative"),  # "to date," holds "to date"
        ("The city lost ", " in damages since May.", "other"),  # other beats cumulative
        ("Denmark gave Kenya ", " in general budget support.", None),  # a masked phrase is no cue
        ("TO DATE the fund has lent ", ".", "cumulative"),  # case does not matter
        ("Sales rose to ", " last year.", "other"),
        ("The ministry requested ", " for schools.", "budget"),  # a word ending ("request*")
    ],
)
def test_cue_role(before, after, role):
    assert cue_role(before, after) == role


@pytest.mark.parametrize(
    "sentence, surface, role",
    [
        ("So far Chad got $5 million and Mali got $2 million in loans.", "$2 million", None),
        ("So far Chad got $5 million and Mali got $2 million in loans.", "$5 million", "cumulative"),
        ("Oslo gave $3 million, up from $1 million before.", "$1 million", "cumulative"),
    ],
)
def test_cue_role_in_looks_only_inside_the_figure_clause(sentence, surface, role):
    at = sentence.index(surface)
    end = at + len(surface)
    nxt = sentence.find("$", end)
    prev = sentence.rfind("million", 0, at)
    lo = prev + len("million") if prev >= 0 else 0
    assert cue_role_in(sentence, lo, at, end, nxt if nxt >= 0 else len(sentence)) == role
