"""`papergraph serve`, over real HTTP against a real `papergraph serve` process on localhost:
SPARQL Protocol with SPARQLWrapper, content negotiation, refusals (update, SERVICE in any
spelling, with a listener that must hear nothing), time limits, dying workers, request bodies,
CORS, and the explorer page."""
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from SPARQLWrapper import CSV, JSON, POST, TURTLE, SPARQLWrapper

from graph.serve import Refused, Workers, negotiate, uses_service

LABEL = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o }"


class Served:
    """A `papergraph serve` process: its URL, its process and what it has written to stderr."""

    def __init__(self, folder, *args):
        self.proc = subprocess.Popen([sys.executable, "-m", "graph", "serve", "--graph", str(folder / "graph.ttl"),
                                      "--port", "0", *args], stderr=subprocess.PIPE, text=True)
        first = self.proc.stderr.readline()
        self.log = [first]
        found = re.search(r"SPARQL (http://127\.0\.0\.1:\d+)/sparql", first)
        assert found, first + self.proc.stderr.read()
        self.url = found.group(1)
        self.port = int(self.url.rsplit(":", 1)[1])
        threading.Thread(target=lambda: self.log.extend(self.proc.stderr), daemon=True).start()

    def workers(self) -> list[int]:
        """The pids of its query processes."""
        pids = []
        for task in os.listdir(f"/proc/{self.proc.pid}/task"):
            with open(f"/proc/{self.proc.pid}/task/{task}/children") as fh:
                pids += [int(p) for p in fh.read().split()]
        return sorted(p for p in pids if b"spawn_main" in open(f"/proc/{p}/cmdline", "rb").read())

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=30)


@pytest.fixture(scope="module")
def graph_folder(small_corpus, tmp_path_factory):
    from graph.export.html import write_html
    from graph.export.rdf import write_rdf

    out = tmp_path_factory.mktemp("serve")
    write_rdf(small_corpus, out / "graph.ttl")
    write_html(small_corpus, out / "graph.html")
    return out


@pytest.fixture(scope="module")
def served(graph_folder):
    """The server most tests share: two workers, a time limit of 2 s, no CORS."""
    server = Served(graph_folder, "--timeout", "2", "--workers", "2")
    yield server
    server.stop()
    assert "Traceback" not in "".join(server.log)


@pytest.fixture(scope="module")
def endpoint(served):
    return served.url


@pytest.fixture(scope="module")
def lone(graph_folder):
    """A server with one worker, a long time limit and one origin allowed by CORS."""
    server = Served(graph_folder, "--timeout", "60", "--workers", "1", "--cors", "https://app.example")
    yield server
    server.stop()


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


def get(url, data=None, headers=None, method=None, timeout=30):
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.headers.get("Content-Type"), r.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type"), err.read().decode()


def head(url, method="GET", headers=None):
    """(status, headers) of a request."""
    req = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


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
    status, _, body = get(sparql_url(endpoint, SLOW))
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
    from graph.serve import App

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


# --- SERVICE: the endpoint never calls another host -------------------------------------------

