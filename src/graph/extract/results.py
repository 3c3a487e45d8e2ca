"""The numbers a sentence states: results (a value of a metric, on a dataset) and margins (how far a
win is: "by 2.3%", "+1.2 mAP"), read from the sentence's text around its named datasets and models.

A number is read as
- a margin when a gain is what it measures: a '+' sign, "by N", "an improvement of N", "N points",
  "N% higher", "Nx faster";
- a value when it has a unit or a metric beside it: "84.6%", "27.3 BLEU", "an FID of 3.2", "WER to
  5.1"; a number "from" which something improved ("from 69.0% to 74.4%") is the old value, and a
  share of something ("10% of the labels") is neither;
- nothing otherwise (counts, years, sizes).
A value's dataset is, in this order: the one paired with it by "respectively" (the list right before
it, with the datasets of its own clause, runs of values per dataset, or the splits listed beside one
dataset), or by a list of as many datasets right after the list of values; the dataset named right
after it ("84.6% on ImageNet", "97.0% (ESC-10)"), which a list of values opening its own clause shares
("26.8 PQ, 16.8 AP on ADE20K, 18.2 PQ on Vistas"); the nearest named before it that is not trained on
("ImageNet (84.6%)", "On COCO, we reach 45.2 AP"); the first after it. A list that cannot be paired is
left unplaced. Its metric is the one named right after it (qualifiers allowed: "83.0 program accuracy"),
else right before it, else one each of as many listed metrics, else the only one the sentence names. A
value in brackets right after a model is that model's ("ResNet-50 (76.1%)"); one in brackets right after
a value is an aside of it ("94.6 (95.6 for an ensemble)"). Another's value ("compared with 80.5%",
"the baselines' 91.2%") and what a result costs (FPS, FLOPs, latency) are left out.

Positions are characters of the sentence's text; `items` are the sentence's names as
claims.py lays them out, (start token, end token, kind, entity) within the sentence."""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from graph import metrics
from graph.metrics import Metric


class Number(NamedTuple):
    """One number a sentence states, read as a value or a margin."""

    start: int  # characters within the sentence's text
    end: int
    kind: str  # "value" or "margin"
    number: float
    unit: str | None  # "%", or the unit written after it ("dB", "x"), or None
    text: str  # as written: "84.6%", "by 2.3%"
    metric: Metric | None
    metric_text: str | None  # as written
    dataset: int | None  # entity index
    head: int | None  # a model the value is stated for ("ResNet-50 (76.1%)"), else None: the sentence's claimant
    split: str | None  # "val", "test", "test-dev", ... when stated beside the dataset


_NUM = re.compile(r"(?<![A-Za-z0-9.@_\-^])(?P<sign>[+±]?)(?P<num>\d{1,3}(?:,\d{3})+(?![\d.])|\d+(?:\.\d+)?|\.\d+)"
                  r"(?P<unit>\s?(?:\\?%|percent\b|pp\b|dB\b|mm\b|[kKMB]\b|x\b|×))?(?![A-Za-z0-9]|-[A-Za-z]|\.\d)")
_SPREAD = re.compile(r"\s*\$?\s*(?:±|\+/-|\\pm)\s*\d+(?:\.\d+)?\s*\$?(?P<unit>\s?(?:\\?%|pp\b|dB\b))?")
_WORD = re.compile(r"[\w@^+-]+(?:\.[\w@^+-]+)*|[^\w\s]")  # "respectively." is a word and a full stop
_MARGIN_BEFORE = {"by", "+", "gain", "gains", "improvement", "improvements", "increase", "boost", "margin", "reduction",
                  "decrease", "drop", "improving", "increment", "lift", "margins", "boosts", "boosting", "boostings"}
_MARGIN_AFTER = {"improvement", "improvements", "gain", "gains", "increase", "boost", "higher", "better", "lower", "more",
                 "less", "fewer", "faster", "slower", "smaller", "larger", "reduction", "decrease", "drop", "absolute",
                 "relative", "point", "points", "pp", "margin", "over", "above", "below", "advantage", "speedup",
                 "speed-up", "increment", "lift", "gap", "improved", "ahead", "beyond", "boosts", "increases",
                 "reductions", "decreases", "drops", "increments", "degradation", "loss", "lead"}
_MARGIN_VERBS = {"improved", "improves", "improve", "improving", "increased", "increases", "increasing", "boosted",
                 "boosts", "boosting", "reduced", "reduces", "reducing", "outperforms", "outperforming", "outperform",
                 "surpasses", "surpassing", "exceeds", "exceeding", "beats", "beating", "sacrificing", "losing", "lose",
                 "loses", "drops", "dropping", "gains", "gaining", "raises", "raising", "lifts", "advances", "exceed", "surpass",
                 "beat", "exceeded", "surpassed", "outperformed"}
_HEDGES = {"about", "around", "approximately", "nearly", "almost", "roughly", "over", "more", "than", "an",
           "a", "average", "of", "on", "only", "just", "at", "least", "significant", "large", "substantial", "remarkable",
           "notable", "huge", "absolute", "relative", "considerable", "clear", "noticeable", "impressive", "consistent",
           "solid", "dramatic"}
_BEFORE_OK = {"of", "to", "at", "is", "was", "are", "were", "=", ":", "reaches", "reached", "reach", "reaching", "achieves",
              "achieved", "achieve", "achieving", "obtains", "obtained", "obtain", "obtaining", "attains", "attained",
              "a", "an", "the", "score", "scores", "rate", "value", "improves", "improved", "reduces",
              "reduced", "lowers", "lowered", "boosts", "boosted", "pushes", "pushing", "(", ",", "on", "up", "around",
              "about", "approximately", "nearly", "new", "state-of-the-art", "sota", "record", "only", "just", "yields",
              "gets", "getting", "setting", "sets", "hits", "mean", "average", "overall", "its", "their", "our",
              "respective", "respectively", "and", "test", "val", "validation", "top", "single-model", "single", "model",
              "performance", "as", "low", "high", "best", "accuracy", "results", "result", ")"}
_AFTER_MODIFIERS = {"zero-shot", "few-shot", "one-shot", "linear", "linear-probe", "fine-tuned", "fine-tuning", "average",
                    "mean", "overall", "test", "validation", "val", "single-model", "absolute", "top-1", "top-5",
                    "macro", "micro", "weighted", "box", "mask", "image", "pixel", "image-level", "pixel-level", "exact",
                    "in", "of", "for", "/", "on", "-", "balanced", "clean", "robust", "unsupervised", "bleu", "sacrebleu"}
_BETWEEN_TO_DATASET = {"on", "in", "for", "at", "of", "over", "across", "the", "with", "using", "under", "from", "set",
                       "dataset", "benchmark", "/", "its", "a", "an"}
_NEXT_OK = {"on", "in", "for", "at", "with", "and", "or", "using", "while", "when", "which", "compared", "vs", "vs.",
            "versus", "respectively", "without", "over", "across", "under", "to", "than", "from", "by", "after", "is",
            "was", "as", "that", "of", "were", "are", "the", "it", "this", "these", "we", "our", "all", "among",
            "within", "whereas", "but", "set", "sets", "setting", "new", "state-of-the-art", "sota", "outperforming",
            "surpassing", "beating", "exceeding", "achieved", "obtained", "reported", "accuracy", "only", "even",
            "better", "relative", "improving", "thereby", "making", "establishing", "top-1", "single"}  # "10% of the labels": a share of something, not a result
_AT_THRESHOLD = re.compile(r"\b(?:at|with)\s+(?:an?\s+)?(?:t?IoU\s*)?(?:@|=|of)?\s*\d+(?:\.\d+)?(?![\w.%])")  # "54.1% at IoU@0.5 on X"
_SPLITS = re.compile(r"^\s*(?:'s\s+)?(?:\(\s*)?(test-dev|test-std|test-challenge|testdev|test-clean|test-other|dev-clean|dev-other|"
                     r"test|val|validation|dev|development|held-out|heldout)\b(?:\s+set|\s+split)?", re.I)
_SPLIT_BEFORE = re.compile(r"\b(test-dev|test|validation|val|dev|development)\s+(?:set|split|sets|splits)\s+of\s+(?:the\s+)?$", re.I)
_SPLIT_NAMES = {"testdev": "test-dev", "validation": "val", "development": "dev", "heldout": "held-out"}
# a number followed by "on"/"in" and a capitalised word: stated on that name
_UNKNOWN_NAME = re.compile(r"\s*(?:%\s*)?(?:[\w@.=-]+\s+){0,3}?(?:on|in)\s+(?:the\s+)?([A-Z][\w-]*|[a-z]+\d[\w-]*)")
_SETTING_WORDS = {"ratio", "rate", "probability", "fraction", "proportion", "percentage", "sparsity", "pruning",
                  "compression", "labels", "label", "noise", "occlusion", "budget", "threshold", "missing", "masking"}
