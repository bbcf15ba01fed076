"""Facts kept up to date in the store, a chunk of documents at a time, are the facts built from every
mention at once: whatever the chunks, the batches and the order, after documents are replaced and
after analysts correct figures."""
from __future__ import annotations

import datetime as dt
import random

import pandas as pd
import pytest

from ledger import Document
from ledger.analyse import reconcile, totals
from ledger.model import Correction, Row
from ledger.store import Store, build_facts
from ledger.store.corrected import is_excluded

D = dt.date

#: (surface, value, low, high, qualifier): roundings of one another, ranges, amounts without digits.
AMOUNTS = [
    ("$19.3 billion", 19.3e9, None, None, "exact"), ("$19.34 billion", 19.34e9, None, None, "exact"),
    ("$19.38 billion", 19.38e9, None, None, "exact"), ("$19 billion", 19e9, None, None, "approx"),
    ("$400 million", 400e6, None, None, "exact"), ("$0.4 billion", 400e6, None, None, "exact"),
    ("$425 million", 425e6, None, None, "exact"), ("$1.2 million", 1.2e6, None, None, "exact"),
    ("$1,200,000", 1.2e6, None, None, "exact"), ("$1-2 billion", None, 1e9, 2e9, "range"),
    ("$1.5-2 billion", None, 1.5e9, 2e9, "range"), ("hundreds of millions", None, 1e8, 1e9, "vague"),
]
ROLES = ["package", "package", "cumulative", "budget", "other", None]
DONORS = ["United States", "United States", "Germany", None]
RECIPIENTS = ["Ukraine", "Ukraine", "Moldova", None]


def _row(doc: str, n: int, rng: random.Random, published: dt.date, sentence: str) -> Row:
    surface, value, low, high, qualifier = rng.choice(AMOUNTS)
    event = rng.choice([published, published - dt.timedelta(days=rng.randint(0, 12)), None])
    usd = value if value is not None else None
    return Row(doc_id=doc, source=f"{doc}.txt", url=f"https://example.org/{doc}", published=published,
               title=None, start=n * 40, end=n * 40 + len(surface), surface=surface, sentence=sentence,
               kind="money", value=value, low=low, high=high, qualifier=qualifier, change=None, unit="USD",
               currency="USD", item=None, role=rng.choice(ROLES), donor=rng.choice(DONORS),
               recipient=rng.choice(RECIPIENTS), event_date=event, figure_id=f"{doc}-{n}", value_usd=usd,
               value_eur=None, fx_rate=1.0, fx_date=published, fx_source="ECB")


def _restated_in_yen(row: Row) -> Row:
    """The same amount written again in yen, right after it in its sentence."""
    yen = f"{row.value * 140 / 1e9:g} billion yen"
    return Row(**{**row.as_dict(), "start": row.end + 2, "end": row.end + 2 + len(yen), "surface": yen,
                  "value": row.value * 140, "unit": "JPY", "currency": "JPY", "figure_id": row.figure_id + "y"})


def _document(name: str, seed: int) -> tuple[Document, str, list[Row]]:
    rng = random.Random(seed)
    published = D(2022, 12, 1) + dt.timedelta(days=rng.randint(0, 30))
    rows = []
    for n in range(rng.randint(1, 7)):
        row = _row(name, n, rng, published, f"Sentence {n % 3} of {name}.")
        rows.append(row)
        if row.value is not None and rng.random() < 0.2:
            rows.append(_restated_in_yen(row))
    doc = Document(doc_id=name, source=f"{name}.txt", text="x" * 400, published=published,
                   url=f"https://example.org/{name}")
    return doc, f"h{seed}", rows


def _from_scratch(store: Store) -> tuple[pd.DataFrame, pd.Series]:
    """Every mention as corrected, the excluded ones left out, de-duplicated at once."""
    mentions = store.mentions()
    keep = ~is_excluded(mentions)
    facts, kept = build_facts(mentions[keep].drop(columns="fact_id"))
    ids = pd.Series(pd.NA, index=mentions.index, dtype="string")
    ids[kept.index] = kept
    order = ["event_date", "first_published", "fact_id"]
    return facts.sort_values(order, na_position="last").reset_index(drop=True), ids


def _assert_as_from_scratch(store: Store) -> None:
    facts, ids = _from_scratch(store)
    pd.testing.assert_frame_equal(store.facts(), facts)
    assert store.mentions()["fact_id"].fillna("-").tolist() == ids.fillna("-").tolist()
    links = pd.DataFrame({"fact_id": ids, "doc_id": store.mentions()["doc_id"]}).dropna()
    want = links.groupby(["fact_id", "doc_id"]).size().reset_index(name="n_mentions")
    got = store.fact_documents()
    assert got[["fact_id", "doc_id"]].values.tolist() == want[["fact_id", "doc_id"]].values.tolist()
    assert got["n_mentions"].tolist() == want["n_mentions"].tolist()


