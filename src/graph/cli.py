"""The papergraph command line. Each command validates its arguments and calls a library function."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from graph import __version__
from graph import readers
from graph.errors import PapergraphError
from graph.readers.works import FIELDS

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
FORMATS = click.Choice(readers.FORMATS)


class Group(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except PapergraphError as err:
            raise click.ClickException(str(err)) from None


@click.group(cls=Group, context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="papergraph")
def main():
    """Turn machine-learning paper abstracts into a knowledge graph.

    Finds the named methods, architectures and datasets in each abstract, links them with
    evaluated-on, outperforms and extends claims (each with its paper and sentence), and writes
    RDF for SPARQL, an interactive HTML graph, claims.jsonl and GraphML.

    \b
    Start here:
      papergraph build                      # the bundled seed corpus -> output/
      papergraph query beats --param baseline=ResNet-50
      papergraph stats
    """


def _columns(ctx, param, values):
    out = {}
    for v in values:
        field, sep, name = v.partition("=")
        if not sep or field not in FIELDS or not name:
            raise click.BadParameter(f"{v!r}: expected FIELD=NAME with FIELD one of {', '.join(FIELDS)}")
        out[field] = name
    return out


def input_options(f):
    f = click.option("--column", "columns", multiple=True, metavar="FIELD=NAME", callback=_columns,
                     help="The column (CSV/TSV) or key (JSON) holding FIELD (title, abstract, id, url, year), "
                          "when it is not named the usual way. Repeatable.")(f)
    f = click.option("--strict", is_flag=True, help="Stop at the first bad record instead of reporting and skipping it.")(f)
    f = click.option("--format", "fmt", type=FORMATS, help="Input format, when the file name does not tell.")(f)
    return f


class _Reporter:
    """Prints a build's warnings, stages and extraction rate to stderr."""

    def __init__(self, progress: bool, warn: bool = True):
        self.progress, self.warn = progress, warn
        self.count = 0
        self.started = self.last = 0.0
        self.warnings = 0

    def problem(self, error):
        self._clear()
        self.warnings += 1
        if not self.warn:
            return
        if self.warnings <= 50:
            click.echo(f"warning: {error}", err=True)
        elif self.warnings == 51:
            click.echo("warning: more bad records; not printing them", err=True)

    def extracted(self, n):
        import time

        now = time.monotonic()
        self.count += n
        if self.progress and now - self.last > 0.5:
            self.last = now
            rate = self.count / max(now - self.started, 1e-9)
            click.echo(f"\rextracting: {self.count:,} papers ({rate:,.0f}/s)", err=True, nl=False)

    def stage(self, name):
        import time

        self._clear()
        if name == "extract":
            self.started = time.monotonic()
        elif self.progress:
            click.echo(f"\r{'writing ' + name if '.' in name else name}…" + " " * 30, err=True, nl=False)

    def _clear(self):
        if self.progress and self.last:
            click.echo("\r" + " " * 60 + "\r", err=True, nl=False)


@main.command(context_settings=CONTEXT)
@click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path), default=Path("output"),
              show_default=True, help="Folder for graph.ttl, graph.html, claims.jsonl and graph.graphml.")
@input_options
@click.option("--fresh", is_flag=True, help="Start the graph empty instead of adding to the one in OUT.")
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 256),
              help="Extract in this many processes.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where extraction runs: local processes, or a Dask cluster (pip install 'papergraph[dask]').")
@click.option("--scheduler", metavar="ADDRESS", help="The Dask scheduler, e.g. tcp://10.0.0.5:8786 "
              "(with --engine dask; without it a local cluster is started).")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.5, show_default=True,
              help="Leave claims under this confidence out of graph.html, the explorer (as `beats` and `lineage` "
                   "do; 0 shows every claim). graph.ttl, claims.jsonl and graph.graphml keep every claim.")
