"""The on-disk store kept beside a large graph: made once, reopened by later commands, made again
when the graph file changes, and never in the way (no room beside the graph: parsed in memory)."""
import shutil

import pytest

from graph import store
from graph.errors import QueryError

COUNT = store.PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
ONE = "<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n"


def count(s) -> str:
    return store.run(s, COUNT)[1][0][0]


def test_a_large_graph_is_answered_from_the_store_beside_it(small_graph, small_store, tmp_path, monkeypatch):
    graph = tmp_path / "graph.ttl"
    shutil.copy(small_graph, graph)
    monkeypatch.setattr(store, "KEEP_STORE_BYTES", 0)  # every graph counts as large
    assert count(store.load(graph)) == count(small_store)
    kept = tmp_path / ".papergraph" / "store-graph.ttl"
    assert (kept / "stamp.json").exists()
    (kept / "marker").write_text("")
    assert count(store.load(graph)) == count(small_store)
    assert (kept / "marker").exists()  # reopened, not made again
    assert [p.name for p in (tmp_path / ".papergraph").iterdir()] == ["store-graph.ttl"]  # no temporary left


def test_a_changed_graph_gets_a_new_store(tmp_path, monkeypatch):
    monkeypatch.setattr(store, "KEEP_STORE_BYTES", 0)
    graph = tmp_path / "g.nt"
    graph.write_text(ONE)
    assert count(store.load(graph)) == "1"
    graph.write_text(ONE + ONE.replace("/b>", "/c>"))
    assert count(store.load(graph)) == "2"


def test_no_room_beside_the_graph_parses_it_in_memory(small_graph, small_store, monkeypatch):
    def refuse(path):
        raise PermissionError(path)

    monkeypatch.setattr(store, "KEEP_STORE_BYTES", 0)
    monkeypatch.setattr(store, "on_disk", refuse)
    assert count(store.load(small_graph)) == count(small_store)


def test_invalid_rdf_is_reported_and_leaves_no_store(tmp_path, monkeypatch):
    monkeypatch.setattr(store, "KEEP_STORE_BYTES", 0)
    graph = tmp_path / "bad.ttl"
    graph.write_text("<a> <b> .\n")
    with pytest.raises(QueryError, match="bad.ttl: not valid RDF"):
        store.load(graph)
    assert list((tmp_path / ".papergraph").iterdir()) == []
