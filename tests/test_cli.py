"""The command line: exit codes and messages for good and bad input."""
import json

import pytest
from click.testing import CliRunner

from graph.cli import main

PAPERS = [
    {"title": "VOLO: Vision Outlooker Networks", "abstract": "VOLO outperforms DeiT on ImageNet-1K."},
    {"title": "G-SimCLR: Better contrastive learning", "abstract": "G-SimCLR builds upon SimCLR."},
]


@pytest.fixture(autouse=True)
def rules_alone(monkeypatch):
    """The commands' wiring is tested on claims the rules decide alone (their confidences do not
    move when the claim model is retrained); tests/test_learn.py tests the model."""
    monkeypatch.setenv("PAPERGRAPH_CLAIM_MODEL", "none")


@pytest.fixture()
def papers(tmp_path):
    path = tmp_path / "papers.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in PAPERS))
    return path


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def test_cli_every_command_has_help_with_an_example():
    for name, cmd in main.commands.items():
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert "papergraph " + name in result.output, name


def test_cli_build_writes_every_output_and_a_summary(papers, tmp_path):
    out = tmp_path / "out"
    result = run("build", papers, "--out", out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [".papergraph", "claims.jsonl", "graph.graphml", "graph.html",
                                                     "graph.ttl"]
    assert result.output.startswith("2 papers, 5 entities, 3 relations (")
    lines = [json.loads(x) for x in (out / "claims.jsonl").read_text().splitlines()]
    assert [(r["head"], r["type"], r["tail"]) for x in lines for r in x["relations"]] == [
        ("G-SimCLR", "extends", "SimCLR"), ("VOLO", "outperforms", "DeiT"), ("VOLO", "evaluated-on", "ImageNet")]


def test_cli_bad_records_are_reported_with_file_and_line_and_skipped(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{broken\n' + json.dumps(PAPERS[1]) + '\n{"title": "T"}\n')
    out = tmp_path / "out"
    result = run("build", bad, "--out", out)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:2] == [
        f"warning: {bad}:1: not valid JSON (Expecting property name enclosed in double quotes at column 2)",
        f"warning: {bad}:3: missing or empty 'abstract'"]
    assert lines[2].startswith("1 papers, 2 entities, 1 relations (170 triples) in ")
    assert lines[2].endswith(f" s; 2 bad record(s) skipped -> {out}/")


def test_cli_strict_stops_at_the_first_bad_record_and_keeps_previous_outputs(papers, tmp_path):
    out = tmp_path / "out"
    run("build", papers, "--out", out)
    before = (out / "graph.ttl").read_bytes()
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"title": "New", "abstract": "We propose X-Net, which outperforms ResNet-50."}) + "\n{}\n")
    result = run("build", bad, "--out", out, "--strict")
    assert result.exit_code == 1
    assert result.output == f"Error: {bad}:2: missing or empty 'title' and 'abstract'\n"
    assert (out / "graph.ttl").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == [".papergraph", "claims.jsonl", "graph.graphml", "graph.html",
                                                     "graph.ttl"]


def test_cli_missing_input(tmp_path):
    result = run("build", tmp_path / "nope.jsonl", "--out", tmp_path / "o")
    assert result.exit_code == 1
    assert result.output == f"Error: {tmp_path / 'nope.jsonl'}: cannot open: No such file or directory\n"


def test_cli_extract_reads_stdin():
    result = run("extract", "-", input=json.dumps(PAPERS[1]) + "\n")
    assert result.exit_code == 0
    (line,) = result.output.splitlines()
    assert json.loads(line)["relations"][0]["tail"] == "SimCLR"


