"""The token view: plain lists that stand for the Doc. Its sentences must be spaCy's Sentencizer's
(plus the title rule), its texts the Doc's tokens, and cue matches made once per Doc must be the
matches made sentence by sentence."""
import spacy
from hypothesis import example, given, settings
from hypothesis import strategies as st

from graph.extract import tokens
from graph.extract.cues import NAMED, CueSet
from graph.extract.pipeline import make_nlp

NLP = make_nlp()
SENTENCIZER = spacy.blank("en").add_pipe("sentencizer")
WORDS = ["We", "propose", "ResNet-50", ".", "!", "?", "...", ")", "(", '"', "outperforms", "better", "than",
         "based", "on", "ImageNet", "\n\n", "\n", "e.g.", "Fig.", "3.5", "%", ":", ";", "é", "our", "model", "et",
         "al", ","]
texts = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=5)), max_size=40).map(" ".join)


def spacy_sentences(text):
    """spaCy's own answer: the Sentencizer, then the title rule (the first blank-line token ends
    the title, which is one sentence)."""
    doc = SENTENCIZER(NLP.tokenizer(text))
    for k in range(1, len(doc)):  # not after "et al." nor where a comma or semicolon follows the period
        if doc[k].is_sent_start:
            r = k
            while r > 0 and (doc[r - 1].text in tokens.SENTENCE_END or doc[r - 1].is_punct):
                r -= 1
            end = next(i for i in range(r, k) if doc[i].text in tokens.SENTENCE_END)
            if doc[end].text == "." and end and doc[end - 1].text == "al" or \
                    any(doc[i].text in (",", ";") for i in range(end + 1, k)):
                doc[k].is_sent_start = False
    for i, t in enumerate(doc):
        if tokens.TITLE_BREAK in t.text and t.text.isspace():
            if i + 1 < len(doc):
                doc[i + 1].is_sent_start = True
            for t in doc[1:i + 1]:
                t.is_sent_start = False
            break
    return [(s.start, s.end, s.start_char, s.end_char) for s in doc.sents] if len(doc) else []


def view_of(text):
    v = tokens.view(NLP.tokenizer(text))
    v.split_sentences()
    return v


def test_view_lists_the_tokens_and_their_offsets():
    v = view_of("ViT-B/16 beats ResNet-50 (87.1%).")
    assert v.texts == ["ViT-B/16", "beats", "ResNet-50", "(", "87.1", "%", ")", "."]
    assert v.lowers[0] == "vit-b/16"
    assert v.idx[:3] == [0, 9, 15]
    assert v.span_text(1, 3) == "beats ResNet-50"
    assert v.span_text(2, 2) == ""


def test_title_is_one_sentence_ending_at_the_blank_line():
    v = view_of("Deep Nets. A Study\n\nWe propose X. It works.")
    assert [(s.start, s.end) for s in v.sents] == [(0, 6), (6, 10), (10, 13)]
    assert v.title_end == 5
    assert v.span_text(v.sents[1].start, v.sents[1].end) == "We propose X."
    assert v.sent_at(7).i == 1 and v.is_sent_start(6) and not v.is_sent_start(2)


def test_a_period_before_a_comma_or_after_et_al_ends_no_sentence():
    v = view_of("By extending ListNet (Cao et al., 2007), we win. Smith et al. proposed X. It works.")
    assert [v.span_text(s.start, s.end) for s in v.sents] == [
        "By extending ListNet (Cao et al., 2007), we win.", "Smith et al. proposed X.", "It works."]


def test_a_doc_without_tokens_has_no_sentences():
    assert view_of("").sents == []


@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_sentences_are_spacys(text):
    v = view_of(text)
    assert [(s.start, s.end, s.start_char, s.end_char) for s in v.sents] == spacy_sentences(text)
    assert v.texts == [t.text for t in NLP.tokenizer(text)]


@settings(max_examples=200, deadline=None)
@given(text=texts)
def test_punctuation_is_spacys(text):
    v = view_of(text)
    assert [v.is_punct(i) for i in range(len(v))] == [t.is_punct for t in NLP.tokenizer(text)]


def test_cue_words_must_not_be_punctuation():
    try:
        CueSet(["better than", "as shown ."])
    except ValueError as e:
        assert "as shown ." in str(e)
    else:
        raise AssertionError("a cue ending in '.' could span two sentences")


@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_cues_found_once_per_doc_are_the_cues_of_each_sentence(text):
    cue_set = CueSet(["outperforms", "better than", "based on", "we propose", "our model", "than"])
    v = view_of(text)
    for s in v.sents:
        assert v.cues_in(cue_set, s) == cue_set.find(v.lowers[s.start:s.end])


NAMED_WORDS = sorted({w for cue_set in NAMED for options in cue_set.by_first.values() for cue in options for w in cue})


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(NAMED_WORDS + WORDS), max_size=60).map(" ".join))
@example(text="a model which we call X")  # "which we call" hides "we call" of its own set, not "we" of another
def test_named_cue_sets_found_together_are_each_sets_own_matches(text):
    assert len(NAMED) >= 8  # the pipeline's sets: data/patterns.json
    v = view_of(text)
    for cue_set in NAMED:
        assert v.cues(cue_set) == cue_set.find(v.lowers)


def test_a_named_cue_set_is_registered_once_whoever_asks():
    from graph.extract import cues as cue_module

    before = list(NAMED)
    self_set = cue_module.cues("self")
    cue_module.cues.cache_clear()  # as when two threads miss the cache at once
    assert cue_module.cues("self") is self_set
    assert NAMED == before and NAMED[self_set.number] is self_set
