"""The learned models extraction reads (data/model/, written by learn/train.py): the claim model,
a logistic regression per relation over the features of candidates.py, and the two decisions of
entities.py (dataset or model; a name or not), read the same way.

    p = 1 / (1 + exp(-(a * sum(weights[f] for f in features) + b)))

A candidate becomes a claim when p reaches the relation's threshold (one for candidates a rule
proposed, one for the others); its confidence is p mapped to how often such claims were right on
held-out papers (RelationModel.confidence_of)."""
from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from graph.text import key

MODEL_FILE = ("data", "model", "claims.json")


PRIOR = 20  # how many claims a confidence counts as when a side's share right moves it (confidence_stated): with 10,
# wins stating a margin got 0.85 and were right 18 of 26 times on the real corpus (a reading, not annotated sets)


# What tells right claims from wrong ones on held-out papers, where the model's probability does not:
# a win stating its margin ("by 2.3%"), a lineage claim whose head's name holds the tail's ("PyNeRF" of
# NeRF). learn/train.py counts both sides (fit_stated); extraction reads them (confidence_stated).
EVIDENCE = {"outperforms": "a margin stated", "extends": "the head's name holding the tail's"}


def share_at_least(right: int, n: int, z: float = 1.0) -> float:
    """The lower end of the Wilson score interval of right / n (z standard errors): 15 of 15 -> 0.94,
    41 of 55 -> 0.68."""
    if n == 0:
        return 0.0
    p = right / n
    centre = p + z * z / (2 * n)
    spread = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - spread) / (1 + z * z / n)


def shows_evidence(relation: str, margin, head_forms, tail_forms) -> bool:
    """Whether a claim shows its relation's evidence (EVIDENCE): a win its margin, a lineage claim a
    head whose name holds the tail's. `head_forms` is empty for the paper's own unnamed approach."""
    if relation == "outperforms":
        return bool(margin)
    return bool(head_forms) and names_hold(head_forms, tail_forms)


def names_hold(head_forms, tail_forms) -> bool:
    """Whether a head's name holds a tail's ('PyNeRF' holds 'NeRF'; 'ResNet' does not hold 'ResNet')."""
    heads = [key(h) for h in head_forms]
    return any(len(t) >= 2 and any(t in h and t != h for h in heads) for t in map(key, tail_forms))


@dataclass(frozen=True)
class RelationModel:
    weights: dict[str, float]
    a: float  # calibration: slope and intercept on the raw score
    b: float
    threshold: dict[str, float]  # for candidates a rule proposed ("rule") and the others ("new")
    confidence: tuple = ()  # probability -> confidence: points of a monotone map, interpolated (none: the same)
    stated: tuple = ()  # held-out claims (right, claims) showing the relation's evidence, then not (see EVIDENCE)

    def probability(self, features) -> float:
        return self.probability_of(sum(filter(None, map(self.weights.get, features))))

    @classmethod
    def from_json(cls, data: dict) -> "RelationModel":
        return cls(data["weights"], data["calibration"][0], data["calibration"][1], data.get("threshold", {}),
                   tuple(tuple(p) for p in data.get("confidence", ())), tuple(data.get("stated", ())))

    def confidence_stated(self, confidence: float, shown: bool) -> float:
        """A claim's confidence moved toward how often held-out claims of its side (showing the
        relation's evidence, EVIDENCE, or not) were right: (claims * share + PRIOR * confidence) /
        (claims + PRIOR), the confidence counting as PRIOR claims, so a side of few claims moves it
        little. The share is the lower end of its one-standard-error Wilson interval: a side's share
        is measured on few claims, and a confidence must not promise more than was seen."""
        if not self.stated:
            return confidence
        right, claims = self.stated[:2] if shown else self.stated[2:]
        return (claims * share_at_least(right, claims) + PRIOR * confidence) / (claims + PRIOR)

    def confidence_of(self, p: float) -> float:
        """The confidence of a claim of probability p: how often such claims were right on held-out
        papers (learn/train.py fits the map)."""
        points = self.confidence
        if not points:
            return p
        if p <= points[0][0]:
            return points[0][1]
        for (x0, y0), (x1, y1) in zip(points, points[1:]):
            if p <= x1:
                return y0 + (y1 - y0) * (p - x0) / (x1 - x0) if x1 > x0 else y1
        return points[-1][1]

    def probability_of(self, score: float) -> float:
        """The calibrated probability of a raw score."""
        z = self.a * score + self.b
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class ClaimModel:
    relations: dict[str, RelationModel]

    def probability(self, relation: str, features) -> float:
        return self.relations[relation].probability(features)

    def threshold(self, relation: str, rule: bool) -> float:
        return self.relations[relation].threshold["rule" if rule else "new"]

    @classmethod
    def from_json(cls, data: dict) -> "ClaimModel":
        return cls({r: RelationModel.from_json(m) for r, m in data["relations"].items()})


ENV = "PAPERGRAPH_CLAIM_MODEL"  # a model file to use instead of the package's, or "none": the rules alone


def source() -> str:
    """Which model extraction uses: the package's file, the file $PAPERGRAPH_CLAIM_MODEL names,
    or "none" (rules decide alone, with a confidence per kind of cue)."""
    return os.environ.get(ENV) or str(_path(MODEL_FILE))


def model_bytes() -> bytes:
    """What the active model is, for the fingerprint of extraction records."""
    src = source()
    if src == "none":
        return src.encode()
    others = [_path(TYPING_FILE), _path(ACCEPT_FILE)]
    return Path(src).read_bytes() + b"".join(p.read_bytes() for p in others if p.is_file())


def shipped() -> ClaimModel | None:
    """The active model (see `source`)."""
    return _load(source())


@lru_cache(maxsize=4)
def _load(src: str) -> ClaimModel | None:
    if src == "none":
        return None
    return ClaimModel.from_json(json.loads(Path(src).read_text(encoding="utf-8")))


TYPING_FILE = ("data", "model", "typing.json")
ACCEPT_FILE = ("data", "model", "accept.json")


def typing_model() -> RelationModel | None:
    """The dataset-or-model decision for names the lexicon does not know (entities.py), or None
    (no model file, or $PAPERGRAPH_CLAIM_MODEL is "none"): the word votes decide alone."""
    return _entity_model(TYPING_FILE, os.environ.get(ENV) == "none")


def accept_model() -> RelationModel | None:
    """Whether a name the lexicon does not know is kept as an entity (entities.py), or None (no
    model file, or $PAPERGRAPH_CLAIM_MODEL is "none"): every name found is kept."""
    return _entity_model(ACCEPT_FILE, os.environ.get(ENV) == "none")


def _path(parts: tuple[str, ...]) -> Path:
    return Path(str(resources.files("graph").joinpath(*parts)))


@lru_cache(maxsize=4)
def _entity_model(parts: tuple[str, ...], rules_alone: bool) -> RelationModel | None:
    path = _path(parts)
    if rules_alone or not path.is_file():
        return None
    return RelationModel.from_json(json.loads(path.read_text(encoding="utf-8")))
