"""Golden test: the whole output for a sample article, pinned. Any change to it must be deliberate.

When the change is intended, run `.venv/bin/python scripts/update_golden.py`, then review
`git diff tests/golden`.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Any

import pytest

from newsgraph import Document

GOLDEN = sorted((Path(__file__).parent / "golden").glob("*.json"))


def test_there_is_a_golden_file() -> None:
    assert GOLDEN, "no tests/golden/*.json: run .venv/bin/python scripts/update_golden.py"


def diff(expected: dict[str, Any], actual: dict[str, Any], limit: int = 80) -> str:
    lines = list(
        difflib.unified_diff(
            json.dumps(expected, ensure_ascii=False, indent=1).splitlines(),
            json.dumps(actual, ensure_ascii=False, indent=1).splitlines(),
            "golden",
            "now",
            lineterm="",
            n=2,
        )
    )
    more = f"\n... {len(lines) - limit} more diff lines" if len(lines) > limit else ""
    return "\n".join(lines[:limit]) + more


@pytest.mark.model
@pytest.mark.parametrize("path", GOLDEN, ids=[p.stem for p in GOLDEN])
def test_output_matches_golden(path: Path, sample_docs: dict[str, Document]) -> None:
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert path.stem in sample_docs, f"{path.name} names no sample article; delete it or fix its name"
    actual = json.loads(json.dumps(sample_docs[path.stem].to_dict()))
    if actual != expected:
        pytest.fail(
            f"output for sample {path.stem!r} differs from {path}.\n"
            "If the change is deliberate, run `.venv/bin/python scripts/update_golden.py "
            f"{path.stem}` and review `git diff tests/golden`; otherwise it is a regression.\n"
            + diff(expected, actual),
            pytrace=False,
        )
