"""Which year a day written without one takes (issue 18, ninth session), on hand-written sentences: a
schedule under a coming year runs on from it even where its first line already has that year, a year
phrase between two schedules ends the first, and a weekday written with the day fixes the year near
publication against a year the context offers.

`resolve` takes the tense as a function, so each test fixes it by hand.
"""

from __future__ import annotations

from newsgraph.stages.timex.expressions import resolve

THU = "2023-08-03"  # a Thursday


def found(text: str, direction: str = "none") -> dict[str, tuple[str, str | None]]:
    """text of each expression -> (type, value); sentences split at full stops and line ends."""

    def sentence(offset: int) -> int:
        return text.count(".", 0, offset) + text.count("\n", 0, offset)

    out = resolve(text, THU, lambda s, e: direction, sentence)  # type: ignore[arg-type,return-value]
    return {t.text: (t.type, t.value) for t in out}


_FILLER = (
    "The captain said the squad would be picked late, once every player had been seen by the doctors and the "
    "coaches had watched the junior tournament, as the young players had earned their chance. "
)


def test_a_schedule_whose_first_line_has_the_coming_year_dates_its_later_lines_too() -> None:
    text = (
        "The draw for the 2024 cup was made on Saturday. "
        + _FILLER
        + "\nRound one is set for March 1-2: the holders travel to Lisbon and the hosts meet Peru."
        + "\nSemifinal ties fall on July 19-20; the final is set for September 27-28."
        + "\nLast year the final was in Madrid."
    )
    got = found(text)
    assert got["March 1"] == ("DATE", "2024-03-01")
    assert got["July 19"] == ("DATE", "2024-07-19")
    assert got["20"] == ("DATE", "2024-07-20")
    assert got["September 27"] == ("DATE", "2024-09-27")
    assert got["28"] == ("DATE", "2024-09-28")


def test_a_year_phrase_ends_a_schedule() -> None:
    text = (
        "The 2025 tour was announced.\nLeg one opens on May 4, leg two on May 9, leg three on May 12.\n"
        "This year the team played on Sept. 3, Sept. 7 and Sept. 9."
    )
    got = found(text)
    assert got["May 12"] == ("DATE", "2025-05-12")
    assert got["Sept. 9"] == ("DATE", "2023-09-09")


def test_a_weekday_written_with_the_day_keeps_the_year_near_publication() -> None:
    text = (
        "Both members serve terms expiring March 31, 2027.\nThe council meets again on April 6, the clerk"
        " said on Tuesday, July 25, and a training session follows on Monday, Aug. 7."
    )
    got = found(text, direction="past")
    assert got["Tuesday, July 25"] == ("DATE", "2023-07-25")
    assert got["Monday, Aug. 7"] == ("DATE", "2023-08-07")


def test_a_weekday_the_sentence_year_does_not_fall_on_rules_that_year_out() -> None:
    got = found("The 2021 report was released on Tuesday, July 25, by the agency.", direction="past")
    assert got["Tuesday, July 25"] == ("DATE", "2023-07-25")
    # a weekday that does fall on the sentence's year keeps it
    got = found("In 2021 the report was released on Sunday, July 25, by the agency.", direction="past")
    assert got["Sunday, July 25"] == ("DATE", "2021-07-25")


def test_a_year_named_but_not_written_dates_a_day_only_in_a_past_clause() -> None:
    text = "The club lost the final last year, and hosts it on September 28 at home."
    assert found(text, direction="none")["September 28"] == ("DATE", "2023-09-28")
    text = "No ruling is due before the end of the year, or until the judge retires on Jan. 20."
    assert found(text, direction="future")["Jan. 20"] == ("DATE", "2024-01-20")
    # a past clause keeps the year the sentence names, and a written year dates the day in any clause
    got = found("Last year the club won the cup on May 3.", direction="past")
    assert got["May 3"] == ("DATE", "2022-05-03")
    got = found("In 2021 the club hosts the final on May 3.", direction="none")
    assert got["May 3"] == ("DATE", "2021-05-03")


