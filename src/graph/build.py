"""Claims of many papers -> one corpus graph: the same thing named in several papers is one node.

Nodes are merged when they share a surface form (by key: case, hyphens and plurals ignored), so
"ViT" in one paper and "Vision Transformer (ViT)" in another are one node, while ResNet-50 and
ResNet-101, or ImageNet and ImageNet-21K, never share a form and stay apart. A node's name is the
lexicon's canonical name when there is one, else the name most papers use.

Merging streams: a first pass over the papers' entities (``Merger``) fixes the nodes, holding only
counts per distinct name; the ``Corpus`` then maps each paper to its nodes and edges as it is read
again, so the papers themselves never have to be in memory at once. Papers come in a canonical
order (by IRI), so the graph depends only on which papers are in it, not on the order they came."""
from __future__ import annotations

import hashlib
import heapq
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
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
    known: bool = False
    papers: int = 0  # how many papers mention it (filled in by the first full pass over the papers)


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
    basis: str | None = None  # "cost": a win on cost alone
    number: float | None = None  # a result's value as a number (model.Claim has the rest)
    unit: str | None = None
    split: str | None = None
    metric_text: str | None = None
    margin: str | None = None
    margin_number: float | None = None

    @property
    def id(self) -> str:
        parts = (self.paper, self.head, self.relation, self.tail)
        if self.value is not None:  # a paper states several results for one pair: one claim each
            parts += (str(self.start), self.metric or "", self.value)
        digest = hashlib.sha1("\x1f".join(parts).encode()).hexdigest()
        return f"{BASE}claim/{digest[:20]}"


@dataclass
class PaperView:
    """One paper as the corpus graph sees it."""

    iri: str
    paper: Paper
    roles: dict[str, set[str]]  # node IRI -> roles
    edges: list[Edge]
    result: PaperGraph


def paper_iri(paper: Paper) -> str:
    ident = paper.id or paper.url or key(paper.title)
    if paper.id or paper.url:
        return f"{BASE}paper/{hashlib.sha1(ident.encode()).hexdigest()[:16]}"
    return f"{BASE}paper/{slug(paper.title)[:60]}-{hashlib.sha1(ident.encode()).hexdigest()[:8]}"


class Merger:
    """First pass: every paper's entities in, the corpus's nodes out. Memory grows with the number
    of distinct names, not with the number of papers."""

    def __init__(self):
        self.parent: dict[str, str] = {}
        self.names: dict[str, Counter] = {}  # key of an entity's name -> its names, types, forms, known names
        self.types: dict[str, Counter] = {}
        self.forms: dict[str, Counter] = {}
        self.known: dict[str, Counter] = {}

    def find(self, k: str) -> str:
        parent = self.parent
        parent.setdefault(k, k)
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def add(self, r: PaperGraph) -> None:
        for e in r.entities:
            keys = [key(f) for f in e.surface_forms if key(f)]
            for k in keys[1:]:
                a, b = self.find(keys[0]), self.find(k)
                if a != b:
                    self.parent[b] = a
            k = key(e.name)
            self.names.setdefault(k, Counter())[e.name] += 1
            self.types.setdefault(k, Counter())[e.type] += 1
            self.forms.setdefault(k, Counter()).update(e.surface_forms)
            if e.known:
                self.known.setdefault(k, Counter())[e.name] += 1

    def nodes(self) -> tuple[dict[str, Node], dict[str, str]]:
        """The nodes by IRI, and the node IRI of every name key."""
        groups: dict[str, list[str]] = {}
        for k in self.names:
            groups.setdefault(self.find(k), []).append(k)
        nodes: dict[str, Node] = {}
        node_of: dict[str, str] = {}
        for g in sorted(groups):
            names, types, forms, known = Counter(), Counter(), Counter(), Counter()
            for k in groups[g]:
                names.update(self.names[k])
                types.update(self.types[k])
                forms.update(self.forms[k])
                known.update(self.known.get(k, {}))
            name = _most_common(known) if known else _most_common(names)
            iri = f"{BASE}entity/{slug(name)}"
            while iri in nodes:  # two groups whose names share a slug: keep both, distinctly
                iri += "_"
            nodes[iri] = Node(iri, name, _most_common(types), {f for f in forms if f != name}, known=bool(known))
            for k in groups[g]:
                node_of[k] = iri
        return nodes, node_of


def _most_common(counter: Counter) -> str:
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0]


