"""Each lexicon family is checked for shape and consistency (no model needed)."""

from __future__ import annotations

from dataclasses import dataclass

import pycountry
import pytest

from newsgraph import lexicons
from newsgraph.errors import ConfigError
from newsgraph.lexicons import check, entities, events, places, quotes, timex
from newsgraph.lexicons.entities import entity_words
from newsgraph.lexicons.events import event_words, governor_words
from newsgraph.lexicons.quotes import quote_words
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


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("US", "USA"),
        ("U.S.", "USA"),
        ("UK", "GBR"),
        ("Niger", "NER"),
        ("NZ", "NZL"),
        ("KSA", "SAU"),
        ("Macau", "MAC"),
    ],
)
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
    rows = list(lexicons.read_table("sports.tsv", ("word", "kind")))
    assert rows and all(r["kind"] in ("sport", "verb", "table") for r in rows)


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
    [
        ("Sudanese Armed Forces", "SDN"),
        ("Mali Presidency", "MLI"),
        ("Bank of England", None),
        ("American Bar Association", "USA"),
        # A demonym of a region of many states, not of one state's people
        ("Organization of American States", None),
        ("Union of South American Nations", None),
        ("Latin American Studies Association", None),
        # ... or of two peoples joined ("Anglo American" is British and South African, not American)
        ("Anglo American Platinum", None),
        ("Pan American Health Organization", None),
        ("Sino Japanese Friendship Society", None),
    ],
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


# ---------------------------------------------------------------- headers: columns are read by name


@pytest.fixture
def fake_file(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    files: dict[str, str] = {}
    real = lexicons._text
    monkeypatch.setattr(lexicons, "_text", lambda name: files[name] if name in files else real(name))
    return files


def test_columns_are_read_by_header_name_in_any_order(fake_file: dict[str, str]) -> None:
    fake_file["t.tsv"] = "# why this list exists\nb\ta\n2\t1\n# a comment between rows\n\n4\n"
    rows = list(lexicons.read_table("t.tsv", ("a", "b")))
    assert [(r["a"], r["b"]) for r in rows] == [("1", "2"), ("", "4")]
    assert [r.line for r in rows] == [3, 6]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("# c\na\n1\n", "lexicons/t.tsv: line 2, column 'b': missing from the header"),
        ("a\tb\tc\n1\t2\t3\n", "lexicons/t.tsv: line 1, column 'c': unknown or repeated column"),
        ("a\tb\n1\t2\t3\n", "lexicons/t.tsv: line 2, column 3: more fields than the header names"),
        ("# only a comment\n", "lexicons/t.tsv: no header row"),
    ],
)
def test_bad_headers_and_rows_name_file_line_and_column(
    fake_file: dict[str, str], text: str, message: str
) -> None:
    fake_file["t.tsv"] = text
    with pytest.raises(ConfigError) as err:
        list(lexicons.read_table("t.tsv", ("a", "b")))
    assert str(err.value).startswith(message)


@pytest.mark.parametrize(
    ("name", "columns"),
    [
        ("countries.tsv", ("iso3", "name", "aliases", "demonyms", "capital", "geonameid", "continent")),
        ("places_centroids.tsv", ("iso3", "lat", "lon")),
        ("places_us_states.tsv", ("code", "name", "abbreviations", "lat", "lon")),
        ("places_regions.tsv", ("name", "aliases", "country", "lat", "lon", "kind", "demonyms")),
    ],
)
def test_geo_tables_have_their_headers(name: str, columns: tuple[str, ...]) -> None:
    # The gazetteer builder reads these through their typed readers: the header must name the columns.
    rows = list(lexicons.read_table(name, columns))
    assert rows and all(r[columns[0]] for r in rows)


# ---------------------------------------------------------------- word lists that used to sit in code


