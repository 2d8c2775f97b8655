"""The places stage: GPE and LOC entities resolved to a country, coordinates and a GeoNames id.

add finds the places the model missed, demote turns non-places into what they are, context reads the
hints a document gives (datelines, states, counties), narrow keeps a country's name the country and a
dateline in the country its story supports, rank orders each name's candidates, readings reads
"the West" by the kind of document (the political West, or the western US of a US domestic story),
resolve chooses each entity's place, and apply writes the choices back.
"""

from __future__ import annotations

from ..base import Stage
from .resolve import run

STAGE = Stage("places", "1", requires=("entities",), provides=("entities",), run=run)

__all__ = ["STAGE", "run"]
