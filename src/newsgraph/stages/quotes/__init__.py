"""The quotes stage: direct and reported speech with its content, cue and speaker.

marks finds quotation marks, cues/sites the reporting verbs and nouns, content/framing the edges of
what was said, attach joins contents to cues, speaker resolves who said it, headline reads "X Says Y"
headlines, parts splits an interrupted quote for the parts view, find runs it all.
"""

from __future__ import annotations

from ..base import Stage
from .find import run, run_parts

STAGE = Stage("quotes", "1", requires=("entities",), provides=("quotes",), run=run)

#: The parts view: a quote its cue interrupts comes as one quote per part.
PARTS_STAGE = STAGE.with_run(run_parts)

__all__ = ["PARTS_STAGE", "STAGE", "run", "run_parts"]
