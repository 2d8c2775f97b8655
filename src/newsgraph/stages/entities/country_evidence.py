"""The evidence for an actor's country, as features of candidate countries, for the learned country ranker
(newsgraph.models.actor_country, trained by training/actors/train_country.py).

For each person and organisation, the candidates are every country some evidence backs: the country the
rules gave (countries.py, build.py, homes.py; its source is a feature), the knowledge base's entry on the
article's date, the dateline's country, the publication's, the story's home and most named country, and
every country a place or demonym names in a sentence that mentions the actor, and the countries the parse
ties to an actor the rules gave none (country_links.py: a place in its phrase, the place of its verb, the
body it belongs to; country_ties.py: where its family is, where it goes back to). Each candidate gets
the features of `FEATURES`: which sources back it, how often and how near the actor it is named, whether
it is the story's main country, whether the parse ties it; and a few traits of the actor (type, sector,
titles) crossed with them, so one weight vector ranks the candidates of any actor. The rules' decision
stays a feature and the fallback.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from dataclasses import dataclass

from ...model import Entity
from .country_links import Links
from .homes import HomeGuards, home_guards, serves_one_state
from .story_evidence import STATE_SECTORS, DocumentEvidence, HomeAccess, home_access, title_qualifier

_RULE_SOURCES = ("text", "kb", "region", "party", "office", "org", "dateline", "home")
# How far (characters) a named place still counts as "near" a mention of the actor.
_NEAR = 60.0

FEATURES: tuple[str, ...] = (
    "bias",
    "rule",
    *(f"rule_{s}" for s in _RULE_SOURCES),
    "kb",
    "dateline",
    "publication",
    "story_home",
    "story_only",
    "story_local",
    "doc_share",
    "doc_top",
    "sentences",
    "name_sentences",
    "first_sentence",
    "nearness",
    "right_before",
    "right_after",
    "top_person",
    "top_org",
    "top_state_sector",
    "top_titled",
    "top_many_countries",
    "near_person",
    "near_org",
    "sports",
    "no_rule_person",
    "no_rule_org",
    "described",
    "located",
    "member",
    "member_home",
    "home_guarded",
    "guard_first",
    "guard_title",
    "only_named",
    "kin",
    "returns",
    "sports_home_person",
    "sports_home_org",
    "people_top",
    "people_share",
    "people_many",
)


@dataclass(frozen=True)
class Candidate:
    """A country some evidence backs for an actor, and that evidence as a feature vector (`FEATURES`);
    `pickable`: whether the ranker may give it; `weak`: whether it may give it only at its second, higher
    threshold, when it gives no pickable one; `near`: whether it may give it only at its third threshold,
    when it gives neither (see `candidates`)."""

    country: str
    features: tuple[float, ...]
    pickable: bool
    weak: bool = False
    near: bool = False


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def candidates(
    entity: Entity,
    doc: DocumentEvidence,
    kb_country: str | None,
    links: Links | None = None,
    access: HomeAccess | None = None,
) -> list[Candidate]:
    """The candidate countries of a named person or organisation with their features (none for a place or
    an unnamed group, which the annotation the ranker learns from leaves out).

    Every country some evidence backs is a candidate and a row of features, but the ranker may give only
    the rules' own country, the knowledge base's, or the story's home (its dateline's, else most of its
    places'), the last under homes.py's guards (`home_allowed`: no sports story, a body of one state, no
    performer, a first sentence naming no other country, and no title held abroad as often as at home
    unless a local paper tells the story at home; a state's body named by its bare noun, "the Army",
    needs neither of the last two), and, for an actor the rules gave none, a country the
    parse ties to it (`links`: country_links.py), unless it is a performer, a religious leader of many lands
    or of no one state. A person the parse ties by family or by a return to another country than the home
    (country_ties.py) is not given the home, even as a weak candidate. The home that only the first-sentence
    guard keeps from an actor the rules gave
    none is a `weak` candidate, given at the ranker's higher weak threshold only: a story of two countries
    names both where it first names its people, and cross-validation on the development sets gains by
    weighing that guard (features `home_guarded`, `guard_first`, `guard_title`) rather than obeying it; not
    when another country is written right beside the actor's name ("NAME in PLACE"). So is the home the
    title guard keeps (a title held abroad as often as at home: "spokesman", "director", "the club's
    president"), weighed by the feature `guard_title`, unless a title is a capitalised one of those who
    speak for a state abroad ("President", "Commerce Secretary": `HomeAccess.travelling`; forty-third
    session; from the thirty-seventh only when every title was a body's office, "race director"). A
    country merely named near the actor ("Iraq war veteran NAME", "NAME, the Cuban government said") is
    evidence, not an answer (as weak candidates they gained nothing in cross-validation); the story's most
    named country, named more than once and not its home, is a `near` candidate of an actor the rules gave
    none whose sentences name no country, given at the ranker's third threshold only. The home of a sports
    story of a domestic competition (story_evidence.DocumentEvidence.domestic_sports) may be given to an
    actor the rules gave none, weighed by its own features; and in a story with no home, the country most of
    its people and bodies with a country are of is a `near` candidate (twenty-first session)."""
    if entity.type not in ("PERSON", "ORG") or not any(m.kind == "name" for m in entity.mentions):
        return []
    own = [m for m in entity.mentions if m.kind != "pronoun"]
    sentences = {m.sentence for m in own}
    named_in = {m.sentence for m in own if m.kind == "name"}
    first = min((m for m in own), key=lambda m: m.start).sentence if own else None
    near: dict[str, float] = {}
    in_sentences: Counter[str] = Counter()
    in_named: Counter[str] = Counter()
    in_first: set[str] = set()
    before: set[str] = set()
    after: set[str] = set()
    for p in doc.places:
        if p.sentence not in sentences:
            continue
        in_sentences[p.country] += 1
        in_named[p.country] += p.sentence in named_in
        if p.sentence == first:
            in_first.add(p.country)
        for m in own:
            if m.sentence != p.sentence:
                continue
            gap = _gap((m.start, m.end), (p.start, p.end))
            near[p.country] = max(near.get(p.country, 0.0), math.exp(-gap / _NEAR))
            if p.end <= m.start and gap <= 2:
                before.add(p.country)  # "Kenyan President NAME" is a title; this is "Kenyan NAME"
            if p.start >= m.end and gap <= 8:
                after.add(p.country)  # "NAME of Dayton", "NAME (Kenya)"
    # The parse's links stand in for the rules where they gave none (they mostly agree where they did).
    links = links if links is not None and entity.country is None else Links()
    linked = links.countries()
    # What keeps the home from an actor keeps a linked country too when it is about the actor, not the
    # place: a performer or a religious leader of many lands is "in" a town they visit; an IGO's or a NGO's
    # people serve no one state.
    if linked and not serves_one_state(doc.text, entity):
        links, linked = Links(), set()
    # A person whose family lives in, or who goes back to, another country than the story's home
    # (country_ties.py) is a visitor or an exile there: the home is not theirs to be given, nor is a
    # place at home they are "in" (`located`). So is a person who journeys to the home country as a whole
    # ("NAME flew to PLACE") and not back.
    tied_away = bool((links.kin | links.returns) - {doc.home})
    tied_away = tied_away or (doc.home in links.visits and doc.home not in links.returns)
    if tied_away and doc.home in links.located:
        links = dataclasses.replace(links, located=links.located - {doc.home})
        linked = links.countries()
    people = doc.people
    pool = dict.fromkeys(
        c
        for c in (
            entity.country,
            kb_country,
            doc.dateline,
            doc.publication,
            doc.home,
            doc.top,
            people.country if people else None,
            *in_sentences,
            *linked,
        )
        if c
    )
    total = sum(doc.counts.values())
    top = doc.top
    person, org = entity.type == "PERSON", entity.type == "ORG"
    state_sector = entity.sector in STATE_SECTORS
    many = math.log1p(len(doc.counts))
    access = home_access(entity, doc) if access is None else access
    # The rules' own country comes first: a kept home only for an actor they gave none, and never past
    # the guards about the actor (a body of no one state, a performer).
    weak_ok = access.open and entity.country is None
    home_ok = access.allowed and not tied_away
    # Another country written right beside a name ("NAME in PLACE", "PLACE's NAME") places the person
    # there, a visitor or a local as often as not: the guarded home is then no weak candidate either.
    placed_away = bool((before | after) - {doc.home})
    # A domestic sports story's home is weighed, not refused: the clubs and players of a league's results
    # are the home's (features by type); not a player whose country is written beside the name.
    sports_ok = access.sports and entity.country is None and not tied_away and not placed_away
    # The story's most named country, named more than once, when it is not the home (whose own guards
    # hold) and the actor's sentences name no country: a `near` candidate of an actor the rules gave none,
    # given at the ranker's third threshold only, under the home's guards for that country (no title held
    # abroad as often as at home) and those about the actor. Cross-validation gains by it in stories
    # without a home; a country named once there, or in the actor's sentences ("PLACE war veteran NAME"),
    # or right beside the name, adds wrong countries as often as right ones.
    # Nor in a story that counts its money in another state's currency: it happens there.
    near_ok = (
        top is not None
        and doc.counts[top] > 1
        and doc.money <= {top}
        and _may_take_story_country(entity, doc, top)
    )
    # A story with no home (no dateline, web address or places enough) is about the country of the people
    # and bodies it names: the country most of those with one are of, at least two, is a `near` candidate
    # of an actor the rules gave none, under the guards about the actor and for that country.
    people_ok = (
        people is not None
        and doc.home is None
        and people.of_it >= 3
        and doc.money <= {people.country}
        and not placed_away
        and _may_take_story_country(entity, doc, people.country)
    )
    out = []
    for country in pool:
        is_rule = country == entity.country
        is_top = country == top
        nearness = near.get(country, 0.0)
        guarded = country == doc.home and not home_ok
        sports_home = sports_ok and country == doc.home
        of_people = people is not None and country == people.country
        values: dict[str, float | bool] = {
            "bias": 1,
            "rule": is_rule,
            "kb": country == kb_country,
            "dateline": country == doc.dateline,
            "publication": country == doc.publication,
            "story_home": country == doc.home,
            "story_only": country == doc.home and doc.home_only,
            "story_local": country == doc.home and doc.home_local,
            "doc_share": doc.counts[country] / total if total else 0.0,
            "doc_top": is_top,
            "sentences": math.log1p(in_sentences[country]),
            "name_sentences": math.log1p(in_named[country]),
            "first_sentence": country in in_first,
            "nearness": nearness,
            "right_before": country in before,
            "right_after": country in after,
            "top_person": is_top and person,
            "top_org": is_top and org,
            "top_state_sector": is_top and state_sector,
            "top_titled": is_top and bool(entity.titles),
            "top_many_countries": many if is_top else 0.0,
            "near_person": nearness if person else 0.0,
            "near_org": nearness if org else 0.0,
            "sports": doc.sports,
            "no_rule_person": entity.country is None and person,
            "no_rule_org": entity.country is None and org,
            "described": country in links.described,
            "located": country in links.located,
            "member": country in links.member,
            "member_home": country in links.member_home,
            "home_guarded": guarded and access.open,
            "guard_first": guarded and access.first,
            "guard_title": guarded and access.title,
            "only_named": set(in_sentences) == {country},
            "kin": country in links.kin,
            "returns": country in links.returns,
            "sports_home_person": sports_home and person,
            "sports_home_org": sports_home and org,
            "people_top": of_people,
            "people_share": people.of_it / people.with_country if people and of_people else 0.0,
            "people_many": math.log1p(people.of_it) if people and of_people else 0.0,
        }
        if is_rule and entity.country_source:
            values[f"rule_{entity.country_source}"] = 1
        features = tuple(float(values.get(name, 0.0)) for name in FEATURES)
        pickable = is_rule or country == kb_country or (country == doc.home and home_ok) or country in linked
        pickable = pickable or sports_home
        weak = not pickable and weak_ok and guarded and not access.travelling
        weak = weak and not tied_away and not placed_away
        named_most = is_top and country != doc.home and not in_sentences[country]
        named_most = named_most and near_ok and not pickable and not weak
        named_most = named_most or (people_ok and of_people and not pickable)
        out.append(Candidate(country, features, pickable, weak, named_most))
    return out


def _may_take_story_country(entity: Entity, doc: DocumentEvidence, country: str) -> bool:
    """Whether an actor the rules gave none may be given a country of the whole story (its most named, its
    people's) as a `near` candidate: not in a sports story, not a title's qualifier, and every guard of the
    home holding for that country (the first-sentence guard walks the actor's sentences: read last)."""
    return (
        entity.country is None
        and not doc.sports
        and not title_qualifier(doc.text, entity)
        and _guards_hold(home_guards(doc.text, entity, country, doc.by_sentence))
    )


def _guards_hold(guards: HomeGuards) -> bool:
    """Every guard of the home holds for that country (read only when the cheaper conditions do: the
    first-sentence guard walks the actor's sentences)."""
    return guards.alone and guards.serves_one and guards.plain
