"""JSON Lines: one paper per line with ``title`` and ``abstract``; optional ``id``, ``url``, ``year``."""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TextIO

from graph.errors import InputError
from graph.model import Paper
from graph.text import clean


def read(stream: TextIO, source: str = "<jsonl>") -> Iterator[Paper]:
    for n, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(source, n, f"not valid JSON ({err.msg} at column {err.colno})") from None
        if not isinstance(record, dict):
            raise InputError(source, n, "expected a JSON object with 'title' and 'abstract'")
        missing = [k for k in ("title", "abstract") if not isinstance(record.get(k), str) or not record[k].strip()]
        if missing:
            raise InputError(source, n, f"missing or empty {' and '.join(repr(k) for k in missing)}")
        year = record.get("year")
        yield Paper(
            title=clean(record["title"]),
            abstract=clean(record["abstract"]),
            id=str(record["id"]) if record.get("id") not in (None, "") else None,
            url=record.get("url") or None,
            year=int(year) if isinstance(year, (int, str)) and str(year).isdigit() else None,
            source=f"{source}:{n}",
        )
