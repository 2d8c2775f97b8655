"""Players named by an initial and a surname in a sports story's results, and scores the parse cuts into
pieces (stages/entities/players.py, orgs._is_score). Result lines written for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from newsgraph import Document, extract
from newsgraph.nlp import DEFAULT_MODEL, load_nlp
from newsgraph.stages.entities.orgs import club_spans
from newsgraph.stages.entities.players import is_initialled, listed_players, side_bracket_players
from newsgraph.stages.entities.sides import country_named

pytestmark = pytest.mark.model

_SCORES = (
    "CRICKET - COUNTY CHAMPIONSHIP SCORES .\nLEEDS 2001-06-04\n"
    "Close of play scores on Friday :\n"
    "Harrowshire 83 and 174 ( P. Quennell 4-38 ) , Westshire 296 .\n"
    "Eastshire 195 , Northshire 429-7 ( C. Amberley 80 not out , T.O'Brannock 63 ; H. Pell 69 ) .\n"
)


def types(doc: Document) -> dict[str, str]:
    return {m.text: e.type for e in doc.entities for m in e.mentions if m.kind == "name"}


def test_initialled_names() -> None:
    assert is_initialled("P. Quennell") and is_initialled("T.O'Brannock") and is_initialled("A. Smith-Pell")
    assert not is_initialled("Quennell") and not is_initialled("W. Va.") and not is_initialled("U.S. Army")


def test_players_in_results_are_people() -> None:
    found = types(extract(_SCORES))
    for player in ("P. Quennell", "C. Amberley", "T.O'Brannock", "H. Pell"):
        assert found.get(player) == "PERSON", (player, found)


def test_a_score_cut_into_pieces_still_marks_its_club() -> None:
    found = types(extract(_SCORES))
    assert found.get("Northshire") == "ORG", found  # "429-7": three tokens to the parse
    assert found.get("Westshire") == "ORG", found


def test_outside_sports_stories_initials_are_left_to_the_model() -> None:
    doc = extract("The board met on Monday. J. Harrowby Holdings said it would appeal the ruling.")
    assert "J. Harrowby" not in types(doc)


def countries(doc: Document) -> dict[str, str | None]:
    return {e.name: e.country for e in doc.entities if e.type == "PERSON"}


def test_scorers_listed_after_their_national_side() -> None:
    doc = extract(
        "SOCCER - DRAW IN FRIENDLY .\nLISBON 2001-03-04\nPortugal drew 1-1 with Norway on Saturday .\n"
        "Scorers :\nPortugal - Tiago Quarenta ( 20th minute )\nNorway - Olav Brekkevik ( 75th ) , "
        "Per Stavsund ( 80th )\n"
    )
    found = countries(doc)
    assert found.get("Tiago Quarenta") == "PRT", found
    assert found.get("Olav Brekkevik") == "NOR" and found.get("Per Stavsund") == "NOR", found


def test_an_innings_under_its_side_and_the_bowlers_of_the_other() -> None:
    doc = extract(
        "CRICKET - ONE-DAY SCOREBOARD .\nLEEDS 2001-06-04\nScoreboard of the one-day match on Sunday :\n"
        "India\nR. Quarmby c Ellard b Tinsdale 40\nS. Vettaswamy not out 12\nTotal ( for 1 wicket ) 52\n"
        "Bowling : Tinsdale 6-0-20-1 , Ellard 5-0-31-0 .\nEngland\nP. Ellard b Quarmby 10\n"
    )
    found = countries(doc)
    assert found.get("R. Quarmby") == "IND" and found.get("S. Vettaswamy") == "IND", found
    assert found.get("P. Ellard") == "GBR", found


def test_only_a_country_heads_a_side_and_its_list_is_names() -> None:
    assert country_named("pakistan") == "PAK" and country_named("Netherlands") == "NLD"
    assert country_named("England") == "GBR" and country_named("Harrowby") is None
    text = (
        "Scorers :\nHarrowby - Tom Quennell ( 12th )\n"
        "Norway - Per Stavsund ( 80th ) , Ole de Brekk ( 72nd Ola Vik ) .\n"
    )
    assert [text[a:b] for a, b in listed_players(text)] == ["Per Stavsund", "Ole de Brekk", "Ola Vik"]


def test_players_named_before_their_country_in_brackets() -> None:
    doc = extract(
        "TENNIS - RESULTS FROM THE OPEN .\nLEEDS 2001-06-04\nResults on Friday :\n"
        "Anne-Lise Quorvath ( France ) beat 4 - Tova Brenneling ( Sweden ) 6-3 6-4\n"
    )
    found = countries(doc)
    assert found.get("Anne-Lise Quorvath") == "FRA" and found.get("Tova Brenneling") == "SWE", found


def test_a_table_row_the_model_reads_as_a_time_still_marks_its_club() -> None:
    doc = load_nlp(DEFAULT_MODEL)("Standings :\nHarrowby 3 1 1 1 5 4 4\nKelso Rovers 3 0 1 2 1 3 1\n")
    figures = [t.i for t in doc if t.text == "3" and doc[t.i - 1].text in ("Harrowby", "Rovers")]
    doc.ents = [Span(doc, i, i + 2, label="TIME") for i in figures]  # as the model tagged a real table
    assert {doc[a:b].text for a, b in club_spans(doc)} == {"Harrowby", "Kelso Rovers"}


def test_a_players_country_in_brackets_after_the_name_is_read_from_the_text() -> None:
    doc = extract(
        "TENNIS - RESULTS FROM THE OPEN .\nLEEDS 2001-06-04\nResults on Friday :\n"
        "Anne Quorvath ( France ) beat Ines Gorrovich ( Argentina ) 4-6 6-2 6-1\n"
        "4 - Goran Ivanovic ( Croatia ) beat Scott Drapley ( Australia ) 6-7 6-3\n"
        "Mark Phillipson ( Australia ) beat Andrei Olvik ( Russia ) 6-3 6-4 6-2\n"
    )
    found = {e.name: (e.country, e.country_source) for e in doc.entities if e.type == "PERSON"}
    assert found.get("Mark Phillipson") == ("AUS", "text"), found  # not the story's most named country


def test_players_listed_in_brackets_after_their_national_side() -> None:
    text = (
        "CYCLING - TRACK CHAMPIONSHIP RESULTS .\nVALENCIA 2001-06-04\nResults on Sunday :\n"
        "Team pursuit : Veldia ( Ada Rossi , Marco Bellini ) 4:00.958 beat Russia ( Ivan Petrov , "
        "Oleg Smirnov , Pavel Orlov ) 4:06.534 .\nFrance ( Paul Girard , Henri Dubois ) beat Germany ( Jan "
        "Vogel and Kurt Lang ) .\nSpain ( 3 ) beat Chile ( Ana Ruiz ) ."
    )
    found = [text[a:b] for a, b in side_bracket_players(text)]
    # Veldia is no country; one name alone in brackets, or a figure, is no list.
    assert found == [
        "Ivan Petrov",
        "Oleg Smirnov",
        "Pavel Orlov",
        "Paul Girard",
        "Henri Dubois",
        "Jan Vogel",
        "Kurt Lang",
    ]
    doc = extract(text)
    countries = {e.name: e.country for e in doc.entities if e.type == "PERSON"}
    assert {countries.get(n) for n in ("Ivan Petrov", "Oleg Smirnov", "Pavel Orlov")} == {"RUS"}
    assert (countries.get("Henri Dubois"), countries.get("Jan Vogel")) == ("FRA", "DEU")
