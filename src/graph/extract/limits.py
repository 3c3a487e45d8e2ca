"""Hard limits no model may break (issue: claims that hold on papers never seen).

- No claim joins an entity to itself (or to another of the same name).
- `evaluated-on` ends at a dataset and starts at a model or the paper's own approach; a dataset
  only trained on ("pre-trained on X") is not one, nor is the paper's own new dataset for its own
  approach (it is what the paper evaluates others on).
- `outperforms` and `extends` join methods or architectures (or the paper's own approach):
  never a dataset. Nothing extends a model whose name holds its own ("HDNet" of "HDNet-lite"), nor
  what a method "generalizes to" or is "extended to" (it carries over to it).
- "Comparable / on par / competitive / approaching / matches / rivals" is never a win: a pair
  linked only by such a cue is no `outperforms`; nor is "more than", "rather than", "other than"
  ("CNNs are used more than Transformers"), nor "more <property> than" ("more general and flexible
  than", "more challenging than"), nor a denied win ("cannot outperform SGD"). A win whose
  object is a class ("outperforms existing methods") beats no name that follows in a phrase of where
  or with what ("... on three MABSA subtasks", "..., without models such as BERT"); nor a name after a
  word of setting ("outperforms solvers such as Liblinear in SVMs") or after another predicate's verb
  ("outperforms prior arts, and reaches the first place on X (the Y track)"); nor a tail named as a
  class ("surpassing state-of-the-art NAS methods").
- A win stated on cost alone ("faster than", "fewer parameters than") is kept but marked
  (extra ``{"basis": "cost"}``), and hedged wins ("rivaling or even outperforming", "matches or
  outperforms", "comparable to or better than": a win on some counts, a tie on others) get a lower
  confidence (`factor`)."""
from __future__ import annotations

from typing import NamedTuple

from graph.extract import shapes
from graph.extract.candidates import CLASS_NOUNS, is_family
from graph.text import key

HEDGED = 0.75  # what a hedged win's probability is multiplied by
_WINS = ("outperforms", "outperformed_by", "than", "over")
# words that leave a win open ("may outperform", "rivaling ... X"); not "often", "even" or "slightly", whose
# wins the annotated sets count as wins ("often outperforms", "even surpasses", "slightly better than")
_HEDGES = frozenset({"rivaling", "rivals", "approaching", "may", "could", "potentially"})
_TIE_VERBS = frozenset({"matches", "matching", "match", "approaching", "rivals", "rivaling"})
_TIE_ADJECTIVES = frozenset({"comparable", "competitive", "similar", "close"})  # a tie when said of results:
_OF_RESULTS = frozenset({"to", "with", "or", "performance", "results", "accuracy"})  # not "a comparable model"


def _tie(lower, i) -> bool:
    w = lower[i]
    nxt = lower[i + 1] if i + 1 < len(lower) else ""
    return (w in _TIE_VERBS or w in _TIE_ADJECTIVES and nxt in _OF_RESULTS
            or w == "par" and i > 0 and lower[i - 1] == "on")


_AMOUNTS = frozenset({"more", "less", "fewer", "rather", "other"})  # "<word> than" that states no win


def _or_after_tie(lower, s, ties) -> bool:
    """Whether the win cue at `s` is the second half of a tie's disjunction: 'matches or (even)
    outperforms', 'comparable to or better than', 'competitive with or surpassing'."""
    j = s - 1
    while j >= 0 and lower[j] in ("even", "sometimes", "often", "slightly"):
        j -= 1
    if j < 1 or lower[j] != "or":
        return False
    j -= 1
    if lower[j] in ("to", "with") and j > 0:
        j -= 1
    return any(a <= j < b for a, b in ties)


# what "more / less ___ than" compares when it is no merit of a method: how hard, costly, general or likely
_PROPERTIES = frozenset({"challenging", "difficult", "complex", "complicated", "expensive", "costly", "general",
                         "flexible", "expressive", "interpretable", "important", "likely", "often", "frequently",
                         "common", "prone", "susceptible", "vulnerable", "sensitive", "severe", "realistic",
                         "diverse", "natural", "versatile", "popular", "widely", "suitable", "appropriate"})


