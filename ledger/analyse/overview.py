"""The series the charts draw (workbook Summary and dashboard): packages by donor over time, and the
cumulative claims of the main donor → recipient pairs against the packages in their windows."""
from __future__ import annotations

import pandas as pd

from ledger.analyse.aggregate import UNKNOWN
from ledger.analyse.series import fact_dates, is_package

#: Donors drawn as their own series; the others are added up as one.
TOP_DONORS = 6
OTHER_DONORS = "other donors"
#: Claims of at most this many pairs are charted, the latest ``MAX_CLAIMS`` of each.
TOP_PAIRS = 2
MAX_CLAIMS = 12
#: Beyond this many months the time axis counts years.
MAX_MONTHS = 96
#: Verdicts of claims that have a window and a pair (the others have nothing to draw against).
_DRAWN = ("consistent", "claim disagrees", "unverified: corpus short")


def package_points(facts: pd.DataFrame) -> pd.DataFrame:
    """Package facts with a date and a US$ amount: date, donor, recipient, aid_type, usd, surface."""
    pk = facts[is_package(facts)]
    pk = pk.assign(date=fact_dates(pk))
    pk = pk[pk["date"].notna() & pk["value_usd"].notna()]
    return pd.DataFrame({
        "date": pk["date"], "donor": pk["donor"].fillna(UNKNOWN), "recipient": pk["recipient"].fillna(UNKNOWN),
        "aid_type": pk["aid_type"].fillna(UNKNOWN), "usd": pk["value_usd"].astype("Float64"),
        "surface": pk["surface"]}).sort_values("date", kind="stable").reset_index(drop=True)


def donor_periods(points: pd.DataFrame, top: int = TOP_DONORS) -> pd.DataFrame:
    """US$ million of packages per period (month, or year for long spans; every period from the first to the
    last, in order) and donor: one column per top donor and one for the others."""
    if points.empty:
        return pd.DataFrame({"period": pd.Series(dtype="string")})
    first, last = points["date"].min(), points["date"].max()
    monthly = (last.year - first.year) * 12 + last.month - first.month < MAX_MONTHS
    freq, fmt = ("M", "%Y-%m") if monthly else ("Y", "%Y")
    periods = pd.period_range(first, last, freq=freq)
    totals = points.groupby("donor")["usd"].sum().sort_values(ascending=False, kind="stable")
    leaders = [d for d in totals.index if d != UNKNOWN][:top]
    donor = points["donor"].where(points["donor"].isin(leaders), OTHER_DONORS)
    table = (points.assign(period=points["date"].dt.to_period(freq), donor=donor)
             .pivot_table(index="period", columns="donor", values="usd", aggfunc="sum", fill_value=0.0))
    table = table.reindex(index=periods, columns=leaders + ([OTHER_DONORS] if OTHER_DONORS in table else []),
                          fill_value=0.0) / 1e6
    table.index = [p.strftime(fmt) for p in table.index]
    return table.rename_axis("period").reset_index().astype({"period": "string"})


def main_pairs(reconciliation: pd.DataFrame, top: int = TOP_PAIRS) -> list[tuple[str, str]]:
    """The donor → recipient pairs with the most claims that can be drawn, most first."""
    drawn = reconciliation[reconciliation["verdict"].isin(_DRAWN).fillna(False).astype(bool)]
    counts = drawn.groupby(["donor", "recipient"]).size().sort_values(ascending=False, kind="stable")
    return [tuple(k) for k in counts.index[:top]]


def pair_claims(reconciliation: pd.DataFrame, donor: str, recipient: str) -> pd.DataFrame:
    """The pair's claims in its most used currency, by date (the latest ``MAX_CLAIMS``): the claimed
    amount and the sums of packages and of the reference in each claim's window, in millions."""
    r = reconciliation[(reconciliation["donor"] == donor) & (reconciliation["recipient"] == recipient)
                       & reconciliation["verdict"].isin(_DRAWN)].fillna({"currency": UNKNOWN})
    if r.empty:
        return pd.DataFrame(columns=["claim", "currency", "claimed", "packages", "reference"])
    currency = r["currency"].value_counts().index[0]
    r = r[r["currency"] == currency].sort_values("claim_date", kind="stable").tail(MAX_CLAIMS)
    label = r["claim_date"].dt.strftime("%Y-%m-%d") + " " + r["surface"].str.replace(r"\s+", " ", regex=True)
    return pd.DataFrame({
        "claim": label.astype("string"), "currency": currency,
        "claimed": r["value"].astype("Float64") / 1e6, "packages": r["corpus_sum"].astype("Float64") / 1e6,
        "reference": r["reference_sum"].astype("Float64") / 1e6}).reset_index(drop=True)
