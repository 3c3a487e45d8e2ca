"""Score a built corpus against a hand-annotated gold file (the format and matching rules of
ANNOTATION.md), so users can measure extraction on their own sample.

Gold: JSON Lines, one paper a line: ``title``, ``entities`` (name, type, aliases, roles,
optional) and ``relations`` (head, type, tail, evidence, optional; head may be ``@paper``).
Papers are matched by normalised title. A predicted entity matches a gold one of the same paper
when any of its names equals any of the gold's names after normalisation (NFKC, lower case,
letters, digits and ``+`` only, a plural ``s`` dropped). A predicted relation matches a gold one of
the same type when both ends match; a head that is the paper's own proposed entity, or the paper
itself, also matches ``@paper``. Optional gold items, and predictions that match only them, count
neither way. Figures are micro-averaged over papers."""
from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from graph.build import Corpus
from graph.errors import InputError

ENTITY_TYPES = ("dataset", "architecture", "method")
RELATIONS = ("evaluated-on", "outperforms", "extends")
BANDS = ((0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))
PAPER = "@paper"


def norm(name: str) -> str:
    s = unicodedata.normalize("NFKC", name)
    plural = len(s) > 3 and s.endswith("s") and s[-2].isalpha() and not s.endswith("ss")
    s = "".join(ch for ch in s.lower() if ch.isalnum() or ch == "+")
    return s[:-1] if plural and s.endswith("s") else s


