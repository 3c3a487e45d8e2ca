import pytest

from graph.build import build
from graph.extract import Extractor
from graph.model import Paper


@pytest.fixture(scope="session")
def extractor():
    return Extractor()


@pytest.fixture(scope="session")
def extract(extractor):
    """extract(title, abstract) -> PaperGraph"""
    return lambda title, abstract="": extractor.extract(Paper(title, abstract))


SMALL = [
    Paper("VOLO: Vision Outlooker Networks for Visual Recognition",
          "We propose VOLO. VOLO achieves 87.1% top-1 accuracy on ImageNet-1K, outperforming DeiT and "
          "Swin Transformer.", id="p1"),
    Paper("A study of transformers",
          "Our method outperforms ResNet-50 on CIFAR-10. We propose G-SimCLR, which builds upon SimCLR.", id="p2"),
]


@pytest.fixture(scope="session")
def rules_extractor():
    """The extractor with its rules alone deciding (no claim model): the claims and confidences of
    the small corpus the tests of later stages (export, ask, serve) read stay as they are when the
    model is retrained."""
    ex = Extractor()
    ex.nlp.get_pipe("pg_claims").model = None
    return ex


@pytest.fixture(scope="session")
def small_results(rules_extractor):
    return [rules_extractor.extract(p) for p in SMALL]


@pytest.fixture(scope="session")
def small_corpus(small_results):
    return build(small_results)


@pytest.fixture(scope="session")
def small_graph(small_corpus, tmp_path_factory):
    from graph.export.rdf import write_rdf

    path = tmp_path_factory.mktemp("graph") / "graph.ttl"
    write_rdf(small_corpus, path)
    return path


@pytest.fixture(scope="session")
def small_store(small_graph):
    from graph import store

    return store.load(small_graph)