OWN_KEPT = 5000  # papers whose own links a Corpus keeps, the most linked first: what the explorer can show


class Corpus:
    """The merged graph: nodes in memory; papers, roles and edges produced from `source` on each
    pass, in canonical order. The first full pass also counts each node's papers, the claims, and
    the distinct (head, relation, tail) links between nodes (``links()``). A paper's own links (its
    unnamed approach's) are as many as the papers: only the OWN_KEPT papers with the most of them
    are kept (``own_links()``); a pass over the papers gives every one of them."""

    def __init__(self, nodes: dict[str, Node], node_of: dict[str, str], source: Callable[[], Iterable[PaperGraph]]):
        self.nodes = nodes
        self._node_of = node_of
        self._source = source
        self._links: dict[tuple[str, str, str], int] | None = None
        self._own: dict[str, dict[tuple[str, str], int]] = {}
        self._degree: dict[str, int] = {}
        self._claims = 0

    def view(self, r: PaperGraph) -> PaperView:
        p_iri = paper_iri(r.paper)
        roles: dict[str, set[str]] = {}
        local = {}
        for e in r.entities:
            n = self._node_of[key(e.name)]
            local[e.name] = n
            roles.setdefault(n, set()).update(e.roles)
        edges = [Edge(p_iri, p_iri if c.head == PAPER else local[c.head], c.relation, local[c.tail], c.evidence,
                      c.start, c.end, c.confidence, local.get(c.dataset) if c.dataset else None, c.metric, c.value, c.basis,
                      c.number, c.unit, c.split, c.metric_text, c.margin, c.margin_number)
                 for c in r.claims]
        return PaperView(p_iri, r.paper, roles, edges, r)

    def papers(self) -> Iterator[PaperView]:
        if self._links is not None:
            for r in self._source():
                yield self.view(r)
            return
        links: dict[tuple[str, str, str], int] = {}
        mentions: Counter = Counter()
        own_into: Counter = Counter()  # node -> papers whose own approach links to it (once per relation)
        best: list = []  # heap of (own links, -position, paper IRI, own links): the OWN_KEPT most linked papers
        claims = 0
        for position, r in enumerate(self._source()):
            v = self.view(r)
            mentions.update(v.roles.keys())
            claims += len(v.edges)
            own: dict[tuple[str, str], int] = {}
            for e in v.edges:
                if e.head == v.iri:
                    own[e.relation, e.tail] = own.get((e.relation, e.tail), 0) + 1
                else:
                    k = (e.head, e.relation, e.tail)
                    links[k] = links.get(k, 0) + 1
            if own:
                own_into.update(tail for _, tail in own)
                item = (len(own), -position, v.iri, own)  # fewer links, then later (a larger IRI), goes first
                if len(best) < OWN_KEPT:
                    heapq.heappush(best, item)
                elif item > best[0]:
                    heapq.heapreplace(best, item)
            yield v
        for iri, node in self.nodes.items():
            node.papers = mentions.get(iri, 0)
        degree = Counter(own_into)
        for head, _, tail in links:
            degree[head] += 1
            degree[tail] += 1
        for _, _, iri, own in best:
            kept = self._own.setdefault(iri, {})
            for k, n in own.items():
                kept[k] = kept.get(k, 0) + n
        for iri, own in self._own.items():
            degree[iri] = len(own)
        self._degree, self._claims = dict(degree), claims
        self._links = links

    def _counted(self) -> None:
        if self._links is None:
            for _ in self.papers():
                pass

    def links(self) -> dict[tuple[str, str, str], int]:
        """Distinct (head, relation, tail) between nodes -> number of claims stating it."""
        self._counted()
        return self._links

    def own_links(self) -> dict[str, dict[tuple[str, str], int]]:
        """The OWN_KEPT papers with the most own links: paper IRI -> (relation, tail) -> claims."""
        self._counted()
        return self._own

    def degree(self) -> dict[str, int]:
        """Distinct links of each node, and of each paper of own_links()."""
        self._counted()
        return self._degree

    def claims(self) -> int:
        self._counted()
        return self._claims


def build(results: Iterable[PaperGraph]) -> Corpus:
    """The corpus graph of papers held in memory."""
    results = sorted(results, key=lambda r: paper_iri(r.paper))
    merger = Merger()
    for r in results:
        merger.add(r)
    nodes, node_of = merger.nodes()
    return Corpus(nodes, node_of, lambda: iter(results))
