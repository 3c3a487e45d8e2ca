"""The claim model: a logistic regression per relation over the features of candidates.py, with
its probabilities calibrated on held-out folds (learn/train.py), read from data/model/claims.json.

    p = 1 / (1 + exp(-(a * sum(weights[f] for f in features) + b)))

A candidate becomes a claim when p reaches the relation's threshold (one for candidates a rule
proposed, one for the others), and p is its confidence."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

MODEL_FILE = ("data", "model", "claims.json")


@dataclass(frozen=True)
class RelationModel:
    weights: dict[str, float]
    a: float  # calibration: slope and intercept on the raw score
    b: float
    threshold: dict[str, float]  # for candidates a rule proposed ("rule") and the others ("new")

    def probability(self, features) -> float:
        w = self.weights
        return self.probability_of(sum(w.get(f, 0.0) for f in features))

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
        return cls({r: RelationModel(m["weights"], m["calibration"][0], m["calibration"][1], m["threshold"])
                    for r, m in data["relations"].items()})


@lru_cache(maxsize=1)
def shipped() -> ClaimModel | None:
    """The model the package ships, or None when there is none (rules decide alone)."""
    path = resources.files("graph").joinpath(*MODEL_FILE)
    if not path.is_file():
        return None
    return ClaimModel.from_json(json.loads(path.read_text(encoding="utf-8")))
