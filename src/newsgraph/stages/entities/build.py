"""The entities stage: name mentions grouped into actors and places, with titles, country and sector,
unnamed role holders, descriptive mentions and pronouns; and the relations that titles state.

Order: names (mentions.py) -> groups (grouping.py) -> roles from titles and appositions (roles.py) ->
nominal and pronoun mentions (anaphora.py) -> Entity records with ids E1, E2, ... in order of first mention.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

from ... import lexicons
from ...kb import ActorKB, without_possessive
from ...lexicons.entities import home_words
from ...model import CountrySource, Entity, FactSource, Mention, Relation
from ..base import Parsed, Results
from .anaphora import add_nominals_and_pronouns
from .cluster import Cluster
from .countries import body_country
from .country_bodies import add_country_bodies
from .dateline_places import dateline_places
from .described_bodies import add_described_bodies
from .family_first import add_family_first_names
from .grouping import group_mentions, merge_misfiled_people, propagate_names
from .headed_bodies import add_headed_bodies
from .kb_forms import names_written
from .kb_link import KBLink, knowledge_base, link_cluster
from .kb_retype import retype_known_people
from .known_bodies import add_known_bodies
from .known_joins import join_known_names
from .known_people import add_known_people
from .mentions import name_candidates
from .nicknames import join_nicknames
from .orgs import (
    add_clubs,
    join_saint_bodies,
    named_after_org_noun,
    with_legal_forms,
)
from .place_countries import home_country, region_in_name, shadowed_by_region, town_in_name
from .players import add_players
from .roles import RoleFacts, find_roles, qualifier_country
from .same_bodies import merge_same_bodies
from .seat_anaphors import retype_seat_words
from .shared_surnames import rehome_shared_surnames
from .signed_names import add_signers
from .storms import drop_storm_names
from .story_countries import filed_from_abroad, namesake_body_abroad
from .team_names import extend_team_names, retype_named_teams
from .teams import retype_teams
from .titled_names import add_titled_people
from .town_names import retype_towns, split_town_divisions


def _country_of(cluster: Cluster, places: frozenset[str]) -> tuple[str | None, CountrySource | None]:
    """The country and where it came from: a gazetteer name in the text, the organisation lexicon (a
    table of facts like the knowledge base: "kb"), a country named in an organisation's name, or a
    region of one country named there ("Georgia Bureau of Investigation": region)."""
    code = qualifier_country(cluster)  # gazetteer places, and organisations of the lexicon
    named = cluster.full or cluster.mentions[0]
    in_name = lexicons.country_from_name(named.text) if cluster.type == "ORG" else None
    if in_name is not None and shadowed_by_region(named.text, in_name):
        in_name = None  # "Georgia Bureau of Investigation": the US state, not the country
    if code is not None:
        return code, "text" if code == in_name or any(m.code for m in cluster.mentions) else "kb"
    if in_name is None and cluster.type == "ORG":
        body = body_country([m.text for m in cluster.mentions if m.kind == "name"])
        if body is not None:
            return body, "kb"  # a fact of country_cues.tsv, as of the organisation lexicon
        region = region_in_name(named.text) or town_in_name(named.text, places)
        if region is not None:
            return region, "region"
    return in_name, "text"


def _name_of(cluster: Cluster) -> str:
    full = cluster.full
    if cluster.kb and cluster.kb.startswith("nation:") and (full is None or full.kind != "name"):
        return cluster.kb.split(":", 2)[2]
    if cluster.kb and cluster.kb.startswith(("country:", "demonym:")):
        country = lexicons.country_by_code().get(cluster.kb.split(":", 1)[1])
        if full is None or (country and full.kind != "name"):
            return country.name if country else cluster.mentions[0].text
    if full is not None:
        return full.text
    return cluster.mentions[0].text


def _sector_of(cluster: Cluster) -> tuple[str | None, FactSource | None]:
    """The sector and where it came from: the organisation lexicon ("kb") or a word of the name."""
    if cluster.kb and cluster.kb.startswith("org:"):
        org = lexicons.organisation_by_name().get(cluster.kb[4:])
        if org and org.sector:
            return org.sector, "kb"
    if cluster.type == "ORG":
        words = " ".join(m.text for m in cluster.mentions if m.kind != "pronoun")
        return lexicons.sector_from_name(words), "text"
    return None, None


# Sectors of bodies of no one state: a demonym before their name is a member's ("German NATO troops").
_NO_STATE_SECTORS = frozenset({"IGO", "NGO"})


def _of_a_state(cluster: Cluster, link: KBLink | None, sector: str | None) -> bool:
    """Whether a body may take the country of a demonym before its name: not an international one ("the
    Iraqi U.N. envoy", "German NATO troops"), by the knowledge base, its sector or the words of its name."""
    if link is not None and (link.sector in _NO_STATE_SECTORS or not link.country):
        return False
    words = set(" ".join(m.text.lower() for m in cluster.mentions if m.kind == "name").split())
    return sector not in _NO_STATE_SECTORS and not words & home_words().not_home_words


def build_entities(
    clusters: list[Cluster],
    facts: RoleFacts,
    kb: ActorKB | None = None,
    on: str | None = None,
    home: str | None = None,
) -> tuple[tuple[Entity, ...], tuple[Relation, ...]]:
    """Entity records from the clusters; with a knowledge base `kb`, people and organisations are linked
    to it as of day `on` (kb_link.py) for the country and sector the text does not give; `home` is the
    country of the article's dateline (place_countries.home_country), for officials and bodies at home."""
    ordered = sorted(clusters, key=lambda c: min(m.start for m in c.mentions))
    ids = {id(c): f"E{i}" for i, c in enumerate(ordered, start=1)}
    named = _countries_by_sentence(clusters)
    mentioned = frozenset().union(*named.values())
    written = names_written(clusters)
    places = frozenset(m.text for c in clusters if c.type in ("GPE", "LOC") for m in c.names)
    entities = []
    for c in ordered:
        mentions = tuple(
            Mention(m.start, m.end, m.text, m.sentence, m.kind)  # type: ignore[arg-type]
            for m in sorted(c.mentions, key=lambda m: m.start)
        )
        aliases = tuple(dict.fromkeys(m.text for m in mentions if m.kind == "name"))
        info = facts.info.get(id(c))
        country: str | None
        country_source: CountrySource | None
        country, country_source = (info.country, "text") if info and info.country else _country_of(c, places)
        if country and country_source == "kb" and c.kb and c.kb.startswith("org:"):
            names = [m.text for m in c.mentions if m.kind == "name"]
            if namesake_body_abroad(names, country, mentioned, home):
                country, country_source = None, None  # a city's "Metropolitan Police", not a capital's
        if country is None and info is not None and info.cue is not None:
            country, country_source = info.cue.country, info.cue.source  # "Vermont Sen.", "GOP nominee"
        sector, sector_source = (info.sector, "text") if info and info.sector else _sector_of(c)
        # Only the text's own country and title narrow the candidates (not the lexicon's guesses).
        text_country = country if country_source not in (None, "kb") else None
        title_sector = info.sector if info else None
        titles = tuple(info.titles) if info else ()
        link = link_cluster(c, kb, on, text_country, title_sector, mentioned, titles, written) if kb else None
        if country is None and info is not None and info.demonym and _of_a_state(c, link, sector):
            country, country_source = info.demonym, "text"  # "an Egyptian Islamic Jihad group"
            link = link if link is None or link.country == country else None  # a namesake abroad
        entities.append(
            Entity(
                id=ids[id(c)],
                name=_name_of(c),
                type=c.type,  # type: ignore[arg-type]
                mentions=mentions,
                country=country or (link.country if link else None),
                sector=sector or (link.sector if link else None),
                country_source=country_source if country else ("kb" if link and link.country else None),
                sector_source=sector_source if sector else ("kb" if link and link.sector else None),
                titles=tuple(info.titles) if info else (),
                aliases=aliases,
                kb_id=link.kb_id if link else None,
            )
        )
    entities = _country_of_body(_country_of_parent(entities), ordered, ids, facts)
    if home is not None:
        entities = _country_at_home(entities, ordered, facts, home, named)
        # "NAME, a spokesman for the Foreign Ministry" under a dateline: the ministry is at home now
        entities = _country_of_body(entities, ordered, ids, facts)
    relations = tuple(
        dict.fromkeys(
            Relation(ids[id(s)], predicate, ids[id(o)], sentence)
            for s, predicate, o, sentence in facts.relations
            if id(s) in ids and id(o) in ids and s is not o
        )
    )
    return tuple(entities), relations


# Sources of a body's country that a unit named after it shares: what the text, a table or the knowledge
# base says of the body itself, not a story's home or dateline, which may not be the parent's.
_PARENT_SOURCES = frozenset({"text", "kb", "region", "org"})


def _country_of_parent(entities: list[Entity]) -> list[Entity]:
    """A body the text gives no country whose name opens with the whole name of another body of the
    story that has one takes that country: a firm's unit or listing bears its name ("Acme Cables",
    "Acme SpA" beside "Italian group Acme"); so does one whose name opens with two words or more that
    name a body of one state in the organisation lexicon ("State Department Refugee Processing Center").
    The longest such opening decides."""
    parents: dict[str, set[str]] = {}
    for e in entities:
        if e.type == "ORG" and e.country and e.country_source in _PARENT_SOURCES:
            for m in e.mentions:
                if m.kind == "name":
                    parents.setdefault(without_possessive(m.text).strip(), set()).add(e.country)
    out = []
    for e in entities:
        if e.type == "ORG" and e.country is None:
            found: set[str] = set()
            for m in e.mentions:
                words = m.text.split() if m.kind == "name" else []
                for n in range(len(words) - 1, 0, -1):
                    countries = parents.get(" ".join(words[:n])) or _lexicon_body(words[:n])
                    if countries:
                        found |= countries
                        break
            if len(found) == 1:
                e = dataclasses.replace(e, country=found.pop(), country_source="org")
        out.append(e)
    return out


def _lexicon_body(words: list[str]) -> set[str]:
    """The country of the body of one state the organisation lexicon names by these words (two at
    least: a one-word name opens too many others' names), as a set; empty when none. Not a legislature:
    many states have a "House of Representatives" or a "National Assembly"."""
    body = lexicons.organisation_by_name().get(" ".join(words)) if len(words) >= 2 else None
    if body is None or not body.country or body.sector == "LEG":
        return set()
    return {body.country}


def _country_of_body(
    entities: list[Entity], ordered: list[Cluster], ids: dict[int, str], facts: RoleFacts
) -> list[Entity]:
    """A person the text gives no country takes that of the body it speaks or works for ("NBC anchor",
    "Director of the FBI"), once the body has one (its name, the organisation lexicon or the KB)."""
    by_id = {e.id: e for e in entities}
    out = []
    for c, e in zip(ordered, entities, strict=True):
        info = facts.info.get(id(c))
        if e.country is None and info is not None and info.orgs:
            found = {by_id[ids[id(o)]].country for o in info.orgs if id(o) in ids}
            found.discard(None)
            if len(found) == 1:
                e = dataclasses.replace(e, country=found.pop(), country_source="org")
        out.append(e)
    return out


# Bodies of a state that a dateline places at home when they bear no country ("Interior Ministry"), unless
# their name says they are more than one state's ("World Boxing Council": home_words.tsv's not_home_words)
# or is broken by a bracket.
_HOME_SECTORS = frozenset({"GOV", "LEG", "JUD", "COP", "PTY"})
_BRACKETS = frozenset({"(", ")"})


def _countries_by_sentence(clusters: list[Cluster]) -> dict[int, set[str]]:
    """Sentence index -> the countries its mentions name."""
    named: dict[int, set[str]] = {}
    for c in clusters:
        for m in c.mentions:
            if m.code:
                named.setdefault(m.sentence, set()).add(m.code)
    return named


def _country_at_home(
    entities: list[Entity], ordered: list[Cluster], facts: RoleFacts, home: str, named: dict[int, set[str]]
) -> list[Entity]:
    """The dateline's country for a person holding a title held at home ("Trade Minister") and for a
    government body, court or party named without a country (not one the knowledge base knows as of none,
    "ECOWAS Commission"), when the sentence first naming them names no other country (a visiting minister
    is introduced beside their own; `named`: sentence -> countries)."""
    out = []
    for c, e in zip(ordered, entities, strict=True):
        info = facts.info.get(id(c))
        held = e.type == "PERSON" and info is not None and info.domestic
        body = e.type == "ORG" and e.sector in _HOME_SECTORS and e.sector_source == "text"
        # A body the knowledge base knows and gives no country is of none ("ECOWAS Commission", an IGO)
        body = body and e.kb_id is None
        words = set(e.name.lower().replace("(", " ( ").replace(")", " ) ").split())
        body = body and not (home_words().not_home_words | _BRACKETS) & words
        first = min((m for m in c.mentions if m.kind == "name"), key=lambda m: m.start, default=None)
        alone = first is not None and named.get(first.sentence, set()) <= {home}
        if e.country is None and (held or body) and alone:
            e = dataclasses.replace(e, country=home, country_source="dateline")
        out.append(e)
    return out


def run(parsed: Parsed, results: Results, actors: str | None = None) -> Results:
    """The stage; `actors` is a user's actors file read over the shipped knowledge base (--actors)."""
    kb = knowledge_base(actors)
    candidates = retype_towns(parsed, split_town_divisions(parsed, name_candidates(parsed)))
    candidates = retype_seat_words(parsed, candidates)
    candidates = add_country_bodies(parsed, add_family_first_names(parsed, candidates))
    candidates = extend_team_names(parsed, drop_storm_names(parsed, candidates))
    # "Dinamo Zagreb" cut at the town: one body when the knowledge base knows the whole name
    candidates = join_known_names(parsed, candidates, kb)
    candidates = join_saint_bodies(parsed, with_legal_forms(parsed, candidates))
    candidates = named_after_org_noun(parsed, add_clubs(parsed, candidates))
    candidates = add_headed_bodies(parsed, add_known_bodies(parsed, candidates, kb))
    candidates = add_described_bodies(parsed, candidates)
    candidates = add_signers(parsed, add_titled_people(parsed, add_players(parsed, candidates)))
    candidates = add_known_people(parsed, candidates, kb)
    # A name the model typed a body or place that is a known person ("Jan Kavan" GPE) is retyped after
    # the misfiled people have joined the persons they name ("Donald J. Trump" ORG joins "Trump"), then
    # its own bare surname joins it ("Kavan" ORG).
    clusters = merge_misfiled_people(group_mentions(candidates))
    clusters = merge_misfiled_people(retype_known_people(clusters, kb, parsed.article.published))
    propagate_names(parsed, clusters)
    clusters = join_nicknames(parsed, dateline_places(parsed, clusters))
    rehome_shared_surnames(parsed, clusters)
    retype_named_teams(clusters)
    retype_teams(parsed, clusters, kb)
    facts = find_roles(parsed, clusters)
    clusters = add_nominals_and_pronouns(parsed, clusters, facts, kb)
    home = home_country(parsed.text)
    named = Counter(m.code for c in clusters for m in c.mentions if m.code)
    if home is not None and filed_from_abroad(home, named):
        home = None  # a bureau's story of another country: the dateline is no one's home
    entities, relations = build_entities(clusters, facts, kb, parsed.article.published, home)
    # A body's names the grouping kept apart that link to one entry of the knowledge base ("VW")
    entities, relations = merge_same_bodies(entities, relations)
    return results.replace(entities=entities, relations=relations)
