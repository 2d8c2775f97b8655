"""An actor knowledge base shipped with the package: who a name is, and what country, sector and role it
had on a given day, for the actors a sentence names without saying where they are from.

    from newsgraph.kb import load_kb
    kb = load_kb()                                   # cached; the shipped files only
    kb.lookup("Assad", on="2013-05-01")              # every candidate, with its role on that day
    kb.agent("minister")                             # KBAgent(sector="GOV", ...)
    ActorKB.load(extra=Path("my_actors.tsv"))        # a user's file over the shipped ones

Four sources, in order of precedence: a user's file, the project's curated facts (curated_actors.tsv:
offices, parties, armed groups), the project's notable people and bodies beyond them (notable_actors.tsv:
athletes, performers, firms, outlets, aides ...), the Phoenix dictionaries (phoenix_actors.tsv, built by
scripts/build_actor_kb.py). A record of a higher
source replaces a lower one with the same id, or with the same name (primary name or alias) when their
countries agree; the lower one's name forms are kept as aliases of the higher. Formats: README.md here.

Nothing is read at import: `load_kb()` reads on first call, `ActorKB.from_rows` builds from rows in memory.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from newsgraph.kb.merging import (
    NameIndexes,
    clubs_index,
    firm_key,
    initials_index,
    joined_index,
    merge,
    name_indexes,
    outer_index,
)
from newsgraph.kb.prebuilt import INDEX_FILE, inputs_digest, read_index, write_index
from newsgraph.kb.records import (
    SOURCES,
    KBActor,
    KBAgent,
    KBMatch,
    KBRole,
    day_of,
    normalise,
    without_possessive,
)
from newsgraph.kb.tables import (
    ACTOR_REQUIRED,
    AGENT_REQUIRED,
    COMPACT_SCHEMA,
    KBFileError,
    RawActor,
    from_compact,
    read_actors,
    read_agents,
    read_lines,
    split_table,
)

__all__ = [
    "ActorKB",
    "KBActor",
    "KBAgent",
    "KBFileError",
    "KBMatch",
    "KBRole",
    "load_kb",
    "normalise",
    "without_possessive",
]

KB_DIR = Path(__file__).resolve().parent
PHOENIX_ACTORS = KB_DIR / "phoenix_actors.tsv"
PHOENIX_COMPACT = KB_DIR / "phoenix_actors.json"
PHOENIX_AGENTS = KB_DIR / "phoenix_agents.tsv"
CURATED_ACTORS = KB_DIR / "curated_actors.tsv"
NOTABLE_ACTORS = KB_DIR / "notable_actors.tsv"
# A surname borne by at most this many of the knowledge base's people is rare enough to find a full name
# whose middle name a text leaves out ("Enele Sopoaga" for "Enele Sosene Sopoaga")
_RARE_SURNAME = 3

Rows = Iterable[Mapping[str, str]]


class ActorKB:
    """Actors by every normalised name form, and role nouns by their noun. Build with `load_kb()`,
    `ActorKB.load(...)` or `ActorKB.from_rows(...)`. Records are built on first use: a lookup builds only
    the actors it returns."""

    def __init__(
        self, raw: Sequence[RawActor], agents: Sequence[KBAgent], indexes: NameIndexes | None = None
    ) -> None:
        self._raw = list(raw)
        self._built: list[KBActor | None] = [None] * len(self._raw)
        self._by_id = {a.id: i for i, a in enumerate(self._raw)}
        built = indexes if indexes is not None else name_indexes(self._raw)
        self._names, self._surnames, self._firms = built.names, built.surnames, built.firms
        self._initials: dict[str, list[int]] | None = None  # built on the first acronym asked (initials)
        self._clubs: dict[str, list[int]] | None = None  # built on the first club asked (clubs)
        self._joined: dict[str, list[int]] | None = None  # built on the first name with no exact match
        self._outer: dict[str, list[int]] | None = None  # likewise
        self._replaced: dict[str, int] | None = None  # built on the first id asked that no record has
        self._agents = {normalise(a.noun): a for a in agents}

    # ------------------------------------------------------------------------------------------ building

    @classmethod
    def load(cls, extra: Path | None = None, *, directory: Path = KB_DIR) -> ActorKB:
        """The shipped files in `directory`, plus a user's file `extra` (same format) over them."""
        # Loading creates some 400,000 small lists and strings that all stay alive: the cyclic garbage
        # collector would run over them again and again for nothing (it was 70% of the load time).
        enabled = gc.isenabled()
        gc.disable()
        try:
            return cls._load(extra, directory)
        finally:
            if enabled:
                gc.enable()

    @classmethod
    def _load(cls, extra: Path | None, directory: Path) -> ActorKB:
        files = _shipped_files(directory)
        agents: list[KBAgent] = []
        agents_file = directory / PHOENIX_AGENTS.name
        if agents_file.is_file():
            agents = read_agents(*split_table(read_lines(agents_file), str(agents_file), AGENT_REQUIRED))
        if extra is None:
            # The shipped files alone: the prebuilt index, when it was built from them as they are now.
            prebuilt = read_index(directory / INDEX_FILE, inputs_digest([path for _, path in files]))
            if prebuilt is not None:
                return cls(prebuilt[0], agents, prebuilt[1])
        elif not extra.is_file():
            raise KBFileError(str(extra), 0, "", "no such file (the actors file given with --actors)")
        else:
            # A user's file is merged with the TSVs: its precedence reaches into the merge.
            files.append(("user", extra))
        return cls(_read_merged(files), agents)

    @staticmethod
    def build_index(directory: Path = KB_DIR, *, target: Path | None = None) -> Path:
        """Read the shipped files in `directory` from their TSVs and write the prebuilt index beside them
        (or to `target`), which `load` reads for as long as the files stay as they are."""
        files = _shipped_files(directory)
        raw = _read_merged(files)
        path = target if target is not None else directory / INDEX_FILE
        write_index(path, raw, name_indexes(raw), inputs_digest([p for _, p in files]))
        return path

    @classmethod
    def from_rows(
        cls,
        *,
        phoenix: Rows = (),
        notable: Rows = (),
        curated: Rows = (),
        user: Rows = (),
        agents: Rows = (),
    ) -> ActorKB:
        """Build from rows in memory (dicts keyed by column name), each source validated like a user file."""
        sources: dict[str, list[RawActor]] = {}
        for source, rows in (
            ("phoenix", phoenix),
            ("notable", notable),
            ("curated", curated),
            ("user", user),
        ):
            columns, cells = _table(list(rows))
            sources[source] = (
                read_actors(columns, cells, f"<{source} rows>", source, check=True) if cells else []
            )
        agent_columns, agent_cells = _table(list(agents))
        return cls(merge(sources), read_agents(agent_columns, agent_cells) if agent_cells else [])

    @staticmethod
    def check_file(path: Path) -> int:
        """Read and check a user's actors file alone (what `load(extra=path)` would refuse, without loading
        the shipped files): the number of actors in it, or KBFileError naming the line and field."""
        if not path.is_file():
            raise KBFileError(str(path), 0, "", "no such file (the actors file given with --actors)")
        columns, rows = split_table(read_lines(path), str(path), ACTOR_REQUIRED)
        return len(read_actors(columns, rows, str(path), "user", check=True))

    @property
    def actors(self) -> tuple[KBActor, ...]:
        """Every actor (builds them all: for checks and exports, not for lookups)."""
        return tuple(self._actor(i) for i in range(len(self._raw)))

    def _actor(self, i: int) -> KBActor:
        built = self._built[i]
        if built is None:
            built = self._built[i] = self._raw[i].build()
        return built

    # ------------------------------------------------------------------------------------------- queries

    def get(self, actor_id: str) -> KBActor | None:
        i = self._by_id.get(actor_id)
        return None if i is None else self._actor(i)

    def holder_of(self, actor_id: str) -> KBActor | None:
        """The record that holds `actor_id` now: its own, or the higher source's that replaced it (an
        output stored by an earlier version says "phx:NETFLIX", the notable list's record now holds it
        as "ntb:NETFLIX"); None for an id the knowledge base never had."""
        i = self._holder(actor_id)
        return None if i is None else self._actor(i)

    def lookup_id(self, actor_id: str, on: str | dt.date | None = None) -> list[KBMatch]:
        """The record holding `actor_id` (holder_of) with its role on `on`, as `lookup` gives candidates
        (`how="id"`); empty for an id the knowledge base never had."""
        i = self._holder(actor_id)
        return self._matches((("id", [] if i is None else [i]),), day_of(on))

    def current_id(self, actor_id: str) -> str | None:
        """The id of the record that holds `actor_id` now (holder_of, without building the record)."""
        i = self._holder(actor_id)
        return None if i is None else self._raw[i].id

    def replaced_ids(self, actor_id: str) -> tuple[str, ...]:
        """The ids of the lower records the record `actor_id` replaced (none for an unknown id)."""
        i = self._by_id.get(actor_id)
        return () if i is None else tuple(self._raw[i].shadows)

    def _holder(self, actor_id: str) -> int | None:
        i = self._by_id.get(actor_id)
        if i is None:
            if self._replaced is None:
                self._replaced = {old: i for i, a in enumerate(self._raw) for old in a.shadows}
            i = self._replaced.get(actor_id)
        return i

    def lookup(self, name: str, on: str | dt.date | None = None) -> list[KBMatch]:
        """Every candidate for `name` with its role on `on` (without a date: its latest role).

        A full name form matches exactly (after `normalise`), or, for a person of two words, the first and
        last of one person's longer name (`how="outer"`); a name also matches every person whose
        name ends with it (`how="surname"`): the caller decides between namesakes. Full-form matches
        come first, then actors holding a role that day, then by source precedence."""
        key = normalise(name)
        if not key:
            return []
        day = day_of(on)
        exact = self._names.get(key, [])
        if not exact:
            # A firm written with or without its legal form: "Pfizer Inc." is Phoenix's "Pfizer", "Merck"
            # its "Merck and Company Inc". Only organisations: a person named like the bare name is no firm.
            bare = firm_key(key)
            both = dict.fromkeys([*self._names.get(bare, ()), *self._firms.get(bare, ())])
            exact = [i for i in both if self._raw[i].type == "ORG"]
        if not exact and " " in key:
            # "Robert DeNiro" is "Robert De Niro", "Patti La Belle" "Patti LaBelle": a particle joined to
            # its surname or not is one spelling. Full names of people only, and only one person so spelt.
            if self._joined is None:
                self._joined = joined_index(self._raw)
            joined = self._joined.get(key.replace(" ", ""), [])
            exact = joined if len(joined) == 1 else []
        outer: list[int] = []
        if not exact and key.count(" ") == 1:
            # "Enele Sopoaga" is Phoenix's "Enele Sosene Sopoaga": a middle name left out (`how="outer"`).
            # Only one person so named, and a surname few people of the knowledge base bear ("Ali Mohamed"
            # is anyone's).
            if self._outer is None:
                self._outer = outer_index(self._raw)
            found = self._outer.get(key, [])
            rare = len(self._surnames.get(key.rpartition(" ")[2], ())) <= _RARE_SURNAME
            outer = found if len(found) == 1 and rare else []
        seen = set(exact) | set(outer)
        surname = [i for i in self._surnames.get(key, []) if i not in seen]
        return self._matches((("name", exact), ("outer", outer), ("surname", surname)), day)

    def initials(self, acronym: str, on: str | dt.date | None = None) -> list[KBMatch]:
        """The organisations whose name's initials spell `acronym` ("PA": a "Palestinian Authority"),
        counting every word or only those an acronym keeps ("Bank of England": BE), with their role on
        `on`; `how="initials"`. For an acronym the knowledge base lists under no name: many bodies of
        many countries share initials, so the caller decides (by the countries a story names)."""
        key = normalise(acronym).replace(" ", "")
        if not key:
            return []
        if self._initials is None:
            self._initials = initials_index(self._raw)
        return self._matches((("initials", self._initials.get(key, [])),), day_of(on))

    def clubs(self, name: str, on: str | dt.date | None = None) -> list[KBMatch]:
        """The clubs `name` calls by their everyday name, without the abbreviation of their form that
        the knowledge base writes ("Chelsea" for "Chelsea FC", "Napoli" for "SSC Napoli"), with their
        role on `on`; `how="club"`. Asked apart from `lookup`: a town's name is no club outside sport."""
        if self._clubs is None:
            self._clubs = clubs_index(self._raw)
        return self._matches((("club", self._clubs.get(normalise(name), [])),), day_of(on))

    def _matches(self, groups: Iterable[tuple[str, list[int]]], day: str | None) -> list[KBMatch]:
        """Each actor of each (how, indices) group with its role on `day`: full names first, then
        actors holding a role that day, then by source precedence."""
        matches: list[tuple[tuple[int, int, int, str], KBMatch]] = []
        for how, indices in groups:
            for i in indices:
                actor = self._actor(i)
                role, current = actor.role_on(day)
                rank = (how != "name", not current, SOURCES.index(actor.source), actor.id)
                matches.append((rank, KBMatch(actor, role, current, how)))
        matches.sort(key=lambda m: m[0])
        return [m for _, m in matches]

    def agent(self, noun: str) -> KBAgent | None:
        """The sector a role noun implies ("minister" -> GOV), plural or singular; None if unknown."""
        key = normalise(noun)
        found = self._agents.get(key)
        if found is None and key.endswith("s"):
            for stem in (key[:-3] + "y" if key.endswith("ies") else "", key[:-2], key[:-1]):
                if stem and stem in self._agents:
                    return self._agents[stem]
        return found

    def __len__(self) -> int:
        return len(self._raw)


