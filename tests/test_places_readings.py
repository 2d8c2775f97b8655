""" "the West" read by the kind of document (issue 17): the political West in international news, the
western United States in a US domestic story (stages/places/readings.py, places_readings.tsv). Sentences
written here."""

from __future__ import annotations

import pytest
from places_support import places_extractor

from newsgraph import lexicons
from newsgraph.errors import ConfigError
from newsgraph.geo import Place
from newsgraph.lexicons.places import region_readings
from newsgraph.model import Entity, Mention
from newsgraph.stages.places.rank import Choice
from newsgraph.stages.places.readings import DOMESTIC, INTERNATIONAL, document_reading, region_spans


def test_the_table_gives_the_west_a_political_and_a_us_reading() -> None:
    west = [r for r in region_readings() if r.name == "West"]
    by_reading = {r.reading: r for r in west}
    assert set(by_reading) == {INTERNATIONAL, DOMESTIC}
    # Several countries hold the political West; the western US is in the USA, west of the Rockies.
    assert by_reading[INTERNATIONAL].country is None
    assert by_reading[DOMESTIC].country == "USA" and by_reading[DOMESTIC].lon < -105
    # "the Western world" is only the political West.
    assert all(r.reading == INTERNATIONAL for r in west if "Western world" in r.forms)


def test_the_reader_refuses_an_unknown_reading_and_empty_forms(monkeypatch: pytest.MonkeyPatch) -> None:
    header = "name\tforms\treading\tcountry\tlat\tlon\n"
    for row, message in (
        ("West\tWest\tpolitical\t\t47\t-30\n", "line 2, column 'reading': 'political' is not one of"),
        ("West\t\tdomestic\tUSA\t40\t-114\n", "line 2, column 'forms': empty"),
    ):
        monkeypatch.setattr(lexicons, "_text", lambda name, row=row: header + row)
        region_readings.cache_clear()
        with pytest.raises(ConfigError, match=message):
            region_readings()
    monkeypatch.undo()
    region_readings.cache_clear()
    assert region_readings()  # the real file again, for the tests after this one


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            "West\tWest\tdomestic\tUSA\tforty\t-114\n",
            "line 2, column 'lat': 'forty' is not a number of degrees",
        ),
        ("West\tWest\tdomestic\tUSA\t40\t\n", "line 2, column 'lon': '' is not a number of degrees"),
        (
            "West\tWest\tdomestic\tUSA\t40\t-400\n",
            "line 2, column 'lon': '-400' is not a number of degrees from -180 to 180",
        ),
        ("West\tWest\tdomestic\tUSA\tnan\t-114\n", "line 2, column 'lat': 'nan' is not a number of degrees"),
    ],
)
def test_the_reader_refuses_a_bad_point_naming_file_line_and_column(
    monkeypatch: pytest.MonkeyPatch, row: str, message: str
) -> None:
    """A bad latitude or longitude is the lexicon's ConfigError (file, line, column, what was found and
    what is expected), not a bare ValueError from float()."""
    header = "name\tforms\treading\tcountry\tlat\tlon\n"
    monkeypatch.setattr(lexicons, "_text", lambda name: header + row)
    region_readings.cache_clear()
    try:
        with pytest.raises(ConfigError, match=f"lexicons/places_readings.tsv: {message}"):
            region_readings()
    finally:
        monkeypatch.undo()
        region_readings.cache_clear()
    assert region_readings()  # the real file again, for the tests after this one


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Moscow blamed the West for the war.", ["West"]),
        ("The West's answer came late, and the Western world looked away.", ["West", "Western world"]),
        ("Ties with the western world soured.", ["western world"]),
        ("The sanctions hurt the West\nTRADE FALLS", ["West"]),
        # Longer names and lower-case directions are not the region.
        ("Settlers in the West Bank and ports on the West Coast.", []),
        ("A West-backed government took office in the west of the country.", []),
        ("Kanye West sang, and West Virginia voted.", []),
        ("the Westfield mall", []),
    ],
)
def test_region_spans_find_the_west_and_nothing_longer(text: str, found: list[str]) -> None:
    assert [text[s:e] for s, e in sorted(region_spans(text))] == found


def _entity(eid: str, kind: str = "GPE", country: str | None = None, sector: str | None = None) -> Entity:
    mention = Mention(0, 4, "Name", 0)
    return Entity(eid, "Name", kind, (mention,), country=country, sector=sector)  # type: ignore[arg-type]


def _choice(kind: str, country: str | None) -> Choice:
    return Choice(Place("Name", kind, country, "", 0.0, 0.0, 0, None), 1.0, 1.0)


