import gzip
import json

import pytest

from graph.errors import InputError
from graph.readers import MAX_ABSTRACT, read_paths, seed_paths, sniff

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


def read(tmp_path, name, content, **kw):
    """(papers as (title, abstract, id, url, year, source) with the folder cut, problems as strings)."""
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    problems = []
    papers = list(read_paths([path], on_problem=problems.append, **kw))
    cut = lambda s: s.replace(f"{tmp_path}/", "")  # noqa: E731
    return ([(p.title, p.abstract, p.id, p.url, p.year, cut(p.source)) for p in papers],
            [cut(str(e)) for e in problems])


def test_listing_skips_chrome_and_pairs_titles_with_abstracts(tmp_path):
    papers, problems = read(tmp_path, "page.txt", PAGE)
    assert [(t, a[:20], s) for t, a, *_, s in papers] == [
        ("VOLO: Vision Outlooker for Visual Recognition", "Visual recognition h", "page.txt:11"),
        ("SELECT: A Benchmark of Data Curation Strategies", "Data curation is the", "page.txt:15"),
    ]
    assert problems == []


def test_listing_title_without_abstract_is_reported_and_the_rest_kept(tmp_path):
    papers, problems = read(tmp_path, "page.txt", PAGE + "\nA dangling title\n")
    assert len(papers) == 2
    assert problems == ["page.txt:19: a title without an abstract: 'A dangling title'"]


def test_listing_resynchronises_after_a_stray_paragraph(tmp_path):
    page = PAGE.replace("SELECT:", "A stray sentence that ends with a full stop.\n\nSELECT:")
    papers, problems = read(tmp_path, "page.txt", page)
    assert [p[0][:6] for p in papers] == ["VOLO: ", "SELECT"]
    assert problems == ["page.txt:15: expected a title line followed by its abstract, got "
                        "'A stray sentence that ends with a full stop.'"]


def test_empty_files_are_reported_not_fatal(tmp_path):
    assert read(tmp_path, "page.txt", "\n\n") == ([], ["page.txt: empty file: no titles or abstracts"])
    assert read(tmp_path, "a.jsonl", "") == ([], ["a.jsonl: empty file: no papers"])
    assert read(tmp_path, "a.csv", "") == ([], ["a.csv: empty file: no header row"])


def test_plain_text_blocks_title_then_abstract(tmp_path):
    text = "Title one\nWe propose X.\nIt wraps.\n\nTitle two\nAbstract two.\n\nLonely title\n"
    papers, problems = read(tmp_path, "notes.txt", text)
    assert papers == [("Title one", "We propose X. It wraps.", None, None, None, "notes.txt:1"),
                      ("Title two", "Abstract two.", None, None, None, "notes.txt:5")]
    assert problems == ["notes.txt:8: a title without an abstract: 'Lonely title'"]


def test_jsonl_reads_optional_fields(tmp_path):
    line = json.dumps({"title": "T", "abstract": "A b c.", "id": 7, "url": "https://x.org/1", "year": 2021})
    assert read(tmp_path, "in.jsonl", line + "\n\n")[0] == [("T", "A b c.", "7", "https://x.org/1", 2021, "in.jsonl:1")]


def test_jsonl_bad_lines_are_reported_and_good_ones_kept(tmp_path):
    text = '{oops\n{"title": "T"}\n[1, 2]\n{"title": "Good", "abstract": "Fine."}\n'
    papers, problems = read(tmp_path, "in.jsonl", text)
    assert [p[0] for p in papers] == ["Good"]
    assert problems == ["in.jsonl:1: not valid JSON (Expecting property name enclosed in double quotes at column 2)",
                        "in.jsonl:2: missing or empty 'abstract'",
                        "in.jsonl:3: expected a JSON object with a title and an abstract"]


