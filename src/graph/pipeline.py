"""The main job as a library function: read papers, extract the ones not yet extracted, merge,
write every output. The CLI only wires arguments into this.

A build adds its inputs to the graph already in OUT (``fresh=True`` starts it empty): papers
already in the graph are not read again, papers already extracted (by the same extractor) are not
extracted again, and the outputs equal those of one build over all the inputs."""
from __future__ import annotations

import functools
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from graph.build import Corpus, Merger, paper_iri
from graph.errors import InputError, PapergraphError
from graph.model import MIN_CONFIDENCE, Paper, PaperGraph, paper_digest
from graph.readers import paper_key, read_before, read_paths, seed_paths

OUTPUTS = ("graph.ttl", "claims.jsonl", "graph.graphml", "graph.html")
ADMIT_BATCH = 256  # papers read before the workdir's index is asked which of them are new


class Reporter:
    """What a build tells as it goes; the CLI prints it, a library caller may ignore it."""

    def problem(self, error: InputError) -> None:
        """A record that was skipped (or, under --strict, raised)."""

    def extracted(self, n: int) -> None:
        """`n` more papers extracted."""

    def stage(self, name: str) -> None:
        """A stage begins: "merge", "graph.ttl", ..."""


@dataclass
class Summary:
    papers: int = 0  # in the graph
    added: int = 0  # new to the graph in this build
    extracted: int = 0  # extracted in this build (the rest came from the cache)
    skipped: int = 0  # bad records reported and skipped
    entities: int = 0
    relations: int = 0
    triples: int = 0
    seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)  # stage -> seconds
    unchanged: bool = False  # nothing new: the outputs were left as they were

    def line(self) -> str:
        skipped = f"; {self.skipped} bad record(s) skipped" if self.skipped else ""
        if self.unchanged:
            return f"{self.papers} papers, nothing new: the outputs are up to date ({self.seconds:.1f} s){skipped}"
        added = f" ({self.added} new, {self.extracted} extracted)" if self.added != self.papers else ""
        return (f"{self.papers} papers{added}, {self.entities} entities, {self.relations} relations "
                f"({self.triples} triples) in {self.seconds:.1f} s{skipped}")


def read_papers(paths: Iterable[str] | None, fmt: str | None = None, strict: bool = False,
                reporter: Reporter | None = None, options: dict | None = None, unique: bool = True) -> Iterator[Paper]:
    """Every paper of `paths` (the seed corpus when empty), each once (unless not `unique`). Bad
    records are reported to `reporter` and skipped, or raised when `strict`."""
    reporter = reporter or Reporter()

    def on_problem(err: InputError):
        if strict:
            raise err
        reporter.problem(err)

    yield from read_paths([str(p) for p in (paths or seed_paths())], fmt, on_problem=on_problem, options=options,
                          unique=unique)


def extract_papers(paths: Iterable[str] | None, fmt: str | None = None, strict: bool = False,
                   reporter: Reporter | None = None, options: dict | None = None) -> list[PaperGraph]:
    """Read and extract in this process, all in memory: for small inputs (evaluate, tests)."""
    from graph.extract import Extractor

    return list(Extractor().extract_all(read_papers(paths, fmt, strict, reporter, options)))


