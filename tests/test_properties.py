"""Property-based tests: random and adversarial input through the readers, the text clean-up and
extraction. Whatever comes in, nothing crashes, bad records become reports, and what comes out
keeps its promises (evidence is the text at its offsets, claims join entities of the paper)."""
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.errors import InputError
from graph.model import ENTITY_TYPES, PAPER, RELATIONS, Paper
from graph.readers import MAX_ABSTRACT, READERS, read_paths
from graph.text import clean

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# words that steer the readers and the extractor into their interesting branches
WORDS = ["ResNet-50", "ImageNet", "ImageNet-1K", "ViT", "(ViT)", "Vision", "Transformer", "we", "We", "propose",
         "outperforms", "than", "better", "on", "CIFAR-10", "achieves", "87.1%", "top-1", "accuracy", "extends",
         "builds", "upon", "based", "our", "model", ",", ".", ";", "(", ")", "{", "}", "\\emph{", "<i>", "</i>",
         "&amp;", "$\\alpha$", "@article{", "title", "=", "\"", "\n", "\n\n", "\t", "\x00", "\ufeff", "é", "😀",
         "Mar 12", "-", "–", "BERT", "SQuAD", "GLUE", "and", "or", "the", "DeiT", "Swin", "MoCo", "v2"]
texts = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=60).map(" ".join)
raw = st.one_of(st.binary(max_size=2000), texts.map(lambda t: t.encode("utf-8", "surrogatepass")))


@SETTINGS
@given(data=raw, fmt=st.sampled_from(sorted(READERS)))
def test_any_bytes_in_any_format_give_papers_or_reports_never_a_crash(tmp_path, data, fmt):
    path = tmp_path / "input"
    path.write_bytes(data)
    problems = []
    try:
        for p in read_paths([path], fmt, on_problem=problems.append):
            assert p.title and p.abstract and len(p.abstract) <= MAX_ABSTRACT
            assert p.source.startswith(str(path))
    except InputError as err:  # input that is not text is refused whole, before any paper
        assert str(err).startswith(f"{path}: not text: ") and problems == []
    assert all(str(e).startswith(str(path)) for e in problems)


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | texts,
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
                               st.sampled_from(["title", "abstract", "id", "url", "year", "display_name",
                                                "abstract_inverted_index", "publication_year", "doi", "x"]),
                               inner, max_size=6),
                           max_leaves=20)


@SETTINGS
@given(records=st.lists(json_values, max_size=8))
def test_any_json_records_give_papers_or_reports(tmp_path, records):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    problems = []
    papers = list(read_paths([path], on_problem=problems.append))
    assert len(papers) + len(problems) <= max(1, len(records))  # one outcome per record (an empty file: one report)
    assert len(problems) >= sum(not isinstance(r, dict) for r in records)
    for p in papers:
        assert isinstance(p.title, str) and isinstance(p.abstract, str) and p.title and p.abstract


@SETTINGS
@given(text=texts)
def test_clean_leaves_no_control_characters_or_outer_space(text):
    out = clean(text)
    assert out == out.strip()
    assert not any(ord(c) < 32 and c != "\n" for c in out)
    assert "  " not in out


@SETTINGS
@given(title=texts, abstract=texts)
def test_extraction_of_any_text_keeps_its_promises(extractor, title, abstract):
    paper = Paper(clean(title) or "T", clean(abstract) or "A")
    graph = extractor.extract(paper)
    names = {e.name for e in graph.entities}
    assert len(names) == len(graph.entities)
    for e in graph.entities:
        assert e.type in ENTITY_TYPES and e.name.strip() == e.name and e.name
    for c in graph.claims:
        assert c.relation in RELATIONS
        assert c.head in names | {PAPER} and c.tail in names and c.head != c.tail
        assert paper.text[c.start:c.end] == c.evidence
