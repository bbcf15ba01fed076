"""Reconciliation of cumulative claims: baselines, claim intervals, sums and verdicts."""
from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pandas as pd
import pytest
from test_report_frames import CLAIM_SENTENCE, UA, UK, US, fact

from ledger.store.schema import FACT_DTYPES, typed_frame
from ledger.analyse import load_reference, reconcile
from ledger.analyse.claims import claim_interval, clause_aid_type

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
US_PACKAGES = SHARED / "datasets" / "us-packages" / "us-packages.csv"
CLAIM_DAY = dt.date(2022, 12, 10)


@pytest.mark.parametrize("surface, value, qualifier, lo, hi", [
    ("$19.3 billion", 19.3e9, "at_least", 19.3e9, math.inf),            # "more than X" holds when the sum >= X
    ("$19.3 billion", 19.3e9, "exact", 19.3e9 - 0.0965e9, 19.3e9 + 0.0965e9),  # half a unit, at least 0.5 %
    ("$13.6 billion", 13.6e9, "approx", 13.5e9, 13.7e9),                # "about X": one unit of its last digit
    ("$60 billion", 60e9, "approx", 50e9, 70e9),                        # ... its last significant digit
    ("up to $2 billion", 2e9, "at_most", -math.inf, 2e9),
    ("£2,300,000", 2.3e6, "exact", 2.3e6 - 11500, 2.3e6 + 11500),
])
def test_claim_interval_follows_the_qualifier(surface, value, qualifier, lo, hi):
    assert claim_interval(surface, value, None, None, qualifier) == (pytest.approx(lo, rel=1e-6),
                                                                     pytest.approx(hi, rel=1e-6))


@pytest.mark.parametrize("sentence, surface, expected", [
    ("more than $1.7 billion in security assistance since February 24", "$1.7 billion", "military"),
    ("$914 million in humanitarian assistance since February 24", "$914 million", "humanitarian"),
    ("$5.6 billion in security assistance since February, and $6.3 billion since 2021", "$6.3 billion", "military"),
    ("$3.8 billion in military and humanitarian assistance over the past year", "$3.8 billion", None),
    ("$1 billion in security aid and $500 million in budget support this year", "$500 million", "financial"),
    ("The total so far is $3 billion.", "$3 billion", None),
])
def test_aid_type_of_a_clause(sentence, surface, expected):
    assert clause_aid_type(sentence, surface) == expected


def _claim(value, qualifier="at_least", surface=None, sentence=CLAIM_SENTENCE, date="2022-12-10", **kw):
    surface = surface or f"${value / 1e6:,.0f} million"
    return fact("c", "money", "cumulative", kw.pop("donor", US), kw.pop("recipient", UA), "USD", value, value,
                value * 0.95, date, surface, qualifier=qualifier, sentence=sentence, **kw)


def _packages(*amounts_dates, donor=US, recipient=UA):
    return [fact(f"p{i}", "money", "package", donor, recipient, "USD", a, a, a * 0.95, d, f"${a / 1e6:g} million",
                 aid_type="military") for i, (a, d) in enumerate(amounts_dates)]


def _ref(rows):
    return pd.DataFrame(rows, columns=["date", "pda_usd_million", "usai_usd_million"])


CORPUS = _packages((1e9, "2022-02-24"), (2e9, "2022-06-01"), (1e9, "2022-12-10"), (5e9, "2022-12-11"))
CORPUS += _packages((7e9, "2022-06-01"), donor=UK)
FULL_REF = _ref([("2022-02-24", 900, None), ("2022-06-01", 2000, None), ("2022-12-09", None, 1000)])
SHORT_REF = _ref([("2022-01-15", 100, None), ("2022-06-01", 2000, None), ("2022-12-09", 500, None)])


