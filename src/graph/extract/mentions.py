"""The `pg_mentions` component: every name of a method, architecture or dataset in a Doc.

Four sources, in order of trust: the lexicon (general ML knowledge, data/lexicon), abbreviation
definitions ("Vision Outlooker (VOLO)"), naming cues ("a method dubbed X", a title's leading
"Name:"), and the shape of unknown names (CamelCase, acronyms, letter-digit mixes). Overlaps go
to the longer mention. Results: ``doc._.pg_mentions`` (list of Mention, in text order) and
``doc._.pg_links`` (pairs of mention indices that name the same thing)."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from graph import metrics
from graph.extract import abbrev, shapes, tokens
from graph.extract.cues import cues, watch, words
from graph.extract.resources import common_words, lexicon, patterns
from graph.text import key, singular

SOURCES = ("lexicon", "abbreviation", "naming", "context", "head", "title", "shape")  # order of trust; "context": a dataset
# noun marks it ("the Kodak dataset"), which names a dataset the paper uses, not one it introduces; "head": a
# technique's noun follows capitalised words ("the Bellman-Ford algorithm"); "title": the title's leading noun
# phrase, used again in the abstract ("Flow-Guided Feature Aggregation for Video Object Detection")
_RANK = {s: i for i, s in enumerate(SOURCES)}
_OPEN = "("  # where abbreviations are defined: "Vision Transformer (ViT)"
_TITLE_STOPS = frozenset({"for", "via", "with", "in", "using", "of", "on", "from", "by", "to", "through", "under", "and",
                          "as", ",", ":", "?", "(", "towards", "without", "beyond", "at", "is", "are", "\u2013", "\u2014"})
_GENERIC_LONG = re.compile(r"state[- ]of[- ]the[- ]art|\bbaselines?\b", re.I)  # long forms that name no model
_NOT_NAME_OPENERS = frozenset({"new", "novel", "how", "what", "why", "when", "which", "where", "who", "do", "does", "can",
                               "is", "are", "should", "toward", "towards", "on", "beyond", "rethinking", "revisiting"})
_URL = re.compile(r"://|^www\.|\.(?:com|org|io|net|edu|ai)(?:/|$)")  # a link's words are no names: "github.com/Coderx7/..."
_PART_WORDS = frozenset({"unit", "units", "memory", "operations", "parameters", "hardware"})  # "(LSTM) units": no task
_TASK_NOUNS = frozenset({"problem", "problems", "task", "tasks", "setting", "settings"})  # "(SCO) problem"
watch({_OPEN})


@dataclass
class Mention:
    start: int  # token index
    end: int  # token index, exclusive
    text: str  # surface form
    canonical: str  # lexicon name, or the singular surface form
    type: str | None  # lexicon type; None when only context can tell
    source: str
    named: bool = False  # introduced by a naming cue ("our models, named X"), whatever its source
    tentative: bool = False  # defined by a two-letter acronym ("expected improvement (EI)"), or by a long form that ends
    # in a task's noun ("Sentiment Analysis (SA)"): a name only if judged one
    start_char: int = 0
    end_char: int = 0

    @property
    def known(self) -> bool:
        return self.source == "lexicon"


@dataclass(frozen=True)
class _Form:
    """A lexicon surface form and how its case must be matched, worked out once at load."""

    alias: str
    canonical: str
    type: str
    acronym: bool  # all capitals ("SVHN", "BN"): matches only as written
    capitals: bool  # has a capital: an all-lower-case match is another word
    word: bool  # a capitalised word ("Cars"): not at a sentence's start

    @classmethod
    def of(cls, alias: str, canonical: str, etype: str) -> "_Form":
        letters = [c for c in alias if c.isalpha()]
        return cls(alias, canonical, etype,
                   acronym=len(letters) >= 2 and all(c.isupper() for c in letters),
                   capitals=any(c.isupper() for c in alias),
                   word=alias[:1].isupper() and alias[1:].islower())


for _name in ("pg_mentions", "pg_links"):
    tokens.result_extension(_name)


@Language.factory("pg_mentions")
def make_mentions(nlp: Language, name: str):
    return MentionFinder(nlp)


# the nouns that make the capitalised words before them a dataset's name ("the Kodak dataset"):
# watched, so a Doc's index of watched words finds them instead of a scan of the Doc per noun
_NAMING_NOUNS = watch(frozenset({"dataset", "datasets", "benchmark", "corpus", "database"}))
_CAPITALISED = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)*$")  # "Kodak", "Levy-Holt"
# a word a dataset noun names, written any way a name is: "the MVtec dataset", "the KolektorSDD2 benchmark"
_NAME_WORD = re.compile(r"[A-Z][A-Za-z]*[a-z][A-Za-z0-9]*(?:-[A-Z0-9][A-Za-z0-9]*)*$")
_LIST_NOUNS = watch(frozenset({"datasets", "benchmarks", "corpora", "databases", "environments", "games"}))
_LIST_OPENERS = frozenset({"(", ":", "i.e.", "i.e", "e.g.", "e.g", "namely", "including", "viz."})


class MentionFinder:
    SEEN_LIMIT = 1 << 17  # token texts whose shape is remembered
    KEYED_LIMIT = 1 << 15  # token texts whose key is remembered (~400 bytes each, with the index)

    def __init__(self, nlp: Language):
        self.lex = lexicon()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.forms: dict[int, _Form] = {}  # match id -> the lexicon form it matches
        tokenize = nlp.tokenizer.twin() if hasattr(nlp.tokenizer, "twin") else nlp.make_doc
        for canonical, forms in self.lex.forms.items():
            etype = self.lex.types[canonical]
            for form in forms:
                variants = [form]
                if form[-1:].isalpha() and not form.endswith("s"):
                    variants.append(form + "s")
                base = _Form.of(form, canonical, etype)
                for variant in variants:
                    match_id = nlp.vocab.strings.add(f"pg:{variant}")
                    if match_id not in self.forms:
                        # an acronym's plural is matched as written too: "VIs", not "VIS" (of "YouTube VIS")
                        self.forms[match_id] = _Form.of(variant, canonical, etype) if not base.acronym else \
                            replace(base, alias=variant)
                        self.matcher.add(f"pg:{variant}", [tokenize(variant)])
        self._seen: dict[str, None] = {}  # token texts whose shape has been judged
        self._names: dict[str, str] = {}  # those that may be names -> the name
        self._by_key = TextsByKey(self.KEYED_LIMIT)  # token texts by their key: where abbreviations are used
        self.not_heads = words("not_entity_heads")
        self.naming = cues("naming")
        self.variant_modifiers = words("variant_modifiers")
        self.technique_heads = watch(words("technique_heads"))
        self.descriptive = words("descriptive_capitals")
        codes = dict(pair.split("=") for pair in patterns()["language_codes"])
        self.languages = {w.lower(): w for w in patterns()["languages"]} | codes  # -> the language's name
        self.common = common_words()
        # lexicon names one of whose forms is also a metric's (MAE): read as the metric where a number is beside
        self.metric_named = frozenset(c for c, forms in self.lex.forms.items() if any(metrics.resolve(f) for f in forms))
        self.generic_heads = words("dataset_nouns") | {"model", "models", "framework", "method", "network", "architecture"}
        self.dataset_context = words("dataset_nouns") | {"validation", "val", "test", "training", "train", "set"}

    def __call__(self, doc: Doc) -> Doc:
        view = tokens.view(doc)
        found: list[Mention] = []
        found += self._lexicon(doc, view)
        self._redefined: set[str] = set()
        self._not_names: set[str] = set()
        defined, links = self._abbreviations(view)
        if self._redefined:  # the paper's own definition of an acronym wins over the lexicon's
            found = [m for m in found if key(m.text) not in self._redefined]
        found += defined
        found += self._named(view)
        found += self._title_phrase(view, found)
        found += self._shaped(view)
        if self._not_names:  # an acronym the paper defines as a task or a metric is no name anywhere in it
            found = [m for m in found if key(m.text) not in self._not_names]
        scored = {key(m.text) for m in found if m.source == "lexicon" and m.canonical in self.metric_named and
                  _scored(view, m)}
        if scored:  # "an MAE of 3.2": the metric, here and throughout the paper, not the Masked Autoencoder
            found = [m for m in found if key(m.text) not in scored]
        kept = _resolve(found)
        self._versions(view, kept)
        self._language_pairs(view, kept)
        for m in kept:
            m.start_char = view.idx[m.start]
            m.end_char = view.end_char(m.end - 1)
        index = {id(m): i for i, m in enumerate(kept)}
        view.results["pg_mentions"] = kept
        view.results["pg_links"] = [(index[id(a)], index[id(b)]) for a, b in links if id(a) in index and id(b) in index]
        return doc

    # -- sources -----------------------------------------------------------------------------
    def _lexicon(self, doc: Doc, view: tokens.View) -> list[Mention]:
        out = []
        for match_id, start, end in self.matcher(doc):
            form = self.forms[match_id]
            text = view.span_text(start, end)
            if form.acronym and text not in (form.alias, form.alias + "s"):
                continue  # an acronym keeps its capitals: "REINFORCE" is not "Reinforce"
            if form.capitals and text.islower():
                # "inception" the word is not Inception the network; "the cityscapes validation set" is Cityscapes
                nxt = view.lowers[end] if end < len(view) else ""
                if not (form.type == "dataset" and nxt in self.dataset_context):
                    continue
            if form.word and end - start == 1 and view.is_sent_start(start):
                continue  # a capitalised common word at the start of a sentence ("Cars", "Places")
            if not form.capitals and text[:1].isupper() and start > 0 and not view.is_sent_start(start) and \
                    view.texts[start - 1][:1].isupper() and view.texts[start - 1].isalpha() and \
                    view.lowers[start - 1] not in self.common:
                continue  # a lower-case term written inside a longer capitalised name: "Excitation Back-Propagation"
            out.append(Mention(start, end, text, form.canonical, form.type, "lexicon"))
            if form.type == "method" and text.islower() and start > 0 and \
                    view.lowers[start - 1] in self.variant_modifiers and view.texts[start - 1].islower():
                # "averaged stochastic gradient descent", "structured variational inference": a variant, a name of its own
                variant = view.span_text(start - 1, end)
                term = self.lex.lookup(variant)
                out.append(Mention(start - 1, end, variant, term.canonical if term else variant, form.type, "lexicon"))
        return out

    def _abbreviations(self, view: tokens.View):
        """Definitions "Long Form (SF)", and every later use of a defined SF."""
        out, links, defined = [], [], {}
        texts, lowers = view.texts, view.lowers
        for i in view.positions(_OPEN):
            if i + 2 >= len(texts) or texts[i + 2] != ")":
                continue
            sf = texts[i + 1]
            if not any(c.isupper() for c in sf):
                continue
            size = abbrev.find_long_form(sf, texts[max(0, i - 12):i])
            if size is not None and metrics.resolve(view.span_text(i - size, i)) is not None \
                    and self.lex.lookup(view.span_text(i - size, i)) is None:
                self._not_names.add(key(sf))  # "mean absolute error (MAE)": a metric, here and after
                continue
            if size is None or key(sf) in self.lex.stop:
                continue
            if _GENERIC_LONG.search(view.span_text(i - size, i)):
                self._not_names.add(key(sf))  # "existing state-of-the-art (SofA) methods": no one model
                continue
            if i + 3 < len(lowers) and (lowers[i + 3] in _TASK_NOUNS or lowers[i + 3] in self.not_heads
                                        and lowers[i + 3] not in _PART_WORDS) and self.lex.lookup(sf) is None:
                # "the stochastic convex optimization (SCO) problem", "Temporal Action Proposal (TAP) generation": a task
                self._not_names.add(key(sf))
                continue
            head = lowers[i - 1]
            long_text = view.span_text(i - size, i)
            task_like = head in self.not_heads or head.rstrip("s") in self.not_heads
            if task_like:
                if long_text.islower() and not re.search(r"\bfor\b|-based\s+\S+$", long_text):
                    # "visual place recognition (VPR)": VPR names a task, here and after (a capitalised long form may
                    # name a method, "Dense Passage Retrieval"; so may "X-based classification", "X for classification")
                    self._not_names.add(key(sf))
                words_ = [t for t in texts[i - size:i] if t.replace("-", "").isalpha() and len(t) > 3]
                if not words_ or not all(t[:1].isupper() for t in words_) or self.lex.lookup(sf) is not None:
                    continue
                # a capitalised long form ending in a task's noun names a task ("Multimodal Aspect-Based Sentiment
                # Analysis (MABSA)") as often as a method ("Dense Passage Retrieval (DPR)"): defined, the accept
                # model judges it by its long form's last word
            by_long, by_short = self.lex.lookup(long_text), self.lex.lookup(sf)
            if by_long is None and by_short is not None and not self._spells(by_short, long_text):
                by_short = None  # "Bayesian networks (BN)": this paper's BN, not the lexicon's (Batch Normalization)
                self._redefined.add(key(sf))
            term = by_long or by_short
            worded = [t for t in texts[i - size:i] if t.replace("-", "").isalpha() and len(t) > 3]
            titled = bool(worded) and all(t[:1].isupper() for t in worded)
            named_on = i + 3 < len(texts) and texts[i + 3].istitle() and texts[i + 3].isalpha()
            # "No-Reference (NR) quality": one word describes, unless a name goes on ("Gated-Attention (GA) Reader")
            two = len(sf) == 2 and sf.isupper() and titled and (size > 1 or named_on)
            if term is None and (not (two or shapes.looks_like_name(sf)) or
                                 long_text.islower() and texts[i - 1].endswith("s")):
                continue  # "high resolution (HR)", "pre-trained models (PTMs)": descriptions, not names
            # a two-letter acronym of a capitalised long form names a thing in a name that goes on ("Gated-Attention
            # (GA) Reader"); elsewhere it may not ("Language Model (LM)"): the accept model judges it
            tentative = term is None and (two and not named_on or task_like)
            canonical = term.canonical if term else singular(sf)
            etype = term.type if term else None
            source = "lexicon" if term else "abbreviation"
            lf = Mention(i - size, i, long_text, canonical, etype, source, tentative=tentative)
            short = Mention(i + 1, i + 2, sf, canonical, etype, source, tentative=tentative)
            out += [lf, short]
            links.append((lf, short))
            defined[key(sf)] = (canonical, etype, source)
        if defined:
            used = self._by_key.having(set(texts), defined)
            uses = sorted(i for text in used for i in view.text_positions(text))
            for i in uses:
                text = texts[i]
                if not (i > 0 and texts[i - 1] == "(" and i + 1 < len(texts) and texts[i + 1] == ")"):
                    canonical, etype, source = defined[key(text)]
                    out.append(Mention(i, i + 1, text, canonical, etype, source))
        return out, links

    def _spells(self, term, long_text: str) -> bool:
        """Whether `long_text` spells out the lexicon's `term`: one of its forms of several words
        is it, word by word as abstracts vary it ("graph convolution network", "k-nearest-neighbor",
        "Mixture-of-expert", "graph convolutional neural network"), maybe after words the definition took in too ("distance/Maximum Mean
        Discrepancy") or fewer ("policy optimization (PPO)"), or before a class noun ("Markov Chain Monte
        Carlo algorithms"); a term the lexicon gives no such form (a form holding an acronym, "MS COCO",
        "Microsoft COCO", spells nothing out) cannot be told apart, and is taken."""
        spelled = [f for f in self.lex.forms.get(term.canonical, ()) if (" " in f or "-" in f and len(f) > 8)
                   and not any(len(w) > 1 and w.isupper() for w in re.split(r"[\s\-/]+", f))]
        if not spelled or key(long_text) in {key(f) for f in spelled}:
            return True
        long_words = _stems(long_text)
        if long_words and long_words[-1] in _CLASS_STEMS:
            long_words = long_words[:-1]
        for f in map(_stems, spelled):
            n = min(len(f), len(long_words))
            if n > 1 and f[-n:] == long_words[-n:]:
                return True  # one ends the other: a long form scoped wide or short ("policy optimization (PPO)")
            if len(f) > 1 and len(long_words) == len(f) + 1 and f[-1] == long_words[-1] and \
                    any(long_words[:i] + long_words[i + 1:] == f for i in range(len(f))):
                return True  # a word more: "graph convolutional neural network (GCN)"
        joined = key(long_text)  # "Berkeley Segmentation Data Set 500" holds "Berkeley Segmentation Dataset"
        return any(len(k) > 8 and k in joined for k in map(key, spelled))

    def _named(self, view: tokens.View) -> list[Mention]:
        """Names introduced by a naming cue ("dubbed X", "termed X") and a title's leading "Name:"."""
        out = []
        texts, lower, n = view.texts, view.lowers, len(view)
        for start, end in view.cues(self.naming):
            if texts[start][:1].isupper() and not view.is_sent_start(start) or lower[end:end + 1] == ["entity"]:
                continue  # "Named Entity Recognition", "named entity recognition": a task, not a naming
            j = end
            while j < n and (texts[j] in {'"', "'", "“", "‘", "`", "``"} or lower[j] in {"the", "a", "an"}):
                j += 1
            run = j
            while run < n and run - j < 4 and (texts[run][:1].isupper() or shapes.looks_like_name(texts[run])):
                if run > j and lower[run] in self.generic_heads:
                    break  # "The MAMe Dataset" is MAMe
                run += 1
            if run > j:
                text = view.span_text(j, run)
                out.append(Mention(j, run, text, singular(text), self._known_type(text), "naming", True))
                # "two models named BGCN and BGAT": each name of the list is named ("namely" lists what is there)
                while run + 1 < n and lower[run] in {",", "and"} and run - j == 1 and lower[start] != "namely":
                    k = run + 1 + (lower[run + 1] == "and")
                    if k >= n or not shapes.looks_like_name(texts[k]) or k + 1 < n and texts[k + 1][:1].isupper():
                        break
                    out.append(Mention(k, k + 1, texts[k], singular(texts[k]), self._known_type(texts[k]), "naming", True))
                    j, run = k, k + 1
        out += self._before_dataset_noun(view)
        out += self._before_technique_noun(view)
        out += self._listed_after_dataset_noun(view)
        out += self._listed_before_dataset_noun(view)
        for i in range(min(view.title_end, 5)):
            if texts[i] == ":":
                lead = texts[0:i]
                verbal = lower[0].endswith("ing")  # "Re-labeling ImageNet:", "Revisiting X:" are not names
                known = i > 1 and any(self.lex.lookup(t) for t in lead)
                if not verbal and not known and (i == 1 and texts[0][:1].isupper() or
                                                 0 < i <= 3 and any(shapes.looks_like_name(t) for t in lead)):
                    text = view.span_text(0, i)
                    if key(text) not in self.lex.stop:
                        out.append(Mention(0, i, text, singular(text), self._known_type(text), "naming", True))
                break
        return out

    def _title_phrase(self, view: tokens.View, found: list[Mention]) -> list[Mention]:
        """The title's leading noun phrase of two to five words (after a "Name:" when there is one, up to its
        first preposition), where the abstract uses it again: "Flow-Guided Feature Aggregation for Video
        Object Detection" ... "we present flow-guided feature aggregation". Not one opening with a verb's
        "-ing" form ("Distilling Object Detectors"), ending in a task's noun ("Person Re-Identification"),
        or holding a name the lexicon or a definition gives. Candidates: the accept model judges them."""
        if view.title_end < 2:
            return []
        colon = next((i for i in range(min(view.title_end, 6)) if view.texts[i] == ":"), None)
        out = self._title_phrase_at(view, found, colon + 1 if colon is not None else 0)
        if colon is not None and not out:  # "The Mutex Watershed: Efficient ...", "Random Reshuffling with Variance
            out = self._title_phrase_at(view, found, 0)  # Reduction: New Analysis": the name before the colon
        return out

    def _title_phrase_at(self, view: tokens.View, found: list[Mention], start: int) -> list[Mention]:
        texts, lower, end = view.texts, view.lowers, view.title_end
        if start < end and lower[start] in ("a", "an", "the"):
            start += 1
        if start < end and lower[start] in _NOT_NAME_OPENERS:
            return []  # "A New Pre-training Paradigm": a description; "How Robust are ...": a question
        stop = start
        while stop < end and lower[stop] not in _TITLE_STOPS and (texts[stop][:1].isupper() or texts[stop] == "-"
                                                                  or texts[stop][:1].isdigit()):
            stop += 1
        if stop < end and lower[stop] not in _TITLE_STOPS:
            return []  # the phrase goes on in lower case: no name's capitals
        words_ = view.span_text(start, stop).split()
        if not 2 <= len(words_) <= 5 or lower[start].endswith("ing") or lower[stop - 1] in self.not_heads \
                or lower[stop - 1].rstrip("s") in self.not_heads or lower[stop - 1] == "-":
            return []
        held = [m for m in found if start <= m.start and m.end <= stop and m.source in ("lexicon", "abbreviation")]
        if held and not all(m.end == stop for m in held):
            return []
        text = view.span_text(start, stop)
        if key(text) in self.lex.stop or self.lex.lookup(text):
            return []
        phrase = lower[start:stop]
        size = len(phrase)
        again = [i for i in range(end + 1, len(lower) - size + 1) if lower[i] == phrase[0] and lower[i:i + size] == phrase]
        if held:  # a known name with words before it ("The Evolved Transformer"): a name of its own only where the
            # abstract writes it with the title's capitals inside a sentence ("the Evolved Transformer establishes")
            again = [i for i in again if texts[i:i + size] == texts[start:stop] and not view.is_sent_start(i)]
        if not again:
            return []
        canonical = singular(text)
        return [Mention(i, i + size, view.span_text(i, i + size), canonical, None, "title") for i in [start, *again]]

    def _before_dataset_noun(self, view: tokens.View) -> list[Mention]:
        """Capitalised words a dataset noun follows inside a sentence of the abstract: "the Kodak
        dataset", "the Animal Kingdom benchmark" (a name without a name's shape, which only this
        noun marks), unless all its words are ones abstracts write in lower case ("the Large
        Scale dataset"). The title, where every word is capitalised, is left out."""
        out = []
        texts, lower = view.texts, view.lowers
        for j in _after_title(view, _NAMING_NOUNS):
            i = j
            while i > j - 3 and i - 1 > view.title_end and _NAME_WORD.match(texts[i - 1]) \
                    and lower[i - 1] not in self.not_heads:
                i -= 1
            if i == j or lower[i - 1] not in {"the", "on", "a", "new", "public", "released", "real-world", "of",
                                               "in", "and", ","}:
                continue  # not a name, or one opening its sentence ("Large datasets are ...")
            text = view.span_text(i, j)
            if all(w in self.common for w in lower[i:j]) or key(text) in self.lex.stop or self.lex.lookup(text):
                continue  # "the Large Scale dataset", or a name the lexicon has
            out.append(Mention(i, j, text, singular(text), "dataset", "context"))
        return out

    def _before_technique_noun(self, view: tokens.View) -> list[Mention]:
        """One or two capitalised words a technique's noun follows inside a sentence: "the Bellman-Ford
        algorithm", "a Chirplet kernel", "Siamese networks" (not at a sentence's start, nor words
        abstracts write in lower case: "the Proposed model"). Candidates: the accept model judges them."""
        out = []
        texts, lower = view.texts, view.lowers
        for j in _after_title(view, self.technique_heads):
            i = j
            while i > j - 2 and i - 1 > view.title_end and _CAPITALISED.match(texts[i - 1]) and \
                    not view.is_sent_start(i - 1):
                i -= 1
            if i == j or view.is_sent_start(i) or lower[i - 1] in {"-", "/"} or \
                    all(w in self.common or w in self.descriptive for part in lower[i:j] for w in part.split("-")):
                continue
            text = view.span_text(i, j + 1)
            if self.lex.lookup(text) or self.lex.lookup(view.span_text(i, j)) or key(text) in self.lex.stop:
                continue  # the lexicon's ("Gaussian process"), or a known name before a noun ("ResNet model")
            etype = "architecture" if lower[j].startswith("network") else "method"
            noun = lower[j]  # "Ising models" and "Ising model" are one name
            cut = 2 if noun.endswith("es") and noun[:-2] in self.technique_heads else \
                1 if noun.endswith("s") and noun[:-1] in self.technique_heads else 0
            out.append(Mention(i, j + 1, text, text[:len(text) - cut], etype, "head"))
        return out

    def _listed_before_dataset_noun(self, view: tokens.View) -> list[Mention]:
        """The capitalised names listed right before a plural dataset noun: "on Digits, DomainNet
        and Office-Caltech benchmarks" (two names at least, as _listed_after_dataset_noun)."""
        out = []
        lower = view.lowers
        for j in _after_title(view, _LIST_NOUNS):
            start = view.sent_at(j).start
            items, i = _list_items(view.texts, j - 1, start - 1, -1)
            if len(items) < 2 or i < start or lower[i] not in {"on", "the", "in", "of", "across", "over", "using", "and",
                                                              "(", ",", ":", "from", "with"}:
                continue  # not a list, or one opening its sentence
            out += self._listed(view, items)
        return out

    def _listed_after_dataset_noun(self, view: tokens.View) -> list[Mention]:
        """The capitalised names a plural dataset noun introduces as a list: "three ABSA datasets,
        i.e. Laptop, Restaurant, and MAMS", "four benchmarks (CK+, MMI, Oulu-CASIA, and AFEW)":
        at least two names of one to three capitalised words, joined by commas and "and"/"or" up to
        the list's end."""
        out = []
        lower = view.lowers
        for j in _after_title(view, _LIST_NOUNS):
            end = view.sent_at(j).end
            i = j + 1
            opened = False
            while i < end and (lower[i] in _LIST_OPENERS or lower[i] in {",", "such", "as"}):
                opened |= lower[i] in _LIST_OPENERS or lower[i] == "as"
                i += 1
            if not opened:
                continue
            items, i = _list_items(view.texts, i, end, 1)
            closing = lower[i] if i < end else "."
            if len(items) < 2 or closing not in {")", ".", ";", ",", "-", "--"} and \
                    not (closing.isalpha() and closing.islower()):
                continue
            out += self._listed(view, items)
        return out

    def _listed(self, view: tokens.View, items: list[tuple[int, int]]) -> list[Mention]:
        """Mentions of a list's names, datasets unless the lexicon says otherwise. Plain words
        among them ("Laptop") are names here only, and only beside one that is no plain word
        ("including Large and Small ones" names nothing)."""
        lower = view.lowers
        if all(all(w in self.common for w in lower[a:b]) for a, b in items):
            return []
        out = []
        for a, b in items:
            text = view.span_text(a, b)
            if key(text) in self.lex.stop or lower[a] in self.not_heads:
                continue
            term = self.lex.lookup(text)
            out.append(Mention(a, b, text, term.canonical if term else singular(text), term.type if term else "dataset",
                               "lexicon" if term else "context"))
        return out

    def _shaped(self, view: tokens.View) -> list[Mention]:
        out = []
        n = len(view)
        # A name has a capital letter or a slash (shapes.looks_like_name), so only texts that are
        # not their own lower case, or hold "/", are judged (about 1 in 6 of a Doc's distinct texts)
        slash = "/" in view.text
        distinct = {t for t, low in zip(view.texts, view.lowers) if (t != low or slash and "/" in t) and not _URL.search(t)}
        if len(self._seen) >= self.SEEN_LIMIT:  # bounded: forget, then judge again what comes
            self._seen.clear()
            self._names.clear()
        for raw in distinct.difference(self._seen):  # a set minus a dict: one lookup per text
            self._candidate_text(raw)
        names = self._names
        here = {raw for raw in distinct if raw in names}
        found = [i for i, raw in enumerate(view.texts) if raw in here] if here else []
        if found and found[0] < view.title_end and _shouting(view.texts[:view.title_end]):
            # "INTERPRETATION OF NEURAL NETWORK IS FRAGILE": a title in capitals holds no acronym by its
            # shape alone; one the abstract writes in capitals too still counts
            later = {view.texts[i] for i in found if i >= view.title_end}
            found = [i for i in found if i >= view.title_end or view.texts[i] in later
                     or not view.texts[i].replace("-", "").isalpha()]
        for i in found:
            raw = view.texts[i]
            text = self._names[raw]
            parts = shapes.split_coordination(text)
            if len(parts) == 1 and "/" in text and not shapes.PATCH.search(text):
                parts = [p for p in text.split("/") if shapes.looks_like_name(p)]  # "CNN/Transformer"
                if len(parts) == 1:
                    parts.append("")  # one name of a slash pair: not the whole token's text
            for part in filter(None, parts):
                if key(part) in self.lex.stop or shapes.broken(part):
                    continue  # a word, or a piece of a formula: "O(m^{-1/4})"
                if key(part) in self._redefined:
                    continue  # an acronym the paper defines its own way: its uses are that definition's (_abbreviations)
                term = self.lex.lookup(part)
                end = i + 1
                if term is None and len(parts) == 1 and end < n and view.lowers[end] == "loss":
                    end += 1  # "ICNN loss", "Proto-Triplet Loss": a named loss
                    part = view.span_text(i, end)
                    term = self.lex.lookup(part)
                canonical = term.canonical if term else singular(part)
                out.append(Mention(i, end, part if len(parts) > 1 or end > i + 1 else text, canonical,
                                   term.type if term else "method" if end > i + 1 else None,
                                   "lexicon" if term else "shape"))
        return out

    def _language_pairs(self, view: tokens.View, kept: list[Mention]) -> None:
        """A dataset followed by a language pair is one name, a dataset of its own: "WMT14 English-German",
        "IWSLT'14 De-En", "WMT 2016 English–Romanian"."""
        starts = {m.start for m in kept}
        for m in kept:
            j = m.end
            if m.type != "dataset" or j >= len(view) or j in starts:
                continue
            pair = _PAIR.split(view.texts[j])
            if len(pair) == 2 and all(p.lower() in self.languages for p in pair) and pair[0][:1].isupper():
                m.end = j + 1
                m.text = view.span_text(m.start, m.end)
                term = self.lex.lookup(m.text)  # else one name for all its spellings: "WMT14 English-German"
                m.canonical = term.canonical if term else \
                    f"{m.canonical} {self.languages[pair[0].lower()]}-{self.languages[pair[1].lower()]}"

    def _versions(self, view: tokens.View, kept: list[Mention]) -> None:
        """A name followed by its version or year is one name: "BraTS 2019", "DAVIS 2016",
        "SQuAD 1.1", "Claude 3", "YOLO v3" (a year only after a dataset or an untyped name)."""
        starts = {m.start for m in kept}
        for m in kept:
            j = m.end
            if j >= len(view) or j in starts or view.idx[j] != view.end_char(j - 1) + 1:
                continue  # the next token must follow after one space
            nxt = view.texts[j]
            year = _YEAR.match(nxt) and m.type in ("dataset", None)
            after = view.lowers[j + 1] if j + 1 < len(view) else ""
            if not (year or _VERSION.match(nxt)) or after in _UNIT_AFTER:
                continue  # "3 times"
            m.end = j + 1
            m.text = view.span_text(m.start, m.end)
            term = self.lex.lookup(m.text)
            m.canonical = term.canonical if term else m.text
            if term:
                m.type, m.source = term.type, "lexicon"
        self._version_lists(view, kept)

    def _version_lists(self, view: tokens.View, kept: list[Mention]) -> None:
        """The versions listed after a versioned name are names too: "DAVIS 2016 and 2017" names DAVIS 2017,
        "BraTS 2019, 2020 and 2021" BraTS 2020 and BraTS 2021 (written out, as the name they stand for)."""
        texts, lowers, n = view.texts, view.lowers, len(view)
        starts = {m.start for m in kept}
        added = []
        for m in kept:
            last = texts[m.end - 1]
            if m.end - m.start < 2 or m.type not in ("dataset", None) or not (_YEAR.match(last) or _VERSION.match(last)):
                continue
            base = view.span_text(m.start, m.end - 1)
            j = m.end
            while j + 1 < n and lowers[j] in {",", "and", "or"}:
                k = j + 1 + (lowers[j] == "," and lowers[j + 1] in {"and", "or"})
                if k >= n or k in starts or k + 1 < n and lowers[k + 1] in _UNIT_AFTER or not (
                        _YEAR.match(texts[k]) or _VERSION.match(texts[k]) or
                        last.isdigit() and texts[k].isdigit() and len(texts[k]) <= 4):  # "NTU RGB+D 60 and 120"
                    break
                text = f"{base} {texts[k]}"
                term = self.lex.lookup(text)
                added.append(Mention(k, k + 1, text, term.canonical if term else text, term.type if term else m.type,
                                     "lexicon" if term else m.source))
                j = k + 1
        if added:
            kept += added
            kept.sort(key=lambda m: m.start)

    def _candidate_text(self, raw: str) -> None:
        """Whether a token text may be a name, by its shape; if so, the name is its text without a
        dangling hyphen ("CNN- and transformer-based models": CNN) or an opening brace. Answers are kept per token text
        (in `_seen`; the names also in `_names`), bounded: tokens repeat across abstracts, and set
        operations over a Doc's distinct texts then find its candidates without a Python loop."""
        text = raw.rstrip("-").replace("-{", "-")  # "ImageNet-{A,R}" opens with ImageNet-A
        self._seen[raw] = None
        if (shapes.looks_like_name(text) or "/" in text) and key(text) not in self.lex.stop and not self._stopped_family(text):
            self._names[raw] = text

    def _stopped_family(self, text: str) -> bool:
        """A variant of a word that is no entity: "ROUGE-L", "BLEU-4", "F1-score" of the metrics,
        "LLM-7B" of the model classes, "Non-IID" of the settings (nonentities.tsv)."""
        fam = shapes.family(text)
        if fam and key(fam) in self.lex.stop and _VARIANT_PART.match(text[len(fam):].lstrip("-_ ")):
            return True
        parts = [p for p in text.split("-") if p]
        if len(parts) < 2:
            return False
        shaped = [p for p in parts if shapes.looks_like_name(p)]
        if key(parts[0]) in self.lex.stop and all(_VARIANT_PART.match(p) for p in parts[1:]):
            return True  # "BLEU-4", "ROUGE-L", "LLM-7B", "F1-score"; not "DP-SGD" or "OOD-CV"
        # "Non-IID": its name-like parts are no entities and the rest plain words ("OOD-CV" keeps its "CV")
        return (bool(shaped) and all(key(p) in self.lex.stop for p in shaped)
                and all(p.isalpha() and p[1:].islower() for p in parts if p not in shaped))

    def _known_type(self, text: str) -> str | None:
        term = self.lex.lookup(text)
        return term.type if term else None


