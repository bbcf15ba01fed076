"""The official US security-assistance series for Ukraine against the ledger of the White House corpus.

    PYTHONPATH=. .venv/bin/python benchmarks/us_packages.py [--top 15] [--rows 2] [--jobs 2] [--refresh]

Reference: ``../shared/datasets/us-packages/us-packages.csv`` (date, pda/usai/fmf in US$ million).
A package is *mentioned* when the corpus has a US$ money mention of its total or, for a package of
several parts, of one part (PDA, USAI or FMF), in a sentence naming Ukraine, in a document published
on the package date or up to 7 days after. It is *held* when some money mention of one of those
amounts has role ``package``, donor United States, recipient Ukraine and an event date within 3 days
of the package date. Also: de-duplicated US ``package`` facts summed by year next to the reference,
and the largest US package facts of each year.
"""
from __future__ import annotations

import argparse
import csv
import datetime as _dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus_run  # noqa: E402

REFERENCE = corpus_run.SHARED / "datasets" / "us-packages" / "us-packages.csv"
PARTS = ("pda_usd_million", "usai_usd_million", "fmf_usd_million")
MENTION_DAYS = 7
HELD_DAYS = 3
UKRAINE = re.compile(r"\bUkrain", re.IGNORECASE)


@dataclass(frozen=True)
class Package:
    date: _dt.date
    parts: dict[str, float]  # column → US$ (not million)

    @property
    def total(self) -> float:
        return sum(self.parts.values())

    @property
    def amounts(self) -> set[int]:
        """Amounts (US$, rounded) a mention may quote: the total, and each part of a split package."""
        found = {round(self.total)}
        if len(self.parts) > 1:
            found |= {round(v) for v in self.parts.values()}
        return found


def load_packages(path: Path) -> list[Package]:
    """The reference rows, amounts in US$; empty cells are absent parts."""
    out = []
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            parts = {c: float(row[c]) * 1e6 for c in PARTS if (row.get(c) or "").strip()}
            out.append(Package(_dt.date.fromisoformat(row["date"]), {k: v for k, v in parts.items() if v}))
    return out


def _days(frame: pd.DataFrame, column: str, day: _dt.date) -> pd.Series:
    """Days from ``day`` to each row's date in ``column`` (NaN when empty)."""
    dates = pd.to_datetime(frame[column], errors="coerce")
    return (dates - pd.Timestamp(day)).dt.days


def mentioning_rows(pkg: Package, money: pd.DataFrame) -> pd.DataFrame:
    """Mentions that announce ``pkg``: its amount, a sentence naming Ukraine, published within a week."""
    days = _days(money, "published", pkg.date)
    hit = (money["value"].round().isin(pkg.amounts) & money["sentence"].str.contains(UKRAINE, na=False)
           & days.between(0, MENTION_DAYS))
    return money[hit]


def holding_rows(pkg: Package, money: pd.DataFrame) -> pd.DataFrame:
    """Mentions that hold ``pkg`` as a US package to Ukraine dated within 3 days."""
    days = _days(money, "event_date", pkg.date)
    hit = (money["value"].round().isin(pkg.amounts) & (money["role"] == "package")
           & (money["donor"] == "United States") & (money["recipient"] == "Ukraine")
           & days.abs().le(HELD_DAYS))
    return money[hit]


def match_series(packages: list[Package], money: pd.DataFrame) -> list[tuple[Package, pd.DataFrame, bool]]:
    """(package, its mentioning rows, held?) for every package the corpus mentions."""
    out = []
    for pkg in packages:
        rows = mentioning_rows(pkg, money)
        if len(rows):
            out.append((pkg, rows, bool(len(holding_rows(pkg, money)))))
    return out


def yearly_sums(facts: pd.DataFrame, packages: list[Package]) -> pd.DataFrame:
    """US$ sums by year: all US package facts, those to Ukraine, and the reference series."""
    facts = facts.assign(year=facts["event_date"].fillna(facts["first_published"]).map(corpus_run.year_of))
    ukraine = facts[facts["recipient"] == "Ukraine"]
    ref = pd.Series([p.total for p in packages], index=[p.date.year for p in packages])
    table = pd.DataFrame({
        "US package facts": facts.groupby("year").size(),
        "sum US$": facts.groupby("year")["value_usd"].sum(),
        "of which to Ukraine": ukraine.groupby("year")["value_usd"].sum(),
        "reference US$": ref.groupby(level=0).sum(),
        "reference packages": ref.groupby(level=0).size(),
    })
    table.index = table.index.astype(int)
    return table.sort_index()


