"""The Dask engine beside the local engine, on the corpus and on copies of it.

    python benchmarks/engines.py [--factors 1 2] [--jobs 2] [--repeat 1] [--docs N] [--corpus PATH]

For each factor, writes the corpus that many times over (``corpus_copies.multiply_corpus``: new
ids, dates shifted) into a temporary folder, then runs, one after the other on the same file,
``python -m ledger run CORPUS --out TMP --jobs N`` (local engine) and the same with
``--engine dask`` (a local cluster of N workers), ``--repeat`` times, alternating. Prints wall
time, CPU time and peak memory of the process tree (sampled every 0.1 s), the machine's 1-minute
load average before and after each run, whether the two engines wrote identical ``facts.csv``, ``ledger.csv``
and ``errors.csv``, and the ratios dask / local and factor k / factor 1 (of the fastest run of
each). Skips cleanly without the shared corpus.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_copies import WHITEHOUSE, multiply_corpus  # noqa: E402
from throughput import tree_rss  # noqa: E402

COMPARED = ("facts.csv", "ledger.csv", "errors.csv")


def tree_cpu(proc, seen: dict[int, float]) -> None:
    """Record the CPU seconds (user + system) of every process in ``proc``'s tree by pid."""
    import psutil

    try:
        root = psutil.Process(proc.pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return
    for q in procs:
        try:
            times = q.cpu_times()
            seen[q.pid] = times.user + times.system
        except psutil.Error:
            pass


def timed_run(corpus: Path, out: Path, jobs: int, engine: str) -> dict:
    """Wall seconds, CPU seconds of the process tree (sampled, so a process's last 0.1 s may be
    missed), peak tree RSS and exit status of one ``aid-ledger run``."""
    cmd = [sys.executable, "-m", "ledger", "run", str(corpus), "--out", str(out), "--jobs", str(jobs),
           "--engine", engine, "-q"]
    load = os.getloadavg()[0]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak, cpu = 0, {}
    while proc.poll() is None:
        peak = max(peak, tree_rss(proc))
        tree_cpu(proc, cpu)
        time.sleep(0.1)
    wall = time.perf_counter() - t0
    err = proc.stderr.read()
    if proc.returncode not in (0, 1):
        print("\n".join(f"    {line}" for line in err.strip().splitlines()[-5:]))
    return {"wall": wall, "cpu": sum(cpu.values()), "peak": peak, "exit": proc.returncode,
            "load": (load, os.getloadavg()[0])}


def same_outputs(a: Path, b: Path) -> bool:
    return all((a / name).read_bytes() == (b / name).read_bytes() for name in COMPARED)


def run_factor(corpus: Path, tmp: Path, factor: int, args) -> dict:
    """Each engine ``args.repeat`` times on ``corpus``, alternating, each into a fresh ``--out``
    (a store that holds the documents already would skip them)."""
    runs: dict = {"local": [], "dask": []}
    for _ in range(args.repeat):
        for engine in ("local", "dask"):
            out = tmp / f"out-{factor}-{engine}"
            shutil.rmtree(out, ignore_errors=True)
            r = timed_run(corpus, out, args.jobs, engine)
            runs[engine].append(r)
            print(f"| ×{factor} | {engine} --jobs {args.jobs} | {r['wall']:.1f} | {r['cpu']:.1f} "
                  f"| {r['peak'] / 2**20:,.0f} MiB | {r['load'][0]:.2f} → {r['load'][1]:.2f} | {r['exit']} |",
                  flush=True)
        runs["same"] = same_outputs(tmp / f"out-{factor}-local", tmp / f"out-{factor}-dask")
    return runs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--factors", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=1, help="runs of each engine per factor (the fastest counts)")
    ap.add_argument("--docs", type=int, default=None, help="only the first N documents (a quick slice)")
    ap.add_argument("--corpus", type=Path, default=WHITEHOUSE)
    args = ap.parse_args()
    if not args.corpus.is_file():
        print(f"skipped: {args.corpus} not found (the shared corpus is not beside the checkout)")
        return 0
    best: dict[tuple[int, str], float] = {}
    print("| corpus | engine | wall s | CPU s (process tree) | peak memory (process tree) "
          "| load before → after | exit |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for factor in args.factors:
            corpus = multiply_corpus(args.corpus, factor, Path(tmp) / f"x{factor}.jsonl.gz", docs=args.docs)
            runs = run_factor(corpus, Path(tmp), factor, args)
            corpus.unlink()
            for engine in ("local", "dask"):
                best[factor, engine] = min(r["wall"] for r in runs[engine])
            best[factor, "same"] = runs["same"]
    print()
    base = args.factors[0]
    for factor in args.factors:
        print(f"×{factor}: dask / local = {best[factor, 'dask'] / best[factor, 'local']:.2f}; identical "
              f"{', '.join(COMPARED)}: {'yes' if best[factor, 'same'] else 'NO'}")
        for engine in ("local", "dask") if factor != base else ():
            print(f"  {engine}: ×{factor} / ×{base} = {best[factor, engine] / best[base, engine]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
