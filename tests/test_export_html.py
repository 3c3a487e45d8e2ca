"""The HTML view opens offline and never runs text from abstracts."""
import re

from graph.build import build
from graph.export.html import generate_html
from graph.model import Paper


def test_html_has_no_outside_scripts_or_stylesheets(small_corpus):
    html = generate_html(small_corpus)
    assert re.findall(r"<(?:script|link)[^>]+(?:src|href)=[\"']?https?:", html) == []
    assert "vis.Network" in html and "DETAILS" in html


def test_html_escapes_text_from_abstracts(extractor):
    evil = Paper('<script>alert(1)</script> VOLO: Vision Outlooker', "VOLO outperforms DeiT. </script><b>x</b>")
    html = generate_html(build([extractor.extract(evil)]))
    assert "<script>alert(1)" not in html and "</script><b>" not in html
    assert "\\u003cscript\\u003ealert(1)" in html


def test_html_colours_nodes_by_type_and_edges_by_relation(small_corpus):
    html = generate_html(small_corpus)
    assert '"color": "#4e79a7"' in html  # method
    assert "#e15759" in html  # outperforms
