"""Every script in bench/ runs, at a tiny size, so a change under it shows at once. They start
together (each is a process of its own) and each test waits for its own."""
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCRIPTS = {
    "bench_build": ["--n", "40", "--tokenizer-sample", "20"],
    "bench_memory": ["--sizes", "20", "40", "--jobs", "1"],
    "bench_explorer": ["--nodes", "30", "--shots", "{tmp}/shots", "--chromium", CHROMIUM] + ([] if Path(CHROMIUM).exists() else ["--no-browser"]),
    "make_corpus": ["--n", "20", "--out", "{tmp}/corpus.jsonl"],
    "bench_claims": ["--limit", "12", "--folds", "2", "--score-first", "6"],
    "bench_results": ["--limit", "40", "--jobs", "1"],
}
SCORER = Path(__file__).resolve().parents[2] / "shared" / "tools" / "score_results.py"


@pytest.fixture(scope="module")
def ran(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bench")
    procs = {name: subprocess.Popen([sys.executable, str(BENCH / f"{name}.py"), *(a.format(tmp=tmp) for a in args)],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for name, args in SCRIPTS.items()}
    yield lambda name: (*procs[name].communicate(timeout=300), procs[name].returncode, tmp)
    for proc in procs.values():
        proc.kill()
        proc.wait()


def test_bench_every_script_has_a_smoke_test():
    assert sorted(p.stem for p in BENCH.glob("*.py")) == sorted(SCRIPTS)


def test_bench_build(ran):
    out, err, code, _ = ran("bench_build")
    assert code == 0, err
    report = json.loads(out)
    assert (report["abstracts"], report["jobs"], sorted(report["output_mb"])) == (
        40, 1, ["claims.jsonl", "graph.graphml", "graph.html", "graph.ttl"])


def test_bench_memory(ran):
    out, err, code, _ = ran("bench_memory")
    assert code == 0, err
    report = json.loads(out[out.index("{"):])
    assert [(r["abstracts"], r["papers"]) for r in report["runs"]] == [(20, 20), (40, 40)]


def test_bench_explorer(ran):
    out, err, code, tmp = ran("bench_explorer")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("nodes 30, links ")
    if Path(CHROMIUM).exists():
        steps = [re.sub(r" '[^']*'", "", line).split(":")[0].split(" (")[0] for line in lines[1:]]
        assert steps == ["first draw", "search", "open entity", "switch view to beats", "switch view to lineage",
                         "switch view to near", "open dataset", "open the largest community", "back button",
                         "console errors"]
        assert lines[-1] == "console errors: 0, outside requests: 0"
        assert sorted(p.name for p in (tmp / "shots").iterdir()) == [
            "beats.png", "community.png", "dataset.png", "lineage.png", "map.png", "neighbourhood-again.png",
            "neighbourhood.png"]


def test_bench_make_corpus(ran):
    out, err, code, tmp = ran("make_corpus")
    assert (code, out) == (0, f"20 abstracts -> {tmp}/corpus.jsonl\n"), err
    records = [json.loads(line) for line in (tmp / "corpus.jsonl").read_text().splitlines()]
    assert len(records) == 20 and all(r["title"] and r["abstract"] for r in records)


def test_bench_claims(ran):
    out, err, code, _ = ran("bench_claims")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("12 papers, 2-fold nested cross-validation, ") and lines[0].endswith("; scored on the first 6")
    assert lines[1] == "6 gold papers matched by title"
    assert [line.split()[0] for line in lines if line.split()[:1] in (["entities"], ["relations"])
            and line.split()[1][:1].isdigit()] == ["entities", "relations"]
    assert "reliability: share of judged claims right, by confidence band (a claim of confidence c" in lines


@pytest.mark.skipif(not SCORER.exists(), reason="needs ../shared (the benchmarks and their scorer) beside the checkout")
def test_bench_results(ran):
    out, err, code, _ = ran("bench_results")
    assert code == 0, err
    report = json.loads(out)
    assert report["papers"] == 40 and report["papers_missing"] == 0
    assert sorted(report) == ["build_s", "evaluated_on", "metric_known", "papers", "papers_missing", "value",
                              "valued_claims"]
    assert 0 <= report["evaluated_on"]["r"] <= 1 and report["evaluated_on"]["tp"] + report["evaluated_on"]["fn"] > 0
