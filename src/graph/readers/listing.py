"""Saved listing pages: page chrome at the top, then title / blank line / abstract, repeated.

The chrome ends at the listing's date line ("Mar 12", "Aug 29"). A paragraph that follows a
title is its abstract; a title is a single line without a final full stop."""
from __future__ import annotations

import re
from collections.abc import Iterator

from graph.errors import InputError
from graph.model import Paper
from graph.readers.text import blocks
from graph.text import clean

_DATE = re.compile(r"^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{1,2}(, \d{4})?$")


def read(source, options: dict) -> Iterator[Paper | InputError]:
    paras = [(n, " ".join(lines)) for n, lines in blocks(source.lines())]
    if not paras:
        yield InputError(source.name, None, "empty file: no titles or abstracts")
        return
    body = next((i + 1 for i, (_, text) in enumerate(paras) if _DATE.match(text)), None)
    rest = paras[body or 0:]  # no chrome: the page starts with its first title
    i = 0
    while i < len(rest):
        tline, title = rest[i]
        if i + 1 == len(rest):
            yield InputError(source.name, tline, f"a title without an abstract: {title[:60]!r}")
            return
        abstract = rest[i + 1][1]
        if len(title) > 300 or title.endswith(".") or len(abstract) < 40:
            # not a title followed by its abstract: skip one paragraph and find the pairs again
            yield InputError(source.name, tline, f"expected a title line followed by its abstract, got {title[:60]!r}")
            i += 1
            continue
        yield Paper(title=clean(title), abstract=clean(abstract), source=f"{source.name}:{tline}")
        i += 2
