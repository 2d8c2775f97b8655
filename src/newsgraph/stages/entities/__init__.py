"""The entities stage: name mentions grouped into actors and places, with titles, country and sector,
unnamed role holders, descriptive mentions and pronouns; and the relations that titles state.

Order: names (mentions) -> groups (grouping, groups) -> roles from titles and appositions (roles) ->
nominal and pronoun mentions (anaphora) -> Entity records (build), ids E1, E2, ... by first mention.
"""

from __future__ import annotations

import functools

from ..base import Stage
from . import country_choice, homes
from .build import run

STAGE = Stage("entities", "1", requires=(), provides=("entities", "relations"), run=run)
# After the places stage: countries from the places a story is set in (homes.py), then the learned choice
# among every country the evidence backs (country_choice.py).
HOMES_STAGE = Stage(
    "entity_homes", "2", requires=("entities",), provides=("entities",), run=country_choice.run
)

# The homes stage with homes.py's rules alone, without the ranker: what the ranker is trained over
# (training/actors/train_country.py), and what tests of the rules run.
RULES_HOMES_STAGE = HOMES_STAGE.with_run(homes.run)


def stage_with_actors(actors: str | None) -> Stage:
    """The stage reading a user's actors file (kb/README.md) over the shipped knowledge base."""
    return STAGE if actors is None else STAGE.with_run(functools.partial(run, actors=actors))


__all__ = ["HOMES_STAGE", "RULES_HOMES_STAGE", "STAGE", "run", "stage_with_actors"]
