"""`papergraph serve`, over real HTTP on localhost: SPARQL Protocol with SPARQLWrapper,
content negotiation, refusals (update, SERVICE), the time limit and the explorer page."""
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from SPARQLWrapper import CSV, JSON, POST, TURTLE, SPARQLWrapper

from graph.serve import App, negotiate, uses_service

LABEL = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "


@pytest.fixture(scope="module")
def endpoint(small_corpus, tmp_path_factory):
    from graph.export.html import write_html
    from graph.export.rdf import write_rdf

    out = tmp_path_factory.mktemp("serve")
    write_rdf(small_corpus, out / "graph.ttl")
    write_html(small_corpus, out / "graph.html")
    app = App(out / "graph.ttl", timeout=2.0, workers=1)
    server = app.server("127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    app.close()


def client(endpoint, query, fmt=JSON, method=None):
    sw = SPARQLWrapper(endpoint + "/sparql")
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    if method:
        sw.setMethod(method)
    return sw.query().convert()


def test_serve_select_json_with_sparqlwrapper(endpoint):
    q = LABEL + 'SELECT ?l WHERE { ?e rdfs:label ?l FILTER(STRSTARTS(?l, "Swin")) }'
    res = client(endpoint, q)
    assert [b["l"]["value"] for b in res["results"]["bindings"]] == ["Swin Transformer"]
    res = client(endpoint, q, method=POST)
    assert [b["l"]["value"] for b in res["results"]["bindings"]] == ["Swin Transformer"]


def test_serve_csv_ask_and_construct(endpoint):
    q = LABEL + 'SELECT ?l WHERE { ?e rdfs:label ?l FILTER(?l IN ("VOLO", "DeiT")) } ORDER BY ?l'
    assert client(endpoint, q, CSV).decode().splitlines() == ["l", "DeiT", "VOLO"]
    assert client(endpoint, LABEL + 'ASK { ?e rdfs:label "VOLO" }')["boolean"] is True
    g = client(endpoint, LABEL + 'CONSTRUCT { ?e rdfs:label ?l } WHERE { ?e rdfs:label ?l FILTER(?l = "VOLO") }', TURTLE)
    assert b'"VOLO"' in g and b"/entity/volo>" in g


def get(url, data=None, headers=None):
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers.get("Content-Type"), r.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type"), err.read().decode()


def sparql_url(endpoint, query):
    return endpoint + "/sparql?" + urllib.parse.urlencode({"query": query})


@pytest.mark.parametrize("accept, ctype, first_line", [
    ("text/tab-separated-values", "text/tab-separated-values; charset=utf-8", "?l"),
    ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml",
     '<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#"><head><variable name="l"/></head>'
     '<results><result><binding name="l"><literal>VOLO</literal></binding></result></results></sparql>'),
    ("", "application/sparql-results+json", '{"head":{"vars":["l"]},"results":{"bindings":[{"l":{"type":"literal","value":"VOLO"}}]}}'),
])
def test_serve_content_negotiation(endpoint, accept, ctype, first_line):
    status, got, body = get(sparql_url(endpoint, LABEL + 'SELECT ?l WHERE { ?e rdfs:label ?l FILTER(?l = "VOLO") }'),
                            headers={"Accept": accept} if accept else {})
    assert (status, got, body.splitlines()[0]) == (200, ctype, first_line)


def test_serve_refuses_updates_service_and_bad_queries(endpoint):
    status, _, body = get(endpoint + "/sparql", data=b"INSERT DATA { <a:b> <a:b> <a:b> }",
                          headers={"Content-Type": "application/sparql-update"})
    assert (status, body) == (403, "this endpoint is read-only: SPARQL Update is refused\n")
    status, _, body = get(endpoint + "/sparql", data=urllib.parse.urlencode({"update": "CLEAR ALL"}).encode(),
                          headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403
    status, _, body = get(sparql_url(endpoint, "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"))
    assert status == 403 and "SERVICE" in body
    status, _, body = get(sparql_url(endpoint, "SELEKT nothing"))
    assert status == 400 and body.startswith("SPARQL syntax error")
    assert get(endpoint + "/sparql")[0] == 400
    assert get(endpoint + "/elsewhere")[0] == 404


def test_serve_stops_a_query_past_the_time_limit_and_keeps_serving(endpoint):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    status, _, body = get(sparql_url(endpoint, slow))
    assert (status, body) == (503, "query exceeded the time limit of 2 s\n")
    status, _, body = get(sparql_url(endpoint, LABEL + 'ASK { ?e rdfs:label "VOLO" }'))
    assert (status, body) == (200, '{"head":{},"boolean":true}')


def test_serve_explorer_page(endpoint):
    status, ctype, body = get(endpoint + "/")
    assert (status, ctype) == (200, "text/html; charset=utf-8") and "VOLO" in body


@pytest.mark.parametrize("query, found", [
    ("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }", True),
    ("select * where { service silent <http://x/> { ?s ?p ?o } }", True),
    ('SELECT * WHERE { ?s ?p "SERVICE" } # SERVICE in a comment', False),
    ("SELECT * WHERE { ?s <http://x/SERVICE> ?o }", False),
])
def test_serve_service_detection(query, found):
    assert uses_service(query) is found


@pytest.mark.parametrize("accept, want", [
    ("text/csv", "text/csv"), ("*/*", "application/sparql-results+json"), ("image/png", None),
    ("text/csv;q=0.2, text/tab-separated-values;q=0.9", "text/tab-separated-values"),
])
def test_serve_negotiate(accept, want):
    from graph.serve import RESULT_TYPES

    assert negotiate(accept, RESULT_TYPES, "application/sparql-results+json") == want


def test_serve_keeps_its_store_beside_the_graph_or_else_a_temporary_one(small_graph, tmp_path, monkeypatch):
    import shutil
    from pathlib import Path

    import graph.serve

    graph_path = tmp_path / "graph.ttl"
    shutil.copy(small_graph, graph_path)
    app = App(graph_path, workers=1)
    app.close()
    assert Path(app.dir) == tmp_path / ".papergraph" / "store-graph.ttl" and Path(app.dir).exists()

    def refuse(path):
        raise PermissionError(path)

    monkeypatch.setattr(graph.serve, "on_disk", refuse)
    app = App(graph_path, workers=1)
    temporary, triples = Path(app.dir), app.triples
    app.close()
    assert temporary.parent != tmp_path / ".papergraph" and not temporary.exists()
    assert triples > 0
