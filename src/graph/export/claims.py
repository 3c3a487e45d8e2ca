"""claims.jsonl: one line per paper with its entities (types, roles, aliases) and its relations
(evidence sentence and its character offsets in ``title + "\\n\\n" + abstract``; a result's
metric, value as written, number, unit and split; a win's dataset and margin)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from graph.build import Corpus
from graph.export import atomic_write
from graph.model import PaperGraph, to_json


def paper_record(r: PaperGraph) -> dict:
    p = r.paper
    rec = {"title": p.title}
    for k in ("id", "url", "year"):
        if getattr(p, k):
            rec[k] = getattr(p, k)
    rec["entities"] = [
        {"name": e.name, "type": e.type, "aliases": e.aliases, "roles": e.roles} for e in r.entities
    ]
    rec["relations"] = []
    for c in r.claims:
        rel = {"head": c.head, "type": c.relation, "tail": c.tail, "evidence": c.evidence,
               "start": c.start, "end": c.end, "confidence": c.confidence}
        if c.relation != "evaluated-on" and c.dataset:
            rel["dataset"] = c.dataset  # the dataset of a win, when the sentence names it
        for k in ("metric", "value", "number", "unit", "split", "margin", "basis"):
            if getattr(c, k) is not None and getattr(c, k) != "":
                rel[k] = getattr(c, k)
        rec["relations"].append(rel)
    return rec


def generate_claims(results: Iterable[PaperGraph]) -> Iterator[str]:
    for r in results:
        yield to_json(paper_record(r)) + "\n"


def write_claims(corpus: Corpus, path) -> None:
    """One line per paper of the corpus, in the corpus's order, streamed."""
    with atomic_write(path) as fh:
        fh.writelines(generate_claims(v.result for v in corpus.papers()))
