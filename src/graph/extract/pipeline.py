"""The spaCy pipeline: ``spacy.blank("en")`` with a tokenizer that keeps names whole, a sentence
splitter that also ends the title, and papergraph's components. No trained model is needed.

The components read the Doc through ``tokens.view`` (plain lists of token texts and sentence
ranges); spaCy's own sentence flags are not set, so ``doc.sents`` is not available."""
from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.lang.char_classes import HYPHENS
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_suffix_regex

import graph.extract.claims  # noqa: F401  (registers pg_claims)
import graph.extract.entities  # noqa: F401  (registers pg_entities)
import graph.extract.mentions  # noqa: F401  (registers pg_mentions)
from graph.extract import tokens
# Split a hyphen only before these words: "ViT-based" -> "ViT" "-" "based"; "ResNet-50" stays whole.
_AFFIXES = r"based|like|style|inspired|driven|specific|only|free|aware|equipped|sized|level|wise|scale|type"


def _tokenizer_infixes(nlp: Language):
    # hyphens and slashes stay inside names ("ResNet-50", "DeiT-Ti/S/B"); the mentions component splits them
    keep = [p.replace("[:<>=/]", "[:<>=]").replace(r"[+\-\*^](?=[0-9-])", r"[+\*^](?=[0-9-])")
            for p in nlp.Defaults.infixes if f"(?:{HYPHENS})" not in p]  # "EMOv2-5M" stays whole too
    keep.append(rf"(?<=[A-Za-z0-9+])-(?=(?:{_AFFIXES})\b)")
    return compile_infix_regex(keep)


@Language.component("pg_sentences")
def split_sentences(doc: Doc) -> Doc:
    """Sentences end after sentence-final punctuation (as spaCy's Sentencizer has it); the title is
    its own sentence, ending at the blank line that follows it."""
    view = tokens.view(doc)
    view.split_sentences()
    return doc


def _tokenizer_suffixes(nlp: Language):
    # keep "CIFAR-100+", "CC1M", "EMO-5M" whole: drop the rules that split "+" and units after digits
    keep = [p for p in nlp.Defaults.suffixes if not p.startswith("(?<=[0-9])")]
    keep += [r"(?<=[0-9])%", r"(?<=[A-Z0-9+])\."]  # "87.1%" -> "87.1" "%"; "on ImageNet-1K." ends a sentence
    return compile_suffix_regex(keep)


def make_nlp() -> Language:
    nlp = spacy.blank("en")
    default = nlp.tokenizer
    nlp.tokenizer = tokens.make_tokenizer(
        nlp.vocab, rules=default.rules, prefix_search=default.prefix_search,
        suffix_search=_tokenizer_suffixes(nlp).search, infix_finditer=_tokenizer_infixes(nlp).finditer,
        token_match=default.token_match, url_match=default.url_match)
    nlp.add_pipe("pg_sentences")
    nlp.add_pipe("pg_mentions")
    nlp.add_pipe("pg_entities")
    nlp.add_pipe("pg_claims")
    return nlp

