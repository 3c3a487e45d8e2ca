"""L2-regularised logistic regression on binary string features, fitted by Newton's method:
deterministic (no random start, no sampling), so the same examples give the same weights."""
from __future__ import annotations

import numpy as np


def _design(rows: list[list[str]], vocab: dict[str, int]) -> np.ndarray:
    x = np.zeros((len(rows), len(vocab)), dtype=np.float64)
    for i, feats in enumerate(rows):
        for f in feats:
            j = vocab.get(f)
            if j is not None:
                x[i, j] = 1.0
    return x


def vocabulary(rows: list[list[str]], min_count: int = 2) -> dict[str, int]:
    """Features seen in at least `min_count` examples, in sorted order (so the order of the
    examples does not change the weights' layout)."""
    counts: dict[str, int] = {}
    for feats in rows:
        for f in set(feats):
            counts[f] = counts.get(f, 0) + 1
    kept = sorted(f for f, n in counts.items() if n >= min_count or f == "bias")
    return {f: i for i, f in enumerate(kept)}


def fit(rows: list[list[str]], labels: list[int], l2: float = 1.0, min_count: int = 2,
        iterations: int = 25) -> dict[str, float]:
    """Weights by feature; the `bias` feature is not penalised."""
    vocab = vocabulary(rows, min_count)
    if not vocab:
        return {}
    x = _design(rows, vocab)
    y = np.asarray(labels, dtype=np.float64)
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    if "bias" in vocab:
        penalty[vocab["bias"]] = 1e-6
    for _ in range(iterations):
        z = x @ w
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x.T * (p * (1 - p))) @ x + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    names = sorted(vocab, key=vocab.get)
    return {f: round(float(v), 6) for f, v in zip(names, w) if abs(v) >= 1e-6}


def score(weights: dict[str, float], feats) -> float:
    return sum(weights.get(f, 0.0) for f in feats)


def platt(scores: list[float], labels: list[int], iterations: int = 100) -> tuple[float, float]:
    """(a, b) so that sigmoid(a * score + b) fits the labels: calibration on held-out scores.
    Newton's method with step halving, from the base rate (a = 0)."""
    s = np.asarray(scores, dtype=np.float64)
    y = np.asarray(labels, dtype=np.float64)
    if len(s) == 0 or y.min() == y.max():
        return 1.0, 0.0
    x = np.stack([s, np.ones_like(s)], axis=1)
    rate = (y.sum() + 0.5) / (len(y) + 1.0)
    w = np.array([0.0, np.log(rate / (1 - rate))])
    ridge = 1e-3

    def loss(w):
        z = x @ w
        return float(np.sum(np.logaddexp(0, z) - y * z) + 0.5 * ridge * w @ w)

    current = loss(w)
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + ridge * w
        hess = (x.T * (p * (1 - p))) @ x + ridge * np.eye(2)
        step = np.linalg.solve(hess, grad)
        t = 1.0
        while t > 1e-6 and loss(w - t * step) > current:
            t /= 2
        w = w - t * step
        new = loss(w)
        if current - new < 1e-10:
            break
        current = new
    return round(float(w[0]), 6), round(float(w[1]), 6)


def isotonic(scores: list[float], labels: list[int], least: int = 10) -> list[tuple[float, float]]:
    """The monotone (non-decreasing) step function of score that fits the labels best in squared
    error (pool adjacent violators), as (score, value) points at each block's mean score; blocks
    of fewer than `least` examples are pooled with a neighbour, so no value rests on a handful."""
    pairs = sorted(zip(scores, labels))
    blocks: list[list[float]] = []  # [sum of scores, sum of labels, count]
    for s, y in pairs:
        blocks.append([s, float(y), 1.0])
        while len(blocks) > 1 and blocks[-2][1] / blocks[-2][2] >= blocks[-1][1] / blocks[-1][2]:
            a = blocks.pop()
            blocks[-1] = [blocks[-1][0] + a[0], blocks[-1][1] + a[1], blocks[-1][2] + a[2]]
    merged: list[list[float]] = []
    for b in blocks:  # small blocks join the block before them (values stay non-decreasing)
        if merged and (b[2] < least or merged[-1][2] < least):
            merged[-1] = [merged[-1][0] + b[0], merged[-1][1] + b[1], merged[-1][2] + b[2]]
        else:
            merged.append(b)
    return [(round(b[0] / b[2], 6), round(b[1] / b[2], 6)) for b in merged]

