"""TimeML `mod` on time expressions (issue 18), on hand-written sentences: the modifier inside the extent
gives the expression its TIMEX3 mod; the record carries it, the JSON leaves it out when there is none, and
the contract reader and the schema accept exactly TimeML 1.2.1's values.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from newsgraph.errors import ContractError
from newsgraph.model import TIMEX_MODS, Document, Timex
from newsgraph.stages.timex.expressions import resolve
from newsgraph.stages.timex.extents import timeml_mod

THU = "2023-08-03"
SCHEMA = Path(__file__).parents[1] / "src" / "newsgraph" / "schema" / "document.schema.json"


def mods(text: str, direction: str = "past") -> dict[str, tuple[str, str | None, str | None]]:
    """text of each expression -> (type, value, mod)."""
    out = resolve(text, THU, lambda s, e: direction, lambda c: text.count(".", 0, c))  # type: ignore[arg-type,return-value]
    return {t.text: (t.type, t.value, t.mod) for t in out}


@pytest.mark.parametrize(
    ("sentence", "expression", "mod"),
    [
        ("The pass stayed closed for nearly thirty years.", "nearly thirty years", "LESS_THAN"),
        ("The family ran the mill for almost a century.", "almost a century", "LESS_THAN"),
        ("The strike went on for over a month.", "over a month", "MORE_THAN"),
        ("The talks lasted more than six hours.", "more than six hours", "MORE_THAN"),
        ("The repair took less than two weeks.", "less than two weeks", "LESS_THAN"),
        ("Divers searched for about five hours.", "about five hours", "APPROX"),
        ("Crews need at least 72 hours to clear the road.", "at least 72 hours", "EQUAL_OR_MORE"),
        ("The ferry left at about 7:45 a.m. on Friday.", "about 7:45 a.m.", "APPROX"),
        ("Gunmen struck the convoy early Monday.", "early Monday", "START"),
        ("The vote was counted late Friday.", "late Friday", "END"),
        ("Prices fell in the early 1990s.", "early 1990s", "START"),
        ("The plant opened in mid-1990.", "mid-1990", "MID"),
        ("The lease runs out at the end of August.", "the end of August", "END"),
    ],
)
def test_the_modifier_inside_an_expression_is_its_mod(sentence: str, expression: str, mod: str) -> None:
    assert mods(sentence)[expression][2] == mod


def test_a_bound_after_a_count_of_time_is_inside_with_its_mod() -> None:
    got = mods("Most leases run two years or less, and repairs take six weeks or longer.")
    assert got == {
        "two years or less": ("DURATION", "P2Y", "EQUAL_OR_LESS"),
        "six weeks or longer": ("DURATION", "P6W", "EQUAL_OR_MORE"),
    }
    got = mods("Trips of 30 days or fewer are free; the survey ran for three years or so.")
    assert got == {
        "30 days or fewer": ("DURATION", "P30D", "EQUAL_OR_LESS"),
        "three years or so": ("DURATION", "P3Y", "APPROX"),
    }
    # after "ago" the bound is the point's: "or so" stays APPROX
    assert mods("The bridge was repainted a month or so ago.")["a month or so ago"] == (
        "DATE",
        "2023-07",
        "APPROX",
    )
    # "or more than a week" is another expression, not a bound
    got = mods("The trip could take two days or more than a week.")
    assert got == {
        "two days": ("DURATION", "P2D", None),
        "more than a week": ("DURATION", "P1W", "MORE_THAN"),
    }


def test_late_or_early_on_a_day_is_one_expression() -> None:
    got = mods("The ferry sank late on Tuesday, and divers arrived early on Wednesday.")
    assert got == {
        "late on Tuesday": ("DATE", "2023-08-01", "END"),
        "early on Wednesday": ("DATE", "2023-08-02", "START"),
    }
    # "early on" as an adverb of its own, with a comma, leaves the day alone
    assert mods("Early on, Tuesday looked calm.") == {"Tuesday": ("DATE", "2023-08-01", None)}
    # with its part of the day the expression stays the day (the project's DATE reading of "Friday night")
    assert mods("Late on Friday night the levee broke.") == {
        "Late on Friday night": ("DATE", "2023-07-28", "END")
    }


@pytest.mark.parametrize(
    ("sentence", "expression", "mod"),
    [
        ("The feud cost the valley its orchards over two decades.", "two decades", None),
        ("The firm will plant 40 trees on the hill over three years.", "three years", None),
        ("Mina, who over four decades built 90 bridges, retired.", "four decades", None),
        ("The siege lasted over a month.", "over a month", "MORE_THAN"),
        ("The shop closed over a year ago.", "over a year ago", "BEFORE"),
        ("The farm was sold over two years ago, the clerk said.", "over two years ago", "BEFORE"),
    ],
)
def test_over_after_a_clause_spreads_a_thing_across_the_time_and_stays_outside(
    sentence: str, expression: str, mod: str | None
) -> None:
    assert mods(sentence)[expression][2] == mod


def test_an_expression_without_a_modifier_has_no_mod() -> None:
    got = mods("The council met on Monday and will meet again in two weeks, as it did last year.")
    assert {m for _, _, m in got.values()} == {None}


def test_the_value_is_that_of_the_expression_without_its_modifier() -> None:
    got = mods("The pass stayed closed for nearly thirty years.")
    assert got["nearly thirty years"] == ("DURATION", "P30Y", "LESS_THAN")


@pytest.mark.parametrize(
    ("extent", "timex_type", "mod"),
    [
        # a point takes the point comparatives of the guideline's table
        ("more than a decade ago", "DATE", "BEFORE"),
        ("less than a year ago", "DATE", "AFTER"),
        ("at least a year ago", "DATE", "ON_OR_BEFORE"),
        ("no more than a year ago", "DATE", "ON_OR_AFTER"),
        ("about three years ago", "DATE", "APPROX"),
        ("post-1959", "DATE", "AFTER"),
        ("pre-1990", "DATE", "BEFORE"),
        ("the beginning of March", "DATE", "START"),
        ("the middle of the month", "DATE", "MID"),
        ("up to ten days", "DURATION", "EQUAL_OR_LESS"),
        # no mod: a comparative of a deictic period, a counted stretch, a set, a bare word
        ("later this evening", "TIME", None),
        ("the past six months", "DURATION", None),
        ("about every week", "SET", None),
        ("the turn of the century", "DATE", None),
        ("overnight", "TIME", None),
        ("Latest figures", "DATE", None),
        ("some days", "DURATION", None),  # "some" and "over" are quantifiers before a number only
        ("over the years", "DURATION", None),
    ],
)
def test_mod_of_an_extent(extent: str, timex_type: str, mod: str | None) -> None:
    assert timeml_mod(extent, timex_type) == mod


def test_every_mod_the_rules_give_is_a_timeml_value() -> None:
    from newsgraph.lexicons.timex import timex_rule_words

    words = timex_rule_words()
    given = {
        *words.timeml_quantifiers.values(),
        *words.timeml_positions.values(),
        *words.part_of_positions.values(),
        *words.prefix_positions.values(),
        *words.point_mods.values(),
    }
    assert given <= set(TIMEX_MODS)
    assert set(words.point_mods) == set(words.timeml_quantifiers.values())


def _document(timex: Timex) -> Document:
    text = "It rained for about five hours."
    return Document(id="d", text=text, sentences=((0, len(text)),), timexes=(timex,))


def test_mod_is_in_the_json_when_set_and_left_out_when_not() -> None:
    with_mod = _document(Timex(14, 30, "about five hours", "DURATION", "P5H", "APPROX")).to_dict()
    without = _document(Timex(20, 30, "five hours", "DURATION", "P5H")).to_dict()
    assert with_mod["timexes"][0]["mod"] == "APPROX"
    assert "mod" not in without["timexes"][0]
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    for data in (with_mod, without):
        jsonschema.validate(data, schema)
        assert Document.from_dict(json.loads(json.dumps(data))).to_dict() == data


def test_a_mod_outside_timeml_is_refused_by_the_reader_and_the_schema() -> None:
    data = _document(Timex(14, 30, "about five hours", "DURATION", "P5H", "APPROX")).to_dict()
    data["timexes"][0]["mod"] = "ROUGHLY"
    with pytest.raises(ContractError, match="mod"):
        Document.from_dict(data)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


@pytest.mark.parametrize(
    ("sentence", "expression", "typed"),
    [
        ("The orchard has shrunk over the past decade-plus.", "the past decade-plus", ("DURATION", "P10Y")),
        ("She taught at the school for 20-plus years.", "20-plus years", ("DURATION", "P20Y")),
        ("Patients waited 10-plus hours for a bed.", "10-plus hours", ("DURATION", "PT10H")),
        ("The bridge took a decade-plus to finish.", "a decade-plus", ("DURATION", "P10Y")),
    ],
)
def test_a_plus_suffix_is_inside_the_stretch_with_more_than(
    sentence: str, expression: str, typed: tuple[str, str]
) -> None:
    assert mods(sentence).get(expression) == (*typed, "MORE_THAN")


def test_a_plus_suffix_leaves_a_date_alone() -> None:
    # "last year-plus" is no stretch: the date is "last year", the suffix outside
    assert mods("Sales rose last year-plus, the chain said.").get("last year") == ("DATE", "2022", None)
