"""What the extractor finds over the whole White House corpus: kinds, units, years, line-wrapped figures.

    PYTHONPATH=. .venv/bin/python benchmarks/corpus_figures.py [--units 8] [--examples 3] [--jobs 2] [--refresh]

From the cached ledger run (``corpus_run``): figures per kind and their most frequent units, the
top 30 count units (speech filler like ``thing``/``question`` shows at once), and bare years read as
counts ("a 2017 report"). Then, for percentages, cents, scaled dollar amounts, "N dollars" and
suffixed amounts, how many are *present* in the text the extractor reads (an independent simple
pattern over each document's text, ``ledger.read.iter_documents``) and how many of those are *found*
(a stored mention of the right kind covers the number and its unit word), once for the one-line form
(number, spaces, word) and once for the line-wrapped form (white space holding one line break).
"""
from __future__ import annotations

import argparse
import bisect
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus_run  # noqa: E402

NUMBER = r"(?<![\w$.,])\d[\d,]*(?:\.\d+)?"
ONE_LINE = r"[ \t]+"
WRAPPED = r"[ \t]*\n[ \t]*"
BARE_YEAR = re.compile(r"(?:1[89]|20)\d\d")


@dataclass(frozen=True)
class Form:
    """A figure shape: ``pattern`` has a ``{sep}`` slot between the number and its word."""

    name: str
    pattern: str
    kinds: frozenset[str]

    def regex(self, sep: str) -> re.Pattern:
        return re.compile(self.pattern.format(num=NUMBER, sep=sep), re.IGNORECASE)


FORMS = (
    Form("N percent", r"{num}{sep}(?:percent|per cent)\b", frozenset({"percent"})),
    Form("N cents", r"{num}{sep}cents?\b", frozenset({"money"})),
    Form("$N million/billion/trillion", r"\$\d[\d,]*(?:\.\d+)?{sep}(?:million|billion|trillion)\b",
         frozenset({"money"})),
    Form("N dollars", r"{num}{sep}dollars\b", frozenset({"money"})),
    Form("$N-plus / N-dollar", r"(?:\$\d[\d,]*(?:\.\d+)?-{sep}plus|{num}-{sep}dollar)\b", frozenset({"money"})),
)
SEPARATORS = {"one line": ONE_LINE, "wrapped": WRAPPED}
SUFFIX_SEPARATORS = {"one line": "", "wrapped": r"[ \t]*\n[ \t]*"}  # "$100-plus" / "$100-\nplus"


def covered(spans: list[tuple[int, int, str]], starts: list[int], start: int, end: int, kinds) -> bool:
    """Does a mention of one of ``kinds`` cover [start, end)? ``spans`` sorted by start, ``starts`` theirs."""
    i = bisect.bisect_right(starts, start)
    for s, e, kind in reversed(spans[max(0, i - 4):i]):
        if s <= start and e >= end and kind in kinds:
            return True
    return False


def wrap_counts(texts, spans_by_doc: dict[str, list]) -> dict[tuple[str, str], list[int]]:
    """(form, layout) → [present, found] over the documents ``texts`` yields as (doc_id, text)."""
    compiled = {(f.name, layout): (f, f.regex((SUFFIX_SEPARATORS if "plus" in f.name else SEPARATORS)[layout]))
                for f in FORMS for layout in SEPARATORS}
    counts = {key: [0, 0] for key in compiled}
    for doc_id, text in texts:
        spans = spans_by_doc.get(doc_id, [])
        starts = [s for s, _, _ in spans]
        for key, (form, regex) in compiled.items():
            for m in regex.finditer(text):
                counts[key][0] += 1
                counts[key][1] += covered(spans, starts, m.start(), m.end(), form.kinds)
    return counts


def bare_years(rows: pd.DataFrame) -> pd.DataFrame:
    """Count figures whose surface is a bare year (1800–2099, four digits, nothing else)."""
    surface = rows["surface"].fillna("").str.strip()
    return rows[(rows["kind"] == "count") & surface.str.fullmatch(BARE_YEAR.pattern)]


def rate(found: int, present: int) -> str:
    return f"{found / present:6.1%}" if present else "     -"


def print_kinds(rows: pd.DataFrame, n_units: int) -> None:
    print(f"{'kind':9} {'figures':>8}  most frequent units")
    for kind, group in rows.groupby("kind"):
        units = group["unit"].fillna("-").value_counts().head(n_units)
        print(f"{kind:9} {len(group):>8,}  " + ", ".join(f"{u} {c:,}" for u, c in units.items()))
    print(f"{'all':9} {len(rows):>8,}")


def print_count_units(rows: pd.DataFrame, top: int = 30) -> None:
    units = rows.loc[rows["kind"] == "count", "unit"].fillna("-").value_counts().head(top)
    print(f"\nTop {top} count units:")
    cells = [f"{u} {c:,}" for u, c in units.items()]
    for i in range(0, len(cells), 6):
        print("  " + " | ".join(cells[i:i + 6]))


def print_years(rows: pd.DataFrame, examples: int, run: Path) -> None:
    years = bare_years(rows)
    print(f"\nBare years read as counts: {len(years):,}; by counted noun: " + ", ".join(
        f"{unit} {c}" for unit, c in Counter(years["unit"].fillna("-")).most_common(10)))
    picked = tuple(years["figure_id"].head(examples))
    if picked:
        marks = ", ".join("?" * len(picked))
        for r in corpus_run.mentions(run, "surface, unit, sentence", f"figure_id IN ({marks})", picked).itertuples():
            print(f"  e.g. {r.surface} {r.unit!s:10} | {' '.join(str(r.sentence).split())[:110]}")


def print_wraps(counts: dict[tuple[str, str], list[int]]) -> None:
    print(f"\n{'form':30} {'one line found/present':>24} {'rate':>7} {'wrapped found/present':>23} {'rate':>7}"
          f" {'wrapped/one-line':>17}")
    for form in FORMS:
        (p1, f1), (p2, f2) = counts[(form.name, "one line")], counts[(form.name, "wrapped")]
        ratio = f"{(f2 / p2) / (f1 / p1):.2f}" if p1 and p2 and f1 else "-"
        print(f"{form.name:30} {f'{f1:,}/{p1:,}':>24} {rate(f1, p1):>7} {f'{f2:,}/{p2:,}':>23} {rate(f2, p2):>7}"
              f" {ratio:>17}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpus_run.add_run_options(ap)
    ap.add_argument("--units", type=int, default=8, help="units shown per kind (default 8)")
    ap.add_argument("--examples", type=int, default=3, help="examples of bare years shown (default 3)")
    args = ap.parse_args(argv)
    run = corpus_run.run_or_skip(args)
    if run is None:
        return 0
    rows = corpus_run.mentions(run, "doc_id, start, \"end\", kind, unit, surface, figure_id")
    print_kinds(rows, args.units)
    print_count_units(rows)
    print_years(rows, args.examples, run)
    spans = {doc: list(zip(g["start"], g["end"], g["kind"])) for doc, g in rows.groupby("doc_id", sort=False)}
    texts = ((d.doc_id, d.text) for d in corpus_run.documents(args.corpus))
    print_wraps(wrap_counts(texts, spans))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
