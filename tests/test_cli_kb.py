"""`newsgraph kb NAME`: the knowledge base's candidates for a name, on a day, with a user's file over it.
Model-free: the command loads the knowledge base only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.cli import main


def test_a_full_name_gives_its_actor_country_role_and_source(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kb", "Monica Seles", "--on", "1996-08-30"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ntb:MONICA_SELES\tMonica Seles (PERSON/f): USA, CVL, athlete")
    assert "by name, notable" in out


def test_json_gives_one_object_per_candidate_with_the_day_asked(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kb", "Bashar al-Assad", "--on", "2013-05-01", "--json"]) == 0
    first = json.loads(capsys.readouterr().out.splitlines()[0])
    assert (first["id"], first["country"], first["role"], first["held_that_day"]) == (
        "cur:BASHAR_AL_ASSAD",
        "SYR",
        "head_of_state",
        True,
    )
    assert main(["kb", "Bashar al-Assad", "--on", "1995-05-01", "--json"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[0])["held_that_day"] is False


def test_a_users_file_is_read_over_the_shipped_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = tmp_path / "my_actors.tsv"
    mine.write_text(
        "id\tname\ttype\tcountry\tsector\nme:ADJO\tAdjo Mensah\tPERSON\tTGO\tGOV\n", encoding="utf-8"
    )
    assert main(["kb", "Adjo Mensah", "--actors", str(mine)]) == 0
    assert "me:ADJO\tAdjo Mensah (PERSON): TGO, GOV; by name, user" in capsys.readouterr().out


def test_no_answer_exits_1_and_a_bad_day_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kb", "Zzyx Qwertyuiop"]) == 1
    assert "no actor in the knowledge base answers to 'Zzyx Qwertyuiop'" in capsys.readouterr().err
    assert main(["kb", "Monica Seles", "--on", "1996-13-01"]) == 2
    assert "--on: '1996-13-01' is not a date; expected YYYY-MM-DD" in capsys.readouterr().err


def test_an_id_from_an_earlier_output_gives_the_record_that_holds_it_now(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Phoenix's record of the streaming service is replaced by the notable list's: a stored output of an
    # earlier version says "phx:NETFLIX"; both ids answer, with what the record replaces.
    assert main(["kb", "phx:NETFLIX"]) == 0
    assert capsys.readouterr().out.startswith(
        "ntb:NETFLIX\tNetflix (ORG): USA, MED, media_outlet; by id, notable; replaces phx:NETFLIX"
    )
    assert main(["kb", "ntb:NETFLIX", "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert (record["id"], record["matched_by"], record["replaces"]) == ("ntb:NETFLIX", "id", ["phx:NETFLIX"])
    assert main(["kb", "phx:NO_SUCH_ACTOR_EVER"]) == 1
