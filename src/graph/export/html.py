"""The interactive HTML view: pyvis (vis-network) with every asset inlined, so the page opens
with no network. Nodes are coloured by type and edges by relation and placed by a layout computed
here (physics off). The page has a legend that filters by entity and relation type, a top-N slider
(best-connected first), search by name or alias, a 1–2 hop neighbourhood focus, and a side panel
with an entity's papers, claims, numbers and evidence sentences. All text from abstracts reaches the
page as JSON (``<``, ``>``, ``&`` escaped) and is shown with ``textContent``, never as HTML."""
from __future__ import annotations

import os
from importlib import resources

from graph.build import Corpus
from graph.export import atomic_write

NODE_COLORS = {"method": "#4e79a7", "architecture": "#f28e2b", "dataset": "#59a14f"}
EDGE_COLORS = {"evaluated-on": "#9c9c9c", "outperforms": "#e15759", "extends": "#b07aa1"}
PAPER_NODE = "paper's own approach"
PAPER_COLOR = "#bab0ac"


def _network():
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader
    from pyvis.network import Network

    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    ours = str(resources.files("graph").joinpath("data", "templates"))
    pyvis_templates = os.path.join(os.path.dirname(__import__("pyvis").__file__), "templates")
    net.templateEnv = Environment(loader=ChoiceLoader([FileSystemLoader(ours), FileSystemLoader(pyvis_templates)]),
                                  autoescape=True)
    net.path = "graph.html"
    return net


def generate_html(corpus: Corpus, heading: str = "papergraph", show: int = 1000) -> str:
    """The explorer page. Positions are computed here (physics off in the browser); the `show`
    best-connected nodes are drawn first, and a slider, filters and search bring in the rest."""
    from graph.export.layout import force_layout

    titles = dict(corpus.papers)
    net = _network()
    degree: dict[str, int] = {}
    for e in corpus.edges:
        degree[e.head] = degree.get(e.head, 0) + 1
        degree[e.tail] = degree.get(e.tail, 0) + 1
    own = sorted({e.head for e in corpus.edges if e.head in titles})
    ids = [n.id for n in corpus.nodes.values()] + own
    index = {iri: i for i, iri in enumerate(ids)}
    seen, edges = set(), []
    for e in corpus.edges:
        k = (e.head, e.relation, e.tail)
        if k not in seen:
            seen.add(k)
            edges.append({"id": len(edges), "from": e.head, "to": e.tail, "color": EDGE_COLORS[e.relation],
                          "arrows": "to", "title": e.relation, "relation": e.relation})
    pos = force_layout(len(ids), [(index[e["from"]], index[e["to"]]) for e in edges])
    rank = {iri: r for r, iri in enumerate(sorted(ids, key=lambda i: (-degree.get(i, 0), i)))}
    # pyvis's add_node/add_edge scan a list on every call; fill its data structures directly
    net.nodes = [
        {"id": n.id, "label": n.name, "color": NODE_COLORS[n.type], "shape": "dot", "group": n.type,
         "size": 8 + min(30, 2 * degree.get(n.id, 0)), "rank": rank[n.id],
         "x": round(float(pos[index[n.id]][0]), 1), "y": round(float(pos[index[n.id]][1]), 1),
         "title": f"{n.name} ({n.type}) — {len(n.papers)} paper(s)"}
        for n in corpus.nodes.values()
    ]
    net.nodes += [{"id": p, "label": titles[p].title[:40], "color": PAPER_COLOR, "shape": "square", "size": 8,
                   "group": "paper", "rank": rank[p],
                   "x": round(float(pos[index[p]][0]), 1), "y": round(float(pos[index[p]][1]), 1),
                   "title": f"{PAPER_NODE}: {titles[p].title}"} for p in own]
    net.edges = edges
    net.heading = heading
    net.options = {
        "physics": {"enabled": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True},
        "edges": {"smooth": False},
        "layout": {"improvedLayout": False},
    }
    details = {}
    names = {n.id: n.name for n in corpus.nodes.values()}
    names.update({p: f"{PAPER_NODE} ({titles[p].title[:40]})" for p in own})
    for n in corpus.nodes.values():
        details[n.id] = {"name": n.name, "type": n.type, "aliases": sorted(n.aliases),
                         "papers": [titles[p].title for p in n.papers], "claims": []}
    for p in own:
        details[p] = {"name": titles[p].title, "type": PAPER_NODE, "aliases": [], "papers": [titles[p].title], "claims": []}
    for e in corpus.edges:
        claim = {"head": names[e.head], "relation": e.relation, "tail": names[e.tail], "evidence": e.evidence,
                 "paper": titles[e.paper].title, "metric": e.metric, "value": e.value}
        details[e.head]["claims"].append(claim)
        details[e.tail]["claims"].append(claim)
    legend = {"nodes": [{"key": t, "label": t, "color": c} for t, c in NODE_COLORS.items()] +
              [{"key": "paper", "label": PAPER_NODE, "color": PAPER_COLOR}],
              "edges": [{"key": r, "label": r, "color": c} for r, c in EDGE_COLORS.items()]}
    nodes, edges_, heading_, height, width, options = net.get_network_data()
    template = net.templateEnv.get_template(net.path)
    return template.render(nodes=nodes, edges=edges_, heading=heading_, options=options, details=details,
                           legend=legend, bgcolor="#ffffff", show=min(show, len(nodes)))


def write_html(corpus: Corpus, path, heading: str = "papergraph") -> None:
    html = generate_html(corpus, heading)
    with atomic_write(path) as fh:
        fh.write(html)
