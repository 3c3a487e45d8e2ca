"""A build's working folder, OUT/.papergraph: what makes builds incremental and resumable.

- ``records.jsonl`` — the extraction cache: one line per paper extracted, keyed by the digest of
  the paper's text, appended (and flushed) as extraction goes. A build killed half-way keeps every
  paper it finished; the next build reuses them.
- ``members.tsv`` — which papers the graph in OUT holds (paper key, digest, IRI). It is replaced
  together with the outputs, and only when a build succeeds.
- ``meta.json`` — the fingerprint of the extractor that wrote the cache (when the extractor changes
  — a new papergraph, lexicon or rule — cached records are stale: their papers are extracted
  again), and of the writers that wrote the outputs (a build with nothing new leaves the outputs
  alone unless the writers changed).
- ``lock`` — held while a build runs, so two builds never write one folder at once.

Outputs are written into ``staging/`` and moved into OUT one after another only at the end; an
interrupted build leaves the previous outputs as they were."""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from graph import __version__
from graph.errors import PapergraphError
from graph.export import atomic_write
from graph.model import Paper, PaperGraph, from_record

FOLDER = ".papergraph"


def _hash_files(files) -> str:
    h = hashlib.sha256(__version__.encode())
    for f in sorted(files, key=lambda f: f.name):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:32]


def fingerprint() -> str:
    """A hash of everything extraction depends on: papergraph's version, the extraction code and
    the data files it reads (lexicons, patterns)."""
    root = resources.files("graph")
    files = [f for f in (root / "extract").iterdir() if f.name.endswith(".py")]
    files += [f for f in (root / "data" / "lexicon").iterdir() if f.is_file()]
    return _hash_files([*files, root / "data" / "patterns.json"])


def writer_fingerprint() -> str:
    """A hash of everything writing the outputs depends on (merging, exporters, the page template,
    the ontology): the outputs of an unchanged graph are rewritten only when this changes."""
    root = resources.files("graph")
    files = [f for f in (root / "export").iterdir() if f.name.endswith(".py")]
    files += [f for f in (root / "data" / "templates").iterdir() if f.is_file()]
    return _hash_files([*files, root / "build.py", root / "data" / "ontology.ttl"])


@dataclass
class Member:
    digest: str
    iri: str