@click.option("--quiet", "-q", is_flag=True, help="No progress, no warnings and no summary.")
def build(inputs, out, fmt, strict, columns, fresh, jobs, engine, scheduler, min_confidence, quiet):
    """Read papers, extract, and add them to the graph in OUT.

    \b
    INPUTS (the format is told by the suffix, else by the first bytes; .gz is unpacked):
      .txt          listing pages (title / blank line / abstract) or plain text
                    (one paper per blank-line separated block, first line the title)
      .jsonl .json  {"title", "abstract", "id", "url", "year"} records; Semantic Scholar
                    and OpenAlex records too (abstract_inverted_index is rebuilt)
      .csv .tsv     a header row with title and abstract columns (see --column)
      .xml .atom    arXiv API responses
      .bib          BibTeX entries with an abstract field
      -             stdin
    With no INPUTS, builds the seed corpus the package ships.

    A build adds to the graph already in OUT: papers already in it are skipped, papers already
    extracted are taken from OUT/.papergraph, and the result equals one build over all the inputs
    (--fresh starts empty). Bad records are reported with file and line and skipped (--strict
    stops instead). The outputs are replaced only when the whole build succeeds; a build that is
    interrupted (Ctrl-C, kill) keeps what it extracted and resumes when run again.

    \b
    Examples:
      papergraph build
      papergraph build papers.jsonl --out mygraph/ --jobs 2
      papergraph build this-week.xml.gz --out mygraph/       # adds to last week's graph
      papergraph build refs.bib works.csv --column abstract=AB -o mygraph/
      cat papers.jsonl | papergraph build - -o mygraph/
    """
    from graph.pipeline import run_build

    reporter = _Reporter(progress=not quiet and sys.stderr.isatty(), warn=not quiet)
    try:
        _, summary = run_build(list(inputs), out, fmt, fresh=fresh, jobs=jobs, engine=engine, scheduler=scheduler,
                               strict=strict, reporter=reporter, options={"columns": columns},
                               min_confidence=min_confidence)
    except KeyboardInterrupt:
        reporter._clear()
        click.echo(f"interrupted: {reporter.count:,} papers extracted are kept in {out}/.papergraph; the previous "
                   "outputs are untouched. Run the same command again to resume.", err=True)
        sys.exit(130)
    reporter._clear()
    if not quiet:
        click.echo(f"{summary.line()} -> {out}/", err=True)


@main.command(context_settings=CONTEXT)
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
def convert(source, target):
    """Rewrite the graph SOURCE as TARGET, in the format its suffix names (.ttl or .nt).

    Streams, so graphs larger than memory convert too. N-Triples is what the bulk loaders of
    triple-store servers (Oxigraph, Jena's tdb2.tdbloader, QLever) read fastest.

    \b
    Example:
      papergraph convert output/graph.ttl output/graph.nt
    """
    from graph import store

    click.echo(f"{store.convert(source, target)} triples -> {target}", err=True)


@main.command(context_settings=CONTEXT)
@click.argument("inputs", nargs=-1, required=True, type=click.Path(allow_dash=True))
@input_options
def extract(inputs, fmt, strict, columns):
    """Print claims.jsonl lines for INPUTS to stdout, one paper per line ('-' is stdin).

    Reads the same formats as build. Nothing is written to disk.

    \b
    Example:
      papergraph extract papers.jsonl | jq '.relations[] | select(.type == "outperforms")'
    """
    from graph.export.claims import generate_claims
    from graph.extract import Extractor
    from graph.pipeline import read_papers

    papers = read_papers(inputs, fmt, strict, _Reporter(progress=False), {"columns": columns})
    for line in generate_claims(Extractor().extract_all(papers)):
        click.echo(line, nl=False)


class QueryCommand(click.Command):
    """Lists the query library in --help from the query files' own opening comments."""

    def format_epilog(self, ctx, formatter):
        from graph import store

        rows = []
        for p in sorted(store.queries_dir().glob("*.rq")):
            text = p.read_text(encoding="utf-8")
            needs = "".join(f" --param {n}=..." for n in store.parameters(text))
            rows.append((p.stem, store.describe(text).split("?")[0] + "?" + needs))
        with formatter.section("Query library (queries/)"):
            formatter.write_dl(rows)