class Listener:
    """A TCP listener on localhost that a SERVICE clause would call: `heard()` says whether
    anything connected (the kernel completes a connection before it is accepted)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.setblocking(False)
        self.iri = f"http://127.0.0.1:{self.sock.getsockname()[1]}/p"

    def heard(self) -> bool:
        try:
            conn, _ = self.sock.accept()
        except BlockingIOError:
            return False
        conn.close()
        return True


@pytest.fixture(scope="module")
def listener():
    heard = Listener()
    yield heard
    heard.sock.close()


# (query with IRI for the listener's address, the status it gets). rdflib's parser fails on a
# SERVICE clause after a '#' anywhere in the query (its ServiceGraphPattern searches the raw text
# again, comments unskipped): such queries are refused as unparseable (400), which is as safe.
SPELLINGS = [
    ("SELECT * WHERE { SERVICE <IRI> { ?s ?p ?o } }", 403),
    ("PREFIX x: <urn:x:> SELECT * WHERE { VALUES ?z { x:a\\#b } SERVICE <IRI> { ?s ?p ?o } }", 400),
    ("SELECT * WHERE { ?s <urn:a#> ?o . SERVICE <IRI> { ?s ?p ?o } }", 400),
    ("SELECT * WHERE { # }\n SERVICE <IRI> { ?s ?p ?o } }", 403),
    ('SELECT * WHERE { BIND("#" AS ?x) SERVICE <IRI> { ?s ?p ?o } }', 400),
    ("SELECT * WHERE { ?s ?p ?o } #\nSELECT * WHERE { SERVICE <IRI> { ?s ?p ?o } }", 400),
    ("SELECT * WHERE { \\u0053ERVICE <IRI> { ?s ?p ?o } }", 403),
    ("SELECT * WHERE { SERVICE <IRI\\u0070> { ?s ?p ?o } }", 403),
    ("SELECT * WHERE { SeRvIcE <IRI> { ?s ?p ?o } }", 403),
    ("select * where{service<IRI>{?s ?p ?o}}", 403),
    ("BASE <IRI/> SELECT * WHERE { SERVICE <../p> { ?s ?p ?o } }", 403),
    ("PREFIX h: <IRI/> SELECT * WHERE { SERVICE h:x { ?s ?p ?o } }", 403),
    ("SELECT * WHERE { SERVICE SILENT <IRI> { ?s ?p ?o } }", 403),
    ("SELECT * WHERE { VALUES ?e { <IRI> } SERVICE ?e { ?s ?p ?o } }", 403),
    ("SELECT * WHERE { { SELECT * WHERE { SERVICE <IRI> { ?s ?p ?o } } } }", 403),
    ("SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <IRI> { ?s ?p ?o } } }", 403),
    ("SELECT * WHERE { ?s ?p ?o FILTER (NOT EXISTS { SERVICE <IRI> { ?s ?p ?o } }) }", 403),
    ("SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE <IRI> { ?s ?p ?o } } }", 403),
    ("SELECT * WHERE { { ?s ?p ?o } UNION { SERVICE <IRI> { ?s ?p ?o } } }", 403),
    ("SELECT * WHERE { ?s ?p ?o MINUS { SERVICE <IRI> { ?s ?p ?o } } }", 403),
    ("SELECT * WHERE { GRAPH ?g { SERVICE <IRI> { ?s ?p ?o } } }", 403),
    ("CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <IRI> { ?s ?p ?o } }", 403),
    ("ASK { SERVICE <IRI> { ?s ?p ?o } }", 403),
    ("DESCRIBE ?s WHERE { SERVICE <IRI> { ?s ?p ?o } }", 403),
]


@pytest.mark.parametrize("query, status", SPELLINGS)
def test_serve_service_in_any_spelling_is_refused_and_calls_nobody(endpoint, listener, query, status):
    query = query.replace("IRI", listener.iri)
    got, _, body = get(endpoint + "/sparql", data=query.encode(), headers={"Content-Type": "application/sparql-query"})
    assert not listener.heard()
    assert got == status, body
    if status == 403:
        assert body == "federated queries (SERVICE) are refused: this endpoint makes no requests to other hosts\n"


WRAPS = ["{ %s }", "OPTIONAL { %s }", "{ ?a ?b ?c } UNION { %s }", "FILTER EXISTS { %s }", "FILTER NOT EXISTS { %s }",
         "MINUS { %s }", "{ SELECT * WHERE { %s } }", "GRAPH ?g { %s }", "?a ?b ?c . %s", "%s ?a ?b ?c ."]
FORMS = ["SELECT * WHERE { %s }", "ASK { %s }", "CONSTRUCT { ?s ?p ?o } WHERE { %s }", "DESCRIBE ?s WHERE { %s }",
         "SELECT (COUNT(*) AS ?n) WHERE { %s } GROUP BY ?s"]


@st.composite
def service_queries(draw, iri):
    space = draw(st.sampled_from([" ", "\n", "\t", " # SERVICE? #\n", "\n#}\n"]))
    keyword = draw(st.sampled_from(["SERVICE", "service", "Service", "\\u0053ERVICE", "SERVIC\\u0045"]))
    silent = draw(st.sampled_from(["", "SILENT" + space]))
    base, prefix, target = draw(st.sampled_from([
        ("", "", f"<{iri}>"), (f"BASE <{iri}/>\n", "", "<x>"), ("", f"PREFIX h: <{iri}/>\n", "h:x"),
        ("", f"PREFIX : <{iri}/>\n", ":"), ("", "", "<" + iri.replace("1", "\\u0031") + ">")]))
    pattern = f"{keyword}{space}{silent}{target}{space}{{ ?s ?p ?o }}"
    for wrap in draw(st.lists(st.sampled_from(WRAPS), max_size=4)):
        pattern = wrap % pattern
    return base + prefix + draw(st.sampled_from(FORMS)) % pattern


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_serve_generated_service_queries_are_refused_and_call_nobody(endpoint, listener, data):
    query = data.draw(service_queries(listener.iri))
    status, _, body = get(endpoint + "/sparql", data=query.encode(), headers={"Content-Type": "application/sparql-query"})
    assert not listener.heard()
    assert status == 403 or (status == 400 and "#" in query and body.startswith("SPARQL syntax error")), (query, body)


def test_serve_query_processes_have_no_network(served):
    """The second line of defence: each worker runs under a seccomp filter (see graph.sandbox)."""
    pids = served.workers()
    assert len(pids) == 2
    for pid in pids:
        with open(f"/proc/{pid}/status") as fh:
            assert re.search(r"^Seccomp:\s+2$", fh.read(), re.M), pid
    assert "warning: query processes keep network access" not in "".join(served.log)


# --- workers that die, and deep nesting ---------------------------------------------------------

def test_serve_refuses_deep_nesting_before_the_engine_and_keeps_serving(served):
    deep = "SELECT * WHERE " + "{" * 3000 + "?s ?p ?o" + "}" * 3000
    before = served.workers()
    status, _, body = get(served.url + "/sparql", data=deep.encode(), headers={"Content-Type": "application/sparql-query"})
    assert (status, body) == (400, "query nested too deeply: refused before it is run\n")
    assert served.workers() == before
    assert get(sparql_url(served.url, "ASK {}"))[::2] == (200, '{"head":{},"boolean":true}')


def _dead(pid) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] in "ZX"
    except FileNotFoundError:
        return True


def test_serve_replaces_workers_killed_while_idle(served):
    pids = served.workers()
    for pid in pids:
        os.kill(pid, signal.SIGKILL)
    while not all(_dead(pid) for pid in pids):
        time.sleep(0.01)
    for _ in range(3):
        assert get(sparql_url(served.url, "ASK {}"))[::2] == (200, '{"head":{},"boolean":true}')
    assert len(served.workers()) == 2


def _cpu_ticks(pid) -> int:
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def _busy(pids):
    """The first of `pids` that is answering a query: the one using the CPU (an idle worker waits
    on its pipe and uses none; its state alone can read "running" for a moment on a busy machine)."""
    start = {pid: _cpu_ticks(pid) for pid in pids}
    for _ in range(2000):
        for pid in pids:
            if _cpu_ticks(pid) - start[pid] >= 3:
                return pid
        time.sleep(0.005)
    raise AssertionError("no worker started the query")


def test_serve_a_worker_dying_mid_query_answers_500_and_is_replaced(served):
    answer = []
    thread = threading.Thread(target=lambda: answer.append(get(sparql_url(served.url, SLOW))))
    thread.start()
    os.kill(_busy(served.workers()), signal.SIGKILL)
    thread.join()
    assert answer[0][::2] == (500, "the query process died while answering (killed, or a query it could not handle); "
                                   "it has been replaced\n")
    assert len(served.workers()) == 2
    assert get(sparql_url(served.url, "ASK {}"))[::2] == (200, '{"head":{},"boolean":true}')


# --- request bodies: refused without reading past the limit -------------------------------------

def raw(port, head: bytes, body: bytes = b"") -> tuple[str, str]:
    """(status line, body) of one raw request, with `body` sent and the sending side left open
    (so a server that waits for more would hang)."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as sock:
        sock.sendall(head + b"\r\n" + body)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head_text, _, payload = data.partition(b"\r\n\r\n")
    return head_text.decode().split("\r\n")[0], payload.decode()


