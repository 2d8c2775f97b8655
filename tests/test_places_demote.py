"""GPE/LOC entities that are no place: actors, bodies, facilities and peoples, on sentences written here."""

from __future__ import annotations

import pytest

from newsgraph.model import Document, Entity, Mention
from newsgraph.stages.places.demote import body_acronym, is_acronym, word_type
from newsgraph.stages.places.resolve import _as_place


def _named(doc: Document, text: str) -> Entity:
    for e in doc.entities:
        if any(m.text == text for m in e.mentions):
            return e
    raise AssertionError(f"no entity mentioned as {text!r}")


def test_word_type_reads_bodies_and_facilities() -> None:
    assert word_type("Henderson Crimestoppers") == "ORG"
    assert word_type("Crimestoppers") == "ORG"
    assert word_type("Lakeside Senior Center") == "ORG"
    assert word_type("City Hall") == "ORG"
    assert word_type("Maple Grove") is None
    assert word_type("District 4") == "ORG" and word_type("District") == "ORG"
    assert word_type("Stoppers") is None  # a lone list word may be a town's name
    assert word_type("stoppers") is None


@pytest.mark.model
def test_unknown_name_that_acts_is_an_actor_not_a_place(extract) -> None:  # type: ignore[no-untyped-def]
    # The NER labels this drilling company GPE; the gazetteer knows no place of that name.
    doc = extract(
        "Families outside Tulsa agreed to a drilling contract with Titan in 2008. Titan promises quiet "
        "rigs, and the families trust Titan to keep its word.",
        published="2009-03-01",
    )
    assert _named(doc, "Tulsa").type == "GPE"
    titan = _named(doc, "Titan")
    assert titan.type in ("ORG", "PERSON") and titan.lat is None


@pytest.mark.model
def test_people_named_as_modifiers_are_no_place(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Leaders of the Tamil minority met in Colombo. Tamil separatists want talks, and the Tamil "
        "community is tired of war.",
        published="2009-03-01",
    )
    assert _named(doc, "Colombo").is_place
    tamil = [m for e in doc.entities if e.is_place for m in e.mentions if m.text == "Tamil"]
    assert tamil and all(m.kind == "demonym" for m in tamil)


