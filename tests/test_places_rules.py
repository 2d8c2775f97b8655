"""The places stage's text rules on sentences written here, without the statistical model: street lists,
place cues, towns inside organisation names, and GPE/LOC entities that are people, bodies or no name."""

from __future__ import annotations

import pytest

from newsgraph.article import Article
from newsgraph.geo import Place, gazetteer
from newsgraph.model import Entity, EntityType, Mention
from newsgraph.stages.base import Parsed
from newsgraph.stages.places.add import local_names, nested_places
from newsgraph.stages.places.candidates import known
from newsgraph.stages.places.context import listed_with, place_cues, street_lists
from newsgraph.stages.places.demote import demote_non_places


@pytest.fixture(scope="module")
def blank():  # type: ignore[no-untyped-def]
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def _parsed(nlp, text: str) -> Parsed:  # type: ignore[no-untyped-def]
    return Parsed.from_doc(Article.make(text), nlp(text))


def _entity(text: str, name: str, kind: EntityType, eid: str = "E1", at: str | None = None) -> Entity:
    """An entity with one name mention per occurrence of `at` (default: the name) in the text."""
    surface = at or name
    mentions = []
    start = text.find(surface)
    while start >= 0:
        mentions.append(Mention(start, start + len(surface), surface, 0, "name"))
        start = text.find(surface, start + 1)
    assert mentions, f"{surface!r} not in the text"
    return Entity(eid, name, kind, tuple(mentions))


def _in(state: str):  # type: ignore[no-untyped-def]
    return lambda p: p.country == "USA" and p.admin1 == state


def test_street_lists_name_each_street() -> None:
    text = "Police closed Maple and Walnut streets, then Oak, Elm & Birch roads."
    assert [text[s:e] for s, e in street_lists(text)] == ["Maple", "Walnut", "Oak", "Elm", "Birch"]
    assert street_lists("Maple and Walnut trees lined the road.") == []


def test_of_is_a_place_cue_after_a_lower_case_word_or_a_comma() -> None:
    text = "The farm lies north of Brandon. Jane Roe, 29, of Brandon, studies at the University of Brandon."
    first = text.index("Brandon")
    second = text.index("Brandon", first + 1)
    third = text.index("Brandon", second + 1)
    assert place_cues(text, first, first + 7)[0] == 1
    assert place_cues(text, second, second + 7)[0] == 1
    assert place_cues(text, third, third + 7)[0] == 0


def test_a_name_listed_beside_a_place() -> None:
    text = "Taxes rise in Sharon, Kentwood and Cornwall this year."
    kentwood = Mention(text.index("Kentwood"), text.index("Kentwood") + 8, "Kentwood", 0)
    sharon = (text.index("Sharon"), text.index("Sharon") + 6)
    cornwall = (text.index("Cornwall"), text.index("Cornwall") + 8)
    assert listed_with(text, kentwood, frozenset({sharon}))
    assert listed_with(text, kentwood, frozenset({cornwall}))
    assert not listed_with(text, kentwood, frozenset({(0, 5)}))


def test_a_town_leading_an_organisation_name_near_the_other_places(blank) -> None:  # type: ignore[no-untyped-def]
    text = "The Mankato Fire Department sent two trucks. Union Carbide closed a plant."
    org = _entity(text, "Mankato Fire Department", "ORG")
    company = _entity(text, "Union Carbide", "ORG", "E2")
    out = nested_places((org, company), _parsed(blank, text), gazetteer(), _in("MN"))
    added = [(e.type, [m.text for m in e.mentions]) for e in out[2:]]
    assert added == [("GPE", ["Mankato"])]  # "Union" leads a company's name: a common word, no town
    assert nested_places((org,), _parsed(blank, text), gazetteer(), lambda p: False) == (org,)


def test_towns_joined_by_a_hyphen_inside_a_name(blank) -> None:  # type: ignore[no-untyped-def]
    text = "Volunteers from Fargo-Moorhead stacked sandbags. Sen. Jane Roe, DFL-Bemidji, praised them."
    twin = _entity(text, "Fargo-Moorhead", "ORG")
    party = _entity(text, "DFL-Bemidji", "ORG", "E2")
    out = nested_places((twin, party), _parsed(blank, text), gazetteer(), lambda p: p.country == "USA")
    names = sorted(m.text for e in out if e.is_place for m in e.mentions)
    assert names == ["Bemidji", "Fargo", "Moorhead"]