def _property(lower, s: int) -> bool:
    """Whether the "than" at `s` ends "more / less <property> (and <property>) than": every word between
    the comparative and "than" a property, none a merit ('more general and flexible than', not 'more
    general and accurate than')."""
    i = s - 1
    words = []
    while i >= 0 and i >= s - 5 and lower[i] not in ("more", "less"):
        words.append(lower[i])
        i -= 1
    if i < 0 or lower[i] not in ("more", "less") or not words:
        return False
    adjectives = [w for w in words if w not in ("and", "or", ",")]
    return bool(adjectives) and all(w in _PROPERTIES for w in adjectives)


class Verdict(NamedTuple):
    factor: float = 1.0  # the model's probability is multiplied by it
    extra: dict | None = None


def check(ctx, cand, items, finder) -> Verdict | None:
    """None when `cand` breaks a hard limit; else how its confidence and record are adjusted."""
    ents = ctx.ents
    h, t, relation = cand.head, cand.tail, cand.relation
    if h == t:
        return None
    head = ents[h] if h >= 0 else None
    tail = ents[t]
    if head is not None and key(head.name) == key(tail.name):
        return None
    if relation == "evaluated-on":
        if tail.type != "dataset" or (head is not None and head.type == "dataset"):
            return None
        if _trained_on(ctx, cand, items, finder):
            return None  # "pre-trained on ImageNet-21K" is training, not a test
        if (head is None or h in ctx.own) and t in ctx.proposed:
            return None  # a paper's own benchmark is what it evaluates others on, not a result of its own
        return Verdict()
    if tail.type == "dataset" or (head is not None and head.type == "dataset"):
        return None
    if _named_after(ctx, cand, items):
        return None  # "outperforms decentralized parallel SGD (D-PSGD)": the tail is D-PSGD, SGD only a word of its name
    if relation == "extends":
        # "HDNet" does not build on "HDNet-lite": a name that holds another is the newer one
        hk, tk = key(head.name) if head is not None else "", key(tail.name)
        if hk and len(hk) < len(tk) and (tk.startswith(hk) or tk.endswith(hk)):
            return None
        return None if _transfers(ctx, cand, items, finder) else Verdict()
    if relation != "outperforms":
        return Verdict()
    if head is not None and _sized(head.name, tail.name):
        return None  # "the superiority of our EMOv2 over ..., e.g., EMOv2-1M/2M/5M achieve ...": a model and its own size
    view = ctx.view
    sent = cand.sent
    lower = view.lowers[sent.start:sent.end]
    marks = finder.marks(view, sent, lower)
    span = _span(items, h, t)
    if span is None:
        return None
    lo, hi = span
    ties = [(s, e) for s, e, fam, _ in marks if fam == "not_outperforms" or fam == "hedge" and _tie(lower, s)]
    # a win cue inside a tie ("better than or on par with"), or the "than" of one ("better or
    # comparable accuracy than"), is part of the tie
    wins = [(s, e) for s, e, fam, _ in marks if fam in _WINS and not any(a <= s < b for a, b in ties)
            and not (fam == "than" and any(0 <= s - b <= 4 for a, b in ties))
            and not _denied(lower, s)]  # "cannot outperform SGD"
    if not wins and any(fam == "outperforms" for _, _, fam, _ in marks):
        return None  # its only win is denied
    properties = [s for s, _ in wins if lower[s] == "than" and _property(lower, s)]
    if properties and any(lo <= s < hi for s in properties) and all(s in properties for s, _ in wins if lo <= s < hi):
        return None  # "more general and scalable than X", "more challenging than X": a property, not a win
    # "used more than", "rather than", "other than": a comparison of quantity, not a win
    amounts = [s for s, _ in wins if lower[s] == "than" and s > 0 and lower[s - 1] in _AMOUNTS]
    if amounts and any(lo <= s < hi for s in amounts) and all(s in amounts for s, _ in wins):
        return None
    linking = sorted([(s, "win") for s, _ in wins if lo <= s < hi] + [(s, "tie") for s, _ in ties if lo <= s < hi])
    if linking and linking[-1][1] == "tie":
        return None  # the cue nearest the tail is "comparable to", "on par with", "matches", "approaching"
    if h == ctx.me and _others_subject(ctx, items, lower, [s for s, _ in wins if s < hi]):
        return None  # "our findings reveal that GPT-4 and Claude 3 ... outperform X": the win is theirs
    before_tail = [e for s, e in wins if e <= hi and lo <= s]
    if before_tail and _other_predicate(marks, max(before_tail), hi):
        return None  # "outperforms prior arts ..., and reaches the first place on X (the SMPL-Algorithms track)"
    if _class_named(lower, items, t, max(before_tail) if before_tail else lo):  # (lo: a win by "compared to")
        return None  # "surpassing state-of-the-art NAS methods": a class of methods, not one
    if _set_in(lower, items, t, max(before_tail) if before_tail else None):
        return None  # "outperforms solvers such as Liblinear in SVMs": SVMs are where, not whom
    if before_tail and (_beyond_object(lower[max(before_tail):hi]) or "without" in lower[max(before_tail):hi]):
        return None  # "outperforms existing methods on three MABSA subtasks", "..., without using models such as
        # BERT": the tail is where, or what is done without, not whom
    hedged = any(lower[s] in _HEDGES and s < hi for s, _, fam, _ in marks if fam == "hedge") or \
        any(_or_after_tie(lower, s, ties) for s, e in wins if e <= hi and lo <= s)  # "matches or outperforms", "comparable to or better than"
    factor = HEDGED if hedged else 1.0
    fams = {fam for _, _, fam, _ in marks}
    extra = {"basis": "cost"} if "cost" in fams and "quality" not in fams and not fams & {"outperforms"} else None
    return Verdict(factor, extra)


