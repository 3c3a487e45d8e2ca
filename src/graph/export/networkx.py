"""node-link JSON and GraphML for networkx users."""
from __future__ import annotations

import json

from graph.build import Corpus, to_networkx
from graph.export import atomic_write


def write_graphml(corpus: Corpus, path) -> None:
    import networkx as nx

    g = to_networkx(corpus)
    with atomic_write(path, "wb") as fh:
        nx.write_graphml(g, fh)


def write_node_link(corpus: Corpus, path) -> None:
    import networkx as nx

    data = nx.node_link_data(to_networkx(corpus), edges="links")
    with atomic_write(path) as fh:
        json.dump(data, fh, ensure_ascii=False, sort_keys=True)
