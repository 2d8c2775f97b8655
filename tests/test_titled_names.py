"""People the model misses right after their title (stages/entities/titled_names.py). Sentences written
for these tests; the model's reading is set by hand, as it read a real article, so the tests do not hang
on what the model happens to tag."""

from __future__ import annotations

import pytest

from newsgraph import Article
from newsgraph.nlp import DEFAULT_MODEL, load_nlp
from newsgraph.stages.base import Parsed
from newsgraph.stages.entities.mentions import name_candidates
from newsgraph.stages.entities.titled_names import add_titled_people, titled_names

pytestmark = pytest.mark.model


def _read(text: str, ents: tuple[tuple[str, str], ...]) -> Parsed:
    doc = load_nlp(DEFAULT_MODEL)(text)
    doc.ents = [doc.char_span(text.index(t), text.index(t) + len(t), label=label) for t, label in ents]
    return Parsed.from_doc(Article.make(text), doc)


def test_a_titled_name_the_model_missed_is_a_person() -> None:
    parsed = _read("Orthodox Rabbi Daniel Quellman of the synagogue spoke first.", (("Rabbi", "NORP"),))
    found = {c.text: c.type for c in add_titled_people(parsed, name_candidates(parsed))}
    assert found.get("Daniel Quellman") == "PERSON", found


def test_not_a_body_named_after_a_person_nor_a_word_that_is_no_given_name() -> None:
    doc = load_nlp(DEFAULT_MODEL)(
        "They met at the Judge Roy Quellman Pavilion. Mayor Street Quellman spoke. Sen. Ann B. Quill left."
    )
    assert [doc[a:b].text for a, b in titled_names(doc)] == ["Ann B. Quill"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Councillor Mereana Hohaia said the library would reopen in March.", "Mereana Hohaia"),
        ("Headteacher Olusegun Bakare said exam results had improved.", "Olusegun Bakare"),
    ],
)
def test_british_titles_are_no_part_of_the_name(extract, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    # "Councillor" and "Headteacher" (titles.tsv), as "Councilor" and "Mayor" are
    people = [e.name for e in extract(text).entities if e.type == "PERSON"]
    assert people == [name], people
