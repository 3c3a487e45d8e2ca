#!/usr/bin/env python3
"""Time a whole `papergraph build` of N recombined abstracts (bench/make_corpus.py) and print, as
JSON: abstracts per second (extraction and whole build), the seconds of each stage (read, extract,
merge, each output), spaCy's bare tokenizer (one core) on the same text in the same run and the
ratio of the two, for the build's extraction (with --jobs processes) and for extraction in one
process (also against the bare tokenizer given papergraph's larger cache, which alone makes it faster),
and the peak resident memory of the build process and of its worker processes.

    python bench/bench_build.py --n 100000 --jobs 2
    python bench/bench_build.py --n 10000 --again       # then an incremental build with nothing new

Run each size in its own process: peak memory is per process.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import generate  # noqa: E402

from graph.pipeline import Reporter, run_build  # noqa: E402
from graph.readers import read_paths  # noqa: E402


class Stages(Reporter):
    def __init__(self):
        self.marks = []

    def stage(self, name):
        self.marks.append((name, time.perf_counter()))


WARM = 1000  # abstracts each timed process handles before the timing starts


def peak_mb(who) -> float:
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)


def tokenizer_rate(corpus: str, n: int, papergraph_cache: bool = False) -> float:
    """Abstracts per second through spaCy's bare tokenizer, on one core, over the first `n` (after a
    warm-up on others, as extraction_rate has)."""
    import spacy

    from graph.extract.tokens import TOKENIZER_CACHE

    sample = [p.text for p, _ in zip(read_paths([corpus]), range(n + WARM))]
    warm = min(WARM, len(sample) // 2)  # a tiny corpus (the smoke test's) warms up on half of it
    sample, warm = sample[: len(sample) - warm], sample[len(sample) - warm:]
    nlp = spacy.blank("en")
    if papergraph_cache:
        nlp.tokenizer.max_cache_size = TOKENIZER_CACHE
    for _ in nlp.tokenizer.pipe(warm, batch_size=256):
        pass
    t = time.perf_counter()
    for _ in nlp.tokenizer.pipe(sample, batch_size=256):
        pass
    return len(sample) / (time.perf_counter() - t)


def extraction_rate(corpus: str, n: int) -> float:
    """Abstracts per second through papergraph's extraction in one process, over the first `n`
    (after a warm-up on others), records included: what one --jobs process does."""
    from graph.engines import _chunks, extract_chunk
    from graph.model import paper_digest

    papers = [p for p, _ in zip(read_paths([corpus]), range(n + WARM))]
    warm = min(WARM, len(papers) // 2)
    timed = list(_chunks(((p, paper_digest(p)) for p in papers[: len(papers) - warm]), 64))
    for chunk in _chunks(((p, paper_digest(p)) for p in papers[len(papers) - warm:]), 64):
        extract_chunk(chunk)
    t = time.perf_counter()
    for chunk in timed:
        extract_chunk(chunk)
    return sum(map(len, timed)) / (time.perf_counter() - t)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000, help="number of abstracts (default 10000)")
    ap.add_argument("--jobs", type=int, default=1, help="extraction processes (default 1)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--again", action="store_true", help="then build again with no new papers (incremental)")
    ap.add_argument("--tokenizer-sample", type=int, default=20_000,
                    help="abstracts to time the bare tokenizer and one-process extraction on (default 20000)")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="pg-bench-"))
    corpus = work / "corpus.jsonl"
    with open(corpus, "w", encoding="utf-8") as fh:
        for record in generate(args.n, args.seed):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    mb = corpus.stat().st_size / 1e6

    t = time.perf_counter()
    for _ in read_paths([corpus]):
        pass
    read_s = time.perf_counter() - t
    stages = Stages()
    t0 = time.perf_counter()
    _, summary = run_build([str(corpus)], work / "out", jobs=args.jobs, reporter=stages)
    total = time.perf_counter() - t0
    extract_s = summary.stages["read+extract"] - read_s
    extract_rate = summary.extracted / extract_s
    peak_rss = {"build process": peak_mb(resource.RUSAGE_SELF), "largest worker": peak_mb(resource.RUSAGE_CHILDREN)}
    # the tokenizer runs after the build, in processes of its own, so that the peaks above are the build's
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(1) as pool:
        bare_rate = pool.apply(tokenizer_rate, (str(corpus), args.tokenizer_sample))  # spaCy as installed
    with ctx.Pool(1) as pool:  # the same, with papergraph's larger tokenizer cache
        cached_rate = pool.apply(tokenizer_rate, (str(corpus), args.tokenizer_sample, True))
    with ctx.Pool(1) as pool:  # and extraction alone, in one process, on the same abstracts
        one_rate = pool.apply(extraction_rate, (str(corpus), args.tokenizer_sample))
    report = {
        "abstracts": args.n,
        "corpus_mb": round(mb, 1),
        "jobs": args.jobs,
        "entities": summary.entities,
        "claims": summary.relations,
        "triples": summary.triples,
        "build_abstracts_per_s": round(args.n / total, 1),
        "extract_abstracts_per_s": round(extract_rate, 1),
        "tokenizer_abstracts_per_s (one core)": round(bare_rate, 1),
        "tokenizer_over_extraction": round(bare_rate / extract_rate, 2),
        "extract_one_process_abstracts_per_s": round(one_rate, 1),
        "tokenizer_over_extraction_one_process": round(bare_rate / one_rate, 2),
        "tokenizer_with_papergraph_cache_abstracts_per_s": round(cached_rate, 1),
        "tokenizer_with_papergraph_cache_over_extraction": round(cached_rate / extract_rate, 2),
        "stage_seconds": {"read": round(read_s, 2), "extract": round(extract_s, 2),
                          **{k: round(v, 2) for k, v in summary.stages.items() if k != "read+extract"}},
        "build_seconds": round(total, 1),
        "output_mb": {p.name: round(p.stat().st_size / 1e6, 1)
                      for p in sorted((work / "out").iterdir()) if p.is_file()},
        "peak_rss_mb": peak_rss,
    }
    if args.again:
        t = time.perf_counter()
        _, again = run_build([str(corpus)], work / "out", jobs=args.jobs)
        report["incremental_nothing_new_seconds"] = round(time.perf_counter() - t, 1)
        report["incremental_extracted"] = again.extracted
    print(json.dumps(report, indent=1))
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
