"""Leaderboards, a model's results, and disputes, over a loaded graph.

- ``leaderboard``: the results stated on a dataset for one metric, one row per (model, paper)
  with its best value, ranked by the metric's direction (metrics.json): "what is the best result
  on COCO, and who got it", each row with its year, paper and sentence.
- ``results``: every number stated for a model, by dataset and metric.
- ``disputes``: where papers disagree: one paper claims A beats B and another B beats A on the
  same dataset; or a paper claims A beats B where the values stated for them on that dataset,
  metric and split say the opposite.

Names resolve through every alias (ask.resolve). Values are compared on the metric's scale
(pg:scaledValue: an F1 of 0.88 is 88)."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from graph import metrics
from graph.ask import resolve
from graph.errors import QueryError
from graph.export.rdf import DCTERMS, PG, RDF, RDFS
from graph.store import subjects, values

OWN = "(the paper's own approach)"

@dataclass
class Result:
    """One value a paper states for a model on a dataset."""

    model: str  # label, or OWN
    model_iri: str
    dataset: str
    dataset_iri: str
    metric: str  # the vocabulary's name, or as written, or "" when unstated
    score: float  # on the metric's scale
    value: str  # as written
    split: str
    paper: str  # title
    paper_iri: str
    year: str
    evidence: str
    confidence: float
    link: str  # the paper's URL, or its identifier
    higher_is_better: bool  # the metric's direction (higher, when the vocabulary does not know it)


def _results(store, iris, role: str) -> list[Result]:
    """The result claims (evaluated-on, with a value) whose `role` ("subject": the model, or
    "object": the dataset) is one of `iris`, read by index lookups: a SPARQL join planned from a
    VALUES list took seconds on the real corpus graph."""
    out = []
    labels: dict[str, str] = {}
    papers: dict[str, dict] = {}
    for iri in iris:
        for c in subjects(store, RDF + role, iri):
            v = values(store, c)
            if v.get(RDF + "predicate") != [PG + "evaluatedOn"] or PG + "scaledValue" not in v:
                continue
            s, d, p = v[RDF + "subject"][0], v[RDF + "object"][0], v[PG + "source"][0]
            for node in (s, d):
                if node not in labels:
                    labels[node] = (values(store, node).get(RDFS + "label") or [""])[0]
            if p not in papers:
                papers[p] = values(store, p)
            pv = papers[p]
            first = lambda k, src=v: (src.get(k) or [""])[0]  # noqa: E731
            entry = metrics.resolve(first(PG + "metric"))
            out.append(Result(labels[s] or OWN, s, labels[d], d, first(PG + "metric"), float(first(PG + "scaledValue")),
                              first(PG + "valueText"), first(PG + "split"), first(DCTERMS + "title", pv), p,
                              first(DCTERMS + "date", pv)[:4], first(PG + "evidence"), float(first(PG + "confidence")),
                              first(DCTERMS + "source", pv) or first(DCTERMS + "identifier", pv),
                              entry.higher_is_better if entry else True))
    return out


LEADERBOARD_COLUMNS = ["rank", "model", "value", "metric", "split", "year", "paper", "confidence", "evidence"]


def leaderboard(store, dataset: str, metric: str | None = None, split: str | None = None,
                min_confidence: float = 0.0) -> tuple[list[str], list[list[str]], str, dict[str, int]]:
    """(columns, rows, metric, other metrics with their counts): the results stated on `dataset`
    for `metric` (by default the one most results on it use), one row per (model, paper) with its
    best value, best first by the metric's direction; ties keep the earlier paper first. Results of
    the paper's own unnamed approach are listed under OWN, each paper apart."""
    iris = [i for i, _ in resolve(store, dataset)]
    found = [r for r in _results(store, iris, "object") if r.confidence >= min_confidence]
    if split:
        found = [r for r in found if r.split.lower() == split.lower()]
    counts = Counter(r.metric for r in found if r.metric)
    if metric:
        entry = metrics.resolve(metric)
        wanted = entry.name if entry else metric
        if not any(r.metric.lower() == wanted.lower() for r in found):
            known = ", ".join(f"{m} ({n})" for m, n in counts.most_common(8)) or "none"
            raise QueryError(f"no {wanted!r} results on {dataset!r}; metrics stated on it: {known}")
    elif counts:
        wanted = counts.most_common(1)[0][0]
    else:
        return LEADERBOARD_COLUMNS, [], "", {}
    mine = [r for r in found if r.metric.lower() == wanted.lower()]
    best: dict[tuple[str, str], Result] = {}
    for r in mine:
        k = (r.model_iri, r.paper_iri)
        if k not in best or _better(r, best[k]):
            best[k] = r
    ranked = sorted(best.values(), key=lambda r: (metrics.best_first(r.score, r.higher_is_better), r.year or "9999",
                                                  r.model, r.paper))
    rows = [[str(rank), r.model, r.value, r.metric, r.split, r.year, r.paper, f"{r.confidence:.2f}", r.evidence]
            for rank, r in zip(metrics.ranks([r.score for r in ranked]), ranked)]
    others = {m: n for m, n in counts.most_common() if m.lower() != wanted.lower()}
    return LEADERBOARD_COLUMNS, rows, wanted, others