def test_word_lists_reject_unknown_lists_repeats_and_missing_lists(fake_file: dict[str, str]) -> None:
    @dataclass(frozen=True)
    class Two:
        a: frozenset[str]
        b: tuple[str, ...]

    fake_file["w.tsv"] = "list\tword\na\tx\nb\tz\nb\ty\n"
    assert lexicons.read_lists("w.tsv", Two) == Two(frozenset({"x"}), ("z", "y"))  # a tuple keeps file order
    for text, message in (
        ("list\tword\na\tx\nc\ty\n", "lexicons/w.tsv: line 3, column 'list': unknown list 'c'"),
        (
            "list\tword\na\tx\nb\ty\nb\ty\n",
            "lexicons/w.tsv: line 4, column 'word': 'y' is already in list 'b'",
        ),
        ("list\tword\na\tx\n", "lexicons/w.tsv: column 'list': no row for list 'b'"),
        ("list\tword\na\t\nb\ty\n", "lexicons/w.tsv: line 2, column 'word': empty"),
        ("word\tlist\tvalue\na\tx\n", "lexicons/w.tsv: line 1, column 'value': unknown or repeated column"),
    ):
        fake_file["w.tsv"] = text
        with pytest.raises(ConfigError) as err:
            lexicons.read_lists("w.tsv", Two)
        assert str(err.value).startswith(message), text


def test_word_list_values_are_typed(fake_file: dict[str, str]) -> None:
    @dataclass(frozen=True)
    class Valued:
        n: dict[str, int]
        s: frozenset[str]

    fake_file["v.tsv"] = "list\tword\tvalue\nn\tone\t1\nn\ttwo\t2\ns\tx\n"
    assert lexicons.read_lists("v.tsv", Valued) == Valued({"one": 1, "two": 2}, frozenset({"x"}))
    fake_file["v.tsv"] = "list\tword\tvalue\nn\tone\tone\ns\tx\n"
    with pytest.raises(ConfigError, match="line 2, column 'value': 'one' is not of type int"):
        lexicons.read_lists("v.tsv", Valued)


def test_entity_words() -> None:
    w = entity_words()
    assert {"militia", "faction"} <= w.group_nouns
    assert "ministry" in w.org_words and "ministry" in w.org_heads
    assert {"rebels", "police"} <= w.bare_actors and w.instruments <= w.bare_actors
    assert w.org_tails[:2] == ("group", "company")  # file order
    assert w.title_fillers == ("the", "a", "an", "now", "also", "currently")
    assert {"backed", "funded"} <= w.backing and "headquartered" in w.based
    assert "Open" in w.event_tails  # as written: the list is matched case-sensitively


def test_place_words_and_tables() -> None:
    w = places.place_words()
    assert {"in", "near"} <= w.place_preps and {"residents", "police"} <= w.place_nouns
    assert {"north", "metro"} <= w.qualifiers and "Wilderness" in w.nature_words
    assert {"January", "Sunday"} <= w.calendar and len(w.calendar) == 19
    assert w.named_place_words[:3] == ("County", "Parish", "Park")  # file order
    assert "ST." in w.abbreviations
    assert "Street" in places.street_words() and (".co.uk", "GBR") in places.home_suffixes()
    entries = {e.word: e for e in places.not_place_words()}
    assert entries["Stoppers"].type == "ORG" and len(entries) == len(places.not_place_words())
    assert places.centroids()["USA"] == (39.76, -98.5)
    states = {s.code: s for s in places.us_states()}
    assert (
        len(states) == len(places.us_states())
        and "DC" in states
        and states["CA"].abbreviations == ("Calif.", "Cal.")
    )
    regions = [r.name for r in places.regions()]
    assert "Sahel" in regions and len(regions) == len(set(regions))


def test_event_words() -> None:
    w = event_words()
    assert w.target_preps[:3] == ("to", "with", "against")  # file order
    assert {"vow", "pledge"} <= set(w.promises) and "protest" in w.protests
    assert "government" in w.state_bodies and "plan" in w.intent_nouns
    assert w.first_person == ("we", "i", "us") and w.light_verb_preps == ("on", "in", "into")
    assert {"of", "with"} <= w.control_preps and "by" not in w.control_preps  # "by storming": the subject's


def test_governor_words() -> None:
    w = governor_words()
    assert w.governor_class["stage"] == "agentive" and w.governor_class["witness"] == "perceive"
    assert w.governor_class["deplore"] == "judge" and w.governor_class["survive"] == "bear"
    assert "execution" in w.of_patient and "resignation" in w.of_actor and not (w.of_patient & w.of_actor)


