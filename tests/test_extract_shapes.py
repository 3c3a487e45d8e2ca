import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.extract.shapes import family, lineage_base, looks_like_name, split_coordination, subset_base, type_from_shape


@pytest.mark.parametrize("text", ["ResNet-50", "VOLO", "ViT-B/16", "PixArt-α", "Food-101", "SeiT++", "4KPro",
                                  "ShiftNAS", "SN-Netv2", "G-SimCLR", "ResNet-RS", "Swin-Tiny", "CIFAR-100+",
                                  "mBERT", "cGAN", "fCBO", "FMC_TA", "VL-T5"])
def test_shapes_names(text):
    assert looks_like_name(text)


@pytest.mark.parametrize("text", ["Since", "Large-Scale", "Class-Incremental", "78ms", "1.6x", "4K", "2D",
                                  "INtegration", "recognItion", "FR", "x", "e.g.", "aMAZING", "iPhone", "US-EN",
                                  "K-12"])
def test_shapes_not_names(text):
    assert not looks_like_name(text)


@given(st.text(alphabet=st.sampled_from("aBz09-+/.αΩ'×&^"), max_size=12) | st.text(max_size=12))
def test_shapes_a_name_has_a_capital(text):
    # the mentions component judges only texts that are not their own lower case (tokens with no
    # capital letter are never names); this is what lets it skip the rest
    if looks_like_name(text):
        assert text != text.lower()


@pytest.mark.parametrize("name, fam", [("ResNet-50", "ResNet"), ("ResNet50", "ResNet"), ("ViT-B/16", "ViT"),
                                       ("EfficientNet-B7", "EfficientNet"), ("MobileNetV2", "MobileNet"),
                                       ("VOLO", None), ("U-Net", None)])
def test_shapes_family(name, fam):
    assert family(name) == fam


@pytest.mark.parametrize("name, base", [("MNLI-hard", "MNLI"), ("BERT-large", "BERT"), ("intra-task", None),
                                        ("ResNet-50", None), ("ViT-B", None)])
def test_shapes_subset_base(name, base):
    assert subset_base(name) == base


@pytest.mark.parametrize("name, bases", [("SeiT++", ("SeiT",)), ("SimCLRv2", ("SimCLR",)), ("G-SimCLR", ("SimCLR",)),
                                         ("Med-DANet V2", ("Med-DANet",)), ("McSplit+RL", ("McSplit",)),
                                         ("ResNet-50", ()), ("MobileNetV3", ()), ("U-Net", ()), ("C++", ())])
def test_shapes_lineage_base(name, bases):
    assert lineage_base(name) == bases


@pytest.mark.parametrize("name, etype", [("ShiftNAS", "method"), ("TinyViT", "architecture"), ("CC1M", "dataset"),
                                         ("NT-Xent loss", "method"), ("VOLO", None)])
def test_shapes_type_from_shape(name, etype):
    assert type_from_shape(name) == etype


@pytest.mark.parametrize("text, parts", [
    ("CIFAR10/100", ("CIFAR10", "CIFAR100")),
    ("DeiT-Ti/S/B", ("DeiT-Ti", "DeiT-S", "DeiT-B")),
    ("ImageNet-1K/21K", ("ImageNet-1K", "ImageNet-21K")),
    ("ViT-B/16", ("ViT-B/16",)),
    ("CNN/Transformer", ("CNN/Transformer",)),
])
def test_shapes_split_coordination(text, parts):
    assert split_coordination(text) == parts