def money_text(value: float | None) -> str:
    """US$ in a short form: 1.2 T, 3.4 bn, 725 M."""
    if value is None or pd.isna(value):
        return "-"
    for scale, name in ((1e12, "T"), (1e9, "bn"), (1e6, "M")):
        if abs(value) >= scale:
            return f"{value / scale:,.1f} {name}".replace(".0 ", " ")
    return f"{value:,.0f}"


def cell(value: object) -> str:
    """A table cell: '-' for an empty value (None, NaN), else the value on one line."""
    return "-" if value is None or (not isinstance(value, str) and pd.isna(value)) else " ".join(str(value).split())


def clip(text: object, width: int) -> str:
    text = cell(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def _row_line(r) -> str:
    return (f"      {cell(r.role)} | {cell(r.donor)} → {cell(r.recipient)} | event {cell(r.event_date)} | "
            f"pub {r.published} | {cell(r.surface)!r} | {clip(r.sentence, 150)}")


def print_series(matches, packages: list[Package], rows: int) -> None:
    held = sum(h for _, _, h in matches)
    by_total = sum(1 for p, r, _ in matches if r["value"].round().eq(round(p.total)).any())
    print(f"US packages in the reference: {len(packages)}; mentioned by the corpus: {len(matches)} "
          f"({by_total} by their total); held as package United States → Ukraine within {HELD_DAYS} days: {held}")
    print(f"\nMissed ({len(matches) - held}), with the rows the ledger holds instead (first {rows} each):")
    for pkg, found, is_held in matches:
        if is_held:
            continue
        print(f"  {pkg.date}  {money_text(pkg.total)}  ({', '.join(money_text(v) for v in pkg.parts.values())})")
        for r in found.head(rows).itertuples():
            print(_row_line(r))
    quiet = [p for p in packages if all(p is not m[0] for m in matches)]
    print(f"\nNot mentioned ({len(quiet)}): " + ", ".join(f"{p.date} {money_text(p.total)}" for p in quiet))


def print_years(table: pd.DataFrame) -> None:
    print("\nUS money package facts (de-duplicated) by year of event date (else first publication):")
    print(f"  {'year':>4}  {'facts':>6}  {'sum US$':>10}  {'to Ukraine':>10}  {'reference':>10}  {'ref. pkgs':>9}")
    for year, r in table.iterrows():
        n_facts = 0 if pd.isna(r["US package facts"]) else int(r["US package facts"])
        n_ref = 0 if pd.isna(r["reference packages"]) else int(r["reference packages"])
        print(f"  {year:>4}  {n_facts:>6}  {money_text(r['sum US$']):>10}  {money_text(r['of which to Ukraine']):>10}"
              f"  {money_text(r['reference US$']):>10}  {n_ref:>9}")


def print_top(facts: pd.DataFrame, top: int) -> None:
    facts = facts.assign(year=facts["event_date"].fillna(facts["first_published"]).map(corpus_run.year_of))
    for year, group in sorted(facts.groupby("year"), key=lambda kv: kv[0]):
        print(f"\nTop {top} US package facts of {int(year)} by amount:")
        for r in group.nlargest(top, "value_usd").itertuples():
            print(f"  {money_text(r.value_usd):>9}  → {clip(r.recipient, 14):14} {cell(r.event_date):10} "
                  f"n={r.n_mentions:<3} {cell(r.surface)!r:24} {clip(r.sentence, 110)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpus_run.add_run_options(ap)
    ap.add_argument("--reference", type=Path, default=REFERENCE, help="package series CSV (default: %(default)s)")
    ap.add_argument("--top", type=int, default=15, help="largest US package facts listed per year (default 15)")
    ap.add_argument("--rows", type=int, default=2, help="rows shown per missed package (default 2)")
    args = ap.parse_args(argv)
    if corpus_run.missing(args.reference):
        print(corpus_run.skip_message(args.reference))
        return 0
    run = corpus_run.run_or_skip(args)
    if run is None:
        return 0
    packages = load_packages(args.reference)
    money = corpus_run.mentions(run, "published, event_date, surface, sentence, value, role, donor, recipient",
                                "kind = 'money' AND currency = 'USD'")
    print_series(match_series(packages, money), packages, args.rows)
    us = corpus_run.facts(run, "value_usd, event_date, first_published, recipient, n_mentions, surface, sentence",
                          "kind = 'money' AND role = 'package' AND donor = 'United States'")
    print_years(yearly_sums(us, packages))
    if args.top:
        print_top(us, args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
