"""Readers: one module per input format, each ``read(source: Input, options) -> Iterator[Paper |
InputError]``. A reader yields an InputError (naming file and line) for a record it cannot use and
goes on with the next; ``read_paths`` hands those to ``on_problem`` (by default it raises them).

``read_paths`` opens files (``-`` is stdin; gzip is unpacked whatever the name), picks the reader
by suffix, by ``fmt``, or by sniffing the first bytes, checks every paper (a title, an abstract, a
sane length), and merges the same paper seen twice (the first sighting wins)."""
from __future__ import annotations

import gzip
import importlib
import io
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from pathlib import Path

from graph.errors import InputError
from graph.model import Paper
from graph.text import key

# format name -> module under graph.readers; suffix -> format name
READERS = {"listing": "listing", "text": "text", "jsonl": "jsonl", "json": "works", "csv": "table",
           "tsv": "table", "atom": "atom", "bibtex": "bibtex"}
SUFFIXES = {".txt": None, ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".tsv": "tsv",
            ".tab": "tsv", ".xml": "atom", ".atom": "atom", ".bib": "bibtex", ".bibtex": "bibtex"}
FORMATS = sorted(READERS)
MAX_ABSTRACT = 20_000  # characters; real abstracts stay under ~3,000, a longer text is cut at a sentence end


class Input:
    """An opened input: its name, the raw (unpacked) bytes, and its lines decoded one at a time, so
    a stray non-UTF-8 byte costs one warning, not the file."""

    def __init__(self, name: str, raw, on_problem: Callable[[InputError], None]):
        self.name, self.raw, self.on_problem = name, raw, on_problem
        self.line = 0

    def lines(self) -> Iterator[str]:
        for n, data in enumerate(self.raw, 1):
            self.line = n
            try:
                yield data.decode("utf-8")
            except UnicodeDecodeError as err:
                self.on_problem(InputError(self.name, self.line, f"not UTF-8 ({err.reason} at byte {err.start}); "
                                           "the bad bytes were replaced by U+FFFD"))
                yield data.decode("utf-8", errors="replace")

    def text(self) -> str:
        return "".join(self.lines())

    def close(self):
        self.raw.close()


def seed_paths() -> list[Path]:
    """The seed corpus the package ships (the listing pages papergraph was commissioned for)."""
    folder = resources.files("graph") / "data" / "seeds"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".txt"))


def open_input(path: str, on_problem: Callable[[InputError], None]) -> Input:
    if path == "-":
        raw, name = sys.stdin.buffer, "<stdin>"
    else:
        name = path
        try:
            raw = open(path, "rb")
        except OSError as err:
            raise InputError(path, None, f"cannot open: {err.strerror}") from None
    raw = io.BufferedReader(raw) if not hasattr(raw, "peek") else raw
    if raw.peek(2)[:2] == b"\x1f\x8b":
        raw = io.BufferedReader(gzip.GzipFile(fileobj=raw))
    return Input(name, raw, on_problem)


