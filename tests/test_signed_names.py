"""People who sign a quotation ('"..." ― Name'; stages/entities/signed_names.py). Text written for these
tests; the model's reading is set by hand, so the tests do not hang on what the model happens to tag."""

from __future__ import annotations

import pytest

from newsgraph import Article
from newsgraph.nlp import DEFAULT_MODEL, load_nlp
from newsgraph.stages.base import Parsed
from newsgraph.stages.entities.mentions import name_candidates
from newsgraph.stages.entities.signed_names import add_signers, signed_names

_ROUNDUP = (
    "Readers told us what the vote meant to them.\n\n"
    "“The buses finally run on time, and I can get to work.” ―\u00a0Marta Quellsen\n"
    "“Nobody asked the farmers what they thought.” ― Owen R. Tabbet.\n\n"
    "“We will keep marching until the mill reopens.” ― The Valley Ledger\n"
    "“It was a long night” ― said nobody at all, and the count went on."
)


def _names(text: str) -> list[str]:
    return [text[a:b] for a, b in signed_names(text)]


def test_a_name_signing_a_quotation_is_read_and_a_paper_or_a_clause_is_not() -> None:
    assert _names(_ROUNDUP) == ["Marta Quellsen", "Owen R. Tabbet"]


def test_a_dash_inside_a_sentence_signs_nothing() -> None:
    assert _names("The mayor ― Anna Brill ― said the road would open in May.\n") == []


@pytest.mark.model
def test_a_signer_the_model_missed_or_mistyped_is_a_person() -> None:
    doc = load_nlp(DEFAULT_MODEL)(_ROUNDUP)
    start = _ROUNDUP.index("Owen R. Tabbet")
    doc.ents = [doc.char_span(start, start + len("Owen R. Tabbet"), label="GPE")]
    parsed = Parsed.from_doc(Article.make(_ROUNDUP), doc)
    found = {c.text: c.type for c in add_signers(parsed, name_candidates(parsed))}
    assert found.get("Marta Quellsen") == "PERSON" and found.get("Owen R. Tabbet") == "PERSON", found
