"""`papergraph serve`: a read-only SPARQL 1.1 Protocol endpoint and the explorer page.

- ``GET /`` the explorer (graph.html beside the graph); ``GET /graph.ttl`` the graph itself.
- ``GET /sparql?query=...``, ``POST /sparql`` with a form field ``query`` or an
  ``application/sparql-query`` body. Results by content negotiation (``Accept``): SPARQL JSON
  (the default), XML, CSV or TSV for SELECT/ASK; Turtle (default) or N-Triples for CONSTRUCT/DESCRIBE.
- Read-only: SPARQL Update is refused (403), and so is any query with a SERVICE clause, so the
  server never makes requests to other hosts for a caller. SERVICE is found on the query's parse
  tree (rdflib's SPARQL parser; a query it cannot parse is refused, 400), not in its text; and the
  query processes have no network (`graph.sandbox`), should a SERVICE ever get past the parser.
- A time limit per query, counted from its arrival: queries run in worker processes over a
  read-only on-disk copy of the store; a worker that exceeds the limit, whose caller has gone, or
  that dies, is killed and replaced. The caller gets 503 (time limit) or 500 (died).
- Request bodies: a Content-Length is required and bodies over 1 MiB are refused unread (413).
- No CORS by default: web pages of other origins cannot read the answers unless `cors` names
  their origin.
"""
from __future__ import annotations

import errno
import io
import multiprocessing as mp
import queue
import re
import select
import shutil
import socket
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing import connection as mp_connection
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from graph.errors import ServeError
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

