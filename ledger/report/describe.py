"""Descriptions of the outputs for the tools people point at them.

* ``datapackage.json``: a Frictionless Data Package: every CSV report as a resource with a Table
  Schema (field types, enums of the closed vocabularies, primary and foreign keys);
* ``metadata.json``: Datasette metadata for the store: title, source, licence, and a description
  of every table, view and column (units in the descriptions: amounts are in units of their
  currency, ``value_usd`` in US$, ``value_eur`` in euros).
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from ledger.model import AID_TYPES, CHANGES, CORRECTION_FIELDS, KINDS, QUALIFIERS, ROLES, STAGES

_TYPES = {"string": "string", "Int64": "integer", "Float64": "number", "datetime64[ns]": "date"}
_ENUMS = {"kind": KINDS, "role": ROLES, "qualifier": QUALIFIERS, "change": CHANGES, "stage": STAGES,
          "aid_type": AID_TYPES, "field": CORRECTION_FIELDS, "status": ("applied", "stale")}
#: CSV report → (title, primary key, foreign keys as (field, resource, field)).
RESOURCES = {
    "ledger.csv": ("Mentions: every figure as found", ["figure_id"], [("fact_id", "facts", "fact_id")]),
    "facts.csv": ("Facts: figures after merging repeated mentions", ["fact_id"], []),
    "errors.csv": ("Inputs that could not be read, and warnings", [], []),
    "reconciliation.csv": ("Cumulative claims against the packages and the reference",
                           ["fact_id"], [("fact_id", "facts", "fact_id")]),
    "reconciliation_months.csv": ("Packages per donor and month against the reference",
                                  ["month", "donor", "recipient", "currency"], []),
    "corrections.csv": ("Analysts' corrections, and whether each still finds its figure",
                        ["doc_id", "start", "end", "surface", "field"], []),
}
LICENSE = ("figures and sentences quoted from the sources listed in each row, whose terms apply; "
           "the structure is aid-ledger's")
TABLE_NOTES = {
    "documents": "one row per article, identified by its content (and URL)",
    "mentions": "every figure as found, one row per mention",
    "facts": "figures after merging the mentions that report the same thing",
    "fact_documents": "which documents mention each fact",
    "reference": "the reference series loaded with --reference, kept until replaced or removed",
    "reconciliation": "each cumulative claim beside the packages and the reference in its window",
    "reconciliation_months": "packages per donor and month beside the reference",
    "errors": "inputs that could not be read, and warnings, each kept once",
    "runs": "one row per aid-ledger process that wrote to the store",
    "fact_keys": "what de-duplication compares about each mention (derived, kept to update the facts "
                 "a chunk of documents at a time)",
    "facts_pending": "documents whose facts are not up to date yet",
    "facts_gone": "groups and facts of replaced mentions, for the next update of the facts",
    "facts_set_aside": "indexes a large update of the facts builds again when it ends",
    "corrections": "analysts' corrections (aid-ledger review import), keyed by document, span, surface and field",
    "packages_by_donor_month": "money packages summed per donor, recipient and month (view)",
    "cumulative_claims": "cumulative money claims with their reconciliation (view)",
    "documents_by_month": "documents and figures per publication month (view)",
}


def _meanings() -> dict[str, str]:
    from ledger.report.workbook import column_meanings

    return dict(column_meanings())


def _field(name: str, dtype: str, meanings: dict[str, str]) -> dict:
    field = {"name": name, "type": _TYPES.get(str(dtype), "string")}
    if name in meanings:
        field["description"] = meanings[name]
    if name in _ENUMS:
        field["constraints"] = {"enum": list(_ENUMS[name])}
    return field


def datapackage(frames: dict[str, pd.DataFrame]) -> dict:
    """The Data Package describing the CSV reports written from ``frames`` (file name → frame)."""
    from ledger.version import __version__

    meanings = _meanings()
    resources = []
    for file, frame in frames.items():
        title, key, foreign = RESOURCES[file]
        schema: dict = {"fields": [_field(c, frame[c].dtype, meanings) for c in frame.columns],
                        "missingValues": [""]}
        if key:
            schema["primaryKey"] = key
        if foreign:
            schema["foreignKeys"] = [{"fields": f, "reference": {"resource": r, "fields": rf}} for f, r, rf in foreign]
        resources.append({"name": file.removesuffix(".csv"), "path": file, "title": title, "format": "csv",
                          "mediatype": "text/csv", "encoding": "utf-8", "schema": schema})
    return {"name": "aid-ledger", "title": "aid-ledger: figures of aid and finance news",
            "description": f"Written by aid-ledger {__version__}.", "resources": resources}


def datasette_metadata(database: str, tables: dict[str, list[str]]) -> dict:
    """Datasette metadata for the store named ``database`` (its file name without suffix)."""
    meanings = _meanings()
    described = {name: {"description": TABLE_NOTES.get(name, name),
                        "columns": {c: meanings[c] for c in columns if c in meanings}}
                 for name, columns in tables.items()}
    return {"title": "aid-ledger", "description": "Figures of aid and finance news, with their context.",
            "license": LICENSE, "source": "aid-ledger",
            "databases": {database: {"tables": described}}}


def write_json(value: dict, path: Path) -> None:
    path.write_text(json.dumps(value, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
