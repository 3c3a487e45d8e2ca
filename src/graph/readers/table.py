"""CSV and TSV with a header row. Columns are found by name, whatever their case: ``title``;
``abstract`` (or ``summary``); optional ``id`` (or ``paperId``, ``arxiv_id``, ``doi``), ``url``,
``year``. ``--column abstract=AB`` (and so on) names them another way."""
from __future__ import annotations

import csv
import sys
from collections.abc import Iterator

from graph.errors import InputError
from graph.model import Paper
from graph.readers.works import FIELDS, paper_from_dict

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # a long abstract is one field; the length check is the readers'


def read(source, options: dict) -> Iterator[Paper | InputError]:
    delimiter = "\t" if options.get("format") == "tsv" else ","
    rows = csv.reader(source.lines(), delimiter=delimiter)
    try:
        header = next(rows)
    except StopIteration:
        yield InputError(source.name, None, "empty file: no header row")
        return
    except csv.Error as err:
        yield InputError(source.name, 1, f"not {options.get('format', 'csv').upper()}: {err}")
        return
    lower = {h.strip().lower(): i for i, h in enumerate(header)}
    columns = {}
    for name, candidates in FIELDS.items():
        wanted = [options["columns"][name]] if name in options.get("columns", {}) else candidates
        columns[name] = next((lower[w.lower()] for w in wanted if w.lower() in lower), None)
    missing = [n for n in ("title", "abstract") if columns[n] is None]
    if missing:
        yield InputError(source.name, 1, f"no {' or '.join(missing)} column in the header {header[:8]}; "
                         "name it with --column, e.g. --column abstract=AB")
        return
    empty = True
    while True:
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error as err:
            yield InputError(source.name, rows.line_num, f"unreadable row ({err}); skipped the rest of the file")
            return
        if not any(cell.strip() for cell in row):
            continue
        empty = False
        n = rows.line_num
        if len(row) != len(header):
            yield InputError(source.name, n, f"{len(row)} fields where the header has {len(header)}")
            continue
        record = {name: row[i].strip() for name, i in columns.items() if i is not None}
        yield paper_from_dict(record, source.name, n, {})  # one place knows the fields' forms
    if empty:
        yield InputError(source.name, None, "no rows under the header")
