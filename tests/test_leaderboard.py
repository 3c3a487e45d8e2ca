"""`graph.leaderboard` and the leaderboard query on a small hand-made graph: ranking by the
metric's direction, one row per model and paper, fractions on the percent scale, splits; a
model's results; disputes between papers."""
import pytest

from graph import store
from graph.build import build
from graph.errors import QueryError
from graph.export.rdf import write_rdf
from graph.leaderboard import disputes, leaderboard, results
from graph.model import Claim, Entity, Paper, PaperGraph


def result(head, dataset, metric, value, number, sentence, split=None, unit=None):
    return Claim(head, "evaluated-on", dataset, sentence, 0, len(sentence), 0.9, dataset, metric, value,
                 number=number, unit=unit, split=split)


def win(head, tail, dataset, sentence, confidence=0.9):
    return Claim(head, "outperforms", tail, sentence, 0, len(sentence), confidence, dataset)


def paper(title, year, entities, claims):
    return PaperGraph(Paper(title, " ".join(c.evidence for c in claims), id=title, year=year),
                      [Entity(n, t) for n, t in entities], claims)


S1, S2, S3, S4, S5 = ("A reaches 80.1% top-1 accuracy and 12.0 WER.", "B reaches 0.85 top-1 accuracy on ImageNet val.",
                      "C reaches 79.0% top-1 accuracy; A beats C.", "C beats A on ImageNet.", "A reaches 81.0% top-1.")
PAPERS = [
    paper("Paper A", 2020, [("A", "architecture"), ("ImageNet", "dataset"), ("LibriSpeech", "dataset")], [
        result("A", "ImageNet", "top-1 accuracy", "80.1%", 80.1, S1, unit="%"),
        result("A", "LibriSpeech", "WER", "12.0", 12.0, S1),
        result("A", "ImageNet", "top-1 accuracy", "81.0%", 81.0, S5, unit="%")]),
    paper("Paper B", 2021, [("B", "architecture"), ("ImageNet", "dataset")], [
        result("B", "ImageNet", "top-1 accuracy", "0.85", 0.85, S2, split="val")]),
    paper("Paper C", 2022, [("C", "architecture"), ("A", "architecture"), ("ImageNet", "dataset"),
                            ("LibriSpeech", "dataset")], [
        result("C", "ImageNet", "top-1 accuracy", "79.0%", 79.0, S3, unit="%"),
        win("A", "C", "ImageNet", S3),
        result("C", "LibriSpeech", "WER", "9.5", 9.5, S3)]),
    paper("Paper D", 2023, [("C", "architecture"), ("A", "architecture"), ("ImageNet", "dataset")], [
        win("C", "A", "ImageNet", S4)]),
]


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    path = tmp_path_factory.mktemp("board") / "graph.ttl"
    write_rdf(build(PAPERS), path)
    return store.load(path)


def test_leaderboard_ranks_best_first_one_row_per_model_and_paper(graph):
    cols, rows, metric, others = leaderboard(graph, "imagenet")
    assert cols == ["rank", "model", "value", "metric", "split", "year", "paper", "confidence", "evidence"]
    assert metric == "top-1 accuracy" and others == {}
    assert [r[:7] for r in rows] == [
        ["1", "B", "0.85", "top-1 accuracy", "val", "2021", "Paper B"],  # a fraction: 85 on the percent scale
        ["2", "A", "81.0%", "top-1 accuracy", "", "2020", "Paper A"],  # A's best of its two values
        ["3", "C", "79.0%", "top-1 accuracy", "", "2022", "Paper C"]]


def test_leaderboard_lower_is_better_metric_and_alias(graph):
    _, rows, metric, _ = leaderboard(graph, "LibriSpeech", metric="word error rate")
    assert metric == "WER"
    assert [(r[0], r[1], r[2]) for r in rows] == [("1", "C", "9.5"), ("2", "A", "12.0")]


def test_leaderboard_split_and_unknown_metric(graph):
    assert [r[1] for r in leaderboard(graph, "ImageNet", split="val")[1]] == ["B"]
    with pytest.raises(QueryError, match="no 'BLEU' results on 'ImageNet'; metrics stated on it: top-1 accuracy"):
        leaderboard(graph, "ImageNet", metric="bleu")


def test_leaderboard_query_orders_by_direction(graph):
    _, text = store.resolve_query("leaderboard")
    rows = store.run(graph, store.bind(text, {"dataset": "librispeech", "metric": "WER"}))[1]
    assert [r[:2] for r in rows] == [["C", "9.5"], ["A", "12"]]
    rows = store.run(graph, store.bind(text, {"dataset": "ImageNet", "metric": "top-1 accuracy"}))[1]
    assert [r[:2] for r in rows] == [["B", "85"], ["A", "81"], ["C", "79"]]


def test_results_of_a_model_by_dataset_best_first(graph):
    cols, rows = results(graph, "a")
    assert cols == ["dataset", "metric", "value", "split", "year", "paper", "confidence", "evidence"]
    assert [r[:3] for r in rows] == [["ImageNet", "top-1 accuracy", "81.0%"], ["ImageNet", "top-1 accuracy", "80.1%"],
                                     ["LibriSpeech", "WER", "12.0"]]


def test_disputes_between_papers_on_the_same_dataset(graph):
    cols, rows = disputes(graph)
    assert cols[:4] == ["kind", "dataset", "a", "b"]
    assert [r[:6] + r[7:9] for r in rows] == [
        ["values", "ImageNet", "C", "A", "Paper D", "2023", "Paper A", "2020"],  # A's 81.0% is ahead of C's 79.0%
        ["wins", "ImageNet", "A", "C", "Paper C", "2022", "Paper D", "2023"]]
    assert rows[1][6] == S3 and rows[1][9] == S4  # both sentences
    assert rows[0][9] == "A: 81.0% top-1 accuracy vs C: 79.0% (Paper C) — " + S5


def test_disputes_on_another_dataset_and_confidence(graph):
    assert disputes(graph, on="LibriSpeech")[1] == []
    assert [r[0] for r in disputes(graph, min_confidence=0.95)[1]] == []
