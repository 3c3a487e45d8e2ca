"""`papergraph stats`: what a graph holds, as SPARQL over the store."""
from __future__ import annotations

from graph.store import PREFIXES as _P
from graph.store import format_rows, run

TYPES = _P + """SELECT ?type (COUNT(?e) AS ?count) WHERE {
  VALUES (?class ?type) { (pg:Method "method") (pg:Architecture "architecture") (pg:Dataset "dataset") (pg:Paper "paper") }
  ?e a ?class } GROUP BY ?type ORDER BY ?type"""
RELATIONS = _P + """SELECT ?relation (COUNT(?c) AS ?claims) WHERE {
  VALUES (?p ?relation) { (pg:evaluatedOn "evaluated-on") (pg:outperforms "outperforms") (pg:extends "extends") }
  ?c a pg:Claim ; rdf:predicate ?p } GROUP BY ?relation ORDER BY ?relation"""
DEGREE = _P + """SELECT ?entity (COUNT(?c) AS ?claims) WHERE {
  ?c a pg:Claim . { ?c rdf:subject ?e } UNION { ?c rdf:object ?e }
  ?e rdfs:label ?entity } GROUP BY ?entity ORDER BY DESC(?claims) ?entity LIMIT %d"""


def stats_report(store, top: int = 10) -> str:
    parts = []
    for title, q in (("Nodes by type", TYPES), ("Claims by relation", RELATIONS), (f"Top {top} entities by claims", DEGREE % top)):
        cols, rows = run(store, q)
        parts.append(f"{title}\n" + format_rows(cols, rows))
    return "\n".join(parts)


MERGES = _P + """SELECT ?entity ?type (COUNT(DISTINCT ?paper) AS ?papers) ?forms WHERE {
  { SELECT ?e (GROUP_CONCAT(?alt; separator=" | ") AS ?forms)
    WHERE { { SELECT DISTINCT ?e ?alt WHERE { ?e skos:altLabel ?alt } ORDER BY ?alt } } GROUP BY ?e }
  ?e rdfs:label ?entity ; a ?class .
  VALUES (?class ?type) { (pg:Method "method") (pg:Architecture "architecture") (pg:Dataset "dataset") }
  OPTIONAL { ?paper pg:mentions ?e }
} GROUP BY ?entity ?type ?forms ORDER BY DESC(?papers) ?entity"""


def merges_report(store) -> str:
    """Every node with more than one surface form: its name, type, papers and the merged forms."""
    cols, rows = run(store, MERGES)
    return "Nodes merged from several surface forms\n" + format_rows(cols, rows, width=10_000)
