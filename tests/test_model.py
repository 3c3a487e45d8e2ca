"""The contract between stages: records and digests."""
import json

from hypothesis import given
from hypothesis import strategies as st

from graph.model import Paper, paper_digest, to_json

values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
                      lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=20)


@given(value=values)
def test_to_json_is_json_dumps_keeping_non_ascii(value):
    assert to_json(value) == json.dumps(value, ensure_ascii=False)


def test_paper_digest_is_what_earlier_versions_stored():
    # output folders key their records by this digest: a change would extract every stored paper again
    paper = Paper("ViT: an image is worth 16x16 words", "We show that a pure transformer – “ViT” – works.",
                  "2010.11929", None, 2020)
    assert paper_digest(paper) == "3dcaffe74a599e3f98b664eea5d776bd"
    assert paper_digest(Paper(paper.title, paper.abstract + " ")) != paper_digest(paper)
