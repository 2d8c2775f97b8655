"""One actor per person across a corpus (issue 14, "Done when", PolNeAR dev): how many actor records the
corpus's most mentioned people are split into, with their type and country; and how many actors are
fragments of headlines or credit lines.

    newsgraph ingest ../shared/dev/quotes/dev.jsonl --db /tmp/me/p.db -q
    python bench/actors_corpus.py /tmp/me/p.db

The people are found from the documents' own entities, not from the actors under test: entities whose
full name has the same first name and surname are one person (typed PERSON in at least one document),
ranked by the documents that name them (then by mentions). A person's actor records are the actors
holding one of those full-name entities; actors made only of the bare surname are counted beside them.
The right country is a fact written below (RIGHT_COUNTRY), per person; a person not listed is shown '?'.

A headline or credit-line fragment is an actor all of whose mentions lie in a document's headline (its
first line, when it reads as one), in a credit line ("... contributed to this report", "Reporting
by") or in a byline ("By" and capitalised names only: not "By 2019, ..."), and whose name never appears in
the body of those documents.
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import zlib
from collections import Counter, defaultdict

from newsgraph.corpus.names import person_tokens

# Facts: the country each of the people PolNeAR dev names most is a citizen and office-holder of.
RIGHT_COUNTRY = {
    "donald trump": "USA",
    "hillary clinton": "USA",
    "barack obama": "USA",
    "bill clinton": "USA",
    "bernie sanders": "USA",
    "mike pence": "USA",
    "tim kaine": "USA",
    "lester holt": "USA",
    "mitt romney": "USA",
    "vladimir putin": "RUS",
    "ted cruz": "USA",
    "gary johnson": "USA",
    "jill stein": "USA",
    "paul ryan": "USA",
    "kellyanne conway": "USA",
    "keith scott": "USA",
    "michelle obama": "USA",
    "chris christie": "USA",
    "rudy giuliani": "USA",
    "john podesta": "USA",
    "huma abedin": "USA",
    "robby mook": "USA",
    "james comey": "USA",
    "mitch mcconnell": "USA",
    "terence crutcher": "USA",
}

CREDIT = re.compile(
    r"contributed to this report|reporting by|writing by|editing by|follow .{0,40} on twitter|"
    r"all rights reserved|©|\(c\) \d{4}|getty images|associated press writer",
    re.IGNORECASE,
)
# A byline is "By" and the writers' names, a short line of capitalised words ("By Jane Roe and John Doe",
# "By Jane Roe, Associated Press"); a line that opens "By 2019, the river ..." or "By the end of the week,
# ..." is a sentence of the story, and its names are actors.
BYLINE = re.compile(r"\s*(?:By|BY|by)\s+(\S.*)")
BYLINE_MAX_WORDS = 10
BYLINE_JOINING = frozenset({"and", "&", "de", "del", "da", "van", "von", "der", "la", "le", "al", "bin"})


def is_byline(line: str) -> bool:
    """By + capitalised names (joined by "and", a comma before an outlet); no digits, no lower-case clause."""
    match = BYLINE.fullmatch(line)
    if match is None or any(ch.isdigit() for ch in match.group(1)):
        return False
    words = match.group(1).replace(",", " ").split()
    return (
        len(words) <= BYLINE_MAX_WORDS
        and words[0][:1].isupper()
        and all(w[:1].isupper() or w in BYLINE_JOINING for w in words)
    )


def fragment_lines(text: str, title: str | None) -> list[tuple[int, int]]:
    """Character ranges of the headline and credit lines of a text."""
    out = []
    pos = 0
    for i, line in enumerate(text.split("\n")):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        same_as_title = bool(title) and stripped.rstrip(".").strip() == (title or "").rstrip(".").strip()
        headline = i == 0 and (same_as_title or not stripped.endswith((".", '"', "”")))
        if headline or CREDIT.search(stripped) or is_byline(stripped):
            out.append((start, end))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("db", help="an SQLite store")
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args()
    db = sqlite3.connect(args.db)
    db.row_factory = sqlite3.Row
    actors = {r["id"]: r for r in db.execute("SELECT * FROM actors")}

    docs: dict[tuple[str, str], set[str]] = defaultdict(set)
    mentions: Counter[tuple[str, str]] = Counter()
    typed_person: set[tuple[str, str]] = set()
    holders: dict[tuple[str, str], set[str]] = defaultdict(set)
    bare: dict[str, set[str]] = defaultdict(set)
    for r in db.execute("SELECT doc_id, actor_id, name, aliases, type, mentions FROM entities"):
        forms = [person_tokens(n) for n in (r["name"], *json.loads(r["aliases"]))]
        full = sorted(f for f in forms if len(f) >= 2)
        if not full:
            if forms and forms[0] and r["type"] in ("PERSON", "ORG"):
                bare[forms[0][-1]].add(r["actor_id"])
            continue
        key = (full[0][0], full[0][-1])
        docs[key].add(r["doc_id"])
        mentions[key] += r["mentions"]
        holders[key].add(r["actor_id"])
        if r["type"] == "PERSON":
            typed_person.add(key)
    people = sorted(typed_person, key=lambda k: (-len(docs[k]), -mentions[k], k))[: args.top]

    print(f"{'person':22} {'docs':>4} {'ment':>5} {'actors':>6} {'bare':>4}  types / countries (right)  ok")
    ok_count = 0
    for key in people:
        name = " ".join(key)
        ids = sorted(holders[key])
        bare_only = sorted(
            a
            for a in bare[key[1]]
            if a not in ids and all(len(person_tokens(n)) == 1 for n in json.loads(actors[a]["names"]))
        )
        types = ",".join(sorted({actors[a]["type"] for a in ids}))
        countries = ",".join(sorted({actors[a]["country"] or "-" for a in ids}))
        right = RIGHT_COUNTRY.get(name, "?")
        ok = len(ids) == 1 and types == "PERSON" and countries == right
        ok_count += ok
        print(
            f"{name:22} {len(docs[key]):4} {mentions[key]:5} {len(ids):6} {len(bare_only):4}  "
            f"{types} / {countries} ({right})  {'yes' if ok else 'NO'}"
        )
    print(f"people that are exactly one PERSON actor with the right country: {ok_count}/{len(people)}")

    # Headline and credit-line fragments.
    where: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    bodies: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    for r in db.execute("SELECT id, title, data FROM documents"):
        data = json.loads(zlib.decompress(r["data"]))
        bodies[r["id"]] = (data["text"], fragment_lines(data["text"], r["title"]))
        actor_of = {
            e["entity_id"]: e["actor_id"]
            for e in db.execute("SELECT entity_id, actor_id FROM entities WHERE doc_id=?", (r["id"],))
        }
        for e in data["entities"]:
            for m in e["mentions"]:
                where[actor_of[e["id"]]].append((r["id"], m["start"], m["end"]))
    fragments = []
    for actor_id, spots in where.items():
        inside = all(any(s <= a and b <= e for s, e in bodies[d][1]) for d, a, b in spots)
        if not inside:
            continue
        name = actors[actor_id]["name"]
        body_has = False
        for d in {d for d, _, _ in spots}:
            text, lines = bodies[d]
            for m in re.finditer(re.escape(name), text):
                if not any(s <= m.start() < e for s, e in lines):
                    body_has = True
        if not body_has:
            fragments.append(name)
    share = len(fragments) / max(1, len(actors))
    print(f"headline/credit fragments: {len(fragments)} of {len(actors)} actors ({share:.1%})")
    for name in sorted(fragments):
        print(f"  {name}")


if __name__ == "__main__":
    main()
