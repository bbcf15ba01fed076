"""Totals of the ledger's facts with pandas.

Money is added up from **package** facts only (the ledger's additive entries): cumulative
claims, components of packages and budgets would count the same money twice; the ``role``
table shows every role side by side instead. Only point amounts (exact, approx, at least,
at most) enter the sums; ranges and vague amounts ("hundreds of millions") are never added:
they are counted in ``n_not_summed``. Amounts without a conversion (UAH, XDR ...) are
counted in ``n_unconverted`` and are missing from the US$/EUR sums.
"""
from __future__ import annotations

import pandas as pd

from ledger.analyse.items import item_counts
from ledger.analyse.series import fact_dates, is_package

UNKNOWN = "(unknown)"
MONEY_COLUMNS = ["n_facts", "usd", "eur", "n_unconverted", "n_not_summed"]
TOTAL_KEYS = ("donor", "recipient", "role", "currency", "item", "month", "year_pivot", "packages", "items")


def totals(facts: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Every table of totals, keyed by name (see :data:`TOTAL_KEYS`)."""
    money = _money(facts)
    packages = money[money["role"] == "package"]
    out = {
        "donor": _money_totals(packages, ["donor"]),
        "recipient": _money_totals(packages, ["recipient"]),
        "role": _money_totals(money, ["role"]),
        "currency": _currency_totals(packages),
        "item": _money_totals(packages, ["item"]),
        "month": _money_totals(packages, ["month"]),
        "year_pivot": year_pivot(packages),
        "packages": running_packages(facts),
        "items": item_counts(facts),
    }
    return out


def _money(facts: pd.DataFrame) -> pd.DataFrame:
    money = facts[(facts["kind"] == "money").fillna(False).astype(bool)].copy()
    money["date"] = fact_dates(money)
    money["month"] = money["date"].dt.strftime("%Y-%m").astype("string")
    money["year"] = money["date"].dt.year.astype("Int64")
    money["summed"] = money["value"].notna()
    money["unconverted"] = money["summed"] & money["value_usd"].isna()
    money["not_summed"] = ~money["summed"]
    for col in ("donor", "recipient", "role", "item", "currency", "month"):
        money[col] = money[col].fillna(UNKNOWN)
    return money


def _money_totals(money: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    summed = money[money["summed"]]
    grouped = money.groupby(by, sort=True)
    out = pd.DataFrame({
        "n_facts": grouped.size(),
        "usd": summed.groupby(by)["value_usd"].sum(min_count=1),
        "eur": summed.groupby(by)["value_eur"].sum(min_count=1),
        "n_unconverted": grouped["unconverted"].sum(),
        "n_not_summed": grouped["not_summed"].sum(),
    })
    out = out.reset_index() if len(money) else pd.DataFrame(columns=by + MONEY_COLUMNS)
    out = out.astype({"n_facts": "Int64", "usd": "Float64", "eur": "Float64",
                      "n_unconverted": "Int64", "n_not_summed": "Int64"})
    return out.sort_values(["usd"] + by, ascending=[False] + [True] * len(by), na_position="last",
                           kind="stable").reset_index(drop=True)


def _currency_totals(packages: pd.DataFrame) -> pd.DataFrame:
    """Native sums per currency (never mixed), with their US$ and EUR values."""
    base = _money_totals(packages, ["currency"])
    summed = packages[packages["summed"]]
    native = summed.groupby("currency")["value"].sum(min_count=1).rename("native").astype("Float64")
    return base.merge(native.reset_index(), on="currency", how="left")[
        ["currency", "n_facts", "native", "usd", "eur", "n_unconverted", "n_not_summed"]]


def year_pivot(packages: pd.DataFrame) -> pd.DataFrame:
    """US$ of packages: one row per donor × recipient, one column per year, and a total."""
    summed = packages[packages["summed"] & packages["value_usd"].notna() & packages["year"].notna()]
    if summed.empty:
        return pd.DataFrame({"donor": pd.Series(dtype="string"), "recipient": pd.Series(dtype="string"),
                             "total": pd.Series(dtype="Float64")})
    table = summed.pivot_table(index=["donor", "recipient"], columns="year", values="value_usd",
                               aggfunc="sum", fill_value=0.0)
    table.columns = [str(int(c)) for c in table.columns]
    table["total"] = table.sum(axis=1)
    return table.reset_index().sort_values("total", ascending=False, kind="stable").reset_index(drop=True)


def running_packages(facts: pd.DataFrame) -> pd.DataFrame:
    """Package facts over time with the running US$ sum per donor → recipient and overall."""
    pk = facts[is_package(facts)].copy()
    pk["date"] = fact_dates(pk)
    pk = pk[pk["date"].notna()].sort_values(["date", "fact_id"], kind="stable")
    keys = [pk["donor"].fillna(UNKNOWN), pk["recipient"].fillna(UNKNOWN)]
    usd = pk["value_usd"].fillna(0.0)
    out = pd.DataFrame({
        "date": pk["date"], "donor": keys[0], "recipient": keys[1], "fact_id": pk["fact_id"],
        "surface": pk["surface"], "value_usd": pk["value_usd"],
        "cumulative_pair_usd": usd.groupby(keys).cumsum(),
        "cumulative_usd": usd.cumsum(),
    })
    return out.astype({"cumulative_pair_usd": "Float64", "cumulative_usd": "Float64"}).reset_index(drop=True)
