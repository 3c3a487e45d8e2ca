"""Candidate claims and what a model reads of them.

Rules propose (`ClaimFinder` in claims.py); this module lists every pair a sentence could state a
claim between — two names, or a name and the paper's own approach — for each relation whose cue
family the sentence holds, and describes each pair by features: which cue families stand between,
before and after its ends, their order and distance, the ends' types and roles, the words around
the tail. A learned model (decide.py) turns the features into the probability that the sentence
states the claim. Features are strings; the model's weights are keyed by them."""
from __future__ import annotations

from dataclasses import dataclass, field

from graph.extract import shapes, tokens
from graph.extract.cues import cues, watch
from graph.text import key

SELF = -1
# Single words of a cue family, watched so a Doc's view indexes them in its one pass
_WORD_FAMILIES = {
    "than": {"than"},
    "over": {"over"},
    "versus": {"compared", "comparing", "versus", "vs", "vs.", "against", "relative"},
    "example": {"including", "e.g.", "e.g", "like", "such"},
    "cost": {"faster", "fewer", "less", "smaller", "cheaper", "speedup", "speed-up", "efficient", "latency",
             "flops", "memory", "parameters", "params", "lighter", "compute", "cost", "throughput", "time"},
    "quality": {"accuracy", "accurate", "performance", "quality", "error", "map", "miou", "bleu", "f1", "auc",
                "precision", "recall", "psnr", "fid", "results", "score", "top-1", "perplexity"},
    "hedge": {"comparable", "competitive", "rivaling", "rivals", "approaching", "approaches", "similar", "close",
              "nearly", "almost", "par", "matching", "match", "matches", "slightly", "sometimes", "often", "may",
              "can", "could", "potentially", "even"},
    "negation": {"not", "no", "never", "cannot", "fail", "fails", "without"},
    "relative": {"which", "that", "where", "who", "whose"},
    "clause": {";", "while", "whereas", "but", "although", "though", "however", "yet"},
    "percent": {"%"},
    "prep_on": {"on", "in", "across", "over", "using"},
    "self": {"we", "our", "ours", "us"},
    "baseline": {"baseline", "baselines", "prior", "previous", "existing", "state-of-the-art", "sota"},
    "new": {"new", "novel", "propose", "proposed", "present", "introduce"},
}
_WORDS: dict[str, tuple[str, ...]] = {}  # word -> its families ("over" is a comparison and a preposition)
for _fam, _ws in _WORD_FAMILIES.items():
    for _w in _ws:
        _WORDS[_w] = _WORDS.get(_w, ()) + (_fam,)
watch(frozenset(_WORDS))
# what makes a sentence worth reading for a comparison or lineage claim
_LINKING = frozenset(_WORD_FAMILIES["than"] | _WORD_FAMILIES["over"] | _WORD_FAMILIES["versus"])
_LINKING_SETS = ("outperforms", "outperformed_by", "not_outperforms", "extends")
_CUE_FAMILIES = ("outperforms", "outperformed_by", "not_outperforms", "extends", "evaluate", "result_verbs",
                 "trained_on", "propose", "naming")
_STRONG_EXTENDS = frozenset({"extends", "extend", "extending", "extended", "extension of", "built on", "built upon",
                             "builds on", "builds upon", "building on", "building upon", "variant of", "variants of",
                             "version of", "generalizes", "generalize", "generalises", "generalization of",
                             "derived from", "successor of", "successor to", "modification of", "upgrade of",
                             "inspired by", "based on", "on top of", "built off", "draws inspiration from",
                             "draw inspiration from", "drawing inspiration from", "inspired from", "generalizations of",
                             "extensions of", "modifications of", "adaptation of", "expand on", "expands on",
                             "expanding on", "expand upon", "expands upon", "expanding upon", "hybrid of",
                             "extension to"})
_DIRECTED = frozenset({"outperforms", "outperformed_by", "not_outperforms", "than", "over", "versus",
                       "extends_strong", "extends_weak"})
CLASS_NOUNS = frozenset({"methods", "models", "approaches", "algorithms", "techniques", "baselines", "networks",
                          "architectures", "systems", "variants", "solvers", "frameworks", "counterparts", "detectors",
                          "classifiers", "estimators", "optimizers", "schemes", "strategies"})
_GENERAL = ("bias", "rule", "names_nested", "tclass", "h_own", "t_own", "own=", "tfamily", "hfamily", "order", "dist=",
            "hkind", "tkind", "between_names", "hname=", "tname=", "hdata=", "tdata=", "tknown", "hknown")
