"""The places stage: GPE and LOC entities resolved to a country, coordinates and GeoNames id, offline.

Each place entity gets candidates from the gazetteer (newsgraph.geo) by its names (candidates.py),
narrowed by what the text says of a country's name and of a dateline (narrow.py); rank.py ranks them by
kind and population, then by what the document says: a "City, State" or "City, Country" pattern after a
mention, the paper's home country, the states and countries the other places of the document lie in (a
first pass gives those), and how near a candidate lies to the other places.

Before ranking, the stage retypes as places the PERSON/ORG entities that the text uses as places ("police
in Alexandria", "Fargo, N.D."), streets as LOC, and adds places the NER missed (add.py): "City, State"
patterns, datelines, county and street lists, party-home tags ("D-Braxton"), towns near the document's
other places after "in"/"of", and places inside organisation names ("the Texas Department of ...",
"Athens Police Department", "Fargo-Moorhead"). GPE/LOC entities that are no place (an unknown name that
acts, a body or facility, a people, a person's surname) lose their place type or their name mentions
(demote.py). The choices are written back by apply.py, where a capital that acts ("Washington warned")
becomes its government (ORG). Entities are never removed or renumbered.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Literal

from ...geo import Gazetteer, Place, gazetteer
from ...geo.divisions import named_division_namesake
from ...lexicons.names import gender_words, pronoun_gender
from ...model import Entity
from ...nlp.datelines import Dateline
from ..base import Parsed, Results
from ..common import generic_address, is_sports_story, publication_country
from .add import add_missing_places, local_names, nested_places, region_demonyms, unlabelled_places
from .apply import apply_places, city_over_state
from .candidates import every_place, known, lookup, name_hints, place_candidates, street_name
from .context import (
    county_lists,
    dateline_marks,
    listed_with,
    looks_like_nature,
    looks_like_place,
    looks_like_street,
    named_as_a_person,
    street_lists,
)
from .demote import demote_non_places
from .narrow import (
    as_country,
    city_named_towns,
    country_named,
    dateline_of,
    filed_in,
    masthead_neighbours,
    masthead_towns_abroad,
    national_namesakes,
    prominent,
    qualified,
    story_country,
    towns_in,
)
from .pairs import lying_in, narrow_pairs
from .rank import (
    LOCAL,
    LOCAL_KM,
    Choice,
    Context,
    choose,
    country_votes,
    country_weights,
    km,
    spread,
    supports,
)
from .readings import add_regions, read_regions, region_entities, region_spans
from .within import inside_containers


def choose_places(
    entities: tuple[Entity, ...],
    parsed: Parsed,
    gaz: Gazetteer,
    counties: frozenset[tuple[int, int]],
    skip: frozenset[str] = frozenset(),
    marks: dict[tuple[int, int], Dateline] | None = None,
) -> dict[str, Choice]:
    """The best gazetteer place for each GPE/LOC entity that has one (two passes; see the module doc),
    but for those in `skip` (regions readings.py resolves: their namesake towns must not vote). `marks`
    are the text's datelines by span (narrow.py)."""
    text = parsed.text
    places = {e.id: e for e in entities if e.is_place and e.id not in skip}
    found = {eid: place_candidates(e, gaz, counties) for eid, e in places.items()}
    cands = {eid: c for eid, (c, _) in found.items()}
    borrowed = {eid for eid, (_, b) in found.items() if b}
    paired, pairs = narrow_pairs(places, text, cands, lambda e: every_place(e, gaz))
    cands.update(paired)
    hints = {eid: name_hints(e, text, gaz) for eid, e in places.items()}
    # Where each name's candidates lie vouches for the others' before the text narrows its own.
    near, states = spread(cands)
    dated = {eid: d for eid, e in places.items() if (d := dateline_of(e, marks or {})) is not None}
    named_towns: dict[str, tuple[Place, ...]] = {}  # a country's name: its namesake towns, held back
    named_countries = {eid: iso for eid, e in places.items() if (iso := country_named(e, gaz)) is not None}
    country_spans = frozenset(
        (m.start, m.end) for eid in named_countries for m in places[eid].mentions if m.kind == "name"
    )
    for eid, e in places.items():
        if (country := named_countries.get(eid)) is not None:
            narrowed = as_country(cands[eid], hints[eid], country)
            # "China, Russia and North Korea": a country named in a list of countries keeps no town.
            names = [m for m in e.mentions if m.kind == "name"]
            listed = any(listed_with(text, m, country_spans - {(m.start, m.end)}) for m in names)
            named_towns[eid] = () if listed else tuple(p for p in cands[eid] if p not in narrowed)
            cands[eid] = narrowed
        elif eid in dated:
            cands[eid] = qualified(prominent(cands[eid], dated[eid]), hints[eid], gaz)
    weights = {eid: sum(m.kind == "name" for m in e.mentions) or 1 for eid, e in places.items()}
    ctx = Context(publication_country(parsed.article.url), near, states, neighbours=gaz.neighbours)
    first = {eid: c for eid in places if (c := choose(cands[eid], hints[eid], ctx, eid)) is not None}
    for eid in masthead_towns_abroad(places, first, parsed.article.url, ctx.home):
        cands[eid] = towns_in(cands[eid], ctx.home)
    if not generic_address(parsed.article.url):
        cands.update(national_namesakes(places, first, cands, ctx.home))
    cands.update(city_named_towns(places, first, ctx.home, gaz))
    cands.update(masthead_neighbours(places, first, cands, parsed.article.url, ctx.home, gaz))
    # A facility or street lies in the town its name starts with only when that town is near the places
    # the document names outright ("City Park" in a South Carolina story is no neighbourhood of Saskatoon).
    near_named = _local_test({eid: c for eid, c in first.items() if eid not in borrowed})
    # A street is named after a state or a country it does not lie in ("Portland Street", "Avenida
    # Caracas"): only a town near the named places lends it a place.
    for eid in borrowed:
        wide = () if street_name(places[eid].name) else ("adm1", "adm2", "country")
        cands[eid] = tuple(p for p in cands[eid] if p.kind in wide or near_named(p))
        if not cands[eid]:
            first.pop(eid, None)
    # A local paper's "Lebanon" or "Jamaica" near the towns it names is their neighbour, not the country
    # (a state named, or a town of that state far away, is not enough: a list of foreign powers in a
    # story naming Toledo, Ohio does not make its "Russia" the Ohio village).
    anchors = [c.place for eid, c in first.items() if c.place.kind in LOCAL and eid not in borrowed]
    for eid, towns in named_towns.items():
        kept = [p for p in towns if any(km(p, a) < LOCAL_KM for a in anchors)]
        if not _abroad(eid, first, {p.country for p in towns}):
            # A story naming nothing outside the towns' country: the ranker decides, as for any name
            # (a local paper's "Jordan" is most often its neighbour in LGL).
            kept = list(towns)
        cands[eid] = (*cands[eid], *kept)
    named = {c.place.admin1 for c in first.values() if c.place.kind == "adm1" and c.place.country == "USA"}
    named |= {h.state for hs in hints.values() for h in hs if h.state}
    votes = country_votes(first, weights)
    for eid, d in dated.items():
        country = story_country(eid, votes, d, ctx.home)
        if country is None and d.qualifier is None:
            # "HAMILTON -- ... the Waikato Regional Council": a province the story names elsewhere
            country = named_division_namesake(text[d.start : d.end].title(), text[d.end :])
        cands[eid] = filed_in(cands[eid], d, country)
    chosen: dict[object, dict[str, float]] = {}
    for eid, c in first.items():
        if c.place.country == "USA" and c.place.admin1 and c.place.kind in LOCAL:
            chosen.setdefault(c.place.admin1, {})[eid] = 1.0
    ctx = dataclasses.replace(
        ctx,
        countries=country_weights(votes),
        votes=votes,
        country_points=_country_points(gaz, {iso for iso, _ in votes.values()}),
        named_states=frozenset(named),
        chosen_states=supports(chosen),
    )
    final = {eid: c for eid in places if (c := choose(cands[eid], hints[eid], ctx, eid)) is not None}
    for town, division in pairs:
        # The division the chosen town lies in: Dover in England and Dover, Delaware each lie in a Kent.
        if town in final and division in final:
            inside = lying_in(final[town].place, cands[division])
            if inside and final[division].place not in inside:
                again = choose(inside, hints[division], ctx, division)
                if again is not None:
                    final[division] = again
    return final


