"""Every query of the library, run on a small graph, with its exact rows."""
import pytest

from graph import store
from graph.errors import QueryError

VOLO = "VOLO: Vision Outlooker Networks for Visual Recognition"
EVIDENCE = "VOLO achieves 87.1% top-1 accuracy on ImageNet-1K, outperforming DeiT and Swin Transformer."


@pytest.mark.parametrize("name, params, want", [
    ("beats", {"baseline": "swin-transformer"}, [["VOLO", "Swin Transformer", VOLO, EVIDENCE]]),
    ("beats", {"baseline": "resnet50"}, [["G-SimCLR", "ResNet-50", "A study of transformers",
                                          "Our method outperforms ResNet-50 on CIFAR-10."]]),
    ("datasets-of", {"method": "volo"}, [["ImageNet", VOLO, "top-1 accuracy", "87.1%"]]),
    ("extends-transitive", {"method": "SimCLR"}, [["G-SimCLR", "SimCLR"]]),
    ("top-datasets", {}, [["CIFAR-10", "1"], ["ImageNet", "1"]]),
    ("most-beaten", {}, [["DeiT", "1"], ["ResNet-50", "1"], ["Swin Transformer", "1"]]),
    ("proposals-on", {"dataset": "ImageNet-1K"}, [["VOLO", VOLO]]),
    ("results-on", {"dataset": "imagenet"}, [["VOLO", "top-1 accuracy", "87.1%", VOLO]]),
    ("leaderboard", {"dataset": "imagenet", "metric": "Top-1 Accuracy"}, [["VOLO", "87.1", "top-1 accuracy", "", VOLO]]),
    ("entity-types", {}, [["Architecture", "5"], ["Dataset", "2"], ["Method", "2"]]),
    ("beaten-by", {"method": "volo"}, [["DeiT", VOLO, "0.8", EVIDENCE], ["Swin Transformer", VOLO, "0.8", EVIDENCE]]),
    ("ancestors", {"method": "g-simclr"}, [["SimCLR"]]),
    ("co-evaluated", {"dataset": "ImageNet"}, []),  # each small paper tests on one dataset; see the test below
])
def test_queries_library(small_store, name, params, want):
    _, text = store.resolve_query(name)
    assert store.describe(text)  # each query says which question it answers
    assert store.run(small_store, store.bind(text, params))[1] == want


def test_queries_every_library_file_is_tested():
    tested = {"beats", "datasets-of", "extends-transitive", "top-datasets", "most-beaten", "proposals-on",
              "results-on", "entity-types", "beaten-by", "ancestors", "co-evaluated", "leaderboard"}
    assert {p.stem for p in store.queries_dir().glob("*.rq")} == tested


def test_queries_co_evaluated_counts_papers(extractor, tmp_path):
    from graph.build import build
    from graph.export.rdf import write_rdf
    from graph.model import Paper

    papers = [Paper("A", "X1Net achieves 80% on ImageNet, COCO and ADE20K."), Paper("B", "Y2Net achieves 70% on ImageNet and COCO."),
              Paper("C", "Z3Net achieves 60% on CIFAR-10 and COCO.")]
    write_rdf(build(extractor.extract(p) for p in papers), tmp_path / "g.ttl")
    _, text = store.resolve_query("co-evaluated")
    rows = store.run(store.load(tmp_path / "g.ttl"), store.bind(text, {"dataset": "imagenet"}))[1]
    assert rows == [["COCO", "2"], ["ADE20K", "1"]]


def test_queries_unknown_parameter():
    with pytest.raises(QueryError, match=r"the query has no parameter \$nope"):
        store.bind("SELECT * WHERE { ?s ?p $baseline }", {"nope": "x"})


def test_queries_unknown_name():
    with pytest.raises(QueryError, match="nosuch: no such query file or library query"):
        store.resolve_query("nosuch")


def test_queries_syntax_error(small_store):
    with pytest.raises(QueryError, match="SPARQL syntax error"):
        store.run(small_store, "SELEKT")


@pytest.mark.parametrize("fmt, want", [
    ("csv", "a,b\n1,x\n"),
    ("json", '[\n {\n  "a": "1",\n  "b": "x"\n }\n]\n'),
    ("table", "a  b\n-  -\n1  x\n(1 row)\n"),
])
def test_queries_format_rows(fmt, want):
    assert store.format_rows(["a", "b"], [["1", "x"]], fmt) == want


def test_queries_every_library_file_declares_the_parameters_it_uses():
    import re

    for path in store.queries_dir().glob("*.rq"):
        text = path.read_text()
        body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
        assert sorted(store.parameters(text)) == sorted(set(re.findall(r"\$(\w+)", body))), path.name


@pytest.mark.parametrize("text, params", [
    ("# Q?\n# Parameter: $baseline (a name). Example: --param x=$y\nSELECT", ["baseline"]),
    ("# Q?\n# Parameters: $a and $b\nSELECT", ["a", "b"]),
    ("# Q?\nSELECT ?x WHERE { ?x ?p $hidden }", []),
])
def test_queries_parameters_come_from_the_header(text, params):
    assert store.parameters(text) == params


def test_queries_bind_refuses_a_missing_declared_parameter():
    with pytest.raises(QueryError, match=r"^missing --param b=VALUE \(this query needs \$a, \$b\)$"):
        store.bind("# Parameters: $a, $b\nSELECT * WHERE { $a ?p $b }", {"a": "x"})


def test_queries_format_rows_wraps_long_cells_in_their_column():
    assert store.format_rows(["a", "b"], [["1", "one two three"], ["2", "x"]], width=8) == (
        "a  b\n-  -------\n1  one two\n   three\n\n2  x\n\n(2 rows)\n")
