"""`graph.ask`: beats and lineage over a small graph, names resolved through aliases."""
import pytest

from graph.ask import beats, lineage, resolve
from graph.errors import QueryError

VOLO = "VOLO: Vision Outlooker Networks for Visual Recognition"
EVIDENCE = "VOLO achieves 87.1% top-1 accuracy on ImageNet-1K, outperforming DeiT and Swin Transformer."


@pytest.mark.parametrize("name", ["Swin Transformer", "swin-transformer", "SWIN TRANSFORMER", "swintransformer"])
def test_ask_resolve_ignores_case_spaces_and_hyphens(small_store, name):
    assert [label for _, label in resolve(small_store, name)] == ["Swin Transformer"]


def test_ask_resolve_through_an_alias(small_store):
    assert [label for _, label in resolve(small_store, "imagenet-1k")] == ["ImageNet"]


def test_ask_unknown_name(small_store):
    with pytest.raises(QueryError, match="'ResNet-101': no entity of that name or alias in the graph"):
        resolve(small_store, "ResNet-101")


def test_ask_beats_with_dataset_metric_and_value(small_store):
    cols, rows = beats(small_store, "deit")
    assert cols == ["winner", "paper", "dataset", "metric", "value", "confidence", "evidence"]
    assert rows == [["VOLO", VOLO, "ImageNet", "top-1 accuracy", "87.1%", "0.8", EVIDENCE]]


def test_ask_beats_on_a_dataset(small_store):
    assert [r[0] for r in beats(small_store, "ResNet50", on="CIFAR-10")[1]] == ["G-SimCLR"]
    assert beats(small_store, "ResNet50", on="ImageNet")[1] == []  # G-SimCLR's paper does not test on ImageNet


def test_ask_lineage_both_ways(small_store):
    name, up, down = lineage(small_store, "simclr")
    assert name == "SimCLR" and up == []
    assert [(s.depth, s.name, s.via, s.paper) for s in down] == [(1, "G-SimCLR", "SimCLR", "A study of transformers")]
    name, up, down = lineage(small_store, "G-SimCLR")
    assert [(s.depth, s.name) for s in up] == [(1, "SimCLR")] and down == []


def test_ask_lineage_is_transitive(rules_extractor, tmp_path):
    from graph import store
    from graph.build import build
    from graph.export.rdf import write_rdf
    from graph.model import Paper

    papers = [Paper("P1", "We propose BarNet, which builds upon FooNet."),
              Paper("P2", "We propose BazNet, which builds upon BarNet."),
              Paper("P3", "We propose QuxNet, which builds upon BarNet.")]
    write_rdf(build(rules_extractor.extract(p) for p in papers), tmp_path / "g.ttl")
    name, up, down = lineage(store.load(tmp_path / "g.ttl"), "foonet")
    assert [(s.depth, s.name, s.via, s.paper) for s in down] == [
        (1, "BarNet", "FooNet", "P1"), (2, "BazNet", "BarNet", "P2"), (2, "QuxNet", "BarNet", "P3")]
