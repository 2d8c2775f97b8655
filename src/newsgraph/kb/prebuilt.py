"""The shipped knowledge base, prebuilt: the merged actors with their normalised name forms and the name
indexes, as one JSON file (`kb_index.json`) beside the TSVs it was built from.

Reading three TSVs, normalising their name forms, merging the sources and indexing them took 0.7 to 1.1 s
of CPU on the two-core CI machine once the notable list had 46,000 rows, close to the one second a load
may take; reading the result back (json.loads, then one small record per actor) takes about 0.3 s.

The TSVs stay the reviewed source. The index records a digest of what it was built from (each TSV's bytes,
and the word lists the indexes depend on) and is used only while that digest is the one the files give
now: a curated row edited by hand is read from the TSVs, as before, until `scripts/build_kb_index.py` is
run again. A test checks that the shipped index is current and holds exactly what a build from the TSVs
gives. A user's file (`--actors`) is merged with the TSVs as before: its precedence reaches into the merge.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from newsgraph.kb.merging import LEGAL_FORMS, NameIndexes, keys_of
from newsgraph.kb.records import normalise
from newsgraph.kb.tables import KBFileError, RawActor
from newsgraph.lexicons.entities import entity_words

INDEX_FILE = "kb_index.json"
# Bump when what the index holds, or how merge or the indexes are computed, changes.
INDEX_SCHEMA = "newsgraph.kb.index/1"


def inputs_digest(files: Sequence[Path]) -> str:
    """sha256 over the schema, each file's name and bytes (a missing file counts as absent), and the word
    lists the indexes read (legal forms, generational suffixes)."""
    digest = hashlib.sha256(INDEX_SCHEMA.encode())
    for path in files:
        digest.update(f"\0{path.name}\0".encode())
        if path.is_file():
            digest.update(path.read_bytes())
        else:
            digest.update(b"\0absent")
    for words in (LEGAL_FORMS, entity_words().name_suffixes):
        digest.update(("\0" + "\n".join(sorted(words))).encode())
    return digest.hexdigest()


# The actors' fields, each one list over all actors: json.loads reads parallel lists of strings faster than
# a list per actor (0.12 s against 0.19 s for the 74,000 actors).
FIELDS = ("id", "name", "type", "gender", "source", "names", "rows", "columns", "shadows", "keys", "key")


def pack(raw: Sequence[RawActor], indexes: NameIndexes, digest: str) -> dict[str, object]:
    """The merged actors and their indexes as JSON-ready data (every actor's name forms computed). An
    actor's rows are one string, lines of tab-separated cells, split on first use (RawActor.role_rows)."""
    shapes: list[dict[str, int]] = []
    shape_ids: dict[tuple[tuple[str, int], ...], int] = {}
    fields: dict[str, list[object]] = {name: [] for name in FIELDS}
    for actor in raw:
        shape = tuple(actor.columns.items())
        if shape not in shape_ids:
            shape_ids[shape] = len(shapes)
            shapes.append(dict(actor.columns))
        values = (
            actor.id, actor.name, actor.type, actor.gender, actor.source, list(actor.names),
            "\n".join("\t".join(row) for row in actor.role_rows()), shape_ids[shape], list(actor.shadows),
            keys_of(actor), actor.primary_key(normalise),
        )  # fmt: skip
        for name, value in zip(FIELDS, values, strict=True):
            fields[name].append(value)
    return {
        "schema": INDEX_SCHEMA,
        "inputs_sha256": digest,
        "shapes": shapes,
        "actors": fields,
        "names": indexes.names,
        "surnames": indexes.surnames,
        "firms": indexes.firms,
    }


def write_index(path: Path, raw: Sequence[RawActor], indexes: NameIndexes, digest: str) -> None:
    text = json.dumps(pack(raw, indexes, digest), ensure_ascii=False, separators=(",", ":"))
    path.write_text(text + "\n", encoding="utf-8")


def read_index(path: Path, digest: str) -> tuple[list[RawActor], NameIndexes] | None:
    """The actors and indexes of the index at `path` when it was built from the files as they are now
    (`digest`); None when there is no index or it was built from other files or by another schema."""
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise KBFileError(
            str(path), 0, "", f"cannot be read as JSON ({exc}); build it again with "
            "scripts/build_kb_index.py, or delete it (the knowledge base is then read from its TSVs)"
        ) from exc  # fmt: skip
    current = isinstance(data, dict) and data.get("schema") == INDEX_SCHEMA
    if not current or data.get("inputs_sha256") != digest:
        return None
    return unpack(data)


def unpack(data: Mapping[str, Any]) -> tuple[list[RawActor], NameIndexes]:
    shapes = data["shapes"]
    fields = data["actors"]
    columns = [fields[name] for name in FIELDS]
    raw = [
        RawActor(
            ident,
            name,
            kind,
            gender,
            source,
            dict.fromkeys(names),
            [],
            shapes[shape],
            shadows,
            keys,
            key,
            rows,
        )
        for ident, name, kind, gender, source, names, rows, shape, shadows, keys, key in zip(
            *columns, strict=True
        )
    ]
    return raw, NameIndexes(data["names"], data["surnames"], data["firms"])
