"""Cue phrases (data/patterns.json) matched against a sentence's lower-cased words."""
from __future__ import annotations

from functools import lru_cache

from graph.extract.resources import patterns


class CueSet:
    """Multi-word cue phrases, found by their first word: one dict lookup per token."""

    def __init__(self, phrases: list[str]):
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        for p in phrases:
            words = tuple(p.lower().split())
            self.by_first.setdefault(words[0], []).append(words)
        for v in self.by_first.values():
            v.sort(key=len, reverse=True)
        self.first = frozenset(self.by_first)

    def find(self, words: list[str]) -> list[tuple[int, int]]:
        """(start, end) word positions of every cue in `words`, longest first at each position."""
        if self.first.isdisjoint(words):
            return []  # most sentences hold none of a set's cues: answered in one C-level pass
        out = []
        i = 0
        while i < len(words):
            for cue in self.by_first.get(words[i], ()):
                if tuple(words[i:i + len(cue)]) == cue:
                    out.append((i, i + len(cue)))
                    i += len(cue) - 1
                    break
            i += 1
        return out

    def any(self, words: list[str]) -> bool:
        return bool(self.find(words))


@lru_cache(maxsize=None)
def cues(name: str) -> CueSet:
    return CueSet(patterns()[name])


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in patterns()[name])
