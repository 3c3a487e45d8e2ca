"""The `pg_entities` component: mentions -> one Entity per thing per paper, typed, with roles.

Mentions with the same key or linked by an abbreviation definition are one entity. Its name is
the lexicon's canonical name when it has one, else the defined short form, else the first form
seen. Its type comes from the lexicon, else the lexicon type of its family ("ResNet-50" ->
ResNet), else votes from the words around it ("the X dataset", "X network"), its own shape,
the title, and finally `method`. Results: ``doc._.pg_entities`` (list of Entity) and
``doc._.pg_entity_of`` (mention index -> entity index)."""
from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from graph.extract import decide, shapes, tokens
from graph.extract.cues import cues, watch, words
from graph.extract.resources import lexicon, patterns
from graph.model import Entity
from graph.text import key

for _name in ("pg_entities", "pg_entity_of", "pg_self"):
    tokens.result_extension(_name)

_OUR = watch(frozenset({"our"}))
_TITLE_DATASET = {"dataset", "datasets", "benchmark", "benchmarks", "corpus", "database"}
_DATASET_AS_MODIFIER = {"distillation", "pruning", "condensation", "curation", "compression", "augmentation",
                        "reinforcement", "selection", "generation", "ownership", "bias", "shift"}
_TITLE_ARCH = {"network", "networks", "net", "architecture", "architectures", "backbone", "backbones",
               "transformer", "transformers", "convnet", "convnets", "cnn", "cnns", "vit", "vits", "model", "models"}


@Language.factory("pg_entities")
def make_entities(nlp: Language, name: str):
    return EntityBuilder()


