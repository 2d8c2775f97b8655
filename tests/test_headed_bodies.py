"""Bodies the model misses, or reads as places, found by the head word of their name
(stages/entities/headed_bodies.py; issue 14). Hand-written sentences."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.model import Document


def _bodies(doc: Document) -> set[str]:
    return {e.name for e in doc.entities if e.type == "ORG"}


def test_a_capitalised_name_ending_in_a_bodys_head_word_is_an_organisation(
    extract: Callable[..., Document],
) -> None:
    doc = extract(
        "Mr. Dorsey also holds the Right to Life Party nomination for the race, aides said on Monday. "
        "Later the Grand Valley Tenants Association met in the library."
    )
    assert {"Right to Life Party", "Grand Valley Tenants Association"} <= _bodies(doc)


def test_the_article_opening_a_sentence_is_no_part_of_the_name(extract: Callable[..., Document]) -> None:
    doc = extract("The Upper Hollow Tenants Association met on Monday in the library.")
    assert "Upper Hollow Tenants Association" in _bodies(doc)


def test_a_name_the_model_missed_or_read_as_a_place_is_a_body(extract: Callable[..., Document]) -> None:
    doc = extract(
        "Kerry Hale, who runs the Dunmore East Harbour Trust, said boats were safe. "
        "Members of the Lake Basin Traders Sacco met in Kisumu."
    )
    assert {"Dunmore East Harbour Trust", "Lake Basin Traders Sacco"} <= _bodies(doc)
    # The place the model read inside the body's name is no place mention of its own
    assert not any(e.name == "Lake Basin" for e in doc.entities)


def test_a_head_word_of_another_language_opens_or_ends_the_name(extract: Callable[..., Document]) -> None:
    doc = extract(
        "Growers of the Cooperativa Vitivinícola Los Aromos sold their harvest early this year. "
        "Fishermen in the Skrova Fiskerforening voted to strike."
    )
    assert {"Cooperativa Vitivinícola Los Aromos", "Skrova Fiskerforening"} <= _bodies(doc)


def test_known_places_ending_in_a_head_word_stay_places(extract: Callable[..., Document]) -> None:
    doc = extract(
        "Settlers in the West Bank protested on Monday, and the Russian Federation said it would "
        "send an envoy."
    )
    assert not {"West Bank", "Russian Federation"} & _bodies(doc)


def test_a_heading_in_capitals_is_no_body(extract: Callable[..., Document]) -> None:
    doc = extract("CRUDE OIL\nPrices rose sharply on Monday as traders weighed the outlook.")
    assert "CRUDE OIL" not in _bodies(doc)


def test_a_name_the_model_read_as_a_persons_after_an_opening_head_word_is_the_bodys(
    extract: Callable[..., Document],
) -> None:
    doc = extract(
        "The beef goes to Grupo Sertao Carnes, a meatpacker in Goiania, which sells mainly to China. "
        "The prize is funded by the Fundación Rigoberta Menchú in Guatemala."
    )
    bodies = _bodies(doc)
    assert {"Grupo Sertao Carnes", "Fundación Rigoberta Menchú"} <= bodies
    people = {e.name for e in doc.entities if e.type == "PERSON"}
    assert not people & {"Sertao Carnes", "Grupo Sertao Carnes", "Rigoberta Menchú"}


def test_an_english_of_after_such_a_name_names_its_seat(extract: Callable[..., Document]) -> None:
    doc = extract(
        "The novel was published last year, and a Brazilian edition from Editora Pau-Brasil of São "
        "Paulo is due in the spring."
    )
    found = {e.name: e.country for e in doc.entities if e.type == "ORG"}
    assert found.get("Editora Pau-Brasil") == "BRA"
