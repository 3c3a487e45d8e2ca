"""BibTeX with abstracts (as exported by Zotero, Mendeley, DBLP, arXiv or Google Scholar):
each ``@article{key, title = {...}, abstract = {...}, ...}`` entry with an abstract is a paper.
Values may be braced (nested braces kept as text), quoted, or bare; ``@string``, ``@comment`` and
``@preamble`` are skipped; TeX accents and protective braces are undone (``{\\"o}`` -> ö,
``{BERT}`` -> BERT). An entry without an abstract or that does not parse is reported and skipped."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from graph.errors import InputError
from graph.model import Paper
from graph.text import clean

_ACCENTS = {'"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303", "=": "\u0304",
            ".": "\u0307", "c": "\u0327", "v": "\u030c", "u": "\u0306", "H": "\u030b", "k": "\u0328"}
_ACCENT = re.compile(r"\\([\"'`^~=.]|[cvuHk](?=[\s{]))\s*\{?\\?([A-Za-z])\}?")
_COMMAND = re.compile(r"\\(?:emph|textbf|textit|texttt|textsc|mathrm|mathbf|mathcal|text|url)\s*\{([^{}]*)\}")
_SPECIAL = {r"\ss": "ß", r"\o": "ø", r"\O": "Ø", r"\ae": "æ", r"\AE": "Æ", r"\aa": "å", r"\AA": "Å",
            r"\l": "ł", r"\L": "Ł", "--": "–", "``": "“", "''": "”"}


def detex(value: str) -> str:
    """TeX markup of a BibTeX value -> plain text."""
    value = _ACCENT.sub(lambda m: unicodedata.normalize("NFC", m.group(2) + _ACCENTS[m.group(1)]), value)
    for _ in range(3):
        value = _COMMAND.sub(r"\1", value)
    for tex, char in _SPECIAL.items():
        value = re.sub(re.escape(tex) + r"(?![A-Za-z])", char, value)
    return " ".join(value.replace("{", "").replace("}", "").split())


class _Scanner:
    def __init__(self, text: str):
        self.text, self.i = text, 0
        self._at, self._line = 0, 1

    def line(self, at: int) -> int:
        """Line number of position `at` (positions asked for only ever grow)."""
        self._line += self.text.count("\n", self._at, at)
        self._at = at
        return self._line

    def skip_space(self):
        while self.i < len(self.text) and self.text[self.i].isspace():
            self.i += 1

    def word(self) -> str:
        m = re.compile(r"[^\s,={}()\"#]+").match(self.text, self.i)
        if not m:
            raise ValueError(f"expected a name at {self.text[self.i:self.i + 20]!r}")
        self.i = m.end()
        return m.group()

    def expect(self, chars: str) -> str:
        self.skip_space()
        if self.i >= len(self.text) or self.text[self.i] not in chars:
            raise ValueError(f"expected {' or '.join(repr(c) for c in chars)}")
        self.i += 1
        return self.text[self.i - 1]

    def braced(self, close: str) -> str:
        """From after an opening brace (or quote) to its match; nested braces kept."""
        depth, start = 0, self.i
        while self.i < len(self.text):
            c = self.text[self.i]
            if c == "\\":
                self.i += 2
                continue
            if c == "{":
                depth += 1
            elif c == "}" and depth:
                depth -= 1
            elif c == close and depth == 0:
                self.i += 1
                return self.text[start:self.i - 1]
            self.i += 1
        raise ValueError("an unclosed brace or quote")

    def value(self, strings: dict) -> str:
        parts = []
        while True:
            self.skip_space()
            c = self.text[self.i] if self.i < len(self.text) else ""
            if c == "{":
                self.i += 1
                parts.append(self.braced("}"))
            elif c == '"':
                self.i += 1
                parts.append(self.braced('"'))
            else:
                w = self.word()
                parts.append(strings.get(w.lower(), w))
            self.skip_space()
            if self.i < len(self.text) and self.text[self.i] == "#":
                self.i += 1
                continue
            return "".join(parts)


def read(source, options: dict) -> Iterator[Paper | InputError]:
    s = _Scanner(source.text())
    strings: dict[str, str] = {}
    entries = 0
    while True:
        at = s.text.find("@", s.i)
        if at < 0:
            break
        s.i = at + 1
        line = s.line(at)
        kind = "?"
        try:
            kind = s.word().lower()
            opener = s.expect("{(")
            close = "}" if opener == "{" else ")"
            if kind in ("comment", "preamble"):
                s.braced(close)
                continue
            fields: dict[str, str] = {}
            s.skip_space()
            if kind != "string":
                s.word()  # the citation key
                if s.expect("," + close) == close:
                    continue
            while True:
                s.skip_space()
                if s.i < len(s.text) and s.text[s.i] == close:
                    s.i += 1
                    break
                name = s.word().lower()
                s.expect("=")
                fields[name] = s.value(strings)
                if s.expect("," + close) == close:
                    break
        except (ValueError, IndexError) as err:
            yield InputError(source.name, line, f"a @{kind} entry that does not parse ({err}); skipped")
            nxt = s.text.find("\n@", at)  # go on from the next entry that starts a line
            s.i = nxt + 1 if nxt >= 0 else len(s.text)
            continue
        if kind == "string":
            strings.update(fields)
            continue
        entries += 1
        title, abstract = detex(fields.get("title", "")), detex(fields.get("abstract", ""))
        if not abstract:
            yield InputError(source.name, line, f"@{kind} entry {title[:50]!r} has no abstract; skipped")
            continue
        doi = fields.get("doi", "").strip() or None
        eprint = fields.get("eprint", "").strip() or None
        ident = doi or (f"arXiv:{re.sub(r'v[0-9]+$', '', eprint)}" if eprint else None)
        url = fields.get("url", "").strip() or (f"https://doi.org/{doi}" if doi else None)
        year = fields.get("year", "").strip()[:4]
        yield Paper(title=clean(title), abstract=clean(abstract), id=ident, url=url,
                    year=int(year) if year.isdigit() else None, source=f"{source.name}:{line}")
    if entries == 0:
        yield InputError(source.name, None, "no BibTeX entries")
