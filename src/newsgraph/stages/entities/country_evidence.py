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
import re
from collections import Counter
from dataclasses import dataclass

from ... import lexicons
from ...lexicons.agents import agent_nouns
from ...lexicons.entities import entity_words
from ...model import Entity
from ..common import is_sports_story, publication_country
from .country_links import Links
from .homes import TERRITORY_OF, HomeGuards, countries_by_sentence, home_guards, serves_one_state, story_home
from .place_countries import home_country

# Sectors of actors a story names as often abroad as at home (presidents, armies, ministries).
_STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP"})
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


@dataclass(frozen=True)
class HomeAccess:
    """Whether the ranker may give an actor the story's home (`allowed`), and which guard keeps it when
    not: `first`, the first sentence naming the actor names another country; `title`, a state title held
    abroad as often as at home, in a story not told at home. `open`: none of the guards about the actor
    rather than the story holds (a sports story, a title's qualifier, a body of no one state, a performer,
    a religious leader of many lands), so a home the first-sentence guard alone keeps may be weighed."""

    allowed: bool
    open: bool
    first: bool = False
    title: bool = False


@dataclass(frozen=True)
class _Place:
    start: int
    end: int
    sentence: int
    country: str


@dataclass(frozen=True)
class DocumentEvidence:
    """What the whole document says of countries, computed once per document."""

    text: str
    by_sentence: dict[int, set[str]]
    places: tuple[_Place, ...]
    counts: Counter[str]
    dateline: str | None
    publication: str | None
    home: str | None
    home_only: bool
    home_local: bool
    sports: bool

    @property
    def top(self) -> str | None:
        ranked = self.counts.most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            return None
        return ranked[0][0]


def body_homes(
    entities: tuple[Entity, ...], doc: DocumentEvidence, access: dict[str, HomeAccess]
) -> dict[str, str]:
    """Body id -> the story's home, for each named body the rules gave no country that may take it: the
    country its members' `member_home` link gives (country_links.py). `access`: `home_access` of each
    named actor, by id."""
    if doc.home is None:
        return {}
    return {
        e.id: doc.home
        for e in entities
        if e.type == "ORG" and e.country is None and e.id in access and access[e.id].allowed
    }


def document_evidence(text: str, entities: tuple[Entity, ...], url: str | None) -> DocumentEvidence:
    places = tuple(
        _Place(m.start, m.end, m.sentence, TERRITORY_OF.get(e.country, e.country))
        for e in entities
        if e.is_place and e.country
        for m in e.mentions
        if m.kind in ("name", "demonym")
    )
    story = story_home(text, entities, url)
    return DocumentEvidence(
        text=text,
        by_sentence=countries_by_sentence(entities),
        places=places,
        counts=Counter(p.country for p in places),
        dateline=home_country(text),
        publication=publication_country(url),
        home=story.country,
        home_only=story.only,
        home_local=story.local,
        sports=is_sports_story(text),
    )


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z][A-Za-z.-]*)")


def _title_qualifier(text: str, entity: Entity) -> bool:
    """Whether every name of a one-word body is right before a title word, the qualifier of a title the
    model took for a body ("Commerce" of "Commerce Secretary NAME"): no body of a state to place."""
    names = [m for m in entity.mentions if m.kind == "name"]
    if entity.type != "ORG" or not names or any(" " in m.text.strip() for m in names):
        return False  # "Earlham College spokeswoman": a body of several words is a body
    for m in names:
        word = _NEXT_WORD.match(text, m.end)
        if word is None or word.group(1).lower() not in lexicons.titles():
            return False
    return True


def home_access(entity: Entity, doc: DocumentEvidence) -> HomeAccess:
    """The story's home for this actor: may the ranker give it (homes.py's guards; see `candidates`), and
    which guard keeps it."""
    if doc.home is None:
        return HomeAccess(False, False)
    guards = home_guards(doc.text, entity, doc.home, doc.by_sentence)
    open_ = guards.serves_one and not doc.sports and not _title_qualifier(doc.text, entity)
    # A title held abroad as often as at home ("President", "spokeswoman") keeps the home from a story
    # whose home only its places or a dateline say (a visiting president or US secretary is often named
    # without a country under a foreign dateline); a local paper's story is told at home: there an
    # official whose first sentence names no other country is at home.
    title = not (doc.home_only or doc.home_local or guards.plain)
    allowed = open_ and ((guards.alone and not title) or _unqualified_state_body(entity))
    return HomeAccess(allowed, open_, not allowed and not guards.alone, not allowed and title)


