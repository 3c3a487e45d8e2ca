"""Results quality on Papers with Code leaderboards: builds the papers of a sota-style input and
scores the graph with the shared scorer (../shared/tools/score_results.py): evaluated-on recall,
value recall and value precision (a lower bound), as the issue's targets are stated; and how many
result claims have a metric the vocabulary knows.

    python bench/bench_results.py                       # the sota train split, 6,665 papers
    python bench/bench_results.py --limit 500 --jobs 1  # a slice
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", type=Path, default=SHARED / "benchmarks" / "sota-input.jsonl")
    ap.add_argument("--results", type=Path, default=SHARED / "benchmarks" / "sota-results.jsonl")
    ap.add_argument("--scorer", type=Path, default=SHARED / "tools" / "score_results.py")
    ap.add_argument("--limit", type=int, default=0, help="only the first N papers (0: all)")
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args(argv)
    for path in (a.input, a.results, a.scorer):
        if not path.exists():
            sys.exit(f"{path}: not found (see --help)")
    with tempfile.TemporaryDirectory() as tmp:
        src, results = a.input, a.results
        if a.limit:
            lines = a.input.read_text(encoding="utf-8").splitlines()[:a.limit]
            src = Path(tmp) / "input.jsonl"
            src.write_text("\n".join(lines) + "\n", encoding="utf-8")
            titles = {json.loads(line)["title"] for line in lines}
            results = Path(tmp) / "results.jsonl"
            results.write_text("".join(line + "\n" for line in a.results.read_text(encoding="utf-8").splitlines()
                                       if json.loads(line)["title"] in titles), encoding="utf-8")
        out = Path(tmp) / "out"
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "graph", "build", str(src), "--out", str(out), "-j", str(a.jobs)],
                       check=True, capture_output=True)
        built = time.perf_counter() - start
        scored = subprocess.run([sys.executable, str(a.scorer), "--rdf", str(out / "graph.ttl"), "--results",
                                 str(results), "--json"], check=True, capture_output=True, text=True)
        report = json.loads(scored.stdout)
        claims = [json.loads(line) for line in (out / "claims.jsonl").read_text(encoding="utf-8").splitlines()]
    valued = [r for c in claims for r in c.get("relations", []) if r.get("value")]
    from graph import metrics

    known = sum(1 for r in valued if metrics.resolve(r.get("metric")))
    report.update({"papers": len(claims), "build_s": round(built, 1), "valued_claims": len(valued),
                   "metric_known": round(known / len(valued), 3) if valued else None})
    print(json.dumps(report))


if __name__ == "__main__":
    main()
