"""The JSON Schema of the contract ships in the package, and real output validates against it."""

from __future__ import annotations

import copy
import json
from importlib import resources
from typing import Any

import jsonschema
import pytest

from newsgraph import Document
from newsgraph.model import ENTITY_TYPES, MENTION_KINDS, MODALITIES, PLOVER_TYPES, RELATION_PREDICATES


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    text = resources.files("newsgraph").joinpath("schema/document.schema.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    jsonschema.Draft202012Validator.check_schema(data)
    return data


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema)


def errors(validator: jsonschema.Draft202012Validator, doc: dict[str, Any]) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(doc)]


def test_schema_enums_match_the_model(schema: dict[str, Any]) -> None:
    # One source of truth: if model.py gains a predicate or type, the schema must say so too.
    defs = schema["$defs"]
    assert tuple(defs["entity"]["properties"]["type"]["enum"]) == ENTITY_TYPES
    assert tuple(defs["mention"]["properties"]["kind"]["enum"]) == MENTION_KINDS
    assert tuple(defs["relation"]["properties"]["predicate"]["enum"]) == RELATION_PREDICATES
    assert tuple(defs["event"]["properties"]["type"]["enum"]) == PLOVER_TYPES
    assert tuple(defs["event"]["properties"]["modality"]["enum"]) == MODALITIES


def test_hand_built_document_is_valid(handmade: Document, validator: jsonschema.Draft202012Validator) -> None:
    assert errors(validator, handmade.to_dict()) == []
    assert errors(validator, Document(id="x", text="", sentences=()).to_dict()) == []


def _break(d: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    d = copy.deepcopy(d)
    target: Any = d
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return d


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("schema",), "newsgraph.document/2"),
        (("published",), "3 August 2023"),
        (("entities", 0, "type"), "MISC"),
        (("entities", 0, "country"), "NO"),
        (("entities", 0, "mentions", 0, "kind"), "alias"),
        (("entities", 0, "mentions", 0, "start"), -1),
        (("entities", 2, "lat"), KeyError),  # places carry coordinates, possibly null
        (("relations", 0, "predicate"), "friend_of"),
        (("timexes", 0, "type"), "MONTH"),
        (("quotes", 0, "kind"), "paraphrase"),
        (("quotes", 0, "speaker"), KeyError),
        (("events", 0, "type"), "MEET"),
        (("events", 0, "modality"), "likely"),
        (("events", 0, "negated"), "no"),
        (("events", 0, "confidence"), 1.5),
        (("sentences", 0), [0]),
        (("text",), KeyError),
    ],
)
def test_schema_rejects_broken_documents(
    handmade: Document, validator: jsonschema.Draft202012Validator, path: tuple[Any, ...], value: Any
) -> None:
    assert errors(validator, _break(handmade.to_dict(), path, value)), f"accepted {path} = {value!r}"


@pytest.mark.model
def test_real_output_validates(
    validator: jsonschema.Draft202012Validator, sample_docs: dict[str, Document]
) -> None:
    for doc_id, doc in sample_docs.items():
        assert errors(validator, json.loads(json.dumps(doc.to_dict()))) == [], doc_id


@pytest.mark.model
def test_output_of_odd_text_validates(validator: jsonschema.Draft202012Validator, extract: Any) -> None:
    for text in ("", "   \n\n ", "“Unclosed quote, said nobody.", "UN UN UN. 12.3.2024 — ?!"):
        assert errors(validator, extract(text).to_dict()) == [], repr(text)
