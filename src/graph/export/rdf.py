"""The RDF export (the contract in README.md): triples generated from a Corpus, written as Turtle
or N-Triples by Oxigraph. Building and serialising go through pyoxigraph, which is one to two
orders of magnitude faster than rdflib's writer on large graphs."""
from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from graph.build import Corpus
from graph.export import atomic_write
from graph.text import key

PG = "https://w3id.org/papergraph/ns#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"
PREFIXES = {"pg": PG, "rdf": RDF, "rdfs": RDFS, "skos": SKOS, "dcterms": DCTERMS, "xsd": XSD,
            "paper": "https://w3id.org/papergraph/id/paper/", "entity": "https://w3id.org/papergraph/id/entity/",
            "claim": "https://w3id.org/papergraph/id/claim/"}
CLASS = {"method": "Method", "architecture": "Architecture", "dataset": "Dataset"}
PREDICATE = {"evaluated-on": "evaluatedOn", "outperforms": "outperforms", "extends": "extends"}

_A = ox.NamedNode(RDF + "type")


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _pg(term: str) -> ox.NamedNode:
    return ox.NamedNode(PG + term)


def ontology() -> list[ox.Triple]:
    data = resources.files("graph").joinpath("data", "ontology.ttl").read_bytes()
    return [q.triple for q in ox.parse(data, ox.RdfFormat.TURTLE)]


def generate_triples(corpus: Corpus, with_ontology: bool = True) -> Iterator[ox.Triple]:
    T = ox.Triple
    if with_ontology:
        yield from ontology()
    for node in corpus.nodes.values():
        s = _n(node.id)
        yield T(s, _A, _pg(CLASS[node.type]))
        yield T(s, _n(RDFS + "label"), ox.Literal(node.name))
        for alias in sorted(node.aliases):
            yield T(s, _n(SKOS + "altLabel"), ox.Literal(alias))
        for k in sorted({key(f) for f in (node.name, *node.aliases)} - {""}):
            yield T(s, _pg("key"), ox.Literal(k))
    for v in corpus.papers():
        p = _n(v.iri)
        paper = v.paper
        yield T(p, _A, _pg("Paper"))
        yield T(p, _n(DCTERMS + "title"), ox.Literal(paper.title))
        yield T(p, _n(DCTERMS + "abstract"), ox.Literal(paper.abstract))
        if paper.id:
            yield T(p, _n(DCTERMS + "identifier"), ox.Literal(paper.id))
        if paper.url and "://" in paper.url:
            yield T(p, _n(DCTERMS + "source"), _n(paper.url))
        if paper.year:
            yield T(p, _n(DCTERMS + "date"), ox.Literal(str(paper.year), datatype=_n(XSD + "gYear")))
        for node, roles in sorted(v.roles.items()):
            yield T(p, _pg("mentions"), _n(node))
            if "proposed" in roles:
                yield T(p, _pg("proposes"), _n(node))
            if "baseline" in roles:
                yield T(p, _pg("baseline"), _n(node))
        for e in v.edges:
            yield from _claim(e)
        # the paper's own direct links, once each
        for relation, tail in sorted({(e.relation, e.tail) for e in v.edges if e.head == v.iri}):
            yield T(p, _pg(PREDICATE[relation]), _n(tail))
    # the direct links between nodes, once each, after every claim that states them
    for head, relation, tail in sorted(corpus.links()):
        yield T(_n(head), _pg(PREDICATE[relation]), _n(tail))


def _claim(e) -> Iterator[ox.Triple]:
    T = ox.Triple
    c = _n(e.id)
    yield T(c, _A, _pg("Claim"))
    yield T(c, _n(RDF + "subject"), _n(e.head))
    yield T(c, _n(RDF + "predicate"), _pg(PREDICATE[e.relation]))
    yield T(c, _n(RDF + "object"), _n(e.tail))
    yield T(c, _pg("source"), _n(e.paper))
    yield T(c, _pg("evidence"), ox.Literal(e.evidence))
    yield T(c, _pg("evidenceStart"), ox.Literal(str(e.start), datatype=_n(XSD + "integer")))
    yield T(c, _pg("evidenceEnd"), ox.Literal(str(e.end), datatype=_n(XSD + "integer")))
    yield T(c, _pg("confidence"), ox.Literal(f"{e.confidence:.2f}", datatype=_n(XSD + "decimal")))
    if e.dataset:
        yield T(c, _pg("dataset"), _n(e.dataset))
    if e.metric:
        yield T(c, _pg("metric"), ox.Literal(e.metric))
    if e.value:
        yield T(c, _pg("value"), ox.Literal(e.value))
    if e.basis:
        yield T(c, _pg("basis"), ox.Literal(e.basis))


FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES}


def write_rdf(corpus: Corpus, path, with_ontology: bool = True) -> int:
    """Write the graph to `path` (.ttl or .nt) atomically; return the number of triples."""
    fmt = FORMATS.get(Path(path).suffix, ox.RdfFormat.TURTLE)
    count = 0

    def counted():
        nonlocal count
        for t in generate_triples(corpus, with_ontology):
            count += 1
            yield t

    with atomic_write(path, "wb") as fh:  # streamed: the triples are never all in memory
        ox.serialize(counted(), fh, fmt, prefixes=PREFIXES if fmt == ox.RdfFormat.TURTLE else None)
    return count
