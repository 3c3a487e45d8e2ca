"""Abbreviation definitions, after Schwartz & Hearst (2003): "Vision Transformer (ViT)".

Pure functions over token strings, so they are tested without spaCy.
"""
from __future__ import annotations


def _letters(s: str) -> str:
    return "".join(c for c in s.lower() if c.isalnum())


def matches(short: str, long_words: list[str]) -> bool:
    """True when the letters and digits of `short` appear in order in `long_words`, the first one
    at the start of a word, and that word is the first of `long_words` (Schwartz & Hearst)."""
    if len(short) > 2 and short.endswith("s") and short[-2].isupper():
        short = short[:-1]  # a plural: "CNNs", "EBVs"
    sf = [c for c in short.lower() if c.isalnum()]
    if len(sf) < 2 or not sf[0].isalpha():
        return False
    lf = " ".join(long_words).lower()
    s, pos = len(sf) - 1, len(lf) - 1
    while s >= 0:
        c = sf[s]
        while pos >= 0 and (lf[pos] != c or (s == 0 and pos > 0 and lf[pos - 1].isalnum())):
            pos -= 1
        if pos < 0:
            return False
        s, pos = s - 1, pos - 1
    return pos + 1 < len(long_words[0])


def find_long_form(short: str, before: list[str]) -> int | None:
    """How many of the tokens just before "(short)" spell out `short`, or None.

    Tries the shortest window first, up to min(len(short) + 5, 2 * len(short)) tokens."""
    n = len(_letters(short))
    limit = min(n + 5, 2 * n, len(before))
    for size in range(1, limit + 1):
        words = before[len(before) - size:]
        if any(w in {"(", ")", ";", ":", ".", ","} for w in words):
            return None
        if words[0].lower() in {"the", "a", "an", "of", "and", "or", "for", "to", "in", "on", "with"}:
            continue
        if matches(short, words):
            return size
    return None