class EntityBuilder:
    def __init__(self):
        self.lex = lexicon()
        self.dataset_nouns = words("dataset_nouns")
        self.arch_nouns = words("architecture_nouns")
        self.method_nouns = words("method_nouns")
        self.propose = cues("propose")
        self.self_words = cues("self")
        self.generic = self.arch_nouns | self.method_nouns | {"work", "paper", "results", "experiments", "study"}
        self.typing = decide.typing_model()
        self.accept = decide.accept_model()

    def _known(self, m) -> bool:
        """Known to the lexicon, itself or as a size of a known family ("ResNet-50")."""
        if m.known:  # a variant of a lexicon term ("local mixup") is known only if the lexicon lists it
            return bool(self.lex.lookup(m.canonical))
        fam = shapes.family(m.canonical)
        return bool(fam and self.lex.lookup(fam))

    def __call__(self, doc: Doc) -> Doc:
        view = tokens.view(doc)
        mentions = view.results["pg_mentions"]
        groups = self._group(mentions, view.results["pg_links"])
        at = {(m.start, "start"): m for m in mentions} | {(m.end, "end"): m for m in mentions}
        built, dataset_p = [], []
        for members in groups:
            ms = [mentions[i] for i in members]
            etype, p = self._type(view, ms, at)
            built.append((members, ms, Entity(name=self._name(ms), type=etype, known=any(m.known for m in ms))))
            dataset_p.append(p)
        _siblings_share_a_type(view, built, dataset_p, self)
        names = [key(ent.name) for _, _, ent in built]
        # kept whatever the model says: a name another name declares a new version of ("SeiT" of
        # "SeiT++", "SimCLR" of "SimCLRv2") unless only tentatively defined ("Multimodal Aspect-Based
        # Sentiment Analysis (MABSA)" of "VLP-MABSA": a task), and a name coined with a capitalised long form (_coined)
        bases = {key(b) for _, _, ent in built for b in shapes.lineage_base(ent.name)}
        entities, entity_of, kept = [], {}, []
        judged = view.results["pg_accept"] = []  # (surface forms, features) of each name the lexicon does not know
        scores = view.results["pg_scores"] = []  # per entity kept: (P(a name), P(a dataset)), None where not asked
        for (members, ms, ent), p_dataset in zip(built, dataset_p):
            p_name = None
            if not ent.known and not self._known(ms[0]):
                feats = accept_features(view, ms, ent, names)
                judged.append(([m.text for m in ms], feats))
                if self.accept is not None:
                    p_name = self.accept.probability(feats)
                    if ((key(ent.name) not in bases or any(m.tentative for m in ms)) and not _coined(view, ms)
                            and p_name < self.accept.threshold["accept"]):
                        continue  # not a name a catalogue would list: a task, a metric, a fragment
            scores.append((p_name, p_dataset))
            for m in ms:
                if m.text != ent.name and m.text not in ent.aliases:
                    ent.aliases.append(m.text)
            for i in members:
                entity_of[len(kept)] = len(entities)
                kept.append(mentions[i])
            entities.append(ent)
        entities, entity_of, scores[:] = _same_things(view, entities, entity_of, kept, scores)
        # the mentions of the names kept, in text order (those of names not accepted are no mentions)
        order = sorted(range(len(kept)), key=lambda i: (kept[i].start, kept[i].end))
        view.results["pg_mentions"] = [kept[i] for i in order]
        entity_of = {new: entity_of[old] for new, old in enumerate(order)}
        view.results["pg_entities"] = entities
        view.results["pg_entity_of"] = entity_of
        self._proposed(view)
        return doc

    @staticmethod
    def _group(mentions, links) -> list[list[int]]:
        parent = list(range(len(mentions)))

        def find(i):
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        first: dict[str, int] = {}
        for i, m in enumerate(mentions):
            k = key(m.canonical)
            if k in first:
                parent[find(i)] = find(first[k])
            else:
                first[k] = i
        for a, b in links:
            parent[find(a)] = find(b)
        groups: dict[int, list[int]] = {}
        for i in range(len(mentions)):
            groups.setdefault(find(i), []).append(i)
        return sorted(groups.values(), key=lambda g: g[0])

    @staticmethod
    def _name(ms) -> str:
        for source in ("lexicon", "abbreviation"):
            for m in ms:
                if m.source == source:
                    return m.canonical
        return ms[0].canonical

    def _type(self, view, ms, at) -> tuple[str, float | None]:
        """(the type, the typing model's probability that it is a dataset, when it was asked)."""
        for m in ms:
            if m.type:
                return m.type, None
        for m in ms:  # a size or version of a family the lexicon knows is of the family's type, and so is
            # a subset or setting a lower-case word marks ("MNLI-hard", "BERT-large")
            fam = shapes.family(m.canonical) or shapes.subset_base(m.canonical)
            term = self.lex.lookup(fam) if fam else None
            if term:
                return term.type, None
        voted = self._votes(view, ms, at)
        feats = typing_features(view, ms, at, self.lex) + [f"votes={voted}"]
        listed = any(f.startswith(("listnext=", "listhead=")) and f.split("=", 1)[1] in self.dataset_nouns for f in feats)
        if self.typing is not None:
            if listed or self._called_dataset(view, ms):
                return "dataset", None  # "the X, Y and Z datasets", "two benchmarks: X and Y"
            shape = shapes.type_from_shape(ms[0].canonical)
            if shape in ("architecture", "method") and not self._named_dataset(view, ms):
                return shape, None  # "PLS-Net", "ProtoLoss": a model's morphology, unless "the X dataset" says otherwise
        view.results.setdefault("pg_typing", []).append((ms[0].canonical, feats))  # what training reads
        if self.typing is None:
            return voted, None
        p = self.typing.probability(feats)
        if p >= 0.5:
            return "dataset", p
        return ("architecture" if voted == "architecture" else "method"), p

    def _called_dataset(self, view, ms) -> bool:
        """Whether a dataset noun names a mention by a naming cue: "a benchmark called LegalHalBench",
        "a new dataset, dubbed X", "a corpus we call X"."""
        lowers = view.lowers
        for m in ms:
            k = m.start - 1
            if k > 1 and lowers[k] == "call" and lowers[k - 1] == "we":
                k -= 2
            elif k > 0 and lowers[k] in _NAMING_WORDS:
                k -= 1
            else:
                continue
            if k >= 0 and lowers[k] == ",":
                k -= 1
            if k >= 0 and lowers[k] in self.dataset_nouns:
                return True
        for m in ms:  # "a new dataset - MLQuestions", "a benchmark: X": a dataset noun introduces it
            k = m.start - 1
            while k > 0 and lowers[k] in _QUOTES:
                k -= 1
            if k > 1 and lowers[k] in ("-", "–", "—", ":") and lowers[k - 1] in self.dataset_nouns and \
                    _INTRODUCED.intersection(lowers[max(0, k - 5):k - 1]):
                return True
        return False

    def _named_dataset(self, view, ms) -> bool:
        """Whether a dataset noun follows a mention: "X dataset", "X benchmark", "X-Bench", "``X'' dataset"."""
        lowers = view.lowers
        return any(lowers[i] in self.dataset_nouns for i in (_after_quotes(lowers, m.end) for m in ms) if i < len(lowers))

    def _votes(self, view, ms, at) -> str:
        votes: Counter[str] = Counter()
        lowers = view.lowers
        for m in ms:
            for base in [shapes.family(m.canonical), *shapes.lineage_base(m.canonical)]:
                term = self.lex.lookup(base) if base else None
                if term:
                    votes[term.type] += 3
                    break
            prev = lowers[max(0, m.start - 2):m.start]
            if prev and (prev[-1] in self.dataset_nouns or prev[-1] == "," and len(prev) > 1 and prev[0] in self.dataset_nouns):
                votes["dataset"] += 2  # "a new dataset, ImageNet++", "the benchmark X"
            after = _after_quotes(lowers, m.end)
            nxt = lowers[after] if after < len(lowers) else ""
            if nxt == "-" and after + 1 < len(lowers):
                nxt = lowers[after + 1]
            if nxt in self.dataset_nouns:
                votes["dataset"] += 2
            elif nxt in self.arch_nouns:
                votes["architecture"] += 1
            elif nxt in self.method_nouns:
                votes["method"] += 1
            if _coordinated_with_dataset(lowers, m, at):
                votes["dataset"] += 2  # "the FLIC and MPII benchmarks": coordinated names are alike
            shape = shapes.type_from_shape(m.canonical)
            if shape:
                votes[shape] += 1
            if m.start == 0 and m.end < view.title_end:  # the title's leading "Name:"
                after = [w for w, t in zip(lowers[m.end:view.title_end], view.texts[m.end:view.title_end])
                         if t.isalpha()][:5]
                title = set(after)
                nouns = [i for i, w in enumerate(after) if w in _TITLE_DATASET]
                if nouns and (nouns[0] + 1 >= len(after) or after[nouns[0] + 1] not in _DATASET_AS_MODIFIER):
                    votes["dataset"] += 2
                elif title & _TITLE_ARCH:
                    votes["architecture"] += 1
        if not votes:
            return "method"
        best = max(votes.values())
        for t in ("dataset", "architecture", "method"):
            if votes[t] == best:
                return t
        return "method"

    def _proposed(self, view) -> None:
        """Roles `proposed`: the title's leading name, a name given by a naming cue, the first
        unknown name after "we propose / introduce ...", unknown names after "our", and the title's
        leading phrase where the abstract uses it again."""
        ents, entity_of, mentions = (view.results[k] for k in ("pg_entities", "pg_entity_of", "pg_mentions"))
        chosen: list[int] = []

        def mark(mi):
            e = entity_of[mi]
            if e not in chosen:
                chosen.append(e)

        title_lead = None
        for mi, m in enumerate(mentions):
            lead = _title_lead(view, m)
            if m.source == "naming" or lead:
                if lead:
                    title_lead = entity_of[mi]
                mark(mi)
            elif m.named and view.cues_in(self.self_words, view.sent_at(m.start)):
                mark(mi)  # "our models, named ResNeXt": a known name, given here by its authors
        by_start = {m.start: mi for mi, m in enumerate(mentions)}
        for sent in view.sents:
            lower = view.lowers[sent.start:sent.end]
            has_self = bool(view.cues_in(self.self_words, sent))
            for start, end in view.cues_in(self.propose, sent) if has_self else ():
                if lower[start] == "proposed" and start and lower[start - 1] in {"the", "our", "this"}:
                    continue  # "the proposed approach on four benchmarks (CK+, ...)": a reference, not a naming
                for j in range(sent.start + end, min(sent.end, sent.start + end + 12)):
                    if j + 1 < sent.end and view.lowers[j + 1] in _LINEAGE_OF.get(view.lowers[j], ()):
                        break  # "we present a variant of FedAvg": FedAvg is what it builds on, not new
                    mi = by_start.get(j)
                    if mi is not None and not self._known(mentions[mi]):
                        if _OTHERS_WORK.intersection(view.lowers[max(sent.start, j - 2):j]):
                            continue  # "a framework which generalizes the well-known Friedkin-Johnsen model",
                            # "a new method that uses decentralized stochastic gradient descent": others' work, a tool
                        mark(mi)
                        break
            for i in view.hits(_OUR, sent):
                for j in range(sent.start + i + 1, min(sent.end, sent.start + i + 3)):
                    mi = by_start.get(j)
                    if mi is not None:
                        if not self._known(mentions[mi]):
                            mark(mi)
                        break
                    if not view.texts[j].islower() or view.lowers[j] in self.generic:
                        break  # "our method outperforms X": X is not ours
                i += 1  # the word after "our"
                if i + 2 < len(lower) and lower[i] in self.generic and lower[i + 1] == ",":
                    j = sent.start + i + 2 + (lower[i + 2] in {"the", "a", "an"})
                    mi = by_start.get(j)
                    if mi is not None:
                        mark(mi)  # "Our model, the Gated-Attention Reader, ...": an apposition names it
        cued = set(chosen)
        for mi, m in enumerate(mentions):  # the title's phrase names the paper's approach (mentions.py, "title")
            if m.source == "title":
                mark(mi)
        mine = {key(ents[e].name) for e in chosen}
        for i, ent in enumerate(ents):  # sizes of a proposed model are proposed too: EfficientFormer-L1
            fam = shapes.family(ent.name)
            if fam and key(fam) in mine and i not in chosen:
                chosen.append(i)
        for e in chosen:
            ents[e].roles.append("proposed")
        # the title's phrase ("A Multi-Task Supervised Compression Model for ...") is the paper's approach only
        # where it names nothing else ("... model, Ladon": Ladon is)
        # ("we present Gaussian Temporal Awareness Networks (GTAN)" defines the title's phrase: GTAN is the approach,
        # first; not a phrase the abstract defines as others' work, "Information Directed Sampling (IDS) is a ...")
        phrase = {entity_of[mi] for mi, m in enumerate(mentions) if m.source == "title"}
        defined = phrase & cued & {entity_of[mi] for mi, m in enumerate(mentions) if m.source == "abbreviation"}
        ranked = ([e for e in chosen if e in defined] + [e for e in chosen if e not in phrase]
                  + [e for e in chosen if e in phrase - defined])
        main = title_lead if title_lead is not None else (ranked[0] if ranked else None)
        if main is not None and ents[main].type == "dataset":
            main = None  # a paper that proposes a dataset speaks of its experiments, not of the dataset's results
        view.results["pg_self"] = main


