"""Builds: incremental equals from scratch, same input gives the same bytes, an interrupted build
leaves the previous outputs and resumes, and every engine gives the same graph."""
import json

import pytest

from graph import engines, workdir
from graph.errors import InputError, PapergraphError
from graph.model import from_record, paper_digest
from graph.pipeline import OUTPUTS, Reporter, run_build

A = [
    {"title": "VOLO: Vision Outlooker Networks", "abstract": "We propose VOLO. VOLO outperforms DeiT on ImageNet-1K."},
    {"title": "G-SimCLR: Better contrastive learning", "abstract": "G-SimCLR builds upon SimCLR."},
]
B = [
    {"title": "Mask Scoring R-CNN", "abstract": "Mask Scoring R-CNN extends Mask R-CNN and outperforms it on COCO."},
    {"title": "A study of ViT", "abstract": "The Vision Transformer (ViT) beats ResNet-50 on CIFAR-10."},
    {"title": "DeiT again", "abstract": "DeiT is evaluated on ImageNet-1K and beats ResNet-50."},
]


def jsonl(tmp_path, name, papers):
    path = tmp_path / name
    path.write_text("".join(json.dumps(p) + "\n" for p in papers))
    return str(path)


def outputs(folder):
    return {name: (folder / name).read_bytes() for name in OUTPUTS}


def equals_scratch(out, *inputs):
    """Whether the outputs in `out` are, byte for byte, those of one build of `inputs` from scratch."""
    scratch = out.parent / f"{out.name}-scratch"
    run_build(list(inputs), scratch)
    return outputs(out) == outputs(scratch)


def test_same_input_gives_byte_identical_outputs_whatever_the_order(tmp_path):
    a, b = jsonl(tmp_path, "a.jsonl", A), jsonl(tmp_path, "b.jsonl", B)
    run_build([a, b], tmp_path / "one")
    run_build([b, a], tmp_path / "two")
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")


def test_incremental_build_extracts_only_new_papers_and_equals_a_build_from_scratch(tmp_path):
    a, b = jsonl(tmp_path, "a.jsonl", A), jsonl(tmp_path, "b.jsonl", B)
    _, first = run_build([a], tmp_path / "inc")
    _, second = run_build([b, a], tmp_path / "inc")  # a again: already in the graph, not even counted
    _, scratch = run_build([a, b], tmp_path / "scratch")
    assert (first.extracted, second.added, second.extracted, second.papers) == (2, 3, 3, 5)
    assert outputs(tmp_path / "inc") == outputs(tmp_path / "scratch")
    _, again = run_build([a, b], tmp_path / "inc")
    assert (again.added, again.extracted, again.papers) == (0, 0, 5)


def test_fresh_starts_empty_but_reuses_what_was_extracted(tmp_path):
    a, b = jsonl(tmp_path, "a.jsonl", A), jsonl(tmp_path, "b.jsonl", B)
    run_build([a, b], tmp_path / "out")
    _, summary = run_build([b], tmp_path / "out", fresh=True)
    run_build([b], tmp_path / "only-b")
    assert (summary.papers, summary.extracted) == (3, 0)
    assert outputs(tmp_path / "out") == outputs(tmp_path / "only-b")


def test_a_paper_already_in_the_graph_with_another_text_is_reported_and_kept(tmp_path):
    a = jsonl(tmp_path, "a.jsonl", A)
    changed = jsonl(tmp_path, "c.jsonl", [dict(A[1], abstract="G-SimCLR extends SimCLR and MoCo.")])
    run_build([a], tmp_path / "out")
    before = outputs(tmp_path / "out")
    problems = []

    class Collect(Reporter):
        def problem(self, error):
            problems.append(str(error))

    run_build([changed], tmp_path / "out", reporter=Collect())
    assert problems == [f"{changed}:1: 'G-SimCLR: Better contrastive learning' is already in the graph with a "
                        "different text; kept the graph's (--fresh rebuilds)"]
    assert outputs(tmp_path / "out") == before


class Interrupt(Reporter):
    """Ctrl-C after `after` chunks have been extracted."""

    def __init__(self, after):
        self.after = after

    def extracted(self, n):
        self.after -= 1
        if self.after == 0:
            raise KeyboardInterrupt


def test_interrupted_build_keeps_previous_outputs_and_resumes(tmp_path, monkeypatch):
    monkeypatch.setattr(engines, "CHUNK", 1)
    a, b = jsonl(tmp_path, "a.jsonl", A), jsonl(tmp_path, "b.jsonl", B)
    out = tmp_path / "out"
    run_build([a], out)
    before = outputs(out)
    with pytest.raises(KeyboardInterrupt):
        run_build([b], out, reporter=Interrupt(after=2))
    assert outputs(out) == before
    assert sorted(p.name for p in out.iterdir()) == [".papergraph", *sorted(OUTPUTS)]
    _, resumed = run_build([b], out)
    assert (resumed.added, resumed.extracted) == (3, 1)  # two of b's papers were kept from the interrupted run
    assert equals_scratch(out, a, b)


