"""Places inside another (within.py), streets named after a place and compass words, on sentences written
here: the inner place keeps the outer one's country, a street its town's, and a namesake abroad none."""

from __future__ import annotations

import pytest

from newsgraph.model import Entity, Mention
from newsgraph.stages.places.within import containers


def _place(eid: str, text: str, name: str) -> Entity:
    start = text.index(name)
    return Entity(id=eid, name=name, type="GPE", mentions=(Mention(start, start + len(name), name, 0),))


@pytest.mark.parametrize(
    ("text", "inner", "outer"),
    [
        ("A hostel in the Rimac district of Lima was closed.", "Rimac", "Lima"),
        ("She lives in Chicago's Pilsen neighbourhood.", "Pilsen", "Chicago"),
        ("Fishermen from Ostia, a seaside suburb of Rome, protested.", "Ostia", "Rome"),
        ("Police at Howth in Dublin said nothing.", "Howth", "Dublin"),
        ("The Ngor quarter in Dakar is busy.", "Ngor", "Dakar"),
    ],
)
def test_the_text_puts_one_place_inside_another(text: str, inner: str, outer: str) -> None:
    entities = (_place("a", text, inner), _place("b", text, outer))
    assert containers(entities, text) == {"a": "b"}


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("Sanctions imposed by Washington on Minsk would fail.", "Washington", "Minsk"),
        ("She flew from Lagos to Accra.", "Lagos", "Accra"),
        ("Lima and Quito signed the accord.", "Lima", "Quito"),
    ],
)
def test_places_side_by_side_are_not_inside_each_other(text: str, first: str, second: str) -> None:
    entities = (_place("a", text, first), _place("b", text, second))
    assert containers(entities, text) == {}


def _place_named(doc, name: str) -> Entity:  # type: ignore[no-untyped-def]
    found = [e for e in doc.entities if e.is_place and e.name == name]
    assert len(found) == 1, [(e.name, e.type, e.country) for e in doc.entities]
    return found[0]  # type: ignore[no-any-return]


@pytest.mark.model
def test_a_quarter_of_a_city_is_not_its_namesake_abroad(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "A backpackers' hostel in the San Blas district of Cusco was closed after a gas leak. Its owner, "
        "Rosa Huaman, said the heater was new."
    )
    # GeoNames knows towns called San Blas in Mexico only: the district takes Cusco's country and point.
    san_blas, cusco = _place_named(doc, "San Blas"), _place_named(doc, "Cusco")
    assert san_blas.country == "PER" and san_blas.geonameid is None
    assert (san_blas.lat, san_blas.lon) == (cusco.lat, cusco.lon)
    doc = extract("A mural went up on a community centre in Chicago's Pilsen neighbourhood this summer.")
    assert _place_named(doc, "Pilsen").country == "USA"


@pytest.mark.model
def test_a_street_named_after_a_province_does_not_lie_there(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Halifax, Nova Scotia. The bakery on Portland Street closed on Friday after its rent doubled, its "
        "owner said."
    )
    # Portland is a parish of Jamaica: a street's name is a tribute, not where it lies.
    assert all(e.country != "JAM" for e in doc.entities), [(e.name, e.country) for e in doc.entities]


@pytest.mark.model
def test_a_compass_word_is_no_division_abroad(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("Heavy rain was expected in the state's south-east, Queensland officials said on Monday.")
    # GeoNames has a South-East District in Botswana.
    assert all(e.country != "BWA" for e in doc.entities), [(e.name, e.country) for e in doc.entities]


@pytest.mark.model
def test_a_quarter_takes_its_towns_point_not_a_namesake_far_off(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("A bakery in the Miraflores district of Arequipa was closed after a gas leak on Saturday.")
    # GeoNames knows Miraflores of Lima, 760 km away: the quarter lies at Arequipa's point, no id of its own
    quarter, town = _place_named(doc, "Miraflores"), _place_named(doc, "Arequipa")
    assert quarter.country == "PER" and quarter.geonameid is None
    assert (quarter.lat, quarter.lon) == (town.lat, town.lon)