@main.command(cls=QueryCommand, context_settings=CONTEXT)
@click.argument("query")
@click.option("--graph", "-g", "graph_path", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("output/graph.ttl"), show_default=True, help="The RDF graph to query.")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Fill the query's $NAME placeholder with a string (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="table for reading (long text wrapped), csv or json for scripts.")
def query(query, graph_path, params, fmt):
    """Run a SPARQL query: a .rq file, or the name of one in the query library (listed below,
    with the parameters each needs; a .rq file declares its own in a '# Parameter: $name' line).

    \b
    Examples:
      papergraph query beats --param baseline="ResNet-50"
      papergraph query my-question.rq --format csv > answer.csv
    """
    from graph import store

    values = {}
    for p in params:
        if "=" not in p:
            raise click.BadParameter(f"{p!r} is not NAME=VALUE", param_hint="--param")
        k, v = p.split("=", 1)
        values[k.strip()] = v
    name, text = store.resolve_query(query)
    cols, rows = store.run(store.load(graph_path), store.bind(text, values))
    click.echo(store.format_rows(cols, rows, fmt), nl=False)


GRAPH = click.option("--graph", "-g", "graph_path", type=click.Path(dir_okay=False, path_type=Path),
                     default=Path("output/graph.ttl"), show_default=True, help="The RDF graph to ask.")
TABLE = click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
                     help="table for reading (long text wrapped), csv or json for scripts.")


def _use_on(ctx, param, value):
    if value is not None:
        raise click.UsageError(f"No such option: --dataset (the dataset is given with --on: --on {value})", ctx)


MIN_CONFIDENCE = click.option(
    "--min-confidence", type=click.FloatRange(0, 1), default=0.5, show_default=True,
    help="Hide claims under this confidence (the probability, measured on held-out papers, that such a "
         "claim is right; 0 shows every claim).")


def _hidden(shown: int, everything: int, threshold: float) -> None:
    if everything > shown:
        click.echo(f"({everything - shown} more under confidence {threshold:g}: --min-confidence 0 shows them)", err=True)


@main.command(context_settings=CONTEXT)
@click.argument("baseline")
@click.option("--on", "dataset", metavar="DATASET", help="Only results on this dataset (a name or alias).")
@click.option("--dataset", "dataset_misnamed", hidden=True, expose_value=False, callback=_use_on)  # a name people try: point to --on
@MIN_CONFIDENCE
@click.option("--cost", is_flag=True, help="Also wins stated on cost alone (faster, fewer parameters).")
@GRAPH
@TABLE
def beats(baseline, dataset, min_confidence, cost, graph_path, fmt):
    """Every method claimed to outperform BASELINE, with the paper, the dataset, metric and value
    when the sentence states them, the claim's confidence and the evidence sentence.

    Names resolve through aliases and spelling: "resnet50", "ResNet50" and "ResNet-50" are one.
    A winner shown as "(the paper's own approach)" is a paper's unnamed method. Claims under
    --min-confidence and wins on cost alone are left out unless asked for.

    \b
    Examples:
      papergraph beats ResNet-50
      papergraph beats resnet50 --on ImageNet --format csv > winners.csv
    """
    from graph import store
    from graph.ask import beats as ask_beats

    graph = store.load(graph_path)
    cols, rows = ask_beats(graph, baseline, dataset, min_confidence, cost)
    click.echo(store.format_rows(cols, rows, fmt), nl=False)
    _hidden(len(rows), len(ask_beats(graph, baseline, dataset, 0.0, True)[1]), min_confidence)


@main.command(context_settings=CONTEXT)
@click.argument("method")
@MIN_CONFIDENCE
@GRAPH
@TABLE
def lineage(method, min_confidence, graph_path, fmt):
    """What METHOD extends and what extends it, transitively, with the paper and sentence of
    each step. Depth 1 is a direct extension; depth 2 extends something at depth 1, and so on.

    \b
    Examples:
      papergraph lineage SimCLR
      papergraph lineage "Vision Transformer" --format json
    """
    from graph import store
    from graph.ask import lineage as ask_lineage

    name, ancestors, descendants = ask_lineage(store.load(graph_path), method, min_confidence)
    cols = ["direction", "depth", "entity", "via", "paper", "evidence"]
    rows = [["extends", str(s.depth), s.name, s.via, s.paper, s.evidence] for s in ancestors]
    rows += [["extended by", str(s.depth), s.name, s.via, s.paper, s.evidence] for s in descendants]
    if fmt == "table":
        click.echo(f"{name}: extends {len(ancestors)}, extended by {len(descendants)}")
    click.echo(store.format_rows(cols, rows, fmt), nl=False)


