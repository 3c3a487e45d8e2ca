"""Claims of many papers -> one corpus graph: the same thing named in several papers is one node.

Nodes are merged when they share a surface form (by key: case, hyphens and plurals ignored), so
"ViT" in one paper and "Vision Transformer (ViT)" in another are one node, while ResNet-50 and
ResNet-101, or ImageNet and ImageNet-21K, never share a form and stay apart. A node's name is the
lexicon's canonical name when there is one, else the name most papers use."""
from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from graph.model import PAPER, Paper, PaperGraph
from graph.text import key, slug

BASE = "https://w3id.org/papergraph/id/"


@dataclass
class Node:
    id: str  # IRI
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    papers: list[str] = field(default_factory=list)  # paper IRIs, in corpus order
    known: bool = False


@dataclass
class Edge:
    paper: str  # paper IRI
    head: str  # node IRI, or the paper IRI for the paper's own unnamed approach
    relation: str
    tail: str
    evidence: str
    start: int
    end: int
    confidence: float
    dataset: str | None = None  # node IRI
    metric: str | None = None
    value: str | None = None

    @property
    def id(self) -> str:
        digest = hashlib.sha1("\x1f".join((self.paper, self.head, self.relation, self.tail)).encode()).hexdigest()
        return f"{BASE}claim/{digest[:20]}"


@dataclass
class Corpus:
    papers: list[tuple[str, Paper]] = field(default_factory=list)  # (IRI, paper)
    nodes: dict[str, Node] = field(default_factory=dict)
    roles: dict[str, dict[str, set[str]]] = field(default_factory=dict)  # paper IRI -> node IRI -> roles
    edges: list[Edge] = field(default_factory=list)


def paper_iri(paper: Paper) -> str:
    ident = paper.id or paper.url or key(paper.title)
    if paper.id or paper.url:
        return f"{BASE}paper/{hashlib.sha1(ident.encode()).hexdigest()[:16]}"
    return f"{BASE}paper/{slug(paper.title)[:60]}-{hashlib.sha1(ident.encode()).hexdigest()[:8]}"


def build(results: Iterable[PaperGraph]) -> Corpus:
    results = list(results)
    # 1. union every entity's surface-form keys across papers
    parent: dict[str, str] = {}

    def find(k):
        parent.setdefault(k, k)
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for r in results:
        for e in r.entities:
            keys = [key(f) for f in e.surface_forms if key(f)]
            for k in keys[1:]:
                a, b = find(keys[0]), find(k)
                if a != b:
                    parent[b] = a
    # 2. name, type and forms of each group
    names: dict[str, Counter] = {}
    types: dict[str, Counter] = {}
    known: dict[str, str] = {}
    forms: dict[str, Counter] = {}
    for r in results:
        for e in r.entities:
            g = find(key(e.name))
            names.setdefault(g, Counter())[e.name] += 1
            types.setdefault(g, Counter())[e.type] += 1
            for f in e.surface_forms:
                forms.setdefault(g, Counter())[f] += 1
            if e.known:
                known.setdefault(g, e.name)
    corpus = Corpus()
    node_of: dict[str, str] = {}
    for g in sorted(names):
        name = known.get(g) or sorted(names[g].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        etype = sorted(types[g].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        iri = f"{BASE}entity/{slug(name)}"
        while iri in corpus.nodes:  # two groups whose names share a slug: keep both, distinctly
            iri += "_"
        node = Node(iri, name, etype, {f for f in forms[g] if f != name}, known=g in known)
        corpus.nodes[iri] = node
        node_of[g] = iri
    # 3. papers, roles and claims
    for r in results:
        p_iri = paper_iri(r.paper)
        corpus.papers.append((p_iri, r.paper))
        roles = corpus.roles.setdefault(p_iri, {})
        local = {}
        for e in r.entities:
            n = node_of[find(key(e.name))]
            local[e.name] = n
            roles.setdefault(n, set()).update(e.roles)
            if p_iri not in corpus.nodes[n].papers:
                corpus.nodes[n].papers.append(p_iri)
        for c in r.claims:
            head = p_iri if c.head == PAPER else local[c.head]
            corpus.edges.append(Edge(p_iri, head, c.relation, local[c.tail], c.evidence, c.start, c.end,
                                     c.confidence, local.get(c.dataset) if c.dataset else None, c.metric, c.value))
    return corpus


def to_networkx(corpus: Corpus):
    """A MultiDiGraph: entity nodes (name, type, aliases, papers) and paper nodes; one edge per
    claim, keyed by relation, carrying paper, evidence and confidence."""
    import networkx as nx

    g = nx.MultiDiGraph()
    for iri, paper in corpus.papers:
        g.add_node(iri, kind="paper", label=paper.title)
    for n in corpus.nodes.values():
        g.add_node(n.id, kind="entity", label=n.name, type=n.type, aliases="|".join(sorted(n.aliases)),
                   papers=len(n.papers))
    for e in corpus.edges:
        g.add_edge(e.head, e.tail, key=e.id, relation=e.relation, paper=e.paper, evidence=e.evidence,
                   confidence=e.confidence, metric=e.metric or "", value=e.value or "")
    return g
