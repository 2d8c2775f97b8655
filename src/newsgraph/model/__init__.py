"""The records newsgraph produces: frozen dataclasses that point into the text by offsets.

`Document.to_dict()` gives exactly the JSON of the output contract (newsgraph.document/1) and
`Document.from_dict()` reads it back, checking it (check.py). Nothing here knows about spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Literal

SCHEMA = "newsgraph.document/1"

EntityType = Literal["PERSON", "ORG", "GPE", "LOC"]
MentionKind = Literal["name", "demonym", "nominal", "pronoun"]
FactSource = Literal["text", "kb"]
# A country may also be inferred from a cue the text gives (stages/entities/countries.py).
CountrySource = Literal["text", "kb", "region", "party", "office", "org", "kin", "dateline", "home", "name"]
QuoteKind = Literal["direct", "indirect", "mixed"]
Modality = Literal["asserted", "future", "hypothetical", "historical"]

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC")
#: Where an entity's country or sector came from: the document's own words, or the actor knowledge base.
FACT_SOURCES = ("text", "kb")
#: Where a country came from: also a region of one country ("Vermont Sen."), a party of one country
#: ("Republican senator"), an office only one country has, the organisation the person speaks for, or
#: the dateline's country for an official or a state body at home (stages/entities/countries.py), or the
#: country a story's places lie in for roles of domestic life and a local story's people (homes.py).
COUNTRY_SOURCES = ("text", "kb", "region", "party", "office", "org", "kin", "dateline", "home", "name")
#: The sources of a country guessed from where the story happens (its home, its dateline) or from a name,
#: not said of the actor: a firm's legal form or a relative's country outweighs them, and a body's is passed
#: to none of its people who has a country of their own (stages/entities/firm_forms.py, relatives.py,
#: employers.py; stages/relations).
GUESSED_COUNTRY_SOURCES: frozenset[CountrySource] = frozenset({"home", "dateline", "name"})
MENTION_KINDS = ("name", "demonym", "nominal", "pronoun")
RELATION_PREDICATES = (
    "leader_of", "member_of", "represents", "spokesperson_of", "allied_with", "supports", "opposes",
    "located_in", "part_of",
)  # fmt: skip
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
MODALITIES = ("asserted", "future", "hypothetical", "historical")
QUOTE_KINDS = ("direct", "indirect", "mixed")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
# TimeML 1.2.1's TIMEX3 `mod` values
TIMEX_MODS = (
    "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS",
    "EQUAL_OR_MORE", "START", "MID", "END", "APPROX",
)  # fmt: skip


@dataclass(frozen=True)
class Span:
    """A stretch of the document text: `text == document.text[start:end]`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    sentence: int
    kind: MentionKind = "name"


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: EntityType
    mentions: tuple[Mention, ...]
    country: str | None = None
    sector: str | None = None
    titles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None
    geonameid: str | None = None
    # "text" or "kb" (newsgraph.kb) when country/sector is set, else None; kb_id: the knowledge-base
    # actor the entity was linked to, the same id in every document that names it.
    country_source: CountrySource | None = None
    sector_source: FactSource | None = None
    kb_id: str | None = None

    def __post_init__(self) -> None:
        # A stage that sets or clears a country or sector with dataclasses.replace need not know about
        # sources: a value without a source is the text's, a source without a value goes.
        for value, source in (("country", "country_source"), ("sector", "sector_source")):
            if getattr(self, value) is None:
                if getattr(self, source) is not None:
                    object.__setattr__(self, source, None)
            elif getattr(self, source) is None:
                object.__setattr__(self, source, "text")

    @property
    def is_place(self) -> bool:
        return self.type in ("GPE", "LOC")


@dataclass(frozen=True)
class Relation:
    subject: str
    predicate: str
    object: str
    sentence: int


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str | None
    # TimeML's modifier of the expression (START, END, APPROX, MORE_THAN ...; TIMEX_MODS); None (left out
    # of the dict) when the expression has none
    mod: str | None = None