def run_build(paths: Iterable[str] | None, out: Path, fmt: str | None = None, *, fresh: bool = False,
              jobs: int = 1, engine: str = "local", scheduler: str | None = None, strict: bool = False,
              reporter: Reporter | None = None, options: dict | None = None,
              min_confidence: float = MIN_CONFIDENCE) -> tuple[Corpus | None, Summary]:
    """Add the papers of `paths` (the seed corpus when empty) to the graph in `out` and write every
    output there (graph.html without the claims under `min_confidence`; the others with every
    claim). Interrupted, it leaves the previous outputs intact; run again, it resumes. When nothing
    is new, the outputs are left as they are and the corpus returned is None."""
    from graph.engines import run_dask, run_local
    from graph.export.claims import write_claims
    from graph.export.html import write_html
    from graph.export.networkx import write_graphml
    from graph.export.rdf import write_rdf
    from graph.workdir import CHANGED, EXTRACT, REREAD, SAME, Workdir

    reporter = reporter or Reporter()
    summary = Summary()
    t0 = time.perf_counter()
    skipped = []

    class Counting(Reporter):
        """A bad input record: raised under --strict, else counted and reported."""

        def problem(self, error):
            if strict:
                raise error
            skipped.append(1)
            reporter.problem(error)

    with Workdir(out, fresh) as wd:
        def pending() -> Iterator[tuple[Paper, str]]:
            """Papers not yet extracted, with their digests: stale members first, then new inputs
            not in the graph. Each paper is read once (the first sighting wins): the workdir's
            index, on disk, remembers which were read."""
            for paper in wd.stale():
                yield paper, paper_digest(paper)
            counting = Counting()
            papers = read_papers(list(paths or []) or None, fmt, False, counting, options, unique=False)
            while batch := list(islice(papers, ADMIT_BATCH)):
                rows = [(paper_key(p), paper_digest(p), paper_iri(p), p.source) for p in batch]
                for paper, (_, digest, _, _), (found, first) in zip(batch, rows, wd.admit(rows)):
                    if found == CHANGED:
                        reporter.problem(InputError(paper.source, None, f"{paper.title[:60]!r} is already in the "
                                                    "graph with a different text; kept the graph's (--fresh rebuilds)"))
                    elif found == REREAD:
                        counting.problem(read_before(paper, first))
                    elif found != SAME:
                        summary.added += 1
                        if found == EXTRACT:
                            yield paper, digest

        t = time.perf_counter()
        reporter.stage("extract")
        chunks = run_dask(pending(), scheduler) if engine == "dask" else run_local(pending(), jobs)
        for lines in chunks:
            wd.append(lines)
            summary.extracted += len(lines)
            reporter.extracted(len(lines))
        summary.stages["read+extract"] = time.perf_counter() - t

        settings = f"min_confidence={min_confidence:g}"  # what the outputs are written with, beside the papers
        if summary.extracted == 0 and wd.up_to_date(OUTPUTS, settings):
            # nothing new: the outputs already are this graph
            summary.papers, summary.skipped = wd.papers(), len(skipped)
            summary.seconds = time.perf_counter() - t0
            summary.unchanged = True
            return None, summary

        t = time.perf_counter()
        reporter.stage("merge")
        merger = Merger()
        records = wd.reader()
        for r in records():
            merger.add(r)
        nodes, node_of = merger.nodes()
        corpus = Corpus(nodes, node_of, records)
        summary.stages["merge"] = time.perf_counter() - t

        staging = wd.staging()
        writers = {"graph.ttl": write_rdf, "claims.jsonl": write_claims, "graph.graphml": write_graphml,
                   "graph.html": functools.partial(write_html, min_confidence=min_confidence)}
        # with more than one job, graph.ttl (the longest to write) is written by a forked process
        # while this one writes the rest: each makes its own pass over the records
        beside = _Beside(write_rdf, corpus, staging / "graph.ttl") if jobs > 1 and _can_fork() else None
        try:
            for name in OUTPUTS:
                if beside and name == "graph.ttl":
                    continue
                t = time.perf_counter()
                reporter.stage(name)
                n = writers[name](corpus, staging / name)
                if name == "graph.ttl":
                    summary.triples = n
                summary.stages[name] = time.perf_counter() - t
            if beside:
                reporter.stage("graph.ttl")
                summary.triples, summary.stages["graph.ttl"] = beside.result()
        finally:
            if beside:
                beside.stop()
        wd.commit([staging / name for name in OUTPUTS], settings)
        summary.papers = wd.papers()
    summary.skipped = len(skipped)
    summary.entities = len(corpus.nodes)
    summary.relations = corpus.claims()
    summary.seconds = time.perf_counter() - t0
    return corpus, summary


def _can_fork() -> bool:
    import threading

    return hasattr(os, "fork") and threading.active_count() == 1  # forking beside threads is unsafe


class _Beside:
    """One output written by a forked process (which sees the corpus as it is now, and reads the
    records from files only: it never touches the parent's SQLite connection)."""

    def __init__(self, write, corpus: Corpus, path: Path):
        import multiprocessing

        ctx = multiprocessing.get_context("fork")
        self.path = path
        self._conn, child = ctx.Pipe(duplex=False)
        self._proc = ctx.Process(target=_write_beside, args=(write, corpus, path, child), daemon=True)
        self._proc.start()
        child.close()

    def result(self) -> tuple[int, float]:
        """(what the writer returned, seconds), once it is done; its error as a PapergraphError."""
        try:
            ok, value, seconds = self._conn.recv()
        except EOFError:
            self._proc.join()
            raise PapergraphError(f"the process writing {self.path.name} died "
                                  f"(exit code {self._proc.exitcode})") from None
        self._proc.join()
        if not ok:
            raise PapergraphError(f"writing {self.path.name}: {value}")
        return value, seconds

    def stop(self) -> None:
        if self._proc.is_alive():
            self._proc.terminate()
        self._proc.join()
        self._conn.close()


def _write_beside(write, corpus: Corpus, path: Path, conn) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's: it stops this process
    t = time.perf_counter()
    try:
        conn.send((True, write(corpus, path), time.perf_counter() - t))
    except Exception as err:  # any failure goes back to the parent, which reports it
        conn.send((False, f"{type(err).__name__}: {err}", 0.0))


__all__ = ["OUTPUTS", "Reporter", "Summary", "extract_papers", "read_papers", "run_build"]
