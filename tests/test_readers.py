import io
import json

import pytest

from graph.errors import InputError
from graph.readers import jsonl, listing, read_paths, seed_paths

PAGE = """new

Get trending papers in your email inbox!

Subscribe

byAK and the research community

Mar 12

VOLO: Vision Outlooker for Visual Recognition

Visual recognition has been dominated by convolutional neural networks for years.

SELECT: A Benchmark of Data Curation Strategies

Data curation is the problem of how to collect and organize samples into a dataset.
"""


def test_listing_skips_chrome_and_pairs_titles_with_abstracts():
    papers = list(listing.read(io.StringIO(PAGE), "page.txt"))
    assert [(p.title, p.abstract[:20], p.source) for p in papers] == [
        ("VOLO: Vision Outlooker for Visual Recognition", "Visual recognition h", "page.txt:11"),
        ("SELECT: A Benchmark of Data Curation Strategies", "Data curation is the", "page.txt:15"),
    ]


def test_listing_title_without_abstract_names_the_line():
    with pytest.raises(InputError) as err:
        list(listing.read(io.StringIO(PAGE + "\nA dangling title\n"), "page.txt"))
    assert str(err.value) == "page.txt:19: a title without an abstract: 'A dangling title'"


def test_listing_empty_file():
    with pytest.raises(InputError, match="page.txt: empty file"):
        list(listing.read(io.StringIO("\n\n"), "page.txt"))


def test_jsonl_reads_optional_fields():
    line = json.dumps({"title": "T", "abstract": "A b c.", "id": 7, "url": "https://x.org/1", "year": 2021})
    (p,) = jsonl.read(io.StringIO(line + "\n\n"), "in.jsonl")
    assert (p.title, p.abstract, p.id, p.url, p.year, p.source) == ("T", "A b c.", "7", "https://x.org/1", 2021, "in.jsonl:1")


@pytest.mark.parametrize("text, message", [
    ('{"title": "T", "abstract": "A"}\n{oops\n', "in.jsonl:2: not valid JSON (Expecting property name enclosed in double quotes at column 2)"),
    ('{"title": "T"}\n', "in.jsonl:1: missing or empty 'abstract'"),
    ('[1, 2]\n', "in.jsonl:1: expected a JSON object with 'title' and 'abstract'"),
])
def test_jsonl_bad_lines_name_file_and_line(text, message):
    with pytest.raises(InputError) as err:
        list(jsonl.read(io.StringIO(text), "in.jsonl"))
    assert str(err.value) == message


def test_read_paths_merges_the_same_paper_and_picks_reader_by_suffix(tmp_path):
    (tmp_path / "a.txt").write_text(PAGE)
    (tmp_path / "b.jsonl").write_text(json.dumps({"title": "VOLO: Vision Outlooker for Visual Recognition",
                                                  "abstract": "Again."}) + "\n")
    papers = list(read_paths([tmp_path / "a.txt", tmp_path / "b.jsonl"]))
    assert [p.title[:6] for p in papers] == ["VOLO: ", "SELECT"]


def test_read_paths_unknown_suffix(tmp_path):
    (tmp_path / "a.csv").write_text("x")
    with pytest.raises(InputError, match="a.csv: cannot tell the format from the name"):
        list(read_paths([tmp_path / "a.csv"]))


def test_read_paths_not_utf8(tmp_path):
    (tmp_path / "a.jsonl").write_bytes(b'{"title": "\xff"}\n')
    with pytest.raises(InputError, match="a.jsonl: not UTF-8 text"):
        list(read_paths([tmp_path / "a.jsonl"]))


def test_seed_corpus_holds_304_listings_of_190_papers():
    paths = seed_paths()
    listings = sum(len(list(listing.read(open(p, encoding="utf-8"), str(p)))) for p in paths)
    assert (len(paths), listings, len(list(read_paths(paths)))) == (4, 304, 190)