@pytest.mark.parametrize("claim, reference, corpus_sum, reference_sum, verdict, corpus_verdict", [
    # window (2022-02-24, 2022-12-10]: Feb 24 itself and Dec 11 are outside, the UK's package too
    (_claim(3e9, "exact"), None, 3e9, None, "consistent", "consistent"),
    (_claim(2.9e9), None, 3e9, None, "consistent", "consistent"),
    (_claim(4e9, "approx"), None, 3e9, None, "consistent", "consistent"),  # "about $4,000 million": 3..5 bn
    (_claim(4.5e9, "approx"), None, 3e9, None, "unverified: corpus short", "corpus misses packages"),
    (_claim(2e9, "exact"), None, 3e9, None, "claim disagrees", "corpus exceeds claim"),
    (_claim(3e9, "exact"), FULL_REF, 3e9, 3e9, "consistent", "consistent"),
    (_claim(4e9, "exact"), FULL_REF, 3e9, 3e9, "claim disagrees", "corpus misses packages"),
    (_claim(2.5e9, "exact"), SHORT_REF, 3e9, 2.5e9, "consistent", "corpus exceeds claim"),
    (_claim(3e9, "exact", sentence="The total so far is $3 billion."), None, 4e9, None, "no baseline",
     "corpus exceeds claim"),
    (_claim(3e9, "exact", sentence="Humanitarian aid since February 24 totals $3 billion."), None, 0, None,
     "unverified: corpus short", "corpus misses packages"),        # the packages are military: not summed
    (_claim(3e9, "exact", donor=None), None, 0, None, "no donor or recipient", "corpus misses packages"),
])
def test_verdicts(claim, reference, corpus_sum, reference_sum, verdict, corpus_verdict):
    facts = typed_frame(CORPUS + [claim], FACT_DTYPES)
    (row,) = reconcile(facts, reference).to_dict(orient="records")
    assert row["corpus_sum"] == pytest.approx(corpus_sum)
    assert (None if pd.isna(row["reference_sum"]) else row["reference_sum"]) == (
        None if reference_sum is None else pytest.approx(reference_sum))
    assert (row["verdict"], row["corpus_verdict"]) == (verdict, corpus_verdict)


def test_reference_that_starts_after_the_baseline_is_not_used():
    ref = _ref([("2022-11-01", 3000, None)])
    claim = _claim(3e9, "exact", sentence="Since 2014 American aid to Ukraine totals $3 billion.")
    (row,) = reconcile(typed_frame(CORPUS + [claim], FACT_DTYPES), ref).to_dict(orient="records")
    assert pd.isna(row["reference_sum"]) and row["verdict"] == "claim disagrees"


def test_unscoped_reference_is_not_applied_to_other_currencies():
    claim = fact("c", "money", "cumulative", UK, UA, "GBP", 2.3e9, 2.8e9, 2.6e9, "2022-12-10", "£2.3 billion",
                 sentence="Since February 24 Britain has given £2.3 billion.")
    (row,) = reconcile(typed_frame(CORPUS + [claim], FACT_DTYPES), FULL_REF).to_dict(orient="records")
    assert pd.isna(row["reference_sum"])


def test_no_claims_gives_an_empty_typed_table():
    table = reconcile(typed_frame(CORPUS, FACT_DTYPES))
    assert len(table) == 0 and "verdict" in table.columns


@pytest.mark.parametrize("csv_text, series, total", [
    ("date,pda_usd_million,usai_usd_million,source_url\n2022-12-09,275,,http://x\n2022-11-04,,400,\n",
     {"pda_usd_million", "usai_usd_million"}, 675e6),
    ("Announced,Amount (EUR bn),id\n09/12/2022,1.5,7\n", {"Amount (EUR bn)"}, 1.5e9),
    ("day;amount\n2023-01-01;10\n", None, None),  # not comma-separated: no amount column
])
def test_load_reference_detects_columns(tmp_path, csv_text, series, total):
    path = tmp_path / "ref.csv"
    path.write_text(csv_text, encoding="utf-8")
    if series is None:
        with pytest.raises(ValueError):
            load_reference(path)
        return
    ref = load_reference(path)
    assert set(ref["series"]) == series and ref["amount"].sum() == pytest.approx(total)


def test_seed_claim_against_the_us_package_reference():
    if not US_PACKAGES.is_file():
        pytest.skip(f"shared reference {US_PACKAGES} is absent")
    facts = typed_frame([
        fact("f1", "money", "package", US, UA, "USD", 275e6, 275e6, 261e6, "2022-12-09", "$275 million"),
        _claim(19.3e9, surface="$19.3 billion"),
    ], FACT_DTYPES)
    (row,) = reconcile(facts, load_reference(US_PACKAGES)).to_dict(orient="records")
    assert row["reference_sum"] == pytest.approx(19.343e9)
    assert (row["window_start"], row["window_end"]) == (pd.Timestamp("2022-02-25"), pd.Timestamp("2022-12-10"))
    assert (row["verdict"], row["corpus_verdict"]) == ("consistent", "corpus misses packages")


def test_months_of_a_reference_without_donors_are_empty():
    from ledger.analyse.months import MONTHS_DTYPES, reconcile_months

    table = reconcile_months(typed_frame(CORPUS, FACT_DTYPES), load_reference_frame(FULL_REF))
    assert len(table) == 0 and tuple(table.columns) == tuple(MONTHS_DTYPES)


def load_reference_frame(raw):
    from ledger.analyse.reference import reference_frame

    return reference_frame(raw)
