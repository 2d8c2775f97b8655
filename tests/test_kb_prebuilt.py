"""The prebuilt index of the knowledge base (newsgraph.kb.prebuilt): the shipped one is what the TSVs build,
loading through it gives the same knowledge base as reading the TSVs, and it is read only while it was
built from the files as they are. Small hand-written files in a temporary directory, and the shipped ones."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from newsgraph.kb import KB_DIR, ActorKB, KBFileError, load_kb
from newsgraph.kb.prebuilt import INDEX_FILE

HEADER = "id\tname\taliases\ttype\tgender\tcountry\tsector\trole\tstart\tend"
PHOENIX = [
    "p:ortiz\tRamon Ortiz\t\tPERSON\tm\tPER\tGOV\t\t2001-01-01\t2006-12-31",
    "p:ortiz\tRamon Ortiz\t\t\t\tPER\tOPP\t\t2007-01-01\t",
    "p:vela\tVela Mining Inc\tVela Mining\tORG\t\tCHL\tBUS\t\t\t",
]
CURATED = ["c:ortiz\tRamon Ortiz\tRamón Ortiz Paz\tPERSON\tm\tPER\tGOV\tminister\t2019-03-01\t"]
# The shipped files but the index: a load reads the TSVs (Phoenix's through its compact form), as it does
# whenever the index is stale.
SHIPPED = (
    "phoenix_actors.tsv",
    "phoenix_actors.json",
    "notable_actors.tsv",
    "curated_actors.tsv",
    "phoenix_agents.tsv",
)


def write_kb(directory: Path, curated: list[str]) -> None:
    (directory / "phoenix_actors.tsv").write_text("\n".join([HEADER, *PHOENIX]) + "\n", encoding="utf-8")
    (directory / "curated_actors.tsv").write_text("\n".join([HEADER, *curated]) + "\n", encoding="utf-8")


def test_the_shipped_index_is_what_the_tsvs_build(tmp_path: Path) -> None:
    built = ActorKB.build_index(KB_DIR, target=tmp_path / INDEX_FILE)
    assert built.read_bytes() == (KB_DIR / INDEX_FILE).read_bytes(), "run scripts/build_kb_index.py"


def test_loading_through_the_index_gives_what_the_tsvs_give(tmp_path: Path) -> None:
    for name in SHIPPED:  # the shipped files without their index: read from the TSVs
        shutil.copy(KB_DIR / name, tmp_path / name)
    from_tsvs, indexed = ActorKB.load(directory=tmp_path), load_kb()
    assert len(indexed) == len(from_tsvs) > 70_000
    assert indexed.actors == from_tsvs.actors  # names, aliases, types, roles and replaced ids
    names = {a.name for a in from_tsvs.actors[::40]} | {
        a.name.rpartition(" ")[2] for a in from_tsvs.actors[::97]
    }
    for name in sorted(names):
        assert indexed.lookup(name) == from_tsvs.lookup(name), name
        assert indexed.initials(name) == from_tsvs.initials(name), name
    assert indexed.agent("minister") == from_tsvs.agent("minister")


def test_the_index_is_read_while_the_files_are_those_it_was_built_from(tmp_path: Path) -> None:
    write_kb(tmp_path, CURATED)
    path = ActorKB.build_index(tmp_path)
    assert [m.actor.id for m in ActorKB.load(directory=tmp_path).lookup("Ramón Ortiz Paz")] == ["c:ortiz"]
    # Whatever the index says is what a load gives while it is current: here a name only it knows.
    data = json.loads(path.read_text(encoding="utf-8"))
    data["names"]["ortiz the index"] = data["names"]["ramon ortiz"]
    path.write_text(json.dumps(data), encoding="utf-8")
    assert [m.actor.id for m in ActorKB.load(directory=tmp_path).lookup("Ortiz the Index")] == ["c:ortiz"]
    # A row edited by hand makes it stale: the TSVs are read, the edit counts and the index's name does not.
    write_kb(tmp_path, [CURATED[0].replace("2019-03-01", "2019-04-01").replace("Ortiz Paz", "Ortiz Vela")])
    kb = ActorKB.load(directory=tmp_path)
    assert kb.lookup("Ortiz the Index") == []
    assert [m.actor.id for m in kb.lookup("Ramón Ortiz Vela")] == ["c:ortiz"]
    ortiz = kb.get("c:ortiz")
    assert ortiz is not None and ortiz.roles[0].start == "2019-04-01"


def test_a_merged_actor_keeps_its_roles_aliases_and_replaced_ids_through_the_index(tmp_path: Path) -> None:
    write_kb(tmp_path, CURATED)
    from_tsvs = ActorKB.load(directory=tmp_path)
    ActorKB.build_index(tmp_path)
    indexed = ActorKB.load(directory=tmp_path)
    assert indexed.actors == from_tsvs.actors
    ortiz = indexed.get("c:ortiz")
    assert ortiz is not None and ortiz.aliases == ("Ramón Ortiz Paz",) and ortiz.roles[0].role == "minister"
    assert indexed.current_id("p:ortiz") == "c:ortiz" and indexed.replaced_ids("c:ortiz") == ("p:ortiz",)
    assert [m.actor.id for m in indexed.lookup("Vela Mining, Inc.")] == ["p:vela"]
    assert [m.actor.id for m in indexed.lookup("Ortiz")] == ["c:ortiz"]


def test_a_user_file_is_read_over_the_files_of_an_indexed_directory(tmp_path: Path) -> None:
    write_kb(tmp_path, CURATED)
    ActorKB.build_index(tmp_path)
    mine = tmp_path / "mine.tsv"
    mine.write_text(f"{HEADER}\nu:ortiz\tRamon Ortiz\t\tPERSON\tm\tPER\tGOV\tpresident\t2024-01-01\t\n")
    kb = ActorKB.load(extra=mine, directory=tmp_path)
    assert [m.actor.id for m in kb.lookup("Ramon Ortiz")] == ["u:ortiz"]


def test_an_index_that_is_not_json_is_named_with_what_to_do(tmp_path: Path) -> None:
    write_kb(tmp_path, CURATED)
    (tmp_path / INDEX_FILE).write_text('{"schema": "newsgraph.kb.index/1", "act', encoding="utf-8")
    with pytest.raises(KBFileError, match=r"kb_index\.json: cannot be read as JSON .*build_kb_index\.py"):
        ActorKB.load(directory=tmp_path)
