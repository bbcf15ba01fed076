"""Throughput: aid-ledger's extractor against quantulum3, then the whole main job on the real corpus.

    python benchmarks/throughput.py [--chars 300000] [--skip-full] [--corpus PATH] [--baseline DIR]

Part 1 runs, in one process and on the same slice of ../shared/corpus/whitehouse.jsonl.gz,
``ledger.extract_figures`` (grammar + context) and quantulum3's ``parser.parse`` on one core
and prints characters per second and the ratio. Part 2 runs ``aid-ledger run`` over the whole
corpus with ``--jobs 1`` and ``--jobs 2`` and prints wall time and peak memory (the sum of
the resident memory of the process tree, sampled every 0.1 s). With ``--baseline DIR`` it times this
checkout and the ``ledger`` package in DIR side by side instead (alternating processes, CPU time).
Skips cleanly without shared/.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "whitehouse.jsonl.gz"


def corpus_slice(path: Path, chars: int) -> list[str]:
    """Paragraphs of whole documents from the start of the corpus until ``chars`` characters.

    Both tools get the same paragraphs: quantulum3 slows down on long texts, so feeding it
    whole documents would flatter the ratio."""
    texts, total = [], 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            texts += [p for p in text.split("\n\n") if p.strip()]
            total += len(text)
            if total >= chars:
                break
    return texts


def time_it(fn, texts: list[str], min_seconds: float = 0.0) -> tuple[float, int, int]:
    """(seconds per pass, figures found, passes) running ``fn`` over every text."""
    passes, found, t0 = 0, 0, time.perf_counter()
    while True:
        found = sum(len(fn(t)) for t in texts)
        passes += 1
        elapsed = time.perf_counter() - t0
        if elapsed >= min_seconds:
            return elapsed / passes, found, passes


def extractor_vs_quantulum(texts: list[str]) -> None:
    from quantulum3 import parser as q3

    import ledger

    ledger.extract_figures("warm-up: $1 million for 3 generators on Friday")
    q3.parse("warm-up 3 km")
    chars = sum(len(t) for t in texts)
    ours, n_ours, passes = time_it(ledger.extract_figures, texts, min_seconds=3.0)
    theirs, n_theirs, _ = time_it(q3.parse, texts)
    print(f"slice: {len(texts)} paragraphs, {chars:,} characters (one core)")
    print("| tool | seconds | characters/s | figures |")
    print("|---|---|---|---|")
    print(f"| aid-ledger extract_figures | {ours:.2f} (mean of {passes} passes) | "
          f"{chars / ours:,.0f} | {n_ours} |")
    print(f"| quantulum3 parser.parse | {theirs:.2f} | {chars / theirs:,.0f} | {n_theirs} |")
    print(f"speed ratio: {theirs / ours:.0f}x quantulum3")


_SIDE = """
import gc, sys, time
sys.path.insert(0, {bench!r})
from throughput import corpus_slice
from pathlib import Path
texts = corpus_slice(Path({corpus!r}), {chars})
import ledger
from ledger.extract import find_figures
for f in (find_figures, ledger.extract_figures):
    [f(t) for t in texts]
def cpu(f):
    gc.collect(); t0 = time.process_time(); [f(t) for t in texts]; return time.process_time() - t0
print(cpu(find_figures), cpu(ledger.extract_figures), sum(len(find_figures(t)) for t in texts))
"""


def side_by_side(baseline: Path, corpus: Path, chars: int, rounds: int = 5) -> None:
    """find_figures and extract_figures of this checkout and of the ``ledger`` package in ``baseline`` (e.g.
    an export of main), on the same slice, in alternating processes; best CPU time of ``rounds`` each."""
    code = _SIDE.format(bench=str(Path(__file__).resolve().parent), corpus=str(corpus), chars=chars)
    best = {"this checkout": [1e9, 1e9, 0], str(baseline): [1e9, 1e9, 0]}
    for _ in range(rounds):
        for name, root in (("this checkout", REPO), (str(baseline), baseline)):
            env = {**os.environ, "PYTHONPATH": str(root)}
            out = subprocess.run([sys.executable, "-c", code], env=env, cwd=root, capture_output=True, text=True,
                                 check=True)
            ff, ef, n = out.stdout.split()
            best[name] = [min(best[name][0], float(ff)), min(best[name][1], float(ef)), int(n)]
    print("| code | find_figures s (CPU, best) | extract_figures s | figures |")
    print("|---|---|---|---|")
    for name, (ff, ef, n) in best.items():
        print(f"| {name} | {ff:.3f} | {ef:.3f} | {n} |")
    (a, b, _), (c, d, _) = best.values()
    print(f"ratio this / baseline: find_figures {a / c:.3f}, extract_figures {b / d:.3f}")


def tree_rss(proc) -> int:
    import psutil

    try:
        p = psutil.Process(proc.pid)
        procs = [p, *p.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for q in procs:
        try:
            total += q.memory_info().rss
        except psutil.Error:
            pass
    return total


def watched(cmd: list[str], **popen) -> tuple[subprocess.Popen, float, int]:
    """Runs ``cmd`` to its end, sampling the resident memory of its whole process tree every 0.1 s:
    (the finished process, wall seconds, peak tree RSS bytes)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, text=True, **popen)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss(proc))
        time.sleep(0.1)
    return proc, time.perf_counter() - t0, peak


def full_run(corpus: Path, jobs: int) -> tuple[float, int, int]:
    """(wall seconds, peak tree RSS bytes, exit code) of one ``aid-ledger run``."""
    with tempfile.TemporaryDirectory() as out:
        cmd = [sys.executable, "-m", "ledger", "run", str(corpus), "--out", out, "--jobs", str(jobs)]
        proc, wall, peak = watched(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        err = proc.stderr.read()
        missing = [f for f in ("ledger.xlsx", "ledger.csv", "facts.csv", "ledger.parquet")
                   if not (Path(out) / f).is_file()]
        if missing or proc.returncode != 0:
            for line in err.strip().splitlines()[-5:]:
                print(f"    {line}")
            print(f"    MISSING reports: {missing}" if missing else f"    exit {proc.returncode}")
        return wall, peak, proc.returncode


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--chars", type=int, default=300_000, help="size of the slice for part 1")
    ap.add_argument("--skip-full", action="store_true", help="only part 1")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--baseline", type=Path, help="a folder holding another 'ledger' package (e.g. "
                    "'git archive main | tar -x -C DIR'): time it side by side with this checkout instead")
    args = ap.parse_args()
    if not args.corpus.is_file():
        print(f"skipped: {args.corpus} not found (the shared corpus is not beside the checkout)")
        return 0
    if args.baseline:
        side_by_side(args.baseline, args.corpus, args.chars)
        return 0
    sys.path.insert(0, str(REPO))
    extractor_vs_quantulum(corpus_slice(args.corpus, args.chars))
    if args.skip_full:
        return 0
    print()
    print("| command | wall s | peak memory (process tree) | exit |")
    print("|---|---|---|---|")
    for jobs in (1, 2):
        wall, peak, rc = full_run(args.corpus, jobs)
        print(f"| aid-ledger run whitehouse.jsonl.gz --jobs {jobs} | {wall:.1f} | "
              f"{peak / 2**20:,.0f} MiB | {rc} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
