"""The timex stage through `newsgraph.extract`: the tense of the governing verb directs bare weekdays."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph import Document
from newsgraph.model import Timex

pytestmark = pytest.mark.model

Extract = Callable[..., Document]
THU = "2023-08-03"


def one(doc: Document, text: str) -> Timex:
    hits = [t for t in doc.timexes if t.text == text]
    assert len(hits) == 1, f"expected one {text!r}, found {[t.text for t in doc.timexes]}"
    return hits[0]


def test_past_and_future_weekdays(extract: Extract, assert_offsets: Callable[[Document], None]) -> None:
    doc = extract(
        "The two foreign ministers met on Tuesday in the capital. "
        "They will sign the treaty on Saturday, officials said.",
        published=THU,
    )
    assert_offsets(doc)
    assert one(doc, "Tuesday").value == "2023-08-01"
    assert one(doc, "Saturday").value == "2023-08-05"


def test_infinitive_under_a_forward_verb_looks_ahead(extract: Extract) -> None:
    doc = extract("The council agreed to vote on Monday on the new budget.", published=THU)
    assert one(doc, "Monday").value == "2023-08-07"
    doc = extract("Crowds gathered in the square to celebrate on Monday.", published=THU)
    assert one(doc, "Monday").value == "2023-07-31"


def test_until_points_ahead_and_the_possessive_back(extract: Extract) -> None:
    doc = extract(
        "The court has given the parties until Tuesday to respond to Monday's ruling.", published=THU
    )
    assert one(doc, "Tuesday").value == "2023-08-08"
    assert one(doc, "Monday").value == "2023-07-31"


def test_the_stage_without_publication_date(extract: Extract) -> None:
    doc = extract("Rebels attacked the town on Friday, three years after the war ended in 2020.")
    assert one(doc, "Friday").value is None
    assert one(doc, "three years").value == "P3Y"
    assert one(doc, "2020").value == "2020"


def test_a_dateline_and_a_time(extract: Extract) -> None:
    doc = extract(
        "NAIROBI, March 4 (Reuters) - Police fired tear gas at 9:30 a.m. local time on Monday, "
        "witnesses said, the third protest this month.",
        published="2024-03-05",
    )
    assert one(doc, "March 4").value == "2024-03-04"
    assert one(doc, "9:30 a.m. local time").value == "2024-03-04T09:30"
    assert one(doc, "this month").value == "2024-03"


def test_noun_modifiers_and_did_look_back(extract: Extract) -> None:
    doc = extract(
        "Doctors treated her after her Sunday morning collapse. "
        "Police did not enforce the curfew on Tuesday.",
        published=THU,
    )
    assert one(doc, "Sunday morning").value == "2023-07-30"
    assert one(doc, "Tuesday").value == "2023-08-01"


def test_a_date_before_a_past_planning_verb_dates_the_planning(extract: Extract) -> None:
    doc = extract("On Monday, the government planned to pay the families.", published=THU)
    assert one(doc, "Monday").value == "2023-07-31"
    doc = extract("The protesters planned a march on Saturday.", published=THU)
    assert one(doc, "Saturday").value == "2023-08-05"


def test_a_bare_month_follows_the_tense_of_its_verb(extract: Extract) -> None:
    doc = extract(
        "The old law took effect in October. The new one will take effect in June, officials said.",
        published=THU,
    )
    assert one(doc, "October").value == "2022-10"
    assert one(doc, "June").value == "2024-06"


def test_a_contract_month_lies_ahead_whatever_the_tense(extract: Extract) -> None:
    doc = extract("September copper closed lower on Wednesday, dealers said.", published=THU)
    assert one(doc, "September").value == "2023-09"
    assert one(doc, "Wednesday").value == "2023-08-02"
    doc = extract("Traders sold the December contract heavily.", published=THU)
    assert one(doc, "December").value == "2023-12"
    # after a preposition the month dates the clause: "in June oil prices fell" is this year's June
    doc = extract("In June oil prices fell sharply.", published=THU)
    assert one(doc, "June").value == "2023-06"


def test_a_possessive_weekday_is_the_day_its_story_names(extract: Extract) -> None:
    doc = extract(
        "The rivals debate on Monday in Ohio. Both will use Monday's debate to court voters.", published=THU
    )
    assert [t.value for t in doc.timexes if t.text == "Monday"] == ["2023-08-07", "2023-08-07"]
    # alone, the possessive reads a thing done
    doc = extract("Both will use Monday's debate to court voters.", published=THU)
    assert one(doc, "Monday").value == "2023-07-31"


def test_a_possessive_weekday_under_a_future_verb_lies_ahead(extract: Extract) -> None:
    doc = extract("Saturday's final will be played in the rain, forecasters warned.", published=THU)
    assert one(doc, "Saturday").value == "2023-08-05"
    doc = extract("The mayor said Tuesday's hearing would be the last one.", published=THU)
    assert one(doc, "Tuesday").value == "2023-08-08"
    # a modal alone does not move it: the thing named is still done
    doc = extract("Monday's storm can be blamed for the outage.", published=THU)
    assert one(doc, "Monday").value == "2023-07-31"


def test_awaiting_points_ahead(extract: Extract) -> None:
    doc = extract("Dealers were awaiting a pickup in orders into the fourth quarter.", published=THU)
    assert one(doc, "the fourth quarter").value == "2023-Q4"


def test_business_periods_and_modifiers_through_the_parse(extract: Extract) -> None:
    doc = extract(
        "Profit in the second quarter of 2022 rose 8% from the year-ago quarter, the bank said late Friday.",
        published=THU,
    )
    assert one(doc, "the second quarter of 2022").value == "2022-Q2"
    assert one(doc, "the year-ago quarter").value == "2021-Q2"
    assert one(doc, "late Friday").value == "2023-07-28"


def test_a_schedule_after_its_noun_takes_the_side_of_the_clause_around_it(extract: Extract) -> None:
    doc = extract("A vigil planned for Saturday was called off after the storm.", published=THU)
    assert one(doc, "Saturday").value == "2023-07-29"
    doc = extract("The dispute is expected to dominate a summit set for Vienna in October.", published=THU)
    assert one(doc, "October").value == "2023-10"
    doc = extract("A concert scheduled for Saturday will go ahead.", published=THU)
    assert one(doc, "Saturday").value == "2023-08-05"
    # any other participle after its noun dates a thing done
    doc = extract("The union wants the court to lift the ban issued Tuesday.", published=THU)
    assert one(doc, "Tuesday").value == "2023-08-01"
    # "set" schedules only with "for": a record set in April was set before publication
    doc = extract("The record set in April still stands.", published=THU)
    assert one(doc, "April").value == "2023-04"
