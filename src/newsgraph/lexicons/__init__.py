"""The project's own data: gazetteers, titles and word lists, each read by one cached function.

Files are plain TSV (lines starting with # are comments) so they can be reviewed in a diff.
Stage-specific lexicons (time words, reporting cues, PLOVER triggers) are read by their own stages
with `read_tsv`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources


def read_tsv(name: str, min_fields: int = 1) -> Iterator[list[str]]:
    """The rows of lexicons/<name>: tab-separated, comments and blank lines skipped, short rows padded."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        fields += [""] * (min_fields - len(fields))
        yield [f.strip() for f in fields]


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
    return tuple(
        Country(r[0], r[1], _split(r[2]), _split(r[3]), r[4], r[5], r[6])
        for r in read_tsv("countries.tsv", 7)
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
        Organisation(r[0], _split(r[1]), r[2] or "ORG", r[3] or None, r[4] or None)
        for r in read_tsv("organisations.tsv", 5)
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
    return {r[0].lower(): Title(r[0].lower(), r[1] or None, r[2] or None) for r in read_tsv("titles.tsv", 3)}


@functools.cache
def words(name: str) -> frozenset[str]:
    """A one-column word list (lower case)."""
    return frozenset(r[0].lower() for r in read_tsv(name))


@functools.cache
def org_sectors() -> dict[str, str]:
    """Lower-case word or two-word phrase in an organisation's name -> sector."""
    return {r[0].lower(): r[1] for r in read_tsv("org_sectors.tsv", 2)}


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
            country = by_name.get(phrase) or by_demonym.get(phrase)
            if country is not None:
                return country.iso3
    return None


@dataclass(frozen=True)
class Nation:
    name: str
    sovereign: str
    demonyms: tuple[str, ...]


@functools.cache
def nations() -> tuple[Nation, ...]:
    """Nations and regions inside a state that news names like countries (England, Catalonia)."""
    return tuple(Nation(r[0], r[1], _split(r[2])) for r in read_tsv("nations.tsv", 3))