_TRANSFER = frozenset({"to", "well", "across", "better", "beyond", "poorly", "easily"})


def _transfers(ctx, cand, items, finder) -> bool:
    """Whether the only lineage cue before the tail is 'generalizes to' ('GraCeFul generalizes to
    Llama-2 and Vicuna': it carries over to them; it does not build on them), or 'extends' with the
    tail right after 'to' ('we extend this mechanism to linear regression')."""
    view, sent = ctx.view, cand.sent
    lower = view.lowers[sent.start:sent.end]
    spots = [it[0] for it in items if it[3] == cand.tail]
    if not spots:
        return False
    cues = [(s, e) for s, e, fam, _ in finder.marks(view, sent, lower) if fam in ("extends_strong", "extends_weak")
            and e <= spots[0]]
    if cues and all(lower[s].startswith("generali") and e < len(lower) and lower[e] in _TRANSFER for s, e in cues):
        return True
    # "we extend this mechanism to linear regression": what it is carried over to follows "to"
    t = spots[0]
    before = t - 2 if t >= 2 and lower[t - 1] in ("the", "a", "an") else t - 1
    return bool(cues) and before >= 0 and lower[before] == "to" and all(lower[s].startswith("extend") for s, _ in cues)


_NEGATIONS = frozenset({"not", "cannot", "can't", "never", "fail", "fails", "failed", "unable", "n't"})
_OBJECT_CLASSES = frozenset({"methods", "method", "models", "approaches", "approach", "algorithms", "algorithm",
                          "estimators", "estimator",
                          "techniques", "technique", "baselines", "alternatives", "competitors", "systems", "solvers",
                          "frameworks", "counterparts", "networks", "optimizers", "optimizer", "detectors", "classifiers", "works"})