def test_cli_query_and_stats(papers, tmp_path):
    out = tmp_path / "out"
    run("build", papers, "--out", out)
    result = run("query", "beats", "--graph", out / "graph.ttl", "--param", "baseline=deit", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["winner,baseline,paper,evidence",
                                          "VOLO,DeiT,VOLO: Vision Outlooker Networks,VOLO outperforms DeiT on ImageNet-1K."]
    stats = run("stats", "--graph", out / "graph.ttl")
    assert stats.exit_code == 0
    assert "outperforms   1" in stats.output and "paper         2" in stats.output


def test_cli_stats_merges_lists_surface_forms_per_node(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps({"title": "A", "abstract": "The Vision Transformer (ViT) beats ResNet-50 on ImageNet-1K."}) + "\n" +
                    json.dumps({"title": "B", "abstract": "ViTs and ResNet50 reach 80% on ILSVRC-2012; ResNet-101 too."}) + "\n")
    run("build", path, "--out", tmp_path / "out")
    result = run("stats", "--merges", "--graph", tmp_path / "out" / "graph.ttl")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[3:] == [
        "ImageNet            dataset       2       ILSVRC-2012 | ImageNet-1K",
        "ResNet-50           architecture  2       ResNet50",
        "Vision Transformer  architecture  2       ViT | ViTs",
        "(3 rows)"]


def test_cli_evaluate_prints_scores_misses_and_false_hits(papers, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({
        "title": "VOLO: Vision Outlooker Networks",
        "entities": [{"name": "VOLO", "type": "architecture"}, {"name": "DeiT", "type": "architecture"},
                     {"name": "ImageNet", "type": "dataset", "aliases": ["ImageNet-1K"]}],
        "relations": [{"head": "VOLO", "type": "outperforms", "tail": "DeiT"},
                      {"head": "VOLO", "type": "extends", "tail": "DeiT"}]}) + "\n")
    result = run("evaluate", "--gold", gold, "--input", papers)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "1 gold papers matched by title"
    assert "entities              1.000  1.000  1.000     3     0     0" in lines
    assert "outperforms           1.000  1.000  1.000     1     0     0" in lines
    assert lines[lines.index("misses (in the gold, not found): 1") + 1] == "  [VOLO: Vision Outlooker Networks] extends: VOLO -> DeiT"
    assert lines[lines.index("false hits (found, not in the gold): 1") + 1] == (
        "  [VOLO: Vision Outlooker Networks] evaluated-on: VOLO -> ImageNet")
    bad = run("evaluate", "--gold", tmp_path / "none.jsonl", "--input", papers)
    assert bad.exit_code == 1 and "none.jsonl: cannot read gold file" in bad.output


@pytest.mark.parametrize("args, message", [
    (["query", "beats", "--graph", "nowhere.ttl"], "Error: nowhere.ttl: no such graph; run 'papergraph build' first or pass --graph\n"),
    (["query", "nosuch", "--graph", "x.ttl"], None),
    (["query", "beats", "--param", "oops"], "Error: Invalid value for --param: 'oops' is not NAME=VALUE"),
])
def test_cli_query_errors(args, message):
    result = run(*args)
    assert result.exit_code in (1, 2)
    if message:
        assert message in result.output
    else:
        assert "no such query file or library query" in result.output


def test_cli_query_help_lists_the_library_from_its_files():
    out = run("query", "--help").output
    section = out.split("Query library (queries/):")[1].splitlines()
    names = [line.split()[0] for line in section if line.startswith("  ") and not line.startswith("   ")]
    assert names == [
        "ancestors", "beaten-by", "beats", "co-evaluated", "datasets-of", "entity-types", "extends-transitive", "leaderboard",
        "most-beaten", "proposals-on", "results-on", "top-datasets"]


def test_cli_beats_and_lineage(papers, tmp_path):
    out = tmp_path / "out"
    run("build", papers, "--out", out)
    result = run("beats", "DEIT", "--on", "imagenet-1k", "--graph", out / "graph.ttl", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "winner,paper,dataset,metric,value,confidence,evidence",
        "VOLO,VOLO: Vision Outlooker Networks,ImageNet,,,0.8,VOLO outperforms DeiT on ImageNet-1K."]
    result = run("lineage", "simclr", "--graph", out / "graph.ttl")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "SimCLR: extends 0, extended by 1"
    assert result.output.splitlines()[3].split()[:5] == ["extended", "by", "1", "G-SimCLR", "SimCLR"]
    missing = run("beats", "AlexNet", "--graph", out / "graph.ttl")
    assert missing.exit_code == 1 and "Error: 'AlexNet': no entity of that name or alias in the graph" in missing.output


def test_cli_ctrl_c_says_what_is_kept_and_exits_130(papers, tmp_path, monkeypatch):
    import graph.pipeline

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(graph.pipeline, "run_build", interrupted)
    result = run("build", papers, "--out", tmp_path / "out")
    assert result.exit_code == 130
    assert result.output == (f"interrupted: 0 papers extracted are kept in {tmp_path / 'out'}/.papergraph; the "
                             "previous outputs are untouched. Run the same command again to resume.\n")


def test_cli_build_reads_other_formats_and_named_columns(tmp_path):
    table = tmp_path / "works.tsv"
    table.write_text("TI\tAB\nVOLO: Vision Outlooker Networks\tVOLO outperforms DeiT on ImageNet-1K.\n")
    result = run("build", table, "--column", "title=TI", "--column", "abstract=AB", "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("1 papers, 3 entities, 2 relations (")
    bad = run("build", table, "--column", "abstract", "--out", tmp_path / "out")
    assert bad.exit_code == 2 and "'abstract': expected FIELD=NAME" in bad.output


def test_cli_convert_writes_the_same_graph_as_ntriples(papers, tmp_path):
    import pyoxigraph as ox

    out = tmp_path / "out"
    run("build", papers, "--out", out)
    result = run("convert", out / "graph.ttl", out / "graph.nt")
    assert result.exit_code == 0, result.output
    ttl = set(q.triple for q in ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE))
    nt = set(q.triple for q in ox.parse(path=str(out / "graph.nt"), format=ox.RdfFormat.N_TRIPLES))
    assert ttl == nt and result.output == f"{len(ttl)} triples -> {out / 'graph.nt'}\n"
    bad = run("convert", out / "graph.ttl", out / "graph.xml")
    assert bad.exit_code == 1 and "graph.xml: unknown RDF file type (use .ttl or .nt)" in bad.output


ALIASED = [  # ResNet-50 named two ways (one node, two names with the key "resnet50"); a paper's own approach
    {"title": "Wider residual training", "abstract": "Our approach outperforms ResNet-50 on CIFAR-10 by a wide margin "
                                                     "in every one of the settings that we have tried so far."},
    {"title": "ZNet: a small network", "abstract": "We propose ZNet. ZNet outperforms ResNet50 on CIFAR-10."},
]


@pytest.fixture(scope="module")
def aliased(tmp_path_factory):
    path = tmp_path_factory.mktemp("aliased") / "papers.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in ALIASED))
    with pytest.MonkeyPatch.context() as mp:  # (built before the function-scoped rules_alone applies)
        mp.setenv("PAPERGRAPH_CLAIM_MODEL", "none")
        assert run("build", path, "--out", path.parent / "out").exit_code == 0
    return path.parent / "out" / "graph.ttl"


def test_cli_query_gives_each_answer_once_whatever_names_match(aliased):
    result = run("query", "beats", "--param", "baseline=ResNet-50", "--graph", aliased, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "winner,baseline,paper,evidence",
        "(the paper's own approach),ResNet-50,Wider residual training,"
        "Our approach outperforms ResNet-50 on CIFAR-10 by a wide margin in every one of the settings that we have tried so far.",
        "ZNet,ResNet-50,ZNet: a small network,ZNet outperforms ResNet50 on CIFAR-10."]


@pytest.mark.parametrize("query, message", [
    ("beats", "Error: missing --param baseline=VALUE (this query needs $baseline)\n"),
    ("datasets-of", "Error: missing --param method=VALUE (this query needs $method)\n"),
])
def test_cli_query_refuses_a_missing_parameter_by_name(aliased, query, message):
    result = run("query", query, "--graph", aliased)
    assert (result.exit_code, result.output) == (1, message)


def test_cli_query_help_lists_each_querys_parameters_and_explains_format():
    out = " ".join(run("query", "--help").output.split())
    assert "beats Which methods outperform a given baseline, with the paper and the evidence sentence? --param baseline=..." in out
    assert out.endswith("--param dataset=... top-datasets Which datasets are used most?")  # it has none
    assert "--format [table|csv|json] table for reading (long text wrapped), csv or json for scripts." in out


def test_cli_beats_table_shows_the_whole_evidence_in_the_wording_of_query_beats(aliased):
    result = run("beats", "resnet50", "--graph", aliased)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "winner                      paper                    dataset   metric  value  confidence  evidence",
        "--------------------------  -----------------------  --------  ------  -----  ----------  "
        "---------------------------------------------------------",
        "(the paper's own approach)  Wider residual training  CIFAR-10                 0.8         "
        "Our approach outperforms ResNet-50 on CIFAR-10 by a wide",
        " " * 90 + "margin in every one of the settings that we have tried so",
        " " * 90 + "far.",
        "",
        "ZNet                        ZNet: a small network    CIFAR-10                 0.8         "
        "ZNet outperforms ResNet50 on CIFAR-10.",
        "",
        "(2 rows)"]


def test_cli_beats_points_from_dataset_to_on(aliased):
    result = run("beats", "ResNet-50", "--dataset", "ImageNet", "--graph", aliased)
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == "Error: No such option: --dataset (the dataset is given with --on: --on ImageNet)"


def test_cli_build_refuses_input_that_is_not_text_and_keeps_previous_outputs(papers, tmp_path):
    import random

    out = tmp_path / "out"
    run("build", papers, "--out", out)
    before = (out / "graph.ttl").read_bytes()
    noise = tmp_path / "noise.txt"
    noise.write_bytes(random.Random(7).randbytes(20_000))
    result = run("build", noise, "--out", out)
    assert (result.exit_code, result.output) == (
        1, f"Error: {noise}: not text: a NUL byte at offset 70 (binary data, or UTF-16; papergraph reads UTF-8)\n")
    assert (out / "graph.ttl").read_bytes() == before


def test_cli_evaluate_example_of_the_readme_and_help_runs_from_a_clone(monkeypatch):
    import shlex
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    (line,) = [x for x in (root / "README.md").read_text().splitlines() if x.startswith("papergraph evaluate ")]
    args = shlex.split(line.split("#")[0])[1:]
    assert " ".join(["papergraph", *args]) in run("evaluate", "--help").output
    monkeypatch.chdir(root)
    result = run(*args)
    assert result.exit_code == 0, result.output
    # the scores are the extractor's (and change with it); that all three papers are matched is the example's
    assert result.output.splitlines()[0] == "3 gold papers matched by title"


def test_cli_leaderboard_results_and_disputes(tmp_path):
    src = tmp_path / "papers.jsonl"
    src.write_text("\n".join(json.dumps(p) for p in [
        {"title": "ANet: a network", "abstract": "ANet achieves 80.1% top-1 accuracy on ImageNet."},
        {"title": "BNet: a network", "abstract": "BNet achieves 82.3% top-1 accuracy on ImageNet."},
        {"title": "CNet: a network", "abstract": "CNet obtains a word error rate of 5.1 on LibriSpeech."}]) + "\n")
    out = tmp_path / "out"
    assert run("build", src, "--out", out).exit_code == 0
    graph = out / "graph.ttl"
    result = run("leaderboard", "imagenet", "--metric", "top-1 acc", "--graph", graph, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert [r.split(",")[:7] for r in result.output.splitlines()] == [
        ["rank", "model", "value", "metric", "split", "year", "paper"],
        ["1", "BNet", "82.3%", "top-1 accuracy", "", "", "BNet: a network"],
        ["2", "ANet", "80.1%", "top-1 accuracy", "", "", "ANet: a network"]]
    result = run("leaderboard", "LibriSpeech", "--graph", graph)
    assert result.output.splitlines()[0] == "LibriSpeech: WER, lower is better"
    missing = run("leaderboard", "ImageNet", "--metric", "BLEU", "--graph", graph)
    assert missing.exit_code == 1
    assert "Error: no 'BLEU' results on 'ImageNet'; metrics stated on it: top-1 accuracy (2)" in missing.output
    result = run("results", "cnet", "--graph", graph, "--format", "csv")
    assert result.output.splitlines()[1].split(",")[:3] == ["LibriSpeech", "WER", "5.1"]
    result = run("disputes", "--graph", graph, "--format", "csv")
    assert result.exit_code == 0 and result.output.splitlines() == [
        "kind,dataset,a,b,paper (a beats b),year,evidence,other paper,other year,other evidence"]
