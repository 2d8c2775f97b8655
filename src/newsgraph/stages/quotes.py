"""The quotes stage (not built yet: returns the results unchanged)."""

from __future__ import annotations

from ..pipeline import Parsed, Results


def run(parsed: Parsed, results: Results) -> Results:
    return results
