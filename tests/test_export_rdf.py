"""The RDF contract, one SPARQL query per point."""
from graph import store

P = """PREFIX pg: <https://w3id.org/papergraph/ns#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""


def rows(s, q):
    return sorted(store.run(s, P + q)[1])


def test_rdf_papers_have_title_and_abstract(small_store):
    assert rows(small_store, "SELECT ?t WHERE { ?p a pg:Paper ; dcterms:title ?t ; dcterms:abstract ?a }") == [
        ["A study of transformers"], ["VOLO: Vision Outlooker Networks for Visual Recognition"]]


def test_rdf_mentions_proposes_baseline(small_store):
    q = """SELECT ?k ?l WHERE { VALUES ?k { pg:proposes pg:baseline } ?p ?k ?e . ?e rdfs:label ?l }"""
    assert [[k.rsplit("#")[1], l] for k, l in rows(small_store, q)] == [
        ["baseline", "DeiT"], ["baseline", "ResNet-50"], ["baseline", "Swin Transformer"],
        ["proposes", "G-SimCLR"], ["proposes", "VOLO"]]
    assert rows(small_store, "SELECT (COUNT(*) AS ?n) WHERE { ?p pg:mentions ?e }") == [["9"]]


def test_rdf_each_entity_has_one_type_and_one_label(small_store):
    q = """SELECT ?l (COUNT(DISTINCT ?c) AS ?types) (COUNT(DISTINCT ?l2) AS ?labels) WHERE {
      VALUES ?c { pg:Method pg:Architecture pg:Dataset } ?e a ?c ; rdfs:label ?l ; rdfs:label ?l2 } GROUP BY ?l"""
    assert {(t, n) for _, t, n in rows(small_store, q)} == {("1", "1")}


def test_rdf_alt_labels_and_stable_iris(small_store):
    assert rows(small_store, "SELECT ?e ?a WHERE { ?e skos:altLabel ?a }") == [
        ["https://w3id.org/papergraph/id/entity/imagenet", "ImageNet-1K"],
        ["https://w3id.org/papergraph/id/entity/transformer", "transformers"]]


def test_rdf_merged_edges(small_store):
    q = "SELECT ?a ?p ?b WHERE { VALUES ?p { pg:evaluatedOn pg:outperforms pg:extends } ?a ?p ?b }"
    got = [[a.rsplit("/", 1)[1][:12], p.rsplit("#")[1], b.rsplit("/", 1)[1]] for a, p, b in rows(small_store, q)]
    # "our method" in the second paper is the G-SimCLR it proposes
    assert got == [["gsimclr", "evaluatedOn", "cifar10"], ["gsimclr", "extends", "simclr"],
                   ["gsimclr", "outperforms", "resnet50"], ["volo", "evaluatedOn", "imagenet"],
                   ["volo", "outperforms", "deit"], ["volo", "outperforms", "swintransformer"]]


def test_rdf_one_claim_per_relation_per_paper_with_evidence(small_store):
    q = """SELECT ?s ?o ?ev ?t WHERE { ?c a pg:Claim ; rdf:subject ?s ; rdf:predicate pg:outperforms ; rdf:object ?o ;
             pg:source ?p ; pg:evidence ?ev . ?p dcterms:title ?t . ?o rdfs:label ?ol FILTER(?ol = "DeiT") }"""
    (row,) = rows(small_store, q)
    assert row[1:] == ["https://w3id.org/papergraph/id/entity/deit",
                       "VOLO achieves 87.1% top-1 accuracy on ImageNet-1K, outperforming DeiT and Swin Transformer.",
                       "VOLO: Vision Outlooker Networks for Visual Recognition"]
    assert rows(small_store, "SELECT (COUNT(?c) AS ?n) WHERE { ?c a pg:Claim }") == [["6"]]


def test_rdf_result_claim_has_dataset_metric_value(small_store):
    q = """SELECT ?m ?v ?t ?u ?s ?label ?better WHERE { ?c pg:metric ?m ; pg:value ?v ; pg:valueText ?t ; pg:unit ?u ;
           pg:scaledValue ?s ; pg:dataset ?d ; pg:measure ?e . ?e rdfs:label ?label ; pg:higherIsBetter ?better }"""
    assert rows(small_store, q) == [["top-1 accuracy", "87.1", "87.1%", "%", "87.1", "top-1 accuracy", "true"]]


def test_rdf_values_are_decimals(small_store):
    q = """SELECT (DATATYPE(?v) AS ?t) WHERE { ?c pg:value ?v }"""
    assert rows(small_store, q) == [["http://www.w3.org/2001/XMLSchema#decimal"]]


def test_rdf_margin_split_and_several_values_of_one_pair(tmp_path):
    from graph import store
    from graph.build import build
    from graph.export.rdf import write_rdf
    from graph.model import Claim, Entity, Paper, PaperGraph

    s = "X reaches 45.2 AP and 0.65 AP50 on COCO test-dev, beating Y by 1.2 AP."
    pg = PaperGraph(Paper("X", s, id="x"), [Entity("X", "architecture"), Entity("Y", "architecture"),
                                             Entity("COCO", "dataset")], [
        Claim("X", "evaluated-on", "COCO", s, 3, 70, 0.9, "COCO", "AP", "45.2", number=45.2, split="test-dev"),
        Claim("X", "evaluated-on", "COCO", s, 3, 70, 0.9, "COCO", "AP50", "0.65", number=0.65, split="test-dev"),
        Claim("X", "outperforms", "Y", s, 3, 70, 0.9, "COCO", "AP", margin="by 1.2 AP", margin_number=1.2)])
    write_rdf(build([pg]), tmp_path / "g.ttl")
    st = store.load(tmp_path / "g.ttl")
    assert rows(st, "SELECT ?m ?t ?v ?sp WHERE { ?c pg:metric ?m ; pg:valueText ?t ; pg:scaledValue ?v ; pg:split ?sp } "
                    "ORDER BY ?m") == [["AP", "45.2", "45.2", "test-dev"], ["AP50", "0.65", "65", "test-dev"]]
    assert rows(st, "SELECT ?m ?t WHERE { ?c pg:margin ?m ; pg:marginText ?t }") == [["1.2", "by 1.2 AP"]]
    assert rows(st, "SELECT ?m ?b WHERE { ?m a pg:Metric ; pg:higherIsBetter ?b }") == [
        ["https://w3id.org/papergraph/id/metric/ap", "true"], ["https://w3id.org/papergraph/id/metric/ap50", "true"]]


def test_rdf_ontology_is_included(small_store):
    q = """SELECT ?p ?d ?r WHERE { VALUES ?p { pg:evaluatedOn pg:source } ?p rdfs:label ?l ; rdfs:comment ?c .
           OPTIONAL { ?p rdfs:domain ?d } OPTIONAL { ?p rdfs:range ?r } }"""
    assert [[a.rsplit("#")[1], b.rsplit("#")[-1], c.rsplit("#")[1]] for a, b, c in rows(small_store, q)] == [
        ["evaluatedOn", "", "Dataset"], ["source", "Claim", "Paper"]]


def test_rdf_same_input_same_bytes(small_corpus, tmp_path):
    from graph.export.rdf import write_rdf

    write_rdf(small_corpus, tmp_path / "a.ttl")
    write_rdf(small_corpus, tmp_path / "b.ttl")
    assert (tmp_path / "a.ttl").read_bytes() == (tmp_path / "b.ttl").read_bytes()


def test_rdf_loads_into_rdflib_with_the_same_claims(small_graph):
    from rdflib import URIRef

    g = store.as_rdflib(small_graph)
    claim = URIRef("https://w3id.org/papergraph/ns#Claim")
    assert len(set(g.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), claim))) == 6
