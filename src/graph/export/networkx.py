"""GraphML for networkx, Gephi and Cytoscape users, and the graph as a networkx MultiDiGraph.

Entity nodes carry name, type, aliases and their number of papers; paper nodes carry the title;
one edge per claim, keyed by the claim's IRI, carries relation, paper, evidence and confidence.
``write_graphml`` streams: nodes from the corpus's node table, then each paper's node and claims
as the papers are read, so the file can be larger than memory. ``networkx.read_graphml`` reads it
back into the same graph ``to_networkx`` builds."""
from __future__ import annotations

import re
from collections.abc import Iterator
from xml.sax.saxutils import escape, quoteattr

from graph.build import Corpus
from graph.export import atomic_write

NODE_KEYS = [("kind", "string"), ("label", "string"), ("type", "string"), ("aliases", "string"), ("papers", "long")]
EDGE_KEYS = [("relation", "string"), ("paper", "string"), ("evidence", "string"), ("confidence", "double"),
             ("metric", "string"), ("value", "string")]
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _data(keys: dict[str, str], values: dict) -> str:
    return "".join(f'<data key="{keys[k]}">{escape(_NOT_XML.sub("", str(v)))}</data>'
                   for k, v in values.items() if v not in (None, ""))


def generate_graphml(corpus: Corpus) -> Iterator[str]:
    nk = {name: f"n{i}" for i, (name, _) in enumerate(NODE_KEYS)}
    ek = {name: f"e{i}" for i, (name, _) in enumerate(EDGE_KEYS)}
    yield ('<?xml version="1.0" encoding="utf-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    for name, t in NODE_KEYS:
        yield f'<key id="{nk[name]}" for="node" attr.name="{name}" attr.type="{t}"/>\n'
    for name, t in EDGE_KEYS:
        yield f'<key id="{ek[name]}" for="edge" attr.name="{name}" attr.type="{t}"/>\n'
    yield '<graph edgedefault="directed">\n'
    corpus.links()  # a first pass counts each node's papers
    for n in corpus.nodes.values():
        values = {"kind": "entity", "label": n.name, "type": n.type, "aliases": "|".join(sorted(n.aliases)),
                  "papers": n.papers}
        yield f"<node id={quoteattr(n.id)}>{_data(nk, values)}</node>\n"
    for v in corpus.papers():
        yield f"<node id={quoteattr(v.iri)}>{_data(nk, {'kind': 'paper', 'label': v.paper.title})}</node>\n"
        for e in v.edges:
            values = {"relation": e.relation, "paper": e.paper, "evidence": e.evidence,
                      "confidence": e.confidence, "metric": e.metric, "value": e.value}
            yield (f"<edge id={quoteattr(e.id)} source={quoteattr(e.head)} target={quoteattr(e.tail)}>"
                   f"{_data(ek, values)}</edge>\n")
    yield "</graph>\n</graphml>\n"


def write_graphml(corpus: Corpus, path) -> None:
    with atomic_write(path) as fh:
        fh.writelines(generate_graphml(corpus))


def to_networkx(corpus: Corpus):
    """The whole graph in memory as a networkx MultiDiGraph (the same one GraphML holds)."""
    import networkx as nx

    g = nx.MultiDiGraph()
    corpus.links()
    for n in corpus.nodes.values():
        g.add_node(n.id, kind="entity", label=n.name, type=n.type, papers=n.papers,
                   **({"aliases": "|".join(sorted(n.aliases))} if n.aliases else {}))
    for v in corpus.papers():
        g.add_node(v.iri, kind="paper", label=v.paper.title)
        for e in v.edges:
            g.add_edge(e.head, e.tail, key=e.id, relation=e.relation, paper=e.paper, evidence=e.evidence,
                       confidence=e.confidence, **{k: x for k, x in (("metric", e.metric), ("value", e.value)) if x})
    return g
