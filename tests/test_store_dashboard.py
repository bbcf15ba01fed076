"""A store and outputs shaped for dashboards: keys, indexes, views, the reference kept in the
store, the Kiel and FTS formats, facts.parquet, a valid Frictionless data package, and a store
Datasette serves."""
from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

import pandas as pd
import pytest

from ledger.cli import main
from ledger.analyse import load_reference

REPO = Path(__file__).resolve().parents[1]
KIEL = REPO.parent / "shared" / "datasets" / "kiel-ukraine-support-tracker" / "data_explorer.csv"

ARTICLES = {
    "de.txt": ("published: 2023-01-07\n\nGermany on Friday pledged a new €2.7 billion military aid package for "
               "Ukraine, including 40 Marder fighting vehicles.\n"),
    "de-wire.txt": ("published: 2023-01-08\n\nBerlin on Friday announced €2.7 billion in new military aid for "
                    "Ukraine, the defence ministry said.\n"),
    "us.txt": ("published: 2023-02-04\n\nThe United States on Friday announced a new $2.2 billion security "
               "assistance package for Ukraine. This brings total U.S. security assistance to Ukraine to more "
               "than $29.3 billion since February 24, 2022.\n"),
}
# The Kiel tracker export's shape (donor x month, EUR bn), written for this test.
KIEL_ROWS = ('"country","iso","year","month","total","financial","humanitarian","military"\n'
             '"Germany","DEU",2023,1,2.9,0.1,0.1,2.7\n'
             '"Turkiye","TUR",2023,1,0.05,0,0.05,0\n'
             '"United States","USA",2023,2,2.0,0,0,2.0\n')
FTS = {"data": {"flows": [
    {"id": "1", "amountUSD": 2_200_000_000, "flowDate": "2023-02-03T00:00:00Z", "status": "paid",
     "sourceObjects": [{"type": "Organization", "name": "United States of America, Government of"},
                       {"type": "Location", "name": "United States"}],
     "destinationObjects": [{"type": "Location", "name": "Ukraine"}]},
    {"id": "2", "amountUSD": 5_000_000, "flowDate": "2023-02-10T00:00:00Z", "status": "pledge",
     "sourceObjects": [{"type": "Location", "name": "Japan"}], "destinationObjects": [{"type": "Location", "name": "Ukraine"}]},
]}}


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("dashboard")
    (tmp / "in").mkdir()
    for name, text in ARTICLES.items():
        (tmp / "in" / name).write_text(text, encoding="utf-8")
    (tmp / "kiel.csv").write_text(KIEL_ROWS, encoding="utf-8")
    assert main(["run", str(tmp / "in"), "--out", str(tmp / "out"), "--jobs", "1", "-q",
                 "--reference", str(tmp / "kiel.csv")]) == 0
    return tmp


def _sql(run_dir: Path, query: str) -> list[tuple]:
    with sqlite3.connect(run_dir / "out" / "ledger.sqlite") as conn:
        return conn.execute(query).fetchall()