def test_a_possessive_weekday_with_its_part_of_day_takes_the_day_the_story_names() -> None:
    text = "The singer said fans had snapped up seats for Friday night's concert. She plays tomorrow night."
    got = found(text, direction="past")
    assert got["tomorrow night"][1] == "2023-08-04"
    assert got["Friday night"][1] == "2023-08-04"
    # without another mention of that day, the possessive keeps its own reading
    got = found("Fans had snapped up seats for Friday night's concert.", direction="past")
    assert got["Friday night"][1] == "2023-07-28"


def test_later_in_the_day_is_the_story_day() -> None:
    text = "The minister said on Monday he hoped to sign the accord later in the day."
    assert found(text, direction="past")["later in the day"] == ("DATE", "2023-07-31")
    assert found("Talks resume earlier in the day.", direction="none")["earlier in the day"] == ("DATE", THU)
    assert "mid-day" not in found("Crowds gathered by mid-day.", direction="past")


def test_a_year_before_levels_is_a_year_and_a_count_stays_a_count() -> None:
    got = found("The deal trims output to 18 percent below 2011 levels.", direction="none")
    assert got["2011"] == ("DATE", "2011")
    assert "2000" not in found("The army sent 2000 soldiers north.", direction="past")


def test_a_year_before_a_reporting_noun_is_a_year() -> None:
    got = found("A credit on 2021 taxes paid in 2022 helps buyers.", direction="none")
    assert got["2021"] == ("DATE", "2021")
    got = found("The mill posted its 2019 earnings after the 2018 elections.", direction="past")
    assert got["2019"] == ("DATE", "2019") and got["2018"] == ("DATE", "2018")


def test_a_decade_written_with_an_apostrophe_is_a_decade_and_an_age_is_not() -> None:
    got = found("Prices fell after the boom of the 1980’s, and again in the 90's.", direction="past")
    assert got["1980’s"] == ("DATE", "198X")
    assert got["90's"] == ("DATE", "199X")
    assert found("She kept painting well into her 90’s.", direction="past") == {}
    assert found("Sales in 1995's second half rose.", direction="past")["1995"] == ("DATE", "1995")


def test_the_day_before_in_apposition_is_the_date_it_renames() -> None:
    # "<date>, the day before <event>": the phrase renames the date just written, it is not a day off it
    # (before an event, "before"/"after" is TimeML's signal, outside: the expression is "the day")
    got = found("The hiker was last seen on July 3, the day before rangers closed the trail.", "past")
    assert got["the day"] == ("DATE", "2023-07-03")
    got = found("The vote was held on Tuesday, the day after the storm hit the coast.", "past")
    assert got["the day"] == ("DATE", "2023-08-01")
    got = found("The crews met on Friday night, the day before the race began.", "past")
    assert got["the day"] == ("DATE", "2023-07-28")
    # a year names no day: the phrase is not the year
    got = found("The dam opened on May 2, 2008. The law passed in 2008, the day before the vote.", "past")
    assert got["the day"] != ("DATE", "2008")
    # not an apposition: a day off the story's latest date, as before
    got = found("The band played on Friday. They had arrived the day before.", "past")
    assert got["the day before"] == ("DATE", "2023-07-27")


def test_the_day_before_an_event_leaves_the_signal_outside() -> None:
    # TimeML keeps "before"/"after" that opens an event out of the expression, as a SIGNAL
    got = found("The band played on Friday. Fans queued the day after the show ended.", "past")
    assert got["the day"] == ("DATE", "2023-07-29") and "the day after" not in got
    got = found("The band played on Friday. Fans camped out the night before the gates opened.", "past")
    assert got["the night"] == ("DATE", "2023-07-27")
    # the anchored adverb stays whole: before a comma, an infinitive, or after a verb of saying
    got = found("The band played on Friday. The crew had arrived the day before to build the stage.", "past")
    assert got["the day before"] == ("DATE", "2023-07-27")
    got = found("The band played on Friday. The day before, the crew built the stage.", "past")
    assert got["The day before"] == ("DATE", "2023-07-27")
    got = found("The band played on Friday. The crew had said the day before the stage was ready.", "past")
    assert got["the day before"] == ("DATE", "2023-07-27")