POST_HEAD = b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"


@pytest.mark.parametrize("headers, body, status, message", [
    (b"Content-Length: -1\r\n", b"x" * 10_000, "400 Bad Request", "bad Content-Length: '-1'\n"),
    (b"Content-Length: abc\r\n", b"ASK {}", "400 Bad Request", "bad Content-Length: 'abc'\n"),
    (b"Content-Length: 6\r\nContent-Length: 7\r\n", b"ASK {} ", "400 Bad Request", "bad Content-Length: '6, 7'\n"),
    (b"Transfer-Encoding: chunked\r\n", b"6\r\nASK {}\r\n0\r\n\r\n", "411 Length Required",
     "send the body with a Content-Length (chunked bodies are not read)\n"),
    (b"", b"ASK {}", "411 Length Required", "a POST needs a Content-Length\n"),
    (b"Content-Length: 300000000\r\n", b"x" * 10_000, "413 Request Entity Too Large", "request body over 1048576 bytes\n"),
])
def test_serve_refuses_bad_or_large_bodies_without_reading_them(served, headers, body, status, message):
    assert raw(served.port, POST_HEAD + headers, body) == ("HTTP/1.0 " + status, message)


def test_serve_reads_a_body_of_the_stated_length(served):
    assert raw(served.port, POST_HEAD + b"Content-Length: 6\r\n", b"ASK {}") == ("HTTP/1.0 200 OK", '{"head":{},"boolean":true}')