def test_a_record_torn_by_a_kill_is_dropped_and_its_paper_extracted_again(tmp_path):
    a = jsonl(tmp_path, "a.jsonl", A)
    out = tmp_path / "out"
    run_build([a], out)
    records = out / ".papergraph" / "records.jsonl"
    lines = records.read_text().splitlines(keepends=True)
    records.write_text(lines[0] + lines[1][:40])  # killed while writing the second record
    (out / ".papergraph" / "index.sqlite").unlink()  # ... of a build that never finished
    _, summary = run_build([a], out)
    assert summary.extracted == 1
    assert records.read_text().count("\n") == 2


def test_a_changed_extractor_extracts_every_paper_again(tmp_path, monkeypatch):
    a = jsonl(tmp_path, "a.jsonl", A)
    out = tmp_path / "out"
    run_build([a], out)
    before = outputs(out)
    monkeypatch.setattr(workdir, "fingerprint", lambda: "another-extractor")
    _, summary = run_build([], out)  # no inputs: the seed corpus; stale papers first
    assert summary.extracted == 2 + 190
    assert not (out / ".papergraph" / "records.old.jsonl").exists()
    _, again = run_build([a], out, fresh=True)
    assert again.extracted == 0 and outputs(out) == before


def test_two_builds_never_write_one_folder_at_once(tmp_path):
    a = jsonl(tmp_path, "a.jsonl", A)
    with workdir.Workdir(tmp_path / "out"):
        with pytest.raises(PapergraphError, match="another papergraph build is writing to this folder"):
            run_build([a], tmp_path / "out")


def test_two_processes_give_the_same_graph_as_one(tmp_path, monkeypatch):
    monkeypatch.setattr(engines, "CHUNK", 1)
    a, b = jsonl(tmp_path, "a.jsonl", A), jsonl(tmp_path, "b.jsonl", B)
    run_build([a, b], tmp_path / "one")
    _, summary = run_build([a, b], tmp_path / "two", jobs=2)
    assert summary.extracted == 5
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")
    for folder in ("one", "two"):  # each record is keyed by its own paper's digest, wherever extracted
        records = [json.loads(line) for line in (tmp_path / folder / ".papergraph" / "records.jsonl").open()]
        assert len(records) == 5
        assert all(r["digest"] == paper_digest(from_record(r).paper) for r in records)


def test_dask_engine_on_a_local_cluster_gives_the_same_graph(tmp_path):
    distributed = pytest.importorskip("distributed")
    a, b = jsonl(tmp_path, "a.jsonl", A), jsonl(tmp_path, "b.jsonl", B)
    run_build([a, b], tmp_path / "local")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        _, summary = run_build([a, b], tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address)
    assert summary.extracted == 5
    assert outputs(tmp_path / "local") == outputs(tmp_path / "dask")


