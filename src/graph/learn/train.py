"""Train the claim model (data/model/claims.json) from gold files, and measure it by
cross-validation.

    papergraph train                       # the training sets shipped in training/, 5 folds
    papergraph train --gold g.jsonl --input in.jsonl --out claims.json

Each candidate claim the extractor proposes (extract/candidates.py) is labelled by the gold file
(learn/gold.py: as the scorer matches): 1 when it is a required gold relation, 0 when it is none,
left out when it matches only an optional one. A logistic regression per relation is fitted on
all of them; its scores are calibrated (Platt) on the held-out folds of a k-fold split by paper,
and each relation's threshold is the one that gives the best held-out F1. Deterministic: the
folds are by position, the fit is Newton's method from zero, so the same data give the same file."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from graph.extract import decide, limits, tokens
from graph.learn import logistic
from graph.learn.gold import GoldPaper
from graph.model import RELATIONS

L2 = {"evaluated-on": 1.0, "outperforms": 1.0, "extends": 1.0}
NEW_AT_LEAST = 0.85  # the least probability at which a pair no rule proposed becomes a claim
THRESHOLDS = [round(0.05 * i, 2) for i in range(1, 19)]  # 0.05 .. 0.90


@dataclass
class Example:
    paper: int  # position of the gold paper
    relation: str
    features: list[str]
    label: int
    claim: tuple  # (head names or None, relation, tail names)


def examples(extractor, golds: list[GoldPaper]) -> list[Example]:
    """Every candidate within the hard limits, labelled; those matching only optional gold
    relations are left out."""
    out = []
    finder = extractor.nlp.get_pipe("pg_claims")
    for n, g in enumerate(golds):
        doc = extractor.nlp(g.paper.text)
        view = tokens.view(doc)
        ents = view.results["pg_entities"]
        me = view.results["pg_self"]
        own = {i for i, e in enumerate(ents) if "proposed" in e.roles} | ({me} if me is not None else set())
        ctx = finder.context(view)
        items = view.results["pg_items"]
        for c in view.results["pg_candidates"]:
            if limits.check(ctx, c, items[c.sent.i], finder.candidates) is None:
                continue
            head = None if c.head < 0 else set(ents[c.head].surface_forms)
            head_own = c.head < 0 or c.head in own
            tail = set(ents[c.tail].surface_forms)
            label = g.relation_label(head, head_own, c.relation, tail)
            if label is None:
                continue
            out.append(Example(n, c.relation, c.features, int(label),
                               (None if head is None else min(head), c.relation, min(tail))))
    return out


def _fit_relation(exs: list[Example], relation: str) -> dict[str, float]:
    rows = [e.features for e in exs if e.relation == relation]
    labels = [e.label for e in exs if e.relation == relation]
    if not rows or len(set(labels)) < 2:
        return {"bias": -5.0}
    return logistic.fit(rows, labels, l2=L2[relation])


def folds_of(n: int, k: int) -> list[int]:
    return [i % k for i in range(n)]


def held_out(exs: list[Example], n_papers: int, k: int) -> list[float]:
    """Each example's raw score from the model fitted on the other folds."""
    fold = folds_of(n_papers, k)
    scores = [0.0] * len(exs)
    for f in range(k):
        train = [e for e in exs if fold[e.paper] != f]
        for relation in RELATIONS:
            w = _fit_relation(train, relation)
            for i, e in enumerate(exs):
                if fold[e.paper] == f and e.relation == relation:
                    scores[i] = logistic.score(w, e.features)
    return scores


def _choose_thresholds(probs, exs, relation, required: int) -> tuple[dict, dict]:
    """The thresholds, for candidates a rule proposed and for the others, with the best held-out
    F1 of distinct claims (a paper's same claim from two sentences counts once, at its highest
    probability). A pair no rule proposed needs at least NEW_AT_LEAST: it must be likely right."""
    best_p: dict[tuple, tuple[float, int, bool]] = {}
    for p, e in zip(probs, exs):
        if e.relation != relation:
            continue
        k = (e.paper, e.claim)
        if k not in best_p or p > best_p[k][0]:
            best_p[k] = (p, e.label, "rule" in e.features)
    best = ({"rule": 0.5, "new": 0.9}, {"f1": -1.0})
    for t_rule in THRESHOLDS:
        for t_new in [t for t in THRESHOLDS if t >= NEW_AT_LEAST]:
            kept = [(y) for p, y, rule in best_p.values() if p >= (t_rule if rule else t_new)]
            tp, fp = sum(kept), len(kept) - sum(kept)
            prec = tp / (tp + fp) if tp + fp else 0.0
            rec = tp / required if required else 0.0
            f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
            if f1 > best[1]["f1"] + 1e-9:
                best = ({"rule": t_rule, "new": t_new},
                        {"p": round(prec, 3), "r": round(rec, 3), "f1": round(f1, 3), "tp": tp, "fp": fp})
    return best


