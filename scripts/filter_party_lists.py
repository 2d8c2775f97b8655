"""Write scripts/data/notable_actors/parties_world.tsv from the helpers' party lists (issue 14).

    python scripts/filter_party_lists.py            # write the list, print what was left out and why
    python scripts/filter_party_lists.py --check    # exit 1 when the shipped list is not what it writes

scripts/data/parties_world/*.tsv: the parties that won seats in the national legislature of every state
outside the G20, Israel, Ukraine, Pakistan and Iran (whose parties the curated facts give) from 2000 to
2024, written by four helpers of the forty-eighth session from their own knowledge, one region each, in
the lists' format (build_notable_actors.py's PART_COLUMNS), facts only. This script keeps what names one
party of one country and nothing the knowledge base already names:
- a party whose name (without a bracket a helper added to tell namesakes apart, "Workers' Party
  (Singapore)") the curated facts, Phoenix or another list already give, or another country's party of
  these lists gives too, is left out whole: a name two states' parties answer to is neither's;
- so is one whose name is made only of words many states' parties share ("Labour Party", "Social
  Democratic Party", "National Unity Party"): it names no one party; and one whose name is one English
  word or given name ("Most", "Together", "Revival"), or a phrase of English words with no party's head
  noun ("Our Time"), which a sentence writes for other things;
- but when such a name is only shared or made of such words, a form of the row's own that names no other
  party becomes its name ("Labour Party (Netherlands)" is "PvdA");
- an alias given so, or another row's name, or a club's nickname or short name the build gives another
  list's row ("Pirates", "Arema"), goes alone, and so does a one-word alias that is an English word or
  its plural or a given name, in capitals too ("Todos" stays; "Cabal" would not, nor the acronym
  "REAL", which the knowledge base would match in "Real" of Real Madrid).
build_notable_actors.py then builds the knowledge base's file from this list as from the others.
Deterministic: rows in the lists' order, no timestamps.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

import build_notable_actors as notable  # noqa: E402

from newsgraph.kb import normalise  # noqa: E402
from newsgraph.lexicons import country_by_demonym, country_by_name, names_country_or_nation, nations  # noqa: E402
from newsgraph.lexicons.names import is_given_name  # noqa: E402

SOURCES = ROOT / "scripts" / "data" / "parties_world"
OUT = notable.PARTS / "parties_world.tsv"
HEADER = (
    "# Sixth round (forty-eighth session, issue 14): the parties that won seats in the national"
    " legislature of every state outside the G20, Israel, Ukraine, Pakistan and Iran, 2000-2024, written"
    " by four helpers from their own knowledge (scripts/data/parties_world/), filtered by"
    " scripts/filter_party_lists.py (do not edit: run it).\n"
)
# A bracket a helper added to a name to tell namesakes apart, naming a state: "Democrat Party (Thailand)"
# (not one that is part of the name: "CPN (UML)").
_BRACKET = re.compile(r"\s*\(([^)]*)\)\s*$")


def _unbracketed(name: str) -> str:
    hit = _BRACKET.search(name)
    if hit is None:
        return name
    state = hit.group(1).removeprefix("the ")
    names = country_by_name()
    return name[: hit.start()] if state in names or f"The {state}" in names else name


# Words many states' parties' names are made of, in the languages the lists write; with the small words
# that join them, a name of these alone names no one party.
GENERIC = frozenset(
    {
        "party", "parties", "parti", "partido", "partidul", "partito", "partei", "movement", "movimiento",
        "movimento", "mouvement", "front", "frente", "alliance", "alianza", "aliança", "union", "unión",
        "união", "unity", "united", "democratic", "democrat", "democrats", "democracy", "démocratique",
        "democrático", "democrática", "social", "socialist", "socialista", "socialiste", "liberal",
        "liberals", "libéral", "labour", "labor", "workers", "workers'", "worker's", "national", "nacional",
        "nationale", "nationalist", "people's", "peoples", "people", "popular", "populaire", "popolare",
        "republican", "republicans", "republic", "republicano", "conservative", "conservatives", "green",
        "greens", "verde", "verdes", "communist", "communists", "progressive", "progressives", "reform",
        "justice", "development", "congress", "patriotic", "patriots", "liberty", "freedom", "independent",
        "independence", "renewal", "renovación", "rally", "rassemblement", "citizens", "citizen", "civic",
        "centre", "center", "centrist", "left", "right", "radical", "revolutionary", "federal",
        "solidarity", "change", "forward", "future", "hope", "action", "agrarian", "farmers", "peasant",
        "peasants", "ecological", "ecologist", "humanist", "homeland", "nation", "league", "coalition",
        "forum", "unionist", "christian", "new", "convention", "council", "republika", "respublika",
        "república", "republica",
    }
)  # fmt: skip
JOINERS = frozenset(
    {"the", "of", "and", "for", "de", "del", "la", "le", "les", "du", "des", "et", "y", "e", "pour", "por",
     "para"}
)  # fmt: skip


def _rows(problems: list[str]) -> list[dict[str, str]]:
    rows = []
    for path in sorted(SOURCES.glob("*.tsv")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) != len(notable.PART_COLUMNS):
                problems.append(f"{path.name}:{n}: {len(cells)} fields, {len(notable.PART_COLUMNS)} expected")
                continue
            row = dict(zip(notable.PART_COLUMNS, cells, strict=True))
            row["name"] = _unbracketed(row["name"])
            row["where"] = f"{path.name}:{n}"
            rows.append(row)
    return rows


def generic(name: str) -> bool:
    """Whether a party's name is made only of words many states' parties share."""
    words = [w.strip(",.").lower() for w in name.replace("-", " ").split()]
    return all(w in GENERIC or w in JOINERS for w in words)


def _word(alias: str, words: frozenset[str]) -> bool:
    """A one-word alias that is an English word (or its plural: "Pirates") or a given name."""
    lower = alias.lower()
    return lower in words or lower.removesuffix("s") in words or is_given_name(alias)


# Words that make a phrase a party's name ("Colorado Party", "Movement for Change").
PARTY_HEADS = frozenset(
    {"party", "movement", "front", "alliance", "union", "congress", "league", "coalition"}
)
# Small words a phrase of English is made of beside the dictionary's nouns, verbs and adjectives.
SMALL_WORDS = frozenset(
    {"our", "your", "their", "we", "a", "an", "all", "one", "to", "in", "on", "with", "by"}
)


def _english_phrase(form: str, words: frozenset[str]) -> bool:
    """A name made only of English words with no head noun of a party's nor a state's name: an English
    rendering of a party's name that a sentence writes for other things ("Our Time", "Public Affairs")."""
    written = [t.strip(",.!'’") for t in form.replace("-", " ").split()]
    tokens = [t.lower() for t in written]
    return (
        len(tokens) > 1
        and not PARTY_HEADS.intersection(tokens)
        and not any(_of_a_state(t) for t in written)
        and all(t in words or t in GENERIC or t in JOINERS or t in SMALL_WORDS for t in tokens)
    )


