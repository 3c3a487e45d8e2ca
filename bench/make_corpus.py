#!/usr/bin/env python3
"""Write a reproducible benchmark corpus of N abstracts as JSON Lines, made by recombining the
sentences of the shipped seed abstracts and of the SciREX benchmark abstracts (when
../shared/benchmarks is beside the checkout).

Each abstract keeps the first sentence of a real one (where papers introduce their subject) and
follows it with sentences drawn at random from the whole pool, as many as real abstracts have;
its title is a real title with a random other title's subtitle. So every abstract is new text
(nothing can be answered from a cache) while its names, cue words and sentence shapes are those
of real ML abstracts. The same --seed gives the same file.

    python bench/make_corpus.py --n 100000 --out bench/corpus/100k.jsonl
"""
from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from graph.readers import read_paths, seed_paths

SCIREX = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "scirex-input.jsonl"
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'])")


def pool() -> tuple[list[str], list[list[str]]]:
    paths = [*seed_paths(), *([SCIREX] if SCIREX.exists() else [])]
    papers = list(read_paths(paths))
    return [p.title for p in papers], [_SENTENCE.split(p.abstract) for p in papers]


def generate(n: int, seed: int = 1):
    titles, abstracts = pool()
    sentences = [s for a in abstracts for s in a[1:]]
    lengths = [len(a) for a in abstracts]
    rng = random.Random(seed)
    for i in range(n):
        first = rng.choice(abstracts)
        body = [first[0], *rng.sample(sentences, max(0, rng.choice(lengths) - 1))]
        head, _, _ = rng.choice(titles).partition(":")
        _, colon, tail = rng.choice(titles).partition(":")
        yield {"id": f"bench-{seed}-{i}", "title": f"{head}:{tail}" if colon else head, "abstract": " ".join(body)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=Path("bench/corpus/100k.jsonl"))
    args = ap.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as fh:
        for record in generate(args.n, args.seed):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{args.n} abstracts -> {args.out}")


if __name__ == "__main__":
    main()
