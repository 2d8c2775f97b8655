"""A national side's coach is of the state whose side it is (stages/entities/national_sides.py), over
the knowledge base's nationality and a demonym beside the name; a club's coach and a former national
coach keep their own. Sentences written for these tests."""

from __future__ import annotations

import pytest

from newsgraph import extract
from newsgraph.model import Document, Entity
from newsgraph.stages.entities.national_sides import coached_sides

pytestmark = pytest.mark.model


def _person(doc: Document, name: str) -> Entity:
    for e in doc.entities:
        if e.type == "PERSON" and any(m.text == name for m in e.mentions):
            return e
    raise AssertionError(f"no person {name!r} in {[e.name for e in doc.entities]}")


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # the knowledge base knows a German; the text says whose side he runs
        (
            "South Korea coach Jürgen Klinsmann said his players were tired after the draw.",
            "Jürgen Klinsmann",
            "KOR",
        ),
        (
            "Masatada Ishii, the Japanese coach of the Thai side, said his players had given everything.",
            "Masatada Ishii",
            "THA",
        ),
        (
            "Australia, now coached by the New Zealander Joe Schmidt, lost 21-13 in Cardiff.",
            "Joe Schmidt",
            "AUS",
        ),
        (
            "Jason Gillespie, the Australian who coaches the Pakistan Test side, was not consulted.",
            "Jason Gillespie",
            "PAK",
        ),
        (
            "Kim Sang-sik, the South Korean in charge of Vietnam, dedicated the title to the fans.",
            "Kim Sang-sik",
            "VNM",
        ),
        ("Hervé Renard, the Frenchman who coaches Saudi Arabia, praised his players.", "Hervé Renard", "SAU"),
        # a nation's side is its sovereign's
        ("Gareth Southgate, the England manager, named an unchanged side.", "Gareth Southgate", "GBR"),
    ],
)
def test_a_national_sides_coach_is_of_its_state(text: str, name: str, country: str) -> None:
    person = _person(extract(text, "2024-03-01"), name)
    assert (person.country, person.country_source) == (country, "text")


@pytest.mark.parametrize(
    ("text", "name", "not_country"),
    [
        # a club's coach, a former national coach, a US state's college side, a demonym that only says
        # where the coach comes from
        ("Al Nassr coach Luis Castro said the club would be stronger next season.", "Luis Castro", None),
        ("Former England manager Roy Hodgson said the side was young.", "Roy Hodgson", None),
        ("Georgia coach Kirby Smart praised his defence after the win over Alabama.", "Kirby Smart", "GEO"),
        (
            "Roger Schmidt, the German coach who won the title a year ago, was sacked by Benfica.",
            "Roger Schmidt",
            None,
        ),
    ],
)
def test_no_national_side_no_change(text: str, name: str, not_country: str | None) -> None:
    person = _person(extract(text, "2024-03-01"), name)
    mention = next(m for m in person.mentions if m.text == name)
    assert coached_sides(text, mention) == set()
    if not_country is not None:
        assert person.country != not_country


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Tiago Ramos pulled one back for Brazil after a defensive slip.", "Tiago Ramos", "BRA"),
        # born elsewhere, the side he plays for says it
        (
            "Athletic levelled late, and Ander Williams, who plays his international football for "
            "Ghana, went close twice.",
            "Ander Williams",
            "GHA",
        ),
        ("Karim Haddad scored twice for Morocco in the friendly.", "Karim Haddad", "MAR"),
    ],
)
def test_a_player_for_a_national_side_is_of_its_state(text: str, name: str, country: str) -> None:
    person = _person(extract(text, "2024-03-01"), name)
    assert person.country == country


@pytest.mark.parametrize(
    ("text", "name", "not_country"),
    [
        ("Carlos Mendes signed for Brazil's Flamengo last year.", "Carlos Mendes", None),
        ("Lionel Messi scored for Barcelona against Real Madrid.", "Lionel Messi", "ESP"),
    ],
)
def test_a_club_is_no_national_side(text: str, name: str, not_country: str | None) -> None:
    doc = extract(text, "2024-03-01")
    person = _person(doc, name)
    if not_country is not None:
        assert person.country != not_country
    assert person.country_source != "text" or person.country is None
