"""Gold files (ANNOTATION.md) and how a prediction matches them, as the scorer has it: names
are compared after normalisation (NFKC, lower case, only letters, digits and '+', a plural 's'
dropped); a relation matches when its type and both ends match, and a head that is the paper's
own approach matches '@paper' and the paper's proposed entities."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from graph.evaluate import norm
from graph.model import PAPER, Paper
from graph.text import clean


@dataclass
class GoldPaper:
    paper: Paper
    entities: list[dict]
    relations: list[dict]
    keys: list[set[str]] = field(default_factory=list)  # per gold entity: its normalised names
    index: dict[str, int] = field(default_factory=dict)  # gold name -> entity position
    proposed: set[int] = field(default_factory=set)

    def __post_init__(self):
        self.keys = [{norm(x) for x in [e["name"], *e.get("aliases", [])]} for e in self.entities]
        self.index = {e["name"]: i for i, e in enumerate(self.entities)}
        self.proposed = {i for i, e in enumerate(self.entities) if "proposed" in e.get("roles", [])}

    def entity_label(self, names: set[str]) -> tuple[bool | None, str | None]:
        """(True, type) when `names` match a required gold entity, (None, type) when they match only
        optional ones, (False, None) when they match none."""
        keys = {norm(n) for n in names}
        hits = [i for i, k in enumerate(self.keys) if k & keys]
        if not hits:
            return False, None
        required = [i for i in hits if not self.entities[i].get("optional")]
        first = (required or hits)[0]
        return (True if required else None), self.entities[first]["type"]

    def relation_label(self, head_names: set[str] | None, head_own: bool, relation: str,
                       tail_names: set[str]) -> bool | None:
        """True: matches a required gold relation; None: only optional ones; False: none.
        `head_names` None is the paper itself; `head_own`: the head is the paper's own work."""
        hk = {norm(n) for n in head_names} if head_names else set()
        tk = {norm(n) for n in tail_names}
        found = []
        for r in self.relations:
            if r["type"] != relation:
                continue
            t = self.index.get(r["tail"])
            if t is None or not (self.keys[t] & tk):
                continue
            h = r["head"]
            if h != PAPER and h in self.index and self.keys[self.index[h]] & hk:
                found.append(r)
            elif (h == PAPER or self.index.get(h) in self.proposed) and head_own:
                found.append(r)
        if not found:
            return False
        return True if any(not r.get("optional") for r in found) else None

    def required(self, relation: str) -> int:
        return sum(1 for r in self.relations if r["type"] == relation and not r.get("optional"))


def load(gold: Path, inputs: Path | None = None) -> list[GoldPaper]:
    """Gold lines joined to their texts: from `inputs` (title, abstract) by normalised title, or
    from the gold line itself when it holds an `abstract`."""
    texts = {}
    if inputs is not None:
        for line in inputs.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                texts[norm(r["title"])] = r
    out = []
    for n, line in enumerate(gold.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        g = json.loads(line)
        src = texts.get(norm(g["title"]), g)
        if "abstract" not in src:
            raise ValueError(f"{gold}:{n}: no abstract for {g['title']!r} (give the input file)")
        # the text as a reader gives it to extraction (TeX markup, tags and entities cleaned): training sees
        # what a build sees ("\\textsc{MTDiff}" is "MTDiff")
        paper = Paper(clean(g["title"]), clean(src["abstract"]), id=src.get("id"), year=src.get("year"))
        out.append(GoldPaper(paper, g.get("entities", []), g.get("relations", [])))
    return out