def test_tables_have_keys_indexes_and_views(run_dir):
    objects = set(_sql(run_dir, "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))
    for table in ("documents", "mentions", "facts", "fact_documents", "reference", "reconciliation",
                  "reconciliation_months", "runs", "errors", "meta"):
        assert ("table", table) in objects, table
    for view in ("packages_by_donor_month", "cumulative_claims", "documents_by_month"):
        assert ("view", view) in objects, view
    for index in ("facts_donor", "facts_recipient", "facts_event_date", "facts_role", "mentions_doc"):
        assert ("index", index) in objects, index
    foreign = {(t, r[2]) for t in ("mentions", "fact_documents", "reconciliation", "errors")
               for r in _sql(run_dir, f"PRAGMA foreign_key_list({t})")}
    assert foreign == {("mentions", "documents"), ("mentions", "facts"), ("fact_documents", "facts"),
                       ("fact_documents", "documents"), ("reconciliation", "facts"), ("errors", "runs")}
    assert _sql(run_dir, "PRAGMA foreign_key_check") == []
    for table in ("documents", "mentions", "facts", "fact_documents", "runs", "errors", "reference"):
        assert any(r[5] for r in _sql(run_dir, f"PRAGMA table_info({table})")), f"{table} has no primary key"


def test_a_fact_told_by_two_articles_links_both(run_dir):
    rows = _sql(run_dir, "SELECT f.n_documents, count(l.doc_id) FROM facts f JOIN fact_documents l USING (fact_id) "
                         "WHERE f.value = 2.7e9 GROUP BY f.fact_id")
    assert rows == [(2, 2)]


def test_packages_by_donor_month_view(run_dir):
    rows = _sql(run_dir, "SELECT donor, month, packages, eur FROM packages_by_donor_month ORDER BY month")
    assert ("Germany", "2023-01", 1, 2.7e9) in rows
    assert [r[:3] for r in rows if r[0] == "United States"] == [("United States", "2023-02", 1)]


def test_the_kiel_export_reconciles_per_donor_and_month(run_dir):
    months = pd.read_csv(run_dir / "out" / "reconciliation_months.csv")
    germany = months[(months["donor"] == "Germany") & (months["month"] == "2023-01")].iloc[0]
    assert (germany["corpus_sum"], germany["reference_sum"], germany["currency"]) == (2.7e9, 2.9e9, "EUR")
    assert set(months["donor"]) == {"Germany", "Türkiye", "United States"}  # Kiel's "Turkiye" made canonical
    assert len(_sql(run_dir, "SELECT * FROM reconciliation_months")) == len(months)


def test_the_reference_is_kept_until_replaced_or_removed(run_dir):
    out = run_dir / "out"
    assert main(["report", "--out", str(out), "-q"]) == 0  # no --reference: the stored one is used
    assert pd.read_csv(out / "reconciliation_months.csv")["reference_sum"].notna().any()
    origin = _sql(run_dir, "SELECT value FROM meta WHERE key = 'reference_origin'")
    assert origin == [(str(run_dir / "kiel.csv"),)]
    assert main(["report", "--out", str(out), "-q", "--no-reference"]) == 0
    assert pd.read_csv(out / "reconciliation_months.csv").empty
    assert _sql(run_dir, "SELECT count(*) FROM reference") == [(0,)]
    assert main(["report", "--out", str(out), "-q", "--reference", str(run_dir / "kiel.csv")]) == 0
    assert _sql(run_dir, "SELECT count(*) FROM reference") == [(9,)]


def test_cumulative_claims_view_carries_the_reconciliation(run_dir):
    rows = _sql(run_dir, "SELECT donor, value, verdict FROM cumulative_claims")
    assert rows and rows[0][:2] == ("United States", 29.3e9) and rows[0][2]


def test_facts_parquet_equals_facts_csv(run_dir):
    parquet = pd.read_parquet(run_dir / "out" / "facts.parquet")
    csv = pd.read_csv(run_dir / "out" / "facts.csv")
    assert list(parquet.columns) == list(csv.columns) and len(parquet) == len(csv)
    assert sorted(parquet["fact_id"]) == sorted(csv["fact_id"])


def test_the_data_package_validates(run_dir):
    from frictionless import Package

    package = json.loads((run_dir / "out" / "datapackage.json").read_text(encoding="utf-8"))
    facts = next(r for r in package["resources"] if r["name"] == "facts")
    role = next(f for f in facts["schema"]["fields"] if f["name"] == "role")
    assert role["constraints"]["enum"] == ["package", "component", "cumulative", "budget", "other"]
    assert facts["schema"]["primaryKey"] == ["fact_id"]
    report = Package(str(run_dir / "out" / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_datasette_serves_the_views_with_the_metadata(run_dir):
    from datasette.app import Datasette

    metadata = json.loads((run_dir / "out" / "metadata.json").read_text(encoding="utf-8"))
    assert metadata["databases"]["ledger"]["tables"]["facts"]["columns"]["fact_id"].startswith("stable id")

    async def query():
        ds = Datasette([str(run_dir / "out" / "ledger.sqlite")], metadata=metadata)
        view = await ds.client.get("/ledger/packages_by_donor_month.json?_shape=array")
        table = await ds.client.get("/ledger/facts.json?_shape=array&donor=Germany")
        return view.status_code, view.json(), table.status_code, table.json()

    status, rows, table_status, facts = asyncio.run(query())
    assert status == 200 and table_status == 200
    assert any(r["donor"] == "Germany" and r["month"] == "2023-01" and r["packages"] == 1 for r in rows), rows
    assert facts and all(f["donor"] == "Germany" for f in facts)


def test_fts_flows_are_read_as_a_reference(tmp_path):
    path = tmp_path / "flows.json"
    path.write_text(json.dumps(FTS), encoding="utf-8")
    ref = load_reference(path)
    assert ref[["date", "amount", "currency", "donor", "recipient"]].astype(object).values.tolist() == [
        [pd.Timestamp("2023-02-03"), 2.2e9, "USD", "United States", "Ukraine"]]  # the pledge is left out
    flat = tmp_path / "flows.csv"
    pd.DataFrame([{"amountUSD": 1e6, "flowDate": "2023-03-01", "status": "paid", "sourceLocation": "Norway",
                   "destinationLocation": "Ukraine"}]).to_csv(flat, index=False)
    assert load_reference(flat)[["donor", "amount"]].values.tolist() == [["Norway", 1e6]]


@pytest.mark.skipif(not KIEL.is_file(), reason="../shared/datasets/kiel-ukraine-support-tracker is absent")
def test_the_real_kiel_export_is_read():
    ref = load_reference(KIEL)
    assert {"Germany", "United States", "European Union", "Türkiye"} <= set(ref["donor"])
    assert (ref["currency"] == "EUR").all() and (ref["recipient"] == "Ukraine").all()
    raw = pd.read_csv(KIEL)
    assert ref["amount"].sum() == pytest.approx(raw[["military", "financial", "humanitarian"]].sum().sum() * 1e9)