_SPEEDS = re.compile(r"\b(?:at|with)\s+(?:an?\s+)?(?:(?:inference\s+)?speed\s+of\s+)?\d+(?:\.\d+)?\s?"
                     r"(?:fps|ms|gflops|flops|macs|gmacs|m|b|k)?\b(?:\s+(?:fps|parameters|params))?", re.I)
_NOT_QUALIFIERS = {"the", "and", "for", "with", "from", "its", "their", "our", "this", "that", "these", "those", "than",
                   "was", "were", "are", "which", "while", "when", "where", "whereas", "but", "also", "all", "both",
                   "into", "over", "under", "using", "without", "within", "only", "each", "per", "respectively", "has",
                   "have", "had", "not", "more", "less", "higher", "lower", "better", "worse", "improvement", "gain",
                   "gains", "increase", "decrease", "reduction", "drop", "margin", "points", "point", "relative", "absolute",
                   "labeled", "labelled", "labels", "data", "training", "parameters", "params", "images", "samples",
                   "examples", "epochs", "steps", "layers", "tasks", "classes", "shots", "shot", "fewer", "compared",
                   "same", "similar", "comparable", "competitive", "best", "highest", "lowest", "new", "state-of-the-art"}
_COMPARED = re.compile(r"\b(?:compared\s+(?:with|to)|vs\.?|versus)\s+(?:that\s+of\s+|the\s+)?\d+(?:\.\d+)?\s?%?"
                       r"(?:\s+(?:of|by|for)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}?(?:method|methods|model|models|baseline|"
                       r"baselines|approach|approaches|work|works|art|sota))?", re.I)  # another's value beside one's own
_REACHING = {"achieve", "achieves", "achieved", "achieving", "reach", "reaches", "reached", "reaching", "obtain",
             "obtains", "obtained", "obtaining", "attain", "attains", "attained", "attaining", "scores", "scored",
             "scoring", "yields", "gets"}
_RESULT_NOUNS = {"performance", "score", "scores", "result", "results", "sota", "state-of-the-art", "record"}
_DATASET_NOUNS = {"dataset", "datasets", "benchmark", "benchmarks"}  # "perplexities on the PTB and WT2 datasets to 51.1"
_OTHERS_WORDS = {"previous", "previously", "prior", "baseline", "baselines", "existing", "published", "current",
                 "currently", "today's"}  # whose a value is
