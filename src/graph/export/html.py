"""The interactive HTML view: pyvis (vis-network) with every asset inlined, so the page opens
with no network, from disk or under ``papergraph serve``.

The page is built around the questions a researcher asks of an entity — who beats it, what it
extends and what extends it, what is around it, and for a dataset its leaderboard — each drawn as a
small vis-network graph, beside a side panel that lists the claims first (grouped when several
papers state the same one) and then the papers, with years and links. The first screen is a map of
communities (computed here, at build time) labelled by their leading entities; a click opens one.

What the page holds:
- inline, as JSON: every kept entity's name, type, degree, community, first year and aliases, and
  the distinct links between kept entities (enough to search and to draw every view);
- per entity, its claims, evidence, papers and leaderboard, as gzip-compressed chunks of JSON in
  ``<script type="application/octet-stream">`` elements (never run as script) that the page
  unpacks (DecompressionStream) when an entity is opened. A page opened from disk cannot fetch
  files beside it, and ``serve`` serves graph.html alone, so the chunks travel inside the page.

All text from abstracts reaches the page as JSON (``<``, ``>``, ``&`` escaped) and is shown with
``textContent``, never as HTML; links are only ever http(s)."""
from __future__ import annotations

import base64
import gzip
import os
import re
import weakref
from collections import Counter
from collections.abc import Iterator
from itertools import groupby
from importlib import resources

from jinja2.utils import htmlsafe_json_dumps

from graph import metrics
from graph.build import Corpus
from graph.export import atomic_write
from graph.model import MIN_CONFIDENCE, Paper

NODE_COLORS = {"method": "#4e79a7", "architecture": "#f28e2b", "dataset": "#59a14f"}
EDGE_COLORS = {"evaluated-on": "#9c9c9c", "outperforms": "#e15759", "extends": "#b07aa1"}
PAPER_NODE = "paper's own approach"
PAPER_COLOR = "#bab0ac"
RELATIONS = list(EDGE_COLORS)
CHUNK = 128  # entities per compressed chunk of side-panel data
BOARD_ROWS = 100  # leaderboard rows a dataset's panel keeps (best first)
MAP = 40  # communities the first screen draws, the largest first: as many labels as a person reads


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


_ARXIV = re.compile(r"^(?:arxiv:|https?://arxiv\.org/abs/)?(\d{4}\.\d{4,5})(?:v\d+)?$", re.I)


def paper_url(paper: Paper) -> str | None:
    """Where a reader can open the paper: its URL, else its arXiv or DOI page; None when unknown.
    Only http(s) addresses: nothing from an input becomes a ``javascript:`` link."""
    if paper.url and paper.url.startswith(("https://", "http://")):
        return paper.url
    ident = (paper.id or "").strip()
    if m := _ARXIV.match(ident):
        return f"https://arxiv.org/abs/{m.group(1)}"
    if ident.lower().startswith("doi:"):
        ident = ident[4:]
    if re.match(r"^10\.\d{4,9}/\S+$", ident):
        return f"https://doi.org/{ident}"
    if ident.startswith(("https://", "http://")):
        return ident
    return None


def _number(value: str | None) -> float:
    m = re.search(r"-?\d+(?:\.\d+)?", value or "")
    return float(m.group()) if m else float("-inf")


_BOARDS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def leaderboard_rows(corpus: Corpus, dataset_iri: str) -> list[dict]:
    """The results stated on one dataset, as plain dicts (rank, model, paper, year, metric,
    value, split, score, higher, evidence, url): one row per model, paper and metric with its best
    value; metrics with the most results first, and within a metric best first by its direction
    (metrics.json: lower error, WER or FID is better), on its own scale (an F1 of 0.88 is 88), as
    ``papergraph leaderboard`` ranks. The first call reads the corpus once for every dataset;
    later calls on the same corpus are look-ups."""
    boards = _BOARDS.get(corpus)
    if boards is None:
        names = {iri: n.name for iri, n in corpus.nodes.items()}
        best: dict[str, dict[tuple, dict]] = {}
        for v in corpus.papers():
            for e in v.edges:
                if e.relation != "evaluated-on" or not e.value:
                    continue
                entry = metrics.resolve(e.metric)
                number = e.number if e.number is not None else _number(e.value)
                row = {"model": names.get(e.head) or _own(v.paper.title), "paper": v.paper.title,
                       "year": v.paper.year, "metric": e.metric or "", "value": e.value, "split": e.split or "",
                       "score": metrics.scaled(number, e.unit, entry), "higher": entry.higher_is_better if entry else True,
                       "evidence": e.evidence, "url": paper_url(v.paper)}
                k = (row["model"], row["paper"], row["metric"].lower())
                old = best.setdefault(e.tail, {}).get(k)
                if old is None or metrics.better(row["score"], old["score"], row["higher"]):
                    best[e.tail][k] = row
        boards = {}
        for d, found in best.items():
            counts = Counter(r["metric"].lower() for r in found.values())
            rows = sorted(found.values(), key=lambda r: (-counts[r["metric"].lower()], r["metric"].lower(),
                                                         metrics.best_first(r["score"], r["higher"]), r["model"], r["paper"]))
            for _, board in groupby(rows, key=lambda r: r["metric"].lower()):  # ranked within each metric
                board = list(board)
                for r, rank in zip(board, metrics.ranks([r["score"] for r in board])):
                    r["rank"] = rank
            boards[d] = rows
        _BOARDS[corpus] = boards
    return [dict(r) for r in boards.get(dataset_iri, [])]


