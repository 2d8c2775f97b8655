"""The project's own data: gazetteers, titles and word lists, each read by one cached function.

Files are plain TSV so they can be reviewed in a diff: lines starting with # are comments (the header
comment says why the list exists), the first other line names the columns, and readers take fields by
those names (`read_table`), never by position. A missing or unknown column is a `ConfigError` naming the
file, line and column. Word lists that used to sit in code live in one file per family with a `list`
column (`read_lists`); the typed readers are in the family modules (`lexicons.entities`, `.places`,
`.events`, `.quotes`, `.timex`, `.check`).
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from importlib import resources
from typing import Any, TypeVar

from ..errors import ConfigError

T = TypeVar("T")


def _text(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def _lines(name: str) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(_text(name).splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            yield number, line


@dataclass(frozen=True)
class Row:
    """One data row of a lexicon file, its fields keyed by the header's column names."""

    file: str
    line: int
    fields: Mapping[str, str]

    def __getitem__(self, column: str) -> str:
        return self.fields[column]

    def error(self, column: str, message: str) -> ConfigError:
        return ConfigError(f"lexicons/{self.file}: line {self.line}, column {column!r}: {message}")


def read_table(name: str, columns: Sequence[str]) -> Iterator[Row]:
    """The data rows of lexicons/<name>, whose header row must name exactly `columns` (in any order).

    Fields are stripped; trailing empty fields may be left out of a row, extra ones may not."""
    lines = _lines(name)
    first = next(lines, None)
    if first is None:
        raise ConfigError(f"lexicons/{name}: no header row (expected columns: {', '.join(columns)})")
    number, line = first
    header = [h.strip() for h in line.split("\t")]
    for column in columns:
        if column not in header:
            raise ConfigError(f"lexicons/{name}: line {number}, column {column!r}: missing from the header")
    for column in header:
        if column not in columns or header.count(column) > 1:
            raise ConfigError(
                f"lexicons/{name}: line {number}, column {column!r}: unknown or repeated column in the header"
                f" (expected: {', '.join(columns)})"
            )
    for number, line in lines:
        values = line.split("\t")
        if len(values) > len(header):
            raise ConfigError(
                f"lexicons/{name}: line {number}, column {len(header) + 1}: more fields than the header names"
                f" ({', '.join(header)})"
            )
        values += [""] * (len(header) - len(values))
        yield Row(name, number, dict(zip(header, (v.strip() for v in values), strict=True)))


def _convert(row: Row, kind: Any, text: str) -> Any:
    try:
        return kind(text)
    except ValueError:
        raise row.error("value", f"{text!r} is not of type {kind.__name__}") from None


def read_lists(name: str, cls: type[T]) -> T:
    """A family's word lists from lexicons/<name>, one per field of the frozen dataclass `cls`.

    The file's `list` column names the field, `word` holds the entry; a `dict[str, X]` field also takes
    the `value` column (converted to X). A `frozenset` field is a set, a `tuple` keeps file order (for
    lists whose order matters). An unknown list, a list with no row, an empty or repeated word is a
    ConfigError."""
    hints = typing.get_type_hints(cls)
    kinds = {f.name: hints[f.name] for f in fields(cls)}  # type: ignore[arg-type]
    needs_value = any(typing.get_origin(k) is dict for k in kinds.values())
    columns = ("list", "word", "value") if needs_value else ("list", "word")
    collected: dict[str, dict[str, Any]] = {k: {} for k in kinds}
    for row in read_table(name, columns):
        lst, word = row["list"], row["word"]
        if lst not in collected:
            raise row.error("list", f"unknown list {lst!r} (known: {', '.join(sorted(kinds))})")
        if not word:
            raise row.error("word", "empty")
        if word in collected[lst]:
            raise row.error("word", f"{word!r} is already in list {lst!r}")
        kind = kinds[lst]
        if typing.get_origin(kind) is dict:
            collected[lst][word] = _convert(row, typing.get_args(kind)[1], row["value"])
        elif needs_value and row["value"]:
            raise row.error("value", f"list {lst!r} takes no value")
        else:
            collected[lst][word] = None
    values: dict[str, Any] = {}
    for lst, kind in kinds.items():
        if not collected[lst]:
            raise ConfigError(f"lexicons/{name}: column 'list': no row for list {lst!r}")
        origin = typing.get_origin(kind)
        if origin is dict:
            values[lst] = dict(collected[lst])
        elif origin is tuple:
            values[lst] = tuple(collected[lst])
        elif origin is frozenset:
            values[lst] = frozenset(collected[lst])
        else:  # pragma: no cover - a programming error in the family module
            raise TypeError(f"{cls.__name__}.{lst}: unsupported list type {kind}")
    return cls(**values)


def _split(field: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in field.split("|") if x.strip())


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str
    geonameid: str
    continent: str


@dataclass(frozen=True)
class Organisation:
    name: str
    aliases: tuple[str, ...]
    type: str
    country: str | None
    sector: str | None


