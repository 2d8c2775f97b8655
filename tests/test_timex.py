"""The timex stage without the spaCy model: the calendar arithmetic, the grammar and the values.

`resolve` takes the tense as a function, so these tests fix it by hand; the tests in
test_timex_model.py read it from the parse.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.model import Timex
from newsgraph.stages.common import time_of
from newsgraph.stages.timex import normalise as tn
from newsgraph.stages.timex.expressions import resolve
from newsgraph.stages.timex.lexicon import number_value

THU = "2023-08-03"  # a Thursday in ISO week 31
ANCHOR = dt.date(2023, 8, 3)


def found(
    text: str, published: str | None = THU, direction: str = "none"
) -> dict[str, tuple[str, str | None]]:
    """text of each expression -> (type, value)."""
    out = resolve(text, published, lambda s, e: direction, lambda c: text.count(".", 0, c))  # type: ignore[arg-type,return-value]
    for t in out:
        assert text[t.start : t.end] == t.text
    return {t.text: (t.type, t.value) for t in out}


# ---------------------------------------------------------------- calendar arithmetic


def test_weekday_follows_the_direction() -> None:
    assert tn.weekday_date(ANCHOR, 3, "past") == dt.date(2023, 8, 2)
    assert tn.weekday_date(ANCHOR, 5, "past") == dt.date(2023, 7, 28)
    assert tn.weekday_date(ANCHOR, 5, "future") == dt.date(2023, 8, 4)
    assert tn.weekday_date(ANCHOR, 3, "future") == dt.date(2023, 8, 9)
    # the anchor's own weekday is the anchor, unless "last"/"next" make it strict
    assert tn.weekday_date(ANCHOR, 4, "past") == ANCHOR
    assert tn.weekday_date(ANCHOR, 4, "past", strict=True) == dt.date(2023, 7, 27)


def test_week_month_year_shifts() -> None:
    assert tn.shift_value(ANCHOR, "W", -1) == "2023-W30"
    assert tn.shift_value(ANCHOR, "W", 1) == "2023-W32"
    assert tn.shift_value(dt.date(2023, 1, 2), "W", -1) == "2022-W52"
    assert tn.shift_value(dt.date(2023, 1, 15), "M", -1) == "2022-12"
    assert tn.shift_value(ANCHOR, "Y", 1) == "2024"
    assert tn.shift_value(ANCHOR, "3M", -1) == "2023-Q2"
    assert tn.shift_value(dt.date(2023, 2, 1), "3M", -1) == "2022-Q4"
    assert tn.shift_value(ANCHOR, "WE", 0) == "2023-W31-WE"


def test_durations() -> None:
    assert tn.duration_value(3, "D") == "P3D"
    assert tn.duration_value(2, "TH") == "PT2H"
    assert tn.duration_value(1, "W") == "P1W"
    assert tn.duration_value(None, "Y") == "PXY"
    assert tn.duration_value(5.5, "TH") == "PT5H30M"
    assert tn.duration_value(1, "10Y") == "P10Y"
    assert tn.duration_value(2, "2W") == "P4W"
    assert tn.duration_value(1.5, "Y") == "P1Y6M"


def test_ago_keeps_the_granularity_of_its_unit() -> None:
    assert tn.ago_value(ANCHOR, 2, "D") == "2023-08-01"
    assert tn.ago_value(ANCHOR, 6, "W") == "2023-W25"
    assert tn.ago_value(ANCHOR, 3, "M") == "2023-05"
    assert tn.ago_value(ANCHOR, 40, "Y") == "1983"
    assert tn.ago_value(ANCHOR, 1, "10Y") == "2013"


def test_day_and_month_without_a_year_take_the_nearest_year_weighted_by_tense() -> None:
    jan5 = dt.date(2024, 1, 5)
    # a deadline a few days ahead, even with no tense to go by
    assert tn.day_month_date(jan5, 1, 14, "none") == dt.date(2024, 1, 14)
    assert tn.day_month_date(jan5, 12, 28, "none") == dt.date(2023, 12, 28)
    # half a year either way: the past unless the verb looks ahead
    may = dt.date(2023, 5, 6)
    assert tn.day_month_date(may, 10, 23, "past") == dt.date(2022, 10, 23)
    assert tn.day_month_date(may, 10, 23, "future") == dt.date(2023, 10, 23)
    assert tn.month_year(dt.date(2023, 12, 5), 4, "future") == 2024
    assert tn.month_year(dt.date(2023, 4, 10), 12, "past") == 2022
    assert tn.month_year(ANCHOR, 10, "past", strict=True) == 2022


def test_seasons() -> None:
    spring = dt.date(2023, 4, 10)
    assert tn.season_value(spring, "FA", -1, "none") == "2022-FA"
    assert tn.season_value(spring, "SU", 1, "none") == "2023-SU"
    assert tn.season_value(spring, "SP", -1, "none") == "2022-SP"
    assert tn.season_value(spring, "WI", 0, "none") == "2023-WI"
    assert tn.season_value(spring, "SU", None, "past") == "2022-SU"


def test_holidays() -> None:
    assert tn.holiday_date("nth 4 11 4", 2023) == dt.date(2023, 11, 23)  # Thanksgiving
    assert tn.holiday_date("election", 2024) == dt.date(2024, 11, 5)
    assert tn.holiday_date("nth 1 05 -1", 2023) == dt.date(2023, 5, 29)  # Memorial Day
    assert tn.easter(2024) == dt.date(2024, 3, 31)
    assert tn.holiday_value("fixed 12-25", ANCHOR, "past", -1) == "2022-12-25"


def test_impossible_and_out_of_range_dates_are_none() -> None:
    assert tn.make_date(2023, 2, 30) is None
    assert tn.make_date(12023, 1, 1) is None
    assert tn.parse_anchor("not a date") is None


def test_numbers() -> None:
    assert number_value("three") == 3
    assert number_value("twenty-five") == 25
    assert number_value("5 1/2") == 5.5
    assert number_value("a") == 1
    assert number_value("several") is None


# ---------------------------------------------------------------- detection and values


def test_the_issue_examples() -> None:
    text = (
        "The envoys met on Wednesday, a week after the coup last week. Prices rose in recent months. "
        "The deal was signed Aug. 2, 2023, or 08/02/2023, in the 1990s style of fiscal 1998. "
        "Talks resume at 3 p.m. Tuesday and again this evening. Two days ago the army had ruled for years, "
        "meeting every week, and now it rules for 40 years."
    )
    got = found(text, direction="past")
    assert got["Wednesday"] == ("DATE", "2023-08-02")
    assert got["a week"] == ("DURATION", "P1W")
    assert got["last week"] == ("DATE", "2023-W30")
    assert got["recent months"] == ("DURATION", "PXM")
    assert got["Aug. 2, 2023"] == ("DATE", "2023-08-02")
    assert got["08/02/2023"] == ("DATE", "2023-08-02")
    assert got["1990s"] == ("DATE", "199X")
    assert got["fiscal 1998"] == ("DATE", "FY1998")
    assert got["3 p.m. Tuesday"] == ("TIME", "2023-08-01T15:00")
    assert got["this evening"] == ("TIME", "2023-08-03TEV")
    assert got["Two days ago"] == ("DATE", "2023-08-01")
    assert got["years"] == ("DURATION", "PXY")
    assert got["every week"] == ("SET", "P1W")
    assert got["now"] == ("DATE", "PRESENT_REF")
    assert got["40 years"] == ("DURATION", "P40Y")


def test_relative_units() -> None:
    got = found("Early this year, and next month, and yesterday, tomorrow and today, and earlier this week.")
    assert got["Early this year"] == ("DATE", "2023")
    assert got["next month"] == ("DATE", "2023-09")
    assert got["yesterday"] == ("DATE", "2023-08-02")
    assert got["tomorrow"] == ("DATE", "2023-08-04")
    assert got["today"] == ("DATE", "2023-08-03")
    assert got["earlier this week"] == ("DATE", "2023-W31")  # TimeML keeps the modifier inside


def test_a_year_phrase_after_a_date_dates_it_as_one_expression() -> None:
    got = found(
        "The tour opens on May 21 next year; the vote was in February this year, not the last century."
    )
    assert got["May 21 next year"] == ("DATE", "2024-05-21")
    assert got["February this year"] == ("DATE", "2023-02")
    assert "next year" not in got and "this year" not in got and "May 13" not in got
    assert "the last century" in got


def test_numeric_dates() -> None:
    got = found("Filed 02.08.2023, 8/2/23 and 12/31/99 under version 1.2.3 of the rules.")
    assert got == {
        "02.08.2023": ("DATE", "2023-08-02"),
        "8/2/23": ("DATE", "2023-08-02"),
        "12/31/99": ("DATE", "1999-12-31"),
    }


def test_the_end_of_a_period_is_one_expression() -> None:
    got = found("By the end of August, and at the start of 2024, and by the end of the week.")
    assert got["the end of August"][1] in ("2023-08", "2024-08")
    assert got["the start of 2024"] == ("DATE", "2024")
    assert got["the end of the week"] == ("DATE", "2023-W31")


def test_a_year_earlier_in_the_sentence_dates_a_bare_day_or_holiday() -> None:
    got = found("He lost in 2012, and soon after Election Day he met donors on June 4 and in May.")
    assert got["Election Day"] == ("DATE", "2012-11-06")
    assert got["June 4"] == ("DATE", "2012-06-04")
    assert got["May"] == ("DATE", "2012-05")
    # the year does not reach into the next sentence, nor overrule a future tense
    assert found("He lost in 2012. On June 4 he met donors.")["June 4"] == ("DATE", "2023-06-04")
    future = found("Invited in 2019, it joins on Sept. 4.", direction="future")
    assert future["Sept. 4"] == ("DATE", "2023-09-04")


def test_span_conventions_leave_prepositions_out_and_modifiers_in() -> None:
    got = found("He stayed for about five hours on Monday and for at least 72 hours in early December.")
    assert got["about five hours"] == ("DURATION", "PT5H") and "five hours" not in got
    assert got["at least 72 hours"] == ("DURATION", "PT72H")
    assert "Monday" in got and "on Monday" not in got
    assert got["early December"][0] == "DATE"


def test_ranges_are_two_expressions() -> None:
    got = found(
        "The summit runs from Monday to Wednesday, on June 24 and 25, between 1994 and 1997.",
        direction="future",
    )
    assert got["Monday"] == ("DATE", "2023-08-07")
    assert got["Wednesday"] == ("DATE", "2023-08-09")
    assert got["June 24"][1] is not None and got["25"][1] is not None
    assert got["June 24"][1][:7] == got["25"][1][:7]
    assert got["1994"] == ("DATE", "1994") and got["1997"] == ("DATE", "1997")


def test_sets_and_adjectival_durations() -> None:
    got = found("A two-day visit, a 16-hour flight, weekly meetings, every Monday, twice a year.")
    assert got["two-day"] == ("DURATION", "P2D")
    assert got["16-hour"] == ("DURATION", "PT16H")
    assert got["weekly"] == ("SET", "P1W")
    assert got["every Monday"] == ("SET", "XXXX-WXX-1")
    assert got["twice a year"] == ("SET", "P1Y")
    rates = resolve(
        "They send $1 billion a year and hold 100 interviews a day, for a year.",
        THU,
        lambda s, e: "none",
        lambda c: 0,
    )
    assert [(t.text, t.type, t.value) for t in rates] == [
        ("a year", "SET", "P1Y"),
        ("a day", "SET", "P1D"),
        ("a year", "DURATION", "P1Y"),
    ]


def test_not_time_expressions() -> None:
    got = found("A 44-year-old man may march with 2000 troops; Jan Kavan watched 60 Minutes at high noon.")
    assert got == {}
    assert found("She won a second term, said Ann Daily, a spokeswoman, in a great day for us.") == {}
    assert found("He lives at 1935 Orchard St. and drove a 2004 Ford Focus.") == {}
    assert found("A reporter for USA Today asked.") == {}
    assert found("Today we vote.") == {"Today": ("DATE", "2023-08-03")}
    assert set(found("In 1999 Ford cut jobs after the 2007 Supreme Court ruling.")) == {"1999", "2007"}


def test_seasons_quarters_holidays_centuries() -> None:
    got = found(
        "Last fall and next spring, the third quarter of 2022, on Christmas Day, in the 20th century."
    )
    assert got["Last fall"] == ("DATE", "2022-FA")
    assert got["next spring"] == ("DATE", "2024-SP")
    assert got["the third quarter of 2022"] == ("DATE", "2022-Q3")
    assert got["Christmas Day"] == ("DATE", "2022-12-25")
    assert got["the 20th century"] == ("DATE", "19")


def test_anchored_expressions_follow_the_story() -> None:
    got = found(
        "The rebels struck on March 3, 2021. The next day the army returned, and later that year it left."
    )
    assert got["The next day"] == ("DATE", "2021-03-04")
    assert got["later that year"] == ("DATE", "2021")


def test_a_clock_time_takes_the_day_named_beside_it() -> None:
    got = found("The blast came at 11:20 a.m. (0920 GMT) Friday.", direction="past")
    assert got["11:20 a.m."] == ("TIME", "2023-07-28T11:20")


def test_without_publication_date_relative_values_are_null() -> None:
    got = found("On Wednesday, last week, and on May 5, 2020, and two days ago.", published=None)
    assert got["Wednesday"] == ("DATE", None)
    assert got["last week"] == ("DATE", None)
    assert got["May 5, 2020"] == ("DATE", "2020-05-05")
    assert got["two days ago"] == ("DATE", None)


def test_bad_dates_are_kept_with_a_null_value() -> None:
    got = found("It happened on Feb. 30 or on Feb 30, 2023, or June 5, 3021.")
    assert got == {"Feb. 30": ("DATE", None), "Feb 30, 2023": ("DATE", None), "June 5, 3021": ("DATE", None)}


def test_malformed_publication_date_does_not_crash() -> None:
    got = found("They met on Friday.", published="2023-13-45")
    assert got == {"Friday": ("DATE", None)}


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31", "1000-01-01", "2999-12-31"])
def test_anchors_at_the_edge_of_the_calendar_do_not_overflow(published: str) -> None:
    text = "Yesterday, two million days ago, last week, next Easter, 999 weeks from now and last fall."
    got = found(text, published=published, direction="past")
    assert "Yesterday" in got and "last week" in got


@pytest.mark.parametrize("text", ["", "   ", "1 2 3 4 5 6 7 8 9 10", "::::", "’’’ ``"])
def test_degenerate_text(text: str) -> None:
    assert isinstance(found(text), dict)


# ---------------------------------------------------------------- time_of


def test_time_of_prefers_a_dated_expression_inside_the_span_nearest_the_focus() -> None:
    timexes = (
        Timex(0, 6, "Monday", "DATE", "2023-07-31"),
        Timex(20, 26, "a week", "DURATION", "P1W"),
        Timex(30, 33, "now", "DATE", "PRESENT_REF"),
        Timex(40, 49, "Wednesday", "DATE", "2023-08-02"),
        Timex(60, 66, "Friday", "DATE", None),
    )
    assert time_of(timexes, 10, 70) == timexes[3]
    assert time_of(timexes, 0, 70, focus=2) == timexes[0]
    assert time_of(timexes, 15, 35) is None
    assert time_of((), 0, 10) is None


def test_over_the_weekend_is_the_two_day_stretch() -> None:
    got = found("Talks went on over the weekend. The fair opens next weekend.")
    assert got["the weekend"] == ("DURATION", "P2D")
    assert got["next weekend"] == ("DATE", "2023-W32-WE")
    assert found("They met on the weekend.", direction="past")["the weekend"] == ("DATE", "2023-W30-WE")


def test_halves_are_durations() -> None:
    assert found("The vote took half an hour.")["half an hour"] == ("DURATION", "PT30M")
    assert found("She waited a half hour outside.")["a half hour"] == ("DURATION", "PT30M")
    assert found("The strike lasted a year and a half.")["a year and a half"] == ("DURATION", "P1Y6M")
    assert found("He stayed for a day and a half.")["a day and a half"] == ("DURATION", "P1DT12H")


def test_a_quarter_without_a_year_is_the_nearest_one_on_the_side_of_the_tense() -> None:
    spring = "2013-03-22"  # in the first quarter
    assert found("Profit fell in the fourth quarter.", spring, "past")["the fourth quarter"] == (
        "DATE",
        "2012-Q4",
    )
    assert found("Its third-quarter loss narrowed.", spring, "past")["third-quarter"] == ("DATE", "2012-Q3")
    assert found("Sales will rise in the second quarter.", spring, "future")["the second quarter"] == (
        "DATE",
        "2013-Q2",
    )


def test_a_clock_time_takes_the_day_after_its_time_zone_and_on() -> None:
    got = found("The deadline passed at 5 p.m. ET on Tuesday.", direction="past")
    assert got["5 p.m. ET"] == ("TIME", "2023-08-01T17:00")
    got = found("The quake struck at 2:46 p.m. on March 11, 2011, officials said.")
    assert got["2:46 p.m."] == ("TIME", "2011-03-11T14:46")


def test_a_day_range_before_the_month_is_two_expressions() -> None:
    got = found("Voting ran from 3 to 5 April 2012, and the count took place 7-9 April 2012.")
    assert got["3"] == ("DATE", "2012-04-03")
    assert got["5 April 2012"] == ("DATE", "2012-04-05")
    assert got["7"] == ("DATE", "2012-04-07")
    assert got["9 April 2012"] == ("DATE", "2012-04-09")


def test_the_past_before_a_count_is_not_a_vague_reference() -> None:
    assert "the past" not in found("She spent the past few days at home.")
    assert found("In the past, floods were rarer.")["the past"] == ("DATE", "PAST_REF")


def test_a_part_of_day_after_o_clock_fixes_the_half_of_the_day() -> None:
    assert found("The plan is due by 5 o'clock this afternoon.")["5 o'clock this afternoon"] == (
        "TIME",
        "2023-08-03T17:00",
    )
    assert found("They open at 7 o'clock this morning.")["7 o'clock this morning"] == (
        "TIME",
        "2023-08-03T07:00",
    )


def test_future_is_a_time_only_as_the_future() -> None:
    assert "future" not in found("The December bond future slipped while oil future contracts rose.")
    assert found("Leaders spoke of future talks and a brighter future.") == {}  # TimeML tags neither
    assert found("Nobody can see into the future.")["the future"] == ("DATE", "FUTURE_REF")


def test_a_month_in_the_present_tense_lies_ahead_unless_it_is_near_behind() -> None:
    spring = dt.date(2013, 3, 22)
    assert tn.month_year(spring, 11, "present") == 2013  # "the election is in November"
    assert tn.month_year(spring, 2, "present") == 2013
    assert tn.month_year(spring, 11, "past") == 2012


def test_rates_are_sets_and_names_are_not_weekdays() -> None:
    assert found("He was paid 30,000 euros a month.")["a month"] == ("SET", "P1M")
    assert found("Prices rose 2 percent a month.")["a month"] == ("SET", "P1M")
    assert found("She stayed for a month.")["a month"] == ("DURATION", "P1M")
    assert "a year" not in found("It was a year of turmoil.")
    assert "Sunday" not in found("The Sunday Times ran the story.")
    assert found("They met on the Sunday before the vote.", direction="past")["Sunday"] == (
        "DATE",
        "2023-07-30",
    )


def test_vague_references_the_issue_lists() -> None:
    got = found("Prices have recently climbed, and lately wages too; in the coming weeks rates may rise.")
    assert got["recently"] == ("DATE", "PAST_REF")
    assert got["lately"] == ("DATE", "PAST_REF")
    assert got["the coming weeks"] == ("DATE", "FUTURE_REF")
    # a stretch that lies before a named event is a date, valued only by the event (unknown here)
    got = found("Witnesses saw the van in the days before the blast, and for weeks after it.")
    assert got["days"] == ("DATE", None)
    assert got["weeks"] == ("DURATION", "PXW")


def test_the_current_unit_and_a_season_of_a_relative_year_are_dates() -> None:
    got = found("Sales in the current quarter will fall, and the plant opens in the spring of next year.")
    assert got["the current quarter"] == ("DATE", "2023-Q3")
    assert got["the spring of next year"] == ("DATE", "2024-SP")
    got = found("The dam burst in the winter of last year.")
    assert got["the winter of last year"] == ("DATE", "2022-WI")
    assert found("The spring of next year.", published=None)["The spring of next year"] == ("DATE", None)


def test_numbers_that_name_things_and_game_clocks_are_not_times() -> None:
    assert found("Resolution 1244 and Route 1985 were cited on page 2003.") == {}
    assert found("The Security Council passed it in 1999.") == {"1999": ("DATE", "1999")}
    assert found("The winner came at 3:16 of overtime.") == {}
    assert found("They met at 10:30 in the morning.")["10:30"] == ("TIME", "2023-08-03T10:30")


def test_fractions_ages_rates_and_game_halves_are_not_durations_or_dates() -> None:
    assert found("Less than a quarter of the donors gave; three quarters of voters agreed.") == {}
    assert found("A 15-month old boy was found.") == {}
    assert found("They need 300 people an hour.")["an hour"] == ("SET", "PT1H")
    assert found("Smith scored twice in the second half and the match ended 2-1.") == {}
    got = found("Profits rose in the second half.", direction="past")
    assert got["the second half"] == ("DATE", "2023-H2")
    got = found("The Jets led in the fourth quarter of 2022 before a late touchdown.")
    assert got["the fourth quarter of 2022"] == ("DATE", "2022-Q4")


def test_a_year_written_once_after_a_range_dates_both_ends() -> None:
    got = found("Talks ran from March 3 to April 5, 2010, and from May to July 2009.", published=None)
    assert got["March 3"] == ("DATE", "2010-03-03")
    assert got["April 5, 2010"] == ("DATE", "2010-04-05")
    assert got["May"] == ("DATE", "2009-05")
    assert got["July 2009"] == ("DATE", "2009-07")
    assert found("They met in January and 2,000 people came.", direction="past")["January"] == (
        "DATE",
        "2023-01",
    )


def test_a_clock_time_takes_the_day_of_the_other_end_of_its_range() -> None:
    got = found("He was hurt between 5:40 a.m. and 6:25 a.m. Wednesday.", direction="past")
    assert got["5:40 a.m."] == ("TIME", "2023-08-02T05:40")
    assert got["6:25 a.m. Wednesday"] == ("TIME", "2023-08-02T06:25")
    got = found("The shop opens from 3 p.m. to 9 p.m. today, and at 9 a.m.")
    assert got["3 p.m."] == ("TIME", "2023-08-03T15:00")


def test_the_bare_first_hour_of_a_clock_range_is_a_time() -> None:
    got = found("The course runs from 7 to 11 p.m. today and the shift from 10 to 2 p.m.")
    assert got["7"] == ("TIME", "2023-08-03T19:00")
    assert got["11 p.m. today"] == ("TIME", "2023-08-03T23:00")
    assert got["10"] == ("TIME", "2023-08-03T10:00")
    assert "5" not in found("Prices rose from 5 to 7 percent.")


def test_someday_ages_and_the_then_present() -> None:
    got = found("It could one day lead to charges, and she hopes to one day return.")
    assert got["one day"] == ("DATE", "FUTURE_REF")
    assert found("The leave was cut to one day.")["one day"] == ("DURATION", "P1D")
    assert found("No sales to anyone under 21 years of age.") == {}
    # "current" and "currently" are adjectives and adverbs TimeML does not tag
    assert found("The then current rate fell; the current rate is currently lower.") == {}


def test_since_never_points_after_publication_and_a_year_possessive_dates_a_quarter() -> None:
    got = found("Prices have doubled since September and since Dec. 5.", direction="future")
    assert got["September"] == ("DATE", "2022-09")
    assert got["Dec. 5"] == ("DATE", "2022-12-05")
    assert found("Sales have risen since July.", direction="future")["July"] == ("DATE", "2023-07")
    got = found("In last year's third quarter the firm lost money.", direction="past")
    assert got["third quarter"] == ("DATE", "2022-Q3")


def test_a_year_after_in_is_a_year_before_a_plural_and_a_count_otherwise() -> None:
    assert found("In 1990 prices rose.")["1990"] == ("DATE", "1990")
    assert found("They sent 2000 troops and 1990 police.") == {}


def test_a_quarter_of_a_unit_is_a_fraction_of_it() -> None:
    got = found(
        "The storm lasted nearly a quarter of a day; the talk, a quarter of an hour; "
        "the dynasty, over a quarter-century."
    )
    assert got["nearly a quarter of a day"] == ("DURATION", "PT6H")
    assert got["a quarter of an hour"] == ("DURATION", "PT15M")
    assert "a quarter" not in got


def test_iso_weeks_have_two_digits_as_the_contract_writes_them() -> None:
    import datetime as dt

    assert tn.week_value(dt.date(1998, 2, 19)) == "1998-W08"
    assert tn.week_value(dt.date(2023, 7, 26)) == "2023-W30"
    assert tn.week_value(dt.date(2021, 1, 2)) == "2020-W53"