@pytest.mark.model
def test_bodies_and_facilities_without_a_place_name_are_no_place(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("Parents can call Dunmore County Crimestoppers at 555-0100.", published="2009-03-01")
    assert not _named(doc, "Crimestoppers").is_place


@pytest.mark.model
def test_streets_and_parks_that_act_stay_places(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Cobbler Creek Road is closed after the storm in Fargo, N.D. Kestrel Park reopened on Friday.",
        published="2009-03-01",
    )
    assert _named(doc, "Fargo").is_place
    for text in ("Cobbler Creek Road", "Kestrel Park"):
        e = next((e for e in doc.entities if any(m.text == text for m in e.mentions)), None)
        assert e is None or e.is_place


@pytest.mark.model
def test_town_name_that_ends_a_persons_name_is_the_person(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Officers found Delbert Wayne Paris, 38, wounded in his truck near Marshall, Texas. "
        "Paris had two stab wounds.",
        published="2009-03-01",
    )
    assert all(m.text != "Paris" for e in doc.entities if e.is_place for m in e.mentions)
    doc = extract("Flights from Paris to Lyon were cancelled on Monday.", published="2009-03-01")
    assert _named(doc, "Paris").is_place


def test_word_type_reads_facilities_named_after_roads() -> None:
    assert word_type("Cedar Road Elementary School") == "ORG"
    assert word_type("Old Mill Inn") == "ORG"


@pytest.mark.model
def test_a_country_named_in_a_list_is_a_name_mention(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Aid went to families from Chad, the Philippines and Peru last spring.", published="2009-03-01"
    )
    mentions = [m for e in doc.entities if e.is_place for m in e.mentions if m.text == "Philippines"]
    assert mentions and all(m.kind == "name" for m in mentions)


@pytest.mark.model
def test_feast_days_name_a_patron_not_a_place(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("Crowds in Chicago dyed the river green for St. Patrick's Day.", published="2009-03-01")
    assert _named(doc, "Chicago").is_place
    assert not _named(doc, "St. Patrick").is_place


def test_acronyms_are_mostly_capitals() -> None:
    assert is_acronym("TxDOT") and is_acronym("UF")
    assert not is_acronym("McAllen") and not is_acronym("DeKalb") and not is_acronym("B.C.")


@pytest.mark.model
def test_a_place_named_with_its_state_stays_a_place_beside_a_namesake(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "George Washington slept here in 1790, and the Washington, D.C., office of the trust paid for "
        "the sign.",
        published="2009-03-01",
    )
    assert any(e.is_place for e in doc.entities for m in e.mentions if m.text == "Washington")


def test_an_acronym_after_the_is_a_body_but_a_country_code_is_not() -> None:
    text = "The PA was worried, and the US agreed."
    pa = Mention(4, 6, "PA", 0)
    us = Mention(27, 29, "US", 0)
    assert body_acronym(Entity("E1", "PA", "GPE", (pa,)), [pa], text)
    assert not body_acronym(Entity("E2", "US", "GPE", (us,)), [us], text)


def test_an_acronym_after_a_or_an_local_is_a_body_not_a_town_of_that_name() -> None:
    # "Ngo" is a town in the Republic of the Congo; "a local NGO" is no place.
    text = "A local NGO said it would help, and an NGO in Lagos agreed. Trains to NY ran late."
    local, other = Mention(8, 11, "NGO", 0), Mention(38, 41, "NGO", 0)
    assert body_acronym(Entity("E1", "NGO", "GPE", (local, other)), [local, other], text)
    ny = Mention(text.index("NY"), text.index("NY") + 2, "NY", 1)
    assert not body_acronym(Entity("E2", "NY", "GPE", (ny,)), [ny], text)


def test_a_state_code_after_a_town_stays_a_place() -> None:
    text = "He grew up in Erie, PA and the PA fair."
    erie_pa = Mention(20, 22, "PA", 0)
    fair = Mention(31, 33, "PA", 0)
    assert not body_acronym(Entity("E1", "PA", "GPE", (erie_pa, fair)), [erie_pa, fair], text)


def test_a_name_retyped_as_a_place_keeps_no_persons_pronoun() -> None:
    # The model took the town for a person and the entity layer gave it "his"; as a place it has none.
    name, pronoun = Mention(0, 9, "Oak Brook", 0), Mention(30, 33, "his", 0, "pronoun")
    town = _as_place(Entity("E1", "Oak Brook", "PERSON", (name, pronoun)), "GPE")
    assert town.type == "GPE" and town.mentions == (name,)
    # A body's "its", taken for a town's, may be the town's: it stays.
    its = Mention(40, 43, "its", 1, "pronoun")
    assert _as_place(Entity("E2", "Oak Brook", "ORG", (name, its)), "GPE").mentions == (name, its)


@pytest.mark.model
def test_a_school_named_after_its_borough_is_a_body_with_the_borough_inside(extract) -> None:  # type: ignore[no-untyped-def]
    # The NER labels the school GPE; the gazetteer knows its leading word only; "Latin" names a school.
    doc = extract("Seniors from Hartley Latin and Bronx Latin met in Queens.", published="2010-05-04")
    school = _named(doc, "Bronx Latin")
    assert school.type == "ORG" and school.lat is None
    assert any(e.is_place for e in doc.entities for m in e.mentions if m.text == "Bronx")
    assert _named(doc, "Queens").is_place


@pytest.mark.model
def test_a_park_named_after_its_county_stays_a_place(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("Volunteers cleaned Jefferson County Park in Kentucky on Saturday.", published="2010-05-04")
    assert _named(doc, "Jefferson County Park").is_place


@pytest.mark.model
def test_initials_and_a_surname_with_an_inner_capital_are_a_person(extract) -> None:  # type: ignore[no-untyped-def]
    # The NER labels the second name GPE; no place has that name.
    doc = extract("Pictured are coach Al Burt, C.J. McArthur, Ty Olds and Bo Allen.", published="2010-05-04")
    assert _named(doc, "C.J. McArthur").type == "PERSON"
