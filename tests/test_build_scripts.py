"""The pure parts of the lexicon and knowledge-base build scripts (scripts/cameo, scripts/actor_kb), on
hand-written inputs: what the generated files are made of, checked without the reference data."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parents[1] / "scripts"))  # the scripts are no package

from actor_kb.actors import Entry, actor_rows
from actor_kb.codes import Code, Warnings, iso_date, parse_codes, split_code
from actor_kb.names import human_name, slug
from cameo.crosswalk import Plover, map_code
from cameo.nouns import derived_nouns, nominalisations, plural_forms
from cameo.reading import expand, norm_word, parse_pattern
from cameo.reading import split_code as split_cameo_code


def test_a_dictionary_word_becomes_text() -> None:
    assert norm_word("+CALL_FOR_") == "call for"
    assert norm_word("RE_OPEN") == "re-open"
    assert norm_word("&ceasefire") == "&CEASEFIRE"


def test_a_pattern_keeps_its_words_prepositions_and_nouns_after_the_verb() -> None:
    pattern = parse_pattern("+ * SANCTIONS (AGAINST $)", 12, " IMPOSE  sanctions", "163")
    assert pattern.text == "+ * sanctions (against $)"
    assert pattern.words == ("sanctions",)
    assert pattern.prepositions == ("against",)
    assert pattern.objects == (("sanctions", False),)
    assert pattern.comment_verbs == ("impose",)


def test_bracket_codes_read_pairs_and_reversals() -> None:
    assert split_cameo_code("042:043") == ("042", "043", False)
    assert split_cameo_code(":173") == ("173", "", True)
    assert split_cameo_code("080!") == ("080", "", False)
    assert split_cameo_code("---") == ("", "", False)


def test_a_code_maps_through_its_nearest_listed_parent() -> None:
    table = {"190": Plover("ASSAULT", "", (), "190")}
    assert map_code("190", table, {}) == Plover("ASSAULT", "", (), "190")
    assert map_code("1901", table, {}) == Plover("ASSAULT", "", (), "190")
    yielded = map_code("083", table, {})  # 08 YIELD: CONCEDE or RETREAT by its third digit
    assert isinstance(yielded, Plover) and yielded.type == "CONCEDE"
    assert map_code("010", table, {}) == "CAMEO 01 MAKE PUBLIC STATEMENT is dropped in PLOVER"
    assert isinstance(map_code("x1", table, {}), str)


def test_synonym_sets_expand_to_their_members() -> None:
    sets = {"&TRUCE": [("ceasefire", 3), ("truce", 4)]}
    assert expand("broker &TRUCE", sets) == [("broker ceasefire", 3), ("broker truce", 4)]


def test_nominalisations_must_be_words_the_dictionary_uses() -> None:
    assert "negotiation" in derived_nouns("negotiate")
    assert plural_forms("threat") == ("threats",)
    assert plural_forms("party") == ("parties",)
    choice = ("ACCUSE", "122", "", "", "7")
    rows = nominalisations("condemn", choice, {"condemnation", "condemnment"}, set())
    assert [r["noun"] for r in rows] == ["condemnation", "condemnment"]
    assert rows[0]["type"] == "ACCUSE" and rows[0]["from"] == "nominalisation"
    # the verb's own form is a noun only where the dictionary writes it after a verb
    assert [r["noun"] for r in nominalisations("condemn", choice, {"condemn"}, set())] == []
    assert [r["noun"] for r in nominalisations("condemn", choice, set(), {"condemn"})] == ["condemn"]


def test_phoenix_names_read_as_news_writes_them() -> None:
    assert human_name("BASHAR_AL_ASSAD_", keep_acronyms=False) == "Bashar al-Assad"
    assert human_name("U.N._SECURITY_COUNCIL_", keep_acronyms=True) == "U.N. Security Council"
    assert slug("U.N. security council") == "U_N_SECURITY_COUNCIL"


def test_a_bodys_name_is_also_read_without_the_acronym_in_brackets_after_it() -> None:
    def aliases(raw: str) -> list[str]:
        entry = Entry(raw, "Phoenix.MilNonState.actors.txt", 1, False, "", codes=[Code("XYZREB", "", "")])
        return actor_rows([entry])[0]["aliases"].split("|")

    assert aliases("NORTHERN_RIVER_FRONT_(NRF)_") == ["Northern River Front (NRF)", "Northern River Front"]
    assert aliases("UNITED_HILL_ARMY-MARXIST_(UHA-M)_")[1:] == ["United Hill Army-Marxist"]
    # Not the initials of the name: a bracket telling namesakes apart stays part of it.
    assert aliases("PEOPLES_LIBERATION_ARMY_(VALDORIA)_") == ["Peoples Liberation Army (VALDORIA)"]
    assert aliases("ARMY_(AB)_") == ["Army (AB)"]  # one word left: no form of its own


def test_actor_codes_and_their_dates() -> None:
    warnings = Warnings()
    codes = parse_codes("[SYRGOV 000717-120101] [SYRELI >120102]", "test:1", warnings)
    assert [(c.code, c.start, c.end) for c in codes] == [
        ("SYRGOV", "2000-07-17", "2012-01-01"),
        ("SYRELI", "2012-01-02", ""),
    ]
    assert iso_date("19990231", "test:2", warnings) == "1999-02-28"  # a day past the month's end is clamped
    assert iso_date("1999", "test:3", warnings) == "" and len(warnings.items) == 1
    parts = split_code("NGOUSAHRI", "")
    assert (parts.org_kind, parts.country, parts.sectors) == ("NGO", "USA", ["HRI"])
    assert split_code("ELI", "SYR").country == "SYR"  # a sector-only code in a country's block