def _of_a_state(word: str) -> bool:
    """A state's or nation's name or demonym ("Prosperous Armenia", "Bulgarian Rise"): the phrase is that
    state's."""
    return (
        names_country_or_nation(word)
        or word in country_by_demonym()
        or any(word in n.demonyms for n in nations())
    )


def _known_names() -> set[str]:
    """Every name and alias the knowledge base's other files and the other lists give."""
    known = notable.names_in(notable.CURATED_ACTORS, "curated") | notable.names_in(
        notable.PHOENIX_ACTORS, "phoenix"
    )
    for part in notable.PARTS.glob("*.tsv"):
        if part != OUT:
            for r in notable.list_rows(part, []):
                forms = [
                    r["name"],
                    *r["aliases"].split("|"),
                    *notable.nicknames(r),
                    *notable.club_short_names(r),
                ]
                known.update(normalise(f) for f in forms if f)
    return known


def build() -> tuple[str, list[str]]:
    """The list's text, and what was left out and why."""
    problems: list[str] = []
    rows = _rows(problems)
    known = _known_names()
    words = notable.english_words()
    countries_of: dict[str, set[str]] = {}
    for r in rows:
        for form in [r["name"], *filter(None, r["aliases"].split("|"))]:
            countries_of.setdefault(normalise(_unbracketed(form)), set()).add(r["country"])
    names = {normalise(r["name"]) for r in rows}

    def no_ones(form: str, own: str) -> str:
        """Why a form names no one party of these lists, or ""."""
        key = normalise(form)
        return (
            "another party's name too" if len(countries_of[key]) > 1 or (key in names and key != own)
            else "words many parties' names share" if generic(form)
            else "an English word or a given name" if " " not in form.strip() and _word(form, words)
            else "English words with no party's head noun" if _english_phrase(form, words)
            else ""
        )  # fmt: skip

    lines = [HEADER.rstrip("\n"), "\t".join(notable.PART_COLUMNS)]
    for r in rows:
        key = normalise(r["name"])
        aliases = []
        for alias in map(_unbracketed, filter(None, r["aliases"].split("|"))):
            why = "the knowledge base names it already" if normalise(alias) in known else no_ones(alias, key)
            if why:
                problems.append(f"{r['where']}: alias {alias!r} of {r['name']!r} left out: {why}")
            elif normalise(alias) != key and alias not in aliases:
                aliases.append(alias)
        why = no_ones(r["name"], key)
        own = [a for a in aliases if not notable.short_acronym(a)]  # "FN" names many bodies
        if why and own:
            # The party is known by a form of its own ("Labour Party (Netherlands)": "PvdA")
            problems.append(f"{r['where']}: {r['name']!r} named {own[0]!r}: its name is {why}")
            name, aliases = own[0], [a for a in aliases if a != own[0]]
        elif why or key in known:  # (an alias that is a short acronym alone is no name)
            problems.append(
                f"{r['where']}: {r['name']!r} left out: {why or 'the knowledge base names it already'}"
            )
            continue
        else:
            name = r["name"]
        cells = [r[c] for c in notable.PART_COLUMNS]
        cells[0], cells[1] = name, "|".join(aliases)
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n", problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped list, write nothing")
    args = parser.parse_args(argv)
    text, problems = build()
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print(f"{OUT.name}: {'up to date' if same else 'differs from what the lists give: run the script'}")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    for line in problems:
        print(line)
    print(f"{OUT.name}: {len(text.splitlines()) - 2} parties written, {len(problems)} left out or trimmed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
