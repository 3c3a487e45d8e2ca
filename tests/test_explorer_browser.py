"""The explorer page in a real browser (Debian's Chromium driven by Playwright), with every
request off the machine blocked: no console errors, no outside requests; search, click, filters,
top-N and neighbourhood focus change what is shown; a screenshot is saved."""
import os
import shutil

import pytest

CHROMIUM = os.environ.get("PAPERGRAPH_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Chromium (.ci/run installs Debian's)")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def page(small_corpus, tmp_path_factory):
    from playwright.sync_api import sync_playwright

    from graph.export.html import write_html

    out = tmp_path_factory.mktemp("explorer")
    write_html(small_corpus, out / "graph.html")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        pg = browser.new_page(viewport={"width": 1280, "height": 800})
        pg.errors, pg.outside = [], []
        pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
        pg.on("pageerror", lambda e: pg.errors.append(str(e)))

        def block(route):
            if not route.request.url.startswith("file://"):
                pg.outside.append(route.request.url)
                return route.abort()
            return route.continue_()

        pg.route("**/*", block)
        pg.goto((out / "graph.html").as_uri())
        pg.wait_for_function("typeof network !== 'undefined' && nodeView.length > 0")
        pg.shot = out / "explorer.png"
        yield pg
        browser.close()


def shown(page):
    return page.evaluate("nodeView.getIds().map(function (id) { return nodes.get(id).label; }).sort()")


def test_explorer_loads_offline_without_errors(page):
    assert page.errors == [] and page.outside == []
    assert shown(page) == ["CIFAR-10", "DeiT", "G-SimCLR", "ImageNet", "ResNet-50", "SimCLR", "Swin Transformer",
                           "Transformer", "VOLO"]
    assert page.text_content("#count") == "9 nodes shown"


def test_explorer_search_by_alias_opens_the_side_panel(page):
    page.fill("#search", "imagenet-1k")
    page.press("#search", "Enter")
    assert page.text_content("#panel h2") == "ImageNet"
    panel = page.text_content("#panel")
    assert "VOLO — evaluated-on → ImageNet (top-1 accuracy 87.1%)" in panel
    assert "“VOLO achieves 87.1% top-1 accuracy on ImageNet-1K, outperforming DeiT and Swin Transformer.”" in panel


def test_explorer_click_a_node(page):
    page.evaluate("network.fit()")
    x, y = page.evaluate("""(function () {
        var id = nodes.get({filter: function (n) { return n.label === 'G-SimCLR'; }})[0].id;
        var p = network.canvasToDOM(network.getPositions([id])[id]);
        var r = document.getElementById('mynetwork').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y]; })()""")
    page.mouse.click(x, y)
    assert page.text_content("#panel h2") == "G-SimCLR"
    assert "G-SimCLR — extends → SimCLR" in page.text_content("#panel")
    page.screenshot(path=str(page.shot))
    assert page.shot.stat().st_size > 10_000


def test_explorer_filters_slider_and_focus(page):
    page.reload()
    page.wait_for_function("typeof network !== 'undefined' && nodeView.length > 0")
    page.uncheck("#types input[data-key=dataset]")
    assert "ImageNet" not in shown(page) and "CIFAR-10" not in shown(page)
    page.check("#types input[data-key=dataset]")
    page.uncheck("#relations input[data-key=outperforms]")
    assert page.evaluate("edgeView.get().filter(function (e) { return e.relation === 'outperforms'; }).length") == 0
    page.check("#relations input[data-key=outperforms]")
    page.fill("#search", "SimCLR")
    page.press("#search", "Enter")
    page.select_option("#hops", "1")
    assert shown(page) == ["G-SimCLR", "SimCLR"]
    page.select_option("#hops", "0")
    page.evaluate("var s = document.getElementById('top'); s.value = 3; s.dispatchEvent(new Event('input'))")
    ranked = page.evaluate("NODES.slice().sort(function (a, b) { return a.rank - b.rank; }).map(function (n) { return n.label; })")
    assert shown(page) == sorted(set(ranked[:3]) | {"SimCLR"})  # the 3 best connected, and SimCLR, found by search
    assert page.errors == [] and page.outside == []


def test_explorer_a_malformed_hash_opens_nothing_and_throws_nothing(page):
    url = page.url.split("#")[0]
    before = len(page.errors)
    page.goto("about:blank")  # a load anew, not a move within the page
    page.goto(url + "#%E0%A4%A")
    page.wait_for_function("typeof network !== 'undefined' && nodeView.length > 0")
    assert page.errors[before:] == []
    assert page.text_content("#panel").startswith("Click a node to see its papers")  # as opened without a hash


def test_explorer_opening_by_hash_names_the_entity_in_the_search_box(page):
    page.fill("#search", "SimCLR")
    page.press("#search", "Enter")
    assert page.input_value("#search") == "SimCLR"
    page.evaluate("location.hash = '#imagenet-1k'")
    page.wait_for_function("document.querySelector('#panel h2') && document.querySelector('#panel h2').textContent === 'ImageNet'")
    assert page.input_value("#search") == "ImageNet"
    assert page.errors == [] and page.outside == []