def _shipped_files(directory: Path) -> list[tuple[str, Path]]:
    return [
        ("phoenix", directory / PHOENIX_ACTORS.name),
        ("notable", directory / NOTABLE_ACTORS.name),
        ("curated", directory / CURATED_ACTORS.name),
    ]


def _read_merged(files: list[tuple[str, Path]]) -> list[RawActor]:
    """The actors of each (source, path) that exists, read and merged by precedence."""
    sources: dict[str, list[RawActor]] = {source: [] for source in SOURCES}
    for source, path in files:
        if source == "phoenix" and path.is_file():
            sources[source] = _phoenix(path)
        elif path.is_file():
            columns, rows = split_table(read_lines(path), str(path), ACTOR_REQUIRED)
            # The generated files (Phoenix, 36,000 rows; the notable lists' build) are checked by the
            # tests, not at every load.
            checked = source not in ("phoenix", "notable")
            sources[source] = read_actors(columns, rows, str(path), source, check=checked)
    return merge(sources)


def _phoenix(path: Path) -> list[RawActor]:
    """The Phoenix actors from the compact form beside the TSV when it was built from this very TSV,
    else from the TSV itself (slower, same result)."""
    data = path.read_bytes()
    compact = path.with_name(PHOENIX_COMPACT.name)
    if compact.is_file():
        packed = json.loads(compact.read_bytes())
        if (
            packed.get("schema") == COMPACT_SCHEMA
            and packed.get("tsv_sha256") == hashlib.sha256(data).hexdigest()
        ):
            return from_compact(packed, "phoenix")
    columns, rows = split_table(data.decode("utf-8").splitlines(), str(path), ACTOR_REQUIRED)
    return read_actors(columns, rows, str(path), "phoenix", check=False)


def _table(rows: list[Mapping[str, str]]) -> tuple[dict[str, int], list[tuple[int, list[str]]]]:
    """Dict rows as the column positions and numbered cells the file reader gives."""
    header = list(dict.fromkeys(k for row in rows for k in row))
    cells = [(n, [row.get(k, "") for k in header]) for n, row in enumerate(rows, 1)]
    return {k: i for i, k in enumerate(header)}, cells


@functools.cache
def load_kb() -> ActorKB:
    """The shipped knowledge base, read once per process."""
    kb = ActorKB.load()
    # It lives as long as the process: freezing moves its 400,000 objects out of the collector's sight,
    # so later collections, and the full one at exit (half a second), do not walk them again.
    gc.freeze()
    return kb