_KEPT: dict[str, dict[str, bool]] = {"extends": {}, "outperforms": {}}  # feature -> whether _FEW keeps it (bounded
# by the features there are: cue texts and words around a name are a few thousand)
_PARTICIPLES = {"outperformed", "surpassed", "exceeded", "beaten", "bettered"}  # "X is (consistently) ___ by Y": Y wins
_BE = {"is", "are", "was", "were", "be", "been", "being", "get", "gets", "got"}
_ADVERBS = {"still", "often", "always", "even", "also", "far", "much", "then", "now", "easily", "usually"}
_WIN_CUES = {"outperforms": True, "than": True, "over": True, "outperformed_by": False}  # cue -> the first name wins
_FEW = {  # relations with few training examples: the features their model reads
    "extends": (*_GENERAL, "cue:", "extends_strong@", "extends_weak@", "tknown", "tlower", "tdigit"),
    "outperforms": (*_GENERAL, "outperforms@", "outperformed_by@", "not_outperforms@", "than@", "over@", "versus@",
                    "hedge@", "cost@", "quality@", "negation@", "example@", "clause@between", "relative@between",
                    "baseline@", "percent@", "win_for"),
}
# Families of models, named as a class rather than as one model (ANNOTATION.md, convention 1)
FAMILIES = frozenset(key(w) for w in (
    "CNN", "RNN", "LSTM", "GRU", "Transformer", "GAN", "VAE", "MLP", "GNN", "GCN", "LLM", "VLM", "ViT",
    "diffusion model", "autoencoder", "ConvNet", "BERT", "ResNet", "U-Net", "Seq2Seq", "HMM", "CRF", "SVM"))


def is_family(entity) -> bool:
    """Whether an entity is a family of models by any of its names ("ViTs", "Vision Transformer")."""
    return any(key(f) in FAMILIES for f in entity.surface_forms)


@dataclass
class Candidate:
    head: int  # entity index, or SELF (the paper's own approach)
    relation: str
    tail: int
    sent: tokens.Sent
    features: list[str] = field(default_factory=list)


def _bucket(n: int, edges=(0, 1, 2, 4, 8, 16)) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return "more"


