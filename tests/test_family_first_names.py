"""Korean names written family name first (family_first.py), on sentences written here: a family name that
is also an English word stays part of the name."""

from __future__ import annotations

import pytest


def _people(doc) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.name for e in doc.entities if e.type == "PERSON"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The winger Son Heung-min curled in a free kick in the second minute of stoppage time.",
            "Son Heung-min",
        ),
        ("A late header from Song Min-kyu kept the visitors level at the break.", "Song Min-kyu"),
        ("Ha Seung-jin, the tallest player in the league, retired on Friday.", "Ha Seung-jin"),
    ],
)
def test_a_family_name_that_is_an_english_word_stays_in_the_name(extract, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert name in _people(extract(text)), [(e.name, e.type) for e in extract(text).entities]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Shoppers crowded the New Year-end sale at the mall on Saturday.",
        "Councillors met on Tuesday. In Mid-term polls the party slipped.",
    ],
)
def test_words_before_a_hyphenated_word_are_no_family_name(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _people(extract(text)) == []


@pytest.mark.model
def test_a_title_before_a_korean_given_name_is_no_family_name(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract("Mr Jae-won thanked the volunteers who had cleared the beach.")
    assert not any(name.startswith("Mr") for name in _people(doc)), _people(doc)


@pytest.mark.model
def test_the_family_name_alone_later_is_the_same_person(extract) -> None:  # type: ignore[no-untyped-def]
    doc = extract(
        "Park Min-jun, a rookie from Incheon, hit two home runs on Sunday. Park said he had not slept the "
        "night before. The park outside the stadium was packed."
    )
    people = [e for e in doc.entities if e.type == "PERSON"]
    assert [[m.text for m in e.mentions if m.kind == "name"] for e in people] == [["Park Min-jun", "Park"]]
