"""Report speed: ``write_reports`` on a synthetic ledger the size of the real corpus's.

    PYTHONPATH=. .venv/bin/python benchmarks/report_speed.py [--mentions 100000] [--facts 70000]
                                                             [--plain-share 1.0] [--no-plain]

Builds typed frames (mention and fact dtypes of ``ledger.store.schema``) with realistic text
lengths (sentences ~200 characters, one URL and title per document, a few risky texts), then
times, in one process: the whole ``write_reports``; ``ledger.xlsx`` by the fast path
(``write_workbook(fast=True)``) and by the plain openpyxl path (``fast=False``) on the same
frames (``--plain-share`` < 1 times the plain path on that share of the rows and scales the time
up, since it is linear in cells); ``ledger.csv``, ``facts.csv`` and ``ledger.parquet``.
Prints seconds, µs per cell, file sizes and the plain / fast ratio.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from ledger.store.schema import FACT_DTYPES, MENTION_DTYPES
from ledger.analyse import totals
from ledger.report import write_reports
from ledger.report.flat import write_csv, write_parquet
from ledger.analyse.reconcile import reconcile
from ledger.report.workbook import write_workbook

DONORS = ["United States", "United Kingdom", "Germany", "Japan", "India", "European Union", None]
WORDS = ("the government announced a new package of military and humanitarian aid for the country "
         "including artillery rounds vehicles and funding for reconstruction over the coming months").split()


def _pick(rng, options, n):
    return np.array(options, dtype=object)[rng.integers(0, len(options), n)]


def _sentences(rng, n: int) -> np.ndarray:
    pool = [" ".join(rng.choice(WORDS, 30)) + f" ${k} million." for k in range(4000)]
    pool[:3] = ["=SUM(A1:A9) looks like a formula", "-12% fell", "@mention of a cell"]
    return _pick(rng, pool, n)


def synthetic(n_mentions: int, n_facts: int, seed: int = 1) -> tuple[pd.DataFrame, ...]:
    rng = np.random.default_rng(seed)
    n_docs = max(n_mentions // 8, 1)
    doc = rng.integers(0, n_docs, n_mentions)
    days = pd.Timestamp("2022-02-24") + pd.to_timedelta(rng.integers(0, 700, n_mentions), "D")
    value = rng.lognormal(18, 2, n_mentions).round(-3)
    urls = np.array([f"https://www.example.org/news/2022/{d:06d}/aid-package-announced" for d in range(n_docs)],
                    dtype=object)
    titles = np.array([f"Country announces aid package number {d}" for d in range(n_docs)], dtype=object)
    m = pd.DataFrame({
        "doc_id": [f"d{d:06d}" for d in doc], "source": [f"corpus.jsonl:{d}" for d in doc], "url": urls[doc],
        "published": days, "title": titles[doc], "start": rng.integers(0, 9000, n_mentions),
        "surface": [f"${v / 1e6:,.1f} million" for v in value], "sentence": _sentences(rng, n_mentions),
        "kind": _pick(rng, ["money", "count", "percent"], n_mentions), "value": value, "qualifier": "exact",
        "currency": _pick(rng, ["USD", "EUR", "GBP", "UAH"], n_mentions),
        "item": _pick(rng, ["tanks", None], n_mentions),
        "role": _pick(rng, ["package", "cumulative", "other"], n_mentions), "donor": _pick(rng, DONORS, n_mentions),
        "recipient": "Ukraine", "event_date": days, "figure_id": [f"m{i:07d}" for i in range(n_mentions)],
        "value_usd": value * 1.05, "value_eur": value, "fx_rate": 1.05, "fx_date": days, "fx_source": "ECB",
        "fact_id": [f"f{i % max(n_facts, 1):07d}" for i in range(n_mentions)],
    })
    m["end"] = m["start"] + 12
    mentions = m.reindex(columns=list(MENTION_DTYPES)).astype(MENTION_DTYPES)
    first = mentions.drop_duplicates("fact_id").head(n_facts)
    f = first.rename(columns={"published": "first_published", "doc_id": "doc_ids", "url": "urls",
                              "source": "sources"})
    f["n_mentions"], f["n_documents"] = 2, 1
    facts = f.reindex(columns=list(FACT_DTYPES)).astype(FACT_DTYPES).reset_index(drop=True)
    documents = pd.DataFrame({"doc_id": [f"d{d:06d}" for d in range(n_docs)], "source": "corpus.jsonl",
                              "url": urls, "title": titles, "published": pd.Timestamp("2022-06-01"),
                              "content_hash": "h", "n_figures": 8}).astype({"n_figures": "Int64"})
    errors = pd.DataFrame({"source": ["bad.bin"], "line": [None], "reason": ["binary file"]}).astype(
        {"source": "string", "line": "Int64", "reason": "string"})
    return mentions, facts, documents, errors


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _workbook(path: Path, mentions, facts, documents, errors, *, fast: bool) -> None:
    write_workbook(path, mentions=mentions, facts=facts, documents=documents, errors=errors,
                   tables=totals(facts), reconciliation=reconcile(facts), run_info={}, fast=fast)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mentions", type=int, default=100_000)
    ap.add_argument("--facts", type=int, default=70_000)
    ap.add_argument("--plain-share", type=float, default=1.0, help="share of the rows for the plain path")
    ap.add_argument("--no-plain", action="store_true", help="skip the plain openpyxl path")
    args = ap.parse_args()
    mentions, facts, documents, errors = synthetic(args.mentions, args.facts)
    cells = mentions.size + facts.size + documents.size
    print(f"ledger: {len(mentions):,} mentions x {mentions.shape[1]}, {len(facts):,} facts x {facts.shape[1]}, "
          f"{len(documents):,} documents ({cells:,} table cells)")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        total = timed(lambda: write_reports(mentions, facts, documents, errors, out / "all"))
        sizes = {p.name: p.stat().st_size for p in (out / "all").iterdir()}
        fast = timed(lambda: _workbook(out / "fast.xlsx", mentions, facts, documents, errors, fast=True))
        rows = {"write_reports (all files)": total, "ledger.xlsx, fast path": fast}
        rows["ledger.csv (mentions)"] = timed(lambda: write_csv(mentions, out / "m.csv"))
        rows["facts.csv"] = timed(lambda: write_csv(facts, out / "f.csv"))
        rows["ledger.parquet (mentions)"] = timed(lambda: write_parquet(mentions, out / "m.parquet"))
        if not args.no_plain:
            share = args.plain_share
            part = [df.head(max(int(len(df) * share), 1)) for df in (mentions, facts, documents)]
            plain = timed(lambda: _workbook(out / "plain.xlsx", *part, errors, fast=False)) / share
            rows["ledger.xlsx, plain openpyxl" + ("" if share == 1 else f" ({share:.0%} of rows, scaled)")] = plain
    for name, seconds in rows.items():
        print(f"{name:<42} {seconds:8.2f} s {seconds / cells * 1e6:8.2f} µs/cell")
    print("sizes: " + ", ".join(f"{n} {s / 1e6:.1f} MB" for n, s in sorted(sizes.items())))
    if not args.no_plain:
        print(f"plain / fast ratio (ledger.xlsx): {plain / fast:.1f}x")


if __name__ == "__main__":
    main()
