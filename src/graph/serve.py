"""`papergraph serve`: a read-only SPARQL 1.1 Protocol endpoint and the explorer page.

- ``GET /`` the explorer (graph.html beside the graph); ``GET /graph.ttl`` the graph itself.
- ``GET /sparql?query=...``, ``POST /sparql`` with a form field ``query`` or an
  ``application/sparql-query`` body. Results by content negotiation (``Accept``): SPARQL JSON
  (the default), XML, CSV or TSV for SELECT/ASK; Turtle (default) or N-Triples for CONSTRUCT/DESCRIBE.
- Read-only: SPARQL Update is refused (403), and so is any query with a SERVICE clause, so the
  server never makes requests to other hosts for a caller.
- A time limit per query: queries run in worker processes over a read-only on-disk copy of the
  store; a worker that exceeds the limit is killed and replaced, and the caller gets 503.
"""
from __future__ import annotations

import io
import multiprocessing as mp
import queue
import re
import shutil
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from graph.store import fill, graph_format, on_disk

RESULT_TYPES = {  # media type -> results format, for SELECT and ASK
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES = {  # media type -> RDF format, for CONSTRUCT and DESCRIBE
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}

_STRIP = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>\s]*>|#[^\n]*')
_SERVICE = re.compile(r"\bSERVICE\b", re.IGNORECASE)


def uses_service(query: str) -> bool:
    """Whether a query has a SERVICE clause (strings, IRIs and comments aside)."""
    return bool(_SERVICE.search(_STRIP.sub(" ", query)))


def negotiate(accept: str, kinds: dict, default: str) -> str | None:
    """The media type of `kinds` that `accept` prefers (q-values honoured), or None."""
    if not accept.strip():
        return default
    offers = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        offers.append((-q, i, fields[0].lower()))
    for _, _, media in sorted(offers):
        if media in kinds:
            return media
        if media in ("*/*", "application/*", "text/*") and (media == "*/*" or default.startswith(media[:-1])):
            return default
    return None


def _answer(store, query: str, accept: str) -> tuple[int, str, bytes]:
    """Run one query; (HTTP status, content type, body)."""
    try:
        result = store.query(query)
    except SyntaxError as err:
        return 400, "text/plain; charset=utf-8", f"SPARQL syntax error: {err}\n".encode()
    buf = io.BytesIO()
    if isinstance(result, ox.QueryTriples):
        media = negotiate(accept, GRAPH_TYPES, "text/turtle")
        if media is None:
            return 406, "text/plain; charset=utf-8", b"CONSTRUCT results: text/turtle, application/n-triples or application/rdf+xml\n"
        result.serialize(buf, GRAPH_TYPES[media])
    else:
        media = negotiate(accept, RESULT_TYPES, "application/sparql-results+json")
        if media is None:
            return 406, "text/plain; charset=utf-8", b"SELECT/ASK results: application/sparql-results+json, +xml, text/csv or text/tab-separated-values\n"
        result.serialize(buf, RESULT_TYPES[media])
    charset = "; charset=utf-8" if media.startswith("text/") else ""
    return 200, media + charset, buf.getvalue()


def _worker(store_dir: str, conn) -> None:
    store = ox.Store.read_only(store_dir)
    while True:
        try:
            job = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return  # the server has gone
        if job is None:
            return
        try:
            conn.send(_answer(store, *job))
        except Exception as err:  # noqa: BLE001 - a query must never take the worker down silently
            conn.send((500, "text/plain; charset=utf-8", f"query failed: {err}\n".encode()))


class Workers:
    """Query processes over a read-only store; one that runs past the time limit is replaced."""

    def __init__(self, store_dir: str, size: int, timeout: float):
        self.store_dir, self.timeout = store_dir, timeout
        self.ctx = mp.get_context("spawn")
        self.idle: queue.Queue = queue.Queue()
        self.all: list = []
        self.lock = threading.Lock()
        for _ in range(size):
            self.idle.put(self._start())

    def _start(self):
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=_worker, args=(self.store_dir, child), daemon=True)
        proc.start()
        with self.lock:
            self.all.append((proc, parent))
        return proc, parent

    def run(self, query: str, accept: str) -> tuple[int, str, bytes]:
        proc, conn = self.idle.get()
        conn.send((query, accept))
        if conn.poll(self.timeout):
            answer = conn.recv()
            self.idle.put((proc, conn))
            return answer
        proc.kill()
        proc.join()
        with self.lock:
            self.all.remove((proc, conn))
        self.idle.put(self._start())
        return 503, "text/plain; charset=utf-8", f"query exceeded the time limit of {self.timeout:g} s\n".encode()

    def close(self):
        with self.lock:
            for proc, conn in self.all:
                proc.kill()
                proc.join()
            self.all.clear()


