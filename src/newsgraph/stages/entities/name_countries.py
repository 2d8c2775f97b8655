"""A person the story names without saying where they are from, whose name is clearly typical of one of the
countries the story's places lie in, is of that country (source `name`).

What a reader does with "Mikko Virtanen, who chairs the residents' society" in a story that names Tallinn
and Helsinki: the name is Finnish, the story names Finland. The evidence is the name-origin model of
the knowledge base's people (newsgraph.kb.name_origins), asked only about the story's own countries, and
only for a person every other cue left without one (the text, the knowledge base, an employer, the
story's home as the rules and the ranker allow it): a name says where a family came from, not whose
citizen a person is, so it chooses among the countries a story is about and never adds one.

Two countries whose people bear the same names (Russia and Belarus, Spain and Mexico: NameOrigins.similarity)
cannot be told apart by a name: a story naming both gets no country by name.

The thresholds were chosen on the project's read passages (training/actors/own: tuning_own2-6 and
country_traps, 2,916 actors) and development (bench/actors_gold.py, read): a score of 1 or more, a lead of
3 over the next of the story's countries and no country alike gave 56 more actors the right country on
the read passages and 2 a wrong one, on development 6 and none (without the likeness guard 60 and 2, 6 and
3). Unseen by the rule (thirty-second session, totals only): the seventeen blind sets 1547 / 58 right /
wrong -> 1557 / 62, heldout_own1-4 1720 / 92 -> 1748 / 94.
"""

from __future__ import annotations

import dataclasses

from ...kb.name_origins import load_name_origins
from ...lexicons.names import is_any_given_name
from ...model import Entity
from .placed import TERRITORY_OF

# The name's score for the country (log-likelihood ratio against all people) and its lead over the next
# of the story's countries; a story of one country needs the score only.
MIN_SCORE = 1.0
MIN_LEAD = 3.0
# Countries whose people bear names this alike (NameOrigins.similarity) a name cannot tell apart: Russia
# and Belarus, Spain and Mexico, the United States and Canada. A story naming both gets no country by name.
MAX_SIMILARITY = 0.5
_BORNE_BY = 5


def story_countries(entities: tuple[Entity, ...]) -> set[str]:
    """The countries the story's places lie in (a territory's as its sovereign's)."""
    return {TERRITORY_OF.get(e.country, e.country) for e in entities if e.is_place and e.country}


def reads_as_full_name(name: str) -> bool:
    """Two words or more, one of them a given name a names list knows or a word at least `_BORNE_BY` of the
    knowledge base's people bear ("Kim", "Nguyen": a family name written first): a person's full name,
    not a body the model typed a person ("Fancy Bear") nor a single name ("Jesus"), which says less."""
    words = [part for word in name.split() for part in word.split("-") if part]
    if len(name.split()) < 2:
        return False
    origins = load_name_origins()
    return any(is_any_given_name(w) or origins.bearers(w) >= _BORNE_BY for w in words)


def name_country(name: str, countries: set[str]) -> str | None:
    """The one of `countries` the person's `name` is clearly typical of, else None."""
    origins = load_name_origins()
    scores = origins.scores(name, countries)
    if not scores:
        return None
    (best, score), rest = scores[0], scores[1:]
    if score < MIN_SCORE or (rest and score - rest[0][1] < MIN_LEAD):
        return None
    if any(origins.similarity(best, other) >= MAX_SIMILARITY for other, _ in rest):
        return None
    return best


def name_countries(entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """The entities, with a country from its name for each named person that has none and is not in the
    knowledge base (whose entry, when it gives no country, says the person is of none: an IGO official)."""
    countries = story_countries(entities)
    if not countries:
        return entities
    out = []
    for e in entities:
        if (
            e.type == "PERSON"
            and e.country is None
            and e.kb_id is None
            and any(m.kind == "name" for m in e.mentions)
        ):
            country = name_country(e.name, countries) if reads_as_full_name(e.name) else None
            if country is not None:
                e = dataclasses.replace(e, country=country, country_source="name")
        out.append(e)
    return tuple(out)
