import pytest

from graph.text import clean, key, singular


@pytest.mark.parametrize("raw, cleaned", [
    ("PixArt-\\Sigma represents", "PixArt-Σ represents"),
    ("PIXART-{\\delta} is fast", "PIXART-δ is fast"),
    ("2.08\\% test error", "2.08% test error"),
    ("  a \t b  ", "a b"),
    ("the ImageNet-1 K and ImageNet-5 K sets", "the ImageNet-1K and ImageNet-5K sets"),
    ("a 1 K budget, Net-1 Kb", "a 1 K budget, Net-1 Kb"),
])
def test_text_clean(raw, cleaned):
    assert clean(raw) == cleaned


@pytest.mark.parametrize("name, want", [("CNNs", "CNN"), ("ViTs", "ViT"), ("ViT-S", "ViT-S"), ("mixup", "mixup"),
                                        ("EBVs", "EBV"), ("models", "models"),
                                        ("ResNets", "ResNet"), ("U-Nets", "U-Net"), ("Magnets", "Magnets"),
                                        ("Nets", "Nets")])
def test_text_singular(name, want):
    assert singular(name) == want


@pytest.mark.parametrize("a, b, same", [
    ("ResNet-50", "ResNet50", True), ("ViTs", "vit", True), ("ViT-S", "ViTs", False),
    ("SeiT++", "SeiT", False), ("ImageNet-1K", "ImageNet 1k", True), ("ResNet-50", "ResNet-101", False),
])
def test_text_key(a, b, same):
    assert (key(a) == key(b)) is same
