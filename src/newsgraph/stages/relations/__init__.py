"""The relations stage: relations the syntax states between two entities, beyond titles (led by,
X-backed, allied with, City-Country, based in), and countries people inherit from the bodies they lead.
"""

from __future__ import annotations

from ..base import Stage
from .extract import run

STAGE = Stage(
    "relations", "1", requires=("entities", "relations"), provides=("relations", "entities"), run=run
)

__all__ = ["STAGE", "run"]