def _stems(text: str) -> list[str]:
    """The words of a long form as compared with the lexicon's: lower case, no plural, the first five
    letters ("convolution" and "convolutional", "adapters" and "adaptation" alike)."""
    return [_ONE_PLURAL.sub("", w)[:5] for w in re.split(r"[\s\-/]+", text.lower()) if w]


_ONE_PLURAL = re.compile(r"(?<=ss)es$|(?<=[^s])s$")  # "processes", "losses", "networks"; not "loss"


_CLASS_STEMS = frozenset(w[:5] for w in ("algorithm", "method", "approach", "technique", "procedure", "scheme",
                                          "framework", "estimator"))
_PAIR = re.compile(r"[-–—→>/](?:to[-–])?")  # "English-German", "English-to-French", "En→De"
_YEAR = re.compile(r"^(?:19[89]\d|20[0-4]\d)$")
_VERSION = re.compile(r"^(?:[1-9]\d?|\d+\.\d+|v\d+(?:\.\d+)?)$")
_UNIT_AFTER = frozenset({"%", "times", "x", "×", "layers", "epochs", "images", "classes", "points", "million", "billion",
                         "k", "m", "b", "-"})  # "ResNet 3 times": no version
_VARIANT_PART = re.compile(r"^(?:[A-Za-z]?\d[\w.]*|[A-Za-z]|[a-z]+)$")  # "4", "L", "7B", "score"


