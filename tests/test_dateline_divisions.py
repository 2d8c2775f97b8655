"""A dateline's province, state or region, and a bare dateline's town told apart by a region the story
names elsewhere (geo/divisions.py, read by the story's home and by the places stage). Sentences written
for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph import Document
from newsgraph.geo.divisions import division_country, named_division_namesake
from newsgraph.stages.entities.place_countries import home_country

_STORY = " - The town council voted on Monday to repair the bridge."


@pytest.mark.parametrize(
    ("dateline", "country"),
    [
        ("BRANDON, Manitoba", "CAN"),
        ("BRANDON, Man. (CP)", "CAN"),  # the Canadian Press's abbreviation
        ("PERTH, Western Australia (AP)", "AUS"),
        ("POONA, Maharashtra (Reuters)", "IND"),
        ("ATLANTA, Georgia (AP)", "USA"),  # the state where the town lies, not the country
        ("TBILISI, Georgia (AP)", "GEO"),
        ("NAIROBI, Kenya (AP)", "KEN"),
    ],
)
def test_a_datelines_qualifier_may_be_a_province_or_state(dateline: str, country: str) -> None:
    assert home_country(dateline + _STORY) == country


def test_a_bare_datelines_town_is_the_namesake_in_the_country_of_a_region_the_story_names() -> None:
    lead = "HAMILTON - A kindergarten was told to stop using bore water. "
    assert home_country(lead + "The Waikato Regional Council said nitrate levels had risen.") == "NZL"
    assert home_country(lead + "Conservation officials in Ontario said nitrate levels had risen.") == "CAN"
    assert home_country(lead + "The council said nitrate levels had risen.") != "NZL"


def test_division_country_needs_one_country_or_the_towns() -> None:
    assert division_country("Manitoba", "Brandon") == "CAN"
    assert division_country("Punjab", "Lahore") == "PAK"  # Punjab is India's and Pakistan's
    assert division_country("Georgia", "Atlanta") is None  # a country's name: only with country_too
    assert division_country("Georgia", "Atlanta", country_too=True) == "USA"
    assert named_division_namesake("Hamilton", "Nothing here names a region.") is None


@pytest.mark.model
def test_the_datelines_place_and_the_people_follow_the_region_the_story_names(
    extract: Callable[..., Document],
) -> None:
    doc = extract(
        "HAMILTON - A kindergarten has been told to stop using water from its own bore. Head teacher "
        "Mere Tawhiri said the children now drank bottled water. Waikato Regional Council scientist "
        "Oliver Brandt said nitrate levels in the area had been rising for years."
    )
    countries = {e.name: e.country for e in doc.entities}
    assert countries["HAMILTON"] == "NZL"
    assert countries["Mere Tawhiri"] == "NZL"