@dataclass(frozen=True)
class Title:
    title: str
    sector: str | None
    role: str | None


@functools.cache
def countries() -> tuple[Country, ...]:
    columns = ("iso3", "name", "aliases", "demonyms", "capital", "geonameid", "continent")
    return tuple(
        Country(
            r["iso3"],
            r["name"],
            _split(r["aliases"]),
            _split(r["demonyms"]),
            r["capital"],
            r["geonameid"],
            r["continent"],
        )
        for r in read_table("countries.tsv", columns)
    )


@functools.cache
def country_by_code() -> dict[str, Country]:
    return {c.iso3: c for c in countries()}


@functools.cache
def country_by_name() -> dict[str, Country]:
    """Every name, short form and alias of a country (case as written) to the country."""
    out: dict[str, Country] = {}
    for c in countries():
        for n in (c.name, *c.aliases):
            out.setdefault(n, c)
    return out


@functools.cache
def country_by_demonym() -> dict[str, Country]:
    out: dict[str, Country] = {}
    for c in countries():
        for d in c.demonyms:
            out.setdefault(d, c)
    return out


@functools.cache
def organisations() -> tuple[Organisation, ...]:
    return tuple(
        Organisation(
            r["name"], _split(r["aliases"]), r["type"] or "ORG", r["country"] or None, r["sector"] or None
        )
        for r in read_table("organisations.tsv", ("name", "aliases", "type", "country", "sector"))
    )


@functools.cache
def organisation_by_name() -> dict[str, Organisation]:
    out: dict[str, Organisation] = {}
    for o in organisations():
        for n in (o.name, *o.aliases):
            out.setdefault(n, o)
    return out


@functools.cache
def titles() -> dict[str, Title]:
    """Lower-cased title -> Title."""
    return {
        r["title"].lower(): Title(r["title"].lower(), r["sector"] or None, r["role"] or None)
        for r in read_table("titles.tsv", ("title", "sector", "role"))
    }


@functools.cache
def words(name: str) -> frozenset[str]:
    """A one-column word list (lower case): the file's column is named `word`."""
    return frozenset(r["word"].lower() for r in read_table(name, ("word",)))


@functools.cache
def org_sectors() -> dict[str, str]:
    """Lower-case word or two-word phrase in an organisation's name -> sector."""
    return {r["word"].lower(): r["sector"] for r in read_table("org_sectors.tsv", ("word", "sector"))}


def sector_from_name(name: str) -> str | None:
    """The sector an organisation's name signals, reading from its head (end) backwards."""
    table = org_sectors()
    words = name.lower().replace("’", "'").split()
    for i in range(len(words) - 1, -1, -1):
        if i > 0 and f"{words[i - 1]} {words[i]}" in table:
            return table[f"{words[i - 1]} {words[i]}"]
        if words[i] in table:
            return table[words[i]]
    return None


def country_from_name(name: str) -> str | None:
    """The country an organisation's name contains ("Sudanese Armed Forces", "Mali Presidency")."""
    by_name, by_demonym = country_by_name(), country_by_demonym()
    words = name.replace("’", "'").split()
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i : i + n]).removesuffix("'s")
            country = by_name.get(phrase)
            if country is None and not _of_many_states(words, i, i + n):
                country = by_demonym.get(phrase)
            if country is not None:
                return country.iso3
    return None


# Words after a demonym that make it a whole region's ("Organization of American States", "Union of
# South American Nations"), and words before it that do ("Latin American", "North American"), or that
# join it to another people's ("Anglo American", "Pan American", "Sino Japanese": forty-eighth session).
_MANY_STATES_AFTER = frozenset({"States", "Nations", "Countries", "Republics", "Peoples"})
_MANY_STATES_BEFORE = frozenset(
    {"South", "North", "Latin", "Central", "Anglo", "Pan", "Afro", "Franco", "Sino"}
)


def _of_many_states(words: list[str], start: int, end: int) -> bool:
    """Whether the demonym at words[start:end] names a region of many states rather than one state's
    people: followed by "States" or "Nations", or after "South", "Latin" and the like."""
    return (end < len(words) and words[end] in _MANY_STATES_AFTER) or (
        start > 0 and words[start - 1] in _MANY_STATES_BEFORE
    )


@dataclass(frozen=True)
class Nation:
    name: str
    sovereign: str
    demonyms: tuple[str, ...]


@functools.cache
def nations() -> tuple[Nation, ...]:
    """Nations and regions inside a state that news names like countries (England, Catalonia)."""
    return tuple(
        Nation(r["name"], r["sovereign"], _split(r["demonyms"]))
        for r in read_table("nations.tsv", ("name", "sovereign", "demonyms"))
    )


@functools.cache
def nation_by_name() -> dict[str, Nation]:
    """Each nation's name (case as written) to the nation."""
    return {n.name: n for n in nations()}


def names_country_or_nation(name: str) -> bool:
    """Whether `name` is a country's name, short form or alias, or a nation's ("Brazil", "UK", "England")."""
    return name in country_by_name() or name in nation_by_name()
