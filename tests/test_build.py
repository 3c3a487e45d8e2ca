"""Merging papers into one graph: links between nodes are counted over the whole corpus; a paper's
own links are kept only for the papers with the most of them, and every one is still written."""
import pyoxigraph as ox

from graph import build as build_module
from graph.build import build, paper_iri
from graph.export.rdf import generate_triples
from graph.model import PAPER, Claim, Entity, Paper, PaperGraph

IMAGENET = Entity("ImageNet", "dataset")
RESNET = Entity("ResNet-50", "architecture")
VIT = Entity("ViT", "architecture")


def paper(title, entities, claims):
    return PaperGraph(Paper(title, "An abstract.", id=title), entities,
                      [Claim(h, r, t, "A sentence.", 0, 11) for h, r, t in claims])


PAPERS = [
    paper("p1", [IMAGENET, RESNET], [(PAPER, "evaluated-on", "ImageNet"), (PAPER, "outperforms", "ResNet-50")]),
    paper("p2", [IMAGENET], [(PAPER, "evaluated-on", "ImageNet")]),
    paper("p3", [IMAGENET, RESNET, VIT],
          [(PAPER, "evaluated-on", "ImageNet"), (PAPER, "outperforms", "ResNet-50"), (PAPER, "outperforms", "ResNet-50"),
           ("ViT", "outperforms", "ResNet-50"), ("ViT", "evaluated-on", "ImageNet")]),
]


def test_the_most_linked_papers_own_links_are_kept_and_every_node_counts_all(monkeypatch):
    monkeypatch.setattr(build_module, "OWN_KEPT", 2)
    corpus = build(PAPERS)
    iri = {n.name: n.id for n in corpus.nodes.values()}.get
    p1, p3 = (paper_iri(PAPERS[i].paper) for i in (0, 2))
    assert corpus.own_links() == {p1: {("evaluated-on", iri("ImageNet")): 1, ("outperforms", iri("ResNet-50")): 1},
                                  p3: {("evaluated-on", iri("ImageNet")): 1, ("outperforms", iri("ResNet-50")): 2}}
    assert corpus.links() == {(iri("ViT"), "outperforms", iri("ResNet-50")): 1,
                              (iri("ViT"), "evaluated-on", iri("ImageNet")): 1}
    assert corpus.degree() == {iri("ImageNet"): 4, iri("ResNet-50"): 3, iri("ViT"): 2, p1: 2, p3: 2}
    assert corpus.claims() == 8
    assert {n.name: n.papers for n in corpus.nodes.values()} == {"ImageNet": 3, "ResNet-50": 2, "ViT": 1}


def test_rdf_has_every_papers_own_links_kept_or_not(monkeypatch):
    monkeypatch.setattr(build_module, "OWN_KEPT", 1)
    corpus = build(PAPERS)
    triples = set(generate_triples(corpus, with_ontology=False))
    evaluated_on = ox.NamedNode("https://w3id.org/papergraph/ns#evaluatedOn")
    assert {t.subject.value for t in triples if t.predicate == evaluated_on} == {
        *(paper_iri(p.paper) for p in PAPERS), *(n.id for n in corpus.nodes.values() if n.name == "ViT")}
    assert len(corpus.own_links()) == 1
