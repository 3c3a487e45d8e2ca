"""`graph.evaluate`: scoring a built corpus against gold annotations (ANNOTATION.md rules)."""
import json

import pytest

from graph.errors import InputError
from graph.evaluate import evaluate, format_report, norm, read_gold

GOLD = [
    {"title": "VOLO: Vision Outlooker Networks for Visual Recognition",
     "entities": [
         {"name": "VOLO", "type": "architecture", "roles": ["proposed"]},
         {"name": "ImageNet", "type": "dataset", "aliases": ["ImageNet-1K"]},
         {"name": "DeiT", "type": "architecture"},
         {"name": "Swin Transformer", "type": "method"},  # predicted architecture: typed-coarse hit, exact miss
         {"name": "CIFAR-100", "type": "dataset"}],  # not in the text: a miss
     "relations": [
         {"head": "VOLO", "type": "evaluated-on", "tail": "ImageNet"},
         {"head": "VOLO", "type": "outperforms", "tail": "DeiT"},
         {"head": "@paper", "type": "outperforms", "tail": "Swin Transformer"},  # the proposed VOLO matches @paper
         {"head": "VOLO", "type": "evaluated-on", "tail": "CIFAR-100"}]},
    {"title": "a study of Transformers!",  # titles match after normalisation
     "entities": [
         {"name": "G-SimCLR", "type": "method", "roles": ["proposed"]},
         {"name": "SimCLR", "type": "method"},
         {"name": "ResNet-50", "type": "architecture", "optional": True},
         {"name": "CIFAR-10", "type": "dataset"}],
     "relations": [
         {"head": "G-SimCLR", "type": "extends", "tail": "SimCLR"},
         {"head": "@paper", "type": "evaluated-on", "tail": "CIFAR-10"},
         {"head": "G-SimCLR", "type": "outperforms", "tail": "ResNet-50", "optional": True}]},
    {"title": "A paper that is not in the input", "entities": [], "relations": []},
]


def counts(report, k):
    c = report.counts[k]
    return c.tp, c.fp, c.fn


def test_evaluate_counts_per_entity_and_relation_type(small_corpus):
    report = evaluate(small_corpus, GOLD)
    got = {k: counts(report, k) for k in ("entities", "entities (typed)", "  dataset", "  architecture", "  method",
                                         "relations", "evaluated-on", "outperforms", "extends")}
    assert got == {
        "entities": (7, 1, 1),  # the extra "Transformer" is a false hit; optional ResNet-50 counts neither way
        "entities (typed)": (7, 1, 1),
        "  dataset": (2, 0, 1),
        "  architecture": (2, 2, 0),  # Swin Transformer typed architecture, gold says method; Transformer
        "  method": (2, 0, 1),
        "relations": (5, 0, 1),
        "evaluated-on": (2, 0, 1),
        "outperforms": (2, 0, 0),  # G-SimCLR > ResNet-50 matches an optional gold relation: neither way
        "extends": (1, 0, 0),
    }
    assert report.papers == 2 and report.unmatched_titles == ["A paper that is not in the input"]
    assert report.misses == [
        ("VOLO: Vision Outlooker Networks for Visual Recognition", "entity (dataset)", "CIFAR-100"),
        ("VOLO: Vision Outlooker Networks for Visual Recognition", "evaluated-on", "VOLO -> CIFAR-100"),
    ]
    assert [(kind, what) for _, kind, what in report.false_hits] == [
        ("entity (architecture)", "Transformer")]


def test_evaluate_report_text(small_corpus):
    text = format_report(evaluate(small_corpus, GOLD))
    assert text.splitlines()[0] == "2 gold papers matched by title, 1 not in the input"
    assert "relations             1.000  0.833  0.909     5     0     1" in text
    assert "  [VOLO: Vision Outlooker Networks for Visual Recogni] evaluated-on: VOLO -> CIFAR-100" in text
    assert "misses" not in format_report(evaluate(small_corpus, GOLD), details=False)


@pytest.mark.parametrize("a, b, same", [
    ("ViTs", "vit", True), ("ResNet-50", "ResNet50", True), ("SeiT++", "SeiT", False),
    ("ViT-S", "ViT", False), ("Vi-T", "ViT", True), ("class", "clas", False),
])
def test_evaluate_norm_follows_the_annotation_rules(a, b, same):
    assert (norm(a) == norm(b)) is same


@pytest.mark.parametrize("line, message", [
    ("{not json", "gold.jsonl:2: not JSON"),
    ('{"entities": []}', 'gold.jsonl:2: a gold line needs a "title" string'),
    ('{"title": "T", "entities": [{"name": "X", "type": "model"}]}', 'gold.jsonl:2: each entity needs a "name" and a "type"'),
    ('{"title": "T", "relations": [{"head": "X", "type": "beats", "tail": "Y"}]}', 'gold.jsonl:2: each relation needs a "type"'),
    ('{"title": "T", "relations": [{"head": "X", "type": "extends", "tail": "@paper"}]}',
     "gold.jsonl:2: relation head 'X' is not an entity of this line"),
])
def test_evaluate_bad_gold_names_file_and_line(tmp_path, line, message):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD[2]) + "\n" + line + "\n")
    with pytest.raises(InputError) as err:
        read_gold(str(path))
    assert str(err.value).startswith(str(tmp_path / message))