_UNPAIRED = -2  # a number "respectively" pairs with a name that was not found
_ACRONYM = re.compile(r"[A-Z][A-Z0-9-]{1,6}")  # a metric's acronym the vocabulary may not hold: "EX", "IEX"
_GAP_WORDS = frozenset({"gap", "gaps", "difference", "differences", "disparity", "distance"})
_YEAR = re.compile(r"^(19[5-9]\d|20[0-4]\d)$")


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def read(text: str, idx: list[int], items: list[tuple], previous: tuple = ()) -> list[Number]:
    """The values and margins of one sentence, in order. `text`: the sentence as written; `idx`:
    where each of its tokens starts in `text`; `items`: its names, (start token, end token, kind,
    entity) within the sentence; `previous`: the datasets the sentence before names, in order, which a
    list of values 'respectively' in a sentence naming none is paired with ('... on Human3.6M and
    MPI-INF-3DHP. X achieves P1 errors of 38.4 mm and 16.2 mm, respectively.')."""
    if "\\times" in text:  # LaTeX "$400\times$ faster" is "400× faster"; same length, so offsets hold
        text = text.replace("\\times$", "×      ").replace("\\times", "×     ")
    if "±" in text or "+/-" in text or "\\pm" in text:  # "87.74 ± 0.13": the spread of the value before, no number of
        # its own; blanked (same length, so offsets hold) so the values either side of it stay one list, its unit
        # kept right after the value ("85.2 ± 0.3%" is 85.2%)
        text = _SPREAD.sub(lambda m: (m.group("unit") or "").strip().ljust(len(m.group(0))), text)
    # a factor followed by a number is a size or an exponent ("256 × 256", "$2\times10^{-5}$"): no number of its own
    found = [m for m in _NUM.finditer(text) if not (m.group("unit") and m.group("unit").strip() in ("x", "×")
                                                     and _DIMENSION.match(text, m.end()))]
    if not found:
        return []
    names = []  # (start char, end char, kind, entity)
    for s, e, kind, ent in items:
        if kind == "self":
            continue
        cs = idx[s]
        ce = idx[e] if e < len(idx) else len(text)
        while ce > cs and text[ce - 1].isspace():
            ce -= 1
        names.append((cs, ce, kind, ent))
    found = [m for m in found if not any(cs <= m.start() < ce for cs, ce, _, _ in names)]  # "ResNet-50", "BraTS 2019"
    if not found:
        return []
    mets = metrics.find(text)
    found = [m for m in found if not any(ms <= m.start() < me for ms, me, _ in mets)]  # "top-1", "AP50", "R@1"
    datasets = [n for n in names if n[2] == "dataset"]
    models = [n for n in names if n[2] == "model"]
    lower = text.lower()
    out: list[Number] = []
    others = None  # the end of another's value just read ("compared to 54.9% and 54.4%")
    ranged_to = -1  # the end of the range just read: its upper bound is not a number of its own ("by 1% - 18%")
    for m in found:
        if m.start() < ranged_to:
            continue
        num_text, unit = m.group("num"), (m.group("unit") or "").strip()
        if _YEAR.match(num_text) and not unit:
            continue
        number = float(num_text.replace(",", ""))
        plus = re.match(r"\s*\+\s*\d+(?:\.\d+)?\s*\)\s*\\?%", text[m.end():]) if text[:m.start()].rstrip().endswith("(") \
            and not unit else None
        if plus:
            unit = "%"  # "(77.4+4.2)% mAP": a value and its gain in one bracket
        if unit in ("%", "\\%", "percent"):
            unit = "%"
        elif unit in ("pp",):
            unit = "points"
        elif unit == "×":
            unit = "x"
        start, end = m.start(), m.end()
        if re.search(r"(?:@\w*|iou|threshold)\s*(?:=|>|≥|>=)\s*$", text[max(0, start - 20):start], re.I):
            continue  # "mAP@tIoU=0.5", "IoU>0.7": a threshold the result is measured at
        if re.search(r"[A-Za-z]_\s*\{?\s*$", text[max(0, start - 6):start]) or \
                "." not in num_text and not m.group("unit") and \
                re.search(r"[A-Za-z]-\d+\s*(?:,|/|and|&)\s*$", text[max(0, start - 20):start]):
            continue  # "67.4 AP_ 50": a subscript; "in terms of BLEU-3, 4": the next metric of a list
        if re.search(r"\[[^\]]*$", text[max(0, start - 20):start]) and re.match(r"[^\[]*:[^\[]*\]|\s*:", text[end:end + 20]) or \
                re.search(r":\s*$", text[max(0, start - 3):start]) and re.match(r"[^\[]*\]", text[end:end + 10]):
            continue  # "AP@[0.5:0.05:0.95]": a range of thresholds
        if not unit and "." not in num_text and text[end:end + 1] == ")" and text.count("(", 0, start) <= text.count(")", 0, start):
            continue  # "two phases: 1) data collection, 2) ...": an enumerator
        if not unit and re.match(r"\s+other\b", text[end:]):
            continue  # "outperformed 13 other competitors": a count
        if re.search(r"\bwithin\s*\(?\s*$", text[max(0, start - 10):start], re.I):
            continue  # "to within 3.0% top-1 accuracy": a gap, not a result
        if re.search(r"\brang(?:e|es|ed|ing)\s+(?:from\s+|between\s+)?(?:\S+\s*(?:to|-|–|and)\s*)?$",
                     text[max(0, start - 40):start], re.I):
            continue  # "accuracies ranging from 65.55% to 79.67%": a span over several results, not one
        prev = text[max(0, start - 30):start].split()[-1:] if text[max(0, start - 1):start] == " " else []
        if prev and re.fullmatch(r"[A-Z][a-z]+", prev[0]) and unit in ("", "k", "K", "M", "B") and \
                not any(ms <= start - 2 < me for ms, me, _ in mets):
            continue  # part of a name the finder missed: "Urbansound 8k", "Kinetics 400"
        before = _words(lower[max(0, start - 60):start])
        if not unit and any(ce <= start and re.fullmatch(r"\s*(?:,|and|&|/)\s*", text[ce:start]) and
                            _version(text[cs:ce]) == _version(num_text) for cs, ce, _, _ in names):
            continue  # "on AMR 2.0 and 3.0": a version of the name before
        ranged = re.match(r"[-–]\d+(?:\.\d+)?(\s?%)?", text[end:]) if not unit else \
            re.match(r"\s*[-–]\s*\d+(?:\.\d+)?(\s?%)", text[end:]) if unit == "%" else None  # "6.1-7.4%", "1% - 18%"
        spaced = bool(ranged) and unit == "%"
        if ranged:
            unit = "%" if ranged.group(1) else unit
            ranged_to = end + ranged.end()
        past = end + (ranged.end() if ranged else 0)
        after = _words(lower[past:past + 60])
        kind = "value"
        if m.group("sign") == "+" or unit in ("points", "x") or _margin(before, after) or \
                _gain_after(re.sub(r"\([^()]*\)", " ", _blank(text, past, min(len(text), past + 80),
                                                               sorted([m[:2] for m in mets] + [n[:2] for n in names]), " "))):
            kind = "margin"
        elif _from_to(before, _words(re.sub(r"\([^()]*\)", " ", lower[end:end + 80]))):
            to = _GAP_WORDS.intersection(before[-6:]) and re.match(r"[^.;]{0,40}?\bto\s+\d+(?:\.\d+)?", text[end:])
            if to:
                ranged_to = end + to.end()  # "reduces the performance gap from 14% to 7.3%": a gap, neither a result
            continue  # "from 69.0% to 74.4%": the old value
        elif before[-2:] in (["compared", "with"], ["compared", "to"]) or before[-1:] in (["vs"], ["versus"]) or \
                before[-2:] == ["vs", "."] or others is not None and _listed(lower[others:start]) and \
                not re.search(r"\b(?:to)\b|[-–]", lower[others:start]):
            others = end
            continue  # "81.4% compared with 80.5% of the existing method", "(40.2 vs. 35.4)": another's value
        clause = _clause_before(lower, start)
        if kind == "value" and clause and (clause[-1] not in ("to", "reaching", "achieving", "of") or _others_of(clause)) and \
                _OTHERS_WORDS.intersection(clause) and not {"we", "our", "ours"}.intersection(clause) and \
                not (out and out[-1].kind == "value" and _listed(lower[out[-1].end:start])):
            others = end
            continue  # "improving from the baselines 91.2% and 83.8%", "the previously reported accuracy 97.42%"
        if kind == "value" and out and out[-1].kind == "margin" and m.group("sign") != "+":
            gap = _blank(text, out[-1].end, start, sorted([m[:2] for m in mets] + [n[:2] for n in names]), "\x00")
            if _SERIES_ON.fullmatch(gap) or _SERIES_OVER.fullmatch(gap) and _OVER_NEXT.match(lower[end:]):
                kind = "margin"  # "by 21.9 percent on A, 5.9 percent on B", "3.7% mIoU on A and 7.0% mIoU on B",
                # "5.7% against A and 0.6% against B": the series goes on (not "2.1% over A and 88.5% accuracy on D")
        others = None
        metric, metric_text = named_after = _metric_after(text, mets, end + (plus.end() if plus else 0))
        if metric is not None and re.match(r"[\s%]*" + re.escape(metric_text.lower()) + r"\s+(?:threshold|thresholds|cutoff)",
                                           lower[end:]):
            continue  # "with the 0.5 IoU threshold": a setting
        if metric is not None and not text[end:].lstrip(" %\\").lower().startswith(metric_text.lower()) and \
                _tight_before(lower, mets, start):
            metric = None  # "an FID of 3.2 and IS 8.8": the metric right before, not the next one
        if metric is None:
            metric, metric_text = _metric_before(text, mets, start, names)
            if metric is not None and _condition(lower, mets, start):
                continue  # "AP at IoU=0.8", "an IoU threshold of 0.5": a setting, not a result
            if kind == "value" and after[:1] and after[0][:1].isalpha() and after[0] not in _NEXT_OK and \
                    not _dataset_right_after(names, text, end):
                continue  # "mIoU on COCO with 232 annotated images", "10% labeled data": a count or share
        if kind == "value" and after[:1] == ["of"] and named_after[0] is None and \
                (not _dataset_right_after(names, text, end) or unit == "%" and metric is None):
            continue  # "10% of the labels", "96% of ResNet-18's accuracy", "15% of MLP-Mixer", "100% of the TACRED dataset"
        if kind == "value" and metric is None and unit == "%" and before[-1:] and before[-1] in ("using", "with", "only", "just") \
                and not re.match(r"(?:\s*(?:,|and|,\s*and)\s*\d+(?:\.\d+)?\s*%)+(?!\s*of\b)", text[end:]):
            # ("with 88.5%, 95.8%, 65.5% respectively": results; "with only 7.5% and 30% of its operations": not)
            continue  # "using only 1% labels", "with 100% ImageNet labels": a share of the data
        if kind == "value" and metric is not None and metric.kind == "efficiency" and before[-1:] and \
                before[-1] in ("at", "under", "within"):
            continue  # "38.1% AP at 60 FPS": the setting of a result, not one
        if kind == "margin" and _cost_after(after):
            continue  # "2x speed-up", "44% fewer FLOPs", "1.25x parameters": what a win costs, not its margin
        if spaced and kind != "margin":
            ranged_to = -1  # "84.1% - 85.3% accuracy": two values, not a range of gains
        text_as_written = _margin_text(text, start, past) if kind == "margin" else text[start:end].strip()
        out.append(Number(start, end, kind, number, unit or None, text_as_written, metric, metric_text, None, None, None))
    out = _lists(out, text, lower, mets)
    out = _task_ap(out, lower)
    named = {m[2].name: m for m in mets}
    if len(named) == 1 and next(iter(named.values()))[2].kind != "efficiency":
        # "perplexities on two data sets: 57.3 on Penn Treebank and 65.8 on WikiText-2"
        ms, me, only = next(iter(named.values()))
        out = [n._replace(metric=only, metric_text=text[ms:me]) if n.metric is None and n.kind == "value" and
               (n.unit == "%" or _dataset_right_after(names, text, n.end)) and not _a_setting(lower, n.start) and
               not _bracketed_apart(text, ms, n) and not _own_score(lower, n) else n for n in out]
    # a bare number is a count or a size, unless a result is what it is stated as ("achieves 79.2 on COCO
    # test-dev, 77.1 on COCO test-challenge"); an unnamed percentage after a setting's words sets the experiment
    scored = _scored_bare(out, text, lower, names)
    out = [n for n in out if n.kind == "margin" or (n.unit == "%" or n.metric is not None or n.start in scored or
                                                    n.unit == "dB" and "." in n.text) and
           not (n.metric is None and _a_setting(lower, n.start))]
    if not out:
        return []
    # what a result costs (its speed, compute, latency) is not a result on the dataset; a model's size is, when it
    # is written as one ("5.7M parameters", not "6 parameters" or "11% of the parameters")
    out = _assign(out, text, lower, datasets, models, mets)
    earlier = list(dict.fromkeys(previous))
    if not datasets and len(earlier) > 1 and "respectively" in lower:
        for group in _groups(out, lower, mets):
            if len(group) == len(earlier) and all(n.kind == "value" for n in group) and \
                    re.match(r"\s*%?\s*(?:[\w-]+\s+){0,3}?,?\s*respectively\b", lower[group[-1].end:]):
                placed = {n.start: d for n, d in zip(group, earlier)}
                out = [n._replace(dataset=placed[n.start]) if n.start in placed else n for n in out]
    return [n for n in out if not (
        n.kind == "value" and n.metric is not None and n.metric.kind == "efficiency" and
        (n.metric.name != "number of parameters" or n.unit not in ("K", "k", "M", "B")) or
        n.kind == "value" and n.unit in ("K", "k", "M", "B") and (n.metric is None or n.metric.kind != "efficiency"))]
    # ("pre-trained with 13M images ... top-1 accuracy": a count)


def _version(text: str) -> tuple | None:
    """The shape of the number that ends a name or stands alone ('AMR 2.0', '3.0': (1, 1)): its
    digits before and after the point; None for a name not ending in a separate number ('text8')."""
    m = re.search(r"(?:^|[\s-]v?)(\d+)(?:\.(\d+))?$", text)
    return (len(m.group(1)), len(m.group(2) or "")) if m else None


def _others_of(clause: list[str]) -> bool:
    """Whether a clause ending in 'of' names another's result: 'the best published F1 score of' (not
    'outperforms the baseline with an accuracy of')."""
    if clause[-1:] != ["of"]:
        return False
    at = max((i for i, w in enumerate(clause) if w in _OTHERS_WORDS), default=-1)
    return 0 <= at and len(clause) - at <= 6 and \
        not {"with", "by", "and", "than", "over", "to", "achieving", "reaching", "an", "a"}.intersection(clause[at:])


