"""The HTML view opens offline and never runs text from abstracts; its per-entity data is packed
in the page; a dataset's leaderboard is built from its results."""
import base64
import gzip
import json
import re

import pytest

from graph.build import build
from graph.export.html import generate_html, leaderboard_rows, paper_url
from graph.model import Paper


def chunks(html: str) -> list[str]:
    """The JSON texts of the side-panel data, as the page unpacks them."""
    return [gzip.decompress(base64.b64decode(packed)).decode()
            for packed in re.findall(r'<script type="application/octet-stream" id="chunk-\d+">([^<]*)</script>', html)]


def unpacked(html: str) -> dict:
    """The side-panel data of every entity."""
    return {k: v for text in chunks(html) for k, v in json.loads(text).items()}


def page_graph(html: str) -> dict:
    return json.loads(re.search(r"var G = (.*);\n", html).group(1))


def test_html_has_no_outside_scripts_or_stylesheets(small_corpus):
    html = generate_html(small_corpus)
    assert re.findall(r"<(?:script|link)[^>]+(?:src|href)=[\"']?https?:", html) == []
    assert "vis.Network" in html and "DecompressionStream" in html


def test_html_escapes_text_from_abstracts(extractor):
    evil = Paper('<script>alert(1)</script> VOLO: Vision Outlooker', "VOLO outperforms DeiT. </script><b>x</b>")
    html = generate_html(build([extractor.extract(evil)]))
    assert "<script>alert(1)" not in html and "</script><b>" not in html
    details = "".join(chunks(html))  # JSON.parse gives the text back, shown with textContent
    assert "\\u003cscript\\u003ealert(1)" in details and "<script>" not in details


def test_html_colours_by_type_and_relation(small_corpus):
    html = generate_html(small_corpus)
    assert '"color": "#4e79a7"' in html  # method
    assert "#e15759" in html  # outperforms


def test_html_groups_the_same_claim_from_several_papers(rich_corpus):
    html = generate_html(rich_corpus)
    g = page_graph(html)
    ids = {n[0]: i for i, n in enumerate(g["nodes"])}
    resnet = unpacked(html)[str(ids["ResNet-50"])]
    beaten = [(c[0], c[5], [p[0] for p in c[7]]) for c in resnet["claims"] if c[1] == "outperforms"]
    assert beaten == [(ids["ViT"], "88.5%", ["An Image is Worth 16x16 Words", "Vision transformers revisited"]),
                      (ids["DeiT"], "81.8%", ["Training data-efficient image transformers"])]
    assert resnet["papers"][0] == ["An Image is Worth 16x16 Words", 2021, "https://arxiv.org/abs/2010.11929"]


def test_html_puts_entities_in_communities_and_leaves_the_unlinked_out(rich_corpus):
    g = page_graph(generate_html(rich_corpus))
    community = {n[0]: n[3] for n in g["nodes"]}
    assert community["LonelyNet"] == -1
    assert sorted(k for k, c in community.items() if c >= 0) == ["DeiT", "ImageNet", "ResNet-50", "Transformer", "ViT"]
    assert g["totals"] == {"entities": 6, "kept": 6, "own": 0, "links": 7, "kept_links": 7, "min_confidence": 0.5,
                           "hidden": 0}
    assert {n[0]: n[4] for n in g["nodes"]}["Transformer"] == 2017  # first year it appears


def test_html_leaves_claims_under_the_threshold_out(rich_corpus):
    html = generate_html(rich_corpus, min_confidence=0.75)
    g = page_graph(html)
    ids = {n[0]: i for i, n in enumerate(g["nodes"])}
    assert sorted((g["nodes"][h][0], r, g["nodes"][t][0], n) for h, r, t, n in g["edges"]) == [
        ("DeiT", 1, "ResNet-50", 1), ("ViT", 1, "ResNet-50", 1)]  # the wins of confidence 0.8 alone (1: outperforms)
    resnet = unpacked(html)[str(ids["ResNet-50"])]
    assert [(c[0], [p[0] for p in c[7]]) for c in resnet["claims"]] == [
        (ids["ViT"], ["An Image is Worth 16x16 Words"]), (ids["DeiT"], ["Training data-efficient image transformers"])]
    assert (g["totals"]["kept_links"], g["totals"]["links"], g["totals"]["hidden"]) == (2, 7, 6)


def test_html_leaderboard_rows_best_first(rich_corpus):
    imagenet = next(i for i, n in rich_corpus.nodes.items() if n.name == "ImageNet")
    rows = leaderboard_rows(rich_corpus, imagenet)
    assert [(r["model"], r["value"], r["year"], r["url"]) for r in rows] == [
        ("ViT", "88.5%", 2021, "https://arxiv.org/abs/2010.11929"),
        ("DeiT", "81.8%", 2021, "https://doi.org/10.1000/deit"),
        ("ResNet-50", "76.1%", 2016, "https://example.org/resnet")]
    assert rows[0] == {"rank": 1, "model": "ViT", "paper": "An Image is Worth 16x16 Words", "year": 2021,
                       "metric": "top-1", "value": "88.5%", "split": "", "score": 88.5, "higher": True,
                       "evidence": "ViT beats ResNet-50 with 88.5% on ImageNet.", "url": "https://arxiv.org/abs/2010.11929"}


def test_html_leaderboard_rows_rank_by_the_metric_direction_and_never_across_metrics():
    from graph.model import Claim, Entity, PaperGraph

    def paper(title, name, metric, value, number):
        s = f"{name} reaches {value} {metric} on LibriSpeech."
        return PaperGraph(Paper(title, s, id=title), [Entity(name, "architecture"), Entity("LibriSpeech", "dataset")],
                          [Claim(name, "evaluated-on", "LibriSpeech", s, 0, len(s), 0.9, "LibriSpeech", metric, value,
                                 number=number)])
    corpus = build([paper("p1", "A", "WER", "5.1", 5.1), paper("p2", "B", "WER", "4.2", 4.2),
                    paper("p3", "C", "WER", "6.0", 6.0), paper("p4", "D", "accuracy", "0.9", 0.9)])
    d = next(i for i, n in corpus.nodes.items() if n.name == "LibriSpeech")
    assert [(r["rank"], r["model"], r["metric"], r["score"]) for r in leaderboard_rows(corpus, d)] == [
        (1, "B", "WER", 4.2), (2, "A", "WER", 5.1), (3, "C", "WER", 6.0), (1, "D", "accuracy", 90.0)]


@pytest.mark.parametrize("paper, url", [
    (Paper("t", "a", url="https://x.org/p"), "https://x.org/p"),
    (Paper("t", "a", id="arXiv:2010.11929v2"), "https://arxiv.org/abs/2010.11929"),
    (Paper("t", "a", id="10.1000/xyz"), "https://doi.org/10.1000/xyz"),
    (Paper("t", "a", url="javascript:alert(1)"), None),
    (Paper("t", "a", id="p-7"), None),
])
def test_html_paper_url(paper, url):
    assert paper_url(paper) == url
