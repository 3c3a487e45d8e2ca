"""The metric vocabulary (data/metrics.json): what a result's metric is, which way is better, and
its unit. Extraction resolves a metric as written ("top-1 acc.", "word error rate") to an entry;
leaderboards rank by its direction and compare values on its scale.

    >>> resolve("Top-1 Acc.").name, resolve("word error rate").higher_is_better
    ('top-1 accuracy', False)
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import NamedTuple


class Metric(NamedTuple):
    name: str
    aliases: tuple[str, ...]
    higher_is_better: bool
    unit: str | None  # "%" when values are percentages (a 0-1 fraction of them may be written)
    range: tuple[float, float] | None
    kind: str

    @property
    def slug(self) -> str:
        """A name fit for an IRI: 'top-1 accuracy' -> 'top-1-accuracy'."""
        return re.sub(r"[^a-z0-9@+.-]+", "-", self.name.lower()).strip("-")


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Metric]:
    """Every entry, by canonical name."""
    data = json.loads(resources.files("graph").joinpath("data", "metrics.json").read_text(encoding="utf-8"))
    out = {}
    for m in data["metrics"]:
        rng = tuple(m["range"]) if m.get("range") else None
        out[m["name"]] = Metric(m["name"], tuple(m.get("aliases", ())), bool(m["higher_is_better"]), m.get("unit"),
                                rng, m.get("kind", "other"))
    return out


def _fold(text: str) -> str:
    return " ".join(text.lower().replace("‐", "-").replace("–", "-").split())


@lru_cache(maxsize=1)
def _forms() -> dict[str, Metric]:
    forms = {}
    for m in vocabulary().values():
        for f in (m.name, *m.aliases):
            forms.setdefault(_fold(f), m)
    for f, m in list(forms.items()):  # plurals: "accuracies", "perplexities", "F1 scores", "FIDs", "AUCs"
        if (len(f) > 3 or len(f) == 3 and f.isalpha()) and f[-1].isalpha():
            forms.setdefault(f[:-1] + "ies" if f.endswith("y") and f[-2] not in "aeiou" else f + "s", m)
    return forms


def resolve(text: str | None) -> Metric | None:
    """The entry a metric as written names, by its name or an alias (case and spacing ignored; a
    trailing '.' or 'score' dropped: 'F1 score', 'acc.'), or None."""
    if not text:
        return None
    forms = _forms()
    t = _fold(text)
    for candidate in (t, t.rstrip("."), re.sub(r"\s*(?:score|scores|metric|value)$", "", t)):
        if candidate in forms:
            return forms[candidate]
    return None


@lru_cache(maxsize=1)
def finder() -> re.Pattern:
    """A pattern finding any metric name or alias in lower-cased text, longest first, not inside a
    longer word ('AP' not in 'APs' or 'map-reduce')."""
    forms = sorted(_forms(), key=lambda f: (-len(f), f))
    alternation = "|".join(re.escape(f).replace(r"\ ", r"[\s-]?") for f in forms)
    return re.compile(rf"(?<![\w@^-])(?:{alternation})(?![\w@^]|-\w)")


def find(text: str) -> list[tuple[int, int, Metric]]:
    """(start, end, entry) of the metrics `text` names. A short all-letter form written in lower
    case where the metric is written in capitals ('map', 'ap', 'is', 'em') is an ordinary word,
    not the metric."""
    out = []
    forms = _forms()
    for m in finder().finditer(text.lower()):
        written = text[m.start():m.end()]
        entry = forms.get(_fold(m.group())) or resolve(m.group())
        if entry is None:
            continue
        if len(written) <= 4 and written.isalpha() and written.islower() and entry.name != entry.name.lower():
            continue
        out.append((m.start(), m.end(), entry))
    return out


def scaled(number: float, unit: str | None, metric: Metric | None) -> float:
    """`number` on the metric's own scale: a fraction written for a percentage metric (an F1 of
    0.88) is 88; anything else is as stated."""
    if metric is not None and metric.unit == "%" and unit != "%" and metric.range == (0, 100) and 0 <= number <= 1:
        return round(number * 100, 6)
    return number


def better(a: float, b: float, higher_is_better: bool) -> bool:
    """Whether score `a` is a better result than `b`."""
    return a > b if higher_is_better else a < b


def best_first(score: float, higher_is_better: bool) -> float:
    """A sort key putting better scores first."""
    return -score if higher_is_better else score


def ranks(scores: list[float]) -> list[int]:
    """Competition ranks of scores in order, best first: equal scores share a rank (1, 2, 2, 4)."""
    out: list[int] = []
    for n, score in enumerate(scores):
        out.append(out[-1] if n and score == scores[n - 1] else n + 1)
    return out