def test_serve_logs_no_traceback_for_bad_requests(served):
    raw(served.port, POST_HEAD + b"Content-Length: abc\r\n", b"ASK {}")
    get(sparql_url(served.url, "ASK {}"))  # the log is written before this answer
    assert "Traceback" not in "".join(served.log)


# --- CORS: off unless an origin is named ----------------------------------------------------------

def test_serve_sends_no_cors_headers_by_default(served):
    status, headers, _ = head(sparql_url(served.url, "ASK {}"), headers={"Origin": "https://evil.example"})
    assert status == 200 and headers.get("Access-Control-Allow-Origin") is None
    status, headers, _ = head(served.url + "/sparql", "OPTIONS", {"Origin": "https://evil.example"})
    assert (status, headers.get("Access-Control-Allow-Origin"), headers.get("Allow")) == (
        204, None, "GET, HEAD, POST, OPTIONS")


def test_serve_cors_allows_the_one_origin_named(lone):
    status, headers, _ = head(sparql_url(lone.url, "ASK {}"), headers={"Origin": "https://app.example"})
    assert (status, headers.get_all("Access-Control-Allow-Origin")) == (200, ["https://app.example"])
    status, headers, _ = head(lone.url + "/sparql", "OPTIONS", {"Origin": "https://app.example"})
    assert (status, headers.get("Access-Control-Allow-Origin"), headers.get("Access-Control-Allow-Methods")) == (
        204, "https://app.example", "GET, POST, OPTIONS")


# --- HEAD, and a port in use ---------------------------------------------------------------------

def test_serve_answers_head_without_a_body(served):
    status, headers, body = head(served.url + "/", "HEAD")
    page = get(served.url + "/")[2].encode()
    assert (status, headers["Content-Type"], int(headers["Content-Length"]), body) == (
        200, "text/html; charset=utf-8", len(page), b"")


def test_serve_a_port_in_use_is_one_line_and_exit_1(graph_folder):
    from click.testing import CliRunner

    from graph.cli import main

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--graph", str(graph_folder / "graph.ttl"), "--port", str(port)])
    assert (result.exit_code, result.output) == (1, f"Error: cannot listen on 127.0.0.1:{port}: Address already in "
                                                    "use (another server is running there: stop it or pick another --port)\n")


# --- the time limit counts the wait; a query whose caller has gone is stopped ---------------------

def test_serve_time_in_the_queue_counts_toward_the_limit(graph_folder):
    from graph.store import on_disk

    workers = Workers(str(on_disk(graph_folder / "graph.ttl")), 1, 0.5)
    try:
        only = workers.idle.get()  # every process busy
        assert workers.run("ASK {}", "") == (
            503, "text/plain; charset=utf-8", b"server busy: no query process came free within the time limit of 0.5 s\n")
        workers.idle.put(only)
        assert workers.run("ASK {}", "") == (200, "application/sparql-results+json", b'{"head":{},"boolean":true}')
    finally:
        workers.close()


def test_serve_a_query_whose_caller_has_gone_is_stopped(lone):
    """One worker, a time limit of 60 s: a slow query whose caller hangs up must not keep it."""
    (worker,) = lone.workers()
    caller = socket.create_connection(("127.0.0.1", lone.port))
    caller.sendall(f"GET /sparql?{urllib.parse.urlencode({'query': SLOW})} HTTP/1.0\r\n\r\n".encode())
    _busy([worker])
    caller.close()
    assert get(sparql_url(lone.url, "ASK {}"), timeout=20)[::2] == (200, '{"head":{},"boolean":true}')
    assert lone.workers() != [worker]


def test_serve_the_parser_accepts_every_library_query():
    """The SERVICE check parses with rdflib: it must read the queries papergraph ships."""
    from graph import store
    from graph.serve import check

    for path in sorted(store.queries_dir().glob("*.rq")):
        text = path.read_text()
        check(store.bind(text, {name: "ResNet-50" for name in store.parameters(text)}))  # raises Refused if not


def test_serve_service_detection_refuses_what_it_cannot_parse():
    with pytest.raises(Refused, match="^SPARQL syntax error: "):
        uses_service("SELEKT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }")
