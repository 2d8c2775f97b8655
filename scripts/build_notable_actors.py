"""Build src/newsgraph/kb/notable_actors.tsv from the project's lists of notable people and bodies.

    python scripts/build_notable_actors.py            # write the file, print what was left out and why
    python scripts/build_notable_actors.py --check    # exit 1 when the shipped file is not what it builds

The lists (scripts/data/notable_actors/*.tsv, one per field: athletes, football, team sports, entertainment,
business, media, US and world public life) were written by the project's helpers from their own knowledge
of the world, facts only (names, gender, country, sector, a role word), never from any article; their
format is the header of each list. The curated facts (kb/curated_actors.tsv: offices, parties, armed
groups) are not repeated: a name the curated file already gives is left out here. A North American
club gets its nickname as an alias ("Toronto Blue Jays": "Blue Jays"), unless another club has it too;
an acronym alias of three letters or fewer is left out ("MIT" names many bodies). A name two lists give
with the same country is kept once; with different countries (namesakes, or a doubtful fact) it is left
out: a wrong country is worse than none. Deterministic: rows sorted by id, no timestamps.
"""

from __future__ import annotations

import argparse
import functools
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from actor_kb.names import slug  # noqa: E402

from newsgraph.geo.gazetteer import gazetteer  # noqa: E402
from newsgraph.kb import CURATED_ACTORS, NOTABLE_ACTORS, PHOENIX_ACTORS, ActorKB, firm_key, normalise  # noqa: E402
from newsgraph.kb.tables import ACTOR_REQUIRED, read_actors, read_lines, split_table  # noqa: E402
from newsgraph.lexicons import country_by_code  # noqa: E402
from newsgraph.lexicons.names import is_given_name  # noqa: E402
from newsgraph.nlp import DEFAULT_MODEL, load_nlp  # noqa: E402

PARTS = ROOT / "scripts" / "data" / "notable_actors"
SECOND_PASS = ROOT / "scripts" / "data" / "notable_agreement.tsv"  # the first two rounds' rows
SECOND_PASS_THIRD = ROOT / "scripts" / "data" / "notable_agreement_third.tsv"  # the third round's
SECOND_PASS_FOURTH = ROOT / "scripts" / "data" / "notable_agreement_fourth.tsv"  # the fourth round's
SECOND_PASS_FIFTH = ROOT / "scripts" / "data" / "notable_agreement_fifth.tsv"  # the fifth round's
SECOND_PASS_SIXTH = ROOT / "scripts" / "data" / "notable_agreement_sixth.tsv"  # the sixth's (parties)
SECOND_PASS_SEVENTH = ROOT / "scripts" / "data" / "notable_agreement_seventh.tsv"  # the seventh's (sports)
SECOND_PASS_EIGHTH = ROOT / "scripts" / "data" / "notable_agreement_eighth.tsv"  # the eighth's (the past)
SECOND_PASS_NINTH = ROOT / "scripts" / "data" / "notable_agreement_ninth.tsv"  # the ninth's (legends, bodies)
SECOND_PASSES = (
    SECOND_PASS,
    SECOND_PASS_THIRD,
    SECOND_PASS_FOURTH,
    SECOND_PASS_FIFTH,
    SECOND_PASS_SIXTH,
    SECOND_PASS_SEVENTH,
    SECOND_PASS_EIGHTH,
    SECOND_PASS_NINTH,
)
PART_COLUMNS = ["name", "aliases", "type", "gender", "country", "org_kind", "sector", "role", "start", "end"]
OUT_COLUMNS = ["id", "name", "aliases", "type", "gender", "country", "org_kind", "sector", "sectors", "role"]
OUT_COLUMNS += ["start", "end"]
PERSON_ROLES = frozenset(
    {"athlete", "coach", "entertainer", "business", "media", "writer", "scholar", "religious", "activist",
     "official", "judge", "military", "diplomat", "royal", "criminal"}
)  # fmt: skip
ORG_ROLES = frozenset(
    {"club", "firm", "media_outlet", "ngo", "think_tank", "agency", "university", "league", "union",
     "religious_body", "igo", "party", "armed_group"}
)  # fmt: skip
HEADER = (
    "# source: newsgraph, written by the project from public facts (names, gender, country, sector, a role"
    " word); no text copied\n"
    "# licence: MIT (the project's own licence, LICENSE at the repository root)\n"
    "# built by: scripts/build_notable_actors.py from scripts/data/notable_actors/*.tsv (one row per actor,"
    " or per country held when it changed)\n"
)


