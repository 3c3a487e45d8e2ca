import pytest

from graph.extract.abbrev import find_long_form, matches


@pytest.mark.parametrize("short, before, size", [
    ("ViT", "Since the introduction of Vision Transformer", 2),
    ("SWS", "an approach termed Stage-wise Weight Sharing", 3),
    ("CNNs", "the latest convolutional neural networks", 3),
    ("NAS", "Neural architecture search", 3),
    ("E2GC", "an energy-efficient group convolution", None),
    ("VOLO", "we present the", None),
])
def test_abbrev_find_long_form(short, before, size):
    assert find_long_form(short, before.split()) == size


@pytest.mark.parametrize("short, words, ok", [("LCM", ["Latent", "Consistency", "Model"], True),
                                              ("LCM", ["Large", "Model"], False), ("X", ["Xavier"], False)])
def test_abbrev_matches(short, words, ok):
    assert matches(short, words) is ok
