"""Places whose resolved country feeds actors' countries (issues 14 and 17): a country's name is the
country, a court district is no place, a dateline takes the town its wire or its story supports
(stages/places/narrow.py, demote.py). Sentences and places written here."""

from __future__ import annotations

import pytest
from places_support import place_mentioning, places_extractor

from newsgraph.geo import Place
from newsgraph.nlp.datelines import Dateline
from newsgraph.stages.places.context import Hint
from newsgraph.stages.places.narrow import as_country, filed_in, prominent, story_country


def _town(country: str, population: int, admin1: str = "") -> Place:
    return Place("Hamlet", "city", country, admin1, 0.0, 0.0, population, None)


_COUNTRY = Place("Peru", "country", "PER", "", -10.0, -76.0, 30_000_000, "1")
_WIRE = Dateline(0, 6, None, True, "dash", True)  # "HAVANA (AP) --"
_LOCAL = Dateline(0, 6, None, False, "dash", True)  # "HAVANA --"
_QUALIFIED = Dateline(0, 6, "Cuba", True, "dash", True)  # "HAVANA, Cuba (AP) --"


def test_a_wire_dateline_keeps_the_towns_prominent_enough_to_stand_alone() -> None:
    capital, village, city = _town("CUB", 2_000_000), _town("USA", 2_000, "FL"), _town("USA", 300_000, "OH")
    assert prominent((capital, village, city), _WIRE) == (capital, city)
    # A local paper's dateline and a qualified one name towns of any size.
    assert prominent((capital, village), _LOCAL) == (capital, village)
    assert prominent((capital, village), _QUALIFIED) == (capital, village)


def test_a_dateline_takes_a_town_of_the_country_the_story_supports() -> None:
    here, there = _town("CAN", 500_000), _town("USA", 60_000, "OH")
    votes = {"E1": ("CAN", 9.0), "E2": ("CAN", 2.0), "E3": ("USA", 1.0)}
    assert story_country("E1", votes, _WIRE, None) == "CAN"
    assert filed_in((here, there), _WIRE, "USA") == (there,)
    assert filed_in((here, there), _QUALIFIED, "USA") == (here, there)  # the qualifier decides
    assert filed_in((here,), _WIRE, "USA") == (here,)  # no town there: the ranker decides
    # One other mention is no majority; a local paper's country counts, and wins a tie.
    assert story_country("E2", {"E2": ("CAN", 1.0), "E3": ("USA", 1.0)}, _WIRE, None) is None
    two_each = {"E3": ("USA", 2.0)}
    assert story_country("E1", two_each, _LOCAL, "CAN") == "CAN"
    assert story_country("E1", two_each, _WIRE, "CAN") == "USA"


def test_a_country_name_keeps_the_country_unless_a_state_qualifies_it() -> None:
    town = _town("USA", 11_000, "IN")
    assert as_country((_COUNTRY, town), [], "PER") == (_COUNTRY,)
    assert as_country((_COUNTRY, town), [Hint(state="IN")], "PER") == (_COUNTRY, town)
    assert as_country((_COUNTRY, town), [Hint(state="OH")], "PER") == (_COUNTRY,)


@pytest.fixture(scope="module")
def extract():  # type: ignore[no-untyped-def]
    return places_extractor()


@pytest.mark.model
def test_a_country_name_in_a_state_story_is_the_country(extract) -> None:  # type: ignore[no-untyped-def]
    # Peru, Indiana is a town of 11,000 people; the state named alone does not make "Peru" that town in a
    # story that goes abroad.
    doc = extract("The farmer grew up in Indiana and later sold coffee from Peru to stores in Canada.")
    assert place_mentioning(doc, "Peru").country == "PER"
    # A state after it, or a town of that state named beside it (Kokomo lies 30 km away), does.
    doc = extract("The farmer moved to Peru, Ind., and sold his farm.")
    assert place_mentioning(doc, "Peru").country == "USA"
    doc = extract("The farmer grew up in Indiana and later sold coffee from Peru to stores in Kokomo.")
    assert place_mentioning(doc, "Peru").country == "USA"
    # A country in a list of countries keeps no town, even one near the story's towns (Russia, Ohio lies
    # 50 km from Dayton).
    doc = extract(
        "Election officials in Toledo and Dayton said Ohio voting machines were safe. The governor said "
        "China, Russia and North Korea had tried to break into them."
    )
    assert place_mentioning(doc, "Russia").country == "RUS"
    # A town of the same state far away is not enough (Russia, Ohio lies 175 km from Toledo).
    doc = extract(
        "The candidate spoke in Toledo, Ohio, on Monday. He said spies in China, Russia and North Korea "
        "would try to break into the count. Ohio voters cheered, and he flew on to Indiana and Virginia."
    )
    assert place_mentioning(doc, "Russia").country == "RUS"


@pytest.mark.model
def test_a_court_district_is_no_place(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "The former chief executive was charged by federal prosecutors in the Eastern District of New York, "
        "a spokeswoman for the federal prosecutors in Brooklyn said on Tuesday."
    )
    assert not any(e.is_place and e.country == "ASM" for e in doc.entities)
    assert not any(e.is_place and "District" in e.name for e in doc.entities)
    assert place_mentioning(doc, "Brooklyn").country == "USA"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "url", "country"),
    [
        pytest.param(
            # Havana, Florida lies in a state the story names; a wire's "HAVANA" is the capital.
            "HAVANA (AP) -- Thousands of people marched in Cuba on Sunday. Exiles in Miami, Florida, watched "
            "the march on television, and officials of the United States said nothing.",
            None,
            "CUB",
            id="a_wire_dateline_is_the_prominent_town",
        ),
        pytest.param(
            # The gazetteer lacks Bermuda's Hamilton: the qualifier's country, not Hamilton, Ontario.
            "HAMILTON, Bermuda (AP) -- The island's premier said on Tuesday that tourism fell last year.",
            None,
            "BMU",
            id="a_dateline_qualifier_names_the_country",
        ),
        pytest.param(
            # A Canadian paper's own dateline, with one US city named for a visit.
            "HAMILTON — City council voted on Tuesday to fund a new light rail line after a visit to "
            "Portland and Buffalo.",
            "http://www.example-news.ca/story",
            "CAN",
            id="a_local_dateline_is_in_the_papers_country",
        ),
        pytest.param(
            "MANSFIELD, Texas -- A school board in this suburb of Fort Worth voted on Monday to build a new "
            "stadium. Parents in Arlington and Mansfield said the vote came too late.",
            None,
            "USA",
            id="a_qualified_dateline_in_a_texas_story",
        ),
    ],
)
def test_a_dateline_is_where_the_story_was_filed(extract, text: str, url: str | None, country: str) -> None:  # type: ignore[no-untyped-def]
    doc = extract(text, url)
    dateline = text.split()[0].rstrip(",")
    assert place_mentioning(doc, dateline).country == country


@pytest.mark.model
def test_a_namesake_town_takes_the_story_state(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "A school board voted on Monday to build a new stadium in Arlington, Texas. Parents in Mansfield "
        "said the vote came too late, and officials in Fort Worth agreed."
    )
    assert place_mentioning(doc, "Mansfield").country == "USA"
