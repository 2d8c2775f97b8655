"""Entities linked to the actor knowledge base: the choice between candidates on small knowledge bases
built here (no model), then the whole stage on sentences written for these tests (spaCy model), with
the sources of country and sector, and a user's --actors file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from clirun import newsgraph

from newsgraph import extract
from newsgraph.errors import ConfigError
from newsgraph.kb import ActorKB
from newsgraph.model import Document, Entity
from newsgraph.pipeline import ExtractOptions, get_pipeline
from newsgraph.stages.entities.cluster import Cluster
from newsgraph.stages.entities.kb_link import link_cluster
from newsgraph.stages.entities.mentions import Candidate

HEADER = ("id", "name", "aliases", "type", "country", "sector", "role", "start", "end")


def rows(*lines: str) -> list[dict[str, str]]:
    return [dict(zip(HEADER, line.split(";"), strict=True)) for line in lines]


def curated(*lines: str) -> ActorKB:
    """A knowledge base of these curated rows only."""
    return ActorKB.from_rows(curated=rows(*lines))


KB = ActorKB.from_rows(
    curated=rows(
        "cur:ANNA;Anna Berg;;PERSON;SWE;GOV;head_of_government;2010-01-01;2014-12-31",
        "cur:ANNA;Anna Berg;;PERSON;SWE;GOV;foreign_minister;2015-01-01;",
        "cur:OLAF;Olaf Berg;;PERSON;NOR;GOV;head_of_state;2001-01-01;2009-12-31",
        "cur:FRONT;Northern Front;NF;ORG;XKX;REB;armed_group;;",
        "cur:VOLT;Volt Union;Volt;ORG;NLD;PTY;party;;",
    ),
    phoenix=rows(
        "phx:KARL_DALE;Karl Dale;;PERSON;DNK;ELI;;;",
        "phx:PIA_DALE;Pia Dale;;PERSON;FIN;GOV;;;",
        "phx:TOM_LUND;Tom Lund;;PERSON;ISL;GOV;;;",
        "phx:NORDIC_ARMED_FORCES;Nordic Armed Forces;Fort Halden|NAF;ORG;NOR;MIL;;;",
    ),
)


def cluster(kind: str, *names: str) -> Cluster:
    c = Cluster(kind)
    for i, name in enumerate(names):
        c.add(Candidate(i * 20, i * 20 + len(name), name, kind, "name", None, i, i + 1, 0))
    return c


def linked(c: Cluster, on: str | None = None, country: str | None = None, sector: str | None = None) -> str:
    link = link_cluster(c, KB, on, country, sector)
    return (link.kb_id or "") if link else ""


def test_full_name_links_with_the_role_of_the_day() -> None:
    link = link_cluster(cluster("PERSON", "Anna Berg", "Berg"), KB, "2012-06-01", None, None)
    assert link is not None and (link.kb_id, link.country, link.sector) == ("cur:ANNA", "SWE", "GOV")


def test_a_full_name_the_kb_lacks_is_not_linked_by_its_surname() -> None:
    assert linked(cluster("PERSON", "Erik Berg", "Berg"), "2012-06-01") == ""


def test_bare_surname_of_two_people_links_to_the_one_in_office_that_day() -> None:
    assert linked(cluster("PERSON", "Berg"), "2005-03-01") == "cur:OLAF"
    assert linked(cluster("PERSON", "Berg"), "2016-03-01") == "cur:ANNA"


def test_text_country_picks_between_namesakes_and_rules_out_the_others() -> None:
    assert linked(cluster("PERSON", "Berg"), "2030-01-01") == "cur:ANNA"  # latest role held, dated
    assert linked(cluster("PERSON", "Berg"), None, country="NOR") == "cur:OLAF"
    assert linked(cluster("PERSON", "Berg"), None, country="DEU") == ""


def test_undated_namesakes_stay_unresolved_unless_the_text_tells_them_apart() -> None:
    assert linked(cluster("PERSON", "Dale")) == ""
    assert linked(cluster("PERSON", "Dale"), sector="GOV") == "phx:PIA_DALE"


def test_a_lone_phoenix_surname_needs_the_text_to_agree() -> None:
    assert linked(cluster("PERSON", "Lund")) == ""
    assert linked(cluster("PERSON", "Lund"), country="ISL") == "phx:TOM_LUND"
    assert linked(cluster("PERSON", "Tom Lund", "Lund")) == "phx:TOM_LUND"


def test_one_ordinary_word_links_only_to_a_body_of_a_country_the_document_names() -> None:
    volt = cluster("ORG", "Volt")
    assert link_cluster(volt, KB, None, None, None, frozenset({"DEU"})) is None
    found = link_cluster(volt, KB, None, None, None, frozenset({"NLD"}))
    assert found is not None and found.kb_id == "cur:VOLT"
    assert linked(cluster("ORG", "Volt Union")) == "cur:VOLT"


def test_a_phoenix_group_of_bodies_gives_country_and_sector_but_not_its_id() -> None:
    fort = link_cluster(cluster("ORG", "Fort Halden"), KB, None, None, None)
    assert fort is not None and (fort.kb_id, fort.country, fort.sector) == (None, "NOR", "MIL")
    assert linked(cluster("ORG", "NAF")) == "phx:NORDIC_ARMED_FORCES"
    assert linked(cluster("ORG", "Nordic Armed Forces")) == "phx:NORDIC_ARMED_FORCES"


def test_organisations_by_name_or_acronym_and_types_kept_apart() -> None:
    assert linked(cluster("ORG", "NF")) == "cur:FRONT"
    assert linked(cluster("PERSON", "Northern Front")) == ""
    assert linked(cluster("GPE", "Anna Berg")) == ""


def test_an_acronym_links_only_an_entry_of_the_name_it_spells() -> None:
    kb = curated(
        "cur:NEC;NEC Corporation;NEC|Nippon Electric Company;ORG;JPN;BUS;;;",
        "cur:APC;All Progressives Congress;APC;ORG;NGA;PTY;party;;",
        "cur:LTTE;Liberation Tigers of Tamil Eelam;LTTE;ORG;LKA;REB;armed_group;;",
    )

    def link(*names: str) -> str:
        found = link_cluster(cluster("ORG", *names), kb, None, None, None)
        return (found.kb_id or "") if found else ""

    # "National Electoral Commission (NEC)": the entry the initials name is another body
    assert link("National Electoral Commission", "NEC") == ""
    assert link("All People's Congress", "APC") == ""
    # the name it spells, a letter misspelt: the same body
    assert link("Liberation Tigers of Tamil Ealam", "LTTE") == "cur:LTTE"
    # an acronym alone still links
    assert link("APC") == "cur:APC"


def test_a_full_name_without_its_middle_name_links_when_the_story_names_the_country() -> None:
    kb = ActorKB.from_rows(
        phoenix=rows(
            "phx:ENELE;Enele Sosene Sopoaga;;PERSON;TUV;GOV;;;",
            "phx:HAMED_A;Ibrahim Ahmed Hamed;;PERSON;SDN;GOV;;;",
            "phx:ALI_1;Ali Hassan Mohamed;;PERSON;SOM;GOV;;;",
            "phx:ALI_2;Omar Mohamed;;PERSON;SOM;GOV;;;",
            "phx:ALI_3;Said Mohamed;;PERSON;SOM;GOV;;;",
            "phx:ALI_4;Abdi Mohamed;;PERSON;SOM;GOV;;;",
            "phx:ALDANA;Carlos Humberto Aldana Villanueva;;PERSON;GTM;GOV;;;",
        )
    )
    assert [(m.actor.id, m.how) for m in kb.lookup("Enele Sopoaga")] == [("phx:ENELE", "outer")]
    # a surname many of the knowledge base's people bear finds no one so
    assert kb.lookup("Ali Mohamed") == []

    def link(name: str, mentioned: frozenset[str]) -> str:
        found = link_cluster(cluster("PERSON", name), kb, None, None, None, mentioned)
        return (found.kb_id or "") if found else ""

    assert link("Enele Sopoaga", frozenset({"TUV"})) == "phx:ENELE"
    # another man may bear the first and last names of a Sudanese minister: not in a story of Gaza
    assert link("Ibrahim Hamed", frozenset({"PSE", "ISR"})) == ""
    # of four words, the last is a second surname: a Peruvian "Carlos Villanueva" is no Guatemalan Aldana
    assert kb.lookup("Carlos Villanueva") == []
    found = link_cluster(cluster("PERSON", "Carlos Villanueva"), kb, None, None, "GOV", frozenset({"PER"}))
    assert found is None or found.kb_id is None


# ------------------------------------------------------------------------------- the stage (spaCy model)


def entity(doc: Document, name: str) -> Entity:
    found = [e for e in doc.entities if name in e.aliases or e.name == name]
    assert len(found) == 1, f"{name!r}: {[e.name for e in doc.entities]}"
    return found[0]


@pytest.mark.model
def test_kb_fills_what_the_text_leaves_and_says_so() -> None:
    doc = extract(
        "Vladimir Putin met Recep Tayyip Erdogan in Sochi on Tuesday. Putin said the talks went well.",
        published="2019-09-17",
    )
    putin = entity(doc, "Vladimir Putin")
    assert (putin.country, putin.country_source, putin.sector_source) == ("RUS", "kb", "kb")
    assert putin.kb_id == "cur:VLADIMIR_PUTIN"
    assert entity(doc, "Recep Tayyip Erdogan").country == "TUR"
    sochi = entity(doc, "Sochi")
    assert sochi.country_source == "text" and sochi.kb_id is None


@pytest.mark.model
def test_the_text_wins_over_the_kb() -> None:
    doc = extract("Brazil's ambassador, Vladimir Putin, a namesake, spoke in Lisbon.", published="2019-01-01")
    person = entity(doc, "Vladimir Putin")
    assert person.country == "BRA" and person.country_source == "text"
    assert person.kb_id is None  # the text's country rules the Russian president out


@pytest.mark.model
def test_secretary_general_is_not_a_general() -> None:
    doc = extract("UN Secretary-General Antonio Guterres called for a ceasefire on Friday.")
    guterres = entity(doc, "Antonio Guterres")
    assert guterres.sector == "IGO"
    assert any("Secretary-General" in t for t in guterres.titles)
    assert "General" not in guterres.titles


ACTORS = (
    "# my own actors\n"
    "id\tname\taliases\ttype\tcountry\tsector\trole\tstart\tend\n"
    "me:MARA\tMara Quist\tQuist\tPERSON\tEST\tOPP\tleader\t2020-01-01\t\n"
)


@pytest.mark.model
def test_a_users_actors_file_is_read_over_the_shipped_one(tmp_path: Path) -> None:
    path = tmp_path / "actors.tsv"
    path.write_text(ACTORS, encoding="utf-8")
    pipeline = get_pipeline(ExtractOptions(actors=str(path)))
    from newsgraph.article import Article

    doc = pipeline.extract(
        Article.make("Mara Quist spoke in Tallinn. Quist said no.", published="2024-02-01")
    )
    quist = entity(doc, "Mara Quist")
    assert (quist.country, quist.sector, quist.kb_id, quist.country_source) == ("EST", "OPP", "me:MARA", "kb")


def test_a_missing_actors_file_is_refused_when_the_options_are_made(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="actors file"):
        ExtractOptions(actors=str(tmp_path / "none.tsv"))


def test_a_bad_actors_file_names_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "actors.tsv"
    path.write_text(ACTORS.replace("\tEST\t", "\tEstonia\t"), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"actors.tsv:3: country: 'Estonia' is not an ISO 3166"):
        ActorKB.check_file(path)


def test_the_command_refuses_a_bad_actors_file_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "actors.tsv"
    path.write_text(ACTORS.replace("\t2020-01-01\t", "\t2020-13-01\t"), encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Mara Quist spoke in Tallinn.", encoding="utf-8")
    done = newsgraph("extract", str(article), "--actors", str(path))
    assert done.returncode == 2, done.stderr
    assert "actors.tsv:3: start: '2020-13-01' is not an ISO date" in done.stderr
    assert done.stdout == ""


def test_bare_surname_of_a_namesake_abroad_out_of_office_needs_its_country_named() -> None:
    kb = ActorKB.from_rows(
        curated=rows("cur:TIM;Tim Vale;;PERSON;AUS;GOV;head_of_government;2013-01-01;2015-12-31"), phoenix=[]
    )
    vale = cluster("PERSON", "Vale")
    assert link_cluster(vale, kb, "2009-03-24", None, "JUD") is None  # a local "Attorney General Vale"
    assert link_cluster(vale, kb, "2009-03-24", None, "JUD", frozenset({"AUS"})) is not None
    assert link_cluster(vale, kb, "2014-03-24", None, None) is not None  # in office that day


def test_a_known_person_the_model_typed_as_a_place_or_body_is_that_person(
    extract: Callable[..., Document],
) -> None:
    doc = extract(
        "In Missouri the foreign ministers of three new members, Bronislaw Geremek for Poland, Janos "
        "Martonyi for Hungary and Jan Kavan for the Czech Republic, put their names to the papers. Kavan "
        "called it a day of joy.",
        "1999-03-13",
    )
    kavan = next(e for e in doc.entities if "Jan Kavan" in e.aliases)
    assert (kavan.type, kavan.country) == ("PERSON", "CZE")
    assert any(m.text == "Kavan" for m in kavan.mentions)  # the bare surname joins him


def test_a_body_whose_name_holds_a_body_word_is_not_retyped(extract: Callable[..., Document]) -> None:
    doc = extract("Shares of Kavan Holding Bank rose on Friday in Prague.", "1999-03-13")
    assert all(e.type != "PERSON" for e in doc.entities if "Bank" in e.name)


def test_a_phoenix_namesakes_old_role_abroad_is_no_link(extract: Callable[..., Document]) -> None:
    # Phoenix lists a Malawian "Mary Banda" (a role long past); a Zambian story naming no Malawi is not hers.
    doc = extract(
        "LUSAKA (Reuters) - A spokeswoman for Zambia Airways, Mary Banda, said flights to Lusaka resumed.",
        "1996-08-30",
    )
    person = next(e for e in doc.entities if e.name == "Mary Banda")
    assert person.kb_id is None and person.country != "MWI"


def test_a_known_person_typed_org_joins_the_person_the_story_names_by_surname() -> None:
    # "Donald J. Trump" tagged ORG, "Trump" PERSON: one person (misfiled people join first), not two.
    from newsgraph.kb import load_kb
    from newsgraph.stages.entities.grouping import group_mentions, merge_misfiled_people
    from newsgraph.stages.entities.kb_retype import retype_known_people

    mentions = [
        Candidate(0, 15, "Donald J. Trump", "ORG", "name", None, 0, 3, 0),
        Candidate(40, 45, "Trump", "PERSON", "name", None, 8, 9, 1),
        Candidate(80, 85, "Trump", "PERSON", "name", None, 16, 17, 2),
    ]
    clusters = merge_misfiled_people(group_mentions(mentions))
    clusters = merge_misfiled_people(retype_known_people(clusters, load_kb(), "2016-09-19"))
    assert [c.type for c in clusters] == ["PERSON"]
    assert len(clusters[0].mentions) == 3


def test_a_given_name_spelt_one_letter_apart_links_by_the_surname() -> None:
    kb = curated(
        "cur:RADOVAN;Radovan Kessler;;PERSON;SVN;GOV;head_of_government;2001-01-01;",
        "cur:ANNA_LIND;Anna Lindqvist;;PERSON;SWE;GOV;foreign_minister;2001-01-01;",
    )
    found = link_cluster(cluster("PERSON", "Radowan Kessler", "Kessler"), kb, "2005-01-01", None, None)
    assert found is not None and (found.kb_id, found.country) == ("cur:RADOVAN", "SVN")
    # A short given name one letter away is another name; two letters away, another person.
    assert link_cluster(cluster("PERSON", "Anja Lindqvist"), kb, "2005-01-01", None, None) is None
    assert link_cluster(cluster("PERSON", "Radomir Kessler"), kb, "2005-01-01", None, None) is None
    # The text's own country still rules a namesake out.
    assert link_cluster(cluster("PERSON", "Radowan Kessler"), kb, "2005-01-01", "AUT", None) is None
    # The rest of the name must be the entry's: a surname of particles is another ("Radowan von Kessler").
    assert link_cluster(cluster("PERSON", "Radowan von Kessler"), kb, "2005-01-01", None, None) is None


def test_namesakes_of_one_country_give_the_country_but_no_id() -> None:
    """Two people of one country answer to the whole name and an undated article cannot pick one: the
    country is sure, who it is is not. Namesakes of two countries, or a bare surname, give nothing."""
    kb = curated(
        "cur:ELDER;Jon Vik;;PERSON;NOR;GOV;head_of_state;1990-01-01;1995-12-31",
        "cur:YOUNGER;Jon Vik;;PERSON;NOR;GOV;head_of_state;2005-01-01;2009-12-31",
        "cur:DANE;Ole Falk;;PERSON;DNK;GOV;foreign_minister;1990-01-01;1995-12-31",
        "cur:SWEDE;Ole Falk;;PERSON;SWE;GOV;foreign_minister;2005-01-01;2009-12-31",
    )
    link = link_cluster(cluster("PERSON", "Jon Vik"), kb, None, None, None)
    assert link is not None and (link.kb_id, link.country, link.sector) == (None, "NOR", "GOV")
    dated = link_cluster(cluster("PERSON", "Jon Vik"), kb, "1992-03-01", None, None)
    assert dated is not None and dated.kb_id == "cur:ELDER"
    assert link_cluster(cluster("PERSON", "Jon Vik"), kb, None, "SWE", None) is None
    assert link_cluster(cluster("PERSON", "Ole Falk"), kb, None, None, None) is None
    assert link_cluster(cluster("PERSON", "Vik"), kb, None, None, None) is None


def test_namesakes_in_office_the_same_day_are_told_apart_by_the_country_the_story_names() -> None:
    kb = curated(
        "cur:IVO;Ivo Marten;;PERSON;HRV;GOV;head_of_state;2001-01-01;",
        "cur:LUC;Luc Marten;;PERSON;BEL;GOV;foreign_minister;2003-01-01;",
    )
    marten = cluster("PERSON", "Marten")
    assert link_cluster(marten, kb, "2006-05-01", None, None) is None  # two in office, nothing said
    found = link_cluster(marten, kb, "2006-05-01", None, None, frozenset({"BEL", "FRA"}))
    assert found is not None and found.kb_id == "cur:LUC"
    # Both countries named: still two.
    assert link_cluster(marten, kb, "2006-05-01", None, None, frozenset({"BEL", "HRV"})) is None


def test_a_name_many_states_bodies_bear_links_only_to_a_state_the_story_names() -> None:
    kb = curated(
        "cur:LAB;Labor Party;;ORG;AUS;PTY;party;;",
        "cur:TIDE;Tidewater Front;;ORG;NZL;PTY;party;;",
    )
    labor = cluster("ORG", "Labor Party")
    assert link_cluster(labor, kb, None, None, None, frozenset({"ISR", "USA"})) is None
    found = link_cluster(labor, kb, None, None, None, frozenset({"AUS", "NZL"}))
    assert found is not None and found.country == "AUS"
    # A story naming no state at all: none either (the name is any state's party); a name of its own
    # keeps the link anywhere.
    assert link_cluster(labor, kb, None, None, None, frozenset()) is None
    tide = link_cluster(cluster("ORG", "Tidewater Front"), kb, None, None, None, frozenset({"ISR"}))
    assert tide is not None and tide.country == "NZL"


def test_names_joined_by_a_hyphen_are_no_word_many_states_bodies_bear() -> None:
    # "Trek-Segafredo" is two names glued, not an ordinary word like "Labor": it keeps its link in a story
    # naming no state. A hyphenated name of shared words stays any state's.
    kb = curated(
        "cur:TREK;Lidl-Trek;Trek-Segafredo;ORG;USA;CVL;club;;",
        "cur:SD;Social-Democratic Party;Social-Democrats;ORG;DEU;PTY;party;;",
    )
    found = link_cluster(cluster("ORG", "Trek-Segafredo"), kb, None, None, None, frozenset())
    assert found is not None and found.country == "USA"
    assert link_cluster(cluster("ORG", "Social-Democrats"), kb, None, None, None, frozenset({"GBR"})) is None


def test_a_town_a_country_entry_lists_among_its_names_gives_a_person_or_body_no_country() -> None:
    kb = ActorKB.from_rows(phoenix=rows("phx:ICELAND;Iceland;Akureyri|Icelandic;;ISL;;;;"))
    assert link_cluster(cluster("PERSON", "Akureyri"), kb, None, None, None) is None
    assert link_cluster(cluster("ORG", "Akureyri"), kb, None, None, None) is None
    found = link_cluster(cluster("ORG", "Iceland"), kb, None, None, None, frozenset({"ISL"}))  # its own name
    assert found is not None and found.country == "ISL"


def test_a_bare_surname_of_one_of_many_legislators_needs_the_text_or_the_country_named() -> None:
    # A senate has a hundred members, many of common surnames: "Holm" alone in a story naming another
    # country, or none, is not the legislator, nor is a titled "Sen. Holm" in a story naming another
    # country (its own senate's member); the country named, a title in a story naming none, or the full
    # name is.
    kb = curated(
        "cur:ROSA;Rosa Holm;;PERSON;CAN;LEG;legislator;2010-01-01;2020-01-01",
        "cur:PER;Per Holm;;PERSON;DNK;GOV;head_of_government;2001-01-01;2005-01-01",
        "cur:EDO;Edo Lark;;PERSON;CAN;GOV;governor;2012-01-01;",
    )
    holm, lark = cluster("PERSON", "Holm"), cluster("PERSON", "Lark")
    assert link_cluster(holm, kb, "2015-06-01", None, None, frozenset({"IRL"})) is None
    assert link_cluster(lark, kb, "2015-06-01", None, None) is None
    assert link_cluster(holm, kb, "2015-06-01", None, None) is None
    assert link_cluster(holm, kb, "2015-06-01", None, "LEG", frozenset({"IRL"})) is None
    titled = link_cluster(holm, kb, "2015-06-01", None, "LEG")
    assert titled is not None and titled.kb_id == "cur:ROSA"
    # A title of another sector ("Gen. Holm") backs no legislator.
    assert link_cluster(holm, kb, "2015-06-01", None, "MIL") is None
    named = link_cluster(holm, kb, "2015-06-01", None, None, frozenset({"CAN", "IRL"}))
    assert named is not None and named.kb_id == "cur:ROSA"
    full = link_cluster(cluster("PERSON", "Edo Lark", "Lark"), kb, "2015-06-01", None, None)
    assert full is not None and full.country == "CAN"
    # The full name of a namesake in a story about another country is not the governor either.
    edo = cluster("PERSON", "Edo Lark", "Lark")
    assert link_cluster(edo, kb, "2015-06-01", None, None, frozenset({"IRL"})) is None
    assert link_cluster(edo, kb, "2015-06-01", None, None, frozenset({"CAN", "IRL"})) is not None
    # Out of office that day, a bare surname is not the legislator even in a story naming the country.
    assert link_cluster(holm, kb, "2023-06-01", None, None, frozenset({"CAN"})) is None


def test_two_legislators_of_one_name_in_a_story_about_another_country_give_no_country() -> None:
    # Namesakes of one country give that country (test above), but not when each alone would be refused:
    # two senators sharing a common full name are no surer a match in a story naming only another country.
    kb = curated(
        "cur:VALE_A;Ned Vale;;PERSON;CAN;LEG;legislator;2010-01-01;",
        "cur:VALE_B;Ned Vale;;PERSON;CAN;LEG;legislator;2012-01-01;",
    )
    vale = cluster("PERSON", "Ned Vale", "Vale")
    assert link_cluster(vale, kb, "2015-06-01", None, None, frozenset({"IRL"})) is None
    named = link_cluster(vale, kb, "2015-06-01", None, None, frozenset({"CAN", "IRL"}))
    assert named is not None and (named.kb_id, named.country) == (None, "CAN")


# ----------------------------------------------------- name forms the knowledge base holds another way


def test_a_firms_one_word_name_links_in_a_story_naming_other_countries() -> None:
    # A party's one word needs its country named; a firm's brand is its own, wherever the story is.
    kb = curated(
        "cur:VOLTACOR;Voltacor;;ORG;BEL;BUS;;;",
        "cur:GREENS;Verdants;;ORG;BEL;PTY;party;;",
    )
    firm = link_cluster(cluster("ORG", "Voltacor"), kb, None, None, None, frozenset({"PRT", "ESP"}))
    assert firm is not None and (firm.kb_id, firm.country) == ("cur:VOLTACOR", "BEL")
    assert link_cluster(cluster("ORG", "Verdants"), kb, None, None, None, frozenset({"PRT"})) is None


def test_a_generational_suffix_the_kb_does_not_write_is_dropped() -> None:
    kb = curated("cur:NED;Ned Roe;;PERSON;CAN;GOV;head_of_government;2001-01-01;2006-01-01")
    found = link_cluster(cluster("PERSON", "Ned Roe Jr.", "Roe"), kb, "2003-01-01", None, None)
    assert found is not None and (found.kb_id, found.country) == ("cur:NED", "CAN")
    # A surname and a suffix alone ("Roe Jr.") may be the son of the one the knowledge base holds.
    assert link_cluster(cluster("PERSON", "Roe Jr."), kb, "2003-01-01", None, None) is None


def test_a_title_and_surname_the_kb_lists_as_a_name_link_a_bare_surname() -> None:
    # Phoenix writes some people with their title ("Sheikh Falak"); the text gives the title apart.
    kb = ActorKB.from_rows(phoenix=rows("phx:OMAR_FALAK;Sheikh Omar Falak;Sheikh Falak;PERSON;QAT;ELI;;;"))
    falak = cluster("PERSON", "Falak")
    assert link_cluster(falak, kb, None, None, None, frozenset({"QAT"})) is None  # a bare Phoenix surname
    found = link_cluster(falak, kb, None, None, None, frozenset({"QAT"}), ("Sheikh",))
    assert found is not None and (found.kb_id, found.country) == ("phx:OMAR_FALAK", "QAT")
    assert link_cluster(falak, kb, None, None, None, frozenset({"QAT"}), ("Mayor",)) is None


def test_a_title_and_a_full_name_the_kb_lists_as_a_name_link_too() -> None:
    # Phoenix writes "King Zog Ahmet"; the text "King Zog Ahmet opened ..." gives the title apart, and the
    # bare "Zog Ahmet" is an unsupported Phoenix surname.
    kb = ActorKB.from_rows(phoenix=rows("phx:ZOG_II;Zog Ahmet II;King Zog Ahmet;PERSON;ALB;GOV;;;"))
    zog = cluster("PERSON", "Zog Ahmet")
    found = link_cluster(zog, kb, None, None, None, frozenset(), ("King",))
    assert found is not None and (found.kb_id, found.country) == ("phx:ZOG_II", "ALB")
    assert link_cluster(zog, kb, None, None, None, frozenset(), ("Mayor",)) is None


def test_a_party_named_without_its_countrys_adjective_links_in_a_story_naming_that_country() -> None:
    kb = curated(
        "cur:NOR_HARBOUR;Norwegian Harbour Party;;ORG;NOR;PTY;party;;",
        "cur:SWE_HARBOUR;Swedish Harbour Party;;ORG;SWE;PTY;party;;",
        "cur:DNK_TIDE;Tide Union of Denmark;;ORG;DNK;PTY;party;;",
    )
    harbour = cluster("ORG", "Harbour Party")
    found = link_cluster(harbour, kb, None, None, None, frozenset({"NOR", "FIN"}))
    assert found is not None and (found.kb_id, found.country) == ("cur:NOR_HARBOUR", "NOR")
    # Namesakes of two countries the story names: neither; a story naming no country: none.
    assert link_cluster(harbour, kb, None, None, None, frozenset({"NOR", "SWE"})) is None
    assert link_cluster(harbour, kb, None, None, None, frozenset()) is None
    # The country the text gives the body counts as named.
    given = link_cluster(harbour, kb, None, "SWE", None, frozenset({"NOR"}))
    assert given is not None and given.kb_id == "cur:SWE_HARBOUR"


def test_an_acronym_is_read_as_the_initials_of_a_body_the_story_names_in_full() -> None:
    kb = curated(
        "cur:FTA;Finnish Tundra Authority;;ORG;FIN;GOV;government;;",
        "cur:GRID;Grid Office of Latvia;;ORG;LVA;GOV;government;;",
        "cur:GOLF;Green Orchard League Federation;GOL;ORG;EST;PTY;party;;",
    )
    fta, full = cluster("ORG", "FTA"), frozenset({"finnish tundra authority"})

    def link(c: Cluster, named: set[str], written: frozenset[str] = frozenset()) -> str | None:
        found = link_cluster(c, kb, None, None, None, frozenset(named), (), written)
        return found.kb_id if found else None

    assert link(fta, {"FIN", "SWE"}, full) == "cur:FTA"
    assert link(fta, {"FIN", "SWE"}) is None  # never named in full: many bodies share initials
    assert link(fta, {"SWE"}, full) is None  # not a country the story names
    # An acronym leaves out the small words ("GOL": the Grid Office of Latvia), unless the knowledge
    # base lists it as another body's name: then it is that body, not initials.
    assert link(cluster("ORG", "GOL"), {"LVA"}, frozenset({"grid office of latvia"})) == "cur:GOLF"
    kb = curated("cur:GRID;Grid Office of Latvia;;ORG;LVA;GOV;government;;")
    assert link(cluster("ORG", "GOL"), {"LVA"}, frozenset({"grid office of latvia"})) == "cur:GRID"


def test_a_body_called_by_a_clubs_everyday_name_links_to_the_club() -> None:
    kb = curated(
        "cur:KES;Kestrelby FC;;ORG;GBR;CVL;club;;",
        "cur:BAR1;FC Barcola;;ORG;ESP;CVL;club;;",
        "cur:BAR2;Barcola SC;;ORG;ECU;CVL;club;;",
    )
    found = link_cluster(cluster("ORG", "Kestrelby"), kb, None, None, None)
    assert found is not None and (found.kb_id, found.country) == ("cur:KES", "GBR")
    # Two clubs of one everyday name: the one of a country the story names, else neither
    assert link_cluster(cluster("ORG", "Barcola"), kb, None, None, None) is None
    found = link_cluster(cluster("ORG", "Barcola"), kb, None, None, None, frozenset({"ESP"}))
    assert found is not None and found.kb_id == "cur:BAR1"
    # The text's country wins; a person or a place of that name is no club
    assert link_cluster(cluster("ORG", "Kestrelby"), kb, None, "AUS", None) is None
    assert link_cluster(cluster("PERSON", "Kestrelby"), kb, None, None, None) is None


def mention(start: int, text: str, kind: str, sentence: int, kb: str | None = None) -> Candidate:
    return Candidate(start, start + len(text), text, kind, "name", kb, sentence, sentence + 1, sentence)


def retyped(kb: ActorKB, *mentions: Candidate) -> dict[str, str]:
    """Name -> type after retype_known_people, in a story that names New Zealand first."""
    from newsgraph.stages.entities.grouping import group_mentions
    from newsgraph.stages.entities.kb_retype import retype_known_people

    named = [mention(0, "New Zealand", "GPE", 0, "country:NZL"), *mentions]
    return {c.mentions[0].text: c.type for c in retype_known_people(group_mentions(named), kb, None)}


def test_a_party_the_model_typed_a_person_is_retyped_when_the_kb_knows_only_the_body() -> None:
    party = "cur:TIDE;Tidewave;;ORG;NZL;PTY;party;;"
    kb = curated(party)
    said = (mention(40, "Tidewave", "PERSON", 1), mention(90, "Tidewave", "PERSON", 3))
    assert retyped(kb, *said)["Tidewave"] == "ORG"
    assert retyped(kb, mention(40, "Kevin", "PERSON", 1))["Kevin"] == "PERSON"
    # A person of that surname in the knowledge base, or a story naming another country: no retyping.
    both = curated(party, "cur:ANNA;Anna Tidewave;;PERSON;AUS;GOV;foreign_minister;;")
    assert retyped(both, *said)["Tidewave"] == "PERSON"
    abroad = curated(party.replace("NZL", "FJI"))
    assert retyped(abroad, *said)["Tidewave"] == "PERSON"
    # A firm is often named after a person: only a party's one word makes a "person" a body.
    firm = curated("cur:TIDE;Tidewave;;ORG;NZL;BUS;;;")
    assert retyped(firm, *said)["Tidewave"] == "PERSON"


def test_a_name_of_several_words_the_model_typed_a_person_is_the_one_body_the_kb_knows_by_it() -> None:
    club = "cur:MS;Marula Suns;;ORG;ZAF;;;;"
    said = (mention(40, "Marula Suns", "PERSON", 1),)
    assert retyped(curated(club), *said)["Marula Suns"] == "ORG"
    # A person of that name too, a firm named after a given name, a name the kb lacks: no retyping.
    assert retyped(curated(club, "cur:P;Marula Suns;;PERSON;ZAF;;;;"), *said)["Marula Suns"] == "PERSON"
    firm = curated("cur:RL;Kevin Suns;;ORG;USA;BUS;;;")
    assert retyped(firm, mention(40, "Kevin Suns", "PERSON", 1))["Kevin Suns"] == "PERSON"
    assert retyped(curated(club), mention(40, "Marula Stars", "PERSON", 1))["Marula Stars"] == "PERSON"


def test_a_one_name_performer_or_player_the_model_typed_a_body_or_place_is_that_person() -> None:
    singer = "cur:ZV;Zorvanka;;PERSON;NZL;;;;"
    for kind in ("ORG", "GPE", "LOC"):
        assert retyped(curated(singer), mention(40, "Zorvanka", kind, 1))["Zorvanka"] == "PERSON"
    # A body of that name too, another person of that surname, a given name, a place: no retyping.
    firm = "cur:ZF;Zorvanka;;ORG;NZL;BUS;;;"
    assert retyped(curated(singer, firm), mention(40, "Zorvanka", "ORG", 1))["Zorvanka"] == "ORG"
    namesake = "cur:ZS;Tana Zorvanka;;PERSON;AUS;;;;"
    assert retyped(curated(singer, namesake), mention(40, "Zorvanka", "ORG", 1))["Zorvanka"] == "ORG"
    kevin = curated("cur:K;Kevin;;PERSON;NZL;;;;")
    assert retyped(kevin, mention(40, "Kevin", "ORG", 1))["Kevin"] == "ORG"
    auckland = curated("cur:A;Auckland;;PERSON;NZL;;;;")
    assert retyped(auckland, mention(40, "Auckland", "LOC", 1))["Auckland"] == "LOC"


def test_a_known_persons_full_name_the_model_typed_a_region_is_that_person() -> None:
    kb = curated("cur:TW;Tana Zorvanka;;PERSON;NZL;;;;", "cur:SC;Santa Cruz;;PERSON;BOL;;;;")
    assert retyped(kb, mention(40, "Tana Zorvanka", "LOC", 1))["Tana Zorvanka"] == "PERSON"
    assert retyped(kb, mention(40, "Santa Cruz", "LOC", 1))["Santa Cruz"] == "LOC"  # a gazetteer place


def test_an_acronym_the_model_typed_a_place_is_a_body_when_the_story_names_it_in_full() -> None:
    kb = curated("cur:NZPA;New Zealand Port Authority;;ORG;NZL;GOV;government;;")
    full = mention(30, "New Zealand Port Authority", "ORG", 1)
    assert retyped(kb, full, mention(90, "NZPA", "GPE", 3))["NZPA"] == "ORG"
    assert retyped(kb, mention(90, "NZPA", "GPE", 3))["NZPA"] == "GPE"  # never named in full


def test_a_place_no_gazetteer_place_bears_the_name_of_is_the_body_the_knowledge_base_knows() -> None:
    kb = curated(
        "cur:TAKA;Takarama Mills;;ORG;NZL;BUS;firm;;",
        "cur:AUCK;Auckland;;ORG;NZL;BUS;firm;;",
        "cur:VORN;Vornholt;;ORG;DEU;BUS;firm;;",
        "cur:VORN2;Vornholt;;PERSON;DEU;BUS;;;",
    )
    assert retyped(kb, mention(30, "Takarama Mills", "GPE", 1))["Takarama Mills"] == "ORG"
    # A name the gazetteer knows stays a place, and so does one the knowledge base also knows as a person
    assert retyped(kb, mention(30, "Auckland", "GPE", 1))["Auckland"] == "GPE"
    assert retyped(kb, mention(30, "Vornholt", "GPE", 1))["Vornholt"] == "GPE"


def test_a_known_brand_the_model_typed_a_place_is_that_body(extract: Callable[..., Document]) -> None:
    doc = extract("The factories near Dhaka supply brands such as H&M and Primark.", "2019-01-13")
    primark = next(e for e in doc.entities if e.name == "Primark")
    assert (primark.type, primark.country) == ("ORG", "IRL")


def test_an_acronym_of_the_bodys_own_long_name_links_only_to_what_it_abbreviates() -> None:
    kb = ActorKB.from_rows(
        notable=[
            {"id": "ntb:QV", "name": "OGC Quorv", "aliases": "Quorv", "type": "ORG", "country": "FRA"},
            {
                "id": "ntb:NVA",
                "name": "Northern Velt Alliance",
                "aliases": "NVA",
                "type": "ORG",
                "country": "NOR",
            },
        ],
        phoenix=[{"id": "phx:TRAX", "name": "Trax", "type": "ORG", "country": "SWE"}],
    )

    def link(*names: str) -> str:
        found = link_cluster(cluster("ORG", *names), kb, None, None, None)
        return (found.kb_id or "") if found else ""

    # "Queens United Organisation for Rural Volunteers (QUORV)": a body of its own, not the club "Quorv".
    assert link("Queens United Organisation for Rural Volunteers", "QUORV") == ""
    assert link("QUORV") == "ntb:QV"  # a dateline or headline in capitals: the club
    assert link("Northern Velt Alliance", "NVA") == "ntb:NVA"
    assert link("Tariff Reform Action Xchange", "TRAX") == "phx:TRAX"  # Phoenix writes no case
