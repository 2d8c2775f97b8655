"""Reading the knowledge base's TSV files into records, with errors that name the file, line and field.

A file is UTF-8 text: `#` comment lines first (provenance), then a header row naming the columns, then one
row per role. Columns are read by name, so their order is free and unknown columns are ignored. Rows that
share an `id` are one actor: its name, type and gender come from the first row that gives them, its
aliases are the union of every row's, and each row adds one role.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.errors import ConfigError
from newsgraph.kb.records import KBActor, KBAgent, KBRole

ACTOR_REQUIRED = ("id", "name")
AGENT_REQUIRED = ("noun", "sector")
TYPES = frozenset({"PERSON", "ORG", "GPE", ""})
GENDERS = frozenset({"m", "f", ""})
_COUNTRY = re.compile(r"^(?:[A-Z]{3})?$")
_CODES = re.compile(r"^(?:[A-Z]{3}(?:\|[A-Z]{3})*)?$")
_DATE = re.compile(r"^(?:\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))?$")

Row = Mapping[str, str]


class KBFileError(ConfigError):
    """A knowledge-base file (a user's `--actors` file, or a shipped one edited badly) that cannot be read:
    the message names the file, the line and the field, and says what was expected."""

    def __init__(self, origin: str, line: int, field: str, reason: str) -> None:
        where = f"{origin}:{line}" if line else origin
        super().__init__(f"{where}: {field}: {reason}" if field else f"{where}: {reason}")
        self.origin, self.line, self.field, self.reason = origin, line, field, reason

    def __reduce__(self) -> tuple[type[KBFileError], tuple[str, int, str, str]]:
        return type(self), (self.origin, self.line, self.field, self.reason)


def read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise KBFileError(str(path), 0, "", f"cannot be read as UTF-8 text ({exc})") from exc


def split_table(
    lines: Iterable[str], origin: str, required: tuple[str, ...]
) -> tuple[dict[str, int], Iterator[tuple[int, list[str]]]]:
    """The header's column positions, and (line number, cells) for each data row, padded to the header.
    Rows stay lists of cells rather than dicts: 36,000 dicts are a third of the load time."""
    numbered = enumerate(lines, 1)
    for number, line in numbered:
        if not line.strip() or line.startswith("#"):
            continue
        header = [c.strip() for c in line.rstrip("\r\n").split("\t")]
        missing = [c for c in required if c not in header]
        if missing:
            raise KBFileError(
                origin, number, "header", f"no column {', '.join(missing)} (a tab-separated header row "
                f"naming the columns must come first; it has {', '.join(header)})"
            )  # fmt: skip
        return {name: i for i, name in enumerate(header)}, _cells(numbered, origin, len(header))
    raise KBFileError(origin, 0, "header", "no header row (the file is empty or only comments)")


def _cells(numbered: Iterator[tuple[int, str]], origin: str, width: int) -> Iterator[tuple[int, list[str]]]:
    for number, line in numbered:
        if not line.strip():
            continue
        cells = line.rstrip("\r\n").split("\t")
        if len(cells) != width:
            if len(cells) > width:
                raise KBFileError(
                    origin, number, "", f"{len(cells)} cells for {width} columns (a stray tab?)"
                )
            cells.extend([""] * (width - len(cells)))
        yield number, cells


def _check(origin: str, number: int, row: Row) -> None:
    def bad(field: str, reason: str) -> KBFileError:
        return KBFileError(origin, number, field, f"{row.get(field, '')!r} {reason}")

    if not row.get("id", "").strip():
        raise bad("id", "is empty: every row needs the id of its actor")
    if row.get("type", "") not in TYPES:
        raise bad("type", "is not PERSON, ORG, GPE or empty")
    if row.get("gender", "") not in GENDERS:
        raise bad("gender", "is not m, f or empty")
    if not _COUNTRY.match(row.get("country", "")):
        raise bad("country", "is not an ISO 3166 alpha-3 code (three capitals) or empty")
    if not _CODES.match(row.get("sector", "")) or "|" in row.get("sector", ""):
        raise bad("sector", "is not one three-letter sector code (GOV, MIL, OPP, REB ...) or empty")
    if not _CODES.match(row.get("sectors", "")):
        raise bad("sectors", "is not |-separated three-letter sector codes")
    for name in ("start", "end"):
        if not _DATE.match(row.get(name, "")):
            raise bad(name, "is not an ISO date YYYY-MM-DD (use YYYY-MM-01 or YYYY-01-01 when less is known)")
    start, end = row.get("start", ""), row.get("end", "")
    if start and end and end < start:
        raise KBFileError(origin, number, "end", f"{end} is before start {start}")
    if row.get("approx", "") not in ("", "0", "1"):
        raise bad("approx", "is not 1, 0 or empty")


ROLE_FIELDS = ("country", "sector", "sectors", "role", "start", "end", "org_kind", "region", "approx", "code")


@dataclass(slots=True)
class RawActor:
    """An actor as read: its names and its rows' cells. `KBActor`s are built from it on first use, so
    loading 26,000 actors builds none of them."""

    id: str
    name: str
    type: str
    gender: str
    source: str
    names: dict[str, None]  # primary name and aliases, in file order
    rows: list[list[str]]
    columns: dict[str, int]
    shadows: list[str] = field(default_factory=list)
    keys: list[str] | None = None  # normalised name forms: the compact Phoenix form has them, merge adds them
    key: str | None = None  # the normalised primary name, likewise
    # The rows as the prebuilt index keeps them, lines of tab-separated cells: split on first use
    # (`role_rows`), since a run reads the roles of a few hundred of the 74,000 actors.
    packed: str | None = None

    def role_rows(self) -> list[list[str]]:
        if self.packed is not None:
            self.rows = [line.split("\t") for line in self.packed.split("\n")] if self.packed else []
            self.packed = None
        return self.rows

    def primary_key(self, normalise: Callable[[str], str]) -> str:
        if self.key is None:
            self.key = normalise(self.name)
        return self.key

    def cell(self, row: list[str], name: str) -> str:
        i = self.columns.get(name)
        return row[i].strip() if i is not None else ""

    def countries(self) -> set[str]:
        i = self.columns.get("country")
        return {r[i] for r in self.role_rows() if r[i]} if i is not None else set()

    def build(self) -> KBActor:
        roles = []
        for row in self.role_rows():
            c = {name: self.cell(row, name) for name in ROLE_FIELDS}
            sectors = (
                tuple(c["sectors"].split("|")) if c["sectors"] else ((c["sector"],) if c["sector"] else ())
            )
            role = KBRole(
                country=c["country"], sector=c["sector"], sectors=sectors, role=c["role"], start=c["start"],
                end=c["end"], org_kind=c["org_kind"], region=c["region"], approx=c["approx"] == "1",
                code=c["code"],
            )  # fmt: skip
            # A row with no country, sector, role or dates only carries names: it is not a role.
            if role.country or role.sector or role.dated or role.role or role.org_kind:
                roles.append(role)
        aliases = tuple(n for n in self.names if n != self.name)
        return KBActor(
            self.id,
            self.name,
            aliases,
            self.type,
            self.gender,
            self.source,
            tuple(roles),
            tuple(self.shadows),
        )


def read_actors(
    columns: dict[str, int], rows: Iterable[tuple[int, list[str]]], origin: str, source: str, *, check: bool
) -> list[RawActor]:
    """Group rows by id into actors: the first row that gives a name, type or gender gives it, aliases
    add up, every row is a role. `check` validates every field (user and curated files); the generated
    Phoenix file is checked by the tests instead, which keeps the load under a second."""
    ci, cn, ca = columns["id"], columns["name"], columns.get("aliases")
    ct, cg = columns.get("type"), columns.get("gender")
    by_id: dict[str, RawActor] = {}
    last: RawActor | None = None
    for number, cells in rows:
        if check:
            _check(origin, number, {name: cells[i] for name, i in columns.items()})
        ident = cells[ci].strip()
        actor = last if last is not None and last.id == ident else by_id.get(ident)
        if actor is None:
            actor = by_id[ident] = RawActor(ident, "", "", "", source, {}, [], columns)
        last = actor
        name = cells[cn].strip()
        if name:
            if not actor.name:
                actor.name = name
            actor.names[name] = None
        if ca is not None and cells[ca]:
            for alias in cells[ca].split("|"):
                if alias.strip():
                    actor.names[alias.strip()] = None
        if ct is not None and not actor.type:
            actor.type = cells[ct].strip()
        if cg is not None and not actor.gender:
            actor.gender = cells[cg].strip()
        actor.rows.append(cells)
    for actor in by_id.values():
        if not actor.name:
            raise KBFileError(origin, 0, "name", f"actor {actor.id!r} has no name on any of its rows")
    return list(by_id.values())


def read_agents(columns: dict[str, int], rows: Iterable[tuple[int, list[str]]]) -> list[KBAgent]:
    out: list[KBAgent] = []
    for _number, cells in rows:
        row = {name: cells[i] for name, i in columns.items()}
        sectors = row.get("sectors", "")
        out.append(
            KBAgent(
                noun=row["noun"],
                sector=row["sector"],
                sectors=tuple(sectors.split("|")) if sectors else (row["sector"],),
                country=row.get("country", ""),
                org_kind=row.get("org_kind", ""),
            )
        )
    return out


# ------------------------------------------------------------------------------ the compact Phoenix form
# Parsing 36,000 TSV rows and normalising 56,000 names takes over a second on a busy two-core machine;
# json.loads of the same content with the keys precomputed takes a tenth of that. The TSV stays the
# reviewed source: the compact file records the TSV's sha256 and is ignored when they differ.

COMPACT_SCHEMA = "newsgraph.kb.compact/2"


def to_compact(actors: list[RawActor], tsv_sha256: str, normalise: Callable[[str], str]) -> dict[str, object]:
    columns = actors[0].columns if actors else {}
    return {
        "schema": COMPACT_SCHEMA,
        "tsv_sha256": tsv_sha256,
        "columns": columns,
        "actors": [
            [
                a.id,
                a.name,
                a.type,
                a.gender,
                list(a.names),
                a.rows,
                sorted({normalise(n) for n in a.names} - {""}),
                normalise(a.name),
            ]
            for a in actors
        ],
    }


def from_compact(data: Mapping[str, Any], source: str) -> list[RawActor]:
    columns = data["columns"]
    return [
        RawActor(ident, name, kind, gender, source, dict.fromkeys(names), rows, columns, keys=keys, key=key)
        for ident, name, kind, gender, names, rows, keys, key in data["actors"]
    ]