class Workdir:
    """Open with ``with Workdir(out, fresh) as wd``: takes the folder's lock and reads its state."""

    def __init__(self, out: Path, fresh: bool = False):
        self.out = Path(out)
        self.dir = self.out / FOLDER
        self.fresh = fresh
        self.members: dict[str, Member] = {}  # paper key -> member; the graph's papers after this build
        self.previous: dict[str, Member] = {}  # the graph's papers before this build
        self.cache: dict[str, int] = {}  # digest -> byte offset in records.jsonl
        self._lock = None
        self._records = None
        self.meta: dict = {}

    # --- opening: lock, read members and the cache, repair a torn last line ---
    def __enter__(self) -> Workdir:
        self.dir.mkdir(parents=True, exist_ok=True)
        self._lock = open(self.dir / "lock", "w")
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock.close()
            raise PapergraphError(f"{self.out}: another papergraph build is writing to this folder") from None
        self.previous = self._read_members()
        if not self.fresh:
            self.members = dict(self.previous)
        self.meta = self._read_meta()
        records = self.dir / "records.jsonl"
        if self.meta.get("fingerprint") != fingerprint() and records.exists():
            # another extractor wrote these: keep them only as the papers to extract again
            os.replace(records, self.dir / "records.old.jsonl")
            self.meta.pop("written", None)
        self.meta.update(fingerprint=fingerprint(), papergraph=__version__)
        atomic_write_json(self.dir / "meta.json", self.meta)
        self.cache = _index(records)
        self._records = open(records, "ab")
        return self

    def up_to_date(self, names) -> bool:
        """Whether the outputs in OUT already are this build's: the same papers, the same
        extractor and writers, every file there."""
        return (self.members == self.previous and self.meta.get("written") == writer_fingerprint()
                and not (self.dir / "records.old.jsonl").exists() and all((self.out / n).exists() for n in names))

    def stale(self) -> Iterator[Paper]:
        """The papers of members whose records another extractor wrote: to be extracted again."""
        old = self.dir / "records.old.jsonl"
        if not old.exists():
            return
        wanted = {m.digest for m in self.members.values()}
        with open(old, encoding="utf-8") as fh:
            for line in fh:
                if line.endswith("\n") and line.startswith(_PREFIX) and line[_DIGEST] in wanted:
                    yield from_record(json.loads(line)).paper

    def __exit__(self, *exc):
        if self._records:
            self._records.close()
        shutil.rmtree(self.dir / "staging", ignore_errors=True)
        if self._lock:
            self._lock.close()

    def _read_members(self) -> dict[str, Member]:
        path = self.dir / "members.tsv"
        if not path.exists():
            return {}
        out = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            k, digest, iri = line.split("\t")
            out[k] = Member(digest, iri)
        return out

    def _read_meta(self) -> dict:
        try:
            return json.loads((self.dir / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    # --- during the build ---
    def add(self, paper_key: str, digest: str, iri: str) -> bool:
        """Make the paper a member; True if it still has to be extracted."""
        self.members[paper_key] = Member(digest, iri)
        return digest not in self.cache

    def append(self, lines: list[str]) -> None:
        """Add extraction records (JSON lines, each starting with its digest) to the cache, flushed
        to the operating system at once so that a killed build keeps them."""
        offset = self._records.tell()
        data = []
        for line in lines:
            raw = line.encode("utf-8")
            self.cache[line[_DIGEST]] = offset
            offset += len(raw)
            data.append(raw)
        self._records.write(b"".join(data))
        self._records.flush()

    def results(self) -> Iterator[PaperGraph]:
        """The members' extraction records, in canonical order (by paper IRI)."""
        self._records.flush()
        order = sorted(self.members.values(), key=lambda m: m.iri)
        with open(self.dir / "records.jsonl", encoding="utf-8") as fh:
            for m in order:
                fh.seek(self.cache[m.digest])
                yield from_record(json.loads(fh.readline()))

    # --- the end: move staged outputs into place, then record the members ---
    def staging(self) -> Path:
        path = self.dir / "staging"
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir()
        return path

    def commit(self, staged: list[Path]) -> None:
        os.fsync(self._records.fileno())
        for path in staged:
            os.replace(path, self.out / path.name)
        with atomic_write(self.dir / "members.tsv") as fh:
            for k, m in sorted(self.members.items()):
                fh.write(f"{k}\t{m.digest}\t{m.iri}\n")
        (self.dir / "records.old.jsonl").unlink(missing_ok=True)
        self.meta["written"] = writer_fingerprint()
        atomic_write_json(self.dir / "meta.json", self.meta)
        if len(self.cache) > 2 * len(self.members) + 1000:
            self._compact()

    def _compact(self) -> None:
        """Drop cached records no member uses (left by --fresh builds or changed inputs)."""
        wanted = {m.digest for m in self.members.values()}
        path = self.dir / "records.jsonl"
        self._records.close()
        with atomic_write(path) as out, open(path, encoding="utf-8") as fh:
            for line in fh:
                if line[_DIGEST] in wanted:
                    out.write(line)
        self.cache = _index(path)
        self._records = open(path, "ab")


# A record line starts '{"digest": "<32 hex>"': the digest is read without parsing the line.
_PREFIX = '{"digest": "'
_DIGEST = slice(len(_PREFIX), len(_PREFIX) + 32)


def _index(path: Path) -> dict[str, int]:
    """digest -> offset of every complete line; a torn last line (a killed write) is cut off."""
    index: dict[str, int] = {}
    if not path.exists():
        return index
    good = 0
    with open(path, "rb") as fh:
        offset = 0
        for raw in fh:
            if not raw.endswith(b"\n") or not raw.startswith(_PREFIX.encode()):
                break
            index[raw[_DIGEST].decode()] = offset
            offset += len(raw)
            good = offset
    if good != path.stat().st_size:
        with open(path, "r+b") as fh:
            fh.truncate(good)
    return index


def atomic_write_json(path: Path, data: dict) -> None:
    with atomic_write(path) as fh:
        json.dump(data, fh, sort_keys=True)