def _abroad(entity_id: str, first: dict[str, Choice], domestic: set[str | None]) -> bool:
    """Whether another place of the document lies outside the `domestic` countries (first pass)."""
    return any(
        c.place.country is not None and c.place.country not in domestic
        for eid, c in first.items()
        if eid != entity_id
    )


def _country_points(gaz: Gazetteer, countries: set[str]) -> dict[str, tuple[float, float]]:
    points = {}
    for iso in countries:
        p = gaz.country(iso)
        if p is not None:
            points[iso] = (p.lat, p.lon)
    return points


_HOME_TOWN_MIN = 20_000


def _local_test(choices: dict[str, Choice], home: str | None = None) -> Callable[[Place], bool]:
    """Whether a place lies near the document's resolved towns (or, without towns, in a state it names).
    With `home`, a document with neither accepts the sizeable towns of the paper's home country."""
    anchors = [c.place for c in choices.values() if c.place.kind in LOCAL]
    states = {c.place.admin1 for c in choices.values() if c.place.kind == "adm1" and c.place.country == "USA"}

    def local(p: Place) -> bool:
        if anchors:
            return any(km(p, a) < LOCAL_KM for a in anchors)
        if states:
            return p.country == "USA" and p.admin1 in states
        return home is not None and p.country == home and p.population >= _HOME_TOWN_MIN

    return local