def notable_id(name: str) -> str:
    """The id of a name: the Phoenix build's slug (actor_kb/names.py) of it without its accents ("Ørsted":
    ntb:ORSTED)."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "ntb:" + (slug(folded) or "X")


def table_rows(lines: list[str]) -> list[list[str]]:
    """The data rows of a table in the knowledge base's format: comment lines and the header skipped."""
    _, rows = split_table(lines, "notable_actors.tsv", ACTOR_REQUIRED)
    return [cells for _, cells in rows]


def list_rows(path: Path, problems: list[str]) -> list[dict[str, str]]:
    """The rows of one list (scripts/data/notable_actors/*.tsv), each with its file's name as `part`; a row
    that breaks the format goes to `problems` instead (scripts/filter_party_lists.py reads them too)."""
    out: list[dict[str, str]] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if cells == PART_COLUMNS:
            continue
        row = dict(zip(PART_COLUMNS, cells, strict=False))
        why = _problem(row, len(cells))
        if why:
            problems.append(f"{path.name}:{n}: {row.get('name', '')!r} left out: {why}")
            continue
        row["part"] = path.name
        out.append(row)
    return out


def _problem(row: dict[str, str], width: int) -> str:
    if width != len(PART_COLUMNS):
        return f"{width} fields, {len(PART_COLUMNS)} expected"
    kind, role = row["type"], row["role"]
    if kind not in ("PERSON", "ORG") or role not in (PERSON_ROLES if kind == "PERSON" else ORG_ROLES):
        return f"type {kind!r} with role {role!r}"
    if row["country"] and row["country"] not in country_by_code():
        return f"unknown country {row['country']!r}"
    if not row["country"] and not row["org_kind"]:
        return "no country and no org_kind"
    if kind == "PERSON" and row["gender"] not in ("m", "f"):
        return "a person without gender m/f"
    return ""


# An acronym alias this short names many bodies ("MIT" is a university and Turkey's intelligence service):
# left out; a body whose own name is an acronym ("BBC", "RT") keeps it.
SHORT_ACRONYM = 3
# ... but for the leagues and sports bodies that sports pages name by their acronym alone, which news
# writes for nothing else ("NBA", "IOC"; not "AFL", which is also the AFL-CIO). Forty-ninth session: the
# world federations and tours a sports story names by their acronym alone ("FIA stewards", "the WTA"),
# not FIS (Algeria's Islamic Salvation Front), IWF (the Internet Watch Foundation), WBA (West Bromwich
# Albion), WBC (the World Baseball Classic), UCI (a Californian university), ISU (American ones) nor ATP
# (a US school's test-practice period of that name, in the shared dev articles, took the tennis tour's link).
KEPT_SHORT_ACRONYMS = frozenset(
    {"NBA", "NFL", "MLB", "NHL", "MLS", "IOC", "WWE", "NRL"}
    | {"FIA", "FIG", "FIH", "IJF", "BWF", "EHF", "IHF", "IBF", "WBO", "WTA", "IBU"}
)

# A Puerto Rican is a US citizen: the project's actors give them USA (docs/annotation-actors.md, sports),
# though the lists may write the island's own code, as its sides play under it.
PERSON_COUNTRY = {"PRI": "USA"}


# The North American leagues' clubs go by their nickname alone ("the Blue Jays", "Yankees"): the last word
# of the name, with a colour or such word before it that belongs to the nickname ("Red Sox", "Maple Leafs").
NICKNAME_COUNTRIES = frozenset({"USA", "CAN"})
NICKNAME_LEADS = frozenset({"red", "white", "blue", "black", "golden", "silver", "maple", "trail"})
# The last word of a football club's name ("Austin FC", "Atlanta United") is no nickname.
NOT_NICKNAMES = frozenset({"fc", "sc", "cf", "united", "city", "club"})


def nicknames(row: dict[str, str]) -> list[str]:
    """The nicknames of a North American club's row (none for any other row)."""
    if row["role"] != "club" or row["country"] not in NICKNAME_COUNTRIES:
        return []
    out: list[str] = []
    for form in [row["name"], *filter(None, row["aliases"].split("|"))]:
        words = form.split()
        if len(words) < 2 or "of" in words or words[-1].lower() in NOT_NICKNAMES:
            continue  # "Mighty Ducks of Anaheim" ends with its town
        start = len(words) - 2 if len(words) > 2 and words[-2].lower() in NICKNAME_LEADS else len(words) - 1
        nickname = " ".join(words[start:])
        if nickname[:1].isupper() and nickname not in out:
            out.append(nickname)
    return out


