"""People the model misses whom the knowledge base knows in full (stages/entities/known_people.py).
Sentences written for these tests; the model's reading is set by hand, as it read a wire story, so the
tests do not hang on what the model happens to tag."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph import Article, Document
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


@pytest.mark.model
def test_a_name_the_model_missed_after_a_dateline_is_a_person_by_the_age_after_it(
    extract: Callable[..., Document],
) -> None:
    doc = extract(
        "BRISTOL — Ashley Burrows, 27, was found guilty of fraud on Thursday after a trial in which he "
        "represented himself. Prosecutor Dana Greer told the jury that Burrows had sold fake tickets."
    )
    burrows = [e for e in doc.entities if e.name == "Ashley Burrows"]
    assert [e.type for e in burrows] == ["PERSON"]
    assert [m.text for m in burrows[0].mentions] == ["Ashley Burrows", "he", "himself", "Burrows"]


def test_an_age_makes_a_person_only_of_a_name_no_person_mention_covers_and_no_title_opens() -> None:
    from newsgraph.stages.entities.known_people import aged_people

    nlp = load_nlp(DEFAULT_MODEL)
    plain = nlp("On Monday, Olga Varenne, 28, spoke.")
    words, text = tuple(plain), plain.text
    assert aged_people(words, text, {}) == [(3, 5)]
    assert aged_people(words, text, {4: (4, 5, "ORG")}) == [(3, 5)]  # a surname typed a body gives way
    assert aged_people(words, text, {3: (3, 5, "PERSON"), 4: (3, 5, "PERSON")}) == []  # the model's stands
    titled = nlp("Judge Olga Varenne, 28, and Mexican Ariel Cruz, 30, spoke.")
    # A title or a demonym before: not a name of two words.
    assert aged_people(tuple(titled), titled.text, {}) == []


def test_a_person_the_model_cut_short_runs_on_to_the_name_the_knowledge_base_knows() -> None:
    # The model left the month's name out of "Theresa May", and cut "Park Jae-sang" at its hyphen.
    parsed = _read(
        "Prime Minister Theresa May now faces a vote. The singer Park Jae-sang signed a deal.",
        (("Theresa", "PERSON"), ("Park Jae", "PERSON")),
    )
    found = _found(parsed)
    assert found.get("Theresa May") == "PERSON" and "Theresa" not in found
    assert found.get("Park Jae-sang") == "PERSON" and "Park Jae" not in found


def test_a_cut_person_runs_on_only_to_a_known_name_and_not_into_a_longer_one() -> None:
    # No known person "Maria May"; and "Theresa May Foundation" is a longer name, not the person.
    parsed = _read(
        "Maria May now faces a vote. Theresa May Foundation staff met on Monday.",
        (("Maria", "PERSON"), ("Theresa", "PERSON")),
    )
    found = _found(parsed)
    assert "Maria May" not in found and "Theresa May" not in found
