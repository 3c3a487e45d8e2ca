"""Held-out quality of the claim model: nested k-fold cross-validation over the shipped training
sets (training/). Each fold's model is trained by the same code as `papergraph train` from the
other folds alone, extracts the held-out papers, and the union is scored as `papergraph evaluate`
scores (ANNOTATION.md's matching), with the reliability table of confidence bands.

    python bench/bench_claims.py                 # all training sets, 5 folds
    python bench/bench_claims.py --score-first 551     # trained on all, scored on the first 551 papers
    python bench/bench_claims.py --limit 20 --folds 2   # a smoke run
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from graph.build import build
from graph.evaluate import evaluate, format_report
from graph.learn import train

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--limit", type=int, default=0, help="only the first N papers (0: all)")
    ap.add_argument("--only", choices=["train", "all"], default="all",
                    help="train: the shared train set alone; all: with the hand-annotated corpus sample")
    ap.add_argument("--score-first", type=int, default=0,
                    help="score only the first N papers (all take part in training): figures comparable with a "
                         "version that had only those")
    a = ap.parse_args(argv)
    golds = train.training_sets(ROOT / "training", include_sample=a.only == "all")
    if a.limit:
        golds = golds[:a.limit]
    t = time.perf_counter()
    graphs = train.cross_validate(train.bare_extractor(), golds, a.folds)
    scored = a.score_first or len(golds)
    report = evaluate(build(graphs[:scored]), train.gold_lines(golds[:scored]))
    print(f"{len(golds)} papers, {a.folds}-fold nested cross-validation, {time.perf_counter() - t:.1f} s"
          + (f"; scored on the first {scored}" if scored < len(golds) else ""))
    print(format_report(report, details=False))


if __name__ == "__main__":
    main()
