"""The explorer page in a real browser (Debian's Chromium driven by Playwright), with every
request off the machine blocked: no console errors, no outside requests; the community map, the
question views (who beats X, lineage, neighbourhood), the claims-first side panel and the
leaderboard, and the state kept in the URL hash (links and the back button)."""
import os
import shutil

import pytest

CHROMIUM = os.environ.get("PAPERGRAPH_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Chromium (.ci/run installs Debian's)")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
READY = "typeof ready !== 'undefined' && ready === location.hash"


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def opened(browser, corpus, folder):
    from graph.export.html import write_html

    write_html(corpus, folder / "graph.html")
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
    pg.base = (folder / "graph.html").as_uri()
    pg.goto(pg.base)
    pg.wait_for_function(READY)
    pg.shot = folder / "explorer.png"
    return pg


@pytest.fixture(scope="module")
def page(browser, small_corpus, tmp_path_factory):
    pg = opened(browser, small_corpus, tmp_path_factory.mktemp("explorer"))
    yield pg
    pg.close()


@pytest.fixture(scope="module")
def rich(browser, rich_corpus, tmp_path_factory):
    pg = opened(browser, rich_corpus, tmp_path_factory.mktemp("rich"))
    yield pg
    pg.close()


def act(page, action):
    """Do `action` (a function of the page), then wait until the page has drawn what it asked for."""
    before = page.evaluate("token")
    action(page)
    page.wait_for_function(f"token !== {before} && {READY}")


def goto(page, hash_):
    page.goto("about:blank")  # a load anew, not a move within the page
    page.goto(page.base + hash_)
    page.wait_for_function(READY)


def drawn(page):
    return page.evaluate("shown.nodes.get().map(function (n) { return n.full; }).sort()")


def selected(page):
    return page.evaluate("network.getSelectedNodes().map(function (id) { return shown.nodes.get(id).full; })")


def labels_apart(page):
    """No two labels shown overlap, and every node drawn is inside the view (it was fitted)."""
    return page.evaluate("""(function () {
        var b = labelBoxes(false), r = document.getElementById('mynetwork').getBoundingClientRect(), pos = network.getPositions();
        var apart = b.every(function (x, i) { return b.slice(i + 1).every(function (y) {
            return x.r <= y.l || y.r <= x.l || x.b <= y.t || y.b <= x.t; }); });
        var inside = Object.keys(pos).every(function (id) { var p = network.canvasToDOM(pos[id]);
            return p.x >= 0 && p.y >= 0 && p.x <= r.width && p.y <= r.height; });
        return apart && inside && b.length > 0; })()""")


def test_explorer_opens_on_a_map_of_communities_offline(page):
    assert page.errors == [] and page.outside == []
    assert page.evaluate("shown.nodes.get().map(function (n) { return n.community; })") == [0, 1]
    assert page.text_content("#note") == ("Map of 2 communities (8 entities linked by claims); click one to open it. "
                                          "1 entity without links is not drawn; search finds it. ")
    assert page.is_disabled("#views button[data-view=beats]")
    assert labels_apart(page)


def test_explorer_search_by_alias_opens_the_side_panel_claims_first(page):
    act(page, lambda p: (p.fill("#search", "imagenet-1k"), p.press("#search", "Enter")))
    assert page.text_content("#panel h2") == "ImageNet"
    assert page.url.endswith("#e=ImageNet")
    assert page.eval_on_selector_all("#panel h3", "hs => hs.map(h => h.textContent)") == [
        "Leaderboard (1 results)", "Evaluated on it (1)", "Papers (1)"]
    assert page.eval_on_selector_all("#panel table.board tbody td", "ts => ts.map(t => t.textContent)")[:5] == [
        "1", "VOLO", "87.1%", "top-1 accuracy", ""]
    assert page.text_content("#panel table.board details .ev") == (
        "“VOLO achieves 87.1% top-1 accuracy on ImageNet-1K, outperforming DeiT and Swin Transformer.”")


def test_explorer_an_isolated_entity_is_not_drawn_but_found(page):
    act(page, lambda p: p.click("#views button[data-view=map]"))
    assert "Transformer" not in " ".join(n for n in drawn(page))
    act(page, lambda p: (p.fill("#search", "Transformer"), p.press("#search", "Enter")))
    assert page.text_content("#panel h2") == "Transformer"
    assert drawn(page) == ["Transformer"] and selected(page) == ["Transformer"]


def test_explorer_who_beats_resnet50_in_two_actions(rich):
    goto(rich, "")
    act(rich, lambda p: (p.fill("#search", "ResNet-50"), p.press("#search", "Enter")))  # 1: search
    act(rich, lambda p: p.click("#views button[data-view=beats]"))  # 2: the beats view
    assert rich.url.endswith("#e=ResNet-50&v=beats")
    assert drawn(rich) == ["DeiT", "ResNet-50", "ViT"] and selected(rich) == ["ResNet-50"]
    assert rich.evaluate("shown.edges.get().map(function (e) { return [shown.nodes.get(e.from).full, shown.nodes.get(e.to).full, e.label]; })") == [
        ["ViT", "ResNet-50", "88.5% top-1 on ImageNet"], ["DeiT", "ResNet-50", "81.8% top-1 on ImageNet"]]
    assert rich.evaluate("shown.nodes.get(network.getSelectedNodes()[0]).borderWidth") == 5
    assert rich.text_content("#note").startswith("Who beats ResNet-50: 2 winners, arrows from winner to loser")
    assert labels_apart(rich)
    rich.screenshot(path=str(rich.shot))
    assert rich.shot.stat().st_size > 10_000


