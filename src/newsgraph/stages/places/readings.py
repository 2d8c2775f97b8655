"""Regions the kind of document resolves ("the West"), not a point of their own (places_readings.tsv).

"the West" of an international story is the political West (the United States, Europe and their allies:
no country, a point between them); "the West" of a US paper's domestic story is the western United
States. The gazetteer would put it in a town called West (Iceland, Texas), so these names take no
gazetteer candidates and no part in the ranking's country votes; once the other places are chosen, the
document's foreign places and actors against its US states and towns decide the reading.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable

from ...geo import Place
from ...lexicons.places import RegionReading, region_readings
from ...model import Entity, Mention
from ..base import Parsed
from ..common import alternatives, is_sports_story, publication_country
from .rank import LOCAL, Choice

INTERNATIONAL = "international"
DOMESTIC = "domestic"

# Bodies that make a story international whatever their country: the UN, NATO, the EU.
_INTERNATIONAL_SECTORS = frozenset({"IGO"})
# US places below the country that make a story domestic: states, towns, counties and US regions.
_DOMESTIC_KINDS = frozenset({"adm1", "region", *LOCAL})


@functools.cache
def _forms() -> tuple[re.Pattern[str], dict[str, tuple[RegionReading, ...]]]:
    """A pattern for "the West" and the other forms after "the", longest first, and each form's readings."""
    readings: dict[str, list[RegionReading]] = {}
    for r in region_readings():
        for form in r.forms:
            readings.setdefault(form, []).append(r)
    # Not a longer name ("the West Bank", "the West Coast", "the West-backed"); a line break may follow
    # ("... warns the West" as a headline).
    pattern = re.compile(rf"(?<![\w-])[Tt]he\s+({alternatives(readings)})(?![\w-])(?![ \t]+[A-Z0-9])")
    return pattern, {f: tuple(rs) for f, rs in readings.items()}


def region_spans(text: str) -> dict[tuple[int, int], tuple[RegionReading, ...]]:
    """(start, end) of each "the West" form in the text (without "the") -> its readings."""
    pattern, readings = _forms()
    return {(m.start(1), m.end(1)): readings[m.group(1)] for m in pattern.finditer(text)}


def region_entities(
    entities: Iterable[Entity], spans: dict[tuple[int, int], tuple[RegionReading, ...]]
) -> dict[str, tuple[RegionReading, ...]]:
    """Place entities named by a "the West" form -> the readings all those mentions allow. The entity's
    other name mentions must be the same word ("the West" and "Europe's West" are one entity to the NER):
    one named otherwise ("West" the town of Texas, "Kanye West") is not the region."""
    _, readings = _forms()
    out: dict[str, tuple[RegionReading, ...]] = {}
    for e in entities:
        names = [m for m in e.mentions if m.kind == "name"]
        ours = [(m.start, m.end) for m in names if (m.start, m.end) in spans]
        if not e.is_place or not ours or not all(m.text in readings for m in names):
            continue
        allowed = [r for r in spans[ours[0]] if all(r in spans[n] for n in ours[1:])]
        if allowed:
            out[e.id] = tuple(allowed)
    return out


def add_regions(
    entities: tuple[Entity, ...], parsed: Parsed, spans: dict[tuple[int, int], tuple[RegionReading, ...]]
) -> tuple[Entity, ...]:
    """Each "the West" form no mention covers becomes a mention of the document's West (a new LOC entity
    when it has none). A form inside or on another entity's mention is left to it: "University of the West
    of England" is a body, and a span is one entity's mention (an organisation the NER made of "the West"
    stays one). Nor in a sports story: its "West" is a conference or a division ("BASEBALL - ... Seattle's
    lead in the West")."""
    if is_sports_story(parsed.text):
        return entities
    taken = [(m.start, m.end) for e in entities for m in e.mentions]
    fresh = [s for s in sorted(spans) if not any(a < s[1] and s[0] < b for a, b in taken)]
    if not fresh:
        return entities
    out = list(entities)
    next_id = 1 + max((int(e.id[1:]) for e in entities if e.id[1:].isdigit()), default=0)
    for start, end in fresh:
        surface = parsed.text[start:end]
        mention = Mention(start, end, surface, parsed.sentence_index(start), "name")
        # One entity for the document's West, whichever form names it ("the West", "the Western world").
        known = region_entities(out, spans)
        names = {r.name for r in spans[start, end]}
        i = next((i for i, e in enumerate(out) if any(r.name in names for r in known.get(e.id, ()))), None)
        if i is None:
            out.append(
                Entity(id=f"E{next_id}", name=surface, type="LOC", mentions=(mention,), aliases=(surface,))
            )
            next_id += 1
        else:
            e = out[i]
            aliases = e.aliases if surface in e.aliases else (*e.aliases, surface)
            mentions = tuple(sorted((*e.mentions, mention), key=lambda m: m.start))
            out[i] = dataclasses.replace(e, mentions=mentions, aliases=aliases)
    return tuple(out)


def document_reading(
    entities: Iterable[Entity], choices: dict[str, Choice], skip: Iterable[str], home: str | None
) -> str:
    """INTERNATIONAL when the document's foreign places and actors (countries, towns and regions abroad,
    people and bodies of other countries, international bodies) are at least as many as its US states and
    towns; DOMESTIC when they are fewer; with neither, the paper's home country decides (a US paper:
    DOMESTIC). Each entity counts once, so a state named five times does not outweigh five countries."""
    left_out = set(skip)
    foreign = domestic = 0
    for e in entities:
        if e.id in left_out:
            continue
        if e.is_place:
            choice = choices.get(e.id)
            if choice is None:
                continue
            p = choice.place
            if p.country == "USA":
                domestic += p.kind in _DOMESTIC_KINDS
            else:
                # A sea without a country ("the Pacific") says nothing; a continent or region abroad does.
                foreign += p.country is not None or p.kind in ("region", "continent", "union")
        elif e.sector in _INTERNATIONAL_SECTORS or (e.country is not None and e.country != "USA"):
            foreign += 1
    if foreign or domestic:
        return INTERNATIONAL if foreign >= domestic else DOMESTIC
    return DOMESTIC if home == "USA" else INTERNATIONAL


def read_regions(
    entities: tuple[Entity, ...],
    choices: dict[str, Choice],
    regions: dict[str, tuple[RegionReading, ...]],
    parsed: Parsed,
) -> dict[str, Choice]:
    """`choices` with each region entity's reading: its only one, or the one the document's kind picks.
    A sports story's "the West" is a conference or a division: left without a point."""
    if not regions or is_sports_story(parsed.text):
        return choices
    kind = document_reading(entities, choices, regions, publication_country(parsed.article.url))
    out = dict(choices)
    for eid, readings in regions.items():
        r = next((r for r in readings if r.reading == kind), readings[0])
        place = Place(r.name, "region", r.country, "", r.lat, r.lon, 0, None)
        out[eid] = Choice(place, 0.0, 0.0)
    return out
