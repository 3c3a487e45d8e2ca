"""Loading an RDF export and answering SPARQL over it, behind one small interface so callers
never touch the engine (Oxigraph, embedded, through pyoxigraph)."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import tempfile
import textwrap
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from graph.errors import QueryError
from graph.export.rdf import PREFIXES as NAMESPACES

PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in NAMESPACES.items())  # for queries written in code
FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES}


def graph_format(path: Path) -> ox.RdfFormat:
    """The RDF format of a graph file, or a QueryError saying what is wrong with the path."""
    if not path.exists():
        raise QueryError(f"{path}: no such graph; run 'papergraph build' first or pass --graph")
    fmt = FORMATS.get(path.suffix)
    if fmt is None:
        raise QueryError(f"{path}: unknown RDF file type (use .ttl or .nt)")
    return fmt


# Graph files at least this large are loaded once into an on-disk store beside them and reopened by
# later commands: parsing 3M triples takes ~15 s, opening the store a few milliseconds.
KEEP_STORE_BYTES = 16 << 20


def load(path) -> ox.Store:
    """The graph file at `path` as a store to query. A large graph is parsed once into an on-disk
    store (see `on_disk`) and reopened read-only; a small one is parsed into memory."""
    path = Path(path)
    fmt = graph_format(path)
    if path.stat().st_size >= KEEP_STORE_BYTES:
        try:
            return ox.Store.read_only(str(on_disk(path)))
        except OSError:
            pass  # no room or no permission beside the graph: parse it into memory as for a small one
    store = ox.Store()
    with open(path, "rb") as fh:
        try:
            store.bulk_load(fh, fmt)
        except SyntaxError as err:
            raise QueryError(f"{path}: not valid RDF: {err}") from None
    return store


def fill(folder, path: Path, fmt: ox.RdfFormat) -> None:
    """Load the graph file at `path` into a new on-disk store in `folder`, and close it."""
    store = ox.Store(str(folder))
    try:
        store.bulk_load(path=str(path), format=fmt)
    except SyntaxError as err:
        raise QueryError(f"{path}: not valid RDF: {err}") from None
    store.flush()


def _stamp(path: Path) -> dict:
    st = path.stat()
    return {"file": path.name, "size": st.st_size, "mtime_ns": st.st_mtime_ns, "inode": st.st_ino}


def on_disk(path) -> Path:
    """The folder of an Oxigraph store holding the graph file at `path`, made if missing or older
    than the file: ``.papergraph/store-<file name>`` beside it, stamped with the file's size, time
    and inode (a rebuilt graph is a new file: its store is made again). Open it read-only, from as
    many processes as needed. Raises OSError when the folder cannot be written."""
    path = Path(path)
    fmt = graph_format(path)
    home = path.parent / ".papergraph"
    target = home / f"store-{path.name}"
    stamp = _stamp(path)
    try:
        if json.loads((target / "stamp.json").read_text(encoding="utf-8")) == stamp:
            return target
    except (OSError, ValueError):
        pass
    home.mkdir(exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".store-{path.name}-", dir=home))
    try:
        fill(fresh, path, fmt)
        (fresh / "stamp.json").write_text(json.dumps(stamp), encoding="utf-8")
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".old-{path.name}-", dir=home))
            os.replace(target, old / "store")
        os.replace(fresh, target)
        if old:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    return target


def convert(src, dst) -> int:
    """Rewrite the graph file `src` in the format `dst`'s suffix names (.ttl, .nt), streaming, so
    a graph larger than memory converts too; returns the number of triples. N-Triples is what
    bulk loaders of triple-store servers read fastest."""
    from graph.export import atomic_write

    src, dst = Path(src), Path(dst)
    fmt_in = graph_format(src)
    fmt_out = FORMATS.get(dst.suffix)
    if fmt_out is None:
        raise QueryError(f"{dst}: unknown RDF file type (use .ttl or .nt)")
    count = 0

    def triples(fh):
        nonlocal count
        for quad in ox.parse(fh, fmt_in):
            count += 1
            yield quad.triple

    with open(src, "rb") as fh, atomic_write(dst, "wb") as out:
        try:
            ox.serialize(triples(fh), out, fmt_out, prefixes=NAMESPACES if fmt_out == ox.RdfFormat.TURTLE else None)
        except SyntaxError as err:
            raise QueryError(f"{src}: not valid RDF: {err}") from None
    return count


def as_rdflib(path):
    """The graph as an rdflib.Graph, for code that builds on rdflib (small graphs: rdflib's parser
    and engine are far slower than Oxigraph's)."""
    import rdflib

    path = Path(path)
    if not path.exists():
        raise QueryError(f"{path}: no such graph; run 'papergraph build' first")
    return rdflib.Graph().parse(path, format="nt" if path.suffix == ".nt" else "turtle")


def queries_dir() -> Path:
    """The packaged copy of queries/."""
    return Path(str(resources.files("graph").joinpath("data", "queries")))


def resolve_query(name_or_path: str) -> tuple[str, str]:
    """(name, text) of a query given as a file path or as a name from the query library."""
    p = Path(name_or_path)
    if p.suffix == ".rq" and p.exists():
        return p.stem, p.read_text(encoding="utf-8")
    lib = queries_dir() / f"{p.stem}.rq"
    if lib.exists():
        return p.stem, lib.read_text(encoding="utf-8")
    names = ", ".join(sorted(q.stem for q in queries_dir().glob("*.rq")))
    raise QueryError(f"{name_or_path}: no such query file or library query (library: {names})")


def _header(text: str) -> list[str]:
    """The comment lines at the top of a query file, without their '#'."""
    lines = []
    for line in text.splitlines():
        if line.startswith("#"):
            lines.append(line.lstrip("# ").rstrip())
        elif line.strip():
            break
    return lines


def describe(text: str) -> str:
    """The comment lines at the top of a query file: what question it answers."""
    return " ".join(x for x in _header(text) if x)


def parameters(text: str) -> list[str]:
    """The parameters a query file requires, as its header declares them: the ``$name``s on its
    ``# Parameter:`` (or ``# Parameters:``) line."""
    names: list[str] = []
    for line in _header(text):
        head, sep, rest = line.partition(":")
        if sep and head.strip() in ("Parameter", "Parameters"):
            names += [n for n in re.findall(r"\$(\w+)", rest.split("Example")[0]) if n not in names]
    return names


def bind(text: str, params: dict[str, str]) -> str:
    """Fill ``$name`` placeholders ("?name" variables written with a dollar) with string literals.
    QueryError when a parameter the query's header declares is missing, or one it lacks is given."""
    missing = [n for n in parameters(text) if n not in params]
    if missing:
        raise QueryError("missing " + ", ".join(f"--param {n}=VALUE" for n in missing) +
                         f" (this query needs {', '.join('$' + n for n in parameters(text))})")
    for k, v in params.items():
        if f"${k}" not in text:
            raise QueryError(f"the query has no parameter ${k}")
        text = text.replace(f"${k}", json.dumps(v, ensure_ascii=False))
    return text


def run(store: ox.Store, text: str) -> tuple[list[str], list[list[str]]]:
    """Answer a SELECT (or ASK) query: (column names, rows of plain strings)."""
    try:
        result = store.query(text)
    except SyntaxError as err:
        raise QueryError(f"SPARQL syntax error: {err}") from None
    if isinstance(result, bool) or type(result).__name__ == "QueryBoolean":
        return ["ask"], [["true" if bool(result) else "false"]]
    if isinstance(result, ox.QuerySolutions):
        cols = [v.value for v in result.variables]
        rows = [[_plain(sol[c]) for c in cols] for sol in result]
        return cols, rows
    triples = list(result)
    return ["subject", "predicate", "object"], [[_plain(t.subject), _plain(t.predicate), _plain(t.object)] for t in triples]


def subjects(store: ox.Store, predicate: str, obj: str) -> list[str]:
    """IRIs of the subjects of (?, predicate, <obj>): one index lookup, no query planning."""
    return [q.subject.value for q in store.quads_for_pattern(None, ox.NamedNode(predicate), ox.NamedNode(obj))]


def has(store: ox.Store, subject: str, predicate: str, obj: str) -> bool:
    """Whether the triple (<subject>, <predicate>, <obj>) is in the store."""
    return next(iter(store.quads_for_pattern(ox.NamedNode(subject), ox.NamedNode(predicate), ox.NamedNode(obj))), None) is not None


def values(store: ox.Store, subject: str) -> dict[str, list[str]]:
    """Every (predicate -> plain values) of one subject: one index lookup."""
    out: dict[str, list[str]] = {}
    for q in store.quads_for_pattern(ox.NamedNode(subject), None, None):
        out.setdefault(q.predicate.value, []).append(q.object.value)
    return out


def _plain(term) -> str:
    if term is None:
        return ""
    return term.value


def format_rows(cols: list[str], rows: list[list[str]], fmt: str = "table", width: int = 60) -> str:
    """Rows as csv, json or a table for reading, whose cells wrap at `width` characters."""
    if fmt == "json":
        return json.dumps([dict(zip(cols, r)) for r in rows], ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(cols)
        w.writerows(rows)
        return buf.getvalue()
    # long text is wrapped within its column, never cut: an evidence sentence must be readable whole
    cells = [[textwrap.wrap(v, width, break_on_hyphens=False) or [""] for v in r] for r in rows]
    widths = [max([len(c)] + [len(x) for r in cells for x in r[i]]) for i, c in enumerate(cols)]
    line = lambda r: "  ".join(v.ljust(widths[i]) for i, v in enumerate(r)).rstrip()  # noqa: E731
    out = [line(cols), line(["-" * w for w in widths])]
    wrapped = any(len(c) > 1 for r in cells for c in r)
    for r in cells:
        out += [line([c[k] if k < len(c) else "" for c in r]) for k in range(max(len(c) for c in r))]
        if wrapped:
            out.append("")  # a blank line between rows that take several lines
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