def test_the_day_beside_a_year_or_a_month_is_a_day_unknown_within_it() -> None:
    # never the last day of the period before ("2007-12-31" for the day before something in 2008)
    got = found("The law passed in 2008, the day before the vote.", "past")
    assert got["the day"] == ("DATE", "2008-XX-XX")
    got = found("The council met in March. The day before, farmers had blocked the road.", "past")
    assert got["The day before"] == ("DATE", "2023-03-XX")


def test_one_weekday_name_is_one_day_in_a_story() -> None:
    text = (
        "The club said on Thursday that the fair on Saturday had been months in the making. "
        "Stalls will open on Saturday at noon, and the band will play on Saturday night."
    )

    def tense(start: int, end: int) -> str:  # the first sentence read as past, the second as ahead
        return "past" if start < text.index("Stalls") else "future"

    out = resolve(text, THU, tense, lambda c: text.count(".", 0, c))  # type: ignore[arg-type]
    saturdays = {t.value for t in out if t.text.startswith("Saturday")}
    assert saturdays == {"2023-08-05"}  # two of three read it ahead: all take that day


def test_a_tie_between_two_readings_of_a_weekday_takes_the_later_day() -> None:
    text = "Funding for the shelter runs out on Friday.\nThe shelter will close its doors on Friday."

    def tense(start: int, end: int) -> str:
        return "past" if start < text.index("\n") else "future"

    out = resolve(text, THU, tense, lambda c: text.count("\n", 0, c))  # type: ignore[arg-type]
    assert {t.value for t in out if t.text == "Friday"} == {"2023-08-04"}


def test_one_bare_month_name_takes_the_year_most_mentions_read() -> None:
    text = (
        "Shops sold more in March than a year before.\nThe March figures beat forecasts.\n"
        "Sales taxes paid in March rose too."
    )

    def tense(start: int, end: int) -> str:  # the second line read ahead, the others as past
        return "future" if text.index("\n") < start < text.index("Sales") else "past"

    out = resolve(text, "2023-08-03", tense, lambda c: text.count("\n", 0, c))  # type: ignore[arg-type]
    assert {t.value for t in out if t.text == "March"} == {"2023-03"}


def test_a_tie_between_two_years_of_a_month_is_left_as_read() -> None:
    text = "Voters chose a mayor in November.\nA special vote will follow in November."

    def tense(start: int, end: int) -> str:
        return "past" if start < text.index("\n") else "future"

    out = resolve(text, "2023-08-03", tense, lambda c: text.count("\n", 0, c))  # type: ignore[arg-type]
    assert {t.value for t in out if t.text == "November"} == {"2022-11", "2023-11"}


def test_one_written_day_is_one_date_in_a_story_and_a_tie_takes_the_later_year() -> None:
    text = (
        "The bridge has to reopen by Dec. 5 under the contract.\n"
        "Fines were set for each day the bridge stayed shut past Dec. 5.\n"
        "Crews last closed it on Dec. 9."
    )

    def tense(start: int, end: int) -> str:  # the first line read ahead, the others as past
        return "future" if start < text.index("\n") else "past"

    out = resolve(text, THU, tense, lambda c: text.count("\n", 0, c))  # type: ignore[arg-type]
    assert {t.value for t in out if t.text == "Dec. 5"} == {"2023-12-05"}
    assert {t.value for t in out if t.text == "Dec. 9"} == {"2022-12-09"}  # another day: read on its own


def test_one_written_day_takes_the_year_most_mentions_read() -> None:
    text = "Ballots were counted on May 2.\nThe May 2 count was close.\nTurnout on May 2 will be checked."

    def tense(start: int, end: int) -> str:  # the last line read ahead, the others as past
        return "future" if start > text.rindex("\n") else "past"

    out = resolve(text, THU, tense, lambda c: text.count("\n", 0, c))  # type: ignore[arg-type]
    assert {t.value for t in out if t.text == "May 2"} == {"2023-05-02"}