def test_a_killed_build_process_leaves_the_previous_outputs_and_resumes(tmp_path):
    """SIGKILL a real build half-way: nothing of the previous graph is lost, and the next build
    extracts only what the killed one had not finished."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from graph.readers import read_paths, seed_paths

    out = tmp_path / "out"
    a = jsonl(tmp_path, "a.jsonl", A)
    run_build([a], out)
    before = outputs(out)
    seeds = list(read_paths(seed_paths()))
    many = [{"title": f"{p.title} ({i})", "abstract": p.abstract} for i in range(5) for p in seeds]
    big = jsonl(tmp_path, "big.jsonl", many)
    proc = subprocess.Popen([sys.executable, "-m", "graph", "build", big, "--out", str(out), "-q"])
    records = out / ".papergraph" / "records.jsonl"
    size = records.stat().st_size
    while records.stat().st_size == size and proc.poll() is None:  # wait for its first records
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the build finished before it could be killed"
    assert outputs(out) == before
    _, resumed = run_build([big], out)
    assert resumed.added == len(many) and 0 < resumed.extracted < len(many)


def test_nothing_new_leaves_the_outputs_alone_unless_the_writers_changed(tmp_path, monkeypatch):
    a = jsonl(tmp_path, "a.jsonl", A)
    out = tmp_path / "out"
    run_build([a], out)
    (out / "graph.html").write_text("edited by hand")  # shows whether a build rewrote the file
    _, again = run_build([a], out)
    assert again.unchanged and (out / "graph.html").read_text() == "edited by hand"
    assert again.line().startswith("2 papers, nothing new: the outputs are up to date (")
    (out / "graph.html").write_text("edited by hand")
    _, threshold = run_build([a], out, min_confidence=0.7)  # the page is written with another threshold
    assert not threshold.unchanged and (out / "graph.html").read_text().startswith("<")
    assert run_build([a], out, min_confidence=0.7)[1].unchanged
    monkeypatch.setattr(workdir, "writer_fingerprint", lambda settings="": "new exporters")
    _, rewritten = run_build([a], out)
    assert not rewritten.unchanged and (out / "graph.html").read_text().startswith("<")
    (out / "graph.ttl").unlink()
    assert not run_build([a], out)[1].unchanged and (out / "graph.ttl").exists()


def test_a_paper_read_twice_with_another_text_keeps_the_first_and_says_where(tmp_path):
    twice = jsonl(tmp_path, "twice.jsonl", [A[0], A[1], dict(A[0], abstract="VOLO extends DeiT.")])
    problems = []

    class Collect(Reporter):
        def problem(self, error):
            problems.append(str(error))

    _, summary = run_build([twice], tmp_path / "out", reporter=Collect())
    assert problems == [f"{twice}:3: 'VOLO: Vision Outlooker Networks' was read before ({twice}:1) with a "
                        "different text; kept the first"]
    assert (summary.papers, summary.skipped) == (2, 1)
    run_build([jsonl(tmp_path, "a.jsonl", A)], tmp_path / "first")
    assert outputs(tmp_path / "out") == outputs(tmp_path / "first")
    with pytest.raises(InputError, match="was read before"):
        run_build([twice], tmp_path / "strict", strict=True)


def test_records_appended_after_the_index_was_written_are_found_when_it_is_opened(tmp_path):
    """A build killed between writing records and indexing them loses none of them."""
    a, b = jsonl(tmp_path, "a.jsonl", A), jsonl(tmp_path, "b.jsonl", B)
    run_build([b], tmp_path / "other")
    out = tmp_path / "out"
    run_build([a], out)
    with open(out / ".papergraph" / "records.jsonl", "a") as fh:  # b's records, never indexed in out
        fh.write((tmp_path / "other" / ".papergraph" / "records.jsonl").read_text())
    _, summary = run_build([b], out)
    assert (summary.added, summary.extracted) == (3, 0)
    assert equals_scratch(out, a, b)


def test_a_folder_from_before_the_index_keeps_its_members(tmp_path):
    a, b = jsonl(tmp_path, "a.jsonl", A), jsonl(tmp_path, "b.jsonl", B)
    out = tmp_path / "out"
    run_build([a], out)
    index = out / ".papergraph" / "index.sqlite"
    with workdir.Workdir(out) as wd:  # write the members as papergraph wrote them before: members.tsv
        rows = wd.db.execute("SELECT key, digest, iri FROM members ORDER BY key").fetchall()
    index.unlink()
    (out / ".papergraph" / "members.tsv").write_text("".join("\t".join(row) + "\n" for row in rows))
    _, summary = run_build([b], out)
    assert (summary.papers, summary.extracted) == (5, 3)
    assert not (out / ".papergraph" / "members.tsv").exists()
    assert equals_scratch(out, a, b)


def test_a_damaged_index_is_an_error_that_fresh_mends(tmp_path):
    a = jsonl(tmp_path, "a.jsonl", A)
    out = tmp_path / "out"
    run_build([a], out)
    (out / ".papergraph" / "index.sqlite").write_bytes(b"not a database" * 100)
    with pytest.raises(PapergraphError, match=r"index.sqlite is damaged \(.*\); build again with --fresh"):
        run_build([a], out)
    _, summary = run_build([a], out, fresh=True)
    assert (summary.papers, summary.extracted) == (2, 0)


def test_with_jobs_graph_ttl_is_written_by_a_forked_process_whose_failure_is_reported(tmp_path):
    """In a process of its own: this one may hold threads (Dask's), and then nothing is forked."""
    import subprocess
    import sys
    import textwrap

    a, b = jsonl(tmp_path, "a.jsonl", A), jsonl(tmp_path, "b.jsonl", B)
    out = tmp_path / "out"
    run_build([a], out)
    before = outputs(out)
    script = textwrap.dedent(f"""
        import os
        from graph.export import rdf
        from graph.pipeline import run_build
        parent, write_rdf = os.getpid(), rdf.write_rdf

        def fails_in_a_child(corpus, path):
            if os.getpid() != parent:
                raise OSError(28, "No space left on device")
            return write_rdf(corpus, path)

        rdf.write_rdf = fails_in_a_child
        try:
            run_build([{b!r}], {str(out)!r}, jobs=2)
        except Exception as err:
            print(type(err).__name__, err)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.stdout == "PapergraphError writing graph.ttl: OSError: [Errno 28] No space left on device\n"
    assert outputs(out) == before
    _, summary = run_build([b], out, jobs=2)
    assert (summary.papers, summary.extracted) == (5, 0)