# "a variant of", "based on": what follows is what the paper's new work builds on
# words right before a name after a proposing verb that say it is others' work: a lineage verb, praise of
# an established name ("which generalizes the well-known X", "extends the popular X"), a verb of use ("uses X")
_OTHERS_WORK = frozenset({"extends", "extend", "extending", "generalizes", "generalises", "generalize", "generalise",
                          "generalizing", "improves", "improving", "well-known", "popular", "classic", "classical",
                          "celebrated", "seminal", "existing", "conventional", "traditional", "standard",
                          "established", "prevalent", "widely-used", "prior", "previous", "earlier", "vanilla",
                          "uses", "using", "use", "employs", "employing",
                          "leverages", "leveraging", "utilizes", "utilizing", "adopts", "adopting"})
_LINEAGE_OF = {**dict.fromkeys(("variant", "variants", "version", "versions", "generalization", "generalisation",
                                "modification", "relaxation", "reformulation", "instance", "instantiation",
                                "implementation"), ("of",)),
               **dict.fromkeys(("extension", "extensions", "adaptation"), ("of", "to")),  # "an extension to CTM"
               "improvement": ("of", "over", "on", "upon"),
               **dict.fromkeys(("based", "built", "building", "builds"), ("on",)),
               "inspired": ("by",), "derived": ("from",)}


