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


def _claims_paper(title, year, pid, entities, claims, url=None):
    from graph.model import Claim, Entity, PaperGraph

    return PaperGraph(Paper(title, "An abstract.", id=pid, url=url, year=year),
                      [Entity(name, kind) for name, kind in entities],
                      [Claim(h, r, t, ev, 0, len(ev), conf, dataset=d, metric=m, value=v)
                       for h, r, t, ev, conf, d, m, v in claims])


@pytest.fixture(scope="session")
def rich_corpus():
    """Papers as extraction would give them, by hand: results with numbers on ImageNet, the same
    win stated by two papers, a lineage Transformer <- ViT <- DeiT, and an entity with no claim."""
    R, I, V, D, T = "ResNet-50", "ImageNet", "ViT", "DeiT", "Transformer"
    win = "outperforms"
    return build([
        _claims_paper("Deep Residual Learning", 2016, "p-resnet", [(R, "architecture"), (I, "dataset")],
                      [(R, "evaluated-on", I, "ResNet-50 reaches 76.1% top-1 on ImageNet.", 0.7, I, "top-1", "76.1%")],
                      url="https://example.org/resnet"),
        _claims_paper("An Image is Worth 16x16 Words", 2021, "2010.11929",
                      [(V, "architecture"), (R, "architecture"), (I, "dataset"), (T, "architecture")],
                      [(V, win, R, "ViT beats ResNet-50 with 88.5% on ImageNet.", 0.8, I, "top-1", "88.5%"),
                       (V, "evaluated-on", I, "ViT beats ResNet-50 with 88.5% on ImageNet.", 0.7, I, "top-1", "88.5%"),
                       (V, "extends", T, "ViT applies the Transformer to images.", 0.7, None, None, None)]),
        _claims_paper("Training data-efficient image transformers", 2021, "10.1000/deit",
                      [(D, "architecture"), (V, "architecture"), (R, "architecture"), (I, "dataset")],
                      [(D, win, R, "DeiT reaches 81.8% on ImageNet, above ResNet-50.", 0.8, I, "top-1", "81.8%"),
                       (D, "evaluated-on", I, "DeiT reaches 81.8% on ImageNet, above ResNet-50.", 0.7, I, "top-1", "81.8%"),
                       (D, "extends", V, "DeiT builds on ViT.", 0.7, None, None, None)]),
        _claims_paper("Vision transformers revisited", 2022, "p-revisit", [(V, "architecture"), (R, "architecture"), (I, "dataset")],
                      [(V, win, R, "Again ViT outperforms ResNet-50 on ImageNet (88.5%).", 0.6, I, "top-1", "88.5%")]),
        _claims_paper("Attention is all you need", 2017, "p-attention", [(T, "architecture"), ("LonelyNet", "method")], []),
    ])
