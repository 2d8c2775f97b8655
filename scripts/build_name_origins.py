"""Build src/newsgraph/kb/name_origins.tsv: how often each feature of a person's name (a word, its last three
and four letters: newsgraph.kb.name_origins.name_features) occurs among the people of each country.

    python scripts/build_name_origins.py            # write the file
    python scripts/build_name_origins.py --check    # exit 1 when the shipped file is not what it builds
    python scripts/build_name_origins.py --evaluate # the model on a tenth of the people held out of it

The people are the shipped knowledge base's (newsgraph.kb: the Phoenix dictionaries, MIT, and the project's
curated and notable facts, MIT), after its merge: each PERSON actor whose roles give one country, by its
primary name (aliases are other spellings of the same person and would count them twice). A person whose roles
give two countries is left out, and so are the sportspeople of 2016-2025
(scripts/data/notable_actors/sports_2016_2025.tsv, forty-ninth session): 3,276 athletes, many of sports a few
states win most of (Kenya's and Ethiopia's runners), tilted the model so that an Ethiopian trade minister's
name read as Kenyan (tests/test_countries.py), and the project's own sets fell with them (read 5214 / 265 ->
5211 / 267 right / wrong, spent held-out 3813 / 215 -> 3811 / 215). A country of sport is not where a family's
names come from. The lists of the fiftieth session (arts_past.tsv, public_past.tsv, culture_1990_2025.tsv,
companies_2000_2025.tsv, sports_past.tsv: people of the past, singers, business people, sports legends) are
left out too: built with them, the read own sets fell (5225 / 261 -> 5221 / 265 right / wrong) while the spent
ones rose (3823 / 214 -> 3824 / 211), no better under right - 2 x wrong. Nothing else is read; no text of any
article.
Deterministic: rows sorted by feature, countries by code, no timestamps. Re-run it after the knowledge
base's files change; `--check` in the tests keeps the two in step.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.kb import load_kb  # noqa: E402
from newsgraph.kb.name_origins import NAME_ORIGINS, TOTALS, NameOrigins, name_features  # noqa: E402

HEADER = (
    "# Name features (a word w:, its last three s3: and four s4: letters) and how often each occurs among\n"
    "# the people of each country, for newsgraph.kb.name_origins (README.md here). Derived from the\n"
    "# knowledge base's people: the Phoenix dictionaries of PETRARCH2 (MIT, Copyright (c) 2014 Open Event\n"
    "# Data; LICENSE.phoenix beside this file) and the project's curated and notable facts (MIT).\n"
    "# built by: python scripts/build_name_origins.py (do not edit by hand)\n"
)


# The lists (scripts/data/notable_actors/) whose people are left out (the module's docstring).
LEFT_OUT_LISTS = (
    "sports_2016_2025.tsv",
    "sports_past.tsv",
    "arts_past.tsv",
    "public_past.tsv",
    "culture_1990_2025.tsv",
    "companies_2000_2025.tsv",
)


def _left_out_ids() -> frozenset[str]:
    """The knowledge-base ids of the people of LEFT_OUT_LISTS, read and named as the build reads and names
    them."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from build_notable_actors import PARTS, list_rows, notable_id

    return frozenset(notable_id(r["name"]) for name in LEFT_OUT_LISTS for r in list_rows(PARTS / name, []))


def people() -> list[tuple[str, str]]:
    """(primary name, country) of each knowledge-base person whose roles give exactly one country, but
    those of LEFT_OUT_LISTS."""
    out = []
    left_out = _left_out_ids()
    for actor in load_kb().actors:
        if actor.type != "PERSON" or actor.id in left_out:
            continue
        countries = {r.country for r in actor.roles if r.country}
        if len(countries) == 1:
            out.append((actor.name, countries.pop()))
    return out


def tally(named: list[tuple[str, str]]) -> tuple[dict[str, Counter[str]], Counter[str]]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    totals: Counter[str] = Counter()
    for name, country in named:
        for feature in name_features(name):
            counts[feature][country] += 1
            totals[country] += 1
    return counts, totals


def evaluate(seed: int = 32) -> str:
    """Hold out a tenth of the people (seeded shuffle), build from the rest, and ask the stage's decision
    (name_countries.name_country, its thresholds) for each held-out person which of three countries (theirs
    and two others drawn at random) the name is typical of: how often the likeliest is theirs, how many it
    answers, how many right."""
    from newsgraph.stages.entities.name_countries import name_country

    named = sorted(people())
    rng = random.Random(seed)
    rng.shuffle(named)
    cut = len(named) // 10
    counts, totals = tally(named[cut:])
    origins = NameOrigins({f: dict(c) for f, c in counts.items()}, dict(totals))
    countries = sorted(totals)
    top = answered = right = 0
    for name, country in named[:cut]:
        three = [country, *rng.sample([c for c in countries if c != country], 2)]
        top += origins.scores(name, three)[0][0] == country
        answer = name_country(name, set(three), origins)
        answered += answer is not None
        right += answer == country
    return (
        f"{cut} people held out (seed {seed}) of {len(named)}: the likeliest of three countries is theirs "
        f"for {top} ({top / cut:.1%}); the stage's decision answers {answered} "
        f"({answered / cut:.1%}), {right} right ({right / max(1, answered):.1%})\n"
    )


def build() -> str:
    counts, totals = tally(people())

    def row(feature: str, tally: Counter[str]) -> str:
        return feature + "\t" + " ".join(f"{c}:{n}" for c, n in sorted(tally.items())) + "\n"

    return HEADER + row(TOTALS, totals) + "".join(row(f, counts[f]) for f in sorted(counts))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="exit 1 when the shipped file differs")
    parser.add_argument("--evaluate", action="store_true", help="score the model on people held out of it")
    args = parser.parse_args()
    if args.evaluate:
        sys.stdout.write(evaluate())
        return 0
    text = build()
    if args.check:
        same = NAME_ORIGINS.is_file() and NAME_ORIGINS.read_text(encoding="utf-8") == text
        sys.stderr.write(f"{NAME_ORIGINS}: {'up to date' if same else 'out of date; re-run the script'}\n")
        return 0 if same else 1
    NAME_ORIGINS.write_text(text, encoding="utf-8")
    sys.stderr.write(f"wrote {NAME_ORIGINS}: {text.count(chr(10)) - HEADER.count(chr(10)) - 1} features\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