def _title_lead(view, m) -> bool:
    """Whether a mention is the title's leading name: "MnasNet: Platform-Aware ..."."""
    return m.named and m.start == 0 and m.end < view.title_end


def _same_things(view, entities, entity_of, kept, scores):
    """An entity no lexicon or definition names, whose name another entity's acronym definition spells,
    is that entity: its mentions join it. The title's phrase ("Gaussian Temporal Awareness Networks for
    Action Localization" ... "we present Gaussian Temporal Awareness Networks (GTAN)") or leading name
    ("SceneMotifCoder: ..." ... "SceneMotifCoder (SMC)"). So is the title's phrase after its leading
    name ("DialogueEIN: Emotion Interaction Network for ..."): it spells out that name. Merged after the
    accept decision, so what the accept model judges and learns from is unchanged."""
    if not any(m.source in ("abbreviation", "title") for m in kept):
        return entities, entity_of, scores  # most abstracts: nothing defined, no title phrase
    sources: dict[int, set] = {}
    for i, e in entity_of.items():
        sources.setdefault(e, set()).add(kept[i].source)
    spelled = {}
    for j, ent in enumerate(entities):
        if "abbreviation" in sources.get(j, ()):
            for alias in ent.aliases:
                spelled.setdefault(key(alias), j)
    into = {e: spelled[key(entities[e].name)] for e, src in sources.items()
            if not src & {"lexicon", "abbreviation"} and spelled.get(key(entities[e].name), e) != e}
    # the title's phrase an acronym's definition starts with: "Stochastic Binary Network for Universal Domain
    # Adaptation" ... "we introduce ... Stochastic Binary Network for Universal Domain Adaptation (STUN)"
    longs = [(ent.aliases, j) for j, ent in enumerate(entities) if "abbreviation" in sources.get(j, ())]
    for e, src in sources.items():
        if src == {"title"} and e not in into:
            start = entities[e].name.lower() + " "
            j = next((j for aliases, j in longs for a in aliases if j != e and a.lower().startswith(start)), None)
            if j is not None:
                into[e] = j
    at = next((i for i, m in enumerate(kept) if _title_lead(view, m)), None)
    lead = entity_of[at] if at is not None else None
    if lead is not None and lead not in into:
        for i, m in enumerate(kept):
            e = entity_of[i]
            if m.source == "title" and m.start <= kept[at].end + 2 and sources[e] == {"title"} and e != lead:
                into.setdefault(e, lead)
    if not into:
        return entities, entity_of, scores
    for e, j in into.items():
        for alias in (entities[e].name, *entities[e].aliases):
            if alias != entities[j].name and alias not in entities[j].aliases:
                entities[j].aliases.append(alias)
    left = [e for e in range(len(entities)) if e not in into]
    renumber = {e: n for n, e in enumerate(left)}
    return ([entities[e] for e in left], {i: renumber[into.get(e, e)] for i, e in entity_of.items()},
            [scores[e] for e in left])