_POSE = re.compile(r"\b(?:pose estimation|keypoints?|human pose|pose)\b")
_MASK = re.compile(r"\b(?:instance segmentation|mask)\b")
_BOX = re.compile(r"\b(?:object detection|detection|detector|box|bbox)\b")


def _task_ap(out: list[Number], lower: str) -> list[Number]:
    """A plain AP or mAP in a sentence about one task is that task's AP: keypoint AP for pose
    estimation ("78.2 AP on COCO for 2D pose estimation"), mask AP for instance segmentation alone;
    so a leaderboard does not rank keypoint AP above box AP as if they were one metric."""
    pose, mask, box = bool(_POSE.search(lower)), bool(_MASK.search(lower)), bool(_BOX.search(lower))
    task = "keypoint AP" if pose and not mask and not box else "mask AP" if mask and not pose and not box else None
    if task is None:
        return out
    metric = metrics.resolve(task)
    return [n._replace(metric=metric) if n.metric is not None and n.metric.name in ("AP", "mAP") else n for n in out]


def _bracketed_apart(text: str, at: int, n: Number) -> bool:
    """Whether position `at` is inside brackets that do not hold the number `n` ('85.4% (97.6% top-5)':
    the metric is the aside's, not 85.4's)."""
    opened = text.rfind("(", 0, at)
    if opened < 0 or text.rfind(")", 0, at) > opened:
        return False
    closed = text.find(")", at)
    return not opened < n.start < (closed if closed >= 0 else len(text))


def _clause_before(lower: str, start: int) -> list[str]:
    """The last words of the clause a number ends: after the last ',', ';', ':' or '(' (brackets
    closed before it left out). A number opening a bracket after a word takes the clause before the
    bracket ("the previous state-of-the-art WERs on X (4.74%/12.20%)"); a clause opening with 'which'
    or 'who' takes the one it qualifies ("the previous state of the art (Smith'16), which achieved 72.46%")."""
    seg = re.sub(r"\([^()]*\)", " ", lower[max(0, start - 90):start])
    seg = re.sub(r"(?<=[a-z])\s*\(\s*$", " ", seg)
    parts = re.split(r"[,;:(]", seg)
    clause = parts[-1].split()
    if clause[:1] in (["which"], ["who"]) and len(parts) > 1:
        clause = parts[-2].split() + clause
    return clause[-8:]


def _scored_bare(out: list[Number], text: str, lower: str, names) -> set[int]:
    """The starts of the bare numbers (no unit, no metric) stated as a result on a dataset named
    right after them: after a verb of reaching or a result's noun ('achieves 79.2 on COCO',
    'a new SOTA performance of 92.3 on SNLI', 'an score of 59.05 on DocRED'), or listed after
    one such ('..., 77.1 on COCO test-challenge')."""
    scored: set[int] = set()
    plain = re.sub(r"\([^()]*\)", lambda b: " " * len(b.group()), text)  # brackets blanked, positions kept
    for n in out:
        if n.kind != "value" or n.unit or n.metric is not None:
            continue
        if "." in n.text and re.match(r"(?:\s*(?:,|and|,\s*and)\s*\d+\.\d+)*\s*,?\s*respectively\b", plain[n.end:]) and \
                (re.search(r"(?:,|and)\s*$", plain[:n.start]) or re.match(r"\s*(?:,|and)", plain[n.end:])):
            scored.add(n.start)  # "to 49.4 (+1.0), 60.2 (+0.6) and 68.9 (+1.1), respectively"
            continue
        opened = re.search(r"\(\s*$", text[:n.start])
        if opened and "." in n.text and any(0 <= opened.start() - d[1] <= 1 for d in names if d[2] == "dataset") and \
                re.match(r"\s*(?:vs\.?|versus|,|/)[^()]*\)", text[n.end:]):
            scored.add(n.start)  # "MM-Vet (40.2 vs. 35.4)"
            continue
        if not _dataset_right_after(names, text, n.end) or not re.match(r"\s+(?:on|in)\b", text[n.end:]):
            continue
        before = _words(lower[max(0, n.start - 40):n.start])
        if before[-1:] and before[-1] in _REACHING or before[-2:-1] and before[-1] == "of" and before[-2] in _RESULT_NOUNS \
                or scored and before[-1:] and before[-1] in (",", "and"):
            scored.add(n.start)
    return scored


def _a_setting(lower: str, start: int) -> bool:
    """Whether the words before a number say it sets the experiment rather than scores it: "when
    the occlusion ratio is 80%", "with a noise rate of 40%", "at 90% sparsity"."""
    return bool(_SETTING_WORDS.intersection(_words(lower[max(0, start - 30):start])[-4:]))


def _lists(out: list[Number], text: str, lower: str, mets) -> list[Number]:
    """Numbers listed together ('82.8%, 84.2%, and 84.6% top-1 accuracy', 'by 6.94%, 4.45% and
    15.35%', '98.3/98.4 AUROC') share a kind, a metric and a unit; a metric named after the list
    is that of the items that name none. A number in brackets right after another ('94.6 (95.6 for
    an ensemble)') is an aside of it: the same metric and unit unless it names its own."""
    result = []
    asides = _asides(out, lower, mets)
    for g in _groups(out, lower, mets):
        if len(g) > 1 and re.match(r"\s*(?:\\?%)?\s*of\b", lower[g[-1].end:]) and all(n.metric is None for n in g):
            continue  # "with only 7.5% and 30% of its operations", "occupy 4.84% and 21.4% of the image": shares
        if len(g) > 1:
            kind = "margin" if any(n.kind == "margin" for n in g) else "value"
            after, written = _metric_after(text, mets, g[-1].end)
            if after is not None:
                g = [n if n.metric is not None or _own_score(lower, n) else n._replace(metric=after, metric_text=written)
                     for n in g]
            ref = next((n for n in reversed(g) if n.metric is not None), None)
            unit = next((n.unit for n in g if n.unit), None)
            g = [n._replace(kind=kind, unit=n.unit or (None if _names_own(text, n) else unit),
                            metric=n.metric or (ref.metric if ref else None),
                            metric_text=n.metric_text or (ref.metric_text if ref else None)) for n in g]
            last = g[-1].metric_text or ""
            if " " in last.strip():  # "21.2% top-1 and 5.6% top-5 error": the noun is the first's too
                g = [n._replace(metric=_with_noun(n.metric_text, last)) if n.metric_text and " " not in n.metric_text.strip()
                     and _with_noun(n.metric_text, last) else n for n in g]
        result += g
    by_start = {n.start: n for n in result}
    # the asides of one number in one bracket are a list: a gain named after its last is all of theirs when
    # they are alike ("to 26%, 64%, and 75% (i.e. 4%, 10%, and 10% absolute improvements)"; not "by 0.3 mm
    # (44.8 MPJPE, 0.7% improvement)")
    gains = {(a.start, by_start[b].unit) for b, a in asides.items() if by_start[b].kind == "margin"}
    for n in result:
        if n.start in asides and (asides[n.start].start, n.unit) in gains and n.kind == "value" and \
                not _names_own(text, n):
            n = by_start[n.start] = n._replace(kind="margin")
        if n.start in asides:
            a = by_start[asides[n.start].start]
            if n.metric is not None and a.metric == n.metric and _names_own(text, n) and _names_own(text, a) and \
                    n.kind == a.kind:
                del by_start[n.start]  # "55.5% AP (73.4% AP)": a variant whose subscript was lost (AP_50), not this AP
                continue
            # a bare number in brackets after a margin is a margin of another setting: "gains of 8.2% (4.8%) on a
            # GPU (DSP)"; not "by 1.7 AP (73.5 to 75.2)" nor "by 0.3 mm (44.8 MPJPE)"
            alone = a.kind == "margin" and re.match(r"\s*(?:\\?%)?\s*\)", text[n.end:]) is not None and \
                text[:n.start].rstrip().endswith("(")
            by_start[n.start] = n._replace(unit=n.unit or (a.unit if a.kind == n.kind else None), metric=n.metric or a.metric,
                                           metric_text=n.metric_text or a.metric_text, kind="margin" if alone else n.kind)
    return sorted(by_start.values(), key=lambda n: n.start)


def _own_score(lower: str, n: Number) -> bool:
    """Whether a number is a score named right before it that no metric of the vocabulary is
    ("an AUCROC score of 98.8%"): it takes no other metric of its sentence or list."""
    return "score" in _words(lower[max(0, n.start - 24):n.start])[-3:]


