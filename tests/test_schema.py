"""The JSON Schema of the contract ships in the package, and real output validates against it."""

from __future__ import annotations

import copy
import json
from importlib import resources
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph import ContractError, Document
from newsgraph.model import (
    ENTITY_TYPES,
    MENTION_KINDS,
    MODALITIES,
    PLOVER_TYPES,
    QUOTE_KINDS,
    RELATION_PREDICATES,
    TIMEX_TYPES,
    Entity,
    Event,
    Mention,
    Quote,
    Relation,
    Span,
    Timex,
)


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
    assert tuple(defs["quote"]["properties"]["kind"]["enum"]) == QUOTE_KINDS
    assert tuple(defs["timex"]["properties"]["type"]["enum"]) == TIMEX_TYPES


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


BROKEN: list[tuple[tuple[Any, ...], Any]] = [
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
]


@pytest.mark.parametrize(("path", "value"), BROKEN)
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
    # Blank text is refused by extract() (as by the CLI); the pipeline still gives it an empty document.
    from newsgraph import Article, extract_articles

    (blank,) = extract_articles([Article.make("   \n\n ")])
    assert isinstance(blank, Document) and errors(validator, blank.to_dict()) == []
    for text in ("“Unclosed quote, said nobody.", "UN UN UN. 12.3.2024 — ?!"):
        assert errors(validator, extract(text).to_dict()) == [], repr(text)


# ---------------------------------------------------------------- the schema and from_dict agree


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("schema",), KeyError),
        (("entities", 0, "mentions", 0, "text"), ""),
        (("entities", 0, "mentions", 0, "kind"), KeyError),
        (("entities", 1, "sector"), ""),
        (("quotes", 0, "fragments"), [[63, "70"]]),
        (("events", 0, "trigger", "start"), True),
        (("events", 0, "source"), "E1"),
    ],
)
def test_what_the_schema_refuses_from_dict_refuses(
    handmade: Document, validator: jsonschema.Draft202012Validator, path: tuple[Any, ...], value: Any
) -> None:
    broken = _break(handmade.to_dict(), path, value)
    assert errors(validator, broken), f"schema accepted {path} = {value!r}"
    with pytest.raises(ContractError):
        Document.from_dict(broken)


def test_the_fixed_mutations_are_refused_by_from_dict_too(handmade: Document) -> None:
    for path, value in BROKEN:
        with pytest.raises(ContractError):
            Document.from_dict(_break(handmade.to_dict(), path, value))


# Documents built from the dataclasses, every offset inside a generated text and every reference to an
# entity of the document: what the pipeline could emit, without running it.
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 200) | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
_WORD = st.text(min_size=1, max_size=8)
_OPT_WORD = st.none() | _WORD