# Clubs elsewhere go by their name without the letters of their legal or sporting form ("AJ Auxerre" is
# "Auxerre", "Liverpool FC" "Liverpool", "Schalke 04" "Schalke", "Surrey County Cricket Club" "Surrey",
# "1. FC Kaiserslautern" "Kaiserslautern"): results and reports write the short form. Not when what is
# left is a word many clubs open with ("Real", "Dinamo"), a given name ("Chelsea", "Nancy": a person
# named so would take the club's country), an English word by its shape (_usable_short_name), a name
# Phoenix or the curated facts give an actor, or another club's short form too: build() drops a form
# two actors share. A town the club is seated in, ending its name, goes too (_without_seat).
CLUB_FORMS = frozenset(
    {
        "fc", "afc", "cfc", "cf", "sc", "ac", "as", "aj", "ss", "ssc", "us", "usm", "rc", "rcd", "cd", "sd",
        "ud", "ca", "sv", "vfb", "vfl", "tsv", "fk", "sk", "bk", "if", "ik", "nk", "hnk", "pfc", "ks",
        "ec", "osc", "ogc", "js", "cs", "calcio",
    }
)  # fmt: skip
CLUB_TAILS = ("county cricket club", "cricket club", "football club")
CLUB_OPENERS = frozenset(
    {
        "america", "athletic", "atletico", "city", "club", "county", "deportivo", "dinamo", "dynamo",
        "independiente", "inter", "internacional", "nacional", "olympique", "racing", "rangers", "real",
        "rovers", "sporting", "stade", "town", "union", "united", "universidad", "wanderers",
        # the same words in other languages, which many clubs of a country open with
        "clube", "esporte", "energie", "gimnasia", "politehnica", "universitatea", "en",
    }
)  # fmt: skip


def club_short_names(row: dict[str, str]) -> list[str]:
    """The short forms of a club's name and aliases (none for another row, or a North American club,
    whose nicknames stand for it)."""
    if row["role"] != "club" or row["country"] in NICKNAME_COUNTRIES:
        return []
    forms = [row["name"], *filter(None, row["aliases"].split("|"))]
    out: list[str] = []
    for form in forms:
        bare = _without_club_form(form)
        for short in (bare, _without_seat(bare, row["country"])):
            if short and short not in forms and short not in out and _usable_short_name(short):
                out.append(short)
    return out


def _without_seat(name: str, country: str) -> str:
    """A club's name without the town it is seated in, when that ends it ("Red Star Belgrade", "Legia
    Warsaw": "Red Star", "Legia"), else "". Not when what is left is a place itself ("Istanbul
    Basaksehir" is no "Istanbul"), ends with a particle ("Atletico de Madrid", "Heart of Midlothian")
    or is an English word (the parser's dictionary of words: "Standard Liege", "Sport Recife", "Torpedo
    Moscow")."""
    words = name.split()
    places = gazetteer()
    for n in (2, 1):
        if len(words) > n and any(p.country == country for p in places.lookup(" ".join(words[-n:]))):
            rest = words[:-n]
            if rest[-1] in _PARTICLES or places.lookup(" ".join(rest)):
                return ""
            if len(rest) == 1 and rest[0].lower() in english_words():
                return ""
            return " ".join(rest)
    return ""


_PARTICLES = frozenset({"de", "da", "do", "di", "del", "y", "e", "of", "the", "and", "&", "upon", "on"})


@functools.cache
def english_words() -> frozenset[str]:
    """The nouns, verbs, adjectives and adverbs of the spaCy model's lemmatizer tables (WordNet's words)."""
    lemmatizer = load_nlp(DEFAULT_MODEL).get_pipe("lemmatizer")
    index = lemmatizer.lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    return frozenset(w for pos in ("noun", "verb", "adj", "adv") for w in index.get(pos, []))


def _without_club_form(form: str) -> str:
    lower = form.lower()
    for tail in CLUB_TAILS:
        if lower.endswith(" " + tail):
            form = form[: -len(tail) - 1]
            break
    words = form.split()
    # A year opening the name is part of it ("TSV 1860 Munich" is not "Munich"); "1. FC" is not.
    while words and (words[0].lower().rstrip(".") in CLUB_FORMS or words[0] in ("1.", "1")):
        words.pop(0)
    while words and (words[-1].lower().rstrip(".") in CLUB_FORMS or words[-1].isdigit()):
        words.pop()
    return " ".join(words)


