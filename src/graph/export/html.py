"""The interactive HTML view: pyvis (vis-network) with every asset inlined, so the page opens
with no network. Nodes are coloured by type and edges by relation and placed by a layout computed
here (physics off). The page has a legend that filters by entity and relation type, a top-N slider
(best-connected first), search by name or alias, a 1–2 hop neighbourhood focus, and a side panel
with an entity's papers, claims, numbers and evidence sentences. All text from abstracts reaches the
page as JSON (``<``, ``>``, ``&`` escaped) and is shown with ``textContent``, never as HTML."""
from __future__ import annotations

import os
from collections.abc import Iterator
from importlib import resources

from jinja2.utils import htmlsafe_json_dumps

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


def _json(value) -> str:
    """`value` as the template's ``tojson`` writes it: keys sorted, "<", ">", "&", "'" escaped."""
    return str(htmlsafe_json_dumps(value, sort_keys=True))


def generate_html(corpus: Corpus, heading: str = "papergraph", show: int = 1000, limit: int = 5000,
                  claims_per_node: int = 50) -> str:
    """The explorer page (see page_parts)."""
    return "".join(page_parts(corpus, heading, show, limit, claims_per_node))


def page_parts(corpus: Corpus, heading: str = "papergraph", show: int = 1000, limit: int = 5000,
               claims_per_node: int = 50) -> Iterator[str]:
    """The explorer page, piece by piece. Positions are computed here (physics off in the
    browser); the `show` best-connected nodes are drawn first, and a slider, filters and search
    bring in the rest.

    A page is for exploring, not for holding the whole graph: it keeps the `limit` best-connected
    nodes and the links between them, and at most `claims_per_node` claims (with their evidence) per
    node; SPARQL over graph.ttl answers for everything."""
    from graph.export.layout import force_layout

    # distinct (head, relation, tail), counted in one pass over the papers; of the papers' own
    # links, those of the most linked papers (build.OWN_KEPT, as many as `limit` can show)
    links = [*corpus.links(), *((p, r, t) for p, own in corpus.own_links().items() for r, t in own)]
    degree = corpus.degree()
    candidates = list(corpus.nodes) + sorted(corpus.own_links())
    kept = sorted(candidates, key=lambda i: (-degree.get(i, 0), i))[:limit]
    rank = {iri: r for r, iri in enumerate(kept)}
    own = sorted(i for i in kept if i not in corpus.nodes)  # papers whose own unnamed approach has claims
    ids = [i for i in corpus.nodes if i in rank] + own
    index = {iri: i for i, iri in enumerate(ids)}
    edges = [{"id": n, "from": h, "to": t, "color": EDGE_COLORS[r], "arrows": "to", "title": r, "relation": r}
             for n, (h, r, t) in enumerate(k for k in sorted(links) if k[0] in rank and k[2] in rank)]
    pos = force_layout(len(ids), [(index[e["from"]], index[e["to"]]) for e in edges])
    # one more pass over the papers for what the side panel shows of the kept nodes
    names = {n.id: n.name for n in corpus.nodes.values()}
    details, titles = {}, {}
    for iri in ids:
        if iri in corpus.nodes:
            n = corpus.nodes[iri]
            details[iri] = {"name": n.name, "type": n.type, "aliases": sorted(n.aliases), "papers": [],
                            "claims": [], "more_papers": 0, "more_claims": 0}
    for v in corpus.papers():
        if v.iri in rank:
            titles[v.iri] = v.paper.title
            names[v.iri] = _own(v.paper.title)
            details[v.iri] = {"name": v.paper.title, "type": PAPER_NODE, "aliases": [], "papers": [v.paper.title],
                              "claims": [], "more_papers": 0, "more_claims": 0}
        for n in v.roles:
            if n in details:
                d = details[n]
                if len(d["papers"]) < claims_per_node:
                    d["papers"].append(v.paper.title)
                else:
                    d["more_papers"] += 1
        for e in v.edges:
            if e.head not in details and e.tail not in details:
                continue
            claim = _json({"head": names.get(e.head) or _own(v.paper.title), "relation": e.relation,
                           "tail": names[e.tail], "evidence": e.evidence, "paper": v.paper.title,
                           "metric": e.metric, "value": e.value})  # as JSON at once: a third of a dict's size
            for end in {e.head, e.tail}:
                if end in details:
                    d = details[end]
                    if len(d["claims"]) < claims_per_node:
                        d["claims"].append(claim)
                    else:
                        d["more_claims"] += 1
    net = _network()
    net.nodes = [
        {"id": n.id, "label": n.name, "color": NODE_COLORS[n.type], "shape": "dot", "group": n.type,
         "size": 8 + min(30, 2 * degree.get(n.id, 0)), "rank": rank[n.id],
         "x": round(float(pos[index[n.id]][0]), 1), "y": round(float(pos[index[n.id]][1]), 1),
         "title": f"{n.name} ({n.type}) — {n.papers} paper(s)"}
        for n in corpus.nodes.values() if n.id in rank
    ]
    net.nodes += [{"id": p, "label": titles[p][:40], "color": PAPER_COLOR, "shape": "square", "size": 8,
                   "group": "paper", "rank": rank[p],
                   "x": round(float(pos[index[p]][0]), 1), "y": round(float(pos[index[p]][1]), 1),
                   "title": f"{PAPER_NODE}: {titles[p]}"} for p in own]
    net.edges = edges
    net.heading = heading
    net.options = {
        "physics": {"enabled": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True},
        "edges": {"smooth": False},
        "layout": {"improvedLayout": False},
    }
    legend = {"nodes": [{"key": t, "label": t, "color": c} for t, c in NODE_COLORS.items()] +
              [{"key": "paper", "label": PAPER_NODE, "color": PAPER_COLOR}],
              "edges": [{"key": r, "label": r, "color": c} for r, c in EDGE_COLORS.items()]}
    nodes, edges_, heading_, height, width, options = net.get_network_data()
    template = net.templateEnv.get_template(net.path)
    # piece by piece: the whole page (tens of MB on a large graph) is never one string
    return template.generate(nodes=nodes, edges=edges_, heading=heading_, options=options,
                             details=_details_json(details), legend=legend, bgcolor="#ffffff",
                             show=min(show, len(nodes)))


def _details_json(details: dict[str, dict]) -> Iterator[str]:
    """The side panel's data as the template's ``tojson`` would write it (keys sorted, HTML-safe), a
    node at a time and with the claims already JSON: never the whole object, tens of MB on a large
    graph, as one string."""
    yield "{"
    for n, iri in enumerate(sorted(details)):
        fields = ", ".join(f"{_json(k)}: " + (f"[{', '.join(v)}]" if k == "claims" else _json(v))
                           for k, v in sorted(details[iri].items()))
        yield f"{', ' if n else ''}{_json(iri)}: {{{fields}}}"
    yield "}"


def _own(title: str) -> str:
    """The label of a paper's own unnamed approach."""
    return f"{PAPER_NODE} ({title[:40]})"


def write_html(corpus: Corpus, path, heading: str = "papergraph") -> None:
    parts = page_parts(corpus, heading)
    with atomic_write(path) as fh:
        fh.writelines(parts)