def test_semantic_scholar_and_openalex_records(tmp_path):
    s2 = {"paperId": "abc123", "title": "S2 paper", "abstract": "We propose Y.", "year": 2023,
          "url": "https://www.semanticscholar.org/paper/abc123"}
    openalex = {"id": "https://openalex.org/W42", "display_name": "OA paper", "publication_year": 2022,
                "doi": "https://doi.org/10.1/x",
                "abstract_inverted_index": {"We": [0], "beat": [2], "models": [1], "ResNet-50.": [3]}}
    papers, problems = read(tmp_path, "works.json", json.dumps({"results": [openalex, s2]}))
    assert papers == [
        ("OA paper", "We models beat ResNet-50.", "https://openalex.org/W42", "https://doi.org/10.1/x", 2022,
         "works.json#1"),
        ("S2 paper", "We propose Y.", "abc123", "https://www.semanticscholar.org/paper/abc123", 2023, "works.json#2")]
    assert read(tmp_path, "works.jsonl", json.dumps(openalex) + "\n")[0][0][1] == "We models beat ResNet-50."


def test_csv_and_tsv_find_columns_by_name_and_report_bad_rows(tmp_path):
    text = 'Year,Title,Abstract,DOI\n2020,"Deep, wide","We propose X, a net.",10.5/abc\nonly,three,fields\n'
    papers, problems = read(tmp_path, "a.csv", text)
    assert papers == [("Deep, wide", "We propose X, a net.", "10.5/abc", "https://doi.org/10.5/abc", 2020, "a.csv:2")]
    assert problems == ["a.csv:3: 3 fields where the header has 4"]
    papers, _ = read(tmp_path, "a.tsv", "TI\tAB\nT\tWe propose Z.\n", options={"columns": {"title": "TI", "abstract": "AB"}})
    assert papers == [("T", "We propose Z.", None, None, None, "a.tsv:2")]
    assert read(tmp_path, "b.tsv", "TI\tAB\nT\tA.\n")[1] == [
        "b.tsv:1: no title or abstract column in the header ['TI', 'AB']; name it with --column, e.g. --column abstract=AB"]


ATOM = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>ArXiv Query</title>
<entry><id>http://arxiv.org/abs/2101.00001v2</id><published>2021-01-01T00:00:00Z</published>
<title>ViT-X: a
  model</title><summary>  We propose ViT-X.
 It beats DeiT.</summary></entry>
