"""A Doc's token texts as plain lists, made once per Doc and shared by the components. Walking a
Doc creates a Token object per token; the components used to do it about ten times per abstract,
which cost more than all their rules together."""
from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Doc


def texts(doc: Doc) -> list[str]:
    cached = doc.user_data.get("pg_texts")
    if cached is None:
        strings = doc.vocab.strings  # by ORTH hash: no Token object per token
        cached = doc.user_data["pg_texts"] = [strings[h] for h in doc.to_array(ORTH).tolist()]
    return cached


def lowers(doc: Doc) -> list[str]:
    cached = doc.user_data.get("pg_lowers")
    if cached is None:
        cached = doc.user_data["pg_lowers"] = [t.lower() for t in texts(doc)]
    return cached
