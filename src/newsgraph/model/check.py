"""Reading a contract dict back into a Document, checked.

A document dict comes from outside (a file, a store, another tool), so from_dict checks all of it and says
where it breaks (`entities[3].mentions[0].end: 120 is past the end of the text (98 characters)`), as one
ContractError, rather than building records that fail later with an AttributeError far from the cause. It
accepts what the JSON Schema (schema/document.schema.json) accepts, and refuses more only where a schema
cannot see: offsets against the text, indexes against `sentences`, ids against the entities.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

from ..errors import ContractError
from . import (
    COUNTRY_SOURCES,
    ENTITY_TYPES,
    FACT_SOURCES,
    MENTION_KINDS,
    MODALITIES,
    PLOVER_TYPES,
    QUOTE_KINDS,
    RELATION_PREDICATES,
    SCHEMA,
    TIMEX_MODS,
    TIMEX_TYPES,
    Document,
    Entity,
    Event,
    Mention,
    Quote,
    Relation,
    Span,
    Timex,
)

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ISO3 = re.compile(r"[A-Z]{3}")
_KINDS = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", int: "an integer"}


_Check = Callable[[Any, str], Any]
_Record = TypeVar("_Record", bound="DataclassInstance")


def _fail(path: str, message: str) -> NoReturn:
    raise ContractError(f"{path}: {message}")


def _kind(value: object) -> str:
    return "null" if value is None else _KINDS.get(type(value), f"a {type(value).__name__}")


def _obj(value: Any, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        _fail(path, f"is {_kind(value)}; expected an object")
    return value


def _list(value: Any, path: str) -> list[Any]:
    if not isinstance(value, list):
        _fail(path, f"is {_kind(value)}; expected a list")
    return value


def _str(nullable: bool = False, empty: bool = True, pattern: re.Pattern[str] | None = None) -> _Check:
    def check(v: Any, p: str) -> Any:
        if v is None and nullable:
            return v
        if not isinstance(v, str):
            _fail(p, f"is {_kind(v)}; expected a string{' or null' if nullable else ''}")
        if not (empty or v) or (pattern and not pattern.fullmatch(v)):
            _fail(p, f"{v!r} is not {'a non-empty string' if v == '' else f'of the form {pattern}'}")
        return v

    return check


def _int(v: Any, p: str) -> Any:
    if not isinstance(v, int) or isinstance(v, bool) or v < 0:
        _fail(p, f"is {v if isinstance(v, int) else _kind(v)}; expected an integer, 0 or more")
    return v


def _number(low: float, high: float, nullable: bool = False) -> _Check:
    def check(v: Any, p: str) -> Any:
        if v is None and nullable:
            return v
        if not isinstance(v, int | float) or isinstance(v, bool) or not low <= v <= high:  # NaN too
            _fail(
                p,
                f"is {_kind(v) if isinstance(v, bool | str) else v}; expected a number from {low} to {high}",
            )
        return v

    return check


def _enum(values: tuple[str, ...]) -> _Check:
    def check(v: Any, p: str) -> Any:
        if not isinstance(v, str) or v not in values:
            _fail(p, f"{v!r} is not one of {', '.join(values)}")
        return v

    return check


def _nullable(check: _Check) -> _Check:
    return lambda v, p: None if v is None else check(v, p)


def _bool(v: Any, p: str) -> Any:
    if not isinstance(v, bool):
        _fail(p, f"is {_kind(v)}; expected true or false")
    return v


def _each(item: _Check) -> _Check:
    return lambda v, p: tuple(item(x, f"{p}[{i}]") for i, x in enumerate(_list(v, p)))


def _pair(v: Any, p: str) -> tuple[int, int]:
    if len(_list(v, p)) != 2:
        _fail(p, f"has {len(v)} items; expected [start, end]")
    return _int(v[0], f"{p}[0]"), _int(v[1], f"{p}[1]")


_TEXT, _NAME, _OPT, _OPT_NAME = _str(), _str(empty=False), _str(True), _str(True, empty=False)
_PLACE = ("lat", "lon", "geonameid")
_AT: dict[str, _Check] = {"start": _int, "end": _int}
# Every field each record must have, and (after None) those it may have: coordinates on places, where
# they are required too, fragments on quotes and mod on timexes.
_SPEC: dict[type, tuple[dict[str, _Check], dict[str, _Check]]] = {
    Span: ({**_AT, "text": _TEXT}, {}),
    Mention: ({**_AT, "text": _NAME, "sentence": _int, "kind": _enum(MENTION_KINDS)}, {}),
    Entity: (
        {"id": _NAME, "name": _NAME, "type": _enum(ENTITY_TYPES), "country": _str(True, pattern=_ISO3),
         "sector": _OPT_NAME, "titles": _each(_NAME), "aliases": _each(_NAME)},
        {"lat": _number(-90, 90, True), "lon": _number(-180, 180, True), "geonameid": _OPT,
         "country_source": _nullable(_enum(COUNTRY_SOURCES)), "sector_source": _nullable(_enum(FACT_SOURCES)),
         "kb_id": _OPT_NAME},
    ),
    Relation: (
        {"subject": _NAME, "predicate": _enum(RELATION_PREDICATES), "object": _NAME, "sentence": _int}, {}
    ),
    Timex: ({**_AT, "text": _NAME, "type": _enum(TIMEX_TYPES), "value": _OPT}, {"mod": _enum(TIMEX_MODS)}),
    Quote: (
        {"id": _NAME, "kind": _enum(QUOTE_KINDS), **_AT, "text": _NAME, "speaker": _OPT_NAME,
         "speaker_text": _OPT, "cue": _OPT, "sentence": _int},
        {"fragments": _each(_pair)},
    ),
    Event: (
        {"id": _NAME, "type": _enum(PLOVER_TYPES), "mode": _OPT, "contexts": _each(_TEXT),
         "source": _each(_NAME), "target": _each(_NAME), "date": _OPT, "location": _OPT_NAME,
         "modality": _enum(MODALITIES), "negated": _bool, "attributed_to": _OPT_NAME, "sentence": _int,
         "confidence": _number(0, 1)},
        {},
    ),
}  # fmt: skip
_REFERENCES = ("subject", "object", "speaker", "location", "attributed_to", "source", "target")


class _Reader:
    """Builds the records of one document, checking each against the document: offsets inside the text
    and on the text they claim, sentence indexes inside `sentences`, entity ids that exist."""

    def __init__(self, text: str, sentences: tuple[tuple[int, int], ...]) -> None:
        self.text, self.n = text, len(sentences)
        self.ids: set[str] = set()
        for i, (start, end) in enumerate(sentences):
            self.span(f"sentences[{i}]", start, end)

    def span(self, path: str, start: int, end: int, text: str | None = None) -> None:
        if end > len(self.text):
            _fail(f"{path}.end", f"{end} is past the end of the text ({len(self.text)} characters)")
        if start > end:
            _fail(f"{path}.start", f"{start} is after the end ({end})")
        if text is not None and self.text[start:end] != text:
            _fail(f"{path}.text", f"{text!r} is not the text at {start}:{end} ({self.text[start:end]!r})")

    def record(self, cls: type[_Record], value: Any, path: str, **extra: Any) -> _Record:
        data = _obj(value, path)
        required, optional = _SPEC[cls]
        if cls is Entity and data.get("type") in ("GPE", "LOC"):
            required = {**required, **{name: optional[name] for name in _PLACE}}
        for name in required:
            if name not in data:
                _fail(f"{path}.{name}", "is missing")
        values = {
            n: check(data[n], f"{path}.{n}")
            for n, check in (*required.items(), *optional.items())
            if n in data
        }
        # Checked on the values read (before the record is made), which are plain ints and strings here.
        if "start" in values:
            self.span(path, values["start"], values["end"], values["text"])
        if "sentence" in values and values["sentence"] >= self.n:
            _fail(f"{path}.sentence", f"{values['sentence']} is not an index into the {self.n} sentences")
        for name in _REFERENCES:
            ids = values.get(name)
            for j, entity_id in enumerate(ids) if isinstance(ids, tuple) else [(None, ids)]:
                if entity_id is not None and entity_id not in self.ids:
                    where = f"{path}.{name}" if j is None else f"{path}.{name}[{j}]"
                    _fail(where, f"{entity_id!r} is not the id of an entity of this document")
        at = values.get("start", 0)
        for j, (start, end) in enumerate(values.get("fragments") or ()):
            if not at <= start <= end <= values["end"]:
                _fail(
                    f"{path}.fragments[{j}]", f"[{start}, {end}] is not in the quote after the piece before"
                )
            at = end
        record = cls(**values, **extra)
        return record

    def records(self, cls: type[_Record], value: Any, key: str) -> tuple[_Record, ...]:
        return tuple(self.record(cls, v, f"{key}[{i}]") for i, v in enumerate(_list(value, key)))

    def entity(self, value: Any, path: str) -> Entity:
        mentions = self.records(Mention, _obj(value, path).get("mentions"), f"{path}.mentions")
        entity = self.record(Entity, value, path, mentions=mentions)
        if entity.id in self.ids:
            _fail(f"{path}.id", f"{entity.id!r} is the id of an earlier entity too")
        self.ids.add(entity.id)
        return entity


_HEAD: dict[str, _Check] = {"id": _NAME, "title": _OPT, "url": _OPT, "source": _OPT}
_HEAD |= {"published": _str(True, pattern=_DATE), "text": _TEXT, "sentences": _each(_pair)}
_LISTS = ("entities", "relations", "timexes", "quotes", "events")


def read_document(data: dict[str, Any]) -> Document:
    data = _obj(data, "document")
    if data.get("schema") != SCHEMA:
        _fail("schema", f"{data.get('schema')!r} is not {SCHEMA!r}")
    for name in (*_HEAD, *_LISTS):
        if name not in data:
            _fail(
                name, f"is missing; expected the fields of the output contract ({SCHEMA}, docs/contract.md)"
            )
    head = {name: check(data[name], name) for name, check in _HEAD.items()}
    read = _Reader(head["text"], head["sentences"])
    entities = tuple(
        read.entity(e, f"entities[{i}]") for i, e in enumerate(_list(data["entities"], "entities"))
    )
    events = tuple(
        read.record(
            Event,
            v,
            f"events[{i}]",
            trigger=read.record(Span, _obj(v, f"events[{i}]").get("trigger"), f"events[{i}].trigger"),
        )
        for i, v in enumerate(_list(data["events"], "events"))
    )
    return Document(
        **head,
        entities=entities,
        relations=read.records(Relation, data["relations"], "relations"),
        timexes=read.records(Timex, data["timexes"], "timexes"),
        quotes=read.records(Quote, data["quotes"], "quotes"),
        events=events,
    )
