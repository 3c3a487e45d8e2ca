"""arXiv API responses (Atom XML): each ``<entry>`` gives title, summary (the abstract), id (the
abs page; its version suffix is dropped so v1 and v2 are one paper) and published date.
The file is parsed as it streams, so a large harvest never sits in memory."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from graph.errors import InputError
from graph.model import Paper
from graph.text import clean

ATOM = "{http://www.w3.org/2005/Atom}"
_ARXIV_ID = re.compile(r"arxiv\.org/abs/(.+?)(v\d+)?$")


def read(source, options: dict) -> Iterator[Paper | InputError]:
    entries = 0
    try:
        for _, elem in ET.iterparse(source.raw, events=("end",)):
            if elem.tag != f"{ATOM}entry":
                continue
            entries += 1
            title = " ".join(elem.findtext(f"{ATOM}title", "").split())
            abstract = " ".join(elem.findtext(f"{ATOM}summary", "").split())
            link = elem.findtext(f"{ATOM}id", "").strip() or None
            m = _ARXIV_ID.search(link or "")
            published = elem.findtext(f"{ATOM}published", "") or elem.findtext(f"{ATOM}updated", "")
            where = f"{source.name}#entry{entries}"
            elem.clear()
            if not title or not abstract:
                yield InputError(where, None, "an entry without a title or summary")
                continue
            yield Paper(title=clean(title), abstract=clean(abstract), id=f"arXiv:{m.group(1)}" if m else link,
                        url=re.sub(r"v\d+$", "", link) if m else link,
                        year=int(published[:4]) if published[:4].isdigit() else None, source=where)
    except ET.ParseError as err:
        line = err.position[0] if err.position else None
        yield InputError(source.name, line, f"not well-formed XML ({err}); {entries} entries read before it")
        return
    if entries == 0:
        yield InputError(source.name, None, "no Atom <entry> elements (is this an arXiv API response?)")