_INTRODUCED = frozenset({"new", "novel", "release", "introduce", "present", "propose", "construct", "collect", "create",
                         "build", "curate", "our"})  # "we release a new domain-adaptation dataset - MLQuestions"
_QUOTES = frozenset({"''", "'", '"', "``", "`", "\u201c", "\u201d", "\u2018", "\u2019"})


def _after_quotes(lowers: list[str], i: int) -> int:
    """The first position from `i` past closing quotes ("``RomePatches'' dataset")."""
    while i < len(lowers) and lowers[i] in _QUOTES:
        i += 1
    return i


def _coordinated_with_dataset(lowers: list[str], m, at) -> bool:
    """Whether `m` is coordinated ("X and Y", "X, Y", "X or Y") with a name the lexicon types
    as a dataset."""
    joins = {",", "and", "or", "&"}
    j = m.end
    while j < len(lowers) and j < m.end + 2 and lowers[j] in joins:
        j += 1
        other = at.get((j, "start"))
        if other is not None:
            return other.type == "dataset"
    j = m.start
    while j > 0 and j > m.start - 2 and lowers[j - 1] in joins:
        j -= 1
        other = at.get((j, "end"))
        if other is not None:
            return other.type == "dataset"
    return False


_LIST = frozenset({",", "and", "or", "&", "the", "as", "well"})
_INTRODUCING = frozenset({":", ",", "(", "i.e.", "i.e", "e.g.", "e.g", "namely", "such", "as", "including", "like",
                          "the", "on", "in", "of", "popular", "public", "standard", "several", "three", "four", "two",
                          "five", "six", "various", "different", "multiple", "challenging", "large-scale"})