def _better(a: Result, b: Result) -> bool:
    return metrics.better(a.score, b.score, a.higher_is_better)


RESULTS_COLUMNS = ["dataset", "metric", "value", "split", "year", "paper", "confidence", "evidence"]


def results(store, model: str, min_confidence: float = 0.0) -> tuple[list[str], list[list[str]]]:
    """Every value stated for `model`, by dataset, then metric, best first."""
    iris = [i for i, _ in resolve(store, model)]
    found = [r for r in _results(store, iris, "subject") if r.confidence >= min_confidence]
    found.sort(key=lambda r: (r.dataset.lower(), r.metric.lower(), metrics.best_first(r.score, r.higher_is_better), r.year))
    return RESULTS_COLUMNS, [[r.dataset, r.metric, r.value, r.split, r.year, r.paper, f"{r.confidence:.2f}", r.evidence]
                             for r in found]


DISPUTE_COLUMNS = ["kind", "dataset", "a", "b", "paper (a beats b)", "year", "evidence", "other paper", "other year",
                   "other evidence"]


@dataclass
class _Win:
    winner: str
    winner_label: str
    loser: str
    loser_label: str
    paper: str
    title: str
    year: str
    evidence: str
    datasets: frozenset[str]


def disputes(store, on: str | None = None, min_confidence: float = 0.5,
             any_dataset: bool = False) -> tuple[list[str], list[list[str]]]:
    """Pairs of papers that disagree, with both sentences:
    - "wins": one paper says A beats B, another that B beats A, on the same dataset (the one
      the sentence names, else one the paper evaluates on);
    - "values": a paper says A beats B on a dataset, and the best values stated for A and for B
      there (one metric, one split) say B is ahead.
    Wins on cost alone and claims under `min_confidence` are left out. With `any_dataset`, also
    reversed wins with no dataset in common (kind "wins, other datasets")."""
    wanted = {i for i, _ in resolve(store, on)} if on else None
    # index lookups, not SPARQL: Oxigraph planned the join over every outperforms claim for minutes
    stated: dict[tuple[str, str], set[str]] = defaultdict(set)  # (paper, sentence) -> datasets it states results on
    evaluated: dict[str, set[str]] = defaultdict(set)  # paper -> the datasets it evaluates on
    for c in subjects(store, RDF + "predicate", PG + "evaluatedOn"):
        v = values(store, c)
        p, d = v[PG + "source"][0], v[RDF + "object"][0]
        stated[(p, v[PG + "evidence"][0])].add(d)
        evaluated[p].add(d)
    labels: dict[str, str] = {}
    papers: dict[str, dict] = {}
    wins: list[_Win] = []
    for c in subjects(store, RDF + "predicate", PG + "outperforms"):
        v = values(store, c)
        if float(v[PG + "confidence"][0]) < min_confidence or v.get(PG + "basis") == ["cost"]:
            continue
        w, lo, p, evidence = v[RDF + "subject"][0], v[RDF + "object"][0], v[PG + "source"][0], v[PG + "evidence"][0]
        for node in (w, lo):
            if node not in labels:
                labels[node] = (values(store, node).get(RDFS + "label") or [""])[0]
        if not labels[w] or not labels[lo]:
            continue  # a paper's own unnamed approach is no party to a dispute between papers
        if p not in papers:
            papers[p] = values(store, p)
        title, year = (papers[p].get(DCTERMS + "title") or [""])[0], (papers[p].get(DCTERMS + "date") or [""])[0][:4]
        # the dataset the sentence names, else those the paper evaluates on
        ds = frozenset(v.get(PG + "dataset") or stated.get((p, evidence)) or evaluated.get(p, ()))
        wins.append(_Win(w, labels[w], lo, labels[lo], p, title, year, evidence, ds))
    if not wins:
        return DISPUTE_COLUMNS, []
    labels.update(_labels(store, {d for x in wins for d in x.datasets}))
    by_pair: dict[tuple[str, str], list[_Win]] = defaultdict(list)
    for x in wins:
        by_pair[(x.winner, x.loser)].append(x)
    out, seen = [], set()
    for (a, b), forward in sorted(by_pair.items()):
        for x in forward:
            for y in by_pair.get((b, a), ()):
                if x.paper == y.paper:
                    continue
                common = sorted(x.datasets & y.datasets)
                for d in common:
                    if wanted is not None and d not in wanted:
                        continue
                    k = (min(a, b), max(a, b), d, frozenset({x.paper, y.paper}))
                    if k in seen:
                        continue
                    seen.add(k)
                    out.append(["wins", labels.get(d, d), x.winner_label, x.loser_label, x.title, x.year, x.evidence,
                                y.title, y.year, y.evidence])
                k = (min(a, b), max(a, b), frozenset({x.paper, y.paper}))
                if any_dataset and not common and wanted is None and k not in seen:
                    seen.add(k)
                    where = " / ".join(", ".join(sorted(labels.get(d, d) for d in z.datasets)) or "?" for z in (x, y))
                    out.append(["wins, other datasets", where, x.winner_label, x.loser_label, x.title, x.year,
                                x.evidence, y.title, y.year, y.evidence])
    out += _value_disputes(store, wins, labels, wanted)
    out.sort(key=lambda r: (r[0], r[1].lower(), r[2].lower(), r[3].lower(), r[5], r[4]))
    return DISPUTE_COLUMNS, out


