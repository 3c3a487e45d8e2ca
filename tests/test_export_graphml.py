import networkx as nx

from graph.export.networkx import to_networkx, write_graphml


def test_graphml_streams_the_graph_networkx_builds(small_corpus, tmp_path):
    write_graphml(small_corpus, tmp_path / "g.graphml")
    read = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    built = to_networkx(small_corpus)
    assert sorted(read.nodes(data=True)) == sorted(built.nodes(data=True))
    as_set = lambda g: sorted((u, v, k, sorted(d.items())) for u, v, k, d in g.edges(keys=True, data=True))  # noqa: E731
    assert as_set(read) == as_set(built)
    volo = next(d for _, d in read.nodes(data=True) if d.get("label") == "VOLO")
    assert (volo["type"], volo["papers"]) == ("architecture", 1)
    assert sorted(d["relation"] for _, _, d in read.edges(data=True)) == [
        "evaluated-on", "evaluated-on", "extends", "outperforms", "outperforms", "outperforms"]