_ACTOR_DEPS = ("nsubj", "nsubjpass")


def _acts(parsed: Parsed, start: int, end: int) -> bool:
    """Whether the mention is the subject of a verb ("Welch went home"): people act, towns rarely do."""
    span = parsed.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.dep_ in _ACTOR_DEPS and span.root.head.pos_ == "VERB"


def _as_place(e: Entity, type_: Literal["GPE", "LOC"]) -> Entity:
    """The entity retyped as a place, without the person's pronouns the entity layer gave it ("he", "his",
    a quote's "I"): a place is no one's "he", and a pronoun left unresolved is better than one given a
    town. A body's "it", "its" or "we" may be the place's and stays."""
    mentions = tuple(m for m in e.mentions if m.kind != "pronoun" or not _personal(m.text))
    return dataclasses.replace(e, type=type_, mentions=mentions)


def _personal(pronoun: str) -> bool:
    """A pronoun only a person is: gendered, or a first person singular."""
    return pronoun_gender(pronoun) is not None or pronoun.lower() in gender_words().first_singular


def retype_places(
    entities: tuple[Entity, ...],
    choices: dict[str, Choice],
    parsed: Parsed,
    gaz: Gazetteer,
    marked: frozenset[tuple[int, int]],
) -> tuple[Entity, ...]:
    """PERSON/ORG entities the text uses as places become GPE (the NER's most common place error), and
    streets LOC."""
    text = parsed.text
    streets = frozenset(street_lists(text))
    local = _local_test(choices)

    # In a sports story the entity layer has made clubs named after places ORG on purpose.
    retypable = ("PERSON",) if is_sports_story(text) else ("PERSON", "ORG")
    places = frozenset(
        (m.start, m.end) for e in entities if e.is_place for m in e.mentions if m.kind == "name"
    )
    out = []
    for e in entities:
        retype = e.type in retypable and e.country is None
        # Not "Doreen Pike, who chairs ...": a person whose surname is a road's or a park's word
        if retype and not (e.type == "PERSON" and named_as_a_person(e, text)):
            names = [(m.start, m.end) for m in e.mentions if m.kind == "name"]
            if looks_like_street(e) or looks_like_nature(e) or (names and all(n in streets for n in names)):
                e = _as_place(e, "LOC")
            elif looks_like_place(
                e, text, gaz, local, marked, lambda m: _acts(parsed, m.start, m.end), places
            ):
                e = _as_place(e, "GPE")
        out.append(e)
    return tuple(out)


def run(parsed: Parsed, results: Results) -> Results:
    gaz = gazetteer()
    text = parsed.text
    counties = frozenset(county_lists(text))
    marks = dateline_marks(text)
    dateline_spans = frozenset(marks)
    marked = counties | dateline_spans
    regions = region_spans(text)
    entities = add_missing_places(results.entities, parsed, gaz)
    first = choose_places(
        entities, parsed, gaz, counties, frozenset(region_entities(entities, regions)), marks
    )
    entities = retype_places(entities, first, parsed, gaz, marked)
    others = {e.id: {k: c for k, c in first.items() if k != e.id} for e in entities if e.is_place}
    entities = demote_non_places(
        entities, parsed, lambda e: known(e, gaz, _local_test(others[e.id])), lambda n: bool(lookup(n, gaz))
    )
    # Anchors only from entities still places: a demoted facility's own guess ("Webb Center" in a town
    # called Webb) must not vouch for the town inside its name.
    still = {e.id for e in entities if e.is_place}
    home = publication_country(parsed.article.url)
    near_home = _local_test({k: c for k, c in first.items() if k in still}, home)
    entities = nested_places(entities, parsed, gaz, near_home)
    entities = local_names(entities, parsed, gaz, near_home)
    entities = unlabelled_places(entities, parsed, gaz, near_home)
    entities = region_demonyms(entities, parsed)
    entities = add_regions(entities, parsed, regions)
    read_by_kind = region_entities(entities, regions)
    choices = choose_places(entities, parsed, gaz, counties, frozenset(read_by_kind), marks)
    choices = city_over_state(entities, choices, parsed, gaz, dateline_spans)
    choices = read_regions(entities, choices, read_by_kind, parsed)
    entities, choices = inside_containers(entities, choices, text, gaz)
    return results.replace(entities=apply_places(entities, choices, parsed))