@main.command(context_settings=CONTEXT)
@click.argument("dataset")
@click.option("--metric", "-m", help="The metric to rank by (any alias: 'top-1 acc', 'word error rate'). Default: the "
                                     "metric most results on DATASET state; the others are listed.")
@click.option("--split", help="Only results on this split (val, test, test-dev, ...), when the sentence states one.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Hide results whose claim is under this confidence.")
@GRAPH
@TABLE
def leaderboard(dataset, metric, split, min_confidence, graph_path, fmt):
    """The results abstracts state on DATASET for one metric, best first: one row per model and
    paper with its best value, its year, the paper and the sentence that states it.

    Ranks by the metric's direction (higher accuracy, lower error, WER, FID or perplexity) as the
    metric vocabulary says; a fraction written for a percentage (an F1 of 0.88) counts as 88.
    Models are never ranked across metrics: a result in another metric is on that metric's board.
    Rows of "(the paper's own approach)" are a paper's unnamed method.

    \b
    Examples:
      papergraph leaderboard ImageNet
      papergraph leaderboard COCO --metric AP --split test-dev
      papergraph leaderboard "WMT 2014" --metric BLEU --format csv > bleu.csv
    """
    from graph import store
    from graph.leaderboard import leaderboard as board

    cols, rows, used, others = board(store.load(graph_path), dataset, metric, split, min_confidence)
    if not rows:
        click.echo(f"no results with a value on {dataset!r}" + (f" ({split})" if split else ""), err=True)
        return
    if fmt == "table":
        click.echo(f"{dataset}: {used}, {'higher' if _higher(used) else 'lower'} is better")
    click.echo(store.format_rows(cols, rows, fmt), nl=False)
    if others:
        listed = ", ".join(f"{m} ({n})" for m, n in list(others.items())[:8])
        click.echo(f"other metrics on {dataset} (--metric): {listed}", err=True)


def _higher(metric: str) -> bool:
    from graph import metrics

    m = metrics.resolve(metric)
    return True if m is None else m.higher_is_better


@main.command(context_settings=CONTEXT)
@click.argument("model")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Hide results whose claim is under this confidence.")
@GRAPH
@TABLE
def results(model, min_confidence, graph_path, fmt):
    """Every number abstracts state for MODEL: dataset, metric, value, split, year, paper and
    sentence, by dataset and metric, best first.

    \b
    Examples:
      papergraph results ResNet-50
      papergraph results "Swin Transformer" --format json
    """
    from graph import store
    from graph.leaderboard import results as model_results

    cols, rows = model_results(store.load(graph_path), model, min_confidence)
    click.echo(store.format_rows(cols, rows, fmt), nl=False)


@main.command(context_settings=CONTEXT)
@click.option("--on", "dataset", help="Only disputes on this dataset.")
@click.option("--any-dataset", is_flag=True, help="Also reversed wins with no dataset in common (the papers may "
                                                  "disagree, or speak of different tasks).")
@MIN_CONFIDENCE
@GRAPH
@TABLE
def disputes(dataset, any_dataset, min_confidence, graph_path, fmt):
    """Where papers disagree, with both sentences:

    \b
      wins    one paper says A beats B, another that B beats A, on the same dataset
              (the one the sentence names, else one the paper evaluates on)
      values  a paper says A beats B on a dataset, and the best values stated for A and B
              there (same metric and split, in any papers) put B ahead

    Wins on cost alone, and claims under --min-confidence, are left out. A dispute may be a
    real disagreement or two settings (model sizes, training data) the abstracts do not tell
    apart: read both sentences.

    \b
    Examples:
      papergraph disputes
      papergraph disputes --on ImageNet --format csv > disputes.csv
    """
    from graph import store
    from graph.leaderboard import disputes as find

    cols, rows = find(store.load(graph_path), dataset, min_confidence, any_dataset)
    click.echo(store.format_rows(cols, rows, fmt), nl=False)


