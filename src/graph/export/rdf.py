"""The RDF export (the contract in README.md): triples generated from a Corpus, written as Turtle
or N-Triples by Oxigraph. Building and serialising go through pyoxigraph, which is one to two
orders of magnitude faster than rdflib's writer on large graphs."""
from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from graph import metrics
from graph.build import Corpus
from graph.export import atomic_write
from graph.metrics import Metric
from graph.text import key

PG = "https://w3id.org/papergraph/ns#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"
PREFIXES = {"pg": PG, "rdf": RDF, "rdfs": RDFS, "skos": SKOS, "dcterms": DCTERMS, "xsd": XSD,
            "paper": "https://w3id.org/papergraph/id/paper/", "entity": "https://w3id.org/papergraph/id/entity/",
            "claim": "https://w3id.org/papergraph/id/claim/", "metric": "https://w3id.org/papergraph/id/metric/"}
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
    used: set[str] = set()  # the metrics the claims measure by
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
            yield from _claim(e, used)
        # the paper's own direct links, once each
        for relation, tail in sorted({(e.relation, e.tail) for e in v.edges if e.head == v.iri}):
            yield T(p, _pg(PREDICATE[relation]), _n(tail))
    # the direct links between nodes, once each, after every claim that states them
    for head, relation, tail in sorted(corpus.links()):
        yield T(_n(head), _pg(PREDICATE[relation]), _n(tail))
    yield from metric_triples(used)


def metric_iri(metric: Metric) -> str:
    return PREFIXES["metric"] + metric.slug


def metric_triples(names) -> Iterator[ox.Triple]:
    """The entries of the metric vocabulary (graph.metrics) named `names`: name, direction and
    unit, so that a query can rank results the right way round."""
    T = ox.Triple
    vocabulary = metrics.vocabulary()
    for name in sorted(names):
        m = vocabulary[name]
        s = _n(metric_iri(m))
        yield T(s, _A, _pg("Metric"))
        yield T(s, _n(RDFS + "label"), ox.Literal(m.name))
        yield T(s, _pg("higherIsBetter"), ox.Literal("true" if m.higher_is_better else "false", datatype=_n(XSD + "boolean")))
        if m.unit:
            yield T(s, _pg("unit"), ox.Literal(m.unit))


def _claim(e, used: set[str]) -> Iterator[ox.Triple]:
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
    known = metrics.resolve(e.metric)
    if e.metric:
        yield T(c, _pg("metric"), ox.Literal(e.metric))
        if known is not None:
            used.add(known.name)
            yield T(c, _pg("measure"), _n(metric_iri(known)))
        if e.metric_text:
            yield T(c, _pg("metricText"), ox.Literal(e.metric_text))
    if e.number is not None:
        yield T(c, _pg("value"), _decimal(e.number))
        yield T(c, _pg("scaledValue"), _decimal(metrics.scaled(e.number, e.unit, known)))
        yield T(c, _pg("valueText"), ox.Literal(e.value or ""))
        if e.unit:
            yield T(c, _pg("unit"), ox.Literal(e.unit))
    elif e.value:  # a record from before values were numbers
        yield T(c, _pg("valueText"), ox.Literal(e.value))
    if e.split:
        yield T(c, _pg("split"), ox.Literal(e.split))
    if e.margin_number is not None:
        yield T(c, _pg("margin"), _decimal(e.margin_number))
        yield T(c, _pg("marginText"), ox.Literal(e.margin or ""))
    if e.basis:
        yield T(c, _pg("basis"), ox.Literal(e.basis))


def _decimal(x: float) -> ox.Literal:
    text = format(x, "f")  # six places, never an exponent: "84.600000"
    return ox.Literal(text.rstrip("0").rstrip(".") if "." in text else text, datatype=_n(XSD + "decimal"))


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
