#!/usr/bin/env python3
"""List salient method and dataset names of the SciREX benchmark that the lexicon does not know.

A maintenance aid for src/graph/data/lexicon/*.tsv: it prints candidates with how many papers
name them; a person decides which are well-known names worth an entry (never one paper's coinage).

    python scripts/lexicon_candidates.py ../shared/benchmarks/scirex-abstracts.jsonl
"""
import collections
import json
import sys

from graph.extract.resources import lexicon


def main(path):
    lex = lexicon()
    seen = collections.Counter()
    kinds = {}
    for line in open(path, encoding="utf-8"):
        d = json.loads(line)
        names = {(m["entity"], m["type"]) for m in d["mentions"] if m["entity"] and m["type"] in ("Method", "Material")}
        for name, kind in names:
            pretty = name.replace("_", " ")
            if lex.lookup(pretty) is None:
                seen[pretty] += 1
                kinds[pretty] = "dataset" if kind == "Material" else "method/architecture"
    for name, n in seen.most_common():
        print(f"{n}\t{kinds[name]}\t{name}")


if __name__ == "__main__":
    main(sys.argv[1])
