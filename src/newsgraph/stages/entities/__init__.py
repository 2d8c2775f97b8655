"""The entities stage: name mentions grouped into actors and places, with titles, country and sector,
unnamed role holders, descriptive mentions and pronouns; and the relations that titles state.

Order: names (mentions) -> groups (grouping, groups) -> roles from titles and appositions (roles) ->
nominal and pronoun mentions (anaphora) -> Entity records (build), ids E1, E2, ... by first mention.
"""

from __future__ import annotations

from ..base import Stage
from .build import run

STAGE = Stage("entities", "1", requires=(), provides=("entities", "relations"), run=run)

__all__ = ["STAGE", "run"]
