#!/usr/bin/env python3
"""Time the explorer page on a large graph: writing graph.html (layout included) in Python, then
in headless Chromium the first draw, showing every node, and a search with 1-hop focus.

The graph is synthetic but shaped like ours: N entity nodes of the three types, about 1.5 claims
per node, with a few hubs (as ImageNet or ResNet-50 are) drawing most edges.

    python bench/bench_explorer.py --nodes 10000
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from graph.build import Corpus, build
from graph.export.html import write_html
from graph.model import Claim, Entity, Paper, PaperGraph

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
DRAWN = "new Promise(function (r) { network.once('afterDrawing', function () { r(); }); network.redraw(); })"


def synthetic(n: int, seed: int = 1) -> Corpus:
    """N entities over N/3 papers, as extraction would give them, merged by `build`: each entity
    named in one paper at least, and 1.5 claims per entity, half of them into the hubs."""
    rng = random.Random(seed)
    types = ["method", "architecture", "dataset"]
    names = [f"Entity{i}" for i in range(n)]
    papers = [PaperGraph(Paper(f"Paper {i}", "A sentence.", id=f"paper-{i}")) for i in range(max(1, n // 3))]
    named: list[dict[str, str]] = [{} for _ in papers]
    for i, name in enumerate(names):
        named[i % len(papers)][name] = types[i % 3]
    hubs = names[: max(1, n // 100)]
    rels = ["evaluated-on", "outperforms", "extends"]
    for _ in range(int(n * 1.5)):
        a = rng.choice(names)
        b = rng.choice(hubs) if rng.random() < 0.5 else rng.choice(names)
        if a == b:
            continue
        k = rng.randrange(len(papers))
        named[k].setdefault(a, types[int(a[6:]) % 3])
        named[k].setdefault(b, types[int(b[6:]) % 3])
        papers[k].claims.append(Claim(a, rng.choice(rels), b, "A sentence.", 0, 11, 0.7))
    for r, found in zip(papers, named):
        r.entities = [Entity(name, kind) for name, kind in found.items()]
    return build(papers)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=10000)
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--no-browser", action="store_true", help="only write graph.html (no Chromium at hand)")
    a = ap.parse_args()
    corpus = synthetic(a.nodes)
    out = Path(tempfile.mkdtemp()) / "graph.html"
    t = time.perf_counter()
    write_html(corpus, out)
    print(f"nodes {len(corpus.nodes)}, links {len(corpus.links())}: graph.html written in {time.perf_counter() - t:.1f} s "
          f"({out.stat().st_size / 1e6:.1f} MB)")
    if a.no_browser:
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=a.chromium, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        t = time.perf_counter()
        page.goto(out.as_uri())
        page.wait_for_function("typeof network !== 'undefined' && nodeView.length > 0", timeout=120_000)
        page.evaluate(DRAWN)
        print(f"first draw: {time.perf_counter() - t:.1f} s ({page.text_content('#count')})")
        t = time.perf_counter()
        page.evaluate("var s = document.getElementById('top'); s.value = s.max; s.dispatchEvent(new Event('input'))")
        page.evaluate(DRAWN)
        print(f"show every node: {time.perf_counter() - t:.1f} s ({page.text_content('#count')})")
        t = time.perf_counter()
        page.evaluate(DRAWN)
        print(f"one redraw with every node: {time.perf_counter() - t:.2f} s")
        t = time.perf_counter()
        page.fill("#search", "Entity5")
        page.press("#search", "Enter")
        page.select_option("#hops", "1")
        page.evaluate(DRAWN)
        print(f"search + 1-hop focus: {time.perf_counter() - t:.2f} s ({page.text_content('#count')})")
        browser.close()


if __name__ == "__main__":
    main()
