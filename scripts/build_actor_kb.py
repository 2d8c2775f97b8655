"""Build src/newsgraph/kb/phoenix_actors.tsv and phoenix_agents.tsv from the Phoenix dictionaries.

    python scripts/build_actor_kb.py [--phoenix DIR]

DIR defaults to ../shared/reference/phoenix beside the repo: the PETRARCH2 copies of the Phoenix actor and
agent dictionaries (MIT, Open Event Data Alliance). The TSVs are what the project reviews and ships; this
script only saves typing and is deterministic (sorted rows, no timestamps), so a re-run on the same
dictionaries gives the same bytes. The format the reader expects is documented in src/newsgraph/kb/README.md.
"""

from __future__ import annotations

import argparse
import calendar
import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parents[1]
KB = ROOT / "src" / "newsgraph" / "kb"
DEFAULT_PHOENIX = ROOT.parent / "shared" / "reference" / "phoenix"
SOURCE = (
    "Phoenix dictionaries of PETRARCH2 (openeventdata/petrarch2 commit "
    "676801cd9cb2924bbbad09f86d15c9323e7097bf, petrarch2/data/dictionaries/)"
)
ACTOR_FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
ACTOR_COLUMNS = (
    "id", "name", "aliases", "type", "country", "org_kind", "region", "sector", "sectors",
    "start", "end", "code", "source_file",
)  # fmt: skip
AGENT_COLUMNS = ("noun", "sector", "sectors", "country", "org_kind", "code")


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# CAMEO sector codes (the "who within a country" part of a code); other 3-letter chunks after the country
# are religions, ethnicities or organisation names (UNO, MUS, ALQ) and stay only in the raw `code`.
SECTORS = words(
    "GOV MIL ELI LEG JUD OPP REB SPY COP BUS MED EDU HLH REL HRI LAB AGR ENV DEV REF CVL CRM INS SEP PTY "
    "UAF MOD RAD IGO NGO"
)
ORG_KINDS = frozenset({"IGO", "NGO", "MNC", "IMG"})
# CAMEO codes for countries that ISO 3166 does not give (or gave another code): map to the ISO alpha-3 the
# rest of newsgraph uses. KSV/KOS -> XKX is the user-assigned code every major data set uses for Kosovo.
COUNTRY_FIXES = {"TMP": "TLS", "ROM": "ROU", "KSV": "XKX", "KOS": "XKX", "USR": "SUN", "ZAR": "COD"}
# Chunks that are ISO country codes but mean something else inside CAMEO codes (MUS = Muslim, not Mauritius).
NOT_COUNTRIES = frozenset({"MUS", "CHR", "JEW", "HIN", "BUD", "SHI", "SUN"})


def _valid_countries() -> frozenset[str]:
    codes = {c.alpha_3 for c in pycountry.countries}
    codes |= {c.alpha_3 for c in pycountry.historic_countries}
    return frozenset(codes | {"XKX"})


COUNTRIES = _valid_countries()

