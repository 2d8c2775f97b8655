"""The CAMEO-derived lexicon (lexicons/cameo_*.tsv, built by scripts/build_cameo_lexicon.py) and its reader.

Fast, no spaCy: reads the shipped files through lexicons.cameo, and malformed copies through the same
fake-file hook test_lexicons uses.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from newsgraph import lexicons
from newsgraph.errors import ConfigError
from newsgraph.lexicons import cameo
from newsgraph.model import PLOVER_TYPES

FILES = ("cameo_verbs.tsv", "cameo_nouns.tsv", "cameo_synsets.tsv")


def _text(name: str) -> str:
    return resources.files("newsgraph.lexicons").joinpath(name).read_text(encoding="utf-8")


# ---------------------------------------------------------------- known facts


def test_accuse_is_accuse() -> None:
    rows = cameo.cameo_verbs()["accuse"]
    assert rows[0].pattern == "" and rows[0].type == "ACCUSE" and rows[0].cameo == "112"
    assert any(r.type == "ACCUSE" and r.mode == "allege" for r in rows)  # accuse ... of war crimes etc.


def test_impose_sanctions_is_sanction() -> None:
    impose = [r for r in cameo.cameo_verbs()["impose"] if "sanctions" in r.words]
    assert impose and {r.type for r in impose} == {"SANCTION"}
    # the 2021 crosswalk has COERCE for CAMEO 163; the v2.0 manual codes sanctions SANCTION discontinue
    assert impose[0].mode == "discontinue" and impose[0].via == "163 (v2.0)"
    nouns = cameo.cameo_nouns()["sanctions"]
    assert any(n.type == "SANCTION" and "impose" in n.verbs for n in nouns)
    # a verb that codes nothing by itself: the noun carries the event
    demo = cameo.cameo_nouns()["demonstration"]
    assert any(n.type == "PROTEST" and "stage" in n.verbs and n.light_verb for n in demo)


def test_visit_is_consult_and_host_the_other_way() -> None:
    visit = cameo.cameo_verbs()["visit"][0]
    assert (visit.type, visit.mode, visit.cameo, visit.paired_cameo) == ("CONSULT", "visit", "042", "043")
    assert any(n.type == "CONSULT" and n.origin == "nominalisation" for n in cameo.cameo_nouns()["visit"])


def test_not_event_patterns_are_marked() -> None:
    rows = cameo.cameo_verbs()["visit"]
    pilgrims = [r for r in rows if r.pattern == "pilgrims *"]
    assert (
        pilgrims
        and pilgrims[0].not_event
        and pilgrims[0].type is None
        and pilgrims[0].code_as_written == "---"
    )
    assert sum(r.not_event for rs in cameo.cameo_verbs().values() for r in rs) > 1000


def test_event_nouns_from_patterns_synsets_and_nominalisations() -> None:
    nouns = cameo.cameo_nouns()
    assert {"sale", "charge", "talks", "strike", "withdrawal", "attack", "truce"} <= nouns.keys()
    assert any(n.origin == "nominalisation" and n.verbs == ("sell",) for n in nouns["sale"])
    assert any(n.origin == "cameo-synset" and n.type == "RETREAT" for n in nouns["truce"])  # &CEASEFIRE
    assert any(n.origin == "cameo-pattern" and n.type == "ASSAULT" for n in nouns["attack"])


def test_synonym_sets_expand() -> None:
    assert "truce" in cameo.cameo_synsets()["&CEASEFIRE"]
    ceasefire = [r for r in cameo.cameo_verbs()["declare"] if r.words == ("&CEASEFIRE",)]
    assert ceasefire and "truce" in ceasefire[0].expanded_words()[0]


def test_phrasal_verbs_and_prepositions() -> None:
    verbs = cameo.cameo_verbs()
    assert "call off" in verbs
    against = [r for rs in verbs.values() for r in rs if "against" in r.prepositions]
    assert against and all("(against" in r.pattern for r in against)


# ---------------------------------------------------------------- every row


def test_every_type_is_plover_and_every_row_has_a_source_line() -> None:
    source_lines = len(
        (resources.files("newsgraph.lexicons") / "cameo_verbs.tsv").read_text(encoding="utf-8").splitlines()
    )
    assert source_lines > 40_000
    for rows in cameo.cameo_verbs().values():
        for r in rows:
            assert r.not_event or r.type in PLOVER_TYPES, r
            assert r.not_event == (r.type is None)
            assert 700 < r.source_line < 9200  # within CAMEO.2.0.verbs.txt's verb section
    for nrows in cameo.cameo_nouns().values():
        for n in nrows:
            assert n.type in PLOVER_TYPES and n.source_lines and all(0 < x < 9200 for x in n.source_lines)
    types = {r.type for rs in cameo.cameo_verbs().values() for r in rs} - {None}
    assert types == set(PLOVER_TYPES)  # the crosswalk reaches all 16


@pytest.mark.parametrize("name", FILES)
def test_headers_name_sources_licence_and_command(name: str) -> None:
    head = "\n".join(line for line in _text(name).splitlines()[:40] if line.startswith("#"))
    assert "676801cd9cb2924bbbad09f86d15c9323e7097bf" in head
    assert "5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f" in head
    assert "CC BY-SA 4.0" in head and "MIT" in head
    assert "python scripts/build_cameo_lexicon.py" in head


def test_rows_are_sorted() -> None:
    lemmas = [line.split("\t", 1)[0] for line in _text("cameo_verbs.tsv").splitlines()[1:] if line[:1] != "#"]
    assert lemmas[0] == "lemma" and lemmas[1:] == sorted(lemmas[1:])
    nouns = [line.split("\t", 1)[0] for line in _text("cameo_nouns.tsv").splitlines() if line[:1] != "#"]
    assert nouns[0] == "noun" and nouns[1:] == sorted(nouns[1:])


# ---------------------------------------------------------------- malformed files


@pytest.fixture
def fake_file(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    files: dict[str, str] = {}
    real = lexicons._text
    monkeypatch.setattr(lexicons, "_text", lambda name: files[name] if name in files else real(name))
    return files


VERB_HEADER = "\t".join(cameo.VERB_COLUMNS)


def _verb_row(**values: str) -> str:
    base = dict.fromkeys(cameo.VERB_COLUMNS, "")
    base.update({"lemma": "visit", "cameo": "042", "type": "CONSULT", "source_line": "5581"})
    base.update(values)
    return "\t".join(base[c] for c in cameo.VERB_COLUMNS)


def test_columns_are_read_by_name(fake_file: dict[str, str]) -> None:
    columns = list(reversed(cameo.VERB_COLUMNS))
    row = dict.fromkeys(columns, "")
    row.update({"lemma": "visit", "cameo": "042", "type": "CONSULT", "source_line": "5581", "mode": "visit"})
    fake_file["v.tsv"] = "# c\n" + "\t".join(columns) + "\n" + "\t".join(row[c] for c in columns) + "\n"
    (entry,) = cameo.read_cameo_verbs("v.tsv")["visit"]
    assert (entry.type, entry.mode, entry.source_line) == ("CONSULT", "visit", 5581)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (_verb_row(type="FIGHT"), "line 3, column 'type': 'FIGHT' is not a PLOVER type"),
        (_verb_row(not_event="1"), "line 3, column 'type': a not_event row has type"),
        (_verb_row(not_event="yes", type="", cameo=""), "line 3, column 'not_event': 'yes' is not a flag"),
        (_verb_row(source_line="x"), "line 3, column 'source_line': 'x' is not a line number"),
        (_verb_row(cameo="04a"), "line 3, column 'cameo': '04a' is not a CAMEO code"),
    ],
)
def test_malformed_rows_name_file_line_and_column(fake_file: dict[str, str], row: str, message: str) -> None:
    fake_file["v.tsv"] = f"# c\n{VERB_HEADER}\n{row}\n"
    with pytest.raises(ConfigError) as err:
        cameo.read_cameo_verbs("v.tsv")
    assert str(err.value).startswith("lexicons/v.tsv: " + message), str(err.value)


def test_missing_column_is_named(fake_file: dict[str, str]) -> None:
    fake_file["n.tsv"] = "noun\ttype\nstrike\tASSAULT\n"
    with pytest.raises(
        ConfigError, match=re.escape("lexicons/n.tsv: line 1, column 'mode': missing from the header")
    ):
        cameo.read_cameo_nouns("n.tsv")


def test_noun_origin_is_checked(fake_file: dict[str, str]) -> None:
    header = "\t".join(cameo.NOUN_COLUMNS)
    row = {c: "" for c in cameo.NOUN_COLUMNS} | {
        "noun": "x",
        "type": "AID",
        "cameo": "070",
        "source_line": "9",
    }
    fake_file["n.tsv"] = (
        header + "\n" + "\t".join((row | {"from": "guess"})[c] for c in cameo.NOUN_COLUMNS) + "\n"
    )
    with pytest.raises(ConfigError, match="line 2, column 'from': 'guess' is not one of"):
        cameo.read_cameo_nouns("n.tsv")


CAMEO_DIR = Path(__file__).resolve().parents[2] / "shared" / "reference" / "cameo"


@pytest.mark.skipif(not (CAMEO_DIR / "CAMEO.2.0.verbs.txt").is_file(), reason="shared/reference/cameo absent")
def test_source_lines_point_at_the_dictionary_lines() -> None:
    lines = (CAMEO_DIR / "CAMEO.2.0.verbs.txt").read_text(encoding="utf-8", errors="replace").splitlines()
    for lemma, rows in cameo.cameo_verbs().items():
        for r in rows:
            line = lines[r.source_line - 1]
            if r.pattern:
                assert line.startswith("-"), (lemma, r.source_line, line)
            else:  # the verb's own line: its first word is the lemma (`+ASK_FOR` for "ask for")
                word = (
                    line.split()[0]
                    .split("[")[0]
                    .split("{")[0]
                    .lstrip("+")
                    .rstrip("_")
                    .replace("_", " ")
                    .lower()
                )
                assert word.replace("re ", "re-", 1) == lemma or word == lemma, (lemma, line)
    for noun, nrows in cameo.cameo_nouns().items():
        for n in nrows:
            for x in n.source_lines:
                assert lines[x - 1][:1] in "-+" or lines[x - 1][:1].isalpha(), (noun, x)