def generate_html(corpus: Corpus, heading: str = "papergraph", limit: int = 50000,
                  claims_per_node: int = 100, min_confidence: float = MIN_CONFIDENCE) -> str:
    """The explorer page (see page_parts)."""
    return "".join(page_parts(corpus, heading, limit, claims_per_node, min_confidence))


def page_parts(corpus: Corpus, heading: str = "papergraph", limit: int = 50000,
               claims_per_node: int = 100, min_confidence: float = MIN_CONFIDENCE) -> Iterator[str]:
    """The explorer page, piece by piece (tens of MB on a large graph are never one string).

    It keeps the `limit` best-connected entities (and papers whose own unnamed approach has
    claims), the links between them, and at most `claims_per_node` claims per entity; claims of
    confidence under `min_confidence` are left out, as `papergraph beats` leaves them out. The page
    says how much of the graph it holds, and SPARQL over graph.ttl answers for everything."""
    from graph.export.layout import communities, force_layout

    links = [*corpus.links().items(),
             *(((p, r, t), n) for p, own in corpus.own_links().items() for (r, t), n in own.items())]
    degree = corpus.degree()
    candidates = list(corpus.nodes) + sorted(corpus.own_links())
    kept = sorted(candidates, key=lambda i: (-degree.get(i, 0), i))[:limit]
    rank = set(kept)
    own = sorted(i for i in kept if i not in corpus.nodes)  # papers whose own unnamed approach has claims
    ids = [i for i in corpus.nodes if i in rank] + own
    index = {iri: i for i, iri in enumerate(ids)}
    rel = {r: n for n, r in enumerate(RELATIONS)}
    confident: dict[tuple[str, str, str], int] = {}  # the links between kept nodes, counting claims over the threshold
    hidden = 0  # claims under the threshold

    # one pass over the papers: labels of papers' own approaches, years, and each kept node's claims
    names = {iri: n.name for iri, n in corpus.nodes.items()}
    year: dict[str, int] = {}
    papers: dict[str, list] = {iri: [] for iri in ids}
    more_papers: dict[str, int] = {}
    claims: dict[str, dict] = {iri: {} for iri in ids}  # node -> group key -> [papers stating it]
    more_claims: dict[str, int] = {}

    def ref(iri: str, title: str) -> int | str:
        return index[iri] if iri in index else names.get(iri) or _own(title)

    for v in corpus.papers():
        p = v.paper
        ref_paper = [p.title, p.year, paper_url(p)]
        if v.iri in index:
            names[v.iri] = _own(p.title)
            papers[v.iri].append(ref_paper)
            if p.year:
                year[v.iri] = p.year
        for n in v.roles:
            if n in index:
                if p.year and (n not in year or p.year < year[n]):
                    year[n] = p.year
                if len(papers[n]) < claims_per_node:
                    papers[n].append(ref_paper)
                else:
                    more_papers[n] = more_papers.get(n, 0) + 1
        for e in v.edges:
            if e.confidence < min_confidence:
                hidden += 1
                continue
            ends = {e.head, e.tail} & index.keys()
            if not ends:
                continue
            if e.head in rank and e.tail in rank:
                k = (e.head, e.relation, e.tail)
                confident[k] = confident.get(k, 0) + 1
            group = (ref(e.head, p.title), e.relation, ref(e.tail, p.title),
                     ref(e.dataset, p.title) if e.dataset else None, e.metric, e.value, getattr(e, "margin", None))
            stated = [p.title, p.year, paper_url(p), round(e.confidence, 2), e.evidence]
            for end in ends:
                groups = claims[end]
                if sum(map(len, groups.values())) < claims_per_node:
                    groups.setdefault(group, []).append(stated)
                else:
                    more_claims[end] = more_claims.get(end, 0) + 1

    edges = [[index[h], rel[r], index[t], n] for (h, r, t), n in sorted(confident.items())]
    comm = communities(len(ids), [(h, t, n) for h, _, t, n in edges])
    k = max(comm, default=-1) + 1
    members: list[list[int]] = [[] for _ in range(k)]
    deg = [degree.get(i, 0) for i in ids]
    for i, c in enumerate(comm):
        if c >= 0:
            members[c].append(i)
    cweight: dict[tuple[int, int], int] = {}
    for h, _, t, n in edges:
        a, b = sorted((comm[h], comm[t]))
        if a != b:
            cweight[a, b] = cweight.get((a, b), 0) + n
    # the map draws the MAP largest communities (0..MAP-1), placed here by the links between them
    drawn = min(k, MAP)
    cpos = force_layout(drawn, [(a, b) for a, b in cweight if b < drawn])
    groups = [{"id": c, "size": len(m), "lead": sorted(m, key=lambda i: (-deg[i], i))[:60]} for c, m in enumerate(members)]
    for c in range(drawn):
        groups[c]["x"], groups[c]["y"] = round(float(cpos[c][0]), 1), round(float(cpos[c][1]), 1)

    variants = _variants(corpus, ids, index)
    nodes = [[names[iri], corpus.nodes[iri].type if iri in corpus.nodes else "paper", deg[i], comm[i], year.get(iri)]
             for i, iri in enumerate(ids)]
    aliases = {i: sorted(corpus.nodes[iri].aliases) for i, iri in enumerate(ids)
               if iri in corpus.nodes and corpus.nodes[iri].aliases}
    graph = {"nodes": nodes, "edges": edges, "aliases": aliases, "communities": groups,
             "cedges": sorted([a, b, w] for (a, b), w in cweight.items()), "relations": RELATIONS,
             "chunk": CHUNK,
             "totals": {"entities": len(corpus.nodes), "kept": len(ids) - len(own), "own": len(own),
                        "links": len(links), "kept_links": len(edges), "min_confidence": min_confidence,
                        "hidden": hidden}}

    def detail(i: int, iri: str) -> dict:
        d = {"claims": [[*g, stated] for g, stated in sorted(claims[iri].items(), key=lambda kv: -len(kv[1]))],
             "more_claims": more_claims.get(iri, 0), "papers": papers[iri], "more_papers": more_papers.get(iri, 0)}
        if iri in corpus.nodes and corpus.nodes[iri].type == "dataset":
            rows = leaderboard_rows(corpus, iri)
            d["board"], d["more_board"] = rows[:BOARD_ROWS], max(0, len(rows) - BOARD_ROWS)
            d["variants"] = variants.get(i, [])
        return d

    def chunks() -> Iterator[str]:
        for start in range(0, len(ids), CHUNK):
            data = _json({str(i): detail(i, ids[i]) for i in range(start, min(start + CHUNK, len(ids)))})
            packed = base64.b64encode(gzip.compress(data.encode(), compresslevel=6, mtime=0)).decode()
            yield f'<script type="application/octet-stream" id="chunk-{start // CHUNK}">{packed}</script>\n'

    net = _network()
    legend = {"nodes": [{"key": t, "label": t, "color": c} for t, c in NODE_COLORS.items()] +
              [{"key": "paper", "label": PAPER_NODE, "color": PAPER_COLOR}],
              "edges": [{"key": r, "label": r, "color": c} for r, c in EDGE_COLORS.items()]}
    template = net.templateEnv.get_template(net.path)
    return template.generate(graph=_json(graph), heading=heading, legend=legend, chunks=chunks())


def _variants(corpus: Corpus, ids: list[str], index: dict[str, int]) -> dict[int, list[int]]:
    """Datasets named as another dataset plus a suffix (ImageNet -> ImageNet-1K, ImageNet-21K)."""
    datasets = {corpus.nodes[iri].name.lower(): index[iri] for iri in ids
                if iri in corpus.nodes and corpus.nodes[iri].type == "dataset"}
    out: dict[int, list[int]] = {}
    for name, i in sorted(datasets.items()):
        for cut in (m.start() for m in re.finditer(r"[-\s_(]", name)):
            base = datasets.get(name[:cut].strip())
            if base is not None and base != i:
                out.setdefault(base, []).append(i)
    return out


def _own(title: str, width: int = 48) -> str:
    """The label of a paper's own unnamed approach: the title cut at a word, with an ellipsis."""
    if len(title) > width:
        title = title[:width].rsplit(" ", 1)[0].rstrip(",:;-") + "…"
    return f"{PAPER_NODE} ({title})"


def write_html(corpus: Corpus, path, heading: str = "papergraph", min_confidence: float = MIN_CONFIDENCE) -> None:
    parts = page_parts(corpus, heading, min_confidence=min_confidence)
    with atomic_write(path) as fh:
        fh.writelines(parts)
