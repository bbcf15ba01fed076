"""Gold benchmark: detection and per-attribute accuracy against ``../shared/corpus/gold``.

    PYTHONPATH=. .venv/bin/python benchmarks/gold.py            # the real pipeline
    PYTHONPATH=. .venv/bin/python benchmarks/gold.py --oracle   # context alone, on gold spans
    PYTHONPATH=. .venv/bin/python benchmarks/gold.py --misses   # also list every wrong attribute

Real pipeline: each article is read with ``ledger.read.iter_documents`` (or, when the
reader is not there, from its 3-line header), then ``ledger.extract_figures``.
Predicted figures are matched to gold ones by surface (white space collapsed) in text
order; a gold ``optional`` figure neither counts as a miss nor its prediction as a false
positive. A negative leaks when one of its occurrences overlaps an unmatched predicted
figure. Attributes are scored on matched figures; an item is right when it equals the
gold item (case and white space ignored) or one contains the other and both have the
same head noun (``ledger.context.items.head_noun``); both None is right.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "corpus" / "gold"
ARTICLES = SHARED / "corpus" / "articles"
ATTRS = ("unit", "qualifier", "item", "role", "donor", "recipient", "date")

sys.path.insert(0, str(ROOT))


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    leaked: list[str] = field(default_factory=list)
    right: dict[str, int] = field(default_factory=lambda: {a: 0 for a in ATTRS})
    seen: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.leaked += other.leaked
        self.seen += other.seen
        for a in ATTRS:
            self.right[a] += other.right[a]

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _norm(s: str | None) -> str:
    return " ".join((s or "").lower().replace("’", "'").split())


def item_matches(pred: str | None, gold: str | None) -> bool:
    from ledger.context.items import head_noun

    p, g = _norm(pred), _norm(gold)
    if p == g:
        return True
    if not p or not g:
        return False
    return (p in g or g in p) and head_noun(p) == head_noun(g)


def _header_text(path: Path, gold: dict) -> tuple[str, _dt.date | None]:
    raw = path.read_text(encoding="utf-8")
    lines = raw.split("\n")
    published = _dt.date.fromisoformat(gold["published"]) if gold.get("published") else None
    if lines and lines[0].startswith("url:") and len(lines) > 3:
        title = lines[2].partition(":")[2].strip()
        pub = lines[1].partition(":")[2].strip()
        try:
            published = _dt.date.fromisoformat(pub[:10])
        except ValueError:
            published = None
        return title + "\n\n" + "\n".join(lines[4:]), published
    return raw, published


def load_document(path: Path, gold: dict, *, oracle: bool) -> tuple[str, _dt.date | None]:
    """Text and publication date of one article, as the pipeline reads it."""
    if not oracle:
        try:
            from ledger.read import iter_documents  # type: ignore[attr-defined]
        except ImportError:
            iter_documents = None
        if iter_documents is not None:
            for doc in iter_documents([path]):
                if hasattr(doc, "text"):
                    return doc.text, doc.published
    return _header_text(path, gold)


def locate(text: str, surfaces: list[str]) -> list[tuple[int, int] | None]:
    """Spans of the surfaces found in order in ``text`` (None where one is missing)."""
    out, pos = [], 0
    for s in surfaces:
        i = text.find(s, pos)
        if i < 0:
            i = text.find(s)
        if i < 0:
            out.append(None)
            continue
        out.append((i, i + len(s)))
        pos = i + len(s)
    return out


def oracle_figures(text: str, gold: dict):
    from ledger.model import Figure

    figs = []
    for g, span in zip(gold["figures"], locate(text, [g["surface"] for g in gold["figures"]])):
        if span is None:
            continue
        figs.append(Figure(span[0], span[1], g["surface"], g["kind"], g["value"], g["low"], g["high"],
                           g["qualifier"], g["unit"], g["unit"] if g["kind"] == "money" else None))
    return figs


def _url_of(article: Path) -> str | None:
    """The ``url:`` header line of a shared article, if it has one."""
    first = article.read_text(encoding="utf-8").split("\n", 1)[0]
    return first[4:].strip() if first.startswith("url:") else None


def score_document(gold_path: Path, *, oracle: bool) -> Score:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    article = next(ARTICLES.glob(gold["doc"] + "*.txt"))
    text, published = load_document(article, gold, oracle=oracle)
    if oracle:
        from ledger.context import annotate

        preds = annotate(text, oracle_figures(text, gold), published, url=_url_of(article))
    else:
        from ledger import extract_figures

        preds = extract_figures(text, published=published, url=_url_of(article))
    golds = gold["figures"]
    spans = locate(text, [g["surface"] for g in golds])
    sc = Score()
    used: set[int] = set()
    matched_pred: set[int] = set()
    j0 = 0
    for g, span in zip(golds, spans):
        hit = None
        for j in range(j0, len(preds)):
            if j in used:
                continue
            p = preds[j]
            if _norm(p.surface) == _norm(g["surface"]) and (span is None or p.start < span[1] and span[0] < p.end):
                hit = j
                break
        if hit is None:
            if not g.get("optional"):
                sc.fn += 1
                sc.misses.append(f"MISS {g['surface']!r}")
            continue
        used.add(hit)
        matched_pred.add(hit)
        j0 = hit + 1
        if g.get("optional"):
            continue
        sc.tp += 1
        sc.seen += 1
        _score_attrs(sc, preds[hit], g)
    sc.fp = sum(1 for j in range(len(preds)) if j not in matched_pred)
    for neg in gold.get("negatives", []):
        s = neg["surface"]
        i = text.find(s)
        while i >= 0:
            if any(p.start < i + len(s) and i < p.end for j, p in enumerate(preds) if j not in matched_pred):
                sc.leaked.append(s)
                break
            i = text.find(s, i + 1)
    for j, p in enumerate(preds):
        if j not in matched_pred:
            sc.misses.append(f"FP {p.surface!r}")
    return sc


def _score_attrs(sc: Score, p, g: dict) -> None:
    got = {
        "unit": p.unit == g["unit"] or (p.kind == "money" and p.currency == g["unit"]),
        "qualifier": p.qualifier == g["qualifier"],
        "item": item_matches(p.item, g["item"]),
        "role": p.role == g["role"],
        "donor": p.donor == g["donor"],
        "recipient": p.recipient == g["recipient"],
        "date": (p.event_date.isoformat() if p.event_date else None) == g["date"],
    }
    pred = {"unit": p.unit, "qualifier": p.qualifier, "item": p.item, "role": p.role, "donor": p.donor,
            "recipient": p.recipient, "date": p.event_date.isoformat() if p.event_date else None}
    for a, ok in got.items():
        sc.right[a] += ok
        if not ok:
            sc.misses.append(f"{a:9} {g['surface']!r:22} pred={pred[a]!r} gold={g.get(a)!r}  | {p.sentence[:110]}")


def _row(name: str, sc: Score) -> str:
    p, r, f = sc.prf()
    acc = " ".join(f"{a}={sc.right[a] / sc.seen:.3f}" if sc.seen else f"{a}=-" for a in ATTRS)
    return f"{name:58} P={p:.3f} R={r:.3f} F1={f:.3f} leaked={len(sc.leaked)} n={sc.seen} {acc}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--oracle", action="store_true", help="score context alone on gold spans")
    ap.add_argument("--misses", action="store_true", help="list every miss, false positive and wrong attribute")
    args = ap.parse_args(argv)
    if not GOLD.is_dir():
        print(f"skip: gold corpus not found at {GOLD} (../shared is absent)")
        return 0
    total = Score()
    for gp in sorted(GOLD.glob("*.json")):
        sc = score_document(gp, oracle=args.oracle)
        print(_row(gp.stem, sc))
        if args.misses:
            for m in sc.misses:
                print("    " + m)
        if sc.leaked:
            print("    leaked:", ", ".join(sc.leaked))
        total.add(sc)
    print(_row("OVERALL" + (" (oracle spans)" if args.oracle else ""), total))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
