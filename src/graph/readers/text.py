"""Plain text: one paper per blank-line separated block, its first line the title, the rest the
abstract (wrapped over as many lines as it likes)."""
from __future__ import annotations

from collections.abc import Iterator

from graph.errors import InputError
from graph.model import Paper
from graph.text import clean


def blocks(lines) -> Iterator[tuple[int, list[str]]]:
    """(first line number, lines) of each blank-line separated block."""
    block: list[str] = []
    start = 0
    for n, line in enumerate(lines, 1):
        if line.strip():
            if not block:
                start = n
            block.append(line.strip())
        elif block:
            yield start, block
            block = []
    if block:
        yield start, block


def looks_like_listing(head: str) -> bool:
    """A listing page puts title and abstract in blocks of their own; plain text puts them in one.
    So a text whose blocks are mostly single lines is a listing."""
    found = [len(b) for _, b in blocks(head.splitlines())][:-1]  # the last block may be cut short
    return not found or sum(n == 1 for n in found) * 2 >= len(found)


def read(source, options: dict) -> Iterator[Paper | InputError]:
    empty = True
    for n, block in blocks(source.lines()):
        empty = False
        if len(block) < 2:
            yield InputError(source.name, n, f"a title without an abstract: {block[0][:60]!r}")
            continue
        yield Paper(title=clean(block[0]), abstract=clean(" ".join(block[1:])), source=f"{source.name}:{n}")
    if empty:
        yield InputError(source.name, None, "empty file: no papers")
