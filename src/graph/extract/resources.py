"""Loads the data files the extractor runs on: lexicons (data/lexicon/*.tsv) and cue words
(data/patterns.json). Loaded once per process and shared read-only."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from graph.text import key

LEXICON_FILES = {"dataset": "datasets.tsv", "architecture": "architectures.tsv", "method": "methods.tsv"}


@dataclass(frozen=True)
class Term:
    canonical: str
    type: str


@dataclass
class Lexicon:
    forms: dict[str, list[str]] = field(default_factory=dict)  # canonical -> surface forms (canonical first)
    types: dict[str, str] = field(default_factory=dict)  # canonical -> type
    by_key: dict[str, Term] = field(default_factory=dict)  # key(surface form) -> Term
    stop: frozenset[str] = frozenset()  # keys of name-shaped words that are not entities

    def lookup(self, name: str) -> Term | None:
        return self.by_key.get(key(name))


def _data(*parts: str):
    return resources.files("graph").joinpath("data", *parts)


def _rows(text: str):
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.rstrip("\n").split("\t")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    lex = Lexicon()
    for etype, filename in LEXICON_FILES.items():
        for row in _rows(_data("lexicon", filename).read_text(encoding="utf-8")):
            name = row[0].strip()
            aliases = [a.strip() for a in (row[1] if len(row) > 1 else "").split("|") if a.strip()]
            if name in lex.types:
                raise ValueError(f"lexicon: {name!r} is listed twice ({filename})")
            lex.types[name] = etype
            lex.forms[name] = [name, *aliases]
            for form in lex.forms[name]:
                lex.by_key.setdefault(key(form), Term(name, etype))
    stop = set()
    for row in _rows(_data("lexicon", "nonentities.tsv").read_text(encoding="utf-8")):
        stop.add(key(row[0]))
    from graph import metrics  # a metric ("HOTA", "mIoU", "SSIM") is no entity, unless the lexicon names one so

    for m in metrics.vocabulary().values():
        stop.update(k for k in (key(f) for f in (m.name, *m.aliases)) if k and k not in lex.by_key)
    lex.stop = frozenset(stop)
    return lex


@lru_cache(maxsize=1)
def patterns() -> dict[str, list[str]]:
    data = json.loads(_data("patterns.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Words ML abstracts write in lower case (data/lexicon/common_words.txt)."""
    return frozenset(w for w in _data("lexicon", "common_words.txt").read_text(encoding="utf-8").split()
                     if not w.startswith("#") and w.isalpha())
