"""The one dateline detector (nlp/datelines.py) that the places stage (dateline places) and the entities
stage (the story's home country; a dateline's place is a place) both read. Sentences written here."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph import Document, Entity
from newsgraph.nlp.datelines import find_datelines, lead_in_end
from newsgraph.stages.places.context import datelines


def _found(text: str) -> list[tuple[str, str | None, bool, str, bool]]:
    return [
        (text[d.start : d.end], d.qualifier, d.agency, d.delimiter, d.at_line_start)
        for d in find_datelines(text)
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("OSLO, Norway (AP) — The talks began.", [("OSLO", "Norway", True, "dash", True)]),
        ("\n\nLIMA _\n\nThe vote was close.", [("LIMA", None, False, "underscore", True)]),
        ("Markets slip\nGENEVA 2001-05-04\nShares fell.", [("GENEVA", None, False, "date", True)]),
        ("TOPEKA , Kan. 2001-05-04\nRain fell.", [("TOPEKA", "Kan.", False, "date", True)]),
        # A date's month is no qualifier: the place stands alone.
        ("CAIRO, March 3 (Reuters) -- Talks.", [("CAIRO", None, False, "date", True)]),
        ("BERN (Reuters) The council met.", [("BERN", None, True, "agency", True)]),
        ("TENNIS - SMITH WINS\n", [("TENNIS", None, False, "hyphen", True)]),
        # Accented capitals, and a colon at a line's start (South Asian papers).
        ("GORZÓW WIELKOPOLSKI, Poland — A court", [("GORZÓW WIELKOPOLSKI", "Poland", False, "dash", True)]),
        ("KARACHI: The court met.", [("KARACHI", None, False, "colon", True)]),
        ("The court met. UPDATE: more to come.", []),
        # After a headline run into the story, at a sentence start.
        ("The plan won. ELKTON — The council voted.", [("ELKTON", None, False, "dash", False)]),
        # Capitals in the middle of a sentence, or a hyphen with no space before it, are no dateline.
        ("Officials at NASA — the agency — spoke.", []),
        ("KIEV- The talks began.", []),
        ("Nothing like a dateline here - at all.", []),
    ],
)
def test_find_datelines_says_what_ends_each(
    text: str, found: list[tuple[str, str | None, bool, str, bool]]
) -> None:
    assert _found(text) == found


def test_find_datelines_looks_only_near_the_top() -> None:
    text = "x " * 400 + "\nDOVER — A late dateline."
    assert find_datelines(text) == []
    assert [text[d.start : d.end] for d in find_datelines(text, reach=len(text))] == ["DOVER"]


def test_places_take_dashed_datelines_and_dated_ones_on_their_own_line() -> None:
    text = "Rally ends. SALEM - Voters left.\nMore text. TROY 2001-05-04 was the day."
    # A dated place counts only at the start of a line ("BONN 1996-08-30"), not inside a sentence.
    assert [text[s:e] for s, e in datelines(text)] == ["SALEM"]
    dated = "Storm\nDOVER 2001-05-04\nRain."
    assert [dated[s:e] for s, e in datelines(dated)] == ["DOVER"]
    # An underscore or a bare agency is a home country's dateline, not (yet) a dateline place.
    assert datelines("\nLIMA _\nText") == []


@pytest.mark.parametrize(
    ("text", "story_starts_with"),
    [
        ("LUSAKA, March 4 (Reuters) - Zambia closed", "Zambia"),
        # the wires' abbreviated months, with and without a full stop
        ("LUSAKA, Aug 15 (Reuters) - Zambia voted", "Zambia"),
        ("LIMA, Sept. 3 (UPI) — Peru voted", "Peru"),
        ("OSLO, Norway (AP) — The talks began.", "The talks"),
        ("BERN (Reuters) The council met.", "The council"),
        ("QUITO, August 3, 2023 -- Voters queued.", "Voters"),
        ("HARARE - Prices rose.", "Prices"),
    ],
)
def test_lead_in_end_is_where_the_story_starts(text: str, story_starts_with: str) -> None:
    (dateline,) = find_datelines(text)
    assert text[lead_in_end(text, dateline) :].startswith(story_starts_with)


@pytest.mark.model
def test_a_datelines_place_is_a_place_whatever_the_model_typed_it(extract: Callable[..., Document]) -> None:
    # The model types this capitalised dateline an organisation (a club of the town is in the knowledge
    # base too): its mention is the town's, a place of the Netherlands.
    text = (
        "Boy rescued from canal .\nGRONINGEN , Netherlands 1996-08-30\nFiremen pulled a boy of six from a "
        "canal in the city centre late on Thursday, a spokesman for the fire brigade said ."
    )
    holder = _holder_of(extract(text), text.index("GRONINGEN"))
    assert (holder.type, holder.country) == ("GPE", "NLD")


@pytest.mark.model
def test_a_datelines_place_the_gazetteer_does_not_know_stays_a_place(
    extract: Callable[..., Document],
) -> None:
    # In capitals and unknown to the gazetteer, the village "TOFTIR" reads like a body's acronym; a
    # dateline says where.
    text = (
        "Ferry strike ends .\nTOFTIR , Faroe Islands 1996-08-30\nFerry crews went back to work on "
        "Friday once the island's unions took a pay offer ."
    )
    assert _holder_of(extract(text), text.index("TOFTIR")).type == "GPE"


def _holder_of(doc: Document, at: int) -> Entity:
    """The one entity with a mention starting at character `at`."""
    [holder] = [e for e in doc.entities if any(m.start == at for m in e.mentions)]
    return holder


@pytest.mark.model
def test_a_dateline_place_the_model_cut_short_is_the_datelines_whole_name(
    extract: Callable[..., Document],
) -> None:
    # The model tags "SAO" alone (as a body); the dateline's place is "SAO PAULO", which the gazetteer knows.
    doc = extract(
        "SAO PAULO (Reuters) - The meatpacker said on Wednesday that exports had doubled.", "2020-05-06"
    )
    place = next(e for e in doc.entities if e.type == "GPE" and e.mentions[0].start == 0)
    assert place.mentions[0].text == "SAO PAULO" and place.country == "BRA"


def test_a_hyphen_dateline_tells_a_sentence_from_a_headline_in_capitals() -> None:
    assert [d.then_sentence for d in find_datelines("ENNIS - The county council voted.")] == [True]
    assert [d.then_sentence for d in find_datelines("SOCCER - ROMANIA BEAT LITHUANIA\n")] == [False]


@pytest.mark.model
def test_the_story_home_reads_a_colon_dateline_of_a_big_city_not_a_speaker(
    extract: Callable[..., Document],
) -> None:
    doc = extract(
        "KARACHI: The city court on Monday jailed a shopkeeper, Asif Farooq, for fraud. His lawyer, "
        "Bilal Ahmed, said he would appeal."
    )
    assert entity_country(doc, "Bilal Ahmed") == "PAK"
    transcript = extract("CLINTON: I think we need a plan.\nTRUMP: We need jobs.")
    assert not [e for e in transcript.entities if e.is_place]


@pytest.mark.model
def test_the_story_home_reads_a_hyphen_dateline_before_a_sentence(extract: Callable[..., Document]) -> None:
    doc = extract(
        "OSNABRÜCK - Police on Monday arrested a local man, Jens Bauer, after a chase. Officer Karl "
        "Weber said Bauer had been drinking."
    )
    assert entity_country(doc, "Jens Bauer") == "DEU"


def entity_country(doc: Document, name: str) -> str | None:
    found: list[Entity] = [e for e in doc.entities if e.name == name]
    assert found, [e.name for e in doc.entities]
    return found[0].country
