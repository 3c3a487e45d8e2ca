"""The papergraph command line. Each command validates its arguments and calls a library function."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from graph import __version__
from graph.errors import PapergraphError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
FORMATS = click.Choice(["listing", "jsonl"])


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


@main.command(context_settings=CONTEXT)
@click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path), default=Path("output"),
              show_default=True, help="Folder for graph.ttl, graph.html, claims.jsonl and graph.graphml.")
@click.option("--format", "fmt", type=FORMATS, help="Input format, when the file name does not tell (.txt = listing, .jsonl).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
def build(inputs, out, fmt, quiet):
    """Read papers, extract, and write the graph into OUT.

    INPUTS are listing pages (.txt: title, blank line, abstract, repeated) or JSON Lines (.jsonl:
    one {"title": ..., "abstract": ..., "id": ..., "url": ..., "year": ...} per line); '-' reads
    JSON Lines from stdin. With no INPUTS, builds the seed corpus the package ships. The same
    paper seen twice is read once. Outputs are replaced only when the whole build succeeds.

    \b
    Examples:
      papergraph build
      papergraph build papers.jsonl --out mygraph/
      cat papers.jsonl | papergraph build - -o mygraph/
    """
    from graph.pipeline import run_build

    show = not quiet and sys.stderr.isatty()

    def bar(total):
        return click.progressbar(length=total, label="extracting", file=sys.stderr)

    _, summary = run_build(list(inputs), out, fmt, progress_factory=bar if show else None)
    if not quiet:
        click.echo(f"{summary.line()} -> {out}/", err=True)


@main.command(context_settings=CONTEXT)
@click.argument("inputs", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--format", "fmt", type=FORMATS, help="Input format, when the file name does not tell.")
def extract(inputs, fmt):
    """Print claims.jsonl lines for INPUTS to stdout, one paper per line ('-' is stdin).

    \b
    Example:
      papergraph extract papers.jsonl | jq '.relations[] | select(.type == "outperforms")'
    """
    from graph.export.claims import generate_claims
    from graph.extract import Extractor
    from graph.readers import read_paths

    papers = list(read_paths(inputs, fmt))
    for line in generate_claims(Extractor().extract_all(papers)):
        click.echo(line, nl=False)


class QueryCommand(click.Command):
    """Lists the query library in --help from the query files' own opening comments."""

    def format_epilog(self, ctx, formatter):
        from graph import store

        rows = [(p.stem, store.describe(p.read_text(encoding="utf-8")).split("?")[0] + "?")
                for p in sorted(store.queries_dir().glob("*.rq"))]
        with formatter.section("Query library (queries/)"):
            formatter.write_dl(rows)


@main.command(cls=QueryCommand, context_settings=CONTEXT)
@click.argument("query")
@click.option("--graph", "-g", "graph_path", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("output/graph.ttl"), show_default=True, help="The RDF graph to query.")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Fill the query's $NAME placeholder with a string (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def query(query, graph_path, params, fmt):
    """Run a SPARQL query: a .rq file, or the name of one in the query library (listed below).

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


@main.command(context_settings=CONTEXT)
@click.option("--graph", "-g", "graph_path", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("output/graph.ttl"), show_default=True, help="The RDF graph to describe.")
@click.option("--top", default=10, show_default=True, help="How many entities to list by degree.")
def stats(graph_path, top):
    """Counts by entity type and relation, and the entities with the most claims.

    \b
    Example:
      papergraph stats --top 20
    """
    from graph import store
    from graph.stats import stats_report

    click.echo(stats_report(store.load(graph_path), top), nl=False)
