"""The main job as a library function: read papers, extract, build the corpus graph, write every
output. The CLI only wires arguments into this."""
from __future__ import annotations

import time
from collections.abc import Iterable
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from graph.build import Corpus, build
from graph.export.claims import write_claims
from graph.export.html import write_html
from graph.export.networkx import write_graphml
from graph.export.rdf import write_rdf
from graph.extract import Extractor
from graph.model import PaperGraph
from graph.readers import read_paths, seed_paths


@dataclass
class Summary:
    papers: int
    entities: int
    relations: int
    triples: int
    seconds: float

    def line(self) -> str:
        return (f"{self.papers} papers, {self.entities} entities, {self.relations} relations "
                f"({self.triples} triples) in {self.seconds:.1f} s")


def extract_papers(paths: Iterable[str] | None, fmt: str | None = None, progress_factory=None) -> list[PaperGraph]:
    """Read every paper first (bad input fails before any work is done), then extract each.
    `progress_factory(total)` may return a context manager with ``update(n)``, e.g. a progress bar."""
    papers = list(read_paths([str(p) for p in (paths or seed_paths())], fmt))
    extractor = Extractor()
    with progress_factory(len(papers)) if progress_factory else nullcontext() as bar:
        results = []
        for r in extractor.extract_all(papers):
            results.append(r)
            if bar is not None:
                bar.update(1)
    return results


def run_build(paths: Iterable[str] | None, out: Path, fmt: str | None = None,
              progress_factory=None) -> tuple[Corpus, Summary]:
    """Build the graph of `paths` (the seed corpus when empty) and write every output into `out`."""
    t0 = time.perf_counter()
    results = extract_papers(list(paths or []) or None, fmt, progress_factory)
    corpus = build(results)
    out.mkdir(parents=True, exist_ok=True)
    triples = write_rdf(corpus, out / "graph.ttl")
    write_claims(results, out / "claims.jsonl")
    write_graphml(corpus, out / "graph.graphml")
    write_html(corpus, out / "graph.html")
    summary = Summary(len(corpus.papers), len(corpus.nodes), len(corpus.edges), triples, time.perf_counter() - t0)
    return corpus, summary