def _names_own(text: str, n: Number) -> bool:
    """Whether a number names its metric right after it ('74.7 mIoU')."""
    return bool(n.metric_text) and text[n.end:].lstrip(" %\\").lower().startswith(n.metric_text.lower())


def _asides(out: list[Number], lower: str, mets) -> dict[int, Number]:
    """Numbers in brackets right after another number, by their start -> that number: '94.6 (95.6
    for an ensemble)', '85.4% (97.6% top-5)', '82.4% (+5.1% over the previous best)'."""
    asides: dict[int, Number] = {}
    anchor = None
    for n in out:
        if anchor is not None:
            between = _blank(lower, anchor.end, n.start, mets, "")
            opened = between.rfind("(")
            if opened >= 0 and ")" not in between[opened:] and re.fullmatch(r"\s*(?:\\?%)?\s*", between[:opened]):
                asides[n.start] = anchor
                continue
        anchor = n
    return asides


# what follows a factor that is a size or an exponent: "256 × 256", "2×10^{-5}"
_DIMENSION = re.compile(r"\s*\$?\s*\{?\d")
# between two margins of one series: "N% on A, M% on B", "N% over A and M% over B"; _OVER_NEXT: what
# follows the second of an "over" series
_SERIES_ON = re.compile(r"\s*(?:\\?%|percent)?\s*(?:\x00\s*)?(?:(?:on|in|for)\s+(?:the\s+)?(?:\x00|[a-z-]+(?:\s+[a-z-]+)?)"
                        r"(?:\s+(?:dataset|datasets|benchmark|benchmarks|set))?)?\s*(?:,|and|,\s*and)\s*")
_SERIES_OVER = re.compile(r"\s*(?:\\?%|percent)?\s*(?:\x00\s*)?(?:over|against|than)\s+(?:the\s+)?\x00"
                          r"(?:\s*\([^()]{1,60}\))?\s*(?:,|and|,\s*and)\s*")
_OVER_NEXT = re.compile(r"\s*(?:\\?%|percent)?\s*(?:[a-z-]+\s+){0,2}?(?:over|against|than)\b")


def _margin(before: list[str], after: list[str]) -> bool:
    """'by (up to) N', 'an improvement of N', 'N% higher', 'N points', 'N% absolute gain'."""
    b = list(before)
    if b[-1:] == ["of"] and len(b) >= 3 and metrics.resolve(b[-2]) and (b[-3] == "by" or b[-3] in _MARGIN_BEFORE):
        return True  # "by mAP of 6.4%"
    while b and (b[-1] in _HEDGES or b[-2:] == ["up", "to"] or b[-1] in ("(", ",")):
        if b[-1] == "of" and len(b) > 1 and b[-2] in _MARGIN_BEFORE:
            return True
        b = b[:-2] if b[-2:] == ["up", "to"] else b[:-1]
    if b[-1:] and b[-1] in ("baseline", "baselines", "sota", "art", "best") and \
            any(w in _MARGIN_BEFORE or w in _MARGIN_VERBS for w in b[-6:]):
        return True  # "improvements over the baseline, up to 8.7%", "exceeding the previous SOTA 0.38 dB"
    if b[-2:] in (["relative", ":"], ["absolute", ":"]):
        return True  # "+4.35 mAP (relative: 10.4%)"
    if len(b) > 1 and b[-1] in ("it", "them", "this", "that", "both", "all") and b[-2] in _MARGIN_VERBS:
        return True  # "we exceed it 0.11dB": a gain over what the pronoun stands for
    if b and (b[-1] in ("by", "+") or b[-1] in _MARGIN_VERBS or b[-1] in _MARGIN_BEFORE):
        return True  # "by (up to) 2.3%", "improved (up to 20%)", "sacrificing 0.4", "improvements (2.1% to 9.7%)"
    a = [w for w in after[:5] if w not in ("%", "\\", "$")]
    if a[:1] and a[0] in ("absolute", "relative") and after[:1] == ["%"]:
        return True  # "2.3% absolute", "40% relative"
    i = 0
    while i < len(a) and (a[i] in ("absolute", "relative", "percentage", "percent") or metrics.resolve(a[i])):
        i += 1
    return i < len(a) and a[i] in _MARGIN_AFTER


_COST_WORDS = {"faster", "slower", "speedup", "speed-up", "speedups", "speed", "fewer", "smaller", "cheaper", "flops",
               "gflops", "macs", "parameters", "params", "memory", "latency", "throughput", "lighter", "compression",
               "larger", "bigger", "energy", "storage", "runtime", "inference", "training", "time", "compute"}


def _cost_after(after: list[str]) -> bool:
    """Whether the words right after a margin say what it measures is a cost: '2x speed-up', '44%
    fewer FLOPs', '1.25x parameters', '18 times faster' (not '2.3% higher accuracy')."""
    words = [w for w in after[:4] if w not in ("%", "\\", "x", "×", "times", "less", "more", "reduction", "the", "in")]
    return bool(words) and words[0] in _COST_WORDS


def _gain_after(after: str) -> bool:
    """Whether a gain's word follows a number past its metric's name (left out of `after`) and the words
    qualifying it: '2.7% panoptic quality (PQ) improvement', '5.60% relative character error rate (CER)
    reduction', '2.1dB SDR improvement', 'about 0.5 intent accuracy improvement'."""
    skipped = 0
    for w in _WORD.findall(after)[:6]:
        low = w.lower()
        if low in _MARGIN_AFTER and low not in ("over", "above", "below", "more", "less", "loss", "lead", "beyond", "ahead"):
            return True
        if w in ("%", "\\", "$") or low in ("absolute", "relative", "percentage", "percent"):
            continue
        if (_qualifier(w) or _ACRONYM.fullmatch(w)) and skipped < 3:
            skipped += 1
            continue
        return False
    return False


def _listed(between: str) -> bool:
    """Whether two numbers are items of one list: only ',', 'and', '/', '%' between them, the metric
    of the first ('76.6% mAP, 97.0% mAP and 90.5% mAP') and what brackets hold ("94.6 (95.6 for an
    ensemble) and 77.0"). `between` has its metrics written as '\x00'."""
    between = re.sub(r"\([^()]*\)", " ", between)
    if re.fullmatch(r"\s*(?:\\?%)?\s*(?:to|-|–)\s*", between):
        return True  # a range: "2.1% to 9.7%"
    return bool(re.fullmatch(r"\s*(?:\\?%)?\s*\x00?\s*(?:,|/|;|and|,\s*and|or)\s*", between))


def _condition(lower: str, mets, start: int) -> bool:
    """Whether the metric named before a number sets a condition: 'at IoU=0.8', 'IoU threshold of 0.5'
    (for one named after it: 'the 0.5 IoU threshold', see read)."""
    for ms, me, metric in reversed(mets):
        if me <= start:
            before = lower[max(0, ms - 12):ms].split()
            # "with" sets a condition for an overlap ("with IoU 0.5", "with IoU = 0.7"), not for a score
            # ("with F1 score of 79.6%", "with mIoU 83.3%")
            return bool(before) and (before[-1] in ("at", "@") or "@" in lower[max(0, ms - 2):ms] or before[-1] == "with" and
                                     (metric.name == "IoU" or "=" in lower[me:start])) or \
                "threshold" in lower[me:start]
    return False


def _from_to(before: list[str], after: list[str]) -> bool:
    """'from 69.0% to 74.4%', '(4.59 to 4.09)': the first number is the old value."""
    return bool(before) and (before[-1] == "from" and "to" in after[:4] or
                             before[-1] == "(" and after[:1] == ["to"] and len(after) > 1 and bool(_NUM.match(after[1])))


def _margin_text(text: str, start: int, end: int) -> str:
    """A margin as written, with the 'by' or gain word that introduces it: 'by 2.3%'."""
    head = text[:start].rstrip()
    for word in ("by", "of"):
        if head.lower().endswith(" " + word) or head.lower() == word:
            return text[len(head) - len(word):end].strip()
    return text[start:end].strip()


def _metric_after(text, mets, end):
    """The metric named right after a number: '84.6% top-1 accuracy', '27.3 BLEU', '0.88 in macro F1'."""
    for ms, me, metric in mets:
        if ms < end:
            continue
        written = _WORD.findall(text[end:ms])
        gap = [w.lower() for w in written]
        if len(gap) <= 4 and all(w in _AFTER_MODIFIERS or w in ("%", "\\") or _qualifier(x) for w, x in zip(gap, written)) \
                and sum(1 for w, x in zip(gap, written) if w not in _AFTER_MODIFIERS and _qualifier(x)) <= 2 and \
                (len(gap) <= 3 or not gap[-1] in ("of", "in", "on")):
            return metric, text[ms:me]
        break
    return None, None