_NAMING_WORDS = frozenset(c for c in patterns()["naming"] if " " not in c)  # "called", "dubbed", ...
_PLURAL_DATASET_NOUNS = frozenset({"datasets", "benchmarks", "corpora", "databases"})
_NOT_MODIFIERS = frozenset({"on", "in", "for", "with", "from", "to", "of", "at", "by", "as", "and", "or", "the", "a", "an",
                            "is", "are", "was", "were", "be", "that", "which", "using", "use", "uses", "used", "show",
                            "shows", "demonstrate", "demonstrates", "trained", "pretrained", "pre-trained", "than",
                            "both", "other", "all", "two", "three", "four", "five", "several", "many", "such"})


def typing_features(view, ms, at, lex) -> list[str]:
    """What the dataset-or-model decision of a name the lexicon does not know reads: the words
    around each of its mentions, what the list it stands in follows and precedes ("on X, Y and Z",
    "the X and Y datasets"), the names coordinated with it, its shape and its family."""
    lowers = view.lowers
    n = len(lowers)
    f = ["bias"]
    for m in ms:
        prev = lowers[m.start - 1] if m.start else "<s>"
        nxt = lowers[m.end] if m.end < n else "</s>"
        if nxt == "-" and m.end + 1 < n:
            nxt = lowers[m.end + 1]
        f += [f"p1={prev}", f"n1={nxt}", f"p2={lowers[m.start - 2] if m.start > 1 else '<s>'}",
              f"n2={lowers[m.end + 1] if m.end + 1 < n else '</s>'}"]
        i = m.start - 1  # walk left over the list this name stands in
        while i >= 0:
            other = at.get((i + 1, "end"))
            if other is not None and other is not m:
                if other.type:
                    f.append(f"coord={other.type}")
                i = other.start - 1
            elif lowers[i] in _LIST:
                i -= 1
            else:
                break
        f.append(f"listprev={lowers[i] if i >= 0 else '<s>'}")
        while i >= 0 and lowers[i] in _INTRODUCING:  # "three datasets: X, Y and Z", "benchmarks, i.e., X and Y"
            i -= 1
        f.append(f"listhead={lowers[i] if i >= 0 else '<s>'}")
        j = m.end  # and right
        while j < n:
            other = at.get((j, "start"))
            if other is not None and other is not m:
                if other.type:
                    f.append(f"coord={other.type}")
                j = other.end
            elif lowers[j] in _LIST:
                j += 1
            else:
                break
        k = j  # "the PaSC, COX and ESOGU video datasets": a modifier or two before the noun
        while k < min(n, j + 2) and lowers[k].isalpha() and lowers[k] not in _NOT_MODIFIERS and \
                lowers[k] not in _PLURAL_DATASET_NOUNS and view.texts[k].islower():
            k += 1
        if k > j and k < n and lowers[k] in _PLURAL_DATASET_NOUNS:
            j = k
        f.append(f"listnext={lowers[j] if j < n else '</s>'}")
        if m.start == 0 and m.end < view.title_end:
            # a title's leading name: a dataset when the title says so ("X: A Benchmark for ...")
            f.append(f"title_lead&dataset_title={bool(_TITLE_DATASET.intersection(lowers[:view.title_end]))}")
        elif m.start < view.title_end:
            f.append("in_title")
        f.append(f"source={m.source}")
        if m.end - m.start > 1:
            f.append(f"last={lowers[m.end - 1]}")
    name = ms[0].canonical
    shape = shapes.type_from_shape(name)
    f.append(f"shape={shape}")
    fam = shapes.family(name)
    term = lex.lookup(fam) if fam else None
    f.append(f"family={term.type if term else None}")
    f.append(f"digit={any(c.isdigit() for c in name)}")
    f.append(f"caps={name.isupper()}")
    f.append(f"hyphen={'-' in name}")
    f.append(f"mentions={min(len(ms), 3)}")
    return f