_WHERE = frozenset({"on", "in", "for", "using", "with", "across", "under", "without", "via", "when", "to", "from", "by"})
_LISTING = frozenset({"such", "including", "like", "e.g.", "e.g", "namely"})  # words that list a class's members
_EXAMPLES = _LISTING | {"include", "includes", "i.e.", "especially", "particularly", "notably", "among", "as", "and", "or", ","}


def _others_subject(ctx, items, lower: list[str], cues: list[int]) -> bool:
    """Whether the clause that states the win opens with "that" and names, before the win's cue, a
    model (an architecture) of others that is no family, and no self-reference ("we find that GPT-4 ...
    outperforms X"): the subject of the win is that model, not the paper's approach ("we show that
    our method outperforms X", "we show that a wide MLP outperforms X" are the paper's)."""
    if not cues:
        return False
    cue = max(cues)
    opened = max((i for i in range(cue) if lower[i] == "that"), default=None)
    if opened is None:
        return False
    between = [it for it in items if opened < it[0] < cue]
    if any(it[2] == "self" for it in between):
        return False
    return any(it[2] == "model" and it[3] not in ctx.own and ctx.ents[it[3]].type == "architecture" and
               not is_family(ctx.ents[it[3]]) for it in between)


def _named_after(ctx, cand, items) -> bool:
    """Whether every mention of the tail in the sentence is a word of a longer name that a bracket
    right after it gives ("decentralized parallel SGD (D-PSGD)", "data parallel SGD (AllReduce-SGD)"):
    the thing compared or built on is the bracketed name, not the tail."""
    lower = ctx.view.lowers[cand.sent.start:cand.sent.end]
    tk = key(ctx.ents[cand.tail].name)
    spots = [it for it in items if it[3] == cand.tail]
    if not spots or len(tk) < 2:
        return False
    for it in spots:
        end = it[1]
        if not (end + 1 < len(lower) and lower[end] == "("):
            return False
        inner = [x for x in items if x[0] == end + 1 and x[2] != "self" and x[3] != cand.tail]
        if not any(tk in key(ctx.ents[x[3]].name) for x in inner):
            return False
    return True


_SETTING = frozenset({"in", "on", "for", "under", "using", "with", "via", "within"})


def _other_predicate(marks, cue_end: int, tail_start: int) -> bool:
    """Whether a result verb of another predicate ("reaches", "achieves") stands between a win's cue
    and its tail: the tail is that predicate's, not the win's object."""
    return any(fam == "result_verbs" and cue_end <= s and e <= tail_start for s, e, fam, _ in marks)


def _set_in(lower, items, t: int, cue_end) -> bool:
    """Whether every mention of the tail after the win's cue follows a word of setting ("in SVMs",
    "with a ResNet-50 backbone", "for BERT", "on BERT-Large"), with at most an article between: where
    or with what the win holds, not whom it is over."""
    spots = _after_cue(items, t, cue_end)
    return bool(spots) and all(_setting_before(lower, it[0], cue_end) for it in spots)


def _after_cue(items, t: int, cue_end) -> list:
    """The mentions of `t` after a win's cue (none when there is no cue)."""
    return [] if cue_end is None else [it for it in items if it[3] == t and it[0] >= cue_end]


def _setting_before(lower, start: int, cue_end: int) -> bool:
    i = start - 1
    if i >= 0 and lower[i] in ("the", "a", "an"):
        i -= 1
    return i >= cue_end and lower[i] in _SETTING


_GENERIC = frozenset({"state-of-the-art", "sota", "existing", "other", "previous", "prior", "recent", "traditional",
                      "conventional", "standard", "all", "many", "most", "several", "various", "popular", "current",
                      "mainstream", "classical", "competing", "strong", "leading"})
_CLASSES = CLASS_NOUNS | {"works"}


def _class_named(lower, items, t: int, cue_end) -> bool:
    """Whether every mention of the tail after the win's cue names a class: a plural class noun after it,
    and a quantifier before it or "-based / -like" between ('state-of-the-art NAS methods', 'CNN-based
    detectors'): many models of a kind, not one the paper beats."""
    spots = _after_cue(items, t, cue_end)
    return bool(spots) and all(_names_class(lower, it, cue_end) for it in spots)