<entry><id>http://arxiv.org/abs/2101.00002v1</id><title>No summary</title></entry>
</feed>
"""


def test_arxiv_atom_entries(tmp_path):
    papers, problems = read(tmp_path, "q.xml", ATOM)
    assert papers == [("ViT-X: a model", "We propose ViT-X. It beats DeiT.", "arXiv:2101.00001",
                       "http://arxiv.org/abs/2101.00001", 2021, "q.xml#entry1")]
    assert problems == ["q.xml#entry2: an entry without a title or summary"]
    _, problems = read(tmp_path, "bad.xml", ATOM[:300])
    assert problems == ["bad.xml:7: not well-formed XML (unclosed token: line 7, column 0); 1 entries read before it"]


BIB = r"""@string{conf = "NeurIPS"}
@comment{ignored}
@article{devlin2019,
  title = {{BERT}: Pre-training of Deep Bidirectional Transformers},
  abstract = {We introduce {BERT}. It gets 80.5\% on GLUE, says Sch{\"o}lkopf.},
  year = 2019, doi = {10.18653/v1/N19-1423}, booktitle = conf # " 2019"}
@misc{noabs, title = "No abstract here"}
@article{broken, title = {Never closed
@inproceedings{he2016, title = "Deep Residual Learning",
  abstract = "ResNet-50 outperforms VGG-16 on ImageNet.", eprint = {1512.03385v1}}
"""


def test_bibtex_entries_with_abstracts(tmp_path):
    papers, problems = read(tmp_path, "refs.bib", BIB)
    assert papers == [
        ("BERT: Pre-training of Deep Bidirectional Transformers", "We introduce BERT. It gets 80.5% on GLUE, says Schölkopf.",
         "10.18653/v1/N19-1423", "https://doi.org/10.18653/v1/N19-1423", 2019, "refs.bib:3"),
        ("Deep Residual Learning", "ResNet-50 outperforms VGG-16 on ImageNet.", "arXiv:1512.03385", None, None,
         "refs.bib:9")]
    assert problems == ["refs.bib:7: @misc entry 'No abstract here' has no abstract; skipped",
                        "refs.bib:8: a @article entry that does not parse (an unclosed brace or quote); skipped"]


def test_gzip_is_unpacked_whatever_the_name_and_a_truncated_one_keeps_what_it_read(tmp_path):
    lines = "".join(json.dumps({"title": f"T{i}", "abstract": "We propose X." * 50}) + "\n" for i in range(200))
    packed = gzip.compress(lines.encode())
    assert len(read(tmp_path, "a.jsonl.gz", packed)[0]) == 200
    papers, problems = read(tmp_path, "b.jsonl.gz", packed[: len(packed) // 2])
    assert 0 < len(papers) < 200
    assert len(problems) == 1 and problems[0].startswith("b.jsonl.gz:") and "cannot read further" in problems[0]


def test_non_utf8_bytes_cost_a_warning_not_the_record(tmp_path):
    data = b'{"title": "Caf\xe9 nets", "abstract": "We propose X."}\n{"title": "Next", "abstract": "Fine."}\n'
    papers, problems = read(tmp_path, "a.jsonl", data)
    assert [p[0] for p in papers] == ["Caf\ufffd nets", "Next"]
    assert problems == ["a.jsonl:1: not UTF-8 (invalid continuation byte at byte 14); the bad bytes were replaced by U+FFFD"]


def test_huge_abstract_is_cut_at_a_sentence_end(tmp_path):
    abstract = "We propose X. " * (MAX_ABSTRACT // 10)
    papers, problems = read(tmp_path, "a.jsonl", json.dumps({"title": "Huge", "abstract": abstract}) + "\n")
    assert len(papers[0][1]) <= MAX_ABSTRACT and papers[0][1].endswith("We propose X.")
    assert problems == [f"a.jsonl:1: abstract of 'Huge' is over 20,000 characters; kept its first {len(papers[0][1]):,}"]


def test_html_and_latex_remnants_are_cleaned(tmp_path):
    line = json.dumps({"title": "Res<sub>2</sub>Net &amp; \\emph{friends}",
                       "abstract": "<jats:p>We propose $\\alpha$-Net; accuracy <5% on CIFAR-10.</jats:p>"})
    papers, _ = read(tmp_path, "a.jsonl", line + "\n")
    assert papers[0][:2] == ("Res2Net & friends", "We propose α-Net; accuracy <5% on CIFAR-10.")


def test_read_paths_merges_the_same_paper_and_reports_a_different_text(tmp_path):
    (tmp_path / "a.txt").write_text(PAGE)
    (tmp_path / "b.jsonl").write_text(json.dumps({"title": "VOLO: Vision Outlooker for Visual Recognition",
                                                  "abstract": "Again."}) + "\n")
    problems = []
    papers = list(read_paths([tmp_path / "a.txt", tmp_path / "b.jsonl"], on_problem=problems.append))
    assert [p.title[:6] for p in papers] == ["VOLO: ", "SELECT"]
    assert [str(e) for e in problems] == [f"{tmp_path}/b.jsonl:1: 'VOLO: Vision Outlooker for Visual Recognition' "
                                          f"was read before ({tmp_path}/a.txt:11) with a different text; kept the first"]


def test_by_default_a_bad_record_raises(tmp_path):
    (tmp_path / "a.jsonl").write_text("{}\n")
    with pytest.raises(InputError, match="a.jsonl:1: missing or empty 'title' and 'abstract'"):
        list(read_paths([tmp_path / "a.jsonl"]))


def test_read_paths_unknown_suffix_and_missing_file_raise(tmp_path):
    (tmp_path / "a.docx").write_text("x")
    with pytest.raises(InputError, match="a.docx: cannot tell the format from the name"):
        list(read_paths([tmp_path / "a.docx"]))
    with pytest.raises(InputError, match="nope.jsonl: cannot open: No such file or directory"):
        list(read_paths([tmp_path / "nope.jsonl"]))


@pytest.mark.parametrize("head, fmt", [
    (b'{"title": 1}', "jsonl"), (b'  [{"a": 1}]', "json"), (b"<?xml version", "atom"), (b"@article{x,", "bibtex"),
    (PAGE.encode(), "listing"), (b"Title\nline one\nline two\n\nTitle 2\nabstract\n\n", "text"),
])
def test_sniff(head, fmt):
    assert sniff(head) == fmt


def test_seed_corpus_holds_304_listings_of_190_papers():
    from graph.readers import Input, listing

    paths = seed_paths()
    listings = sum(len(list(listing.read(Input(str(p), open(p, "rb"), print), {}))) for p in paths)
    assert (len(paths), listings, len(list(read_paths(paths)))) == (4, 304, 190)


def test_read_paths_remembers_papers_on_disk_beyond_its_memory_and_merges_the_same(tmp_path, monkeypatch):
    from graph.readers import Seen

    lines = [{"title": f"Paper {i}", "abstract": "Text."} for i in range(5)]
    lines += [{"title": "Paper 0", "abstract": "Text."}, {"title": "Paper 1", "abstract": "Other."},
              {"title": "Paper 4", "abstract": "Text."}, {"title": "Paper 5", "abstract": "Text."}]
    content = "".join(json.dumps(x) + "\n" for x in lines)
    in_memory = read(tmp_path, "a.jsonl", content)
    monkeypatch.setattr(Seen, "IN_MEMORY", 2)  # Papers 0-3 go to disk; 4 is in memory when read again
    assert read(tmp_path, "a.jsonl", content) == in_memory
    assert [p[0] for p in in_memory[0]] == ["Paper 0", "Paper 1", "Paper 2", "Paper 3", "Paper 4", "Paper 5"]
    assert in_memory[1] == ["a.jsonl:7: 'Paper 1' was read before (a.jsonl:2) with a different text; kept the first"]


def test_seen_spills_to_a_temporary_file_and_answers_from_both():
    from graph.readers import Seen

    seen = Seen()
    seen.IN_MEMORY = 2
    assert [seen.add(k, d, s) for k, d, s in [("a", 1, "f:1"), ("b", 2, "f:2"), ("c", 3, "f:3")]] == [None] * 3
    assert len(seen._recent) == 1  # a and b were moved to disk
    assert [seen.add("a", 9, "f:4"), seen.add("c", 3, "f:5"), seen.add("d", 4, "f:6")] == [(1, "f:1"), (3, "f:3"), None]
    seen.close()


@pytest.mark.parametrize("name, content, fmt, message", [
    ("random.txt", bytes(range(256)) * 80, None,
     "not text: a NUL byte at offset 0 (binary data, or UTF-16; papergraph reads UTF-8)"),
    ("random.txt", bytes(range(0x80, 0x100)) * 80, "bibtex",
     "not text: 4096 of the first 4096 characters are not UTF-8 or printable (binary data?)"),
    ("paper.jsonl", "\ufeff{}".encode("utf-16-le"), None,
     "not text: a NUL byte at offset 3 (binary data, or UTF-16; papergraph reads UTF-8)"),
    ("picture.txt.gz", gzip.compress(b"\x89PNG\r\n\x1a\n" + bytes(range(1, 32)) * 40), None,
     "not text: 1082 of the first 1248 characters are not UTF-8 or printable (binary data?)"),
])
def test_readers_refuse_input_that_is_not_text(tmp_path, name, content, fmt, message):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(InputError) as err:
        list(read_paths([tmp_path / name], fmt=fmt, on_problem=lambda e: None))
    assert str(err.value) == f"{tmp_path / name}: {message}"


def test_readers_a_few_bad_bytes_in_text_are_not_binary(tmp_path):
    papers, problems = read(tmp_path, "p.txt", b"A title\n\nAn abstract with caf\xe9 in Latin-1 about ResNet-50.\n")
    assert [p[:2] for p in papers] == [("A title", "An abstract with caf\ufffd in Latin-1 about ResNet-50.")]
    assert problems == ["p.txt:3: not UTF-8 (invalid continuation byte at byte 20); the bad bytes were replaced by U+FFFD"]