def test_foreign_places_and_actors_make_the_document_international() -> None:
    entities = [_entity("E1"), _entity("E2"), _entity("E3", "PERSON", country="RUS"), _entity("W", "LOC")]
    # Colorado against Ukraine and a Russian leader: abroad wins.
    choices = {"E1": _choice("adm1", "USA"), "E2": _choice("country", "UKR")}
    assert document_reading(entities, choices, {"W"}, home="USA") == INTERNATIONAL
    # An international body is abroad whatever its country.
    nato = [_entity("E1"), _entity("E4", "ORG", sector="IGO")]
    assert document_reading(nato, {"E1": _choice("adm1", "USA")}, (), home=None) == INTERNATIONAL


def test_us_states_and_towns_make_the_document_domestic() -> None:
    entities = [_entity("E1"), _entity("E2"), _entity("E3"), _entity("E4"), _entity("W", "LOC")]
    choices = {
        "E1": _choice("adm1", "USA"),
        "E2": _choice("city", "USA"),
        "E3": _choice("country", "MEX"),
        "E4": _choice("water", None),  # the Pacific says nothing either way
        "W": _choice("region", None),  # the region itself is left out
    }
    assert document_reading(entities, choices, {"W"}, home=None) == DOMESTIC
    # The United States itself is neither: a story naming only it reads as the paper's home says.
    us_only = {"E1": _choice("country", "USA")}
    assert document_reading(entities[:1], us_only, (), home="USA") == DOMESTIC
    assert document_reading(entities[:1], us_only, (), home=None) == INTERNATIONAL


@pytest.fixture(scope="module")
def extract():  # type: ignore[no-untyped-def]
    return places_extractor()


def _west(doc) -> Entity:  # type: ignore[no-untyped-def]
    found = [
        e for e in doc.entities if e.is_place and any(m.text.endswith(("West", "world")) for m in e.mentions)
    ]
    assert len(found) == 1, [(e.name, e.type) for e in doc.entities]
    return found[0]  # type: ignore[no-any-return]


@pytest.mark.model
def test_the_west_of_an_international_story_is_the_political_west(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Beijing and Tehran accused the West of meddling, and the Kremlin said sanctions imposed by the West "
        "on Belarus would fail."
    )
    west = _west(doc)
    # Not a town called West (Iceland, Texas): no country, a point in the North Atlantic.
    assert west.type in ("LOC", "GPE") and west.country is None and west.geonameid is None
    assert west.lat is not None and west.lon is not None and 35 < west.lat < 60 and -60 < west.lon < -10
    assert len([m for m in west.mentions if m.text == "West"]) == 2
    doc = extract("Pakistan's foreign minister said the Western world had forgotten Afghanistan.")
    assert _west(doc).country is None


@pytest.mark.model
def test_the_west_of_a_us_domestic_story_is_the_western_us(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Ranchers across the West are selling cattle early, growers in Nevada and Idaho said on Tuesday, "
        "and the drought has reached Wyoming."
    )
    west = _west(doc)
    assert west.country == "USA" and west.lon is not None and -125 < west.lon < -100
    # A story that names no other place: a US paper's West is the western US, a British paper's the
    # political West.
    text = "Housing prices across the West kept rising last spring."
    assert _west(extract(text, url="https://www.example.com/news/1")).country == "USA"
    assert _west(extract(text, url="https://www.example.co.uk/news/1")).country is None


@pytest.mark.model
def test_longer_west_names_keep_their_own_places(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("Farmers in the West Bank and dockers on the West Coast stopped work on Monday.")
    names = {e.name for e in doc.entities if e.is_place}
    assert "West Bank" in names and "West" not in names


@pytest.mark.model
def test_the_west_named_also_without_the_and_the_town_called_west(extract) -> None:  # type: ignore[no-untyped-def]
    # The NER makes one entity of "Europe's West" and "the West": still the region, not Iceland.
    doc = extract(
        "The union hopes to bring Europe's East the wealth it once brought Europe's West, and Hungary's turn "
        "to the West was cheered in Budapest."
    )
    west = _west(doc)
    assert west.country is None and len(west.mentions) == 2
    # The town of West, Texas, is no region: it has no "the".
    doc = extract(
        "A fertilizer plant exploded in West, Texas, on Wednesday, and firefighters from Waco helped."
    )
    town = next(e for e in doc.entities if e.name == "West")
    assert town.country == "USA" and town.lat is not None and 31 < town.lat < 32.5


@pytest.mark.model
def test_a_sports_story_has_no_west_to_place(extract) -> None:  # type: ignore[no-untyped-def]
    # Its "West" is a conference: neither a region added by pattern nor a point for the NER's own.
    doc = extract(
        "BASKETBALL - NUGGETS WIN AGAIN\nNo team in the West has won more games at home this season."
    )
    assert all(
        e.lat is None for e in doc.entities if e.is_place and any(m.text == "West" for m in e.mentions)
    )
    doc = extract(
        "BASKETBALL - NUGGETS WIN AGAIN\nThe Nuggets lead the West by three games with ten to play."
    )
    assert not [e for e in doc.entities if e.is_place and any(m.text == "West" for m in e.mentions)]
