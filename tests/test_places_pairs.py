"""A town and its division written "Town, Division" (pairs.py) and a town and division the model took for
one name (town_names.split_town_divisions), on sentences written here: each name is read with the other,
so an English county is not one of the American counties of its name."""

from __future__ import annotations

import pytest

from newsgraph.geo import Place
from newsgraph.model import Entity, Mention
from newsgraph.stages.places.pairs import division_pairs, read_together


def _place(eid: str, text: str, name: str) -> Entity:
    start = text.index(name)
    return Entity(id=eid, name=name, type="GPE", mentions=(Mention(start, start + len(name), name, 0),))


def _town(country: str, admin1: str = "") -> Place:
    return Place("Town", "city", country, admin1, 0.0, 0.0, 20_000, "1")


def _division(country: str, kind: str = "adm2", admin1: str = "") -> Place:
    return Place("Division", kind, country, admin1, 0.0, 0.0, 0, None)


def test_a_division_after_a_town_and_a_comma_is_paired() -> None:
    text = "A roofer from Ludlow, Shropshire, was fined."
    places = {"a": _place("a", text, "Ludlow"), "b": _place("b", text, "Shropshire")}
    assert division_pairs(places, text) == [("a", "b")]


@pytest.mark.parametrize(
    "text",
    [
        "The tour stops in Ludlow, Shropshire and Chester.",
        "The tour stops in Ludlow, Shropshire, Chester and Bath.",
        "The tour stops in Ludlow, Shropshire or Chester.",
    ],
)
def test_a_list_of_places_pairs_nothing(text: str) -> None:
    places = {"a": _place("a", text, "Ludlow"), "b": _place("b", text, "Shropshire")}
    assert division_pairs(places, text) == []


def test_a_country_after_the_division_still_pairs() -> None:
    text = "A roofer from Ludlow, Shropshire, England, was fined."
    places = {"a": _place("a", text, "Ludlow"), "b": _place("b", text, "Shropshire")}
    assert division_pairs(places, text) == [("a", "b")]


def test_the_two_readings_keep_what_lies_together() -> None:
    towns = (_town("GBR", "ENG"), _town("USA", "MA"))
    divisions = (_division("USA", "adm2short", "ME"), _division("GBR"), _division("USA", "adm2short", "MA"))
    read = read_together(towns, divisions)
    assert read is not None
    kept_towns, kept_divisions = read
    assert kept_towns == towns  # each town lies in one of the divisions
    assert kept_divisions == divisions[1:]  # no town lies in the Maine county


def test_a_us_county_of_another_state_is_not_the_towns() -> None:
    assert read_together((_town("USA", "MA"),), (_division("USA", "adm2short", "ME"),)) is None


def test_readings_that_never_meet_change_nothing() -> None:
    assert read_together((_town("FRA"),), (_division("USA"), _division("GBR", "city"))) is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "town", "division", "country"),
    [
        ("A cyclist from Taunton, Somerset, won the hill climb on Sunday.", "Taunton", "Somerset", "GBR"),
        ("Flooding closed schools in Tonbridge, Kent, on Tuesday morning.", "Tonbridge", "Kent", "GBR"),
        ("The ferry from Dover, Delaware, left late on Friday.", "Dover", "Delaware", "USA"),
    ],
)
def test_town_and_division_are_read_together(extract, text, town, division, country) -> None:  # type: ignore[no-untyped-def]
    doc = extract(text)
    found = {e.name: e.country for e in doc.entities if e.is_place}
    assert (found.get(town), found.get(division)) == (country, country), found


@pytest.mark.model
def test_the_division_is_the_one_the_chosen_town_lies_in(extract) -> None:  # type: ignore[no-untyped-def]
    # Dover in England and Dover, Delaware each lie in a Kent: the bigger Dover, and its county.
    doc = extract("A fisherman from Dover, Kent, rescued two swimmers on Saturday.")
    found = {e.name: e.country for e in doc.entities if e.is_place}
    assert (found.get("Dover"), found.get("Kent")) == ("GBR", "GBR"), found


@pytest.mark.model
def test_a_town_and_division_taken_for_one_body_are_two_places(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("Gary Pell, 58, of Maidstone, Kent, admitted the theft of copper cable on Monday.")
    found = {e.name: (e.type, e.country) for e in doc.entities}
    assert found.get("Maidstone") == ("GPE", "GBR"), found
    assert found.get("Kent") == ("GPE", "GBR"), found
    assert "Maidstone, Kent" not in found


@pytest.mark.model
def test_a_firm_of_partners_named_like_places_stays_a_body(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("Smith, Jones and Brown LLP sued the council over the contract.")
    assert not any(e.is_place for e in doc.entities), [(e.name, e.type) for e in doc.entities]
