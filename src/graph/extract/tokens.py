"""A Doc's tokens and sentences as plain Python lists, made once per Doc and shared by the
components (``view(doc)``).

Walking a Doc creates a Token object per token, and spaCy's Span and ``doc.sents`` walk tokens
again; the components used to do that a dozen times per abstract, which cost more than all their
rules together. Here the token texts are sliced from the text by the offsets spaCy already holds
(one array copy), sentences are plain (start, end) ranges, and each cue set is matched once per
Doc rather than once per sentence."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import NamedTuple

from spacy.attrs import IDX, LENGTH
from spacy.pipeline.sentencizer import Sentencizer
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from graph.extract.cues import WATCHED, find_named, watch

TITLE_BREAK = "\n\n"  # a listing's title ends at the blank line after it
# one character each, none with another character lower-casing to it: found among the lower-cased
# words, in the index of watched words (View.positions)
SENTENCE_END = watch(frozenset(Sentencizer.default_punct_chars))
_KEY = "pg_view"


# Chunks (text between spaces) whose tokens the tokenizer remembers. spaCy's default is 10,000 and
# its cache then stops growing; a cached chunk costs ~50 bytes and tokenizes ~8x faster than one
# split by the affix rules, and abstracts have far more than 10,000 distinct chunks (bench/).
TOKENIZER_CACHE = 200_000


class TextKeepingTokenizer(Tokenizer):
    """spaCy's tokenizer, keeping the text it was given on the Doc (``doc.text`` rebuilds it from
    the tokens, which costs a third of tokenizing)."""

    def __call__(self, text):
        doc = super().__call__(text)
        doc.user_data["pg_text"] = text
        return doc

    def twin(self) -> "TextKeepingTokenizer":
        """A tokenizer that splits exactly like this one but has its own cache: for tokenizing
        lexicon patterns, which would otherwise fill the cache with forms rarely seen in text."""
        return make_tokenizer(self.vocab, 0, rules=self.rules, prefix_search=self.prefix_search,
                              suffix_search=self.suffix_search, infix_finditer=self.infix_finditer,
                              token_match=self.token_match, url_match=self.url_match,
                              faster_heuristics=self.faster_heuristics)


def make_tokenizer(vocab, cache: int = TOKENIZER_CACHE, **settings) -> TextKeepingTokenizer:
    """A TextKeepingTokenizer remembering up to `cache` chunks."""
    try:
        return TextKeepingTokenizer(vocab, max_cache_size=cache, **settings)
    except TypeError:  # spaCy before 3.8.2 has no bound to set: its cache keeps every chunk
        return TextKeepingTokenizer(vocab, **settings)


class Sent(NamedTuple):
    """Sentence number i: tokens [start, end), characters [start_char, end_char) of the Doc's text.
    (A named tuple: made ~10 times per abstract, and a frozen dataclass costs 4x as much to make.)"""

    i: int
    start: int
    end: int
    start_char: int
    end_char: int


class View:
    """Token texts, lower-cased texts, character offsets and sentences of one Doc."""

    __slots__ = ("_cues", "_cues_by_sent", "_distinct", "_hits", "_index", "_indexed", "_named", "_vocab", "idx", "lowers",
                 "results", "sents", "starts", "text", "texts", "title_end")

    def __init__(self, doc: Doc):
        text = doc.user_data.get("pg_text")
        if text is None:
            text = doc.text
        idx, length = doc.to_array([IDX, LENGTH]).T.tolist() if len(doc) else ([], [])
        self.text = text
        self.idx = idx
        self.texts = [text[i:i + n] for i, n in zip(idx, length)]
        self.lowers = [t.lower() for t in self.texts]
        self._vocab = doc.vocab
        self.sents: list[Sent] = []
        self.starts: list[int] = []
        self.title_end = 0
        self._cues: dict[int, list[tuple[int, int]]] = {}
        self._named: list[list[tuple[int, int]]] | None = None  # matches of the named cue sets (cues.find_named)
        self._cues_by_sent: dict[int, dict[int, list[tuple[int, int]]]] = {}
        self._index: dict[str, list[int]] | None = None
        self._indexed = 0  # how many watched words the index was made for
        self._distinct: set[str] | None = None
        self._hits: dict[int, list[int]] = {}
        self.results: dict[str, object] = {}  # what the components found, by name (see result_extension)

    def __len__(self) -> int:
        return len(self.texts)

    def end_char(self, i: int) -> int:
        """Where token i's text ends (its trailing space excluded)."""
        return self.idx[i] + len(self.texts[i])

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens [start, end), as written (the spaces between them kept)."""
        return self.text[self.idx[start]:self.end_char(end - 1)] if end > start else ""

    def is_punct(self, i: int) -> bool:
        """Token i's IS_PUNCT flag (asked of a few tokens only: reading it for all costs more)."""
        t = self.texts[i]
        return not t[:1].isalnum() and self._vocab[t].is_punct  # letters and digits are no punctuation

    def split_sentences(self) -> None:
        """Sentences as spaCy's Sentencizer ends them (after a run of sentence-final punctuation),
        except that a title is one sentence ending at the blank line after it."""
        texts = self.texts
        if not texts:
            return
        n = len(texts)
        starts = [0]
        nxt = 0  # where the token after the last run of punctuation is
        for end in sorted(i for c in SENTENCE_END.intersection(self.distinct()) for i in self.positions(c)):
            if end < nxt:
                continue  # in the run that an earlier sentence end began
            nxt = end + 1
            while nxt < n and (texts[nxt] in SENTENCE_END or self.is_punct(nxt)):
                nxt += 1
            if texts[end] == "." and end and texts[end - 1] == "al" or \
                    any(texts[i] in (",", ";") for i in range(end + 1, nxt)):
                continue  # "(Cao et al., 2007), we": an abbreviation's period, the sentence going on
            if nxt < n:
                starts.append(nxt)
        for i, t in enumerate(texts):
            if TITLE_BREAK in t and t.isspace():
                self.title_end = i
                starts = [0, *(s for s in starts if s > i + 1)]
                if i + 1 < len(texts):
                    starts.insert(1, i + 1)
                break
        ends = [*starts[1:], len(texts)]
        self.starts = starts
        self.sents = [Sent(n, s, e, self.idx[s], self.end_char(e - 1)) for n, (s, e) in enumerate(zip(starts, ends))]

    def sent_at(self, i: int) -> Sent:
        """The sentence that holds token i."""
        return self.sents[bisect_right(self.starts, i) - 1]

    def is_sent_start(self, i: int) -> bool:
        j = bisect_left(self.starts, i)
        return j < len(self.starts) and self.starts[j] == i

    def distinct(self) -> set[str]:
        """The Doc's distinct lower-cased words."""
        if self._distinct is None:
            self._distinct = set(self.lowers)
        return self._distinct

    def positions(self, word: str) -> list[int]:
        """Where the lower-cased `word` occurs. The words rules look for (cues.WATCHED) are
        indexed in one pass on first use; any other word is found by scanning."""
        if self._index is None or self._indexed != len(WATCHED):  # (words are watched before any Doc, as rules load)
            self._index, self._indexed = {}, len(WATCHED)
            watched = WATCHED
            for i, w in enumerate(self.lowers):
                if w in watched:
                    self._index.setdefault(w, []).append(i)
        found = self._index.get(word)
        if found is None:
            found = [] if word in WATCHED else _scan(self.lowers, word)
        return found

    def text_positions(self, text: str) -> list[int]:
        """Where a token's text (as written) is `text`."""
        return _scan(self.texts, text)

    def hits(self, words: frozenset[str], sent: Sent) -> list[int]:
        """Where any of `words` (lower-cased) occurs in `sent`, as positions within the sentence,
        in order: a rule that looks for a few words reads these instead of every word."""
        found = self._hits.get(id(words))
        if found is None:
            found = self._hits[id(words)] = sorted(i for w in words.intersection(self.distinct()) for i in self.positions(w))
        if not found:
            return []
        lo = bisect_left(found, sent.start)
        hi = bisect_left(found, sent.end, lo)
        return [i - sent.start for i in found[lo:hi]]

    def cues(self, cue_set) -> list[tuple[int, int]]:
        """Every match of `cue_set` in the Doc, made once. Cue words are never sentence-final
        punctuation or blank lines (CueSet refuses them), so a match never crosses a sentence end
        and the Doc's matches are exactly the sentences' matches."""
        number = cue_set.number
        if number is not None:  # a named set: all of them are matched at once
            if self._named is None or number >= len(self._named):  # (or this one was named after that)
                self._named = find_named(self.lowers, self.distinct(), self.positions)
            return self._named[number]
        found = self._cues.get(id(cue_set))
        if found is None:
            found = self._cues[id(cue_set)] = cue_set.find(self.lowers, self.distinct(), self.positions)
        return found

    def cues_in(self, cue_set, sent: Sent) -> list[tuple[int, int]]:
        """The matches of `cue_set` in `sent`, as positions within the sentence (do not modify)."""
        by_sent = self._cues_by_sent.get(id(cue_set))
        if by_sent is None:
            by_sent = self._cues_by_sent[id(cue_set)] = {}
            for s, e in self.cues(cue_set):
                at = self.sent_at(s)
                by_sent.setdefault(at.i, []).append((s - at.start, e - at.start))
        return by_sent.get(sent.i, [])


def _scan(items: list[str], item: str) -> list[int]:
    out = []
    i = -1
    try:
        while True:
            i = items.index(item, i + 1)
            out.append(i)
    except ValueError:
        return out


def result_extension(name: str, default=None) -> None:
    """Show a component's result, kept in ``view(doc).results[name]``, as ``doc._.<name>``. The
    components pass results through the view: every ``doc._`` access builds an object, and at
    ~20 accesses per abstract that cost more than some of the rules."""
    if not Doc.has_extension(name):
        Doc.set_extension(name, getter=lambda doc: view(doc).results.get(name, default))


def view(doc: Doc) -> View:
    """The Doc's view, made on first use."""
    v = doc.user_data.get(_KEY)
    if v is None:
        v = doc.user_data[_KEY] = View(doc)
    return v
