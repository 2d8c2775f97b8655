#!/usr/bin/env python3
"""Places whose resolved country disagrees with the rest of their story, on unannotated text.

    .venv/bin/python bench/places_agreement.py [--list CLASS] [--sample N]

Runs extraction over the shared dev texts of the CoNLL, TempEval, claims and PolNeAR sets (no labels are
read), leaving out the articles of `training/places/` and `training/actors/heldout*/` (annotated sets that
must stay unread). The rest is split by sha1(id): half "read" may be listed to find error classes, half
"count" is only counted. For each article the majority country is the country of most of its other
resolved place mentions (at least half, and two mentions); a place resolved elsewhere disagrees, and falls
in the first class it fits:

- court: a court district phrase ("Eastern District"), which is no place lookup by its words (counted
  whatever the majority);
- country: a country's own name resolved to another country, a town named after it (counted whatever
  the majority);
- (a country's name in that country, or a national capital in its own, is taken as right and not counted)
- dateline: the story's dateline place;
- namesake: a town whose name the gazetteer also has in the majority country;
- other: the rest (most are real foreign places of an international story).

Prints, per class, the places and the articles that have one; `--list CLASS` (or all) prints up to N
of the read half's cases of each class with their context (to stdout only: shared text is never written
into the repo).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from actors_gold import rows  # the bench's reader of the annotation TSVs
from unannotated import half_of, unannotated

from newsgraph import Document, Entity, extract, lexicons
from newsgraph.geo import gazetteer
from newsgraph.nlp.datelines import find_datelines

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SOURCES = ("ner", "timex", "claims", "quotes")
CLASSES = ("court", "country", "dateline", "namesake", "other")
_COURT = re.compile(r"\b(?:Eastern|Western|Northern|Southern|Middle|Central)\s+District\b|\bCircuit\b")
_TOWN_KINDS = ("city", "adm2", "adm2short")


def records() -> Iterator[dict[str, str | None]]:
    """The unannotated records, claims documents once each."""
    unread = {r["id"] for r in rows(ROOT / "training" / "places", "articles.tsv")}
    # every held-out actor set, blind or not: a listing here must never show a blind article
    for held_out in sorted((ROOT / "training" / "actors").glob("heldout*")):
        unread |= {r["id"] for r in rows(held_out, "articles.tsv")}
    return unannotated(SHARED, SOURCES, unread)


def _weight(entity: Entity) -> int:
    return sum(m.kind == "name" for m in entity.mentions)


def classify(doc: Document) -> list[tuple[str, Entity, str]]:
    """(class, entity, majority country) of each resolved place that disagrees with its story."""
    gaz = gazetteer()
    by_name = lexicons.country_by_name()
    places = [e for e in doc.entities if e.is_place and e.country and _weight(e)]
    dateline_spans = {(d.start, d.end) for d in find_datelines(doc.text)}
    capitals = {c.capital: c.iso3 for c in lexicons.countries() if c.capital}
    out = []
    for e in places:
        names = {m.text for m in e.mentions if m.kind == "name"} | {e.name}
        if any(_COURT.search(n) for n in names):
            out.append(("court", e, ""))
            continue
        countries = {by_name[n].iso3 for n in names if n in by_name}
        if countries and e.country not in countries:
            out.append(("country", e, ""))
            continue
        if countries or any(capitals.get(n.title()) == e.country for n in names):
            continue  # a country, or a capital in its country: right unless the text says otherwise
        votes: Counter[str] = Counter()
        for other in places:
            if other is not e:
                assert other.country is not None  # `places` holds resolved places only
                votes[other.country] += _weight(other)
        if not votes:
            continue
        top, n = votes.most_common(1)[0]
        if top == e.country or n < 2 or 2 * n < sum(votes.values()):
            continue
        if any((m.start, m.end) in dateline_spans for m in e.mentions):
            kind = "dateline"
        elif any(p.country == top and p.kind in _TOWN_KINDS for n in names for p in gaz.lookup(n.title())):
            kind = "namesake"
        else:
            kind = "other"
        out.append((kind, e, top))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--list", choices=(*CLASSES, "all"), help="print the read half's cases of a class")
    ap.add_argument("--sample", type=int, default=40)
    args = ap.parse_args()
    if not SHARED.exists():
        print("skipped: ../shared is absent")
        return 0
    halves = ("read", "count")
    entities = {h: Counter[str]() for h in halves}
    docs = {h: {c: set[str]() for c in CLASSES} for h in halves}
    n_docs: Counter[str] = Counter()
    cases: dict[str, list[str]] = {c: [] for c in CLASSES}
    for rec in records():
        half, rid, text = half_of(str(rec["id"])), str(rec["id"]), str(rec["text"])
        n_docs[half] += 1
        doc = extract(text, rec["published"], id=rid, url=rec["url"])
        for kind, e, top in classify(doc):
            entities[half][kind] += 1
            docs[half][kind].add(rid)
            if half == "read" and args.list in (kind, "all"):  # the counted half is never listed
                m = next(m for m in e.mentions if m.kind == "name")
                ctx = text[max(0, m.start - 70) : m.end + 70].replace("\n", " ")
                name, country = e.name, e.country
                cases[kind].append(f"{kind} {rid} {m.start} {name!r} -> {country} majority {top} | {ctx}")
    for h in halves:
        any_docs = set().union(*docs[h].values())
        print(f"half {h}: {n_docs[h]} articles, {len(any_docs)} with a disagreeing place")
        for c in CLASSES:
            print(f"  {c:<9} places {entities[h][c]:>4}  articles {len(docs[h][c]):>4}")
    for c in CLASSES:
        for line in random.Random(17).sample(cases[c], min(args.sample, len(cases[c]))):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