class Refused(Exception):
    """A query the endpoint will not run: HTTP status and message."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def parse(query: str):
    """The parse tree of a SPARQL query (rdflib's parser, a full SPARQL 1.1 grammar), or Refused
    (400) when it cannot be parsed or is nested too deeply to parse."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        return parseQuery(query)
    except RecursionError:
        raise Refused(400, "query nested too deeply: refused before it is run") from None
    except ParseBaseException as err:
        raise Refused(400, f"SPARQL syntax error: {err}") from None
    except Exception as err:  # noqa: BLE001 - rdflib raises what it likes on odd input; refuse it
        raise Refused(400, f"SPARQL syntax error: {err}") from None


def _has_service(tree) -> bool:
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                return True
            stack.extend(dict.values(node))
        elif isinstance(node, (ParseResults, list, tuple)):
            stack.extend(node)
    return False


def uses_service(query: str) -> bool:
    """Whether a query has a SERVICE clause anywhere (subqueries, EXISTS, OPTIONAL, UNION...),
    decided on its parse tree, not its text; Refused if it cannot be parsed."""
    return _has_service(parse(query))


def check(query: str) -> None:
    """Refused unless `query` is one the endpoint runs: parseable, and with no SERVICE clause (so
    the engine never calls another host for a caller)."""
    if uses_service(query):
        raise Refused(403, "federated queries (SERVICE) are refused: this endpoint makes no requests to other hosts")


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


TEXT = "text/plain; charset=utf-8"


def _answer(store, query: str, accept: str) -> tuple[int, str, bytes]:
    """Run one query; (HTTP status, content type, body)."""
    try:
        check(query)
        result = store.query(query)
    except Refused as err:
        return err.status, TEXT, f"{err}\n".encode()
    except SyntaxError as err:
        return 400, TEXT, f"SPARQL syntax error: {err}\n".encode()
    buf = io.BytesIO()
    if isinstance(result, ox.QueryTriples):
        media = negotiate(accept, GRAPH_TYPES, "text/turtle")
        if media is None:
            return 406, TEXT, b"CONSTRUCT results: text/turtle, application/n-triples or application/rdf+xml\n"
        result.serialize(buf, GRAPH_TYPES[media])
    else:
        media = negotiate(accept, RESULT_TYPES, "application/sparql-results+json")
        if media is None:
            return 406, TEXT, b"SELECT/ASK results: application/sparql-results+json, +xml, text/csv or text/tab-separated-values\n"
        result.serialize(buf, RESULT_TYPES[media])
    charset = "; charset=utf-8" if media.startswith("text/") else ""
    return 200, media + charset, buf.getvalue()


def _worker(store_dir: str, conn) -> None:
    """A query process: takes the network away from itself (see `graph.sandbox`), says whether
    that worked, then answers (query, accept) jobs until the server goes."""
    from graph.sandbox import no_network

    unguarded = ""
    try:
        no_network()
    except OSError as err:
        unguarded = str(err)
    import rdflib.plugins.sparql.parser  # noqa: F401 - imported now, not on the first query

    store = ox.Store.read_only(store_dir)
    conn.send(unguarded)
    while True:
        try:
            job = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return  # the server has gone
        if job is None:
            return
        if job == PING:
            conn.send(PING)
            continue
        try:
            conn.send(_answer(store, *job))
        except Exception as err:  # noqa: BLE001 - a query must never take the worker down silently
            conn.send((500, TEXT, f"query failed: {err}\n".encode()))


PING = "ping"  # what the server asks an idle query process before giving it a query, and its answer


class Workers:
    """Query processes over a read-only store. A query's time limit counts from its arrival, its
    wait for a free process included; a process that runs past it, whose caller has gone, or that
    dies, is replaced, so the pool always keeps its size."""

    STARTUP = 60.0  # seconds a new process may take to open the store and say hello

    def __init__(self, store_dir: str, size: int, timeout: float):
        self.store_dir, self.timeout = store_dir, timeout
        self.ctx = mp.get_context("spawn")
        self.idle: queue.Queue = queue.Queue()
        self.all: list = []
        self.lock = threading.Lock()
        self.unguarded = ""  # why a process could not be cut off from the network, if it could not
        self.closed = False
        started = [self._spawn() for _ in range(size)]
        for worker in started:
            self._ready(worker)
        if self.idle.empty():
            raise ServeError(f"{store_dir}: the query processes could not open the store")

    def _spawn(self):
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=_worker, args=(self.store_dir, child), daemon=True)
        proc.start()
        child.close()
        with self.lock:
            self.all.append((proc, parent))
        return proc, parent

    def _ready(self, worker) -> None:
        """Wait for a new process's hello and put it in the pool (or drop it if it died starting)."""
        proc, conn = worker
        try:
            if not conn.poll(self.STARTUP):
                raise EOFError
            self.unguarded = conn.recv() or self.unguarded
        except (EOFError, OSError):
            self._drop(worker)
            return
        self.idle.put(worker)

    def _drop(self, worker) -> None:
        proc, conn = worker
        proc.kill()
        proc.join()
        conn.close()
        with self.lock:
            if worker in self.all:
                self.all.remove(worker)

    def _replace(self, worker) -> None:
        self._drop(worker)
        if not self.closed:
            self._ready(self._spawn())

    def _take(self, deadline: float, gone):
        """A live idle process, or None when the deadline passes or the caller goes first."""
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or gone():
                return None
            try:
                worker = self.idle.get(timeout=min(left, 0.25))
            except queue.Empty:
                continue
            if worker[0].is_alive() and self._answers(worker):
                return worker
            self._replace(worker)  # died while idle (killed from outside)

    PING_WAIT = 5.0  # seconds an idle process may take to answer a ping

    def _answers(self, worker) -> bool:
        """Whether an idle process answers a ping. Asked before each query: a process killed while
        idle was seen to pass is_alive() and a poll of its pipe (its end of the pipe still open
        somewhere) and then take the caller's query down with it."""
        proc, conn = worker
        try:
            conn.send(PING)
            return conn.poll(self.PING_WAIT) and conn.recv() == PING
        except (EOFError, OSError):
            return False

    def run(self, query: str, accept: str, gone=lambda: False, caller=None) -> tuple[int, str, bytes] | None:
        """Answer a query: (status, content type, body), or None if the caller went away first.
        `gone()` says whether the caller has gone; `caller` (a socket) wakes the wait when it closes."""
        deadline = time.monotonic() + self.timeout
        limit = f"{self.timeout:g} s"
        worker = self._take(deadline, gone)
        if worker is None:
            if gone():
                return None
            return 503, TEXT, f"server busy: no query process came free within the time limit of {limit}\n".encode()
        proc, conn = worker
        watched = [conn, proc.sentinel] + ([caller] if caller is not None else [])
        try:
            conn.send((query, accept))
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    self._replace(worker)
                    return 503, TEXT, f"query exceeded the time limit of {limit}\n".encode()
                ready = mp_connection.wait(watched, left)
                if conn in ready or proc.sentinel in ready:
                    answer = conn.recv()  # EOFError if the process died
                    self.idle.put(worker)
                    return answer
                if caller is not None and caller in ready:
                    if gone():
                        self._replace(worker)  # nobody is waiting for the answer: stop working on it
                        return None
                    watched.remove(caller)  # more data from the caller (pipelined): stop watching
        except (EOFError, OSError):
            self._replace(worker)
            return 500, TEXT, b"the query process died while answering (killed, or a query it could not handle); it has been replaced\n"

    def close(self):
        self.closed = True
        with self.lock:
            workers = list(self.all)
        for worker in workers:
            self._drop(worker)


