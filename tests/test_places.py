"""The places stage and its gazetteer: lookups, text patterns, and resolution on sentences written here."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph import Document
from newsgraph.geo import gazetteer, name_key
from newsgraph.stages.common import host_names, publication_country
from newsgraph.stages.places.context import county_lists, datelines, hint_after
from newsgraph.stages.places.narrow import host_towns


def test_name_key_folds_spelling_variants() -> None:
    assert name_key("St. Paul") == name_key("Saint Paul")
    assert name_key("the Sahel") == name_key("Sahel")
    assert name_key("Cancún") == name_key("Cancun")
    assert name_key("Fort Worth") == name_key("Ft. Worth")
    assert name_key("Winston-Salem") == name_key("Winston Salem")


def test_gazetteer_knows_countries_states_counties_towns_and_regions() -> None:
    gaz = gazetteer()
    assert {(p.kind, p.country) for p in gaz.lookup("Niger")} >= {("country", "NER")}
    assert ("adm1", "USA") in {(p.kind, p.country) for p in gaz.lookup("Minnesota")}
    parishes = gaz.lookup("Rapides Parish")
    assert parishes and parishes[0].admin1 == "LA" and 30 < parishes[0].lat < 32.5
    towns = {p.admin1 for p in gaz.lookup("Alexandria") if p.country == "USA"}
    assert {"LA", "VA", "MN"} <= towns
    sahel = gaz.lookup("the Sahel")
    assert any(p.kind == "region" and p.country is None for p in sahel)
    assert gaz.state_forms["Minn."] == "MN" and gaz.state_forms["N.D."] == "ND"


def test_hint_after_reads_state_and_country_patterns() -> None:
    gaz = gazetteer()
    text = "Flood crews from Moorhead, Minn. arrived, and a unit from Gori, Georgia, too."
    moorhead = text.index("Moorhead") + len("Moorhead")
    gori = text.index("Gori") + len("Gori")
    hint = hint_after(text, moorhead, gaz)
    assert hint is not None and hint.state == "MN"
    hint = hint_after(text, gori, gaz)
    assert hint is not None and hint.state == "GA" and hint.country == "GEO"
    assert hint_after(text, text.index("crews"), gaz) is None


def test_home_country_from_the_web_address() -> None:
    assert publication_country("http://www.example-gazette.com/news/1") == "USA"
    assert publication_country("https://news.example.co.uk/story") == "GBR"
    assert publication_country("https://example.ca") == "CAN"
    assert publication_country(None) is None


def test_a_web_address_names_a_town_by_its_letters_run_together() -> None:
    assert host_names("https://www.theparisnews.com/story/1", "Paris")
    assert host_names("http://lake-placid-news.com/x", "Lake Placid")
    assert not host_names("https://www.example.com/paris/1", "Paris")  # the path is no masthead
    assert not host_names("https://www.thereno.com/x", "Reno")  # too short to tell from chance
    assert not host_names(None, "Paris")


def test_a_named_source_on_a_generic_ending_has_its_own_country() -> None:
    # A Canadian or Indian paper on .com is not a US source; the row matches the host and its
    # subdomains, not another host that merely ends in the same letters.
    assert publication_country("https://www.thestar.com/news/gta/1") == "CAN"
    assert publication_country("https://thestar.com/x") == "CAN"
    assert publication_country("https://timesofindia.indiatimes.com/city/2") == "IND"
    assert publication_country("https://www.dailythestar.com/x") == "USA"


def test_county_lists_and_datelines() -> None:
    text = "Schools in Walton and Oconee counties will close. Barrow, Jackson and Hall counties too."
    names = [text[s:e] for s, e in county_lists(text)]
    assert names == ["Walton", "Oconee", "Barrow", "Jackson", "Hall"]
    text = "Town votes on budget. SPRINGDALE — The council met on Monday."
    assert [text[s:e] for s, e in datelines(text)] == ["SPRINGDALE"]
    assert datelines("Nothing like a dateline here - at all.") == []


@pytest.fixture(scope="module")
def extract():  # type: ignore[no-untyped-def]
    from newsgraph import extract as run

    return run


def _place(doc, text):  # type: ignore[no-untyped-def]
    for e in doc.entities:
        if any(m.text == text and m.kind == "name" for m in e.mentions):
            return e
    raise AssertionError(f"no entity mentions {text!r}: {[(e.name, e.type) for e in doc.entities]}")


@pytest.mark.model
def test_same_name_resolved_by_state_pattern_and_by_country_pattern(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("Heavy rain flooded streets in Alexandria, La., on Tuesday, the mayor said.")
    e = _place(doc, "Alexandria")
    assert e.type == "GPE" and e.country == "USA" and e.lat is not None and 30.5 < e.lat < 32
    doc = extract("Police in Alexandria, Egypt, detained two fishermen on Sunday.")
    e = _place(doc, "Alexandria")
    assert e.country == "EGY" and e.geonameid is not None


@pytest.mark.model
def test_the_other_places_decide_georgia(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("Russian tanks rolled into Georgia as Moscow ignored appeals from Tbilisi and Yerevan.")
    assert _place(doc, "Georgia").country == "GEO"
    doc = extract("Storms swept across Alabama and Georgia overnight, cutting power in Atlanta and Macon.")
    e = _place(doc, "Georgia")
    assert e.country == "USA" and e.lat is not None and 30 < e.lat < 35.5


@pytest.mark.model
def test_a_compass_word_alone_is_no_division_abroad(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("The senator toured the South and the West last year, from Selma, Ala., to Boise, Idaho.")
    assert _place(doc, "South").country in ("USA", None)  # GeoNames' "South" is a region of Iceland
    assert _place(doc, "West").country in ("USA", None)  # and "West" one of Cameroon


def test_a_web_address_names_the_papers_town() -> None:
    towns = host_towns("http://www.columbusweeklybugle.com/news/1", "USA", gazetteer())
    assert {(p.name, p.admin1) for p in towns} >= {("Columbus", "OH"), ("Columbus", "GA")}
    assert host_towns("http://www.columbusweeklybugle.com/news/1", None, gazetteer()) == ()


@pytest.mark.model
def test_a_town_near_the_papers_own_is_that_neighbour_not_its_namesake_abroad(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Pool plan wins vote.\n\nCouncil members voted on Monday to build a public pool in Dublin. Ann Reed, "
        "who has lived in Dublin for 30 years, said the pool would open next summer."
    )
    columbus = "http://www.columbusweeklybugle.com/news/1"  # Dublin, Ohio lies beside Columbus
    assert {e.name: e.country for e in extract(text, "2009-03-20", url=columbus).entities}["Dublin"] == "USA"
    assert {e.name: e.country for e in extract(text, "2009-03-20").entities}["Dublin"] == "IRL"
    irish = text.replace("next summer.", "next summer, as pools across Ireland do.")
    assert {e.name: e.country for e in extract(irish, "2009-03-20", url=columbus).entities}["Dublin"] == "IRL"


@pytest.mark.model
def test_a_national_papers_bare_town_is_its_big_namesake_at_home(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Rally for peace downtown. Mark Ferris and Jo Tate sat in a shop window in downtown London on Friday "
        "to mark the anniversary of a famous protest."
    )

    def london(url: str | None) -> str | None:
        return {e.name: e.country for e in extract(text, "2009-03-21", url=url).entities}["London"]

    assert london("http://www.forestcityherald.ca/news/1") == "CAN"  # London, Ontario
    assert london("http://www.forestcityherald.com/news/1") == "GBR"  # a generic ending says no country
    assert london(None) == "GBR"
    with_england = text.replace("Friday", "Friday, as in England")
    assert {e.name: e.country for e in extract(with_england, url="http://www.x.ca/1").entities}[
        "London"
    ] == "GBR"


@pytest.mark.model
def test_a_name_city_read_abroad_is_the_town_beside_the_storys_others(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Board race decided. San Fernando City Councilwoman Nora Pinto won a school board seat on Thursday, "
        "election officials in Los Angeles said."
    )
    # the gazetteer's only "San Fernando City" lies in the Philippines; San Fernando, California, is near
    for url in ("http://www.valleydailypost.com/news/1", None):
        assert {e.name: e.country for e in extract(text, url=url).entities}["San Fernando City"] == "USA"
    abroad = "Visitors from San Fernando City toured the port on Thursday, officials in Manila said."
    assert {e.name: e.country for e in extract(abroad).entities}["San Fernando City"] == "PHL"


@pytest.mark.model
def test_niger_is_not_nigeria_and_regions_have_no_country(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Officials from Niger met envoys from Nigeria in Niamey as drought spread across the Sahel."
    )
    assert _place(doc, "Niger").country == "NER"
    assert _place(doc, "Nigeria").country == "NGA"
    niamey = _place(doc, "Niamey")
    assert niamey.country == "NER" and abs(niamey.lon - 2.1) < 1  # type: ignore[operator]
    sahel = _place(doc, "Sahel")
    assert sahel.country is None and sahel.lat is not None


@pytest.mark.model
def test_named_areas_inside_one_country(extract) -> None:  # type: ignore[no-untyped-def]
    # A gazetteer of towns and divisions lacks islands, valleys and metropolitan areas: "Long Island"
    # was only the Bahamas' district of that name.
    doc = extract(
        "Storms flooded roads on Long Island and closed ferries to Cape Cod on Monday, while officials "
        "in the Bay Area and in Silicon Valley reported power cuts, the governor of New York said."
    )
    for name in ("Long Island", "Cape Cod", "Bay Area", "Silicon Valley"):
        assert _place(doc, name).country == "USA", name
    island = _place(doc, "Long Island")
    assert abs(island.lat - 40.8) < 1 and abs(island.lon + 73.1) < 1  # type: ignore[operator]


@pytest.mark.model
def test_a_capital_that_acts_is_its_government(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("Washington warned on Monday that new sanctions were coming.")
    e = _place(doc, "Washington")
    assert e.type == "ORG" and e.country == "USA"


@pytest.mark.model
def test_places_the_ner_missed_or_mistyped(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Crews cleared ice from Main Street in Moorhead, Minn., on Friday. Officials at the Minnesota "
        "Department of Transportation said Clay and Wilkin counties would reopen roads. Rep. Jane Roe, "
        "D-Minn., toured the area with residents of Moorhead."
    )
    doc = extract(text)
    places = {m.text: e for e in doc.entities if e.is_place for m in e.mentions if m.kind == "name"}
    assert "Moorhead" in places and places["Moorhead"].country == "USA"
    assert places["Moorhead"].lat is not None and 46 < places["Moorhead"].lat < 47.5
    # The state inside the organisation's name is a place mention of its own, inside the ORG mention.
    assert "Minnesota" in places and places["Minnesota"].type == "GPE"
    org = next(e for e in doc.entities if e.type == "ORG" and "Transportation" in e.name)
    inner = next(m for m in places["Minnesota"].mentions if m.kind == "name")
    outer = next(m for m in org.mentions if m.kind == "name")
    assert outer.start <= inner.start and inner.end <= outer.end
    # "Clay and Wilkin counties": Minnesota counties, placed near Moorhead.
    clay = places.get("Clay")
    assert clay is not None and clay.country == "USA" and clay.lat is not None and abs(clay.lon + 96.5) < 1.5
    ids = [e.id for e in doc.entities]
    assert len(ids) == len(set(ids))


def test_streets_and_people_with_initials() -> None:
    from newsgraph.model import Entity, Mention
    from newsgraph.stages.places.context import looks_like_street

    def entity(name: str) -> Entity:
        return Entity("E1", name, "PERSON", (Mention(0, len(name), name, 0, "name"),))

    assert looks_like_street(entity("Ruth Drive"))
    assert looks_like_street(entity("Main St."))
    assert not looks_like_street(entity("Marvin F. Lane"))
    assert not looks_like_street(entity("Drive"))


@pytest.mark.model
def test_a_person_whose_surname_is_a_roads_word_stays_a_person_when_the_text_says_so(
    extract: Callable[..., Document],
) -> None:
    doc = extract(
        "Marjorie Lane, who runs the village shop, said the road would stay shut. Traffic was sent along "
        "Ruth Drive instead."
    )
    kinds = {e.name: "place" if e.is_place else e.type for e in doc.entities}
    assert kinds["Marjorie Lane"] == "PERSON"
    assert kinds["Ruth Drive"] == "place"  # no cue of a person: the road


def test_town_names_labelled_norp_become_places() -> None:
    import spacy
    from spacy.tokens import Span

    from newsgraph.article import Article
    from newsgraph.stages.base import Parsed
    from newsgraph.stages.places.add import unlabelled_places

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    text = "Vandals damaged cars in Oxford on Monday, and Democrats met in Leeds."
    doc = nlp(text)
    words = [t.text for t in doc]
    doc.ents = [
        Span(doc, words.index("Oxford"), words.index("Oxford") + 1, label="NORP"),
        Span(doc, words.index("Democrats"), words.index("Democrats") + 1, label="NORP"),
    ]
    parsed = Parsed.from_doc(Article.make(text), doc)
    out = unlabelled_places((), parsed, gazetteer(), lambda p: p.country == "GBR")
    assert [(e.id, e.type, [m.text for m in e.mentions]) for e in out] == [("E1", "GPE", ["Oxford"])]
    assert unlabelled_places((), parsed, gazetteer(), lambda p: False) == ()
