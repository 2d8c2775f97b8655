"""The events stage: who did what to whom, when, where and how sure, coded in PLOVER v2.0.

lexicon finds trigger phrases, frame places each in the parse, rules recode intentions and
possibilities and date them, actors finds source and target entities, code runs it all.
"""

from __future__ import annotations

from ..base import Stage
from .code import run, run_with_model

STAGE = Stage("events", "1", requires=("entities", "timexes", "quotes"), provides=("events",), run=run)

#: With the learned candidate classifier (newsgraph.models.events): opt-in, ExtractOptions(event_model=True).
MODEL_STAGE = STAGE.with_run(run_with_model)

__all__ = ["MODEL_STAGE", "STAGE", "run", "run_with_model"]