class Handler(BaseHTTPRequestHandler):
    server_version = "papergraph"
    timeout = 60  # seconds a client may take to send its request
    app: App  # set on the subclass made for each server

    def log_message(self, fmt, *args):  # quiet unless asked
        if self.app.verbose:
            super().log_message(fmt, *args)

    def _cors(self):
        if self.app.cors:
            self.send_header("Access-Control-Allow-Origin", self.app.cors)
            self.send_header("Vary", "Origin")

    def _send(self, status: int, ctype: str, body: bytes, head_only: bool = False):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self._cors()
        self.send_header("Vary", "Accept")
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if not head_only:
            try:
                self.wfile.write(body)
            except OSError:  # the caller has gone
                self.close_connection = True

    def _text(self, status: int, message: str, head_only: bool = False):
        self._send(status, TEXT, (message + "\n").encode(), head_only)

    def _gone(self) -> bool:
        """Whether the caller has closed its connection (readable, and nothing left to read)."""
        try:
            readable, _, _ = select.select([self.connection], [], [], 0)
            return bool(readable) and self.connection.recv(1, socket.MSG_PEEK) == b""
        except OSError:
            return True

    def do_OPTIONS(self):
        self.send_response(204)
        self.send_header("Allow", "GET, HEAD, POST, OPTIONS")
        if self.app.cors:
            self._cors()
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.end_headers()

    def do_HEAD(self):
        self.do_GET(head_only=True)

    def do_GET(self, head_only: bool = False):
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html", "/graph.html"):
            if self.app.html is None:
                return self._text(404, "no graph.html beside the graph; run 'papergraph build'", head_only)
            return self._send(200, "text/html; charset=utf-8", self.app.html, head_only)
        if url.path == "/graph.ttl":
            return self._send(200, "text/turtle; charset=utf-8", self.app.graph_path.read_bytes(), head_only)
        if url.path == "/sparql":
            return self._sparql(parse_qs(url.query), head_only)
        return self._text(404, f"{url.path}: not here; the endpoint is /sparql and the explorer is /", head_only)

    def _refuse(self, status: int, message: str) -> None:
        """Answer and end the connection without reading the body: what the caller sends next
        cannot be told from a request. The answer is flushed and the sending side shut first,
        so the caller reads it before the unread body makes the close a reset."""
        self.close_connection = True
        self._text(status, message)
        try:
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_WR)
        except OSError:
            pass

    def _body(self) -> bytes | None:
        """The request body, read only up to the limit; None after refusing it (400, 411, 413)."""
        if self.headers.get("Transfer-Encoding"):
            self._refuse(411, "send the body with a Content-Length (chunked bodies are not read)")
            return None
        lengths = self.headers.get_all("Content-Length") or []
        if not lengths:
            self._refuse(411, "a POST needs a Content-Length")
            return None
        if len(set(lengths)) != 1 or not re.fullmatch(r"[0-9]{1,19}", lengths[0].strip()):
            self._refuse(400, f"bad Content-Length: {', '.join(lengths)[:40]!r}")
            return None
        length = int(lengths[0])
        if length > self.app.max_body:
            self._refuse(413, f"request body over {self.app.max_body} bytes")
            return None
        try:
            body = self.rfile.read(length)
        except OSError:  # the caller stopped sending (socket timeout) or went away
            body = b""
        if len(body) != length:
            self.close_connection = True
            return None
        return body

    def do_POST(self):
        url = urlsplit(self.path)
        if url.path != "/sparql":
            self.close_connection = True  # its body is not read
            return self._text(404, f"{url.path}: not here; the endpoint is /sparql")
        raw = self._body()
        if raw is None:
            return
        body = raw.decode("utf-8", "replace")
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

    def _sparql(self, params: dict, head_only: bool = False):
        if "update" in params:
            return self._text(403, "this endpoint is read-only: SPARQL Update is refused", head_only)
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            return self._text(400, "give exactly one 'query' parameter", head_only)
        answer = self.app.workers.run(queries[0], self.headers.get("Accept") or "", self._gone, self.connection)
        if answer is None:  # the caller has gone: nobody to answer
            self.close_connection = True
            return None
        return self._send(*answer, head_only=head_only)


class App:
    """The loaded graph, its workers and the explorer page, behind one HTTP server. `cors` is the
    one web origin whose pages may read the answers (none by default)."""

    def __init__(self, graph_path: Path, timeout: float = 10.0, workers: int = 2, verbose: bool = False,
                 cors: str | None = None):
        graph_path = Path(graph_path)
        fmt = graph_format(graph_path)
        self.graph_path, self.verbose, self.max_body, self.cors = graph_path, verbose, 1 << 20, cors
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
        """The HTTP server, listening; ServeError (one line) if the address cannot be had."""
        handler = type("BoundHandler", (Handler,), {"app": self})
        try:
            server = ThreadingHTTPServer((host, port), handler)
        except OSError as err:
            hint = " (another server is running there: stop it or pick another --port)" if err.errno == errno.EADDRINUSE else ""
            raise ServeError(f"cannot listen on {host}:{port}: {err.strerror or err}{hint}") from None
        server.daemon_threads = True
        return server

    def close(self):
        self.workers.close()
        if self.owned:
            shutil.rmtree(self.dir, ignore_errors=True)