def _title_key(title: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", title).lower() if ch.isalnum())


def _coarse(t: str) -> str:
    return "model" if t in ("method", "architecture") else t


@dataclass
class Count:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


@dataclass
class Report:
    counts: dict[str, Count] = field(default_factory=lambda: defaultdict(Count))
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (title, kind, what)
    false_hits: list[tuple[str, str, str]] = field(default_factory=list)
    unmatched_titles: list[str] = field(default_factory=list)
    papers: int = 0
    judged: list[tuple[float, str, bool]] = field(default_factory=list)  # (confidence, relation, right) per claim

    def reliability(self, bands=BANDS) -> list[tuple[str, str, int, float | None]]:
        """(relation or "all", band, claims, share right) for each confidence band: is a claim
        of confidence c right at least c of the time?"""
        rows = []
        for rel in ("all", *RELATIONS):
            for lo, hi in bands:
                hits = [ok for c, k, ok in self.judged if lo <= c < hi and rel in ("all", k)]
                rows.append((rel, f"{lo:.1f}-{min(hi, 1.0):.1f}", len(hits), sum(hits) / len(hits) if hits else None))
        return rows


def read_gold(path: str) -> list[dict]:
    """The gold file's papers; a malformed line stops with its file and line number."""
    out = []
    try:
        fh = open(path, encoding="utf-8")
    except OSError as err:
        raise InputError(path, None, f"cannot read gold file: {err.strerror}") from None
    with fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                g = json.loads(line)
            except json.JSONDecodeError as err:
                raise InputError(path, n, f"not JSON: {err.msg}") from None
            if not isinstance(g, dict) or not isinstance(g.get("title"), str):
                raise InputError(path, n, 'a gold line needs a "title" string')
            names = set()
            for e in g.setdefault("entities", []):
                if not isinstance(e, dict) or not isinstance(e.get("name"), str) or e.get("type") not in ENTITY_TYPES:
                    raise InputError(path, n, f'each entity needs a "name" and a "type" in {", ".join(ENTITY_TYPES)}')
                names.add(e["name"])
            for r in g.setdefault("relations", []):
                if not isinstance(r, dict) or r.get("type") not in RELATIONS:
                    raise InputError(path, n, f'each relation needs a "type" in {", ".join(RELATIONS)}')
                for end in ("head", "tail"):
                    if r.get(end) != PAPER and r.get(end) not in names:
                        raise InputError(path, n, f"relation {end} {r.get(end)!r} is not an entity of this line")
            out.append(g)
    return out


def evaluate(corpus: Corpus, gold: list[dict]) -> Report:
    report = Report()
    by_title, all_roles = {}, {}
    edges = defaultdict(dict)  # paper -> (head, relation, tail) -> the highest confidence it is stated with
    for v in corpus.papers():
        by_title.setdefault(_title_key(v.paper.title), v.iri)
        all_roles[v.iri] = v.roles
        for e in v.edges:
            k = (e.head, e.relation, e.tail)
            edges[v.iri][k] = max(e.confidence, edges[v.iri].get(k, 0.0))
    names = {iri: {n.name, *n.aliases} for iri, n in corpus.nodes.items()}
    for g in gold:
        iri = by_title.get(_title_key(g["title"]))
        if iri is None:
            report.unmatched_titles.append(g["title"])
        else:
            report.papers += 1
        roles = all_roles.get(iri, {}) if iri else {}
        _entities(report, corpus, g, roles, names)
        _relations(report, g, iri, roles, edges.get(iri, {}), names)
    return report


def _label(names, iri):
    return min(names.get(iri, {iri}), key=lambda s: (len(s), s))


def _entities(report, corpus, g, roles, names):
    title = g["title"]
    gents = g["entities"]
    gkeys = [{norm(x) for x in [e["name"], *e.get("aliases", [])]} for e in gents]
    required = {i for i, e in enumerate(gents) if not e.get("optional")}
    found, found_typed, found_exact = set(), set(), set()
    typed_fp = defaultdict(int)
    c = report.counts
    for n in sorted(roles):
        node = corpus.nodes[n]
        keys = {norm(x) for x in names[n]}
        hits = [i for i, k in enumerate(gkeys) if k & keys]
        if not hits:
            c["entities"].fp += 1
            c["entities (typed)"].fp += 1
            typed_fp[node.type] += 1
            report.false_hits.append((title, f"entity ({node.type})", node.name))
            continue
        hits = [i for i in hits if i in required]
        if not hits:
            continue  # matches only optional gold: neither way
        found.update(hits)
        same = [i for i in hits if _coarse(gents[i]["type"]) == _coarse(node.type)]
        exact = [i for i in hits if gents[i]["type"] == node.type]
        if same:
            found_typed.update(same)
        else:
            c["entities (typed)"].fp += 1
            report.false_hits.append((title, f"entity type ({node.type})", f"{node.name}, gold says {gents[hits[0]]['type']}"))
        found_exact.update(exact)
        if exact:
            c[f"  {node.type}"].tp += 1
        else:
            typed_fp[node.type] += 1
    for t, n in typed_fp.items():
        c[f"  {t}"].fp += n
    c["entities"].tp += len(found)
    c["entities"].fn += len(required - found)
    c["entities (typed)"].tp += len(found_typed)
    c["entities (typed)"].fn += len(required - found_typed)
    for i in required:
        if i not in found_exact:
            c[f"  {gents[i]['type']}"].fn += 1
        if i not in found:
            report.misses.append((title, f"entity ({gents[i]['type']})", gents[i]["name"]))


def _relations(report, g, iri, roles, predicted, names):
    title = g["title"]
    gents = g["entities"]
    gkeys = {e["name"]: {norm(x) for x in [e["name"], *e.get("aliases", [])]} for e in gents}
    gold_proposed = {e["name"] for e in gents if "proposed" in e.get("roles", [])}
    own = {n for n, r in roles.items() if "proposed" in r}
    grels = g["relations"]
    used = set()
    fp = defaultdict(int)
    for head, rel, tail in sorted(predicted):
        hkeys = {norm(x) for x in names.get(head, ())}
        tkeys = {norm(x) for x in names.get(tail, ())}
        exact, loose = [], []
        for j, r in enumerate(grels):
            if r["type"] != rel or r["tail"] == PAPER or not gkeys[r["tail"]] & tkeys:
                continue
            if r["head"] != PAPER and gkeys[r["head"]] & hkeys:
                exact.append(j)
            elif (r["head"] == PAPER or r["head"] in gold_proposed) and (head in own or head == iri):
                loose.append(j)
        candidates = exact + loose
        fresh = [j for j in candidates if j not in used and not grels[j].get("optional")]
        if fresh:
            used.add(fresh[0])
            report.judged.append((predicted[(head, rel, tail)], rel, True))
        elif not candidates:
            report.judged.append((predicted[(head, rel, tail)], rel, False))
            fp[rel] += 1
            h = "(the paper)" if head == iri else _label(names, head)
            report.false_hits.append((title, rel, f"{h} -> {_label(names, tail)}"))
    for rel in RELATIONS:
        required = {j for j, r in enumerate(grels) if r["type"] == rel and not r.get("optional")}
        for key_ in (rel, "relations"):
            report.counts[key_].tp += len(used & required)
            report.counts[key_].fp += fp[rel]
            report.counts[key_].fn += len(required - used)
        for j in sorted(required - used):
            report.misses.append((title, rel, f"{grels[j]['head']} -> {grels[j]['tail']}"))


ORDER = ("entities", "entities (typed)", "  dataset", "  architecture", "  method",
         "relations", "evaluated-on", "outperforms", "extends")


def format_report(report: Report, details: bool = True) -> str:
    lines = [f"{report.papers} gold papers matched by title" +
             (f", {len(report.unmatched_titles)} not in the input" if report.unmatched_titles else ""), "",
             f"{'':20} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}"]
    for k in ORDER:
        c = report.counts.get(k, Count())
        lines.append(f"{k:20} {c.p:6.3f} {c.r:6.3f} {c.f1:6.3f} {c.tp:5} {c.fp:5} {c.fn:5}")
    lines.append("(entities (typed) counts method and architecture as one type; the indented lines are exact types)")
    lines += ["", "reliability: share of judged claims right, by confidence band (a claim of confidence c",
              "should be right at least c of the time; claims matching only optional gold are not judged)",
              f"{'':14} " + " ".join(f"{band:>11}" for band in dict.fromkeys(b for _, b, _, _ in report.reliability()))]
    row: dict[str, list[str]] = {}
    for rel, band, n, share in report.reliability():
        row.setdefault(rel, []).append(f"{'-' if share is None else f'{share:.2f}'} ({n})".rjust(11))
    lines += [f"{rel:14} " + " ".join(cells) for rel, cells in row.items()]
    if details:
        for heading, items in (("misses (in the gold, not found)", report.misses),
                               ("false hits (found, not in the gold)", report.false_hits)):
            lines += ["", f"{heading}: {len(items)}"]
            lines += [f"  [{t[:50]}] {kind}: {what}" for t, kind, what in items]
        if report.unmatched_titles:
            lines += ["", "gold titles not in the input:"] + [f"  {t}" for t in report.unmatched_titles]
    return "\n".join(lines)