@dataclass(frozen=True)
class Quote:
    id: str
    kind: QuoteKind
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_text: str | None
    cue: str | None
    sentence: int
    # The pieces of a quote its cue interrupts, [(start, end), ...]; None (left out of the dict) when the
    # quote is one piece. The quotes stage does not emit it yet; from_dict reads it.
    fragments: tuple[tuple[int, int], ...] | None = None


@dataclass(frozen=True)
class Event:
    id: str
    type: str
    trigger: Span
    sentence: int
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    date: str | None = None
    location: str | None = None
    modality: Modality = "asserted"
    negated: bool = False
    attributed_to: str | None = None
    confidence: float = 0.5


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    sentences: tuple[tuple[int, int], ...]
    published: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    timexes: tuple[Timex, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    schema: str = field(default=SCHEMA)

    def entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def to_dict(self) -> dict[str, Any]:
        return document_to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return document_from_dict(data)


# ---------------------------------------------------------------- (de)serialisation


def _plain(record: Any) -> dict[str, Any]:
    """A flat record's fields as JSON values (tuples become lists)."""
    out: dict[str, Any] = {}
    for f in fields(record):
        value = getattr(record, f.name)
        out[f.name] = list(value) if isinstance(value, tuple) else value
    return out


def _entity_to_dict(e: Entity) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": e.id,
        "name": e.name,
        "type": e.type,
        "country": e.country,
        "sector": e.sector,
        "country_source": e.country_source,
        "sector_source": e.sector_source,
        "kb_id": e.kb_id,
        "titles": list(e.titles),
        "aliases": list(e.aliases),
        "mentions": [_plain(m) for m in e.mentions],
    }
    if e.is_place:
        out.update(lat=e.lat, lon=e.lon, geonameid=e.geonameid)
    return out


def _timex_to_dict(t: Timex) -> dict[str, Any]:
    out = _plain(t)
    if t.mod is None:
        del out["mod"]  # optional in the contract, like a quote's fragments: left out when there is none
    return out


def _quote_to_dict(q: Quote) -> dict[str, Any]:
    out = _plain(q)
    if q.fragments is None:
        del out["fragments"]  # optional in the contract: left out, so output without it is unchanged
    else:
        out["fragments"] = [list(f) for f in q.fragments]
    return out


_EVENT_ORDER = (
    "id", "type", "mode", "contexts", "source", "target", "date", "location",
    "modality", "negated", "attributed_to", "trigger", "sentence", "confidence",
)  # fmt: skip


def _event_to_dict(v: Event) -> dict[str, Any]:
    out = _plain(v)
    out["trigger"] = _plain(v.trigger)
    return {k: out[k] for k in _EVENT_ORDER}


# Characters that some line readers (Python's str.splitlines among them) take as line ends: escaped in
# JSON lines so that one document is always one line for every reader.
_LINE_BREAKERS = {
    "\u0085": "\\u0085",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
    "\x0b": "\\u000b",
    "\x0c": "\\u000c",
    "\x1c": "\\u001c",
    "\x1d": "\\u001d",
    "\x1e": "\\u001e",
}


def json_line(data: Any) -> str:
    """One JSON value on one line (UTF-8 kept readable), safe for every line splitter."""
    import json

    text = json.dumps(data, ensure_ascii=False)
    if any(c in text for c in _LINE_BREAKERS):
        text = "".join(_LINE_BREAKERS.get(c, c) for c in text)
    return text


def document_to_dict(doc: Document) -> dict[str, Any]:
    return {
        "schema": doc.schema,
        "id": doc.id,
        "title": doc.title,
        "url": doc.url,
        "source": doc.source,
        "published": doc.published,
        "text": doc.text,
        "sentences": [list(s) for s in doc.sentences],
        "entities": [_entity_to_dict(e) for e in doc.entities],
        "relations": [_plain(r) for r in doc.relations],
        "timexes": [_timex_to_dict(t) for t in doc.timexes],
        "quotes": [_quote_to_dict(q) for q in doc.quotes],
        "events": [_event_to_dict(v) for v in doc.events],
    }


def document_from_dict(data: dict[str, Any]) -> Document:
    """The Document of a contract dict, checked whole (model/check.py); ContractError names the field."""
    from .check import read_document

    return read_document(data)
