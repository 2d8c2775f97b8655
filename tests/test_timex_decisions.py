"""The lead's decisions of issue 18's thirteenth session, on hand-written sentences: "the"
before a decade stays outside (TempEval half A, 3 of 3); "recent months/weeks/years" are vague stretches
(DURATION PXM/PXW/PXY), "recently" alone is PAST_REF.

`resolve` takes the tense as a function, so each test fixes it by hand.
"""

from __future__ import annotations

import pytest

from newsgraph.stages.timex.expressions import resolve

THU = "2023-08-03"  # a Thursday


def found(text: str, direction: str = "past") -> dict[str, tuple[str, str | None]]:
    """text of each expression -> (type, value)."""
    out = resolve(text, THU, lambda s, e: direction, lambda c: text.count(".", 0, c))  # type: ignore[arg-type,return-value]
    for t in out:
        assert text[t.start : t.end] == t.text
    return {t.text: (t.type, t.value) for t in out}


@pytest.mark.parametrize(
    ("sentence", "expression"),
    [
        ("Rents doubled in the 1990s and fell after.", "1990s"),
        ("The club was founded in the early 1960s.", "early 1960s"),
        ("Disco ruled the 70's in that town.", "70's"),
    ],
)
def test_the_before_a_decade_stays_outside(sentence: str, expression: str) -> None:
    got = found(sentence)
    assert expression in got, got
    assert not any(e.lower().startswith("the") for e in got), got


@pytest.mark.parametrize(
    ("sentence", "expression", "typed"),
    [
        ("Bread prices rose in recent months.", "recent months", ("DURATION", "PXM")),
        ("The river has flooded twice in recent weeks.", "recent weeks", ("DURATION", "PXW")),
        ("Enrolment has shrunk in recent years.", "recent years", ("DURATION", "PXY")),
        ("The mill has recently reopened.", "recently", ("DATE", "PAST_REF")),
    ],
)
def test_recent_units_are_vague_stretches(sentence: str, expression: str, typed: tuple[str, str]) -> None:
    assert found(sentence).get(expression) == typed
