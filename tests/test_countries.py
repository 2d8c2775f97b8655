"""A person's country from cues the text gives (stages/entities/countries.py): each rule on sentences
written for these tests, with the source it records, and the cases where nothing may be guessed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pytest
from people_support import person_country

from newsgraph.model import Document, Entity, Mention
from newsgraph.stages.entities.countries import congress_suffix, is_domestic_title, title_cue
from newsgraph.stages.entities.homes import place_countries
from newsgraph.stages.entities.place_countries import (
    as_written,
    home_country,
    namesakes_at_home,
    region_countries,
    region_in_name,
    shadowed_by_region,
)
from newsgraph.stages.entities.story_countries import filed_from_abroad, namesake_body_abroad


def person(doc: Document, name: str) -> Entity:
    return next(e for e in doc.entities if e.type == "PERSON" and e.name == name)


def test_title_cue_reads_offices_and_party_words() -> None:
    cue = title_cue("Taoiseach", "GOV")
    assert cue is not None and (cue.country, cue.source) == ("IRL", "office")
    cue = title_cue("Secretary of State", "GOV")
    assert cue is not None and (cue.country, cue.source) == ("USA", "office")
    cue = title_cue("Republican senator", "LEG")
    assert cue is not None and (cue.country, cue.source) == ("USA", "party")
    assert title_cue("Republican Guard commander", "MIL") is None  # a party word only in a political title
    # A title that names the party: Hong Kong, Japan and Northern Ireland have Democratic parties too
    assert title_cue("Democratic Party founder", "PTY") is None
    assert title_cue("Democratic Unionist Party leader", "PTY") is None
    assert title_cue("Foreign Minister", "GOV") is None
    # Brazil, Colombia, Peru, Mexico and the Philippines have congressmen too
    assert title_cue("Congressman", "LEG") is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Founder Li Wei, a former English teacher, said he hoped the firm would grow.", "Li Wei"),
        ("Maria Lopez, a Spanish teacher at the school, said the pupils were safe.", "Maria Lopez"),
    ],
)
def test_a_demonym_naming_the_language_a_person_teaches_is_not_their_country(
    extract: Callable[..., Document], text: str, name: str
) -> None:
    assert person(extract(text, "2014-09-19"), name).country is None
    # A demonym before another noun of the apposition is their country
    described = text.replace("English teacher", "English banker").replace("Spanish teacher", "Spanish nurse")
    assert person(extract(described, "2014-09-19"), name).country in ("GBR", "ESP")


def test_a_congressman_in_a_story_of_another_state_is_not_made_american(
    extract: Callable[..., Document],
) -> None:
    doc = extract(
        "SAO PAULO (Reuters) - Far-right congressman Ricardo Almeida was elected to lead the farm caucus "
        "on Sunday. U.S. President Donald Trump called Almeida to congratulate him.",
        "2018-10-28",
    )
    assert person(doc, "Ricardo Almeida").country == "BRA"
    doc = extract("WASHINGTON - Congressman Tom Keller said on Monday the bill would pass.", "2018-10-28")
    assert person(doc, "Tom Keller").country == "USA"


def test_congress_suffix_needs_a_us_state() -> None:
    text = "Sen. Carl Dunmore (D-Va.) said"
    cue = congress_suffix(text, len("Sen. Carl Dunmore"))
    assert cue is not None and (cue.country, cue.source) == ("USA", "region")
    assert congress_suffix("Carl Dunmore (R-Texas) said", len("Carl Dunmore")) is not None
    assert congress_suffix("Carl Dunmore (D-Zz.) said", len("Carl Dunmore")) is None
    assert congress_suffix("Carl Dunmore (AP) said", len("Carl Dunmore")) is None
    assert region_countries()["Vermont"] == "USA"


def test_a_region_shadows_a_country_in_a_name() -> None:
    assert shadowed_by_region("Georgia Bureau of Investigation", "GEO")
    assert not shadowed_by_region("Georgian Interior Ministry", "GEO")
    assert not shadowed_by_region("Kenya Television", "KEN")
    assert region_in_name("Texas Department of Public Safety") == "USA"
    assert region_in_name("Georgia Bureau of Investigation") is None  # the country or the state
    assert region_in_name("Kurdistan Workers' Party") is None  # not a US state
    assert region_in_name("BANK IN TROUBLE") is None  # a postal code is a word
    assert region_in_name("Kenya Television") is None


@pytest.mark.parametrize(
    ("text", "name", "country", "source"),
    [
        ("Vermont Sen. Ann Bolt spoke on Monday.", "Ann Bolt", "USA", "region"),
        ("On Monday, Sen. Carl Dunmore (D-Va.) disagreed with the plan.", "Carl Dunmore", "USA", "region"),
        ("Former Massachusetts Gov. Paul Dreyer said yes.", "Paul Dreyer", "USA", "region"),
        ("Republican senator Ed Kolb agreed with the plan.", "Ed Kolb", "USA", "party"),
        ("The bill was written by Sen. Ann Bolt of Vermont last year.", "Ann Bolt", "USA", "region"),
        ("Taoiseach Brian Doyle met the delegation.", "Brian Doyle", "IRL", "office"),
        ("They met Secretary of State Carl Heller on Friday.", "Carl Heller", "USA", "office"),
        ("Saudi businessman Omar Fadil was arrested.", "Omar Fadil", "SAU", "text"),
        ("Police escorted the Libyan, Sami Farid Nour, to the airport.", "Sami Farid Nour", "LBY", "text"),
        ("Kipchoge won, ahead of fellow Kenyan Amos Kiprop Tanui.", "Amos Kiprop Tanui", "KEN", "text"),
        ("Hungarian head of state Zoltan Vass signed the treaty.", "Zoltan Vass", "HUN", "text"),
        # The demonym before a title with "of" is what gives these two their country (the Hungarian
        # case above gets its country by another path too): without it Pontes would take the office
        # cue's country, Wrona none.
        ("Portuguese secretary of state Rui Pontes opened the bridge.", "Rui Pontes", "PRT", "text"),
        ("Polish chief of staff Jan Wrona met the press.", "Jan Wrona", "POL", "text"),
        (
            "Director of the U.S. Federal Bureau of Investigation (FBI) Dan Prater said so.",
            "Dan Prater",
            "USA",
            "org",
        ),
    ],
)
def test_cues_give_a_country_with_their_source(
    extract: Callable[..., Document], text: str, name: str, country: str, source: str
) -> None:
    e = person(extract(text, "2016-10-01"), name)
    assert (e.country, e.country_source) == (country, source)


DATELINED = "\n\nNAIROBI, Kenya (AP) _\n\n"


def test_home_country_reads_datelines() -> None:
    assert home_country(DATELINED + "Text.") == "KEN"
    assert home_country("\n\nWASHINGTON _\n\nThe") == "USA"
    assert home_country("Headline .\nBy Line\nMINSK 1996-08-30\nA") == "BLR"
    assert home_country("X\nIRVINE , Calif 1996-08-30\nNow") == "USA"
    assert home_country("\n\nJOHANNESBURG, August 7 (Xinhua) --\n\nText") == "ZAF"
    assert home_country("\n\nUNITED NATIONS (AP) _\n") is None  # no country's
    assert home_country("SOCCER - ROMANIA BEAT LITHUANIA\n") is None  # a headline, not a dateline
    assert home_country("The minister spoke in Nairobi.") is None


def test_a_dateline_qualified_by_a_nation_or_a_short_country_name() -> None:
    assert home_country("\n\nLEEDS, England (AP) _\n\nThe council met.") == "GBR"
    assert home_country("\n\nPERTH, Scotland (AP) _\n\nThe council met.") == "GBR"
    assert home_country("UTRECHT, Netherlands 1996-08-30\nThe council met.") == "NLD"  # "The Netherlands"


def test_a_dateline_city_with_namesakes_abroad_is_the_one_whose_country_the_story_names() -> None:
    # Hamilton: Canada's is the biggest, but New Zealand's and others' are too big to rule out by name.
    assert home_country("\n\nHAMILTON (AP) _\n\nThe council met on Monday.") is None
    assert home_country("\n\nHAMILTON (AP) _\n\nCanadian police met on Monday.") == "CAN"
    assert home_country("\n\nHAMILTON (AP) _\n\nPolice in New Zealand met on Monday.") == "NZL"
    # The biggest namesake wins among those the story names.
    assert home_country("\n\nHAMILTON (AP) _\n\nCanadian and New Zealand police met.") == "CAN"


def test_dateline_gives_officials_and_bodies_at_home(extract: Callable[..., Document]) -> None:
    doc = extract(
        DATELINED + "Trade Minister Joseph Obong met reporters on Monday. The Interior Ministry said "
        "nothing. Later, Foreign Minister Ali Demir of Turkey arrived. The visitor, Defense Minister "
        "Carl Heller, spoke of Germany.",
        "1998-08-26",
    )
    assert (person(doc, "Joseph Obong").country, person(doc, "Joseph Obong").country_source) == (
        "KEN",
        "dateline",
    )
    ministry = next(e for e in doc.entities if e.name == "Interior Ministry")
    assert (ministry.country, ministry.country_source) == ("KEN", "dateline")
    assert person(doc, "Ali Demir").country == "TUR"  # the text's own country wins
    assert person(doc, "Carl Heller").country is None  # introduced beside another country: no guess


def test_a_bureaus_story_of_another_country_gives_the_dateline_to_no_one(
    extract: Callable[..., Document],
) -> None:
    # Datelined in Kenya, told of Ethiopia: the party and the trade minister are not Kenyan.
    story = (
        "\n\nNAIROBI, Kenya (AP) _\n\nEthiopia's ruling party met in Addis Ababa on Monday. Prices rose "
        "in Ethiopia again, and Ethiopian farmers protested. The Unity Party will name a new leader. "
        "Trade Minister Abel Worku stayed away."
    )
    doc = extract(story, "1998-08-26")
    party = next(e for e in doc.entities if e.name == "Unity Party")
    assert party.country != "KEN" and person(doc, "Abel Worku").country != "KEN"
    # The same story told at home keeps the dateline's country for its minister.
    doc = extract(DATELINED + "Trade Minister Abel Worku stayed away, aides in Kenya said.", "1998-08-26")
    assert person(doc, "Abel Worku").country == "KEN"


def test_filed_from_abroad_needs_most_mentions_abroad_and_few_at_home() -> None:
    assert filed_from_abroad("KEN", Counter({"ETH": 4, "KEN": 1}))
    assert not filed_from_abroad("KEN", Counter({"ETH": 2, "KEN": 1}))  # too few to say
    assert not filed_from_abroad("KEN", Counter({"ETH": 4, "KEN": 3}))  # home is told too
    assert not filed_from_abroad("KEN", Counter({"ETH": 3, "TZA": 3, "KEN": 1}))  # no one country has most


def test_a_body_named_like_a_tables_body_abroad_is_a_namesake_where_that_state_goes_unnamed() -> None:
    force = ["Metropolitan Police"]
    assert namesake_body_abroad(force, "GBR", frozenset({"USA", "MEX"}), "USA")
    assert not namesake_body_abroad(force, "GBR", frozenset({"USA", "GBR"}), "USA")  # the state is named
    assert not namesake_body_abroad(force, "GBR", frozenset({"FRA"}), "GBR")  # datelined there
    assert not namesake_body_abroad(force, "GBR", frozenset(), None)  # a story naming no state at all
    # A name of its own written once is enough to keep the table's body.
    assert not namesake_body_abroad([*force, "Scotland Yard"], "GBR", frozenset({"USA"}), "USA")


def test_a_city_force_named_like_a_capitals_is_not_the_capitals(extract: Callable[..., Document]) -> None:
    story = (
        "\n\nDENVER (AP) _\n\nMetropolitan Police officers in Tulsa found the stolen trailer on Sunday, and "
        "its driver was caught near the Mexican border, a deputy said."
    )
    force = next(e for e in extract(story, "2001-05-14").entities if e.name == "Metropolitan Police")
    assert force.country != "GBR"


def _named(ident: str, text: str, name: str, kind: str, country: str | None = None) -> Entity:
    """An entity for every place in `text` where `name` is written (one sentence each, in order)."""
    starts, at = [], text.find(name)
    while at >= 0:
        starts.append(at)
        at = text.find(name, at + len(name))
    mentions = tuple(Mention(s, s + len(name), name, i) for i, s in enumerate(starts))
    return Entity(ident, name, kind, mentions, country=country)  # type: ignore[arg-type]


LOCAL = (
    "Lisbon Library Board met on Monday. Lisbon parents asked it to open on Sundays. "
    "A reader drove in from Watkinsville to speak."
)
LOCAL_PAPER = "https://www.example-valley-gazette.com/news/1.html"


def _local(text: str = LOCAL) -> tuple[Entity, ...]:
    return (
        _named("E1", text, "Lisbon Library Board", "ORG"),
        _named("E2", text, "Lisbon", "GPE", "PRT"),
        _named("E3", text, "Watkinsville", "GPE", "USA"),
    )


def test_a_local_papers_town_named_like_a_big_city_abroad_is_its_own_countrys_town() -> None:
    entities = _local()
    seen = namesakes_at_home(LOCAL, entities, LOCAL_PAPER)
    assert [e.country for e in seen] == [None, "USA", "USA"]
    read = place_countries(LOCAL, seen, LOCAL_PAPER)
    assert read[0].country == "USA"  # the body named after the town
    # The view is the actors' only: the place itself stays as the places stage wrote it.
    written = as_written(entities, seen, read)
    assert written[1] == entities[1] and written[0].country == "USA"


def test_a_town_stays_abroad_when_the_story_tells_of_that_country_or_is_datelined() -> None:
    told = LOCAL + " Portugal was not mentioned."
    assert namesakes_at_home(told, _local(told), LOCAL_PAPER)[1].country == "PRT"
    # No paper's country, or a dateline: the reading stands.
    assert namesakes_at_home(LOCAL, _local(), None)[1].country == "PRT"
    datelined = "LISBON (AP) _ " + LOCAL
    assert namesakes_at_home(datelined, _local(datelined), LOCAL_PAPER)[1].country == "PRT"
    # Named once, or with no other place of the paper's country beside it: a trip abroad, not home.
    once = LOCAL.replace("Lisbon parents", "Parents")
    assert namesakes_at_home(once, _local(once), LOCAL_PAPER)[1].country == "PRT"
    alone = _local()[:2]
    assert namesakes_at_home(LOCAL, alone, LOCAL_PAPER)[1].country == "PRT"


def test_a_unit_named_after_a_lexicon_body_of_one_state_takes_its_country(
    extract: Callable[..., Document],
) -> None:
    doc = extract(
        "Refugee numbers rose.\n\nThe State Department Visa Processing Unit said it would hire more "
        "staff. The House of Representatives Ethics Panel met too.",
        "2016-09-12",
    )
    country = {e.name: (e.country, e.country_source) for e in doc.entities if e.type == "ORG"}
    assert country["State Department Visa Processing Unit"] == ("USA", "org")
    # Many states have a House of Representatives: a legislature's name says no country.
    assert country["House of Representatives Ethics Panel"] == (None, None)


def test_a_local_papers_story_naming_no_place_is_at_the_papers_home() -> None:
    from newsgraph.stages.entities.story_homes import story_home

    text = "The township board voted on Tuesday to repave the lot behind the library."
    person = _named("E1", text, "township board", "ORG")
    home = story_home(text, (person,), LOCAL_PAPER)
    assert (home.country, home.local) == ("USA", True)
    assert story_home(text, (person,), None).country is None  # no paper, no home


def test_a_local_paper_named_after_its_town_keeps_the_town_at_home(extract: Callable[..., Document]) -> None:
    # No other place of the paper's country beside the town, but the paper's web address names it.
    alone = _local()[:2]
    assert namesakes_at_home(LOCAL, alone, "https://www.thelisbonjournal.com/news/1")[1].country == "USA"
    assert namesakes_at_home(LOCAL, alone, LOCAL_PAPER)[1].country == "PRT"
    text = (
        "Council weighs fire truck.\n\nThe Lisbon City Council met on Monday night. The fire chief, Dale "
        "Fenner, asked the council for a new pumper truck, and council member Ruth Oakes said Lisbon could "
        "afford it. Voters in Lisbon will decide in May."
    )
    for url, country in (("https://www.thelisbonjournal.com/news/1", "USA"), (LOCAL_PAPER, "PRT")):
        doc = extract(text, "2012-05-01", url=url)
        read = {e.name: e.country for e in doc.entities}
        assert read["Lisbon"] == read["Lisbon City Council"] == country  # the place too, not only actors


def test_a_town_read_as_a_small_namesake_at_home_is_the_big_city_the_storys_places_tell() -> None:
    # The paper's generic web ending reads "Lisbon" as a small town at home; the story names only a place
    # of the big city's country beside it.
    text = "Lisbon Library Board met on Monday. Lisbon parents asked it to open on Sundays, as in Porto."
    entities = (
        _named("E1", text, "Lisbon Library Board", "ORG"),
        _named("E2", text, "Lisbon", "GPE", "USA"),
        _named("E3", text, "Porto", "GPE", "PRT"),
    )
    assert namesakes_at_home(text, entities, LOCAL_PAPER)[1].country == "PRT"
    # A place of the paper's country beside it supports the reading at home.
    at_home = (*entities, _named("E4", text + " Watkinsville", "Watkinsville", "GPE", "USA"))
    assert namesakes_at_home(text + " Watkinsville", at_home, LOCAL_PAPER)[1].country == "USA"


def test_a_local_storys_unnamed_people_are_at_its_home(extract: Callable[..., Document]) -> None:
    doc = extract(
        "Two hurt in store robbery.\n\nA gunman robbed a grocery store in Muncie on Tuesday, and a store "
        "clerk was hurt, police said. Muncie police arrested the gunman an hour later.",
        "2012-05-01",
        url=LOCAL_PAPER,
    )
    country = {e.name: e.country for e in doc.entities}
    assert country["gunman"] == country["store clerk"] == "USA"  # people named by a role, as named ones
    assert country["police"] is None  # a group noun is left to the rules


def test_united_in_a_local_bodys_name_is_no_sign_of_many_states(extract: Callable[..., Document]) -> None:
    doc = extract(
        "Food bank opens.\n\nThe First United Methodist Church opened a food bank in Muncie on Saturday. "
        "A United Nations official, Mara Ellis, visited Muncie too. Muncie Mayor Dan Pruitt cut the ribbon.",
        "2012-05-01",
        url=LOCAL_PAPER,
    )
    country = {e.name: e.country for e in doc.entities if e.type == "ORG"}
    assert country["First United Methodist Church"] == "USA"  # the local paper's home
    assert country["United Nations"] is None  # "Nations" still says many states


def test_bodies_of_one_country_and_bodies_of_none(extract: Callable[..., Document]) -> None:
    doc = extract(
        "\n\nHAVANA (AP) --\n\nThe Justice Department said the boy must go back. The World Boxing Council "
        "met. The Communist Party agreed.",
        "2000-02-16",
    )
    country = {e.name: (e.country, e.country_source) for e in doc.entities if e.type == "ORG"}
    assert country["Justice Department"] == ("USA", "kb")  # a US federal department, not the dateline's
    assert country["World Boxing Council"] == (None, None)  # more than one state's
    assert country["Communist Party"] == ("CUB", "dateline")


@pytest.mark.model
def test_a_body_named_for_a_region_of_many_states_takes_no_home(extract: Callable[..., Document]) -> None:
    doc = extract(
        "\n\nQUITO, Ecuador (AP) _\n\nThe Inter-American Rowing Board met in Quito on Monday. The Oceania "
        "Chess League sent a letter. The Quito Rowing Club welcomed both.",
        "2015-03-02",
    )
    country = {e.name: e.country for e in doc.entities if e.type == "ORG"}
    assert country["Inter-American Rowing Board"] is None  # of the Americas' states, not the dateline's
    assert country["Oceania Chess League"] is None
    assert country["Quito Rowing Club"] == "ECU"


def test_a_party_named_by_the_word_after_it(extract: Callable[..., Document]) -> None:
    doc = extract(
        "\n\nDAR ES SALAAM, Tanzania (AP) _\n\nThe paper is owned by the ruling Chama Cha Wakulima party.",
        "1998-09-11",
    )
    # An invented party: the knowledge base knows the real ruling party (Chama Cha Mapinduzi, "kb").
    party = next(e for e in doc.entities if e.name == "Chama Cha Wakulima")
    assert (party.sector, party.country, party.country_source) == ("PTY", "TZA", "dateline")


def test_an_apposition_after_a_bodys_name_gives_its_country(extract: Callable[..., Document]) -> None:
    doc = extract(
        "Shares rose on Wednesday.\n\nKellgren Systems, a Swedish telecoms group, posted a loss. Quillon "
        "Pharmaceuticals Inc., a Texas-based drug maker, raised its forecast. Halvorsen Shipping ASA, an "
        "Oslo-based shipping company, cut routes. Marrow Tools, a rival of the Belgian group Dussart, lost "
        "ground. Brandt Motors AG, the supplier to a German carmaker, said sales fell. Baltrek Freight, a "
        "logistics firm in Gdansk, cut jobs.",
        "2024-03-05",
    )
    country = {e.name: e.country for e in doc.entities if e.type == "ORG"}
    assert country["Kellgren Systems"] == "SWE"
    assert country["Quillon Pharmaceuticals Inc."] == "USA"  # a state's seat is its country's
    assert country["Halvorsen Shipping ASA"] == "NOR"
    assert country["Baltrek Freight"] == "POL"  # where the trade is carried on
    # The demonym of another body further on is not the named body's.
    assert country["Marrow Tools"] is None
    assert country["Brandt Motors AG"] is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Iraq war veteran John Smith spoke at the rally.", "John Smith"),  # a place, not a demonym
        ("Trade Minister Joseph Obong arrived on Monday.", "Joseph Obong"),  # an office many countries have
        ("Sen. Carl Dunmore said the bill would pass.", "Carl Dunmore"),  # many countries have senators
        (
            DATELINED + "President Tom Lenz spoke on Monday.",
            "Tom Lenz",
        ),  # a visiting head is often unqualified
        (DATELINED + "Commerce Secretary Tom Lenz spoke on Monday.", "Tom Lenz"),  # US secretaries abroad
    ],
)
def test_no_cue_no_country(extract: Callable[..., Document], text: str, name: str) -> None:
    e = person(extract(text, "2016-10-01"), name)
    assert e.country is None and e.country_source is None


def test_a_body_offices_holder_may_take_a_storys_home_weighed_as_a_weak_candidate(
    extract: Callable[..., Document],
) -> None:
    story = (
        "KISUMU, Kenya — Rowers at the Dunga beach said on Monday that the regatta would go ahead. {} "
        "Tom Lenz said the course in Kisumu would open in June. Crews from Uganda have stopped coming."
    )
    e = person(extract(story.format("Race director"), "2024-05-06"), "Tom Lenz")
    assert (e.country, e.country_source) == ("KEN", "dateline")
    # A state's title held abroad as often as at home still keeps a story's home from its holder.
    assert person(extract(story.format("Trade Secretary"), "2024-05-06"), "Tom Lenz").country is None


@pytest.mark.model
def test_a_nationals_noun_before_a_name_gives_the_persons_country(extract: Callable[..., Document]) -> None:
    doc = extract(
        "The title went to the Spaniard Pablo Ortega, coached by the Englishman Ben Ryan.", "2016-10-01"
    )
    assert [
        (person(doc, n).country, person(doc, n).country_source) for n in ("Pablo Ortega", "Ben Ryan")
    ] == [
        ("ESP", "text"),
        ("GBR", "text"),
    ]
    # A person's name the model read with the noun before it is cut after the noun.
    doc = extract("Luc Moreau finished second, ahead of the Dutchwoman Anke de Vries.", "2016-10-01")
    assert (person(doc, "Anke de Vries").country, person(doc, "Anke de Vries").name) == (
        "NLD",
        "Anke de Vries",
    )


def test_a_demonym_that_opens_a_towns_name_is_the_town(extract: Callable[..., Document]) -> None:
    # "Spanish Town" is a Jamaican town, not a mention of Spain; "The Spanish Government" still names Spain.
    doc = extract("The label found its tapes in a warehouse in Spanish Town, said Marcia Kerr.", "2016-10-01")
    assert [(e.name, e.country) for e in doc.entities if e.is_place] == [("Spanish Town", "JAM")]
    doc = extract("The Spanish Government said on Monday it would act.", "2016-10-01")
    assert "ESP" in {e.country for e in doc.entities if e.is_place}


def test_a_ministers_portfolio_is_no_body_of_another_state(extract: Callable[..., Document]) -> None:
    # "Treasury" and "Mineral Resources" before "Minister" are the title's words; the knowledge base's
    # namesakes (the US Treasury, an Australian miner) must not lend the minister their countries.
    doc = extract(
        "BUENOS AIRES, May 8 - Treasury Minister Pablo Ferreyra said on Tuesday the government would cut"
        " spending.",
        "2018-05-08",
    )
    assert person(doc, "Pablo Ferreyra").country == "ARG"
    assert not [e.name for e in doc.entities if e.type == "ORG" and "Treasury" in e.name]
    doc = extract(
        "Mineral Resources Minister Thabo Nkosi told miners in Rustenburg that the charter would stand.",
        "2016-03-01",
    )
    assert person(doc, "Thabo Nkosi").country == "ZAF"


def test_a_hyphenated_word_between_a_demonym_and_a_name_is_one_word_of_the_description(
    extract: Callable[..., Document],
) -> None:
    e = person(extract("Kenyan long-distance runner Tom Lenz won on Sunday.", "2016-10-01"), "Tom Lenz")
    assert (e.country, e.country_source) == ("KEN", "text")


def test_a_plural_apposition_after_a_list_of_names_describes_each_of_them(
    extract: Callable[..., Document],
) -> None:
    doc = extract("The boys were found by Tom Lenz and Ivo Marsh, two British cave divers.", "2018-07-03")
    assert [person(doc, n).country for n in ("Tom Lenz", "Ivo Marsh")] == ["GBR", "GBR"]
    # One person's apposition is theirs alone.
    doc = extract("Tom Lenz and Ivo Marsh, a British cave diver, spoke.", "2018-07-03")
    assert [person(doc, n).country for n in ("Tom Lenz", "Ivo Marsh")] == [None, "GBR"]


def test_a_firms_chief_officer_and_a_federations_president_are_no_state_titles() -> None:
    from newsgraph import lexicons

    titles = lexicons.titles()
    assert titles["chief investment officer"].sector == "BUS"  # not the military's "officer"
    assert titles["federation president"].sector is None  # not a head of state


def test_a_commissioner_of_a_body_takes_its_country_and_a_county_commissioner_is_at_home(
    extract: Callable[..., Document],
) -> None:
    doc = extract(
        "Immigration and Naturalization Service Commissioner Dora Malvern told reporters on Friday that the "
        "request had been refused."
    )
    person = next(e for e in doc.entities if e.name == "Dora Malvern")
    assert (person.country, person.country_source) == ("USA", "org")
    assert is_domestic_title("County Commissioner") and not is_domestic_title("EU Commissioner")


def test_a_demonym_a_hyphen_ties_to_a_word_before_it_gives_no_country(
    extract: Callable[..., Document],
) -> None:
    doc = extract("The pro-Russian Oleg Marvenko spoke on Monday.", "2016-10-01")
    assert person(doc, "Oleg Marvenko").country is None


def test_an_embassy_is_never_its_host_countrys(extract: Callable[..., Document]) -> None:
    story = (
        "MANILA - Police arrested a man on Wednesday. The Korean Embassy in Manila said it was helping "
        "police."
    )
    embassy = next(e for e in extract(story, "2018-05-10").entities if e.name == "Korean Embassy")
    assert embassy.country != "PHL"  # "Korean" names no one state; Manila is where it stands, not whose it is
    story = "MANILA - The U.S. Embassy said on Wednesday it was helping police."
    embassy = next(e for e in extract(story, "2018-05-10").entities if "Embassy" in e.name)
    assert embassy.country == "USA"


@pytest.mark.model
def test_a_place_a_person_was_born_in_gives_them_no_country(extract: Callable[..., Document]) -> None:
    # "Canadian-born" says where the architect was born, told because he is now of another state
    born = extract(
        "The museum in Bilbao was designed by Tom Fielding, the Canadian-born architect based in Los Angeles."
    )
    assert person_country(born, "Tom Fielding") != ("CAN", "text")
    # a demonym alone in the same description says whose he is
    said = extract("Tom Fielding, a Canadian architect based in Los Angeles, designed the museum in Bilbao.")
    assert person_country(said, "Tom Fielding") == ("CAN", "text")
    # a country's name so joined, likewise
    bowler = extract("Jack Fielding, the Barbados-born fast bowler, took four wickets for England.")
    assert person_country(bowler, "Jack Fielding")[0] != "BRB"