def _value_disputes(store, wins: list[_Win], labels, wanted) -> list[list[str]]:
    """Wins the stated values contradict: A's best value on the win's dataset, for a metric and
    split both have values for, is worse than B's."""
    models = {x.winner for x in wins} | {x.loser for x in wins}
    if not models:
        return []
    found = _results(store, sorted(models), "subject")
    best: dict[tuple[str, str], dict[tuple[str, str], Result]] = {}  # (model, dataset) -> (metric, split) -> best
    for r in found:
        if not r.metric:
            continue
        mine = best.setdefault((r.model_iri, r.dataset_iri), {})
        k = (r.metric.lower(), r.split.lower())
        if k not in mine or _better(r, mine[k]):
            mine[k] = r
    out = []
    for x in wins:
        for d in sorted(x.datasets):
            if wanted is not None and d not in wanted:
                continue
            theirs = best.get((x.loser, d), {})
            for k, ra in best.get((x.winner, d), {}).items():
                rb = theirs.get(k)
                if rb is not None and _better(rb, ra) and rb.paper_iri != x.paper:
                    out.append(["values", labels.get(d, d), x.winner_label, x.loser_label, x.title, x.year, x.evidence,
                                rb.paper, rb.year, f"{x.loser_label}: {rb.value} {rb.metric} vs {x.winner_label}: "
                                f"{ra.value} ({ra.paper}) — {rb.evidence}"])
    return out


def _labels(store, iris) -> dict[str, str]:
    return {d: (values(store, d).get(RDFS + "label") or [d])[0] for d in sorted(iris)}
