"""The contract records: to_dict() gives the contract's JSON and from_dict() reads it back unchanged."""

from __future__ import annotations

import json
from typing import Any

import pytest

from newsgraph import ContractError, Document
from newsgraph.model import SCHEMA


def test_hand_built_offsets_are_consistent(handmade: Document, assert_offsets: Any) -> None:
    # Guards the fixture itself: a wrong offset here would make the round-trip tests prove nothing.
    assert_offsets(handmade)


def test_offset_checker_catches_a_shifted_span(handmade: Document, assert_offsets: Any) -> None:
    doc = handmade
    shifted = Document.from_dict({**doc.to_dict(), "timexes": [{**doc.timexes[0].__dict__, "start": 53}]})
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
    with pytest.raises(ContractError, match="entity E1"):
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
