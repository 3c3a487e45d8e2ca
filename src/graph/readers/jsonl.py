"""JSON Lines: one paper per line with ``title`` and ``abstract``; optional ``id``, ``url``, ``year``.
Semantic Scholar and OpenAlex records (one per line, as their bulk datasets come) are read too:
see ``graph.readers.works`` for the field names understood."""
from __future__ import annotations

import json
from collections.abc import Iterator

from graph.errors import InputError
from graph.model import Paper
from graph.readers.works import paper_from_dict


def read(source, options: dict) -> Iterator[Paper | InputError]:
    empty = True
    for n, line in enumerate(source.lines(), 1):
        if not line.strip():
            continue
        empty = False
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield InputError(source.name, n, f"not valid JSON ({err.msg} at column {err.colno})")
            continue
        yield paper_from_dict(record, source.name, n, options)
    if empty:
        yield InputError(source.name, None, "empty file: no papers")
