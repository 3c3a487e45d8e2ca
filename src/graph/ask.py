"""Answers to the questions users ask most, over a loaded graph: who beats a baseline, and a
method's lineage. Names resolve through every alias by lookup key (``pg:key``), so "resnet50",
"ResNet50" and "ResNet-50" find the same node."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from graph.errors import QueryError
from graph.export.rdf import PG, RDF, RDFS
from graph.model import MIN_CONFIDENCE
from graph.store import PREFIXES, bind, has, run, subjects, values
from graph.text import key

RESOLVE = PREFIXES + "SELECT DISTINCT ?e ?label WHERE { ?e pg:key $key ; rdfs:label ?label } ORDER BY ?label"


def resolve(store, name: str) -> list[tuple[str, str]]:
    """(IRI, label) of the nodes one of whose names has the key of `name`; QueryError if none."""
    cols, rows = run(store, bind(RESOLVE, {"key": key(name)}))
    if not rows:
        raise QueryError(f"{name!r}: no entity of that name or alias in the graph")
    return [(r[0], r[1]) for r in rows]


WINS = PREFIXES + """
SELECT ?winner ?p ?paper ?confidence ?evidence ?basis WHERE {
  VALUES ?b { %s }
  ?c rdf:object ?b ; rdf:predicate pg:outperforms ; rdf:subject ?w ;
     pg:source ?p ; pg:evidence ?evidence ; pg:confidence ?confidence .
  OPTIONAL { ?c pg:basis ?basis }
  ?p dcterms:title ?paper .
  OPTIONAL { ?w rdfs:label ?wl }
  BIND(COALESCE(?wl, "(the paper's own approach)") AS ?winner)
}"""
COLUMNS = ["winner", "paper", "dataset", "metric", "value", "confidence", "evidence"]


def _results(store, papers) -> dict[tuple[str, str], list[list[str]]]:
    """(paper, evidence) -> [dataset IRI, dataset label, metric, value] of its result claims."""
    out: dict[tuple[str, str], list[list[str]]] = {}
    labels: dict[str, str] = {}
    for p in sorted(papers):
        for c in subjects(store, PG + "source", p):
            v = values(store, c)
            if v.get(RDF + "predicate") != [PG + "evaluatedOn"] or PG + "dataset" not in v:
                continue
            d = v[PG + "dataset"][0]
            if d not in labels:
                labels[d] = (values(store, d).get(RDFS + "label") or [d])[0]
            out.setdefault((p, v[PG + "evidence"][0]), []).append(
                [d, labels[d], (v.get(PG + "metric") or [""])[0], (v.get(PG + "valueText") or [""])[0]])
    return out




def beats(store, baseline: str, on: str | None = None, min_confidence: float = MIN_CONFIDENCE,
          cost: bool = False) -> tuple[list[str], list[list[str]]]:
    """Every claim that something outperforms `baseline`: winner, paper, dataset, metric, value,
    confidence and evidence. The dataset (with metric and value) is the one a result claim of the
    same sentence names. With `on`, only papers that name that dataset, and rows whose sentence
    names no other dataset. Claims of confidence under `min_confidence` are left out, and so are
    wins on cost alone (pg:basis "cost") unless `cost`.

    The result claims of the winning papers are read by direct index lookups and joined here: a
    SPARQL join on the evidence text, or over a long VALUES list of papers, took seconds on a
    graph of 100,000 abstracts."""
    baselines = " ".join(f"<{iri}>" for iri, _ in resolve(store, baseline))
    wanted = {iri for iri, _ in resolve(store, on)} if on else None
    _, wins = run(store, WINS % baselines)
    wins = [w[:5] for w in wins if float(w[3]) >= min_confidence and (cost or w[5] != "cost")]
    papers = {r[1] for r in wins}
    if wanted is not None:
        papers = {p for p in papers if any(has(store, p, PG + "mentions", d) for d in wanted)}
    results = _results(store, papers)
    rows, seen = [], set()
    for winner, p, paper, confidence, evidence in wins:
        if p not in papers:
            continue
        found = sorted(results.get((p, evidence), []), key=lambda r: r[1]) or [["", "", "", ""]]
        for d, dataset, metric, value in found:
            if wanted is not None and d and d not in wanted:
                continue
            k = (winner, paper, dataset, evidence)
            if k not in seen:  # a sentence may be claimed once per dataset
                seen.add(k)
                rows.append([winner, paper, dataset, metric, value, confidence, evidence])
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    return COLUMNS, rows


EXTENDS = PREFIXES + """
SELECT ?child ?parent ?childLabel ?parentLabel ?paper ?evidence ?confidence WHERE {
  ?c a pg:Claim ; rdf:predicate pg:extends ; rdf:subject ?child ; rdf:object ?parent ;
     pg:source ?p ; pg:evidence ?evidence ; pg:confidence ?confidence .
  ?p dcterms:title ?paper .
  ?parent rdfs:label ?parentLabel .
  OPTIONAL { ?child rdfs:label ?cl }
  BIND(COALESCE(?cl, "(the paper's own approach)") AS ?childLabel)
}"""


@dataclass
class Step:
    depth: int  # 1 = direct
    name: str
    via: str  # the name it is linked through
    paper: str
    evidence: str


def lineage(store, method: str, min_confidence: float = MIN_CONFIDENCE) -> tuple[str, list[Step], list[Step]]:
    """(name, ancestors, descendants): what `method` extends, and what extends it, transitively,
    breadth first, each step with the paper and sentence that state it; claims of confidence under
    `min_confidence` are left out."""
    roots = resolve(store, method)
    _, rows = run(store, EXTENDS)
    up, down = defaultdict(list), defaultdict(list)
    labels = dict(roots)
    for child, parent, cl, pl, paper, evidence, confidence in rows:
        if float(confidence) < min_confidence:
            continue
        labels[child], labels[parent] = cl, pl
        up[child].append((parent, paper, evidence))
        down[parent].append((child, paper, evidence))
    return roots[0][1], _walk(roots, up, labels), _walk(roots, down, labels)


def _walk(roots, edges, labels) -> list[Step]:
    seen = {iri for iri, _ in roots}
    frontier = [iri for iri, _ in roots]
    steps, depth = [], 0
    while frontier:
        depth += 1
        nxt = []
        for node in frontier:
            for other, paper, evidence in sorted(edges.get(node, ()), key=lambda e: (labels[e[0]], e[1])):
                if other in seen:
                    continue
                seen.add(other)
                nxt.append(other)
                steps.append(Step(depth, labels[other], labels.get(node, node), paper, evidence))
        frontier = nxt
    return steps