def fit_model(exs: list[Example], n_papers: int, required: dict[str, int], k: int = 5) -> tuple[dict, dict]:
    """The model file's data from labelled examples of `n_papers` papers, and held-out figures:
    weights fitted on all, calibration and thresholds from k folds."""
    raw = held_out(exs, n_papers, k)
    model = {"relations": {}}
    report = {}
    for relation in RELATIONS:
        idx = [i for i, e in enumerate(exs) if e.relation == relation]
        a, b = logistic.platt([raw[i] for i in idx], [exs[i].label for i in idx])
        calibrated = decide.RelationModel({}, a, b, {})
        probs = [calibrated.probability_of(s) if e.relation == relation else 0.0 for s, e in zip(raw, exs)]
        thresholds, figures = _choose_thresholds(probs, exs, relation, required[relation])
        weights = _fit_relation(exs, relation)
        model["relations"][relation] = {"weights": dict(sorted(weights.items())), "calibration": [a, b],
                                        "threshold": thresholds}
        report[relation] = {"examples": len(idx), "positives": sum(exs[i].label for i in idx),
                            "required": required[relation], "threshold": thresholds, **figures}
    return model, report


def train(extractor, golds: list[GoldPaper], k: int = 5) -> tuple[dict, dict]:
    """(the model file's data, a report of held-out figures)."""
    exs = _examples_without_model(extractor, golds)
    required = {r: sum(g.required(r) for g in golds) for r in RELATIONS}
    model, figures = fit_model(exs, len(golds), required, k)
    model["trained_on"] = {"papers": len(golds), "examples": len(exs), "folds": k}
    return model, {"papers": len(golds), "folds": k, "relations": figures}


def _examples_without_model(extractor, golds):
    finder = extractor.nlp.get_pipe("pg_claims")
    saved, finder.model = finder.model, None  # candidates are the same with or without a model
    try:
        return examples(extractor, golds)
    finally:
        finder.model = saved


def write(model: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(model, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


def default_path() -> Path:
    return Path(__file__).resolve().parent.parent.joinpath(*decide.MODEL_FILE)


def cross_validate(extractor, golds: list[GoldPaper], k: int = 5) -> list:
    """Each paper extracted by a model that never saw it: k folds by position, each fold's model
    made by `fit_model` from the other folds alone (its calibration and thresholds from inner
    folds of those). The PaperGraphs, in gold order."""
    exs = _examples_without_model(extractor, golds)
    fold = folds_of(len(golds), k)
    finder = extractor.nlp.get_pipe("pg_claims")
    saved = finder.model
    graphs = [None] * len(golds)
    try:
        for f in range(k):
            papers = [n for n in range(len(golds)) if fold[n] != f]
            renumber = {p: i for i, p in enumerate(papers)}
            inner = [Example(renumber[e.paper], e.relation, e.features, e.label, e.claim)
                     for e in exs if fold[e.paper] != f]
            required = {r: sum(golds[n].required(r) for n in papers) for r in RELATIONS}
            model, _ = fit_model(inner, len(papers), required, k)
            finder.model = decide.ClaimModel.from_json(model)
            for n, g in enumerate(golds):
                if fold[n] == f:
                    graphs[n] = extractor.extract(g.paper)
    finally:
        finder.model = saved
    return graphs


def gold_lines(golds: list[GoldPaper]) -> list[dict]:
    """The gold papers as graph.evaluate reads them."""
    return [{"title": g.paper.title, "entities": g.entities, "relations": g.relations} for g in golds]


def write(model: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(model, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


def default_path() -> Path:
    return Path(__file__).resolve().parent.parent.joinpath(*decide.MODEL_FILE)


def cross_validate(extractor, golds: list[GoldPaper], k: int = 5) -> list:
    """Each paper extracted by a model that never saw it: k folds by position, each fold's model
    made by `fit_model` from the other folds alone (its calibration and thresholds from inner
    folds of those). The PaperGraphs, in gold order."""
    exs = _examples_without_model(extractor, golds)
    fold = folds_of(len(golds), k)
    finder = extractor.nlp.get_pipe("pg_claims")
    saved = finder.model
    graphs = [None] * len(golds)
    try:
        for f in range(k):
            papers = [n for n in range(len(golds)) if fold[n] != f]
            renumber = {p: i for i, p in enumerate(papers)}
            inner = [Example(renumber[e.paper], e.relation, e.features, e.label, e.claim)
                     for e in exs if fold[e.paper] != f]
            required = {r: sum(golds[n].required(r) for n in papers) for r in RELATIONS}
            model, _ = fit_model(inner, len(papers), required, k)
            finder.model = decide.ClaimModel.from_json(model)
            for n, g in enumerate(golds):
                if fold[n] == f:
                    graphs[n] = extractor.extract(g.paper)
    finally:
        finder.model = saved
    return graphs


def gold_lines(golds: list[GoldPaper]) -> list[dict]:
    """The gold papers as graph.evaluate reads them."""
    return [{"title": g.paper.title, "entities": g.entities, "relations": g.relations} for g in golds]


def at_thresholds(graphs, thresholds: dict[str, float]):
    """The graphs with only the claims whose confidence reaches their relation's threshold."""
    from graph.model import PaperGraph

    return [PaperGraph(g.paper, g.entities, [c for c in g.claims if c.confidence >= thresholds[c.relation]])
            for g in graphs]


def training_sets(folder: Path, include_sample: bool = True) -> list[GoldPaper]:
    """The training gold of `folder` (training/ in the repository): the shared train set with its
    inputs, then the hand-annotated corpus sample (gold lines that hold their abstracts)."""
    from graph.learn.gold import load

    golds = load(folder / "train.jsonl", folder / "train_input.jsonl")
    if include_sample:
        golds += load(folder / "corpus-sample.jsonl")
    return golds
