"""A build's working folder, OUT/.papergraph: what makes builds incremental and resumable.

- ``records.jsonl`` — the extraction cache: one line per paper extracted, keyed by the digest of
  the paper's text, appended (and flushed) as extraction goes. A build killed half-way keeps every
  paper it finished; the next build reuses them.
- ``index.sqlite`` — which papers the graph in OUT holds (paper key, digest, IRI), replaced only
  when a build succeeds, and where each digest's record is in ``records.jsonl`` (an index that
  catches up with the file when opened, so a killed build loses none of it). It is on disk so
  that a build's memory does not grow with its papers: at a million papers it would be a
  gigabyte of Python objects.
- ``meta.json`` — the fingerprint of the extractor that wrote the cache (when the extractor changes
  — a new papergraph, lexicon or rule — cached records are stale: their papers are extracted
  again), and of the writers that wrote the outputs (a build with nothing new leaves the outputs
  alone unless the writers changed).
- ``lock`` — held while a build runs, so two builds never write one folder at once.
- ``order.bin`` — while a build writes its outputs: the members' record offsets in canonical
  order, which every pass over the records reads.

Outputs are written into ``staging/`` and moved into OUT one after another only at the end; an
interrupted build leaves the previous outputs as they were."""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import sqlite3
import time
from array import array
from collections.abc import Callable, Iterator
from functools import partial
from importlib import resources
from pathlib import Path

from graph import __version__
from graph.errors import PapergraphError
from graph.export import atomic_write
from graph.model import Paper, PaperGraph, from_record

FOLDER = ".papergraph"
INDEX = "index.sqlite"
COMMIT_SECONDS = 2.0  # how often the index of new records is committed (a commit per chunk cost 10 µs a paper)

def _hash_files(files, extra: bytes = b"") -> str:
    h = hashlib.sha256(__version__.encode())
    for f in sorted(files, key=lambda f: f.name):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    h.update(extra)
    return h.hexdigest()[:32]


def fingerprint() -> str:
    """A hash of everything extraction depends on: papergraph's version, the extraction code and
    the data files it reads (lexicons, patterns) and the claim model in use (decide.source)."""
    root = resources.files("graph")
    files = [f for f in (root / "extract").iterdir() if f.name.endswith(".py")]
    files += [f for f in (root / "data" / "lexicon").iterdir() if f.is_file()]
    from graph.extract.decide import model_bytes

    return _hash_files([*files, root / "data" / "patterns.json"], model_bytes())


def writer_fingerprint(settings: str = "") -> str:
    """A hash of everything writing the outputs depends on (merging, exporters, the page template,
    the ontology, the writers' `settings`): the outputs of an unchanged graph are rewritten only
    when this changes."""
    root = resources.files("graph")
    files = [f for f in (root / "export").iterdir() if f.name.endswith(".py")]
    files += [f for f in (root / "data" / "templates").iterdir() if f.is_file()]
    return _hash_files([*files, root / "build.py", root / "data" / "ontology.ttl"], settings.encode())


# What admitting a paper found (Workdir.admit).
EXTRACT = "extract"  # a new member, to be extracted
CACHED = "cached"  # a new member whose record is in the cache
SAME = "same"  # already a member (of the graph, or read before in this build) with this text
CHANGED = "changed"  # a member of the graph with another text: the graph's is kept
REREAD = "reread"  # read before in this build with another text: the first is kept

_SCHEMA = """
CREATE TABLE IF NOT EXISTS members(key TEXT PRIMARY KEY, digest TEXT NOT NULL, iri TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS members_digest ON members(digest);
CREATE TABLE IF NOT EXISTS records(digest TEXT PRIMARY KEY, offset INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS state(name TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TEMP TABLE added(key TEXT PRIMARY KEY, digest TEXT NOT NULL, iri TEXT NOT NULL, source TEXT) WITHOUT ROWID;
"""


