"""Cue phrases (data/patterns.json) matched against a sentence's lower-cased words."""
from __future__ import annotations

import threading
from collections.abc import Callable
from functools import lru_cache

from graph.extract.resources import patterns


# Words rules look for: a Doc's view indexes where each of these occurs in one pass (tokens.View);
# other words are found by scanning. Cue sets add their first words; other rules call watch().
WATCHED: set[str] = set()


def watch(words):
    """Note that rules look for `words` (lower-cased); returns them, unchanged."""
    WATCHED.update(words)
    return words


class CueSet:
    """Multi-word cue phrases, found by their first word: one dict lookup per token."""

    name: str | None = None  # a named set's (cues(name)) name,
    number: int | None = None  # and its place in NAMED

    def __init__(self, phrases: list[str]):
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        for p in phrases:
            words = tuple(p.lower().split())
            if not words or not all(any(c.isalnum() for c in w) for w in words):
                # punctuation could end a sentence inside a cue; cues are matched once per Doc on
                # the promise that none spans two sentences (tokens.View.cues)
                raise ValueError(f"cue {p!r}: every word needs a letter or digit")
            self.by_first.setdefault(words[0], []).append(words)
        for v in self.by_first.values():
            v.sort(key=len, reverse=True)
        self.first = watch(frozenset(self.by_first))
        self._entries = {first: [(0, options)] for first, options in self.by_first.items()}  # as _match reads them

    def find(self, words: list[str], present: set[str] | None = None,
             positions: Callable[[str], list[int]] | None = None) -> list[tuple[int, int]]:
        """(start, end) word positions of every cue in `words`, longest first at each position.
        Given the set of `words` and where each word is (`positions`), a long text is searched
        only at the few places a cue can start instead of word by word."""
        if present is None or positions is None:
            if self.first.isdisjoint(words):
                return []  # most sentences hold none of a set's cues: answered in one C-level pass
            starts = range(len(words))
        else:
            firsts = self.first.intersection(present)
            if not firsts:
                return []
            starts = sorted(i for w in firsts for i in positions(w))
        return _match(words, starts, self._entries, 1)[0]


def _match(words: list[str], starts, by_first: dict, count: int) -> list[list[tuple[int, int]]]:
    """The cues of `count` sets found at `starts` (in order), by set: `by_first` maps a first word
    to (set number, that set's cues starting with it, longest first)."""
    out: list[list[tuple[int, int]]] = [[] for _ in range(count)]
    after = [0] * count  # per set: a cue's words are not the start of another
    last = len(words) - 1
    for i in starts:
        entries = by_first.get(words[i])
        if entries is None:
            continue
        # the first word matches; most cues starting with a common word ("the", "on") are told
        # apart by their second
        second = words[i + 1] if i < last else ""
        for number, options in entries:
            if i < after[number]:
                continue
            for cue in options:
                n = len(cue)
                if n == 1 or cue[1] == second and (n == 2 or tuple(words[i + 2:i + n]) == cue[2:]):
                    out[number].append((i, i + n))
                    after[number] = i + n
                    break
    return out


# The named cue sets (data/patterns.json) the rules use, matched together in one pass per Doc
# (find_named): each set matched by itself cost a pass of its own, ten per abstract. A set is
# registered under a lock and the registry replaced whole, so a thread matching while another
# builds its pipeline sees the sets as they were, all or nothing.
NAMED: list[CueSet] = []
_REGISTRY: tuple[int, dict[str, list[tuple[int, list[tuple[str, ...]]]]]] = (0, {})  # (sets, first word -> (set, cues))
_LOCK = threading.Lock()


@lru_cache(maxsize=None)
def cues(name: str) -> CueSet:
    """The named cue set `name` of data/patterns.json."""
    global _REGISTRY
    with _LOCK:
        for cue_set in NAMED:  # (two threads may miss the cache at once: one set per name)
            if cue_set.name == name:
                return cue_set
        cue_set = CueSet(patterns()[name])
        count, by_first = _REGISTRY
        by_first = {first: list(entries) for first, entries in by_first.items()}
        for first, options in cue_set.by_first.items():
            by_first.setdefault(first, []).append((count, options))
        cue_set.name, cue_set.number = name, count
        NAMED.append(cue_set)
        _REGISTRY = (count + 1, by_first)
        return cue_set


def find_named(words: list[str], present: set[str], positions: Callable[[str], list[int]]) -> list[list[tuple[int, int]]]:
    """What CueSet.find gives for each named set (by its number), all found in one pass over the
    places where any of their cues can start."""
    count, by_first = _REGISTRY
    return _match(words, sorted(i for w in by_first.keys() & present for i in positions(w)), by_first, count)


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in patterns()[name])
