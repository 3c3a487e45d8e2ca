"""The contract between stages: plain dataclasses, importing neither spaCy nor rdflib."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

ENTITY_TYPES = ("method", "architecture", "dataset")
RELATIONS = ("evaluated-on", "outperforms", "extends")
ROLES = ("proposed", "baseline")
PAPER = "@paper"  # head of a claim made by the paper's own, unnamed approach
MIN_CONFIDENCE = 0.5  # claims below it are hidden unless asked for: on held-out papers fewer than half were right


@dataclass
class Paper:
    """One paper as a reader found it."""

    title: str
    abstract: str
    id: str | None = None
    url: str | None = None
    year: int | None = None
    source: str = ""  # "file:line" where the reader found it

    @property
    def text(self) -> str:
        """Title and abstract as one text; character offsets of mentions refer to it."""
        return f"{self.title}\n\n{self.abstract}"


@dataclass
class Entity:
    """A named method, architecture or dataset as one paper mentions it."""

    name: str  # canonical name
    type: str  # one of ENTITY_TYPES
    aliases: list[str] = field(default_factory=list)  # other surface forms, in order of appearance
    roles: list[str] = field(default_factory=list)  # subset of ROLES
    known: bool = False  # found in the lexicon (rather than by its shape or a definition)

    @property
    def surface_forms(self) -> list[str]:
        return [self.name, *self.aliases]


@dataclass
class Claim:
    """One relation stated by one sentence of one paper."""

    head: str  # an Entity.name of the same paper, or PAPER
    relation: str  # one of RELATIONS
    tail: str  # an Entity.name of the same paper
    evidence: str  # the sentence
    start: int  # character offsets of the sentence in Paper.text
    end: int
    confidence: float = 0.5
    dataset: str | None = None  # the dataset of a result, or of a win when the sentence says
    metric: str | None = None  # a result's metric: its name in the metric vocabulary, else as written
    value: str | None = None  # a result's value as written: "84.6%", "0.88"
    basis: str | None = None  # "cost": a win stated on cost alone (faster, fewer parameters)
    number: float | None = None  # the value as a number: 84.6
    unit: str | None = None  # "%", or the metric's unit ("dB"), or None
    split: str | None = None  # "val", "test", "test-dev", ... when stated
    metric_text: str | None = None  # the metric as written: "Top-1 Acc."
    margin: str | None = None  # a win's margin as written: "by 2.3%", "+1.2 mAP"
    margin_number: float | None = None  # the margin as a number: 2.3


@dataclass
class PaperGraph:
    """What extraction found in one paper."""

    paper: Paper
    entities: list[Entity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


# --- records: a PaperGraph as plain JSON-ready data, for caches and for other processes ---

# What json.dumps(value, ensure_ascii=False) gives, without the encoder it sets up on every call
# (records and digests are encoded once per paper; their data holds no cycles to check for)
to_json = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode


def paper_digest(paper: Paper) -> str:
    """A hash of what extraction reads from a paper: the same text gives the same digest."""
    import hashlib

    data = to_json([paper.title, paper.abstract, paper.id, paper.url, paper.year])
    return hashlib.sha256(data.encode()).hexdigest()[:32]


def to_record(r: PaperGraph, digest: str | None = None) -> dict:
    """`digest`: the paper's, when the caller has it already."""
    p = r.paper
    return {
        "digest": digest or paper_digest(p),
        "paper": [p.title, p.abstract, p.id, p.url, p.year, p.source],
        "entities": [[e.name, e.type, e.aliases, e.roles, e.known] for e in r.entities],
        "claims": [[c.head, c.relation, c.tail, c.evidence, c.start, c.end, c.confidence, c.dataset, c.metric,
                    c.value, c.basis, c.number, c.unit, c.split, c.metric_text, c.margin, c.margin_number]
                   for c in r.claims],
    }


def from_record(d: dict) -> PaperGraph:
    return PaperGraph(Paper(*d["paper"]), [Entity(*e) for e in d["entities"]], [Claim(*c) for c in d["claims"]])
