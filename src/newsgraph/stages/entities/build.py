"""The entities stage: name mentions grouped into actors and places, with titles, country and sector,
unnamed role holders, descriptive mentions and pronouns; and the relations that titles state.

Order: names (mentions.py) -> groups (grouping.py) -> roles from titles and appositions (roles.py) ->
nominal and pronoun mentions (anaphora.py) -> Entity records with ids E1, E2, ... in order of first mention.
"""

from __future__ import annotations

from ... import lexicons
from ...model import Entity, Mention, Relation
from ..base import Parsed, Results
from .anaphora import add_nominals_and_pronouns
from .grouping import Cluster, group_mentions, merge_misfiled_people, propagate_names
from .mentions import name_candidates
from .roles import RoleFacts, find_roles, qualifier_country
from .teams import retype_teams


def _country_of(cluster: Cluster) -> str | None:
    code = qualifier_country(cluster)  # gazetteer places and organisations
    if code is not None:
        return code
    if cluster.type == "ORG":
        named = cluster.full or cluster.mentions[0]
        return lexicons.country_from_name(named.text)
    return None


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


def _sector_of(cluster: Cluster) -> str | None:
    if cluster.kb and cluster.kb.startswith("org:"):
        org = lexicons.organisation_by_name().get(cluster.kb[4:])
        if org and org.sector:
            return org.sector
    if cluster.type == "ORG":
        return lexicons.sector_from_name(" ".join(m.text for m in cluster.mentions if m.kind != "pronoun"))
    return None


def build_entities(
    clusters: list[Cluster], facts: RoleFacts
) -> tuple[tuple[Entity, ...], tuple[Relation, ...]]:
    ordered = sorted(clusters, key=lambda c: min(m.start for m in c.mentions))
    ids = {id(c): f"E{i}" for i, c in enumerate(ordered, start=1)}
    entities = []
    for c in ordered:
        mentions = tuple(
            Mention(m.start, m.end, m.text, m.sentence, m.kind)  # type: ignore[arg-type]
            for m in sorted(c.mentions, key=lambda m: m.start)
        )
        aliases = tuple(dict.fromkeys(m.text for m in mentions if m.kind == "name"))
        info = facts.info.get(id(c))
        entities.append(
            Entity(
                id=ids[id(c)],
                name=_name_of(c),
                type=c.type,  # type: ignore[arg-type]
                mentions=mentions,
                country=(info.country if info and info.country else None) or _country_of(c),
                sector=(info.sector if info and info.sector else None) or _sector_of(c),
                titles=tuple(info.titles) if info else (),
                aliases=aliases,
            )
        )
    relations = tuple(
        dict.fromkeys(
            Relation(ids[id(s)], predicate, ids[id(o)], sentence)
            for s, predicate, o, sentence in facts.relations
            if id(s) in ids and id(o) in ids and s is not o
        )
    )
    return tuple(entities), relations


def run(parsed: Parsed, results: Results) -> Results:
    clusters = merge_misfiled_people(group_mentions(name_candidates(parsed)))
    propagate_names(parsed, clusters)
    retype_teams(parsed, clusters)
    facts = find_roles(parsed, clusters)
    clusters = add_nominals_and_pronouns(parsed, clusters, facts)
    entities, relations = build_entities(clusters, facts)
    return results.replace(entities=entities, relations=relations)
