#!/usr/bin/env python3
"""Time the explorer page: writing graph.html (communities and layout included) in Python, then in
headless Chromium the first draw, a search, opening an entity, switching between its views and
opening a community; a screenshot of each view is saved.

The graph is a built folder (`papergraph build papers.jsonl --out DIR`, then `--graph DIR`), or a
synthetic one shaped like ours: N entity nodes of the three types, about 1.5 claims per node,
with a few hubs (as ImageNet or ResNet-50 are) drawing most edges.

    python bench/bench_explorer.py --nodes 10000 --shots shots/
    python bench/bench_explorer.py --graph output/ --entity ResNet-50 --shots shots/
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from graph.build import Corpus, Merger, build
from graph.export.html import write_html
from graph.model import Claim, Entity, Paper, PaperGraph

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
# milliseconds from an action to the page having drawn its answer (the view and the side panel)
TIMED = """async function (action) {
  var t = performance.now(), before = token;
  eval(action);
  while (token === before || ready !== location.hash) await new Promise(function (r) { setTimeout(r, 1); });
  await new Promise(function (r) { requestAnimationFrame(function () { r(); }); });
  return performance.now() - t; }"""


def synthetic(n: int, seed: int = 1) -> Corpus:
    """N entities over N/3 papers, as extraction would give them, merged by `build`: each entity
    named in one paper at least, and 1.5 claims per entity, half of them into the hubs."""
    rng = random.Random(seed)
    types = ["method", "architecture", "dataset"]
    names = [f"Entity{i}" for i in range(n)]
    papers = [PaperGraph(Paper(f"Paper {i}", "A sentence.", id=f"paper-{i}", year=2015 + i % 9))
              for i in range(max(1, n // 3))]
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
        rel = rng.choice(rels)
        value = f"{rng.uniform(50, 95):.1f}%" if rel == "evaluated-on" and rng.random() < 0.5 else None
        papers[k].claims.append(Claim(a, rel, b, "A sentence.", 0, 11, 0.7, metric="accuracy" if value else None,
                                      value=value))
    for r, found in zip(papers, named):
        r.entities = [Entity(name, kind) for name, kind in found.items()]
    return build(papers)


@contextmanager
def built(folder: Path):
    """The corpus of a folder `papergraph build` wrote (its extraction records, merged again)."""
    from graph.workdir import Workdir

    with Workdir(folder) as wd:
        records = wd.reader()
        merger = Merger()
        for r in records():
            merger.add(r)
        nodes, node_of = merger.nodes()
        yield Corpus(nodes, node_of, records)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=10000, help="size of the synthetic graph")
    ap.add_argument("--graph", type=Path, help="a folder written by 'papergraph build' instead of a synthetic graph")
    ap.add_argument("--entity", help="the entity to search and open (default: ResNet-50 if there, else the best connected)")
    ap.add_argument("--shots", type=Path, help="save a screenshot of each view in this folder")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--no-browser", action="store_true", help="only write graph.html (no Chromium at hand)")
    a = ap.parse_args()
    out = Path(tempfile.mkdtemp()) / "graph.html"
    t = time.perf_counter()
    if a.graph:
        with built(a.graph) as corpus:
            write_html(corpus, out)
            n, links = len(corpus.nodes), len(corpus.links())
    else:
        corpus = synthetic(a.nodes)
        write_html(corpus, out)
        n, links = len(corpus.nodes), len(corpus.links())
    print(f"nodes {n}, links {links}: graph.html written in {time.perf_counter() - t:.1f} s "
          f"({out.stat().st_size / 1e6:.1f} MB)", flush=True)
    if a.no_browser:
        return
    from playwright.sync_api import sync_playwright

    if a.shots:
        a.shots.mkdir(parents=True, exist_ok=True)

    def shot(page, name):
        if a.shots:
            page.screenshot(path=str(a.shots / f"{name}.png"))

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=a.chromium, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        errors, outside = [], []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.route("**/*", lambda r: (outside.append(r.request.url), r.abort()) if not r.request.url.startswith("file:")
                   else r.continue_())
        t = time.perf_counter()
        page.goto(out.as_uri())
        page.wait_for_function("typeof ready !== 'undefined' && ready === location.hash", timeout=120_000)
        page.evaluate("new Promise(function (r) { requestAnimationFrame(function () { r(); }); })")
        print(f"first draw (map): {time.perf_counter() - t:.2f} s ({page.text_content('#note')})")
        shot(page, "map")
        entity = a.entity or page.evaluate("byName['resnet-50'] !== undefined ? 'ResNet-50' : "
                                           "nm(G.nodes.map(function (n, i) { return [n[2], i]; }).sort(function (x, y) { return y[0] - x[0]; })[0][1])")
        ms = page.evaluate("""function (q) { var t = performance.now(); var s = document.getElementById('search');
            s.value = q.slice(0, 4); s.dispatchEvent(new Event('input')); return [performance.now() - t, document.getElementById('names').options.length]; }""",
                           entity)
        print(f"search (suggestions for {entity[:4]!r}): {ms[0]:.0f} ms ({ms[1]} suggestions)")
        ms = page.evaluate(TIMED, f"search.value = {entity!r}; search.dispatchEvent(new Event('change'))")
        print(f"open entity {entity!r} (neighbourhood + panel): {ms:.0f} ms ({page.text_content('#note')})")
        shot(page, "neighbourhood")
        for view in ("beats", "lineage", "near"):
            ms = page.evaluate(TIMED, f"document.querySelector('#views button[data-view={view}]').click()")
            print(f"switch view to {view}: {ms:.0f} ms ({page.text_content('#note')[:90]})")
            shot(page, view if view != "near" else "neighbourhood-again")
        dataset = page.evaluate("var d = G.nodes.map(function (n, i) { return [n[2], i, n[1]]; }).filter(function (x) { return x[2] === 'dataset'; })"
                                ".sort(function (x, y) { return y[0] - x[0]; }); d.length ? nm(d[0][1]) : null")
        if dataset:
            ms = page.evaluate(TIMED, f"openEntity(byName[{dataset.lower()!r}])")
            rows = page.locator("#panel table.board tbody tr").count()
            print(f"open dataset {dataset!r} (leaderboard of {rows} rows): {ms:.0f} ms")
            shot(page, "dataset")
        ms = page.evaluate(TIMED, "go({v: 'community', c: 0, e: null})")
        print(f"open the largest community: {ms:.0f} ms ({page.text_content('#note')[:90]})")
        shot(page, "community")
        ms = page.evaluate(TIMED, "history.back()")
        print(f"back button: {ms:.0f} ms")
        print(f"console errors: {len(errors)}, outside requests: {len(outside)}")
        browser.close()


if __name__ == "__main__":
    main()
