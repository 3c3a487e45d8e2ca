"""Where extraction runs: in this process, in a pool of local processes, or on a Dask cluster.

Extraction is a pure function of one paper, so every engine does the same thing: send chunks of
papers (as plain tuples) out, get each chunk's records back as JSON lines (plain strings, cheap to
send between processes), in input order. At most a few chunks per worker are in flight, so the
input is read only as fast as it is extracted and memory stays bounded however long it is."""
from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

from graph.model import Paper, to_json, to_record

CHUNK = 64
_local = threading.local()


def extract_chunk(rows: list[tuple]) -> list[str]:
    """Papers (as tuples of Paper's fields, then the paper's digest) -> their extraction records
    as JSON lines. Each process (and each thread) builds its extractor once and keeps it, as
    long as the claim model in use ($PAPERGRAPH_CLAIM_MODEL) is the same."""
    from graph.extract.decide import source

    extractor = getattr(_local, "extractor", None)
    if extractor is None or _local.source != source():
        from graph.extract import Extractor

        extractor = _local.extractor = Extractor()
        _local.source = source()
    papers = [Paper(*row[:-1]) for row in rows]
    return [to_json(to_record(r, row[-1])) + "\n"
            for r, row in zip(extractor.extract_all(papers), rows)]


def _chunks(papers: Iterable[tuple[Paper, str]], size: int) -> Iterator[list[tuple]]:
    it = iter(papers)
    # Paper's fields in order, spelled out (dataclasses.astuple deep-copies each field: 27 µs a
    # paper), and the digest the reader already worked out
    while chunk := [(p.title, p.abstract, p.id, p.url, p.year, p.source, d) for p, d in islice(it, size)]:
        yield chunk


def _ignore_sigint():
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle


def run_local(papers: Iterable[tuple[Paper, str]], jobs: int = 1, chunk: int | None = None) -> Iterator[list[str]]:
    """Records of `papers` ((paper, digest) pairs), chunk by chunk, in order; `jobs` > 1 uses that
    many processes."""
    chunk = chunk or CHUNK
    if jobs <= 1:
        for rows in _chunks(papers, chunk):
            yield extract_chunk(rows)
        return
    import multiprocessing

    ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    pool = ctx.Pool(jobs, initializer=_ignore_sigint)
    try:
        yield from _bounded(lambda rows: pool.apply_async(extract_chunk, (rows,)), lambda f: f.get(),
                            _chunks(papers, chunk), 2 * jobs)
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def run_dask(papers: Iterable[tuple[Paper, str]], scheduler: str | None = None, chunk: int | None = None,
             client=None) -> Iterator[list[str]]:
    """Records of `papers` computed on a Dask cluster: the one at `scheduler` (an address such as
    tcp://10.0.0.5:8786), else a LocalCluster on this machine."""
    try:
        from distributed import Client
    except ImportError:
        from graph.errors import PapergraphError

        raise PapergraphError("--engine dask needs Dask: pip install 'papergraph[dask]'") from None
    own = client is None
    if own:
        client = Client(scheduler) if scheduler else Client(processes=True, dashboard_address=None)
    try:
        chunk = chunk or CHUNK
        workers = max(1, sum(client.nthreads().values()))
        yield from _bounded(lambda rows: client.submit(extract_chunk, rows, pure=False), lambda f: f.result(),
                            _chunks(papers, chunk), 2 * workers)
    finally:
        if own:
            client.close()


def _bounded(submit, result, chunks: Iterator[list[tuple]], window: int) -> Iterator[list[str]]:
    """Submit chunks keeping at most `window` in flight; yield results in submission order."""
    pending: deque = deque()
    for rows in chunks:
        pending.append(submit(rows))
        if len(pending) >= window:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())