class TextsByKey:
    """Token texts by their key (text.key), to find which texts of a Doc have one of a few keys
    ("ViT", "ViTs" and "VIT" are uses of a defined "ViT") without keying every text of every Doc.
    A Doc's texts not seen before are keyed once, found by a set difference; bounded: when full,
    it forgets and keys again what comes."""

    def __init__(self, limit: int):
        self.limit = limit
        self._keyed: dict[str, None] = {}
        self._texts: dict[str, list[str]] = {}  # key -> the texts seen with it

    def having(self, texts: set[str], keys) -> list[str]:
        """Those of `texts` whose key is one of `keys`."""
        if len(self._keyed) >= self.limit:
            self._keyed.clear()
            self._texts.clear()
        for text in texts.difference(self._keyed):
            self._keyed[text] = None
            self._texts.setdefault(key(text), []).append(text)
        return [text for k in keys for text in self._texts.get(k, ()) if text in texts]


def _list_items(texts: list[str], i: int, stop: int, step: int) -> tuple[list[tuple[int, int]], int]:
    """The names of a list read from token `i` towards `stop` (step 1: rightwards, -1: leftwards):
    runs of up to three capitalised tokens (digits may go on a run) joined by ",", "and", "or";
    (start, end) of each, in the order read, and the token where the list ends. Leftwards, a joiner
    with no name after it ends the list."""
    items: list[tuple[int, int]] = []
    cur: list[int] | None = None
    while i != stop:
        t = texts[i]
        if t[:1].isupper() or t[:1].isdigit() and cur is not None:
            if cur is None:
                cur = [i, i + 1]
            elif cur[1] - cur[0] < 3:
                cur[step > 0] += step  # rightwards the end grows, leftwards the start
            else:
                break
        elif t in {",", "and", "or"}:
            if cur is not None:
                items.append((cur[0], cur[1]))
                cur = None
            elif step < 0:
                break
        else:
            break
        i += step
    if cur is not None:
        items.append((cur[0], cur[1]))
    return items, i