# (seed of the documents, documents, documents per batch, documents per chunk, documents replaced)
# (every chunk costs the same whatever its size: a few batches suffice to cross each boundary)
SCENARIOS = [
    (1, 24, 24, 1000, 0),   # one batch, one chunk: the whole ledger at once
    (2, 12, 5, 1, 0),       # one document per chunk, over two full batches and a short one
    (3, 16, 7, 3, 0),       # batches and chunks that do not line up
    (4, 18, 6, 4, 5),       # five documents replaced by other content in a later batch
    (5, 40, 40, 7, 12),     # many documents replaced at once
]


@pytest.mark.parametrize("seed, n_docs, per_batch, chunk, replaced", SCENARIOS)
def test_incremental_facts_equal_facts_from_scratch(tmp_path, seed, n_docs, per_batch, chunk, replaced):
    docs = [_document(f"d{i:02d}", seed * 1000 + i) for i in range(n_docs)]
    changed = [_document(f"d{i:02d}", seed * 2000 + i) for i in range(replaced)]
    with Store(tmp_path / "s.sqlite") as store:
        for batch in [docs[i:i + per_batch] for i in range(0, n_docs, per_batch)] + [changed]:
            store.add_batch(batch)
            store.update_facts(chunk_docs=chunk)
            _assert_as_from_scratch(store)
        assert not store.facts_stale
        before = store.facts()
        store.rebuild_facts(chunk_docs=chunk + 1)
        pd.testing.assert_frame_equal(store.facts(), before)


def test_totals_and_reconciliation_of_the_stored_facts_equal_those_from_scratch(tmp_path):
    with Store(tmp_path / "s.sqlite") as store:
        for start in range(0, 30, 6):
            store.add_batch([_document(f"d{i:02d}", 77 + i) for i in range(start, start + 6)])
            store.update_facts(chunk_docs=4)
        facts, _ = _from_scratch(store)
        for name, table in totals(facts).items():
            pd.testing.assert_frame_equal(totals(store.analysis_facts())[name], table, obj=name)
        pd.testing.assert_frame_equal(reconcile(store.analysis_facts()), reconcile(facts))


def test_a_store_without_keys_is_rebuilt_once(tmp_path):
    path = tmp_path / "s.sqlite"
    with Store(path) as store:
        store.add_batch([_document(f"d{i}", i) for i in range(8)])
        store.update_facts()
        store._conn.execute("DELETE FROM meta WHERE key = 'fact_keys'")  # as an earlier version left it
        store._conn.execute("DELETE FROM fact_keys")
    with Store(path) as store:
        store.add_batch([_document("d9", 9)])
        store.update_facts(chunk_docs=3)
        _assert_as_from_scratch(store)
        assert len(store.mentions()) == store.count("fact_keys")


def _corrections(store: Store, seed: int) -> list[Correction]:
    """Analysts' values for some figures: another role or donor, another amount, an exclusion."""
    rng = random.Random(seed)
    rows = store.mentions(as_read=True).sample(12, random_state=seed)
    fields = [("role", "package"), ("role", "budget"), ("donor", "Germany"), ("recipient", None),
              ("value", "425000000"), ("exclude", "yes")]
    return [Correction(r.doc_id, int(r.start), int(r.end), r.surface, *rng.choice(fields)) for r in rows.itertuples()]


def test_corrected_and_uncorrected_figures_give_the_facts_from_scratch(tmp_path):
    with Store(tmp_path / "s.sqlite") as store:
        store.add_batch([_document(f"d{i:02d}", 500 + i) for i in range(30)])
        store.update_facts(chunk_docs=7)
        put = _corrections(store, 1)
        store.save_corrections(put, [], "review.xlsx")
        assert store.facts_stale
        store.update_facts(chunk_docs=4)
        _assert_as_from_scratch(store)
        assert store.mentions()["corrected"].notna().sum() == len({(c.doc_id, c.start) for c in put})
        pd.testing.assert_frame_equal(pd.concat(store.chunks("mentions", 7), ignore_index=True), store.mentions())
        store.save_corrections([], put[:5], "review.xlsx")  # five fields given back to the rules
        store.add_batch([_document(f"d{i:02d}", 900 + i) for i in range(3)])  # and three documents replaced
        store.update_facts(chunk_docs=5)
        _assert_as_from_scratch(store)


def test_a_large_update_sets_the_readers_indexes_aside_and_builds_them_again(tmp_path, monkeypatch):
    monkeypatch.setattr("ledger.store.facts.BULK_DOCS", 3)
    with Store(tmp_path / "s.sqlite") as store:
        indexes = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('facts', 'fact_documents')"
        before = set(store._conn.execute(indexes).fetchall())
        store.add_batch([_document(f"d{i}", 300 + i) for i in range(8)])
        store.update_facts(chunk_docs=2)
        assert set(store._conn.execute(indexes).fetchall()) == before and store.count("facts_set_aside") == 0
        _assert_as_from_scratch(store)