def test_an_unknown_governor_class_is_a_config_error(fake_file: dict[str, str]) -> None:
    governor_words.cache_clear()
    fake_file["event_governors.tsv"] = (
        "list\tword\tvalue\ngovernor_class\tsee\tlook\nof_patient\tsale\t\nof_actor\triot\t\n"
    )
    try:
        with pytest.raises(ConfigError, match="unknown class 'look'"):
            governor_words()
    finally:
        governor_words.cache_clear()


def test_quote_words() -> None:
    w = quote_words()
    assert {"although", "whereas"} <= w.aside_marks and {"during", "amid"} <= w.occasion_preps
    assert w.occasion_preps <= w.setting_preps  # an occasion is a setting wherever it hangs
    assert {"the", "of", "vs"} <= w.headline_small_words and "so" in w.bare_objects


def test_timex_rule_words() -> None:
    w = timex.timex_rule_words()
    assert w.unit_codes["fortnight"] == "2W" and w.unit_codes["centurie"] == "100Y"
    assert w.part_codes["overnight"] == "NI" and w.ordinals["final"] == 4
    assert w.perfect_aux <= w.past_aux and not (w.past_aux & w.present_aux)
    assert w.undotted_months == {"may", "june", "july"} and "May" in w.ambiguous_months


def test_check_words() -> None:
    w = check.check_words()
    assert w.number_words["twelve"] == 12 and w.number_words["dozen"] == 12
    assert w.scales["billion"] == 1_000_000_000 and "several" in w.vague_amounts
    assert {"say", "report"} <= w.light_verbs


def test_tables_read_by_the_family_modules() -> None:
    tw = timex.time_words()
    assert tw.of("month")["january"] == "1" and timex.holidays()["New Year's Day"] == "fixed 01-01"
    assert timex.phrases()["now"] == ("DATE", "PRESENT_REF") and "will" in timex.cues()["future_aux"]
    assert quotes.cue_lexicon()["say"].kind == "speech" and "poll" in quotes.evidence_nouns()
    assert not (quotes.non_cues() & set(quotes.cue_lexicon()))
    entries = events.trigger_entries()["agree"]
    assert entries and all(e.role in events.ROLES for e in entries)
    assert events.context_cues()["army"] == "military" and "report" in events.cue_classes()["say"]
    # file order: the most specific cue first
    assert events.mode_cues()["ASSAULT"][0] == ("suicide", "suicide-attack")
    assert check.word_classes()["green"] == "colour" and "rise" in check.antonyms()["fall"]
    sports, verbs = entities.sports_words()
    assert "soccer" in sports and verbs and not (sports & verbs)
    assert "halftime" in entities.table_words() and not (entities.table_words() & (sports | verbs))


def test_small_states_and_a_nationals_noun_are_demonyms_not_given_names() -> None:
    by_demonym = lexicons.country_by_demonym()
    assert by_demonym["Tongan"].iso3 == "TON" and by_demonym["Samoan"].iso3 == "WSM"
    assert by_demonym["Swede"].iso3 == "SWE" and by_demonym["Croat"].iso3 == "HRV"
    assert "Finn" not in by_demonym and "Dane" not in by_demonym  # "Finn Russell", "Dane Cook"


def test_a_nationals_noun_that_is_no_adjective_is_a_demonym_with_its_plural() -> None:
    from newsgraph.nlp.gazetteer import plural_demonym

    by_demonym = lexicons.country_by_demonym()
    assert by_demonym["Spaniard"].iso3 == "ESP" and by_demonym["Frenchwoman"].iso3 == "FRA"
    assert by_demonym["Briton"].iso3 == "GBR" and by_demonym["Dutchman"].iso3 == "NLD"
    assert "Pole" not in by_demonym and "Turk" not in by_demonym  # "Pole position", a surname
    england = next(n for n in lexicons.nations() if n.name == "England")
    assert "Englishman" in england.demonyms
    assert [plural_demonym(d) for d in ("Frenchman", "Scotswoman", "German", "Spaniard")] == [
        "Frenchmen",
        "Scotswomen",
        "Germans",
        "Spaniards",
    ]