def test_explorer_panel_groups_a_claim_stated_twice_with_years_and_links(rich):
    goto(rich, "#e=ResNet-50")
    assert rich.eval_on_selector_all("#panel h3", "hs => hs.map(h => h.textContent)") == [
        "Beaten by (2)", "Results by dataset (1)", "Papers (4)"]
    first = rich.locator("#panel .claim").first
    assert first.locator("div").first.text_content() == "beaten by ViT — 88.5% top-1 on ImageNet · 2 papers"
    assert first.locator(".paper a").evaluate_all("as => as.map(a => [a.textContent, a.href])") == [
        ["An Image is Worth 16x16 Words", "https://arxiv.org/abs/2010.11929"]]
    assert first.locator(".paper .meta").all_text_contents() == [" (2021, confidence 0.8)", " (2022, confidence 0.6)"]
    assert not first.locator("details").first.evaluate("d => d.open")  # evidence on demand


def test_explorer_leaderboard_sorts_by_column(rich):
    goto(rich, "#e=ImageNet")
    models = lambda: rich.eval_on_selector_all("#panel table.board tbody tr td:nth-child(2)", "ts => ts.map(t => t.textContent)")
    assert models() == ["ViT", "DeiT", "ResNet-50"]  # ranked
    rich.click("#panel th[data-key=value]")
    assert models() == ["ViT", "DeiT", "ResNet-50"]  # better first
    rich.click("#panel th[data-key=value]")
    assert models() == ["ResNet-50", "DeiT", "ViT"]
    rich.click("#panel th[data-key=model]")
    assert models() == ["DeiT", "ResNet-50", "ViT"]
    rich.click("#panel th[data-key=year]")
    assert models() == ["ViT", "DeiT", "ResNet-50"]  # newest first; ties keep the ranking


def test_explorer_lineage_oldest_at_the_root(rich):
    goto(rich, "#e=DeiT&v=lineage")
    assert rich.evaluate("shown.nodes.get().map(function (n) { return [n.full, n.level]; })") == [
        ["DeiT (2021)", 2], ["ViT (2021)", 1], ["Transformer (2017)", 0]]
    ys = rich.evaluate("(function () { var p = network.getPositions(); return shown.nodes.get().map(function (n) { return p[n.id].y; }); })()")
    assert ys[2] < ys[1] < ys[0]  # the root on top
    assert selected(rich) == ["DeiT (2021)"] and labels_apart(rich)


def test_explorer_neighbourhood_and_filters_in_the_hash(rich):
    goto(rich, "#e=ViT")
    assert drawn(rich) == ["DeiT", "ImageNet", "ResNet-50", "Transformer", "ViT"] and labels_apart(rich)
    act(rich, lambda p: p.uncheck("#types input[data-key=dataset]"))
    assert rich.url.endswith("#e=ViT&hide=dataset")
    assert drawn(rich) == ["DeiT", "ResNet-50", "Transformer", "ViT"]
    goto(rich, "#e=ViT&hide=dataset")  # the link opens the same picture
    assert drawn(rich) == ["DeiT", "ResNet-50", "Transformer", "ViT"]
    assert not rich.is_checked("#types input[data-key=dataset]")


def test_explorer_community_opens_from_the_map(rich):
    goto(rich, "")
    x, y = rich.evaluate("""(function () { var p = network.canvasToDOM(network.getPositions(['c0'])['c0']);
        var r = document.getElementById('mynetwork').getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; })()""")
    act(rich, lambda p: p.mouse.click(x, y))
    assert rich.url.endswith("#v=community&c=0")
    assert rich.text_content("#panel h2") == "Community 0"
    assert drawn(rich) == ["DeiT", "ImageNet", "ResNet-50", "Transformer", "ViT"]


def test_explorer_back_button_goes_back_through_views(rich):
    goto(rich, "")
    act(rich, lambda p: (p.fill("#search", "ViT"), p.press("#search", "Enter")))
    act(rich, lambda p: p.click("#views button[data-view=lineage]"))
    act(rich, lambda p: p.click("#panel a.ent >> text=Transformer"))
    assert rich.url.endswith("#e=Transformer&v=lineage")
    act(rich, lambda p: p.go_back())
    assert rich.url.endswith("#e=ViT&v=lineage") and rich.text_content("#panel h2") == "ViT"
    act(rich, lambda p: p.go_back())
    assert rich.url.endswith("#e=ViT") and drawn(rich)[-1] == "ViT"
    act(rich, lambda p: p.go_back())
    assert rich.text_content("#panel h2") == "Explore the claims"
    assert rich.errors == [] and rich.outside == []


def test_explorer_a_malformed_hash_opens_nothing_and_throws_nothing(page):
    before = len(page.errors)
    goto(page, "#%E0%A4%A")
    assert page.errors[before:] == []
    assert page.text_content("#panel h2") == "Explore the claims"  # as opened without a hash


def test_explorer_an_old_style_hash_opens_the_entity(page):
    goto(page, "#imagenet-1k")
    assert page.text_content("#panel h2") == "ImageNet" and page.input_value("#search") == "ImageNet"
    assert page.errors == [] and page.outside == []
