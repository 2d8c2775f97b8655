"""The contract records: to_dict() gives the contract's JSON and from_dict() reads it back unchanged."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest

from newsgraph import ContractError, Document
from newsgraph.model import SCHEMA


def test_hand_built_offsets_are_consistent(handmade: Document, assert_offsets: Any) -> None:
    # Guards the fixture itself: a wrong offset here would make the round-trip tests prove nothing.
    assert_offsets(handmade)


def test_offset_checker_catches_a_shifted_span(handmade: Document, assert_offsets: Any) -> None:
    # Built with replace(): from_dict itself now refuses a span whose text is not the text at its offsets.
    doc = handmade
    shifted = dataclasses.replace(doc, timexes=(dataclasses.replace(doc.timexes[0], start=53),))
    with pytest.raises(AssertionError, match="timex"):
        assert_offsets(shifted)


def test_to_dict_has_the_contract_fields_in_order(handmade: Document) -> None:
    d = handmade.to_dict()
    assert list(d) == [
        "schema",
        "id",
        "title",
        "url",
        "source",
        "published",
        "text",
        "sentences",
        "entities",
        "relations",
        "timexes",
        "quotes",
        "events",
    ]
    assert d["schema"] == SCHEMA
    assert d["sentences"] == [[0, 61], [62, 87]]
    person, place = d["entities"][0], d["entities"][2]
    assert "lat" not in person  # only places carry coordinates
    assert (place["lat"], place["lon"], place["geonameid"]) == (0.5, 37.5, "192950")
    assert person["mentions"][1] == {"start": 78, "end": 81, "text": "she", "sentence": 1, "kind": "pronoun"}
    assert d["events"][0]["trigger"] == {"start": 37, "end": 44, "text": "visited"}
    assert d["events"][0]["modality"] == "asserted" and d["events"][0]["negated"] is False
    json.dumps(d)  # plain JSON values only


def test_hand_built_round_trips(handmade: Document) -> None:
    d = handmade.to_dict()
    again = Document.from_dict(json.loads(json.dumps(d)))
    assert again == handmade
    assert again.to_dict() == d


def test_empty_document_round_trips() -> None:
    d = Document(id="x", text="", sentences=()).to_dict()
    assert Document.from_dict(d).to_dict() == d


def test_entity_lookup(handmade: Document) -> None:
    doc = handmade
    assert doc.entity("E3") is not None and doc.entity("E3").name == "Kenya"  # type: ignore[union-attr]
    assert doc.entity("E99") is None and doc.entity(None) is None


@pytest.mark.parametrize(
    "bad",
    [
        [],
        "a string",
        {"schema": "newsgraph.document/0", "id": "x", "text": "", "sentences": []},
    ],
)
def test_from_dict_refuses_what_is_not_a_document(bad: Any) -> None:
    with pytest.raises(ContractError):
        Document.from_dict(bad)


def test_from_dict_names_a_record_with_missing_fields(handmade: Document) -> None:
    d = handmade.to_dict()
    del d["entities"][0]["type"]
    with pytest.raises(ContractError, match=r"^entities\[0\]\.type: is missing"):
        Document.from_dict(d)


def test_from_dict_ignores_added_fields(handmade: Document) -> None:
    # The contract allows new fields; a reader of version 1 must not choke on them.
    d = handmade.to_dict()
    d["extra"] = {"anything": 1}
    d["entities"][0]["wikidata"] = "Q1"
    assert Document.from_dict(d) == handmade


@pytest.mark.model
def test_real_output_round_trips(sample_docs: dict[str, Document]) -> None:
    for doc in sample_docs.values():
        d = doc.to_dict()
        assert Document.from_dict(json.loads(json.dumps(d))).to_dict() == d, doc.id


@pytest.mark.model
def test_sample_offsets_hold(sample_docs: dict[str, Document], assert_offsets: Any) -> None:
    for doc in sample_docs.values():
        assert_offsets(doc)
        assert doc.sentences, f"{doc.id}: no sentences"
        assert doc.entities, f"{doc.id}: no entities"


@pytest.mark.model
def test_stream_and_single_extraction_agree(
    sample_docs: dict[str, Document], samples: list[dict[str, Any]]
) -> None:
    # `newsgraph extract` streams in batches; the golden file and the API extract one text at a time.
    from newsgraph import Article, ExtractOptions, extract_articles

    articles = [
        Article.make(
            r["text"],
            id=r["id"],
            published=r["published"],
            title=r["title"],
            url=r["url"],
            source=r["source"],
        )
        for r in samples
    ]
    for article, result in zip(
        articles, extract_articles(articles, ExtractOptions(batch_size=2)), strict=True
    ):
        assert result == sample_docs[article.id], article.id


# ---------------------------------------------------------------- from_dict checks what it reads


def _with(d: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A deep copy of `d` with the value at a dotted path ("entities.0.mentions.0.end") replaced."""
    d = json.loads(json.dumps(d))
    *keys, last = [int(k) if k.isdigit() else k for k in path.split(".")]
    target: Any = d
    for key in keys:
        target = target[key]
    target[last] = value
    return d


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("text", 5, "text: is an integer; expected a string"),
        ("sentences", [[5, 2]], "sentences[0].start: 5 is after the end (2)"),
        ("sentences", [[0]], "sentences[0]: has 1 items; expected [start, end]"),
        ("sentences", "0-61", "sentences: is a string; expected a list"),
        ("id", "", "id: '' is not a non-empty string"),
        ("published", "3 August 2023", "published: '3 August 2023' is not of the form"),
        (
            "entities.0.mentions.0.end",
            120,
            "entities[0].mentions[0].end: 120 is past the end of the text (87",
        ),
        (
            "entities.0.mentions.0.start",
            -1,
            "entities[0].mentions[0].start: is -1; expected an integer, 0 or",
        ),
        (
            "entities.0.mentions.0.start",
            "17",
            "entities[0].mentions[0].start: is a string; expected an integer",
        ),
        (
            "entities.0.mentions.0.text",
            "Lena",
            "entities[0].mentions[0].text: 'Lena' is not the text at 17:26",
        ),
        (
            "entities.0.mentions.0.sentence",
            2,
            "entities[0].mentions[0].sentence: 2 is not an index into the 2",
        ),
        ("entities.0.mentions", {"a": 1}, "entities[0].mentions: is an object; expected a list"),
        ("entities.0.type", "MISC", "entities[0].type: 'MISC' is not one of PERSON, ORG, GPE, LOC"),
        ("entities.0.country", "NO", "entities[0].country: 'NO' is not of the form"),
        ("entities.0.titles", "Minister", "entities[0].titles: is a string; expected a list"),
        ("entities.1.id", "E1", "entities[1].id: 'E1' is the id of an earlier entity too"),
        ("entities.2.lat", 91, "entities[2].lat: is 91; expected a number from -90 to 90"),
        ("entities.0", "E1", "entities[0]: is a string; expected an object"),
        ("relations.0.object", "E9", "relations[0].object: 'E9' is not the id of an entity"),
        ("relations.0.predicate", "friend_of", "relations[0].predicate: 'friend_of' is not one of"),
        ("timexes.0.type", "MONTH", "timexes[0].type: 'MONTH' is not one of"),
        ("quotes.0.speaker", "E9", "quotes[0].speaker: 'E9' is not the id of an entity"),
        ("quotes.0.kind", None, "quotes[0].kind: None is not one of direct, indirect, mixed"),
        ("quotes.0.fragments", [[63, 70], [66, 75]], "quotes[0].fragments[1]: [66, 75] is not in the quote"),
        ("quotes.0.fragments", [[63, 99]], "quotes[0].fragments[0]: [63, 99] is not in the quote"),
        ("events.0.source", ["E9"], "events[0].source[0]: 'E9' is not the id of an entity"),
        ("events.0.trigger", None, "events[0].trigger: is null; expected an object"),
        ("events.0.trigger.end", 999, "events[0].trigger.end: 999 is past the end of the text"),
        ("events.0.negated", "no", "events[0].negated: is a string; expected true or false"),
        ("events.0.confidence", 1.5, "events[0].confidence: is 1.5; expected a number from 0 to 1"),
        ("events.0.confidence", True, "events[0].confidence: is a boolean; expected a number"),
        ("events.0.modality", "likely", "events[0].modality: 'likely' is not one of"),
        ("events.0.location", "E9", "events[0].location: 'E9' is not the id of an entity"),
    ],
)
def test_from_dict_names_the_field_that_breaks_the_contract(
    handmade: Document, path: str, value: Any, message: str
) -> None:
    with pytest.raises(ContractError) as caught:
        Document.from_dict(_with(handmade.to_dict(), path, value))
    assert str(caught.value).startswith(message), str(caught.value)


@pytest.mark.parametrize("missing", ["text", "sentences", "events", "title"])
def test_from_dict_wants_every_contract_field(handmade: Document, missing: str) -> None:
    d = handmade.to_dict()
    del d[missing]
    with pytest.raises(ContractError, match=f"^{missing}: is missing"):
        Document.from_dict(d)


def test_place_needs_coordinates_and_person_does_not(handmade: Document) -> None:
    d = handmade.to_dict()
    del d["entities"][2]["geonameid"]
    with pytest.raises(ContractError, match=r"entities\[2\]\.geonameid: is missing"):
        Document.from_dict(d)
    assert "lat" not in handmade.to_dict()["entities"][0]  # and a person reads back without them


def test_quote_fragments_round_trip(handmade: Document) -> None:
    d = _with(handmade.to_dict(), "quotes.0.fragments", [[63, 65], [66, 75]])
    doc = Document.from_dict(d)
    assert doc.quotes[0].fragments == ((63, 65), (66, 75))
    assert doc.to_dict() == d
    assert "fragments" not in handmade.to_dict()["quotes"][0]  # left out when the quote has none