class CandidateFinder:
    """Lists candidate claims of one sentence and their features."""

    def __init__(self):
        self.sets = {name: cues(name) for name in _CUE_FAMILIES}

    def marks(self, view, sent, lower) -> list[tuple[int, int, str, str]]:
        """(start, end, family, cue text) of every cue of the sentence, positions within it; found
        once per sentence (the hard limits read them again)."""
        cache = view.results.setdefault("pg_marks", {})
        found = cache.get(sent.i)
        if found is None:
            found = cache[sent.i] = self._marks(view, sent, lower)
        return found

    def _marks(self, view, sent, lower) -> list[tuple[int, int, str, str]]:
        out = []
        for name, cue_set in self.sets.items():
            for s, e in view.cues_in(cue_set, sent):
                text = " ".join(lower[s:e])
                fam = name
                if name == "extends":
                    fam = "extends_strong" if text in _STRONG_EXTENDS else "extends_weak"
                out.append((s, e, fam, text))
        for i, w in enumerate(lower):
            for fam in _WORDS.get(w, ()):
                out.append((i, i + 1, fam, w))
        for n, (s, e, fam, text) in enumerate(out):
            if fam == "outperforms" and e == s + 1 and text in _PARTICIPLES and e < len(lower) and lower[e] == "by" and \
                    any(lower[b] in _BE and all(lower[a].endswith("ly") or lower[a] in _ADVERBS for a in range(b + 1, s))
                        for b in range(max(0, s - 3), s)):
                out[n] = (s, e + 1, "outperformed_by", text + " by")  # "are still outperformed by", "was beaten by"
        reversed_ = [(s, e) for s, e, fam, _ in out if fam == "outperformed_by"]
        if reversed_:  # "is outperformed by" holds "outperformed": one reversed cue, not a win cue as well
            out = [m for m in out if m[2] != "outperforms" or not any(s <= m[0] and m[1] <= e for s, e in reversed_)]
        return out

    def sentence(self, ctx, sent, items, rules) -> list[Candidate]:
        """Candidates of one sentence. `items`: (start, end, kind, entity) of its names and
        self-references, positions within the sentence; `rules`: the (head, relation, tail) the
        rules found in it."""
        view, ents, me = ctx.view, ctx.ents, ctx.me
        datasets = [it for it in items if it[2] == "dataset"]
        if not (datasets or rules or view.hits(_LINKING, sent)
                or any(view.cues_in(self.sets[name], sent) for name in _LINKING_SETS)):
            return []  # no dataset, no comparison, no lineage: nothing to propose
        lower = view.lowers[sent.start:sent.end]
        marks = self.marks(view, sent, lower)
        fams = {m[2] for m in marks}
        models = [it for it in items if it[2] in ("model", "modifier", "self")]
        out: list[Candidate] = []
        has_self_item = any(it[2] == "self" for it in items)
        named = [it for it in items if it[2] == "model"]
        # the paper's own approach, unnamed in the sentence, may state a claim only where no
        # named model could be the one that states it ("Experiments on X show ...")
        implicit = None if has_self_item or named else (-1, -1, "implicit", me)
        common = ["bias", f"sent0={sent.i == 0}", f"last={sent.end == len(view)}", *(f"sent:{f}" for f in sorted(fams))]
        counts = [f"n_models={_bucket(len({it[3] for it in models}))}",
                  f"n_datasets={_bucket(len({it[3] for it in datasets}))}"]
        seen = set()

        def add(h_it, relation, t_it):
            h, t = h_it[3], t_it[3]
            if h == t or (h, relation, t) in seen:
                return
            seen.add((h, relation, t))
            feats = common + counts + self._pair(ctx, lower, marks, h_it, t_it, items)
            r = (h, relation, t)
            if r in rules:
                feats.append("rule")
            if (t, relation, h) in rules:
                feats.append("rule_reversed")
            if h >= 0:
                hk, tk = key(ents[h].name), key(ents[t].name)
                if tk in hk or hk in tk:
                    feats.append("names_nested" if len(tk) < len(hk) else "names_nested_reversed")
            if relation in _FEW:  # few examples: a few general features, not the words around
                kept = _KEPT[relation]
                if len(kept) > 1 << 16:
                    kept.clear()
                feats = [x for x in feats if kept.get(x) or kept.setdefault(x, x.startswith(_FEW[relation]))]
            out.append(Candidate(h, relation, t, sent, feats))

        if datasets:
            # who is evaluated: the paper's own work; other models only where a rule found it
            # ("ResNet-50 attains 78.9% on ImageNet"), as a name in a result sentence is most
            # often a baseline or a part
            heads = [it for it in models if it[2] == "self" or it[3] in ctx.own or
                     any((it[3], "evaluated-on", d[3]) in rules for d in datasets)]
            heads += [implicit] if implicit else []
            for h_it in heads:
                for d in datasets:
                    add(h_it, "evaluated-on", d)
            # the paper's other proposed models, named elsewhere; "the proposed models", "our
            # methods" speak of all of them
            plural = any(it[2] == "self" and (lower[it[1] - 1] in CLASS_NOUNS or
                                              it[1] < len(lower) and lower[it[1]] in CLASS_NOUNS) for it in items)
            # a part ("the RaM block") has no results of its own here, unless "our models" speaks of all
            for p in sorted(ctx.proposed - (frozenset() if plural else ctx.parts)):
                if p != me and p not in {it[3] for it in models} and ents[p].type != "dataset":
                    for d in datasets:
                        add((-1, -1, "elsewhere_plural" if plural else "elsewhere", p), "evaluated-on", d)
        comparing = fams & {"outperforms", "outperformed_by", "not_outperforms", "than", "over", "versus"}
        if comparing:
            pool = list(models) + ([implicit] if implicit else [])
            for h_it in pool:
                for t_it in models:
                    if t_it[2] != "self":
                        add(h_it, "outperforms", t_it)
        if fams & {"extends_strong", "extends_weak"}:
            pool = list(models) + ([implicit] if implicit else [])
            for h_it in pool:
                for t_it in models:
                    if t_it[2] != "self":
                        add(h_it, "extends", t_it)
        for r in sorted(rules):  # what a rule found that no pair above covers (name morphology); in a set, so sorted:
            # its order is that of string hashes, which differ from process to process
            if r not in seen:
                seen.add(r)
                out.append(Candidate(r[0], r[1], r[2], sent, [*common, "rule", "rule_only", *self._named(ctx, *r)]))
        return out

    @staticmethod
    def _named(ctx, h, relation, t) -> list[str]:
        """What the names of a rule's pair say, where no sentence links them: whether the head is
        the paper's own, the tail a family, and whether the head's name declares a new version of
        the tail's ("SeiT++", "SimCLRv2") or only holds it ("PyNeRF", "HDNet-lite")."""
        ents = ctx.ents
        if h < 0:
            return ["h_absent"]
        f = [f"h_own={h in ctx.own}", f"t_own={t in ctx.own}"]
        if key(ents[t].name) in FAMILIES:
            f.append("tfamily")
        if relation == "extends":
            tail = {key(x) for x in ents[t].surface_forms}
            version = any(key(b) in tail for form in ents[h].surface_forms for b in shapes.lineage_base(form))
            if version:
                f.append("name_version")
            else:  # "HDNet-lite" starts with its base; "BigNAS" ends with its kind more often than its base
                heads = [key(x) for x in ents[h].surface_forms]
                f.append("name_holds@start" if any(k.startswith(tk) for k in heads for tk in tail) else "name_holds@end")
            f.append(f"ttype={ents[t].type}")
            f.append(f"tknown={ents[t].known}")
        return f

    def _pair(self, ctx, lower, marks, h_it, t_it, items) -> list[str]:
        ents, view = ctx.ents, ctx.view
        hs, he, hkind, h = h_it
        ts, te, tkind, t = t_it
        f = []
        f.append(f"hkind={hkind}")
        f.append(f"tkind={tkind}")
        own_h = h in ctx.own or hkind in ("self", "implicit", "elsewhere", "elsewhere_plural")
        f.append(f"h_own={own_h}")
        f.append(f"t_own={t in ctx.own}")
        f.append(f"own={own_h}/{t in ctx.own}")
        scores = view.results.get("pg_scores") or []
        for side, e in (("h", h), ("t", t)):
            if e == SELF or e < 0:
                continue
            ent = ents[e]
            p_name, p_dataset = scores[e] if e < len(scores) else (None, None)
            if p_name is not None:  # how sure entity recognition was: a name? a dataset?
                f.append(f"{side}name={min(int(p_name * 4), 3)}")
            if p_dataset is not None:
                f.append(f"{side}data={min(int(p_dataset * 4), 3)}")
            f.append(f"{side}type={ent.type}")
            f.append(f"{side}known={ent.known}")
            if key(ent.name) in FAMILIES:
                f.append(f"{side}family")
            if any(c.isdigit() for c in ent.name):
                f.append(f"{side}digit")
            if ent.name.islower():
                f.append(f"{side}lower")
        flip = False
        if hs < 0:  # no position: the paper itself, named elsewhere
            lo, hi = ts, ts
            f.append("h_absent")
            f.append(f"t_at={_bucket(ts, (0, 2, 5, 10, 20))}")
        else:
            order = "ht" if hs < ts else "th"
            lo, hi = (he, ts) if hs < ts else (te, hs)
            fams_between = {fam for s, e, fam, _ in marks if lo <= s and e <= hi}
            if "outperformed_by" in fams_between and not fams_between & {"outperforms", "than", "over"}:
                # "B is inferior to A" is read as "A outperforms B": the same features, so what
                # the model learnt of the commoner form applies to the rarer
                flip = True
                order = "th" if order == "ht" else "ht"
                f.append("reversed_cue")
            f.append(f"order={order}")
            f.append(f"dist={_bucket(hi - lo)}")
            between = sum(1 for it in items if lo <= it[0] < hi and it[3] not in (h, t))
            f.append(f"between_names={_bucket(between, (0, 1, 2))}")
        first, last = (min(hs, ts), max(he, te)) if hs >= 0 else (ts, te)
        for s, e, fam, text in marks:
            if hs >= 0 and lo <= s and e <= hi:
                where = "between"
            elif e <= first:
                where = "before"
            elif s >= last:
                where = "after"
            else:
                continue
            if flip and fam == "outperformed_by":
                fam = "outperforms"
            f.append(f"{fam}@{where}")
            if hs >= 0 and fam in _DIRECTED:  # which way a comparison points depends on the order
                f.append(f"{fam}@{where}&{order}")
                if where == "between" and fam in _WIN_CUES:
                    # "A outperforms B" and "B is inferior to A" both say A wins: one feature for both
                    f.append("win_for_head" if (order == "ht") == _WIN_CUES[fam] else "win_for_tail")
            if fam in ("outperforms", "outperformed_by", "not_outperforms", "extends_strong", "extends_weak",
                       "example", "versus"):
                f.append(f"cue:{text}@{where}")
            if where == "before" and ts - e <= 3 and s >= (he if hs >= 0 and hs < ts else 0):
                f.append(f"{fam}@just_before_t")
        prev = lower[ts - 1] if ts > 0 else "<s>"
        nxt = lower[te] if te < len(lower) else "</s>"
        f.append(f"tprev={prev}")
        f.append(f"tnext={nxt}")
        if nxt == "-" and te + 1 < len(lower):
            f.append(f"tnext2={lower[te + 1]}")
        if hs >= 0:
            f.append(f"hprev={lower[hs - 1] if hs > 0 else '<s>'}")
            f.append(f"hnext={lower[he] if he < len(lower) else '</s>'}")
        if t >= 0 and key(ents[t].name) not in FAMILIES and \
                (nxt in CLASS_NOUNS or nxt in ("-", "based") and te + 2 < len(lower) and lower[te + 2] in CLASS_NOUNS):
            f.append("tclass")  # "other PCA methods", "state-of-the-art MSR models": a class of models, not one
        inside = ts > 0 and lower[ts - 1] == "(" and te < len(lower) and lower[te] == ")"
        if inside:
            f.append("t_parenthesised")
        return f
