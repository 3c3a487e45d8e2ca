#!/usr/bin/env python3
"""How the build's memory grows with the number of abstracts: builds corpora of increasing size
(bench/make_corpus.py; each a prefix of the largest), each in a fresh process, and prints as JSON
the peak resident memory of the build process and of its largest worker, the resident memory as
each stage starts, and the growth per 100,000 abstracts between sizes. Bounded memory means that
growth stays near zero: what the build holds grows with the distinct names and links in the
corpus, not with its papers.

    python bench/bench_memory.py --sizes 25000 50000 100000 --jobs 2
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import shutil
import sys
import tempfile
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import generate  # noqa: E402


def _status_mb(field: str = "VmRSS") -> float:
    """VmRSS: resident memory now; VmHWM: its peak. (Not getrusage: a spawned process's ru_maxrss
    starts from its parent's memory when it was forked.)"""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def _build(corpus: str, out: str, jobs: int, queue) -> None:
    from graph.pipeline import Reporter, run_build

    marks = {}

    class Stages(Reporter):
        def stage(self, name):
            marks[name] = _status_mb()

    _, summary = run_build([corpus], Path(out), jobs=jobs, reporter=Stages())
    marks["end"] = _status_mb()
    queue.put({"papers": summary.papers, "entities": summary.entities, "triples": summary.triples,
               "rss_mb_as_stage_starts": marks,
               "peak_rss_mb": {"build process": _status_mb("VmHWM"),
                               "largest worker": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)}})


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[25_000, 50_000, 100_000])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    sizes = sorted(args.sizes)
    work = Path(tempfile.mkdtemp(prefix="pg-mem-"))
    try:
        largest = work / "largest.jsonl"
        with open(largest, "w", encoding="utf-8") as fh:
            for record in generate(sizes[-1], args.seed):
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        ctx = multiprocessing.get_context("spawn")  # each build starts from an empty process
        runs = []
        for n in sizes:
            corpus = work / f"{n}.jsonl"
            with open(largest, encoding="utf-8") as src, open(corpus, "w", encoding="utf-8") as dst:
                dst.writelines(islice(src, n))
            queue = ctx.Queue()
            proc = ctx.Process(target=_build, args=(str(corpus), str(work / f"out-{n}"), args.jobs, queue))
            proc.start()
            result = queue.get()
            proc.join()
            runs.append({"abstracts": n, **result})
            corpus.unlink()
            shutil.rmtree(work / f"out-{n}")
            print(f"{n:,} abstracts: peak {result['peak_rss_mb']['build process']} MB", file=sys.stderr)
        growth = [{"from": a["abstracts"], "to": b["abstracts"],
                   "build_process_mb_per_100k": round((b["peak_rss_mb"]["build process"] - a["peak_rss_mb"]["build process"])
                                                      * 100_000 / (b["abstracts"] - a["abstracts"]), 1)}
                  for a, b in zip(runs, runs[1:])]
        print(json.dumps({"jobs": args.jobs, "runs": runs, "growth": growth}, indent=1))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