def accept_features(view, ms, ent, names: list[str]) -> list[str]:
    """What the decision to keep a name the lexicon does not know reads: where it came from (a
    definition, a naming cue, its shape), how it is written, how often and where it is used, the
    words around it, the last word of its long form, its type, and whether another name of the
    paper is built on it ("SeiT" of "SeiT++"). `names`: the keys of the paper's names."""
    lowers, texts = view.lowers, view.texts
    n = len(lowers)
    name = ent.name
    f = ["bias", f"type={ent.type}", f"mentions={min(len(ms), 4)}"]
    k = key(name)
    if len(k) >= 3 and any(k != other and k in other for other in names):
        f.append("inside_another_name")
    f += sorted({f"source={m.source}" for m in ms})
    letters = [c for c in name if c.isalpha()]
    caps = sum(1 for c in letters if c.isupper())
    if name.isupper() and name.isalpha():
        f.append(f"acronym={min(len(name), 6)}")
    elif caps > 1 and any(c.islower() for c in letters):
        f.append("mixed_case")
    elif name[:1].isupper():
        f.append("capitalised")
    else:
        f.append("lower")
    f.append(f"digit={any(c.isdigit() for c in name)}")
    f.append(f"hyphen={'-' in name}")
    f.append(f"words={min(len(name.split()), 4)}")
    f.append(f"length={min(len(name), 12) // 3}")
    if any(m.named for m in ms):
        f.append("named")
    if any(m.tentative for m in ms):
        f.append("two_letter_definition" if len(key(name)) == 2 else "task_definition")
    long = [m for m in ms if m.end - m.start > 1]
    if long:
        f.append(f"long_last={lowers[long[0].end - 1]}")
        f.append("defined")
    elif len(name) <= 5 and name.isupper():
        f.append("undefined_acronym")
    first = ms[0]
    if first.start < view.title_end:
        f.append("in_title")
    f.append(f"p1={lowers[first.start - 1] if first.start else '<s>'}")
    f.append(f"n1={lowers[first.end] if first.end < n else '</s>'}")
    f.append(f"sent_start={view.is_sent_start(first.start)}")
    if first.end < n and lowers[first.end] in {"-", "based", "like"}:
        f.append("modifier")
    if any(texts[m.start][:1].isupper() and view.is_sent_start(m.start) for m in ms) and len(ms) == 1:
        f.append("only_at_sentence_start")
    return f


def _stem(name: str) -> str:
    """What variants of one family share: 'PixArt-α' and 'PixArt-Σ' -> 'pixart'."""
    return key(name.rsplit("-", 1)[0]) if "-" in name else ""


def _siblings_share_a_type(view, built, dataset_p, builder) -> None:
    """A name the typing model called a dataset that shares its stem with a model of the paper
    ("its predecessor, PixArt-α" beside PixArt-Σ) is a model too, unless a dataset noun follows it."""
    models = {}
    for (_, ms, ent), p in zip(built, dataset_p):
        stem = _stem(ent.name)
        if len(stem) >= 3 and ent.type != "dataset":
            models.setdefault(stem, ent.type)
    for (_, ms, ent), p in zip(built, dataset_p):
        stem = _stem(ent.name)
        if p is not None and ent.type == "dataset" and stem in models and not builder._named_dataset(view, ms):
            ent.type = models[stem]


def _coined(view, ms) -> bool:
    """Whether the name is defined with a long form in capitals, as a coined name is:
    "Gated-Attention (GA) Reader", "Vision Outlooker (VOLO)"; not "knowledge graph completion (KGC)"."""
    for m in ms:
        if m.source == "abbreviation" and len(m.text) > len(m.canonical) and not m.tentative:  # the long form
            words = [w for w in m.text.replace("-", " ").split() if w.isalpha() and len(w) > 3]
            if words and all(w[:1].isupper() for w in words):
                return True
    return False
