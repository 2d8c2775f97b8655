"""An entity while the mentions of one document are grouped: `Cluster`, the mutable working form every
rule of this package reads before build.py freezes it into a `model.Entity`. It stands apart from
grouping.py so that rules grouping calls, and those it is called beside, can name it without importing
the grouping itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .mentions import Candidate


@dataclass
class Cluster:
    """A growing entity: its mentions and what we know about it. Mutable while grouping only."""

    type: str
    mentions: list[Candidate] = field(default_factory=list)
    kb: str | None = None

    @property
    def names(self) -> list[Candidate]:
        return [m for m in self.mentions if m.kind == "name"]

    @property
    def full(self) -> Candidate | None:
        return fullest(self.names)

    def add(self, m: Candidate) -> None:
        self.mentions.append(m)
        self.kb = self.kb or m.kb


def fullest(names: list[Candidate]) -> Candidate | None:
    """The fullest of a cluster's names: the most words, then the most characters."""
    return max(names, key=attrgetter("fullness")) if names else None
