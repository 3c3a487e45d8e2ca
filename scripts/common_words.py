#!/usr/bin/env python3
"""Write src/graph/data/lexicon/common_words.txt: the words ML abstracts write in lower case, so
that a capitalised common word ("the Large Scale dataset") is not read as a name.

Usage: python scripts/common_words.py ../shared/corpora/ml-conf-abstracts.jsonl.gz [--min-papers 40]

A word is kept when it appears in lower case, as a whole alphabetic word, in at least
--min-papers abstracts of the corpus (58,338 abstracts of ML conferences, 40 years)."""
import argparse
import collections
import gzip
import json
import re
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "graph" / "data" / "lexicon" / "common_words.txt"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("--min-papers", type=int, default=40)
    a = ap.parse_args()
    df = collections.Counter()
    opener = gzip.open if a.corpus.endswith(".gz") else open
    n = 0
    with opener(a.corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            df.update(set(re.findall(r"(?<![\w-])[a-z]{2,}(?![\w-])", d.get("abstract") or "")))
            n += 1
    words = sorted(w for w, c in df.items() if c >= a.min_papers)
    OUT.write_text(f"# {len(words)} words written in lower case in >= {a.min_papers} of {n} abstracts of "
                   f"{Path(a.corpus).name}; made by scripts/common_words.py\n" + "\n".join(words) + "\n")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
