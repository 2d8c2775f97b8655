"""The actor dictionaries: entries read in PETRARCH's format, typed by guess, one row per (actor, code)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .codes import COUNTRIES, COUNTRY_FIXES, Code, Warnings, parse_codes, split_code
from .names import ORG_WORDS, ROLE_WORDS, human_name, slug

ACTOR_FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
ACTOR_COLUMNS = (
    "id", "name", "aliases", "type", "country", "org_kind", "region", "sector", "sectors",
    "start", "end", "code", "source_file",
)  # fmt: skip


@dataclass
class Entry:
    raw: str
    source_file: str
    line: int
    person_hint: bool
    block_country: str
    synonyms: list[str] = field(default_factory=list)
    codes: list[Code] = field(default_factory=list)


def read_actor_file(path: Path, warnings: Warnings) -> list[Entry]:
    """PETRARCH actor format: a name line starts an entry (codes may follow on it), `+` lines add synonyms,
    `[CODE DATES]` lines add codes. A name line met while the entry before it has no code yet joins that
    entry as a synonym, as PETRARCH reads it: several primary forms sharing the code lines that follow."""
    entries: list[Entry] = []
    current: Entry | None = None
    block_country = ""
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        comment = line.find("#")
        hint = "CountryInfo" in line[comment:] if comment >= 0 else False
        text = (line[:comment] if comment >= 0 else line).strip()
        if not text:
            continue
        where = f"{path.name}:{number}"
        name_part = text.split("[", 1)[0].strip()
        codes = parse_codes(text, where, warnings)
        if text.startswith("["):
            if current is None:
                warnings.add(where, "code line before any actor; ignored")
                continue
            current.codes.extend(codes)
        elif text.startswith("+"):
            if current is None:
                warnings.add(where, "synonym before any actor; ignored")
                continue
            # A stray `+` inside a synonym (`..._ISLAMI+_ISLAMIC_ADEN_ARMY_`) is two synonyms run together.
            current.synonyms.extend(s for s in name_part[1:].split("+") if s.strip("_ "))
            current.codes.extend(codes)
        else:
            if current is not None and not current.codes:
                current.synonyms.append(name_part)
                current.codes.extend(codes)
                continue
            current = Entry(name_part, path.name, number, hint, block_country)
            current.codes.extend(codes)
            entries.append(current)
            # A country-level entry (`SYRIA_ [SYR]`) opens that country's block: a sector-only code below
            # it (`[ELI]`) belongs to that country.
            if path.name == "Phoenix.Countries.actors.txt" and len(codes) == 1 and len(codes[0].code) == 3:
                block_country = codes[0].code
                current.block_country = block_country
    for entry in entries:
        if not entry.codes:
            warnings.add(f"{entry.source_file}:{entry.line}", f"{entry.raw!r} has no code; skipped")
    return [e for e in entries if e.codes]


def guess_type(entry: Entry, names: list[str]) -> str:
    words = {w for n in names[:1] for w in n.upper().replace("-", " ").replace("_", " ").split()}
    codes = [c.code for c in entry.codes]
    if all(len(c) == 3 and COUNTRY_FIXES.get(c, c) in COUNTRIES for c in codes):
        return "GPE"  # country-level names: the country itself, its capital, its demonym
    if entry.source_file == "Phoenix.MilNonState.actors.txt" or any(c.startswith("MNC") for c in codes):
        return "ORG"
    if words & ORG_WORDS:
        return "ORG"
    if words & ROLE_WORDS:
        return ""  # a role ("UN secretary general"), not a named person
    if entry.person_hint:
        return "PERSON"
    if 2 <= len(names[0].strip("_").split("_")) <= 5 and any(c.start or c.end for c in entry.codes):
        return "PERSON"
    return ""


def actor_rows(entries: list[Entry]) -> list[dict[str, str]]:
    countries_of: dict[str, set[str]] = {}
    for entry in entries:
        countries_of.setdefault(slug(entry.raw), set()).add(entry.codes[0].code[:3])
    groups: dict[str, list[Entry]] = {}
    for entry in entries:
        base = slug(entry.raw)
        if not base:
            continue
        ident = f"phx:{base}"
        if len(countries_of[base]) > 1:
            # Namesakes in different countries stay apart by the first code's country; the same name
            # twice under one country is one actor listed twice, and its entries merge.
            ident += "." + entry.codes[0].code[:3]
        groups.setdefault(ident, []).append(entry)
    rows: list[dict[str, str]] = []
    for ident, group in groups.items():
        kinds = [guess_type(e, [e.raw]) for e in group]
        kind = next((k for k in ("PERSON", "GPE", "ORG") if k in kinds), "")
        org_like = kind != "PERSON"
        name = human_name(group[0].raw, keep_acronyms=org_like)
        aliases: list[str] = []
        for form in [f for e in group for f in (e.raw, *e.synonyms)]:
            alias = human_name(form, keep_acronyms=org_like)
            for written in (alias, _without_bracket(alias) if kind == "ORG" else ""):
                if written and written not in aliases:
                    aliases.append(written)
        first = True
        for entry in group:
            for code in entry.codes:
                parts = split_code(code.code, entry.block_country)
                rows.append(
                    {
                        "id": ident,
                        "name": name,
                        "aliases": "|".join(aliases) if first else "",
                        "type": kind,
                        "country": parts.country,
                        "org_kind": parts.org_kind,
                        "region": parts.region,
                        "sector": parts.sectors[0] if parts.sectors else "",
                        "sectors": "|".join(parts.sectors),
                        "start": code.start,
                        "end": code.end,
                        "code": code.code,
                        "source_file": entry.source_file,
                    }
                )
                first = False
    # Sorted by id, then by period, so the file diffs well; aliases must stay on the id's first row.
    rows.sort(key=lambda r: (r["id"], r["aliases"] == "", r["start"], r["end"], r["code"]))
    deduped: list[dict[str, str]] = []
    for row in rows:
        if deduped and all(deduped[-1][k] == row[k] for k in ACTOR_COLUMNS if k != "aliases"):
            if row["aliases"]:
                merged = deduped[-1]["aliases"].split("|") + row["aliases"].split("|")
                deduped[-1]["aliases"] = "|".join(dict.fromkeys(a for a in merged if a))
            continue
        deduped.append(row)
    return deduped


def _without_bracket(name: str) -> str:
    """A body's name without the acronym Phoenix writes in brackets after it ("Irish Republican Army (IRA)"
    -> "Irish Republican Army"), as news writes it. Only an acronym of the name's own initials: a bracket
    may hold what tells namesakes apart ("(COLOMBIA)", a faction's name), and then the name stays whole;
    "" when there is no such bracket or what is left is one word (a word alone may be an ordinary one)."""
    match = re.fullmatch(r"(.+?) \(([A-Z][A-Z-]{1,7})\)", name.strip())
    if match is None:
        return ""
    bare, letters = match.group(1).strip(), match.group(2).replace("-", "")
    initials = iter(w[0].upper() for w in bare.replace("-", " ").split())
    if len(bare.split()) < 2 or not all(letter in initials for letter in letters):
        return ""  # the letters must be the words' initials, in order (a subsequence of them)
    return bare