def _usable_short_name(short: str) -> bool:
    """Not a word many clubs open with, nor a given name; five letters or more and no plural ending: the
    short forms of four letters and the plural ones are English words as often ("Nice", "Lens",
    "Odds"; "Shooting Stars", a children's hospice; "Highlanders", a side of every country)."""
    return (
        len(short.replace(" ", "")) >= 5
        and short[:1].isupper()
        and not short.endswith("s")
        and short.lower().split()[0] not in CLUB_OPENERS
        and not is_given_name(short)
    )


# Lists of office holders (the 1990s, and 2001-2017): Phoenix knows many of them with the dates of each
# sector they held (government, then opposition); a name Phoenix has is left to it, the list adding only
# those it lacks. Likewise the lists of the fiftieth session (people of the past, culture, companies):
# Phoenix's presidents and leaders of the past keep their ids, which stored corpora hold.
PHOENIX_FIRST = frozenset(
    {"us_politics_1990s.tsv", "world_politics_1990s.tsv", "us_public_2000s.tsv", "world_public_2000s.tsv"}
    | {"arts_past.tsv", "public_past.tsv", "culture_1990_2025.tsv", "companies_2000_2025.tsv"}
    | {"sports_past.tsv", "culture_bodies.tsv"}
)


def names_in(path: Path, source: str) -> set[str]:
    """Every normalised name and alias of the actors of a shipped table (curated, Phoenix)."""
    table = split_table(read_lines(path), str(path), ACTOR_REQUIRED)
    return {
        normalise(n) for actor in read_actors(*table, str(path), source, check=False) for n in actor.names
    }


def build() -> tuple[str, list[str]]:
    """The file's text, and what was left out and why."""
    problems: list[str] = []
    rows = [r for part in sorted(PARTS.glob("*.tsv")) for r in list_rows(part, problems)]
    curated_names = names_in(CURATED_ACTORS, "curated")
    phoenix_names = names_in(PHOENIX_ACTORS, "phoenix")
    # The names the lists write: a short form one of them gives another actor is that actor's ("Skoda" of
    # a Greek club would take the carmaker's "Škoda" from it).
    written = {normalise(f) for r in rows for f in [r["name"], *r["aliases"].split("|")] if f}
    for r in rows:
        if r["type"] == "PERSON":
            r["country"] = PERSON_COUNTRY.get(r["country"], r["country"])
        known = {normalise(f) for f in [r["name"], *r["aliases"].split("|")]}
        extra = [n for n in nicknames(r) if normalise(n) not in known]
        for short in club_short_names(r):
            if normalise(short) in phoenix_names:
                problems.append(f"short name {short!r} of {r['name']!r} left out: a Phoenix actor's name")
            elif normalise(short) in written and normalise(short) not in known:
                problems.append(f"short name {short!r} of {r['name']!r} left out: another actor's name form")
            elif normalise(short) not in known:
                extra.append(short)
        r["aliases"] = "|".join(filter(None, [r["aliases"], *extra]))
    if any(r["part"] in PHOENIX_FIRST for r in rows):
        for r in [r for r in rows if r["part"] in PHOENIX_FIRST and normalise(r["name"]) in phoenix_names]:
            problems.append(f"{r['name']!r} left out: Phoenix has it, with the dates of its sectors")
            rows.remove(r)
    by_key: dict[str, list[dict[str, str]]] = {}
    for r in rows:
        by_key.setdefault(normalise(r["name"]), []).append(r)
    kept: list[dict[str, str]] = []
    for key, group in by_key.items():
        if key in curated_names:
            problems.append(f"{group[0]['name']!r} left out: the curated facts have it")
            continue
        countries = {r["country"] for r in group}
        spans = {(r["start"], r["end"]) for r in group}
        if len(countries) > 1 and len(spans) == 1:
            problems.append(
                f"{group[0]['name']!r} left out: lists disagree on the country {sorted(countries)}"
            )
            continue
        seen: set[tuple[str, str, str]] = set()
        for r in group:
            if (r["country"], r["start"], r["end"]) not in seen:
                seen.add((r["country"], r["start"], r["end"]))
                kept.append(r)
    # An alias that is another kept actor's name or alias would make namesakes of them: dropped.
    owners: dict[str, set[str]] = {}
    for r in kept:
        for form in [r["name"], *filter(None, r["aliases"].split("|"))]:
            owners.setdefault(normalise(form), set()).add(normalise(r["name"]))
    lines = [HEADER.rstrip("\n"), "\t".join(OUT_COLUMNS)]
    for r in sorted(kept, key=lambda r: (notable_id(r["name"]), r["start"])):
        aliases = []
        for a in filter(None, r["aliases"].split("|")):
            key = normalise(a)
            if len(owners.get(key, ())) > 1 or key in curated_names:
                problems.append(f"alias {a!r} of {r['name']!r} left out: another actor's name form")
            elif short_acronym(a) and a not in KEPT_SHORT_ACRONYMS:
                problems.append(f"alias {a!r} of {r['name']!r} left out: a short acronym is many bodies'")
            elif r["type"] == "PERSON" and len(key.split()) == 1:
                # A person's alias the lookup reads as one word ("El Mayo" is "mayo", "Al Gray" "gray": the
                # article and the initials go): a mononym, a county's or anyone's surname.
                problems.append(f"alias {a!r} of {r['name']!r} left out: one word as the lookup reads it")
            elif key != normalise(r["name"]) and a not in aliases:
                aliases.append(a)
        cells = [notable_id(r["name"]), r["name"], "|".join(aliases), r["type"], r["gender"], r["country"]]
        cells += [r["org_kind"], r["sector"], r["sector"], r["role"], r["start"], r["end"]]
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n", problems


