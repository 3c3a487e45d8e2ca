"""`graph.metrics`: the metric vocabulary, names resolved through aliases, directions and scales."""
import json
from importlib import resources

import pytest

from graph import metrics


@pytest.mark.parametrize("written, name", [
    ("Top-1 Acc.", "top-1 accuracy"), ("top1 accuracy", "top-1 accuracy"), ("word error rate", "WER"),
    ("F1 score", "F1"), ("F-measure", "F1"), ("accuracies", "accuracy"), ("perplexities", "perplexity"),
    ("mean average precision", "mAP"), ("Frechet Inception Distance", "FID"), ("PSNR", "PSNR")])
def test_metrics_resolve_aliases_plurals_and_case(written, name):
    assert metrics.resolve(written).name == name


@pytest.mark.parametrize("name, higher", [("top-1 accuracy", True), ("BLEU", True), ("mAP", True), ("WER", False),
                                          ("FID", False), ("perplexity", False), ("error rate", False), ("PER", False)])
def test_metrics_direction(name, higher):
    assert metrics.resolve(name).higher_is_better is higher


def test_metrics_unknown_is_none():
    assert metrics.resolve("banana rate") is None
    assert metrics.resolve(None) is None


def test_metrics_find_skips_lower_case_words_that_spell_a_metric():
    text = "The PER is 17.6% per frame; an IS of 8.8, FID=9.91 and mAP, unlike a feature map"
    assert [(text[s:e], m.name) for s, e, m in metrics.find(text)] == [
        ("PER", "PER"), ("IS", "IS"), ("FID", "FID"), ("mAP", "mAP")]


def test_metrics_scaled_turns_a_fraction_of_a_percentage_metric_into_percent():
    f1, fid = metrics.resolve("F1"), metrics.resolve("FID")
    assert metrics.scaled(0.88, None, f1) == 88.0
    assert metrics.scaled(88.0, None, f1) == 88.0
    assert metrics.scaled(0.5, "%", f1) == 0.5  # "0.5%" is half a percent
    assert metrics.scaled(0.88, None, fid) == 0.88
    assert metrics.scaled(0.88, None, None) == 0.88


def test_metrics_every_form_names_one_entry():
    data = json.loads(resources.files("graph").joinpath("data", "metrics.json").read_text(encoding="utf-8"))
    forms = [f.lower() for m in data["metrics"] for f in (m["name"], *m["aliases"])]
    assert len(forms) == len(set(forms))
    assert all(isinstance(m["higher_is_better"], bool) for m in data["metrics"])


def test_metrics_ranking_helpers():
    assert metrics.better(5.1, 6.0, higher_is_better=False) and metrics.better(85.0, 84.0, higher_is_better=True)
    assert sorted([4.2, 6.0, 5.1], key=lambda s: metrics.best_first(s, False)) == [4.2, 5.1, 6.0]
    assert metrics.ranks([88.5, 87.1, 87.1, 86.0]) == [1, 2, 2, 4]