def _names_class(lower, it, cue_end: int) -> bool:
    j = it[1]
    kind = j + 1 < len(lower) and lower[j] in ("-", "based", "-based", "like", "-like")  # "CNN-based models"
    if kind:
        j += 2 if lower[j] == "-" else 1
    return j < len(lower) and lower[j] in _CLASSES and \
        bool(kind or _GENERIC.intersection(lower[max(cue_end, it[0] - 3):it[0]]))


def _sized(a: str, b: str) -> bool:
    """Whether one name is a size or version of the other's family ("EMOv2" and "EMOv2-5M"): one model,
    not two rivals."""
    fa, fb = shapes.family(a), shapes.family(b)
    return bool(fb and key(fb) == key(a) or fa and key(fa) == key(b))


def _denied(lower: list[str], s: int) -> bool:
    """Whether a win cue at `s` is denied by a negation right before it ('cannot outperform', 'fail to
    beat'; not 'not only outperforms')."""
    for i in range(max(0, s - 4), s):  # ("do not show any advantage over")
        if lower[i] in _NEGATIONS and not (i + 1 < len(lower) and lower[i + 1] == "only"):
            return True
    return False


def _beyond_object(between: list[str]) -> bool:
    """Whether the words from a win cue to its tail pass the win's own object, a class of models, and
    go on into a phrase of where or with what ('outperforms existing methods for various datasets captured
    by a DSLR camera', 'outperforms STL approach using two kinds of architectures: C3D-AVG'), with no
    word that lists examples of the class ('existing methods such as X', 'baselines including X'). Examples
    in brackets after another noun list that noun's members, not the class's ('outperforms recent compression
    techniques by leveraging the structure of modern DNNs (e.g., ResNet)'). Any class of a coordinated
    object may be the one ('surpasses ARD methods and robust fairness algorithms in terms of ...')."""
    for i, w in enumerate(between):
        if w in _OBJECT_CLASSES:
            rest = between[i + 1:]
            at = next((j for j, x in enumerate(rest) if x in _WHERE), None)
            if at is None or _EXAMPLES.intersection(rest[:at + 1]):
                continue
            if not any(x in _LISTING and not _bracketed_elsewhere(rest, j) for j, x in enumerate(rest[at:], at)):
                return True
    return False


def _bracketed_elsewhere(words: list[str], j: int) -> bool:
    """Whether the listing word at `j` opens a bracket that follows a word other than a class: 'DNNs (e.g.,'."""
    return j >= 2 and words[j - 1] == "(" and words[j - 2] not in _OBJECT_CLASSES


def _trained_on(ctx, cand, items, finder) -> bool:
    """Whether every mention of the tail in the sentence follows a training cue closely ("trained
    on X", "pre-trained on X and Y") or is followed by "pre-training"."""
    view, sent = ctx.view, cand.sent
    lower = view.lowers[sent.start:sent.end]
    trained = [e for s, e in view.cues_in(finder.sets["trained_on"], sent)]
    spots = [it for it in items if it[3] == cand.tail]
    return bool(spots) and all(any(0 <= it[0] - e <= 3 for e in trained) or
                               (it[1] < len(lower) and lower[it[1]] in _PRETRAINING) for it in spots)


_PRETRAINING = frozenset({"pre-training", "pretraining", "pre-trained", "pretrained"})


def _span(items, h, t):
    """The token span between the ends of a pair in its sentence (from the sentence start when
    the head is not named there)."""
    hp = [it for it in items if it[3] == h]
    tp = [it for it in items if it[3] == t]
    if not tp:
        return None
    ts = tp[0]
    if not hp:
        return 0, ts[0]
    best = min(((abs(a[0] - b[0]), a, b) for a in hp for b in tp), key=lambda x: x[0])
    a, b = best[1], best[2]
    return (a[1], b[0]) if a[0] < b[0] else (b[1], a[0])
