#!/usr/bin/env python3
"""People given pronouns of both genders, or a pronoun against their own gender, on unannotated text
(issue 14: "never a pronoun to a person of the other gender when the gender is known").

    .venv/bin/python bench/pronoun_mix.py [--limit N] [--list mixed|against|all] [--sample N]

A person entity that receives both a masculine (he/him/his/himself) and a feminine (she/her/hers/herself)
pronoun in one document almost always holds a pronoun error, so on text no annotation covers the count of
such people measures the errors that `bench/actors_gold.py` can only count on its few annotated articles.
A second count: people given a pronoun against the gender extraction itself holds for them (the gender
stages/entities/gender.py gave the person's cluster, and the one a first pronoun gave an unknown person,
read back by wrapping `person_genders`).

Runs extraction over the shared dev texts of the CoNLL, TempEval, quotes, LGL and claims sets (no labels
are read; claims documents once each), leaving out every article of `training/actors/` and its sub-sets
(tuning, heldout*: annotated sets, some blind) under every id that carries the same text. The rest is
split by sha1(id): half "read" may be listed (`--list`) to find the causes, half "count" is only counted.
Listings go to stdout only: shared text is never written into the repo.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from actors_gold import PRONOUN_GENDER, rows  # the bench's reader of the annotation TSVs
from unannotated import half_of, unannotated

from newsgraph import Entity, extract
from newsgraph.lexicons.names import Gender
from newsgraph.stages.entities import pronoun_choice, pronouns

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SOURCES = ("ner", "timex", "quotes", "geo", "claims")


def records() -> Iterator[dict[str, str | None]]:
    """The unannotated records, each text once."""
    unread = {r["id"] for path in (ROOT / "training" / "actors").rglob("articles.tsv")
              for r in rows(path.parent, path.name)}  # fmt: skip
    return unannotated(SHARED, SOURCES, unread)


#: (clusters, id(cluster) -> gender) of the last document's person pronoun pass.
_HELD: list[tuple[list[Any], dict[int, Gender]]] = []
# pronouns calls person_genders by the name it imports from .gender (not re-exported): the wrap reads and
# replaces that name in the module's own namespace.
_original: Callable[..., dict[int, Gender]] = vars(pronouns)["person_genders"]
#: --ungendered: the pronoun pass is told no gender, and the genders the evidence gave are only recorded.
_TELL = [True]


def _recording(doc: Any, clusters: list[Any], *args: Any, **kwargs: Any) -> dict[int, Gender]:
    out = _original(doc, clusters, *args, **kwargs)
    _HELD.append((list(clusters), out))  # the same dict: a gender a first pronoun gave is in it too
    return out if _TELL[0] else {}


vars(pronouns)["person_genders"] = _recording


def held_genders(entities: Sequence[Entity]) -> dict[int, str]:
    """Entity index -> the gender the pronoun pass held for the cluster sharing its name mentions."""
    spans: dict[tuple[int, int], str] = {}
    for clusters, genders in _HELD:
        for c in clusters:
            g = genders.get(id(c))
            if g is not None:
                spans.update({(m.start, m.end): g for m in c.mentions if m.kind == "name"})
    out = {}
    for i, e in enumerate(entities):
        said = {spans[(m.start, m.end)] for m in e.mentions if (m.start, m.end) in spans}
        if len(said) == 1:
            out[i] = said.pop()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, help="the first N records only (for speed while developing)")
    ap.add_argument("--list", choices=("mixed", "against", "all"), help="print the read half's cases")
    ap.add_argument("--sample", type=int, default=60)
    ap.add_argument(
        "--unguarded",
        action="store_true",
        help="without the guard that keeps a person's pronouns of one gender",
    )
    ap.add_argument(
        "--ungendered",
        action="store_true",
        help="also without the genders the evidence gives (counted against, not obeyed)",
    )
    args = ap.parse_args()
    _TELL[0] = not args.ungendered
    if args.unguarded or args.ungendered:
        # pronouns.py calls it by the name it imports from pronoun_choice, which calls it too
        vars(pronouns)["holds_other_gender"] = lambda cluster, want: False
        pronoun_choice.holds_other_gender = lambda cluster, want: False
    if not SHARED.exists():
        print("skipped: ../shared is absent")
        return 0
    halves = ("read", "count")
    tally = {h: Counter[str]() for h in halves}
    cases: dict[str, list[str]] = {"mixed": [], "against": []}
    for n, rec in enumerate(records()):
        if args.limit is not None and n >= args.limit:
            break
        rid, text = str(rec["id"]), str(rec["text"])
        half = half_of(rid)
        _HELD.clear()
        doc = extract(text, rec["published"], id=rid, url=rec["url"])
        held = held_genders(doc.entities)
        tally[half]["documents"] += 1
        for i, e in enumerate(doc.entities):
            if e.type != "PERSON":
                continue
            got = [m for m in e.mentions if m.kind == "pronoun" and m.text.lower() in PRONOUN_GENDER]
            if not got:
                continue
            tally[half]["persons with pronouns"] += 1
            genders = {PRONOUN_GENDER[m.text.lower()] for m in got}
            against = [m for m in got if i in held and PRONOUN_GENDER[m.text.lower()] != held[i]]
            mixed = len(genders) == 2
            tally[half]["mixed"] += mixed
            tally[half]["against"] += bool(against)
            tally[half]["pronouns against"] += len(against)
            if half != "read" or args.list is None:
                continue  # the counted half is never listed
            for kind, hit in (("mixed", mixed), ("against", bool(against))):
                if hit and args.list in (kind, "all"):
                    names = sorted({m.text for m in e.mentions if m.kind == "name"})
                    marks = " ".join(f"{m.start}:{m.text}" for m in got)
                    cases[kind].append(f"{kind} {rid} {e.name!r} held={held.get(i)} names={names} | {marks}")
    for h in halves:
        t = tally[h]
        print(
            f"half {h}: documents {t['documents']}, persons with pronouns {t['persons with pronouns']}, "
            f"given both genders {t['mixed']}, given a pronoun against their held gender {t['against']} "
            f"({t['pronouns against']} pronouns)"
        )
    for lines in cases.values():
        for line in random.Random(17).sample(lines, min(args.sample, len(lines))):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
