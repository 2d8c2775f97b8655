"""Issue 18, values anchored on the story rather than on publication, and range ends, on hand-written
sentences: a part of the day in a later sentence takes the story's day (a clock reading does not),
"tonight" inside a quote the day of the speech, "10 a.m.-noon" and "between 1992-95" have both ends,
"this past week" is a week, "year-earlier" after "the first six months of" is that half a year back.

`resolve` takes the tense as a function, so each test fixes it by hand.
"""

from __future__ import annotations

from newsgraph.stages.timex.document import quote_around
from newsgraph.stages.timex.expressions import resolve

THU = "2023-08-03"  # a Thursday


def found(
    text: str, direction: str = "past", published: str | None = THU
) -> dict[str, tuple[str, str | None]]:
    """text of each expression -> (type, value); a sentence ends at each full stop."""
    out = resolve(text, published, lambda s, e: direction, lambda c: text.count(".", 0, c))  # type: ignore[arg-type,return-value]
    return {t.text: (t.type, t.value) for t in out}


# ---------------------------------------------------------------- clock times and the story's day


def test_a_clock_reading_in_a_later_sentence_stays_on_publication() -> None:
    # a clock time alone is as often a timestamp of the publication day (a live update's heading)
    got = found("Flames broke out in the depot on Monday. Crews arrived at 6 a.m. and fought them for hours.")
    assert got["6 a.m."] == ("TIME", "2023-08-03T06:00")
    got = found("The mayor spoke on Monday.\n1:21 p.m. The council adjourned.")
    assert got["1:21 p.m."] == ("TIME", "2023-08-03T13:21")


def test_an_old_date_before_is_background_not_the_storys_day() -> None:
    got = found("The depot opened on May 3, 1990. Late in the evening crews fought the flames.")
    assert got["Late in the evening"] == ("TIME", "2023-08-03TEV")


def test_a_clock_time_without_any_day_before_stays_on_publication() -> None:
    assert found("Crews arrived at 6 a.m. to fight the flames.")["6 a.m."] == ("TIME", "2023-08-03T06:00")


def test_late_in_the_evening_is_that_part_of_the_storys_day() -> None:
    got = found("The shelling began yesterday. Late in the evening the troops pulled back.")
    assert got["Late in the evening"] == ("TIME", "2023-08-02TEV")


def test_noon_ends_a_hyphenated_range_and_both_ends_take_the_day() -> None:
    got = found("The stall is open 10 a.m.-noon on Saturday.")
    assert got["10 a.m."] == ("TIME", "2023-07-29T10:00")
    assert got["noon"] == ("TIME", "2023-07-29T12:00")


def test_afternoon_is_no_noon() -> None:
    assert "noon" not in found("The stall was open all afternoon on Saturday.")


# ---------------------------------------------------------------- deictic days inside quotes


def test_tonight_in_a_quote_is_the_night_of_the_speech_day() -> None:
    got = found('"We will win tonight," the coach said Monday.')
    assert got["tonight"] == ("DATE", "2023-07-31")


def test_last_night_in_a_quote_after_its_attribution() -> None:
    got = found('The coach told reporters on Tuesday: "We lost last night."')
    assert got["last night"] == ("TIME", "2023-07-31TNI")


def test_a_quote_without_a_dated_attribution_stays_on_publication() -> None:
    assert found('"We lost last night," the coach said.')["last night"] == ("TIME", "2023-08-02TNI")
    # the day is in another sentence than the quote's: no attribution of it
    assert found('The coach spoke on Monday. "Today is fine."')["Today"] == ("DATE", "2023-08-03")


def test_a_day_beside_no_verb_of_saying_is_no_speech_day() -> None:
    got = found('"We will win tonight," read the banner hung on Monday.')
    assert got["tonight"] == ("DATE", "2023-08-03")


def test_quote_marks_of_each_kind() -> None:
    text = "He said “all is well today” and ``more tomorrow'' and \"then\" left."
    assert quote_around(text, text.index("today")) == (text.index("“"), text.index("”") + 1)
    assert quote_around(text, text.index("tomorrow")) == (text.index("``"), text.index("''") + 2)
    assert quote_around(text, text.index("then")) == (text.index('"'), text.rindex('"') + 1)
    assert quote_around(text, text.index("left")) is None


# ---------------------------------------------------------------- ranges, weeks, year-earlier


def test_the_two_digit_end_of_a_year_range_is_a_year() -> None:
    got = found("Sales fell between 1992-95 in the region.")
    assert got["1992"] == ("DATE", "1992") and got["95"] == ("DATE", "1995")


def test_a_full_date_and_a_month_are_no_year_range() -> None:
    assert found("The filing is dated 1996-08-30 in the register.") == {"1996-08-30": ("DATE", "1996-08-30")}
    assert "12" not in found("The tally stood at 1990-12 in the register.")


def test_this_past_week_is_the_week_just_gone() -> None:
    assert found("Prices rose this past week.")["this past week"] == ("DATE", "2023-W30")
    assert found("Prices rose in the past week.")["the past week"] == ("DURATION", "P1W")


def test_the_year_earlier_period_after_the_first_six_months_is_that_half_a_year_back() -> None:
    got = found("Profit rose in the first six months of 2022, against 3 million in the year-earlier period.")
    assert got["the first six months of 2022"] == ("DATE", "2022-H1")
    assert got["the year-earlier period"] == ("DATE", "2021-H1")
    got = found(
        "Sales reached 9 million over the first six months of 1996, against year-earlier sales of 6 million."
    )
    assert got["year-earlier"] == ("DATE", "1995-H1")


# ---------------------------------------------------------------- own-D's classes


def test_a_season_after_throughout_is_a_season() -> None:
    assert found("Throughout the summer, crews patched the roads.")["the summer"] == ("DATE", "2023-SU")
    assert found("Crews will patch roads throughout spring.", direction="future")["spring"] == (
        "DATE",
        "2024-SP",
    )


def test_a_mis_decoded_apostrophe_ends_the_word_before_it() -> None:
    # UTF-8's right single quote read as Latin-1 leaves "â" and a space where the apostrophe was
    assert found("After Tuesdayâ s flood warning, crews worked late.")["Tuesday"] == (
        "DATE",
        "2023-08-01",
    )
    assert "Tuesday" not in found("The Tuesdayâx club met.")