class Handler(BaseHTTPRequestHandler):
    server_version = "papergraph"
    app: App  # set on the subclass made for each server

    def log_message(self, fmt, *args):  # quiet unless asked
        if self.app.verbose:
            super().log_message(fmt, *args)

    def _send(self, status: int, ctype: str, body: bytes, head_only: bool = False):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Vary", "Accept")
        self.end_headers()
        if not head_only:
            self.wfile.write(body)

    def _text(self, status: int, message: str):
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode())

    def do_OPTIONS(self):
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.end_headers()

    def do_GET(self):
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html", "/graph.html"):
            if self.app.html is None:
                return self._text(404, "no graph.html beside the graph; run 'papergraph build'")
            return self._send(200, "text/html; charset=utf-8", self.app.html)
        if url.path == "/graph.ttl":
            return self._send(200, "text/turtle; charset=utf-8", self.app.graph_path.read_bytes())
        if url.path == "/sparql":
            return self._sparql(parse_qs(url.query))
        return self._text(404, f"{url.path}: not here; the endpoint is /sparql and the explorer is /")

    def do_POST(self):
        url = urlsplit(self.path)
        if url.path != "/sparql":
            return self._text(404, f"{url.path}: not here; the endpoint is /sparql")
        length = int(self.headers.get("Content-Length") or 0)
        if length > self.app.max_body:
            return self._text(413, f"request body over {self.app.max_body} bytes")
        body = self.rfile.read(length).decode("utf-8", "replace")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(url.query)
        if ctype == "application/sparql-update":
            return self._text(403, "this endpoint is read-only: SPARQL Update is refused")
        if ctype == "application/sparql-query":
            params["query"] = [body]
        elif ctype in ("application/x-www-form-urlencoded", ""):
            params.update(parse_qs(body))
        else:
            return self._text(415, f"{ctype}: send application/sparql-query or a form with 'query'")
        return self._sparql(params)

    def _sparql(self, params: dict):
        if "update" in params:
            return self._text(403, "this endpoint is read-only: SPARQL Update is refused")
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            return self._text(400, "give exactly one 'query' parameter")
        query = queries[0]
        if uses_service(query):
            return self._text(403, "federated queries (SERVICE) are refused: this endpoint makes no requests to other hosts")
        status, ctype, body = self.app.workers.run(query, self.headers.get("Accept") or "")
        return self._send(status, ctype, body)


class App:
    """The loaded graph, its workers and the explorer page, behind one HTTP server."""

    def __init__(self, graph_path: Path, timeout: float = 10.0, workers: int = 2, verbose: bool = False):
        graph_path = Path(graph_path)
        fmt = graph_format(graph_path)
        self.graph_path, self.verbose, self.max_body = graph_path, verbose, 1 << 20
        html = graph_path.with_name("graph.html")
        self.html = html.read_bytes() if html.exists() else None
        try:
            self.dir, self.owned = str(on_disk(graph_path)), False  # kept beside the graph for the next start
        except OSError:
            self.dir, self.owned = tempfile.mkdtemp(prefix="papergraph-store-"), True
        try:
            if self.owned:
                fill(self.dir, graph_path, fmt)
            self.triples = len(ox.Store.read_only(self.dir))
            self.workers = Workers(self.dir, workers, timeout)
        except BaseException:
            if self.owned:
                shutil.rmtree(self.dir, ignore_errors=True)
            raise

    def server(self, host: str = "127.0.0.1", port: int = 7878) -> ThreadingHTTPServer:
        handler = type("BoundHandler", (Handler,), {"app": self})
        server = ThreadingHTTPServer((host, port), handler)
        server.daemon_threads = True
        return server

    def close(self):
        self.workers.close()
        if self.owned:
            shutil.rmtree(self.dir, ignore_errors=True)
