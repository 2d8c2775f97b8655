"""The lead's decisions of issue 18's thirteenth session, on hand-written sentences: a count of hours or
days before "later"/"earlier" is the stretch of time with "later" outside (TimeBank's practice); "the"
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
    ("sentence", "expression", "typed"),
    [
        ("The barn burned on Monday; two days later the roof gave way.", "two days", ("DURATION", "P2D")),
        ("A day later the ferry sailed again.", "A day", ("DURATION", "P1D")),
        ("Ten days earlier the mayor had resigned.", "Ten days", ("DURATION", "P10D")),
        ("The crew came back some six hours later.", "some six hours", ("DURATION", "PT6H")),
        ("Almost a dozen hours later the hikers were found.", "Almost a dozen hours", ("DURATION", "PT12H")),
        ("About 20 minutes later the lights came back.", "About 20 minutes", ("DURATION", "PT20M")),
    ],
)
def test_hours_and_days_later_are_stretches_with_later_outside(
    sentence: str, expression: str, typed: tuple[str, str]
) -> None:
    got = found(sentence)
    assert got.get(expression) == typed, got
    assert not any(e.endswith(("later", "earlier")) for e in got), got


def test_a_week_or_more_later_stays_one_anchored_date() -> None:
    # issue 18's held-out news: "a week earlier", "a month earlier" are one expression with one value
    got = found("The council met on July 3, 2023. A week later it voted the budget down.")
    assert got["A week later"] == ("DATE", "2023-W28")


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


def test_days_later_still_moves_the_story_on() -> None:
    # the stretch is the expression, but "that night" after it is the later day's night
    got = found(
        "The boat left the harbour on July 10. Two days later a trawler found it, and the crew came home "
        "that night."
    )
    assert got["Two days"] == ("DURATION", "P2D")
    assert got["that night"] == ("DATE", "2023-07-12")
    # a month does not say which day the story moved to
    got = found(
        "The boat left in May 2022. Two days later a trawler found it, and the crew came home that night."
    )
    assert got["that night"] != ("DATE", "2022-05-03")


def test_a_count_of_days_past_the_calendar_does_not_break_the_story_move() -> None:
    # the day moved to would lie past the year 9999: the stretch stands and no day is moved to
    got = found("The probe left on July 10, 2023. 5,000,000 days later it still had power.")
    assert got["5,000,000 days"] == ("DURATION", "P5000000D")