def test_a_month_after_in_is_no_town(blank) -> None:  # type: ignore[no-untyped-def]
    text = "The mill closed in August and reopened in Brainerd."
    out = local_names((), _parsed(blank, text), gazetteer(), _in("MN"))
    assert [m.text for e in out for m in e.mentions] == ["Brainerd"]


def test_relatives_and_names_with_initials_are_people(blank) -> None:  # type: ignore[no-untyped-def]
    text = "He is survived by his wife, Marion, and a friend, Jane Q. Roe, both of Brandon."
    marion = _entity(text, "Marion", "GPE")
    roe = _entity(text, "Jane Q. Roe", "LOC", "E2")
    brandon = _entity(text, "Brandon", "GPE", "E3")
    out = demote_non_places((marion, roe, brandon), _parsed(blank, text), lambda e: e.name != "Jane Q. Roe")
    assert [e.type for e in out] == ["PERSON", "PERSON", "GPE"]


def test_an_unknown_loc_name_with_no_map_word_is_a_body_or_event(blank) -> None:  # type: ignore[no-untyped-def]
    text = (
        "He served during Operation Harvest Moon. Hikers crossed the Bald Knob Wilderness near the "
        "Ochamchire district, and shops in Lower Fenwick stayed open. The Upper Tamsin Region was calm."
    )
    operation = _entity(text, "Operation Harvest Moon", "LOC")
    wilderness = _entity(text, "Bald Knob Wilderness", "LOC", "E2")
    district = _entity(text, "Ochamchire district", "LOC", "E3")
    fenwick = _entity(text, "Lower Fenwick", "LOC", "E4")
    region = _entity(text, "Upper Tamsin Region", "LOC", "E5")  # the head noun, capitalised in the name
    entities = (operation, wilderness, district, fenwick, region)
    out = demote_non_places(entities, _parsed(blank, text), lambda e: False)
    assert [e.type for e in out] == ["ORG", "LOC", "LOC", "LOC", "LOC"]  # "in Lower Fenwick": used as a place


def test_words_that_only_narrow_a_place_are_no_name(blank) -> None:  # type: ignore[no-untyped-def]
    text = "Sandbagging went on across the metro as Midtown shops closed."
    metro = _entity(text, "metro", "LOC")
    midtown = _entity(text, "Midtown", "GPE", "E2")
    out = demote_non_places((metro, midtown), _parsed(blank, text), lambda e: e.name == "Midtown")
    assert [m.kind for m in out[0].mentions] == ["nominal"]
    assert [m.kind for m in out[1].mentions] == ["name"]


def test_a_facility_is_known_by_its_leading_town_only_near_the_other_places() -> None:
    text = "Children wait at the Webb Center after school."
    center = _entity(text, "Webb Center", "LOC")

    def near(p: Place) -> bool:
        return p.name == "Webb"

    assert known(center, gazetteer(), near)
    assert not known(center, gazetteer(), lambda p: False)


def test_nature_names_and_firms_based_in_a_town() -> None:
    from newsgraph.stages.places.context import looks_like_nature

    text = "Hikers reached the Otter Run Wilderness. A Brookfield-based firm sued Robin Lake."
    assert looks_like_nature(_entity(text, "Otter Run Wilderness", "ORG"))
    assert not looks_like_nature(_entity(text, "Robin", "PERSON", at="Robin"))
    start = text.index("Brookfield")
    assert place_cues(text, start, start + len("Brookfield"))[0] == 1


def test_a_street_borrows_no_far_town_from_its_name(blank) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.stages.places.resolve import choose_places

    text = "Crews repaved East Maple Street and Paris Avenue in Athens, Ga., on Monday."
    athens = _entity(text, "Athens", "GPE")
    east = _entity(text, "East Maple Street", "LOC", "E2")
    paris = _entity(text, "Paris Avenue", "LOC", "E3")
    choices = choose_places((athens, east, paris), _parsed(blank, text), gazetteer(), frozenset())
    assert choices["E1"].place.admin1 == "GA"
    assert "E2" not in choices  # no region called East abroad
    assert "E3" not in choices  # Paris, France is no neighbour of Athens, Georgia
