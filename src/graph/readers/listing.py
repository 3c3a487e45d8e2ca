"""Saved listing pages: page chrome at the top, then title / blank line / abstract, repeated.

The chrome ends at the listing's date line ("Mar 12", "Aug 29"). A paragraph that follows a
title is its abstract; a title is a single line without a final full stop.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TextIO

from graph.errors import InputError
from graph.model import Paper
from graph.text import clean

_DATE = re.compile(r"^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{1,2}(, \d{4})?$")


def _paragraphs(stream: TextIO) -> Iterator[tuple[int, str]]:
    """(first line number, text) of each blank-line separated paragraph."""
    lines: list[str] = []
    start = 0
    for n, line in enumerate(stream, 1):
        if line.strip():
            if not lines:
                start = n
            lines.append(line.strip())
        elif lines:
            yield start, " ".join(lines)
            lines = []
    if lines:
        yield start, " ".join(lines)


def read(stream: TextIO, source: str = "<listing>") -> Iterator[Paper]:
    paras = list(_paragraphs(stream))
    if not paras:
        raise InputError(source, None, "empty file: no titles or abstracts")
    body = next((i + 1 for i, (_, text) in enumerate(paras) if _DATE.match(text)), None)
    if body is None:
        body = 0  # no chrome: the page starts with its first title
    rest = paras[body:]
    if len(rest) % 2:
        line, text = rest[-1]
        raise InputError(source, line, f"a title without an abstract: {text[:60]!r}")
    for (tline, title), (_, abstract) in zip(rest[0::2], rest[1::2]):
        if len(title) > 300 or len(abstract) < 40:
            raise InputError(source, tline, f"expected a title line followed by its abstract, got {title[:60]!r}")
        yield Paper(title=clean(title), abstract=clean(abstract), source=f"{source}:{tline}")
