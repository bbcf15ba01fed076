"""``dashboard.html``: the Summary's charts in one self-contained page, with filters.

Built with Vega-Altair (Vega-Lite specs); the Vega, Vega-Lite and vega-embed JavaScript is inlined
(from ``vl-convert-python``), so the page needs no network when it is opened. Filters: donor,
recipient and kind of aid (drop-downs) and dates (drag over the timeline at the top); every chart
follows them. Charts: the timeline of packages, packages by donor over time (stacked, one colour per
top donor), packages by recipient, and the cumulative claims against the packages in their windows.
"""
from __future__ import annotations

from pathlib import Path

import altair as alt
import pandas as pd

from ledger.analyse.overview import OTHER_DONORS, TOP_DONORS, package_points

_DRAWN = ("consistent", "claim disagrees", "unverified: corpus short")
#: The page's charts are this wide (pixels).
WIDTH = 900
#: Donors and recipients offered in the drop-downs (the ones with the most US$).
MAX_CHOICES = 40
TOP_RECIPIENTS = 15


def dashboard_chart(facts: pd.DataFrame, reconciliation: pd.DataFrame) -> alt.VConcatChart:
    """The whole page as one Vega-Lite chart (shared filters and date brush)."""
    points = _points(facts)
    claims = _claims(reconciliation)
    params = [_choice(name, points[name], points["usd_m"]) for name in ("donor", "recipient", "aid_type")]
    brush = alt.selection_interval(encodings=["x"], name="dates")
    chosen = " && ".join(f"({p.name} == null || datum.{p.name} == {p.name})" for p in params)
    base = alt.Chart(points).transform_filter(chosen)
    timeline = base.mark_bar().encode(
        x=alt.X("yearmonth(date):T", title="drag to choose dates"),
        y=alt.Y("sum(usd_m):Q", title="US$ million"),
    ).add_params(brush, *params).properties(width=WIDTH, height=80, title="Packages over time (all donors)")
    by_donor = base.transform_filter(brush).mark_bar().encode(
        x=alt.X("yearmonth(date):T", title="month"),
        y=alt.Y("sum(usd_m):Q", title="US$ million", stack="zero"),
        color=alt.Color("donor_group:N", title="donor", sort="-y"),
        tooltip=["donor", "recipient", "aid_type", "surface", alt.Tooltip("yearmonthdate(date):T", title="date")],
    ).properties(width=WIDTH, height=300, title="Packages by donor over time (US$ million, stacked)")
    by_recipient = base.transform_filter(brush).transform_aggregate(
        usd_m="sum(usd_m)", groupby=["recipient"]).transform_window(
        rank="rank()", sort=[alt.SortField("usd_m", order="descending")]).transform_filter(
        f"datum.rank <= {TOP_RECIPIENTS}").mark_bar().encode(
        y=alt.Y("recipient:N", sort="-x", title=None), x=alt.X("usd_m:Q", title="US$ million"),
    ).properties(width=WIDTH, height=alt.Step(16), title=f"Packages by recipient (top {TOP_RECIPIENTS}, US$ million)")
    claims_chart = _claims_chart(claims, chosen, brush)
    return alt.vconcat(timeline, by_donor, claims_chart, by_recipient).resolve_scale(color="independent",
                                                                                      shape="independent").properties(
        title=alt.Title("aid-ledger dashboard", subtitle=["Money of package facts (point amounts, in US$); "
                                                          "filters: donor, recipient, aid type, and the dates "
                                                          "dragged on the timeline."]))


def _points(facts: pd.DataFrame) -> pd.DataFrame:
    points = package_points(facts)
    leaders = points.groupby("donor")["usd"].sum().sort_values(ascending=False).index[:TOP_DONORS]
    return pd.DataFrame({
        "date": points["date"].dt.strftime("%Y-%m-%d"), "donor": points["donor"].astype(str),
        "recipient": points["recipient"].astype(str), "aid_type": points["aid_type"].astype(str),
        "donor_group": points["donor"].where(points["donor"].isin(leaders), OTHER_DONORS).astype(str),
        "usd_m": (points["usd"].astype(float) / 1e6).round(3), "surface": points["surface"].astype(str)})


def _claims(reconciliation: pd.DataFrame) -> pd.DataFrame:
    r = reconciliation[reconciliation["verdict"].isin(_DRAWN).fillna(False).astype(bool)
                       & (reconciliation["currency"] == "USD").fillna(False).astype(bool)]
    return pd.DataFrame({
        "date": r["claim_date"].dt.strftime("%Y-%m-%d"), "donor": r["donor"].fillna("(unknown)").astype(str),
        "recipient": r["recipient"].fillna("(unknown)").astype(str),
        "aid_type": r["aid_type"].fillna("(unknown)").astype(str), "claim": r["surface"].astype(str),
        "verdict": r["verdict"].astype(str), "claimed": r["value"].astype(float) / 1e6,
        "packages in its window": r["corpus_sum"].astype(float) / 1e6})


def _claims_chart(claims: pd.DataFrame, chosen: str, brush) -> alt.Chart:
    return alt.Chart(claims).transform_filter(chosen).transform_filter(brush).transform_fold(
        ["claimed", "packages in its window"], as_=["amount", "US$ million"],
    ).mark_point(filled=True, size=70).encode(
        x=alt.X("yearmonthdate(date):T", title="claim date"),
        y=alt.Y("US$ million:Q", scale=alt.Scale(type="symlog")),
        color=alt.Color("amount:N", title=None), shape=alt.Shape("amount:N", title=None),
        tooltip=["donor", "recipient", "claim", "verdict", alt.Tooltip("US$ million:Q", format=",.1f")],
    ).properties(width=WIDTH, height=260,
                 title="Cumulative claims (US$) against the packages in their windows")


def _choice(name: str, values: pd.Series, weights: pd.Series):
    order = weights.astype(float).groupby(values.astype(str)).sum().sort_values(ascending=False)
    options = sorted(order.index[:MAX_CHOICES])
    return alt.param(name=name, value=None, bind=alt.binding_select(
        options=[None, *options], labels=["all", *options], name=f"{name.replace('_', ' ')} "))


def write_dashboard(path: Path, facts: pd.DataFrame, reconciliation: pd.DataFrame) -> None:
    """Write the self-contained page (the caller makes the write atomic)."""
    dashboard_chart(facts, reconciliation).save(str(path), format="html", inline=True)