@main.command(context_settings=CONTEXT)
@click.option("--graph", "-g", "graph_path", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("output/graph.ttl"), show_default=True, help="The RDF graph to describe.")
@click.option("--top", default=10, show_default=True, help="How many entities to list by degree.")
@click.option("--merges", is_flag=True,
              help="Instead, list every node that more than one surface form was merged into, with those forms.")
def stats(graph_path, top, merges):
    """Counts by entity type and relation, and the entities with the most claims.

    With --merges, audits cross-paper merging: each node, its type, how many papers name it, and
    the surface forms merged into it (the same thing written differently: "ViT", "Vision
    Transformer", "ViTs"). Distinct variants (ResNet-50 and ResNet-101) are never merged.

    \b
    Examples:
      papergraph stats --top 20
      papergraph stats --merges | grep -i imagenet
    """
    from graph import store
    from graph.stats import merges_report, stats_report

    loaded = store.load(graph_path)
    click.echo(merges_report(loaded) if merges else stats_report(loaded, top), nl=False)


@main.command(context_settings=CONTEXT)
@click.option("--data", type=click.Path(file_okay=False, exists=True, path_type=Path), default=Path("training"),
              show_default=True, help="The training folder (train.jsonl + train_input.jsonl, corpus-sample.jsonl).")
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path),
              help="The folder to write the model files into. Default: the installed package's (data/model).")
@click.option("--folds", default=5, show_default=True, type=click.IntRange(2, 20),
              help="Folds for calibration and thresholds.")
def train(data, out, folds):
    """Retrain the models extraction uses from annotated abstracts (ANNOTATION.md's gold format):
    typing.json (is a name the lexicon does not know a dataset or a model?) and claims.json.

    Every candidate claim the rules and cues propose in the training papers is labelled by the
    gold; a logistic regression per relation is fitted, calibrated on held-out folds, and each
    relation's thresholds chosen for the best held-out F1. Deterministic: the same data give the
    same files, byte for byte. Run it from the repository (it reads training/), then reinstall or
    use an editable install so that builds use the new weights; or point PAPERGRAPH_CLAIM_MODEL
    at a claims.json written elsewhere.

    \b
    Examples:
      papergraph train
      papergraph train --out /tmp/models
    """
    from graph.extract.decide import EVIDENCE
    from graph.learn import train as learn

    golds = learn.training_sets(data)
    click.echo(f"training on {len(golds)} papers from {data} ...", err=True)
    models, report = learn.train(learn.bare_extractor(), golds, folds)
    path = out or learn.default_folder()
    learn.write(models, path)
    t, a = report["typing"], report["accept"]
    click.echo(f"typing         {t['names']:5} unknown names, {t['datasets']:4} datasets; held-out accuracy "
               f"{t['held_out_accuracy']:.3f}")
    click.echo(f"accept         {a['names']:5} unknown names, {a['right']:4} right; threshold {a['threshold']:.2f}; held-out "
               f"P {a['p']:.3f} R {a['r']:.3f} F1 {a['held_out_f1']:.3f} (P {a['p_keeping_all']:.3f} keeping all)")
    for relation, r in report["relations"].items():
        click.echo(f"{relation:13} {r['examples']:5} candidates, {r['positives']:4} right; thresholds "
                   f"{r['threshold']['rule']:.2f} (rule) {r['threshold']['new']:.2f} (other); held-out "
                   f"P {r['p']:.3f} R {r['r']:.3f} F1 {r['f1']:.3f}")
    c = report.get("confidence", {})
    click.echo("confidence     fitted on held-out judged claims: " +
               ", ".join(f"{r} {v['claims']} ({v['fit']})" for r, v in c.items()))
    for relation, v in report.get("stated", {}).items():
        click.echo(f"{relation:13}  held-out claims right: {v['shown'][0]}/{v['shown'][1]} with {EVIDENCE[relation]}, "
                   f"{v['not'][0]}/{v['not'][1]} without; confidence moves toward its side's share")
    click.echo(f"wrote {path}")


