"""A seeded sample of aid money rows from the White House ledger, scored against hand judgments.

    PYTHONPATH=. .venv/bin/python benchmarks/frame_sample.py [--seed 9] [--n 40] [--context 400] [--template]

Samples ``--n`` money mentions whose role is ``package`` or ``cumulative`` (each ranked by a hash of the
seed and its url, offset and surface, the ``--n`` lowest drawn, shown in document order) and looks each
up in ``benchmarks/frame_judgments.jsonl``:
one JSON object a line with the row's key (``doc_id``, ``url``, ``start``, ``end``, ``surface``) and
the judged ``role``, ``donor``, ``recipient`` per ``../shared/corpus/gold/GUIDELINE.md`` ("Aid or not"),
with a short ``reason`` (a field may hold a list of values when the guideline accepts several,
e.g. a domestic budget line's recipient: null or the named beneficiary). A judgment is found by
document (id, else url) and surface at the same span, else the nearest one of the same surface
within 300 characters (offsets move when the reader changes). A row is right when role AND donor
AND recipient are what the judgment accepts. Rows of the sample with no judgment are listed
(``--template`` prints them as JSONL lines to fill in). Last, every judgment is scored against the
row the ledger holds now for it, whatever its role (rows that new rules moved out of the sample).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus_run  # noqa: E402

JUDGMENTS = Path(__file__).resolve().parent / "frame_judgments.jsonl"
FIELDS = ("role", "donor", "recipient")
ROLES = ("package", "cumulative")
NEAR = 300  # characters a judged span may have moved


def draw(rows: pd.DataFrame, n: int, seed: int) -> pd.DataFrame:
    """``n`` rows drawn with ``seed`` from ``rows``, in document and offset order. Each row gets a
    number from a hash of the seed and the row's own key (its document's url, else its id; its offset;
    its surface), and the ``n`` lowest are drawn: a row that rules add or take away changes at most
    itself in the sample, and the same rows are drawn whatever order they come in or ids they carry."""
    url = rows["url"] if "url" in rows else pd.Series(None, index=rows.index, dtype=object)
    doc = url.where(url.notna() & (url != ""), rows["doc_id"]).astype(str)
    keys = doc + "\x00" + rows["start"].astype(str) + "\x00" + rows["surface"].astype(str)
    rank = keys.map(lambda k: int(hashlib.sha256(f"{seed}\x00{k}".encode()).hexdigest()[:15], 16))
    picked = rows.assign(_rank=rank.astype("int64"), _doc=doc).sort_values("_rank", kind="stable").head(n)
    return picked.sort_values(["_doc", "start"], kind="stable").drop(columns=["_rank", "_doc"]).reset_index(drop=True)


def value(x: object) -> str | None:
    """A cell as a string, None for empty cells (None, NaN, "")."""
    if x is None or (not isinstance(x, str) and pd.isna(x)) or x == "":
        return None
    return str(x)


def load_judgments(path: Path) -> list[dict]:
    """The judgments of a JSONL file (none when it does not exist); a broken line is an error."""
    if not path.exists():
        return []
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except ValueError as exc:
                raise SystemExit(f"{path}:{number}: not a JSON object ({exc})") from None
    return out


def find_judgment(row, judgments: list[dict]) -> dict | None:
    """The judgment of ``row``: same document and surface at the same span, else the nearest within NEAR."""
    same = [j for j in judgments if j.get("surface") == row.surface
            and (j.get("doc_id") == row.doc_id or (value(row.url) and j.get("url") == row.url))]
    if not same:
        return None
    best = min(same, key=lambda j: (abs(j["start"] - row.start), j["end"] != row.end))
    return best if abs(best["start"] - row.start) <= NEAR else None


def accepted(judged: dict, field: str) -> list[str | None]:
    """The values a judgment accepts for a field: one value, or a list where the guideline allows
    several (a domestic budget line's recipient is null or the named beneficiary)."""
    got = judged.get(field)
    return [value(v) for v in got] if isinstance(got, list) else [value(got)]


def find_row(judged: dict, by_doc: dict[str, pd.DataFrame], by_url: dict[str, pd.DataFrame]):
    """The current row of a judgment: same document (id, else url: ids change with the reader) and
    surface, nearest span within NEAR (or None)."""
    rows = by_doc.get(judged.get("doc_id"))
    if rows is None:
        rows = by_url.get(judged.get("url") or "")
    if rows is None:
        return None
    rows = rows[rows["surface"] == judged.get("surface")]
    if rows.empty:
        return None
    best = min(rows.itertuples(), key=lambda r: (abs(r.start - judged["start"]), r.end != judged["end"]))
    return best if abs(best.start - judged["start"]) <= NEAR else None


def rescore(money: pd.DataFrame, judgments: list[dict]) -> dict[str, int]:
    """Every judgment against the row the ledger holds now, in or out of today's sample."""
    by_doc = {doc: rows for doc, rows in money.groupby("doc_id")}
    by_url = {url: rows for url, rows in money.groupby("url") if value(url)}
    counts = {"judgments": len(judgments), "found": 0, "right": 0}
    for judged in judgments:
        row = find_row(judged, by_doc, by_url)
        if row is not None:
            counts["found"] += 1
            counts["right"] += all(agreement(row, judged).values())
    return counts


def agreement(row, judged: dict) -> dict[str, bool]:
    """Per field (role, donor, recipient): is the row's value one the judgment accepts? (empty = null)."""
    return {f: value(getattr(row, f)) in accepted(judged, f) for f in FIELDS}


def template(row) -> str:
    """A judgment line to fill in for ``row`` (the predicted fields as a starting point)."""
    record = {"doc_id": row.doc_id, "url": value(row.url), "start": int(row.start), "end": int(row.end),
              "surface": row.surface, **{f: value(getattr(row, f)) for f in FIELDS}, "reason": ""}
    return json.dumps(record, ensure_ascii=False)


def mark(text: str, start: int, end: int, width: int) -> str:
    """``text`` around [start, end) with the figure in ⟦ ⟧, ``width`` characters each side, on one line."""
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    return " ".join(f"{left}⟦{text[start:end]}⟧{right}".split())


def mark_sentence(sentence: str, surface: str) -> str:
    """The sentence with every occurrence of the surface (white space collapsed) in ⟦ ⟧."""
    flat = " ".join(surface.split())
    return " ".join(str(sentence).split()).replace(flat, f"⟦{flat}⟧")


def score(sample: pd.DataFrame, judgments: list[dict]) -> tuple[list, dict[str, int]]:
    """(row, judgment or None, agreement or None) per sampled row, and the counts."""
    counts = {"judged": 0, "right": 0, **{f: 0 for f in FIELDS}}
    out = []
    for row in sample.itertuples():
        judged = find_judgment(row, judgments)
        agree = agreement(row, judged) if judged else None
        if agree:
            counts["judged"] += 1
            counts["right"] += all(agree.values())
            for f in FIELDS:
                counts[f] += agree[f]
        out.append((row, judged, agree))
    return out, counts


def _show(i: int, row, judged, agree, texts: dict[str, str], width: int) -> None:
    verdict = "unjudged" if agree is None else ("RIGHT" if all(agree.values()) else
                                                "wrong " + ",".join(f for f in FIELDS if not agree[f]))
    print(f"[{i:2}] {verdict} | {row.published} {row.url}")
    text = texts.get(row.doc_id)
    print("     " + (mark(text, row.start, row.end, width) if text else mark_sentence(row.sentence, row.surface)))
    pred = " / ".join(value(getattr(row, f)) or "-" for f in FIELDS)
    print(f"     predicted: {pred}")
    if judged:
        shown = (" or ".join(v or "-" for v in accepted(judged, f)) for f in FIELDS)
        print(f"     judged:    {' / '.join(shown)}  ({judged.get('reason', '')})")


def report(scored: list, counts: dict[str, int], args) -> None:
    texts = {}
    if args.context:
        texts = {d.doc_id: d.text for d in corpus_run.documents(args.corpus, {r.doc_id for r, _, _ in scored})}
    for i, (row, judged, agree) in enumerate(scored, 1):
        _show(i, row, judged, agree, texts, args.context)
    n = counts["judged"]
    print(f"\nsample: {len(scored)} rows (seed {args.seed}); judged: {n}; right in role AND donor AND recipient: "
          f"{counts['right']} of {n}" + "".join(f"; {f} {counts[f]}" for f in FIELDS))
    unjudged = [row for row, judged, _ in scored if judged is None]
    if unjudged:
        print(f"\nno judgment yet ({len(unjudged)}): " + ", ".join(f"{r.doc_id}@{r.start}" for r in unjudged))
        if args.template:
            print("\n".join(template(r) for r in unjudged))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpus_run.add_run_options(ap)
    ap.add_argument("--seed", type=int, default=9, help="random seed of the sample (default 9)")
    ap.add_argument("--n", type=int, default=40, help="rows in the sample (default 40)")
    ap.add_argument("--judgments", type=Path, default=JUDGMENTS, help="judgments file (default: %(default)s)")
    ap.add_argument("--context", type=int, default=0, metavar="CHARS",
                    help="show CHARS of the document each side of the figure instead of its sentence")
    ap.add_argument("--template", action="store_true", help="print a JSONL line to fill in per unjudged row")
    args = ap.parse_args(argv)
    run = corpus_run.run_or_skip(args)
    if run is None:
        return 0
    money = corpus_run.mentions(
        run, "doc_id, url, published, start, \"end\", surface, sentence, role, donor, recipient", "kind = 'money'")
    judgments = load_judgments(args.judgments)
    scored, counts = score(draw(money[money["role"].isin(ROLES)], args.n, args.seed), judgments)
    report(scored, counts, args)
    again = rescore(money, judgments)
    print(f"\nall {again['judgments']} judgments, against the rows the ledger holds now (in or out of this sample): "
          f"{again['found']} found, {again['right']} right in role AND donor AND recipient")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
