"""Agreement between two annotations of the same articles in the actors format (docs/annotation-actors.md).

Two annotators picked some of the same articles independently: the tuning set (`training/actors/`) and
the blind held-out set (`training/actors/heldout2/`) share articles, each annotated from the text alone by
a different helper. Their overlap measures how far two people agree on actors, countries and pronouns,
which bounds what any rule can be asked to reach.

    python bench/actors_agreement.py                                   # tuning vs heldout2
    python bench/actors_agreement.py training/actors training/actors/heldout

Two actors are the same when their mention spans overlap most. Reported: actors each side found and
how many pair up (F1), and among paired actors the share with the same type, country and gender; among
gendered pronouns both marked, the share pointing at paired actors.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from actors_gold import ROOT, GoldActor, load_gold, overlaps


def shared_spans(a: GoldActor, b: GoldActor) -> int:
    return sum(1 for s in a.spans for t in b.spans if overlaps(s, t))


def pair_actors(left: list[GoldActor], right: list[GoldActor]) -> dict[str, str]:
    """Left key -> right key, greedily by the number of overlapping mentions (each used once)."""
    scored = sorted(
        ((n, a.key, b.key) for a in left for b in right if (n := shared_spans(a, b))),
        reverse=True,
    )
    pairs: dict[str, str] = {}
    for _, a, b in scored:
        if a not in pairs and b not in pairs.values():
            pairs[a] = b
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    gold = ROOT / "training" / "actors"
    parser.add_argument("left", type=Path, nargs="?", default=gold, help="one annotation folder")
    parser.add_argument("right", type=Path, nargs="?", default=gold / "heldout2", help="the other")
    args = parser.parse_args()
    left_articles, left_actors, left_pronouns = load_gold(args.left)
    right_articles, right_actors, right_pronouns = load_gold(args.right)
    shared = sorted(set(left_articles) & set(right_articles))
    print(f"articles annotated on both sides: {len(shared)} ({', '.join(shared)})")
    n_left = n_right = n_pairs = same_type = same_country = same_gender = 0
    n_pronouns = same_antecedent = 0
    for rid in shared:
        left, right = left_actors.get(rid, []), right_actors.get(rid, [])
        pairs = pair_actors(left, right)
        n_left, n_right, n_pairs = n_left + len(left), n_right + len(right), n_pairs + len(pairs)
        by_key = {a.key: a for a in right}
        for a in left:
            if a.key in pairs:
                b = by_key[pairs[a.key]]
                same_type += a.type == b.type
                same_country += a.country == b.country
                same_gender += a.gender == b.gender
        right_at = {(s, e): key for s, e, key in right_pronouns.get(rid, [])}
        for s, e, key in left_pronouns.get(rid, []):
            if (s, e) in right_at:
                n_pronouns += 1
                same_antecedent += pairs.get(key) == right_at[(s, e)]
    f1 = 2 * n_pairs / max(1, n_left + n_right)
    print(f"actors: {n_left} left, {n_right} right, {n_pairs} paired (F1 {f1:.3f})")
    for name, same in (("type", same_type), ("country", same_country), ("gender", same_gender)):
        print(f"  same {name}: {same}/{n_pairs} ({same / max(1, n_pairs):.1%})")
    print(
        f"pronouns marked on both sides: {n_pronouns}, same antecedent {same_antecedent} "
        f"({same_antecedent / max(1, n_pronouns):.1%})"
    )


if __name__ == "__main__":
    main()
