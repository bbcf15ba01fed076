"""Reconciliation per donor and month: the packages of the corpus beside a reference series.

For a tracker that records aid per donor and month (the Kiel export) the natural check is not a
claim but the months themselves: for every (donor, recipient, month) either side has, the sum of
the corpus's package facts (in the reference's currency: ``value_eur`` for EUR, ``value_usd``
for US$) beside the reference's sum, their difference and ratio.
"""
from __future__ import annotations

import pandas as pd

from ledger.analyse.series import fact_dates, is_package

MONTHS_DTYPES: dict[str, str] = {
    "month": "string", "donor": "string", "recipient": "string", "currency": "string",
    "corpus_sum": "Float64", "n_packages": "Int64", "reference_sum": "Float64", "n_reference": "Int64",
    "difference": "Float64", "ratio": "Float64",
}
_VALUE_OF = {"EUR": "value_eur", "USD": "value_usd"}


def reconcile_months(facts: pd.DataFrame, reference: pd.DataFrame | None) -> pd.DataFrame:
    """One row per (month, donor, recipient, currency) of the reference or of the corpus's packages
    from donors the reference covers; empty without a reference."""
    if reference is None or reference.empty:
        return pd.DataFrame(columns=list(MONTHS_DTYPES)).astype(MONTHS_DTYPES)
    ref = reference.dropna(subset=["donor"])
    ref = ref.assign(month=ref["date"].dt.strftime("%Y-%m"))
    if ref.empty:  # a reference without donors (a series of one donor's packages) has no months to compare
        return pd.DataFrame(columns=list(MONTHS_DTYPES)).astype(MONTHS_DTYPES)
    keys = ["month", "donor", "recipient", "currency"]
    ref_sums = ref.groupby(keys, dropna=False)["amount"].agg(reference_sum="sum", n_reference="count")
    parts = []
    packages = facts[is_package(facts)].assign(month=fact_dates(facts[is_package(facts)]).dt.strftime("%Y-%m"))
    for currency in ref["currency"].dropna().unique():
        column = _VALUE_OF.get(currency)
        if column is None:
            continue
        mine = packages[packages["donor"].isin(ref["donor"].unique())].assign(currency=currency)
        parts.append(mine.groupby(keys, dropna=False)[column].agg(corpus_sum="sum", n_packages="count"))
    corpus = pd.concat(parts) if parts else pd.DataFrame(columns=["corpus_sum", "n_packages"])
    table = ref_sums.join(corpus, how="outer").reset_index()
    table = table[table["month"].notna()]
    table["corpus_sum"] = table["corpus_sum"].fillna(0.0)
    table["difference"] = table["corpus_sum"] - table["reference_sum"]
    table["ratio"] = table["corpus_sum"] / table["reference_sum"].where(table["reference_sum"] != 0)
    table = table.sort_values(keys, kind="stable").reset_index(drop=True)
    return table[list(MONTHS_DTYPES)].astype(MONTHS_DTYPES)
