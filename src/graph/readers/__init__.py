"""Readers: one module per input format, each ``read(stream, source) -> Iterator[Paper]``.

``read_paths`` picks the reader by suffix (or by ``fmt``), merges the same paper seen twice,
and raises InputError naming file and line for input it cannot read.
"""
from __future__ import annotations

import importlib
import io
import sys
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from graph.errors import InputError
from graph.model import Paper
from graph.text import key

# format name -> module under graph.readers; suffix -> format name
READERS = {"listing": "listing", "jsonl": "jsonl"}
SUFFIXES = {".txt": "listing", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def reader_for(path: str, fmt: str | None = None):
    name = fmt or SUFFIXES.get(Path(path).suffix.lower())
    if name not in READERS:
        known = ", ".join(sorted(SUFFIXES))
        raise InputError(path, None, f"cannot tell the format from the name; use one of {known} or --format")
    return importlib.import_module(f"graph.readers.{READERS[name]}")


def seed_paths() -> list[Path]:
    """The seed corpus the package ships (the listing pages papergraph was commissioned for)."""
    folder = resources.files("graph") / "data" / "seeds"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".txt"))


def _open(path: str):
    if path == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8")
    try:
        raw = open(path, "rb")
    except OSError as err:
        raise InputError(path, None, f"cannot open: {err.strerror}") from None
    return io.TextIOWrapper(raw, encoding="utf-8")


def read_paths(paths: Iterable[str], fmt: str | None = None) -> Iterator[Paper]:
    """Every paper of every file, in order, each paper once (the first sighting wins)."""
    seen: set[str] = set()
    for path in paths:
        path = str(path)
        module = reader_for(path if path != "-" else "stdin.jsonl", fmt)
        source = "<stdin>" if path == "-" else path
        with _open(path) as stream:
            try:
                for paper in module.read(stream, source):
                    ident = paper_key(paper)
                    if ident not in seen:
                        seen.add(ident)
                        yield paper
            except UnicodeDecodeError as err:
                raise InputError(source, None, f"not UTF-8 text ({err.reason} at byte {err.start})") from None


def paper_key(paper: Paper) -> str:
    """Identity of a paper for de-duplication: its id, else its normalised title."""
    return paper.id or key(paper.title)
