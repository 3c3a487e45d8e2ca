"""JSON records of papers, as papergraph writes them and as scholarly APIs return them.

One function, ``paper_from_dict``, understands the field names of:
- papergraph's own JSON Lines: ``title``, ``abstract``, ``id``, ``url``, ``year``;
- Semantic Scholar (Graph API, datasets): ``paperId``, ``title``, ``abstract``, ``year``, ``url``,
  ``externalIds``;
- OpenAlex works: ``id``, ``display_name``/``title``, ``abstract_inverted_index`` (word -> positions;
  the abstract is rebuilt from it), ``publication_year``, ``doi``.
``--column FIELD=NAME`` names a field another way. A .json file holds one record, a list of
records, or an API response that wraps its list in ``results`` (OpenAlex) or ``data`` (Semantic Scholar)."""
from __future__ import annotations

import json
from collections.abc import Iterator

from graph.errors import InputError
from graph.model import Paper
from graph.text import clean

FIELDS = {
    "title": ("title", "display_name"),
    "abstract": ("abstract", "summary"),
    "id": ("id", "paperId", "paper_id", "arxiv_id", "doi"),
    "url": ("url", "doi", "link"),
    "year": ("year", "publication_year"),
}


def _field(record: dict, name: str, options: dict):
    for k in ([options["columns"][name]] if name in options.get("columns", {}) else FIELDS[name]):
        value = record.get(k)
        if value not in (None, ""):
            return value
    return None


def inverted_abstract(index: dict) -> str:
    """OpenAlex's abstract_inverted_index ({"word": [positions]}) back into text."""
    words: dict[int, str] = {}
    for word, positions in index.items():
        for p in positions if isinstance(positions, list) else []:
            if isinstance(p, int) and 0 <= p < 100_000:
                words[p] = str(word)
    return " ".join(words[p] for p in sorted(words))


def paper_from_dict(record, source: str, line: int | None, options: dict) -> Paper | InputError:
    if not isinstance(record, dict):
        return InputError(source, line, "expected a JSON object with a title and an abstract")
    title = _field(record, "title", options)
    abstract = _field(record, "abstract", options)
    if abstract is None and isinstance(record.get("abstract_inverted_index"), dict):
        abstract = inverted_abstract(record["abstract_inverted_index"])
    missing = [k for k, v in (("title", title), ("abstract", abstract)) if not isinstance(v, str) or not v.strip()]
    if missing:
        return InputError(source, line, f"missing or empty {' and '.join(repr(k) for k in missing)}")
    ident = _field(record, "id", options)
    url = _field(record, "url", options)
    if isinstance(url, str) and url.startswith("10."):
        url = f"https://doi.org/{url}"
    if url is None and isinstance(ident, str) and ident.startswith("http"):
        url = ident
    year = _field(record, "year", options)
    year = int(str(year)[:4]) if year is not None and str(year)[:4].isdigit() else None
    where = f"{source}:{line}" if line else source
    return Paper(title=clean(title), abstract=clean(abstract), id=str(ident) if ident is not None else None,
                 url=url if isinstance(url, str) else None, year=year, source=where)


def read(source, options: dict) -> Iterator[Paper | InputError]:
    text = source.text()
    if not text.strip():
        yield InputError(source.name, None, "empty file: no papers")
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        yield InputError(source.name, err.lineno, f"not valid JSON ({err.msg} at column {err.colno})")
        return
    if isinstance(data, dict):
        data = next((data[k] for k in ("results", "data") if isinstance(data.get(k), list)), [data])
    if not isinstance(data, list):
        yield InputError(source.name, None, "expected a JSON object or a list of them")
        return
    for n, record in enumerate(data, 1):
        paper = paper_from_dict(record, source.name, None, options)
        if isinstance(paper, Paper):
            paper.source = f"{source.name}#{n}"
        yield paper
