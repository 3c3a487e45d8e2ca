"""The `pg_claims` component: relations stated by each sentence. Rules read the sentence's
structure and propose; with a claim model (decide.py, the package's by default), every candidate
pair of candidates.py (the rules' among them) is decided by the model within the hard limits of
limits.py, and its confidence is how often such claims were right on held-out papers; without
one (PAPERGRAPH_CLAIM_MODEL=none) the rules decide, with a confidence per kind of cue.

The rules: per sentence, the entities and the paper's self-references ("we", "our method") are
laid out in order, then:
- outperforms: a comparative cue ("outperforms", "better ... than", "X% over") with the nearest
  name or self-reference before it as head and the names after it (to the clause's end) as tails;
  a reversed cue ("inferior to", "lags behind") swaps them. "Comparable to" and wins on cost
  alone ("faster than") are not cues.
- evaluated-on: a result or evaluation cue with a dataset that is not only trained on; heads are
  the sentence's models outside comparison objects, or the paper's own approach.
- extends: a lineage cue ("based on", "builds upon", "extends", "inspired by") between a head
  and the names after it; and name morphology ("SeiT++", "SimCLRv2", "G-SimCLR").
Self-references resolve to the paper's main proposed entity, or to the paper itself.
Results: ``doc._.pg_claims``: list of (head, relation, tail, sentence (tokens.Sent), confidence, extra),
head and tail being entity indices, head None for the paper itself."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from graph.extract import decide, limits, results, shapes, tokens
from graph.extract.candidates import CandidateFinder, is_family
from graph.extract.cues import cues, watch, words
from graph.text import key

tokens.result_extension("pg_claims")

SELF = -1
_COMPARATIVES = {"better", "higher", "superior", "greater", "stronger", "lower", "more"}
_CLAUSE_END = {";", "while", "whereas", "but", "although", "though", "however", "yet"}
_COMPARE_MARKERS = watch(frozenset({"than", "compared", "versus", "vs", "vs.", "against", "over", "such", "including", "like",
                    "comparable", "similar", "competitive", "par", "matching", "matches", "baseline", "baselines"}))
_VERSUS = frozenset({"compared", "comparing", "against", "versus", "vs", "vs."})
_COMPARE_WORDS = watch(_VERSUS | {"than", "over"})  # the words _comparisons reads besides its cues
_STRONG_RESULT = {"experiments", "experiment", "experimental", "results", "evaluate", "evaluated", "evaluation",
                  "benchmark", "benchmarks", "achieves", "achieve", "achieved", "achieving", "%"}
# after "Compared to X," what says the paper's work does better, and what says it only ties; who the clause is about
_BETTER_AFTER = frozenset({"better", "higher", "superior", "outperforms", "outperform", "improves", "improve", "improved",
                           "improvement", "improvements", "gain", "gains", "boost", "reduce", "reduces", "reduced",
                           "lower", "greater", "surpasses", "exceeds"})
_TIE_WORDS = frozenset({"comparable", "competitive", "similar", "par", "matches", "match", "close", "slightly", "may",
                        "could"})
_CLAUSE_SUBJECTS = frozenset({"we", "our", "ours", "the", "this", "it", "proposed"})
_POSITIVE = {"superior", "better", "improvement", "improvements", "higher", "boost", "gains", "gain", "outperforms"}
_WEAK_EXTENDS = {"improves", "improve", "improving", "integrates", "integrate", "applying", "combine", "combines",
                 "scale", "scales", "revisit", "rethinks", "adapts", "modifies"}
_COMPARED = frozenset({"over", "than"})
_OTHERS = {"methods", "approaches", "models", "networks", "works", "techniques", "architectures", "algorithms"}
_RELATIVE = {"which", "that", "where", "who", "across"}  # what follows is no longer what the cue's object is
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
UNCLAIMED_CONFIDENCE = 0.45  # see ClaimFinder._decide: such claims were right 47% of the time in nested CV (bench_claims)
_ORDER = {"outperforms": 0, "evaluated-on": 1, "extends": 2}  # a sentence's claims, in the order its rules find them


@dataclass(frozen=True)
class _Context:
    """What every sentence of one doc is read against."""

    view: tokens.View
    ents: list
    me: int  # the paper's main proposed entity, or SELF
    proposed: frozenset  # entities the paper proposes
    own: frozenset  # proposed | {me}: the paper's own work
    parts: frozenset = frozenset()  # proposed entities named as parts of the approach ("the RaM block")


@Language.factory("pg_claims")
def make_claims(nlp: Language, name: str):
    return ClaimFinder()


class ClaimFinder:
    def __init__(self):
        self.not_cues = cues("not_outperforms")
        self.ext_cues = cues("extends")
        self.eval_cues = cues("evaluate")
        self.result_verbs = cues("result_verbs")
        self.train_cues = cues("trained_on")
        self.self_cues = cues("self")
        self.candidates = CandidateFinder()
        self.model = decide.shipped()

    @staticmethod
    def context(view) -> "_Context":
        ents = view.results["pg_entities"]
        me = SELF if view.results["pg_self"] is None else view.results["pg_self"]
        proposed = frozenset(i for i, e in enumerate(ents) if "proposed" in e.roles)
        entity_of = view.results["pg_entity_of"]
        parts = frozenset(entity_of[mi] for mi, m in enumerate(view.results["pg_mentions"])
                          if entity_of[mi] in proposed and entity_of[mi] != me and _before_part_noun(view, m.end))
        return _Context(view, ents, me, proposed, proposed | {me}, parts)

    def __call__(self, doc: Doc) -> Doc:
        view = tokens.view(doc)
        ctx = self.context(view)
        ents, entity_of = ctx.ents, view.results["pg_entity_of"]
        sents = view.sents
        by_sent: list[list[int]] = [[] for _ in sents]  # mentions of each sentence
        starts = view.starts
        for mi, m in enumerate(view.results["pg_mentions"]):
            by_sent[bisect_right(starts, m.start) - 1].append((m, entity_of[mi]))
        items = [self._items(ctx, sent, mentions) for sent, mentions in zip(sents, by_sent)]
        claims: list[tuple] = []
        for sent, its in zip(sents, items):
            claims += self._sentence(ctx, sent, its)
        present = [{e for _, e in mentions} for mentions in by_sent]
        claims += self._morphology(ents, sents, present, ctx.own)
        rules: dict[int, set] = {}
        for h, r, t, sent, *_ in claims:
            if sent is not None and h != t:
                rules.setdefault(sent.i, set()).add((h, r, t))
        candidates = []
        for sent, its in zip(sents, items):
            if its or sent.i in rules:
                candidates += self.candidates.sentence(ctx, sent, its, rules.get(sent.i, set()))
        view.results["pg_candidates"] = candidates
        view.results["pg_items"] = items
        if self.model is not None:
            claims = self._decide(ctx, candidates, items)
        claims = self._with_numbers(ctx, claims, items)
        if self.model is not None:  # what tells right claims from wrong on held-out papers (decide.EVIDENCE); a
            # hedged claim's confidence lowered after (limits.HEDGED), as the calibration is flat where it falls
            hedged = view.results.get("pg_hedged", {})
            claims = [c[:4] + (round(self.model.relations[c[1]].confidence_stated(c[4], _shown(ents, c)) *
                                     hedged.get((c[0], c[1], c[2], c[3].i if c[3] is not None else None), 1.0), 2), c[5])
                      if c[1] in decide.EVIDENCE else c for c in claims]
        seen, stated, unique = set(), set(), []
        for c in claims:  # a claim once, from its first (or likeliest) sentence; other sentences for the numbers they state
            k = (c[0], c[1], c[2])
            if c[0] == c[2] or (k, c[3] and c[3].i) in stated:
                continue
            if k not in seen or c[5] and c[5].get("results"):
                seen.add(k)
                stated.add((k, c[3] and c[3].i))
                unique.append(c)
        for h, r, t, *_ in unique:  # role `baseline`: what the paper's own work is claimed to beat
            if r == "outperforms" and h in ctx.own and not ents[t].roles:
                ents[t].roles.append("baseline")
        view.results["pg_claims"] = [(None if h == SELF else h, r, t, s, conf, extra) for h, r, t, s, conf, extra in unique]
        return doc

    def _decide(self, ctx, candidates, items) -> list[tuple]:
        """The candidates the model accepts within the hard limits, each with its confidence (the
        model's probability mapped to how often such claims were right on held-out papers): in
        text order, a claim stated twice once, from its likeliest sentence; then the other
        sentences stating an evaluated-on claim, for the numbers they may give; then the
        unclaimed datasets.

        A dataset the paper names, not only trains on and not its own, that no sentence states a
        result on is unclaimed: a paper names a dataset because it evaluates on it (in the
        annotated sets, 97% of the datasets an abstract names end an evaluated-on claim). Its claim
        is the paper's own, from the sentence the model finds likeliest, with the confidence such
        claims earned on held-out papers (UNCLAIMED_CONFIDENCE)."""
        kept: dict[tuple, tuple] = {}
        also: dict[tuple, tuple] = {}
        likeliest: dict[int, tuple] = {}  # dataset -> (probability, candidate) of the paper's own result on it
        for c in candidates:
            its = items[c.sent.i]
            verdict = limits.check(ctx, c, its, self.candidates)
            if verdict is None:
                continue
            raw = self.model.probability(c.relation, c.features)
            p = raw * verdict.factor
            if c.relation == "evaluated-on" and c.head in ctx.own and (c.tail not in likeliest or p > likeliest[c.tail][0]):
                likeliest[c.tail] = (p, c)
            if p < self.model.threshold(c.relation, "rule" in c.features):
                continue
            extra = verdict.extra
            k = (c.head, c.relation, c.tail)
            conf = round(self.model.relations[c.relation].confidence_of(raw), 2)  # (a hedge lowers it later)
            claim = (c.head, c.relation, c.tail, c.sent, conf, extra)
            if verdict.factor != 1.0:
                ctx.view.results.setdefault("pg_hedged", {})[(c.head, c.relation, c.tail, c.sent.i)] = verdict.factor
            if k not in kept or conf > kept[k][4]:
                if k in kept and c.relation == "evaluated-on":
                    also[(k, kept[k][3].i)] = kept[k]
                kept[k] = claim
            elif c.relation == "evaluated-on":
                also.setdefault((k, c.sent.i), claim)
        order = lambda k: (k[3].i, _ORDER[k[1]])  # noqa: E731
        best = sorted(kept.values(), key=order)
        claimed = {t for _, r, t in kept if r == "evaluated-on"}
        unclaimed = sorted((c for t, (_, c) in likeliest.items() if t not in claimed), key=lambda c: (c.sent.i, c.tail))
        return (best + sorted((c for c in also.values() if kept[c[:3]][3].i != c[3].i), key=order) +
                [(c.head, "evaluated-on", c.tail, c.sent, UNCLAIMED_CONFIDENCE, None) for c in unclaimed])

    @staticmethod
    def _with_numbers(ctx, claims: list[tuple], items) -> list[tuple]:
        """The claims with the numbers their sentences state (results.py): an evaluated-on claim
        gets the values stated on its dataset for its head (extra["results"]: one claim per value
        downstream); a win gets the margin stated after its loser, and the dataset it was on."""
        view = ctx.view
        read: dict[int, tuple] = {}  # sentence -> (its numbers, entity -> character positions of its names)
        by_sent: dict[int, list[tuple]] = {}
        for c in claims:
            if c[3] is not None and c[1] != "extends":
                by_sent.setdefault(c[3].i, []).append(c)
        out = []
        respectively: dict[int, list[int]] = {}  # sentence -> where within it (characters) it says "respectively"
        for i in view.positions("respectively"):
            at = view.sent_at(i)
            respectively.setdefault(at.i, []).append(view.idx[i] - view.idx[at.start])
        for c in claims:
            h, r, t, sent, conf, extra = c
            if sent is None or r == "extends":
                out.append(c)
                continue
            if sent.i not in read:
                its = items[sent.i]
                found = _numbers(view, sent, its)
                first = view.idx[sent.start]
                where: dict[int, list[int]] = {}  # names and self-references
                for s_, _, _, e in its if found else ():
                    where.setdefault(e, []).append(view.idx[sent.start + s_] - first)
                read[sent.i] = found, where
            found, where = read[sent.i]
            if r == "evaluated-on":
                rivals = [x[0] for x in by_sent[sent.i] if x[1] == "evaluated-on" and x[2] == t]
                mine = [n for n in found if n.kind == "value" and n.dataset == t and
                        (n.head == h or n.head is None and _claimant(n, rivals, where) == h)]
                if mine:
                    extra = dict(extra or {}, results=mine)
            else:
                margins = [n for n in found if n.kind == "margin"]
                if margins:
                    text = view.span_text(sent.start, sent.end)
                    paired = _respective_margin(h, t, by_sent[sent.i], margins, where, respectively[sent.i],
                                                text) if sent.i in respectively else None
                    others = sorted(p for k, ps in where.items() if k != t for p in ps)  # where other names stand
                    free = _not_anothers(t, margins, where, others, text)
                    after = [n for n in free if any(p < n.start for p in where.get(t, ()))]
                    margin = paired or _margin_before(t, margins, where, others, text) or (after or free or [None])[0]
                    if margin is not None:
                        extra = dict(extra or {}, margin=margin)
            out.append((h, r, t, sent, conf, extra))
        return out + ClaimFinder._unclaimed_values(out, read, respectively) + \
            ClaimFinder._respectively_before(ctx, out, items, respectively)

    @staticmethod
    def _unclaimed_values(claims: list[tuple], read: dict, respectively: dict[int, list[int]]) -> list[tuple]:
        """Claims for values a result sentence pairs 'respectively' with a dataset that no claim of the
        sentence ends on ("AUCs of 0.9816, 0.9851 and 0.9881 on DRIVE, CHASE-DB1 and STARE, respectively"):
        by the head of the sentence's first result claim."""
        out = []
        by_sent: dict[int, list] = {}
        for c in claims:
            if c[1] == "evaluated-on" and c[3] is not None:
                by_sent.setdefault(c[3].i, []).append(c)
        for i, (found, _) in read.items():
            there = by_sent.get(i)
            if not there or not any(c[5] and c[5].get("results") for c in there):
                continue
            if i not in respectively:
                continue
            claimed = {c[2] for c in there}
            missing = [n for n in found if n.kind == "value" and n.dataset is not None and n.dataset not in claimed]
            if len({n.dataset for n in found if n.kind == "value" and n.dataset is not None}) < 2:
                continue
            base = next(c for c in there if c[5] and c[5].get("results"))
            for d in dict.fromkeys(n.dataset for n in missing):
                out.append((base[0], "evaluated-on", d, base[3], base[4], {"results": [n for n in missing if n.dataset == d]}))
        return out

    @staticmethod
    def _respectively_before(ctx, claims: list[tuple], items, respectively: dict[int, list[int]]) -> list[tuple]:
        """Claims for a list of values 'respectively' in a sentence that names no dataset, paired with the
        datasets of the sentence before it (results.read): by the head claimed on them there."""
        view = ctx.view
        out = []
        for sent in (view.sents[i] for i in sorted(respectively) if i > 0):
            its = items[sent.i]
            if any(k == "dataset" for _, _, k, _ in its):
                continue
            earlier = []
            for j in (sent.i - 1, sent.i - 2):  # the last of the two sentences before that names datasets
                earlier = [e for _, _, k, e in items[j] if k == "dataset"] if j >= 0 else []
                if earlier:
                    break
            if len(set(earlier)) < 2:
                continue
            found = [n for n in _numbers(view, sent, its, tuple(earlier)) if n.kind == "value" and n.dataset is not None]
            named = {e for _, _, k, e in its if k in ("model", "self")}
            for d in dict.fromkeys(n.dataset for n in found):
                on = [c for c in claims if c[1] == "evaluated-on" and c[2] == d and c[3] is not None]
                on = [c for c in on if c[0] in named] or [c for c in on if c[0] in ctx.own] or on
                if on:
                    out.append((on[0][0], "evaluated-on", d, sent, on[0][4],
                                {"results": [n for n in found if n.dataset == d]}))
        return out

    # -- one sentence -------------------------------------------------------------------------
    def _items(self, ctx, sent, mentions):
        """(start, end, kind, entity) of the sentence's names and self-references, positions
        within the sentence, in order; kind: dataset, model, modifier ("X-based") or self."""
        if not mentions:
            return []  # a claim names something (self-references alone state none)
        view, ents, me = ctx.view, ctx.ents, ctx.me
        base = sent.start
        items = []
        for m, e in mentions:
            kind = "dataset" if ents[e].type == "dataset" else "model"
            if kind == "model" and _modifier(view.lowers, m.end):
                kind = "modifier"  # "self-attention based models", "ViT-like": not who acts
            items.append((m.start - base, m.end - base, kind, e))
        for s, e in view.cues_in(self.self_cues, sent):
            if not any(i[0] <= s < i[1] for i in items):
                items.append((s, e, "self", me))
        for i in _it_acting(view.lowers, view.positions("it"), sent.start, sent.end):
            if not any(it[0] <= i < it[1] for it in items):
                items.append((i, i + 1, "self", me))
        items.sort()
        return items

    def _sentence(self, ctx, sent, items):
        if not any(k != "self" for _, _, k, _ in items):
            return []
        view = ctx.view
        lower = view.lowers[sent.start:sent.end]
        out = []
        comparisons = self._comparisons(view, sent, lower)
        tail_zone: set[int] = set()
        for start, end, reverse in comparisons:
            left = self._left(items, start, ctx.own, skip=tail_zone)
            if left is None:
                continue
            tails = self._right(items, end, lower, comparisons)
            for _, _, _, t in tails:
                tail_zone.add(t)
                h, tt = (t, left[3]) if reverse else (left[3], t)
                if h != tt:
                    out.append((h, "outperforms", tt, sent, 0.8 if not reverse else 0.7, None))
        out += self._compared_first(ctx, sent, lower, items, tail_zone)
        out += self._evaluated(ctx, sent, lower, items, tail_zone)
        out += self._extends(ctx, sent, lower, items)
        return out

    def _compared_first(self, ctx, sent, lower, items, tail_zone):
        """A win stated after a leading comparison: "Compared to Mip-NeRF, we reduce error rates by 20%",
        "In comparison with X, our method achieves higher accuracy": the paper's own work (after the
        clause) beats what the clause names, when the rest says it does better (not "comparable")."""
        opener = 1 if lower[:1] in (["compared"], ["comparing"]) else \
            2 if lower[:2] in (["in", "comparison"], ["when", "compared"], ["as", "compared"]) else 0
        if not opener:
            return []
        comma = _clause_comma(lower, opener)
        if comma is None:
            return []
        rest = lower[comma + 1:]
        if not _BETTER_AFTER.intersection(rest) or _TIE_WORDS.intersection(rest):
            return []
        heads = [it for it in items if it[0] > comma and it[2] in ("model", "self") and it[3] in ctx.own]
        if not heads or not (heads[0][0] <= comma + 4 or any(w in _CLAUSE_SUBJECTS for w in rest[:3])):
            return []  # the clause is about the paper's work, not another model's ("Compared to X, ViT-B is better")
        out = []
        for it in self._right(items, opener, lower[:comma], [], stop_words=_RELATIVE)[:3]:
            if it[3] != heads[0][3]:
                tail_zone.add(it[3])
                out.append((heads[0][3], "outperforms", it[3], sent, 0.7, None))
        return out

    def _comparisons(self, view, sent, lower):
        """(start, end, reversed) of each comparative cue in the sentence."""
        found = [(s, e, fam == "outperformed_by") for s, e, fam, _ in self.candidates.marks(view, sent, lower)
                 if fam in ("outperforms", "outperformed_by")]  # the cue sets, matched once per sentence
        taken = {i for s, e, _ in found for i in range(s, e)}
        negated = {i for s, e in view.cues_in(self.not_cues, sent) for i in range(s, e)}
        for i in view.hits(_COMPARE_WORDS, sent):
            if i in taken:
                continue
            w = lower[i]
            if w == "than" and not negated & set(range(i - 6, i)) and (any(x in _COMPARATIVES for x in lower[max(0, i - 6):i]) or
                                any(x in {"higher", "better"} for x in lower[i + 1:i + 9])):
                found.append((i, i + 1, False))
            elif w == "over" and i and (lower[i - 1] == "%" or _NUMBER.match(lower[i - 1].lstrip("+")) or
                                        lower[i - 1] in _MERITS or _merit_of(lower, i)):
                found.append((i, i + 1, False))  # "2.1% over X", "a significant improvement over X", "the
                # superiority of A over B"
            elif w in _VERSUS and any(x in _POSITIVE for x in lower[:i]):
                end = i + 2 if i + 1 < len(lower) and lower[i + 1] in {"to", "with"} else i + 1
                found.append((i, end, False))
        return sorted(c for c in found if c[0] not in negated)

    @staticmethod
    def _left(items, pos, own=frozenset(), skip=frozenset()):
        """The head of a cue at `pos`: the nearest name or self-reference before it, preferring
        the paper's own entities ("EMOv2-5M equipped RetinaNet surpasses X": EMOv2-5M) and
        passing over what an earlier cue of the sentence compared against."""
        before = [it for it in items if it[1] <= pos and it[2] in ("model", "self") and it[3] not in skip]
        for it in reversed(before):
            if it[3] in own:
                return it
        return before[-1] if before else None

    @staticmethod
    def _right(items, pos, lower, comparisons, limit=None, stop_words=frozenset()):
        stops = [i for i in range(pos, len(lower)) if lower[i] in _CLAUSE_END or lower[i] in stop_words]
        stops += [s for s, _, _ in comparisons if s >= pos]
        stop = min(stops) if stops else len(lower)
        if limit is not None:
            stop = min(stop, pos + limit)
        return [it for it in items if pos <= it[0] < stop and it[2] == "model"]

    def _evaluated(self, ctx, sent, lower, items, tail_zone):
        me, view = ctx.me, ctx.view
        if not (view.cues_in(self.eval_cues, sent) or "%" in lower):
            return []
        trained = {e for s, e in view.cues_in(self.train_cues, sent)}
        datasets = []
        for it in items:
            if it[2] != "dataset":
                continue
            before = it[0]
            if any(0 <= before - e <= 2 for e in trained):
                continue  # "pre-trained on ImageNet-21K" is training, not a test
            if it[1] < len(lower) and lower[it[1]] in {"pre-training", "pretraining", "pre-trained", "pretrained"}:
                continue
            datasets.append(it)
        if not datasets:
            return []
        marker_zone = set()
        for i in view.hits(_COMPARE_MARKERS, sent):
            marker_zone |= {it[3] for it in items if it[0] > i and it[2] == "model" and it[0] - i <= 8}
        candidates = [it for it in items if it[2] in ("model", "self")]
        verbs = [s for s, _ in view.cues_in(self.result_verbs, sent)]
        if verbs and any(it[1] <= verbs[0] for it in candidates):
            # "X achieves 84% on D with Y": who achieves is the subject, before the verb
            candidates = [it for it in candidates if it[1] <= verbs[0]]
        heads = [it[3] for it in candidates
                 if it[2] == "model" and it[3] not in tail_zone and it[3] not in marker_zone]
        if any(it[2] == "self" for it in candidates):
            # "we evaluate X on D", "our method achieves ... on D": the result is the paper's own,
            # named models in the sentence are its tools unless they are what the paper proposes
            heads = [h for h in heads if h in ctx.proposed] + [me]
        elif not heads and _STRONG_RESULT & set(lower):
            heads.append(me)
        out = []
        for h in dict.fromkeys(heads):
            for d in datasets:
                if h == me and d[3] in ctx.proposed:
                    continue  # a paper's own benchmark is what it evaluates others on, not a result of its own
                conf = 0.7 if h != me else 0.6
                out.append((h, "evaluated-on", d[3], sent, conf, None))
        return out

    def _extends(self, ctx, sent, lower, items):
        own, me, view = ctx.own, ctx.me, ctx.view
        out = []
        for start, end in view.cues_in(self.ext_cues, sent):
            if start and view.texts[sent.start + start].istitle():
                continue  # part of a name: "Prune, Combine, and Augment"
            if start and lower[start - 1] in _OTHERS and not _PROPOSING.intersection(lower[max(0, start - 8):start]):
                continue  # "methods based on vision transformers": others' work, not the paper's (but "we propose two
                # algorithms based on X" is)
            weak = lower[start] in _WEAK_EXTENDS
            apposed = _apposed(items, lower, start, end)
            if apposed is not None:  # "McSplit+RL, a more recent variant of McSplit": whoever's it is
                out.append((apposed[0], "extends", apposed[1], sent, 0.7, None))
                continue
            left = self._left(items, start)
            if left is None and start <= 1 and not weak and "," in lower[end:]:
                # "Inspired by X, our algorithm ...": the head follows the cue's clause
                comma = _clause_comma(lower, end)
                after = [it for it in items if it[0] > comma and it[2] in ("model", "self")]
                if after and after[0][3] in own:
                    for it in self._right(items, end, lower[:comma], [], limit=10)[:3]:
                        out.append((after[0][3], "extends", it[3], sent, 0.7, None))
                continue
            tails = self._right(items, end, lower, [], limit=10, stop_words=_RELATIVE)
            heads = _coordinated(items, lower, left) if left is not None and "respectively" in lower[end:] else []
            if not weak and len(heads) == len(tails) > 1 and own.intersection(it[3] for it in heads):
                # "two models named BGCN and BGAT, based on GCN and GAT, respectively": each on its own
                out += [(h[3], "extends", t[3], sent, 0.7, None) for h, t in zip(heads, tails)]
                continue
            if left is None or left[3] not in own:
                continue  # lineage is what a paper says of its own work
            if weak and left[2] != "self" and left[3] != me:
                continue
            if "into" in lower[end:]:  # "integrates A and B into C": C is what is built on
                into = lower.index("into", end)
                tails = [it for it in tails if it[0] < into] + self._right(items, into + 1, lower, [], limit=6)
            if weak:  # "improves 2.1% over DeiT": a win, not lineage
                tails = [it for it in tails if not _COMPARED.intersection(lower[end:it[0]])]
            for it in tails[:3]:
                out.append((left[3], "extends", it[3], sent, 0.5 if weak else 0.7, None))
        return out

    @staticmethod
    def _morphology(ents, sents, present, own=frozenset()):
        """'SeiT++' extends 'SeiT', 'SimCLRv2' extends 'SimCLR', 'G-SimCLR' extends 'SimCLR'; and
        the paper's own model whose name holds another model's name at its start or end, with more
        than a size or number ('PyNeRF' of 'NeRF', 'HDNet-lite' of 'HDNet', 'feature-weighted mean
        shift' of 'mean shift'; not 'ResNet-50' of 'ResNet'), which the model decides on."""
        by_key = {key(e.name): i for i, e in enumerate(ents)}
        for i, e in enumerate(ents):
            for alias in e.aliases:
                by_key.setdefault(key(alias), i)
        out = []
        for i, e in enumerate(ents):
            if e.type == "dataset":
                continue
            bases = [base for form in e.surface_forms for base in shapes.lineage_base(form)]
            found = {by_key.get(key(b)) for b in bases} - {None, i}
            if i in own:
                found |= {j for j in _held_names(e, ents, by_key) if j != i}
            for j in sorted(found):
                if ents[j].type != "dataset":
                    sent = _first_sentence(sents, present, {i, j}) or _first_sentence(sents, present, {i})
                    out.append((i, "extends", j, sent, 0.6, None))
        return out


_PROPOSING = frozenset({"propose", "proposes", "present", "presents", "introduce", "introduces", "develop", "develops",
                        "design", "designs", "devise", "devises"})
_OF_KIND = frozenset({"variant", "variants", "version", "versions", "extension", "extensions", "generalization",
                      "generalizations", "generalisation", "generalisations", "modification", "modifications",
                      "adaptation", "adaptations", "successor", "upgrade"})
_PREPOSITIONS = frozenset({"for", "on", "in", "with", "to", "of", "from", "by", "using", "than", "over"})
_APPOSING = frozenset({"i.e.", "i.e", "namely", "called", "named", "dubbed", "termed", "coined"})
# nouns that name a part of an approach: a proposed name before one is a component, not the approach
# ("novel DownBCL, UpBCL, and CorrBCL operations", "a Region-aware Mixing (RaM) block")
_PART_NOUNS = frozenset({"module", "modules", "block", "blocks", "layer", "layers", "operation", "operations", "operator",
                         "operators", "unit", "units", "mechanism", "mechanisms", "component", "components", "submodule",
                         "cell", "cells", "branch", "branches"})
def _clause_comma(lower: list[str], start: int) -> int:
    """The first comma from `start` outside brackets: "By extending ListNet (Cao et al., 2007), we ..." ends its
    clause at the comma after the citation; the last comma when every one is inside."""
    depth, last = 0, None
    for i in range(start, len(lower)):
        w = lower[i]
        depth += (w == "(") - (w == ")" and depth > 0)
        if w == ",":
            last = i
            if depth == 0:
                return i
    return last


def _before_part_noun(view, j: int) -> bool:
    """Whether a part noun ends the list a name stands in: "DownBCL, UpBCL, and CorrBCL operations"."""
    lowers, texts = view.lowers, view.texts
    for k in range(j, min(len(lowers), j + 8)):
        if lowers[k] in _PART_NOUNS:
            return True
        if lowers[k] not in (",", "and", "or", "(", ")") and texts[k] == lowers[k]:
            return False  # a lower-case word that is no part noun: the list, if any, has ended
    return False


_TAIL_WORDS = frozenset({"the", "a", "an", "recently", "proposed", "original", "well-known", "popular", "standard",
                         "classic", "classical", "existing", "vanilla", "conventional", "seminal"})


def _apposed(items, lower, start, end):
    """(head, tail) entities of a lineage cue of kind ("a variant of", "a version of") set beside a
    name: "FMC_ATA, an asynchronous version of FMC_TA", "X, which is a variant of Y", "X is a
    lightweight version of Y"; or the name after: "a lightweight version of HDNet, i.e., HDNet-lite".
    None when the sentence does not read so."""
    if lower[start] not in _OF_KIND or lower[end - 1] not in ("of", "to"):
        return None
    j = end
    while j < len(lower) and j - end < 4 and lower[j] in _TAIL_WORDS:
        j += 1
    tail = next((it for it in items if it[0] == j and it[2] == "model"), None)
    if tail is None:
        return None
    # the name before: "<name> , [which is|was] a|an [up to four words] <cue>", "<name> is a <cue>"
    i = start - 1
    while i >= 0 and start - i <= 5 and lower[i] not in ("a", "an") and lower[i].replace("-", "").isalpha() \
            and lower[i] not in ("which", "is", "was", "are", "were"):
        i -= 1
    if i >= 1 and lower[i] in ("are", "were") and lower[start].endswith("s"):
        # "Deep Gaussian Processes (DGPs) are hierarchical generalizations of Gaussian Processes"
        head = next((it for it in items if it[1] == i and it[2] == "model"), None)
        if head is None and i >= 3 and lower[i - 1] == ")":
            head = next((it for it in items if it[1] == i - 1 and it[2] == "model"), None)
        if head is not None and head[3] != tail[3]:
            return head[3], tail[3]
    if i >= 1 and lower[i] in ("a", "an"):
        k = i - 1
        if k >= 2 and lower[k] in ("is", "was") and lower[k - 1] == "which" and lower[k - 2] == ",":
            k -= 2
        if lower[k] in (",", "is", "was"):
            head = next((it for it in items if it[1] == k and it[2] == "model"), None)
            if head is not None and head[3] != tail[3] and not (head[0] and lower[head[0] - 1] in _PREPOSITIONS):
                return head[3], tail[3]  # not "For VGGNet, a multi-pass version of network slimming": a setting
    # the name after: "<cue> <tail> , [i.e.|namely|called ...] [,] <name>"
    k = tail[1]
    if k < len(lower) and lower[k] == ",":
        k += 1
        while k < len(lower) and (lower[k] in _APPOSING or lower[k] == ","):
            k += 1
        head = next((it for it in items if it[0] == k and it[2] == "model"), None)
        if head is not None and head[3] != tail[3] and k > tail[1] + 1 and any(w in _APPOSING for w in lower[tail[1]:k]):
            return head[3], tail[3]
    return None


_SIZE_REST = re.compile(r"^(?:\d+[a-z]?|[a-z]?\d+|xs|xl|xxl|ti|base|large|small|tiny|huge|mini|s|m|b|l|h|t|"
                        r"models?|nets?|networks?|algorithms?|methods?|frameworks?)$")
_KINDS = tuple(sorted(words("kinds_of_work")))  # "neural architecture search": what "BigNAS" does, not builds on


def _held_names(e, ents, by_key) -> set[int]:
    """Entities whose name (or an alias) starts or ends one of `e`'s names, with more than a size
    or a number left over ("ResNet-50" holds "ResNet" as a size); families and kinds of work are
    left out."""
    out = set()
    for form in e.surface_forms:
        k = key(form)
        for tk, j in by_key.items():
            if len(tk) < 3 or len(tk) >= len(k) or ents[j].type == "dataset" or \
                    is_family(ents[j]) or any(f.lower().endswith(_KINDS) for f in ents[j].surface_forms):
                continue  # a family ("As-ViT" holds "ViT") or an area ("BigNAS") is a kind, not a model built on
            if k.startswith(tk):
                rest = k[len(tk):]
            elif k.endswith(tk):
                rest = k[:-len(tk)]
            else:
                continue
            if not _SIZE_REST.match(rest):
                out.add(j)
    return out


_MERITS = frozenset({"improvement", "improvements", "gain", "gains", "advantage", "advantages", "superiority",
                     "edge", "boost", "boosts"})


def _merit_of(lower, i: int) -> bool:
    """Whether 'over' at `i` follows "<merit> of <a few words>" ("the superiority of ACPRC over", "the
    advantages of CSC over"), within its clause."""
    for j in range(i - 1, max(-1, i - 7), -1):
        if lower[j] in (",", ";", "than"):
            return False
        if lower[j] == "of" and j > 0 and lower[j - 1] in _MERITS:
            return True
    return False


def _numbers(view, sent, its, previous=()) -> list:
    """The numbers a sentence states (results.read), positions within its text."""
    text = view.span_text(sent.start, sent.end)
    if not any(ch.isdigit() for ch in text):
        return []
    first = view.idx[sent.start]
    return results.read(text, [i - first for i in view.idx[sent.start:sent.end]], its, previous)


watch({"it"})
_ACTS = frozenset({"outperforms", "surpasses", "beats", "exceeds", "achieves", "obtains", "attains", "reaches",
                   "improves", "yields", "performs", "outperformed", "surpassed", "achieved", "obtained"})
_OPENERS = frozenset({",", "moreover", "furthermore", "additionally", "also", "and", "empirically", "experimentally"})


def _shown(ents, claim: tuple) -> bool:
    """Whether a claim shows its relation's evidence (decide.shows_evidence)."""
    h, r, t, _, _, extra = claim
    head_forms = ents[h].surface_forms if h is not None and h != SELF else ()
    return decide.shows_evidence(r, extra and extra.get("margin"), head_forms, ents[t].surface_forms)


def _respective_margin(h, t, claims: list[tuple], margins: list, where: dict, marks: list[int], text: str):
    """The margin 'respectively' pairs with the win over `t`: "outperforms A and B by 7.9% and 5.8%,
    respectively" gives A 7.9% and B 5.8%, and so does "gains of 7.9% (4.8%) and 5.8% (9.3%) over A and B,
    respectively", when the part of the sentence that ends at the tail's 'respectively' lists as many
    margins, not counting those in brackets, as the head's wins there; else None. `marks`: where the
    sentence (`text`) says 'respectively'."""
    at = min(where.get(t, ()), default=None)
    end = next((m for m in marks if m > at), None) if at is not None else None
    if end is None:
        return None
    begin = max((m for m in marks if m < at), default=-1)
    tails = sorted({c[2] for c in claims if c[0] == h and c[1] == "outperforms" and
                    any(begin < p < end for p in where.get(c[2], ()))},
                   key=lambda x: min(p for p in where[x] if begin < p))
    if len(tails) < 2 or t not in tails:
        return None
    listed = [n for n in margins if begin < n.start < end and not text[:n.start].rstrip().endswith("(")]
    if len(listed) != len(tails):
        last = max(min(p for p in where[x] if begin < p) for x in tails)
        listed = [n for n in listed if n.start > last]  # margins after the tails, when others come before them
    return listed[tails.index(t)] if len(listed) == len(tails) else None


# what may stand between a margin and the word introducing its loser: "5.7% against", "72.3% overall bit
# rate saving over", "2 points higher than"; no clause break, no other number
_TO_LOSER = re.compile(r"^(?:[^\d;:()\[\]]{0,40}?\b|\s*\(\s*)(?:over|against|than|compared (?:to|with)|relative to)\s+"
                       r"(?:(?:the|a|an|all|both|strong|existing|previous|baseline)\s+)*$", re.I)


def _margin_before(t, margins: list, where: dict, others: list[int], text: str):
    """The margin stated right before the words that introduce the win's loser `t` ("improvements of
    5.7% against ETPA and 0.6% against NILE" gives NILE 0.6%, which the first margin after ETPA, or the
    sentence's first, was before); else None. `others`: where the sentence's other names stand."""
    for p in sorted(where.get(t, ())):
        near = [n for n in margins if n.end <= p]
        if near and _TO_LOSER.match(text[near[-1].end:p]) and not _ends_list(near, text) and \
                not any(near[-1].end <= q < p for q in others):  # "by 3.4% over BERT and ... than RoBERTa"
            return near[-1]
    return None


def _ends_list(near: list, text: str) -> bool:
    """Whether the last of these margins ends a list of them ("19.22 and 3.22 compared to A and B,
    respectively", "1.36, 1.50, and 0.63 BLEU improvements ... compared to A"): then it is not the
    margin of whatever follows it alone."""
    return len(near) > 1 and re.fullmatch(r"[\s,]*(?:and|or)?\s*", text[near[-2].end:near[-1].start]) is not None


def _not_anothers(t, margins: list, where: dict, others: list[int], text: str) -> list:
    """The margins not stated after `t` right before the words introducing another name ("72.3% saving over
    HNeRV and 43.4% over DCVC": 43.4% is DCVC's, not a margin for the win over HNeRV; "by 2.1% over BERT and
    RoBERTa" gives both 2.1%)."""
    first = min(where.get(t, ()), default=-1)
    return [n for n in margins if n.start < first or _ends_list([m for m in margins if m.end <= n.end], text) or
            not any(p >= n.end and _TO_LOSER.match(text[n.end:p]) for p in others)]


def _coordinated(items, lower: list[str], last) -> list:
    """The models listed together ending with the item `last` ("BGCN and BGAT", "A, B, and C"), in order."""
    run = [last]
    for it in reversed([it for it in items if it[1] <= last[0]]):
        between = lower[it[1]:run[0][0]]
        if it[2] != "model" or not between or any(w not in {",", "and"} for w in between):
            break
        run.insert(0, it)
    return run


def _it_acting(lowers: list[str], its: list[int], start: int, end: int) -> list[int]:
    """Where, within the sentence, 'it' (at doc positions `its`) opens the sentence (or its clause
    after 'moreover,') as the subject of a result or win verb ('It outperforms X', 'Moreover, it also
    outperforms Y'): in an abstract, the paper's own approach, named in the sentence before."""
    return [i - start for i in its[bisect_left(its, start):bisect_left(its, end)]
            if (i == start or lowers[i - 1] in _OPENERS) and any(x in _ACTS for x in lowers[i + 1:min(i + 4, end)])
            and not (i + 1 < end and lowers[i + 1] in ("is", "was", "has"))]


def _modifier(lowers, end) -> bool:
    """Whether the name ending at token `end` modifies what follows: "X-based", "X based", "X-like"."""
    nxt = lowers[end] if end < len(lowers) else ""
    if nxt == "-" and end + 1 < len(lowers):
        nxt = lowers[end + 1]
    return nxt in {"based", "like", "style", "inspired", "driven"}


def _first_sentence(sents, present, wanted):
    """The first sentence in which all `wanted` entities are named."""
    for sent, names in zip(sents, present):
        if wanted <= names:
            return sent
    return None


def _claimant(n, heads: list[int], where: dict[int, list[int]]) -> int | None:
    """Which of the heads claimed on a value's dataset states the value: the one named last
    before it ("X reaches 84.6%, and Y ..."), else the first."""
    best, at = None, -1
    for h in dict.fromkeys(heads):
        for p in where.get(h, ()):
            if at < p < n.start:
                best, at = h, p
    return best if best is not None else (heads[0] if heads else None)