# Words that make a name an organisation or a role rather than a person (the Phoenix files do not type).
ORG_WORDS = words(
    """ARMY FORCES FORCE FRONT PARTY MOVEMENT ORGANIZATION ORGANISATION COMMITTEE COUNCIL UNION BANK
    MINISTRY GOVERNMENT REGIME BRIGADE BRIGADES GROUP GROUPS LEAGUE ASSOCIATION FEDERATION COMMISSION
    AGENCY INSTITUTE FOUNDATION FUND CORPORATION CORP INC LTD COMPANY CO. SOCIETY ALLIANCE ASSEMBLY
    PARLIAMENT CONGRESS SENATE COURT POLICE NAVY GUARD GUARDS MILITIA MILITIAS CELL CELLS TRIBUNAL
    OFFICE DEPARTMENT BUREAU SERVICE SERVICES AUTHORITY CENTER CENTRE NETWORK ISLAMIC JIHAD BATTALION
    REPUBLIC STATE STATES KINGDOM UNIVERSITY SCHOOL CHURCH PROGRAMME PROGRAM ORGANIZATIONS TRUST
    NATIONS COALITION CABINET JUNTA TALIBAN AL-QAEDA HAMAS HEZBOLLAH COMMAND RIGHTS WATCH
    INTERNATIONAL CROSS CRESCENT MISSION SECRETARIAT TROOPS SOLDIERS REBELS OPPOSITION"""
)
ROLE_WORDS = words(
    """PRESIDENT MINISTER SECRETARY CHIEF AMBASSADOR SPOKESMAN SPOKESWOMAN SPOKESPERSON PREMIER CHAIRMAN
    ENVOY GOVERNOR OFFICIAL OFFICIALS LEADER LEADERS HEAD COMMANDER DIRECTOR PRIME"""
)
LOWER_PARTICLES = words(
    "al el bin ibn bint de da do dos das del della di du la le van von der den ter y of the and for on in "
    "ud ul ad ar as at ash az an wa"
)
# Phoenix writes everything in capitals, so an acronym is told by its dots (U.N.), its brackets ((AAIA)),
# having no vowel (BBC), or this list of ones that read as words.
ACRONYMS = words(
    """UN USA US UK EU NATO OPEC IMF WHO IAEA ICC AU OAS ASEAN OSCE UNHCR UNICEF UNESCO WTO ISIS ISIL AQAP
    AQIM PKK PLO FARC ELN ETA IRA HTS SDF YPG RSF SPLA SPLM ANC MDC FIFA IOC ICRC MSF OECD ECOWAS SADC IGAD
    GCC CIA FBI KGB FSB NSA MI5 MI6 BBC CNN NGO IDF UNRWA UNDP UNEP FAO IFAD ILO WFP UNAMA MONUC MONUSCO
    UNIFIL AMISOM UNMISS MINUSMA NAFTA APEC OIC ADB AFDB EBRD BIS NPT ABC CBS NBC AFP TASS ZANU PF PPP
    PML BJP AKP CHP MHP HDP SPD CDU CSU FDP AFD PSOE PP UMP PS LDP DPJ KMT DPP PRI PAN PRD PT PSDB
    MAS"""
)


def _fail(message: str) -> None:
    sys.stderr.write(f"build_actor_kb: {message}\n")
    raise SystemExit(2)


def human_name(raw: str, *, keep_acronyms: bool) -> str:
    """`BASHAR_AL-ASSAD_` -> `Bashar al-Assad`; `U.N._` -> `U.N.` for organisations (acronyms stay)."""
    words = [w for w in raw.strip().strip("_").replace("_", " ").split() if w]
    out: list[str] = []
    for i, word in enumerate(words):
        lowered = word.lower()
        bare = word.strip("().,")
        if (bare in ACRONYMS or re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?\.?", word)) or (
            keep_acronyms and (word.startswith("(") or (bare.isalpha() and not set(bare) & set("AEIOUY")))
        ):
            out.append(word)
            continue
        parts = [_cap(p) for p in word.split("-")]
        # Arabic and Romance particles stay lower inside a name ("al-Assad", "da Silva"), not at its start.
        for j, part in enumerate(parts):
            if (i > 0 or j > 0) and part.lower() in LOWER_PARTICLES and not (j == len(parts) - 1 and j > 0):
                parts[j] = part.lower()
        if i > 0 and lowered in LOWER_PARTICLES:
            out.append(lowered)
        else:
            out.append("-".join(parts))
    # "Bashar al Assad" is written "Bashar al-Assad" in English news: the article joins the name it precedes.
    joined: list[str] = []
    for i, word in enumerate(out):
        if i > 0 and joined and joined[-1] in ("al", "el") and len(joined) > 1:
            joined[-1] = f"{joined[-1]}-{word}"
        else:
            joined.append(word)
    return " ".join(joined)


def _cap(part: str) -> str:
    if not part:
        return part
    low = part.lower()
    if low.startswith("mc") and len(low) > 2:
        return "Mc" + low[2:].capitalize()
    if len(low) > 2 and low[1] == "'":  # O'Brien, D'Alema
        return low[0].upper() + "'" + low[2:].capitalize()
    return low[0].upper() + low[1:] if low[0].isalpha() else low[:1] + low[1:].capitalize()


def slug(raw: str) -> str:
    return re.sub(r"[^A-Z0-9]+", "_", raw.upper()).strip("_")


# ------------------------------------------------------------------------------------------------ dates

DATE_RANGE = re.compile(r"^(?:(?P<from>>)\s*(?P<d1>\d+)|<\s*(?P<d2>\d+)|(?P<a>\d+)\s*-\s*(?P<b>\d+))$")


class Warnings:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, what: str) -> None:
        self.items.append(f"{where}: {what}")


