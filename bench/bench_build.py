#!/usr/bin/env python3
"""Time `papergraph build` on a corpus of N abstracts and print throughput and peak memory.

The corpus repeats the shipped seed abstracts and the SciREX benchmark abstracts (if
../shared/benchmarks is beside the checkout), each copy with its own title so nothing is merged
away. Prints abstracts per second for extraction and for the whole build, the time of each stage,
spaCy's bare tokenizer on the same text for scale, and the peak resident memory.

    python bench/bench_build.py --n 2000
"""
from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

from graph.build import build
from graph.export.claims import write_claims
from graph.export.html import write_html
from graph.export.networkx import write_graphml
from graph.export.rdf import write_rdf
from graph.extract import Extractor
from graph.model import Paper
from graph.readers import read_paths, seed_paths

SCIREX = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "scirex-input.jsonl"


def corpus(n: int) -> list[Paper]:
    base = list(read_paths(seed_paths()))
    if SCIREX.exists():
        base += list(read_paths([SCIREX]))
    return [Paper(f"{p.title} (copy {i // len(base)})", p.abstract) for i, p in
            ((i, base[i % len(base)]) for i in range(n))]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="number of abstracts (default 2000)")
    args = ap.parse_args()
    papers = corpus(args.n)
    out = Path(tempfile.mkdtemp(prefix="pg-bench-"))
    timings = {}

    t = time.perf_counter()
    extractor = Extractor()
    timings["load pipeline"] = time.perf_counter() - t

    t = time.perf_counter()
    for _ in extractor.nlp.tokenizer.pipe(p.text for p in papers):
        pass
    tokenize = time.perf_counter() - t

    t = time.perf_counter()
    results = list(extractor.extract_all(papers))
    timings["extract"] = time.perf_counter() - t
    t = time.perf_counter()
    graph = build(results)
    timings["merge"] = time.perf_counter() - t
    t = time.perf_counter()
    write_rdf(graph, out / "graph.ttl")
    timings["rdf"] = time.perf_counter() - t
    t = time.perf_counter()
    write_claims(results, out / "claims.jsonl")
    write_graphml(graph, out / "graph.graphml")
    timings["jsonl+graphml"] = time.perf_counter() - t
    t = time.perf_counter()
    write_html(graph, out / "graph.html")
    timings["html"] = time.perf_counter() - t

    total = sum(v for k, v in timings.items() if k != "load pipeline")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({
        "abstracts": len(papers),
        "entities": len(graph.nodes),
        "claims": len(graph.edges),
        "extract_abstracts_per_s": round(len(papers) / timings["extract"], 1),
        "build_abstracts_per_s": round(len(papers) / total, 1),
        "tokenizer_abstracts_per_s": round(len(papers) / tokenize, 1),
        "extract_vs_tokenizer_slowdown": round(timings["extract"] / tokenize, 2),
        "stage_seconds": {k: round(v, 3) for k, v in timings.items()},
        "peak_rss_mb": round(peak_mb, 1),
    }, indent=1))


if __name__ == "__main__":
    main()