def _qualifier(word: str) -> bool:
    """A lower-case word that can qualify a metric's name: 'execution accuracy', 'linear probing
    accuracy', 'question-match accuracy' (not a function word, not a name), or a level ('L2 mAP')."""
    return bool(re.fullmatch(r"[a-z][a-z-]{2,}", word)) and word not in _NOT_QUALIFIERS and \
        word not in _MARGIN_VERBS and word not in _REACHING or \
        bool(re.fullmatch(r"[A-Z]\d", word))  # "69.72% L2 mAP"


def _tight_before(lower: str, mets, start: int) -> bool:
    """Whether a metric ends just before a number, joined by 'of', 'to', 'is', '=' or ':'."""
    for ms, me, _ in reversed(mets):
        if me <= start:
            return bool(re.fullmatch(r"\s*(?:of|to|is|was|=|:|\(|of about|of around)?\s*", lower[me:start]))
    return False


def _metric_before(text, mets, start, names):
    """The metric named before a number, with only linking words between: 'top-1 accuracy of
    84.6%', 'WER to 5.1', 'FID=9.91', 'mAP on COCO of 45.2'."""
    for ms, me, metric in reversed(mets):
        if me > start:
            continue
        between = re.sub(r"^@?\s*\[[^\]]*\]", " ", text[me:start])  # "mAP@[0.5:0.95] of 45.2": the range is the metric's
        for cs, ce, _, _ in names:  # a name between counts as one word
            if me <= cs and ce <= start:
                between = between.replace(text[cs:ce], " the ")
        gap = _words(between)
        if (len(gap) <= 6 or len(gap) <= 8 and gap[-1] in ("of", "to") and any(w in _DATASET_NOUNS for w in gap)) and \
                all(w in _BEFORE_OK or w in _DATASET_NOUNS for w in gap) and not any(_NUM.match(w) for w in gap):
            return metric, text[ms:me]
        break
    return None, None


def _dataset_right_after(names, text, end) -> bool:
    """Whether a dataset is named right after a number: at most two words between, none of them a
    word a count would be of ('79.2 on COCO'; not 'the 19 task VTAB')."""
    for cs, ce, kind, _ in names:
        if kind == "dataset" and cs >= end:
            gap = _WORD.findall(text[end:cs])  # (an acronym is a metric not in the vocabulary: "75.5% EX on Spider")
            return len(gap) <= 2 and not any(w[:1].isalpha() and w.lower() not in _BETWEEN_TO_DATASET and
                                             w.lower() not in _AFTER_MODIFIERS and not metrics.resolve(w) and
                                             not _ACRONYM.fullmatch(w) for w in gap)
    return False