def format_of(path: str, head: bytes, fmt: str | None = None) -> str:
    """The reader for a file: `fmt` if given, else by suffix (ignoring .gz), else by its first bytes."""
    if fmt:
        if fmt not in READERS:
            raise InputError(path, None, f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")
        return fmt
    name = Path(path[:-3] if path.endswith(".gz") else path)
    suffix = name.suffix.lower()
    if suffix in SUFFIXES and SUFFIXES[suffix]:
        return SUFFIXES[suffix]
    if suffix not in SUFFIXES and path != "-":
        raise InputError(path, None, f"cannot tell the format from the name; use a known suffix "
                         f"({', '.join(s for s in SUFFIXES)}) or --format")
    return sniff(head)


def not_text(head: bytes) -> str | None:
    """Why the first bytes of a file show it is not text (a NUL byte, or more than 10% bytes
    that are neither UTF-8 nor printable: an image, an archive, a PDF, random data), or None."""
    if not head:
        return None
    nul = head.find(b"\x00")
    if nul >= 0:
        return f"not text: a NUL byte at offset {nul} (binary data, or UTF-16; papergraph reads UTF-8)"
    chars = head.decode("utf-8", errors="replace")
    odd = sum(1 for c in chars if c == "\ufffd" or (c < " " and c not in "\t\n\r\f"))
    if odd > len(chars) // 10:
        return f"not text: {odd} of the first {len(chars)} characters are not UTF-8 or printable (binary data?)"
    return None


def sniff(head: bytes) -> str:
    """Guess a format from a file's first bytes."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"{"):
        return "jsonl"
    if text.startswith(b"["):
        return "json"
    if text.startswith(b"<"):
        return "atom"
    if text.startswith((b"@", b"%")):
        return "bibtex"
    from graph.readers.text import looks_like_listing

    return "listing" if looks_like_listing(head.decode("utf-8", errors="replace")) else "text"


def read_paths(paths: Iterable[str], fmt: str | None = None, on_problem: Callable[[InputError], None] | None = None,
               options: dict | None = None, unique: bool = True) -> Iterator[Paper]:
    """Every good paper of every file, in order, each paper once (the first sighting wins). Not
    `unique`: repeats too, for a caller that remembers what was read elsewhere than in memory.

    A file that cannot be opened, is not text, or whose format is unknown raises InputError at once; a bad
    record, a bad byte or a truncated file goes to `on_problem` (which raises by default)."""
    on_problem = on_problem or _raise
    seen = Seen() if unique else None
    try:
        yield from _read_all(paths, fmt, on_problem, options, seen)
    finally:
        if seen is not None:
            seen.close()


def _read_all(paths, fmt, on_problem, options, seen: Seen | None) -> Iterator[Paper]:
    for path in paths:
        path = str(path)
        source = open_input(path, on_problem)
        try:
            head = source.raw.peek(65536)
            refused = not_text(head[:65536])
            if refused:
                raise InputError(source.name, None, refused)
            name = format_of(path, head, fmt)
            module = importlib.import_module(f"graph.readers.{READERS[name]}")
            opts = dict(options or {}, format=name)
            for item in module.read(source, opts):
                if isinstance(item, InputError):
                    on_problem(item)
                    continue
                paper = _checked(item, on_problem)
                if paper is None:
                    continue
                if seen is not None:
                    digest = hash((paper.title, paper.abstract, paper.url, paper.year))
                    first = seen.add(paper_key(paper), digest, paper.source)
                    if first is not None:
                        if first[0] != digest:
                            on_problem(read_before(paper, first[1]))
                        continue
                yield paper
        except (OSError, EOFError, zlib.error) as err:  # a truncated gzip, a read error half-way
            on_problem(InputError(source.name, source.line or None, f"cannot read further: {err}"))
        finally:
            source.close()


class Seen:
    """The papers read so far, by key: the hash of each one's text and where it was first read. Up
    to IN_MEMORY papers are held in a dict (~300 bytes each); beyond, they go to a private
    temporary SQLite file that is deleted when closed, so reading a million papers stays bounded."""

    IN_MEMORY = 100_000

    def __init__(self):
        self._recent: dict[str, tuple[int, str]] = {}
        self._db = None

    def add(self, ident: str, digest: int, source: str) -> tuple[int, str] | None:
        """None if `ident` is new (it is remembered with `digest` and `source`); else the digest and
        source it was first read with."""
        first = self._recent.get(ident)
        if first is None and self._db is not None:
            first = self._db.execute("SELECT digest, source FROM seen WHERE key = ?", (ident,)).fetchone()
        if first is not None:
            return first
        self._recent[ident] = (digest, source)
        if len(self._recent) >= self.IN_MEMORY:
            self._spill()
        return None

    def _spill(self) -> None:
        import sqlite3

        if self._db is None:
            # "": a temporary file of SQLite's own, gone on close; used by one reader at a time
            self._db = sqlite3.connect("", check_same_thread=False)
            self._db.execute("CREATE TABLE seen (key TEXT PRIMARY KEY, digest INTEGER, source TEXT) WITHOUT ROWID")
        self._db.executemany("INSERT INTO seen VALUES (?, ?, ?)", ((k, d, s) for k, (d, s) in self._recent.items()))
        self._recent.clear()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def read_before(paper: Paper, first: str) -> InputError:
    """The problem of a paper read a second time, from `first`, with another text."""
    return InputError(paper.source, None, f"{paper.title[:60]!r} was read before ({first}) with a different "
                      "text; kept the first")


def _raise(err: InputError):
    raise err


def _checked(paper: Paper, on_problem) -> Paper | None:
    if not paper.title or not paper.abstract:
        missing = " and ".join(k for k in ("title", "abstract") if not getattr(paper, k))
        on_problem(InputError(paper.source, None, f"no {missing}; skipped"))
        return None
    if len(paper.abstract) > MAX_ABSTRACT:
        cut = paper.abstract.rfind(". ", 0, MAX_ABSTRACT)
        paper.abstract = paper.abstract[: cut + 1 if cut > 0 else MAX_ABSTRACT]
        on_problem(InputError(paper.source, None, f"abstract of {paper.title[:40]!r} is over {MAX_ABSTRACT:,} "
                              f"characters; kept its first {len(paper.abstract):,}"))
    return paper


def paper_key(paper: Paper) -> str:
    """Identity of a paper for de-duplication: its id, else its normalised title."""
    return paper.id or key(paper.title)
