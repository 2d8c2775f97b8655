"""Places on international news (issue 17): world capitals and countries over their namesake towns,
seas and regions chosen by the document's countries, continent demonyms and the European Union. Sentences
written here."""

from __future__ import annotations

import pytest
from places_support import place_mentioning, places_extractor


@pytest.fixture(scope="module")
def extract():  # type: ignore[no-untyped-def]
    return places_extractor()


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "countries"),
    [
        pytest.param(
            # Brussels, Denmark, Luxemburg, Belgium and Norway are also towns of Wisconsin, near each other.
            "BRUSSELS, May 4 (Xinhua) -- The treaty was ratified by Denmark, Norway, Belgium, Luxembourg and "
            "Poland, the alliance said on Wednesday.",
            {"BRUSSELS": "BEL", "Denmark": "DNK", "Norway": "NOR"},
            id="capitals_and_countries_beat_their_namesake_towns",
        ),
        pytest.param(
            "Voters in Bosnia went to the polls on Saturday under the eyes of foreign monitors.",
            {"Bosnia": "BIH"},
            id="bosnia_alone_is_the_country",
        ),
        pytest.param(
            # China and Italy are also towns of Texas; "Chinese" and "Italian" are never theirs.
            "Chinese and Italian exporters shipped more steel to Houston, Texas, last year, and Dallas, "
            "Texas, bought the rest.",
            {"Chinese": "CHN", "Italian": "ITA"},
            id="a_demonym_is_the_country_not_a_namesake_town",
        ),
        pytest.param(
            # The gazetteer of towns and first-level divisions lacked the counties: Cumbria was a town of
            # Maryland's by an old name, Lancashire nothing, and they took Wales to Wisconsin.
            "Floods hit Wales on Sunday. Roads were closed in Cumbria and in Lancashire, police said.",
            {"Wales": "GBR", "Cumbria": "GBR", "Lancashire": "GBR"},
            id="counties_of_the_united_kingdom",
        ),
        pytest.param(
            "Siobhan Walsh, a nurse from County Kerry, said the hospital in Powys had closed its ward.",
            {"County Kerry": "IRL", "Powys": "GBR"},
            id="an_irish_county_and_a_welsh_one",
        ),
        pytest.param(
            "Police in Norfolk, Virginia, arrested two men on Friday.",
            {"Norfolk": "USA"},
            id="an_english_county_gives_way_to_the_town_the_text_places",
        ),
        pytest.param(
            # Wales and Canton are also towns of Massachusetts, near each other.
            "The bakery was named the best in Wales, and it will open a second shop in Canton.",
            {"Wales": "GBR"},
            id="a_nation_of_the_united_kingdom_over_two_namesake_towns",
        ),
        pytest.param(
            "LONDON, Ont. -- The city will hire 40 bus drivers, the mayor said on Monday.",
            {"LONDON": "CAN"},
            id="a_canadian_provinces_abbreviation_after_a_dateline",
        ),
        pytest.param(
            "Police in Dubbo, N.S.W., said a man had been charged.",
            {"Dubbo": "AUS"},
            id="an_australian_states_abbreviation_after_a_town",
        ),
    ],
)
def test_the_country_not_a_namesake_town(extract, text: str, countries: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    doc = extract(text)
    for mention, country in countries.items():
        assert place_mentioning(doc, mention).country == country, mention


@pytest.mark.model
def test_the_gulf_is_the_sea_near_the_document_countries(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "American warships in the Gulf were put on alert after Iraq moved troops towards Kuwait, and Iran "
        "protested on Monday."
    )
    gulf = place_mentioning(doc, "Gulf")
    assert gulf.country is None and gulf.lon is not None and 45 < gulf.lon < 60
    doc = extract("Shrimp boats from Louisiana and Texas returned to the Gulf after the storm passed Mexico.")
    gulf = place_mentioning(doc, "Gulf")
    assert gulf.lon is not None and -100 < gulf.lon < -80


@pytest.mark.model
def test_continent_demonyms_and_the_union_are_places(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("Several African and Asian delegates walked out, and farmers across the EU protested.")
    africa = place_mentioning(doc, "African")
    assert africa.name == "Africa" and africa.country is None and africa.lat is not None
    assert next(m for m in africa.mentions if m.text == "African").kind == "demonym"
    assert place_mentioning(doc, "Asian").name == "Asia"
    # The union is a place unless the NER made it an organisation: a span is one entity's mention.
    spans = [(m.start, m.end) for e in doc.entities for m in e.mentions]
    assert len(spans) == len(set(spans))
    union = [e for e in doc.entities if any(m.text == "EU" for m in e.mentions)]
    assert union and all(e.type == "ORG" or (e.lat is not None and 50 < e.lat < 52) for e in union)
    doc = extract("African-American voters in Ohio lined up early on Tuesday.")
    assert not any(e.name == "Africa" for e in doc.entities)


@pytest.mark.model
def test_places_inside_the_names_of_state_bodies(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Students of the Australian National University marched to the French Embassy, and the Minsk Group "
        "of mediators met the next day."
    )
    australia = place_mentioning(doc, "Australian")
    assert australia.country == "AUS"
    assert next(m for m in australia.mentions if m.text == "Australian").kind == "demonym"
    assert place_mentioning(doc, "French").country == "FRA"
    assert place_mentioning(doc, "Minsk").country == "BLR"


def test_wire_datelines_with_a_date_instead_of_a_dash() -> None:
    from newsgraph.stages.places.context import datelines

    text = "Rebels sign deal .\nKHASAVYURT , Russia 1996-08-31\nThe talks ended.\nNot a DATELINE 1996 here."
    assert [text[s:e] for s, e in datelines(text)] == ["KHASAVYURT"]
    text = "\n\nNICOSIA, August 8 (Xinhua) --\n\nThe government said so."
    assert [text[s:e] for s, e in datelines(text)] == ["NICOSIA"]


def test_a_canadian_province_after_a_town_is_a_hint() -> None:
    from newsgraph.geo import gazetteer
    from newsgraph.stages.places.context import hint_after

    text = "The tour stops in Toronto, Ontario, and in Dublin, Ohio."
    hint = hint_after(text, text.index("Toronto") + len("Toronto"), gazetteer())
    assert hint is not None and hint.country == "CAN" and hint.state is None
    hint = hint_after(text, text.index("Dublin") + len("Dublin"), gazetteer())
    assert hint is not None and hint.state == "OH"


@pytest.mark.model
def test_a_canadian_province_is_the_province_not_a_namesake_town(extract) -> None:  # type: ignore[no-untyped-def]
    # A .com paper: the United States is its home, and Ontario, California a city of 170,000 people.
    doc = extract(
        "Police in Woodstock and London said roads across Ontario were closed by snow on Tuesday.",
        "http://www.example-sentinel.com/story",
    )
    assert place_mentioning(doc, "Ontario").country == "CAN"


@pytest.mark.model
def test_new_york_is_the_city_where_the_text_says_so(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("NEW YORK (AP) -- Stocks fell on Monday, traders said.")
    city = place_mentioning(doc, "NEW YORK")
    assert city.lat is not None and abs(city.lat - 40.7) < 0.3
    doc = extract("The New York-based group said the arrests were illegal.")
    city = place_mentioning(doc, "New York")
    assert city.lat is not None and abs(city.lat - 40.7) < 0.3
    doc = extract("The governor of New York signed the budget in Albany on Monday.")
    state = place_mentioning(doc, "New York")
    assert state.lat is not None and state.lat > 42