def short_acronym(alias: str) -> bool:
    """An acronym of SHORT_ACRONYM letters or fewer, with or without a legal form after it: the knowledge
    base matches a firm's name without its form, so "BSE Ltd" would answer to "BSE" (Budapest's exchange
    too)."""
    plain = alias.replace(".", "")
    if plain.isupper() and len(plain) <= SHORT_ACRONYM:
        return True  # ("M&S", "U.S.")
    words = plain.split()
    bare = firm_key(normalise(alias)).split()
    return (
        len(bare) == 1
        and bool(words)
        and words[0].isupper()
        and len(words[0]) <= SHORT_ACRONYM
        and normalise(words[0]) == bare[0]
    )


def agreement(path: Path) -> str:
    """Country and gender agreement between the shipped file and an independent second annotation of a
    sample of it (id, country, gender, sure), with the rows that disagree on the country."""
    shipped: dict[str, tuple[str, str]] = {}
    for cells in table_rows(read_lines(NOTABLE_ACTORS)):
        shipped.setdefault(cells[0], (cells[5], cells[4]))  # an id's first row
    rows = [line.split("\t") for line in read_lines(path) if line and not line.startswith(("#", "id\t"))]
    for r in rows:  # the build's convention, the second annotator's brief being the lists' (a Puerto Rican)
        r[1] = PERSON_COUNTRY.get(r[1], r[1]) if shipped[r[0]][1] else r[1]
    same = [r for r in rows if shipped[r[0]][0] == r[1]]
    sure = [r for r in rows if r[3] == "1"]
    people = [r for r in rows if shipped[r[0]][1]]
    out = [
        f"country: {len(same)} of {len(rows)} agree ({len(same) / len(rows):.1%}); of the rows the second"
        f" annotator was sure of, {sum(shipped[r[0]][0] == r[1] for r in sure)} of {len(sure)}",
        f"gender: {sum(shipped[r[0]][1] == r[2] for r in people)} of {len(people)} people agree",
    ]
    out += [
        f"  {r[0]}: shipped {shipped[r[0]][0] or '-'}, second {r[1] or '-'}" for r in rows if r not in same
    ]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped file, write nothing")
    parser.add_argument(
        "--agreement", action="store_true", help="the shipped file against the second annotation of a sample"
    )
    args = parser.parse_args(argv)
    if args.agreement:
        for path in SECOND_PASSES:
            print(f"{path.name}:\n{agreement(path)}")
        return 0
    text, problems = build()
    if args.check:
        same = NOTABLE_ACTORS.is_file() and NOTABLE_ACTORS.read_text(encoding="utf-8") == text
        print("notable_actors.tsv is what the lists build" if same else "notable_actors.tsv is out of date")
        return 0 if same else 1
    NOTABLE_ACTORS.write_text(text, encoding="utf-8")
    for p in problems:
        print(p)
    rows = len(table_rows(text.splitlines()))
    print(f"{NOTABLE_ACTORS}: {rows} rows; {len(problems)} left out or trimmed (above)")
    # The prebuilt index is built from this file: without a new one, the load reads the TSVs (slower).
    print(f"{ActorKB.build_index()}: rebuilt")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