def _assign(out: list[Number], text: str, lower: str, datasets: list, models: list, mets) -> list[Number]:
    paired: dict[int, tuple] = {}  # a number's start -> (its dataset, the split stated beside it)
    heads: dict[int, int] = {}  # a number's start -> its model
    metric_of: dict[int, Metric] = {}
    if "respectively" in lower or "respective " in lower:
        distinct = list(dict.fromkeys((d[3], _split_after(text, d)) for d in datasets))  # "COCO test-dev and val"
        mods = list(dict.fromkeys(m[3] for m in models))
        start = before_group = 0
        listed = [g for g in _groups(out, lower, mets) if len(g) > 1]
        asides = _asides(out, lower, mets)
        waiting: list[list[Number]] = []  # lists before the last one of their "respectively"
        for i, group in enumerate(listed):
            # the datasets of the group's own clause: after the previous list, up to its "respectively"
            end = lower.find("respectively", group[-1].end)  # ("with respective accuracies of": to the end)
            end = len(lower) if end < 0 else end
            if i + 1 < len(listed) and listed[i + 1][0].start < end or \
                    any(group[-1].end < n.start < end and n.start not in asides for n in out):
                start = before_group = group[-1].end
                waiting.append(group)
                continue  # not the last list before its "respectively": "26.8 PQ and 34.1 mIoU on ADE20K, ..."
            parallel, waiting = waiting, []
            said = lower.rfind("respectively", 0, group[0].start)  # "to 51.1 and 44.3 respectively, and ... on C and D to"
            start = max(start, said + len("respectively") if said >= 0 else 0)
            clause = [d for d in datasets if start <= d[0] < end and not group[0].start <= d[0] < group[-1].end]
            after = [d for d in clause if d[0] >= group[-1].end]
            clause = after or clause  # "5.53% on WSJ, and 5.42% and 14.70% on LibriSpeech ..., respectively"
            local = list(dict.fromkeys((d[3], _split_after(text, d)) for d in clause))
            if len(clause) == 1 and len(group) > 1:
                splits = _split_list(text, clause[0])  # "on LibriSpeech test-clean and test-other, respectively"
                if len(splits) == len(group):
                    paired.update((n.start, (clause[0][3], sp)) for n, sp in zip(group, splits))
                    start = before_group = group[-1].end
                    continue
            start = group[-1].end
            if len(group) == len(local) and len(local) != len(distinct):
                paired.update((n.start, d) for n, d in zip(group, local))
            elif len(group) == len(distinct):
                paired.update((n.start, d) for n, d in zip(group, distinct))
            elif len(group) == len(clause):  # "on CUHK03 labeled, CUHK03 detected and Market-1501"
                paired.update((n.start, (d[3], _split_after(text, d))) for n, d in zip(group, clause))
            elif len(clause) > 1 and len(group) % len(clause) == 0 and _periodic(group, len(group) // len(clause)):
                k = len(group) // len(clause)
                paired.update((n.start, (clause[i // k][3], _split_after(text, clause[i // k])))
                              for i, n in enumerate(group))
            elif len(local) > 1 and len(group) % len(local) == 0 and _periodic(group, len(group) // len(local)):
                # "on A, B and C with 85.1% mAP / 87.2% rank-1, 82.4% mAP / 84.9% rank-1 and ...": a run each
                k = len(group) // len(local)
                paired.update((n.start, local[i // k]) for i, n in enumerate(group))
            elif len(distinct) > 1 and len(group) % len(distinct) == 0 and _periodic(group, len(group) // len(distinct)):
                k = len(group) // len(distinct)
                paired.update((n.start, distinct[i // k]) for i, n in enumerate(group))
            elif len(group) == len(mods) and len(distinct) <= 1:
                heads.update((n.start, h) for n, h in zip(group, mods))
            elif _coordinated_with_unfound(text, clause):
                # "on the Urbansound 8k and Esc-10 datasets": paired with names not all found, so
                # which value is whose is unknown
                paired.update((n.start, (_UNPAIRED, None)) for n in group)
            else:  # "top-1 and top-5 errors of 29.51% and 10.37%, respectively": one metric each
                named = list(dict.fromkeys(m for ms, me, m in mets if ms < group[0].start and ms >= before_group))
                chain = _coordinated_from(text, [d for d in datasets if d[0] >= end])  # "..., respectively, on A and B"
                if len(named) == len(group):
                    metric_of.update((n.start, m) for n, m in zip(group, named))
                elif len(chain) == len(group) and re.fullmatch(r"\s*,?\s*(?:on|in|for)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}?"
                                                               r"(?:(?:datasets?|benchmarks?)\s+(?:of\s+)?)?",
                                                               text[end + len("respectively"):chain[0][0]]):
                    paired.update((n.start, (d[3], _split_after(text, d))) for n, d in zip(group, chain))
                elif len(local) > 1 or not clause and len(distinct) > 1 or \
                        re.fullmatch(r"[\s%\\]*\x00?\s*,?\s*", _blank(lower, group[-1].end, end, mets, "\x00")) and \
                        any(d[1] <= group[0].start and re.search(r"(?:,|\band)\s*(?:the\s+)?$", text[:d[0]]) for d in clause):
                    # as many values as datasets they could be paired with, but not the same count; or a list
                    # 'respectively' pairs with names before it, of which fewer were found ("on A (4-class), B (7-class)
                    # and C achieving 99.47%, 98.32% and 97.87% respectively")
                    paired.update((n.start, (_UNPAIRED, None)) for n in group)
            before_group = group[-1].end
            pairs = [paired.get(n.start) for n in group]
            if all(pairs) and len(set(pairs)) == len(group) and all(d != _UNPAIRED for d, _ in pairs):
                # "an accuracy of 0.9697/0.9722/0.9724 and AUC of 0.9856/0.9868/0.9863 on A, B and C respectively":
                # lists of as many values, with no name between them, pair alike
                for g in parallel:
                    if len(g) == len(group) and not any(g[0].start <= d[0] < group[0].start for d in datasets):
                        paired.update((n.start, d) for n, d in zip(g, pairs))
    groups = [g for g in _groups(out, lower, mets) if len(g) > 1]
    for group in groups:
        if not any(n.start in metric_of for n in group):
            named = _metrics_listed(text, lower, mets, group)
            if named:
                metric_of.update((n.start, m) for n, m in zip(group, named))
    for group in groups:  # "71.1% AUC, 89.3% NP and 73.0% AO on LaSOT, TrackingNet and GOT-10k": one each
        if any(n.start in paired for n in group) or any(n.kind != "value" for n in group):
            continue
        chain = _coordinated_after(text, datasets, group[-1], mets)
        if len(chain) == len(group) and len({d[3] for d in chain}) == len(chain):
            paired.update((n.start, (d[3], _split_after(text, d))) for n, d in zip(group, chain))
    for group in groups:  # "85.78%, 92.07% and 84.04% on three publicly available datasets": which is whose is unknown
        if not any(n.start in paired for n in group) and \
                re.match(r"\s*%?\s*(?:[\w-]+\s+){0,3}?(?:on|across|over|for)\s+(?:the\s+|these\s+)?(?:two|three|four|five|six|"
                         r"seven|eight|nine|ten|\d+|several|multiple|various)\b", text[group[-1].end:]):
            paired.update((n.start, (_UNPAIRED, None)) for n in group)
    runs = {}  # a number's start -> the dataset named right after the list it ends, for a list that opens a clause
    for group in groups:
        if any(n.start in paired for n in group):
            continue
        last = _dataset_after(group[-1], text, datasets, mets)
        if last is not None and _opens_clause(text, group[0], datasets):
            runs.update((n.start, last) for n in group)
    asides = _asides(out, lower, mets)
    result = []
    for n in out:
        if n.start in paired:
            d, split = paired[n.start]
            d = None if d == _UNPAIRED else d
        elif n.start in runs and _dataset_after(n, text, datasets, mets) is None and not _bracketed(text, n):
            d = runs[n.start]
            split = _split(text, datasets, d)
        else:
            d = _dataset_of(n, text, datasets, models, mets)
            split = _split(text, datasets, d) if d is not None else None
            mention = next((x for x in datasets if x[0] >= n.end), None)
            if d is not None and mention is not None and mention[3] == d and _split_after(text, mention) and \
                    _dataset_after(n, text, datasets, mets) == d:
                split = _split_after(text, mention)  # "79.2 on COCO test-dev, 77.1 on COCO test-challenge"
        anchor = asides.get(n.start)
        if anchor is not None and not any(anchor.end < c[0] < n.start for c in datasets) and \
                not _names_in_brackets(text, n, datasets):
            a = next(r for r in result if r.start == anchor.start)  # "94.6 (95.6 for an ensemble)": on the same
            d, split = a.dataset, a.split
        head = heads.get(n.start)
        if head is None and n.kind == "value":
            head = _model_bracketed(n, text, models)
        if n.start in metric_of:
            n = n._replace(metric=metric_of[n.start], metric_text=metric_of[n.start].name)
        result.append(n._replace(dataset=d, head=head, split=split))
    return result


def _periodic(group: list[Number], k: int) -> bool:
    """Whether a list is runs of k values, one per metric ('85.1% mAP / 87.2% rank-1, 82.4% mAP / 84.9% rank-1')."""
    names = [n.metric.name if n.metric else None for n in group]
    return len(set(names[:k])) == k and None not in names and all(names[i] == names[i % k] for i in range(len(names)))


def _metrics_listed(text: str, lower: str, mets, group: list[Number]) -> list[Metric] | None:
    """One metric each for the items of a list, when as many metrics are listed right after it
    ('68.96 and 65.21 of execution accuracy and program accuracy') or right before it ('top-1 and
    top-5 errors of 29.51% and 10.37%'), else None."""
    if any(_names_own(text, n) for n in group[:-1]):
        return None  # '76.6% mAP, 97.0% mAP': each names its own
    after = [m for m in mets if m[0] >= group[-1].end]
    before = [m for m in mets if m[1] <= group[0].start][::-1]
    for seq, forward in ((after, True), (before, False)):
        chain = []
        for m in seq:
            if not chain:
                gap = text[group[-1].end:m[0]] if forward else text[m[1]:group[0].start]
                written = _WORD.findall(gap)
                if len(written) > 4 or not all(w.lower() in _AFTER_MODIFIERS or w.lower() in _BEFORE_OK or
                                               w in ("%", "\\") or _qualifier(w) for w in written):
                    break
            else:
                prev = chain[-1]
                gap = text[prev[1]:m[0]] if forward else text[m[1]:prev[0]]
                if not re.fullmatch(r"\s*(?:,|/|and|,\s*and)?\s*(?:[a-z][a-z-]{2,}\s+){0,2}", gap + " ") or \
                        not re.search(r",|/|\band\b", gap) and not forward:
                    break
            chain.append(m)
            if len(chain) == len(group):
                break
        if len(chain) == len(group) and len({m[2].name for m in chain}) == len(chain) and \
                (forward or len(chain) > 1):
            chain = chain if forward else chain[::-1]
            # "top-1 and top-5 errors", "top-1/top-5 error rate": the last one's noun is the others' too
            return [_with_noun(text[ms:me], text[chain[-1][0]:chain[-1][1]]) or m if " " not in text[ms:me].strip() else m
                    for ms, me, m in chain[:-1]] + [chain[-1][2]]
    return None


def _with_noun(bare: str, last: str) -> Metric | None:
    """A metric written without its noun ('top-1') read with the noun of the last of its list
    ('top-5 error rate' -> 'top-1 error rate', 'top-5 errors' -> 'top-1 error'), or None."""
    words = _words(last)
    if len(words) < 2:
        return None
    return metrics.resolve(bare + " " + " ".join(words[1:])) or metrics.resolve(bare + " " + re.sub(r"s$", "", words[-1]))


def _dataset_after(n: Number, text: str, datasets: list, mets) -> int | None:
    """The dataset named right after a value, with only linking words, metrics and their
    qualifiers between ('84.6% top-1 accuracy on ImageNet', '83.0 program accuracy on the MathQA
    dataset'), brackets and speeds ('at 102 FPS') left out."""
    after = [d for d in datasets if d[0] >= n.end]
    if not after:
        return None
    written = _WORD.findall(_AT_THRESHOLD.sub(" ", _SPEEDS.sub(" ", _COMPARED.sub(" ", re.sub(r"\([^()]*\)", " ",
                                                                      _blank(text, n.end, after[0][0], mets))))))
    if written[:1] == ["%"]:
        written = written[1:]
    if written[:1] and _ACRONYM.fullmatch(written[0]) and re.match(r"\s*%?\s*[A-Z]", text[n.end:]):
        written = written[1:]  # "52.6% IEX on SParC": a metric not in the vocabulary
    task = [i for i, w in enumerate(written) if w.lower() == "for"]
    if task and all(re.fullmatch(r"[A-Z][a-z]+", w) for w in written[task[0] + 1:-1]) and written[-1:] in (["on"], ["in"]) \
            and 1 <= len(written) - task[0] - 2 <= 3:
        written = written[:task[0] + 1] + written[-1:]  # "2.36% EER for Speaker Verification on VoxCeleb1"
    # a count before a noun is no number of its own ("76.3% on the 19 task VTAB")
    written = [w for i, w in enumerate(written) if not (w.isdigit() and i + 1 < len(written) and
                                                        written[i + 1].islower() and not metrics.resolve(written[i + 1]))]
    gap = [w.lower() for w in written]
    if len(gap) <= 7 and not any(_NUM.match(w) for w in gap) and \
            all(w in _BETWEEN_TO_DATASET or w in _AFTER_MODIFIERS or metrics.resolve(w) or w in ("%", "\\") or
                _qualifier(x) for w, x in zip(gap, written)) and \
            sum(1 for w, x in zip(gap, written) if _qualifier(x) and not (w in _BETWEEN_TO_DATASET or
                                                                      w in _AFTER_MODIFIERS)) <= 2:
        return after[0][3]
    return None


def _coordinated_after(text: str, datasets: list, n: Number, mets) -> list:
    """The datasets listed from the one named right after a value on ('on A, B, and the C
    datasets'), or []."""
    first = _dataset_after(n, text, datasets, mets)
    if first is None:
        return []
    return _coordinated_from(text, [d for d in datasets if d[0] >= n.end])


def _coordinated_from(text: str, datasets: list) -> list:
    """The first of `datasets` and those listed with it ('A, B, and the C')."""
    if not datasets:
        return []
    chain = [datasets[0]]
    for d in datasets[1:]:
        gap = text[chain[-1][1]:d[0]]
        if not re.fullmatch(r"\s*(?:(?:test-dev|test|val|validation|dev)(?:\s+sets?)?\s*)?(?:,|,?\s*and)\s*(?:the\s+)?",
                            gap, re.I):
            break
        chain.append(d)
    return chain


def _opens_clause(text: str, first: Number, datasets: list) -> bool:
    """Whether a list of values opens its own clause: no dataset before it, or only a comma, 'and'
    or a split between the last dataset named and it ('... on ADE20K, 18.2 PQ, 27.9 mIoU on Vistas')."""
    before = [d for d in datasets if d[1] <= first.start]
    if not before:
        return True
    gap = text[before[-1][1]:first.start]
    if len(_words(gap)) > 4:
        return True  # "with COCO training only, our method achieves 23.4 PQ and 30.0 mIoU on ADE20K"
    return bool(re.fullmatch(r"\s*(?:(?:test-dev|test|val|validation|dev)(?:\s+set)?\s*)?(?:,|;|,?\s*and|,?\s*while)\s*"
                             r"(?:\s*(?:with|achieves?|reaches|obtains|gets|of)\s*)?", gap, re.I))


def _bracketed(text: str, n: Number) -> bool:
    opened = text.rfind("(", 0, n.start)
    return opened > text.rfind(")", 0, n.start)


def _names_in_brackets(text: str, n: Number, datasets: list) -> bool:
    opened = text.rfind("(", 0, n.start)
    closed = text.find(")", n.end)
    return any(opened < d[0] and (closed < 0 or d[1] <= closed) for d in datasets)


def _coordinated_with_unfound(text: str, datasets: list) -> bool:
    """Whether a dataset stands in a list with a capitalised name that is not a dataset found
    ("the Urbansound 8k and Esc-10 datasets")."""
    for cs, ce, _, _ in datasets:
        if re.search(r"[A-Z][\w-]*(?:\s+\w+)?\s*(?:,|\band)\s*(?:the\s+)?$", text[max(0, cs - 40):cs]) and \
                not any(d[1] <= cs and cs - d[1] < 8 for d in datasets):
            return True
        if re.match(r"\s*(?:,|and\b)\s*(?:the\s+)?[A-Z]", text[ce:ce + 20]) and \
                not any(d[0] >= ce and d[0] - ce < 12 for d in datasets):
            return True
    return False


def _groups(out: list[Number], lower: str, mets) -> list[list[Number]]:
    """The lists of numbers ('72.8% and 75.0%'), in order; an aside (see _asides) stands alone,
    after the list it interrupts."""
    groups: list[list[Number]] = []
    asides = _asides(out, lower, mets)
    alone = []
    for n in out:
        if n.start in asides:
            alone.append([n])
        elif groups and _listed(_blank(lower, groups[-1][-1].end, n.start, mets, "\x00")):
            groups[-1].append(n)
        else:
            groups.append([n])
    return groups + alone


def _dataset_of(n: Number, text: str, datasets: list, models: list, mets) -> int | None:
    """The dataset a value is stated on (see the module's docstring), or None when the value
    stands beside a name that is not a dataset found ('45.7 AP on YouTube-VIS', 'V1&V2 (74.6%)')."""
    if not datasets:
        return None
    bracket = re.match(r"\s*(?:\\?%\s*)?\(\s*", text[n.end:])
    if bracket:  # "97.0% (ESC-10)": on the dataset in brackets right after it; "84.2% (US8K mono)": on one not found
        at = n.end + bracket.end()
        named = [d for d in datasets if d[0] == at]
        if named:
            return named[0][3]
        if re.match(r"[A-Z][\w-]*\b", text[at:]) and not any(ms == at for ms, _, _ in mets):
            return None
    opened = text.rfind("(", 0, n.start)
    closed = text.find(")", n.end)
    inside = [d for d in datasets if opened < d[0] and (closed < 0 or d[1] <= closed)]
    if opened > text.rfind(")", 0, n.start) and not inside and not re.match(r"\s*\+\s*\d", text[n.end:]):
        # in brackets that name no dataset: of the name right before them ("Kinetics-400 (88.6%)");
        # of none when that is a name not found as a dataset ("V1&V2 (74.6%)")
        named = [d for d in datasets if d[1] <= opened and len(_words(text[d[1]:opened])) <= 2]
        if named:
            return named[-1][3]
        model = any(m[1] <= opened and not _words(text[m[1]:opened]) for m in models)  # "ResNet-50 (76.1%)": on the sentence's dataset
        metric = any(me <= opened and not _words(text[me:opened]) for _, me, _ in mets) or \
            any(opened < ms < (closed if closed >= 0 else len(text)) for ms, _, _ in mets)  # "(42.62 dB PSNR)"
        if not model and not metric or re.search(r"\b[A-Z][\w-]*\s*$", text[:opened]) and \
                not any(0 <= opened - x[1] <= 1 for x in datasets + models):
            return None  # "V1&V2 (74.6%)", "traditional docking (23%)", "Mapillary (61.1 IoU val)": of something not found

    m = _UNKNOWN_NAME.match(re.sub(r"\([^()]*\)", lambda b: " " * len(b.group()), text), n.end)  # "80.7% (+2.3%) on ADE"
    if m and not any(d[0] == m.start(1) for d in datasets):
        return None
    if len({d[3] for d in datasets}) == 1:
        return datasets[0][3]
    after = [d for d in datasets if d[0] >= n.end]
    right_after = _dataset_after(n, text, datasets, mets)
    if right_after is not None:
        return right_after
    before = [d for d in datasets if d[1] <= n.start and not _trained_on(text, d)]  # "with ImageNet-21K pre-training"
    if before and after and ";" in text[before[-1][1]:n.start] and ";" not in text[n.end:after[0][0]]:
        return after[0][3]  # "98.3 AUROC on MVTec AD; 83.7 of image AUROC and 67.4 of pixel sPRO on MVTec LOCO AD"
    if before:
        return before[-1][3]
    return after[0][3] if after else None


def _trained_on(text: str, d: tuple) -> bool:
    """Whether a dataset mention names what was trained on: 'ImageNet-21K pre-training', 'pre-trained on JFT'."""
    return bool(re.match(r"\s*(?:pre-?training|pre-?trained|training\b|data\b)", text[d[1]:], re.I) or
                re.search(r"\b(?:pre-?trained|trained|pre-?training)\s+(?:on|with)\s+(?:the\s+)?$", text[:d[0]], re.I))


def _blank(text: str, start: int, end: int, spans, mark: str = " ") -> str:
    """text[start:end] with the metrics named in it written as `mark` ('program accuracy on' ->
    'program   on')."""
    parts, at = [], start
    for sp in spans:
        ms, me = sp[0], sp[1]
        if ms >= at and me <= end:
            parts.append(text[at:ms])
            at = me
    parts.append(text[at:end])
    return mark.join(parts)


def _model_bracketed(n: Number, text: str, models: list) -> int | None:
    """'ResNet-50 (76.1%)', 'ResNet-50: 76.1%': a value stated for the model named right before."""
    for _, ce, _, ent in reversed(models):
        if ce <= n.start:
            gap = text[ce:n.start].strip()
            return ent if gap in (":", "=") or re.fullmatch(r"\(\s*[\w-]*\s*(?:of|=|:)?", gap) else None
    return None


def _split(text: str, datasets: list, d: int) -> str | None:
    """The split stated beside the first mention of dataset `d` that states one."""
    for name in datasets:
        if name[3] == d:
            split = _split_after(text, name)
            if split:
                return split
    return None


_SPLIT_WORD = r"(test-dev|test-std|test-challenge|test-clean|test-other|dev-clean|dev-other|test|val|validation|dev)"
_SPLIT_LIST = re.compile(r"\s*" + _SPLIT_WORD + r"(?:\s+(?:set|split))?\s*(?:,|/|and|,\s*and)\s*" + _SPLIT_WORD + r"\b", re.I)


def _split_list(text: str, name: tuple) -> list[str]:
    """The two splits listed beside one dataset mention: 'LibriSpeech test-clean and test-other'."""
    m = _SPLIT_LIST.match(text, name[1])
    if not m:
        return []
    return [_SPLIT_NAMES.get(x.lower(), x.lower()) for x in m.groups()]


def _split_after(text: str, name: tuple) -> str | None:
    """The split stated beside one dataset mention: 'COCO test-dev', 'the test set of X'."""
    cs, ce = name[0], name[1]
    m = _SPLITS.match(text[ce:ce + 30]) or _SPLIT_BEFORE.search(text[max(0, cs - 40):cs])
    if m:
        s = m.group(1).lower()
        return _SPLIT_NAMES.get(s, s)
    return None
