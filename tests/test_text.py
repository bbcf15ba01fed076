"""The text layer shared by extract and context: month names, the plural rule, the noun-phrase grammar."""
from __future__ import annotations

import pytest

from ledger.text import calendar
from ledger.text.nouns import Style, read, tokenize
from ledger.text.plurals import head_noun, plural, singular


@pytest.mark.parametrize("word, number", [("February", 2), ("Feb.", 2), ("sept", 9), ("May", 5), ("Friday", None)])
def test_month_number(word, number):
    assert calendar.month_number(word) == number


@pytest.mark.parametrize("word, expected", [("Feb.", True), ("Friday", True), ("march", False), ("Mayor", False)])
def test_date_words_are_capitalised_month_or_weekday_names(word, expected):
    assert calendar.is_date_word(word) is expected


@pytest.mark.parametrize("digits, expected", [("2024", True), ("1850", True), ("2,024", False), ("2101", False),
                                              ("1750", False)])
def test_is_year(digits, expected):
    assert calendar.is_year(float(digits.replace(",", "")), digits) is expected


@pytest.mark.parametrize("word, single", [
    ("rounds", "round"), ("entities", "entity"), ("people", "person"), ("HMMWVs", "hmmwv"), ("boxes", "box"),
    ("Ukrainians", "person"), ("gas", None), ("virus", None), ("crisis", None), ("ammunition", "ammunition"),
    ("Rohingya", "person"),
])
def test_singular(word, single):
    assert singular(word) == single


@pytest.mark.parametrize("word, many", [("inch", "inches"), ("foot", "feet"), ("century", "centuries"),
                                        ("metre", "metres"), ("day", "days")])
def test_plural_is_the_same_rule_read_the_other_way(word, many):
    assert plural(word) == many


@pytest.mark.parametrize("phrase, head", [("155mm artillery rounds", "round"), ("sets of body armor", "set"),
                                          ("disaster assistance (IDA) funds", "fund"), ("losses", "loss")])
def test_head_noun(phrase, head):
    assert head_noun(phrase) == head


COUNTED = Style(stop=frozenset({"to", "of", "the", "in"}), crossing=True)
ITEM = Style(stop=frozenset({"to", "of", "the", "in", "and", "for"}), leading=True, joiners=True, clauses=True)


@pytest.mark.parametrize("style, text, words", [
    (COUNTED, "light and heavy machine guns to Kyiv", "light heavy machine guns"),
    (COUNTED, "foreign “supplier” companies in", "foreign supplier companies"),
    (COUNTED, "fouls proves nothing", "fouls"),
    (ITEM, "the humanitarian assistance to Ukraine", "humanitarian assistance"),
    (ITEM, "sets of body armor for troops", "sets of body armor"),
    (ITEM, "aid requested today", "aid"),
])
def test_one_grammar_two_styles(style, text, words):
    tokens = tokenize(text)
    picked = [tokens[k] for k in read(tokens, style) if tokens[k][0].isalnum()]
    assert " ".join(picked) == words
