"""Gold benchmark: detection and per-attribute accuracy against ``../shared/corpus/gold``.

    PYTHONPATH=. .venv/bin/python benchmarks/gold.py            # the real pipeline
    PYTHONPATH=. .venv/bin/python benchmarks/gold.py --oracle   # context alone, on gold spans
    PYTHONPATH=. .venv/bin/python benchmarks/gold.py --misses   # also list every wrong attribute
    PYTHONPATH=. .venv/bin/python benchmarks/gold.py --split "new dev"   # one split only

Scores are printed per text, per split ("first 15", "new dev", "held-out") and OVERALL. The
held-out texts check that rules generalise: ``--misses`` lists their details only with
``--split held-out``. When predicted figures carry a ``confidence`` (a float in [0, 1]), each
line also gives the role accuracy of the figures with confidence >= 0.8 and their number.

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
SPLITS = {
    "first 15": ("000_seed", "001", "002", "003", "006", "007", "008", "009", "010", "011", "012", "013",
                 "046", "047", "048"),
    "new dev": ("049", "050", "051", "053", "054", "056", "057", "059", "062", "063", "065", "066"),
    "held-out": ("052", "055", "058", "060", "061", "064"),
}
HELD_OUT = "held-out"
CONFIDENT = 0.8  # figures at or above this confidence get their own role accuracy

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
    scored_confidence: int = 0  # matched figures that carry a confidence
    confident: int = 0  # of those, confidence >= CONFIDENT
    confident_role: int = 0  # of those, role right

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.leaked += other.leaked
        self.seen += other.seen
        for a in ATTRS:
            self.right[a] += other.right[a]
        self.scored_confidence += other.scored_confidence
        self.confident += other.confident
        self.confident_role += other.confident_role

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


def url_of(article: Path) -> str | None:
    """The ``url:`` header line of a shared article (who published it), if it has one."""
    first = article.read_text(encoding="utf-8").split("\n", 1)[0]
    return first[4:].strip() if first.startswith("url:") else None


def predict(text: str, gold: dict, published, *, oracle: bool, url: str | None = None) -> list:
    """The figures the pipeline finds in ``text`` (with ``oracle``: context alone on the gold spans)."""
    if oracle:
        from ledger.context import annotate

        return annotate(text, oracle_figures(text, gold), published, url=url)
    from ledger import extract_figures

    return extract_figures(text, published=published, url=url)


def _match_figures(sc: Score, golds: list[dict], spans: list, preds: list) -> set[int]:
    """Match gold figures to predictions by surface in text order, scoring the matched ones;
    returns the indexes of the matched predictions."""
    matched: set[int] = set()
    j0 = 0
    for g, span in zip(golds, spans):
        hit = next((j for j in range(j0, len(preds)) if j not in matched
                    and _norm(preds[j].surface) == _norm(g["surface"])
                    and (span is None or preds[j].start < span[1] and span[0] < preds[j].end)), None)
        if hit is None:
            if not g.get("optional"):
                sc.fn += 1
                sc.misses.append(f"MISS {g['surface']!r}")
            continue
        matched.add(hit)
        j0 = hit + 1
        if g.get("optional"):
            continue
        sc.tp += 1
        sc.seen += 1
        _score_attrs(sc, preds[hit], g)
    return matched


def _leaks(text: str, negatives: list[dict], unmatched: list) -> list[str]:
    """Negatives with an occurrence overlapping an unmatched prediction."""
    leaked = []
    for neg in negatives:
        s = neg["surface"]
        i = text.find(s)
        while i >= 0:
            if any(p.start < i + len(s) and i < p.end for p in unmatched):
                leaked.append(s)
                break
            i = text.find(s, i + 1)
    return leaked


def score_document(gold_path: Path, *, oracle: bool) -> Score:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    article = next(ARTICLES.glob(gold["doc"] + "*.txt"))
    text, published = load_document(article, gold, oracle=oracle)
    preds = predict(text, gold, published, oracle=oracle, url=url_of(article))
    golds = gold["figures"]
    sc = Score()
    matched = _match_figures(sc, golds, locate(text, [g["surface"] for g in golds]), preds)
    unmatched = [p for j, p in enumerate(preds) if j not in matched]
    sc.fp = len(unmatched)
    sc.leaked = _leaks(text, gold.get("negatives", []), unmatched)
    sc.misses += [f"FP {p.surface!r}" for p in unmatched]
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
    _score_confidence(sc, getattr(p, "confidence", None), got["role"])
    for a, ok in got.items():
        sc.right[a] += ok
        if not ok:
            sc.misses.append(f"{a:9} {g['surface']!r:22} pred={pred[a]!r} gold={g.get(a)!r}  | {p.sentence[:110]}")


def _score_confidence(sc: Score, confidence, role_right: bool) -> None:
    """Count a matched figure towards the role accuracy of confident figures."""
    if confidence is None:
        return
    sc.scored_confidence += 1
    if float(confidence) >= CONFIDENT:
        sc.confident += 1
        sc.confident_role += role_right


def _row(name: str, sc: Score) -> str:
    p, r, f = sc.prf()
    acc = " ".join(f"{a}={sc.right[a] / sc.seen:.3f}" if sc.seen else f"{a}=-" for a in ATTRS)
    line = f"{name:58} P={p:.3f} R={r:.3f} F1={f:.3f} leaked={len(sc.leaked)} n={sc.seen} {acc}"
    if sc.scored_confidence:
        role = f"{sc.confident_role / sc.confident:.3f}" if sc.confident else "-"
        line += f" conf>={CONFIDENT}: role={role} n={sc.confident}"
    return line


def split_of(stem: str) -> str:
    """The split a gold text belongs to ("other" for a text in no split)."""
    return next((name for name, stems in SPLITS.items() if stem in stems), "other")


def _print_document(gp: Path, sc: Score, *, misses: bool) -> None:
    print(_row(gp.stem, sc))
    if misses:
        for m in sc.misses:
            print("    " + m)
    if sc.leaked:
        print("    leaked:", ", ".join(sc.leaked))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--oracle", action="store_true", help="score context alone on gold spans")
    ap.add_argument("--misses", action="store_true", help="list every miss, false positive and wrong attribute")
    ap.add_argument("--split", choices=tuple(SPLITS), help="score and print only the texts of this split")
    args = ap.parse_args(argv)
    if not GOLD.is_dir():
        print(f"skip: gold corpus not found at {GOLD} (../shared is absent)")
        return 0
    total, by_split = Score(), {}
    for gp in sorted(GOLD.glob("*.json")):
        split = split_of(gp.stem)
        if args.split and split != args.split:
            continue
        sc = score_document(gp, oracle=args.oracle)
        _print_document(gp, sc, misses=args.misses and (split != HELD_OUT or args.split == HELD_OUT))
        by_split.setdefault(split, Score()).add(sc)
        total.add(sc)
    suffix = " (oracle spans)" if args.oracle else ""
    for name in (*SPLITS, "other"):
        if name in by_split and not args.split:
            print(_row(f"SPLIT {name} ({len(SPLITS.get(name, ()))} texts)" if name in SPLITS else "SPLIT other",
                       by_split[name]))
    print(_row((f"SPLIT {args.split}" if args.split else "OVERALL") + suffix, total))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
