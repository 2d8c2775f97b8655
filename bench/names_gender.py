"""What the given-name lists say of annotated persons' gender (issue 14, pronouns that agree).

    python bench/names_gender.py                   # the development sets
    python bench/names_gender.py --set blind       # the blind sets (aggregates only)

Every annotated person with a gender (m/f) and a mention of two words or more is taken once; its given
name is the first word of its first such mention that is not a title or an initial. The figure is how
many of them `first_name_gender` (lexicons/first_names.tsv, then first_names_rare.tsv and
first_names_world.tsv) gives a gender, and how many of those are right, beside the main list alone: a
measure of the names resource, not of extraction (gender.py reads titles, the knowledge base and the
text's own pronouns first).
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from actors_gold import BLIND, DEVELOPMENT, ROOT, load_set, load_texts, near_copies

from newsgraph.lexicons import titles
from newsgraph.lexicons.names import (
    FEMALE_AT_LEAST,
    MALE_AT_MOST,
    Gender,
    first_name_gender,
    first_names,
    title_gender,
)
from newsgraph.lexicons.names import _fold as fold


def given_names(sets: Iterable[str], shared: Path) -> list[tuple[str, str]]:
    """(given name, annotated gender) of each annotated person with a gender and a full name."""
    out = []
    known_titles = titles()
    for name in sets:
        articles, gold, _, _ = load_set(name)
        texts = load_texts(shared, articles)
        copies = set(near_copies(shared, texts)) if name not in DEVELOPMENT else set()
        for rid in [r for r in articles if r not in copies]:  # as bench/actors_gold.py skips them
            text = texts[rid][0]
            for actor in gold[rid]:
                if actor.type != "PERSON" or actor.gender is None:
                    continue
                for start, end in actor.spans:
                    words = [
                        w
                        for w in text[start:end].split()
                        if title_gender(w) is None
                        and w.lower().rstrip(".") not in known_titles
                        and f"{w.lower().rstrip('.')}." not in known_titles
                    ]
                    if len(words) >= 2 and len(words[0].rstrip(".")) > 1:
                        out.append((words[0], actor.gender))
                        break
    return out


def main_list_only(word: str) -> Gender | None:
    p = first_names().get(fold(word))
    if p is None:
        return None
    return "f" if p >= FEMALE_AT_LEAST else "m" if p <= MALE_AT_MOST else None


def tally(people: list[tuple[str, str]], gender_of: Callable[[str], Gender | None]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for word, want in people:
        got = gender_of(word)
        counts["known"] += got is not None
        counts["right"] += got == want
        counts["wrong"] += got is not None and got != want
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared data folder")
    parser.add_argument("--set", choices=("development", "blind"), default="development")
    args = parser.parse_args()
    if not (args.shared / "dev").is_dir():
        print(f"skipped: no shared data at {args.shared} (the annotated sets read its articles)")
        return
    people = given_names(DEVELOPMENT if args.set == "development" else BLIND, args.shared)
    print(f"{args.set} sets: {len(people)} annotated persons with a gender and a full name")
    lists = (("first_names.tsv alone", main_list_only), ("with rare and world", first_name_gender))
    for label, gender_of in lists:
        c = tally(people, gender_of)
        print(f"  {label:22} known {c['known']}, right {c['right']}, wrong {c['wrong']}")


if __name__ == "__main__":
    main()