@main.command(context_settings=CONTEXT)
@click.option("--gold", required=True, type=click.Path(dir_okay=False),
              help="Annotated papers, JSON Lines (the format: examples/README.md).")
@click.option("--input", "-i", "inputs", multiple=True, type=click.Path(allow_dash=True),
              help="The papers' texts (listing .txt or .jsonl; repeatable). Default: the bundled seed corpus.")
@click.option("--format", "fmt", type=FORMATS, help="Input format, when the file name does not tell.")
@click.option("--brief", is_flag=True, help="Only the table; no lists of misses and false hits.")
def evaluate(gold, inputs, fmt, brief):
    """Measure extraction against your own annotated sample.

    Extracts INPUT, builds the graph, and matches it with the gold papers by title. Prints
    precision, recall and F1 for entities (found; typed; per type) and for each relation type,
    then every miss (in the gold, not found) and false hit (found, not in the gold). Names match
    after normalisation (case, punctuation and a plural ignored); a paper's own proposed entity
    also matches a gold head "@paper"; optional gold items count neither way.

    \b
    Examples (examples/ holds three invented papers and their annotation):
      papergraph evaluate --gold examples/gold.jsonl --input examples/papers.jsonl
      papergraph evaluate --gold YOUR-GOLD.jsonl --input YOUR-PAPERS.jsonl --brief
    """
    from graph.build import build
    from graph.evaluate import evaluate as run_evaluation
    from graph.evaluate import format_report, read_gold
    from graph.pipeline import extract_papers

    gold_papers = read_gold(gold)
    corpus = build(extract_papers(list(inputs) or None, fmt, reporter=_Reporter(progress=False)))
    report = run_evaluation(corpus, gold_papers)
    click.echo(format_report(report, details=not brief))


@main.command(context_settings=CONTEXT)
@GRAPH
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0 for every interface).")
@click.option("--port", default=7878, show_default=True, help="Port to listen on (0 picks a free one).")
@click.option("--timeout", default=10.0, show_default=True, help="Seconds a query may run before it is stopped (503).")
@click.option("--workers", default=2, show_default=True, help="Query processes (queries answered at once).")
@click.option("--cors", metavar="ORIGIN", help="Let web pages from ORIGIN (e.g. https://yasgui.triply.cc) read "
              "the answers. By default no other origin can.")
@click.option("--verbose", "-v", is_flag=True, help="Log every request.")
def serve(graph_path, host, port, timeout, workers, cors, verbose):
    """Serve the graph: a read-only SPARQL 1.1 endpoint at /sparql and the explorer at /.

    The endpoint speaks the SPARQL 1.1 Protocol (GET ?query=..., POST a form or an
    application/sparql-query body) and answers in SPARQL JSON, XML, CSV or TSV (SELECT, ASK) or
    Turtle / N-Triples (CONSTRUCT) as the Accept header asks, so YASGUI, SPARQLWrapper or curl
    can use it. Updates and federated SERVICE queries are refused; a query running past
    --timeout (its wait for a free worker included) is stopped. Stop the server with Ctrl-C.

    \b
    Examples:
      papergraph serve                       # then open http://127.0.0.1:7878/
      papergraph serve --cors https://yasgui.triply.cc
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5' \\
           http://127.0.0.1:7878/sparql
    """
    import signal

    from graph.serve import App

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)  # stop as on Ctrl-C: workers and the temporary store go too
    app = App(graph_path, timeout=timeout, workers=workers, verbose=verbose, cors=cors)
    try:
        server = app.server(host, port)
        if app.workers.unguarded:
            click.echo(f"warning: query processes keep network access ({app.workers.unguarded}); "
                       "SERVICE is still refused by the query parser", err=True)
        h, p = server.server_address[:2]
        click.echo(f"{app.triples} triples from {graph_path}; explorer http://{h}:{p}/ ; SPARQL http://{h}:{p}/sparql "
                   "(Ctrl-C stops)", err=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
    finally:
        app.close()

