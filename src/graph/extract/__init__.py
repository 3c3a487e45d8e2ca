"""Extraction: one paper in, its entities, roles and claims out (a PaperGraph).

    >>> from graph.extract import Extractor
    >>> from graph.model import Paper
    >>> pg = Extractor().extract(Paper("VOLO: Vision Outlooker", "VOLO achieves 87.1% top-1 accuracy on ImageNet-1K."))
    >>> [(e.name, e.type, e.roles) for e in pg.entities]
    [('VOLO', 'architecture', ['proposed']), ('ImageNet', 'dataset', [])]
    >>> [(c.head, c.relation, c.tail) for c in pg.claims]
    [('VOLO', 'evaluated-on', 'ImageNet')]
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from graph.model import PAPER, Claim, Paper, PaperGraph


class Extractor:
    """Holds the spaCy pipeline; build it once and reuse it for every paper."""

    def __init__(self):
        from graph.extract.pipeline import make_nlp
        from graph.extract.tokens import view

        self.nlp = make_nlp()
        self._view = view

    def extract(self, paper: Paper) -> PaperGraph:
        return self._graph(paper, self.nlp(paper.text))

    def extract_all(self, papers: Iterable[Paper], batch_size: int = 64) -> Iterator[PaperGraph]:
        papers_iter = ((p.text, p) for p in papers)
        for doc, paper in self.nlp.pipe(papers_iter, as_tuples=True, batch_size=batch_size):
            yield self._graph(paper, doc)

    def _graph(self, paper: Paper, doc) -> PaperGraph:
        results = self._view(doc).results  # what doc._.pg_entities and doc._.pg_claims show
        ents = results["pg_entities"]
        full = paper.text  # the Doc's text (doc.text would rebuild it from the tokens)
        claims = []
        for head, relation, tail, sent, confidence, extra in results["pg_claims"]:
            if sent is None:
                continue
            raw = full[sent.start_char:sent.end_char]  # not sent.text: it walks every token
            text = raw.strip()
            start = sent.start_char + (len(raw) - len(raw.lstrip()))
            h = PAPER if head is None else ents[head].name
            claim = Claim(h, relation, ents[tail].name, text, start, start + len(text), confidence)
            if relation == "evaluated-on":
                claim.dataset = ents[tail].name
                found = extra.get("results") if extra else None
                if found:  # a claim per value stated: "84.6% top-1 and 97.0% top-5 accuracy on ImageNet"
                    claims += [_result(claim, n) for n in found]
                    continue
            elif extra:
                claim.basis = extra.get("basis")
                n = extra.get("margin")
                if n is not None:
                    claim.margin, claim.margin_number = n.text, n.number
                    if n.metric is not None:
                        claim.metric, claim.metric_text = n.metric.name, n.metric_text
                    if n.dataset is not None and ents[n.dataset].type == "dataset":
                        claim.dataset = ents[n.dataset].name
            claims.append(claim)
        return PaperGraph(paper=paper, entities=list(ents), claims=claims)


def _result(claim: Claim, n) -> Claim:
    """`claim` stating the value `n` (a results.Number)."""
    return replace(claim, metric=n.metric.name if n.metric else n.metric_text, metric_text=n.metric_text,
                   value=n.text, number=n.number, unit=n.unit, split=n.split)