def iso_date(token: str, where: str, warnings: Warnings) -> str:
    """`yymmdd` or `yyyymmdd` -> ISO. Two-digit years: 00-20 are 20xx (Phoenix ends about 2015), the rest
    19xx. A day past the month's end is clamped (a typo like 100631); anything else is dropped, with a
    warning, which widens the range rather than inventing a date."""
    if len(token) == 6:
        yy = int(token[:2])
        year = 2000 + yy if yy <= 20 else 1900 + yy
        month, day = int(token[2:4]), int(token[4:6])
    elif len(token) == 8:
        year, month, day = int(token[:4]), int(token[4:6]), int(token[6:8])
    else:
        warnings.add(where, f"date {token!r} is neither yymmdd nor yyyymmdd; bound dropped")
        return ""
    if not 1 <= month <= 12 or not 1800 <= year <= 2100:
        warnings.add(where, f"date {token!r} out of range; bound dropped")
        return ""
    day = min(max(day, 1), calendar.monthrange(year, month)[1])
    return f"{year:04d}-{month:02d}-{day:02d}"


# ----------------------------------------------------------------------------------------------- actors


@dataclass
class Code:
    code: str
    start: str = ""
    end: str = ""


@dataclass
class Entry:
    raw: str
    source_file: str
    line: int
    person_hint: bool
    block_country: str
    synonyms: list[str] = field(default_factory=list)
    codes: list[Code] = field(default_factory=list)


CODE = re.compile(r"\[([^\]]*)\]")


def parse_codes(text: str, where: str, warnings: Warnings) -> list[Code]:
    codes: list[Code] = []
    for inner in CODE.findall(text):
        parts = inner.strip().split(None, 1)
        if not parts:
            continue
        code = Code(parts[0].strip())
        if len(parts) == 2:
            dates = parts[1].strip()
            m = DATE_RANGE.match(dates)
            if not m:
                warnings.add(where, f"dates {dates!r} not understood; code kept without dates")
            elif m["d1"]:
                code.start = iso_date(m["d1"], where, warnings)
            elif m["d2"]:
                code.end = iso_date(m["d2"], where, warnings)
            else:
                code.start = iso_date(m["a"], where, warnings)
                code.end = iso_date(m["b"], where, warnings)
                if code.start and code.end and code.end < code.start:
                    # A typo in one of the two dates: which one is unknown, so the range is kept in order.
                    warnings.add(
                        where, f"range {dates} ends before it starts; read as {code.end} to {code.start}"
                    )
                    code.start, code.end = code.end, code.start
        codes.append(code)
    return codes


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


@dataclass
class Split:
    country: str = ""
    org_kind: str = ""
    region: str = ""
    sectors: list[str] = field(default_factory=list)


def split_code(code: str, block_country: str) -> Split:
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    out = Split()
    for i, chunk in enumerate(chunks):
        fixed = COUNTRY_FIXES.get(chunk, chunk)
        if i == 0 and chunk in ORG_KINDS:
            out.org_kind = chunk
        elif i == 0 and fixed in COUNTRIES:
            out.country = fixed
        elif chunk in SECTORS:
            if not (i == 0 and chunk in ORG_KINDS):
                out.sectors.append(chunk)
        elif i == 0:
            out.region = chunk  # CAMEO regions (MEA, SAS, WEU) and groupings
        elif fixed in COUNTRIES and chunk not in NOT_COUNTRIES and not out.country and out.org_kind:
            out.country = fixed  # MNCUSA, NGOUSA: the organisation's home country
    if not out.country and not out.org_kind and not out.region and out.sectors and block_country:
        out.country = COUNTRY_FIXES.get(block_country, block_country)
    return out


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
            if alias and alias not in aliases:
                aliases.append(alias)
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


# ----------------------------------------------------------------------------------------------- agents

SUBSTITUTION = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")