_NUMBER = re.compile(r"^[+±]?\d+(?:\.\d+)?%?$")


def _shouting(title: list[str]) -> bool:
    """Whether a title is written in capitals: most of its words of four letters or more are."""
    words = [t for t in title if t.replace("-", "").isalpha() and len(t) >= 4]
    return len(words) >= 2 and sum(t.isupper() for t in words) >= 0.8 * len(words)


def _after_title(view: tokens.View, nouns) -> Iterator[int]:
    """Where each of `nouns` occurs after the title (whose every word is capitalised), noun by noun."""
    for noun in sorted(nouns):
        for j in view.positions(noun):
            if j > view.title_end:
                yield j


def _scored(view: tokens.View, m: Mention) -> bool:
    """Whether a lexicon name that is also a metric's name (MAE) is used as the metric: a number
    within two words of it ('an MAE of 3.2', '+0.1 MAE')."""
    if metrics.resolve(m.text) is None:
        return False
    near = view.texts[max(0, m.start - 2):m.start] + view.texts[m.end:m.end + 2]
    return any(_NUMBER.match(t) for t in near)


def _resolve(found: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions; on a tie, the most trusted source.
    Coordinated parts of one token ("CIFAR10/100") share their span and are all kept."""
    order = sorted(found, key=lambda m: (m.start - m.end, _RANK[m.source], m.start))
    taken: dict[int, tuple[int, int]] = {}  # token -> the span that holds it
    held: dict[tuple[int, int], tuple[str, set[str]]] = {}  # span -> (its source, keys kept there)
    kept = []
    for m in order:
        span = (m.start, m.end)
        if m.end - m.start == 1:  # most mentions are one token: no generator for them
            if taken.get(m.start, span) != span:
                continue
        elif any(taken.get(i, span) != span for i in range(m.start, m.end)):
            continue
        source, keys = held.setdefault(span, (m.source, set()))
        if source != m.source or key(m.canonical) in keys:
            if m.named:  # the same span from a less trusted source, or the same name again
                for k in kept:
                    if (k.start, k.end) == span:
                        k.named = True
            continue
        keys.add(key(m.canonical))
        for i in range(m.start, m.end):
            taken[i] = span
        kept.append(m)
    kept.sort(key=lambda m: (m.start, m.end))
    return kept
