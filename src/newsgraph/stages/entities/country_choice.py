"""The actor-country decision, after the rules (build.py, homes.py) have given theirs: the learned ranker
(newsgraph.models.actor_country) picks among every country the evidence backs (country_evidence.py), or
none; when it is unsure of every candidate, the rules' own country stands. Without its weights the rules'
countries stand. A country the ranker takes keeps the source of the
evidence that backs it most directly: the rules' own source when it is theirs, then the knowledge base, the
dateline, the story's home; a country named beside the actor in its sentences is `text`.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from ...model import CountrySource, Entity, Relation
from ...models.actor_country import CountryRanker, load_ranker
from ..base import Parsed, Results
from ..common import is_sports_story
from .country_evidence import FEATURES, Candidate, candidates
from .country_links import Links, country_links
from .employers import employer_countries
from .firm_forms import firm_form_homes
from .homes import rule_countries
from .kb_link import knowledge_base
from .name_countries import name_countries
from .namesake_bodies import namesake_bodies_at_home
from .national_sides import national_side_countries
from .place_countries import as_written, namesakes_at_home
from .relatives import relative_countries
from .story_evidence import DocumentEvidence, HomeAccess, body_homes, document_evidence, home_access
from .story_homes import story_home
from .story_names import story_name_homes
from .story_places import story_place_homes
from .teams import town_club_countries

if TYPE_CHECKING:
    from spacy.tokens import Doc


def kb_country(entity: Entity, published: str | None) -> str | None:
    """The knowledge base's country for the actor linked to it, on the article's date."""
    if entity.kb_id is None:
        return None
    actor = knowledge_base().get(entity.kb_id)
    role = actor.role_on(published)[0] if actor else None
    return role.country or None if role else None


def all_candidates(
    parse: Doc,
    text: str,
    entities: tuple[Entity, ...],
    relations: tuple[Relation, ...],
    url: str | None,
    published: str | None,
) -> list[list[Candidate]]:
    """Each entity's candidate countries (empty for places), in the order of `entities`: what the ranker
    learns from, read as `choose_countries` reads it."""
    doc = document_evidence(text, entities, url)
    links, access = _links(parse, entities, relations, doc)
    return [candidates(e, doc, kb_country(e, published), links.get(e.id), access.get(e.id)) for e in entities]


def _links(
    parse: Doc | None, entities: tuple[Entity, ...], relations: tuple[Relation, ...], doc: DocumentEvidence
) -> tuple[dict[str, Links], dict[str, HomeAccess]]:
    """The countries the `parse` (if given) and the `relations` tie to each actor (country_links.py), and
    the home guards of each named actor (`home_access`), read once for the bodies' homes and the
    candidates."""
    access = {
        e.id: home_access(e, doc)
        for e in entities
        if e.type in ("PERSON", "ORG") and any(m.kind == "name" for m in e.mentions)
    }
    if parse is None:
        return {}, access
    return country_links(parse, entities, relations, body_homes(entities, doc, access)), access


def _source(country: str, e: Entity, kb: str | None, doc: DocumentEvidence) -> CountrySource:
    if country == e.country and e.country_source:
        return e.country_source
    if country == kb:
        return "kb"
    if country == doc.dateline:
        return "dateline"
    if country in (doc.home, doc.publication, doc.top):
        return "home"
    return "text"


def choose_countries(
    text: str,
    entities: tuple[Entity, ...],
    url: str | None,
    published: str | None,
    ranker: CountryRanker,
    parse: Doc | None = None,
    relations: tuple[Relation, ...] = (),
) -> tuple[Entity, ...]:
    """The entities with the countries the ranker chooses (places unchanged); with the `parse`, the
    countries it and the `relations` tie to each actor (country_links.py) are candidates too."""
    ranker.check(FEATURES)
    doc = document_evidence(text, entities, url)
    links, access = _links(parse, entities, relations, doc)
    out = []
    for e in entities:
        kb = kb_country(e, published)
        found = candidates(e, doc, kb, links.get(e.id), access.get(e.id))
        if found:
            rule = next((i for i, c in enumerate(found) if c.country == e.country), None)
            pick = ranker.choose(
                [c.features for c in found],
                [c.pickable for c in found],
                [c.weak for c in found],
                rule,
                [c.near for c in found],
            )
            country = found[pick].country if pick is not None else None
            if country != e.country:
                source = _source(country, e, kb, doc) if country else None
                e = dataclasses.replace(e, country=country, country_source=source)
        out.append(e)
    return tuple(out)


def run(parsed: Parsed, results: Results) -> Results:
    """The homes stage: the rules' countries from places (homes.py), then the ranker's decision."""
    seen = namesakes_at_home(parsed.text, results.entities, parsed.article.url)
    entities = rule_countries(parsed, seen)
    ranker = load_ranker()
    if ranker is not None:
        entities = choose_countries(
            parsed.text,
            entities,
            parsed.article.url,
            parsed.article.published,
            ranker,
            parsed.doc,
            results.relations,
        )
    # A firm's legal form ("OÜ", "Sdn Bhd") says whose company law it was founded under
    home = story_home(parsed.text, entities, parsed.article.url).country
    sports = is_sports_story(parsed.text)
    if not sports:
        # A body named after a town with a namesake at home ("University of Kent" in a story of England)
        entities = namesake_bodies_at_home(entities, home)
    entities = firm_form_homes(entities, home)
    # A club named by its big town alone, in a sentence that plays a match ("Nantes beat Lens 2-0")
    entities = town_club_countries(parsed, entities)
    if not sports:
        # After the ranker, whose story-wide evidence (the country most people are of) it would tip
        entities = employer_countries(parsed.text, entities)
    # A relative named beside a person ("his wife, NAME") is of that person's country, once it has one
    entities = relative_countries(parsed.text, entities)
    # Last: a name is the weakest cue, for those every other one left without a country
    entities = name_countries(entities)
    # And a story that names no place of any country is set where its people's names are borne
    entities = story_name_homes(parsed.text, entities, parsed.article.url)
    # Or, short, in the one country of its few places
    entities = story_place_homes(parsed.text, entities, parsed.article.url, home, parsed.doc)
    # Over every other cue: a national side's coach and player serve that side's state
    entities = national_side_countries(parsed, entities)
    entities = as_written(results.entities, seen, entities)
    return results if entities == results.entities else results.replace(entities=entities)
