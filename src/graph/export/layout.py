"""Node positions and communities for the explorer, computed once at build time so the browser draws with physics
off (vis-network's own physics needs about a minute to settle 500 nodes; with positions given, a
10,000-node page draws in seconds).

A force-directed layout (Fruchterman–Reingold) in NumPy: springs along edges, and repulsion
estimated each round from a fixed-size random sample of nodes rather than from every pair, so a
round costs O(n · sample) instead of O(n²). Seeded, so the same graph gets the same picture."""
from __future__ import annotations

import numpy as np


def force_layout(n: int, edges: list[tuple[int, int]], iterations: int | None = None, sample: int = 96,
                 seed: int = 7, scale: float = 1000.0) -> np.ndarray:
    """Positions (n × 2) for nodes 0..n-1 joined by `edges` (pairs of indices)."""
    if iterations is None:
        iterations = 150 if n <= 1000 else 60
    rng = np.random.default_rng(seed)
    if n == 0:
        return np.zeros((0, 2))
    pos = rng.uniform(-1, 1, size=(n, 2)) * np.sqrt(n)
    if n == 1:
        return np.zeros((1, 2))
    e = np.asarray(edges, dtype=np.int64).reshape(-1, 2)
    e = e[e[:, 0] != e[:, 1]]
    k = 1.0  # ideal edge length
    temp = np.sqrt(n) / 2
    cool = temp / (iterations + 1)
    for _ in range(iterations):
        disp = np.zeros_like(pos)
        m = min(sample, n)
        others = rng.choice(n, size=m, replace=False)
        delta = pos[:, None, :] - pos[None, others, :]  # n × m × 2
        dist2 = np.maximum((delta ** 2).sum(-1), 1e-4)
        disp += (delta * (k * k / dist2)[..., None]).sum(1) * (n / m)
        if len(e):
            d = pos[e[:, 0]] - pos[e[:, 1]]
            dist = np.maximum(np.sqrt((d ** 2).sum(-1)), 1e-4)
            f = d * (dist / k)[:, None]
            np.add.at(disp, e[:, 0], -f)
            np.add.at(disp, e[:, 1], f)
        disp -= pos * 0.05 * np.sqrt((pos ** 2).sum(-1))[:, None] / np.sqrt(n)  # gravity, stronger far out: components stay close
        length = np.maximum(np.sqrt((disp ** 2).sum(-1)), 1e-9)
        pos += disp / length[:, None] * np.minimum(length, temp)[:, None]
        temp -= cool
    pos -= pos.mean(0)
    span = np.abs(pos).max() or 1.0
    return pos / span * scale * max(1.0, np.sqrt(n) / 20)


def communities(n: int, edges: list[tuple[int, int, int]], seed: int = 7) -> list[int]:
    """A community number for each of nodes 0..n-1 joined by weighted `edges` (a, b, weight), by
    Louvain modularity (networkx, seeded): 0 is the largest community, and -1 marks a node with no
    edge, which belongs to none (the explorer leaves such nodes out of its pictures)."""
    import networkx as nx

    g = nx.Graph()
    for a, b, w in edges:
        if a != b:
            g.add_edge(a, b, weight=g.get_edge_data(a, b, {"weight": 0})["weight"] + w)
    parts = nx.community.louvain_communities(g, weight="weight", seed=seed) if g.number_of_nodes() else []
    out = [-1] * n
    for c, part in enumerate(sorted(parts, key=lambda p: (-len(p), min(p)))):
        for i in part:
            out[i] = c
    return out