def agent_rows(path: Path, warnings: Warnings) -> list[dict[str, str]]:
    sets: dict[str, list[str]] = {}
    rows: dict[str, dict[str, str]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        m = SUBSTITUTION.match(text)
        if m:
            sets[m[1]] = [w.strip() for w in m[2].split(",") if w.strip()]
            continue
        codes = CODE.findall(text)
        if not codes:
            warnings.add(f"{path.name}:{number}", f"agent {text!r} has no code; skipped")
            continue
        head = text.split("[", 1)[0]
        plurals = re.findall(r"\{([^}]*)\}", head)
        head = re.sub(r"\{[^}]*\}", " ", head)
        # The file's own editing accident: "ADMINISTRATION" became "AD!MINIST!RATION" by a global replace.
        forms = [head.replace("AD!MINIST!RATION", "ADMINISTRATION"), *plurals]
        country_part, _, sector_part = codes[0].strip().partition("~")
        sectors = [sector_part[i : i + 3] for i in range(0, len(sector_part), 3)]
        for form in forms:
            for noun in expand(form, sets):
                noun = " ".join(noun.replace("_", " ").lower().split())
                if noun and noun not in rows:  # the first listing of a noun wins, as in PETRARCH
                    rows[noun] = {
                        "noun": noun,
                        "sector": sectors[0] if sectors else "",
                        "sectors": "|".join(sectors),
                        "country": country_part if country_part in COUNTRIES else "",
                        "org_kind": country_part if country_part in ORG_KINDS else "",
                        "code": codes[0].strip(),
                    }
    return [rows[k] for k in sorted(rows)]


def expand(form: str, sets: dict[str, list[str]]) -> list[str]:
    """`!MINIST! OF_DEFENCE` -> `MINISTER OF_DEFENCE`, `MINISTRY OF_DEFENCE`, ... (every member)."""
    m = re.search(r"![A-Z]+!", form)
    if not m:
        return [form.strip()]
    members = sets.get(m[0], [])
    out: list[str] = []
    for member in members:
        out.extend(expand(form[: m.start()] + member + form[m.end() :], sets))
    return out


# ------------------------------------------------------------------------------------------------ write


def header(copyright_line: str, command: str) -> list[str]:
    return [
        f"# source: {SOURCE}",
        f"# licence: MIT ({copyright_line}); full text in LICENSE.phoenix beside this file",
        f"# built by: {command}",
        "# format: src/newsgraph/kb/README.md",
    ]


def write_tsv(path: Path, lines: list[str], columns: tuple[str, ...], rows: list[dict[str, str]]) -> None:
    out = [*lines, "\t".join(columns)]
    for row in rows:
        cells = [row.get(c, "") for c in columns]
        if any("\t" in c or "\n" in c for c in cells):
            _fail(f"a tab or newline inside a cell of {row.get('id') or row.get('noun')}")
        out.append("\t".join(cells))
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def write_compact(tsv: Path, target: Path) -> None:
    """The compact form the reader loads fast (see newsgraph.kb.tables), read back from the TSV through the
    package's own reader, so it holds exactly what the TSV says."""
    sys.path.insert(0, str(ROOT / "src"))
    from newsgraph.kb.records import normalise
    from newsgraph.kb.tables import ACTOR_REQUIRED, read_actors, split_table, to_compact

    data = tsv.read_bytes()
    columns, rows = split_table(data.decode("utf-8").splitlines(), str(tsv), ACTOR_REQUIRED)
    actors = read_actors(columns, rows, str(tsv), "phoenix", check=True)
    packed = to_compact(actors, hashlib.sha256(data).hexdigest(), normalise)
    target.write_text(json.dumps(packed, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phoenix", type=Path, default=DEFAULT_PHOENIX, help="Phoenix dictionary directory")
    parser.add_argument("--out", type=Path, default=KB, help="output directory (default: the package's kb/)")
    args = parser.parse_args(argv)
    phoenix: Path = args.phoenix
    missing = [n for n in (*ACTOR_FILES, "Phoenix.agents.txt", "LICENSE") if not (phoenix / n).is_file()]
    if missing:
        _fail(
            f"no Phoenix dictionaries in {phoenix} (missing {', '.join(missing)}); "
            "pass --phoenix DIR, the directory holding the PETRARCH2 Phoenix.*.txt files and their LICENSE"
        )
    licence = (phoenix / "LICENSE").read_text(encoding="utf-8")
    copyright_line = next((ln.strip() for ln in licence.splitlines() if ln.startswith("Copyright")), "")
    warnings = Warnings()
    entries = [e for name in ACTOR_FILES for e in read_actor_file(phoenix / name, warnings)]
    actors = actor_rows(entries)
    agents = agent_rows(phoenix / "Phoenix.agents.txt", warnings)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    command = "python scripts/build_actor_kb.py --phoenix ../shared/reference/phoenix"
    lines = header(copyright_line, command)
    write_tsv(out / "phoenix_actors.tsv", lines, ACTOR_COLUMNS, actors)
    write_tsv(out / "phoenix_agents.tsv", lines, AGENT_COLUMNS, agents)
    (out / "LICENSE.phoenix").write_text(licence, encoding="utf-8")
    write_compact(out / "phoenix_actors.tsv", out / "phoenix_actors.json")
    for item in warnings.items:
        sys.stderr.write(f"warning: {item}\n")
    ids = len({r["id"] for r in actors})
    counts = f"{ids} actors ({len(actors)} rows), {len(agents)} agents, {len(warnings.items)} warnings"
    sys.stdout.write(counts + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