def _unqualified_state_body(entity: Entity) -> bool:
    """A body named only by the bare noun of a state's body, capitalised ("the Army", "the Marines",
    "the Government"; agents.py and groups.py make these names): a story says so of its own state's, and
    qualifies another's ("the Iraqi army"), so the first sentence naming another country does not make
    it a visitor."""
    names = {m.text.lower() for m in entity.mentions if m.kind == "name"}
    if entity.type != "ORG" or not names:
        return False
    nouns, institutions = agent_nouns(), entity_words().institutions
    return all(
        name in institutions or ((entry := nouns.get(name)) is not None and entry.sector in _STATE_SECTORS)
        for name in names
    )


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
    when another country is written right beside the actor's name ("NAME in PLACE"). A
    country merely named near the actor ("Iraq war veteran NAME", "NAME, the Cuban government said") is
    evidence, not an answer (as weak candidates they gained nothing in cross-validation); the story's most
    named country, named more than once and not its home, is a `near` candidate of an actor the rules gave
    none whose sentences name no country, given at the ranker's third threshold only."""
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
    pool = dict.fromkeys(
        c
        for c in (
            entity.country,
            kb_country,
            doc.dateline,
            doc.publication,
            doc.home,
            doc.top,
            *in_sentences,
            *linked,
        )
        if c
    )
    total = sum(doc.counts.values())
    top = doc.top
    person, org = entity.type == "PERSON", entity.type == "ORG"
    state_sector = entity.sector in _STATE_SECTORS
    many = math.log1p(len(doc.counts))
    access = home_access(entity, doc) if access is None else access
    # The rules' own country comes first: a kept home only for an actor they gave none, and never past
    # the guards about the actor (a body of no one state, a performer).
    weak_ok = access.open and entity.country is None
    home_ok = access.allowed and not tied_away
    # Another country written right beside a name ("NAME in PLACE", "PLACE's NAME") places the person
    # there, a visitor or a local as often as not: the guarded home is then no weak candidate either.
    placed_away = bool((before | after) - {doc.home})
    # The story's most named country, named more than once, when it is not the home (whose own guards
    # hold) and the actor's sentences name no country: a `near` candidate of an actor the rules gave none,
    # given at the ranker's third threshold only, under the home's guards for that country (no title held
    # abroad as often as at home) and those about the actor. Cross-validation gains by it in stories
    # without a home; a country named once there, or in the actor's sentences ("PLACE war veteran NAME"),
    # or right beside the name, adds wrong countries as often as right ones.
    near_ok = (
        top is not None
        and entity.country is None
        and doc.counts[top] > 1
        and not doc.sports
        and not _title_qualifier(doc.text, entity)
        and _guards_hold(home_guards(doc.text, entity, top, doc.by_sentence))
    )
    out = []
    for country in pool:
        is_rule = country == entity.country
        is_top = country == top
        nearness = near.get(country, 0.0)
        guarded = country == doc.home and not home_ok
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
        }
        if is_rule and entity.country_source:
            values[f"rule_{entity.country_source}"] = 1
        features = tuple(float(values.get(name, 0.0)) for name in FEATURES)
        pickable = is_rule or country == kb_country or (country == doc.home and home_ok) or country in linked
        weak = not pickable and weak_ok and guarded and not access.title and not tied_away and not placed_away
        named_most = is_top and country != doc.home and not in_sentences[country]
        named_most = named_most and near_ok and not pickable and not weak
        out.append(Candidate(country, features, pickable, weak, named_most))
    return out


def _guards_hold(guards: HomeGuards) -> bool:
    """Every guard of the home holds for that country (read only when the cheaper conditions do: the
    first-sentence guard walks the actor's sentences)."""
    return guards.alone and guards.serves_one and guards.plain
