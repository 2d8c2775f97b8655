"""The time stage: every time expression, typed and valued as TIMEX3 against the publication date.

rules holds the regex grammar and grammar runs it to find candidates, values/relative/counted/durations/
anaphora give them values (normalise holds the calendar arithmetic, tense the direction a bare weekday or
month takes), expressions chooses among overlapping ones and extents widens each to its TimeML extent.
"""

from __future__ import annotations

from ..base import Stage
from .expressions import run

STAGE = Stage("timex", "1", requires=(), provides=("timexes",), run=run)

__all__ = ["STAGE", "run"]