class Workdir:
    """Open with ``with Workdir(out, fresh) as wd``: takes the folder's lock and opens its index.
    The graph's papers after this build are its members before (none when `fresh`) and the papers
    admitted in this build."""

    def __init__(self, out: Path, fresh: bool = False):
        self.out = Path(out)
        self.dir = self.out / FOLDER
        self.fresh = fresh
        self.db: sqlite3.Connection | None = None
        self._lock = None
        self._records = None
        self._committed = time.monotonic()
        self.meta: dict = {}

    # --- opening: lock, open the index, catch it up with the cache (cutting off a torn last line) ---
    def __enter__(self) -> Workdir:
        self.dir.mkdir(parents=True, exist_ok=True)
        self._lock = open(self.dir / "lock", "w")
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock.close()
            raise PapergraphError(f"{self.out}: another papergraph build is writing to this folder") from None
        try:
            self._open_index()
            self.meta = self._read_meta()
            records = self.dir / "records.jsonl"
            if self.meta.get("fingerprint") != fingerprint() and records.exists():
                # another extractor wrote these: keep them only as the papers to extract again
                os.replace(records, self.dir / "records.old.jsonl")
                self.meta.pop("written", None)
            self.meta.update(fingerprint=fingerprint(), papergraph=__version__)
            atomic_write_json(self.dir / "meta.json", self.meta)
            self._open_records()
        except BaseException:
            self.__exit__()
            raise
        return self

    def _open_index(self) -> None:
        path = self.dir / INDEX
        try:
            self.db = _connect(path)
        except sqlite3.DatabaseError as err:
            if not self.fresh:
                raise PapergraphError(f"{path} is damaged ({err}); build again with --fresh to start the graph "
                                      "anew (extracted papers are kept)") from None
            for stale in (path, path.with_name(f"{INDEX}-wal"), path.with_name(f"{INDEX}-shm")):
                stale.unlink(missing_ok=True)  # --fresh does not need the old members
            self.db = _connect(path)
        self._migrate()

    def _migrate(self) -> None:
        """Folders written before the index kept their members in members.tsv."""
        tsv = self.dir / "members.tsv"
        if not tsv.exists():
            return
        if not self.db.execute("SELECT 1 FROM members LIMIT 1").fetchone():
            with open(tsv, encoding="utf-8") as fh:
                self.db.executemany("INSERT OR REPLACE INTO members VALUES (?, ?, ?)",
                                    (line.rstrip("\n").split("\t") for line in fh))
        self.db.commit()
        tsv.unlink()

    def _open_records(self) -> None:
        """Open the cache for appending, after bringing its index up to date: the lines appended
        since the index was last written (by a build killed before it could) are added, a torn
        last line is cut off, and a file that is not the one indexed is indexed anew."""
        path = self.dir / "records.jsonl"
        path.touch()
        st = path.stat()
        state = dict(self.db.execute("SELECT name, value FROM state"))
        done = state.get("records_bytes", 0)
        if state.get("records_inode") != st.st_ino or done > st.st_size:
            self.db.execute("DELETE FROM records")
            done = 0
        good = done
        with open(path, "rb") as fh:
            fh.seek(done)
            rows = []
            for raw in fh:
                if not raw.endswith(b"\n") or not raw.startswith(_PREFIX_BYTES):
                    break
                rows.append((raw[_DIGEST].decode(), good))
                good += len(raw)
                if len(rows) >= 10_000:
                    self.db.executemany(_INDEX_RECORD, rows)
                    rows = []
            self.db.executemany(_INDEX_RECORD, rows)
        if good != st.st_size:
            with open(path, "r+b") as fh:
                fh.truncate(good)
        self._set_state(records_inode=st.st_ino, records_bytes=good)
        self.db.commit()
        self._records = open(path, "ab")

    def _set_state(self, **values) -> None:
        self.db.executemany("INSERT OR REPLACE INTO state VALUES (?, ?)", values.items())

    def _read_meta(self) -> dict:
        try:
            return json.loads((self.dir / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def __exit__(self, *exc):
        if self._records:
            self._records.close()
            self._records = None
        if self.db:
            self.db.close()
            self.db = None
        shutil.rmtree(self.dir / "staging", ignore_errors=True)
        (self.dir / "order.bin").unlink(missing_ok=True)
        if self._lock:
            self._lock.close()
            self._lock = None

    # --- during the build ---
    def _members(self) -> str:
        """The graph's members after this build, as SQL."""
        if self.fresh:
            return "temp.added"
        return "(SELECT key, digest, iri FROM main.members UNION ALL SELECT key, digest, iri FROM temp.added)"

    def admit(self, papers: list[tuple[str, str, str, str]]) -> list[tuple[str, str | None]]:
        """Make papers — (paper key, digest, IRI, where read) each — members unless they are
        already. For each, returns what was found (EXTRACT, CACHED, SAME, CHANGED or REREAD) and,
        for REREAD, where the paper was first read. A batch at a time: a few statements for a
        few hundred papers, where one at a time the index would cost a third of the reading."""
        db = self.db
        keys = list({p[0] for p in papers})
        digests = list({p[1] for p in papers})
        members = {} if self.fresh else dict(
            db.execute(f"SELECT key, digest FROM members WHERE key IN ({_marks(keys)})", keys))
        added = {k: (d, where) for k, d, where in
                 db.execute(f"SELECT key, digest, source FROM added WHERE key IN ({_marks(keys)})", keys)}
        cached = {d for (d,) in db.execute(f"SELECT digest FROM records WHERE digest IN ({_marks(digests)})", digests)}
        found, new = [], []
        for paper in papers:
            k, digest, _, source = paper
            if k in members:
                found.append((SAME if members[k] == digest else CHANGED, None))
            elif k in added:
                first_digest, first = added[k]
                found.append((SAME, None) if first_digest == digest else (REREAD, first))
            else:
                added[k] = (digest, source)
                new.append(paper)
                found.append((CACHED if digest in cached else EXTRACT, None))
        if new:
            db.executemany("INSERT INTO added VALUES (?, ?, ?, ?)", new)
        return found

    def append(self, lines: list[str]) -> None:
        """Add extraction records (JSON lines, each starting with its digest) to the cache, flushed
        to the operating system at once so that a killed build keeps them."""
        offset = self._records.tell()
        data, rows = [], []
        for line in lines:
            raw = line.encode("utf-8")
            rows.append((line[_DIGEST], offset))
            offset += len(raw)
            data.append(raw)
        self._records.write(b"".join(data))
        self._records.flush()
        self.db.executemany(_INDEX_RECORD, rows)
        self._set_state(records_bytes=offset)
        if time.monotonic() - self._committed > COMMIT_SECONDS:  # what is not committed is found again on opening
            self.db.commit()
            self._committed = time.monotonic()

    def papers(self) -> int:
        """How many papers the graph has after this build."""
        return self.db.execute(f"SELECT count(*) FROM {self._members()}").fetchone()[0]

    def up_to_date(self, names, settings: str = "") -> bool:
        """Whether the outputs in OUT already are this build's: the same papers, the same
        extractor and writers (with the same `settings`), every file there."""
        return (not self._members_changed() and self.meta.get("written") == writer_fingerprint(settings)
                and not (self.dir / "records.old.jsonl").exists() and all((self.out / n).exists() for n in names))

    def _members_changed(self) -> bool:
        db = self.db
        added = db.execute("SELECT count(*) FROM added").fetchone()[0]
        if not self.fresh:
            return added > 0
        members = db.execute("SELECT count(*) FROM members").fetchone()[0]
        same = db.execute("SELECT count(*) FROM added a JOIN members m ON m.key = a.key "
                          "AND m.digest = a.digest AND m.iri = a.iri").fetchone()[0]
        return not added == members == same

    def _used(self, digest: str) -> bool:
        """Whether a member of the graph (as committed) has this digest."""
        return self.db.execute("SELECT 1 FROM members WHERE digest = ? LIMIT 1", (digest,)).fetchone() is not None

    def stale(self) -> Iterator[Paper]:
        """The papers of members whose records another extractor wrote: to be extracted again."""
        old = self.dir / "records.old.jsonl"
        if self.fresh or not old.exists():
            return
        with open(old, encoding="utf-8") as fh:
            for line in fh:
                if line.endswith("\n") and line.startswith(_PREFIX) and self._used(line[_DIGEST]):
                    yield from_record(json.loads(line)).paper

    def reader(self) -> Callable[[], Iterator[PaperGraph]]:
        """A function that gives the members' extraction records in canonical order (by paper
        IRI), each time it is called. SQLite sorts them here, on disk, once for every pass; the
        function reads files only, so a forked process may call it too."""
        self._records.flush()
        order = self.dir / "order.bin"
        rows = self.db.execute(f"SELECT r.offset FROM {self._members()} m JOIN records r ON r.digest = m.digest "
                               "ORDER BY m.iri")
        with open(order, "wb") as fh:
            while block := rows.fetchmany(_BLOCK):
                array("q", (offset for (offset,) in block)).tofile(fh)
        return partial(_read_ordered, order, self.dir / "records.jsonl")

    # --- the end: move staged outputs into place, then record the members ---
    def staging(self) -> Path:
        path = self.dir / "staging"
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir()
        return path

    def commit(self, staged: list[Path], settings: str = "") -> None:
        os.fsync(self._records.fileno())
        for path in staged:
            os.replace(path, self.out / path.name)
        db = self.db
        if self.fresh:
            db.execute("DELETE FROM members")
        db.execute("INSERT OR REPLACE INTO members SELECT key, digest, iri FROM added")
        db.execute("DELETE FROM added")
        db.commit()
        self.fresh = False  # from here on the members are the graph's
        (self.dir / "records.old.jsonl").unlink(missing_ok=True)
        self.meta["written"] = writer_fingerprint(settings)
        atomic_write_json(self.dir / "meta.json", self.meta)
        records = db.execute("SELECT count(*) FROM records").fetchone()[0]
        if records > 2 * self.papers() + 1000:
            self._compact()

    def _compact(self) -> None:
        """Drop cached records no member uses (left by --fresh builds or changed inputs)."""
        path = self.dir / "records.jsonl"
        self._records.close()
        with atomic_write(path) as out, open(path, encoding="utf-8") as fh:
            for line in fh:
                if self._used(line[_DIGEST]):
                    out.write(line)
        self._open_records()  # a new file: indexed anew


_BLOCK = 65536
_INDEX_RECORD = "INSERT OR REPLACE INTO records VALUES (?, ?)"


def _read_ordered(order: Path, records: Path) -> Iterator[PaperGraph]:
    with open(order, "rb") as offsets, open(records, encoding="utf-8") as fh:
        while True:
            block = array("q", offsets.read(8 * _BLOCK))
            if not block:
                return
            for offset in block:
                fh.seek(offset)
                yield from_record(json.loads(fh.readline()))


def _marks(values: list) -> str:
    return ",".join("?" * len(values))


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA journal_mode = WAL")  # with synchronous NORMAL: commits without fsync, never corrupted
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA temp_store = FILE")  # a million papers' order is sorted on disk, not in memory
        db.executescript(_SCHEMA)
    except sqlite3.DatabaseError:
        db.close()
        raise
    return db


# A record line starts '{"digest": "<32 hex>"': the digest is read without parsing the line.
_PREFIX = '{"digest": "'
_PREFIX_BYTES = _PREFIX.encode()
_DIGEST = slice(len(_PREFIX), len(_PREFIX) + 32)


def atomic_write_json(path: Path, data: dict) -> None:
    with atomic_write(path) as fh:
        json.dump(data, fh, sort_keys=True)
