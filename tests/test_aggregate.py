"""Totals: what is added up, per what, and what is never added."""
from __future__ import annotations

import pytest
from test_report_frames import DE, UA, UK, US, sample_facts

from ledger.analyse import totals

TABLES = totals(sample_facts())


@pytest.mark.parametrize("table, key, column, expected", [
    ("donor", US, "usd", 675e6),          # packages only: the $19.3 billion cumulative claim is not added
    ("donor", UK, "usd", 181e6),
    ("donor", DE, "n_not_summed", 1),     # "hundreds of millions" is counted, never added
    ("donor", DE, "n_facts", 1),
    ("recipient", UA, "usd", 856e6),
    ("currency", "GBP", "native", 150e6),  # native sums per currency, never mixed
    ("currency", "GBP", "usd", 181e6),
    ("currency", "USD", "eur", 646e6),
    ("role", "cumulative", "usd", 19.3e9),  # every role side by side
    ("month", "2022-12", "usd", 275e6),
    ("month", "2023-01", "n_facts", 2),
])
def test_money_totals(table, key, column, expected):
    df = TABLES[table].set_index(table)
    assert df.loc[key, column] == pytest.approx(expected)


@pytest.mark.parametrize("donor, year, usd", [(US, "2022", 675e6), (UK, "2023", 181e6)])
def test_year_pivot(donor, year, usd):
    df = TABLES["year_pivot"].set_index("donor")
    assert df.loc[donor, year] == pytest.approx(usd)


def test_running_sum_per_pair_and_overall():
    df = TABLES["packages"]
    us = df[df["donor"] == US]
    assert list(us["cumulative_pair_usd"]) == [400e6, 675e6]
    assert df["cumulative_usd"].iloc[-1] == pytest.approx(856e6)
    assert df["date"].is_monotonic_increasing


@pytest.mark.parametrize("system, donor, count", [("155mm rounds", US, 80000), ("Challenger 2", UK, 14)])
def test_item_counts(system, donor, count):
    df = TABLES["items"].set_index(["system", "donor"])
    assert df.loc[(system, donor), "count"] == count
