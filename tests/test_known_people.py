"""People the model misses whom the knowledge base knows in full (stages/entities/known_people.py).
Sentences written for these tests; the model's reading is set by hand, as it read a wire story, so the
tests do not hang on what the model happens to tag."""

from __future__ import annotations

import pytest

from newsgraph import Article
from newsgraph.nlp import DEFAULT_MODEL, load_nlp
from newsgraph.stages.base import Parsed
from newsgraph.stages.entities.kb_link import knowledge_base
from newsgraph.stages.entities.known_people import add_known_people
from newsgraph.stages.entities.mentions import name_candidates

pytestmark = pytest.mark.model


def _read(text: str, ents: tuple[tuple[str, str], ...]) -> Parsed:
    doc = load_nlp(DEFAULT_MODEL)(text)
    doc.ents = [doc.char_span(text.index(t), text.index(t) + len(t), label=label) for t, label in ents]
    return Parsed.from_doc(Article.make(text), doc)


def _found(parsed: Parsed) -> dict[str, str]:
    return {c.text: c.type for c in add_known_people(parsed, name_candidates(parsed), knowledge_base(None))}


def test_a_known_person_after_a_dateline_the_model_missed_is_a_person() -> None:
    # The model read "Jan 19 -" and the name after it as nothing but a date.
    parsed = _read(
        "CANBERRA, Australia, Jan 19 - Scott Morrison said on Thursday he would stay on.",
        (("CANBERRA", "GPE"), ("Australia", "GPE"), ("Jan 19", "DATE")),
    )
    assert _found(parsed).get("Scott Morrison") == "PERSON"


def test_not_inside_a_longer_name_nor_over_a_mention_the_model_made() -> None:
    # A body named after a person runs on into a capitalised word; what the model typed stays its.
    parsed = _read(
        "Students of the Scott Morrison Institute met on Monday, and Boris Johnson Ltd filed its accounts.",
        (("Boris Johnson Ltd", "ORG"),),
    )
    found = _found(parsed)
    assert "Scott Morrison" not in found and found.get("Boris Johnson Ltd") == "ORG"
    unknown = _read("Later Harriet Quellbrook said she would stay.", ())
    assert "Harriet Quellbrook" not in _found(unknown)  # no knowledge-base person of that name
