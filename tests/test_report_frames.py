"""Hand-made typed frames shared by the report tests (no store, no extraction needed; no tests here)."""
from __future__ import annotations

from ledger.store.schema import DOCUMENT_DTYPES, ERROR_DTYPES, FACT_DTYPES, MENTION_DTYPES, typed_frame

US, UK, DE, UA = "United States", "United Kingdom", "Germany", "Ukraine"
CLAIM_SENTENCE = ("The new drawdown lifts American military aid to Kyiv since Russia's February 24 "
                  "invasion to more than $19.3 billion.")
INJECTIONS = ("=HYPERLINK(\"http://evil.example\",\"click\")", "+1", "-2+3", "@SUM(A1:A2)", "\tX", "\rY",
              "=1+1", "#N/A")


def fact(fact_id, kind, role, donor, recipient, currency, value, usd, eur, date, surface, **kw):
    base = {"fact_id": fact_id, "kind": kind, "role": role, "donor": donor, "recipient": recipient,
            "currency": currency, "unit": currency if kind == "money" else kw.pop("unit", None),
            "value": value, "value_usd": usd, "value_eur": eur, "event_date": date,
            "first_published": date, "qualifier": "exact", "surface": surface, "n_mentions": 1,
            "n_documents": 1, "doc_ids": "d1", "sources": "examples/a.txt",
            "urls": "https://example.org/a", "sentence": f"A sentence about {surface}."}
    base.update(kw)
    return base


def sample_facts():
    rows = [
        fact("f1", "money", "package", US, UA, "USD", 275e6, 275e6, 261e6, "2022-12-09", "$275 million",
             item="security assistance"),
        fact("f2", "money", "package", US, UA, "USD", 400e6, 400e6, 385e6, "2022-11-23", "$400 million"),
        fact("f3", "money", "package", UK, UA, "GBP", 100e6, 121e6, 116e6, "2023-01-16", "£100 million",
             urls="javascript:alert(1)"),
        fact("f4", "money", "package", DE, UA, "EUR", None, None, None, "2023-01-25", "hundreds of millions",
             qualifier="vague", low=1e8, high=1e9),
        fact("f5", "money", "cumulative", US, UA, "USD", 19.3e9, 19.3e9, 18.3e9, "2022-12-10", "$19.3 billion",
             qualifier="at_least", sentence=CLAIM_SENTENCE),
        fact("f6", "count", "component", US, UA, None, 80000, None, None, "2022-12-09", "80,000",
             unit="round", item="155mm artillery rounds"),
        fact("f7", "count", "component", UK, UA, None, 14, None, None, "2023-01-16", "14",
             unit="tank", item="Challenger 2 tanks"),
        fact("f8", "money", "package", UK, UA, "GBP", 50e6, 60e6, 57e6, "2023-02-08", "£50 million",
             sentence=INJECTIONS[0], item=INJECTIONS[1], urls="file:///etc/passwd"),
    ]
    return typed_frame(rows, FACT_DTYPES)


def sample_mentions():
    rows = []
    for i, text in enumerate(INJECTIONS):
        rows.append({"doc_id": "d1", "source": text, "url": "https://example.org/a" if i % 2 else text,
                     "published": "2022-12-10", "title": text, "start": i, "end": i + 3, "surface": text,
                     "sentence": text, "kind": "money", "value": -2.5 if i == 2 else 1e6,
                     "qualifier": "exact", "currency": "USD", "figure_id": f"m{i}", "value_usd": 1e6,
                     "fact_id": "f1", "event_date": "2022-12-09"})
    return typed_frame(rows, MENTION_DTYPES)


def sample_documents():
    return typed_frame([{"doc_id": "d1", "source": "examples/a.txt", "url": "https://example.org/a",
                         "title": "=cmd|' /C calc'!A0", "published": "2022-12-10", "content_hash": "h",
                         "n_figures": 8}], DOCUMENT_DTYPES)


def sample_errors():
    return typed_frame([{"source": "bad.bin", "line": None, "reason": "binary file"},
                        {"source": "corpus.jsonl", "line": 3, "reason": "-broken JSON line"}], ERROR_DTYPES)