@st.composite
def documents(draw: st.DrawFn) -> Document:
    text = draw(st.text(min_size=1, max_size=60))
    n = len(text)
    cuts = sorted(draw(st.lists(st.integers(0, n), min_size=2, max_size=7)))
    sentences = tuple((cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2))
    sentence = st.integers(0, len(sentences) - 1)

    def span(filled: bool = True) -> tuple[int, int, str]:
        start = draw(st.integers(0, n - 1 if filled else n))
        end = draw(st.integers(start + 1 if filled else start, n))
        return start, end, text[start:end]

    entities = []
    for i in range(draw(st.integers(0, 4))):
        etype = draw(st.sampled_from(ENTITY_TYPES))
        place = etype in ("GPE", "LOC")
        mentions = tuple(
            Mention(*span(), draw(sentence), draw(st.sampled_from(MENTION_KINDS)))
            for _ in range(draw(st.integers(0, 3)))
        )
        entities.append(
            Entity(
                id=f"E{i + 1}",
                name=draw(_WORD),
                type=etype,
                mentions=mentions,
                country=draw(st.none() | st.from_regex(r"[A-Z]{3}", fullmatch=True)),
                sector=draw(_OPT_WORD),
                titles=tuple(draw(st.lists(_WORD, max_size=2))),
                aliases=tuple(draw(st.lists(_WORD, max_size=2))),
                lat=draw(st.none() | st.floats(-90, 90)) if place else None,
                lon=draw(st.none() | st.floats(-180, 180)) if place else None,
                geonameid=draw(st.none() | st.from_regex(r"[0-9]{1,8}", fullmatch=True)) if place else None,
            )
        )
    ids = [e.id for e in entities]
    some_id = st.sampled_from(ids) if ids else st.nothing()
    opt_id = st.none() | some_id if ids else st.none()
    relations = tuple(
        Relation(draw(some_id), draw(st.sampled_from(RELATION_PREDICATES)), draw(some_id), draw(sentence))
        for _ in range(draw(st.integers(0, 2)) if ids else 0)
    )
    timexes = tuple(
        Timex(*span(), draw(st.sampled_from(TIMEX_TYPES)), draw(_OPT_WORD))
        for _ in range(draw(st.integers(0, 2)))
    )
    quotes = []
    for i in range(draw(st.integers(0, 2))):
        start, end, said = span()
        cut = draw(st.integers(start, end))
        fragments = draw(st.none() | st.just(((start, cut), (cut, end))))
        kind = draw(st.sampled_from(QUOTE_KINDS))
        speaker, speaker_text, cue = draw(opt_id), draw(_OPT_WORD), draw(_OPT_WORD)
        quotes.append(
            Quote(f"Q{i + 1}", kind, start, end, said, speaker, speaker_text, cue, draw(sentence), fragments)
        )
    events = tuple(
        Event(
            id=f"V{i + 1}",
            type=draw(st.sampled_from(PLOVER_TYPES)),
            trigger=Span(*span(filled=False)),
            sentence=draw(sentence),
            source=tuple(draw(st.lists(some_id, max_size=2))) if ids else (),
            target=tuple(draw(st.lists(some_id, max_size=2))) if ids else (),
            mode=draw(_OPT_WORD),
            contexts=tuple(draw(st.lists(st.text(max_size=6), max_size=2))),
            date=draw(_OPT_WORD),
            location=draw(opt_id),
            modality=draw(st.sampled_from(MODALITIES)),
            negated=draw(st.booleans()),
            attributed_to=draw(opt_id),
            confidence=draw(st.floats(0, 1)),
        )
        for i in range(draw(st.integers(0, 2)))
    )
    return Document(
        id=draw(_WORD),
        text=text,
        sentences=sentences,
        published=draw(st.none() | st.dates().map(lambda d: d.isoformat())),
        title=draw(st.none() | st.text(max_size=10)),
        url=draw(st.none() | st.text(max_size=10)),
        source=draw(st.none() | st.text(max_size=10)),
        entities=tuple(entities),
        relations=relations,
        timexes=timexes,
        quotes=tuple(quotes),
        events=events,
    )


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into a JSON value (containers and leaves), for the mutations below."""
    keys = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    found = [path] if path else []
    for key, inner in keys:
        found += _paths(inner, (*path, key))
    return found


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=documents())
def test_generated_documents_round_trip_and_validate(
    validator: jsonschema.Draft202012Validator, doc: Document
) -> None:
    d = doc.to_dict()
    assert errors(validator, d) == []
    again = Document.from_dict(json.loads(json.dumps(d)))
    assert again.to_dict() == d


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=documents(), data=st.data())
def test_a_mutation_the_schema_refuses_from_dict_refuses(
    validator: jsonschema.Draft202012Validator, doc: Document, data: st.DataObject
) -> None:
    d = doc.to_dict()
    path = data.draw(st.sampled_from(_paths(d)))
    value = data.draw(st.just(KeyError) | _JSON) if isinstance(path[-1], str) else data.draw(_JSON)
    broken = _break(d, path, value)
    try:
        Document.from_dict(broken)  # nothing but ContractError, whatever the mutation
    except ContractError:
        return
    assert not errors(validator, broken), f"from_dict accepted {path} = {value!r}, the schema does not"
