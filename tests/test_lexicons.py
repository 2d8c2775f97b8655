"""Each lexicon family is checked for shape and consistency (no model needed)."""

from __future__ import annotations

import pycountry
import pytest

from newsgraph import lexicons
from newsgraph.nlp.gazetteer import gazetteer_entries

SECTORS = {
    "GOV",
    "MIL",
    "REB",
    "IGO",
    "NGO",
    "MED",
    "BUS",
    "CVL",
    "LEG",
    "JUD",
    "COP",
    "SPY",
    "REL",
    "EDU",
    "PTY",
    "LAB",
    "REF",
}


def test_countries_have_valid_codes_and_unique_names() -> None:
    rows = lexicons.countries()
    assert len(rows) > 240
    codes = [c.iso3 for c in rows]
    assert len(codes) == len(set(codes))
    # GeoNames also lists Kosovo (XKX) and two retired ISO codes that old news still needs.
    known = {c.alpha_3 for c in pycountry.countries} | {c.alpha_3 for c in pycountry.historic_countries}
    known.add("XKX")
    assert set(codes) <= known
    names = [n for c in rows for n in (c.name, *c.aliases)]
    assert len(names) == len(set(names)), "a name may denote one country only"


@pytest.mark.parametrize(
    ("demonym", "code"), [("Nigerien", "NER"), ("Nigerian", "NGA"), ("Malian", "MLI"), ("American", "USA")]
)
def test_demonyms_map_to_their_country(demonym: str, code: str) -> None:
    assert lexicons.country_by_demonym()[demonym].iso3 == code


@pytest.mark.parametrize(("name", "code"), [("US", "USA"), ("U.S.", "USA"), ("UK", "GBR"), ("Niger", "NER")])
def test_short_forms(name: str, code: str) -> None:
    assert lexicons.country_by_name()[name].iso3 == code


def test_organisations_are_well_formed() -> None:
    codes = {c.iso3 for c in lexicons.countries()}
    for org in lexicons.organisations():
        assert org.type == "ORG", org
        assert org.country is None or org.country in codes, org
        assert org.sector is None or org.sector in SECTORS, org
        assert "the " not in org.aliases, org


def test_titles_have_known_sectors_and_roles() -> None:
    table = lexicons.titles()
    assert {"president", "ambassador", "spokesperson", "general"} <= set(table)
    for title in table.values():
        assert title.title == title.title.lower()
        assert title.sector is None or title.sector in SECTORS, title
        assert title.role in (None, "leader", "member", "represents", "spokesperson"), title


def test_sports_lexicon_kinds() -> None:
    rows = list(lexicons.read_tsv("sports.tsv", 2))
    assert rows and all(kind in ("sport", "verb") for _, kind in rows)


def test_gazetteer_entries_cover_every_family() -> None:
    kinds = {kb.split(":", 1)[0] for _, _, kb in gazetteer_entries()}
    assert kinds == {"country", "demonym", "capital", "nation", "org"}
    assert ("NIGER", "GPE", "country:NER") in gazetteer_entries()  # all-caps headline forms


@pytest.mark.parametrize(
    ("name", "sector"),
    [
        ("Sudanese Armed Forces", "MIL"),
        ("Ministry of Defence", "GOV"),
        ("Saudi Press Agency", "MED"),
        ("Kenya Police", "COP"),
        ("Acme Widgets", None),
    ],
)
def test_sector_from_an_organisation_name(name: str, sector: str | None) -> None:
    assert lexicons.sector_from_name(name) == sector


def test_org_sector_words_use_known_sectors() -> None:
    assert set(lexicons.org_sectors().values()) <= SECTORS


@pytest.mark.parametrize(
    ("name", "code"),
    [("Sudanese Armed Forces", "SDN"), ("Mali Presidency", "MLI"), ("Bank of England", None)],
)
def test_country_from_an_organisation_name(name: str, code: str | None) -> None:
    assert lexicons.country_from_name(name) == code


def test_nations_name_a_sovereign_state() -> None:
    codes = {c.iso3 for c in lexicons.countries()}
    nations = lexicons.nations()
    assert {"England", "Scotland", "Wales"} <= {n.name for n in nations}
    for n in nations:
        assert n.sovereign in codes, n
        assert n.name not in lexicons.country_by_name(), f"{n.name} is already a country"


@pytest.mark.parametrize(
    ("demonym", "plural"),
    [
        ("Palestinian", "Palestinians"),
        ("Israeli", "Israelis"),
        ("Serb", "Serbs"),
        ("Chinese", None),
        ("French", None),
        ("Swiss", None),
        ("Central African", None),
    ],
)
def test_plural_demonyms(demonym: str, plural: str | None) -> None:
    from newsgraph.nlp.gazetteer import plural_demonym

    assert plural_demonym(demonym) == plural
